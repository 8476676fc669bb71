token_models::include_specs!("specs/wrong_cells", strict = "true");

fn main() {}
