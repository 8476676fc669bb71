token_models::include_specs!("specs/no_table", strict = "true");

fn main() {}
