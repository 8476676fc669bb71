token_models::include_specs!("specs/duplicate_type", strict = "true");

fn main() {}
