//! Stage 3: modules, names and links.
//!
//! Places every model in the module of its folder, turns each reference to
//! another model (a link to its spec, or a name in the same doc or module)
//! into an index, and works out what the generated code needs to know about
//! the whole graph: which traits each type can derive and which fields need a
//! `Box` because a type contains itself.

use super::diag::{Diagnostics, did_you_mean};
use super::dialect::DIALECTS;
use super::hash::{Map, Set, StrMap, map_with_capacity};
use super::ir::{Model, ModelKind, NamedRef, Scalar, Ty, Value};
use super::naming::RustIdent;
use super::par;
use super::source::{Place, Scope, SpecFile};
use std::sync::{Arc, OnceLock};

/// What can be derived for one model beyond `Debug`, `Clone`, `PartialEq`
/// and serde's traits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Traits {
    /// No float inside.
    pub eq: bool,
    /// `eq`, and no free-form JSON inside.
    pub hash: bool,
}

/// The model graph, ready for code generation.
#[derive(Debug)]
pub struct Resolved<'s> {
    pub models: Vec<Model<'s>>,
    /// Per model: its module path below the invocation.
    pub modules: Vec<Arc<[RustIdent]>>,
    pub traits: Vec<Traits>,
}

/// Resolves `models` (read from `specs`), on up to `threads` threads.
pub fn resolve<'s>(
    specs: &[SpecFile],
    mut models: Vec<Model<'s>>,
    threads: usize,
    diags: &mut Diagnostics,
) -> Resolved<'s> {
    // A doc identical to one before it in its folder is that doc's type.
    let same_as = identical_specs(specs);
    if same_as.iter().any(Option::is_some) {
        models.retain(|m| same_as[m.spec].is_none());
    }
    // A folder's module path is named once and shared: the models of a
    // folder come one after another (specs are in path order).
    let mut modules: Vec<Arc<[RustIdent]>> = Vec::with_capacity(models.len());
    let mut last: Option<(&[String], usize)> = None;
    for m in &models {
        let folders = specs[m.spec].folders();
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

    // Each model's references are looked up and replaced on its own, on
    // all cores when there are enough models to be worth it (a model takes
    // about a microsecond, optimised). The index reads the models' names
    // and places, never what they hold, so what they hold is taken out
    // while it changes.
    let mut kinds: Vec<ModelKind<'s>> = models
        .iter_mut()
        .map(|m| std::mem::replace(&mut m.kind, ModelKind::Any))
        .collect();
    let index = Index::new(specs, &models, &modules, &same_as);
    let checked = par::map_timed(kinds.iter_mut().enumerate(), threads, |_, (i, kind)| {
        let m = &models[i];
        let mut d = Diagnostics::new();
        // A model's names are looked up in the order `Ty::walk` meets them,
        // then replaced in that order: the types are not copied.
        let mut targets = Vec::new();
        let mut path = String::new();
        // What fell back, by the name of its field or alternative.
        let mut fell_back: Vec<(String, String)> = Vec::new();
        for (ty, written, pos) in kind.types_named(m.pos) {
            let mut problem = None;
            ty.walk(&mut |t| {
                if let Ty::Named(named) = t {
                    targets.push(match index.lookup(i, named, &mut path) {
                        Ok(target) => Some(target),
                        Err(message) => {
                            problem = Some(message);
                            None
                        }
                    });
                }
            });
            if let Some(message) = problem {
                let message = format!(
                    "in the type of `{written}` (generated as `serde_json::Value`): {message}"
                );
                d.warn_at(specs[m.spec].display(), pos, message.clone());
                fell_back.push((written.to_owned(), message));
            }
        }
        // A field's fallback is its own; an alternative's is its union's.
        let mut model_fallback = None;
        for (written, message) in fell_back {
            let field = match kind {
                ModelKind::Struct(fields) => fields.iter_mut().find(|f| f.written == written),
                _ => None,
            };
            match field {
                Some(f) => f.fallback = f.fallback.take().or(Some(message)),
                None => model_fallback = model_fallback.or(Some(message)),
            }
        }
        let first_of_spec = index.first[m.spec].unwrap_or(i);
        let mut targets = targets.into_iter();
        for ty in kind.types_mut() {
            ty.walk_mut(&mut |t| match t {
                Ty::Named(_) => {
                    *t = match targets.next().flatten() {
                        Some(target) => Ty::Model(target),
                        None => Ty::Scalar(Scalar::Any),
                    }
                }
                Ty::Local(k) => *t = Ty::Model(first_of_spec + *k),
                _ => {}
            });
        }
        check_field_names(specs[m.spec].display(), kind, &mut d);
        (d, Edges::of(kind), model_fallback)
    });
    for (m, kind) in models.iter_mut().zip(kinds) {
        m.kind = kind;
    }
    let mut edges = Vec::with_capacity(models.len());
    for ((d, e, fallback), m) in checked.into_iter().zip(models.iter_mut()) {
        diags.append(d);
        edges.push(e);
        if m.fallback.is_none() {
            m.fallback = fallback;
        }
    }
    mark_boxes(&mut models, &edges);
    let traits = derive_traits(&edges);
    Resolved {
        models,
        modules,
        traits,
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
fn rename_clashes(
    models: &mut [Model<'_>],
    modules: &[Arc<[RustIdent]>],
    specs: &[SpecFile],
    diags: &mut Diagnostics,
) {
    let mut seen: Map<(&[RustIdent], String), usize> = Map::default();
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
                    specs[first].display(),
                    m.rust.name
                );
                diags.warn_at(specs[m.spec].display(), m.pos, message.clone());
                m.fallback.get_or_insert(message);
            }
        }
        seen.insert((&modules[i][..], m.rust.name.clone()), m.spec);
    }
}

/// Lookups from links and names to models.
struct Index<'a> {
    specs: &'a [SpecFile],
    models: &'a [Model<'a>],
    modules: &'a [Arc<[RustIdent]>],
    /// Spec path (relative to the root, `/`-joined) to spec index.
    by_path: StrMap<&'a str, usize>,
    /// Per spec, the first model it defines (its own type), if any.
    first: Vec<Option<usize>>,
    /// Type name to every model of that name.
    by_name: Map<&'a str, Vec<usize>>,
    /// File name to every spec of that name, for links to no spec's path
    /// (made when the first such link is met: most trees have none).
    by_file: OnceLock<Map<&'a str, Vec<usize>>>,
    /// File stem ([`stem_key`]) to every spec of that stem, for names no
    /// type has (made when the first such name is met).
    by_stem: OnceLock<Map<String, Vec<usize>>>,
    /// readme.io slug to the specs whose front matter gives it (made when
    /// the first `ref:` link is met).
    by_slug: OnceLock<Map<&'a str, Vec<usize>>>,
}

/// `slug: "the-customer-object"` from a page's YAML front matter.
fn front_matter_slug(text: &str) -> Option<&str> {
    let front = text.strip_prefix("---")?;
    let end = front.find("\n---")?;
    front.get(..end)?.lines().find_map(|l| {
        let value = l.strip_prefix("slug:")?.trim();
        Some(value.trim_matches(|c| c == '"' || c == '\''))
    })
}

/// A file stem or type name compared as a file name would be: letters and
/// digits only, in lower case (`payment_card`, `PaymentCard`).
fn stem_key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

impl<'a> Index<'a> {
    fn new(
        specs: &'a [SpecFile],
        models: &'a [Model<'a>],
        modules: &'a [Arc<[RustIdent]>],
        same_as: &[Option<usize>],
    ) -> Self {
        let mut by_path = StrMap::with_capacity(specs.len());
        for (i, s) in specs.iter().enumerate() {
            by_path.insert(s.rel_path(), i);
        }
        let mut first = vec![None; specs.len()];
        let mut by_name: Map<&str, Vec<usize>> = Map::default();
        for (i, m) in models.iter().enumerate() {
            if let Some(slot @ None) = first.get_mut(m.spec) {
                *slot = Some(i);
            }
            by_name.entry(m.rust.name.as_str()).or_default().push(i);
        }
        for (i, same) in same_as.iter().enumerate() {
            if let Some(&j) = same.as_ref() {
                first[i] = first[j];
            }
        }
        Index {
            specs,
            models,
            modules,
            by_path,
            first,
            by_name,
            by_file: OnceLock::new(),
            by_stem: OnceLock::new(),
            by_slug: OnceLock::new(),
        }
    }

    /// The `by_file` index, made on first use.
    fn specs_by_file(&self) -> &Map<&'a str, Vec<usize>> {
        self.by_file.get_or_init(|| {
            let mut by_file: Map<&str, Vec<usize>> = Map::default();
            for (i, s) in self.specs.iter().enumerate() {
                by_file.entry(s.file_name()).or_default().push(i);
            }
            by_file
        })
    }

    /// The model `named` refers to from model `from`; `path` is room for
    /// a link's path.
    fn lookup(&self, from: usize, named: &NamedRef, path: &mut String) -> Result<usize, String> {
        match named.link.as_deref() {
            Some(dest) if dest.starts_with("ref:") => {
                let spec = self.by_slug(dest)?;
                self.first.get(spec).copied().flatten().ok_or_else(|| {
                    format!(
                        "the reference `{dest}` leads to {}, which defines no type",
                        self.specs[spec].display()
                    )
                })
            }
            Some(dest) if !is_external(dest) => {
                let spec = self.resolve_link(self.models[from].spec, dest, path)?;
                self.first.get(spec).copied().flatten().ok_or_else(|| {
                    format!(
                        "the link `{dest}` leads to {}, which defines no type",
                        self.specs[spec].display()
                    )
                })
            }
            _ => self.by_name(from, named),
        }
    }

    /// A name with no link to a spec: a type of the same doc, then of the
    /// same module, then the one type of that name anywhere; among several,
    /// the one whose module path ends with the name's qualifier
    /// (`models.errors.Error` is in a module `errors`).
    fn by_name(&self, from: usize, named: &NamedRef) -> Result<usize, String> {
        let name = named.name();
        let wanted = RustIdent::type_name(name).name;
        let spec = self.models[from].spec;
        let module = &self.modules[from];
        let all: &[usize] = self.by_name.get(wanted.as_str()).map_or(&[], Vec::as_slice);
        // One type of that name (most names): it, wherever it is.
        if let [one] = all {
            return Ok(*one);
        }
        // Those of the same doc, else of the same module, else all: each
        // gathered only if the one before has none.
        let same_spec = |i: usize| self.models[i].spec == spec;
        let same_module = |i: usize| self.modules[i] == *module;
        let anywhere = |_: usize| true;
        let wheres: [&dyn Fn(usize) -> bool; 3] = [&same_spec, &same_module, &anywhere];
        for pred in wheres {
            let candidates: Vec<usize> = all.iter().copied().filter(|&i| pred(i)).collect();
            match candidates.as_slice() {
                [] => continue,
                [one] => return Ok(*one),
                many => {
                    let qualifier: Vec<String> = named
                        .qualifier()
                        .map(|q| RustIdent::module(q).name)
                        .collect();
                    let qualified = |i: usize| {
                        let m = &self.modules[i];
                        qualifier
                            .iter()
                            .rev()
                            .zip(m.iter().rev())
                            .take_while(|(q, p)| **q == p.name)
                            .count()
                    };
                    let best = many.iter().map(|&i| qualified(i)).max().unwrap_or(0);
                    let top: Vec<usize> = many
                        .iter()
                        .copied()
                        .filter(|&i| qualified(i) == best)
                        .collect();
                    if let [one] = top.as_slice() {
                        return Ok(*one);
                    }
                    let names: Vec<&str> = top
                        .iter()
                        .take(5)
                        .map(|&i| self.specs[self.models[i].spec].display())
                        .collect();
                    return Err(format!(
                        "found `{name}`, which {} types are named ({}), expected one; link the doc to the one meant",
                        top.len(),
                        names.join(", ")
                    ));
                }
            }
        }
        // No type of that name: the doc of that file name, whatever its
        // title (a union's `### PaymentCard` documented in
        // `paymentcard.md` as `# Card`), if one is nearest.
        if let Some(found) = self.by_stem(spec, name) {
            return Ok(found);
        }
        // The likely fix: a vocabulary word or a type of this module.
        let words = DIALECTS.iter().flat_map(|d| {
            d.words
                .iter()
                .map(|(w, _)| w.rsplit('.').next().unwrap_or(w))
        });
        let models = (0..self.models.len())
            .filter(|&i| &self.modules[i] == module)
            .map(|i| self.models[i].rust.name.as_str());
        let hint = did_you_mean(name, words.chain(models));
        Err(match named.link.as_deref() {
            Some(dest) => format!(
                "found `{name}` linked to the external page `{dest}`, expected a type the vocabulary knows or a link to a spec{hint}"
            ),
            None => format!(
                "found the unknown type `{name}`, expected a type the vocabulary knows or a link to a spec{hint}"
            ),
        })
    }

    /// The page a readme.io reference (`ref:the-customer-object`) names:
    /// the spec whose front matter has that `slug:`, else the one of that
    /// file name.
    fn by_slug(&self, dest: &str) -> Result<usize, String> {
        let by_slug = self.by_slug.get_or_init(|| {
            let mut by_slug: Map<&'a str, Vec<usize>> = Map::default();
            for (i, s) in self.specs.iter().enumerate() {
                if let Some(slug) = front_matter_slug(&s.text) {
                    by_slug.entry(slug).or_default().push(i);
                }
            }
            by_slug
        });
        let slug = dest.trim_start_matches("ref:");
        let slug = slug.split(['#', '?']).next().unwrap_or(slug);
        let found: Vec<usize> = match by_slug.get(slug) {
            Some(specs) => specs.clone(),
            None => (0..self.specs.len())
                .filter(|&i| self.specs[i].stem() == slug)
                .collect(),
        };
        match found.as_slice() {
            [one] => Ok(*one),
            [] => Err(format!(
                "the reference `{dest}` names no page in the specs folder (by its front matter's `slug:` or its file name)"
            )),
            many => Err(format!(
                "the reference `{dest}` is ambiguous: {} pages have that slug ({}); expected one",
                many.len(),
                self.some_specs(many)
            )),
        }
    }

    /// The first five of `specs`' paths, for a message; `…` for the rest.
    fn some_specs(&self, specs: &[usize]) -> String {
        let mut names: Vec<&str> = specs
            .iter()
            .take(5)
            .map(|&i| self.specs[i].display())
            .collect();
        if specs.len() > 5 {
            names.push("…");
        }
        names.join(", ")
    }

    /// The type of the one spec whose file name is `name` (ignoring case,
    /// `_` and `-`) in the folder of spec `from`, else the one anywhere.
    fn by_stem(&self, from: usize, name: &str) -> Option<usize> {
        let by_stem = self.by_stem.get_or_init(|| {
            let mut by_stem: Map<String, Vec<usize>> = Map::default();
            for (i, s) in self.specs.iter().enumerate() {
                by_stem.entry(stem_key(s.stem())).or_default().push(i);
            }
            by_stem
        });
        let named: &[usize] = by_stem.get(&stem_key(name)).map_or(&[], Vec::as_slice);
        let folder = self.specs[from].folders();
        let near: Vec<usize> = named
            .iter()
            .copied()
            .filter(|&i| self.specs[i].folders() == folder)
            .collect();
        let one = match (near.as_slice(), named) {
            ([one], _) | ([], [one]) => *one,
            _ => return None,
        };
        self.first.get(one).copied().flatten()
    }

    /// A link to another spec: relative to the linking spec first; failing
    /// that (generated docs often link to folders that do not exist, or
    /// climb above the specs folder and come back into it under the name it
    /// has in the vendor's repository), by file name: among the specs of
    /// that name, those whose folders end with most of the link's (in any
    /// case), then the nearest to the linking spec (its folder, its parent,
    /// up to the root).
    fn resolve_link(
        &self,
        from_spec: usize,
        dest: &str,
        joined: &mut String,
    ) -> Result<usize, String> {
        let from = &self.specs[from_spec];
        // Up to a fragment or a query (two memchr-backed searches: a search
        // for either character is slow when the macro runs unoptimised).
        let cut = |c: char| dest.find(c).unwrap_or(dest.len());
        let path = &dest[..cut('#').min(cut('?'))];
        // The path from the root, `/`-joined, as `by_path` keys it.
        joined.clear();
        let mut escapes = false;
        let folders = from.folders().iter().map(String::as_str);
        for part in folders.chain(path.split('/')) {
            match part {
                "" | "." => {}
                ".." if joined.is_empty() => escapes = true,
                ".." => joined.truncate(joined.rfind('/').unwrap_or(0)),
                p => {
                    if !joined.is_empty() {
                        joined.push('/');
                    }
                    joined.push_str(p);
                }
            }
        }
        if !escapes {
            if let Some(&i) = self.by_path.get(joined.as_str()) {
                return Ok(i);
            }
        }
        let file = path.rsplit('/').next().unwrap_or(path);
        // The link's folders, innermost first.
        let link_folders = path
            .rsplit('/')
            .skip(1)
            .filter(|p| !matches!(*p, "" | "." | ".."));
        let tail = |i: usize| {
            link_folders
                .clone()
                .zip(self.specs[i].folders().iter().rev())
                .take_while(|(a, b)| a.eq_ignore_ascii_case(b))
                .count()
        };
        for exact in [true, false] {
            // The specs of that name (in any case, failing that), in order.
            let named: Vec<usize> = if exact {
                self.specs_by_file().get(file).cloned().unwrap_or_default()
            } else {
                (0..self.specs.len())
                    .filter(|&i| self.specs[i].file_name().eq_ignore_ascii_case(file))
                    .collect()
            };
            let longest = named.iter().map(|&i| tail(i)).max();
            let Some(longest) = longest else {
                continue;
            };
            let named: Vec<usize> = named.into_iter().filter(|&i| tail(i) == longest).collect();
            for level in (0..=from.folders().len()).rev() {
                let prefix = &from.folders()[..level];
                let found: Vec<usize> = named
                    .iter()
                    .copied()
                    .filter(|&i| self.specs[i].folders().starts_with(prefix))
                    .collect();
                match found.as_slice() {
                    [] => continue,
                    [one] => return Ok(*one),
                    many => {
                        return Err(format!(
                            "the link `{dest}` is ambiguous: no spec is at that path, and {} specs are named `{file}` ({}); expected one",
                            many.len(),
                            self.some_specs(many)
                        ));
                    }
                }
            }
        }
        if escapes {
            return Err(format!(
                "the link `{dest}` leads outside the specs folder, where no file is ever read, and no spec named `{file}` is inside it: expected a link to a spec under the specs folder"
            ));
        }
        Err(format!(
            "the link `{dest}` leads to no spec: expected a spec at that path or a spec named `{file}` under the specs folder"
        ))
    }
}

/// `https://…`, `mailto:…`, `ref:helpers#x`: not a path to a spec.
fn is_external(dest: &str) -> bool {
    let before_slash = dest.split('/').next().unwrap_or(dest);
    before_slash.contains(':') || dest.starts_with('#')
}

/// Two fields with one Rust name, or one JSON key, are an error; the later
/// field gets a placeholder name so that the struct still compiles.
fn check_field_names(path: &str, kind: &mut ModelKind, diags: &mut Diagnostics) {
    let ModelKind::Struct(fields) = kind else {
        return;
    };
    // The usual case, no clash, without copying a name: no name is used
    // twice among the Rust names and JSON keys together (a field's own two
    // once), so none is twice among either.
    let mut seen = StrMap::with_capacity(2 * fields.len());
    if fields.iter().all(|f| {
        let (rust, wire) = (f.rust().name, f.wire());
        seen.insert(rust, ()).is_none() && (wire == rust || seen.insert(wire, ()).is_none())
    }) {
        return;
    }
    let mut rust: Map<String, String> = map_with_capacity(fields.len());
    let mut wire: Map<String, String> = map_with_capacity(fields.len());
    for (i, f) in fields.iter_mut().enumerate() {
        if let Some(first) = rust.get(f.rust().name) {
            let renamed = RustIdent::field(&format!("{}_duplicate_{i}", f.rust().name));
            let message = format!(
                "the fields `{first}` and `{}` both become the Rust field `{}`; generated the second as `{}`",
                f.written,
                f.rust().source(),
                renamed.as_ident().source()
            );
            diags.warn_at(path, f.pos, message.clone());
            f.fallback.get_or_insert(message);
            f.rust = Some(renamed);
        }
        rust.insert(f.rust().name.to_owned(), f.written.to_string());
        if let Some(first) = wire.get(f.wire()) {
            let renamed = format!("{}_duplicate_{i}", f.wire());
            let message = format!(
                "the fields `{first}` and `{}` both have the JSON key `{}`; the key is read into the first, and the second written as `{renamed}`",
                f.written,
                f.wire()
            );
            diags.warn_at(path, f.pos, message.clone());
            f.fallback.get_or_insert(message);
            f.wire = Some(renamed);
        }
        wire.insert(f.wire().to_owned(), f.written.to_string());
    }
}

/// For a spec tree split across crates: problems in specs another crate
/// generates are that crate's to report, so they are dropped here; a folder
/// in `only` must hold specs; and a generated type may refer only to models
/// generated here or by a crate in `from_crates`.
pub fn check_scope(
    specs: &[SpecFile],
    resolved: &Resolved,
    scope: &Scope,
    diags: &mut Diagnostics,
) {
    let elsewhere: Set<&str> = specs
        .iter()
        .filter(|s| scope.place(s.folders()) != Place::Here)
        .map(|s| s.display())
        .collect();
    diags.retain(|d| !elsewhere.contains(d.path.as_str()));
    for folder in &scope.only {
        if !specs.iter().any(|s| s.folders().starts_with(folder)) {
            diags.error_in(
                "",
                format!(
                    "found no specs under the folder `{}` named by `only`, expected a folder of the specs directory",
                    folder.join("/")
                ),
            );
        }
    }
    let place = |i: usize| scope.place(specs[resolved.models[i].spec].folders());
    for (i, m) in resolved.models.iter().enumerate() {
        if place(i) != Place::Here {
            continue;
        }
        for (ty, written, pos) in m.kind.types_named(m.pos) {
            ty.walk(&mut |t| {
                if let Ty::Model(target) = t {
                    if place(*target) == Place::Outside {
                        let target_spec = &specs[resolved.models[*target].spec];
                        diags.error_at(
                            specs[m.spec].display(),
                            pos,
                            format!(
                                "in the type of `{written}`: found `{}` from {}, which this invocation neither generates nor takes from a crate; expected its folder in `only` or in `from_crates = \"{} = crate_name\"`",
                                resolved.models[*target].rust.name,
                                target_spec.display(),
                                target_spec.folders().join("/")
                            ),
                        );
                    }
                }
            });
        }
    }
}

/// The models a type holds directly (not behind a `Vec` or a map), which
/// would make it infinitely large if one of them held it in turn.
fn direct_refs(ty: &Ty, out: &mut Vec<usize>) {
    match ty {
        Ty::Model(m) => out.push(*m),
        Ty::Nullable(t) => direct_refs(t, out),
        Ty::Union(ts) => ts.iter().for_each(|t| direct_refs(t, out)),
        Ty::List(_)
        | Ty::Map(_)
        | Ty::Scalar(_)
        | Ty::Named(_)
        | Ty::Local(_)
        | Ty::Null
        | Ty::Transport(_) => {}
    }
}

/// What one model's types say about the graph of models: found while the
/// model is resolved (on all cores), put together after.
struct Edges {
    /// The models it holds directly (not behind a list or a map).
    direct: Vec<usize>,
    /// Every model its types name, anywhere, as often as they do.
    named: Vec<usize>,
    /// The traits its own kind and fields allow, before those of the
    /// models it holds are known.
    own: Traits,
}

impl Edges {
    fn of(kind: &ModelKind) -> Edges {
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
                Ty::Model(r) => named.push(*r),
                _ => {}
            });
        }
        Edges { direct, named, own }
    }
}

/// Boxes every field or alternative that holds, directly, a model of its
/// own strongly connected component: the types that contain themselves.
/// `edges` are the models', in order.
fn mark_boxes(models: &mut [Model], edges: &[Edges]) {
    let edges: Vec<&[usize]> = edges.iter().map(|e| e.direct.as_slice()).collect();
    let component = strongly_connected(&edges);
    // A model alone in its component that does not hold itself is in no
    // cycle: none of its fields is boxed (most models).
    let mut size = vec![0usize; models.len()];
    for &c in &component {
        size[c] += 1;
    }
    let mut refs = Vec::new();
    for (i, m) in models.iter_mut().enumerate() {
        if size[component[i]] == 1 && !edges[i].contains(&i) {
            continue;
        }
        let mut boxed = |ty: &Ty| {
            refs.clear();
            direct_refs(ty, &mut refs);
            refs.iter().any(|&r| component[r] == component[i])
        };
        match &mut m.kind {
            ModelKind::Struct(fields) => fields.iter_mut().for_each(|f| f.boxed = boxed(&f.ty)),
            ModelKind::Union(alternatives) => {
                alternatives.iter_mut().for_each(|a| a.boxed = boxed(&a.ty))
            }
            ModelKind::FreeForm | ModelKind::Any | ModelKind::Enum { .. } => {}
        }
    }
}

/// Tarjan's algorithm, without recursion: a component number per node.
fn strongly_connected(edges: &[&[usize]]) -> Vec<usize> {
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

/// `Eq` where no float is inside, `Hash` where in addition no free-form JSON
/// is: each model's own fields decide first, then a model that loses a
/// trait takes it from every model that holds it, until none changes (a
/// worklist, so each reference is followed at most once per trait lost).
fn derive_traits(edges: &[Edges]) -> Vec<Traits> {
    let all = Traits {
        eq: true,
        hash: true,
    };
    let mut traits: Vec<Traits> = edges.iter().map(|e| e.own).collect();
    // `holders[r]`: the models with a field (or alternative) of model `r`.
    let mut holders: Vec<Vec<usize>> = vec![Vec::new(); edges.len()];
    for (i, e) in edges.iter().enumerate() {
        for &r in &e.named {
            if let Some(h) = holders.get_mut(r) {
                h.push(i);
            }
        }
    }
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

#[cfg(test)]
mod tests {
    use super::super::markdown;
    use super::super::read::{TypeCells, read_spec};
    use super::super::types::Parses;
    use super::*;

    fn specs(files: &[(&str, &str)]) -> Vec<SpecFile> {
        files
            .iter()
            .map(|(path, text)| SpecFile::in_memory(path, text))
            .collect()
    }

    /// `files` resolved (their specs leaked: the models borrow them).
    fn run(files: &[(&str, &str)]) -> (Resolved<'static>, Vec<String>) {
        let specs: &'static [SpecFile] = specs(files).leak();
        let mut d = Diagnostics::new();
        let models = specs
            .iter()
            .enumerate()
            .flat_map(|(i, s)| {
                let doc = markdown::parse(&s.text);
                read_spec(
                    i,
                    s,
                    &doc,
                    TypeCells::of(&doc, &mut Parses::default()),
                    Some(super::super::read::Fallback::voted(&DIALECTS[0])),
                    &mut d,
                )
                .unwrap_or_default()
            })
            .collect();
        let r = resolve(specs, models, 2, &mut d);
        (r, d.into_sorted().iter().map(ToString::to_string).collect())
    }

    fn table(rows: &[(&str, &str)]) -> String {
        let mut s = String::from(
            "## Fields\n\n| Field | Type | Required | Description |\n| - | - | - | - |\n",
        );
        for (name, ty) in rows {
            s.push_str(&format!("| `{name}` | {ty} | :heavy_check_mark: | N/A |\n"));
        }
        s
    }

    fn field_ty<'r>(r: &'r Resolved<'_>, model: usize, field: usize) -> &'r Ty {
        match &r.models[model].kind {
            ModelKind::Struct(f) => &f[field].ty,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn links_resolve_relatively_then_by_file_name() {
        let a = format!(
            "# A\n{}",
            table(&[("b", "[B](./b.md)"), ("c", "[C](../../models/shared/c.md)")])
        );
        let (r, errors) = run(&[("x/a.md", &a), ("x/b.md", "# B\n"), ("x/y/c.md", "# C\n")]);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(field_ty(&r, 0, 0), &Ty::Model(1));
        assert_eq!(field_ty(&r, 0, 1), &Ty::Model(2));
        assert_eq!(
            r.modules[2]
                .iter()
                .map(|m| m.name.as_str())
                .collect::<Vec<_>>(),
            ["x", "y"]
        );
    }

    /// From `operations/`, `../../models/shared/error.md` means
    /// `shared/error.md` when the specs folder was the repository's
    /// `models`: the spec whose folders end with most of the link's, in
    /// any case, is the one meant.
    #[test]
    fn a_link_above_the_specs_folder_resolves_by_its_longest_tail() {
        let from = format!(
            "# Op\n{}",
            table(&[
                ("error", "[Error](../../models/shared/error.md)"),
                ("card", "[Card](../../Models/payments/card.md)"),
            ])
        );
        let (r, errors) = run(&[
            ("operations/op.md", &from),
            ("errors/error.md", "# Error\n"),
            ("shared/error.md", "# SharedError\n"),
            ("Orchestration/card.md", "# OrchestrationCard\n"),
            ("Payments/card.md", "# PaymentsCard\n"),
        ]);
        assert!(errors.is_empty(), "{errors:?}");
        let name = |ty: &Ty| match ty {
            Ty::Model(i) => r.models[*i].rust.name.clone(),
            other => panic!("{other:?}"),
        };
        assert_eq!(name(field_ty(&r, 0, 0)), "SharedError");
        assert_eq!(name(field_ty(&r, 0, 1)), "PaymentsCard");
        // With no folder of the link's to tell them apart, it is ambiguous.
        let from = format!("# Op\n{}", table(&[("card", "[Card](../../x/card.md)")]));
        let (_, errors) = run(&[
            ("operations/op.md", &from),
            ("a/card.md", "# A\n"),
            ("b/card.md", "# B\n"),
        ]);
        assert!(errors[0].contains("is ambiguous"), "{errors:?}");
    }

    /// A stale copy left by a rename (`APIKey.md` beside `ApiKey.md`, both
    /// `# ApiKey`) is the same type: links to either reach it. A copy in
    /// another folder, or one that differs, is a type of its own.
    #[test]
    fn identical_docs_in_one_folder_are_one_type() {
        let key = format!("# ApiKey\n{}", table(&[("key", "*str*")]));
        let user = format!(
            "# User\n{}",
            table(&[("a", "[ApiKey](APIKey.md)"), ("b", "[ApiKey](ApiKey.md)")])
        );
        let (r, errors) = run(&[
            ("x/APIKey.md", &key),
            ("x/ApiKey.md", &key),
            ("x/user.md", &user),
            ("y/ApiKey.md", &key),
        ]);
        assert!(errors.is_empty(), "{errors:?}");
        let names: Vec<&str> = r.models.iter().map(|m| m.rust.name.as_str()).collect();
        assert_eq!(names, ["ApiKey", "User", "ApiKey"]);
        assert_eq!(field_ty(&r, 1, 0), &Ty::Model(0));
        assert_eq!(field_ty(&r, 1, 1), &Ty::Model(0));
        let changed = key.replace("`key`", "`other`");
        let (r, errors) = run(&[("x/APIKey.md", &key), ("x/ApiKey.md", &changed)]);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(r.models[1].rust.name, "ApiKey2");
    }

    /// A name no type has is the doc of that file name, whatever its
    /// title, when one is nearest: a union's `### PaymentCard`, documented
    /// in `payment_card.md` as `# Card`.
    #[test]
    fn a_name_no_type_has_is_the_doc_of_that_file_name() {
        let union = "# Method\n\n## Supported Types\n\n### `PaymentCard`\n\n### `BankAccount`\n";
        let (r, errors) = run(&[
            ("x/method.md", union),
            ("x/payment_card.md", "# Card\n\nA card.\n"),
            ("x/bankaccount.md", "# Account\n\nAn account.\n"),
            ("y/bankaccount.md", "# Other\n\nAnother.\n"),
        ]);
        assert!(errors.is_empty(), "{errors:?}");
        let ModelKind::Union(alternatives) = &r.models[0].kind else {
            panic!("{:?}", r.models[0].kind)
        };
        assert_eq!(alternatives[0].ty, Ty::Model(1));
        assert_eq!(alternatives[1].ty, Ty::Model(2));
        // Two equally near: not resolved, a warning.
        let (_, errors) = run(&[
            ("x/method.md", union),
            ("y/payment_card.md", "# Card\n\nA card.\n"),
            ("z/payment_card.md", "# Other\n\nAnother.\n"),
            ("x/bankaccount.md", "# Account\n\nAn account.\n"),
        ]);
        assert_eq!(errors.len(), 1, "{errors:?}");
    }

    #[test]
    fn a_relative_link_climbs_and_descends_folders() {
        // By file name these two links would be ambiguous: only the path
        // tells the two `c.md` apart.
        let a = format!(
            "# A\n{}",
            table(&[
                ("p", "[C](../x/p/./c.md#top)"),
                ("q", "[C](q/../q/c.md?v=1)")
            ])
        );
        let (r, errors) = run(&[("x/a.md", &a), ("x/p/c.md", "# C\n"), ("x/q/c.md", "# C\n")]);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(field_ty(&r, 0, 0), &Ty::Model(1));
        assert_eq!(field_ty(&r, 0, 1), &Ty::Model(2));
    }

    #[test]
    fn missing_and_ambiguous_links_are_errors() {
        let a = format!(
            "# A\n{}",
            table(&[
                ("b", "[B](nope.md)"),
                ("c", "[C](../c.md)"),
                ("d", "*Strng*")
            ])
        );
        let (r, errors) = run(&[("x/a.md", &a), ("x/p/c.md", "# C\n"), ("x/q/c.md", "# C\n")]);
        assert_eq!(errors.len(), 3, "{errors:?}");
        assert!(
            errors[0].starts_with(
                "specs/x/a.md:6:3: in the type of `b` (generated as `serde_json::Value`): the link `nope.md` leads to no spec"
            ),
            "{errors:?}"
        );
        assert!(
            errors[1].contains("the link `../c.md` is ambiguous"),
            "{errors:?}"
        );
        assert!(
            errors[2].ends_with("; did you mean `String`?"),
            "{errors:?}"
        );
        assert!(
            errors[2].contains("found the unknown type `Strng`"),
            "{errors:?}"
        );
        // Placeholders keep the rest going.
        assert_eq!(field_ty(&r, 0, 0), &Ty::Scalar(Scalar::Any));
    }

    #[test]
    fn recursion_is_boxed_and_traits_follow_the_graph() {
        let a = format!(
            "# A\n{}",
            table(&[("next", "*T.nilable([A](a.md))*"), ("b", "[B](b.md)")])
        );
        let b = format!(
            "# B\n{}",
            table(&[("f", "*::Float*"), ("all", "T::Array<[A](a.md)>")])
        );
        // E and F hold each other directly: both are boxed; G holds E and
        // is in no cycle.
        let e = format!("# E\n{}", table(&[("f", "[F](f.md)"), ("n", "*::Float*")]));
        let f = format!("# F\n{}", table(&[("e", "*T.nilable([E](e.md))*")]));
        let g = format!("# G\n{}", table(&[("e", "[E](e.md)")]));
        let (r, errors) = run(&[
            ("a.md", &a),
            ("b.md", &b),
            ("c.md", "# C\n"),
            ("e.md", &e),
            ("f.md", &f),
            ("g.md", &g),
        ]);
        assert!(errors.is_empty(), "{errors:?}");
        let boxed = |m: usize| match &r.models[m].kind {
            ModelKind::Struct(f) => f.iter().map(|f| f.boxed).collect::<Vec<_>>(),
            other => panic!("{other:?}"),
        };
        assert_eq!(boxed(0), [true, false]);
        assert_eq!(boxed(1), [false, false]);
        assert_eq!(boxed(3), [true, false]);
        assert_eq!(boxed(4), [true]);
        assert_eq!(boxed(5), [false]);
        assert_eq!(
            r.traits[0],
            Traits {
                eq: false,
                hash: false
            }
        );
        assert_eq!(
            r.traits[2],
            Traits {
                eq: true,
                hash: false
            }
        );
    }

    #[test]
    fn traits_follow_a_long_chain_of_references() {
        // m0 -> m1 -> ... -> m299; the end holds free-form JSON (no Hash),
        // and m150 also holds a float (no Eq from there back to m0).
        let n = 300;
        let docs: Vec<(String, String)> = (0..n)
            .map(|k| {
                let mut rows = vec![("own", if k == 150 { "*::Float*" } else { "*::String*" })];
                let next = format!("[M{}](m{}.md)", k + 1, k + 1);
                if k + 1 < n {
                    rows.push(("next", next.as_str()));
                } else {
                    rows.push(("data", "T::Hash[Symbol, ::Object]"));
                }
                (format!("m{k}.md"), format!("# M{k}\n{}", table(&rows)))
            })
            .collect();
        let files: Vec<(&str, &str)> = docs.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
        let (r, errors) = run(&files);
        assert!(errors.is_empty(), "{errors:?}");
        for (k, t) in r.traits.iter().enumerate() {
            assert_eq!(
                *t,
                Traits {
                    eq: k > 150,
                    hash: false
                },
                "M{k}"
            );
        }
    }

    #[test]
    fn one_name_in_two_modules_is_no_clash_and_a_folder_shares_its_module() {
        let docs = [
            ("x/a.md", "# A\n"),
            ("x/b.md", "# B\n"),
            ("y/a.md", "# A\n"),
        ];
        let (r, errors) = run(&docs);
        assert!(errors.is_empty(), "{errors:?}");
        let names: Vec<&str> = r.models.iter().map(|m| m.rust.name.as_str()).collect();
        assert_eq!(names, ["A", "B", "A"]);
        assert!(Arc::ptr_eq(&r.modules[0], &r.modules[1]));
        assert_eq!(r.modules[2][0].name, "y");
        // A clash in one module: the later type takes the first free
        // numbered name, and a warning says so.
        let (r, errors) = run(&[
            docs[0],
            docs[1],
            ("x/c.md", "# A\n\nAnother A.\n"),
            ("x/d.md", "# A\n\nA third.\n"),
        ]);
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(
            errors[0].ends_with("generated this one as `A2`"),
            "{errors:?}"
        );
        assert_eq!(r.models[2].rust.name, "A2");
        assert_eq!(r.models[3].rust.name, "A3");
    }

    #[test]
    fn duplicate_names_are_reported() {
        let a = format!(
            "# A\n{}",
            table(&[("fooBar", "*::String*"), ("foo_bar", "*::String*")])
        );
        let (_, errors) = run(&[("a.md", &a), ("b.md", "# A\n")]);
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(
            errors[0].contains("both become the Rust field `foo_bar`"),
            "{errors:?}"
        );
        assert!(
            errors[1].starts_with("specs/b.md:1:1: found a second type named `A`"),
            "{errors:?}"
        );
    }
}
