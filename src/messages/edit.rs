//! What `implan done` and `implan set` say: why an edit was refused, and the line that confirms one.

use crate::lang::Text;
use crate::messages::commands::parts;
use crate::messages::common::did_you_mean;
use crate::text;

// Why an edit was refused.

/// `error` is the system's words.
pub fn cannot_read_plan(error: &str) -> Text {
    text!(nb: "kan ikke lese planen: {error}", nn: "kan ikkje lese planen: {error}", en: "cannot read the plan: {error}")
}

pub fn not_text() -> Text {
    text!(
        nb: "planen er ikke UTF-8-tekst; lagre den som UTF-8 i redigeringsprogrammet og prøv igjen",
        nn: "planen er ikkje UTF-8-tekst; lagra han som UTF-8 i redigeringsprogrammet og prøv igjen",
        en: "the plan is not UTF-8 text; save it as UTF-8 in your editor and try again",
    )
}

/// Where the TOML parser stopped; `message` is the parser's (English) words.
pub fn toml_error_at(line: usize, message: &str) -> Text {
    text!(nb: "linje {line}: {message}", nn: "linje {line}: {message}", en: "line {line}: {message}")
}

/// `detail` is [`toml_error_at`].
pub fn not_toml(detail: &Text) -> Text {
    let [nb, nn, en] = parts(detail);
    text!(
        nb: "planen er ikke gyldig TOML ({nb}); kjør implan check og rett feilen først",
        nn: "planen er ikkje gyldig TOML ({nn}); køyr implan check og rett feilen først",
        en: "the plan is not valid TOML ({en}); run implan check and fix it first",
    )
}

/// No activity has the id asked for; `nearest` is the closest id, when one is close.
pub fn not_found(id: &str, nearest: Option<&str>) -> Text {
    let missing = text!(
        nb: "ingen aktivitet har id-en eller tittelen '{id}'",
        nn: "ingen aktivitet har id-en eller tittelen '{id}'",
        en: "no activity has the id or title '{id}'",
    );
    match nearest {
        Some(s) => missing.join("; ", &did_you_mean(s)),
        None => missing,
    }
}

/// Words that name several activities; `found` their ids and titles (plan text: the caller escapes the whole).
pub fn several(query: &str, found: &[(String, String)]) -> Text {
    let list: String = found.iter().map(|(id, title)| format!("\n  {id}  {title}")).collect();
    let n = found.len();
    text!(
        nb: "'{query}' passer til {n} aktiviteter; skriv id-en til den du mener:{list}",
        nn: "'{query}' passar til {n} aktivitetar; skriv id-en til den du meiner:{list}",
        en: "'{query}' matches {n} activities; give the id of the one you mean:{list}",
    )
}

pub fn ambiguous(id: &str, count: usize) -> Text {
    text!(
        nb: "{count} aktiviteter har id-en '{id}'; gi dem ulike id-er (id = \"…\") og prøv igjen",
        nn: "{count} aktivitetar har id-en '{id}'; gi dei ulike id-ar (id = \"…\") og prøv igjen",
        en: "{count} activities have the id '{id}'; give them different ids (id = \"…\") and try again",
    )
}

/// An activity that implan cannot edit without risk; `reason` is one of the reasons below.
pub fn unsupported(id: &str, reason: &Text) -> Text {
    let [nb, nn, en] = parts(reason);
    text!(
        nb: "kan ikke endre aktiviteten '{id}' trygt: {nb}; endre filen for hånd",
        nn: "kan ikkje endre aktiviteten '{id}' trygt: {nn}; endre fila for hand",
        en: "cannot edit activity '{id}' safely: {en}; edit the file by hand",
    )
}

pub fn changes_overlap() -> Text {
    text!(
        nb: "endringene ville overlappe hverandre",
        nn: "endringane ville overlappe kvarandre",
        en: "the changes would overlap",
    )
}

/// `key` is `status` or `done`.
pub fn key_dotted(key: &str) -> Text {
    text!(
        nb: "'{key}' er skrevet med punktnøkler",
        nn: "'{key}' er skriven med punktnøklar",
        en: "its '{key}' is written with dotted keys",
    )
}

pub fn key_is_table(key: &str) -> Text {
    text!(nb: "'{key}' er en tabell", nn: "'{key}' er ein tabell", en: "its '{key}' is a table")
}

pub fn key_misplaced(key: &str) -> Text {
    text!(
        nb: "'{key}' står ikke der implan venter",
        nn: "'{key}' står ikkje der implan ventar",
        en: "its '{key}' is not where implan expects it",
    )
}

/// The check before writing found the old text unreadable; `error` is the parser's words.
pub fn old_text_unreadable(error: &str) -> Text {
    text!(
        nb: "planen kan ikke leses ({error})",
        nn: "planen kan ikkje lesast ({error})",
        en: "the plan cannot be read ({error})",
    )
}

pub fn new_text_not_toml(error: &str) -> Text {
    text!(
        nb: "den endrede teksten ville ikke være gyldig TOML ({error})",
        nn: "den endra teksten ville ikkje vere gyldig TOML ({error})",
        en: "the edited text would not be valid TOML ({error})",
    )
}

pub fn activity_lost() -> Text {
    text!(nb: "fant ikke aktiviteten igjen", nn: "fann ikkje aktiviteten att", en: "the activity was not found again")
}

pub fn bad_date() -> Text {
    text!(nb: "ugyldig dato", nn: "ugyldig dato", en: "bad date")
}

pub fn bad_value() -> Text {
    text!(nb: "en verdi som ikke er TOML", nn: "ein verdi som ikkje er TOML", en: "a value that is not TOML")
}

pub fn more_than_status() -> Text {
    text!(
        nb: "endringen ville endre mer i aktiviteten enn det som ble bedt om",
        nn: "endringa ville endre meir i aktiviteten enn det som vart bede om",
        en: "the edit would change more of the activity than was asked",
    )
}

pub fn changed_on_disk() -> Text {
    text!(
        nb: "planen ble endret på disken mens implan redigerte den; ingenting ble skrevet, kjør kommandoen på nytt",
        nn: "planen vart endra på disken medan implan redigerte han; ingenting vart skrive, køyr kommandoen på nytt",
        en: "the plan changed on disk while implan was editing it; nothing was written, run the command again",
    )
}

pub fn busy(seconds: u64) -> Text {
    text!(
        nb: "en annen implan har redigert planen i {seconds} s; ingenting ble skrevet, prøv igjen",
        nn: "ein annan implan har redigert planen i {seconds} s; ingenting vart skrive, prøv igjen",
        en: "another implan has been editing the plan for {seconds} s; nothing was written, try again",
    )
}

/// A write that failed; `error` names the file.
pub fn write_failed(error: &Text) -> Text {
    let [nb, nn, en] = parts(error);
    text!(nb: "{nb}; planen er uendret", nn: "{nn}; planen er uendra", en: "{en}; the plan is unchanged")
}

/// A write refused (a read-only file, say), which `--force` would make.
pub fn write_refused(error: &Text) -> Text {
    let [nb, nn, en] = parts(error);
    text!(
        nb: "{nb}; planen er uendret (--force skriver den likevel)",
        nn: "{nn}; planen er uendra (--force skriv han likevel)",
        en: "{en}; the plan is unchanged (--force writes it anyway)",
    )
}

// What was asked, unreadable or contradictory.

pub fn not_key_value(word: &str) -> Text {
    text!(
        nb: "kan ikke lese '{word}': skriv KEY=VALUE, for eksempel status=gjennomført eller done=2026-11-23",
        nn: "kan ikkje lese '{word}': skriv KEY=VALUE, til dømes status=gjennomført eller done=2026-11-23",
        en: "cannot read '{word}': write KEY=VALUE, such as status=done or done=2026-11-23",
    )
}

pub fn given_twice(key: &str) -> Text {
    text!(nb: "'{key}' er oppgitt to ganger", nn: "'{key}' er oppgitt to gonger", en: "'{key}' is given twice")
}

/// The keys `implan set` changes, as its messages list them (the last one after "and").
const KEYS: &str = "status, done, when, end, duration, owner, title, notes, reason";
const LAST: &str = "postponed-from";

/// A key `implan set` does not change; `nearest` is the closest of `status` and `done`, if close.
pub fn cannot_set(key: &str, nearest: Option<&str>) -> Text {
    let hint = match nearest {
        Some(s) => did_you_mean(s).map(|_, s| format!("{s} ")),
        None => Text::verbatim(""),
    };
    let [nb, nn, en] = parts(&hint);
    text!(
        nb: "kan ikke sette '{key}': {nb}implan set endrer {KEYS} og {LAST}",
        nn: "kan ikkje setje '{key}': {nn}implan set endrar {KEYS} og {LAST}",
        en: "cannot set '{key}': {en}implan set changes {KEYS} and {LAST}",
    )
}

pub fn nothing_to_set() -> Text {
    text!(
        nb: "ingenting å sette: skriv KEY=VALUE, for eksempel status=gjennomført, when=\"april 2027\" eller owner=rektor",
        nn: "ingenting å setje: skriv KEY=VALUE, til dømes status=gjennomført, when=\"april 2027\" eller owner=rektor",
        en: "nothing to set: write KEY=VALUE, such as status=done, when=\"April 2027\" or owner=principal",
    )
}

pub fn id_taken(id: &str) -> Text {
    text!(
        nb: "en aktivitet har allerede id-en '{id}'; gi en annen med --id",
        nn: "ein aktivitet har allereie id-en '{id}'; gi ein annan med --id",
        en: "an activity has the id '{id}' already; give another with --id",
    )
}

pub fn no_id_from_title() -> Text {
    text!(
        nb: "tittelen gir ingen id (ingen bokstaver eller tall); gi en med --id",
        nn: "tittelen gir ingen id (ingen bokstavar eller tal); gi ein med --id",
        en: "the title makes no id (no letters or digits); give one with --id",
    )
}

/// `phases` are the plan's phase ids (plan text: the caller escapes the whole).
pub fn unknown_phase(id: &str, nearest: Option<&str>, phases: &[String]) -> Text {
    let list = phases.join(", ");
    let missing = text!(
        nb: "planen har ingen fase med id-en '{id}' (fasene er {list})",
        nn: "planen har ingen fase med id-en '{id}' (fasane er {list})",
        en: "the plan has no phase with the id '{id}' (its phases are {list})",
    );
    match nearest {
        Some(s) => missing.join("; ", &did_you_mean(s)),
        None => missing,
    }
}

pub fn inline_activities() -> Text {
    text!(
        nb: "aktivitetene i denne planen står i en liste (activity = [{{ … }}]); legg til den nye for hånd",
        nn: "aktivitetane i denne planen står i ei liste (activity = [{{ … }}]); legg til den nye for hand",
        en: "this plan writes its activities as a list (activity = [{{ … }}]); add the new one by hand",
    )
}

/// A key every activity must have, given an empty value.
pub fn cannot_remove(key: &str) -> Text {
    text!(
        nb: "'{key}' kan ikke fjernes: hver aktivitet må ha en; skriv {key}=…",
        nn: "'{key}' kan ikkje fjernast: kvar aktivitet må ha ein; skriv {key}=…",
        en: "'{key}' cannot be removed: every activity needs one; write {key}=…",
    )
}

/// A new `when` for an activity that has an `end`; `end` is its value as the file writes it.
pub fn end_stays(id: &str, end: &str) -> Text {
    text!(
        nb: "'{id}' har end = {end}, som ikke flyttes av seg selv: gi den nye slutten med --end (eller end=… i \
             implan set), eller fjern den med end=",
        nn: "'{id}' har end = {end}, som ikkje blir flytt av seg sjølv: gi den nye slutten med --end (eller end=… i \
             implan set), eller fjern han med end=",
        en: "'{id}' has end = {end}, which does not move by itself: give the new end with --end (or end=… with \
             implan set), or remove it with end=",
    )
}

/// What a done date goes with when no status was given.
pub fn no_status() -> Text {
    text!(nb: "ingen status", nn: "ingen status", en: "no status")
}

/// A done date with another status; `status` is that status's word in each language.
pub fn date_needs_done(status: &Text) -> Text {
    let [nb, nn, en] = parts(status);
    text!(
        nb: "en dato i done hører til status gjennomført, ikke '{nb}'",
        nn: "ein dato i done høyrer til status gjennomført, ikkje '{nn}'",
        en: "a done date goes with status done, not with '{en}'",
    )
}

pub fn not_a_toml_date(date: &str) -> Text {
    text!(
        nb: "{date} kan ikke skrives som en TOML-dato",
        nn: "{date} kan ikkje skrivast som ein TOML-dato",
        en: "{date} cannot be written as a TOML date",
    )
}

pub fn unknown_status(status: &str) -> Text {
    text!(
        nb: "ukjent status '{status}': skriv planlagt, pågår, gjennomført, avlyst eller utsatt (eller planned, \
             in-progress, done, cancelled, postponed)",
        nn: "ukjend status '{status}': skriv planlagd, pågår, gjennomført, avlyst eller utsett (eller planned, \
             in-progress, done, cancelled, postponed)",
        en: "unknown status '{status}': write planned, in-progress, done, cancelled or postponed (or planlagt, \
             pågår, gjennomført, avlyst, utsatt)",
    )
}

pub fn not_one_day(date: &str) -> Text {
    text!(
        nb: "'{date}' er ikke én dag: skriv en dato som 2026-11-23",
        nn: "'{date}' er ikkje éin dag: skriv ein dato som 2026-11-23",
        en: "'{date}' is not one day: write a date such as 2026-11-23",
    )
}

/// `why` is the date parser's message.
pub fn cannot_read_date(date: &str, why: &Text) -> Text {
    let [nb, nn, en] = parts(why);
    text!(
        nb: "kan ikke lese datoen '{date}': {nb}",
        nn: "kan ikkje lese datoen '{date}': {nn}",
        en: "cannot read the date '{date}': {en}",
    )
}

// The confirmation: "marked 'oppstartsmote' done on 2026-11-23 (was planned) (plans/beiarn-omni.toml:181)".

/// The state an activity is put in: done on a day.
pub fn done_on(date: &str) -> Text {
    text!(nb: "gjennomført {date}", nn: "gjennomført {date}", en: "done on {date}")
}

/// " (was planned)"; `status` is the status's word in each language.
pub fn was(status: &Text) -> Text {
    let [nb, nn, en] = parts(status);
    text!(nb: " (var {nb})", nn: " (var {nn})", en: " (was {en})")
}

/// " (was done on 2026-03-12)".
pub fn was_done_on(date: &str) -> Text {
    text!(nb: " (var gjennomført {date})", nn: " (var gjennomført {date})", en: " (was done on {date})")
}

pub fn removed_done(date: &str) -> Text {
    text!(nb: "; fjernet done = {date}", nn: "; fjerna done = {date}", en: "; removed done = {date}")
}

pub fn date_kept() -> Text {
    text!(
        nb: "; datoen beholdes (--date gir en annen)",
        nn: "; datoen blir ståande (--date gir ein annan)",
        en: "; its date is kept (--date gives another)",
    )
}

/// What `--force` let through, as a part of the confirmation.
pub fn forced(what: &Text) -> Text {
    let [nb, nn, en] = parts(what);
    text!(nb: "; {nb}", nn: "; {nn}", en: "; {en}")
}

/// `who` is `'id'`, or `'id' («title»)` when it was asked for by its title; `state` is [`done_on`] or a
/// status's word; `details` the parts above, joined; `at` is `(path:line)`.
pub fn marked(who: &str, state: &Text, details: &Text, at: &str) -> Text {
    let [state_nb, state_nn, state_en] = parts(state);
    let [nb, nn, en] = parts(details);
    text!(
        nb: "satte status for {who} til {state_nb}{nb} {at}",
        nn: "sette status for {who} til {state_nn}{nn} {at}",
        en: "marked {who} {state_en}{en} {at}",
    )
}

/// Nothing to change; `kept` is [`date_kept`] or nothing.
pub fn already(who: &str, state: &Text, at: &str, kept: &Text) -> Text {
    let [state_nb, state_nn, state_en] = parts(state);
    let [nb, nn, en] = parts(kept);
    text!(
        nb: "{who} har allerede status {state_nb} {at}{nb}; ingenting er endret",
        nn: "{who} har allereie status {state_nn} {at}{nn}; ingenting er endra",
        en: "{who} is already {state_en} {at}{en}; nothing changed",
    )
}

/// Keys changed without a status: `changes` is the list of them.
pub fn changed(who: &str, changes: &Text, at: &str) -> Text {
    let [nb, nn, en] = parts(changes);
    text!(nb: "endret {who}: {nb} {at}", nn: "endra {who}: {nn} {at}", en: "changed {who}: {en} {at}")
}

pub fn unchanged(who: &str, at: &str) -> Text {
    text!(
        nb: "{who} har allerede disse verdiene {at}; ingenting er endret",
        nn: "{who} har allereie desse verdiane {at}; ingenting er endra",
        en: "{who} already has these values {at}; nothing changed",
    )
}

/// `value` is TOML, escaped.
pub fn added_key(key: &str, value: &str) -> Text {
    text!(nb: "la til {key} = {value}", nn: "la til {key} = {value}", en: "added {key} = {value}")
}

pub fn removed_key(key: &str, value: &str) -> Text {
    text!(nb: "fjernet {key} = {value}", nn: "fjerna {key} = {value}", en: "removed {key} = {value}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn a_suggestion_is_said_only_when_there_is_one() {
        assert_eq!(not_found("topp", Some("top")).en(), "no activity has the id or title 'topp'; did you mean 'top'?");
        assert_eq!(not_found("x", None).get(Lang::Nn), "ingen aktivitet har id-en eller tittelen 'x'");
        assert_eq!(
            cannot_set("staus", Some("status")).en(),
            "cannot set 'staus': did you mean 'status'? implan set changes status, done, when, end, duration, owner, \
             title, notes, reason and postponed-from"
        );
        assert_eq!(
            cannot_set("x", None).get(Lang::Nb),
            "kan ikke sette 'x': implan set endrer status, done, when, end, duration, owner, title, notes, reason og \
             postponed-from"
        );
    }
}
