//! Prints every model generated from `specs/`: a readable table, or JSON
//! with `--json`.
//!
//! ```text
//! cargo run -p token-models --example catalog
//! cargo run -p token-models --example catalog -- --json
//! ```

use token_models::CATALOG;
use token_models::catalog::Presence;

fn main() -> Result<(), serde_json::Error> {
    if std::env::args().any(|a| a == "--json") {
        println!("{}", serde_json::to_string_pretty(&CATALOG)?);
        return Ok(());
    }
    for model in &CATALOG {
        println!(
            "{}  ({:?}, {}:{})",
            model.rust_path, model.kind, model.spec, model.line
        );
        let name_width = model
            .fields
            .iter()
            .map(|f| f.rust_name.len())
            .max()
            .unwrap_or(0);
        let wire_width = model
            .fields
            .iter()
            .map(|f| f.wire_name.len())
            .max()
            .unwrap_or(0);
        let type_width = model
            .fields
            .iter()
            .map(|f| f.rust_type.len())
            .max()
            .unwrap_or(0);
        for f in model.fields {
            let presence = match f.presence {
                Presence::Required => "required",
                Presence::Optional => "optional",
                Presence::Nullable => "nullable",
                Presence::OptionalNullable => "optional, nullable",
            };
            let description = f.description.lines().next().unwrap_or("");
            println!(
                "    {:name_width$}  {:wire_width$}  {:type_width$}  {presence:18}  {description}",
                f.rust_name, f.wire_name, f.rust_type
            );
        }
        for v in model.variants {
            println!("    {}  = {:?}", v.rust_name, v.wire_value);
        }
        for o in model.omitted {
            println!("    (left out: {}, {})", o.name, o.why);
        }
        println!();
    }
    Ok(())
}
