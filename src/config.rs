//! Lint configuration: per-rule levels and rule options, from an `implan.toml` found by walking up from the
//! checked file, from the plan's own `[lint]` table, and from the command line, in that order of strength.
//!
//! ```toml
//! [lint.rules]
//! idle-gap = "allow"        # allow (off), warn or error
//! phase-order = "error"
//!
//! [lint.options]
//! idle-gap-months = 4       # the longest stretch without activity that passes
//! summer-months = [7]       # months idle-gap does not count (July)
//! cadence-tolerance = 0     # months of slack for `every`
//! ```

use crate::diag::{Finding, RuleId, Severity};
pub(crate) use crate::lint::{Level, Lint};
use std::collections::HashMap;

/// The options rules read. Defaults are the documented behaviour.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleOptions {
    /// `idle-gap`: the longest stretch, in counted months, that may pass without an activity.
    pub idle_gap_months: usize,
    /// `idle-gap`: months that are holiday and not counted (1–12).
    pub summer_months: Vec<u32>,
    /// `cadence`: months of slack on `every` ("every 6 months" with tolerance 1 accepts 7).
    pub cadence_tolerance: u32,
    /// `owner-overload`: the most activities one role may start in one month.
    pub owner_overload_max: usize,
    /// `holiday-conflict`: the municipality's school holidays.
    pub school_holidays: crate::calendar::SchoolHolidays,
    /// `done-date`: the day taken as today (`--today`); `None` for the real one.
    pub today: Option<chrono::NaiveDate>,
    /// `missing-schema`: the project's schema as the plan's `#:schema` line would name it
    /// ([`find_schema_file`]); `None` where there is none, or the text was not read from a file.
    pub schema: Option<String>,
}

impl Default for RuleOptions {
    fn default() -> Self {
        RuleOptions {
            idle_gap_months: 4,
            summer_months: vec![7],
            cadence_tolerance: 0,
            owner_overload_max: 4,
            school_holidays: crate::calendar::SchoolHolidays::default(),
            today: None,
            schema: None,
        }
    }
}

/// The configuration in force for one file.
#[derive(Debug, Clone, Default)]
pub(crate) struct Config {
    levels: HashMap<RuleId, Level>,
    pub options: RuleOptions,
    /// Only these rules (from `--select`); `None` for all.
    select: Option<Vec<RuleId>>,
}

/// Resolves rule ids given on the command line (`--select a,b`).
pub(crate) fn rule_ids(list: &[String]) -> Result<Vec<RuleId>, crate::lang::Text> {
    let mut out = Vec::new();
    for id in list.iter().flat_map(|s| s.split(',')).map(str::trim).filter(|s| !s.is_empty()) {
        match RuleId::parse(id) {
            Some(r) => out.push(r),
            None => return Err(crate::messages::commands::unknown_rule(id, RuleId::nearest(id))),
        }
    }
    Ok(out)
}

impl Config {
    /// Layers `[lint]` tables, weakest first (implan.toml, then the plan's own).
    pub(crate) fn layered<'a>(layers: impl IntoIterator<Item = &'a Lint>) -> Config {
        let mut c = Config::default();
        for l in layers {
            for (id, level) in &l.levels {
                c.levels.insert(id.value, *level);
            }
            if let Some(m) = l.idle_gap_months {
                c.options.idle_gap_months = m;
            }
            if let Some(m) = &l.summer_months {
                c.options.summer_months = m.clone();
            }
            if let Some(t) = l.cadence_tolerance {
                c.options.cadence_tolerance = t;
            }
            if let Some(m) = l.owner_overload_max {
                c.options.owner_overload_max = m;
            }
            if let Some(w) = l.autumn_break_week {
                c.options.school_holidays.autumn = crate::calendar::Break::Week(w);
            }
            if let Some(w) = l.winter_break_week {
                c.options.school_holidays.winter = crate::calendar::Break::Week(w);
            }
        }
        c
    }

    /// Applies `--select` and `--ignore`, the strongest layer.
    pub(crate) fn with_command_line(mut self, select: &[RuleId], ignore: &[RuleId]) -> Config {
        if !select.is_empty() {
            self.select = Some(select.to_vec());
        }
        for &id in ignore {
            self.levels.insert(id, Level::Allow);
        }
        self
    }

    /// The severity a rule's findings get, given the rule's default, or `None` when the rule is off. The
    /// loader's own rules cannot be turned off: a file that does not load has nothing else to say.
    pub fn severity(&self, rule: RuleId, default: Severity) -> Option<Severity> {
        if rule.is_loaders() {
            return Some(default);
        }
        if let Some(sel) = &self.select
            && !sel.contains(&rule)
        {
            return None;
        }
        match self.levels.get(&rule) {
            Some(Level::Allow) => None,
            Some(Level::Warn) => Some(Severity::Warning),
            Some(Level::Error) => Some(Severity::Error),
            None => Some(default),
        }
    }

    /// Drops findings of rules that are off, and gives the rest their configured severity. A finding comes
    /// with its rule's default severity (`Rule::finding`, the loader's errors).
    pub fn apply(&self, findings: Vec<Finding>) -> Vec<Finding> {
        findings
            .into_iter()
            .filter_map(|mut f| {
                f.severity = self.severity(f.rule, f.severity)?;
                Some(f)
            })
            .collect()
    }
}

/// What an `implan.toml` says for the plans below it.
#[derive(Debug, Clone, Default)]
pub struct ConfigFile {
    pub lint: Lint,
    /// Its `[calendar]`, with the school years of its skolerute file read in.
    pub calendar: Option<crate::calendar::CalendarSpec>,
    /// The language of the plans that do not say theirs (and of their findings).
    pub lang: Option<crate::lang::Lang>,
}

/// An error in a configuration file, with its place.
#[derive(Debug, Clone)]
pub struct ConfigError {
    pub path: std::path::PathBuf,
    pub findings: Vec<Finding>,
    pub source: crate::source::Source,
}

impl ConfigError {
    /// What stops a run; the findings say why, with their places.
    pub fn text(&self) -> crate::lang::Text {
        crate::messages::commands::not_a_valid_config(&crate::escape::path(&self.path))
    }
}

/// In English, for logs and tests; people read [`ConfigError::text`].
impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.text().en())
    }
}

impl std::error::Error for ConfigError {}

/// Reads an `implan.toml`'s `[lint]` table and its language (a top-level `lang`, or its own `[plan] lang`).
/// Everything else in the file is the plan's business (an `implan.toml` may be a plan too), so only these are
/// checked here.
pub fn load_config_file(path: &std::path::Path) -> Result<ConfigFile, Box<ConfigError>> {
    let bytes = std::fs::read(path).map_err(|e| {
        let f = Finding::new(RuleId::InvalidPlan, Severity::Error, None, crate::messages::load::cannot_read_file(e));
        Box::new(ConfigError {
            path: path.to_path_buf(),
            findings: vec![f],
            source: crate::source::Source::new(path, ""),
        })
    })?;
    let (source, not_text) = crate::load::decode(path, bytes);
    if let Some(f) = not_text {
        return Err(Box::new(ConfigError { path: path.to_path_buf(), findings: vec![f], source }));
    }
    match crate::load::load_config_text(&source) {
        Ok((lint, mut calendar, lang)) => {
            let dir = path.parent().unwrap_or(std::path::Path::new(""));
            if let Some(Err(f)) = calendar.as_mut().map(|c| read_skolerute(c, dir)) {
                return Err(Box::new(ConfigError { path: path.to_path_buf(), findings: vec![f], source }));
            }
            Ok(ConfigFile { lint, calendar, lang })
        }
        Err(findings) => Err(Box::new(ConfigError { path: path.to_path_buf(), findings, source })),
    }
}

/// Reads the skolerute file a `[calendar]` names (relative to `dir`, the folder of the file that names it) and
/// puts its school years under the table's own `[[calendar.school-year]]`, which win for the years both state.
/// A file that cannot be read or is no skolerute is an error at the `skolerute` value.
pub fn read_skolerute(calendar: &mut crate::calendar::CalendarSpec, dir: &std::path::Path) -> Result<(), Finding> {
    let Some(named) = &calendar.skolerute else { return Ok(()) };
    let path = dir.join(&named.value);
    let error = |message: crate::lang::Text, help: Option<crate::lang::Text>| {
        let f = Finding::new(RuleId::InvalidPlan, Severity::Error, Some(named.span), message);
        match help {
            Some(help) => f.help(help),
            None => f,
        }
    };
    let m = crate::messages::load::skolerute_error;
    let bytes = std::fs::read(&path)
        .map_err(|e| error(m(&named.value, None, &crate::lang::Text::verbatim(e.to_string())), None))?;
    let read = crate::skolerute::read(&String::from_utf8_lossy(&bytes))
        .map_err(|e| error(m(&named.value, e.line, &e.message), e.help))?;
    let mut years = read.years;
    crate::calendar::state_years(&mut years, &calendar.school_years);
    calendar.school_years = years;
    Ok(())
}

/// The `implan.toml` nearest above a plan file (its own directory first), if any.
pub(crate) fn find_config_file(plan: &std::path::Path) -> Option<std::path::PathBuf> {
    let abs = std::path::absolute(plan).ok()?;
    let mut dir = abs.parent();
    while let Some(d) = dir {
        let candidate = d.join("implan.toml");
        if candidate.is_file() {
            return Some(candidate);
        }
        dir = d.parent();
    }
    None
}

/// The project's JSON Schema as a plan's `#:schema` line names it: `implan.schema.json` in the plan's folder
/// or the nearest folder above it, up to the repository's root (the folder holding `.git`), written relative to
/// the plan's folder with `/` (`../implan.schema.json`), as taplo reads it on every system. `None` when there is
/// none.
pub fn find_schema_file(plan: &std::path::Path) -> Option<String> {
    let abs = std::path::absolute(plan).ok()?;
    let mut up = String::new();
    let mut dir = abs.parent();
    while let Some(d) = dir {
        if d.join("implan.schema.json").is_file() {
            return Some(format!("{up}implan.schema.json"));
        }
        if d.join(".git").exists() {
            return None;
        }
        up.push_str("../");
        dir = d.parent();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Span;
    use crate::model::Spanned;

    #[test]
    fn the_nearest_configuration_above_a_plan_is_found_and_read() {
        let dir = tempfile::tempdir().unwrap();
        let (top, school) = (dir.path(), dir.path().join("skole").join("plan"));
        std::fs::create_dir_all(&school).unwrap();
        let plan = school.join("plan.toml");
        std::fs::write(top.join("implan.toml"), "[lint.options]\nowner-overload-max = 7\n").unwrap();
        assert_eq!(find_config_file(&plan), Some(top.join("implan.toml")));
        std::fs::write(school.join("implan.toml"), "[lint.options]\nowner-overload-max = 2\n").unwrap();
        let nearest = find_config_file(&plan).unwrap();
        assert_eq!(nearest, school.join("implan.toml"));
        assert_eq!(load_config_file(&nearest).unwrap().lint.owner_overload_max, Some(2));
        // An unreadable or invalid file is an error that names it, not a default.
        let missing = school.join("missing.toml");
        assert_eq!(load_config_file(&missing).unwrap_err().path, missing);
        std::fs::write(school.join("implan.toml"), "[lint.options]\nowner-overload-max = \"many\"\n").unwrap();
        assert!(load_config_file(&nearest).is_err());
    }

    #[test]
    fn layers_and_command_line() {
        let file = Lint {
            levels: vec![
                (Spanned::new(RuleId::IdleGap, Span::default()), Level::Allow),
                (Spanned::new(RuleId::PhaseOrder, Span::default()), Level::Error),
            ],
            idle_gap_months: Some(6),
            ..Lint::default()
        };
        let plan =
            Lint { levels: vec![(Spanned::new(RuleId::IdleGap, Span::default()), Level::Warn)], ..Lint::default() };
        let c = Config::layered([&file, &plan]);
        assert_eq!(c.options.idle_gap_months, 6);
        let warning = Severity::Warning;
        assert_eq!(c.severity(RuleId::IdleGap, warning), Some(Severity::Warning), "the plan's layer wins");
        assert_eq!(c.severity(RuleId::PhaseOrder, warning), Some(Severity::Error));
        assert_eq!(c.severity(RuleId::Cadence, warning), Some(warning), "unset: the default");
        let c = c.with_command_line(&[RuleId::Cadence], &[RuleId::IdleGap]);
        assert_eq!(c.severity(RuleId::PhaseOrder, warning), None, "--select narrows");
        assert_eq!(c.severity(RuleId::Cadence, warning), Some(warning));
        assert_eq!(c.severity(RuleId::InvalidPlan, Severity::Error), Some(Severity::Error), "loader rules stay");
        assert_eq!(
            rule_ids(&["idle-gaps".into()]).unwrap_err().en(),
            "unknown rule 'idle-gaps'; did you mean 'idle-gap'?"
        );
    }
}
