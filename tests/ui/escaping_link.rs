token_models::include_specs!("specs/escaping_link", strict = "true");

fn main() {}
