//! What each rule says, one file per rule, named as the rule's module is.

pub mod cadence;
pub mod dependency_cycle;
pub mod dependency_order;
pub mod done_date;
pub mod duplicate_id;
pub mod empty_phase;
pub mod goal_without_activity;
pub mod holiday_conflict;
pub mod idle_gap;
pub mod missing_owner;
pub mod missing_schema;
pub mod outside_plan_period;
pub mod over_budget;
pub mod owner_overload;
pub mod participation_missing;
pub mod phase_order;
pub mod quota_exceeded;
pub mod requirement_count;
pub mod requirement_deadline;
pub mod requirements;
pub mod season_mismatch;
pub mod suspicious_text;
pub mod uncovered_component;
pub mod unknown_reference;
pub mod unknown_role;
pub mod unused_role;
