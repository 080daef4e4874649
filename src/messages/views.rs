//! The views' own words that are not the plan's (those are in [`crate::i18n`]): column headings and labels
//! added since.

use crate::lang::Text;
use crate::text;

/// The heading of a Markdown schedule's column of activity ids, what `implan done` takes.
pub fn id_heading() -> Text {
    text!(nb: "Id", nn: "Id", en: "Id")
}

/// "utsatt fra mars 2027": a postponed activity's status with the date it had; `status` is the status word in
/// the view's language, `from` that date in it.
pub fn postponed_from(status: &str, from: &str) -> Text {
    text!(nb: "{status} fra {from}", nn: "{status} frå {from}", en: "{status} from {from}")
}
