token_models::include_specs!("specs/does_not_exist");

fn main() {}
