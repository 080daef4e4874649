//! `implan check`: every plan file under the paths, checked, in the format asked for.

use super::{Console, Error, Exit, parse_today};
use crate::check::{self, FileReport};
use crate::cli::{CheckArgs, CheckFormat};
use crate::lang::{Lang, Text};
use crate::messages::commands as m;
use crate::{escape, render};
use std::path::PathBuf;

pub(super) fn run(args: CheckArgs, console: &mut dyn Console) -> Result<Exit, Error> {
    let opts = check::CheckOptions {
        select: crate::config::rule_ids(&args.select)?,
        ignore: crate::config::rule_ids(&args.ignore)?,
        no_config: args.no_config,
        today: args.today.as_deref().map(|t| parse_today(t, "--today")).transpose()?,
        lang: args.lang.map(Into::into),
        locale: crate::i18n::env_locale().as_deref().and_then(crate::lang::Lang::parse),
    };
    // The command's own language, before any plan says its own.
    let own = opts.lang_of(None);
    let paths = paths(&args)?;
    if args.fix && paths.iter().any(|p| p.as_os_str() == "-") {
        return Err(Error::Usage(m::fix_stdin()));
    }
    let found = check::collect(&paths, &walk(&args));
    for skipped in &found.skipped {
        console.warning(own, &skipped.text());
    }
    if found.files.is_empty() && found.unreadable.is_empty() {
        let here = args.paths.is_empty() && args.stdin_filename.is_none();
        return Err(Error::Usage(if here { m::no_plan_files_here() } else { m::no_plan_files() }));
    }
    let checked = match check::check_files(&found.files, &opts) {
        Ok(checked) => checked,
        Err(c) => {
            // A wrong implan.toml stops the run: what it says applies to every file below it.
            let findings = c.findings.clone();
            let report = FileReport { path: c.path.clone(), source: Some(c.source.clone()), findings, lang: own };
            console.report(&render::human(&[report], &[], own));
            return Err(Error::Usage(c.text()));
        }
    };
    if args.diff {
        return show_fixes(&checked, &args, &opts, console);
    }
    let checked = if args.fix && apply_fixes(&checked, &args, &opts, console)? > 0 {
        // What is left, checked again.
        check::check_files(&found.files, &opts).map_err(|c| Error::Usage(c.text()))?
    } else {
        checked
    };
    // The paths named that cannot be read, then the files found that cannot be.
    let mut unreadable = found.unreadable;
    unreadable.extend(checked.unreadable);
    let reports = checked.reports;
    let deny_warnings = args.deny.is_some();
    let lang = opts.lang_of_run(&reports);
    warn_of_names_the_format_cannot_keep(&reports, &args, lang, console);
    let (text, styled) = rendered(&reports, &unreadable, &args, lang)?;
    // Named on standard error in every format: a machine format on standard output names them too, and a log
    // shows why the exit code is 2.
    for e in &unreadable {
        console.error(lang, e.text().get(lang));
    }
    console.out(&text, styled)?;
    let summary = render::Summary::of(&reports, &unreadable);
    let failed = summary.errors > 0 || (deny_warnings && summary.warnings > 0);
    Ok(if !unreadable.is_empty() {
        Exit::Usage
    } else if failed {
        Exit::Failure
    } else {
        Exit::Success
    })
}

/// `--diff`: what `--fix` would change, as a unified diff per file (plan text shown safely), and nothing
/// written; exit 1 when there is something to fix.
fn show_fixes(
    checked: &check::Checked,
    args: &CheckArgs,
    opts: &check::CheckOptions,
    console: &mut dyn Console,
) -> Result<Exit, Error> {
    let lang = opts.lang_of_run(&checked.reports);
    let (mut fixes, mut files) = (0, 0);
    for (r, fixed) in checked.fixes(opts, args.unsafe_fixes) {
        let Some(source) = &r.source else { continue };
        let name = escape::path(&r.path);
        let diff = similar::TextDiff::from_lines(source.text.as_str(), fixed.text.as_str());
        let text = diff.unified_diff().context_radius(3).header(&format!("a/{name}"), &format!("b/{name}")).to_string();
        console.out(&escape::visible_lines(&text), false)?;
        fixes += fixed.applied;
        files += 1;
    }
    console.warning(lang, &m::fixes_to_make(fixes, files));
    Ok(if files > 0 { Exit::Failure } else { Exit::Success })
}

/// `--fix`: each file with something to fix written with the fixes made, atomically, and only if it still holds
/// what was checked. Returns how many fixes were made.
fn apply_fixes(
    checked: &check::Checked,
    args: &CheckArgs,
    opts: &check::CheckOptions,
    console: &mut dyn Console,
) -> Result<usize, Error> {
    let lang = opts.lang_of_run(&checked.reports);
    let (mut fixes, mut files) = (0, 0);
    for (r, fixed) in checked.fixes(opts, args.unsafe_fixes) {
        let original = crate::source::read_plan(&r.path)
            .map_err(|e| Error::Usage(m::cannot_read(&escape::path(&r.path), &crate::write::describe(&e))))?;
        // The source drops a byte-order mark; the file keeps it.
        let bom = if original.starts_with(b"\xEF\xBB\xBF") { "\u{feff}" } else { "" };
        let shown = r.source.as_ref().map(|s| s.text.as_str());
        if std::str::from_utf8(&original).ok().map(|t| t.strip_prefix('\u{feff}').unwrap_or(t)) != shown {
            return Err(Error::Usage(m::changed_while_fixing(&escape::path(&r.path))));
        }
        let opts =
            crate::write::WriteOptions { existing: crate::write::Existing::ReplaceIfStill(&original), force: false };
        crate::write::write_file(&r.path, format!("{bom}{}", fixed.text).as_bytes(), opts)
            .map_err(|e| Error::Usage(e.text()))?;
        fixes += fixed.applied;
        files += 1;
    }
    if fixes > 0 {
        console.warning(lang, &m::fixes_made(fixes, files));
    }
    Ok(fixes)
}

/// The paths to check: those given, else standard input when it is given a name, else the current directory.
/// Standard input can be named once, and `--stdin-filename` only with it.
fn paths(args: &CheckArgs) -> Result<Vec<PathBuf>, Error> {
    let stdin = args.paths.iter().filter(|p| p.as_os_str() == "-").count();
    if stdin > 1 {
        return Err(Error::Usage(m::stdin_twice()));
    }
    Ok(match (args.paths.is_empty(), &args.stdin_filename) {
        (false, Some(_)) if stdin == 0 => return Err(Error::Usage(m::stdin_filename_without_stdin())),
        (false, _) => args.paths.clone(),
        (true, Some(_)) => vec![PathBuf::from("-")],
        (true, None) => vec![PathBuf::from(".")],
    })
}

fn walk(args: &CheckArgs) -> check::Walk {
    check::Walk { follow: args.follow, stdin_name: args.stdin_filename.clone() }
}

/// What a format of text shows of a file name that is not: JSON has U+FFFD for the odd bytes, JUnit and
/// GitHub the `\xE6` escapes people see elsewhere; SARIF's URI keeps the bytes.
fn warn_of_names_the_format_cannot_keep(
    reports: &[FileReport],
    args: &CheckArgs,
    lang: Lang,
    console: &mut dyn Console,
) {
    let warning: fn(&str) -> Text = match args.format {
        _ if args.statistics => return,
        CheckFormat::Json => m::name_not_utf8_replaced,
        CheckFormat::Junit | CheckFormat::Github => m::name_not_utf8_escaped,
        _ => return,
    };
    for r in reports.iter().filter(|r| !escape::path_is_text(&r.path)) {
        console.warning(lang, &warning(&escape::path(&r.path)));
    }
}

/// The reports in the format asked for, and whether the text carries styles.
fn rendered(
    reports: &[FileReport],
    unreadable: &[check::ReadError],
    args: &CheckArgs,
    lang: Lang,
) -> Result<(String, bool), Error> {
    let deny_warnings = args.deny.is_some();
    Ok(if args.statistics {
        match args.format {
            CheckFormat::Human | CheckFormat::Concise => (render::statistics_text(reports, unreadable, lang), true),
            CheckFormat::Json => (render::statistics_json(reports, unreadable, lang), false),
            _ => return Err(Error::Usage(m::statistics_format())),
        }
    } else {
        match args.format {
            CheckFormat::Human => (render::human(reports, unreadable, lang), true),
            CheckFormat::Concise => (render::concise(reports, unreadable, lang), true),
            CheckFormat::Json => (render::json(reports, unreadable, lang), false),
            CheckFormat::Github => (render::github(reports, unreadable, lang), false),
            CheckFormat::Sarif => (render::sarif(reports, unreadable, lang), false),
            CheckFormat::Junit => (render::junit(reports, unreadable, deny_warnings, lang), false),
        }
    })
}
