//! The plan index: the lookups every analysis of a plan needs (roles by id or name, phases and activities by id,
//! each phase's activities), built once per plan in O(n).

use crate::model::{Activity, PhaseRef, Plan};
use crate::source::Source;
use foldhash::{HashMap, HashMapExt};

/// A plan with its lookups. The rules get it through their `Ctx`, the views through their `View`.
pub struct PlanIndex<'a> {
    pub plan: &'a Plan,
    pub source: &'a Source,
    roles: HashMap<String, usize>,
    phase_ids: HashMap<&'a str, usize>,
    activity_ids: HashMap<&'a str, usize>,
    /// Activity indexes per phase, in file order.
    pub phase_activities: Vec<Vec<usize>>,
}

impl<'a> PlanIndex<'a> {
    pub fn new(plan: &'a Plan, source: &'a Source) -> PlanIndex<'a> {
        let mut roles = HashMap::with_capacity(plan.roles.len() * 2);
        // Names first, so that an id always wins over another role's display name.
        for (i, r) in plan.roles.iter().enumerate() {
            roles.entry(r.name.to_lowercase()).or_insert(i);
        }
        for (i, r) in plan.roles.iter().enumerate() {
            roles.insert(r.id.value.to_lowercase(), i);
        }
        for (i, r) in plan.roles.iter().enumerate() {
            roles.insert(r.id.value.clone(), i);
        }
        let mut phase_ids = HashMap::new();
        for (i, p) in plan.phases.iter().enumerate() {
            phase_ids.entry(p.id.value.as_str()).or_insert(i);
        }
        let mut activity_ids = HashMap::with_capacity(plan.activities.len());
        for (i, a) in plan.activities.iter().enumerate() {
            activity_ids.entry(a.id.value.as_str()).or_insert(i);
        }
        let mut index = PlanIndex { plan, source, roles, phase_ids, activity_ids, phase_activities: Vec::new() };
        let mut per_phase = vec![Vec::new(); plan.phases.len()];
        for (i, a) in plan.activities.iter().enumerate() {
            if let Some(p) = index.phase_of(a) {
                per_phase[p].push(i);
            }
        }
        index.phase_activities = per_phase;
        index
    }

    /// A role by id, or by id or display name in any letter case.
    pub fn role(&self, name: &str) -> Option<usize> {
        self.roles.get(name).or_else(|| self.roles.get(&name.trim().to_lowercase())).copied()
    }

    pub fn phase(&self, id: &str) -> Option<usize> {
        self.phase_ids.get(id).copied()
    }

    /// The first activity with this id.
    pub fn activity(&self, id: &str) -> Option<usize> {
        self.activity_ids.get(id).copied()
    }

    pub(crate) fn phase_of(&self, a: &Activity) -> Option<usize> {
        match &a.phase {
            Some(PhaseRef::Nested(i)) => Some(*i),
            Some(PhaseRef::Named(p)) => self.phase(&p.value),
            None => None,
        }
    }

    /// The ids that activities still going ahead (not cancelled) name in one of their lists.
    pub(crate) fn served_by<F>(&self, list: F) -> foldhash::HashSet<&'a str>
    where
        F: Fn(&'a Activity) -> &'a [crate::model::Spanned<String>],
    {
        let active = self.plan.activities.iter().filter(|a| !a.is_cancelled());
        active.flat_map(|a| list(a).iter().map(|s| s.value.as_str())).collect()
    }
}
