//! Stage 0: finding the spec files under the specs directory, reading them
//! and the per-folder settings files.

use super::diag::{Diagnostics, LineIndex, Pos, did_you_mean};
use super::naming::Case;
use super::types::{DIALECTS, Dialect};
use std::path::{Path, PathBuf};

/// The name of the per-folder settings file.
pub const SETTINGS_FILE: &str = "token-models.toml";

/// Specs larger than this are refused rather than read.
pub const MAX_SPEC_BYTES: u64 = 4 * 1024 * 1024;

/// The settings in force for one spec: those of every `token-models.toml`
/// from the specs root down to the spec's folder, the nearest winning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    /// How a field's name as written becomes its JSON key.
    pub wire_names: Case,
    /// The SDK language of the Type column; guessed per doc when unset.
    pub dialect: Option<&'static Dialect>,
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
    pub const KEYS: &'static [&'static str] = &["wire_names", "dialect"];

    /// Sets `key` to `value` (`None`: not a string).
    pub fn set(&mut self, key: &str, value: Option<&str>) -> Result<(), SettingError> {
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
                self.wire_names = value
                    .and_then(Case::from_name)
                    .ok_or_else(|| bad_value(&names))?;
            }
            "dialect" => {
                let names: Vec<&str> = DIALECTS.iter().map(|d| d.name).collect();
                self.dialect = Some(
                    value
                        .and_then(Dialect::by_name)
                        .ok_or_else(|| bad_value(&names))?,
                );
            }
            other => {
                return Err(SettingError {
                    bad_key: true,
                    message: format!(
                        "found the unknown key `{other}`, expected `wire_names` or `dialect`{}",
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
            wire_names: Case::AsWritten,
            dialect: None,
        }
    }
}

/// One spec file, read.
#[derive(Debug, Clone)]
pub struct SpecFile {
    /// The path as shown in messages: relative to the invoking crate.
    pub display: String,
    /// The path relative to the specs root, one entry per component.
    pub rel: Vec<String>,
    pub text: String,
    pub settings: Settings,
    /// False when the file could not be read (an error says why): its type
    /// is a placeholder, so that links to it do not fail too.
    pub readable: bool,
}

impl SpecFile {
    /// A spec that is not on disk (tests, fuzzing, benchmarks): `path` is
    /// relative to a specs folder shown as `specs`.
    #[allow(dead_code)]
    pub fn in_memory(path: &str, text: &str) -> SpecFile {
        SpecFile {
            display: format!("specs/{path}"),
            rel: path.split('/').map(str::to_owned).collect(),
            text: text.to_owned(),
            settings: Settings::default(),
            readable: true,
        }
    }

    /// The folders between the specs root and the file.
    pub fn folders(&self) -> &[String] {
        &self.rel[..self.rel.len().saturating_sub(1)]
    }

    pub fn file_name(&self) -> &str {
        self.rel.last().map_or("", String::as_str)
    }

    pub fn stem(&self) -> &str {
        let name = self.file_name();
        name.strip_suffix(".md").unwrap_or(name)
    }
}

/// Everything read from a specs directory.
#[derive(Debug, Default)]
pub struct SpecSet {
    pub files: Vec<SpecFile>,
    /// Absolute paths of every file the expansion depends on (specs and
    /// settings), for rebuild tracking.
    pub inputs: Vec<PathBuf>,
}

/// Reads every `*.md` file under `base/dir`, in a stable order.
pub fn load(base: &Path, dir: &str, settings: Settings, diags: &mut Diagnostics) -> SpecSet {
    let root = base.join(dir);
    let mut set = SpecSet::default();
    if !root.is_dir() {
        diags.error_in(
            dir,
            format!(
                "found no such folder (looked for {}), expected a folder of markdown specs relative to the crate's Cargo.toml",
                root.display()
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
    let mut names: Vec<(String, PathBuf)> = entries
        .filter_map(Result::ok)
        .map(|e| (e.file_name().to_string_lossy().into_owned(), e.path()))
        .filter(|(name, _)| !name.starts_with('.'))
        .collect();
    names.sort();

    let mut settings = inherited;
    if let Some((_, path)) = names.iter().find(|(n, _)| n == SETTINGS_FILE) {
        rel.push(SETTINGS_FILE.to_owned());
        let shown = join(display, rel);
        rel.pop();
        match std::fs::read_to_string(path) {
            Ok(text) => settings = read_settings(&text, &shown, settings, diags),
            Err(e) => diags.error_at(
                &shown,
                Pos::new(1, 1),
                format!("cannot read the settings file: {e}"),
            ),
        }
        set.inputs.push(path.clone());
    }

    for (name, path) in names {
        rel.push(name.clone());
        if path.is_dir() {
            walk(&path, display, rel, settings, set, diags);
        } else if name.ends_with(".md") {
            let text = read_spec(&path, &join(display, rel), diags);
            set.files.push(SpecFile {
                display: join(display, rel),
                rel: rel.clone(),
                readable: text.is_some(),
                text: text.unwrap_or_default(),
                settings,
            });
            set.inputs.push(path);
        }
        rel.pop();
    }
}

fn join(display: &str, rel: &[String]) -> String {
    let mut s = display.to_owned();
    for part in rel {
        s.push('/');
        s.push_str(part);
    }
    s
}

fn read_spec(path: &Path, shown: &str, diags: &mut Diagnostics) -> Option<String> {
    let len = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    if len > MAX_SPEC_BYTES {
        diags.error_at(
            shown,
            Pos::new(1, 1),
            format!(
                "found a file of {len} bytes, expected a spec of at most {MAX_SPEC_BYTES} bytes"
            ),
        );
        return None;
    }
    match std::fs::read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => Some(text),
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                let valid = String::from_utf8_lossy(&e.as_bytes()[..at]).into_owned();
                let pos = LineIndex::new(&valid).pos(&valid, at);
                diags.error_at(
                    shown,
                    pos,
                    "found bytes that are not UTF-8, expected a UTF-8 markdown file",
                );
                None
            }
        },
        Err(e) => {
            diags.error_at(shown, Pos::new(1, 1), format!("cannot read this spec: {e}"));
            None
        }
    }
}

/// Applies one settings file's keys over `settings`.
pub fn read_settings(
    text: &str,
    shown: &str,
    mut settings: Settings,
    diags: &mut Diagnostics,
) -> Settings {
    let lines = LineIndex::new(text);
    let table = match toml::de::DeTable::parse(text) {
        Ok(t) => t.into_inner(),
        Err(e) => {
            let at = e.span().map_or(0, |s| s.start);
            diags.error_at(
                shown,
                lines.pos(text, at),
                format!("this is not valid TOML: {}", e.message()),
            );
            return settings;
        }
    };
    for (key, value) in &table {
        let value_str = match value.get_ref() {
            toml::de::DeValue::String(s) => Some(s.as_ref()),
            _ => None,
        };
        let key_name: &str = key.get_ref().as_ref();
        if let Err(e) = settings.set(key_name, value_str) {
            let at = if e.bad_key {
                key.span().start
            } else {
                value.span().start
            };
            diags.error_at(shown, lines.pos(text, at), e.message);
        }
    }
    settings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_apply_over_inherited_ones() {
        let mut d = Diagnostics::new();
        let s = read_settings(
            "wire_names = \"snake_case\"\n",
            "x.toml",
            Settings::default(),
            &mut d,
        );
        assert!(d.is_empty());
        assert_eq!(s.wire_names, Case::Snake);
        let s = read_settings("dialect = \"java\"", "x.toml", s, &mut d);
        assert_eq!(
            (s.wire_names, s.dialect.map(|d| d.name)),
            (Case::Snake, Some("java"))
        );
    }

    #[test]
    fn bad_settings_are_reported_with_positions() {
        let mut d = Diagnostics::new();
        let text = "wire_names = \"snake_cas\"\ncolour = 1\ndialekt = \"go\"\n";
        read_settings(text, "s/token-models.toml", Settings::default(), &mut d);
        let msgs: Vec<String> = d.into_sorted().iter().map(ToString::to_string).collect();
        assert_eq!(msgs.len(), 3, "{msgs:?}");
        assert!(
            msgs[0].ends_with("; did you mean `snake_case`?"),
            "{msgs:?}"
        );
        assert!(
            msgs[2].ends_with("expected `wire_names` or `dialect`; did you mean `dialect`?"),
            "{msgs:?}"
        );
        assert!(msgs[0].starts_with("s/token-models.toml:1:14: found an invalid `wire_names`, expected one of \"as-written\""), "{msgs:?}");
        assert_eq!(
            msgs[1],
            "s/token-models.toml:2:1: found the unknown key `colour`, expected `wire_names` or `dialect`"
        );
    }

    #[test]
    fn loads_the_repository_specs() {
        let mut d = Diagnostics::new();
        let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let set = load(&base, "specs", Settings::default(), &mut d);
        assert!(d.is_empty(), "{d:?}");
        let shown: Vec<&str> = set.files.iter().map(|f| f.display.as_str()).collect();
        assert!(
            shown.contains(&"specs/gusto/authentication.md"),
            "{shown:?}"
        );
        let gusto = set
            .files
            .iter()
            .find(|f| f.rel[0] == "gusto")
            .expect("gusto");
        assert_eq!(gusto.settings.wire_names, Case::Snake);
        assert_eq!(gusto.folders(), ["gusto"]);
        assert_eq!(gusto.stem(), "authentication");
    }

    #[test]
    fn a_missing_directory_is_an_error() {
        let mut d = Diagnostics::new();
        let set = load(
            Path::new(env!("CARGO_MANIFEST_DIR")),
            "no-such-specs",
            Settings::default(),
            &mut d,
        );
        assert!(set.files.is_empty());
        let msgs = d.into_sorted();
        assert_eq!(msgs[0].path, "no-such-specs");
        assert!(
            msgs[0].message.starts_with("found no such folder"),
            "{msgs:?}"
        );
    }
}
