//! Reading a version of a plan from git: the one place implan runs `git`. It runs `git show REV:PATH` in the
//! file's repository, each argument passed as it is (no shell), and a revision that git would take for an
//! option is refused before git sees it.

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

/// The file at `path` (in a working tree; it need not exist any more) as it was at `rev`, with its path in
/// the repository, for the reader.
pub(super) fn show_file(rev: &str, path: &Path) -> Result<(Vec<u8>, String), GitError> {
    refuse_options(rev)?;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let top = toplevel(&dir)?;
    let not_found = |e: std::io::Error| GitError::NotFound { said: e.to_string() };
    let inside = dir.canonicalize().map_err(not_found)?;
    let top_real = top.canonicalize().map_err(not_found)?;
    let relative = inside.strip_prefix(&top_real).unwrap_or(Path::new("")).join(path.file_name().unwrap_or_default());
    // git names paths with '/' on every system.
    let relative: Vec<String> = relative.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    let relative = relative.join("/");
    let bytes = show(&top, &format!("{rev}:{relative}"))?;
    Ok((bytes, relative))
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
        }
    }
}
