//! The subcommands, one module each: each takes its typed arguments, does its work through the library and
//! says what it has to say through a [`Console`], returning the [`Exit`] status. The binary parses the command
//! line, hands the [`Command`] to [`run`], and maps what comes back to an exit code.

mod check;
mod checklist;
pub mod complete;
mod diff;
mod edit;
mod explain;
mod export;
mod git;
mod init;
mod meta;
mod plan;
mod report;
mod rules;
mod schedule;
mod since;
mod status;
mod timeline;

use crate::cli::{Command, ExportWhat, LangArg};
use crate::escape;
use crate::lang::{Lang, Text};
use crate::messages::commands as m;
use crate::when::When;
use std::path::Path;

/// Where a command's words go. The binary prints to the terminal (styles, escaping of what slipped through);
/// a test can record.
pub trait Console {
    /// Standard output. `styled` text may hold ANSI styles, to be stripped when they cannot be shown.
    fn out(&mut self, text: &str, styled: bool) -> std::io::Result<()>;
    /// A warning on standard error, in `lang` (its label too).
    fn warning(&mut self, lang: Lang, message: &Text);
    /// An error on standard error, in `lang` (its label too); `message` is in that language, already escaped.
    fn error(&mut self, lang: Lang, message: &str);
    /// Findings rendered for people, on standard error.
    fn report(&mut self, text: &str);
    /// The width of the terminal standard output goes to, if it is one.
    fn width(&self) -> Option<u16>;
}

/// How a command ended, as the exit code says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// 0: done, nothing wrong.
    Success,
    /// 1: done, and what was checked or edited has errors.
    Failure,
    /// 2: what was asked cannot be done.
    Usage,
}

impl Exit {
    pub fn code(self) -> u8 {
        match self {
            Exit::Success => 0,
            Exit::Failure => 1,
            Exit::Usage => 2,
        }
    }
}

/// Why a command stopped before its end.
#[derive(Debug)]
pub enum Error {
    /// A usage error, or a path that cannot be read or written (exit 2), said in the command's language (see
    /// [`lang_of`]). The message may hold plan text and needs escaping for the terminal.
    Usage(Text),
    /// A usage error about a plan that has been read, said in the plan's language (unless `--lang` says
    /// another): an unknown role in `--role`, an export that cannot be written.
    About(Lang, Text),
    /// Standard output could not be written.
    Output(std::io::Error),
}

impl Error {
    /// The language the error is said in and its words: the plan's for [`Error::About`], else `lang`, the
    /// command's.
    pub fn said(&self, lang: Lang) -> (Lang, String) {
        match self {
            Error::Usage(message) => (lang, message.get(lang).to_owned()),
            Error::About(plan, message) => (*plan, message.get(*plan).to_owned()),
            Error::Output(e) => (lang, m::cannot_write_stdout(&crate::write::describe(e)).get(lang).to_owned()),
        }
    }

    /// A usage error about the plan read, to be said in `lang`, the plan's.
    fn about(self, lang: Lang) -> Error {
        match self {
            Error::Usage(message) => Error::About(lang, message),
            other => other,
        }
    }
}

/// In English, for logs and tests; people read [`Error::said`].
impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Usage(message) | Error::About(_, message) => f.write_str(message.en()),
            Error::Output(_) => f.write_str(&self.said(Lang::En).1),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Usage(_) | Error::About(..) => None,
            Error::Output(e) => Some(e),
        }
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::Output(e)
    }
}

impl From<Text> for Error {
    fn from(message: Text) -> Self {
        Error::Usage(message)
    }
}

impl From<crate::views::ViewError> for Error {
    fn from(e: crate::views::ViewError) -> Self {
        Error::Usage(e.0)
    }
}

/// The language a command's own words are in (its usage errors, warnings and confirmations): its `--lang`,
/// else the locale's, else Bokmål. An error about a plan that has been read is in the plan's
/// ([`Error::About`]).
pub fn lang_of(command: &Command) -> Lang {
    lang_or_locale(command.lang())
}

/// Runs one subcommand.
pub fn run(command: Command, console: &mut dyn Console) -> Result<Exit, Error> {
    match command {
        Command::Check(args) => check::run(args, console),
        Command::Rules(args) => rules::run(args, console),
        Command::Explain(args) => explain::run(args, console),
        Command::Completions(args) => meta::completions(args, console),
        Command::Man(args) => meta::man(args, console),
        Command::Schema => meta::schema(console),
        Command::Init(args) => init::run(args, console),
        Command::Schedule(args) => schedule::run(args, console),
        Command::Timeline(args) => timeline::run(args, console),
        Command::Checklist(args) => checklist::run(args, console),
        Command::Done(args) => edit::done(args, console),
        Command::Set(args) => edit::set(args, console),
        Command::Move(args) => edit::move_to(args, console),
        Command::Postpone(args) => edit::postpone(args, console),
        Command::Add(args) => edit::add(args, console),
        Command::Export { what: ExportWhat::Ics(args) } => export::ics(args, console),
        Command::Gantt(args) => export::gantt(args, console),
        Command::Wheel(args) => export::wheel(args, console),
        Command::Report(args) => report::run(args, console),
        Command::Status(args) => status::run(args, console),
        Command::Diff(args) => diff::run(args, console),
    }
}

/// The language of a command that reads no plan: `--lang`, else the locale's, else Bokmål.
fn lang_or_locale(flag: Option<LangArg>) -> Lang {
    crate::i18n::resolve(flag.map(Into::into), None, crate::i18n::env_locale().as_deref())
}

/// A message with whatever a person typed in it shown safely, line breaks too.
fn visible(message: Text) -> Text {
    message.map(|_, s| escape::visible(&s).into_owned())
}

/// `--today` and the like: a date as people write it, its first day.
fn parse_today(t: &str, flag: &str) -> Result<chrono::NaiveDate, Error> {
    crate::when::parse(t).map(|w| w.start).map_err(|e| Error::Usage(visible(m::flag_problem(flag, &e.message))))
}

/// `--from` and `--to`: any date form each; a `--to` that ends before `--from` starts is a usage error.
fn flag_span(from: Option<&str>, to: Option<&str>) -> Result<(Option<When>, Option<When>), Error> {
    let date = |flag: &str, v: Option<&str>| -> Result<Option<When>, Error> {
        v.map(|s| {
            crate::when::parse(s)
                .map_err(|e| Error::Usage(visible(m::flag_problem_with_help(flag, &e.message, &e.help))))
        })
        .transpose()
    };
    let (from, to) = (date("--from", from)?, date("--to", to)?);
    if let (Some(a), Some(b)) = (&from, &to)
        && b.end < a.start
    {
        return Err(Error::Usage(m::empty_span(&b.end.to_string(), &a.start.to_string())));
    }
    Ok((from, to))
}

/// Writes an export to its file (see [`crate::write`]), or hands it back to be printed; `lang` is the
/// language of the confirmation.
fn write_output(path: Option<&Path>, text: String, lang: Lang) -> Result<(String, bool), Error> {
    let Some(path) = path else { return Ok((text, false)) };
    write_file(path, text.as_bytes(), lang)
}

/// Writes an export's bytes to its file, whole or not at all, and says so.
fn write_file(path: &Path, bytes: &[u8], lang: Lang) -> Result<(String, bool), Error> {
    crate::write::write_file(path, bytes, crate::write::WriteOptions::replace()).map_err(|e| Error::Usage(e.text()))?;
    Ok((format!("{}\n", m::wrote(&escape::path(path)).get(lang)), false))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Cli;
    use clap::Parser;

    /// A console that keeps what a command says, in order.
    #[derive(Default)]
    struct Recorder {
        said: Vec<String>,
    }

    impl Console for Recorder {
        fn out(&mut self, text: &str, styled: bool) -> std::io::Result<()> {
            self.said.push(format!("out{}: {text}", if styled { " (styled)" } else { "" }));
            Ok(())
        }
        fn warning(&mut self, lang: Lang, message: &Text) {
            self.said.push(format!("warning ({}): {}", lang.code(), message.get(lang)));
        }
        fn error(&mut self, lang: Lang, message: &str) {
            self.said.push(format!("error ({}): {message}", lang.code()));
        }
        fn report(&mut self, text: &str) {
            self.said.push(format!("report: {text}"));
        }
        fn width(&self) -> Option<u16> {
            Some(60)
        }
    }

    fn run_args(args: &[&str]) -> (Result<Exit, Error>, Vec<String>) {
        let cli = Cli::try_parse_from(std::iter::once("implan").chain(args.iter().copied())).expect("arguments");
        let mut console = Recorder::default();
        (run(cli.command, &mut console), console.said)
    }

    #[test]
    fn exit_codes_are_the_documented_ones() {
        assert_eq!([Exit::Success, Exit::Failure, Exit::Usage].map(Exit::code), [0, 1, 2]);
    }

    #[test]
    fn an_error_says_what_failed() {
        let usage = Error::Usage(m::no_plan_files());
        assert_eq!(usage.to_string(), "no plan files (*.toml) found under the given paths");
        assert_eq!(usage.said(Lang::Nn), (Lang::Nn, m::no_plan_files().get(Lang::Nn).to_owned()));
        let full = Error::from(std::io::Error::from(std::io::ErrorKind::StorageFull));
        assert!(full.to_string().starts_with("cannot write to standard output: "), "{full}");
        assert!(full.said(Lang::Nb).1.starts_with("kan ikke skrive til standard utdata: "), "{full}");
        assert!(std::error::Error::source(&full).is_some());
        assert!(std::error::Error::source(&usage).is_none());
    }

    #[test]
    fn an_error_about_the_plan_read_is_said_in_the_plans_language() {
        let about = Error::Usage(m::no_phases()).about(Lang::Nn);
        assert_eq!(about.said(Lang::En), (Lang::Nn, "planen har ingen fasar".to_owned()));
        assert_eq!(about.to_string(), "the plan has no phases");
    }

    #[test]
    fn explain_prints_the_rule_or_suggests_one() {
        let (exit, said) = run_args(&["explain", "cadence", "--lang", "en"]);
        assert_eq!(exit.unwrap(), Exit::Success);
        assert!(said[0].starts_with("out: cadence (error)\n\nA recurring requirement"), "{said:?}");
        let (exit, said) = run_args(&["explain", "cadense"]);
        assert!(said.is_empty());
        let Err(Error::Usage(message)) = exit else { panic!("{exit:?}") };
        assert!(message.en().contains("cadence"), "{message:?}");
    }

    #[cfg(unix)]
    #[test]
    fn a_skipped_entry_is_warned_of_before_the_run_stops() {
        let tmp = tempfile::Builder::new().prefix("implan-commands-").tempdir().unwrap();
        let dir = tmp.path();
        std::os::unix::fs::symlink(dir.join("nowhere"), dir.join("broken.toml")).unwrap();
        let (exit, said) = run_args(&["check", "--follow", "--lang", "nb", dir.to_str().unwrap()]);
        let Err(Error::Usage(message)) = exit else { panic!("{exit:?}") };
        assert_eq!(message.en(), "no plan files (*.toml) found under the given paths");
        assert_eq!(said.len(), 1, "{said:?}");
        assert!(said[0].starts_with("warning (nb): hoppet over ") && said[0].contains("broken.toml"), "{said:?}");
    }

    #[test]
    fn the_terminal_width_is_the_width_unless_one_is_given() {
        let plan = concat!(env!("CARGO_MANIFEST_DIR"), "/plans/beiarn-omni.toml");
        let (exit, by_terminal) = run_args(&["timeline", plan, "--today", "2026-11-23"]);
        assert_eq!(exit.unwrap(), Exit::Success);
        let (_, at_60) = run_args(&["timeline", plan, "--today", "2026-11-23", "--width", "60"]);
        let (_, at_100) = run_args(&["timeline", plan, "--today", "2026-11-23", "--width", "100"]);
        assert!(by_terminal[0].starts_with("out (styled): "), "{by_terminal:?}");
        assert_eq!(by_terminal, at_60);
        assert_ne!(by_terminal, at_100);
    }
}
