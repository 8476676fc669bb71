token_models::include_specs!("specs/oversize", strict = "true");

fn main() {}
