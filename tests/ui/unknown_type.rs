token_models::include_specs!("specs/unknown_type", strict = "true");

fn main() {}
