//! Helpers shared by the test files (`mod common;`); not every file uses every helper.
//!
//! - Where the repository is: [`root`].
//! - Running the binary, always in the one scrubbed environment (no colour variables, no COLUMNS, a fixed
//!   locale, no stdin): [`command`] (in the repository root), [`command_in`] (in another directory),
//!   [`run_within`] / [`run_command`] (with a deadline), [`run_with_input`] (with standard input),
//!   [`run_on_terminal`] (on a pseudo-terminal),
//!   [`unprivileged`] (as `nobody`) with [`output_of`].
//! - Reading what it printed: [`stdout`], [`stderr`], [`json`].
//! - Reading an årshjul's turned text: [`arc_lines`], built on [`wheel_lines`] and [`joined`].
//! - Temporary files: [`TempDir`], the one way a test gets a directory of its own (unique per run, removed when
//!   the test ends), and [`temps_beside`], the temporary files a write left beside its target.
#![allow(dead_code)]

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

pub fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("stdout is JSON ({e}): {}", stdout(o)))
}

/// How long one run of the binary may take before the test kills it and fails (debug build, loaded machine).
pub const DEADLINE: Duration = Duration::from_secs(60);

/// `implan` with `args`, in the repository root, as a test runs it: colour detection neutralised, Bokmål
/// locale, no stdin, no COLUMNS, no shell completion asked for (`COMPLETE`).
pub fn command(args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_implan"));
    cmd.args(args)
        .current_dir(root())
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("CLICOLOR")
        .env_remove("COLUMNS")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("COMPLETE")
        .env_remove("_CLAP_COMPLETE_INDEX")
        .env_remove("_CLAP_IFS")
        .env("LANG", "C.UTF-8")
        .stdin(Stdio::null());
    cmd
}

/// `implan` with `args` as [`command`] runs it, but in `dir` (relative paths, implan.toml and plans/ are looked
/// for there).
pub fn command_in(dir: &Path, args: &[&str]) -> Command {
    let mut cmd = command(args);
    cmd.current_dir(dir);
    cmd
}

/// Runs `implan` (see [`command`]), killing it and failing the test if it runs past `deadline`. Returns the
/// output and how long it took.
pub fn run_within(args: &[&str], deadline: Duration) -> (Output, Duration) {
    run_command(command(args), args, deadline)
}

/// Reads a pipe to its end on a thread of its own, so that a large output cannot block the child while it is
/// waited for.
fn drain(mut r: Box<dyn Read + Send>) -> std::thread::JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = r.read_to_end(&mut buf);
        buf
    })
}

/// Runs a prepared command with both outputs piped, within `deadline`; a panic or a stack overflow fails.
pub fn run_command(mut cmd: Command, args: &[&str], deadline: Duration) -> (Output, Duration) {
    let mut child = cmd.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("the implan binary runs");
    let out = drain(Box::new(child.stdout.take().expect("stdout")));
    let err = drain(Box::new(child.stderr.take().expect("stderr")));
    let (status, took) = wait_within(&mut child, args, deadline);
    let o = Output { status, stdout: out.join().expect("stdout reader"), stderr: err.join().expect("stderr reader") };
    let e = String::from_utf8_lossy(&o.stderr);
    assert!(!e.contains("panicked") && !e.contains("overflow"), "implan {args:?} crashed: {e}");
    (o, took)
}

/// Waits for a child, killing it and failing the test past `deadline`.
pub fn wait_within(
    child: &mut std::process::Child,
    args: &[&str],
    deadline: Duration,
) -> (std::process::ExitStatus, Duration) {
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait for implan") {
            return (status, started.elapsed());
        }
        if started.elapsed() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("implan {args:?} did not finish within {deadline:?}; killed");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Runs `implan` with its standard output and error on a real terminal (a pseudo-terminal of `cols` columns),
/// as a person at a terminal sees it: colour on, the terminal's width. Returns what the terminal received
/// (a terminal turns "\n" into "\r\n") and the exit status.
#[cfg(unix)]
pub fn run_on_terminal(args: &[&str], cols: u16) -> (Vec<u8>, std::process::ExitStatus) {
    use std::os::fd::{FromRawFd, OwnedFd};
    let (mut master, mut slave) = (0, 0);
    let size = libc::winsize { ws_row: 50, ws_col: cols, ws_xpixel: 0, ws_ypixel: 0 };
    // SAFETY: openpty writes two fresh descriptors into the integers given; we own both from here on.
    let rc = unsafe { libc::openpty(&mut master, &mut slave, std::ptr::null_mut(), std::ptr::null(), &size) };
    assert_eq!(rc, 0, "openpty: {}", std::io::Error::last_os_error());
    let (master, slave) = unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
    let mut cmd = command(args);
    cmd.stdout(Stdio::from(slave.try_clone().expect("dup"))).stderr(Stdio::from(slave.try_clone().expect("dup")));
    let mut child = cmd.spawn().expect("the implan binary runs");
    drop(slave);
    drop(cmd);
    let reader = std::thread::spawn(move || {
        let mut file = std::fs::File::from(master);
        let mut buf = Vec::new();
        // Reading the master ends with EIO once every copy of the slave is closed.
        let mut chunk = [0u8; 65536];
        loop {
            match file.read(&mut chunk) {
                Ok(0) | Err(_) => break,
                Ok(n) => buf.extend_from_slice(&chunk[..n]),
            }
        }
        buf
    });
    let (status, _) = wait_within(&mut child, args, DEADLINE);
    (reader.join().expect("terminal reader"), status)
}

/// A fresh directory for one test: `implan-<name>-XXXXXX` in the system's temporary folder, made by the
/// `tempfile` crate, so no two tests, runs or concurrent checkouts ever share one, and removed with all it holds
/// when dropped (some hold tens of megabytes). Keep it alive as long as the test uses the directory.
pub struct TempDir(tempfile::TempDir);

impl TempDir {
    pub fn new(name: &str) -> TempDir {
        let dir = tempfile::Builder::new().prefix(&format!("implan-{name}-")).tempdir().expect("temp dir");
        // tempfile makes it private (0700); open it as mkdir would (0755), so that the copy of implan
        // [`unprivileged`] puts in it can be run by `nobody`, and files in it reached.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).expect("temp dir mode");
        }
        TempDir(dir)
    }

    /// The directory itself.
    pub fn dir(&self) -> &Path {
        self.0.path()
    }

    /// `name` (a relative path) in the directory.
    pub fn join(&self, name: impl AsRef<Path>) -> PathBuf {
        self.dir().join(name)
    }

    /// `name` in the directory, as a command-line argument.
    pub fn path(&self, name: &str) -> String {
        self.join(name).display().to_string()
    }

    /// Writes `bytes` to `name` in the directory (making the folders on the way); returns its path.
    pub fn write(&self, name: &str, bytes: &[u8]) -> String {
        let p = self.join(name);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).expect("parent dir");
        }
        std::fs::write(&p, bytes).expect("write test file");
        p.display().to_string()
    }

    /// Copies the repository's `from` (e.g. `plans/beiarn-omni.toml`) to `to` in the directory; returns the copy.
    pub fn copy(&self, from: &str, to: &str) -> PathBuf {
        let p = self.join(to);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).expect("parent dir");
        }
        std::fs::copy(root().join(from), &p).unwrap_or_else(|e| panic!("copy {from}: {e}"));
        p
    }
}

/// The temporary files a write of `path` would leave beside it (`.NAME.XXXXXX.implan-tmp`).
pub fn temps_beside(path: &std::path::Path) -> Vec<String> {
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let mut found: Vec<String> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(&format!(".{name}.")) && n.ends_with(".implan-tmp"))
        .collect();
    found.sort();
    found
}

/// `implan` as an unprivileged user (`nobody`), for what root would be allowed anyway (reading a file of mode 000,
/// giving a file away). Run as root, the test runs a copy of the binary put in `dir` (a fresh clone's build
/// folder may be closed to other users) as uid and gid 65534; run as anyone else, it is already unprivileged.
#[cfg(unix)]
pub fn unprivileged(dir: &std::path::Path) -> Command {
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::process::CommandExt;
    // SAFETY: geteuid has no preconditions and cannot fail.
    if unsafe { libc::geteuid() } != 0 {
        return Command::new(env!("CARGO_BIN_EXE_implan"));
    }
    let binary = dir.join("implan-unprivileged");
    std::fs::copy(env!("CARGO_BIN_EXE_implan"), &binary).expect("a copy of implan");
    std::fs::set_permissions(&binary, std::fs::Permissions::from_mode(0o755)).expect("executable");
    let mut cmd = Command::new(&binary);
    cmd.current_dir(dir).uid(65534).gid(65534);
    cmd
}

/// Runs a command and collects its output, trying again while the system says its program is being written
/// (ETXTBSY): a copy made just before, as [`unprivileged`] makes one, stays "busy" while any process forked by
/// another test thread in that moment still holds the copy's file open, until it executes its own program.
pub fn output_of(mut cmd: Command) -> std::process::Output {
    for _ in 0..100 {
        match cmd.output() {
            Err(e) if e.kind() == std::io::ErrorKind::ExecutableFileBusy => {
                std::thread::sleep(std::time::Duration::from_millis(20))
            }
            result => return result.expect("the command runs"),
        }
    }
    panic!("{cmd:?} stayed busy for two seconds");
}

/// Runs a prepared command (see [`command`]) with `input` on its standard input, within [`DEADLINE`]: what
/// `implan check -` reads.
pub fn run_with_input(mut cmd: Command, input: &[u8]) -> Output {
    use std::io::Write;
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the implan binary runs");
    let mut stdin = child.stdin.take().expect("stdin");
    let input = input.to_vec();
    // Written on a thread of its own, and closed when written, so implan sees the end of it. A run that stops
    // before reading it (a usage error) closes the pipe: that write error is no failure.
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = drain(Box::new(child.stdout.take().expect("stdout")));
    let err = drain(Box::new(child.stderr.take().expect("stderr")));
    let (status, _) = wait_within(&mut child, &["(with input)"], DEADLINE);
    writer.join().expect("stdin writer");
    Output { status, stdout: out.join().expect("stdout reader"), stderr: err.join().expect("stderr reader") }
}

/// Splits a command line written in the README into arguments (double quotes group words).
pub fn split_args(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ' ' if !quoted => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
            _ => cur.push(c),
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// The pieces of text of a wheel's group, line by line: each piece's text, its anchor, and its turn in degrees.
pub fn wheel_lines(group: &str) -> Vec<Vec<(String, String, f64)>> {
    let xml = format!("<r>{group}</g></r>");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let lines = doc.root_element().descendants().filter(|n| {
        n.has_tag_name("g") && n.children().all(|c| c.has_tag_name("text") && c.has_attribute("transform"))
    });
    lines
        .filter(|g| g.has_children())
        .map(|g| {
            g.children()
                .map(|t| {
                    let turn = t.attribute("transform").unwrap().trim_start_matches("rotate(");
                    let turn: f64 = turn.split(' ').next().unwrap().parse().unwrap();
                    (t.text().unwrap_or("").to_string(), t.attribute("text-anchor").unwrap().to_string(), turn)
                })
                .collect()
        })
        .collect()
}

/// Every line of text on a wheel's arcs, put together from its pieces as a reader would: a piece that starts at
/// its point continues the word before it.
pub fn arc_lines(svg: &str) -> Vec<String> {
    let body = &svg[svg.find("<rect").unwrap()..svg.rfind("</svg>").unwrap()];
    joined(wheel_lines(&format!("<g>{body}")))
}

pub fn joined(lines: Vec<Vec<(String, String, f64)>>) -> Vec<String> {
    lines
        .into_iter()
        .map(|pieces| {
            let mut line = String::new();
            for (text, anchor, _) in pieces {
                if !line.is_empty() && anchor != "start" {
                    line.push(' ');
                }
                line.push_str(&text);
            }
            line
        })
        .collect()
}
