use super::{Ctx, Rule};
use crate::diag::{Finding, RuleId, Severity};
use std::collections::VecDeque;

pub const RULE: Rule = Rule {
    id: RuleId::DependencyCycle,
    severity: Severity::Error,
    summary: "Activities that depend on each other in a circle",
    doc: include_str!("docs/dependency-cycle.md"),
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
            format!("{} → … → {} ({} activities in this circle)", head.join(" → "), tail.join(" → "), path.len())
        } else {
            names.join(" → ")
        };
        let next = path.get(1).copied().unwrap_or(s);
        let k = g[s].iter().find(|&&(t, _)| t == next).map_or(0, |&(_, k)| k);
        let extra = if size[c] > path.len() {
            format!(" ({} activities are tangled in this circle)", size[c])
        } else {
            String::new()
        };
        out.push(
            RULE.finding(
                acts[s].after[k].span.clone(),
                format!("activities depend on each other in a circle: {shown}{extra}"),
            )
            .label("this dependency closes the circle")
            .help("an activity cannot wait for itself; remove the dependency that is not real"),
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

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::{HEAD, run_rule};

    fn plan(deps: &[(&str, &[&str])]) -> String {
        let mut s = HEAD.to_string();
        for (id, after) in deps {
            let after: Vec<String> = after.iter().map(|a| format!("\"{a}\"")).collect();
            s.push_str(&format!(
                "\n[[activity]]\nid = \"{id}\"\ntitle = \"{id}\"\nwhen = \"mars 2026\"\nafter = [{}]\n",
                after.join(", ")
            ));
        }
        s
    }

    #[test]
    fn names_the_whole_circle() {
        let f = run_rule(&RULE, &plan(&[("a", &["c"]), ("b", &["a"]), ("c", &["b"]), ("d", &["d"])]));
        let msgs: Vec<&str> = f.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            msgs,
            [
                "activities depend on each other in a circle: a → c → b → a",
                "activities depend on each other in a circle: d → d"
            ]
        );
    }

    #[test]
    fn a_long_circle_is_named_by_its_ends() {
        let circle = |n: usize| {
            let ids: Vec<String> = (0..n).map(|i| format!("x{i}")).collect();
            let deps: Vec<(String, Vec<String>)> =
                (0..n).map(|i| (ids[i].clone(), vec![ids[(i + 1) % n].clone()])).collect();
            let deps: Vec<(&str, Vec<&str>)> =
                deps.iter().map(|(id, a)| (id.as_str(), a.iter().map(String::as_str).collect())).collect();
            let deps: Vec<(&str, &[&str])> = deps.iter().map(|(id, a)| (*id, a.as_slice())).collect();
            run_rule(&RULE, &plan(&deps)).remove(0).message
        };
        // Eleven activities are twelve names with the first again: still all of them.
        assert_eq!(
            circle(11),
            "activities depend on each other in a circle: x0 → x1 → x2 → x3 → x4 → x5 → x6 → x7 → x8 → x9 → x10 → x0"
        );
        assert_eq!(
            circle(12),
            "activities depend on each other in a circle: x0 → x1 → x2 → x3 → x4 → … → x8 → x9 → x10 → x11 → x0 \
             (12 activities in this circle)"
        );
    }

    #[test]
    fn silent_on_chains_and_diamonds() {
        assert!(run_rule(&RULE, &plan(&[("a", &[]), ("b", &["a"]), ("c", &["a"]), ("d", &["b", "c"])])).is_empty());
    }

    #[test]
    fn deep_chain_does_not_overflow() {
        let n = 100_000;
        let g: Vec<Vec<(usize, usize)>> =
            (0..n).map(|i| if i + 1 < n { vec![(i + 1, 0)] } else { vec![(0, 0)] }).collect();
        let comp = super::components(&g);
        assert!(comp.iter().all(|&c| c == comp[0]), "one big circle");
    }

    #[test]
    fn the_finding_points_at_the_dependency_that_closes_the_circle() {
        // a waits for z (outside the circle) and for b; b waits for a.
        let text = plan(&[("z", &[]), ("a", &["z", "b"]), ("b", &["a"])]);
        let f = run_rule(&RULE, &text);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].message, "activities depend on each other in a circle: a → b → a");
        let at = f[0].span.clone().unwrap();
        assert_eq!(&text[at.clone()], "\"b\"");
        assert!(text[..at.start].ends_with("after = [\"z\", "), "the second entry of a's list");
    }

    #[test]
    fn a_tangle_larger_than_its_shortest_circle_says_how_large() {
        // a ⇄ b is the shortest circle through a; b → c → d → b ties two more into the same tangle.
        let f = run_rule(&RULE, &plan(&[("a", &["b"]), ("b", &["a", "c"]), ("c", &["d"]), ("d", &["b"])]));
        let msgs: Vec<&str> = f.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            msgs,
            ["activities depend on each other in a circle: a → b → a (4 activities are tangled in this circle)"]
        );
    }
}
