// A split spec tree: `orders` links to `shared`, which this invocation
// neither generates nor takes from a crate.
token_models::include_specs!("specs/split", only = "orders");

// A malformed `from_crates`.
mod other {
    token_models::include_specs!("specs/split", only = "orders", from_crates = "shared");
}

// An unknown key, with the likely fix.
mod third {
    token_models::include_specs!("specs/split", onli = "orders");
}

fn main() {}
