//! The graph of models holding models: which fields need a `Box` (a type
//! that holds itself) and which traits each type can derive.

use super::*;

/// The models a type holds directly (not behind a `Vec` or a map), which
/// would make it infinitely large if one of them held it in turn: their
/// indices, the graph's nodes.
pub(super) fn direct_refs(ty: &Ty, out: &mut Vec<usize>) {
    match ty {
        Ty::Model(m) => out.push(m.index()),
        Ty::Nullable(t) => direct_refs(t, out),
        Ty::List(_) | Ty::Map(_) | Ty::Scalar(_) => {}
    }
}

/// What one model's types say about the graph of models: found while the
/// model is resolved (on all cores), put together after.
pub(super) struct Edges {
    /// The models it holds directly (not behind a list or a map).
    direct: Vec<usize>,
    /// Every model its types name, anywhere, as often as they do.
    named: Vec<usize>,
    /// The traits its own kind and fields allow, before those of the
    /// models it holds are known.
    own: Traits,
}

impl Edges {
    pub(super) fn of(kind: &ModelKind) -> Edges {
        let all = Traits {
            eq: true,
            hash: true,
        };
        let mut own = match kind {
            ModelKind::FreeForm | ModelKind::Any => Traits {
                eq: true,
                hash: false,
            },
            // An open enum of numbers keeps unknown values as JSON.
            ModelKind::Enum {
                variants,
                open: true,
                ..
            } if variants.iter().any(|v| !matches!(v.value, Value::Str(_))) => Traits {
                eq: true,
                hash: false,
            },
            ModelKind::Struct(_) | ModelKind::Union(_) | ModelKind::Enum { .. } => all,
        };
        let (mut direct, mut named) = (Vec::new(), Vec::new());
        for ty in kind.types() {
            direct_refs(ty, &mut direct);
            ty.walk(&mut |ty| match ty {
                Ty::Scalar(Scalar::F32 | Scalar::F64) => {
                    own = Traits {
                        eq: false,
                        hash: false,
                    }
                }
                Ty::Scalar(Scalar::Any | Scalar::Object) => own.hash = false,
                Ty::Model(r) => named.push(r.index()),
                _ => {}
            });
        }
        Edges { direct, named, own }
    }
}

/// Which fields or alternatives of each model hold, directly, a model of
/// its own strongly connected component (the types that contain
/// themselves): they are boxed. `edges` are the models', in order.
pub(super) fn boxes(models: &[Model], edges: &[Edges]) -> Vec<Vec<bool>> {
    let edges: Vec<&[usize]> = edges.iter().map(|e| e.direct.as_slice()).collect();
    let component = strongly_connected(&edges);
    // A model alone in its component that does not hold itself is in no
    // cycle: none of its fields is boxed (most models).
    let mut size = vec![0usize; models.len()];
    for &c in &component {
        size[c] += 1;
    }
    let mut refs = Vec::new();
    let mut boxed = Vec::with_capacity(models.len());
    for (i, m) in models.iter().enumerate() {
        if size[component[i]] == 1 && !edges[i].contains(&i) {
            boxed.push(Vec::new());
            continue;
        }
        let parts = m.kind.types().map(|ty| {
            refs.clear();
            direct_refs(ty, &mut refs);
            refs.iter().any(|&r| component[r] == component[i])
        });
        boxed.push(parts.collect());
    }
    boxed
}

/// Tarjan's algorithm, without recursion: a component number per node.
pub(super) fn strongly_connected(edges: &[&[usize]]) -> Vec<usize> {
    const UNSEEN: usize = usize::MAX;
    let n = edges.len();
    let (mut index, mut low, mut component) = (vec![UNSEEN; n], vec![0; n], vec![UNSEEN; n]);
    let (mut on_stack, mut stack) = (vec![false; n], Vec::new());
    let (mut next_index, mut next_component) = (0, 0);
    for root in 0..n {
        if index[root] != UNSEEN {
            continue;
        }
        // (node, next edge to look at)
        let mut work = vec![(root, 0)];
        while let Some(&mut (v, ref mut e)) = work.last_mut() {
            if *e == 0 && index[v] == UNSEEN {
                index[v] = next_index;
                low[v] = next_index;
                next_index += 1;
                stack.push(v);
                on_stack[v] = true;
            }
            if let Some(&w) = edges[v].get(*e) {
                *e += 1;
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
                    component[w] = next_component;
                    if w == v {
                        break;
                    }
                }
                next_component += 1;
            }
        }
    }
    component
}

/// Per model `r`, the models with a field (or alternative) of model `r`,
/// anywhere in its type: where what `r` gains or loses spreads to.
fn holders(edges: &[Edges]) -> Vec<Vec<usize>> {
    let mut holders: Vec<Vec<usize>> = vec![Vec::new(); edges.len()];
    for (i, e) in edges.iter().enumerate() {
        for &r in &e.named {
            if let Some(h) = holders.get_mut(r) {
                h.push(i);
            }
        }
    }
    holders
}

/// `Eq` where no float is inside, `Hash` where in addition no free-form JSON
/// is: each model's own fields decide first, then a model that loses a
/// trait takes it from every model that holds it, until none changes (a
/// worklist, so each reference is followed at most once per trait lost).
pub(super) fn derive_traits(edges: &[Edges]) -> Vec<Traits> {
    let all = Traits {
        eq: true,
        hash: true,
    };
    let mut traits: Vec<Traits> = edges.iter().map(|e| e.own).collect();
    let holders = holders(edges);
    let mut work: Vec<usize> = (0..edges.len()).filter(|&i| traits[i] != all).collect();
    while let Some(r) = work.pop() {
        let lost = traits[r];
        for &i in &holders[r] {
            let t = Traits {
                eq: traits[i].eq && lost.eq,
                hash: traits[i].hash && lost.hash,
            };
            if t != traits[i] {
                traits[i] = t;
                work.push(i);
            }
        }
    }
    traits
}

/// Which models have something to validate: a field with a rule the doc
/// states (`own`), or a model inside that has (at any depth, through lists
/// and maps too). A worklist from the models with rules to those that
/// hold them.
pub(super) fn validating(own: Vec<bool>, edges: &[Edges]) -> Vec<bool> {
    let holders = holders(edges);
    let mut validates = own;
    let mut work: Vec<usize> = (0..validates.len()).filter(|&i| validates[i]).collect();
    while let Some(r) = work.pop() {
        for &i in &holders[r] {
            if !validates[i] {
                validates[i] = true;
                work.push(i);
            }
        }
    }
    validates
}
