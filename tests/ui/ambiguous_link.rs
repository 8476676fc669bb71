token_models::include_specs!("specs/ambiguous_link", strict = "true");

fn main() {}
