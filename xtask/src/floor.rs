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
    let counts = internals::par::map(files, threads, |_, p| {
        let text = std::fs::read_to_string(&p).unwrap_or_default();
        let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
        Parser::new_ext(&text, options)
            .filter(|event| matches!(event, Event::Start(Tag::Heading { .. } | Tag::TableCell)))
            .count()
    });
    counts.iter().sum()
}
