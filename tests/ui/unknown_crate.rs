// `from_crates` names a crate this one does not depend on: the specs are
// fine, the generated code is not, and rustc's error points at the path
// literal (every generated token carries its span), not at the whole
// invocation.
token_models::include_specs!("specs/split", only = "orders", from_crates = "shared = models_elsewhere");

fn main() {}
