//! Reading versions of a plan from git: the one place implan runs `git`, for `implan diff` and for `--since`.
//! It runs git in the file's repository, each argument passed as it is (no shell), and a revision that git
//! would take for an option is refused before git sees it.

use chrono::NaiveDate;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Why a version could not be read; `said` is git's own message.
#[derive(Debug)]
pub(super) enum GitError {
    /// `git` could not be started (not installed, not on `PATH`).
    Missing(std::io::Error),
    /// The folder is in no repository.
    NotInRepository { dir: PathBuf, said: String },
    /// The revision is unknown, or the file is not in it.
    NotFound { said: String },
    /// The revision starts with `-`.
    OptionLike,
}

/// A commit as people are told of it: its short id and the day it was committed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Commit {
    /// The full id, to read the file at.
    pub id: String,
    pub short: String,
    pub date: NaiveDate,
}

/// A file of a working tree (it need not exist any more) as git names it: the repository's top folder and the
/// path from there, with `/` on every system.
struct InRepository {
    top: PathBuf,
    relative: String,
}

fn locate(path: &Path) -> Result<InRepository, GitError> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let top = toplevel(&dir)?;
    let not_found = |e: std::io::Error| GitError::NotFound { said: e.to_string() };
    let inside = dir.canonicalize().map_err(not_found)?;
    let top_real = top.canonicalize().map_err(not_found)?;
    let relative = inside.strip_prefix(&top_real).unwrap_or(Path::new("")).join(path.file_name().unwrap_or_default());
    let relative: Vec<String> = relative.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    Ok(InRepository { top, relative: relative.join("/") })
}

/// The file at `path` (in a working tree; it need not exist any more) as it was at `rev`, with its path in
/// the repository, for the reader.
pub(super) fn show_file(rev: &str, path: &Path) -> Result<(Vec<u8>, String), GitError> {
    refuse_options(rev)?;
    let InRepository { top, relative } = locate(path)?;
    let bytes = show(&top, &format!("{rev}:{relative}"))?;
    Ok((bytes, relative))
}

/// The commit a revision names in the repository of the file at `path` (a tag is followed to its commit).
pub(super) fn commit(rev: &str, path: &Path) -> Result<Commit, GitError> {
    refuse_options(rev)?;
    let InRepository { top, .. } = locate(path)?;
    described(&top, rev)
}

/// The last commit that changed the file at `path` before `day` began (local time, by commit date), in the
/// history of `HEAD`; `None` when the file has none so early (or the repository has no commit yet).
pub(super) fn last_commit_before(path: &Path, day: NaiveDate) -> Result<Option<Commit>, GitError> {
    let InRepository { top, relative } = locate(path)?;
    let before = format!("--before={day} 00:00:00");
    let o = git(&top, &["rev-list", "-1", &before, "HEAD", "--", &relative])?;
    let id = String::from_utf8_lossy(&o.stdout).trim().to_owned();
    // A repository without a commit has no HEAD: nothing before any day.
    if !o.status.success() || id.is_empty() {
        return Ok(None);
    }
    described(&top, &id).map(Some)
}

/// `rev`'s commit: its ids and its day.
fn described(top: &Path, rev: &str) -> Result<Commit, GitError> {
    // `--` after it: a revision, never a path.
    let o = git(top, &["log", "-1", "--no-show-signature", "--format=%H %h %cs", rev, "--"])?;
    let out = String::from_utf8_lossy(&o.stdout);
    let mut words = out.split_whitespace();
    match (o.status.success(), words.next(), words.next(), words.next().and_then(|d| d.parse().ok())) {
        (true, Some(id), Some(short), Some(date)) => Ok(Commit { id: id.to_owned(), short: short.to_owned(), date }),
        _ => Err(GitError::NotFound { said: said(&o) }),
    }
}

/// git's own `REV:PATH`, read in `dir` as git reads it there (PATH from the repository's top, or `./…` from
/// `dir`).
pub(super) fn show_spec(dir: &Path, spec: &str) -> Result<Vec<u8>, GitError> {
    refuse_options(spec)?;
    toplevel(dir)?;
    show(dir, spec)
}

fn refuse_options(rev: &str) -> Result<(), GitError> {
    if rev.starts_with('-') { Err(GitError::OptionLike) } else { Ok(()) }
}

fn git(dir: &Path, args: &[&str]) -> Result<Output, GitError> {
    Command::new("git").arg("--no-pager").arg("-C").arg(dir).args(args).output().map_err(GitError::Missing)
}

/// git's message, on one line.
fn said(o: &Output) -> String {
    let text = String::from_utf8_lossy(&o.stderr);
    text.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" ")
}

fn toplevel(dir: &Path) -> Result<PathBuf, GitError> {
    let o = git(dir, &["rev-parse", "--show-toplevel"])?;
    if !o.status.success() {
        return Err(GitError::NotInRepository { dir: dir.to_path_buf(), said: said(&o) });
    }
    let mut out = o.stdout;
    while out.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
        out.pop();
    }
    Ok(PathBuf::from(os_string(out)))
}

fn show(dir: &Path, spec: &str) -> Result<Vec<u8>, GitError> {
    let o = git(dir, &["show", spec])?;
    if o.status.success() { Ok(o.stdout) } else { Err(GitError::NotFound { said: said(&o) }) }
}

#[cfg(unix)]
fn os_string(bytes: Vec<u8>) -> OsString {
    use std::os::unix::ffi::OsStringExt;
    OsString::from_vec(bytes)
}

#[cfg(not(unix))]
fn os_string(bytes: Vec<u8>) -> OsString {
    OsString::from(String::from_utf8_lossy(&bytes).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_revision_that_looks_like_an_option_never_reaches_git() {
        for rev in ["--output=/tmp/x", "-p"] {
            assert!(matches!(show_file(rev, Path::new("plans/beiarn-omni.toml")), Err(GitError::OptionLike)));
            assert!(matches!(show_spec(Path::new("."), &format!("{rev}:x.toml")), Err(GitError::OptionLike)));
            assert!(matches!(commit(rev, Path::new("plans/beiarn-omni.toml")), Err(GitError::OptionLike)));
        }
    }
}
