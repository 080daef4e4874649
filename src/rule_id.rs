//! The identity of every rule: the id a finding carries, a `[lint]` table or an `allow` list names, and
//! `implan rules` lists. It sits beside the findings, below the plan model, so that the loader can check the
//! ids a plan names without asking the rule registry above it (`crate::rules::ALL` holds what each rule does,
//! in this order, which a test there keeps).

use std::cmp::Ordering;
use std::fmt;

macro_rules! rule_ids {
    ($($variant:ident = $id:literal,)*) => {
        /// A rule's stable kebab-case id, as a value that is cheap to copy and compare.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum RuleId {
            $($variant,)*
        }

        impl RuleId {
            /// Every rule, in the order `implan rules` lists them.
            pub const ALL: &[RuleId] = &[$(RuleId::$variant,)*];

            /// The id as written in files and output: `idle-gap`.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(RuleId::$variant => $id,)*
                }
            }

            /// The rule with this id, exactly as written (ids are lower case).
            pub fn parse(id: &str) -> Option<RuleId> {
                match id {
                    $($id => Some(RuleId::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

rule_ids! {
    InvalidToml = "invalid-toml",
    InvalidPlan = "invalid-plan",
    SeasonMismatch = "season-mismatch",
    OutsidePlanPeriod = "outside-plan-period",
    PhaseOrder = "phase-order",
    MissingOwner = "missing-owner",
    UnknownRole = "unknown-role",
    UnusedRole = "unused-role",
    DuplicateId = "duplicate-id",
    UnknownReference = "unknown-reference",
    DependencyCycle = "dependency-cycle",
    DependencyOrder = "dependency-order",
    DoneDate = "done-date",
    UncoveredComponent = "uncovered-component",
    StepOrder = "step-order",
    GoalWithoutActivity = "goal-without-activity",
    EmptyPhase = "empty-phase",
    IdleGap = "idle-gap",
    Cadence = "cadence",
    RequirementCount = "requirement-count",
    RequirementDeadline = "requirement-deadline",
    QuotaExceeded = "quota-exceeded",
    ParticipationMissing = "participation-missing",
    OwnerOverload = "owner-overload",
    HolidayConflict = "holiday-conflict",
    OverBudget = "over-budget",
    SuspiciousText = "suspicious-text",
    MissingSchema = "missing-schema",
}

impl RuleId {
    /// Its place in [`RuleId::ALL`], for tables indexed by rule.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The loader's own rules, which fire while the file is read: no configuration turns them off.
    pub(crate) fn is_loaders(self) -> bool {
        matches!(self, RuleId::InvalidToml | RuleId::InvalidPlan)
    }

    /// The id nearest to one that names no rule, when one is close enough to be a typo of it (for "did you
    /// mean", `crate::messages::commands::unknown_rule`).
    pub fn nearest(id: &str) -> Option<&'static str> {
        crate::suggest::nearest(id, RuleId::ALL.iter().map(|r| r.as_str()))
    }
}

/// Findings of one place are ordered by their rule's id as text, as they always were in output.
impl Ord for RuleId {
    fn cmp(&self, other: &Self) -> Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl PartialOrd for RuleId {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// In JSON, SARIF and the like, a rule is its id.
impl serde::Serialize for RuleId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_id_reads_back_as_its_rule_and_nothing_else_does() {
        for (i, &rule) in RuleId::ALL.iter().enumerate() {
            assert_eq!(RuleId::parse(rule.as_str()), Some(rule));
            assert_eq!(rule.index(), i);
            assert_eq!(rule.to_string(), rule.as_str());
        }
        assert_eq!(RuleId::parse("Idle-Gap"), None);
        assert_eq!(RuleId::parse("idle-gaps"), None);
        assert_eq!(RuleId::parse(""), None);
        assert_eq!(serde_json::to_string(&RuleId::IdleGap).unwrap(), "\"idle-gap\"");
    }

    #[test]
    fn ids_order_as_text() {
        assert!(RuleId::Cadence < RuleId::IdleGap);
        assert!(RuleId::UnknownRole > RuleId::InvalidToml);
        let mut ids = RuleId::ALL.to_vec();
        ids.sort();
        let texts: Vec<&str> = ids.iter().map(|r| r.as_str()).collect();
        let mut sorted = texts.clone();
        sorted.sort();
        assert_eq!(texts, sorted);
    }

    #[test]
    fn an_unknown_id_is_told_the_nearest() {
        assert_eq!(RuleId::nearest("idle-gaps"), Some("idle-gap"));
        assert_eq!(RuleId::nearest("xyz"), None);
        assert!(RuleId::InvalidPlan.is_loaders() && RuleId::InvalidToml.is_loaders());
        assert!(!RuleId::IdleGap.is_loaders());
    }
}
