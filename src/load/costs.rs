//! What things cost: an activity's or a requirement's `cost`, and the plan's `[budget]`.

use super::loader::{Loader, find};
use crate::lang::Text;
use crate::messages::load as m;
use crate::model::*;
use crate::schema;
use crate::when;
use toml::de::{DeTable, DeValue};

impl Loader<'_> {
    /// `cost = 300` (kroner, once) or `cost = { amount = 300, per = "sett", units = 40 }`.
    pub(super) fn cost(&mut self, t: &DeTable<'_>, owner: &schema::Table) -> Option<Cost> {
        let (_, v) = find(t, "cost")?;
        let span = self.at(v);
        match v.get_ref() {
            DeValue::Integer(_) => {
                let amount = self.integer(t, "cost", owner)? as u64;
                Some(Cost { amount, per: None, units: None, span })
            }
            DeValue::Table(c) => {
                self.check_keys(c, &schema::keys(&schema::COST), &m::a_cost());
                if find(c, "amount").is_none() {
                    self.missing(c, span, "amount", &m::the_cost(), "300");
                }
                let amount = self.integer(c, "amount", &schema::COST)? as u64;
                let per = self.string(c, "per").map(|s| s.value);
                let units = self.integer(c, "units", &schema::COST).map(|n| n as u32);
                Some(Cost { amount, per, units, span })
            }
            _ => {
                self.type_error("cost", v, &m::a_cost_value());
                None
            }
        }
    }

    /// `[budget]`: total, years = { 2026 = 40000 }, currency.
    pub(super) fn budget(&mut self, doc: &DeTable<'_>) -> Option<Budget> {
        let (t, _) = self.table(doc, "budget")?;
        self.check_keys(t, &schema::keys(&schema::BUDGET), &Text::verbatim("[budget]"));
        let total = find(t, "total")
            .map(|(_, v)| self.at(v))
            .and_then(|s| self.integer(t, "total", &schema::BUDGET).map(|n| Spanned::new(n as u64, s)));
        let mut years = Vec::new();
        if let Some((y, _)) = self.table(t, "years") {
            for (k, v) in y.iter() {
                let Some(year) = k.get_ref().parse::<i32>().ok().filter(|y| (when::FIRST_YEAR..=9999).contains(y))
                else {
                    self.error(self.at(k), m::key_not_a_year(k.get_ref()), Some(m::budget_years_help()));
                    continue;
                };
                match v.get_ref() {
                    DeValue::Integer(i) => match i.as_str().parse::<u64>() {
                        Ok(n) => years.push((year, Spanned::new(n, self.at(v)))),
                        Err(_) => self.error(self.at(v), m::not_an_amount(), None),
                    },
                    _ => self.type_error(k.get_ref(), v, &m::an_amount()),
                }
            }
        }
        let currency = self.string(t, "currency").map_or("NOK".to_string(), |s| s.value);
        self.string(t, "notes");
        Some(Budget { total, years, currency })
    }
}
