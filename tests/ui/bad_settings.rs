token_models::include_specs!("specs/bad_settings");

fn main() {}
