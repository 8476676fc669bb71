token_models::include_specs!("specs/non_utf8", strict = "true");

fn main() {}
