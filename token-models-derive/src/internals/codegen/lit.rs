//! Text of the generated source: doc attributes, string literals (escaped
//! as `{:?}` escapes), numbers.

use crate::internals::ir::Lines;
use std::fmt::{self, Write as _};

/// `#[doc = "…"]` for one line, with the space a `///` comment would have.
pub(super) fn doc(out: &mut String, line: &str) {
    if line.is_empty() {
        out.push_str("#[doc = \"\"]");
    } else {
        out.push_str("#[doc = \" ");
        let _ = write_escaped(out, line);
        out.push_str("\"]");
    }
}

/// Appends the parts in order (what `write!` would, without formatting
/// machinery, which costs more than the copying on these short parts).
pub(super) fn push_all(out: &mut String, parts: &[&str]) {
    for part in parts {
        out.push_str(part);
    }
}

/// Appends `n` in decimal.
///
/// Kept by the budget (BENCHMARKS.md): `write!(out, "{n}")` instead cost
/// 4.5% more of the macro's optimised run (1,000 synthetic specs).
pub(super) fn push_number(out: &mut String, n: u32) {
    let mut digits = [0u8; 10];
    let mut at = digits.len();
    let mut rest = n;
    loop {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    for &d in &digits[at..] {
        out.push(char::from(d));
    }
}

/// [`doc`] per line.
pub(super) fn docs(out: &mut String, lines: &Lines) {
    // Not `Lines::iter`: its layers of adapters cost more than the line,
    // unoptimised.
    let text = lines.text();
    if !text.is_empty() {
        let mut fence: Option<&str> = None;
        for line in text.split('\n') {
            match code_fence(line) {
                // A code block that does not say its language is Rust to
                // rustdoc, which would run the vendor's regex or shell
                // line as a doctest of the user's crate: it says `text`.
                Some((marker, info)) if fence.is_none() => {
                    fence = Some(marker);
                    if info.is_empty() || info.starts_with("rust") {
                        let indent = &line[..line.len() - line.trim_start().len()];
                        doc(out, &format!("{indent}{marker}text"));
                        continue;
                    }
                }
                Some((marker, "")) if fence.is_some_and(|open| marker.starts_with(open)) => {
                    fence = None;
                }
                _ => {}
            }
            doc(out, line);
        }
    }
}

/// A code fence's marker (three or more backticks or tildes) and info
/// string, if `line` is one.
pub(super) fn code_fence(line: &str) -> Option<(&str, &str)> {
    let text = line.trim_start();
    let first = text.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let len = text.len() - text.trim_start_matches(first).len();
    (len >= 3).then(|| (&text[..len], text[len..].trim()))
}

/// A string literal of `text`, written as `{:?}` writes it (every
/// character that is not printable escaped, so that no doc text can
/// change the code or hide in it), in runs rather than character by
/// character.
pub struct Lit<'a>(pub &'a str);

impl fmt::Display for Lit<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_char('"')?;
        write_escaped(f, self.0)?;
        f.write_char('"')
    }
}

/// Appends `text` as a string literal (see [`Lit`]), without a
/// formatter in between.
pub fn push_lit(out: &mut String, text: &str) {
    out.push('"');
    // Writing to a `String` cannot fail.
    let _ = write_escaped(out, text);
    out.push('"');
}

/// Escapes what is written to it as the inside of a string literal.
pub(super) struct Escaping<'a>(pub(super) &'a mut String);

impl fmt::Write for Escaping<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        write_escaped(self.0, s)
    }
}

/// The inside of a string literal of `text` (see [`Lit`]).
pub(super) fn write_escaped(out: &mut impl fmt::Write, text: &str) -> fmt::Result {
    escape_into(out, text, false)
}

/// [`write_escaped`], and with `clean` a catalog separator in `text`
/// (`\u{1c}` to `\u{1f}`) written as `\u{fffd}` instead.
pub(super) fn escape_into(out: &mut impl fmt::Write, text: &str, clean: bool) -> fmt::Result {
    let bytes = text.as_bytes();
    // `text[run..at]` is plain and not yet written.
    let (mut run, mut at) = (0, 0);
    while at < bytes.len() {
        // (`as`: `usize::from` is a call per byte in the macro's
        // unoptimised build.)
        if PLAIN[bytes[at] as usize] {
            at += 1;
            continue;
        }
        out.write_str(&text[run..at])?;
        // Not plain: the start of a character (`"`, `\\`, a control
        // character, or any non-ASCII one) that `escape_debug` decides on.
        let c = text[at..].chars().next().unwrap_or_default();
        at += c.len_utf8();
        run = at;
        let shown = if clean && matches!(c, '\u{1c}'..='\u{1f}') {
            '\u{fffd}'
        } else {
            c
        };
        for e in shown.escape_debug() {
            out.write_char(e)?;
        }
    }
    out.write_str(&text[run..])
}

/// The bytes a string literal holds as they are: printable ASCII but `"`
/// and `\\`. A `static`: an unoptimised build (the macro's usual one) would
/// copy a `const` table to the stack for every byte looked up.
pub(super) static PLAIN: [bool; 256] = {
    let mut plain = [false; 256];
    let mut b = b' ';
    while b <= b'~' {
        plain[b as usize] = b != b'"' && b != b'\\';
        b += 1;
    }
    plain
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_blocks_that_rustdoc_would_run_say_text() {
        let lines = Lines::from(String::from(
            "Pattern:\n```\n^\\w+$\n```\n```json\n{}\n```\n  ~~~rust\nx\n  ~~~",
        ));
        let mut out = String::new();
        docs(&mut out, &lines);
        let written: Vec<&str> = out
            .split("#[doc = \"")
            .skip(1)
            .map(|d| d.trim_end_matches("\"]"))
            .collect();
        assert_eq!(
            written,
            [
                " Pattern:",
                " ```text",
                " ^\\\\w+$",
                " ```",
                " ```json",
                " {}",
                " ```",
                "   ~~~text",
                " x",
                "   ~~~"
            ]
        );
    }

    #[test]
    fn numbers_are_written_in_decimal() {
        for n in [0, 7, 10, 99, 1_000, 4_294_967_295] {
            let mut out = String::from("line ");
            push_number(&mut out, n);
            assert_eq!(out, format!("line {n}"));
        }
    }

    #[test]
    fn literals_escape_as_debug_does() {
        for text in [
            "",
            "plain words",
            "a \"quoted\" \\ path 'single'",
            "tab\tnew\nline\rcr\0nul\u{1f}unit\u{7f}del",
            "bidi \u{202e}override\u{2066} and zero\u{200b}width",
            "e\u{301} combining, 日本語, emoji 🦀",
        ] {
            assert_eq!(Lit(text).to_string(), format!("{text:?}"));
            let mut pushed = String::from("before ");
            push_lit(&mut pushed, text);
            assert_eq!(pushed, format!("before {text:?}"));
        }
        // Plain bytes are passed eight at a time: a character to escape at
        // every place in and around such a run.
        for special in ['"', '\\', '\n', '\u{7f}', 'é', '🦀'] {
            for len in 0..20 {
                for at in 0..=len {
                    let mut text: String = "abcdefghijklmnopqrst"[..len].to_owned();
                    text.insert(at, special);
                    assert_eq!(Lit(&text).to_string(), format!("{text:?}"));
                }
            }
        }
    }

    #[test]
    fn doc_lines_are_escaped_inside_their_literal() {
        let mut out = String::new();
        let mut lines = super::Lines::default();
        lines.push("say \"hi\" \\ \u{1f}");
        lines.push("");
        super::docs(&mut out, &lines);
        assert_eq!(out, r#"#[doc = " say \"hi\" \\ \u{1f}"]#[doc = ""]"#);
        // A line known to be one is written as one searched for breaks is.
        for text in ["", "One \"line\"."] {
            let (mut known, mut searched) = (String::new(), String::new());
            super::docs(&mut known, &super::Lines::line(text));
            super::docs(&mut searched, &super::Lines::from(text.to_owned()));
            assert_eq!(known, searched);
        }
    }
}
