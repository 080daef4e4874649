//! `implan done`, `set`, `move` and `postpone`: one activity changed in the plan file, nothing else, and the
//! findings the change caused shown at once.

use super::{Console, Error, Exit};
use crate::check::FileReport;
use crate::cli::{AddArgs, DoneArgs, EditTarget, LangArg, MoveArgs, PostponeArgs, SetArgs};
use crate::diag::Finding;
use crate::edit::{self, Edit, EditError};
use crate::lang::Lang;
use crate::messages::commands as m;
use crate::source::Source;
use crate::{escape, i18n, render};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub(super) fn done(args: DoneArgs, console: &mut dyn Console) -> Result<Exit, Error> {
    let edit = match &args.date {
        Some(d) => edit::parse_date(d).map(Edit::done_on),
        None => Ok(Edit::done_unless_dated(chrono::Local::now().date_naive())),
    };
    apply(&args.target, edit, console)
}

/// The words are the plan (optional) and the activity, then the assignments: the first word with `=` starts
/// them.
pub(super) fn set(args: SetArgs, console: &mut dyn Console) -> Result<Exit, Error> {
    let split = args.words.iter().position(|w| w.contains('=')).unwrap_or(args.words.len());
    let (words, assignments) = args.words.split_at(split);
    if !(1..=2).contains(&words.len()) || assignments.is_empty() {
        return Err(Error::Usage(m::set_words()));
    }
    let target = EditTarget { words: words.to_vec(), options: args.options };
    apply(&target, Edit::from_assignments(assignments), console)
}

pub(super) fn move_to(args: MoveArgs, console: &mut dyn Console) -> Result<Exit, Error> {
    apply(&args.target, Edit::move_to(&args.date.to, args.date.end.as_deref()), console)
}

pub(super) fn postpone(args: PostponeArgs, console: &mut dyn Console) -> Result<Exit, Error> {
    let edit = Edit::postpone(&args.date.to, args.date.end.as_deref(), args.reason.as_deref());
    apply(&args.target, edit, console)
}

/// `implan add`: the new activity's id and line on standard output, then what the check after it says.
pub(super) fn add(args: AddArgs, console: &mut dyn Console) -> Result<Exit, Error> {
    let plan = match args.plan {
        Some(p) => p,
        None => super::plan::find_plan()?,
    };
    let before = Checked::of(&plan);
    let lang = language(args.options.lang, &plan, before.as_ref());
    let new = edit::NewActivity {
        phase: args.phase,
        title: args.title,
        when: args.when,
        owners: args.owner.into_iter().map(|o| o.trim().to_string()).filter(|o| !o.is_empty()).collect(),
        after: args.after.into_iter().map(|a| a.trim().to_string()).filter(|a| !a.is_empty()).collect(),
        id: args.id,
    };
    // The plan as the check before loaded it: a large file is not loaded again for the change.
    let mut before = before;
    let loaded = before.as_mut().and_then(Checked::take_plan);
    let known = loaded.as_ref().map(|(text, plan)| edit::Loaded { text, plan });
    let result = edit::add_to_file_with(&plan, &new, args.options.force, known);
    drop(loaded);
    match result {
        Ok(added) => {
            let at = format!("({}:{})", escape::path(&plan), added.line);
            let said = m::added(&escape::visible(&added.id), &escape::visible(&new.phase), &at);
            console.out(&format!("{}\n", said.get(lang)), false)?;
            if let (Some(before), Some(after)) = (before, Checked::of(&plan)) {
                report_new_findings(&plan, before, after, lang, console);
            }
            Ok(Exit::Success)
        }
        Err(e) => Ok(refused(&plan, e, lang, console)),
    }
}

/// Errors in what was asked (no such activity, a contradictory status) exit 2; a file that cannot be edited or
/// written exits 1. Either way the file is left as it was. After a change, the plan is checked again and the
/// findings the change brought are shown on standard error (the exit code stays 0: the change was made, and
/// `implan check` decides about the plan). What is said is in the plan's language, unless `--lang` says another.
fn apply(target: &EditTarget, edit: Result<Edit, EditError>, console: &mut dyn Console) -> Result<Exit, Error> {
    let (plan, activity) = match target.words.as_slice() {
        [activity] => (super::plan::find_plan()?, activity),
        [plan, activity] => (PathBuf::from(plan), activity),
        _ => return Err(Error::Usage(m::set_words())),
    };
    let mut before = Checked::of(&plan);
    let lang = language(target.options.lang, &plan, before.as_ref());
    // The plan as the check before loaded it: a large file is not loaded again to find the activity.
    let loaded = before.as_mut().and_then(Checked::take_plan);
    let known = loaded.as_ref().map(|(text, plan)| edit::Loaded { text, plan });
    let result = edit.and_then(|e| edit::edit_file_with(&plan, activity, &e, target.options.force, known));
    drop(loaded);
    match result {
        Ok(outcome) => {
            console.out(&format!("{}\n", outcome.message(&plan).get(lang)), false)?;
            if !outcome.changed {
                return Ok(Exit::Success);
            }
            match (before, Checked::of(&plan)) {
                (Some(before), Some(after)) => report_new_findings(&plan, before, after, lang, console),
                // Without a check before and after, at least the done date is looked at.
                _ => warn_of_done_date(&outcome, lang, console),
            }
            Ok(Exit::Success)
        }
        Err(e) => Ok(refused(&plan, e, lang, console)),
    }
}

/// A done date the `done-date` rule would report, said in one line.
fn warn_of_done_date(outcome: &edit::Outcome, lang: Lang, console: &mut dyn Console) {
    let today = chrono::Local::now().date_naive();
    if let Some(day) = outcome.done
        && let Some(problem) = crate::rules::done_date::problem(day, outcome.plan_start, today)
    {
        let rule = crate::diag::RuleId::DoneDate;
        console.warning(lang, &problem.text(day).map(|_, s| format!("{s} [{rule}]")));
    }
}

fn refused(plan: &Path, e: EditError, lang: Lang, console: &mut dyn Console) -> Exit {
    use EditError as E;
    let exit = match e {
        E::Read(_) | E::NotFound { .. } | E::Ambiguous { .. } | E::Several { .. } | E::BadEdit(_) => Exit::Usage,
        E::NotText | E::Parse(_) | E::Unsupported { .. } | E::Changed | E::Busy | E::Write(_) => Exit::Failure,
    };
    // A write error names the file itself; the list of activities that match keeps its line breaks.
    let text = e.text();
    let message = escape::visible_lines(text.get(lang));
    let message = match e {
        E::Write(_) => message.into_owned(),
        _ => format!("{}: {message}", escape::path(plan)),
    };
    console.error(lang, &message);
    exit
}

/// `--lang`, else the plan's `lang`, else its folder's `implan.toml`'s, else the locale's, else Bokmål.
fn language(flag: Option<LangArg>, plan: &Path, checked: Option<&Checked>) -> Lang {
    let declared = checked.and_then(|c| c.declared);
    let declared = declared.or_else(|| super::plan::folder_config(plan).and_then(|c| c.lang));
    i18n::resolve(flag.map(Into::into), declared, i18n::env_locale().as_deref())
}

/// A plan file and its findings, as `implan check` gives them (the loader's, or the rules').
struct Checked {
    source: Source,
    findings: Vec<Finding>,
    /// The plan's `lang`: from the loaded plan, without parsing the file again (a whole parse of a plan of
    /// 100,000 activities took 0.7 s), or read on its own from a file the loader rejects.
    declared: Option<Lang>,
    /// The plan as loaded, for the change to use rather than load the file again.
    plan: Option<crate::model::Plan>,
}

impl Checked {
    /// The loaded plan, with the text it was loaded from, for the change to use; the findings stay.
    fn take_plan(&mut self) -> Option<(&str, crate::model::Plan)> {
        self.plan.take().map(|plan| (self.source.text.as_str(), plan))
    }

    /// `None` when the file cannot be read: the edit says why.
    fn of(path: &Path) -> Option<Checked> {
        let bytes = crate::source::read_plan(path).ok()?;
        let (source, not_text) = crate::load::decode(path, bytes);
        if let Some(finding) = not_text {
            let declared = crate::load::declared_lang(&source);
            return Some(Checked { source, findings: vec![finding], declared, plan: None });
        }
        let around = crate::check::Surroundings::of(path, super::plan::folder_config(path).as_ref());
        let (findings, declared, plan) = match crate::load::load(&source) {
            Ok(plan) => {
                let findings = crate::check::run_rules(&plan, &source, &around, &crate::check::CheckOptions::default());
                (findings, plan.lang, Some(plan))
            }
            Err(findings) => (findings, crate::load::declared_lang(&source), None),
        };
        Some(Checked { source, findings, declared, plan })
    }
}

/// The findings after the edit that were not there before (by rule and message: the places moved), shown as
/// `implan check` shows them.
fn report_new_findings(path: &Path, before: Checked, after: Checked, lang: Lang, console: &mut dyn Console) {
    let key = |f: &Finding| (f.rule, f.message.en().to_string());
    let mut had: HashMap<_, usize> = HashMap::new();
    for f in &before.findings {
        *had.entry(key(f)).or_default() += 1;
    }
    let new: Vec<Finding> = after
        .findings
        .into_iter()
        .filter(|f| match had.get_mut(&key(f)) {
            Some(n) if *n > 0 => {
                *n -= 1;
                false
            }
            _ => true,
        })
        .collect();
    if new.is_empty() {
        return;
    }
    let report = FileReport { path: path.to_path_buf(), source: Some(after.source), findings: new, lang };
    console.warning(lang, &m::edit_caused(report.findings.len()));
    console.report(&render::human_findings(&report));
}
