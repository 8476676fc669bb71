token_models::include_specs!("specs/duplicate_type");

fn main() {}
