token_models::include_specs!("specs/no_table");

fn main() {}
