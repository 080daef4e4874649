//! What `implan init` says when it cannot make or write a plan.

use crate::lang::Text;
use crate::messages::commands::parts;
use crate::messages::common::did_you_mean;
use crate::text;

/// `names` lists the templates ("omni, mot, smart"); `nearest` is the closest, when one is close.
pub fn unknown_template(name: &str, nearest: Option<&str>, names: &str) -> Text {
    let hint = match nearest {
        Some(s) => did_you_mean(s).map(|_, s| format!("; {s}")),
        None => Text::verbatim(""),
    };
    let [nb, nn, en] = parts(&hint);
    text!(
        nb: "ukjent mal '{name}'{nb} (maler: {names})",
        nn: "ukjend mal '{name}'{nn} (malar: {names})",
        en: "unknown template '{name}'{en} (templates: {names})",
    )
}

pub fn exists(path: &str) -> Text {
    text!(
        nb: "{path} finnes allerede og blir ikke endret (--force skriver over filen)",
        nn: "{path} finst allereie og blir ikkje endra (--force skriv over fila)",
        en: "{path} already exists; it is left as it is (--force overwrites it)",
    )
}

pub fn start_year_out_of_range(year: i32, first: i32, last: i32) -> Text {
    text!(
        nb: "startåret {year} går ikke: en plan starter mellom {first} og {last}",
        nn: "startåret {year} går ikkje: ein plan startar mellom {first} og {last}",
        en: "the start year {year} is out of range: a plan starts between {first} and {last}",
    )
}

/// A broken template (a bug in implan, caught by its tests).
pub fn unclosed_placeholder(template: &str) -> Text {
    text!(
        nb: "malen '{template}': en '{{{{' blir aldri lukket",
        nn: "malen '{template}': ein '{{{{' blir aldri lukka",
        en: "template '{template}': a '{{{{' is never closed",
    )
}

/// `placeholder` without its braces.
pub fn unknown_placeholder(template: &str, placeholder: &str) -> Text {
    text!(
        nb: "malen '{template}': ukjent plassholder '{{{{{placeholder}}}}}'",
        nn: "malen '{template}': ukjend plasshaldar '{{{{{placeholder}}}}}'",
        en: "template '{template}': unknown placeholder '{{{{{placeholder}}}}}'",
    )
}

/// `--start` that is no date; `why` is the date parser's message.
pub fn not_a_start(start: &str, why: &Text) -> Text {
    let [nb, nn, en] = parts(why);
    text!(
        nb: "'{start}' er ikke en startmåned: {nb}; skriv en måned som 2026-08 eller \"august 2026\"",
        nn: "'{start}' er ikkje ein startmånad: {nn}; skriv ein månad som 2026-08 eller \"august 2026\"",
        en: "'{start}' is not a start month: {en}; write a month such as 2026-08 or \"august 2026\"",
    )
}

pub fn is_a_directory(path: &str) -> Text {
    text!(
        nb: "{path} er en mappe; oppgi en fil som planen skal skrives til",
        nn: "{path} er ei mappe; oppgi ei fil som planen skal skrivast til",
        en: "{path} is a directory; name a file to write the plan to",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn a_template_is_suggested_when_one_is_close() {
        assert_eq!(
            unknown_template("omnni", Some("omni"), "omni, mot").en(),
            "unknown template 'omnni'; did you mean 'omni'? (templates: omni, mot)"
        );
        assert_eq!(unknown_template("x", None, "omni").get(Lang::Nn), "ukjend mal 'x' (malar: omni)");
        assert_eq!(unknown_placeholder("t", "Q+1").en(), "template 't': unknown placeholder '{{Q+1}}'");
        assert_eq!(unclosed_placeholder("t").en(), "template 't': a '{{' is never closed");
    }
}
