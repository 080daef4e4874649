//! Checking files: finding the plan files under the given paths, loading and checking each one.

use crate::config::{Config, ConfigError, ConfigFile, Lint};
use crate::diag::{Finding, Severity};
use crate::lang::{Lang, Text};
use crate::messages::commands as m;
use crate::source::Source;
use std::collections::HashMap;
use std::io;
use std::path::{Path, PathBuf};

/// The result of checking one file.
#[derive(Debug, Clone)]
pub struct FileReport {
    pub path: PathBuf,
    /// The text (with U+FFFD for bytes that are not UTF-8); findings' spans index into it.
    pub source: Option<Source>,
    pub findings: Vec<Finding>,
    /// The language its findings are printed in.
    pub lang: Lang,
}

impl FileReport {
    pub fn count(&self, severity: Severity) -> usize {
        self.findings.iter().filter(|f| f.severity == severity).count()
    }
}

/// A path that could not be read, with the reason.
#[derive(Debug)]
pub struct ReadError {
    pub path: PathBuf,
    pub error: io::Error,
}

impl ReadError {
    pub fn text(&self) -> Text {
        m::cannot_read(&crate::escape::path(&self.path), &crate::write::describe(&self.error))
    }
}

/// In English, for logs and tests; people read [`ReadError::text`].
impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.text().en())
    }
}

impl std::error::Error for ReadError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.error)
    }
}

/// TOML files in a directory tree that are tool configuration, never plans. (`implan.toml` is a plan only when
/// it has a `[plan]` table.)
const NOT_PLANS: &[&str] =
    &["Cargo.toml", "pyproject.toml", "rustfmt.toml", ".rustfmt.toml", "taplo.toml", ".taplo.toml", "clippy.toml"];

fn is_plan_file(path: &Path) -> bool {
    let name = path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
    if !name.ends_with(".toml") || NOT_PLANS.contains(&name.as_ref()) {
        return false;
    }
    name != "implan.toml" || std::fs::read_to_string(path).is_ok_and(|t| t.lines().any(|l| l.trim() == "[plan]"))
}

/// How the paths named are read.
#[derive(Debug, Clone, Default)]
pub struct Walk {
    /// Follow symbolic links to folders and files (`--follow`). Without it, as in ripgrep and ruff, a link in a
    /// searched folder is not followed: a plan repository cannot make implan read `/etc` or `../secrets`.
    pub follow: bool,
    /// The name standard input (`-`) goes by (`--stdin-filename`): shown in findings, and where `implan.toml`
    /// is looked for. Without it, `-`, and `implan.toml` is looked for from the current folder.
    pub stdin_name: Option<PathBuf>,
}

/// Where a plan's text comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    File(PathBuf),
    /// Standard input, already read, under the name it goes by (see [`Walk::stdin_name`]).
    Stdin {
        name: PathBuf,
        bytes: Vec<u8>,
    },
}

impl Input {
    /// The path findings show.
    pub fn path(&self) -> &Path {
        match self {
            Input::File(path) | Input::Stdin { name: path, .. } => path,
        }
    }

    /// The file, if it is one.
    pub fn into_file(self) -> Option<PathBuf> {
        match self {
            Input::File(path) => Some(path),
            Input::Stdin { .. } => None,
        }
    }
}

/// What a search found: the plan files, the entries it could not look at, and the paths named that cannot be
/// read.
#[derive(Debug, Default)]
pub struct Collected {
    pub files: Vec<Input>,
    pub skipped: Vec<Skipped>,
    pub unreadable: Vec<ReadError>,
}
/// An entry of a searched folder that could not be looked at: a dangling link, a loop, a folder without
/// permission. The rest of the search goes on.
#[derive(Debug)]
pub struct Skipped {
    pub path: Option<PathBuf>,
    pub reason: Text,
}

impl Skipped {
    pub fn text(&self) -> Text {
        match &self.path {
            Some(p) => m::skipped(&crate::escape::path(p), &self.reason),
            None => m::skipped_entry(&self.reason),
        }
    }
}

/// In English, for logs and tests; people read [`Skipped::text`].
impl std::fmt::Display for Skipped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.text().en())
    }
}

/// Where a walk error happened and why, with the path shown safely.
fn skipped(error: &ignore::Error) -> Skipped {
    match error {
        ignore::Error::WithPath { path, err } => Skipped { path: Some(path.clone()), reason: skipped(err).reason },
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => skipped(err),
        ignore::Error::Loop { ancestor, child } => {
            Skipped { path: Some(child.clone()), reason: m::link_loop(&crate::escape::path(ancestor)) }
        }
        ignore::Error::Io(e) if e.kind() == io::ErrorKind::NotFound => {
            Skipped { path: None, reason: m::dangling_link() }
        }
        // The walker's own words (the system's, mostly), the same in every language.
        other => Skipped { path: None, reason: Text::verbatim(crate::escape::visible(&other.to_string())) },
    }
}

/// The plan files named by `paths`: files as given, directories searched for `*.toml` (skipping hidden folders
/// and what `.gitignore` excludes), each file once, sorted by path within each directory given, and standard
/// input where `-` is named (read here, once). An entry that cannot be looked at is skipped and reported, and
/// the search goes on; a path named on the command line that cannot be read is reported as unreadable, and the
/// others are still searched. A search of `.` shows what it finds without the `./`, as `ruff` does.
pub fn collect(paths: &[PathBuf], walk: &Walk) -> Collected {
    let mut out = Collected::default();
    let mut seen = std::collections::HashSet::new();
    for path in paths {
        if path.as_os_str() == "-" {
            let name = walk.stdin_name.clone().unwrap_or_else(|| path.clone());
            let mut bytes = Vec::new();
            match io::Read::read_to_end(&mut io::stdin().lock(), &mut bytes) {
                Ok(_) => out.files.push(Input::Stdin { name, bytes }),
                Err(error) => out.unreadable.push(ReadError { path: name, error }),
            }
            continue;
        }
        let meta = match std::fs::metadata(path) {
            Ok(meta) => meta,
            Err(error) => {
                out.unreadable.push(ReadError { path: path.clone(), error });
                continue;
            }
        };
        if !meta.is_dir() {
            if seen.insert(path.clone()) {
                out.files.push(Input::File(path.clone()));
            }
            continue;
        }
        let mut found = Vec::new();
        // .gitignore applies even outside a git checkout: a plan repository copied elsewhere behaves the same.
        let walker = ignore::WalkBuilder::new(path).hidden(true).require_git(false).follow_links(walk.follow).build();
        for entry in walker {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    out.skipped.push(skipped(&e));
                    continue;
                }
            };
            // Without --follow a link's type is "link": neither a file nor a folder, so it is passed by.
            if entry.file_type().is_some_and(|t| t.is_file()) && is_plan_file(entry.path()) {
                found.push(here_without_dot(path, entry.into_path()));
            }
        }
        found.sort();
        // The same file named twice (a file and its directory, say) is checked once.
        found.retain(|f| seen.insert(f.clone()));
        out.files.extend(found.into_iter().map(Input::File));
    }
    out
}

/// `./plans/a.toml` as `plans/a.toml` when the folder searched is `.`.
fn here_without_dot(searched: &Path, found: PathBuf) -> PathBuf {
    if searched != Path::new(".") {
        return found;
    }
    match found.strip_prefix(".") {
        Ok(rest) if !rest.as_os_str().is_empty() => rest.to_path_buf(),
        _ => found,
    }
}

/// What the command line adds to the configuration.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    pub select: Vec<crate::diag::RuleId>,
    pub ignore: Vec<crate::diag::RuleId>,
    /// Whether to look for `implan.toml` above each file (tests turn it off).
    pub no_config: bool,
    /// The day rules take as today (`--today`); `None` for the real one.
    pub today: Option<chrono::NaiveDate>,
    /// The language findings are in (`--lang`); `None` for each file's own (see [`CheckOptions::lang_of`]).
    pub lang: Option<Lang>,
    /// The language of the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`), for files that do not say theirs.
    pub locale: Option<Lang>,
}

impl CheckOptions {
    /// The language a file's findings are in: `--lang`, else `declared` (the plan's `lang`, else its
    /// `implan.toml`'s), else the locale's, else Bokmål.
    pub fn lang_of(&self, declared: Option<Lang>) -> Lang {
        self.lang.or(declared).or(self.locale).unwrap_or(Lang::Nb)
    }

    /// The language of what belongs to no one file (the summary line, SARIF's rules): `--lang`, else the
    /// one language all the files share, else the locale's, else Bokmål.
    pub fn lang_of_run(&self, reports: &[FileReport]) -> Lang {
        let shared = reports.first().map(|r| r.lang).filter(|l| reports.iter().all(|r| r.lang == *l));
        self.lang.or(shared).or(self.locale).unwrap_or(Lang::Nb)
    }
}

/// What checking files gives: a report for each file read, and the files that could not be read.
#[derive(Debug, Default)]
pub(crate) struct Checked {
    pub reports: Vec<FileReport>,
    /// What each report's file was checked with, in the order of `reports`.
    surroundings: Vec<Surroundings>,
    pub unreadable: Vec<ReadError>,
}

impl Checked {
    /// Each file that has something to fix, with the text the fixes make (see [`crate::fix::until_stable`]),
    /// each round checked as the file was.
    pub fn fixes(&self, opts: &CheckOptions, unsafe_fixes: bool) -> Vec<(&FileReport, crate::fix::Fixed)> {
        let files = self.reports.iter().zip(&self.surroundings);
        files.filter_map(|(r, around)| Some((r, fixed(r, around, opts, unsafe_fixes)?))).collect()
    }
}

/// What a file is checked with besides its own text: the `[lint]` and `[calendar]` of the `implan.toml` above
/// it, and its project's schema as a `#:schema` line names it (`missing-schema`). Found once per folder by
/// [`check_files`], and kept so that `--fix` checks each round as the file was checked.
#[derive(Debug, Clone, Default)]
pub struct Surroundings {
    pub lint: Option<Lint>,
    /// The `implan.toml`'s `[calendar]`, its skolerute read in.
    pub calendar: Option<crate::calendar::CalendarSpec>,
    pub schema: Option<String>,
}

impl Surroundings {
    /// What a plan file at `path` is checked with: its `implan.toml`'s `[lint]` and `[calendar]`, and the
    /// schema found beside or above it.
    pub fn of(path: &Path, config: Option<&ConfigFile>) -> Surroundings {
        Surroundings {
            lint: config.map(|c| c.lint.clone()),
            calendar: config.and_then(|c| c.calendar.clone()),
            schema: crate::config::find_schema_file(path),
        }
    }
}

/// Checks one source as it stands in its surroundings: loader errors if it does not load, else the rules'
/// findings.
pub fn check_source_with(source: &Source, around: &Surroundings, opts: &CheckOptions) -> Vec<Finding> {
    findings_and_lang(source, around, opts).0
}

/// The findings of one source, and the language the plan says it is written in.
fn findings_and_lang(source: &Source, around: &Surroundings, opts: &CheckOptions) -> (Vec<Finding>, Option<Lang>) {
    match crate::load::load(source) {
        Ok(plan) => (run_rules(&plan, source, around, opts), plan.lang),
        Err(findings) => (findings, crate::load::declared_lang(source)),
    }
}

/// The rules' findings on a plan that loaded, as `implan check` gives them for its file in `around`: the one
/// place the configuration in force is put together (the file's `implan.toml`, the plan's own `[lint]`, the
/// command line).
pub fn run_rules(
    plan: &crate::model::Plan,
    source: &Source,
    around: &Surroundings,
    opts: &CheckOptions,
) -> Vec<Finding> {
    let mut config =
        Config::layered(around.lint.iter().chain(plan.lint.iter())).with_command_line(&opts.select, &opts.ignore);
    config.options.today = opts.today;
    config.options.schema = around.schema.clone();
    let mut unread = None;
    let own = plan.calendar.clone().map(|mut c| {
        let dir = source.path.parent().unwrap_or(Path::new(""));
        unread = crate::config::read_skolerute(&mut c, dir).err();
        c
    });
    for calendar in around.calendar.iter().chain(own.iter()) {
        calendar.apply(&mut config.options.school_holidays);
    }
    let mut findings = crate::rules::run_with(plan, source, &config);
    findings.extend(unread);
    findings
}

/// The text of `report`'s file with the fixes its findings carry made, round after round, each round checked
/// as `implan check` checked the file (`around`, the rules of the command line); `None` when no fix applies.
fn fixed(
    report: &FileReport,
    around: &Surroundings,
    opts: &CheckOptions,
    unsafe_fixes: bool,
) -> Option<crate::fix::Fixed> {
    let source = report.source.as_ref()?;
    let check = |text: &str| check_source_with(&Source::new(report.path.clone(), text), around, opts);
    let fixed = crate::fix::until_stable(&source.text, unsafe_fixes, check);
    (fixed.applied > 0).then_some(fixed)
}

/// Checks the text of one plan with its own `[lint]` only.
pub fn check_source(source: &Source) -> Vec<Finding> {
    check_source_with(source, &Surroundings::default(), &CheckOptions::default())
}

fn check_one(
    input: &Input,
    around: &Surroundings,
    config_lang: Option<Lang>,
    opts: &CheckOptions,
) -> Result<FileReport, ReadError> {
    let path = input.path();
    let bytes = match input {
        Input::File(path) => crate::source::read_plan(path).map_err(|error| ReadError { path: path.clone(), error })?,
        Input::Stdin { bytes, .. } => bytes.clone(),
    };
    let (source, not_text) = crate::load::decode(path, bytes);
    let (findings, declared) = match not_text {
        Some(finding) => (vec![finding], None),
        None => findings_and_lang(&source, around, opts),
    };
    let lang = opts.lang_of(declared.or(config_lang));
    Ok(FileReport { path: path.to_path_buf(), source: Some(source), findings, lang })
}

/// Reads and checks one file with its own `[lint]` only. Only a file that cannot be read at all is an `Err`.
pub fn check_file(path: &Path) -> Result<FileReport, ReadError> {
    check_one(&Input::File(path.to_path_buf()), &Surroundings::default(), None, &CheckOptions::default())
}

/// Checks many files in parallel, each with the `implan.toml` nearest above it (above standard input's name,
/// for standard input). Reports come back in the order of `inputs`, so output does not depend on which thread
/// finished first; a file that cannot be read is set aside and the others are checked. A wrong `implan.toml`
/// stops it.
pub(crate) fn check_files(inputs: &[Input], opts: &CheckOptions) -> Result<Checked, Box<ConfigError>> {
    use rayon::prelude::*;
    // Configuration files and schemas are found once per folder, and read once each, before the parallel part.
    let mut by_dir: HashMap<PathBuf, (Option<PathBuf>, Option<String>)> = HashMap::new();
    let mut configs: HashMap<PathBuf, ConfigFile> = HashMap::new();
    let mut file_config: Vec<(Option<PathBuf>, Surroundings)> = Vec::with_capacity(inputs.len());
    for input in inputs {
        let f = input.path();
        let dir = f.parent().map(Path::to_path_buf).unwrap_or_default();
        let (cfg, schema) = by_dir
            .entry(dir)
            .or_insert_with(|| {
                let cfg = if opts.no_config { None } else { crate::config::find_config_file(f) };
                (cfg, crate::config::find_schema_file(f))
            })
            .clone();
        if let Some(c) = &cfg
            && !configs.contains_key(c)
        {
            configs.insert(c.clone(), crate::config::load_config_file(c)?);
        }
        let config = cfg.as_ref().and_then(|c| configs.get(c));
        let lint = config.map(|c| c.lint.clone());
        let calendar = config.and_then(|c| c.calendar.clone());
        file_config.push((cfg, Surroundings { lint, calendar, schema }));
    }
    let results: Vec<Result<FileReport, ReadError>> = inputs
        .par_iter()
        .zip(file_config.par_iter())
        .map(|(f, (c, around))| {
            check_one(f, around, c.as_ref().and_then(|c| configs.get(c)).and_then(|c| c.lang), opts)
        })
        .collect();
    let mut checked = Checked::default();
    for (result, (_, around)) in results.into_iter().zip(file_config) {
        match result {
            Ok(report) => {
                checked.reports.push(report);
                checked.surroundings.push(around);
            }
            Err(e) => checked.unreadable.push(e),
        }
    }
    Ok(checked)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_files_are_toml_but_not_tool_configuration() {
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str, text: &str| {
            let path = dir.path().join(name);
            std::fs::write(&path, text).unwrap();
            path
        };
        assert!(is_plan_file(&write("plan.toml", "")));
        assert!(!is_plan_file(&write("plan.txt", "[plan]\n")));
        assert!(!is_plan_file(&write("Cargo.toml", "[plan]\n")));
        assert!(!is_plan_file(&write("implan.toml", "[lint]\n")));
        assert!(is_plan_file(&write("implan.toml", "[lint]\n [plan]\ntitle = \"T\"\n")));
    }

    #[cfg(unix)]
    #[test]
    fn a_search_finds_plans_and_reports_what_it_cannot_look_at() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("skole/folder.toml")).unwrap();
        std::fs::create_dir_all(root.join(".skjult")).unwrap();
        for file in ["a.toml", "notes.txt", "skole/b.toml", ".skjult/c.toml"] {
            std::fs::write(root.join(file), "").unwrap();
        }
        symlink(root.join("missing.toml"), root.join("skole/dangling.toml")).unwrap();
        symlink(root, root.join("skole/loop")).unwrap();
        let names =
            |c: &Collected| c.files.iter().map(|f| f.path().strip_prefix(root).unwrap().to_owned()).collect::<Vec<_>>();
        // Without --follow, links are passed by.
        let plain = collect(&[root.to_path_buf()], &Walk::default());
        assert_eq!(names(&plain), [Path::new("a.toml"), Path::new("skole/b.toml")]);
        assert!(plain.skipped.is_empty(), "{:?}", plain.skipped);
        // With it, the dangling link and the loop are reported, and the rest is found.
        let followed = collect(&[root.to_path_buf()], &Walk { follow: true, stdin_name: None });
        assert_eq!(names(&followed), [Path::new("a.toml"), Path::new("skole/b.toml")]);
        let mut said: Vec<String> = followed.skipped.iter().map(|s| s.to_string()).collect();
        said.sort();
        let shown = |p: &Path| crate::escape::path(p).to_string();
        assert_eq!(
            said,
            [
                format!(
                    "skipped {}: a symbolic link to something that does not exist",
                    shown(&root.join("skole/dangling.toml"))
                ),
                format!(
                    "skipped {}: a symbolic link back to {}, which holds it (a loop)",
                    shown(&root.join("skole/loop")),
                    shown(root)
                ),
            ]
        );
        // A file named twice is found once; a path that does not exist is set aside, and the others searched.
        let twice = collect(&[root.join("a.toml"), root.to_path_buf()], &Walk::default());
        assert_eq!(names(&twice), [Path::new("a.toml"), Path::new("skole/b.toml")]);
        let missing = collect(&[root.join("nowhere"), root.join("a.toml"), root.join("gone")], &Walk::default());
        assert_eq!(names(&missing), [Path::new("a.toml")]);
        let unreadable: Vec<&Path> = missing.unreadable.iter().map(|e| e.path.as_path()).collect();
        assert_eq!(unreadable, [root.join("nowhere"), root.join("gone")]);
        let unnamed = Skipped { path: None, reason: Text::verbatim("why") };
        assert_eq!(unnamed.to_string(), "skipped an entry: why");
    }

    #[test]
    fn a_search_of_here_shows_paths_without_the_dot() {
        assert_eq!(here_without_dot(Path::new("."), "./plans/a.toml".into()), Path::new("plans/a.toml"));
        assert_eq!(here_without_dot(Path::new("plans"), "plans/a.toml".into()), Path::new("plans/a.toml"));
        assert_eq!(here_without_dot(Path::new("."), ".".into()), Path::new("."));
        assert_eq!(here_without_dot(Path::new("./x"), "./x/a.toml".into()), Path::new("./x/a.toml"));
    }

    #[test]
    fn a_walk_error_is_named_for_what_it_is() {
        let io = |kind: io::ErrorKind| ignore::Error::Io(io::Error::from(kind));
        assert_eq!(
            skipped(&io(io::ErrorKind::NotFound)).reason.en(),
            "a symbolic link to something that does not exist"
        );
        let denied = skipped(&ignore::Error::WithPath {
            path: "skole".into(),
            err: Box::new(io(io::ErrorKind::PermissionDenied)),
        });
        assert_eq!(denied.path.as_deref(), Some(Path::new("skole")));
        assert_eq!(denied.reason.en(), io::Error::from(io::ErrorKind::PermissionDenied).to_string());
    }

    #[test]
    fn a_plans_own_text_is_checked() {
        let text = "[plan]\ntitle = \"T\"\nstart = \"vår 2026\"\nend = \"høst 2026\"\n\
                    [[activity]]\ntitle = \"A\"\nwhen = \"mars 2026\"\nowner = \"ukjent\"\n";
        let found = check_source(&Source::new("t.toml", text));
        assert!(found.iter().any(|f| f.rule == crate::diag::RuleId::UnknownRole), "{found:?}");
    }

    #[test]
    fn a_read_error_names_the_path_as_it_can_be_shown() {
        let error = ReadError { path: PathBuf::from("a\nb.toml"), error: io::Error::from(io::ErrorKind::NotFound) };
        assert_eq!(
            error.to_string(),
            format!("cannot read 'a\\nb.toml': {}", crate::write::describe(&error.error).en())
        );
        assert!(error.to_string().len() > "cannot read 'a\\nb.toml': ".len());
    }
}
