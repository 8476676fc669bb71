token_models::include_specs!("specs/empty_file");

fn main() {}
