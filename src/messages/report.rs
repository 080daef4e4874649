//! The check report's own words: severities, "help", the summary line.

use crate::lang::{Lang, Text};
use crate::text;

/// "error", "feil".
pub fn error() -> Text {
    text!(nb: "feil", nn: "feil", en: "error")
}

/// "warning", "advarsel".
pub fn warning() -> Text {
    text!(nb: "advarsel", nn: "åtvaring", en: "warning")
}

/// A severity's word, as people read it (machine formats keep `error` and `warning`).
pub fn severity(s: crate::diag::Severity) -> Text {
    match s {
        crate::diag::Severity::Error => error(),
        crate::diag::Severity::Warning => warning(),
    }
}

/// The heading of `implan rules`' columns.
pub fn rule() -> Text {
    text!(nb: "regel", nn: "regel", en: "rule")
}

pub fn severity_heading() -> Text {
    text!(nb: "alvorlighet", nn: "alvorsgrad", en: "severity")
}

pub fn summary() -> Text {
    text!(nb: "sammendrag", nn: "samandrag", en: "summary")
}

/// Under the list of rules.
pub fn explain_one() -> Text {
    text!(
        nb: "`implan explain REGEL` forklarer én.",
        nn: "`implan explain REGEL` forklarer éin.",
        en: "`implan explain RULE` explains one.",
    )
}

/// The label of a finding's fix in the human format.
pub fn fix() -> Text {
    text!(nb: "retting", nn: "retting", en: "fix")
}

/// A fix's line: what it does, and the flag that makes it; `title` is the fix's own words.
pub fn fix_line(title: &Text, safe: bool) -> Text {
    let [nb, nn, en] = crate::messages::commands::parts(title);
    if safe {
        text!(nb: "{nb} (implan check --fix)", nn: "{nn} (implan check --fix)", en: "{en} (implan check --fix)")
    } else {
        text!(
            nb: "{nb} (usikker: implan check --fix --unsafe-fixes)",
            nn: "{nn} (usikker: implan check --fix --unsafe-fixes)",
            en: "{en} (unsafe: implan check --fix --unsafe-fixes)",
        )
    }
}

/// The word before a finding's help.
pub fn help() -> Text {
    text!(nb: "hjelp", nn: "hjelp", en: "help")
}

fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 { format!("1 {one}") } else { format!("{n} {many}") }
}

/// "1 file", "3 filer".
pub fn files(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Nb | Lang::Nn => count(n, "fil", "filer"),
        Lang::En => count(n, "file", "files"),
    }
}

/// After the summary: "1 file could not be read", "2 filer kunne ikke leses".
pub fn unreadable(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Nb => format!("{} kunne ikke leses", count(n, "fil", "filer")),
        Lang::Nn => format!("{} kunne ikkje lesast", count(n, "fil", "filer")),
        Lang::En => format!("{} could not be read", count(n, "file", "files")),
    }
}

/// "2 errors", "2 feil".
pub fn errors(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Nb | Lang::Nn => count(n, "feil", "feil"),
        Lang::En => count(n, "error", "errors"),
    }
}

/// "2 warnings", "2 advarsler", "2 åtvaringar".
pub fn warnings(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Nb => count(n, "advarsel", "advarsler"),
        Lang::Nn => count(n, "åtvaring", "åtvaringar"),
        Lang::En => count(n, "warning", "warnings"),
    }
}

/// "checked 3 files: no findings".
pub fn checked_clean(files: &str) -> Text {
    text!(nb: "kontrollerte {files}: ingen funn", nn: "kontrollerte {files}: ingen funn", en: "checked {files}: no findings")
}

/// "checked 1 file: 2 errors, 1 warning"; `counts` is in the same language.
pub fn checked(files: &str, counts: &str) -> Text {
    text!(nb: "kontrollerte {files}: {counts}", nn: "kontrollerte {files}: {counts}", en: "checked {files}: {counts}")
}
