//! What writing a file says when it cannot, or when `--force` let something through (see `crate::write`).

use crate::lang::Text;
use crate::messages::commands::parts;
use crate::text;

/// An I/O error past the file-size limit (`ulimit -f`); `error` is the system's own words.
pub fn size_limit(error: &str) -> Text {
    text!(
        nb: "filen ville bli større enn grensen for filstørrelse (ulimit -f) ({error})",
        nn: "fila ville bli større enn grensa for filstorleik (ulimit -f) ({error})",
        en: "the file would exceed the size limit for files (ulimit -f) ({error})",
    )
}

pub fn exists(path: &str) -> Text {
    text!(nb: "{path} finnes allerede", nn: "{path} finst allereie", en: "{path} already exists")
}

pub fn changed() -> Text {
    text!(
        nb: "filen ble endret på disken mens implan arbeidet med den",
        nn: "fila vart endra på disken medan implan arbeidde med ho",
        en: "the file changed on disk while implan was working on it",
    )
}

pub fn read_only(path: &str) -> Text {
    text!(nb: "{path} er skrivebeskyttet", nn: "{path} er skriveverna", en: "{path} is read-only")
}

/// A file with `links` hard links (2 or more), which a replacement would split.
pub fn hard_links(path: &str, links: u64) -> Text {
    let others = links.saturating_sub(1);
    if others == 1 {
        text!(
            nb: "{path} har {links} harde lenker; blir filen erstattet, vil den andre lenken fortsatt ha den \
                 gamle teksten",
            nn: "{path} har {links} harde lenkjer; blir fila erstatta, vil den andre lenkja framleis ha den \
                 gamle teksten",
            en: "{path} has {links} hard links; replacing it would leave the other link holding the old text",
        )
    } else {
        text!(
            nb: "{path} har {links} harde lenker; blir filen erstattet, vil de {others} andre lenkene fortsatt \
                 ha den gamle teksten",
            nn: "{path} har {links} harde lenkjer; blir fila erstatta, vil dei {others} andre lenkjene \
                 framleis ha den gamle teksten",
            en: "{path} has {links} hard links; replacing it would leave the other {others} links holding the \
                 old text",
        )
    }
}

/// A file whose owner or group a replacement cannot keep; `error` is the system's words.
pub fn owner(path: &str, error: &str) -> Text {
    text!(
        nb: "{path} tilhører en annen bruker eller gruppe, som implan ikke kan beholde ({error})",
        nn: "{path} høyrer til ein annan brukar eller ei anna gruppe, som implan ikkje kan halde på ({error})",
        en: "{path} belongs to another user or group, which implan cannot keep ({error})",
    )
}

/// What failed, and where: one message for each step of a write. `reason` is the system's words.
pub fn cannot_follow_link(path: &str, reason: &Text) -> Text {
    let [nb, nn, en] = parts(reason);
    text!(
        nb: "kan ikke følge lenken {path}: {nb}",
        nn: "kan ikkje følgje lenkja {path}: {nn}",
        en: "cannot follow the link {path}: {en}",
    )
}

pub fn cannot_read_state(path: &str, reason: &Text) -> Text {
    let [nb, nn, en] = parts(reason);
    text!(
        nb: "kan ikke lese tilstanden til {path}: {nb}",
        nn: "kan ikkje lese tilstanden til {path}: {nn}",
        en: "cannot read the state of {path}: {en}",
    )
}

pub fn cannot_create_temporary(path: &str, reason: &Text) -> Text {
    let [nb, nn, en] = parts(reason);
    text!(
        nb: "kan ikke lage en midlertidig fil i {path}: {nb}",
        nn: "kan ikkje lage ei mellombels fil i {path}: {nn}",
        en: "cannot create a temporary file in {path}: {en}",
    )
}

pub fn cannot_replace(path: &str, reason: &Text) -> Text {
    let [nb, nn, en] = parts(reason);
    text!(nb: "kan ikke erstatte {path}: {nb}", nn: "kan ikkje erstatte {path}: {nn}", en: "cannot replace {path}: {en}")
}

pub fn cannot_write(path: &str, reason: &Text) -> Text {
    let [nb, nn, en] = parts(reason);
    text!(nb: "kan ikke skrive til {path}: {nb}", nn: "kan ikkje skrive til {path}: {nn}", en: "cannot write {path}: {en}")
}

pub fn cannot_set_permissions(path: &str, reason: &Text) -> Text {
    let [nb, nn, en] = parts(reason);
    text!(
        nb: "kan ikke sette tillatelsene til {path}: {nb}",
        nn: "kan ikkje setje løyva til {path}: {nn}",
        en: "cannot set the permissions of {path}: {en}",
    )
}

pub fn cannot_open(path: &str, reason: &Text) -> Text {
    let [nb, nn, en] = parts(reason);
    text!(nb: "kan ikke åpne {path}: {nb}", nn: "kan ikkje opne {path}: {nn}", en: "cannot open {path}: {en}")
}

pub fn cannot_read(path: &str, reason: &Text) -> Text {
    let [nb, nn, en] = parts(reason);
    text!(nb: "kan ikke lese {path}: {nb}", nn: "kan ikkje lese {path}: {nn}", en: "cannot read {path}: {en}")
}

/// The reason a folder cannot be written as a file.
pub fn is_a_directory() -> Text {
    text!(nb: "det er en mappe", nn: "det er ei mappe", en: "it is a directory")
}

/// What `--force` let through, after the confirmation of an edit.
pub fn stayed_read_only() -> Text {
    text!(
        nb: "den var skrivebeskyttet og er det fortsatt",
        nn: "ho var skriveverna og er det framleis",
        en: "it was read-only and stays so",
    )
}

/// The other hard links (`others` of them) that a forced replacement left behind.
pub fn links_split(others: u64) -> Text {
    if others == 1 {
        text!(
            nb: "den andre harde lenken har fortsatt den gamle teksten",
            nn: "den andre harde lenkja har framleis den gamle teksten",
            en: "its other hard link still hold the old text",
        )
    } else {
        text!(
            nb: "de {others} andre harde lenkene har fortsatt den gamle teksten",
            nn: "dei {others} andre harde lenkjene har framleis den gamle teksten",
            en: "its other {others} hard links still hold the old text",
        )
    }
}

pub fn owner_now_yours() -> Text {
    text!(nb: "eier og gruppe er nå dine", nn: "eigar og gruppe er no dine", en: "its owner or group is now yours")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_other_link_is_said_apart_from_many() {
        assert_eq!(
            hard_links("p", 2).en(),
            "p has 2 hard links; replacing it would leave the other link holding the old text"
        );
        assert!(hard_links("p", 3).en().contains("the other 2 links holding"));
        assert_eq!(links_split(1).en(), "its other hard link still hold the old text");
        assert_eq!(links_split(2).en(), "its other 2 hard links still hold the old text");
    }
}
