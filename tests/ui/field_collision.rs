token_models::include_specs!("specs/field_collision", strict = "true");

fn main() {}
