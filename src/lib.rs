//! implan: load, check and render implementation plans for safe, inclusive schools and kindergartens.
//!
//! The library knows nothing of terminals: it reads files, checks plans and renders reports to strings.
//! The `implan` binary parses arguments and prints.

pub mod calendar;
pub mod check;
pub mod cli;
pub mod commands;
pub mod config;
pub mod diag;
pub mod diff;
pub mod edit;
pub mod escape;
pub mod export;
pub mod fix;
pub mod i18n;
pub mod init;
pub mod json;
pub mod lang;
pub mod lint;
pub mod load;
pub mod messages;
pub mod model;
pub mod plan_index;
pub mod render;
pub mod rule_id;
pub mod rules;
pub mod schema;
pub mod skolerute;
pub mod source;
pub mod split;
pub mod suggest;
pub mod views;
pub mod when;
pub mod write;
