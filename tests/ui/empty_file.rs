token_models::include_specs!("specs/empty_file", strict = "true");

fn main() {}
