//! The `implan` command: parses arguments, calls the library, prints, and sets the exit code.

use clap::{Args, Parser, Subcommand, ValueEnum};
use implan::check::{self, FileReport};
use implan::model::{Lang, Plan, Status};
use implan::source::Source;
use implan::views::{self, Filter, View};
use implan::{edit, escape, i18n, render, when};
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
        /// Follow symbolic links to folders and files while searching directories (never out of a loop)
        #[arg(long)]
        follow: bool,
        /// The day to take as today for rules about the date (a done date in the future), such as 2026-11-23
        #[arg(long, value_name = "DATE")]
        today: Option<String>,
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
        /// CSV field separator (use ';' for spreadsheets set up for Norwegian; not a quote or a line break)
        // Read as text and checked by implan: clap would echo a control character back raw.
        #[arg(long, default_value = ",")]
        delimiter: String,
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
        /// The day it was done, such as 2026-11-23 (default: today, or the date it already has)
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
        /// Write the plan even when it is read-only, has other hard links, or its owner cannot be kept
        #[arg(long)]
        force: bool,
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
        /// Write the plan even when it is read-only, has other hard links, or its owner cannot be kept
        #[arg(long)]
        force: bool,
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

/// Why a command stopped before its end.
enum Failure {
    /// A usage error, or a path that cannot be read or written: exit 2.
    Usage(String),
    /// Standard output could not be written.
    Stdout(std::io::Error),
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Self {
        Failure::Stdout(e)
    }
}

impl From<String> for Failure {
    fn from(m: String) -> Self {
        Failure::Usage(m)
    }
}

fn main() -> ExitCode {
    keep_going_past_the_file_size_limit();
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(Failure::Usage(message)) => usage_error(&message),
        // A closed pipe (implan … | head) is the reader saying it has enough, as for any Unix tool.
        Err(Failure::Stdout(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(Failure::Stdout(e)) => {
            usage_error(&format!("cannot write to standard output: {}", implan::write::describe(&e)))
        }
    }
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

fn run(cli: Cli) -> Result<ExitCode, Failure> {
    match cli.command {
        Command::Check { paths, format, deny, select, ignore, statistics, no_config, follow, today } => {
            let (select, ignore) = (implan::config::rule_ids(&select)?, implan::config::rule_ids(&ignore)?);
            let today = today.as_deref().map(|t| parse_today(t, "--today")).transpose()?;
            let opts = check::CheckOptions { select, ignore, no_config, today };
            run_check(&paths, format, deny.is_some(), statistics, follow, &opts)
        }
        Command::Rules { format } => {
            print(&rules_list(format), false)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Explain { rule } => match implan::rules::by_id(&rule) {
            Some(r) => {
                let head = format!("{} ({})\n\n{}\n\n", r.id, r.severity.as_str(), r.summary);
                print(&format!("{head}{}", r.doc), false)?;
                Ok(ExitCode::SUCCESS)
            }
            None => Err(Failure::Usage(implan::diag::RuleId::unknown_message(&escape::visible(&rule)))),
        },
        Command::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            let mut buf = Vec::new();
            clap_complete::generate(shell, &mut cmd, "implan", &mut buf);
            print(&String::from_utf8_lossy(&buf), false)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Init { template, start, lang, force, path } => run_init(&template, start, lang, force, path),
        Command::Schema => {
            print(&implan::export::json_schema::json_schema_string(), false)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Man => {
            let mut buf = Vec::new();
            clap_mangen::Man::new(<Cli as clap::CommandFactory>::command())
                .render(&mut buf)
                .map_err(|e| Failure::Usage(format!("cannot render the manual: {e}")))?;
            print(&String::from_utf8_lossy(&buf), false)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Schedule { common, filter, by, format, width, delimiter, costs } => {
            let audience = if matches!(format, ScheduleFormat::Json) { Audience::Programs } else { Audience::People };
            let filter = filter_from(&filter)?;
            let delimiter = csv_delimiter(&delimiter).map_err(|e| Failure::Usage(format!("--delimiter: {e}")))?;
            with_view(&common, audience, |view, _| {
                let opts = views::schedule::ScheduleOptions {
                    by: match by {
                        By::Phase => views::schedule::GroupBy::Phase,
                        By::Month => views::schedule::GroupBy::Month,
                        By::Role => views::schedule::GroupBy::Role,
                    },
                    filter,
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
                    return Ok((views::costs::render(view, opts.format, delimiter), styled));
                }
                Ok((views::schedule::render(view, &opts).map_err(|e| e.to_string())?, styled))
            })
        }
        Command::Timeline { common, width } => with_view(&common, Audience::People, |view, _| {
            let width = width.or_else(terminal_width).unwrap_or(80);
            Ok((views::timeline::render(view, &views::timeline::TimelineOptions { width }), true))
        }),
        Command::Checklist { common, role, phase, by, format } => with_view(&common, Audience::People, |view, _| {
            let opts = views::checklist::ChecklistOptions {
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
        Command::Done { plan, activity, date, force } => {
            let edit = match date {
                Some(d) => edit::parse_date(&d).map(edit::Edit::done_on),
                None => Ok(edit::Edit::done_unless_dated(chrono::Local::now().date_naive())),
            };
            run_edit(&plan, &activity, edit, force)
        }
        Command::Set { plan, activity, assignments, force } => {
            run_edit(&plan, &activity, edit::Edit::from_assignments(&assignments), force)
        }
        Command::Export { what: ExportWhat::Ics { common, output, role } } => {
            with_view(&common, Audience::People, |view, _| {
                let opts = implan::export::ics::IcsOptions { role };
                let text = implan::export::ics::render(view, &opts).map_err(|e| e.to_string())?;
                write_output(output.as_deref(), text)
            })
        }
        Command::Gantt { common, output, width } => with_view(&common, Audience::People, |view, _| {
            let opts = implan::export::svg::GanttOptions { width };
            write_output(output.as_deref(), implan::export::svg::gantt(view, &opts))
        }),
        Command::Wheel { common, output, first_month, rings, size } => {
            with_view(&common, Audience::People, |view, _| {
                let rings = match rings {
                    RingsArg::Role => implan::export::svg::Rings::Role,
                    RingsArg::Kind => implan::export::svg::Rings::Kind,
                };
                let opts = implan::export::svg::WheelOptions { first_month, rings, size };
                write_output(output.as_deref(), implan::export::svg::wheel(view, &opts))
            })
        }
        Command::Report { common, output } => with_view(&common, Audience::People, |view, loaded| {
            let findings = plan_findings(loaded);
            let report = views::status::build(view, &findings);
            write_output(output.as_deref(), implan::export::html::render(view, &report, &findings, loaded.source))
        }),
        Command::Status { common, format } => {
            let audience = if matches!(format, StatusFormat::Json) { Audience::Programs } else { Audience::People };
            with_view(&common, audience, |view, loaded| {
                let findings = plan_findings(loaded);
                let report = views::status::build(view, &findings);
                Ok(match format {
                    StatusFormat::Text => {
                        (views::status::render_text(view, &report, &escape::path(&loaded.source.path)), true)
                    }
                    StatusFormat::Json => (views::status::render_json(&report), false),
                })
            })
        }
    }
}

/// The plan's check findings for a view: the same `implan.toml` applies as for `implan check` (a broken one is
/// ignored here; `check` reports it), so the count agrees.
fn plan_findings(loaded: &Loaded) -> Vec<implan::diag::Finding> {
    let file_lint =
        implan::config::find_config_file(&loaded.source.path).and_then(|c| implan::config::load_config_file(&c).ok());
    let mut config = implan::config::Config::layered(file_lint.iter().chain(loaded.plan.lint.iter()));
    config.options.today = Some(loaded.today);
    implan::rules::run_with(loaded.plan, loaded.source, &config)
}

fn run_init(
    template: &str,
    start: Option<String>,
    lang: Option<LangArg>,
    force: bool,
    path: Option<PathBuf>,
) -> Result<ExitCode, Failure> {
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
    start
        .and_then(|start| init::render(template, start, lang))
        .and_then(|text| init::write_new(&target, &text, force))
        .map_err(|e| Failure::Usage(escape::visible(&e.to_string()).into_owned()))?;
    let shown = escape::path(&target);
    print(&format!("wrote {shown}; check it with: implan check {shown}\n"), false)?;
    Ok(ExitCode::SUCCESS)
}

/// `implan done` and `implan set`. Errors in what was asked (no such activity, a contradictory status) exit 2;
/// a file that cannot be edited or written exits 1. Either way the file is left as it was. A done date that
/// the `done-date` rule would report is warned about at once.
fn run_edit(
    plan: &Path,
    activity: &str,
    edit: Result<edit::Edit, edit::EditError>,
    force: bool,
) -> Result<ExitCode, Failure> {
    use edit::EditError as E;
    let result = edit.and_then(|e| edit::edit_file_with(plan, activity, &e, force));
    match result {
        Ok(outcome) => {
            print(&format!("{}\n", outcome.message(plan)), false)?;
            let today = chrono::Local::now().date_naive();
            if let Some(day) = outcome.done.filter(|_| outcome.changed)
                && let Some(problem) = implan::rules::done_date::problem(day, outcome.plan_start, today)
            {
                warn(&format!("{} [done-date]", problem.message(day)));
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            let code = match e {
                E::Read(_) | E::NotFound { .. } | E::Ambiguous { .. } | E::BadEdit(_) => 2,
                E::NotText | E::Parse(_) | E::Unsupported { .. } | E::Changed | E::Busy | E::Write(_) => 1,
            };
            let style = anstyle::Style::new().fg_color(Some(anstyle::AnsiColor::BrightRed.into())).bold();
            // A write error names the file itself.
            let message = match e {
                E::Write(_) => escape::visible(&e.to_string()).into_owned(),
                _ => format!("{}: {}", escape::path(plan), escape::visible(&e.to_string())),
            };
            let _ = writeln!(anstream::stderr(), "{style}error{style:#}: {message}");
            Ok(ExitCode::from(code))
        }
    }
}

/// The plan a view works on, with its text and the day it is.
struct Loaded<'a> {
    plan: &'a Plan,
    source: &'a Source,
    today: chrono::NaiveDate,
}

/// Who reads a view's output: people get the plan's text with hidden characters shown
/// ([`Plan::shown`]); programs (JSON) get it as written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Audience {
    People,
    Programs,
}

/// Loads the plan named (or found), builds a view, renders it and prints it. A plan that does not load is
/// reported on standard error as `check` reports it, with exit code 1, and nothing goes to standard output:
/// `implan gantt bad.toml > chart.svg` must not fill the chart with findings.
fn with_view(
    args: &ViewArgs,
    audience: Audience,
    render: impl FnOnce(&View, &Loaded) -> Result<(String, bool), Failure>,
) -> Result<ExitCode, Failure> {
    let path = match &args.plan {
        Some(p) => p.clone(),
        None => find_plan()?,
    };
    let bytes = implan::source::read_plan(&path)
        .map_err(|e| format!("cannot read '{}': {}", escape::path(&path), implan::write::describe(&e)))?;
    let (source, not_text) = implan::load::decode(&path, bytes);
    let loaded = match not_text {
        Some(finding) => Err(vec![finding]),
        None => implan::load::load(&source),
    };
    let plan = match loaded {
        Ok(plan) => plan,
        Err(findings) => {
            let report = FileReport { path: path.clone(), source: Some(source), findings };
            let _ = anstream::stderr().write_all(render::human(&[report]).as_bytes());
            return Ok(ExitCode::from(1));
        }
    };
    let today = match &args.today {
        Some(t) => parse_today(t, "--today")?,
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
    let shown;
    let viewed = match audience {
        Audience::People => {
            shown = plan.shown();
            &shown
        }
        Audience::Programs => &plan,
    };
    let view = View::new(viewed, &source, lang, today);
    let (text, styled) = render(&view, &Loaded { plan: &plan, source: &source, today })?;
    print(&text, styled)?;
    Ok(ExitCode::SUCCESS)
}

fn parse_today(t: &str, flag: &str) -> Result<chrono::NaiveDate, Failure> {
    when::parse(t).map(|w| w.start).map_err(|e| Failure::Usage(format!("{flag}: {}", escape::visible(&e.message))))
}

/// Writes an export to its file (see [`implan::write`]), or hands it back to be printed.
fn write_output(path: Option<&Path>, text: String) -> Result<(String, bool), Failure> {
    let Some(path) = path else { return Ok((text, false)) };
    implan::write::write_file(path, text.as_bytes(), implan::write::WriteOptions::replace())
        .map_err(|e| Failure::Usage(e.to_string()))?;
    Ok((format!("wrote {}\n", escape::path(path)), false))
}

/// With no plan named: `implan.toml` here, or the only plan under `plans/`.
fn find_plan() -> Result<PathBuf, Failure> {
    let here = Path::new("implan.toml");
    if here.is_file() {
        return Ok(here.to_path_buf());
    }
    let plans = Path::new("plans");
    let found = if plans.is_dir() {
        check::collect(&[plans.to_path_buf()], &check::Walk::default()).map_err(|e| e.to_string())?.files
    } else {
        Vec::new()
    };
    match found.as_slice() {
        [one] => Ok(one.clone()),
        [] => Err(Failure::Usage(
            "no plan given, and there is no implan.toml here and no plan under plans/; \
             name the plan file, for example: implan status plans/min-plan.toml"
                .to_string(),
        )),
        many => {
            let list: Vec<String> = many.iter().map(|p| format!("  {}", escape::path(p))).collect();
            Err(Failure::Usage(format!(
                "no plan given, and plans/ holds {} plans; name one of them:\n{}",
                many.len(),
                list.join("\n")
            )))
        }
    }
}

fn filter_from(f: &FilterArgs) -> Result<Filter, Failure> {
    let date = |flag: &str, v: &Option<String>| -> Result<Option<when::When>, String> {
        v.as_deref()
            .map(|s| when::parse(s).map_err(|e| escape::visible(&format!("{flag}: {}; {}", e.message, e.help)).into()))
            .transpose()
    };
    let mut status = Vec::new();
    for s in f.status.iter().flat_map(|s| s.split(',')) {
        status.push(Status::parse(s).ok_or_else(|| {
            format!(
                "--status: unknown status '{}'; use planned, in-progress, done or cancelled",
                escape::visible(s.trim())
            )
        })?);
    }
    let (from, to) = (date("--from", &f.from)?, date("--to", &f.to)?);
    if let (Some(a), Some(b)) = (&from, &to)
        && b.end < a.start
    {
        return Err(Failure::Usage(format!(
            "--to ({}) is before --from ({}): the span is empty; swap them",
            b.end, a.start
        )));
    }
    Ok(Filter { role: f.role.clone(), phase: f.phase.clone(), from, to, status })
}

/// `--delimiter`: one character that quoting keeps apart from a field's text.
fn csv_delimiter(s: &str) -> Result<char, String> {
    let mut chars = s.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        return Err("give one character, such as ';'".into());
    };
    match escape::csv_delimiter_problem(c) {
        Some(why) => Err(format!("'{}' cannot separate CSV fields: {why}", escape::visible(s))),
        None => Ok(c),
    }
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

/// Prints text; styled text goes through anstream, which strips the styles off a pipe or under NO_COLOR. Every
/// write and the flush are checked.
fn print(text: &str, styled: bool) -> std::io::Result<()> {
    if styled { write_all(anstream::stdout().lock(), text) } else { write_all(std::io::stdout().lock(), text) }
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
                t.add_row([r.id.as_str(), r.severity.as_str(), r.summary]);
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
    follow: bool,
    opts: &check::CheckOptions,
) -> Result<ExitCode, Failure> {
    let found = check::collect(paths, &check::Walk { follow }).map_err(|e| e.to_string())?;
    for skipped in &found.skipped {
        warn(&skipped.to_string());
    }
    if found.files.is_empty() {
        return Err(Failure::Usage("no plan files (*.toml) found under the given paths".into()));
    }
    let reports = match check::check_files(&found.files, opts) {
        Ok(r) => r,
        Err(check::CheckError::Read(e)) => return Err(Failure::Usage(e.to_string())),
        Err(check::CheckError::Config(c)) => {
            // A wrong implan.toml stops the run: what it says applies to every file below it.
            let report =
                FileReport { path: c.path.clone(), source: Some(c.source.clone()), findings: c.findings.clone() };
            let _ = anstream::stderr().write_all(render::human(&[report]).as_bytes());
            return Err(Failure::Usage(format!("{} is not a valid implan configuration", escape::path(&c.path))));
        }
    };
    // What a format of text shows of a file name that is not: JSON has U+FFFD for the odd bytes, JUnit and
    // GitHub the `\xE6` escapes people see elsewhere; SARIF's URI keeps the bytes.
    let lossy = match format {
        _ if statistics => None,
        CheckFormat::Json => Some("with U+FFFD in place of its odd bytes"),
        CheckFormat::Junit | CheckFormat::Github => Some("with \\xNN escapes for its odd bytes"),
        _ => None,
    };
    if let Some(how) = lossy {
        for r in reports.iter().filter(|r| !escape::path_is_text(&r.path)) {
            let name = escape::path(&r.path);
            warn(&format!("the file name {name} is not UTF-8; this format can only show it {how} (SARIF keeps them)"));
        }
    }
    let (text, styled) = if statistics {
        match format {
            CheckFormat::Human | CheckFormat::Concise => (render::statistics_text(&reports), true),
            CheckFormat::Json => (render::statistics_json(&reports), false),
            _ => return Err(Failure::Usage("--statistics goes with --format human, concise or json".into())),
        }
    } else {
        match format {
            CheckFormat::Human => (render::human(&reports), true),
            CheckFormat::Concise => (render::concise(&reports), true),
            CheckFormat::Json => (render::json(&reports), false),
            CheckFormat::Github => (render::github(&reports), false),
            CheckFormat::Sarif => (render::sarif(&reports), false),
            CheckFormat::Junit => (render::junit(&reports, deny_warnings), false),
        }
    };
    print(&text, styled)?;
    let summary = render::Summary::of(&reports);
    let failed = summary.errors > 0 || (deny_warnings && summary.warnings > 0);
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn write_all(mut out: impl Write, text: &str) -> std::io::Result<()> {
    out.write_all(text.as_bytes())?;
    out.flush()
}

/// A warning on standard error. Messages carry paths and plan text, already escaped; anything that slipped
/// through is escaped here (their own line breaks stay).
fn warn(message: &str) {
    let style = anstyle::Style::new().fg_color(Some(anstyle::AnsiColor::BrightYellow.into())).bold();
    let _ = writeln!(anstream::stderr(), "{style}warning{style:#}: {}", escape::visible_lines(message));
}

fn usage_error(message: &str) -> ExitCode {
    let style = anstyle::Style::new().fg_color(Some(anstyle::AnsiColor::BrightRed.into())).bold();
    let _ = writeln!(anstream::stderr(), "{style}error{style:#}: {}", escape::visible_lines(message));
    ExitCode::from(2)
}
