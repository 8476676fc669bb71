//! Rebuilds the crate when anything under `specs/` changes, including files
//! that are added or removed (rustc only tracks the files it was given).

fn main() {
    println!("cargo::rerun-if-changed=specs");
}
