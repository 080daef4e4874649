//! What `implan diff` says: the words of the comparison of two versions of a plan, and why one cannot be
//! read (git).

use crate::lang::Text;
use crate::messages::commands::parts;
use crate::text;

// The comparison.

/// The first line: which versions are compared. `old` and `new` are already escaped for the medium.
pub fn heading(old: &str, new: &str) -> Text {
    text!(nb: "Endringer fra {old} til {new}", nn: "Endringar frå {old} til {new}", en: "Changes from {old} to {new}")
}

pub fn no_differences() -> Text {
    text!(
        nb: "Ingen forskjeller i planen (kommentarer og oppsett teller ikke).",
        nn: "Ingen skilnader i planen (kommentarar og oppsett tel ikkje).",
        en: "No differences in the plan (comments and layout do not count).",
    )
}

pub fn section_plan() -> Text {
    text!(nb: "Planen", nn: "Planen", en: "The plan")
}

pub fn section_phases() -> Text {
    text!(nb: "Faser", nn: "Fasar", en: "Phases")
}

pub fn section_added() -> Text {
    text!(nb: "Nye aktiviteter", nn: "Nye aktivitetar", en: "Added activities")
}

pub fn section_removed() -> Text {
    text!(nb: "Fjernede aktiviteter", nn: "Fjerna aktivitetar", en: "Removed activities")
}

pub fn section_changed() -> Text {
    text!(nb: "Endrede aktiviteter", nn: "Endra aktivitetar", en: "Changed activities")
}

pub fn section_requirements() -> Text {
    text!(nb: "Krav", nn: "Krav", en: "Requirements")
}

pub fn section_findings() -> Text {
    text!(nb: "Funn", nn: "Funn", en: "Findings")
}

pub fn title() -> Text {
    text!(nb: "tittel", nn: "tittel", en: "title")
}

pub fn period() -> Text {
    text!(nb: "periode", nn: "periode", en: "period")
}

pub fn dates() -> Text {
    text!(nb: "dato", nn: "dato", en: "date")
}

pub fn owner() -> Text {
    text!(nb: "ansvarlig", nn: "ansvarleg", en: "responsible")
}

pub fn status() -> Text {
    text!(nb: "status", nn: "status", en: "status")
}

/// A phase the new version adds, or the old had and the new lacks.
pub fn phase_added() -> Text {
    text!(nb: "ny fase", nn: "ny fase", en: "new phase")
}

pub fn phase_removed() -> Text {
    text!(nb: "fasen er fjernet", nn: "fasen er fjerna", en: "phase removed")
}

/// How far an activity moved; `n` is positive for later.
pub fn months_moved(n: i64) -> Text {
    let m = n.unsigned_abs();
    match (n > 0, m == 1) {
        (true, true) => text!(nb: "1 måned senere", nn: "1 månad seinare", en: "1 month later"),
        (true, false) => text!(nb: "{m} måneder senere", nn: "{m} månader seinare", en: "{m} months later"),
        (false, true) => text!(nb: "1 måned tidligere", nn: "1 månad tidlegare", en: "1 month earlier"),
        (false, false) => text!(nb: "{m} måneder tidligere", nn: "{m} månader tidlegare", en: "{m} months earlier"),
    }
}

pub fn days_moved(n: i64) -> Text {
    let d = n.unsigned_abs();
    match (n > 0, d == 1) {
        (true, true) => text!(nb: "1 dag senere", nn: "1 dag seinare", en: "1 day later"),
        (true, false) => text!(nb: "{d} dager senere", nn: "{d} dagar seinare", en: "{d} days later"),
        (false, true) => text!(nb: "1 dag tidligere", nn: "1 dag tidlegare", en: "1 day earlier"),
        (false, false) => text!(nb: "{d} dager tidligere", nn: "{d} dagar tidlegare", en: "{d} days earlier"),
    }
}

/// The start is where it was; only the end moved.
pub fn same_start() -> Text {
    text!(nb: "ny slutt", nn: "ny slutt", en: "new end")
}

/// `phase` is the phase's name and period label, escaped.
pub fn left_phase(phase: &str) -> Text {
    text!(nb: "nå utenfor fasen {phase}", nn: "no utanfor fasen {phase}", en: "now outside its phase {phase}")
}

/// `from` is the date it had, in words.
pub fn postponed(from: &str) -> Text {
    text!(nb: "utsatt, fra {from}", nn: "utsett, frå {from}", en: "postponed, from {from}")
}

/// `reason` is the plan's words, escaped.
pub fn reason(reason: &str) -> Text {
    text!(nb: "grunn: {reason}", nn: "grunn: {reason}", en: "reason: {reason}")
}

pub fn no_owner() -> Text {
    text!(nb: "ingen", nn: "ingen", en: "none")
}

pub fn requirements_broken() -> Text {
    text!(nb: "brytes nå", nn: "vert brotne no", en: "now broken")
}

pub fn requirements_kept() -> Text {
    text!(nb: "holdes nå", nn: "vert haldne no", en: "now kept")
}

pub fn findings_introduced() -> Text {
    text!(nb: "nye", nn: "nye", en: "introduced")
}

pub fn findings_resolved() -> Text {
    text!(nb: "løst", nn: "løyste", en: "resolved")
}

/// The last line: how much changed.
pub fn summary(
    added: usize,
    removed: usize,
    changed: usize,
    phases: usize,
    introduced: usize,
    resolved: usize,
) -> Text {
    let n = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let (a, r, c) = (added, removed, changed);
    let (nb_a, nn_a, en_a) = (n(a, "ny", "nye"), n(a, "ny", "nye"), n(a, "added", "added"));
    let (nb_r, nn_r, en_r) = (n(r, "fjernet", "fjernet"), n(r, "fjerna", "fjerna"), n(r, "removed", "removed"));
    let (nb_c, nn_c, en_c) = (n(c, "endret", "endret"), n(c, "endra", "endra"), n(c, "changed", "changed"));
    let (nb_p, nn_p, en_p) = (n(phases, "fase", "faser"), n(phases, "fase", "fasar"), n(phases, "phase", "phases"));
    let (i, s) = (introduced, resolved);
    text!(
        nb: "Aktiviteter: {nb_a}, {nb_r}, {nb_c}; {nb_p} endret; funn: {i} nye, {s} løst.",
        nn: "Aktivitetar: {nn_a}, {nn_r}, {nn_c}; {nn_p} endra; funn: {i} nye, {s} løyste.",
        en: "Activities: {en_a}, {en_r}, {en_c}; {en_p} changed; findings: {i} introduced, {s} resolved.",
    )
}

// Reading a version from git.

/// Neither a file nor a `REV:PATH`, with nothing to take a file from: `implan diff v1 v2`.
pub fn no_file(old: &str, new: &str) -> Text {
    text!(
        nb: "verken «{old}» eller «{new}» er en fil; minst én side må være en fil (eller REVISJON:STI)",
        nn: "verken «{old}» eller «{new}» er ei fil; minst éi side må vere ei fil (eller REVISJON:STI)",
        en: "neither '{old}' nor '{new}' is a file; at least one side must be a file (or REVISION:PATH)",
    )
}

/// `dir` is the folder git was asked about; `said` is git's own message, escaped.
pub fn not_in_repository(dir: &str, said: &str) -> Text {
    text!(
        nb: "{dir} er ikke i et git-depot, så en revisjon kan ikke leses der ({said})",
        nn: "{dir} er ikkje i eit git-depot, så ein revisjon kan ikkje lesast der ({said})",
        en: "{dir} is not in a git repository, so no revision can be read there ({said})",
    )
}

/// `rev` and `path` as given, escaped; `said` is git's own message.
pub fn unknown_revision(rev: &str, path: &str, said: &str) -> Text {
    text!(
        nb: "fant ikke {path} i revisjonen «{rev}»; er det en fil som ikke finnes, eller en revisjon git ikke kjenner? (git: {said})",
        nn: "fann ikkje {path} i revisjonen «{rev}»; er det ei fil som ikkje finst, eller ein revisjon git ikkje kjenner? (git: {said})",
        en: "found no {path} at revision '{rev}': a file that does not exist, or a revision git does not know? (git: {said})",
    )
}

/// A revision that starts with `-` would be read by git as an option.
pub fn revision_like_option(rev: &str) -> Text {
    text!(
        nb: "«{rev}» er ikke en revisjon: den begynner med -",
        nn: "«{rev}» er ikkje ein revisjon: han byrjar med -",
        en: "'{rev}' is not a revision: it starts with -",
    )
}

/// `error` is the system's words ([`crate::write::describe`]).
pub fn git_missing(error: &Text) -> Text {
    let [nb, nn, en] = parts(error);
    text!(
        nb: "kan ikke kjøre git for å lese en revisjon: {nb}",
        nn: "kan ikkje køyre git for å lese ein revisjon: {nn}",
        en: "cannot run git to read a revision: {en}",
    )
}
