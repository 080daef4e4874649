//! What the commands that show a plan share: finding the plan, loading it, the day and the language, and
//! its findings.

use super::{Console, Error, Exit, parse_today};
use crate::check::{self, FileReport};
use crate::cli::ViewArgs;
use crate::diag::Finding;
use crate::messages::commands as m;
use crate::model::Plan;
use crate::source::Source;
use crate::views::View;
use crate::{escape, i18n, render};
use std::path::{Path, PathBuf};

/// The plan a view works on, with its text and the day it is.
pub(super) struct Loaded<'a> {
    pub plan: &'a Plan,
    pub source: &'a Source,
    pub today: chrono::NaiveDate,
}

/// Who reads a view's output: people get the plan's text with hidden characters shown
/// ([`Plan::shown`]); programs (JSON) get it as written.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Audience {
    People,
    Programs,
}

/// Loads the plan named (or found), builds a view, renders it and prints it. A plan that does not load is
/// reported on standard error as `check` reports it, with exit code 1, and nothing goes to standard output:
/// `implan gantt bad.toml > chart.svg` must not fill the chart with findings.
pub(super) fn with_view(
    args: &ViewArgs,
    audience: Audience,
    console: &mut dyn Console,
    render: impl FnOnce(&View, &Loaded) -> Result<(String, bool), Error>,
) -> Result<Exit, Error> {
    let path = match &args.plan {
        Some(p) => p.clone(),
        None => find_plan()?,
    };
    let bytes = crate::source::read_plan(&path)
        .map_err(|e| m::cannot_read(&escape::path(&path), &crate::write::describe(&e)))?;
    let (source, not_text) = crate::load::decode(&path, bytes);
    let loaded = match not_text {
        Some(finding) => Err(vec![finding]),
        None => crate::load::load(&source),
    };
    let plan = match loaded {
        Ok(plan) => plan,
        Err(findings) => {
            let declared = crate::load::declared_lang(&source).or_else(|| folder_config(&path).and_then(|c| c.lang));
            let lang = i18n::resolve(args.lang.map(Into::into), declared, i18n::env_locale().as_deref());
            let report = FileReport { path: path.clone(), source: Some(source), findings, lang };
            console.report(&render::human(&[report], &[], lang));
            return Ok(Exit::Failure);
        }
    };
    // From here on, what goes wrong is said in the plan's language.
    let folder_lang = || folder_config(&path).and_then(|c| c.lang);
    let lang = i18n::resolve(args.lang.map(Into::into), plan.lang.or_else(folder_lang), i18n::env_locale().as_deref());
    let today = match &args.today {
        Some(t) => parse_today(t, "--today").map_err(|e| e.about(lang))?,
        None => chrono::Local::now().date_naive(),
    };
    let shown;
    let viewed = match audience {
        Audience::People => {
            shown = plan.shown();
            &shown
        }
        Audience::Programs => &plan,
    };
    let view = View::new(viewed, &source, lang, today);
    let (text, styled) = render(&view, &Loaded { plan: &plan, source: &source, today }).map_err(|e| e.about(lang))?;
    console.out(&text, styled)?;
    Ok(Exit::Success)
}

/// The `implan.toml` above a plan, if there is one and it reads (a broken one is `check`'s to report).
pub(super) fn folder_config(plan: &std::path::Path) -> Option<crate::config::ConfigFile> {
    crate::config::find_config_file(plan).and_then(|c| crate::config::load_config_file(&c).ok())
}

/// The plan's check findings for a view: the same `implan.toml` applies as for `implan check` (a broken one is
/// ignored here; `check` reports it), so the count agrees.
pub(super) fn findings(loaded: &Loaded) -> Vec<Finding> {
    let path = &loaded.source.path;
    let around = check::Surroundings::of(path, folder_config(path).as_ref());
    let opts = check::CheckOptions { today: Some(loaded.today), ..Default::default() };
    check::run_rules(loaded.plan, loaded.source, &around, &opts)
}

/// With no plan named: `implan.toml` here, or the only plan under `plans/`.
pub(super) fn find_plan() -> Result<PathBuf, Error> {
    let here = Path::new("implan.toml");
    if here.is_file() {
        return Ok(here.to_path_buf());
    }
    let plans = Path::new("plans");
    let found = if plans.is_dir() {
        check::collect(&[plans.to_path_buf()], &check::Walk::default())
            .files
            .into_iter()
            .filter_map(check::Input::into_file)
            .collect()
    } else {
        Vec::new()
    };
    match found.as_slice() {
        [one] => Ok(one.clone()),
        [] => Err(Error::Usage(m::no_plan_given())),
        many => {
            let list: Vec<String> = many.iter().map(|p| format!("  {}", escape::path(p))).collect();
            Err(Error::Usage(m::which_plan(many.len(), &list.join("\n"))))
        }
    }
}
