//! Links and names to models: a link's destination (a spec's path, its
//! file name, a readme.io slug) or a name in the same doc, module or tree.

use super::*;

/// Lookups from links and names to models.
pub(super) struct Index<'a> {
    specs: &'a [SpecFile],
    models: &'a [Entry],
    modules: &'a [Arc<[RustIdent]>],
    /// Spec path (relative to the root, `/`-joined) to spec index.
    by_path: StrMap<&'a str, usize>,
    /// Per spec, the first model it defines (its own type), if any.
    pub(super) first: Vec<Option<ModelId>>,
    /// Type name to every model of that name.
    by_name: Map<&'a str, Vec<ModelId>>,
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

/// What the index knows of a model: its spec and its type's name.
pub(super) struct Entry {
    pub(super) spec: SpecId,
    pub(super) name: String,
}

/// `slug: "the-customer-object"` from a page's YAML front matter.
pub(super) fn front_matter_slug(text: &str) -> Option<&str> {
    let front = text.strip_prefix("---")?;
    let end = front.find("\n---")?;
    front.get(..end)?.lines().find_map(|l| {
        let value = l.strip_prefix("slug:")?.trim();
        Some(value.trim_matches(|c| c == '"' || c == '\''))
    })
}

/// A file stem or type name compared as a file name would be: letters and
/// digits only, in lower case (`payment_card`, `PaymentCard`).
pub(super) fn stem_key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

impl<'a> Index<'a> {
    pub(super) fn new(
        specs: &'a [SpecFile],
        models: &'a [Entry],
        modules: &'a [Arc<[RustIdent]>],
        same_as: &[Option<usize>],
    ) -> Self {
        let mut by_path = StrMap::with_capacity(specs.len());
        for (i, s) in specs.iter().enumerate() {
            by_path.insert(s.rel_path(), i);
        }
        let mut first = vec![None; specs.len()];
        let mut by_name: Map<&str, Vec<ModelId>> = Map::default();
        for (i, m) in models.iter().enumerate() {
            let id = ModelId::new(i);
            if let Some(slot @ None) = first.get_mut(m.spec.index()) {
                *slot = Some(id);
            }
            by_name.entry(m.name.as_str()).or_default().push(id);
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
    pub(super) fn lookup(
        &self,
        from: ModelId,
        named: &NamedRef,
        path: &mut String,
    ) -> Result<ModelId, String> {
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
                let spec = self.resolve_link(self.models[from.index()].spec.index(), dest, path)?;
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
    fn by_name(&self, from: ModelId, named: &NamedRef) -> Result<ModelId, String> {
        let name = named.name();
        let wanted = RustIdent::type_name(name).name;
        let spec = self.models[from.index()].spec;
        let module = &self.modules[from.index()];
        let all: &[ModelId] = self.by_name.get(wanted.as_str()).map_or(&[], Vec::as_slice);
        // One type of that name (most names): it, wherever it is.
        if let [one] = all {
            return Ok(*one);
        }
        // Those of the same doc, else of the same module, else all: each
        // gathered only if the one before has none.
        let same_spec = |i: ModelId| self.models[i.index()].spec == spec;
        let same_module = |i: ModelId| self.modules[i.index()] == *module;
        let anywhere = |_: ModelId| true;
        let wheres: [&dyn Fn(ModelId) -> bool; 3] = [&same_spec, &same_module, &anywhere];
        for pred in wheres {
            let candidates: Vec<ModelId> = all.iter().copied().filter(|&i| pred(i)).collect();
            match candidates.as_slice() {
                [] => continue,
                [one] => return Ok(*one),
                many => {
                    let qualifier: Vec<String> = named
                        .qualifier()
                        .map(|q| RustIdent::module(q).name)
                        .collect();
                    let qualified = |i: ModelId| {
                        let m = &self.modules[i.index()];
                        qualifier
                            .iter()
                            .rev()
                            .zip(m.iter().rev())
                            .take_while(|(q, p)| **q == p.name)
                            .count()
                    };
                    let best = many.iter().map(|&i| qualified(i)).max().unwrap_or(0);
                    let top: Vec<ModelId> = many
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
                        .map(|&i| self.specs[self.models[i.index()].spec.index()].display())
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
        if let Some(found) = self.by_stem(spec.index(), name) {
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
            .map(|i| self.models[i].name.as_str());
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
    fn by_stem(&self, from: usize, name: &str) -> Option<ModelId> {
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
pub(super) fn is_external(dest: &str) -> bool {
    let before_slash = dest.split('/').next().unwrap_or(dest);
    before_slash.contains(':') || dest.starts_with('#')
}
