//! The `implan` command: parses arguments, calls the library, prints, and sets the exit code.

use clap::{Args, Parser, Subcommand, ValueEnum};
use implan::check::{self, FileReport};
use implan::model::{Lang, Plan, Status};
use implan::source::Source;
use implan::views::{self, Filter, View};
use implan::{edit, i18n, render, when};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "implan", version, about = "Check, print and follow implementation plans", long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check plan files for problems, like a compiler checks code
    ///
    /// Exit code 0: no errors (warnings allowed unless --deny warnings); 1: errors found; 2: usage error or a
    /// path that cannot be read.
    Check {
        /// Plan files, or directories to search for *.toml plan files
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Output format
        #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
        format: CheckFormat,
        /// Treat findings of this kind as errors for the exit code (only "warnings")
        #[arg(long, value_name = "WHAT", value_parser = ["warnings"])]
        deny: Option<String>,
        /// Run only these rules (comma-separated ids)
        #[arg(long, value_name = "RULES", value_delimiter = ',')]
        select: Vec<String>,
        /// Do not run these rules (comma-separated ids)
        #[arg(long, value_name = "RULES", value_delimiter = ',')]
        ignore: Vec<String>,
        /// Print a count of findings per rule instead of the findings
        #[arg(long)]
        statistics: bool,
        /// Do not look for implan.toml configuration above the files
        #[arg(long)]
        no_config: bool,
    },
    /// List every rule: id, default severity, summary
    Rules {
        /// Output format
        #[arg(long, value_enum, default_value_t = RulesFormat::Table)]
        format: RulesFormat,
    },
    /// Explain a rule: what it catches, why it matters, an example that fires and the fix
    Explain {
        /// The rule's id, such as season-mismatch
        #[arg(value_name = "RULE")]
        rule: String,
    },
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish)
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), for `man`: implan man > implan.1
    Man,
    /// Start a plan from a programme's template: omni, mot, smart, absolutt or ibs
    Init {
        /// The programme
        #[arg(long, value_name = "NAME")]
        template: String,
        /// The month the plan starts (default: next month), such as 2026-08 or "august 2026"
        #[arg(long, value_name = "DATE")]
        start: Option<String>,
        /// Language of the plan's views and month names
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
        /// Overwrite the file if it exists
        #[arg(long)]
        force: bool,
        /// Where to write it (default: NAME.toml here; a folder gets NAME.toml inside)
        #[arg(value_name = "PATH")]
        path: Option<PathBuf>,
    },
    /// Print the JSON Schema of the plan format (for editors; the repository ships it as implan.schema.json)
    Schema,
    /// Print the schedule: every activity in date order, grouped by phase, month or role
    Schedule {
        #[command(flatten)]
        common: ViewArgs,
        #[command(flatten)]
        filter: FilterArgs,
        /// How to group the activities
        #[arg(long, value_enum, default_value_t = By::Phase)]
        by: By,
        /// Output format
        #[arg(long, value_enum, default_value_t = ScheduleFormat::Table)]
        format: ScheduleFormat,
        /// Fit the table to this many columns (default: the terminal's width; no limit when piped)
        #[arg(long, value_name = "COLUMNS")]
        width: Option<u16>,
        /// CSV field separator (use ';' for spreadsheets set up for Norwegian)
        #[arg(long, default_value_t = ',')]
        delimiter: char,
        /// Instead of the activities, total their costs per year and per phase against the budget
        #[arg(long)]
        costs: bool,
    },
    /// Print a Gantt chart of the plan in the terminal
    Timeline {
        #[command(flatten)]
        common: ViewArgs,
        /// Fit the chart to this many columns (default: the terminal's width, else 80)
        #[arg(long, value_name = "COLUMNS")]
        width: Option<u16>,
    },
    /// Print the activities as a checklist, by phase or by role
    Checklist {
        #[command(flatten)]
        common: ViewArgs,
        /// Only this role's work (and that of the groups it belongs to)
        #[arg(long, value_name = "ROLE")]
        role: Option<String>,
        /// Only this phase (id or name)
        #[arg(long, value_name = "PHASE")]
        phase: Option<String>,
        /// How to group the activities
        #[arg(long, value_enum, default_value_t = ChecklistBy::Phase)]
        by: ChecklistBy,
        /// Output format
        #[arg(long, value_enum, default_value_t = ChecklistFormat::Markdown)]
        format: ChecklistFormat,
    },
    /// Mark an activity done, editing the plan file in place (nothing else in it changes)
    Done {
        /// The plan file
        #[arg(value_name = "PLAN")]
        plan: PathBuf,
        /// The activity's id (its `id`, or the id made from its title)
        #[arg(value_name = "ACTIVITY")]
        activity: String,
        /// The day it was done, such as 2026-11-23 (default: today)
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
    },
    /// Set an activity's status, editing the plan file in place: status=planned|in-progress|done|cancelled
    Set {
        /// The plan file
        #[arg(value_name = "PLAN")]
        plan: PathBuf,
        /// The activity's id (its `id`, or the id made from its title)
        #[arg(value_name = "ACTIVITY")]
        activity: String,
        /// What to set: status=… (Norwegian words too: pågår, gjennomført, avlyst), and done=DATE
        #[arg(value_name = "KEY=VALUE", required = true)]
        assignments: Vec<String>,
    },
    /// Export the plan: an iCalendar file for Outlook, Google and Apple Calendar
    Export {
        #[command(subcommand)]
        what: ExportWhat,
    },
    /// Draw the plan as a Gantt chart (SVG)
    Gantt {
        #[command(flatten)]
        common: ViewArgs,
        /// The SVG file to write (default: standard output)
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// The picture's width in pixels
        #[arg(long, value_name = "PX", default_value_t = 1200)]
        width: u32,
    },
    /// Draw an årshjul (annual wheel, SVG): the school year round a circle, each activity in its month
    Wheel {
        #[command(flatten)]
        common: ViewArgs,
        /// The SVG file to write (default: standard output)
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// The month at the top of the wheel (default 8, August: the school year)
        #[arg(long, value_name = "MONTH", default_value_t = 8, value_parser = clap::value_parser!(u32).range(1..=12))]
        first_month: u32,
        /// One ring per role or per kind of activity
        #[arg(long, value_enum, default_value_t = RingsArg::Role)]
        rings: RingsArg,
        /// The wheel's width in pixels
        #[arg(long, value_name = "PX", default_value_t = 900)]
        size: u32,
    },
    /// Write a one-file HTML report for a steering-group meeting
    Report {
        #[command(flatten)]
        common: ViewArgs,
        /// The HTML file to write (default: standard output)
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Where do we stand? Progress, overdue work, what is due and next, on one screen
    Status {
        #[command(flatten)]
        common: ViewArgs,
        /// Output format
        #[arg(long, value_enum, default_value_t = StatusFormat::Text)]
        format: StatusFormat,
    },
}

#[derive(Subcommand)]
enum ExportWhat {
    /// iCalendar (RFC 5545): an event per activity, with stable UIDs so a re-import updates
    Ics {
        #[command(flatten)]
        common: ViewArgs,
        /// The .ics file to write (default: standard output)
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Only this role's activities (and those of the groups it belongs to)
        #[arg(long, value_name = "ROLE")]
        role: Option<String>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum RingsArg {
    Role,
    Kind,
}

#[derive(Args)]
struct ViewArgs {
    /// The plan file (default: implan.toml here, or the only plan under plans/)
    #[arg(value_name = "PLAN")]
    plan: Option<PathBuf>,
    /// Language of the output (default: the plan's, else the locale's)
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
    /// The day to take as today, such as 2026-11-23 (default: the real today)
    #[arg(long, value_name = "DATE")]
    today: Option<String>,
}

#[derive(Args)]
struct FilterArgs {
    /// Only this role's activities and those of the groups it belongs to (id or name)
    #[arg(long, value_name = "ROLE")]
    role: Option<String>,
    /// Only this phase (id or name)
    #[arg(long, value_name = "PHASE")]
    phase: Option<String>,
    /// Only activities from this date on ("2026-09", "høst 2026", …)
    #[arg(long, value_name = "DATE")]
    from: Option<String>,
    /// Only activities up to this date
    #[arg(long, value_name = "DATE")]
    to: Option<String>,
    /// Only activities with this status (planned, in-progress, done, cancelled; comma-separated)
    #[arg(long, value_name = "STATUS")]
    status: Option<String>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum CheckFormat {
    /// Findings with source snippets and carets, and a summary line
    Human,
    /// One line per finding: path:line:col: severity[rule] message
    Concise,
    /// One JSON document with every finding and a summary
    Json,
    /// GitHub Actions workflow commands (annotations on the pull request)
    Github,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF readers
    Sarif,
    /// JUnit XML, a test case per file, for GitLab and Azure test reports
    Junit,
}

#[derive(Clone, Copy, ValueEnum)]
enum RulesFormat {
    Table,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    /// Norwegian Bokmål
    Nb,
    /// English
    En,
}

#[derive(Clone, Copy, ValueEnum)]
enum By {
    Phase,
    Month,
    Role,
}

#[derive(Clone, Copy, ValueEnum)]
enum ChecklistBy {
    Phase,
    Role,
}

#[derive(Clone, Copy, ValueEnum)]
enum ScheduleFormat {
    Table,
    Markdown,
    Csv,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum ChecklistFormat {
    Markdown,
    Text,
}

#[derive(Clone, Copy, ValueEnum)]
enum StatusFormat {
    Text,
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check { paths, format, deny, select, ignore, statistics, no_config } => {
            let opts = match (implan::config::rule_ids(&select), implan::config::rule_ids(&ignore)) {
                (Ok(select), Ok(ignore)) => check::Options { select, ignore, no_config },
                (Err(e), _) | (_, Err(e)) => return usage_error(&e),
            };
            return run_check(&paths, format, deny.is_some(), statistics, &opts);
        }
        Command::Rules { format } => {
            print(&rules_list(format), false);
            return ExitCode::SUCCESS;
        }
        Command::Explain { rule } => match implan::rules::by_id(&rule) {
            Some(r) => {
                let head = format!("{} ({})\n\n{}\n\n", r.id, r.severity.as_str(), r.summary);
                print(&format!("{head}{}", r.doc), false);
                return ExitCode::SUCCESS;
            }
            None => return usage_error(&implan::config::unknown_rule_message(&rule)),
        },
        Command::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            let mut buf = Vec::new();
            clap_complete::generate(shell, &mut cmd, "implan", &mut buf);
            print(&String::from_utf8_lossy(&buf), false);
            return ExitCode::SUCCESS;
        }
        Command::Init { template, start, lang, force, path } => {
            use implan::init;
            let start = match start {
                Some(s) => init::parse_start(&s),
                None => Ok(init::default_start(chrono::Local::now().date_naive())),
            };
            let lang = match lang {
                Some(LangArg::En) => Lang::En,
                Some(LangArg::Nb) => Lang::Nb,
                None => i18n::resolve(None, None, i18n::env_locale().as_deref()),
            };
            let target = init::target_path(path.as_deref(), &template.to_lowercase());
            let result = start
                .and_then(|start| init::render(&template, start, lang))
                .and_then(|text| init::write_new(&target, &text, force));
            return match result {
                Ok(()) => {
                    print(
                        &format!("wrote {}; check it with: implan check {}\n", target.display(), target.display()),
                        false,
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => usage_error(&e.to_string()),
            };
        }
        Command::Schema => {
            print(&implan::schema::json_schema_string(), false);
            return ExitCode::SUCCESS;
        }
        Command::Man => {
            let mut buf = Vec::new();
            return match clap_mangen::Man::new(<Cli as clap::CommandFactory>::command()).render(&mut buf) {
                Ok(()) => {
                    print(&String::from_utf8_lossy(&buf), false);
                    ExitCode::SUCCESS
                }
                Err(e) => usage_error(&format!("cannot render the manual: {e}")),
            };
        }
        Command::Schedule { common, filter, by, format, width, delimiter, costs } => with_view(&common, |view, _| {
            let opts = views::schedule::Options {
                by: match by {
                    By::Phase => views::schedule::GroupBy::Phase,
                    By::Month => views::schedule::GroupBy::Month,
                    By::Role => views::schedule::GroupBy::Role,
                },
                filter: filter_from(&filter)?,
                format: match format {
                    ScheduleFormat::Table => views::schedule::Format::Table,
                    ScheduleFormat::Markdown => views::schedule::Format::Markdown,
                    ScheduleFormat::Csv => views::schedule::Format::Csv,
                    ScheduleFormat::Json => views::schedule::Format::Json,
                },
                width: width.or_else(terminal_width),
                delimiter,
            };
            let styled = matches!(format, ScheduleFormat::Table);
            if costs {
                return Ok((views::costs::render(view, opts.format), styled));
            }
            Ok((views::schedule::render(view, &opts).map_err(|e| e.to_string())?, styled))
        }),
        Command::Timeline { common, width } => with_view(&common, |view, _| {
            let width = width.or_else(terminal_width).unwrap_or(80);
            Ok((views::timeline::render(view, &views::timeline::Options { width }), true))
        }),
        Command::Checklist { common, role, phase, by, format } => with_view(&common, |view, _| {
            let opts = views::checklist::Options {
                by: match by {
                    ChecklistBy::Phase => views::schedule::GroupBy::Phase,
                    ChecklistBy::Role => views::schedule::GroupBy::Role,
                },
                filter: Filter { role, phase, ..Filter::default() },
                format: match format {
                    ChecklistFormat::Markdown => views::checklist::Format::Markdown,
                    ChecklistFormat::Text => views::checklist::Format::Text,
                },
            };
            Ok((views::checklist::render(view, &opts).map_err(|e| e.to_string())?, false))
        }),
        Command::Done { plan, activity, date } => {
            let date = match date {
                Some(d) => edit::parse_date(&d),
                None => Ok(chrono::Local::now().date_naive()),
            };
            return run_edit(&plan, &activity, date.map(edit::Edit::done_on));
        }
        Command::Set { plan, activity, assignments } => {
            return run_edit(&plan, &activity, edit::Edit::from_assignments(&assignments));
        }
        Command::Export { what: ExportWhat::Ics { common, output, role } } => with_view(&common, |view, _| {
            let text =
                implan::export::ics::render(view, &implan::export::ics::Options { role }).map_err(|e| e.to_string())?;
            write_output(output.as_deref(), text)
        }),
        Command::Gantt { common, output, width } => with_view(&common, |view, _| {
            write_output(
                output.as_deref(),
                implan::export::svg::gantt(view, &implan::export::svg::GanttOptions { width }),
            )
        }),
        Command::Wheel { common, output, first_month, rings, size } => with_view(&common, |view, _| {
            let rings = match rings {
                RingsArg::Role => implan::export::svg::Rings::Role,
                RingsArg::Kind => implan::export::svg::Rings::Kind,
            };
            let opts = implan::export::svg::WheelOptions { first_month, rings, size };
            write_output(output.as_deref(), implan::export::svg::wheel(view, &opts))
        }),
        Command::Report { common, output } => with_view(&common, |view, loaded| {
            let file_lint = implan::config::find_config_file(&loaded.source.path)
                .and_then(|c| implan::config::load_config_file(&c).ok());
            let config = implan::config::Config::layered(file_lint.iter().chain(loaded.plan.lint.iter()));
            let findings = implan::rules::run_with(loaded.plan, loaded.source, &config);
            let report = views::status::build(view, &findings);
            write_output(output.as_deref(), implan::export::html::render(view, &report, &findings, loaded.source))
        }),
        Command::Status { common, format } => with_view(&common, |view, loaded| {
            // The count agrees with `implan check`: the same implan.toml applies (a broken one is ignored here;
            // `check` reports it).
            let file_lint = implan::config::find_config_file(&loaded.source.path)
                .and_then(|c| implan::config::load_config_file(&c).ok());
            let config = implan::config::Config::layered(file_lint.iter().chain(loaded.plan.lint.iter()));
            let findings = implan::rules::run_with(loaded.plan, loaded.source, &config);
            let report = views::status::build(view, &findings);
            Ok(match format {
                StatusFormat::Text => {
                    (views::status::render_text(view, &report, &loaded.source.path.display().to_string()), true)
                }
                StatusFormat::Json => (views::status::render_json(&report), false),
            })
        }),
    };
    match result {
        Ok(code) => code,
        Err(message) => usage_error(&message),
    }
}

/// `implan done` and `implan set`. Errors in what was asked (no such activity, a contradictory status) exit 2;
/// a file that cannot be edited or written exits 1. Either way the file is left as it was.
fn run_edit(plan: &Path, activity: &str, edit: Result<edit::Edit, edit::EditError>) -> ExitCode {
    use edit::EditError as E;
    let result = edit.and_then(|e| edit::edit_file(plan, activity, &e));
    match result {
        Ok(outcome) => {
            print(&format!("{}\n", outcome.message(plan)), false);
            ExitCode::SUCCESS
        }
        Err(e) => {
            let code = match e {
                E::Read(_) | E::NotFound { .. } | E::Ambiguous { .. } | E::BadEdit(_) => 2,
                E::NotText | E::Parse(_) | E::Unsupported { .. } | E::Changed | E::Write(_) => 1,
            };
            let style = anstyle::Style::new().fg_color(Some(anstyle::AnsiColor::BrightRed.into())).bold();
            let _ = writeln!(anstream::stderr(), "{style}error{style:#}: {}: {e}", plan.display());
            ExitCode::from(code)
        }
    }
}

/// The plan a view works on, with its text.
struct Loaded<'a> {
    plan: &'a Plan,
    source: &'a Source,
}

/// Loads the plan named (or found), builds a view, renders it and prints it. A plan that does not load is
/// reported as `check` reports it, with exit code 1.
fn with_view(
    args: &ViewArgs,
    render: impl FnOnce(&View, &Loaded) -> Result<(String, bool), String>,
) -> Result<ExitCode, String> {
    let path = match &args.plan {
        Some(p) => p.clone(),
        None => find_plan()?,
    };
    let bytes = implan::source::read_plan(&path).map_err(|e| format!("cannot read '{}': {e}", path.display()))?;
    let (source, not_text) = implan::load::decode(&path, bytes);
    if let Some(finding) = not_text {
        let report = FileReport { path: path.clone(), source: Some(source), findings: vec![finding] };
        print(&render::human(&[report]), true);
        return Ok(ExitCode::from(1));
    }
    let plan = match implan::load::load(&source) {
        Ok(plan) => plan,
        Err(findings) => {
            let report = FileReport { path: path.clone(), source: Some(source), findings };
            print(&render::human(&[report]), true);
            return Ok(ExitCode::from(1));
        }
    };
    let today = match &args.today {
        Some(t) => when::parse(t).map_err(|e| format!("--today: {}", e.message))?.start,
        None => chrono::Local::now().date_naive(),
    };
    let lang = i18n::resolve(
        args.lang.map(|l| match l {
            LangArg::Nb => Lang::Nb,
            LangArg::En => Lang::En,
        }),
        plan.lang,
        i18n::env_locale().as_deref(),
    );
    let view = View::new(&plan, &source, lang, today);
    let (text, styled) = render(&view, &Loaded { plan: &plan, source: &source })?;
    print(&text, styled);
    Ok(ExitCode::SUCCESS)
}

/// Writes an export to its file (atomically, beside it), or hands it back to be printed.
fn write_output(path: Option<&Path>, text: String) -> Result<(String, bool), String> {
    let Some(path) = path else { return Ok((text, false)) };
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = dir.join(format!(".{name}.implan-tmp"));
    std::fs::write(&tmp, text.as_bytes()).and_then(|()| std::fs::rename(&tmp, path)).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        format!("cannot write '{}': {e}", path.display())
    })?;
    Ok((format!("wrote {}\n", path.display()), false))
}

/// With no plan named: `implan.toml` here, or the only plan under `plans/`.
fn find_plan() -> Result<PathBuf, String> {
    let here = Path::new("implan.toml");
    if here.is_file() {
        return Ok(here.to_path_buf());
    }
    let plans = Path::new("plans");
    let found =
        if plans.is_dir() { check::collect(&[plans.to_path_buf()]).map_err(|e| e.to_string())? } else { Vec::new() };
    match found.as_slice() {
        [one] => Ok(one.clone()),
        [] => Err("no plan given, and there is no implan.toml here and no plan under plans/; \
                   name the plan file, for example: implan status plans/min-plan.toml"
            .to_string()),
        many => {
            let list: Vec<String> = many.iter().map(|p| format!("  {}", p.display())).collect();
            Err(format!("no plan given, and plans/ holds {} plans; name one of them:\n{}", many.len(), list.join("\n")))
        }
    }
}

fn filter_from(f: &FilterArgs) -> Result<Filter, String> {
    let date = |flag: &str, v: &Option<String>| -> Result<Option<when::When>, String> {
        v.as_deref().map(|s| when::parse(s).map_err(|e| format!("{flag}: {}; {}", e.message, e.help))).transpose()
    };
    let mut status = Vec::new();
    for s in f.status.iter().flat_map(|s| s.split(',')) {
        status.push(Status::parse(s).ok_or_else(|| {
            format!("--status: unknown status '{}'; use planned, in-progress, done or cancelled", s.trim())
        })?);
    }
    Ok(Filter {
        role: f.role.clone(),
        phase: f.phase.clone(),
        from: date("--from", &f.from)?,
        to: date("--to", &f.to)?,
        status,
    })
}

/// The terminal's width, when the output is a terminal.
fn terminal_width() -> Option<u16> {
    if !std::io::stdout().is_terminal() {
        return None;
    }
    if let Some(cols) = std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok()) {
        return Some(cols);
    }
    comfy_table::Table::new().width()
}

/// Prints text; styled text goes through anstream, which strips the styles off a pipe or under NO_COLOR.
fn print(text: &str, styled: bool) {
    // A closed pipe (implan … | head) is not an error worth reporting.
    let _ = if styled { write_all(anstream::stdout().lock(), text) } else { write_all(std::io::stdout().lock(), text) };
}

fn rules_list(format: RulesFormat) -> String {
    let rules = implan::rules::ALL;
    match format {
        RulesFormat::Json => {
            let list: Vec<serde_json::Value> = rules
                .iter()
                .map(|r| serde_json::json!({ "id": r.id, "severity": r.severity.as_str(), "summary": r.summary }))
                .collect();
            let mut s = serde_json::to_string_pretty(&list).unwrap_or_default();
            s.push('\n');
            s
        }
        RulesFormat::Table => {
            let mut t = comfy_table::Table::new();
            t.load_style(comfy_table::presets::UTF8_FULL_CONDENSED);
            t.set_header(["rule", "severity", "summary"]);
            for r in rules {
                t.add_row([r.id, r.severity.as_str(), r.summary]);
            }
            format!("{t}\n`implan explain RULE` explains one.\n")
        }
    }
}

fn run_check(
    paths: &[PathBuf],
    format: CheckFormat,
    deny_warnings: bool,
    statistics: bool,
    opts: &check::Options,
) -> ExitCode {
    let files = match check::collect(paths) {
        Ok(files) => files,
        Err(e) => return usage_error(&e.to_string()),
    };
    if files.is_empty() {
        return usage_error("no plan files (*.toml) found under the given paths");
    }
    let reports = match check::check_files(&files, opts) {
        Ok(r) => r,
        Err(check::CheckError::Read(e)) => return usage_error(&e.to_string()),
        Err(check::CheckError::Config(c)) => {
            // A wrong implan.toml stops the run: what it says applies to every file below it.
            let report =
                FileReport { path: c.path.clone(), source: Some(c.source.clone()), findings: c.findings.clone() };
            print(&render::human(&[report]), true);
            return usage_error(&format!("{} is not a valid implan configuration", c.path.display()));
        }
    };
    if statistics {
        match format {
            CheckFormat::Human | CheckFormat::Concise => print(&render::statistics_text(&reports), true),
            CheckFormat::Json => print(&render::statistics_json(&reports), false),
            _ => return usage_error("--statistics goes with --format human, concise or json"),
        }
    } else {
        match format {
            CheckFormat::Human => print(&render::human(&reports), true),
            CheckFormat::Concise => print(&render::concise(&reports), true),
            CheckFormat::Json => print(&render::json(&reports), false),
            CheckFormat::Github => print(&render::github(&reports), false),
            CheckFormat::Sarif => print(&render::sarif(&reports), false),
            CheckFormat::Junit => print(&render::junit(&reports, deny_warnings), false),
        }
    }
    let summary = render::Summary::of(&reports);
    if summary.errors > 0 || (deny_warnings && summary.warnings > 0) { ExitCode::from(1) } else { ExitCode::SUCCESS }
}

fn write_all(mut out: impl Write, text: &str) -> std::io::Result<()> {
    out.write_all(text.as_bytes())?;
    out.flush()
}

fn usage_error(message: &str) -> ExitCode {
    let style = anstyle::Style::new().fg_color(Some(anstyle::AnsiColor::BrightRed.into())).bold();
    let _ = writeln!(anstream::stderr(), "{style}error{style:#}: {message}");
    ExitCode::from(2)
}
