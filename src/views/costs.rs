//! `implan schedule --costs`: what the activities cost, per year and per phase, against the budget.

use super::schedule::{Format, csv_record, period_line, title_line};
use super::{BOLD, RED, View, paint};
use crate::rules::{activity_costs, kroner};
use chrono::Datelike;
use comfy_table::{Table, presets};
use std::collections::BTreeMap;

struct Row {
    label: String,
    cost: u64,
    budget: Option<u64>,
}

/// `delimiter` separates CSV fields; the table format fits its tables to `width` (`None`: no limit).
pub fn render(view: &View, format: Format, delimiter: char, width: Option<u16>) -> String {
    let plan = view.plan;
    let costs = activity_costs(&view.index);
    let words = view.t;
    let currency = plan.budget.as_ref().map_or("NOK", |b| b.currency.as_str());
    let mut years: BTreeMap<i32, u64> = BTreeMap::new();
    for (a, c) in plan.activities.iter().zip(&costs) {
        *years.entry(a.when.value.start.year()).or_default() += c;
    }
    if let Some(b) = &plan.budget {
        for (y, _) in &b.years {
            years.entry(*y).or_default();
        }
    }
    let year_budget =
        |y: i32| plan.budget.as_ref().and_then(|b| b.years.iter().find(|(by, _)| *by == y).map(|(_, v)| v.value));
    let mut by_year: Vec<Row> =
        years.iter().map(|(y, c)| Row { label: y.to_string(), cost: *c, budget: year_budget(*y) }).collect();
    let total: u64 = costs.iter().sum();
    by_year.push(Row {
        label: words.total.into(),
        cost: total,
        budget: plan.budget.as_ref().and_then(|b| b.total.as_ref().map(|t| t.value)),
    });
    let mut by_phase: Vec<Row> = plan
        .phases
        .iter()
        .zip(&view.index.phase_activities)
        .map(|(p, ids)| Row { label: p.name.clone(), cost: ids.iter().map(|&i| costs[i]).sum(), budget: None })
        .collect();
    let loose: u64 =
        plan.activities.iter().zip(&costs).filter(|(a, _)| view.index.phase_of(a).is_none()).map(|(_, c)| c).sum();
    if loose > 0 {
        by_phase.push(Row { label: view.t.no_phase.to_string(), cost: loose, budget: None });
    }
    let (year_h, phase_h, cost_h, budget_h, left_h) = (words.year, words.phase, words.cost, words.budget, words.left);
    let money = |n: u64| crate::i18n::money(view.lang, currency, &kroner(n));
    let left =
        |r: &Row| r.budget.map(|b| if r.cost > b { format!("−{}", money(r.cost - b)) } else { money(b - r.cost) });
    match format {
        Format::Json => {
            let rows = |rs: &[Row]| -> Vec<serde_json::Value> {
                rs.iter().map(|r| serde_json::json!({ "label": r.label, "cost": r.cost, "budget": r.budget })).collect()
            };
            let doc = serde_json::json!({
                "version": 1, "plan": plan.title.value, "currency": currency,
                "years": rows(&by_year), "phases": rows(&by_phase),
            });
            crate::json::document(&doc)
        }
        Format::Csv => {
            let mut s = String::from("\u{feff}");
            s.push_str(&csv_record(&[words.csv_columns[0], cost_h, budget_h], delimiter));
            for r in by_year.iter().chain(&by_phase) {
                let budget = r.budget.map(|b| b.to_string()).unwrap_or_default();
                s.push_str(&csv_record(&[r.label.clone(), r.cost.to_string(), budget], delimiter));
            }
            s
        }
        Format::Markdown => {
            let mut s = format!(
                "# {}\n\n{}\n\n",
                crate::escape::markdown(&title_line(view)),
                crate::escape::markdown(&period_line(view))
            );
            s.push_str(&format!("| {year_h} | {cost_h} | {budget_h} | {left_h} |\n|---|---:|---:|---:|\n"));
            for r in &by_year {
                let b = r.budget.map(money).unwrap_or_default();
                s.push_str(&format!("| {} | {} | {b} | {} |\n", r.label, money(r.cost), left(r).unwrap_or_default()));
            }
            s.push_str(&format!("\n| {phase_h} | {cost_h} |\n|---|---:|\n"));
            for r in &by_phase {
                s.push_str(&format!("| {} | {} |\n", crate::escape::markdown(&r.label), money(r.cost)));
            }
            s
        }
        Format::Table => {
            let wrap = |text: &str| super::wrap(text, width.map(usize::from), 0, false);
            let title = super::paint_words(BOLD, &title_line(view));
            let mut s = format!("{}\n{}\n\n", wrap(&title), wrap(&period_line(view)));
            let fitted = |t: &mut Table| {
                if let Some(w) = width {
                    t.set_content_arrangement(comfy_table::ContentArrangement::Dynamic).set_width(w);
                }
            };
            let mut t = Table::new();
            t.load_style(presets::UTF8_FULL_CONDENSED);
            fitted(&mut t);
            t.set_header([year_h, cost_h, budget_h, left_h]);
            for r in &by_year {
                let l = match left(r) {
                    Some(l) if r.budget.is_some_and(|b| r.cost > b) => paint(RED, &l),
                    Some(l) => l,
                    None => String::new(),
                };
                t.add_row([r.label.clone(), money(r.cost), r.budget.map(money).unwrap_or_default(), l]);
            }
            s.push_str(&format!("{t}\n\n"));
            let mut t = Table::new();
            t.load_style(presets::UTF8_FULL_CONDENSED);
            fitted(&mut t);
            t.set_header([phase_h, cost_h]);
            for r in &by_phase {
                t.add_row([super::schedule::clip_cell(r.label.clone()), money(r.cost)]);
            }
            s.push_str(&format!("{t}\n"));
            s
        }
    }
}
