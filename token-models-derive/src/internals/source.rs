//! Stage 0: finding the spec files under the specs directory, reading them
//! and the per-folder settings files.

use super::diag::{Diagnostics, LineCursor, Pos, did_you_mean};
use super::dialect::{DIALECTS, Dialect};
use super::naming::Case;
use super::par;
use super::settings_file;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The name of the per-folder settings file.
pub const SETTINGS_FILE: &str = "token-models.toml";

/// Specs larger than this are refused rather than read.
pub const MAX_SPEC_BYTES: u64 = 4 * 1024 * 1024;

/// The settings in force for one spec: those of every `token-models.toml`
/// from the specs root down to the spec's folder, the nearest winning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// How a field's name as written becomes its JSON key; unset, the
    /// doc's language says (`Dialect::wire_default`).
    pub wire_names: Option<Case>,
    /// Fields' JSON keys that no casing reaches (`Widget.meta = "__meta"`),
    /// the nearest file's last.
    pub wire_overrides: Arc<[WireOverride]>,
    /// Fields whose `Debug` is redacted, or shown, whatever their names
    /// say (`redact = "pin"`, `unredact = "page_token"`), the nearest
    /// file's last.
    pub redactions: Arc<[Redaction]>,
    /// The SDK language of the Type column; guessed per doc when unset.
    pub dialect: Option<&'static Dialect>,
    /// Whether a vendor doc's quirk (a fallback generated in its place) is
    /// an error rather than a warning: for CI.
    pub strict: bool,
    /// Whether any field may be `null`, whatever the doc says (`nulls =
    /// "anywhere"`): for docs that do not mark nullable fields, of an API
    /// that sends `null`.
    pub nulls_anywhere: bool,
    /// Whether deserializing checks the rules the docs state
    /// (`validate = "on_deserialize"`), rather than only
    /// `token_models::Validate::validate` when asked.
    pub validate_on_deserialize: bool,
    /// Whether a doc's JSON example becomes a `#[test]` in the invoking
    /// crate (`example_tests = "false"` turns it off).
    pub example_tests: bool,
    /// Derives and attributes added to the generated types
    /// (`derives = "Default"`, `attributes.Widget = "#[non_exhaustive]"`),
    /// in the order set.
    pub shapings: Arc<[Shaping]>,
}

/// Derives or attributes added to the generated types of a folder, or to
/// one of them: `derives = "Default, schemars::JsonSchema"`,
/// `attributes.Widget = "#[non_exhaustive]"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shaping {
    /// The model, by its Rust name; every model when `None`.
    pub model: Option<String>,
    /// Paths to derive (`Default`, `schemars::JsonSchema`).
    pub derives: Vec<String>,
    /// Outer attributes, as written (`#[non_exhaustive]`).
    pub attributes: String,
    /// Where it is set, for a warning if it names no model.
    pub shown: Arc<str>,
    pub pos: Pos,
}

impl Shaping {
    /// `derives` or `attributes` (of `model`, if given) set to `value`;
    /// why not, if the value is not paths or attributes.
    pub fn new(
        key: &str,
        model: Option<&str>,
        value: &str,
        shown: &str,
        pos: Pos,
    ) -> Result<Shaping, String> {
        let mut shaping = Shaping {
            model: model.map(str::to_owned),
            derives: Vec::new(),
            attributes: String::new(),
            shown: shown.into(),
            pos,
        };
        match key {
            "derives" => {
                for path in value.split(',').map(str::trim) {
                    if !is_path(path) {
                        let found = if path.is_empty() {
                            "an empty path".to_owned()
                        } else {
                            format!("`{path}`")
                        };
                        return Err(format!(
                            "found {found} in `{key}`, expected paths of derive macros, such as \"Default, schemars::JsonSchema\""
                        ));
                    }
                    shaping.derives.push(path.to_owned());
                }
            }
            _ => {
                if !are_attributes(value) {
                    return Err(format!(
                        "found `{value}` in `{key}`, expected outer attributes, such as \"#[non_exhaustive]\""
                    ));
                }
                shaping.attributes = value.trim().to_owned();
            }
        }
        Ok(shaping)
    }
}

/// Whether `text` is a Rust path of identifiers (`Default`,
/// `schemars::JsonSchema`, `::serde::Serialize`).
fn is_path(text: &str) -> bool {
    let text = text.strip_prefix("::").unwrap_or(text);
    !text.is_empty()
        && text.split("::").all(|part| {
            let mut chars = part.chars();
            chars
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
                && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
                && part != "_"
        })
}

/// Whether `text` is one or more outer attributes (`#[non_exhaustive]
/// #[doc(alias = "x")]`): `#` and a bracketed group each, which lexes as
/// Rust (so that it cannot break the source the macro writes around it).
fn are_attributes(text: &str) -> bool {
    use proc_macro2::{Delimiter, TokenTree};
    let Ok(tokens) = text.parse::<proc_macro2::TokenStream>() else {
        return false;
    };
    let tokens: Vec<TokenTree> = tokens.into_iter().collect();
    !tokens.is_empty()
        && tokens.chunks(2).all(|pair| match pair {
            [TokenTree::Punct(hash), TokenTree::Group(group)] => {
                hash.as_char() == '#'
                    && group.delimiter() == Delimiter::Bracket
                    && !group.stream().is_empty()
            }
            _ => false,
        })
}

/// `keys` as a message lists them: "`a`, `b` or `c`".
pub fn one_of(keys: &[&str]) -> String {
    let quoted: Vec<String> = keys.iter().map(|k| format!("`{k}`")).collect();
    match quoted.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// One field's JSON key, set by name: `Widget.meta = "__meta"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WireOverride {
    /// The model, by its Rust name.
    pub model: String,
    /// The field: its name as the doc writes it, or its Rust name.
    pub field: String,
    pub wire: String,
    /// Where it is set (a settings file's path and position; the specs
    /// directory for the macro's arguments), for a warning if it names no
    /// field.
    pub shown: Arc<str>,
    pub pos: Pos,
}

impl WireOverride {
    /// Whether this names the field `field` (as written, or its Rust
    /// name) of the model `model` (its Rust names).
    pub fn names(&self, model: &[&str], field: &[&str]) -> bool {
        model.contains(&self.model.as_str()) && field.contains(&self.field.as_str())
    }
}

/// A field redacted or shown by a setting: `redact = "pin, Widget.code"`
/// or `unredact = "page_token"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Redaction {
    /// The model, by its Rust name; any model when `None`.
    pub model: Option<String>,
    /// The field: its name as the doc writes it, or its Rust name.
    pub field: String,
    /// Whether the field is redacted (`redact`) or shown (`unredact`).
    pub redact: bool,
    /// The setting as written (`Widget.code`) and where, for a warning if
    /// it names no field.
    pub written: String,
    pub shown: Arc<str>,
    pub pos: Pos,
}

impl Redaction {
    /// Whether this names the field `field` (as written, or its Rust
    /// name) of the model `model` (its Rust name).
    pub fn names(&self, model: &str, field: &[&str]) -> bool {
        self.model.as_deref().is_none_or(|m| m == model) && field.contains(&self.field.as_str())
    }
}

impl Settings {
    /// Whether a setting redacts (`Some(true)`) or shows (`Some(false)`)
    /// the field `field` of `model`, the last that names it winning.
    pub fn redaction(&self, model: &str, field: &[&str]) -> Option<bool> {
        self.redactions
            .iter()
            .rev()
            .find(|r| r.names(model, field))
            .map(|r| r.redact)
    }

    /// The JSON key set for a field by name, if one is.
    pub fn wire_override(&self, model: &[&str], field: &[&str]) -> Option<&str> {
        self.wire_overrides
            .iter()
            .rev()
            .find(|o| o.names(model, field))
            .map(|o| o.wire.as_str())
    }

    /// Adds derives or attributes.
    pub fn add_shaping(&mut self, add: Shaping) {
        let mut all = self.shapings.to_vec();
        all.push(add);
        self.shapings = all.into();
    }

    /// Adds the override of a field's JSON key.
    pub fn add_wire_override(&mut self, add: WireOverride) {
        let mut all = self.wire_overrides.to_vec();
        all.push(add);
        self.wire_overrides = all.into();
    }
}

/// Why a setting was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingError {
    /// The key is unknown (rather than its value bad).
    pub bad_key: bool,
    pub message: String,
}

impl Settings {
    /// The keys a settings file or the macro's arguments can set.
    pub const KEYS: &'static [&'static str] = &[
        "wire_names",
        "dialect",
        "strict",
        "nulls",
        "redact",
        "unredact",
        "validate",
        "example_tests",
        "derives",
        "attributes",
    ];

    /// Sets `key` to `value` (`None`: not a string), written in `shown` at
    /// `pos` (the settings file, or the specs directory for the macro's
    /// arguments).
    pub fn set(
        &mut self,
        key: &str,
        value: Option<&str>,
        shown: &str,
        pos: Pos,
    ) -> Result<(), SettingError> {
        let bad_value = |names: &[&str]| SettingError {
            bad_key: false,
            message: format!(
                "found an invalid `{key}`, expected one of \"{}\"{}",
                names.join("\", \""),
                did_you_mean(value.unwrap_or(""), names.iter().copied())
            ),
        };
        match key {
            "wire_names" => {
                let names: Vec<&str> = Case::NAMES.iter().map(|(n, _)| *n).collect();
                self.wire_names = Some(
                    value
                        .and_then(Case::from_name)
                        .ok_or_else(|| bad_value(&names))?,
                );
            }
            "dialect" => {
                let names: Vec<&str> = DIALECTS.iter().map(|d| d.name).collect();
                self.dialect = Some(
                    value
                        .and_then(Dialect::by_name)
                        .ok_or_else(|| bad_value(&names))?,
                );
            }
            "strict" => {
                self.strict = match value {
                    Some("true") => true,
                    Some("false") => false,
                    _ => return Err(bad_value(&["true", "false"])),
                };
            }
            "nulls" => {
                self.nulls_anywhere = match value {
                    Some("as-documented") => false,
                    Some("anywhere") => true,
                    _ => return Err(bad_value(&["as-documented", "anywhere"])),
                };
            }
            "validate" => {
                self.validate_on_deserialize = match value {
                    Some("on_demand") => false,
                    Some("on_deserialize") => true,
                    _ => return Err(bad_value(&["on_demand", "on_deserialize"])),
                };
            }
            "derives" | "attributes" => {
                let Some(value) = value else {
                    return Err(SettingError {
                        bad_key: false,
                        message: format!("found a value that is not a string for `{key}`"),
                    });
                };
                let shaping =
                    Shaping::new(key, None, value, shown, pos).map_err(|message| SettingError {
                        bad_key: false,
                        message,
                    })?;
                self.add_shaping(shaping);
            }
            "example_tests" => {
                self.example_tests = match value {
                    Some("true") => true,
                    Some("false") => false,
                    _ => return Err(bad_value(&["true", "false"])),
                };
            }
            "redact" | "unredact" => {
                let Some(list) = value else {
                    return Err(SettingError {
                        bad_key: false,
                        message: format!(
                            "found a value that is not a string for `{key}`, expected field names, such as \"pin, Widget.code\""
                        ),
                    });
                };
                let mut all = self.redactions.to_vec();
                for written in list.split(',').map(str::trim) {
                    let parts: Vec<&str> = written.split('.').collect();
                    let named = |p: &&str| !p.is_empty() && !p.contains(char::is_whitespace);
                    let (model, field) = match parts[..] {
                        [field] if named(&field) => (None, field),
                        [model, field] if named(&model) && named(&field) => {
                            (Some(model.to_owned()), field)
                        }
                        _ => {
                            let found = if written.is_empty() {
                                "an empty name".to_owned()
                            } else {
                                format!("`{written}`")
                            };
                            return Err(SettingError {
                                bad_key: false,
                                message: format!(
                                    "found {found} in `{key}`, expected a field's name (\"pin\") or a model's field (\"Widget.pin\"), several separated by commas"
                                ),
                            });
                        }
                    };
                    all.push(Redaction {
                        model,
                        field: field.to_owned(),
                        redact: key == "redact",
                        written: written.to_owned(),
                        shown: shown.into(),
                        pos,
                    });
                }
                self.redactions = all.into();
            }
            other => {
                return Err(SettingError {
                    bad_key: true,
                    message: format!(
                        "found the unknown key `{other}`, expected {}{}",
                        one_of(Self::KEYS),
                        did_you_mean(other, Self::KEYS.iter().copied())
                    ),
                });
            }
        }
        Ok(())
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            wire_names: None,
            wire_overrides: Arc::from([]),
            redactions: Arc::from([]),
            dialect: None,
            strict: false,
            nulls_anywhere: false,
            validate_on_deserialize: false,
            example_tests: true,
            shapings: Arc::from([]),
        }
    }
}

/// Which specs of the directory an invocation generates, for a spec tree
/// split across crates: `only` names the folders it generates (all of them
/// when empty), `from_crates` the folders whose models another crate
/// generates (with the same directory and `only = "folder"`), which the
/// generated code then refers to as `::crate::folder::Model`. Every spec is
/// still read, so links across the split resolve as in one crate.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scope {
    pub only: Vec<Vec<String>>,
    pub from_crates: Vec<(Vec<String>, String)>,
}

/// Where a spec's models go under a [`Scope`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place<'a> {
    /// Generated by this invocation.
    Here,
    /// Generated by the named crate.
    Crate(&'a str),
    /// Neither: referring to it is an error.
    Outside,
}

impl Scope {
    /// The keys only the macro's arguments take (not settings files).
    pub const KEYS: &'static [&'static str] = &["only", "from_crates"];

    /// Sets a scope key: `only = "a, b/c"` or
    /// `from_crates = "shared = models_shared, …"`.
    pub fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
        let folder = |text: &str| -> Result<Vec<String>, String> {
            let parts: Vec<String> = text
                .trim()
                .trim_matches('/')
                .split('/')
                .map(str::to_owned)
                .collect();
            if parts.iter().any(|p| p.is_empty() || p == "." || p == "..") {
                Err(format!(
                    "found the folder `{}`, expected a folder below the specs directory, such as `shared` or `api/v2`",
                    text.trim()
                ))
            } else {
                Ok(parts)
            }
        };
        for item in value.split(',').filter(|i| !i.trim().is_empty()) {
            match key {
                "only" => self.only.push(folder(item)?),
                "from_crates" => {
                    let Some((dir, krate)) = item.split_once('=') else {
                        return Err(format!(
                            "found `{}`, expected `folder = crate_name`",
                            item.trim()
                        ));
                    };
                    let krate = krate.trim();
                    let is_ident = |w: &str| {
                        w.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
                            && w.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                    };
                    if !krate.split("::").all(is_ident) {
                        return Err(format!(
                            "found the crate `{krate}`, expected a crate name as Rust writes it, such as `models_shared`"
                        ));
                    }
                    self.from_crates.push((folder(dir)?, krate.to_owned()));
                }
                other => {
                    return Err(format!(
                        "found the unknown key `{other}`, expected `only` or `from_crates`"
                    ));
                }
            }
        }
        Ok(())
    }

    /// Where the models of a spec in `folders` (below the specs root) go.
    /// The deepest matching folder wins.
    pub fn place(&self, folders: &[String]) -> Place<'_> {
        let under = |folder: &[String]| folders.starts_with(folder);
        let here = if self.only.is_empty() {
            Some(0)
        } else {
            self.only.iter().filter(|f| under(f)).map(Vec::len).max()
        };
        let there = self
            .from_crates
            .iter()
            .filter(|(f, _)| under(f))
            .max_by_key(|(f, _)| f.len());
        match (here, there) {
            (Some(h), Some((f, krate))) if f.len() > h => Place::Crate(krate),
            (Some(_), _) => Place::Here,
            (None, Some((_, krate))) => Place::Crate(krate),
            (None, None) => Place::Outside,
        }
    }
}

/// One spec file, read.
#[derive(Debug, Clone)]
pub struct SpecFile {
    /// The path as shown in messages: relative to the invoking crate,
    /// `/`-separated, ending in the path below the specs root.
    display: String,
    /// Where the path below the specs root starts in `display`.
    rel_at: usize,
    /// Where the file's name starts in `display`.
    name_at: usize,
    /// The folders between the specs root and the file, one entry each:
    /// shared by the folder's files.
    folders: Arc<[String]>,
    pub text: String,
    pub settings: Settings,
    /// False when the file could not be read (an error says why): its type
    /// is a placeholder, so that links to it do not fail too.
    pub readable: bool,
}

impl SpecFile {
    /// A spec named `name` in `folders` below the specs root, which
    /// messages show as `root`; not read yet.
    fn unread(root: &str, folders: Arc<[String]>, name: &str, settings: Settings) -> SpecFile {
        let rel_len = folders.iter().map(|f| f.len() + 1).sum::<usize>() + name.len();
        let mut display = String::with_capacity(root.len() + 1 + rel_len);
        display.push_str(root);
        display.push('/');
        let rel_at = display.len();
        for folder in folders.iter() {
            display.push_str(folder);
            display.push('/');
        }
        let name_at = display.len();
        display.push_str(name);
        SpecFile {
            display,
            rel_at,
            name_at,
            folders,
            text: String::new(),
            settings,
            readable: false,
        }
    }

    /// A spec that is not on disk (tests, fuzzing, benchmarks): `path` is
    /// relative to a specs folder shown as `specs`.
    #[allow(dead_code)]
    pub fn in_memory(path: &str, text: &str) -> SpecFile {
        let (folders, name) = match path.rsplit_once('/') {
            Some((folders, name)) => (folders.split('/').map(str::to_owned).collect(), name),
            None => (Arc::default(), path),
        };
        SpecFile {
            text: text.to_owned(),
            readable: true,
            ..SpecFile::unread("specs", folders, name, Settings::default())
        }
    }

    /// The path as shown in messages: relative to the invoking crate.
    pub fn display(&self) -> &str {
        &self.display
    }

    /// The path below the specs root, `/`-separated.
    pub fn rel_path(&self) -> &str {
        &self.display[self.rel_at..]
    }

    /// The folders between the specs root and the file.
    pub fn folders(&self) -> &[String] {
        &self.folders
    }

    pub fn file_name(&self) -> &str {
        &self.display[self.name_at..]
    }

    pub fn stem(&self) -> &str {
        let name = self.file_name();
        name.strip_suffix(".md").unwrap_or(name)
    }

    /// The same spec one folder further down, in `folder` (tests).
    #[cfg(test)]
    pub fn moved_into(&self, folder: &str) -> SpecFile {
        let folders: Vec<String> = std::iter::once(folder.to_owned())
            .chain(self.folders.iter().cloned())
            .collect();
        let root = &self.display[..self.rel_at.saturating_sub(1)];
        SpecFile {
            text: self.text.clone(),
            readable: self.readable,
            ..SpecFile::unread(
                root,
                folders.into(),
                self.file_name(),
                self.settings.clone(),
            )
        }
    }
}

/// Everything read from a specs directory.
#[derive(Debug, Default)]
pub struct SpecSet {
    pub files: Vec<SpecFile>,
    /// Absolute paths of every file the expansion depends on (specs and
    /// settings), for rebuild tracking.
    pub inputs: Vec<PathBuf>,
    /// Per file, where its path is in `inputs`.
    spec_inputs: Vec<usize>,
}

/// Reads every `*.md` file under `base/dir`, in a stable order, on up to
/// `threads` threads.
pub fn load(
    base: &Path,
    dir: &str,
    settings: Settings,
    threads: usize,
    diags: &mut Diagnostics,
) -> SpecSet {
    let root = base.join(dir);
    let mut set = SpecSet::default();
    if !root.is_dir() {
        diags.error_in(
            dir,
            // The crate's folder by its name: an absolute path would differ
            // between checkouts and target directories.
            format!(
                "found no such folder in the crate's folder (`{}/`), expected a folder of markdown specs relative to its Cargo.toml",
                base.file_name().map_or_else(|| base.display().to_string(), |n| n.to_string_lossy().into_owned())
            ),
        );
        return set;
    }
    let display_root = dir.trim_end_matches('/').to_owned();
    walk(
        &root,
        &display_root,
        &mut Vec::new(),
        settings,
        &mut set,
        diags,
    );
    // The folders are walked in order; the files, found, are read on all
    // cores.
    let read = par::map(&set.files, threads, |i, spec| {
        let mut d = Diagnostics::new();
        let text = read_spec(&set.inputs[set.spec_inputs[i]], &spec.display, &mut d);
        (text, d)
    });
    for (spec, (text, d)) in set.files.iter_mut().zip(read) {
        spec.readable = text.is_some();
        spec.text = text.unwrap_or_default();
        diags.append(d);
    }
    set
}

fn walk(
    folder: &Path,
    display: &str,
    rel: &mut Vec<String>,
    inherited: Settings,
    set: &mut SpecSet,
    diags: &mut Diagnostics,
) {
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(e) => {
            diags.error_in(&join(display, rel), format!("cannot read this folder: {e}"));
            return;
        }
    };
    // Whether an entry is a folder comes with the listing (no `stat` per
    // file, which the folders' walk, on one thread, would wait for); a
    // symbolic link is followed to tell.
    let mut names: Vec<(String, bool)> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            // Taken as it is when it is UTF-8 (not copied twice, as
            // `to_string_lossy().into_owned()` would).
            let name = e
                .file_name()
                .into_string()
                .unwrap_or_else(|name| name.to_string_lossy().into_owned());
            if name.starts_with('.') {
                return None;
            }
            let is_dir = match e.file_type() {
                Ok(t) if !t.is_symlink() => t.is_dir(),
                _ => e.path().is_dir(),
            };
            Some((name, is_dir))
        })
        .collect();
    names.sort();

    let mut settings = inherited;
    if names.iter().any(|(n, _)| n == SETTINGS_FILE) {
        let path = folder.join(SETTINGS_FILE);
        rel.push(SETTINGS_FILE.to_owned());
        let shown = join(display, rel);
        rel.pop();
        match std::fs::read_to_string(&path) {
            Ok(text) => settings = read_settings(&text, &shown, settings, diags),
            Err(e) => diags.error_at(
                &shown,
                Pos::new(1, 1),
                format!("cannot read the settings file: {e}"),
            ),
        }
        set.inputs.push(path);
    }

    // The folders down to this one, shared by its specs: made when the
    // first is found.
    let mut folders: Option<Arc<[String]>> = None;
    for (name, is_dir) in names {
        if is_dir {
            let path = folder.join(&name);
            rel.push(name);
            walk(&path, display, rel, settings.clone(), set, diags);
            rel.pop();
        } else if name.ends_with(".md") {
            let folders = folders.get_or_insert_with(|| Arc::from(rel.as_slice()));
            // Read by `load` once every file is found, from this path.
            set.spec_inputs.push(set.inputs.len());
            set.inputs.push(folder.join(&name));
            set.files.push(SpecFile::unread(
                display,
                Arc::clone(folders),
                &name,
                settings.clone(),
            ));
        }
    }
}

fn join(display: &str, rel: &[String]) -> String {
    let len = display.len() + rel.iter().map(|p| p.len() + 1).sum::<usize>();
    let mut s = String::with_capacity(len);
    s.push_str(display);
    for part in rel {
        s.push('/');
        s.push_str(part);
    }
    s
}

fn read_spec(path: &Path, shown: &str, diags: &mut Diagnostics) -> Option<String> {
    let bytes = match read_bytes(path) {
        Ok(Ok(bytes)) => bytes,
        Ok(Err(len)) => {
            diags.warn_at(
                shown,
                Pos::new(1, 1),
                format!(
                    "found a file of {len} bytes, expected a spec of at most {MAX_SPEC_BYTES} bytes; generated `serde_json::Value`"
                ),
            );
            return None;
        }
        Err(e) => {
            diags.error_at(shown, Pos::new(1, 1), format!("cannot read this spec: {e}"));
            return None;
        }
    };
    match String::from_utf8(bytes) {
        Ok(text) => Some(text),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let valid = String::from_utf8_lossy(&e.as_bytes()[..at]).into_owned();
            let pos = LineCursor::default().pos(&valid, at);
            diags.warn_at(
                shown,
                pos,
                "found bytes that are not UTF-8, expected a UTF-8 markdown file; generated `serde_json::Value`",
            );
            None
        }
    }
}

/// A file's bytes, or its size when that is over [`MAX_SPEC_BYTES`]: the
/// file opened once, its size asked once.
fn read_bytes(path: &Path) -> std::io::Result<Result<Vec<u8>, u64>> {
    let mut file = std::fs::File::open(path)?;
    let len = file.metadata().map_or(0, |m| m.len());
    if len > MAX_SPEC_BYTES {
        return Ok(Err(len));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    // As many bytes as the file had when it was opened: one `read` call
    // (more only if the system hands over less), where reading on to the
    // end takes one more per spec to learn that there is nothing more. A
    // spec that grows meanwhile is cut at its old size, and the compiler,
    // which tracks every spec, sees it changed and expands again. A file
    // that says it is empty (some file systems do) is read to its end.
    // Through `take` either way: `File`'s own `read_to_end` would ask for
    // the size again.
    let limit = if len == 0 { u64::MAX } else { len };
    std::io::Read::read_to_end(&mut std::io::Read::take(&mut file, limit), &mut bytes)?;
    Ok(Ok(bytes))
}

/// Applies one settings file's keys over `settings`.
pub fn read_settings(
    text: &str,
    shown: &str,
    mut settings: Settings,
    diags: &mut Diagnostics,
) -> Settings {
    let mut lines = LineCursor::default();
    let (entries, problems) = settings_file::entries(text);
    for p in problems {
        diags.error_at(shown, lines.pos(text, p.at), p.message);
    }
    for e in &entries {
        if let (Some(model), "derives" | "attributes") = (&e.field, e.key.as_str()) {
            let at = lines.pos(text, e.key_at);
            let shaping = e
                .value
                .as_deref()
                .ok_or_else(|| {
                    format!("found a value that is not a string for `{}.{model}`", e.key)
                })
                .and_then(|value| Shaping::new(&e.key, Some(model), value, shown, at));
            match shaping {
                Ok(shaping) => settings.add_shaping(shaping),
                Err(message) => diags.error_at(shown, lines.pos(text, e.value_at), message),
            }
            continue;
        }
        if let Some(field) = &e.field {
            match &e.value {
                Some(wire) => settings.add_wire_override(WireOverride {
                    model: e.key.clone(),
                    field: field.clone(),
                    wire: wire.clone(),
                    shown: shown.into(),
                    pos: lines.pos(text, e.key_at),
                }),
                None => diags.error_at(
                    shown,
                    lines.pos(text, e.value_at),
                    format!(
                        "found a value that is not a string for `{}.{field}`, expected the field's JSON key, such as \"__meta\"",
                        e.key
                    ),
                ),
            }
            continue;
        }
        let pos = lines.pos(text, e.key_at);
        if let Err(err) = settings.set(&e.key, e.value.as_deref(), shown, pos) {
            let at = if err.bad_key { e.key_at } else { e.value_at };
            diags.error_at(shown, lines.pos(text, at), err.message);
        }
    }
    settings
}

#[cfg(test)]
mod tests;
