//! typify's own work on the JSON Schema of the same synthetic models that
//! `xtask`'s `expand` bench gives token-models: read the schema file, parse
//! it, build the type space and generate its token stream (what
//! `typify::import_types!` does before handing tokens to the compiler).
//!
//! ```text
//! cd xtask/typify-bench
//! cargo bench --bench typify                 # optimised
//! cargo bench --bench typify --profile dev   # unoptimised, as proc macros build by default
//! ```

#[allow(dead_code)]
#[path = "../../src/generate.rs"]
mod generate;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::path::{Path, PathBuf};
use typify::TypeSpace;

fn typify(schema: &Path) -> usize {
    let text = std::fs::read_to_string(schema).expect("schema written");
    let root: schemars::schema::RootSchema = serde_json::from_str(&text).expect("valid schema");
    let mut space = TypeSpace::default();
    space
        .add_root_schema(root)
        .expect("typify accepts the schema");
    space.to_stream().into_iter().count()
}

fn synthetic(c: &mut Criterion) {
    let root = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("bench-schemas");
    let mut group = c.benchmark_group("synthetic");
    group.sample_size(10);
    for n in [100, 1_000, 5_000] {
        let dir = root.join(n.to_string());
        let stats = generate::write(n, &dir).expect("write specs and schema");
        group.throughput(Throughput::Bytes(stats.bytes as u64));
        group.bench_with_input(BenchmarkId::new("typify", n), &dir, |b, dir| {
            b.iter(|| typify(&dir.join("schema.json")))
        });
    }
    group.finish();
}

criterion_group!(benches, synthetic);
criterion_main!(benches);
