//! Text scanning for the readers' per-cell and per-line paths: `str::trim`
//! and its halves, and counting newlines.
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

/// How many newlines `bytes` holds, and the offset just past the last.
/// Eight bytes at a time, in plain arithmetic: no call per line into std's
/// searchers, which are instantiated in this crate and run unoptimised
/// with the macro. Kept by the budget (BENCHMARKS.md): memchr in its place
/// cost 41 M more instructions of the unoptimised run at 1,000 synthetic
/// specs (2.3%, about 9 ms).
pub fn newlines(bytes: &[u8]) -> (usize, Option<usize>) {
    const NEWLINES: u64 = 0x0a0a_0a0a_0a0a_0a0a;
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let mut count = 0;
    let mut past_last = None;
    let mut at = 0;
    let mut rest = bytes;
    while let [a, b, c, d, e, f, g, h, tail @ ..] = rest {
        let word = u64::from_le_bytes([*a, *b, *c, *d, *e, *f, *g, *h]) ^ NEWLINES;
        // The high bit of each byte that was a newline (now zero): adding
        // 0x7f to the low seven bits sets it for every other byte, and no
        // sum carries into the next byte.
        let hits = !(((word & LOW7) + LOW7) | word | LOW7);
        if hits != 0 {
            count += hits.count_ones() as usize;
            // The highest hit is the last newline (little-endian).
            past_last = Some(at + 8 - hits.leading_zeros() as usize / 8);
        }
        at += 8;
        rest = tail;
    }
    for (k, &byte) in rest.iter().enumerate() {
        if byte == b'\n' {
            count += 1;
            past_last = Some(at + k + 1);
        }
    }
    (count, past_last)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newlines_are_counted_eight_bytes_at_a_time() {
        // Every window of bytes near a newline in value or in bits: a
        // newline, its high-bit twin 0x8a, its neighbours, 0x7f and 0xff.
        let bytes: Vec<u8> =
            b"a\n\x8a\x0b\x09\n\n\x7f\xffxy\n0123456789\n\x8a\n\n\n\n\n\n\n\n\nz".to_vec();
        for start in 0..bytes.len() {
            for end in start..=bytes.len() {
                let window = &bytes[start..end];
                let count = window.iter().filter(|&&b| b == b'\n').count();
                let past_last = window.iter().rposition(|&b| b == b'\n').map(|i| i + 1);
                assert_eq!(newlines(window), (count, past_last), "{window:?}");
            }
        }
    }

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
        // Runs of spaces of every length, after text and after other
        // blanks, as a padded table cell ends.
        for n in 0..40 {
            for before in ["", "a", "a\t", "\u{3000}", " é\n"] {
                let s = format!("{before}{}", " ".repeat(n));
                assert_eq!(trim_end(&s), s.trim_end(), "{s:?}");
                assert_eq!(trim(&s), s.trim(), "{s:?}");
            }
        }
    }
}
