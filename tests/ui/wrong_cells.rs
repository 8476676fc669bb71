token_models::include_specs!("specs/wrong_cells");

fn main() {}
