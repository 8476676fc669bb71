//! Stage 3: modules, names and links.
//!
//! Places every model in the module of its folder, turns each reference to
//! another model (a link to its spec, or a name in the same doc or module)
//! into an index, and works out what the generated code needs to know about
//! the whole graph: which traits each type can derive and which fields need a
//! `Box` because a type contains itself.

use super::diag::{Diagnostics, did_you_mean};
use super::dialect::DIALECTS;
use super::hash::{Map, Set, StrMap};
use super::ir::{
    LocalId, Model, ModelId, ModelKind, NamedRef, ReadModel, Scalar, SpecId, Ty, Value,
};
use super::naming::RustIdent;
use super::par;
use super::source::SpecFile;
use std::sync::{Arc, OnceLock};

mod graph;
mod links;
#[cfg(test)]
mod tests;

use graph::*;
use links::*;

/// What can be derived for one model beyond `Debug`, `Clone`, `PartialEq`
/// and serde's traits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Traits {
    /// No float inside.
    pub eq: bool,
    /// `eq`, and no free-form JSON inside.
    pub hash: bool,
}

/// The model graph, ready for code generation: the models, each
/// reference to another a [`ModelId`], and what the graph says of each
/// model in tables beside them.
#[derive(Debug)]
pub struct Resolved<'s> {
    pub models: Vec<Model<'s>>,
    /// Per model: its module path below the invocation.
    pub modules: Vec<Arc<[RustIdent]>>,
    pub traits: Vec<Traits>,
    /// Per model: which of its fields or alternatives (by position) hold
    /// their value in a `Box`, because the type contains itself. Empty for
    /// a model in no cycle (most models).
    pub boxed: Vec<Vec<bool>>,
    /// Per model: whether it has a rule to check, its own or a model's
    /// inside it (`token_models::Validate`).
    pub validates: Vec<bool>,
}

impl<'s> Resolved<'s> {
    pub fn model(&self, id: ModelId) -> &Model<'s> {
        &self.models[id.index()]
    }

    /// The model's module path below the invocation.
    pub fn module(&self, id: ModelId) -> &[RustIdent] {
        &self.modules[id.index()]
    }

    pub fn traits(&self, id: ModelId) -> Traits {
        self.traits[id.index()]
    }

    /// Whether the model has a rule to check, or a model inside it has.
    pub fn validates(&self, id: ModelId) -> bool {
        self.validates[id.index()]
    }

    /// Whether the model's field or alternative `part` is boxed.
    pub fn is_boxed(&self, id: ModelId, part: usize) -> bool {
        self.boxed[id.index()].get(part).copied().unwrap_or(false)
    }

    /// Every model's id, in order.
    pub fn ids(&self) -> impl ExactSizeIterator<Item = ModelId> + use<> {
        (0..self.models.len()).map(ModelId::new)
    }
}

/// Resolves `models` (read from `specs`), on up to `threads` threads.
pub fn resolve<'s>(
    specs: &[SpecFile],
    mut models: Vec<ReadModel<'s>>,
    threads: usize,
    diags: &mut Diagnostics,
) -> Resolved<'s> {
    // A doc identical to one before it in its folder is that doc's type.
    let same_as = identical_specs(specs);
    if same_as.iter().any(Option::is_some) {
        models.retain(|m| same_as[m.spec.index()].is_none());
    }
    // A folder's module path is named once and shared: the models of a
    // folder come one after another (specs are in path order).
    let mut modules: Vec<Arc<[RustIdent]>> = Vec::with_capacity(models.len());
    let mut last: Option<(&[String], usize)> = None;
    for m in &models {
        let folders = specs[m.spec.index()].folders();
        let module = match last {
            Some((seen, k)) if seen == folders => Arc::clone(&modules[k]),
            _ => {
                last = Some((folders, modules.len()));
                folders.iter().map(|f| RustIdent::module(f)).collect()
            }
        };
        modules.push(module);
    }

    // Two types with one name in one module (see `rename_clashes`): told
    // first without copying a name, since most spec trees have none.
    let mut names: Set<(&[RustIdent], &str)> =
        Set::with_capacity_and_hasher(models.len(), Default::default());
    let clash = !models
        .iter()
        .zip(&modules)
        .all(|(m, module)| names.insert((&module[..], &m.rust.name)));
    drop(names);
    if clash {
        rename_clashes(&mut models, &modules, specs, diags);
    }

    // Each model's references are looked up and its types resolved on its
    // own, on all cores when there are enough models to be worth it (a
    // model takes about a microsecond, optimised). The index knows each
    // model's spec and name, never what it holds.
    let entries: Vec<Entry> = models
        .iter()
        .map(|m| Entry {
            spec: m.spec,
            name: m.rust.name.clone(),
        })
        .collect();
    let index = Index::new(specs, &entries, &modules, &same_as);
    let done = par::map_timed(models, threads, |i, m| {
        let id = ModelId::new(i);
        let path = specs[m.spec.index()].display();
        let mut d = Diagnostics::new();
        let mut link = String::new();
        // A doc's own types follow its first model.
        let first_of_spec = index.first[m.spec.index()].unwrap_or(id);
        let local = |k: LocalId| ModelId::new(first_of_spec.index() + k.index());
        // A field's fallback is its own; an alternative's is its union's.
        let mut union_fallback = None;
        let kind = m.kind.map_types(
            |ty, written, pos, fallback| {
                let mut problem = None;
                let mut named = |n: NamedRef| match index.lookup(id, &n, &mut link) {
                    Ok(target) => Some(target),
                    Err(message) => {
                        problem = Some(message);
                        None
                    }
                };
                let ty = ty.resolve(&mut named, &local);
                if let Some(message) = problem {
                    let message = format!(
                        "in the type of `{written}` (generated as `serde_json::Value`): {message}"
                    );
                    d.warn_at(path, pos, message.clone());
                    fallback.get_or_insert(message);
                }
                ty
            },
            m.pos,
            &mut union_fallback,
        );
        let edges = Edges::of(&kind);
        let model = Model {
            spec: m.spec,
            pos: m.pos,
            rust: m.rust,
            doc: m.doc,
            kind,
            example: m.example,
            omitted: m.omitted,
            inline: m.inline,
            fallback: m.fallback.or(union_fallback),
        };
        (model, d, edges)
    });
    let mut models = Vec::with_capacity(done.len());
    let mut edges = Vec::with_capacity(done.len());
    for (m, d, e) in done {
        diags.append(d);
        models.push(m);
        edges.push(e);
    }
    let boxed = boxes(&models, &edges);
    let traits = derive_traits(&edges);
    let own = models
        .iter()
        .map(|m| match &m.kind {
            ModelKind::Struct(fields) => fields.iter().any(|f| !f.constraints.is_empty()),
            _ => false,
        })
        .collect();
    let validates = validating(own, &edges);
    Resolved {
        models,
        modules,
        traits,
        boxed,
        validates,
    }
}

/// Per spec, the earlier spec of its folder it is identical to, if any (a
/// stale copy a rename left behind: `APIKey.md` beside `ApiKey.md`, both
/// `# ApiKey`). Texts are compared only among specs of one folder and one
/// length.
fn identical_specs(specs: &[SpecFile]) -> Vec<Option<usize>> {
    let mut by_size: Map<(&[String], usize), Vec<usize>> = Map::default();
    let mut same_as = vec![None; specs.len()];
    for (i, s) in specs.iter().enumerate() {
        if !s.readable {
            continue;
        }
        let earlier = by_size.entry((s.folders(), s.text.len())).or_default();
        match earlier.iter().find(|&&j| specs[j].text == s.text) {
            Some(&j) => same_as[i] = Some(j),
            None => earlier.push(i),
        }
    }
    same_as
}

/// Two types with one name in one module: the later one gets the first
/// free name with a number after it (a warning says so, unless the type is
/// defined inline, whose name is ours), so that nothing else fails because
/// of it.
fn rename_clashes<T>(
    models: &mut [Model<'_, T>],
    modules: &[Arc<[RustIdent]>],
    specs: &[SpecFile],
    diags: &mut Diagnostics,
) {
    let mut seen: Map<(&[RustIdent], String), SpecId> = Map::default();
    for (i, m) in models.iter_mut().enumerate() {
        let key = (&modules[i][..], m.rust.name.clone());
        if let Some(&first) = seen.get(&key) {
            let base = m.rust.name.clone();
            let free = (2..)
                .map(|n| format!("{base}{n}"))
                .find(|c| !seen.contains_key(&(&modules[i][..], c.clone())));
            m.rust.name = free.unwrap_or_else(|| format!("{base}Duplicate{i}"));
            if !m.inline {
                let message = format!(
                    "found a second type named `{base}` in this module (the first is from {}); generated this one as `{}`",
                    specs[first.index()].display(),
                    m.rust.name
                );
                diags.warn_at(specs[m.spec.index()].display(), m.pos, message.clone());
                m.fallback.get_or_insert(message);
            }
        }
        seen.insert((&modules[i][..], m.rust.name.clone()), m.spec);
    }
}
