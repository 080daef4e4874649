//! `--since REV|DATE` of `status` and `report`: which version of the plan the changes are counted from, read
//! from git ([`super::git`]), and the comparison sorted for the steering group ([`crate::diff::since`]).
//!
//! The word is a day when implan reads it as a date (`2026-10-01`, `oktober 2026`: its first day), else a git
//! revision; `rev:` before it makes it a revision whatever it looks like. Since a revision: the plan as it
//! was in that commit against the working copy. Since a day: the plan as git had it when that day began (the
//! last commit before it that changed the file) against the working copy, and, with or without git, every
//! activity done that day or later.

use super::Error;
use super::git::{self, Commit, GitError};
use super::plan::{Audience, Loaded};
use crate::diff::since::{Baseline, NoVersion, Since, Version};
use crate::diff::{self, Side};
use crate::escape;
use crate::messages::{diff as md, since as m};
use crate::model::Plan;
use crate::source::Source;
use crate::when::WhenError;
use chrono::NaiveDate;
use std::path::Path;

/// What a `--since` word names.
#[derive(Debug, PartialEq, Eq)]
enum Word<'a> {
    Day(NaiveDate),
    Revision {
        rev: &'a str,
        /// Written `rev:REV`.
        forced: bool,
        /// Why it is not a date, when it looks like one (it begins with a digit): said if git does not know it
        /// either.
        as_date: Option<WhenError>,
    },
}

fn word(given: &str) -> Word<'_> {
    if let Some(rev) = given.strip_prefix("rev:") {
        return Word::Revision { rev, forced: true, as_date: None };
    }
    match crate::when::parse(given) {
        Ok(when) => Word::Day(when.start),
        Err(e) => {
            let as_date = given.starts_with(|c: char| c.is_ascii_digit()).then_some(e);
            Word::Revision { rev: given, forced: false, as_date }
        }
    }
}

/// What changed since `given` in the plan `loaded`, whose view shows `plan` (the plan shown to people, or as
/// written for programs: the baseline's version is taken the same way).
pub(super) fn since(given: &str, loaded: &Loaded, plan: &Plan, audience: Audience) -> Result<Since, Error> {
    let path = &loaded.source.path;
    let (baseline, old) = match word(given) {
        Word::Day(day) => match git::last_commit_before(path, day) {
            Ok(Some(commit)) => {
                let old = read_at(&commit, &commit.short, path)?;
                (Baseline::Day { day, version: Ok(version(&commit)) }, Some(old))
            }
            Ok(None) | Err(GitError::NotFound { .. } | GitError::OptionLike) => {
                (Baseline::Day { day, version: Err(NoVersion::NoneBefore) }, None)
            }
            Err(GitError::NotInRepository { .. }) => (Baseline::Day { day, version: Err(NoVersion::NotInGit) }, None),
            Err(GitError::Missing(_)) => (Baseline::Day { day, version: Err(NoVersion::NoGit) }, None),
        },
        Word::Revision { rev, forced, as_date } => {
            let commit = git::commit(rev, path).map_err(|e| revision_error(e, given, rev, path, forced, as_date))?;
            let old = read_at(&commit, rev, path)?;
            (Baseline::Revision { name: rev.to_owned(), version: version(&commit) }, Some(old))
        }
    };
    let diff = old.map(|(old_plan, old_source)| {
        let shown;
        let old_plan = match audience {
            Audience::People => {
                shown = old_plan.shown();
                &shown
            }
            Audience::Programs => &old_plan,
        };
        diff::compare(
            &Side { plan: old_plan, source: &old_source, findings: &[] },
            &Side { plan, source: loaded.source, findings: &[] },
        )
    });
    Ok(diff::since::since(baseline, diff.as_ref(), plan, loaded.source))
}

fn version(c: &Commit) -> Version {
    Version { commit: c.short.clone(), date: c.date }
}

/// The plan at `path` as it was in `commit` (named `rev` by the reader), loaded.
fn read_at(commit: &Commit, rev: &str, path: &Path) -> Result<(Plan, Source), Error> {
    let (bytes, relative) = git::show_file(&commit.id, path).map_err(|e| match e {
        GitError::NotFound { .. } => {
            let date = commit.date.to_string();
            Error::Usage(m::not_at_revision(&escape::visible(rev), &escape::path(path), &commit.short, &date))
        }
        other => revision_error(other, rev, rev, path, true, None),
    })?;
    let (source, not_text) = crate::load::decode(path, bytes);
    let loaded = match not_text {
        Some(finding) => Err(vec![finding]),
        None => crate::load::load(&source),
    };
    match loaded {
        Ok(plan) => Ok((plan, source)),
        Err(findings) => {
            let label = escape::visible(&format!("{rev}:{relative}")).into_owned();
            let command = format!("implan diff {} {}", escape::visible(rev), escape::path(path));
            Err(Error::Usage(m::does_not_load(&label, findings.len(), &command)))
        }
    }
}

/// Why the revision cannot be read, in words that say what to do.
fn revision_error(e: GitError, given: &str, rev: &str, path: &Path, forced: bool, as_date: Option<WhenError>) -> Error {
    let (given, rev) = (escape::visible(given), escape::visible(rev));
    Error::Usage(match e {
        GitError::Missing(e) => md::git_missing(&crate::write::describe(&e)),
        GitError::NotInRepository { said, .. } => {
            m::not_in_repository(&given, &escape::path(path), &escape::visible(&said))
        }
        GitError::NotFound { said } => {
            let said = escape::visible(&said);
            match (forced, as_date) {
                (true, _) => m::unknown_revision(&rev, &said),
                (false, Some(date)) => m::unknown_date(&given, &date.message, &said),
                (false, None) => m::unknown(&given, &said),
            }
        }
        GitError::OptionLike => md::revision_like_option(&rev),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_is_a_day_and_anything_else_a_revision() {
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(word("2026-10-01"), Word::Day(day("2026-10-01")));
        // A month, a term or a year counts from its first day, as implan reads dates elsewhere.
        assert_eq!(word("oktober 2026"), Word::Day(day("2026-10-01")));
        assert_eq!(word("Høsten 2026"), Word::Day(day("2026-08-01")));
        assert_eq!(word("2026"), Word::Day(day("2026-01-01")));
        for rev in ["vedtatt-2026", "HEAD~3", "main", "v1.2", "a1b2c3d"] {
            assert_eq!(word(rev), Word::Revision { rev, forced: false, as_date: None }, "{rev}");
        }
        // rev: makes a date a revision.
        assert_eq!(word("rev:2026"), Word::Revision { rev: "2026", forced: true, as_date: None });
        // What looks like a date and is none keeps why, for the error if git does not know it either.
        let Word::Revision { forced: false, as_date: Some(e), .. } = word("2026-13-01") else { panic!("a revision") };
        assert!(!e.message.en().is_empty());
    }
}
