//! Adding, editing and removing a spec is picked up by the next `cargo build`
//! with no other step, in a crate that depends on nothing but `token-models`.
//!
//! The test builds a small crate of its own (in `target/rebuild-probe`), whose
//! `main` prints its `CATALOG`; only the specs change between builds.

use std::path::Path;
use std::process::Command;

mod probe;
use probe::{manifest, new_crate, shared_target, workspace, write};

/// Builds and runs the probe; its output lists the catalog.
fn run(probe: &Path) -> String {
    run_in(probe, &shared_target(), &[])
}

/// `cargo run` in `dir` with `target` as the target folder, then the
/// program's output.
fn run_in(dir: &Path, target: &Path, args: &[&str]) -> String {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args(["run", "--quiet", "--offline"])
        .args(args)
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", target)
        .env_remove("RUSTFLAGS")
        .output()
        .expect("cargo runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "probe failed:\n{stderr}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

const FIELDS: &str =
    "## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n";

#[test]
fn an_added_spec_yields_a_new_type() {
    let probe = new_crate("rebuild-probe");
    write(
        &probe.join("src/main.rs"),
        "token_models::include_specs!(\"specs\");\n\n\
         fn main() {\n    for m in &CATALOG {\n        let fields: Vec<&str> = m.fields.iter().map(|f| f.rust_name).collect();\n        \
         println!(\"{} {}\", m.rust_path, fields.join(\",\"));\n    }\n}\n",
    );
    write(
        &probe.join("specs/shop/order.md"),
        &format!("# Order\n\n{FIELDS}| `id` | *str* | :heavy_check_mark: | N/A |\n"),
    );

    assert_eq!(run(&probe), "shop::Order id\n");

    // A new file, and nothing else: a new type.
    write(
        &probe.join("specs/shop/item.md"),
        &format!("# Item\n\n{FIELDS}| `sku` | *str* | :heavy_check_mark: | N/A |\n"),
    );
    assert_eq!(run(&probe), "shop::Item sku\nshop::Order id\n");

    // An edited file: a link to the new type resolves.
    write(
        &probe.join("specs/shop/order.md"),
        &format!(
            "# Order\n\n{FIELDS}| `id` | *str* | :heavy_check_mark: | N/A |\n| `items` | List[[Item](item.md)] | :heavy_check_mark: | N/A |\n"
        ),
    );
    assert_eq!(run(&probe), "shop::Item sku\nshop::Order id,items\n");

    // An edited file: its new field.
    write(
        &probe.join("specs/shop/item.md"),
        &format!(
            "# Item\n\n{FIELDS}| `sku` | *str* | :heavy_check_mark: | N/A |\n| `qty` | *int* | :heavy_minus_sign: | N/A |\n"
        ),
    );
    assert_eq!(run(&probe), "shop::Item sku,qty\nshop::Order id,items\n");

    // A removed file: its type is gone.
    write(
        &probe.join("specs/shop/order.md"),
        &format!("# Order\n\n{FIELDS}| `id` | *str* | :heavy_check_mark: | N/A |\n"),
    );
    std::fs::remove_file(probe.join("specs/shop/item.md")).expect("remove");
    assert_eq!(run(&probe), "shop::Order id\n");
}

/// One spec tree split across two crates (`only`, `from_crates`): the
/// second crate's types use the first's, through a link in the specs.
#[test]
fn a_spec_tree_splits_across_crates() {
    let ws = workspace();
    let probe = ws.join("target").join("split-probe");
    let _ = std::fs::remove_dir_all(probe.join("specs"));
    write(
        &probe.join("Cargo.toml"),
        "[workspace]\nresolver = \"3\"\nmembers = [\"shared\", \"app\"]\n",
    );
    std::fs::copy(ws.join("Cargo.lock"), probe.join("Cargo.lock")).expect("copy Cargo.lock");
    write(
        &probe.join("shared/Cargo.toml"),
        &manifest("split-shared", ""),
    );
    write(
        &probe.join("shared/src/lib.rs"),
        "token_models::include_specs!(\"../specs\", only = \"shared\");\n",
    );
    write(
        &probe.join("app/Cargo.toml"),
        &manifest("split-app", "split-shared = { path = \"../shared\" }\n"),
    );
    write(
        &probe.join("app/src/main.rs"),
        "token_models::include_specs!(\"../specs\", only = \"orders\", from_crates = \"shared = split_shared\");\n\n\
         fn main() {\n    \
         let order: orders::Order = token_models::serde_json::from_str(r#\"{\"id\": \"o1\", \"ship_to\": {\"city\": \"Oslo\"}}\"#).expect(\"valid order\");\n    \
         let city: &split_shared::shared::Address = &order.ship_to;\n    \
         let paths: Vec<&str> = CATALOG.iter().map(|m| m.rust_path).collect();\n    \
         println!(\"{} {} {}\", order.id, city.city, paths.join(\",\"));\n}\n",
    );
    write(
        &probe.join("specs/shared/address.md"),
        &format!("# Address\n\n{FIELDS}| `city` | *str* | :heavy_check_mark: | N/A |\n"),
    );
    write(
        &probe.join("specs/orders/order.md"),
        &format!(
            "# Order\n\n{FIELDS}| `id` | *str* | :heavy_check_mark: | N/A |\n\
             | `ship_to` | [models.Address](../shared/address.md) | :heavy_check_mark: | N/A |\n"
        ),
    );
    assert_eq!(
        run_in(&probe, &shared_target(), &["-p", "split-app"]),
        "o1 Oslo orders::Order\n"
    );
}
