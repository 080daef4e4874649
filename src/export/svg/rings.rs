//! The rings of the årshjul: which ring each activity and requirement goes in, and how the items of a ring
//! lie in its lanes.

use super::text::{capitalised, one_line};
use super::{Look, OTHER_RING, RING_COLOURS};
use crate::i18n;
use crate::model::{Activity, Cadence, Requirement};
use crate::views::View;
use crate::when::Precision;
use chrono::{Datelike, NaiveDate};
use std::cmp::Reverse;
use std::collections::BTreeMap;
use std::fmt::Write;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum RingKey {
    Role(usize),
    Kind(String),
    Other,
}

pub(super) struct Ring {
    pub(super) key: RingKey,
    pub(super) name: String,
    /// What the "other" ring holds, for its legend entry.
    pub(super) members: Vec<String>,
    pub(super) colours: (&'static str, &'static str),
    /// Lanes (lines of text) and the band's radii, once laid out.
    pub(super) lanes: usize,
    pub(super) r0: f64,
    pub(super) r1: f64,
}

impl Ring {
    /// A ring of one lane, not yet laid out; `k` picks its colours (the "other" ring has its own).
    pub(super) fn new(key: RingKey, name: String, k: usize, members: Vec<String>) -> Ring {
        let colours = if key == RingKey::Other { OTHER_RING } else { RING_COLOURS[k % RING_COLOURS.len()] };
        Ring { key, name, members, colours, lanes: 1, r0: 0.0, r1: 0.0 }
    }
}

/// Something placed in the wheel: an activity (or several with the same title in the same months of different
/// years), or a requirement's window.
pub(super) struct Item {
    pub(super) ring: usize,
    /// The first month sector (0 is `first_month`) and how many months it spans (1–12).
    pub(super) start: usize,
    pub(super) len: usize,
    pub(super) title: String,
    /// How many activities it stands for.
    pub(super) count: usize,
    pub(super) keeps: bool,
    /// `None` for a requirement's window.
    pub(super) look: Option<Look>,
    pub(super) tip: Vec<String>,
    pub(super) order: (NaiveDate, usize),
}

impl Item {
    pub(super) fn months(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.len).map(move |k| (self.start + k) % 12)
    }

    pub(super) fn label(&self) -> String {
        let mut s = String::new();
        // No-break spaces: the marks stay with the first word when the label wraps.
        if self.keeps || self.look.is_none() {
            s.push_str("↻\u{a0}");
        }
        if self.count > 1 {
            let _ = write!(s, "{}×\u{a0}", self.count);
        }
        s.push_str(&self.title);
        s
    }
}

pub(super) fn role_rings(view: &View, max: usize) -> (Vec<Ring>, Vec<usize>) {
    let plan = view.plan;
    let acts = &plan.activities;
    let owner_roles =
        |a: &Activity| -> Vec<usize> { a.owners.iter().filter_map(|o| view.index.role(&o.value)).collect() };
    let mut firsts = vec![0usize; plan.roles.len()];
    let mut unowned = false;
    for a in acts {
        match owner_roles(a).first() {
            Some(&r) => firsts[r] += 1,
            None => unowned = true,
        }
    }
    let owner = plan.owner.as_ref().and_then(|o| view.index.role(&o.value));
    let mut chosen: Vec<usize> = (0..plan.roles.len()).filter(|&r| firsts[r] > 0).collect();
    if chosen.len() + unowned as usize > max {
        chosen.sort_by_key(|&r| (Some(r) != owner, Reverse(firsts[r]), r));
        chosen.truncate(max.saturating_sub(1).max(1));
    }
    // The plan's owner innermost, then the others from the least busy out, where the arcs are longest.
    chosen.sort_by_key(|&r| (Some(r) != owner, firsts[r], r));
    let mut rings: Vec<Ring> = chosen
        .iter()
        .enumerate()
        .map(|(k, &r)| Ring::new(RingKey::Role(r), one_line(&plan.roles[r].name), k, Vec::new()))
        .collect();
    let mut other: Vec<String> = Vec::new();
    let mut of_activity = Vec::with_capacity(acts.len());
    for a in acts {
        let roles = owner_roles(a);
        let ring = roles.iter().find_map(|r| chosen.iter().position(|c| c == r));
        of_activity.push(ring.unwrap_or(usize::MAX));
        if ring.is_none() {
            let name = match roles.first() {
                Some(&r) => one_line(&plan.roles[r].name),
                None => view.t.no_owner.to_string(),
            };
            if !other.contains(&name) {
                other.push(name);
            }
        }
    }
    if !other.is_empty() {
        push_other_ring(&mut rings, &mut of_activity, view.t.other_roles, other);
    }
    (rings, of_activity)
}

/// Adds the "other" ring and gives it every activity that has no ring yet (`usize::MAX`).
fn push_other_ring(rings: &mut Vec<Ring>, of_activity: &mut [usize], name: &str, members: Vec<String>) {
    let k = rings.len();
    rings.push(Ring::new(RingKey::Other, name.to_string(), k, members));
    for r in of_activity.iter_mut().filter(|r| **r == usize::MAX) {
        *r = k;
    }
}

fn kind_key(a: &Activity) -> Option<String> {
    a.kind.as_deref().map(|k| k.trim().to_lowercase()).filter(|k| !k.is_empty())
}

pub(super) fn kind_rings(view: &View, max: usize) -> (Vec<Ring>, Vec<usize>) {
    let acts = &view.plan.activities;
    // Kind → (count, the name as first written).
    let mut kinds: BTreeMap<String, (usize, String)> = BTreeMap::new();
    let mut kindless = false;
    for a in acts {
        match kind_key(a) {
            Some(k) => kinds.entry(k).or_insert_with(|| (0, a.kind.clone().unwrap_or_default())).0 += 1,
            None => kindless = true,
        }
    }
    let mut chosen: Vec<(String, usize, String)> = kinds.into_iter().map(|(k, (n, name))| (k, n, name)).collect();
    if chosen.len() + kindless as usize > max {
        chosen.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        chosen.truncate(max.saturating_sub(1).max(1));
    }
    // The smallest innermost, where the arcs are shortest.
    chosen.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)));
    let mut rings: Vec<Ring> = chosen
        .iter()
        .enumerate()
        .map(|(k, (key, _, name))| {
            let name = capitalised(&one_line(&name.replace(['-', '_'], " ")));
            Ring::new(RingKey::Kind(key.clone()), name, k, Vec::new())
        })
        .collect();
    let mut other: Vec<String> = Vec::new();
    let mut of_activity = Vec::with_capacity(acts.len());
    for a in acts {
        let key = kind_key(a);
        let ring = key.as_ref().and_then(|k| chosen.iter().position(|c| &c.0 == k));
        of_activity.push(ring.unwrap_or(usize::MAX));
        if ring.is_none()
            && let Some(k) = a.kind.as_deref()
        {
            let name = capitalised(&one_line(&k.replace(['-', '_'], " ")));
            if !other.contains(&name) {
                other.push(name);
            }
        }
    }
    if of_activity.contains(&usize::MAX) {
        push_other_ring(&mut rings, &mut of_activity, view.t.other_kinds, other);
    }
    (rings, of_activity)
}

/// The ring a requirement belongs in: its kind's or its owner's ring, else the ring holding most of the
/// activities that keep it, else the "other" ring or the outermost.
pub(super) fn requirement_ring(view: &View, r: &Requirement, rings: &[Ring], of_activity: &[usize]) -> usize {
    let kind = r.kind.value.trim().to_lowercase();
    let owner = r.owner.as_ref().and_then(|o| view.index.role(&o.value));
    if let Some(k) = rings.iter().position(|g| match &g.key {
        RingKey::Kind(k) => *k == kind,
        RingKey::Role(role) => Some(*role) == owner,
        RingKey::Other => false,
    }) {
        return k;
    }
    let mut counts = vec![0usize; rings.len()];
    for i in crate::rules::activities_keeping(&view.index, r) {
        counts[of_activity[i]] += 1;
    }
    if let Some((k, _)) = counts.iter().enumerate().filter(|(_, n)| **n > 0).max_by_key(|(k, n)| (**n, Reverse(*k))) {
        return k;
    }
    rings.iter().position(|g| g.key == RingKey::Other).unwrap_or(rings.len().saturating_sub(1))
}

/// A requirement in words: "hvert halvår", "4–8 per avtaleår", "senest oktober 2020", in the view's language.
pub(super) fn requirement_text(view: &View, r: &Requirement) -> String {
    let (lang, words) = (view.lang, view.t);
    let mut parts: Vec<String> = Vec::new();
    match r.cadence.as_ref().map(|c| &c.value) {
        Some(Cadence::Every(n)) => parts.push(i18n::every(lang, *n)),
        Some(Cadence::Count { counts, per }) => {
            let range = |(a, b): &(u32, u32)| if a == b { a.to_string() } else { format!("{a}–{b}") };
            let numbers: Vec<String> = counts.iter().map(range).collect();
            parts.push(format!("{} {}", numbers.join(words.then), i18n::per(lang, *per)));
        }
        None => {}
    }
    if let Some(months) = &r.window {
        let names: Vec<&str> = months.value.iter().map(|&m| i18n::month_short(lang, m)).collect();
        parts.push(format!("{} {}", words.in_months, names.join(", ")));
    }
    if let Some(by) = &r.by {
        let w = &by.value;
        let date = if w.precision == Precision::Day {
            i18n::day(view.lang, w.end)
        } else {
            i18n::month_year(view.lang, w.end.year(), w.end.month())
        };
        parts.push(format!("{} {date}", words.by));
    }
    if let Some(within) = &r.within {
        let span = i18n::span(view.lang, within.value.start, within.value.end);
        parts.push(format!("{} {span}", words.within));
    }
    if let Some(before) = &r.before {
        let name = view
            .index
            .activity(&before.value)
            .map_or(before.value.clone(), |i| one_line(&view.plan.activities[i].title.value));
        parts.push(format!("{} {name}", words.before));
    }
    if let Some(q) = &r.quota {
        parts.push(words.at_most_places.replace("{}", &q.value.to_string()));
    }
    if let Some(q) = &r.quota_each {
        parts.push(words.at_most_places_each_time.replace("{}", &q.value.to_string()));
    }
    if !r.participants.is_empty() {
        let names: Vec<String> = r
            .participants
            .iter()
            .map(|p| view.index.role(&p.value).map_or(p.value.clone(), |i| one_line(&view.plan.roles[i].name)))
            .collect();
        parts.push(format!("{} {}", words.with, names.join(", ")));
    }
    parts.join(", ")
}

/// How one ring's items lie: lanes used, the items hidden in each month, and what is in each lane in each month.
pub(super) struct Layout {
    pub(super) lanes: usize,
    pub(super) hidden: Vec<Vec<usize>>,
    pub(super) occupied: Vec<[Option<usize>; 12]>,
}

/// Marks the lane of a month that shows how many items it hides.
const COUNT_MARK: usize = usize::MAX;

/// Places the items of one ring in lanes, outermost first: each takes the first lane free in all its months.
/// What does not fit in `cap` lanes is hidden and counted in each of its months, whose last lane then shows the
/// count.
pub(super) fn lay_out(items: &[Item], ids: &[usize], cap: usize, lane: &mut [Option<usize>]) -> Layout {
    let cap = cap.max(1);
    let mut order = ids.to_vec();
    order.sort_by_key(|&i| (Reverse(items[i].len), items[i].order, i));
    let mut occupied: Vec<[Option<usize>; 12]> = Vec::new();
    let mut hidden: Vec<Vec<usize>> = vec![Vec::new(); 12];
    for &i in &order {
        let months: Vec<usize> = items[i].months().collect();
        let free = (0..cap).find(|&l| l >= occupied.len() || months.iter().all(|&m| occupied[l][m].is_none()));
        match free {
            Some(l) => {
                while occupied.len() <= l {
                    occupied.push([None; 12]);
                }
                for &m in &months {
                    occupied[l][m] = Some(i);
                }
                lane[i] = Some(l);
            }
            None => {
                for &m in &months {
                    hidden[m].push(i);
                }
            }
        }
    }
    // A month that hides something shows how many in its last lane: what is there moves out of the way.
    loop {
        let mut moved = false;
        for m in 0..12 {
            if hidden[m].is_empty() {
                continue;
            }
            if let Some(j) = occupied.get(cap - 1).and_then(|row| row[m]) {
                for mm in items[j].months() {
                    occupied[cap - 1][mm] = None;
                    hidden[mm].push(j);
                }
                lane[j] = None;
                moved = true;
            }
        }
        if !moved {
            break;
        }
    }
    for (m, h) in hidden.iter_mut().enumerate() {
        h.sort_by_key(|&i| (items[i].order, i));
        if !h.is_empty() {
            occupied[cap - 1][m] = Some(COUNT_MARK);
        }
    }
    Layout { lanes: occupied.len().max(1), hidden, occupied }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;

    /// `requirement_text` of each `[[recurring]]` in `reqs`, in both languages.
    fn requirement_texts(reqs: &[&str]) -> Vec<(String, String)> {
        let mut text =
            "[plan]\ntitle = \"T\"\nstart = \"2026-01\"\nend = \"2030-12\"\n\n[roles]\nsg = \"Styringsgruppe\"\n"
                .to_string();
        for (i, r) in reqs.iter().enumerate() {
            text.push_str(&format!("\n[[recurring]]\nid = \"r{i}\"\ntitle = \"R\"\nkind = \"k\"\n{r}\n"));
        }
        let source = crate::source::Source::new("t.toml", &text);
        let plan = crate::load::load(&source).unwrap_or_else(|e| panic!("{e:?}"));
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let (nb, en) = (View::new(&plan, &source, Lang::Nb, today), View::new(&plan, &source, Lang::En, today));
        plan.requirements.iter().map(|r| (requirement_text(&nb, r), requirement_text(&en, r))).collect()
    }

    #[test]
    fn a_requirement_reads_as_its_cadence_window_and_deadline() {
        let texts = requirement_texts(&[
            "every = \"24 måneder\"",
            "every = \"5 måneder\"",
            "every = \"år\"",
            "count = 2\nper = \"år\"",
            "count = \"4–8\"\nper = \"avtaleår\"",
            "every = \"halvår\"\nmonths = [3, 10]",
            "count = 1\nper = \"plan\"\nby = \"2027-10-23\"",
            "count = 1\nper = \"plan\"\nby = \"oktober 2027\"",
        ]);
        let texts: Vec<(&str, &str)> = texts.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        assert_eq!(
            texts,
            [
                ("hvert 2. år", "every 2 years"),
                ("hver 5. måned", "every 5 months"),
                ("hvert år", "every year"),
                ("2 per år", "2 a year"),
                ("4–8 per avtaleår", "4–8 an agreement year"),
                ("hvert halvår, i mar, okt", "every half-year, in Mar, Oct"),
                ("1 i planperioden, senest 23. oktober 2027", "1 in the plan period, by 23 October 2027"),
                ("1 i planperioden, senest oktober 2027", "1 in the plan period, by October 2027"),
            ]
        );
    }
}
