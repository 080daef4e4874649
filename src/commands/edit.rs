//! `implan done` and `implan set`: one activity's status changed in the plan file, nothing else.

use super::{Console, Error, Exit};
use crate::cli::{DoneArgs, SetArgs};
use crate::edit::{self, Edit, EditError};
use crate::escape;
use std::path::Path;

pub(super) fn done(args: DoneArgs, console: &mut dyn Console) -> Result<Exit, Error> {
    let edit = match &args.date {
        Some(d) => edit::parse_date(d).map(Edit::done_on),
        None => Ok(Edit::done_unless_dated(chrono::Local::now().date_naive())),
    };
    apply(&args.plan, &args.activity, edit, args.force, console)
}

pub(super) fn set(args: SetArgs, console: &mut dyn Console) -> Result<Exit, Error> {
    apply(&args.plan, &args.activity, Edit::from_assignments(&args.assignments), args.force, console)
}

/// Errors in what was asked (no such activity, a contradictory status) exit 2; a file that cannot be edited or
/// written exits 1. Either way the file is left as it was. A done date that the `done-date` rule would report
/// is warned about at once. What these commands say is in the locale's language (else Bokmål): they have no
/// `--lang`, and they read the plan only as TOML.
fn apply(
    plan: &Path,
    activity: &str,
    edit: Result<Edit, EditError>,
    force: bool,
    console: &mut dyn Console,
) -> Result<Exit, Error> {
    use EditError as E;
    let lang = super::lang_or_locale(None);
    match edit.and_then(|e| edit::edit_file_with(plan, activity, &e, force)) {
        Ok(outcome) => {
            console.out(&format!("{}\n", outcome.message(plan).get(lang)), false)?;
            let today = chrono::Local::now().date_naive();
            if let Some(day) = outcome.done.filter(|_| outcome.changed)
                && let Some(problem) = crate::rules::done_date::problem(day, outcome.plan_start, today)
            {
                let rule = crate::diag::RuleId::DoneDate;
                console.warning(lang, &problem.text(day).map(|_, s| format!("{s} [{rule}]")));
            }
            Ok(Exit::Success)
        }
        Err(e) => {
            let exit = match e {
                E::Read(_) | E::NotFound { .. } | E::Ambiguous { .. } | E::Several { .. } | E::BadEdit(_) => {
                    Exit::Usage
                }
                E::NotText | E::Parse(_) | E::Unsupported { .. } | E::Changed | E::Busy | E::Write(_) => Exit::Failure,
            };
            // A write error names the file itself.
            let text = e.text();
            let message = escape::visible(text.get(lang));
            let message = match e {
                E::Write(_) => message.into_owned(),
                _ => format!("{}: {message}", escape::path(plan)),
            };
            console.error(lang, &message);
            Ok(exit)
        }
    }
}
