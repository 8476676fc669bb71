//! The floor of expansion: what any reader of these docs must do at least.
//! (Shared by the expansion benchmark and `xtask expand-once`.)

use crate::internals;
use pulldown_cmark::{Event, Options, Parser, Tag};
use std::path::Path;

/// Every `*.md` under `dir`, read and parsed on up to `threads` threads,
/// counting headings and table cells.
pub fn floor(dir: &Path, threads: usize) -> usize {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "md") {
                files.push(p);
            }
        }
    }
    // On one thread, a plain loop: the floor's own cost should not move
    // with the macro's thread code.
    if threads == 1 {
        return files.iter().map(|p| parse(p)).sum();
    }
    let counts = internals::par::map(files, threads, |_, p| parse(&p));
    counts.iter().sum()
}

/// One file read and parsed, its headings and table cells counted.
fn parse(path: &Path) -> usize {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    Parser::new_ext(&text, options)
        .filter(|event| matches!(event, Event::Start(Tag::Heading { .. } | Tag::TableCell)))
        .count()
}
