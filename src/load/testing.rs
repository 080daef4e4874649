//! What the loader's tests share: the head of a plan, and what loading a text gives.

use crate::model::Plan;
use crate::source::Source;

pub(super) const HEAD: &str = "[plan]\ntitle = \"T\"\nstart = \"vår 2026\"\nend = \"høst 2026\"\n";

pub(super) fn errors(text: &str) -> Vec<(usize, String, Option<String>)> {
    let src = Source::new("t.toml", text);
    match super::load(&src) {
        Ok(_) => Vec::new(),
        Err(f) => f
            .into_iter()
            .map(|f| {
                (
                    src.line_col(f.span.unwrap_or_default().start).line,
                    f.message.en().to_owned(),
                    f.help.as_ref().map(|t| t.en().to_owned()),
                )
            })
            .collect(),
    }
}

pub(super) fn loads(text: &str) -> Plan {
    super::load(&Source::new("t.toml", text)).unwrap_or_else(|e| panic!("{e:#?}"))
}
