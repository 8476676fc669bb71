token_models::include_specs!("specs/missing_link");

fn main() {}
