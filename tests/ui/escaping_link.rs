token_models::include_specs!("specs/escaping_link");

fn main() {}
