//! Findings: what a rule (or the loader) says about a place in a plan file.

pub use crate::lang::Text;
pub use crate::rule_id::RuleId;
use std::ops::Range;

/// A byte range in a plan file's text. `Copy`, unlike `Range<usize>`, so that a span is passed on by value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The range to index the text with.
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }
}

impl From<Range<usize>> for Span {
    fn from(range: Range<usize>) -> Span {
        Span { start: range.start, end: range.end }
    }
}

/// A value and where it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

impl<T> Spanned<T> {
    pub fn new(value: T, span: Span) -> Self {
        Spanned { value, span }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// Puts findings in file order. Stable, so that findings of one rule at one place keep the order the rule
/// gave them (chronological, for cadence windows).
pub fn sort(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        let key = |f: &Finding| f.span;
        key(a).cmp(&key(b)).then(a.rule.cmp(&b.rule))
    });
}

/// One problem found in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub rule: RuleId,
    pub severity: Severity,
    /// Byte range in the source; `None` for problems with the file as a whole (not UTF-8, say).
    pub span: Option<Span>,
    pub message: Text,
    /// A short text under the caret.
    pub label: Option<Text>,
    pub help: Option<Text>,
    /// Other places that explain this one ("first defined here").
    pub related: Vec<(Span, Text)>,
    /// The change that mends it, when one is known.
    pub fix: Option<Fix>,
}

/// How sure a fix is, as ruff and rustc say it: a safe fix keeps what the writer meant and is applied by
/// `implan check --fix`; an unsafe one is a likely guess (the nearest role to a misspelt one) and is applied
/// only with `--unsafe-fixes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Applicability {
    Safe,
    Unsafe,
}

/// A change of the file that mends a finding: its replacements (never overlapping), how sure it is, and what
/// it does in words ("write 'owner'").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub applicability: Applicability,
    pub replacements: Vec<Replacement>,
    pub title: Text,
}

/// The text at `span` replaced by `text` (an empty span inserts).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replacement {
    pub span: Span,
    pub text: String,
}

impl Fix {
    /// One replacement.
    pub fn replace(applicability: Applicability, span: Span, text: impl Into<String>, title: Text) -> Fix {
        Fix { applicability, replacements: vec![Replacement { span, text: text.into() }], title }
    }
}

impl Finding {
    pub fn new(rule: RuleId, severity: Severity, span: Option<Span>, message: impl Into<Text>) -> Finding {
        Finding {
            rule,
            severity,
            span,
            message: message.into(),
            label: None,
            help: None,
            related: Vec::new(),
            fix: None,
        }
    }

    pub fn label(mut self, label: impl Into<Text>) -> Finding {
        self.label = Some(label.into());
        self
    }

    pub fn help(mut self, help: impl Into<Text>) -> Finding {
        self.help = Some(help.into());
        self
    }

    pub fn fix(mut self, fix: Fix) -> Finding {
        self.fix = Some(fix);
        self
    }

    /// Another severity than its rule's default, for a finding that is a lesser case of what the rule checks
    /// (a survey by an ambiguous name, an advisory requirement); the configuration may still change it.
    pub fn severity(mut self, severity: Severity) -> Finding {
        self.severity = severity;
        self
    }

    pub(crate) fn help_opt(mut self, help: Option<Text>) -> Finding {
        self.help = help;
        self
    }

    pub fn related(mut self, span: Span, text: impl Into<Text>) -> Finding {
        self.related.push((span, text.into()));
        self
    }
}
