//! What `status --since` and `report --since` say: the section on what changed since a version of the plan or a
//! day, and why that version cannot be read.

use crate::lang::Text;
use crate::messages::commands::parts;
use crate::text;

// The section.

/// Its heading, since a revision: `rev` as given (escaped), `date` the day of its commit in words.
pub fn heading_revision(rev: &str, date: &str) -> Text {
    text!(nb: "Endret siden {rev} ({date})", nn: "Endra sidan {rev} ({date})", en: "Changed since {rev} ({date})")
}

/// Its heading, since a day in words.
pub fn heading_day(day: &str) -> Text {
    text!(nb: "Endret siden {day}", nn: "Endra sidan {day}", en: "Changed since {day}")
}

/// Since a day: the version git had then, its day in words and its commit.
pub fn compared_with(date: &str, commit: &str) -> Text {
    text!(
        nb: "sammenlignet med planen i git fra {date} ({commit})",
        nn: "samanlikna med planen i git frå {date} ({commit})",
        en: "compared with the plan in git from {date} ({commit})",
    )
}

/// Since a day, outside git.
pub fn not_in_git() -> Text {
    text!(
        nb: "planen er ikke i et git-depot: bare det som er gjennomført siden, vises",
        nn: "planen er ikkje i eit git-depot: berre det som er gjennomført sidan, blir vist",
        en: "the plan is not in a git repository: only what was done since is shown",
    )
}

/// Since a day, without git to run.
pub fn no_git() -> Text {
    text!(
        nb: "git kunne ikke kjøres: bare det som er gjennomført siden, vises",
        nn: "git kunne ikkje køyrast: berre det som er gjennomført sidan, blir vist",
        en: "git could not be run: only what was done since is shown",
    )
}

/// Since a day (in words) before the plan's first commit.
pub fn none_before(day: &str) -> Text {
    text!(
        nb: "git har ingen versjon av planen fra før {day}: bare det som er gjennomført siden, vises",
        nn: "git har ingen versjon av planen frå før {day}: berre det som er gjennomført sidan, blir vist",
        en: "git has no version of the plan from before {day}: only what was done since is shown",
    )
}

/// Nothing changed.
pub fn no_changes() -> Text {
    text!(nb: "ingen endringer", nn: "ingen endringar", en: "no changes")
}

// How many of each kind: "2 utsatt, 1 flyttet".

pub fn postponed_count(n: usize) -> Text {
    text!(nb: "{n} utsatt", nn: "{n} utsett", en: "{n} postponed")
}

pub fn moved_count(n: usize) -> Text {
    text!(nb: "{n} flyttet", nn: "{n} flytta", en: "{n} moved")
}

pub fn cancelled_count(n: usize) -> Text {
    text!(nb: "{n} avlyst", nn: "{n} avlyst", en: "{n} cancelled")
}

pub fn removed_count(n: usize) -> Text {
    text!(nb: "{n} fjernet", nn: "{n} fjerna", en: "{n} removed")
}

pub fn added_count(n: usize) -> Text {
    if n == 1 {
        text!(nb: "1 ny", nn: "1 ny", en: "1 added")
    } else {
        text!(nb: "{n} nye", nn: "{n} nye", en: "{n} added")
    }
}

pub fn done_count(n: usize) -> Text {
    text!(nb: "{n} gjennomført", nn: "{n} gjennomført", en: "{n} done")
}

/// Activities changed only in title, owner or another status, and changes to the plan's title, period and
/// phases.
pub fn other_count(n: usize) -> Text {
    if n == 1 {
        text!(nb: "1 annen endring", nn: "1 anna endring", en: "1 other change")
    } else {
        text!(nb: "{n} andre endringer", nn: "{n} andre endringar", en: "{n} other changes")
    }
}

// What happened to one activity.

/// `from` its old date in words, `shift` how far ([`crate::messages::diff::months_moved`]).
pub fn moved_from(from: &str, shift: &Text) -> Text {
    let [nb, nn, en] = parts(shift);
    text!(nb: "flyttet fra {from}, {nb}", nn: "flytta frå {from}, {nn}", en: "moved from {from}, {en}")
}

/// `day` in words.
pub fn done_on(day: &str) -> Text {
    text!(nb: "gjennomført {day}", nn: "gjennomført {day}", en: "done {day}")
}

pub fn removed() -> Text {
    text!(nb: "fjernet fra planen", nn: "fjerna frå planen", en: "removed from the plan")
}

pub fn added() -> Text {
    text!(nb: "ny i planen", nn: "ny i planen", en: "new in the plan")
}

/// More than the screen lists: "… og 3 til".
pub fn more(n: usize) -> Text {
    text!(nb: "… og {n} til", nn: "… og {n} til", en: "… and {n} more")
}

/// Where to see every change: `command` is `implan diff REV PLAN`.
pub fn every_change(command: &str) -> Text {
    text!(
        nb: "kjør `{command}` for alle endringer",
        nn: "køyr `{command}` for alle endringane",
        en: "run `{command}` for every change",
    )
}

/// The report's table: the column of what happened, and of the details.
pub fn change_column() -> Text {
    text!(nb: "Endring", nn: "Endring", en: "Change")
}

pub fn note_column() -> Text {
    text!(nb: "Merknad", nn: "Merknad", en: "Note")
}

// Why the version cannot be read.

/// A revision outside a repository: `rev` as given, `path` the plan's, `said` git's words; all escaped.
pub fn not_in_repository(rev: &str, path: &str, said: &str) -> Text {
    text!(
        nb: "--since «{rev}»: kan ikke lese planen slik den var i en git-revisjon, for {path} er ikke i et git-depot (git: {said}); gi en dato i stedet (--since 2026-10-01) for å se hva som er gjennomført siden, eller legg planen i git og merk den vedtatte versjonen (git tag vedtatt-2026)",
        nn: "--since «{rev}»: kan ikkje lese planen slik han var i ein git-revisjon, for {path} er ikkje i eit git-depot (git: {said}); gje ein dato i staden (--since 2026-10-01) for å sjå kva som er gjennomført sidan, eller legg planen i git og merk den vedtekne versjonen (git tag vedtatt-2026)",
        en: "--since '{rev}': cannot read the plan as it was at a git revision, since {path} is not in a git repository (git: {said}); give a date instead (--since 2026-10-01) to see what was done since, or put the plan in git and tag the approved version (git tag vedtatt-2026)",
    )
}

/// Neither a date nor a revision: `word` as given, `said` git's words, escaped.
pub fn unknown(word: &str, said: &str) -> Text {
    text!(
        nb: "--since «{word}» er verken en dato implan leser eller en revisjon git kjenner (git: {said}); gi en tag, en gren, en commit eller en dato som 2026-10-01",
        nn: "--since «{word}» er verken ein dato implan les eller ein revisjon git kjenner (git: {said}); gje ein tag, ei grein, ein commit eller ein dato som 2026-10-01",
        en: "--since '{word}' is neither a date implan reads nor a revision git knows (git: {said}); give a tag, a branch, a commit or a date such as 2026-10-01",
    )
}

/// A word that looks like a date and is not one, nor a revision: `problem` says what is wrong with the date.
pub fn unknown_date(word: &str, problem: &Text, said: &str) -> Text {
    let [nb, nn, en] = parts(problem);
    text!(
        nb: "--since «{word}» er verken en dato ({nb}) eller en revisjon git kjenner (git: {said})",
        nn: "--since «{word}» er verken ein dato ({nn}) eller ein revisjon git kjenner (git: {said})",
        en: "--since '{word}' is neither a date ({en}) nor a revision git knows (git: {said})",
    )
}

/// `rev:REV` names no revision git knows.
pub fn unknown_revision(rev: &str, said: &str) -> Text {
    text!(
        nb: "--since rev:{rev}: git kjenner ingen revisjon «{rev}» (git: {said})",
        nn: "--since rev:{rev}: git kjenner ingen revisjon «{rev}» (git: {said})",
        en: "--since rev:{rev}: git knows no revision '{rev}' (git: {said})",
    )
}

/// The revision exists, the plan was not in it: `path` in the repository, `commit` and `date` of the revision.
pub fn not_at_revision(rev: &str, path: &str, commit: &str, date: &str) -> Text {
    text!(
        nb: "--since «{rev}»: {path} fantes ikke i git i {rev} ({commit}, {date}); gi en revisjon der planen er med",
        nn: "--since «{rev}»: {path} fanst ikkje i git i {rev} ({commit}, {date}); gje ein revisjon der planen er med",
        en: "--since '{rev}': {path} was not in git at {rev} ({commit}, {date}); give a revision that has the plan",
    )
}

/// The version found does not load: `label` is `REV:PATH`, `errors` how many findings, `command` the one that
/// shows them.
pub fn does_not_load(label: &str, errors: usize, command: &str) -> Text {
    let en_errors = if errors == 1 { "1 error".to_owned() } else { format!("{errors} errors") };
    text!(
        nb: "--since: {label} kan ikke leses som en plan ({errors} feil); `{command}` viser dem",
        nn: "--since: {label} kan ikkje lesast som ein plan ({errors} feil); `{command}` viser dei",
        en: "--since: {label} does not load as a plan ({en_errors}); `{command}` shows them",
    )
}
