//! The walk over a specs folder and the settings, on folders written for
//! the test.

use super::*;

#[test]
fn settings_apply_over_inherited_ones() {
    let mut d = Diagnostics::new();
    let s = read_settings(
        "wire_names = \"snake_case\"\n",
        "x.toml",
        Settings::default(),
        &mut d,
    );
    assert!(d.is_empty());
    assert_eq!(s.wire_names, Some(Case::Snake));
    let s = read_settings("dialect = \"java\"", "x.toml", s, &mut d);
    assert_eq!(
        (s.wire_names, s.dialect.map(|d| d.name)),
        (Some(Case::Snake), Some("java"))
    );
}

#[test]
fn bad_settings_are_reported_with_positions() {
    let mut d = Diagnostics::new();
    let text = "wire_names = \"snake_cas\"\ncolour = 1\ndialekt = \"go\"\n";
    read_settings(text, "s/token-models.toml", Settings::default(), &mut d);
    let msgs: Vec<String> = d.into_sorted().iter().map(ToString::to_string).collect();
    assert_eq!(msgs.len(), 3, "{msgs:?}");
    assert!(
        msgs[0].ends_with("; did you mean `snake_case`?"),
        "{msgs:?}"
    );
    assert!(
        msgs[2].ends_with(
            "expected `wire_names`, `dialect`, `strict`, `nulls`, `redact`, `unredact`, `validate`, `example_tests`, `derives` or `attributes`; did you mean `dialect`?"
        ),
        "{msgs:?}"
    );
    assert!(msgs[0].starts_with("s/token-models.toml:1:14: found an invalid `wire_names`, expected one of \"as-written\""), "{msgs:?}");
    assert_eq!(
        msgs[1],
        "s/token-models.toml:2:1: found the unknown key `colour`, expected `wire_names`, `dialect`, `strict`, `nulls`, `redact`, `unredact`, `validate`, `example_tests`, `derives` or `attributes`"
    );
}

#[test]
fn loads_the_repository_specs() {
    let mut d = Diagnostics::new();
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let set = load(&base, "specs", Settings::default(), 2, &mut d);
    assert!(d.is_empty(), "{d:?}");
    let shown: Vec<&str> = set.files.iter().map(|f| f.display.as_str()).collect();
    assert!(
        shown.contains(&"specs/gusto/authentication.md"),
        "{shown:?}"
    );
    let gusto = set
        .files
        .iter()
        .find(|f| f.folders().first().is_some_and(|f| f == "gusto"))
        .expect("gusto");
    assert_eq!(gusto.settings.wire_names, Some(Case::Snake));
    assert_eq!(gusto.folders(), ["gusto"]);
    assert_eq!(gusto.stem(), "authentication");
}

#[test]
fn a_spec_is_read_whole_at_any_size_up_to_the_limit() {
    let dir = std::env::temp_dir().join(format!("token-models-read-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a folder");
    let largest = usize::try_from(MAX_SPEC_BYTES).expect("fits");
    for len in [0, 1, 4_095, 4_096, 65_537, largest] {
        let text: Vec<u8> = (0..len).map(|k| b'a' + (k % 26) as u8).collect();
        let path = dir.join(format!("{len}.md"));
        std::fs::write(&path, &text).expect("a spec");
        match read_bytes(&path) {
            Ok(Ok(bytes)) => assert!(bytes == text, "{len} bytes read as {}", bytes.len()),
            other => panic!("{len} bytes: {other:?}"),
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn linked_folders_are_walked_and_oversized_files_refused() {
    let root = std::env::temp_dir().join(format!("token-models-walk-{}", std::process::id()));
    let specs = root.join("specs");
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(specs.join("real")).expect("folders");
    std::fs::write(specs.join("real/a.md"), "# A\n").expect("a spec");
    let too_big = usize::try_from(MAX_SPEC_BYTES + 1).expect("fits");
    std::fs::write(specs.join("big.md"), vec![b'#'; too_big]).expect("a big file");
    #[cfg(unix)]
    std::os::unix::fs::symlink(specs.join("real"), specs.join("linked")).expect("a link");

    let mut d = Diagnostics::new();
    let set = load(&root, "specs", Settings::default(), 2, &mut d);
    let _ = std::fs::remove_dir_all(&root);
    let read: Vec<(&str, &str)> = set
        .files
        .iter()
        .map(|f| (f.display.as_str(), f.text.as_str()))
        .collect();
    let mut expected = vec![("specs/big.md", ""), ("specs/real/a.md", "# A\n")];
    if cfg!(unix) {
        expected.insert(1, ("specs/linked/a.md", "# A\n"));
    }
    assert_eq!(read, expected);
    let errors: Vec<String> = d.into_sorted().iter().map(ToString::to_string).collect();
    assert_eq!(
        errors,
        [format!(
            "specs/big.md:1:1: found a file of {} bytes, expected a spec of at most {MAX_SPEC_BYTES} bytes; generated `serde_json::Value`",
            MAX_SPEC_BYTES + 1
        )]
    );
}

#[test]
fn a_spec_knows_its_path_folders_and_name() {
    let spec = SpecFile::in_memory("a/b/c.md", "");
    assert_eq!(spec.display(), "specs/a/b/c.md");
    assert_eq!(spec.rel_path(), "a/b/c.md");
    assert_eq!(spec.folders(), ["a", "b"]);
    assert_eq!((spec.file_name(), spec.stem()), ("c.md", "c"));
    let top = SpecFile::in_memory("top.md", "");
    assert_eq!((top.display(), top.rel_path()), ("specs/top.md", "top.md"));
    assert!(top.folders().is_empty());
    assert_eq!((top.file_name(), top.stem()), ("top.md", "top"));
    let moved = spec.moved_into("copy");
    assert_eq!(moved.display(), "specs/copy/a/b/c.md");
    assert_eq!(moved.folders(), ["copy", "a", "b"]);
    assert_eq!(moved.file_name(), "c.md");
}

#[test]
fn the_specs_of_a_folder_share_its_path() {
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests");
    let mut d = Diagnostics::new();
    let set = load(&base, "specs-edge/", Settings::default(), 1, &mut d);
    assert!(set.files.len() > 2);
    for (a, b) in set.files.iter().zip(&set.files[1..]) {
        assert_eq!(
            Arc::ptr_eq(&a.folders, &b.folders),
            a.folders() == b.folders(),
            "{} {}",
            a.display(),
            b.display()
        );
    }
    for spec in &set.files {
        assert_eq!(spec.display(), format!("specs-edge/{}", spec.rel_path()));
        let path = base.join("specs-edge").join(spec.rel_path());
        assert_eq!(spec.text, std::fs::read_to_string(path).expect("read"));
    }
}

#[test]
fn a_scope_places_specs_by_their_deepest_folder() {
    let mut scope = Scope::default();
    let rel = |p: &str| SpecFile::in_memory(p, "").folders().to_vec();
    assert_eq!(scope.place(&rel("a/b.md")), Place::Here);
    scope.set("only", "orders, api/v2").expect("valid");
    scope
        .set("from_crates", "shared = models_shared, orders/legacy = old")
        .expect("valid");
    assert_eq!(scope.place(&rel("orders/order.md")), Place::Here);
    assert_eq!(scope.place(&rel("api/v2/x.md")), Place::Here);
    assert_eq!(
        scope.place(&rel("shared/address.md")),
        Place::Crate("models_shared")
    );
    assert_eq!(scope.place(&rel("orders/legacy/o.md")), Place::Crate("old"));
    assert_eq!(scope.place(&rel("api/v1/x.md")), Place::Outside);
    assert_eq!(scope.place(&rel("orders.md")), Place::Outside);
    assert!(
        scope
            .set("from_crates", "shared")
            .is_err_and(|e| e.contains("expected `folder = crate_name`"))
    );
    assert!(
        scope
            .set("from_crates", "shared = my-crate")
            .is_err_and(|e| e.contains("expected a crate name"))
    );
    assert!(
        scope
            .set("only", "../x")
            .is_err_and(|e| e.contains("expected a folder below"))
    );
}

#[test]
fn a_missing_directory_is_an_error() {
    let mut d = Diagnostics::new();
    let set = load(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        "no-such-specs",
        Settings::default(),
        2,
        &mut d,
    );
    assert!(set.files.is_empty());
    let msgs = d.into_sorted();
    assert_eq!(msgs[0].path, "no-such-specs");
    assert!(
        msgs[0].message.starts_with("found no such folder"),
        "{msgs:?}"
    );
}

#[test]
fn redact_and_unredact_name_fields_alone_or_with_their_model() {
    let mut d = Diagnostics::new();
    let text = "redact = \"pin, Widget.code\"\nunredact = \"page_token\"\n";
    let s = read_settings(text, "x.toml", Settings::default(), &mut d);
    assert!(d.is_empty(), "{d:?}");
    let named: Vec<(Option<&str>, &str, bool, Pos)> = s
        .redactions
        .iter()
        .map(|r| (r.model.as_deref(), r.field.as_str(), r.redact, r.pos))
        .collect();
    assert_eq!(
        named,
        [
            (None, "pin", true, Pos::new(1, 1)),
            (Some("Widget"), "code", true, Pos::new(1, 1)),
            (None, "page_token", false, Pos::new(2, 1)),
        ]
    );
    assert_eq!(s.redaction("Widget", &["code"]), Some(true));
    assert_eq!(s.redaction("Other", &["code"]), None);
    assert_eq!(
        s.redaction("Any", &["pageToken", "page_token"]),
        Some(false)
    );
    // A nearer file's setting wins over an inherited one.
    let nearer = read_settings("unredact = \"pin\"", "y.toml", s, &mut d);
    assert_eq!(nearer.redaction("Widget", &["pin"]), Some(false));
    // Bad values: a path of three, an empty name, a name with a space, not a string.
    for bad in ["a.b.c", "pin,", ".pin", "page token", "Widget."] {
        let mut d = Diagnostics::new();
        read_settings(
            &format!("redact = \"{bad}\""),
            "z.toml",
            Settings::default(),
            &mut d,
        );
        let shown: Vec<String> = d.into_sorted().iter().map(ToString::to_string).collect();
        assert_eq!(shown.len(), 1, "{bad}: {shown:?}");
        assert!(shown[0].starts_with("z.toml:1:10: found "), "{shown:?}");
        assert!(
            shown[0].contains("in `redact`, expected a field's name"),
            "{shown:?}"
        );
    }
    let mut d = Diagnostics::new();
    read_settings("unredact = 3", "z.toml", Settings::default(), &mut d);
    let shown: Vec<String> = d.into_sorted().iter().map(ToString::to_string).collect();
    assert!(
        shown[0].contains("not a string for `unredact`"),
        "{shown:?}"
    );
}

#[test]
fn derives_and_attributes_are_paths_and_outer_attributes() {
    let mut d = Diagnostics::new();
    let text = "derives = \"Default, schemars::JsonSchema\"\n\
                attributes.Widget = \"#[non_exhaustive] #[doc(alias = \\\"w\\\")]\"\n";
    let s = read_settings(text, "x.toml", Settings::default(), &mut d);
    assert!(d.is_empty(), "{d:?}");
    let set: Vec<(Option<&str>, &[String], &str, Pos)> = s
        .shapings
        .iter()
        .map(|s| {
            (
                s.model.as_deref(),
                &s.derives[..],
                s.attributes.as_str(),
                s.pos,
            )
        })
        .collect();
    let derives = ["Default".to_owned(), "schemars::JsonSchema".to_owned()];
    assert_eq!(
        set,
        [
            (None, &derives[..], "", Pos::new(1, 1)),
            (
                Some("Widget"),
                &[][..],
                "#[non_exhaustive] #[doc(alias = \"w\")]",
                Pos::new(2, 1)
            ),
        ]
    );
    for (bad, expected) in [
        (
            "derives = \"Default, 3D\"",
            "found `3D` in `derives`, expected paths",
        ),
        ("derives = \"serde::\"", "found `serde::` in `derives`"),
        ("derives = \"\"", "found an empty path in `derives`"),
        (
            "attributes = \"non_exhaustive\"",
            "found `non_exhaustive` in `attributes`, expected outer attributes",
        ),
        (
            "attributes = \"#[non_exhaustive\"",
            "in `attributes`, expected outer attributes",
        ),
        ("attributes = \"#[]\"", "in `attributes`"),
        ("attributes = \"#[a] b\"", "in `attributes`"),
        ("derives.Widget = \"a b\"", "found `a b` in `derives`"),
        (
            "attributes.Widget = 3",
            "not a string for `attributes.Widget`",
        ),
    ] {
        let mut d = Diagnostics::new();
        read_settings(bad, "z.toml", Settings::default(), &mut d);
        let shown: Vec<String> = d.into_sorted().iter().map(ToString::to_string).collect();
        assert_eq!(shown.len(), 1, "{bad}: {shown:?}");
        assert!(shown[0].contains(expected), "{bad}: {shown:?}");
    }
}
