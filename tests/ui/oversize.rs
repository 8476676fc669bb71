token_models::include_specs!("specs/oversize");

fn main() {}
