//! `implan check`: every plan file under the paths, checked, in the format asked for.

use super::{Console, Error, Exit, parse_today};
use crate::check::{self, FileReport};
use crate::cli::{CheckArgs, CheckFormat};
use crate::lang::{Lang, Text};
use crate::messages::commands as m;
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
    // The command's own language, before any plan says its own.
    let own = opts.lang_of(None);
    let found = check::collect(&args.paths, &check::Walk { follow: args.follow }).map_err(|e| e.text())?;
    for skipped in &found.skipped {
        console.warning(own, &skipped.text());
    }
    if found.files.is_empty() {
        return Err(Error::Usage(m::no_plan_files()));
    }
    let reports = match check::check_files(&found.files, &opts) {
        Ok(r) => r,
        Err(check::CheckError::Read(e)) => return Err(Error::Usage(e.text())),
        Err(check::CheckError::Config(c)) => {
            // A wrong implan.toml stops the run: what it says applies to every file below it.
            let findings = c.findings.clone();
            let report = FileReport { path: c.path.clone(), source: Some(c.source.clone()), findings, lang: own };
            console.report(&render::human(&[report], own));
            return Err(Error::Usage(c.text()));
        }
    };
    let deny_warnings = args.deny.is_some();
    let lang = opts.lang_of_run(&reports);
    warn_of_names_the_format_cannot_keep(&reports, &args, lang, console);
    let (text, styled) = rendered(&reports, &args, deny_warnings, lang)?;
    console.out(&text, styled)?;
    let summary = render::Summary::of(&reports);
    let failed = summary.errors > 0 || (deny_warnings && summary.warnings > 0);
    Ok(if failed { Exit::Failure } else { Exit::Success })
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
    args: &CheckArgs,
    deny_warnings: bool,
    lang: Lang,
) -> Result<(String, bool), Error> {
    Ok(if args.statistics {
        match args.format {
            CheckFormat::Human | CheckFormat::Concise => (render::statistics_text(reports, lang), true),
            CheckFormat::Json => (render::statistics_json(reports), false),
            _ => return Err(Error::Usage(m::statistics_format())),
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
