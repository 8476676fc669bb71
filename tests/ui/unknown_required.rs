token_models::include_specs!("specs/unknown_required", strict = "true");

fn main() {}
