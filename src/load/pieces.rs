//! Loading a large file in pieces, in parallel, to the same plan and findings as loading it whole.

use super::loader::{Loader, find};
use crate::diag::Finding;
use crate::model::{Activity, Agreement, Phase, Plan};
use crate::source::Source;
use crate::split::Kind;
use toml::de::{DeTable, DeValue};

/// What loading one piece gave.
struct PieceLoad {
    phases: Vec<Phase>,
    errors: Vec<Finding>,
    hidden: Vec<crate::model::HiddenText>,
}

/// Loads a plan cut into pieces of at least `min_piece` bytes, parsed and loaded in parallel: the same plan
/// and the same findings as [`load_whole`](super::load_whole), in less time and a fraction of the memory. `None`
/// when the file cannot be cut, or its pieces might not mean what the whole file means (then
/// [`load_whole`](super::load_whole) decides).
pub fn load_in_pieces(source: &Source, min_piece: usize) -> Option<Result<Plan, Vec<Finding>>> {
    use rayon::prelude::*;
    let split = crate::split::split(&source.text, min_piece)?;
    let mut loader = Loader::new(source);
    let plan = load_rest(&mut loader, &split.rest(&source.text)?)?;
    let pieces = split.pieces;
    let agreement = loader.agreement.clone();
    // Each piece loads its activities straight into its own stretch of the plan's list, so that the list is
    // never copied: with 100,000 activities a copy is 50 MB more at the peak. The phases' activities come
    // first, then the top-level ones, as in the whole file.
    let mut slots: Vec<Option<Activity>> = Vec::new();
    slots.resize_with(pieces.iter().map(|p| p.activities).sum(), || None);
    let mut order: Vec<&crate::split::Piece> = pieces.iter().filter(|p| p.kind != Kind::Activities).collect();
    order.extend(pieces.iter().filter(|p| p.kind == Kind::Activities));
    let mut work = Vec::with_capacity(order.len());
    let mut free = slots.as_mut_slice();
    for piece in order {
        let (mine, others) = free.split_at_mut(piece.activities);
        work.push((piece, mine));
        free = others;
    }
    let loads: Vec<Option<PieceLoad>> =
        work.into_par_iter().map(|(piece, slots)| load_piece(source, piece, &agreement, slots)).collect();
    let mut phases = Vec::new();
    for piece in loads {
        let piece = piece?;
        phases.extend(piece.phases);
        loader.errors.extend(piece.errors);
        loader.hidden.extend(piece.hidden);
    }
    // Activities that did not load leave their slot empty (and an error behind). `filter_map` collects in
    // place, into the same allocation (`flatten` would copy).
    #[allow(clippy::filter_map_identity)]
    let activities: Vec<Activity> = slots.into_iter().filter_map(|a| a).collect();
    let plan = plan.map(|mut plan| {
        plan.phases = phases;
        plan.activities = activities;
        plan
    });
    Some(loader.finish(plan))
}

/// Loads what is left of the file without its pieces: everything but the phases and activities. `None` when
/// that is not the plan without them.
fn load_rest(loader: &mut Loader<'_>, rest: &str) -> Option<Option<Plan>> {
    let (doc, errors) = DeTable::parse_recoverable(rest);
    let doc = doc.into_inner();
    // Phases or activities written anywhere but in the pieces: the pieces alone would not be the plan.
    if !errors.is_empty() || find(&doc, "phase").is_some() || find(&doc, "activity").is_some() {
        return None;
    }
    // Without a [plan] table the whole-file loader stops at that one error, before phases and activities.
    if !find(&doc, "plan").is_some_and(|(_, v)| matches!(v.get_ref(), DeValue::Table(_))) {
        return None;
    }
    Some(loader.document(&doc))
}

/// Loads one piece, its activities into `slots`. `None` when the piece does not parse on its own as the cut
/// said it would.
fn load_piece(
    source: &Source,
    piece: &crate::split::Piece,
    agreement: &Option<Agreement>,
    slots: &mut [Option<Activity>],
) -> Option<PieceLoad> {
    let (doc, errors) = DeTable::parse_recoverable(&source.text[piece.range.clone()]);
    let doc = doc.into_inner();
    // The cut is made only at `[[phase]]`, `[[phase.activity]]` and `[[activity]]` written with bare keys,
    // so a piece's one key is the one its kind says.
    if !errors.is_empty() || doc.len() != 1 {
        return None;
    }
    let mut l = Loader::new(source);
    l.agreement = agreement.clone();
    l.base = piece.range.start;
    l.phase_base = piece.phases_before;
    l.scan_hidden(&doc);
    let mut out = PieceLoad { phases: Vec::new(), errors: Vec::new(), hidden: Vec::new() };
    let mut activities = Vec::new();
    match piece.kind {
        Kind::Phases => out.phases = l.phases(&doc, &mut activities),
        Kind::PhaseActivities => {
            // `[[phase.activity]]` alone makes `phase` a table holding only `activity`.
            let index = piece.phases_before.checked_sub(1)?;
            let (_, v) = find(&doc, "phase")?;
            let DeValue::Table(phase) = v.get_ref() else { return None };
            if phase.len() != 1 || find(phase, "activity").is_none() {
                return None;
            }
            for (t, span) in l.tables(phase, "activity", "[[phase.activity]]") {
                activities.extend(l.activity(t, span, Some(index)));
            }
        }
        Kind::Activities => {
            for (t, span) in l.tables(&doc, "activity", "[[activity]]") {
                activities.extend(l.activity(t, span, None));
            }
        }
    }
    // More activities than headers: some were inline tables. Rare enough to parse the whole file.
    if activities.len() > slots.len() {
        return None;
    }
    for (slot, a) in slots.iter_mut().zip(activities) {
        *slot = Some(a);
    }
    out.errors = l.errors;
    out.hidden = l.hidden;
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_whole;
    use crate::load::testing::HEAD;

    /// What a load gives, as text: the plan or the findings.
    fn outcome(result: Result<Plan, Vec<Finding>>) -> String {
        match result {
            Ok(plan) => format!("{plan:?}"),
            Err(findings) => format!("{findings:?}"),
        }
    }

    #[test]
    fn pieces_the_cut_cannot_take_whole_are_loaded_whole() {
        let phase = "[[phase]]\nid = \"p\"\nname = \"P\"\nperiod = \"vår 2026\"\n";
        let act = |t: &str| format!("[[phase.activity]]\ntitle = \"{t}\"\nwhen = \"mars 2026\"\n");
        for text in [
            // Activities written inline in a phase: more activities than headers.
            format!(
                "{HEAD}{phase}activity = [{{ title = \"A\", when = \"mars 2026\" }}, {{ title = \"B\", when = \"april 2026\" }}]\n"
            ),
            // A table of the phase after its activities: not the phase's activities alone.
            format!("{HEAD}{phase}{}{}[phase.extra]\nx = 1\n", act("A"), act("B")),
        ] {
            let source = Source::new("t.toml", text.as_str());
            let whole = outcome(load_whole(&source));
            let pieces = load_in_pieces(&source, 0).map(outcome);
            assert!(pieces.is_none_or(|p| p == whole), "{text}");
        }
    }
}
