//! The `implan` command: parses arguments, hands the command to the library, prints what it says, and sets
//! the exit code. Everything else is in the library (`implan::commands`).

use clap::Parser;
use implan::commands::{self, Console};
use implan::escape;
use implan::lang::{Lang, Text};
use implan::messages::report::{error, warning};
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

/// clap's own messages (an unknown flag, a missing argument, `--help`) are English: clap speaks only that.
fn main() -> ExitCode {
    // Under COMPLETE=SHELL (the shell asking at a TAB, or for the code that sets completion up): answer, exit.
    clap_complete::CompleteEnv::with_factory(commands::complete::command).complete();
    keep_going_past_the_file_size_limit();
    let cli = implan::cli::Cli::parse();
    let lang = commands::lang_of(&cli.command);
    match run(cli) {
        Ok(code) => code,
        Err(e) => exit_for(&e, lang),
    }
}

/// Errors travel as `anyhow::Error` from here on: whatever stops the binary ends the same way, in [`exit_for`].
fn run(cli: implan::cli::Cli) -> anyhow::Result<ExitCode> {
    let exit = commands::run(cli.command, &mut Terminal)?;
    Ok(ExitCode::from(exit.code()))
}

/// A command that stopped: a closed pipe (implan … | head) is the reader saying it has enough, as for any Unix
/// tool; anything else is said on standard error with exit code 2, in `lang`, the command's (or the plan's, for
/// an error about it).
fn exit_for(error: &anyhow::Error, lang: Lang) -> ExitCode {
    let stopped = error.downcast_ref::<commands::Error>();
    if let Some(commands::Error::Output(e)) = stopped
        && e.kind() == std::io::ErrorKind::BrokenPipe
    {
        return ExitCode::SUCCESS;
    }
    let (lang, message) = stopped.map_or_else(|| (lang, format!("{error:#}")), |e| e.said(lang));
    Terminal.error(lang, &escape::visible_lines(&message));
    ExitCode::from(commands::Exit::Usage.code())
}

/// Under `ulimit -f`, a write past the limit kills the process with SIGXFSZ unless the signal is ignored; ignored,
/// the write fails with EFBIG and implan says so, leaving the plan as it was.
fn keep_going_past_the_file_size_limit() {
    #[cfg(unix)]
    // SAFETY: setting a signal's disposition to SIG_IGN at the start of main, before any thread exists, has no
    // handler to race with; it changes only what the kernel does on SIGXFSZ.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
}

/// The terminal: standard output and standard error, with styles that anstream strips off a pipe or under
/// NO_COLOR. Every write to standard output and its flush are checked; standard error is best effort (there is
/// nowhere left to report its failure).
struct Terminal;

impl Terminal {
    fn labelled(label: &str, colour: anstyle::AnsiColor, message: &str) {
        let style = anstyle::Style::new().fg_color(Some(colour.into())).bold();
        let _ = writeln!(anstream::stderr(), "{style}{label}{style:#}: {message}");
    }
}

impl Console for Terminal {
    fn out(&mut self, text: &str, styled: bool) -> std::io::Result<()> {
        if styled { write_all(anstream::stdout().lock(), text) } else { write_all(std::io::stdout().lock(), text) }
    }

    /// Messages carry paths and plan text, already escaped; anything that slipped through is escaped here
    /// (their own line breaks stay).
    fn warning(&mut self, lang: Lang, message: &Text) {
        let message = escape::visible_lines(message.get(lang));
        Self::labelled(warning().get(lang), anstyle::AnsiColor::BrightYellow, &message);
    }

    fn error(&mut self, lang: Lang, message: &str) {
        Self::labelled(error().get(lang), anstyle::AnsiColor::BrightRed, message);
    }

    fn report(&mut self, text: &str) {
        let _ = anstream::stderr().write_all(text.as_bytes());
    }

    /// COLUMNS when it is set (so `COLUMNS=80 implan status | less` fits 80), else the terminal's width; piped
    /// without COLUMNS, none.
    fn width(&self) -> Option<u16> {
        if let Some(cols) = std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok()).filter(|&c: &u16| c > 0) {
            return Some(cols);
        }
        if !std::io::stdout().is_terminal() {
            return None;
        }
        comfy_table::Table::new().width()
    }
}

fn write_all(mut out: impl Write, text: &str) -> std::io::Result<()> {
    out.write_all(text.as_bytes())?;
    out.flush()
}
