token_models::include_specs!("specs/unknown_type");

fn main() {}
