// `redact` and `unredact` as the macro's arguments: a path of three names,
// and an empty name.
token_models::include_specs!("specs/bad_settings", redact = "Thing.id.value");

mod other {
    token_models::include_specs!("specs/bad_settings", unredact = "id, ");
}

fn main() {}
