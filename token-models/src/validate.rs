//! Checking values against the rules their docs state: [`Validate`].
//!
//! A readme.io page says `token` is `string(2048)` and `expiresIn` is
//! `integer(>=3600)`; the generated types keep those rules (the catalog
//! lists them), and [`Validate::validate`] returns every value that breaks
//! one, with its JSON path. Deserializing does not check them by default
//! (servers break their own constraints); `validate = "on_deserialize"`
//! makes it.

use std::collections::BTreeMap;
use std::fmt;

/// One rule a value breaks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// Where the value is, as a JSON path from the value validated:
    /// `$.token`, `$.items[2].expiresIn`, `$.labels["a b"]`.
    pub path: String,
    /// The rule, as the doc states it, and what was found:
    /// `at most 2048 characters (found 2049)`.
    pub rule: String,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.rule)
    }
}

/// Every rule a value breaks, in the order of its fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violations(pub Vec<Violation>);

impl fmt::Display for Violations {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (k, v) in self.0.iter().enumerate() {
            if k > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{v}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Violations {}

/// A value that can be checked against the rules its doc states. Every
/// generated type implements it, and so do the types they hold: a model
/// checks its own fields and every model, list and map inside it.
pub trait Validate {
    /// Every rule the value breaks, or `Ok` if none.
    ///
    /// ```
    /// use token_models::Validate;
    /// let token = token_models::gusto::Authentication {
    ///     access_token: None,
    ///     token_type: None,
    ///     expires_in: None,
    ///     refresh_token: None,
    ///     created_at: None,
    ///     scope: None,
    /// };
    /// assert!(token.validate().is_ok()); // Gusto's doc states no rule
    /// ```
    fn validate(&self) -> Result<(), Violations> {
        let mut out = Vec::new();
        self.__validate_at(&mut Path(String::from("$")), &mut out);
        if out.is_empty() {
            Ok(())
        } else {
            Err(Violations(out))
        }
    }

    /// Appends the rules the value breaks, the value being at `path`.
    #[doc(hidden)]
    fn __validate_at(&self, path: &mut Path, out: &mut Vec<Violation>) {
        let _ = (path, out);
    }
}

/// The JSON path being checked.
#[doc(hidden)]
#[derive(Debug)]
pub struct Path(String);

impl Path {
    /// Runs `f` with the path one step further, then steps back.
    fn at(&mut self, step: fmt::Arguments<'_>, f: impl FnOnce(&mut Path)) {
        let len = self.0.len();
        let _ = fmt::Write::write_fmt(&mut self.0, step);
        f(self);
        self.0.truncate(len);
    }

    fn key(&mut self, key: &str, f: impl FnOnce(&mut Path)) {
        let plain = !key.is_empty()
            && key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
        if plain {
            self.at(format_args!(".{key}"), f);
        } else {
            self.at(format_args!("[{key:?}]"), f);
        }
    }
}

/// A rule the generated code checks.
#[doc(hidden)]
#[derive(Debug, Clone, Copy)]
pub enum Rule {
    MaxChars(usize),
    /// At least the number (more than, when `true`).
    Min(f64, bool),
    /// At most the number (less than, when `true`).
    Max(f64, bool),
}

/// What a rule looks at in a value: its characters, or its number.
#[doc(hidden)]
pub trait Checked {
    /// How many characters, for text.
    fn chars(&self) -> Option<usize> {
        None
    }
    /// The number, for a number.
    fn number(&self) -> Option<f64> {
        None
    }
    /// The value the rules apply to: itself, or what an `Option` holds.
    fn each(&self, f: &mut dyn FnMut(&dyn Checked))
    where
        Self: Sized,
    {
        f(self);
    }
}

impl Checked for String {
    fn chars(&self) -> Option<usize> {
        Some(str::chars(self).count())
    }
}

macro_rules! numbers {
    ($($t:ty),*) => {$(
        impl Checked for $t {
            #[allow(clippy::cast_precision_loss, clippy::cast_lossless)]
            fn number(&self) -> Option<f64> {
                Some(*self as f64)
            }
        }
        impl Validate for $t {}
    )*};
}
numbers!(i32, i64, i128, f32, f64);

impl Checked for serde_json::Number {
    fn number(&self) -> Option<f64> {
        self.as_f64()
    }
}

impl<T: Checked> Checked for Option<T> {
    fn each(&self, f: &mut dyn FnMut(&dyn Checked)) {
        if let Some(value) = self {
            value.each(f);
        }
    }
}

/// A field's value checked against its rules, then inside.
#[doc(hidden)]
pub fn field<T: Validate + Checked>(
    value: &T,
    key: &str,
    rules: &[Rule],
    path: &mut Path,
    out: &mut Vec<Violation>,
) {
    path.key(key, |path| {
        value.each(&mut |v| {
            for rule in rules {
                let broken = match *rule {
                    Rule::MaxChars(n) => v
                        .chars()
                        .filter(|&found| found > n)
                        .map(|found| format!("at most {n} characters (found {found})")),
                    Rule::Min(n, exclusive) => v
                        .number()
                        .filter(|&x| if exclusive { x <= n } else { x < n })
                        .map(|x| {
                            let word = if exclusive { "more than" } else { "at least" };
                            format!("{word} {n} (found {x})")
                        }),
                    Rule::Max(n, exclusive) => v
                        .number()
                        .filter(|&x| if exclusive { x >= n } else { x > n })
                        .map(|x| {
                            let word = if exclusive { "less than" } else { "at most" };
                            format!("{word} {n} (found {x})")
                        }),
                };
                if let Some(rule) = broken {
                    out.push(Violation {
                        path: path.0.clone(),
                        rule,
                    });
                }
            }
        });
        value.__validate_at(path, out);
    });
}

/// A value just read, checked (`validate = "on_deserialize"`): the
/// violations are the deserializer's error.
#[doc(hidden)]
pub fn checked<T: Validate, E: serde::de::Error>(value: T) -> Result<T, E> {
    match value.validate() {
        Ok(()) => Ok(value),
        Err(violations) => Err(E::custom(format_args!(
            "the value breaks the rules its doc states: {violations}"
        ))),
    }
}

/// A field whose value holds models with rules.
#[doc(hidden)]
pub fn nested<T: Validate + ?Sized>(
    value: &T,
    key: &str,
    path: &mut Path,
    out: &mut Vec<Violation>,
) {
    path.key(key, |path| value.__validate_at(path, out));
}

/// Values whose type states no rule.
macro_rules! no_rules {
    ($($t:ty),*) => {$( impl Validate for $t {} )*};
}
no_rules!(
    String,
    bool,
    serde_json::Number,
    serde_json::Value,
    serde_json::Map<String, serde_json::Value>,
    crate::DateTime,
    crate::Date
);

impl<T: Validate> Validate for Option<T> {
    fn __validate_at(&self, path: &mut Path, out: &mut Vec<Violation>) {
        if let Some(value) = self {
            value.__validate_at(path, out);
        }
    }
}

impl<T: Validate + ?Sized> Validate for Box<T> {
    fn __validate_at(&self, path: &mut Path, out: &mut Vec<Violation>) {
        (**self).__validate_at(path, out);
    }
}

impl<T: Validate> Validate for Vec<T> {
    fn __validate_at(&self, path: &mut Path, out: &mut Vec<Violation>) {
        for (k, value) in self.iter().enumerate() {
            path.at(format_args!("[{k}]"), |path| value.__validate_at(path, out));
        }
    }
}

impl<T: Validate> Validate for BTreeMap<String, T> {
    fn __validate_at(&self, path: &mut Path, out: &mut Vec<Violation>) {
        for (key, value) in self {
            path.at(format_args!("[{key:?}]"), |path| {
                value.__validate_at(path, out)
            });
        }
    }
}
