//! The message catalogue: every sentence a finding or a check report says, in Bokmål, Nynorsk and English.
//!
//! Each message is a function that takes what varies (a name, a date, a count) and returns a
//! [`Text`](crate::lang::Text) built by `text!`, which will not compile without all three languages. So the
//! catalogue is complete by construction, a message's three versions sit side by side for a translator, and
//! a rule says `messages::rules::unknown_role::message(name)` instead of holding words. The files follow the
//! code that speaks: `load` for the loader, `rules/` one file per rule, `report` for the check report's own
//! words, `commands`, `edit`, `init` and `write` for what the commands say besides findings, `diff` and `since`
//! for what changed between versions of a plan, `views` for the views' own words that are not the plan's,
//! `skolerute` for the reader of a municipality's school calendar.

pub mod commands;
pub mod common;
pub mod diff;
pub mod edit;
pub mod init;
pub mod load;
pub mod report;
pub mod rules;
pub mod since;
pub mod skolerute;
pub mod views;
pub mod when;
pub mod write;
