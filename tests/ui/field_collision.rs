token_models::include_specs!("specs/field_collision");

fn main() {}
