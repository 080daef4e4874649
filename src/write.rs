//! Writing files: the one way implan puts bytes on disk, for edits of a plan, exports and new plans.
//!
//! A regular file is never written in place: the new text goes to a temporary file beside it (a unique name,
//! `.NAME.XXXXXX.implan-tmp`, so a run killed half-way blocks nobody), is synced, gets the original's
//! permissions, owner and group, and is renamed over the original in one step. A reader sees the old file or
//! the new one, never half of one. Every write, flush and sync is checked; on any failure the original is
//! untouched and the temporary file is removed.
//!
//! What an editor would ask about first is refused unless forced: a read-only file, a file with other hard links
//! (a rename would split them), a file whose owner or group cannot be kept. A device or a named pipe (`-o
//! /dev/stdout`) is written directly, since it cannot be replaced. [`lock`] lets edits of one plan take turns.

use crate::lang::Text;
use crate::messages::write as m;
use std::ffi::OsString;
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

/// What to do when the file exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Existing<'a> {
    /// Refuse: the file must be new (`implan init` without `--force`).
    Keep,
    /// Replace it (exports).
    Replace,
    /// Replace it only if it still holds these bytes (edits of a plan read earlier).
    ReplaceIfStill(&'a [u8]),
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct WriteOptions<'a> {
    pub existing: Existing<'a>,
    /// Write a read-only file, one with other hard links, or one whose owner cannot be kept, anyway.
    pub force: bool,
}

impl WriteOptions<'_> {
    pub fn replace() -> WriteOptions<'static> {
        WriteOptions { existing: Existing::Replace, force: false }
    }
}

/// Why nothing was written.
#[derive(Debug)]
pub enum WriteError {
    /// The file exists and [`Existing::Keep`] was asked.
    Exists(PathBuf),
    /// The file is no longer what was read (or is gone).
    Changed,
    /// The file is read-only.
    ReadOnly(PathBuf),
    /// The file has other hard links, which a replacement would leave holding the old text.
    HardLinks { path: PathBuf, links: u64 },
    /// The file's owner or group cannot be given to the replacement (only root can give a file away).
    Owner { path: PathBuf, error: io::Error },
    /// Writing failed: what was being done, to which path.
    Io { path: PathBuf, doing: Doing, error: io::Error },
    /// The path is a folder, which cannot be written as a file.
    Directory(PathBuf),
}

/// The step of a write that failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Doing {
    FollowLink,
    ReadState,
    CreateTemporary,
    Replace,
    Write,
    SetPermissions,
    Open,
    Read,
}

impl WriteError {
    /// What went wrong, in each language; the system's own words for an I/O error stay as it gives them.
    pub fn text(&self) -> Text {
        let p = |p: &Path| crate::escape::path(p);
        match self {
            WriteError::Exists(path) => m::exists(&p(path)),
            WriteError::Changed => m::changed(),
            WriteError::ReadOnly(path) => m::read_only(&p(path)),
            WriteError::HardLinks { path, links } => m::hard_links(&p(path), *links),
            WriteError::Owner { path, error } => m::owner(&p(path), &error.to_string()),
            WriteError::Io { path, doing, error } => {
                let (path, reason) = (p(path), describe(error));
                match doing {
                    Doing::FollowLink => m::cannot_follow_link(&path, &reason),
                    Doing::ReadState => m::cannot_read_state(&path, &reason),
                    Doing::CreateTemporary => m::cannot_create_temporary(&path, &reason),
                    Doing::Replace => m::cannot_replace(&path, &reason),
                    Doing::Write => m::cannot_write(&path, &reason),
                    Doing::SetPermissions => m::cannot_set_permissions(&path, &reason),
                    Doing::Open => m::cannot_open(&path, &reason),
                    Doing::Read => m::cannot_read(&path, &reason),
                }
            }
            WriteError::Directory(path) => m::cannot_write(&p(path), &m::is_a_directory()),
        }
    }
}

/// In English, for logs and tests; people read [`WriteError::text`].
impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.text().en())
    }
}

impl std::error::Error for WriteError {}

/// An I/O error as a person reads it: the file-size limit named for what it is. Other errors are the system's
/// own words, the same in every language.
pub(crate) fn describe(error: &io::Error) -> Text {
    #[cfg(unix)]
    if error.raw_os_error() == Some(libc::EFBIG) {
        return m::size_limit(&error.to_string());
    }
    Text::verbatim(error.to_string())
}

/// What a forced write did that an unforced one would have refused, for the user to be told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Forced {
    ReadOnly,
    SplitLinks(u64),
    OwnerChanged,
}

impl Forced {
    pub fn text(&self) -> Text {
        match self {
            Forced::ReadOnly => m::stayed_read_only(),
            Forced::SplitLinks(n) => m::links_split(n.saturating_sub(1)),
            Forced::OwnerChanged => m::owner_now_yours(),
        }
    }
}

/// Writes `contents` to `path` (through a symbolic link, to the file it names), atomically for a regular file.
/// Returns what `force` let through. Errors name `path`, the file the user asked for; the temporary file is
/// implan's business.
pub(crate) fn write_file(path: &Path, contents: &[u8], opts: WriteOptions<'_>) -> Result<Vec<Forced>, WriteError> {
    let io_err = |doing, error| WriteError::Io { path: path.to_path_buf(), doing, error };
    let target = match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => fs::canonicalize(path).map_err(|e| io_err(Doing::FollowLink, e))?,
        _ => path.to_path_buf(),
    };
    let existing = match fs::metadata(&target) {
        Ok(meta) => Some(meta),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(io_err(Doing::ReadState, e)),
    };
    if !replaceable(path, existing.as_ref(), opts.existing)? {
        // A device or a pipe cannot be replaced, only written to.
        return write_through(&target, contents).map(|()| Vec::new());
    }
    let mut forced = refusals(&target, existing.as_ref(), opts.force)?;
    if existing.is_some() {
        clean_stale_temps(&target, stale_after(opts.existing));
    }
    let tmp = temp_file(&target, existing.as_ref()).map_err(|e| io_err(Doing::CreateTemporary, e))?;
    forced.extend(fill(tmp.as_file(), contents, existing.as_ref(), opts.force, path)?);
    if let Existing::ReplaceIfStill(expected) = opts.existing
        && read_if_there(&target)?.as_deref() != Some(expected)
    {
        return Err(WriteError::Changed);
    }
    let persisted = match opts.existing {
        Existing::Keep => tmp.persist_noclobber(&target),
        _ => tmp.persist(&target),
    };
    persisted.map_err(|e| match e.error.kind() {
        // Only a new file (persist_noclobber) can find one there; a replacement renames over it.
        io::ErrorKind::AlreadyExists => WriteError::Exists(path.to_path_buf()),
        _ => io_err(Doing::Replace, e.error),
    })?;
    // Best effort: make the rename itself durable.
    if let Ok(d) = File::open(parent_dir(&target)) {
        let _ = d.sync_all();
    }
    Ok(forced)
}

/// Whether the file at `path` is to be replaced (`true`) or written through (`false`, a device or a pipe), or
/// why neither.
fn replaceable(path: &Path, existing: Option<&fs::Metadata>, how: Existing<'_>) -> Result<bool, WriteError> {
    let Some(meta) = existing else {
        return match how {
            Existing::ReplaceIfStill(_) => Err(WriteError::Changed),
            _ => Ok(true),
        };
    };
    match how {
        Existing::Keep => Err(WriteError::Exists(path.to_path_buf())),
        Existing::ReplaceIfStill(_) if !meta.is_file() => Err(WriteError::Changed),
        _ if meta.is_dir() => Err(WriteError::Directory(path.to_path_buf())),
        _ => Ok(meta.is_file()),
    }
}

/// Writes the temporary file through the file itself (NamedTempFile's own writer wraps errors, hiding which one
/// it was), gives it the original's owner, group and permissions, and syncs it. Errors name `path`.
fn fill(
    tmp: &File,
    contents: &[u8],
    existing: Option<&fs::Metadata>,
    force: bool,
    path: &Path,
) -> Result<Option<Forced>, WriteError> {
    let io_err = |doing, error| WriteError::Io { path: path.to_path_buf(), doing, error };
    let mut file = tmp;
    file.write_all(contents).and_then(|()| file.flush()).map_err(|e| io_err(Doing::Write, e))?;
    let mut forced = None;
    if let Some(meta) = existing {
        forced = keep_owner(tmp, meta, force, path)?;
        tmp.set_permissions(meta.permissions()).map_err(|e| io_err(Doing::SetPermissions, e))?;
    }
    tmp.sync_all().map_err(|e| io_err(Doing::Write, e))?;
    Ok(forced)
}

/// Read-only files and hard links are refused unless forced.
fn refusals(target: &Path, existing: Option<&fs::Metadata>, force: bool) -> Result<Vec<Forced>, WriteError> {
    let Some(meta) = existing else { return Ok(Vec::new()) };
    let mut forced = Vec::new();
    if meta.permissions().readonly() {
        if !force {
            return Err(WriteError::ReadOnly(target.to_path_buf()));
        }
        forced.push(Forced::ReadOnly);
    }
    let links = link_count(meta);
    if links > 1 {
        if !force {
            return Err(WriteError::HardLinks { path: target.to_path_buf(), links });
        }
        forced.push(Forced::SplitLinks(links));
    }
    Ok(forced)
}

#[cfg(unix)]
fn link_count(meta: &fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::nlink(meta)
}

#[cfg(not(unix))]
fn link_count(_: &fs::Metadata) -> u64 {
    1
}

/// Gives the replacement the original's owner and group. Only root may give a file away; anyone may keep their
/// own, and a group they belong to.
#[cfg(unix)]
fn keep_owner(tmp: &File, meta: &fs::Metadata, force: bool, target: &Path) -> Result<Option<Forced>, WriteError> {
    use std::os::unix::fs::MetadataExt;
    let mine =
        tmp.metadata().map_err(|error| WriteError::Io { path: target.to_path_buf(), doing: Doing::Write, error })?;
    if (mine.uid(), mine.gid()) == (meta.uid(), meta.gid()) {
        return Ok(None);
    }
    match std::os::unix::fs::fchown(tmp, Some(meta.uid()), Some(meta.gid())) {
        Ok(()) => Ok(None),
        Err(_) if force => Ok(Some(Forced::OwnerChanged)),
        Err(error) => Err(WriteError::Owner { path: target.to_path_buf(), error }),
    }
}

#[cfg(not(unix))]
fn keep_owner(_: &File, _: &fs::Metadata, _: bool, _: &Path) -> Result<Option<Forced>, WriteError> {
    Ok(None)
}

fn parent_dir(target: &Path) -> PathBuf {
    match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// `.NAME.` and `.implan-tmp`: the temporary files of one target, beside it.
fn temp_affixes(target: &Path) -> (OsString, &'static str) {
    let mut prefix = OsString::from(".");
    prefix.push(target.file_name().unwrap_or_default());
    prefix.push(".");
    (prefix, ".implan-tmp")
}

fn temp_file(target: &Path, existing: Option<&fs::Metadata>) -> io::Result<tempfile::NamedTempFile> {
    let (prefix, suffix) = temp_affixes(target);
    let mut b = tempfile::Builder::new();
    b.prefix(&prefix).suffix(suffix);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // A new file gets what any new file gets (0666 less the umask); a replacement starts private and gets
        // the original's permissions once its owner is right.
        let mode = if existing.is_some() { 0o600 } else { 0o666 };
        b.permissions(fs::Permissions::from_mode(mode));
    }
    #[cfg(not(unix))]
    let _ = existing;
    b.tempfile_in(parent_dir(target))
}

/// Temporary files of a run that died: all of them for a plan whose edit lock is held, else those older than
/// an hour (a concurrent export of the same file may be writing a younger one).
fn stale_after(existing: Existing<'_>) -> Option<Duration> {
    match existing {
        Existing::ReplaceIfStill(_) => None,
        _ => Some(Duration::from_secs(3600)),
    }
}

/// Removes leftover temporary files of `target` (and the fixed name older versions of implan used).
fn clean_stale_temps(target: &Path, older_than: Option<Duration>) {
    let (prefix, suffix) = temp_affixes(target);
    let mut legacy = prefix.clone();
    legacy.push("implan-tmp");
    let Ok(entries) = fs::read_dir(parent_dir(target)) else { return };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let ours = {
            let n = name.as_encoded_bytes();
            let (p, s) = (prefix.as_encoded_bytes(), suffix.as_bytes());
            (n.len() > p.len() + s.len() && n.starts_with(p) && n.ends_with(s)) || name == legacy
        };
        let Ok(meta) = entry.metadata() else { continue };
        let old_enough = older_than.is_none_or(|limit| {
            meta.modified().ok().and_then(|m| now.duration_since(m).ok()).is_some_and(|age| age > limit)
        });
        if ours && meta.is_file() && old_enough {
            let _ = fs::remove_file(entry.path());
        }
    }
}

fn write_through(target: &Path, contents: &[u8]) -> Result<(), WriteError> {
    let err = |doing, error| WriteError::Io { path: target.to_path_buf(), doing, error };
    let mut f = fs::OpenOptions::new().write(true).open(target).map_err(|e| err(Doing::Open, e))?;
    f.write_all(contents).map_err(|e| err(Doing::Write, e))?;
    f.flush().map_err(|e| err(Doing::Write, e))
}

fn read_if_there(path: &Path) -> Result<Option<Vec<u8>>, WriteError> {
    match fs::read(path) {
        Ok(b) => Ok(Some(b)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(error) => Err(WriteError::Io { path: path.to_path_buf(), doing: Doing::Read, error }),
    }
}

/// An exclusive lock on a plan for the length of one edit: other implans wait their turn. Taken on the file
/// itself, so it leaves nothing behind; a file replaced while waiting is locked again, as it is now.
pub struct Lock {
    _file: Option<File>,
}

/// How long an edit waits for another to finish before it gives up.
pub(crate) const LOCK_WAIT: Duration = Duration::from_secs(10);

/// Locks the plan at `path` for an edit. A file system without locks gives a lock that holds nothing: the
/// check that the file is unchanged before it is replaced still guards the edit.
pub fn lock(path: &Path) -> Result<Lock, LockError> {
    lock_within(path, LOCK_WAIT)
}

fn lock_within(path: &Path, wait: Duration) -> Result<Lock, LockError> {
    let started = Instant::now();
    loop {
        match take(File::open(path).map_err(LockError::Open)?, path) {
            Taken::Locked(lock) => return Ok(lock),
            // The edit that held the lock replaced the file: lock the new one.
            Taken::Replaced => {}
            Taken::Busy if started.elapsed() < wait => std::thread::sleep(Duration::from_millis(20)),
            Taken::Busy => return Err(LockError::Busy),
        }
    }
}

/// What trying to lock an open file gave.
enum Taken {
    Locked(Lock),
    /// Another holds it.
    Busy,
    /// Locked, but `path` no longer names this file: it was replaced while this one was being opened.
    Replaced,
}

fn take(file: File, path: &Path) -> Taken {
    match file.try_lock() {
        Ok(()) if same_file(&file, path) => Taken::Locked(Lock { _file: Some(file) }),
        Ok(()) => Taken::Replaced,
        Err(fs::TryLockError::WouldBlock) => Taken::Busy,
        Err(fs::TryLockError::Error(_)) => Taken::Locked(Lock { _file: None }),
    }
}

#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(a), Ok(b)) => (a.dev(), a.ino()) == (b.dev(), b.ino()),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_: &File, _: &Path) -> bool {
    true
}

#[derive(Debug)]
pub enum LockError {
    Open(io::Error),
    Busy,
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(unix)]
    use std::os::unix::fs::FileTypeExt;

    /// A fresh directory (`implan-write-<name>-XXXXXX`, unique to the test and the run), with its guard: it is
    /// removed when the guard is dropped, so the test keeps it (`_tmp`) while it uses the directory.
    fn dir(name: &str) -> (tempfile::TempDir, PathBuf) {
        let tmp = tempfile::Builder::new().prefix(&format!("implan-write-{name}-")).tempdir().unwrap();
        let d = tmp.path().to_path_buf();
        (tmp, d)
    }

    fn temps(d: &Path) -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(d)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".implan-tmp"))
            .collect();
        v.sort();
        v
    }

    #[test]
    fn new_replace_and_keep() {
        let (_tmp, d) = dir("basic");
        let p = d.join("a.txt");
        assert_eq!(write_file(&p, b"one", WriteOptions { existing: Existing::Keep, force: false }).unwrap(), vec![]);
        assert!(matches!(
            write_file(&p, b"two", WriteOptions { existing: Existing::Keep, force: false }),
            Err(WriteError::Exists(_))
        ));
        write_file(&p, b"two", WriteOptions::replace()).unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"two");
        assert!(matches!(
            write_file(&p, b"three", WriteOptions { existing: Existing::ReplaceIfStill(b"one"), force: false }),
            Err(WriteError::Changed)
        ));
        write_file(&p, b"three", WriteOptions { existing: Existing::ReplaceIfStill(b"two"), force: false }).unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"three");
        assert!(temps(&d).is_empty());
    }

    #[test]
    fn of_writers_racing_to_make_a_new_file_one_wins() {
        // The check that the file is new comes before the write; the rename that makes it must not replace what
        // another made meanwhile.
        let (_tmp, d) = dir("race");
        let p = d.join("new.toml");
        let start = std::sync::Arc::new(std::sync::Barrier::new(8));
        let results: Vec<Result<Vec<Forced>, WriteError>> = (0..8u8)
            .map(|i| {
                let (p, start) = (p.clone(), start.clone());
                std::thread::spawn(move || {
                    start.wait();
                    write_file(&p, &[b'0' + i; 4096], WriteOptions { existing: Existing::Keep, force: false })
                })
            })
            .collect::<Vec<_>>()
            .into_iter()
            .map(|t| t.join().unwrap())
            .collect();
        assert_eq!(results.iter().filter(|r| r.is_ok()).count(), 1, "{results:?}");
        assert!(results.iter().filter(|r| r.is_err()).all(|r| matches!(r, Err(WriteError::Exists(_)))), "{results:?}");
        let winner = fs::read(&p).unwrap();
        assert!(winner.iter().all(|b| *b == winner[0]), "one writer's text, whole");
        assert!(temps(&d).is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn read_only_and_hard_links_need_force() {
        use std::os::unix::fs::PermissionsExt;
        let (_tmp, d) = dir("refuse");
        let p = d.join("p.toml");
        fs::write(&p, b"x").unwrap();
        fs::set_permissions(&p, fs::Permissions::from_mode(0o444)).unwrap();
        assert!(matches!(write_file(&p, b"y", WriteOptions::replace()), Err(WriteError::ReadOnly(_))));
        assert_eq!(fs::read(&p).unwrap(), b"x");
        let forced = write_file(&p, b"y", WriteOptions { existing: Existing::Replace, force: true }).unwrap();
        assert_eq!(forced, vec![Forced::ReadOnly]);
        assert_eq!(fs::metadata(&p).unwrap().permissions().mode() & 0o777, 0o444);
        fs::set_permissions(&p, fs::Permissions::from_mode(0o644)).unwrap();
        fs::hard_link(&p, d.join("twin.toml")).unwrap();
        let e = write_file(&p, b"z", WriteOptions::replace()).unwrap_err();
        assert!(e.to_string().contains("2 hard links"), "{e}");
        assert_eq!(fs::read(d.join("twin.toml")).unwrap(), b"y");
        let forced = write_file(&p, b"z", WriteOptions { existing: Existing::Replace, force: true }).unwrap();
        assert_eq!(forced, vec![Forced::SplitLinks(2)]);
        assert_eq!((fs::read(&p).unwrap(), fs::read(d.join("twin.toml")).unwrap()), (b"z".to_vec(), b"y".to_vec()));
    }

    #[test]
    fn stale_temporary_files_go() {
        let (_tmp, d) = dir("stale");
        let p = d.join("plan.toml");
        fs::write(&p, b"x").unwrap();
        fs::write(d.join(".plan.toml.AbC123.implan-tmp"), b"dead").unwrap();
        fs::write(d.join(".plan.toml.implan-tmp"), b"dead, old name").unwrap();
        fs::write(d.join(".other.toml.AbC123.implan-tmp"), b"someone else's").unwrap();
        // Young ones stay for an export (another run may be writing them), one over an hour old goes …
        let old = d.join(".plan.toml.Old999.implan-tmp");
        fs::write(&old, b"dead long ago").unwrap();
        let two_hours_ago = SystemTime::now() - Duration::from_secs(7200);
        File::options().write(true).open(&old).unwrap().set_modified(two_hours_ago).unwrap();
        write_file(&p, b"y", WriteOptions::replace()).unwrap();
        assert_eq!(temps(&d).len(), 3);
        assert!(!old.exists());
        // … and all of this file's go under an edit's lock.
        write_file(&p, b"z", WriteOptions { existing: Existing::ReplaceIfStill(b"y"), force: false }).unwrap();
        assert_eq!(temps(&d), vec![".other.toml.AbC123.implan-tmp"]);
        // A name with nothing between the affixes is none that implan makes: it stays.
        let bare = d.join(".plan.toml..implan-tmp");
        fs::write(&bare, b"not ours").unwrap();
        write_file(&p, b"w", WriteOptions { existing: Existing::ReplaceIfStill(b"z"), force: false }).unwrap();
        assert!(bare.exists());
    }

    /// A named pipe in a test folder, with a reader that collects what is written: something that is not a
    /// regular file, as a device is. (The test must not touch /dev: a broken write_file, as mutation testing
    /// makes one, would rename a file over /dev/null as root.)
    #[cfg(unix)]
    fn pipe_with_reader(d: &Path) -> (PathBuf, std::thread::JoinHandle<Vec<u8>>) {
        use std::io::Read;
        let p = d.join("pipe");
        let c = std::ffi::CString::new(p.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: mkfifo reads the NUL-terminated path only.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0, "{}", io::Error::last_os_error());
        let reader = {
            let p = p.clone();
            std::thread::spawn(move || {
                let mut got = Vec::new();
                File::open(&p).unwrap().read_to_end(&mut got).unwrap();
                got
            })
        };
        (p, reader)
    }

    #[cfg(unix)]
    #[test]
    fn what_is_not_a_regular_file_is_written_through() {
        let (_tmp, d) = dir("pipe");
        let (p, reader) = pipe_with_reader(&d);
        write_file(&p, b"through", WriteOptions::replace()).unwrap();
        assert_eq!(reader.join().unwrap(), b"through");
        assert!(fs::symlink_metadata(&p).unwrap().file_type().is_fifo(), "still a pipe, not replaced");
        assert!(temps(&d).is_empty());
        // … but only when asked to replace: a new file is not a pipe, and a plan is a regular file.
        let keep = WriteOptions { existing: Existing::Keep, force: false };
        assert!(matches!(write_file(&p, b"x", keep), Err(WriteError::Exists(_))));
        let edit = WriteOptions { existing: Existing::ReplaceIfStill(b""), force: false };
        assert!(matches!(write_file(&p, b"x", edit), Err(WriteError::Changed)));
        // A plan whose folder has gone since it was read: the file changed, said before any temporary file is tried.
        let gone = d.join("no-such-folder").join("plan.toml");
        let edit = WriteOptions { existing: Existing::ReplaceIfStill(b"x"), force: false };
        assert!(matches!(write_file(&gone, b"y", edit), Err(WriteError::Changed)));
        assert!(fs::symlink_metadata(&p).unwrap().file_type().is_fifo());
    }

    #[test]
    fn folders_and_unreachable_paths_are_errors() {
        let (_tmp, d) = dir("odd");
        let e = write_file(&d, b"x", WriteOptions::replace()).unwrap_err();
        assert!(e.to_string().ends_with(": it is a directory"), "{e}");
        fs::write(d.join("file"), b"x").unwrap();
        let e = write_file(&d.join("file/under"), b"x", WriteOptions::replace()).unwrap_err();
        assert!(e.to_string().starts_with("cannot read the state of"), "{e}");
    }

    #[test]
    fn a_lock_held_too_long_is_given_up_on() {
        let (_tmp, d) = dir("busy");
        let p = d.join("p.toml");
        fs::write(&p, b"x").unwrap();
        let _held = lock(&p).unwrap();
        let started = Instant::now();
        assert!(matches!(lock_within(&p, Duration::from_millis(100)), Err(LockError::Busy)));
        assert!(started.elapsed() >= Duration::from_millis(100));
    }

    #[test]
    fn a_file_replaced_while_opening_it_is_not_the_one_locked() {
        let (_tmp, d) = dir("stale");
        let p = d.join("p.toml");
        fs::write(&p, b"x").unwrap();
        let stale = File::open(&p).unwrap();
        write_file(&p, b"y", WriteOptions { existing: Existing::ReplaceIfStill(b"x"), force: false }).unwrap();
        assert!(matches!(take(stale, &p), Taken::Replaced));
        assert!(matches!(take(File::open(&p).unwrap(), &p), Taken::Locked(Lock { _file: Some(_) })));
    }

    #[test]
    fn locks_take_turns() {
        let (_tmp, d) = dir("lock");
        let p = d.join("p.toml");
        fs::write(&p, b"x").unwrap();
        let held = lock(&p).unwrap();
        let waiter = {
            let p = p.clone();
            std::thread::spawn(move || {
                let started = Instant::now();
                let _l = lock(&p).unwrap();
                started.elapsed()
            })
        };
        std::thread::sleep(Duration::from_millis(200));
        // Replace the file while the other waits: it must lock the new one.
        write_file(&p, b"y", WriteOptions { existing: Existing::ReplaceIfStill(b"x"), force: false }).unwrap();
        drop(held);
        assert!(waiter.join().unwrap() >= Duration::from_millis(150));
    }

    #[test]
    fn a_replacement_of_what_is_no_longer_a_file_is_a_change() {
        let (_tmp, d) = dir("no-longer");
        let p = d.join("plan.toml");
        fs::create_dir(&p).unwrap();
        let opts = WriteOptions { existing: Existing::ReplaceIfStill(b"old"), force: false };
        assert!(matches!(write_file(&p, b"new", opts), Err(WriteError::Changed)), "a directory now");
        fs::remove_dir(&p).unwrap();
        let status = std::process::Command::new("mkfifo").arg(&p).status().expect("mkfifo runs");
        assert!(status.success());
        let opts = WriteOptions { existing: Existing::ReplaceIfStill(b"old"), force: false };
        assert!(matches!(write_file(&p, b"new", opts), Err(WriteError::Changed)), "a pipe now: not written through");
        assert!(fs::metadata(&p).unwrap().file_type().is_fifo());
    }

    #[test]
    fn the_directory_to_sync_is_the_files_own() {
        assert_eq!(parent_dir(Path::new("plan.toml")), PathBuf::from("."));
        assert_eq!(parent_dir(Path::new("plans/plan.toml")), PathBuf::from("plans"));
        assert_eq!(parent_dir(Path::new("/plan.toml")), PathBuf::from("/"));
    }

    #[test]
    fn reading_back_tells_gone_from_unreadable() {
        let (_tmp, d) = dir("read-back");
        assert!(matches!(read_if_there(&d.join("gone.toml")), Ok(None)));
        fs::write(d.join("there.toml"), b"x").unwrap();
        assert_eq!(read_if_there(&d.join("there.toml")).unwrap().as_deref(), Some(&b"x"[..]));
        assert!(matches!(read_if_there(&d), Err(WriteError::Io { doing: Doing::Read, .. })));
    }

    #[cfg(unix)]
    #[test]
    fn only_a_link_is_followed_and_a_path_is_named_as_given() {
        use std::os::unix::fs::PermissionsExt;
        let (_tmp, d) = dir("as-given");
        fs::write(d.join("p.toml"), b"x").unwrap();
        fs::set_permissions(d.join("p.toml"), fs::Permissions::from_mode(0o444)).unwrap();
        // A path with `.` in it is not resolved: the refusal names the file as the user wrote it.
        let given = d.join(".").join("p.toml");
        match write_file(&given, b"y", WriteOptions::replace()) {
            // (Compared as text: paths compare equal with and without `.`.)
            Err(WriteError::ReadOnly(p)) => assert_eq!(p.as_os_str(), given.as_os_str()),
            other => panic!("{other:?}"),
        }
        // A link is followed: the refusal names the file it leads to.
        std::os::unix::fs::symlink("p.toml", d.join("link.toml")).unwrap();
        match write_file(&d.join("link.toml"), b"y", WriteOptions::replace()) {
            Err(WriteError::ReadOnly(p)) => assert_eq!(p, fs::canonicalize(d.join("p.toml")).unwrap()),
            other => panic!("{other:?}"),
        }
    }
}
