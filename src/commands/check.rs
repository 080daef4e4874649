//! `implan check`: every plan file under the paths, checked, in the format asked for.

use super::{Console, Error, Exit, parse_today};
use crate::check::{self, FileReport};
use crate::cli::{CheckArgs, CheckFormat};
use crate::{escape, render};

pub(super) fn run(args: CheckArgs, console: &mut dyn Console) -> Result<Exit, Error> {
    let opts = check::CheckOptions {
        select: crate::config::rule_ids(&args.select)?,
        ignore: crate::config::rule_ids(&args.ignore)?,
        no_config: args.no_config,
        today: args.today.as_deref().map(|t| parse_today(t, "--today")).transpose()?,
        lang: args.lang.map(Into::into),
        locale: crate::i18n::env_locale().as_deref().and_then(crate::lang::Lang::parse),
    };
    let found = check::collect(&args.paths, &check::Walk { follow: args.follow }).map_err(|e| e.to_string())?;
    for skipped in &found.skipped {
        console.warning(&skipped.to_string());
    }
    if found.files.is_empty() {
        return Err(Error::Usage("no plan files (*.toml) found under the given paths".into()));
    }
    let reports = match check::check_files(&found.files, &opts) {
        Ok(r) => r,
        Err(check::CheckError::Read(e)) => return Err(Error::Usage(e.to_string())),
        Err(check::CheckError::Config(c)) => {
            // A wrong implan.toml stops the run: what it says applies to every file below it.
            let lang = opts.lang_of(None);
            let findings = c.findings.clone();
            let report = FileReport { path: c.path.clone(), source: Some(c.source.clone()), findings, lang };
            console.report(&render::human(&[report], lang));
            return Err(Error::Usage(c.to_string()));
        }
    };
    warn_of_names_the_format_cannot_keep(&reports, &args, console);
    let deny_warnings = args.deny.is_some();
    let lang = opts.lang_of_run(&reports);
    let (text, styled) = rendered(&reports, &args, deny_warnings, lang)?;
    console.out(&text, styled)?;
    let summary = render::Summary::of(&reports);
    let failed = summary.errors > 0 || (deny_warnings && summary.warnings > 0);
    Ok(if failed { Exit::Failure } else { Exit::Success })
}

/// What a format of text shows of a file name that is not: JSON has U+FFFD for the odd bytes, JUnit and
/// GitHub the `\xE6` escapes people see elsewhere; SARIF's URI keeps the bytes.
fn warn_of_names_the_format_cannot_keep(reports: &[FileReport], args: &CheckArgs, console: &mut dyn Console) {
    let how = match args.format {
        _ if args.statistics => return,
        CheckFormat::Json => "with U+FFFD in place of its odd bytes",
        CheckFormat::Junit | CheckFormat::Github => "with \\xNN escapes for its odd bytes",
        _ => return,
    };
    for r in reports.iter().filter(|r| !escape::path_is_text(&r.path)) {
        let name = escape::path(&r.path);
        console.warning(&format!(
            "the file name {name} is not UTF-8; this format can only show it {how} (SARIF keeps them)"
        ));
    }
}

/// The reports in the format asked for, and whether the text carries styles.
fn rendered(
    reports: &[FileReport],
    args: &CheckArgs,
    deny_warnings: bool,
    lang: crate::lang::Lang,
) -> Result<(String, bool), Error> {
    Ok(if args.statistics {
        match args.format {
            CheckFormat::Human | CheckFormat::Concise => (render::statistics_text(reports, lang), true),
            CheckFormat::Json => (render::statistics_json(reports), false),
            _ => return Err(Error::Usage("--statistics goes with --format human, concise or json".into())),
        }
    } else {
        match args.format {
            CheckFormat::Human => (render::human(reports, lang), true),
            CheckFormat::Concise => (render::concise(reports, lang), true),
            CheckFormat::Json => (render::json(reports), false),
            CheckFormat::Github => (render::github(reports), false),
            CheckFormat::Sarif => (render::sarif(reports, lang), false),
            CheckFormat::Junit => (render::junit(reports, deny_warnings), false),
        }
    })
}
