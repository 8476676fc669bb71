//! Resolution on docs written for the test.

use super::*;
use crate::internals::markdown;
use crate::internals::read::{TypeCells, read_spec};
use crate::internals::types::Parses;

fn specs(files: &[(&str, &str)]) -> Vec<SpecFile> {
    files
        .iter()
        .map(|(path, text)| SpecFile::in_memory(path, text))
        .collect()
}

/// `files` resolved (their specs leaked: the models borrow them).
fn run(files: &[(&str, &str)]) -> (Resolved<'static>, Vec<String>) {
    let specs: &'static [SpecFile] = specs(files).leak();
    let mut d = Diagnostics::new();
    let models = specs
        .iter()
        .enumerate()
        .flat_map(|(i, s)| {
            let doc = markdown::parse(&s.text);
            read_spec(
                SpecId::new(i),
                s,
                &doc,
                TypeCells::of(&doc, &mut Parses::default()),
                Some(super::super::read::Fallback::voted(&DIALECTS[0])),
                &mut d,
            )
            .unwrap_or_default()
        })
        .collect();
    let r = resolve(specs, models, 2, &mut d);
    (r, d.into_sorted().iter().map(ToString::to_string).collect())
}

fn table(rows: &[(&str, &str)]) -> String {
    let mut s =
        String::from("## Fields\n\n| Field | Type | Required | Description |\n| - | - | - | - |\n");
    for (name, ty) in rows {
        s.push_str(&format!("| `{name}` | {ty} | :heavy_check_mark: | N/A |\n"));
    }
    s
}

fn field_ty<'r>(r: &'r Resolved<'_>, model: usize, field: usize) -> &'r Ty {
    match &r.models[model].kind {
        ModelKind::Struct(f) => &f[field].ty,
        other => panic!("{other:?}"),
    }
}

#[test]
fn links_resolve_relatively_then_by_file_name() {
    let a = format!(
        "# A\n{}",
        table(&[("b", "[B](./b.md)"), ("c", "[C](../../models/shared/c.md)")])
    );
    let (r, errors) = run(&[("x/a.md", &a), ("x/b.md", "# B\n"), ("x/y/c.md", "# C\n")]);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(field_ty(&r, 0, 0), &Ty::Model(ModelId::new(1)));
    assert_eq!(field_ty(&r, 0, 1), &Ty::Model(ModelId::new(2)));
    assert_eq!(
        r.modules[2]
            .iter()
            .map(|m| m.name.as_str())
            .collect::<Vec<_>>(),
        ["x", "y"]
    );
}

/// From `operations/`, `../../models/shared/error.md` means
/// `shared/error.md` when the specs folder was the repository's
/// `models`: the spec whose folders end with most of the link's, in
/// any case, is the one meant.
#[test]
fn a_link_above_the_specs_folder_resolves_by_its_longest_tail() {
    let from = format!(
        "# Op\n{}",
        table(&[
            ("error", "[Error](../../models/shared/error.md)"),
            ("card", "[Card](../../Models/payments/card.md)"),
        ])
    );
    let (r, errors) = run(&[
        ("operations/op.md", &from),
        ("errors/error.md", "# Error\n"),
        ("shared/error.md", "# SharedError\n"),
        ("Orchestration/card.md", "# OrchestrationCard\n"),
        ("Payments/card.md", "# PaymentsCard\n"),
    ]);
    assert!(errors.is_empty(), "{errors:?}");
    let name = |ty: &Ty| match ty {
        Ty::Model(i) => r.model(*i).rust.name.clone(),
        other => panic!("{other:?}"),
    };
    assert_eq!(name(field_ty(&r, 0, 0)), "SharedError");
    assert_eq!(name(field_ty(&r, 0, 1)), "PaymentsCard");
    // With no folder of the link's to tell them apart, it is ambiguous.
    let from = format!("# Op\n{}", table(&[("card", "[Card](../../x/card.md)")]));
    let (_, errors) = run(&[
        ("operations/op.md", &from),
        ("a/card.md", "# A\n"),
        ("b/card.md", "# B\n"),
    ]);
    assert!(errors[0].contains("is ambiguous"), "{errors:?}");
}

/// A stale copy left by a rename (`APIKey.md` beside `ApiKey.md`, both
/// `# ApiKey`) is the same type: links to either reach it. A copy in
/// another folder, or one that differs, is a type of its own.
#[test]
fn identical_docs_in_one_folder_are_one_type() {
    let key = format!("# ApiKey\n{}", table(&[("key", "*str*")]));
    let user = format!(
        "# User\n{}",
        table(&[("a", "[ApiKey](APIKey.md)"), ("b", "[ApiKey](ApiKey.md)")])
    );
    let (r, errors) = run(&[
        ("x/APIKey.md", &key),
        ("x/ApiKey.md", &key),
        ("x/user.md", &user),
        ("y/ApiKey.md", &key),
    ]);
    assert!(errors.is_empty(), "{errors:?}");
    let names: Vec<&str> = r.models.iter().map(|m| m.rust.name.as_str()).collect();
    assert_eq!(names, ["ApiKey", "User", "ApiKey"]);
    assert_eq!(field_ty(&r, 1, 0), &Ty::Model(ModelId::new(0)));
    assert_eq!(field_ty(&r, 1, 1), &Ty::Model(ModelId::new(0)));
    let changed = key.replace("`key`", "`other`");
    let (r, errors) = run(&[("x/APIKey.md", &key), ("x/ApiKey.md", &changed)]);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(r.models[1].rust.name, "ApiKey2");
}

/// A name no type has is the doc of that file name, whatever its
/// title, when one is nearest: a union's `### PaymentCard`, documented
/// in `payment_card.md` as `# Card`.
#[test]
fn a_name_no_type_has_is_the_doc_of_that_file_name() {
    let union = "# Method\n\n## Supported Types\n\n### `PaymentCard`\n\n### `BankAccount`\n";
    let (r, errors) = run(&[
        ("x/method.md", union),
        ("x/payment_card.md", "# Card\n\nA card.\n"),
        ("x/bankaccount.md", "# Account\n\nAn account.\n"),
        ("y/bankaccount.md", "# Other\n\nAnother.\n"),
    ]);
    assert!(errors.is_empty(), "{errors:?}");
    let ModelKind::Union(alternatives) = &r.models[0].kind else {
        panic!("{:?}", r.models[0].kind)
    };
    assert_eq!(alternatives[0].ty, Ty::Model(ModelId::new(1)));
    assert_eq!(alternatives[1].ty, Ty::Model(ModelId::new(2)));
    // Two equally near: not resolved, a warning.
    let (_, errors) = run(&[
        ("x/method.md", union),
        ("y/payment_card.md", "# Card\n\nA card.\n"),
        ("z/payment_card.md", "# Other\n\nAnother.\n"),
        ("x/bankaccount.md", "# Account\n\nAn account.\n"),
    ]);
    assert_eq!(errors.len(), 1, "{errors:?}");
}

#[test]
fn a_relative_link_climbs_and_descends_folders() {
    // By file name these two links would be ambiguous: only the path
    // tells the two `c.md` apart.
    let a = format!(
        "# A\n{}",
        table(&[
            ("p", "[C](../x/p/./c.md#top)"),
            ("q", "[C](q/../q/c.md?v=1)")
        ])
    );
    let (r, errors) = run(&[("x/a.md", &a), ("x/p/c.md", "# C\n"), ("x/q/c.md", "# C\n")]);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(field_ty(&r, 0, 0), &Ty::Model(ModelId::new(1)));
    assert_eq!(field_ty(&r, 0, 1), &Ty::Model(ModelId::new(2)));
}

#[test]
fn missing_and_ambiguous_links_are_errors() {
    let a = format!(
        "# A\n{}",
        table(&[
            ("b", "[B](nope.md)"),
            ("c", "[C](../c.md)"),
            ("d", "*Strng*")
        ])
    );
    let (r, errors) = run(&[("x/a.md", &a), ("x/p/c.md", "# C\n"), ("x/q/c.md", "# C\n")]);
    assert_eq!(errors.len(), 3, "{errors:?}");
    assert!(
        errors[0].starts_with(
            "specs/x/a.md:6:3: in the type of `b` (generated as `serde_json::Value`): the link `nope.md` leads to no spec"
        ),
        "{errors:?}"
    );
    assert!(
        errors[1].contains("the link `../c.md` is ambiguous"),
        "{errors:?}"
    );
    assert!(
        errors[2].ends_with("; did you mean `String`?"),
        "{errors:?}"
    );
    assert!(
        errors[2].contains("found the unknown type `Strng`"),
        "{errors:?}"
    );
    // Placeholders keep the rest going.
    assert_eq!(field_ty(&r, 0, 0), &Ty::Scalar(Scalar::Any));
}

#[test]
fn recursion_is_boxed_and_traits_follow_the_graph() {
    let a = format!(
        "# A\n{}",
        table(&[("next", "*T.nilable([A](a.md))*"), ("b", "[B](b.md)")])
    );
    let b = format!(
        "# B\n{}",
        table(&[("f", "*::Float*"), ("all", "T::Array<[A](a.md)>")])
    );
    // E and F hold each other directly: both are boxed; G holds E and
    // is in no cycle.
    let e = format!("# E\n{}", table(&[("f", "[F](f.md)"), ("n", "*::Float*")]));
    let f = format!("# F\n{}", table(&[("e", "*T.nilable([E](e.md))*")]));
    let g = format!("# G\n{}", table(&[("e", "[E](e.md)")]));
    let (r, errors) = run(&[
        ("a.md", &a),
        ("b.md", &b),
        ("c.md", "# C\n"),
        ("e.md", &e),
        ("f.md", &f),
        ("g.md", &g),
    ]);
    assert!(errors.is_empty(), "{errors:?}");
    let boxed = |m: usize| match &r.models[m].kind {
        ModelKind::Struct(f) => (0..f.len())
            .map(|k| r.is_boxed(ModelId::new(m), k))
            .collect::<Vec<_>>(),
        other => panic!("{other:?}"),
    };
    assert_eq!(boxed(0), [true, false]);
    assert_eq!(boxed(1), [false, false]);
    assert_eq!(boxed(3), [true, false]);
    assert_eq!(boxed(4), [true]);
    assert_eq!(boxed(5), [false]);
    assert_eq!(
        r.traits[0],
        Traits {
            eq: false,
            hash: false
        }
    );
    assert_eq!(
        r.traits[2],
        Traits {
            eq: true,
            hash: false
        }
    );
}

#[test]
fn traits_follow_a_long_chain_of_references() {
    // m0 -> m1 -> ... -> m299; the end holds free-form JSON (no Hash),
    // and m150 also holds a float (no Eq from there back to m0).
    let n = 300;
    let docs: Vec<(String, String)> = (0..n)
        .map(|k| {
            let mut rows = vec![("own", if k == 150 { "*::Float*" } else { "*::String*" })];
            let next = format!("[M{}](m{}.md)", k + 1, k + 1);
            if k + 1 < n {
                rows.push(("next", next.as_str()));
            } else {
                rows.push(("data", "T::Hash[Symbol, ::Object]"));
            }
            (format!("m{k}.md"), format!("# M{k}\n{}", table(&rows)))
        })
        .collect();
    let files: Vec<(&str, &str)> = docs.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
    let (r, errors) = run(&files);
    assert!(errors.is_empty(), "{errors:?}");
    for (k, t) in r.traits.iter().enumerate() {
        assert_eq!(
            *t,
            Traits {
                eq: k > 150,
                hash: false
            },
            "M{k}"
        );
    }
}

#[test]
fn one_name_in_two_modules_is_no_clash_and_a_folder_shares_its_module() {
    let docs = [
        ("x/a.md", "# A\n"),
        ("x/b.md", "# B\n"),
        ("y/a.md", "# A\n"),
    ];
    let (r, errors) = run(&docs);
    assert!(errors.is_empty(), "{errors:?}");
    let names: Vec<&str> = r.models.iter().map(|m| m.rust.name.as_str()).collect();
    assert_eq!(names, ["A", "B", "A"]);
    assert!(Arc::ptr_eq(&r.modules[0], &r.modules[1]));
    assert_eq!(r.modules[2][0].name, "y");
    // A clash in one module: the later type takes the first free
    // numbered name, and a warning says so.
    let (r, errors) = run(&[
        docs[0],
        docs[1],
        ("x/c.md", "# A\n\nAnother A.\n"),
        ("x/d.md", "# A\n\nA third.\n"),
    ]);
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(
        errors[0].ends_with("generated this one as `A2`"),
        "{errors:?}"
    );
    assert_eq!(r.models[2].rust.name, "A2");
    assert_eq!(r.models[3].rust.name, "A3");
}

#[test]
fn a_second_type_of_one_name_is_reported() {
    let (r, errors) = run(&[("a.md", "# A\n"), ("b.md", "# A\n\nAnother.\n")]);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with("specs/b.md:1:1: found a second type named `A`"),
        "{errors:?}"
    );
    assert_eq!(r.models[1].rust.name, "A2");
}
