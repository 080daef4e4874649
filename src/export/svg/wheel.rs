//! The årshjul.

use super::arc::{ArcLabel, ArcText, polar, sector};
use super::legend::{Swatch, legend_flow};
use super::rings::{Item, Layout, Ring, RingKey, kind_rings, lay_out, requirement_ring, requirement_text, role_rings};
use super::text::{capitalised, days_in_month, fit, num, one_line, svg_open, text, text_width, tooltip};
use super::{INK, Look, MONTH_CELL, MUTED, Rings, TODAY, WheelOptions, WheelSpan};
use crate::i18n;
use crate::rules::Keeping;
use crate::views::View;
use crate::when::month_index;
use chrono::{Datelike, NaiveDate};
use std::cmp::Reverse;
use std::collections::BTreeMap;
use std::fmt::Write;

const FONT: f64 = 11.0;
const LANE: f64 = 15.0;
const PAD: f64 = 3.0;
const MARGIN: f64 = 24.0;

/// The wheel's circles: the title band on top, then the wheel in a `size` × `size` square.
struct Geometry {
    size: f64,
    first_month: u32,
    top: f64,
    /// The days the wheel shows: its span, or the plan's period.
    days: (NaiveDate, NaiveDate),
    cx: f64,
    cy: f64,
    r_month_out: f64,
    r_month_in: f64,
    r_rings_out: f64,
    /// Near the hub a month's arc is too short for a word: the rings start a seventh of the way out.
    r_hole: f64,
    /// The rings' room, from the hole to the month ring.
    area: f64,
}

impl Geometry {
    fn new(opts: &WheelOptions, days: (NaiveDate, NaiveDate)) -> Self {
        let size = opts.size.max(480) as f64;
        let first_month = if (1..=12).contains(&opts.first_month) { opts.first_month } else { 8 };
        let top = 76.0;
        let r_month_out = size / 2.0 - 18.0;
        let r_month_in = r_month_out - (size * 0.045).max(28.0);
        let r_rings_out = r_month_in - 4.0;
        let r_hole = size * 0.14;
        Geometry {
            size,
            first_month,
            top,
            days,
            cx: size / 2.0,
            cy: top + size / 2.0,
            r_month_out,
            r_month_in,
            r_rings_out,
            r_hole,
            area: r_rings_out - r_hole,
        }
    }

    /// The sector of a month: 0 is `first_month`, at the top.
    fn sector_of(&self, m: u32) -> usize {
        ((m + 12 - self.first_month) % 12) as usize
    }
}

/// The angle where a sector starts, clockwise from the top.
fn angle(s: f64) -> f64 {
    s * 30.0
}

/// An årshjul: the twelve months round a circle from `first_month` at the top, a ring per role or per kind, each
/// activity in its month (whatever the year) in its ring, work that spans months as arcs, requirements' windows,
/// and this month marked. Laid out first (rings, items, lanes, radii, legend), then drawn.
pub fn wheel(view: &View, opts: &WheelOptions) -> String {
    match &opts.span {
        Some(span) => {
            let part = crate::views::within(view.plan, span.from, span.to);
            draw_wheel(&View::new(&part, view.index.source, view.lang, view.today), opts, Some(span))
        }
        None => draw_wheel(view, opts, None),
    }
}

fn draw_wheel(view: &View, opts: &WheelOptions, span: Option<&WheelSpan>) -> String {
    let period = (view.plan.start.value.start, view.plan.end.value.end);
    let geo = Geometry::new(opts, span.map_or(period, |s| (s.from, s.to)));
    let w = view.t;
    let plan = view.plan;
    // Rings thinner than two lines of text would hold too little to read.
    let max_rings = ((geo.area / 52.0).floor() as usize).clamp(2, 8);
    let (mut rings, of_activity) = match opts.rings {
        Rings::Role => role_rings(view, max_rings),
        Rings::Kind => kind_rings(view, max_rings),
    };
    if rings.is_empty() {
        let name = match opts.rings {
            Rings::Role => w.other_roles,
            Rings::Kind => w.other_kinds,
        };
        rings.push(Ring::new(RingKey::Other, name.to_string(), 0, Vec::new()));
    }
    let mut items = activity_items(view, &geo, &of_activity, span);
    let req_rings: Vec<usize> =
        plan.requirements.iter().map(|r| requirement_ring(view, r, &rings, &of_activity)).collect();
    items.extend(window_items(view, &geo, &req_rings));
    let (lane, layouts) = lay_out_lanes(&mut rings, &items, geo.area);
    set_radii(&mut rings, &geo);

    // The legend, laid out first: its height decides the picture's.
    let mut legend = String::new();
    let legend_end = draw_legend(&mut legend, view, opts.rings, &geo, &rings, &items, &req_rings);
    let height = (legend_end + 18.0).ceil();

    let mut canvas = String::new();
    draw_heading(&mut canvas, view, &geo, span);
    draw_bands(&mut canvas, &geo, &rings);
    let today_sector = geo.sector_of(view.today.month());
    draw_months(&mut canvas, view, &geo, today_sector);
    for (i, it) in items.iter().enumerate() {
        if let Some(l) = lane[i] {
            draw_item(&mut canvas, &geo, it, l, &rings[it.ring], &layouts[it.ring]);
        }
    }
    draw_hidden(&mut canvas, view, &geo, &rings, &items, &lane, &layouts);
    draw_hub(&mut canvas, view, &geo);
    draw_today(&mut canvas, view, &geo, today_sector);

    let mut svg = String::new();
    let name = match span {
        Some(span) => format!("{} – {}, {}", plan.title.value, w.wheel, span.label),
        None => format!("{} – {}", plan.title.value, w.wheel),
    };
    svg_open(&mut svg, geo.size, height, &name);
    let _ = writeln!(svg, "{canvas}{legend}</svg>");
    svg
}

/// The activities as items: merged by ring, months and title, in date order; with a span, each drawn in its
/// months inside it.
fn activity_items(view: &View, geo: &Geometry, of_activity: &[usize], span: Option<&WheelSpan>) -> Vec<Item> {
    let (plan, acts) = (view.plan, &view.plan.activities);
    let mut items: Vec<Item> = Vec::new();
    let mut index: BTreeMap<(usize, usize, usize, String), usize> = BTreeMap::new();
    let mut ids: Vec<usize> = (0..acts.len()).collect();
    view.sort_by_date(&mut ids);
    let keepings: Vec<Keeping> = plan.requirements.iter().map(|r| Keeping::new(&view.index, r)).collect();
    for i in ids {
        let a = &acts[i];
        let (first, last) = match span {
            Some(s) => (a.when.value.start.max(s.from), a.last_day.min(s.to)),
            None => (a.when.value.start, a.last_day),
        };
        let start = geo.sector_of(first.month());
        let len = (month_index(last) - month_index(first) + 1).clamp(1, 12) as usize;
        let title = one_line(&a.title.value);
        let ring = of_activity[i];
        let look = Look::of(view, a);
        let keeps_any = keepings.iter().any(|k| k.kept_by(&view.index, a));
        let line = format!("{} · {} · {}", view.when_text(a), view.owners_text(a), view.status_text(a));
        let key = (ring, start, len, title.to_lowercase());
        match index.get(&key) {
            Some(&k) => {
                let it = &mut items[k];
                it.count += 1;
                it.keeps |= keeps_any;
                it.look = it.look.min(Some(look));
                it.tip.push(line);
            }
            None => {
                index.insert(key, items.len());
                items.push(Item {
                    ring,
                    start,
                    len,
                    title: title.clone(),
                    count: 1,
                    keeps: keeps_any,
                    look: Some(look),
                    tip: vec![title, line],
                    order: (a.when.value.start, i),
                });
            }
        }
    }
    items
}

/// The requirements' windows as items: a run of neighbouring months each, the run through the top joined up.
fn window_items(view: &View, geo: &Geometry, req_rings: &[usize]) -> Vec<Item> {
    let mut items = Vec::new();
    for (k, r) in view.plan.requirements.iter().enumerate() {
        let Some(window) = &r.window else { continue };
        let mut sectors: Vec<usize> =
            window.value.iter().filter(|m| (1..=12).contains(*m)).map(|&m| geo.sector_of(m)).collect();
        sectors.sort_unstable();
        sectors.dedup();
        // Runs of neighbouring months, the run through the top joined up.
        let mut runs: Vec<(usize, usize)> = Vec::new();
        for s in sectors {
            match runs.last_mut() {
                Some((a, n)) if *a + *n == s => *n += 1,
                _ => runs.push((s, 1)),
            }
        }
        if runs.len() > 1 && runs[0].0 == 0 && runs.last().is_some_and(|(a, n)| a + n == 12) {
            let (a, n) = runs.pop().unwrap_or((0, 0));
            runs[0] = (a, n + runs[0].1);
        }
        for (start, len) in runs {
            items.push(Item {
                ring: req_rings[k],
                start,
                len,
                title: one_line(&r.title),
                count: 1,
                keeps: true,
                look: None,
                tip: vec![one_line(&r.title), requirement_text(view, r)],
                order: (NaiveDate::MIN, k),
            });
        }
    }
    items
}

/// Lanes: first as many as each ring needs (no more than fit in all the rings' room), then as many as there is
/// room for. Returns each item's lane (`None` when hidden) and each ring's layout.
fn lay_out_lanes(rings: &mut [Ring], items: &[Item], area: f64) -> (Vec<Option<usize>>, Vec<Layout>) {
    let most_lanes = ((area / LANE).floor() as usize).max(1);
    let ring_items: Vec<Vec<usize>> =
        (0..rings.len()).map(|g| (0..items.len()).filter(|&i| items[i].ring == g).collect()).collect();
    let mut lane: Vec<Option<usize>> = vec![None; items.len()];
    let needs: Vec<usize> =
        (0..rings.len()).map(|g| lay_out(items, &ring_items[g], most_lanes, &mut lane).lanes).collect();
    let n = rings.len() as f64;
    let total_need: usize = needs.iter().sum();
    let caps: Vec<usize> = if total_need as f64 * LANE + n * 2.0 * PAD <= area {
        needs.clone()
    } else {
        let room = area - n * 2.0 * PAD;
        let mut caps: Vec<usize> =
            needs.iter().map(|&k| ((room * k as f64 / total_need as f64 / LANE).floor() as usize).max(1)).collect();
        // Rounding down leaves whole lanes over: they go to the rings that lack the most.
        while (caps.iter().sum::<usize>() + 1) as f64 * LANE + n * 2.0 * PAD <= area {
            let Some(g) =
                (0..caps.len()).filter(|&g| caps[g] < needs[g]).max_by_key(|&g| (needs[g] - caps[g], Reverse(g)))
            else {
                break;
            };
            caps[g] += 1;
        }
        caps
    };
    lane.iter_mut().for_each(|l| *l = None);
    let layouts: Vec<Layout> = (0..rings.len()).map(|g| lay_out(items, &ring_items[g], caps[g], &mut lane)).collect();
    for (ring, layout) in rings.iter_mut().zip(&layouts) {
        ring.lanes = layout.lanes;
    }
    (lane, layouts)
}

/// The room left over goes to each ring by its lanes over the root of its radius: a line of text near the hub
/// holds less than one near the rim, so inner rings get more lines to wrap their labels in.
fn set_radii(rings: &mut [Ring], geo: &Geometry) {
    let (r_hole, area) = (geo.r_hole, geo.area);
    let n = rings.len() as f64;
    let lanes_total: usize = rings.iter().map(|r| r.lanes).sum();
    let extra = (area - lanes_total as f64 * LANE - n * 2.0 * PAD).max(0.0);
    let mut mids: Vec<f64> = (0..rings.len()).map(|g| r_hole + area * (g as f64 + 0.5) / n).collect();
    for _ in 0..4 {
        let weights: Vec<f64> = rings.iter().zip(&mids).map(|(g, m)| g.lanes as f64 / m.sqrt()).collect();
        let total: f64 = weights.iter().sum();
        let mut r = r_hole;
        for (g, ring) in rings.iter_mut().enumerate() {
            let width = ring.lanes as f64 * LANE + 2.0 * PAD + extra * weights[g] / total;
            ring.r0 = r;
            ring.r1 = r + width;
            mids[g] = r + width / 2.0;
            r += width;
        }
    }
}

/// The legend below the wheel: a caption, the rings, the looks, and the requirements in words. Returns the
/// baseline of its last line.
fn draw_legend(
    legend: &mut String,
    view: &View,
    by: Rings,
    geo: &Geometry,
    rings: &[Ring],
    items: &[Item],
    req_rings: &[usize],
) -> f64 {
    let (plan, w) = (view.plan, view.t);
    let x1 = geo.size - MARGIN;
    let mut y = geo.top + geo.size + 8.0;
    let (from, to) = geo.days;
    let one_year = month_index(to) - month_index(from) < 12;
    let caption = if one_year { w.wheel_caption_one_year } else { w.wheel_caption };
    let mut caption = caption.replace("{}", &i18n::span(view.lang, from, to));
    if plan.activities.is_empty() {
        caption = format!("{} {caption}", view.t.no_activities);
    }
    legend.push_str(&text(
        MARGIN,
        y,
        12.0,
        &format!(" font-style=\"italic\" fill=\"{MUTED}\""),
        &fit(&caption, x1 - MARGIN, 12.0, false),
    ));
    legend.push('\n');
    y += 24.0;
    let heading = match by {
        Rings::Role => w.rings_role,
        Rings::Kind => w.rings_kind,
    };
    legend.push_str(&text(MARGIN, y, 12.0, &format!(" font-weight=\"bold\" fill=\"{INK}\""), heading));
    legend.push('\n');
    y += 20.0;
    let ring_entries: Vec<(Swatch, String)> = rings
        .iter()
        .enumerate()
        .map(|(k, g)| {
            let count: usize = items.iter().filter(|i| i.ring == k && i.look.is_some()).map(|i| i.count).sum();
            let mut label = g.name.clone();
            if !g.members.is_empty() {
                let _ = write!(label, ": {}", g.members.join(", "));
            }
            let _ = write!(label, " ({count})");
            (Swatch::Band(g.colours.0, g.colours.1), label)
        })
        .collect();
    y = legend_flow(legend, &ring_entries, MARGIN, x1, y) + 26.0;
    let mut entries: Vec<(Swatch, String)> =
        Look::in_legend(view).iter().map(|l| (Swatch::Dot(l.colour()), l.name(view).to_string())).collect();
    entries.push((Swatch::Symbol("↻"), w.keeps.to_string()));
    if items.iter().any(|i| i.look.is_none()) {
        entries.push((Swatch::Window, w.window.to_string()));
    }
    entries.push((Swatch::TodayMark, format!("{} {}", view.t.today, i18n::day(view.lang, view.today))));
    y = legend_flow(legend, &entries, MARGIN, x1, y);
    if !plan.requirements.is_empty() {
        y += 26.0;
        legend.push_str(&text(
            MARGIN,
            y,
            12.0,
            &format!(" font-weight=\"bold\" fill=\"{INK}\""),
            w.evaluations_heading,
        ));
        legend.push('\n');
        for (k, r) in plan.requirements.iter().enumerate() {
            y += 19.0;
            let how = requirement_text(view, r);
            let full = if how.is_empty() { one_line(&r.title) } else { format!("{} — {how}", one_line(&r.title)) };
            let shown = fit(&format!("↻ {full}"), x1 - MARGIN - 22.0, 12.0, false);
            let (light, strong) = rings[req_rings[k]].colours;
            legend.push_str(&format!("<g>{}", tooltip(&full)));
            legend.push_str(&Swatch::Band(light, strong).draw(MARGIN, y - 4.0));
            legend.push_str(&text(MARGIN + 22.0, y, 12.0, &format!(" fill=\"{INK}\""), &shown));
            legend.push_str("</g>\n");
        }
    }
    y
}

/// The title, and below it the organisation and the plan's period.
fn draw_heading(out: &mut String, view: &View, geo: &Geometry, shown_span: Option<&WheelSpan>) {
    let (plan, size) = (view.plan, geo.size);
    let span = match shown_span {
        Some(s) => format!("{} ({})", capitalised(&s.label), i18n::span(view.lang, s.from, s.to)),
        None => i18n::span(view.lang, plan.start.value.start, plan.end.value.end),
    };
    let title = one_line(&plan.title.value);
    let shown = fit(&title, size - 2.0 * MARGIN, 20.0, true);
    out.push_str(&format!("<g>{}", if shown != title { tooltip(&title) } else { String::new() }));
    out.push_str(&text(MARGIN, 36.0, 20.0, &format!(" font-weight=\"bold\" fill=\"{INK}\""), &shown));
    out.push_str("</g>\n");
    let mut sub: Vec<String> = plan.org.iter().map(|o| one_line(o)).collect();
    sub.push(span);
    let sub = fit(&sub.join(" · "), size - 2.0 * MARGIN, 13.0, false);
    out.push_str(&text(MARGIN, 58.0, 13.0, &format!(" fill=\"{MUTED}\""), &sub));
    out.push('\n');
}

/// Ring bands, the month lines and the ring lines.
fn draw_bands(out: &mut String, geo: &Geometry, rings: &[Ring]) {
    let Geometry { cx, cy, r_hole, r_rings_out, .. } = *geo;
    for g in rings {
        let _ = writeln!(
            out,
            "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"/>",
            num(cx),
            num(cy),
            num((g.r0 + g.r1) / 2.0),
            g.colours.0,
            num(g.r1 - g.r0)
        );
    }
    out.push_str("<g stroke=\"#ffffff\" stroke-width=\"2\">\n");
    for s in 0..12 {
        let (xa, ya) = polar(cx, cy, r_hole, angle(s as f64));
        let (xb, yb) = polar(cx, cy, r_rings_out, angle(s as f64));
        let _ = writeln!(out, "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>", num(xa), num(ya), num(xb), num(yb));
    }
    for g in rings.iter().skip(1) {
        let _ = writeln!(out, "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"none\"/>", num(cx), num(cy), num(g.r0));
    }
    out.push_str("</g>\n");
}

/// The month ring, this month in today's colour and framed.
fn draw_months(out: &mut String, view: &View, geo: &Geometry, today_sector: usize) {
    let Geometry { cx, cy, r_month_in, r_month_out, r_hole, r_rings_out, first_month, .. } = *geo;
    for s in 0..12 {
        let month = (first_month - 1 + s as u32) % 12 + 1;
        let (a0, a1) = (angle(s as f64), angle(s as f64 + 1.0));
        let fill = if s == today_sector { TODAY } else { MONTH_CELL[s % 2] };
        let _ = writeln!(out, "<path d=\"{}\" fill=\"{fill}\"/>", sector(cx, cy, r_month_in, r_month_out, a0, a1));
        let at = ArcText {
            cx,
            cy,
            r_lo: r_month_in,
            r_hi: r_month_out,
            a0: a0 + 0.5,
            a1: a1 - 0.5,
            size: 14.0,
            offset: 0.0,
            anchor_middle: true,
            bold: true,
            attrs: " fill=\"#ffffff\"",
        };
        let full = capitalised(i18n::month_name(view.lang, month));
        let short = capitalised(i18n::month_short(view.lang, month));
        let label = [full, short].into_iter().find(|l| text_width(l, 14.0, true) <= at.room()).unwrap_or_default();
        at.draw(&label, out);
        out.push('\n');
    }

    // This month: a frame round its sector.
    let _ = writeln!(
        out,
        "<path d=\"{}\" fill=\"none\" stroke=\"{TODAY}\" stroke-width=\"2\"/>",
        sector(cx, cy, r_hole, r_rings_out, angle(today_sector as f64), angle(today_sector as f64 + 1.0))
    );
}

/// An item in its lane: a band for work over several months or a dashed one for a requirement's window, and its
/// label.
fn draw_item(out: &mut String, geo: &Geometry, it: &Item, l: usize, g: &Ring, layout: &Layout) {
    let Geometry { cx, cy, .. } = *geo;
    let lane_h = (g.r1 - g.r0 - 2.0 * PAD) / g.lanes as f64;
    // The item also takes the lanes inside its own that are free in all its months.
    let occupied = &layout.occupied;
    let below = (l + 1..g.lanes).take_while(|&k| it.months().all(|m| occupied[k][m].is_none())).count();
    let r_hi = g.r1 - PAD - l as f64 * lane_h;
    let r_lo = r_hi - lane_h * (1 + below) as f64;
    let (a0, a1) = (angle(it.start as f64), angle((it.start + it.len) as f64));
    let gap = (3.0 / r_lo).to_degrees();
    let (a0, a1) = (a0 + gap, a1 - gap);
    out.push_str(&format!("<g>{}", tooltip(&it.tip.join("\n"))));
    let (band_lo, band_hi) = (r_lo + 1.5, r_hi - 1.5);
    match it.look {
        None => {
            let _ = write!(
                out,
                "<path d=\"{}\" fill=\"#ffffff\" fill-opacity=\"0.6\" stroke=\"{MUTED}\" stroke-width=\"1.2\" \
                 stroke-dasharray=\"4 3\"/>",
                sector(cx, cy, band_lo, band_hi, a0, a1)
            );
        }
        Some(_) if it.len > 1 => {
            let _ = write!(
                out,
                "<path d=\"{}\" fill=\"{}\" fill-opacity=\"0.55\"/>",
                sector(cx, cy, band_lo, band_hi, a0, a1),
                g.colours.1
            );
        }
        Some(_) => {}
    }
    let attrs = match it.look {
        None => format!(" font-style=\"italic\" fill=\"{INK}\""),
        Some(Look::Cancelled) => " fill=\"#757575\" text-decoration=\"line-through\"".to_string(),
        Some(Look::Overdue) => " fill=\"#b71c1c\"".to_string(),
        Some(_) => format!(" fill=\"{INK}\""),
    };
    let label = ArcLabel { cx, cy, r_lo, r_hi, a0, a1, size: FONT, dot: it.look.map(Look::colour), attrs: &attrs };
    label.draw(&it.label(), out);
    out.push_str("</g>\n");
}

/// What did not fit: a count in the last lane of its month.
fn draw_hidden(
    out: &mut String,
    view: &View,
    geo: &Geometry,
    rings: &[Ring],
    items: &[Item],
    lane: &[Option<usize>],
    layouts: &[Layout],
) {
    let Geometry { cx, cy, .. } = *geo;
    let w = view.t;
    for (g, ring) in rings.iter().enumerate() {
        for (s, h) in layouts[g].hidden.iter().enumerate() {
            if h.is_empty() {
                continue;
            }
            let lane_h = (ring.r1 - ring.r0 - 2.0 * PAD) / ring.lanes as f64;
            let r_lo = ring.r0 + PAD;
            let r_hi = r_lo + lane_h;
            let gap = (3.0 / r_lo).to_degrees();
            let (a0, a1) = (angle(s as f64) + gap, angle(s as f64 + 1.0) - gap);
            let count: usize = h.iter().map(|&i| items[i].count).sum();
            let shown_here = items
                .iter()
                .enumerate()
                .any(|(i, it)| it.ring == g && lane[i].is_some() && it.months().any(|m| m == s));
            let words_label = if shown_here {
                w.more.replace("{}", &count.to_string())
            } else {
                i18n::count(count as i64, w.activities)
            };
            let mut tip: Vec<String> = h.iter().take(25).map(|&i| items[i].label()).collect();
            if h.len() > 25 {
                tip.push("…".to_string());
            }
            let attrs = format!(" font-style=\"italic\" fill=\"{MUTED}\"");
            let at = ArcLabel { cx, cy, r_lo, r_hi, a0, a1, size: FONT, dot: None, attrs: &attrs };
            // "+14 til" where it fits, else "+14".
            let line = ArcText {
                cx,
                cy,
                r_lo,
                r_hi,
                a0,
                a1,
                size: FONT,
                offset: 4.0,
                anchor_middle: false,
                bold: false,
                attrs: "",
            };
            let label =
                if text_width(&words_label, FONT, false) <= line.room() { words_label } else { format!("+{count}") };
            out.push_str(&format!("<g>{}", tooltip(&tip.join("\n"))));
            at.draw(&label, out);
            out.push_str("</g>\n");
        }
    }
}

/// The hub: what the wheel is, from which month, over which years.
fn draw_hub(out: &mut String, view: &View, geo: &Geometry) {
    let Geometry { cx, cy, r_hole, first_month, .. } = *geo;
    let w = view.t;
    let _ = writeln!(
        out,
        "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"#ffffff\" stroke=\"#cfd8dc\" stroke-width=\"1.5\"/>",
        num(cx),
        num(cy),
        num(r_hole - 2.0)
    );
    let hub_w = r_hole * 1.7;
    let last_month = (first_month + 10) % 12 + 1;
    let (start, end) = geo.days;
    let (range, years) = if first_month == 8 {
        // A wheel from August is read by school year: "skoleåret 2026/27", or the school years of the plan.
        let (first, last) = (crate::when::school_year_of(start), crate::when::school_year_of(end));
        let (head, span) = i18n::school_years(view.lang, first, last);
        (head, span)
    } else {
        let months =
            format!("{} – {}", i18n::month_short(view.lang, first_month), i18n::month_short(view.lang, last_month));
        let (y0, y1) = (start.year(), end.year());
        (months, if y0 == y1 { y0.to_string() } else { format!("{y0}–{y1}") })
    };
    let mid = " text-anchor=\"middle\"";
    out.push_str(&text(
        cx,
        cy - 6.0,
        17.0,
        &format!("{mid} font-weight=\"bold\" fill=\"{INK}\""),
        &fit(w.wheel, hub_w, 17.0, true),
    ));
    out.push_str(&text(cx, cy + 13.0, 12.0, &format!("{mid} fill=\"{MUTED}\""), &fit(&range, hub_w, 12.0, false)));
    out.push_str(&text(cx, cy + 29.0, 11.0, &format!("{mid} fill=\"{MUTED}\""), &fit(&years, hub_w, 11.0, false)));
    out.push('\n');
}

/// Today: a pointer outside the month ring, at the day.
fn draw_today(out: &mut String, view: &View, geo: &Geometry, today_sector: usize) {
    let Geometry { cx, cy, r_month_out, .. } = *geo;
    let day_angle = angle(today_sector as f64 + view.today.day0() as f64 / days_in_month(view.today));
    let (tx, ty) = polar(cx, cy, r_month_out + 1.0, day_angle);
    let spread = (6.0 / (r_month_out + 13.0)).to_degrees();
    let (bx, by) = polar(cx, cy, r_month_out + 14.0, day_angle - spread);
    let (ex, ey) = polar(cx, cy, r_month_out + 14.0, day_angle + spread);
    let _ = writeln!(
        out,
        "<g>{}<path d=\"M{} {}L{} {}L{} {}Z\" fill=\"{TODAY}\"/></g>",
        tooltip(&format!("{} {}", view.t.today, i18n::day(view.lang, view.today))),
        num(tx),
        num(ty),
        num(bx),
        num(by),
        num(ex),
        num(ey)
    );
}
