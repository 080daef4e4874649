//! The command line: every subcommand, argument and flag as clap reads them, and the one place where their
//! values become the library's own types (`From` impls below), so commands never see clap.
//!
//! A subcommand's arguments are a struct of their own (`CheckArgs` for `check`) without a doc comment: clap
//! would show a struct's doc comment as the subcommand's help, which the variant's comment gives.

use crate::model::Lang;
use crate::views::schedule::GroupBy;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Parser)]
#[command(name = "implan", version, about = "Check, print and follow implementation plans", long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Check plan files for problems, like a compiler checks code
    ///
    /// Exit code 0: no errors (warnings allowed unless --deny warnings); 1: errors found; 2: usage error or a
    /// path that cannot be read (the files that can be read are still checked and reported).
    Check(CheckArgs),
    /// List every rule: id, default severity, summary
    Rules(RulesArgs),
    /// Explain a rule: what it catches, why it matters, an example that fires and the fix
    Explain(ExplainArgs),
    /// Print the shell code that sets up completion, activity ids included: source <(implan completions bash)
    ///
    /// The code runs implan at each TAB, so that completion offers what is in the plan as it is now: the activity
    /// ids of done, set, move and postpone, each with its title (from the plan named before it on the line, else
    /// implan.toml here or the only plan under plans/), and the templates of init --template. Load it when the
    /// shell starts: `source <(implan completions bash)` in ~/.bashrc, `source <(implan completions zsh)` in
    /// ~/.zshrc, `implan completions fish | source` in ~/.config/fish/completions/implan.fish. It is what
    /// `COMPLETE=bash implan` prints (clap_complete's protocol); it calls the implan found on PATH.
    ///
    /// --static prints a script that never runs implan, as earlier versions did: subcommands, options and their
    /// fixed values only.
    Completions(CompletionsArgs),
    /// Print the manual page (roff), for `man`: implan man > implan.1; --dir DIR writes every page
    Man(ManArgs),
    /// Start a plan from a programme's template: omni, mot, smart, absolutt or ibs
    Init(InitArgs),
    /// Print the JSON Schema of the plan format (for editors; the repository ships it as implan.schema.json)
    Schema,
    /// Print the schedule: every activity in date order, grouped by phase, month or role
    Schedule(ScheduleArgs),
    /// Print a Gantt chart of the plan in the terminal
    Timeline(TimelineArgs),
    /// Print the activities as a checklist, by phase or by role
    Checklist(ChecklistArgs),
    /// Mark an activity done, editing the plan file in place (nothing else in it changes)
    Done(DoneArgs),
    /// Change an activity in the plan file: status, done, when, end, duration, owner, title, notes, reason
    Set(SetArgs),
    /// Move an activity to another date, editing the plan file in place (implan set ID when=… does the same)
    Move(MoveArgs),
    /// Postpone an activity: status postponed, a new date, the first date kept in postponed-from
    Postpone(PostponeArgs),
    /// Add an activity to a phase, after the phase's last activity and laid out like it; prints its id
    Add(AddArgs),
    /// Export the plan: an iCalendar file for Outlook, Google and Apple Calendar
    Export {
        #[command(subcommand)]
        what: ExportWhat,
    },
    /// Draw the plan as a Gantt chart (SVG, PNG or PDF)
    Gantt(GanttArgs),
    /// Draw an årshjul (annual wheel; SVG, PNG or PDF): the school year round a circle, each activity in its month
    ///
    /// One school year per wheel: that of --today (or today), kept within the plan's school years, unless
    /// --year, --from/--to or --whole says otherwise.
    Wheel(WheelArgs),
    /// Write the report for a steering-group meeting: one HTML file, or a tagged PDF (-o FILE.pdf)
    Report(ReportArgs),
    /// Where do we stand? Progress, overdue work, what is due and next, on one screen
    Status(StatusArgs),
    /// What changed between two versions of a plan: activities, phases, requirements and findings
    ///
    /// Each side is a file, or a version of one from git: `implan diff vedtatt-2026 plans/beiarn.toml` compares
    /// the file as it was at the tag (a branch or a commit will do) with the working copy, and `REV:PATH` is
    /// git's own form. A side that names an existing file is that file, even where a revision has the same name.
    ///
    /// Exit code 0: no differences; 1: differences; 2: usage error, or a side that cannot be read or loaded.
    Diff(DiffArgs),
}

#[derive(Args)]
pub struct CheckArgs {
    /// Plan files, or directories to search for *.toml plan files; - reads a plan from standard input
    /// (default: the current directory)
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// The name of the plan read from standard input (-): shown in findings, and where implan.toml is looked
    /// for (default: -, and implan.toml from the current directory)
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,
    /// Treat findings of this kind as errors for the exit code (only "warnings")
    #[arg(long, value_name = "WHAT", value_parser = ["warnings"])]
    pub deny: Option<String>,
    /// Run only these rules (comma-separated ids)
    #[arg(long, value_name = "RULES", value_delimiter = ',')]
    pub select: Vec<String>,
    /// Do not run these rules (comma-separated ids)
    #[arg(long, value_name = "RULES", value_delimiter = ',')]
    pub ignore: Vec<String>,
    /// Print a count of findings per rule instead of the findings
    #[arg(long)]
    pub statistics: bool,
    /// Apply the safe fixes to the files, then report what is left
    #[arg(long, conflicts_with = "diff")]
    pub fix: bool,
    /// With --fix or --diff: the unsafe fixes too (likely guesses, such as the nearest role to a misspelt one)
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// Print what --fix would change as a unified diff, write nothing; exit 1 when there is something to fix
    #[arg(long)]
    pub diff: bool,
    /// Do not look for implan.toml configuration above the files
    #[arg(long)]
    pub no_config: bool,
    /// Follow symbolic links to folders and files while searching directories (never out of a loop)
    #[arg(long)]
    pub follow: bool,
    /// The day to take as today for rules about the date (a done date in the future), such as 2026-11-23
    #[arg(long, value_name = "DATE")]
    pub today: Option<String>,
    /// Language of the messages (default: each plan's own, else the locale's, else Bokmål)
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
}

#[derive(Args)]
pub struct RulesArgs {
    /// Output format
    #[arg(long, value_enum, default_value_t = RulesFormat::Table)]
    pub format: RulesFormat,
    /// Fit the table to this many columns (default: the terminal's width, or COLUMNS; no limit when piped)
    #[arg(long, value_name = "COLUMNS")]
    pub width: Option<u16>,
    /// Language of the summaries (default: the locale's, else Bokmål)
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
}

#[derive(Args)]
pub struct ExplainArgs {
    /// The rule's id, such as season-mismatch
    #[arg(value_name = "RULE")]
    pub rule: String,
    /// Language of the explanation (default: the locale's, else Bokmål)
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
}

#[derive(Args)]
pub struct CompletionsArgs {
    #[arg(value_enum)]
    pub shell: ShellArg,
    /// A script that completes without running implan: subcommands and options, no activity ids or templates
    #[arg(long = "static")]
    pub static_script: bool,
}

/// The shells completion is written for, in the order clap_complete lists them.
#[derive(Clone, Copy, ValueEnum)]
pub enum ShellArg {
    Bash,
    Elvish,
    Fish,
    Powershell,
    Zsh,
}

#[derive(Args)]
pub struct ManArgs {
    /// Write implan's page and one for each subcommand (implan.1, implan-check.1, implan-export-ics.1, …) into
    /// this folder, making it if need be, instead of printing implan's
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

#[derive(Args)]
pub struct InitArgs {
    /// The programme
    #[arg(long, value_name = "NAME")]
    pub template: String,
    /// The month the plan starts (default: next month), such as 2026-08 or "august 2026"
    #[arg(long, value_name = "DATE")]
    pub start: Option<String>,
    /// Language the plan is written in (its titles, roles, ids and comments) and its views speak
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// Overwrite the file if it exists
    #[arg(long)]
    pub force: bool,
    /// Where to write it (default: NAME.toml here; a folder gets NAME.toml inside)
    #[arg(value_name = "PATH")]
    pub path: Option<PathBuf>,
}

#[derive(Args)]
pub struct ScheduleArgs {
    #[command(flatten)]
    pub common: ViewArgs,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// How to group the activities
    #[arg(long, value_enum, default_value_t = By::Phase)]
    pub by: By,
    /// Output format
    #[arg(long, value_enum, default_value_t = ScheduleFormat::Table)]
    pub format: ScheduleFormat,
    /// Fit the table to this many columns (default: the terminal's width, or COLUMNS; no limit when piped)
    #[arg(long, value_name = "COLUMNS")]
    pub width: Option<u16>,
    /// Do not show each activity's id (CSV and JSON always have it)
    #[arg(long)]
    pub no_ids: bool,
    /// CSV field separator (use ';' for spreadsheets set up for Norwegian; not a quote or a line break)
    // Read as text and checked by implan: clap would echo a control character back raw.
    #[arg(long, default_value = ",")]
    pub delimiter: String,
    /// Instead of the activities, total their costs per year and per phase against the budget
    #[arg(long)]
    pub costs: bool,
}

#[derive(Args)]
pub struct TimelineArgs {
    #[command(flatten)]
    pub common: ViewArgs,
    /// Fit the chart to this many columns (default: the terminal's width, or COLUMNS, else 80)
    #[arg(long, value_name = "COLUMNS")]
    pub width: Option<u16>,
}

#[derive(Args)]
pub struct ChecklistArgs {
    #[command(flatten)]
    pub common: ViewArgs,
    /// Only this role's work (and that of the groups it belongs to)
    #[arg(long, value_name = "ROLE")]
    pub role: Option<String>,
    /// Only this phase (id or name)
    #[arg(long, value_name = "PHASE")]
    pub phase: Option<String>,
    /// How to group the activities
    #[arg(long, value_enum, default_value_t = ChecklistBy::Phase)]
    pub by: ChecklistBy,
    /// Output format
    #[arg(long, value_enum, default_value_t = ChecklistFormat::Markdown)]
    pub format: ChecklistFormat,
    /// Wrap lines to this many columns (default: the terminal's width, or COLUMNS; no limit when piped)
    #[arg(long, value_name = "COLUMNS")]
    pub width: Option<u16>,
    /// Do not show each activity's id
    #[arg(long)]
    pub no_ids: bool,
}

/// What every edit of a plan takes besides what to change.
#[derive(Args, Clone, Copy)]
pub struct EditOptions {
    /// Write the plan even when it is read-only, has other hard links, or its owner cannot be kept
    #[arg(long)]
    pub force: bool,
    /// Language of the messages (default: the plan's own, else the locale's, else Bokmål)
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
}

/// Which plan and activity an edit changes, and its options.
#[derive(Args)]
pub struct EditTarget {
    /// The plan file (optional: implan.toml here, or the only plan under plans/), then the activity: its id, the
    /// start of its id, its title, or words of its title
    #[arg(value_name = "[PLAN] ACTIVITY", num_args = 1..=2, required = true)]
    pub words: Vec<String>,
    #[command(flatten)]
    pub options: EditOptions,
}

#[derive(Args)]
pub struct DoneArgs {
    #[command(flatten)]
    pub target: EditTarget,
    /// The day it was done, such as 2026-11-23 (default: today, or the date it already has)
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
}

#[derive(Args)]
pub struct SetArgs {
    /// The plan file (optional), the activity, and what to set: status=… (planlagt, pågår, gjennomført, avlyst,
    /// utsatt), done=DATE, when=…, end=…, duration=…, owner=ROLE[,ROLE], title=…, notes=…, reason=…; an empty
    /// value (end=) removes a key
    #[arg(value_name = "[PLAN] ACTIVITY KEY=VALUE", num_args = 2.., required = true)]
    pub words: Vec<String>,
    #[command(flatten)]
    pub options: EditOptions,
}

/// The date an activity is moved or postponed to.
#[derive(Args)]
pub struct NewDate {
    /// The new date: any `when` form ("april 2027", 2027-04-12, "uke 15 2027", "høst 2027")
    #[arg(long, value_name = "WHEN")]
    pub to: String,
    /// The new end, for an activity that has one: its end does not move by itself
    #[arg(long, value_name = "WHEN")]
    pub end: Option<String>,
}

#[derive(Args)]
pub struct MoveArgs {
    #[command(flatten)]
    pub target: EditTarget,
    #[command(flatten)]
    pub date: NewDate,
}

#[derive(Args)]
pub struct PostponeArgs {
    #[command(flatten)]
    pub target: EditTarget,
    #[command(flatten)]
    pub date: NewDate,
    /// Why, in a sentence for the steering group (written as `reason`)
    #[arg(long, value_name = "TEXT")]
    pub reason: Option<String>,
}

#[derive(Args)]
pub struct AddArgs {
    /// The plan file (default: implan.toml here, or the only plan under plans/)
    #[arg(value_name = "PLAN")]
    pub plan: Option<PathBuf>,
    /// The phase it belongs to (the phase's id)
    #[arg(long, value_name = "PHASE")]
    pub phase: String,
    /// What is done
    #[arg(long, value_name = "TITLE")]
    pub title: String,
    /// When: any `when` form ("april 2027", 2027-04-12, "uke 15 2027", "vår 2027")
    #[arg(long, value_name = "WHEN")]
    pub when: String,
    /// The responsible role (repeat, or separate with commas, for more than one)
    #[arg(long, value_name = "ROLE", value_delimiter = ',')]
    pub owner: Vec<String>,
    /// An activity it comes after (its id; repeat, or separate with commas)
    #[arg(long, value_name = "ID", value_delimiter = ',')]
    pub after: Vec<String>,
    /// Its id (default: made from the title, unique in the plan)
    #[arg(long, value_name = "ID")]
    pub id: Option<String>,
    #[command(flatten)]
    pub options: EditOptions,
}

#[derive(Args)]
pub struct GanttArgs {
    #[command(flatten)]
    pub common: ViewArgs,
    /// The file to write: .svg, .png or .pdf (default: SVG on standard output)
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub picture: PictureArgs,
    /// For a PDF: the picture on a landscape sheet of this paper, fitted inside 1 cm margins (default: a page
    /// the picture's own size). Only for a PDF: an SVG or a PNG has no pages
    #[arg(long, value_enum)]
    pub paper: Option<PaperArg>,
    /// The picture's width in pixels
    #[arg(long, value_name = "PX", default_value_t = 1200)]
    pub width: u32,
    /// The days the axis runs over (default: the plan's whole period)
    #[command(flatten)]
    pub span: SpanArgs,
}

#[derive(Args)]
pub struct WheelArgs {
    #[command(flatten)]
    pub common: ViewArgs,
    /// The file to write: .svg, .png or .pdf (default: SVG on standard output)
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub picture: PictureArgs,
    /// The month at the top of the wheel (default 8, August: the school year)
    #[arg(long, value_name = "MONTH", default_value_t = 8, value_parser = clap::value_parser!(u32).range(1..=12))]
    pub first_month: u32,
    /// One ring per role or per kind of activity
    #[arg(long, value_enum, default_value_t = RingsArg::Role)]
    pub rings: RingsArg,
    /// The wheel's width in pixels
    #[arg(long, value_name = "PX", default_value_t = 900)]
    pub size: u32,
    /// The school year to draw (default: that of --today, or the plan's first or last one when today is
    /// outside the plan): one year per wheel, so a month holds one year's work. --from/--to draw another span
    #[command(flatten)]
    pub span: SpanArgs,
    /// The whole plan in one circle, every year's work in its month
    #[arg(long, conflicts_with_all = ["year", "from", "to"])]
    pub whole: bool,
}

/// `--year`, `--from` and `--to` of the pictures and the report: the days they show.
#[derive(Args)]
pub struct SpanArgs {
    /// Only this school year, such as 2026/27 or "skoleåret 2026/27" (August to July)
    #[arg(long, value_name = "YEAR", conflicts_with_all = ["from", "to"])]
    pub year: Option<String>,
    /// From this day (any date form: 2026-08, "august 2026", "høst 2026"; default: the plan's start)
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// To this day (any date form, its last day; default: the plan's end)
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
}

#[derive(Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub common: ViewArgs,
    #[command(flatten)]
    pub since: SinceArgs,
    /// The file to write: HTML, or PDF when it ends in .pdf (default: HTML on standard output)
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Write a PDF made by implan itself, not HTML: the same sections on A4, tagged for accessibility
    /// (PDF/UA-1), fonts embedded. Needs -o
    #[arg(long)]
    pub pdf: bool,
    /// The days its Gantt chart and årshjul show (default: the plan's whole period, a wheel per school year)
    #[command(flatten)]
    pub span: SpanArgs,
}

#[derive(Args)]
pub struct StatusArgs {
    #[command(flatten)]
    pub common: ViewArgs,
    /// Output format
    #[arg(long, value_enum, default_value_t = StatusFormat::Text)]
    pub format: StatusFormat,
    /// Only this role's work and that of the groups it belongs to (id or name): one person's own list
    #[arg(long, value_name = "ROLE")]
    pub role: Option<String>,
    /// Wrap lines to this many columns (default: the terminal's width, or COLUMNS; no limit when piped)
    #[arg(long, value_name = "COLUMNS")]
    pub width: Option<u16>,
    /// Do not show each activity's id
    #[arg(long)]
    pub no_ids: bool,
    #[command(flatten)]
    pub since: SinceArgs,
}

/// `--since` of `status` and `report`.
#[derive(Args)]
pub struct SinceArgs {
    /// Add what changed since REV (a git tag, branch or commit) or DATE: postponed, moved, cancelled, removed,
    /// added, done
    ///
    /// A word implan reads as a date (2026-10-01, "oktober 2026": its first day) is a date; anything else is a
    /// git revision (vedtatt-2026, main, HEAD~3, a1b2c3d); rev:WORD makes it a revision whatever it looks like.
    /// Since a revision: the plan as it was there against the working copy (git must know the plan there).
    /// Since a date: the plan as git had it when that day began (the last commit before it that changed the
    /// file) against the working copy, and every activity whose done date is that day or later; outside git,
    /// or before the plan's first commit, only the latter.
    #[arg(long, value_name = "REV|DATE")]
    pub since: Option<String>,
}

#[derive(Subcommand)]
pub enum ExportWhat {
    /// iCalendar (RFC 5545): an event per activity, with stable UIDs so a re-import updates
    Ics(IcsArgs),
}

#[derive(Args)]
pub struct IcsArgs {
    #[command(flatten)]
    pub common: ViewArgs,
    /// The .ics file to write (default: standard output)
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Only this role's activities (and those of the groups it belongs to)
    #[arg(long, value_name = "ROLE")]
    pub role: Option<String>,
}

/// `--format` and `--dpi` of the pictures: what kind of file `-o` writes.
#[derive(Args)]
pub struct PictureArgs {
    /// The kind of file to write (default: by the extension of -o, else SVG). PNG and PDF need -o
    #[arg(long, value_enum)]
    pub format: Option<PictureFormatArg>,
    /// For a PNG: pixels per inch, where the SVG has 96; 192 is sharp on a slide and in Word
    #[arg(long, value_name = "DPI", default_value_t = crate::export::picture::DEFAULT_DPI,
        value_parser = clap::value_parser!(u32).range(24..=1200))]
    pub dpi: u32,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug, ValueEnum)]
pub enum PictureFormatArg {
    /// SVG: for the web, and for Word and PowerPoint, which scale it without blurring
    Svg,
    /// PNG: pixels, for any program that takes a picture
    Png,
    /// PDF: for print, vector, text selectable, tagged for accessibility (PDF/UA-1)
    Pdf,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum PaperArg {
    A4,
    A3,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum RingsArg {
    Role,
    Kind,
}

#[derive(Args)]
pub struct ViewArgs {
    /// The plan file (default: implan.toml here, or the only plan under plans/)
    #[arg(value_name = "PLAN")]
    pub plan: Option<PathBuf>,
    /// Language of the output (default: the plan's, else the locale's)
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// The day to take as today, such as 2026-11-23 (default: the real today)
    #[arg(long, value_name = "DATE")]
    pub today: Option<String>,
}

#[derive(Args)]
pub struct FilterArgs {
    /// Only this role's activities and those of the groups it belongs to (id or name)
    #[arg(long, value_name = "ROLE")]
    pub role: Option<String>,
    /// Only this phase (id or name)
    #[arg(long, value_name = "PHASE")]
    pub phase: Option<String>,
    /// Only activities from this date on ("2026-09", "høst 2026", …)
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Only activities up to this date
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Only activities with this status (planned, in-progress, done, cancelled, or overdue: late work;
    /// Norwegian words too; comma-separated)
    #[arg(long, value_name = "STATUS")]
    pub status: Option<String>,
}

#[derive(Args)]
pub struct DiffArgs {
    /// The old version: a file, a git revision of NEW's file (tag, branch, commit), or REV:PATH
    #[arg(value_name = "OLD")]
    pub old: String,
    /// The new version: a file, or REV:PATH (or a revision, when OLD is a file)
    #[arg(value_name = "NEW")]
    pub new: String,
    /// Output format
    #[arg(long, value_enum, default_value_t = DiffFormat::Human)]
    pub format: DiffFormat,
    /// Language of the output (default: the new plan's, else the locale's, else Bokmål)
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// The day to take as today for the rules about the date, such as 2026-11-23 (default: the real today)
    #[arg(long, value_name = "DATE")]
    pub today: Option<String>,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum DiffFormat {
    /// For the terminal
    Human,
    /// To paste into the minutes or a pull request
    Markdown,
    /// For programs (version 1; the README lists the keys)
    Json,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
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
pub enum RulesFormat {
    Table,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum LangArg {
    /// Norwegian Bokmål
    Nb,
    /// Norwegian Nynorsk
    Nn,
    /// English
    En,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum By {
    Phase,
    Month,
    Role,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ChecklistBy {
    Phase,
    Role,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ScheduleFormat {
    Table,
    Markdown,
    Csv,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ChecklistFormat {
    Markdown,
    Text,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum StatusFormat {
    Text,
    Json,
}

impl Command {
    /// The `--lang` flag of the subcommand, for those that have one.
    pub fn lang(&self) -> Option<LangArg> {
        match self {
            Command::Check(a) => a.lang,
            Command::Rules(a) => a.lang,
            Command::Explain(a) => a.lang,
            Command::Init(a) => a.lang,
            Command::Schedule(a) => a.common.lang,
            Command::Timeline(a) => a.common.lang,
            Command::Checklist(a) => a.common.lang,
            Command::Export { what: ExportWhat::Ics(a) } => a.common.lang,
            Command::Gantt(a) => a.common.lang,
            Command::Wheel(a) => a.common.lang,
            Command::Report(a) => a.common.lang,
            Command::Status(a) => a.common.lang,
            Command::Done(a) => a.target.options.lang,
            Command::Set(a) => a.options.lang,
            Command::Move(a) => a.target.options.lang,
            Command::Postpone(a) => a.target.options.lang,
            Command::Add(a) => a.options.lang,
            Command::Completions(_) | Command::Man(_) | Command::Schema => None,
            Command::Diff(a) => a.lang,
        }
    }
}

impl From<LangArg> for Lang {
    fn from(lang: LangArg) -> Self {
        match lang {
            LangArg::Nb => Lang::Nb,
            LangArg::Nn => Lang::Nn,
            LangArg::En => Lang::En,
        }
    }
}

impl From<By> for GroupBy {
    fn from(by: By) -> Self {
        match by {
            By::Phase => GroupBy::Phase,
            By::Month => GroupBy::Month,
            By::Role => GroupBy::Role,
        }
    }
}

impl From<ChecklistBy> for GroupBy {
    fn from(by: ChecklistBy) -> Self {
        match by {
            ChecklistBy::Phase => GroupBy::Phase,
            ChecklistBy::Role => GroupBy::Role,
        }
    }
}

impl From<ScheduleFormat> for crate::views::schedule::Format {
    fn from(format: ScheduleFormat) -> Self {
        use crate::views::schedule::Format;
        match format {
            ScheduleFormat::Table => Format::Table,
            ScheduleFormat::Markdown => Format::Markdown,
            ScheduleFormat::Csv => Format::Csv,
            ScheduleFormat::Json => Format::Json,
        }
    }
}

impl From<ChecklistFormat> for crate::views::checklist::Format {
    fn from(format: ChecklistFormat) -> Self {
        use crate::views::checklist::Format;
        match format {
            ChecklistFormat::Markdown => Format::Markdown,
            ChecklistFormat::Text => Format::Text,
        }
    }
}

impl From<RingsArg> for crate::export::svg::Rings {
    fn from(rings: RingsArg) -> Self {
        use crate::export::svg::Rings;
        match rings {
            RingsArg::Role => Rings::Role,
            RingsArg::Kind => Rings::Kind,
        }
    }
}

impl From<ShellArg> for clap_complete::Shell {
    fn from(shell: ShellArg) -> Self {
        match shell {
            ShellArg::Bash => clap_complete::Shell::Bash,
            ShellArg::Elvish => clap_complete::Shell::Elvish,
            ShellArg::Fish => clap_complete::Shell::Fish,
            ShellArg::Powershell => clap_complete::Shell::PowerShell,
            ShellArg::Zsh => clap_complete::Shell::Zsh,
        }
    }
}
