//! `missing-schema`: a plan whose project holds `implan.schema.json` but that does not name it in a `#:schema`
//! line, so that Even Better TOML / taplo cannot complete its keys or check it while it is written.

use super::{Ctx, Rule, rule_doc};
use crate::diag::{Applicability, Finding, Fix, RuleId, Severity, Span};
use crate::messages::rules::missing_schema as m;

pub const RULE: Rule = Rule {
    id: RuleId::MissingSchema,
    severity: Severity::Warning,
    summary: m::SUMMARY,
    doc: rule_doc!("missing-schema"),
    check: Some(check),
};

/// Fires only where `implan check` found the project's schema beside or above the plan
/// ([`crate::config::find_schema_file`]): a line naming a file that does not exist would be no help. The fix
/// writes the line first in the file, and is safe: a comment changes nothing the plan says.
fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let Some(schema) = &ctx.options.schema else { return };
    let text = &ctx.source.text;
    if names_a_schema(text) {
        return;
    }
    let first = text.find('\n').unwrap_or(text.len());
    let newline = if text[..first].ends_with('\r') { "\r\n" } else { "\n" };
    let line = format!("#:schema {schema}");
    // The place is the start of the file, where the line belongs, not the whole first line.
    out.push(
        RULE.finding(Span::new(0, 0), m::no_schema_line())
            .label(m::editors_cannot_help())
            .help(m::add_the_line(&line))
            .fix(Fix::replace(Applicability::Safe, Span::new(0, 0), format!("{line}{newline}"), m::add_line(&line))),
    );
}

/// Whether the comments the file starts with hold a `#:schema` line, as taplo reads it; reading stops at the
/// first line that is not a comment or blank.
fn names_a_schema(text: &str) -> bool {
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with("#:schema") {
            return true;
        }
        if !(line.is_empty() || line.starts_with('#')) {
            return false;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_schema_line_counts_among_the_first_comments_only() {
        assert!(names_a_schema("#:schema ../implan.schema.json\n[plan]\n"));
        assert!(names_a_schema("# Plan\n\n  #:schema implan.schema.json\n[plan]\n"));
        assert!(!names_a_schema("[plan]\n#:schema implan.schema.json\n"));
        assert!(!names_a_schema("# Plan\n# schema: none\n"));
        assert!(!names_a_schema(""));
    }
}
