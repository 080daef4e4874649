//! Shell completion that knows the plan: `implan done <TAB>` (and `set`, `move`, `postpone`) offers the ids of
//! the plan's activities, each with its title, and `implan init --template <TAB>` the programmes. This is
//! clap_complete's dynamic completion: the shell code `implan completions SHELL` prints (the same as
//! `COMPLETE=SHELL implan`) runs implan at each TAB with the words of the line, and the binary answers through
//! [`command`] before it does anything else.
//!
//! Completion says nothing but candidates: without a plan, or with one that cannot be read, it offers nothing.

use super::plan::find_plan;
use crate::cli::Cli;
use crate::{edit, escape, init};
use clap::CommandFactory;
use clap_complete::engine::{
    ArgValueCandidates, ArgValueCompleter, CompletionCandidate, PathCompleter, ValueCompleter,
};
use std::collections::HashSet;
use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};

/// The subcommands whose first words (`words`) are `[PLAN] ACTIVITY`.
const EDITS: [&str; 4] = ["done", "set", "move", "postpone"];

/// The command line as completion reads it: [`Cli`], with the completers of activities and templates.
pub fn command() -> clap::Command {
    let mut cmd = Cli::command();
    for name in EDITS {
        cmd = cmd.mut_subcommand(name, |c| c.mut_arg("words", |a| a.add(ArgValueCompleter::new(activity_word))));
    }
    cmd.mut_subcommand("init", |c| c.mut_arg("template", |a| a.add(ArgValueCandidates::new(templates))))
}

/// The programmes `init --template` takes, each with its description.
pub fn templates() -> Vec<CompletionCandidate> {
    init::TEMPLATES.iter().map(|(name, about)| CompletionCandidate::new(name).help(Some((*about).into()))).collect()
}

/// The activities of the plan `text` whose ids start with `current`, in file order, each with its title as
/// help: ids as the edit commands find them (the `id`, or the title's slug), each once. An id the format does
/// not allow is left out (it could not be typed as one word, and `check` reports it); a title shows its hidden
/// characters as escapes, on one line. A text that is not TOML offers none.
pub fn activities(text: &str, current: &str) -> Vec<CompletionCandidate> {
    let Ok(listed) = edit::activities_in(text) else {
        return Vec::new();
    };
    let mut seen = HashSet::new();
    listed
        .into_iter()
        .filter_map(|a| Some((a.id?, a.title)))
        .filter(|(id, _)| id.starts_with(current) && crate::load::valid_id(id) && seen.insert(id.clone()))
        .map(|(id, title)| {
            let help = title.map(|t| escape::visible(t.trim()).into_owned().into());
            CompletionCandidate::new(id).help(help)
        })
        .collect()
}

/// The word at the cursor of `done`, `set`, `move` or `postpone`. As the first word: an activity of the plan
/// found as these commands find it without a plan named (`implan.toml` here, or the only plan under `plans/`),
/// or, when none of its ids starts with what is typed, a plan file or a folder. After a plan file: its
/// activities. After an activity: nothing.
fn activity_word(current: &OsStr) -> Vec<CompletionCandidate> {
    let line = line_before_cursor(std::env::args_os().collect(), std::env::var("_CLAP_COMPLETE_INDEX").ok());
    let given = words_given(&line);
    let Some(typed) = current.to_str() else {
        return Vec::new();
    };
    let plan = match given.as_slice() {
        [] => find_plan().ok(),
        // A word before the activity is the plan (if it is an activity, no file reads and nothing is offered).
        [plan] => Some(PathBuf::from(plan)),
        _ => None,
    };
    let found = plan.map(|plan| activities_of(&plan, typed)).unwrap_or_default();
    if found.is_empty() && given.is_empty() && !typed.is_empty() {
        let plans = PathCompleter::any().filter(|p| p.extension().is_some_and(|e| e == "toml"));
        return plans.complete(current);
    }
    found
}

fn activities_of(plan: &Path, current: &str) -> Vec<CompletionCandidate> {
    let Ok(bytes) = crate::source::read_plan(plan) else {
        return Vec::new();
    };
    String::from_utf8(bytes).map(|text| activities(&text, current)).unwrap_or_default()
}

/// The words of the line being completed before the cursor's. clap_complete's shell code passes them after
/// `--`; bash, zsh and elvish say which word the cursor is in (`_CLAP_COMPLETE_INDEX`), fish and PowerShell
/// pass the line up to the cursor, ending with its word.
fn line_before_cursor(args: Vec<OsString>, index: Option<String>) -> Vec<OsString> {
    let mut line: Vec<OsString> = args.into_iter().skip_while(|a| a != "--").skip(1).collect();
    let at = index.and_then(|i| i.parse().ok()).unwrap_or(line.len().saturating_sub(1));
    line.truncate(at);
    line
}

/// The `[PLAN] ACTIVITY …` words an edit command on `line` has before the cursor, as clap reads them (an
/// option's value is not one of them).
fn words_given(line: &[OsString]) -> Vec<String> {
    let Ok(matches) = Cli::command().ignore_errors(true).try_get_matches_from(line) else {
        return Vec::new();
    };
    let Some((_, sub)) = matches.subcommand() else {
        return Vec::new();
    };
    match sub.try_get_many::<String>("words") {
        Ok(Some(words)) => words.cloned().collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(candidates: &[CompletionCandidate]) -> Vec<String> {
        let help = |c: &CompletionCandidate| c.get_help().map(|h| format!("  {h}")).unwrap_or_default();
        candidates.iter().map(|c| format!("{}{}", c.get_value().to_string_lossy(), help(c))).collect()
    }

    #[test]
    fn activities_are_offered_by_id_with_their_titles() {
        let plan = "\u{feff}[[phase]]\nid = \"p\"\n[[phase.activity]]\nid = \"kartlegging\"\ntitle = \" Kartlegging \"\n\
                    [[phase.activity]]\ntitle = \"Opplæring i regelverk\"\n[[activity]]\nid = \"kurs\"\n\
                    title = \"Kurs\\u001b[2J\\nfor alle\"\n[[activity]]\nid = \"kartlegging\"\ntitle = \"Igjen\"\n\
                    [[activity]]\nid = \"ikke gyldig\"\ntitle = \"Mellomrom\"\n[[activity]]\nid = \"utenTittel\"\n";
        assert_eq!(
            shown(&activities(plan, "")),
            [
                "kartlegging  Kartlegging",
                "opplaering-i-regelverk  Opplæring i regelverk",
                "kurs  Kurs\\u{1b}[2J\\nfor alle",
                "utenTittel",
            ]
        );
        assert_eq!(shown(&activities(plan, "k")), ["kartlegging  Kartlegging", "kurs  Kurs\\u{1b}[2J\\nfor alle"]);
        assert_eq!(shown(&activities(plan, "x")), Vec::<String>::new());
        assert!(activities("[[activity]\nid = ", "").is_empty(), "not TOML: nothing");
        assert!(activities("activity = 3\n", "").is_empty());
    }

    #[test]
    fn templates_are_the_init_list() {
        let names: Vec<String> = templates().iter().map(|c| c.get_value().to_string_lossy().into_owned()).collect();
        assert_eq!(names, ["omni", "mot", "smart", "absolutt", "ibs"]);
        assert!(templates().iter().all(|c| c.get_help().is_some()));
    }

    fn os(words: &[&str]) -> Vec<OsString> {
        words.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_line_ends_before_the_cursor() {
        let args = os(&["implan", "--", "implan", "done", "plan.toml", "op", "--date"]);
        assert_eq!(line_before_cursor(args.clone(), Some("3".into())), os(&["implan", "done", "plan.toml"]));
        assert_eq!(line_before_cursor(args.clone(), None), os(&["implan", "done", "plan.toml", "op"]));
        assert_eq!(line_before_cursor(args, Some("9".into())), os(&["implan", "done", "plan.toml", "op", "--date"]));
        assert_eq!(line_before_cursor(os(&["implan"]), None), Vec::<OsString>::new());
    }

    #[test]
    fn the_words_given_are_the_edit_commands_own() {
        let given = |words: &[&str]| words_given(&os(words));
        assert_eq!(given(&["implan", "done"]), Vec::<String>::new());
        assert_eq!(given(&["implan", "done", "--date", "2026-01-01", "plan.toml"]), ["plan.toml"]);
        assert_eq!(given(&["implan", "set", "--lang", "nb", "plan.toml", "a"]), ["plan.toml", "a"]);
        assert_eq!(given(&["implan", "move", "--to", "mai 2027"]), Vec::<String>::new());
        assert_eq!(given(&["implan", "postpone", "--force", "a"]), ["a"]);
        assert_eq!(given(&["implan", "status"]), Vec::<String>::new());
        assert_eq!(given(&["implan", "nope", "x"]), Vec::<String>::new());
        assert_eq!(given(&[]), Vec::<String>::new());
    }

    #[test]
    fn every_edit_command_and_init_get_their_completers() {
        let mut cmd = command();
        cmd.build();
        for name in EDITS {
            let sub = cmd.find_subcommand(name).unwrap();
            let words = sub.get_arguments().find(|a| a.get_id() == "words").unwrap();
            assert!(words.get::<ArgValueCompleter>().is_some(), "{name}");
        }
        let init = cmd.find_subcommand("init").unwrap();
        let template = init.get_arguments().find(|a| a.get_id() == "template").unwrap();
        assert!(template.get::<ArgValueCandidates>().is_some());
    }
}
