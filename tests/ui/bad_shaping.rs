// `derives` and `attributes` as the macro's arguments: a derive that is no
// path, and an attribute without its `#[...]`.
token_models::include_specs!("specs/bad_settings", derives = "Default, 3D");

mod other {
    token_models::include_specs!("specs/bad_settings", attributes.Thing = "non_exhaustive");
}

fn main() {}
