//! A vendor doc's quirk never breaks the build: a fallback is generated in
//! its place and the compiler warns, one warning per kind of quirk, listing
//! where (`path/to/spec.md:LINE:COL`) and counting the rest. `strict`
//! makes the same quirks errors. (The UI tests show the errors; this test
//! builds a crate of its own with cargo, since trybuild does not look at a
//! passing build's warnings.)

use std::path::Path;
use std::process::{Command, Output};

mod probe;
use probe::{new_crate, shared_target, write};

/// `cargo run`: the build's warnings, then what the program prints.
fn build(probe: &Path) -> Output {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    Command::new(cargo)
        .args(["run", "--quiet", "--offline"])
        .current_dir(probe)
        .env("CARGO_TARGET_DIR", shared_target())
        .env_remove("RUSTFLAGS")
        .output()
        .expect("cargo runs")
}

#[test]
fn quirks_are_warnings_and_strict_makes_them_errors() {
    let probe = new_crate("quirks-probe");
    // The generated code is used as it is: a fallback is `serde_json::Value`.
    write(
        &probe.join("src/main.rs"),
        "token_models::include_specs!(\"specs\");\n\n\
         fn main() {\n    let t = vendor::Thing { a: token_models::serde_json::Value::Null, ok: String::new(), link: None };\n    \
         let _ = (t.a, t.ok, t.link);\n    \
         for m in &CATALOG {\n        for f in m.fields {\n            \
         println!(\"{} {} {}\", m.rust_path, f.rust_name, f.fallback.unwrap_or(\"exact\"));\n        }\n    }\n}\n",
    );
    let mut thing = String::from(
        "# Thing\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n",
    );
    thing.push_str("| `a` | *Strng* | :heavy_check_mark: | N/A |\n");
    thing.push_str("| `ok` | *str* | :heavy_check_mark: | N/A |\n");
    thing.push_str("| `link` | [Gone](gone.md) | :heavy_minus_sign: | N/A |\n");
    write(&probe.join("specs/vendor/thing.md"), &thing);
    // Seven docs with one kind of quirk: one warning, five places and a count.
    for k in 0..7 {
        write(
            &probe.join(format!("specs/vendor/odd{k}.md")),
            &format!(
                "# Odd{k}\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `x` | *Nope{k}* | :heavy_check_mark: | N/A |\n"
            ),
        );
    }

    let out = build(&probe);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "the build failed:\n{stderr}");
    let warnings = stderr.matches("warning: use of deprecated").count();
    // The unknown types are one kind, the link that leads nowhere another.
    assert_eq!(warnings, 2, "{stderr}");
    assert!(
        stderr.contains("specs/vendor/thing.md:9:3: in the type of `link` (generated as `serde_json::Value`): the link `gone.md` leads to no spec"),
        "{stderr}"
    );
    assert!(
        stderr.contains("specs/vendor/odd0.md:7:3: in the type of `x` (generated as `serde_json::Value`): found the unknown type `Nope0`"),
        "{stderr}"
    );
    assert!(stderr.contains("… and 3 more like these"), "{stderr}");
    assert!(!stderr.contains("odd6.md"), "{stderr}");
    // The catalog says which fields are fallbacks, and why.
    let stdout = String::from_utf8_lossy(&out.stdout);
    let thing: Vec<&str> = stdout
        .lines()
        .filter(|l| l.starts_with("vendor::Thing "))
        .collect();
    assert_eq!(thing.len(), 3, "{stdout}");
    assert!(
        thing[0].starts_with("vendor::Thing a in the type of `a` (generated as `serde_json::Value`): found the unknown type `Strng`"),
        "{stdout}"
    );
    assert_eq!(thing[1], "vendor::Thing ok exact");
    assert!(
        thing[2].starts_with("vendor::Thing link in the type of `link`"),
        "{stdout}"
    );

    write(
        &probe.join("specs/token-models.toml"),
        "strict = \"true\"\n",
    );
    let out = build(&probe);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "a strict build passed:\n{stderr}");
    assert_eq!(
        stderr.matches("error: specs/vendor/").count(),
        9,
        "{stderr}"
    );
}
