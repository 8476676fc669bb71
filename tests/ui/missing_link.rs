token_models::include_specs!("specs/missing_link", strict = "true");

fn main() {}
