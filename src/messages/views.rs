//! The views' own words that are not the plan's (those are in [`crate::i18n`]): column headings and labels
//! added since.

use crate::lang::Text;
use crate::text;

/// The heading of a Markdown schedule's column of activity ids, what `implan done` takes.
pub fn id_heading() -> Text {
    text!(nb: "Id", nn: "Id", en: "Id")
}
