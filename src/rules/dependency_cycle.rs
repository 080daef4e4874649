use super::{Ctx, Rule, rule_doc};
use crate::diag::{Finding, RuleId, Severity};
use crate::lang::Text;
use crate::messages::rules::dependency_cycle as m;
use std::collections::VecDeque;

pub const RULE: Rule = Rule {
    id: RuleId::DependencyCycle,
    severity: Severity::Error,
    summary: m::SUMMARY,
    doc: rule_doc!("dependency-cycle"),
    check: Some(check),
};

/// Edges: for each activity, (target activity, index into its `after` list).
fn graph(ctx: &Ctx) -> Vec<Vec<(usize, usize)>> {
    ctx.plan
        .activities
        .iter()
        .map(|a| a.after.iter().enumerate().filter_map(|(k, d)| ctx.activity(&d.value).map(|t| (t, k))).collect())
        .collect()
}

/// Strongly connected components (Tarjan), iteratively so that a 100,000-long chain cannot overflow the stack.
fn components(g: &[Vec<(usize, usize)>]) -> Vec<usize> {
    const UNSEEN: usize = usize::MAX;
    let n = g.len();
    let (mut index, mut low, mut comp) = (vec![UNSEEN; n], vec![0; n], vec![UNSEEN; n]);
    let (mut on_stack, mut stack) = (vec![false; n], Vec::new());
    let (mut next, mut ncomp) = (0, 0);
    for root in 0..n {
        if index[root] != UNSEEN {
            continue;
        }
        let mut work: Vec<(usize, usize)> = vec![(root, 0)];
        while let Some(top) = work.last_mut() {
            let (v, edge) = *top;
            // First time here (a node is pushed only while unseen, and seen at once).
            if index[v] == UNSEEN {
                index[v] = next;
                low[v] = next;
                next += 1;
                stack.push(v);
                on_stack[v] = true;
            }
            if let Some(&(w, _)) = g[v].get(edge) {
                top.1 += 1;
                if index[w] == UNSEEN {
                    work.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            work.pop();
            if let Some(&(parent, _)) = work.last() {
                low[parent] = low[parent].min(low[v]);
            }
            if low[v] == index[v] {
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    comp[w] = ncomp;
                    if w == v {
                        break;
                    }
                }
                ncomp += 1;
            }
        }
    }
    comp
}

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let acts = &ctx.plan.activities;
    let g = graph(ctx);
    let comp = components(&g);
    let mut size = vec![0usize; acts.len()];
    for &c in &comp {
        size[c] += 1;
    }
    let mut reported = vec![false; acts.len()];
    for s in 0..acts.len() {
        let c = comp[s];
        let self_loop = g[s].iter().any(|&(t, _)| t == s);
        if reported[c] || (size[c] < 2 && !self_loop) {
            continue;
        }
        reported[c] = true;
        // The first activity of the circle in file order is `s`; walk back to it inside its component.
        let path = if self_loop { vec![s] } else { shortest_cycle(&g, &comp, s) };
        let mut names: Vec<&str> = path.iter().map(|&i| acts[i].id.value.as_str()).collect();
        names.push(&acts[s].id.value);
        // A long circle is named by its ends: a message of 10,000 ids helps no one find the wrong one.
        let shown = if names.len() > 12 {
            let (head, tail) = (&names[..5], &names[names.len() - 5..]);
            m::long_circle(&head.join(" → "), &tail.join(" → "), path.len())
        } else {
            // Ids, the same in every language.
            Text::verbatim(names.join(" → "))
        };
        let next = path.get(1).copied().unwrap_or(s);
        let k = g[s].iter().find(|&&(t, _)| t == next).map_or(0, |&(_, k)| k);
        let tangled = (size[c] > path.len()).then_some(size[c]);
        out.push(
            RULE.finding(acts[s].after[k].span, m::circle(&shown, tangled))
                .label(m::closes_the_circle())
                .help(m::remove_the_false_one()),
        );
    }
}

/// The shortest circle through `s`, as the list of activities from `s` (breadth-first inside the component).
fn shortest_cycle(g: &[Vec<(usize, usize)>], comp: &[usize], s: usize) -> Vec<usize> {
    let mut parent = foldhash::HashMap::default();
    let mut queue = VecDeque::from([s]);
    while let Some(v) = queue.pop_front() {
        for &(w, _) in &g[v] {
            if comp[w] != comp[s] {
                continue;
            }
            if w == s {
                let mut path = vec![v];
                let mut cur = v;
                while cur != s {
                    cur = parent[&cur];
                    path.push(cur);
                }
                path.reverse();
                return path;
            }
            if let std::collections::hash_map::Entry::Vacant(e) = parent.entry(w) {
                e.insert(v);
                queue.push_back(w);
            }
        }
    }
    vec![s]
}

/// The rule's cases are the fixtures in `tests/fixtures/rules/dependency-cycle/`; here, what no plan of a
/// readable size shows.
#[cfg(test)]
mod tests {
    #[test]
    fn deep_chain_does_not_overflow() {
        let n = 100_000;
        let g: Vec<Vec<(usize, usize)>> =
            (0..n).map(|i| if i + 1 < n { vec![(i + 1, 0)] } else { vec![(0, 0)] }).collect();
        let comp = super::components(&g);
        assert!(comp.iter().all(|&c| c == comp[0]), "one big circle");
    }
}
