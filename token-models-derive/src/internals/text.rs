//! `str::trim` and its halves, for the readers' per-cell paths.
//!
//! std's `trim` is a generic searcher that is instantiated in this crate,
//! so it runs unoptimised with the macro (about 900 instructions a call on
//! a table cell). These give the same results, byte by byte while the ends
//! are ASCII, and hand anything else to std.

/// What `char::is_whitespace` says of an ASCII byte (which, unlike
/// `u8::is_ascii_whitespace`, includes the vertical tab).
fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r' | b' ')
}

/// `s.trim_start()`.
pub fn trim_start(s: &str) -> &str {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() && is_space(bytes[i]) {
        i += 1;
    }
    match s.get(i..) {
        Some(rest) if rest.as_bytes().first().is_none_or(u8::is_ascii) => rest,
        // A non-ASCII character next: it may be a Unicode space.
        _ => s.trim_start(),
    }
}

/// `s.trim_end()`.
pub fn trim_end(s: &str) -> &str {
    let bytes = s.as_bytes();
    let mut j = bytes.len();
    while j > 0 && is_space(bytes[j - 1]) {
        j -= 1;
    }
    match s.get(..j) {
        Some(rest) if rest.as_bytes().last().is_none_or(u8::is_ascii) => rest,
        _ => s.trim_end(),
    }
}

/// `s.trim()`.
pub fn trim(s: &str) -> &str {
    trim_end(trim_start(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_as_std_does() {
        for s in [
            "",
            " ",
            "a",
            "  a b  ",
            "\t\n\x0b\x0c\r a \r\n",
            "\u{a0}a\u{2003}",
            " \u{3000} x \u{3000} ",
            "é ",
            " é",
            "日本",
            "\u{85}",
        ] {
            assert_eq!(trim(s), s.trim(), "{s:?}");
            assert_eq!(trim_start(s), s.trim_start(), "{s:?}");
            assert_eq!(trim_end(s), s.trim_end(), "{s:?}");
        }
    }
}
