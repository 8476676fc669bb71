token_models::include_specs!("specs/ambiguous_link");

fn main() {}
