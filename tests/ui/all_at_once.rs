// Every problem of one expansion is reported at once, and nothing cascades:
// `Good` links to the broken `Bad`, and this code, which uses both, adds no
// error of its own.
token_models::include_specs!("specs/all_at_once", strict = "true");

fn main() {
    let good = Good { bad: Bad { a: serde_json::Value::Null, b: String::new(), c: serde_json::Value::Null }, n: Some(1) };
    let _ = (good.n, values::Kind::A);
}
