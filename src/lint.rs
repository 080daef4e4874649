//! A `[lint]` table as a plan or an `implan.toml` writes it: rule levels and rule options. The loader reads it
//! into these types; [`crate::config`] merges the tables in force into the configuration the rules run with.

use crate::diag::{RuleId, Spanned};

/// What a rule is set to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Allow,
    Warn,
    Error,
}

impl Level {
    pub fn parse(s: &str) -> Option<Level> {
        match s.trim().to_lowercase().as_str() {
            "allow" | "off" | "ignore" => Some(Level::Allow),
            "warn" | "warning" => Some(Level::Warn),
            "error" | "deny" => Some(Level::Error),
            _ => None,
        }
    }
}

/// A `[lint]` table as written, before it is merged with others.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lint {
    pub levels: Vec<(Spanned<RuleId>, Level)>,
    pub idle_gap_months: Option<usize>,
    pub summer_months: Option<Vec<u32>>,
    pub cadence_tolerance: Option<u32>,
    pub owner_overload_max: Option<usize>,
    pub autumn_break_week: Option<u32>,
    pub winter_break_week: Option<u32>,
}
