//! A doc's Type cells: each parsed once, and the languages whose names
//! they use scored, before the doc is read.

use super::*;

/// Every Type cell of a doc's tables, parsed once: first to vote on the
/// doc's language, then to be read.
pub struct TypeCells {
    /// In document order, so sorted by offset.
    cells: Vec<TypeCell>,
    /// Each table's dialect scores (see [`TypeCells::scores`]), keyed by
    /// the offset of its first Type cell.
    pub(super) tables: Vec<(usize, [usize; dialect::DIALECTS.len()])>,
}

/// One Type cell, parsed.
struct TypeCell {
    /// The cell's offset in the spec.
    at: usize,
    /// The range of the cell's text that is the type expression (see
    /// [`type_text`]), of which the syntax's names are ranges.
    range: Range<usize>,
    parsed: Arc<Parsed>,
}

impl TypeCells {
    /// The Type cells of `doc`, parsed through `parses` (which keeps what
    /// it parsed for the next doc).
    pub fn of(doc: &markdown::Doc<'_>, parses: &mut Parses) -> TypeCells {
        let mut cells = Vec::new();
        let mut tables = Vec::new();
        for block in &doc.blocks {
            if let Block::Table(table) = block {
                if let Some(col) = table
                    .header
                    .iter()
                    .position(|c| c.rich.text.trim() == "Type")
                {
                    let first = cells.len();
                    // Sized once per table rather than grown row by row.
                    cells.reserve(table.rows().len());
                    let mut scores = [0; dialect::DIALECTS.len()];
                    for c in table.rows().filter_map(|r| r.get(col)) {
                        let range = type_text(&c.rich);
                        let parsed = parses.parse(expression(c, &range));
                        // Indexing two arrays in a `while` loop: iterators
                        // are a chain of calls when the macro runs
                        // unoptimised.
                        let mut k = 0;
                        while k < scores.len() {
                            scores[k] += parsed.scores[k];
                            k += 1;
                        }
                        cells.push(TypeCell {
                            at: c.src.start,
                            range,
                            parsed,
                        });
                    }
                    if let Some(key) = cells.get(first).map(|c| c.at) {
                        tables.push((key, scores));
                    }
                }
            }
        }
        // Already in order (blocks are); sorting a sorted list is one pass.
        cells.sort_by_key(|c| c.at);
        TypeCells { cells, tables }
    }

    /// How many of the names in the doc's Type columns each dialect knows:
    /// summed over a folder, they pick the language of docs too short to
    /// tell.
    pub fn scores(&self) -> [usize; dialect::DIALECTS.len()] {
        let mut total = [0; dialect::DIALECTS.len()];
        for (_, scores) in &self.tables {
            for (t, s) in total.iter_mut().zip(scores) {
                *t += s;
            }
        }
        total
    }

    /// The scores of the table whose first Type cell is at `key`.
    pub(super) fn table_scores(&self, key: usize) -> Option<&[usize]> {
        self.tables
            .iter()
            .find(|(at, _)| *at == key)
            .map(|(_, scores)| scores.as_slice())
    }

    /// The parsed cell (parsed now if it is not in the set), with the range
    /// of the cell's text it was parsed from (see [`type_text`]), of which
    /// its names are ranges.
    pub(super) fn get(&self, cell: &Cell<'_>) -> (Range<usize>, Arc<Parsed>) {
        match self.cells.binary_search_by_key(&cell.src.start, |c| c.at) {
            Ok(k) => (
                self.cells[k].range.clone(),
                Arc::clone(&self.cells[k].parsed),
            ),
            Err(_) => {
                let range = type_text(&cell.rich);
                let parsed = Parses::default().parse(expression(cell, &range));
                (range, parsed)
            }
        }
    }
}

/// The type expression a Type cell writes: `range` (from [`type_text`])
/// of its text.
pub(super) fn expression<'c>(cell: &'c Cell<'_>, range: &Range<usize>) -> &'c str {
    cell.rich.text.get(range.clone()).unwrap_or("")
}
