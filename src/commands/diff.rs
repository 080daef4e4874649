//! `implan diff OLD NEW`: what changed between two versions of a plan, each a file or a version of one from
//! git ([`super::git`]). Exit code 0 when nothing did, 1 when something did, as `diff` has it.

use super::git::{self, GitError};
use super::plan::{Loaded, findings, folder_config};
use super::{Console, Error, Exit, parse_today};
use crate::check::FileReport;
use crate::cli::{DiffArgs, DiffFormat};
use crate::diff::{self, Side, render::Labels};
use crate::lang::{Lang, Text};
use crate::messages::{commands as mc, diff as m};
use crate::model::Plan;
use crate::source::Source;
use crate::{escape, i18n};
use std::path::{Path, PathBuf};

/// One side as the command line names it.
#[derive(Debug, PartialEq, Eq)]
enum Version {
    File(PathBuf),
    /// The file as it was at a revision.
    At {
        rev: String,
        file: PathBuf,
    },
    /// git's `REV:PATH`.
    Spec(String),
}

/// What one word on the command line is: a file when it exists or ends in `.toml`; else `REV:PATH` when it
/// has a colon; else a revision (of the other side's file).
enum Word {
    File(PathBuf),
    Spec(String),
    Rev(String),
}

fn word(s: &str) -> Word {
    let path = Path::new(s);
    if path.exists() || s.ends_with(".toml") && !s.contains(':') {
        Word::File(path.to_path_buf())
    } else if s.split_once(':').is_some_and(|(rev, _)| !rev.is_empty()) {
        Word::Spec(s.to_owned())
    } else {
        Word::Rev(s.to_owned())
    }
}

fn versions(old: &str, new: &str) -> Result<(Version, Version), Text> {
    let at = |rev: String, file: &Path| Version::At { rev, file: file.to_path_buf() };
    let side = |w: Word| match w {
        Word::File(f) => Some(Version::File(f)),
        Word::Spec(s) => Some(Version::Spec(s)),
        Word::Rev(_) => None,
    };
    Ok(match (word(old), word(new)) {
        (Word::Rev(rev), Word::File(f)) => (at(rev, &f), Version::File(f)),
        (Word::File(f), Word::Rev(rev)) => {
            let newer = at(rev, &f);
            (Version::File(f), newer)
        }
        (a, b) => match (side(a), side(b)) {
            (Some(a), Some(b)) => (a, b),
            _ => return Err(m::no_file(&escape::visible(old), &escape::visible(new))),
        },
    })
}

/// A side read: its text with the path findings and `implan.toml` go by, and how the reader is told of it.
struct Read {
    source: Source,
    not_text: Option<crate::diag::Finding>,
    label: String,
}

fn read(version: &Version) -> Result<Read, Text> {
    let (path, bytes, label) = match version {
        Version::File(path) => {
            let bytes = crate::source::read_plan(path)
                .map_err(|e| mc::cannot_read(&escape::path(path), &crate::write::describe(&e)))?;
            (path.clone(), bytes, escape::path(path))
        }
        Version::At { rev, file } => {
            let (bytes, relative) = git::show_file(rev, file).map_err(|e| git_error(e, rev, &escape::path(file)))?;
            (file.clone(), bytes, escape::visible(&format!("{rev}:{relative}")).into_owned())
        }
        Version::Spec(spec) => {
            let (rev, path) = spec.split_once(':').unwrap_or((spec, ""));
            let bytes = git::show_spec(Path::new("."), spec).map_err(|e| git_error(e, rev, &escape::visible(path)))?;
            (PathBuf::from(path), bytes, escape::visible(spec).into_owned())
        }
    };
    let (source, not_text) = crate::load::decode(&path, bytes);
    Ok(Read { source, not_text, label })
}

fn git_error(e: GitError, rev: &str, path: &str) -> Text {
    match e {
        GitError::Missing(e) => m::git_missing(&crate::write::describe(&e)),
        GitError::NotInRepository { dir, said } => m::not_in_repository(&escape::path(&dir), &escape::visible(&said)),
        GitError::NotFound { said } => m::unknown_revision(&escape::visible(rev), path, &escape::visible(&said)),
        GitError::OptionLike => m::revision_like_option(&escape::visible(rev)),
    }
}

/// The plan of a side, or its findings reported as `check` reports them.
fn load(read: &Read, flag: Option<Lang>, console: &mut dyn Console) -> Option<Plan> {
    let loaded = match &read.not_text {
        Some(finding) => Err(vec![finding.clone()]),
        None => crate::load::load(&read.source),
    };
    match loaded {
        Ok(plan) => Some(plan),
        Err(findings) => {
            let path = &read.source.path;
            let declared =
                crate::load::declared_lang(&read.source).or_else(|| folder_config(path).and_then(|c| c.lang));
            let lang = i18n::resolve(flag, declared, i18n::env_locale().as_deref());
            let report = FileReport { path: path.clone(), source: Some(read.source.clone()), findings, lang };
            console.report(&crate::render::human(&[report], &[], lang));
            None
        }
    }
}

pub(super) fn run(args: DiffArgs, console: &mut dyn Console) -> Result<Exit, Error> {
    let flag = args.lang.map(Lang::from);
    let (old, new) = versions(&args.old, &args.new)?;
    let (old, new) = (read(&old)?, read(&new)?);
    // A side that does not load cannot be compared: its findings say why (exit 2, not "differences").
    let (Some(old_plan), Some(new_plan)) = (load(&old, flag, console), load(&new, flag, console)) else {
        return Ok(Exit::Usage);
    };
    let folder_lang = || folder_config(&new.source.path).and_then(|c| c.lang);
    let lang = i18n::resolve(flag, new_plan.lang.or_else(folder_lang), i18n::env_locale().as_deref());
    let today = match &args.today {
        Some(t) => parse_today(t, "--today").map_err(|e| e.about(lang))?,
        None => chrono::Local::now().date_naive(),
    };
    let old_findings = findings(&Loaded { plan: &old_plan, source: &old.source, today });
    let new_findings = findings(&Loaded { plan: &new_plan, source: &new.source, today });
    let diff = diff::compare(
        &Side { plan: &old_plan, source: &old.source, findings: &old_findings },
        &Side { plan: &new_plan, source: &new.source, findings: &new_findings },
    );
    let labels = Labels { old: &old.label, new: &new.label };
    let text = match args.format {
        DiffFormat::Human => diff::render::human(&diff, lang, &labels),
        DiffFormat::Markdown => diff::render::markdown(&diff, lang, &labels),
        DiffFormat::Json => diff::render::json(&diff, lang, &labels),
    };
    console.out(&text, false)?;
    Ok(if diff.is_empty() { Exit::Success } else { Exit::Failure })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_is_a_file_a_revision_or_git_s_rev_path() {
        let plan = concat!(env!("CARGO_MANIFEST_DIR"), "/plans/beiarn-omni.toml");
        let file = || Version::File(PathBuf::from(plan));
        assert_eq!(versions(plan, plan).unwrap(), (file(), file()));
        let at = Version::At { rev: "vedtatt-2026".into(), file: PathBuf::from(plan) };
        assert_eq!(versions("vedtatt-2026", plan).unwrap(), (at, file()));
        let spec = Version::Spec("v1:plans/beiarn-omni.toml".into());
        assert_eq!(versions("v1:plans/beiarn-omni.toml", plan).unwrap(), (spec, file()));
        // A name that ends in .toml is a file even when it does not exist: its error is that it cannot be read.
        assert_eq!(versions("gone.toml", plan).unwrap().0, Version::File(PathBuf::from("gone.toml")));
        assert!(versions("v1", "v2").is_err());
        assert!(versions("v1", "v2:plan.toml").is_err());
    }
}
