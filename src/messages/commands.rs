//! What the commands say besides findings and views: usage errors, warnings and confirmations, the filters'
//! errors, and what `check` says of paths it cannot read.

use crate::lang::{Lang, Text};
use crate::messages::common::did_you_mean;
use crate::text;

/// A text's Bokmål, Nynorsk and English, to put into another text: `let [nb, nn, en] = parts(&t);`.
pub(crate) fn parts(t: &Text) -> [&str; 3] {
    [t.get(Lang::Nb), t.get(Lang::Nn), t.get(Lang::En)]
}

/// "--today: {message}": a flag's value that cannot be used.
pub fn flag_problem(flag: &str, message: &Text) -> Text {
    let [nb, nn, en] = parts(message);
    text!(nb: "{flag}: {nb}", nn: "{flag}: {nn}", en: "{flag}: {en}")
}

/// "--from: {message}; {help}".
pub fn flag_problem_with_help(flag: &str, message: &Text, help: &Text) -> Text {
    let [nb, nn, en] = parts(message);
    let [help_nb, help_nn, help_en] = parts(help);
    text!(nb: "{flag}: {nb}; {help_nb}", nn: "{flag}: {nn}; {help_nn}", en: "{flag}: {en}; {help_en}")
}

pub fn cannot_write_stdout(reason: &Text) -> Text {
    let [nb, nn, en] = parts(reason);
    text!(
        nb: "kan ikke skrive til standard utdata: {nb}",
        nn: "kan ikkje skrive til standard utdata: {nn}",
        en: "cannot write to standard output: {en}",
    )
}

/// After an export written with `-o`.
pub fn wrote(path: &str) -> Text {
    text!(nb: "skrev {path}", nn: "skreiv {path}", en: "wrote {path}")
}

/// `-o` left out for a picture that is not text.
pub fn picture_needs_file(format: &str) -> Text {
    let extension = format.to_lowercase();
    text!(
        nb: "{format} skrives til en fil: legg til -o FIL.{extension}",
        nn: "{format} vert skriven til ei fil: legg til -o FIL.{extension}",
        en: "{format} is written to a file: add -o FILE.{extension}",
    )
}

/// `gantt --paper` for an SVG or a PNG, which have no pages.
pub fn paper_needs_pdf() -> Text {
    text!(
        nb: "--paper gjelder bare PDF: skriv til -o FIL.pdf, eller ta bort --paper",
        nn: "--paper gjeld berre PDF: skriv til -o FIL.pdf, eller ta bort --paper",
        en: "--paper applies to a PDF only: write to -o FILE.pdf, or leave out --paper",
    )
}

/// `--dpi` (or `--width`) asking for more pixels than a PNG may have.
pub fn too_many_pixels(width: u32, height: u32, most: u64) -> Text {
    text!(
        nb: "{width} × {height} piksler er flere enn et bilde kan ha ({most}): velg lavere --dpi",
        nn: "{width} × {height} pikslar er fleire enn eit bilete kan ha ({most}): vel lågare --dpi",
        en: "{width} × {height} pixels is more than a picture may have ({most}): choose a lower --dpi",
    )
}

/// A picture that the PNG or PDF writer refused: never the plan's fault.
pub fn picture_not_made(format: &str, detail: &str) -> Text {
    text!(
        nb: "kunne ikke lage {format} (en feil i implan, meld den gjerne): {detail}",
        nn: "kunne ikkje lage {format} (ein feil i implan, meld han gjerne): {detail}",
        en: "could not make the {format} (a bug in implan, please report it): {detail}",
    )
}

/// "cannot read 'plan.toml': {reason}".
pub fn cannot_read(path: &str, reason: &Text) -> Text {
    let [nb, nn, en] = parts(reason);
    text!(nb: "kan ikke lese '{path}': {nb}", nn: "kan ikkje lese '{path}': {nn}", en: "cannot read '{path}': {en}")
}

/// A view run with no plan named, and none to be found.
/// "3 funn i 1 fil", "1 fix in 2 files": the counts of the fix messages, in each language.
fn fixes_in_files(fixes: usize, files: usize) -> [String; 3] {
    let n = |count: usize, one: &str, many: &str| format!("{count} {}", if count == 1 { one } else { many });
    [
        format!("{} i {}", n(fixes, "funn", "funn"), n(files, "fil", "filer")),
        format!("{} i {}", n(fixes, "funn", "funn"), n(files, "fil", "filer")),
        format!("{} in {}", n(fixes, "fix", "fixes"), n(files, "file", "files")),
    ]
}

/// `--diff`'s last word: how many fixes `--fix` would make, in how many files.
pub fn fixes_to_make(fixes: usize, files: usize) -> Text {
    let [nb, nn, en] = fixes_in_files(fixes, files);
    match fixes {
        0 => text!(nb: "ingenting å rette", nn: "ingenting å rette", en: "nothing to fix"),
        _ => text!(nb: "--fix ville rette {nb}", nn: "--fix ville rette {nn}", en: "--fix would make {en}"),
    }
}

pub fn fixes_made(fixes: usize, files: usize) -> Text {
    let [nb, nn, en] = fixes_in_files(fixes, files);
    text!(
        nb: "rettet {nb}; det som står igjen, følger",
        nn: "retta {nn}; det som står att, følgjer",
        en: "made {en}; what is left follows",
    )
}

pub fn fix_stdin() -> Text {
    text!(
        nb: "--fix kan ikke skrive til standard inn; bruk --diff for å se rettelsene",
        nn: "--fix kan ikkje skrive til standard inn; bruk --diff for å sjå rettingane",
        en: "--fix cannot write to standard input; use --diff to see the fixes",
    )
}

/// The file on disk is no longer what was checked.
pub fn changed_while_fixing(path: &str) -> Text {
    text!(
        nb: "{path} ble endret mens den ble kontrollert; ingenting er skrevet, kjør implan check --fix igjen",
        nn: "{path} vart endra medan han vart kontrollert; ingenting er skrive, køyr implan check --fix igjen",
        en: "{path} changed while it was checked; nothing was written, run implan check --fix again",
    )
}

/// `implan set` without an activity or without anything to set.
pub fn set_words() -> Text {
    text!(
        nb: "skriv implan set [PLAN] AKTIVITET KEY=VALUE …, for eksempel implan set oppstartsmote when=\"april 2027\"",
        nn: "skriv implan set [PLAN] AKTIVITET KEY=VALUE …, til dømes implan set oppstartsmote when=\"april 2027\"",
        en: "write implan set [PLAN] ACTIVITY KEY=VALUE …, such as implan set oppstartsmote when=\"April 2027\"",
    )
}

/// `implan add`'s confirmation; `at` is `(path:line)`.
pub fn added(id: &str, phase: &str, at: &str) -> Text {
    text!(
        nb: "la til '{id}' i fasen '{phase}' {at}",
        nn: "la til '{id}' i fasen '{phase}' {at}",
        en: "added '{id}' to phase '{phase}' {at}",
    )
}

/// After an edit: the findings it brought, shown below.
pub fn edit_caused(n: usize) -> Text {
    match n {
        1 => text!(
            nb: "endringen gir ett nytt funn i planen:",
            nn: "endringa gir eitt nytt funn i planen:",
            en: "the change brings one new finding in the plan:",
        ),
        _ => text!(
            nb: "endringen gir {n} nye funn i planen:",
            nn: "endringa gir {n} nye funn i planen:",
            en: "the change brings {n} new findings in the plan:",
        ),
    }
}

pub fn no_plan_given() -> Text {
    text!(
        nb: "ingen plan er oppgitt, og det finnes verken implan.toml her eller en plan under plans/; oppgi \
             planfilen, for eksempel: implan status plans/min-plan.toml",
        nn: "ingen plan er oppgitt, og det finst verken implan.toml her eller ein plan under plans/; oppgi \
             planfila, til dømes: implan status plans/min-plan.toml",
        en: "no plan given, and there is no implan.toml here and no plan under plans/; name the plan file, for \
             example: implan status plans/min-plan.toml",
    )
}

/// A view run with no plan named, and more than one under `plans/`: `list` has one indented path a line.
pub fn which_plan(count: usize, list: &str) -> Text {
    text!(
        nb: "ingen plan er oppgitt, og plans/ har {count} planer; oppgi én av dem:\n{list}",
        nn: "ingen plan er oppgitt, og plans/ har {count} planar; oppgi ein av dei:\n{list}",
        en: "no plan given, and plans/ holds {count} plans; name one of them:\n{list}",
    )
}

pub fn no_plan_files() -> Text {
    text!(
        nb: "fant ingen planfiler (*.toml) under stiene som er oppgitt",
        nn: "fann ingen planfiler (*.toml) under stiane som er oppgitt",
        en: "no plan files (*.toml) found under the given paths",
    )
}

/// `implan check` with no path, in a folder without plans.
pub fn no_plan_files_here() -> Text {
    text!(
        nb: "fant ingen planfiler (*.toml) i denne mappen eller under den; oppgi en fil eller en mappe, for \
             eksempel: implan check plans",
        nn: "fann ingen planfiler (*.toml) i denne mappa eller under ho; oppgi ei fil eller ei mappe, til \
             dømes: implan check plans",
        en: "no plan files (*.toml) found in this folder or below it; name a file or a folder, for example: \
             implan check plans",
    )
}

/// `implan check - -`.
pub fn stdin_twice() -> Text {
    text!(
        nb: "standard inndata (-) kan bare leses én gang; oppgi - bare én gang",
        nn: "standard inndata (-) kan berre lesast éin gong; oppgi - berre éin gong",
        en: "standard input (-) can be read only once; name - once",
    )
}

/// `--stdin-filename` with paths, none of them `-`.
pub fn stdin_filename_without_stdin() -> Text {
    text!(
        nb: "--stdin-filename gir navnet til standard inndata, men - er ikke blant stiene; legg til -",
        nn: "--stdin-filename gjev namnet til standard inndata, men - er ikkje mellom stiane; legg til -",
        en: "--stdin-filename names standard input, but - is not among the paths; add -",
    )
}

/// "wrote 18 manual pages to man/".
pub fn wrote_pages(count: usize, dir: &str) -> Text {
    text!(
        nb: "skrev {count} manualsider i {dir}",
        nn: "skreiv {count} manualsider i {dir}",
        en: "wrote {count} manual pages to {dir}",
    )
}

/// A folder for the manual pages that cannot be made.
pub fn cannot_make_folder(dir: &str, reason: &Text) -> Text {
    let [nb, nn, en] = parts(reason);
    text!(
        nb: "kan ikke lage mappen '{dir}': {nb}",
        nn: "kan ikkje lage mappa '{dir}': {nn}",
        en: "cannot make the folder '{dir}': {en}",
    )
}

pub fn statistics_format() -> Text {
    text!(
        nb: "--statistics kan bare brukes med --format human, concise eller json",
        nn: "--statistics kan berre brukast med --format human, concise eller json",
        en: "--statistics goes with --format human, concise or json",
    )
}

/// A file name that is not UTF-8, in JSON.
pub fn name_not_utf8_replaced(name: &str) -> Text {
    text!(
        nb: "filnavnet {name} er ikke UTF-8; dette formatet kan bare vise det med U+FFFD i stedet for de \
             avvikende bytene (SARIF beholder dem)",
        nn: "filnamnet {name} er ikkje UTF-8; dette formatet kan berre vise det med U+FFFD i staden for dei \
             avvikande bytane (SARIF tek vare på dei)",
        en: "the file name {name} is not UTF-8; this format can only show it with U+FFFD in place of its odd \
             bytes (SARIF keeps them)",
    )
}

/// A file name that is not UTF-8, in JUnit and GitHub's format.
pub fn name_not_utf8_escaped(name: &str) -> Text {
    text!(
        nb: "filnavnet {name} er ikke UTF-8; dette formatet kan bare vise det med \\xNN-koder for de \
             avvikende bytene (SARIF beholder dem)",
        nn: "filnamnet {name} er ikkje UTF-8; dette formatet kan berre vise det med \\xNN-kodar for dei \
             avvikande bytane (SARIF tek vare på dei)",
        en: "the file name {name} is not UTF-8; this format can only show it with \\xNN escapes for its odd \
             bytes (SARIF keeps them)",
    )
}

/// An id that names no rule (`implan explain`, `--select`), with the nearest id when one is close.
pub fn unknown_rule(id: &str, nearest: Option<&str>) -> Text {
    let unknown = text!(nb: "ukjent regel '{id}'", nn: "ukjend regel '{id}'", en: "unknown rule '{id}'");
    let hint = match nearest {
        Some(s) => did_you_mean(s),
        None => text!(
            nb: "`implan rules` viser alle",
            nn: "`implan rules` viser alle",
            en: "`implan rules` lists them",
        ),
    };
    unknown.join("; ", &hint)
}

/// After `implan init`.
pub fn wrote_plan(path: &str) -> Text {
    text!(
        nb: "skrev {path}; kontroller planen med: implan check {path}",
        nn: "skreiv {path}; kontroller planen med: implan check {path}",
        en: "wrote {path}; check it with: implan check {path}",
    )
}

pub fn cannot_render_manual(reason: &str) -> Text {
    text!(
        nb: "kan ikke lage manualsiden: {reason}",
        nn: "kan ikkje lage manualsida: {reason}",
        en: "cannot render the manual: {reason}",
    )
}

/// `--status` with a word that is no status; `hint` is [`did_you_mean`] or [`statuses_are`].
pub fn unknown_status_flag(status: &str, hint: &Text) -> Text {
    let [nb, nn, en] = parts(hint);
    text!(
        nb: "--status: ukjent status '{status}'; {nb}",
        nn: "--status: ukjend status '{status}'; {nn}",
        en: "--status: unknown status '{status}'; {en}",
    )
}

/// The words `--status` takes, listed.
pub fn statuses_are(list: &Text) -> Text {
    let [nb, nn, en] = parts(list);
    text!(nb: "bruk {nb}", nn: "bruk {nn}", en: "use {en}")
}

/// `--to` before `--from`; the dates as the English writes them.
pub fn empty_span(to: &str, from: &str) -> Text {
    text!(
        nb: "--to ({to}) er før --from ({from}): tidsrommet er tomt; bytt dem om",
        nn: "--to ({to}) er før --from ({from}): tidsrommet er tomt; byt dei om",
        en: "--to ({to}) is before --from ({from}): the span is empty; swap them",
    )
}

/// `--delimiter` with more or less than one character.
pub fn delimiter_one_character() -> Text {
    text!(
        nb: "oppgi ett tegn, for eksempel ';'",
        nn: "oppgi eitt teikn, til dømes ';'",
        en: "give one character, such as ';'",
    )
}

/// `--delimiter` with a character that quoting cannot keep apart from a field's text.
pub fn delimiter_refused(delimiter: &str, why: &Text) -> Text {
    let [nb, nn, en] = parts(why);
    text!(
        nb: "'{delimiter}' kan ikke skille felt i CSV: {nb}",
        nn: "'{delimiter}' kan ikkje skilje felt i CSV: {nn}",
        en: "'{delimiter}' cannot separate CSV fields: {en}",
    )
}

/// A filter's role that the plan does not have; `hint` is [`did_you_mean`] or [`roles_are`].
pub fn no_role(name: &str, hint: &Text) -> Text {
    let [nb, nn, en] = parts(hint);
    text!(
        nb: "planen har ingen rolle '{name}'; {nb}",
        nn: "planen har inga rolle '{name}'; {nn}",
        en: "the plan has no role '{name}'; {en}",
    )
}

/// `list` is [`crate::messages::common::quoted_list`].
pub fn roles_are(list: &Text) -> Text {
    let [nb, nn, en] = parts(list);
    text!(nb: "rollene i planen er {nb}", nn: "rollene i planen er {nn}", en: "the plan's roles are {en}")
}

/// A filter's phase that the plan does not have; `hint` is [`did_you_mean`], [`phases_are`] or [`no_phases`].
pub fn no_phase(name: &str, hint: &Text) -> Text {
    let [nb, nn, en] = parts(hint);
    text!(
        nb: "planen har ingen fase '{name}'; {nb}",
        nn: "planen har ingen fase '{name}'; {nn}",
        en: "the plan has no phase '{name}'; {en}",
    )
}

pub fn phases_are(list: &Text) -> Text {
    let [nb, nn, en] = parts(list);
    text!(nb: "fasene i planen er {nb}", nn: "fasane i planen er {nn}", en: "the plan's phases are {en}")
}

pub fn no_phases() -> Text {
    text!(nb: "planen har ingen faser", nn: "planen har ingen fasar", en: "the plan has no phases")
}

/// An entry of a searched folder that could not be looked at.
pub fn skipped(path: &str, reason: &Text) -> Text {
    let [nb, nn, en] = parts(reason);
    text!(nb: "hoppet over {path}: {nb}", nn: "hoppa over {path}: {nn}", en: "skipped {path}: {en}")
}

/// [`skipped`] when the entry's path is not known.
pub fn skipped_entry(reason: &Text) -> Text {
    let [nb, nn, en] = parts(reason);
    text!(
        nb: "hoppet over en oppføring: {nb}",
        nn: "hoppa over ei oppføring: {nn}",
        en: "skipped an entry: {en}",
    )
}

pub fn link_loop(ancestor: &str) -> Text {
    text!(
        nb: "en symbolsk lenke tilbake til {ancestor}, som den ligger i (en løkke)",
        nn: "ei symbolsk lenkje tilbake til {ancestor}, som ho ligg i (ei løkke)",
        en: "a symbolic link back to {ancestor}, which holds it (a loop)",
    )
}

pub fn dangling_link() -> Text {
    text!(
        nb: "en symbolsk lenke til noe som ikke finnes",
        nn: "ei symbolsk lenkje til noko som ikkje finst",
        en: "a symbolic link to something that does not exist",
    )
}

/// An `implan.toml` whose `[lint]` is wrong; its findings say why.
pub fn not_a_valid_config(path: &str) -> Text {
    text!(
        nb: "{path} er ikke en gyldig implan-konfigurasjon",
        nn: "{path} er ikkje ein gyldig implan-konfigurasjon",
        en: "{path} is not a valid implan configuration",
    )
}
