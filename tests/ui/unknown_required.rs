token_models::include_specs!("specs/unknown_required");

fn main() {}
