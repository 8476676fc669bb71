//! The type grammar and its interpretation, on expressions of every language.

use super::*;
use crate::internals::dialect::best_dialect;

#[test]
fn a_text_is_parsed_once_and_its_parse_shared() {
    let mut parses = Parses::default();
    for text in [
        "*Optional[str]*",
        "Optional[List[str]]",
        "Dict[str, *Any*]",
        "a[",
        "",
    ] {
        let first = parses.parse(text);
        assert!(Arc::ptr_eq(&first, &parses.parse(text)), "{text}");
        assert_eq!(first.syntax, parse(text), "{text}");
        let scores = match parse(text) {
            Ok(s) => dialect_scores([(&s, text)]),
            Err(_) => vec![0; DIALECTS.len()],
        };
        assert_eq!(first.scores.as_slice(), scores, "{text}");
    }
    let python = DIALECTS.iter().position(|d| d.name == "python");
    let optional = parses.parse("Optional[List[str]]");
    assert_eq!(python.map(|k| optional.scores[k]), Some(3));
}

#[test]
fn a_shared_parse_interprets_as_a_fresh_one_in_every_dialect() {
    let mut parses = Parses::default();
    // A model's name in a link, a scalar's in one (Python's docs link
    // `date` to Python's), and both.
    let cases = [
        ("Optional[List[Thing]]", 14..19),
        ("Optional[date]", 9..13),
        ("Dict[date, Thing]", 5..9),
        ("Dict[date, Thing]", 11..16),
    ];
    for (text, linked) in cases {
        let parsed = parses.parse(text);
        let Ok(syntax) = parse(text) else {
            panic!("{text}")
        };
        let link = [(linked, "thing.md")];
        for dialect in DIALECTS {
            for links in [&[][..], &link[..], &[][..], &link[..]] {
                assert_eq!(
                    parsed.interpret(text, dialect, links),
                    interpret(&syntax, text, dialect, links),
                    "{text} {} {links:?}",
                    dialect.name
                );
            }
        }
    }
    let text = "Optional[List[Thing]]";
    let parsed = parses.parse(text);
    let link = [(14..19, "thing.md")];
    let python = Dialect::by_name("python").expect("python");
    let linked = parsed.interpret(text, python, &link).map(|t| t.ty);
    let named = |link: Option<&str>| {
        ReadTy::List(Box::new(ReadTy::Named(NamedRef {
            path: "Thing".into(),
            link: link.map(Into::into),
        })))
    };
    assert_eq!(linked, Ok(named(Some("thing.md"))));
    assert_eq!(
        parsed.interpret(text, python, &[]).map(|t| t.ty),
        Ok(named(None))
    );
    let broken = parses.parse("List[");
    let error = broken.interpret("List[", python, &[]).err();
    assert_eq!(error, parse("List[").err());
}

#[test]
fn a_names_key_joins_its_segments_with_dots() {
    let key = |text: &str| {
        let Ok(Syntax::Name { path, .. }) = parse(text) else {
            panic!("{text}: {:?}", parse(text))
        };
        Syntax::key(text, &path, &mut String::new()).to_owned()
    };
    assert_eq!(key("str"), "str");
    assert_eq!(key("::Integer"), "Integer");
    assert_eq!(key("T::Array<X>"), "T.Array");
    assert_eq!(key("models.errors.Error"), "models.errors.Error");
    assert_eq!(
        key("\\Brick\\DateTime\\LocalDate"),
        "Brick.DateTime.LocalDate"
    );
    assert_eq!(key("a . b"), "a.b");
}

#[test]
fn a_dialect_looks_up_its_own_words_and_no_others() {
    for d in DIALECTS {
        for &(key, _) in d.words {
            // A word listed twice means what it first says.
            let first = d.words.iter().find(|(k, _)| *k == key).map(|&(_, m)| m);
            assert_eq!(d.lookup(key), first, "{} {key}", d.name);
        }
        for other in DIALECTS {
            for &(key, _) in other.words {
                if !d.words.iter().any(|(k, _)| *k == key) {
                    assert_eq!(d.lookup(key), None, "{} {key}", d.name);
                }
            }
        }
        assert_eq!(d.lookup("NoSuchWord"), None);
    }
}

fn named(name: &str, qualifier: &[&str], link: Option<&str>) -> ReadTy {
    let mut path: Vec<&str> = qualifier.to_vec();
    path.push(name);
    ReadTy::Named(NamedRef {
        path: path.join("."),
        link: link.map(Into::into),
    })
}

fn typed(text: &str, dialect: &str, links: &[(Range<usize>, &str)]) -> Typed {
    let syntax = parse(text).unwrap_or_else(|e| panic!("{text}: {e:?}"));
    let dialect = Dialect::by_name(dialect).expect("dialect");
    interpret(&syntax, text, dialect, links).unwrap_or_else(|e| panic!("{text}: {e:?}"))
}

#[test]
fn parses_every_syntax_form() {
    let cases = [
        "T::Array<::String>",
        "T.nilable(::Integer)",
        "Optional[List[str]]",
        "Dict[str, Any]",
        "Optional<? extends Foo>",
        "map[string]*Foo",
        "[]string",
        "string[]",
        "?string",
        "float|int|bool",
        "Record<string, Foo>",
        "Literal[\"x\"]",
        "\\DateTime",
        "byte[]",
        "Map<String, List\\<String>>",
        "{ [k: string]: any }[]",
        "interface{}",
        "Literal[True]",
        "100",
    ];
    for c in cases {
        assert!(parse(c).is_ok(), "{c}: {:?}", parse(c));
    }
    assert_eq!(
        parse("map[string]X"),
        Ok(Syntax::Name {
            path: std::iter::once(0..3).collect(),
            args: vec![
                Syntax::Name {
                    path: std::iter::once(4..10).collect(),
                    args: vec![],
                    span: 4..10
                },
                Syntax::Name {
                    path: std::iter::once(11..12).collect(),
                    args: vec![],
                    span: 11..12
                },
            ],
            span: 0..3,
        })
    );
}

/// Newer Ruby generators write Crystalline constructor calls where
/// older ones wrote Sorbet: both read alike.
#[test]
fn a_constructor_call_reads_as_its_arguments() {
    let string = || Box::new(ReadTy::Scalar(Scalar::String));
    let nilable = typed("Crystalline::Nilable.new(::String)", "ruby", &[]);
    assert_eq!(nilable, typed("T.nilable(::String)", "ruby", &[]));
    assert!(nilable.nullable);
    assert_eq!(
        typed("Crystalline::Boolean.new", "ruby", &[]).ty,
        ReadTy::Scalar(Scalar::Bool)
    );
    for list in [
        "Crystalline::Array.new(::String)",
        "Crystalline::Array<::String>",
    ] {
        assert_eq!(
            typed(list, "ruby", &[]).ty,
            ReadTy::List(string()),
            "{list}"
        );
    }
    assert_eq!(
        typed("Crystalline::Hash[Symbol, ::Object]", "ruby", &[]).ty,
        ReadTy::Map(Box::new(ReadTy::Scalar(Scalar::Any)))
    );
    assert_eq!(
        typed("Crystalline::Union.new(::String, ::Integer)", "ruby", &[]).ty,
        ReadTy::Union(vec![
            ReadTy::Scalar(Scalar::String),
            ReadTy::Scalar(Scalar::I64)
        ])
    );
    // `new` as a type's own name, or inside a path, is a name.
    let named = |path: &str| {
        ReadTy::Named(NamedRef {
            path: path.into(),
            link: None,
        })
    };
    assert_eq!(typed("Models::New", "ruby", &[]).ty, named("Models.New"));
    assert_eq!(typed("new", "ruby", &[]).ty, named("new"));
    assert_eq!(typed("a.new.b", "ruby", &[]).ty, named("a.new.b"));
}

#[test]
fn older_and_newer_generators_words_are_known() {
    let any = ReadTy::Scalar(Scalar::Any);
    let cases = [
        (
            "list[str]",
            "python",
            ReadTy::List(Box::new(ReadTy::Scalar(Scalar::String))),
        ),
        (
            "dict[str, int]",
            "python",
            ReadTy::Map(Box::new(ReadTy::Scalar(Scalar::I64))),
        ),
        (
            "requests.Response",
            "python",
            ReadTy::Transport("an HTTP response"),
        ),
        (
            "AxiosResponse",
            "typescript",
            ReadTy::Transport("an HTTP response"),
        ),
        // A generator's slip: a `>` that closes nothing.
        (
            "AxiosResponse>",
            "typescript",
            ReadTy::Transport("an HTTP response"),
        ),
        (
            "HttpResponse<?>",
            "java",
            ReadTy::Transport("an HTTP response"),
        ),
        ("List<?>", "java", ReadTy::List(Box::new(any))),
        ("http.Request", "go", ReadTy::Transport("an HTTP request")),
        (
            "HttpRequestMessage",
            "csharp",
            ReadTy::Transport("an HTTP request"),
        ),
        // Big integers keep every digit a JSON number can carry.
        ("BigInteger", "csharp", ReadTy::Scalar(Scalar::I128)),
        ("BigInteger", "java", ReadTy::Scalar(Scalar::I128)),
        (
            "\\Brick\\Math\\BigInteger",
            "php",
            ReadTy::Scalar(Scalar::I128),
        ),
    ];
    for (text, dialect, ty) in cases {
        assert_eq!(typed(text, dialect, &[]).ty, ty, "{text} in {dialect}");
    }
}

/// A union written inside one link to a doc is that doc's type; a union
/// of linked alternatives is a union.
#[test]
fn a_union_inside_one_link_is_the_linked_doc() {
    let linked = |path: &str, link: &str| {
        ReadTy::Named(NamedRef {
            path: path.into(),
            link: Some(link.into()),
        })
    };
    let text = "T.nilable(T.any(Models::A, Models::B))";
    let whole = [(0..text.len(), "../../models/shared/widgetextra.md")];
    let t = typed(text, "ruby", &whole);
    assert!(t.nullable);
    assert_eq!(t.ty, linked("widgetextra", whole[0].1));
    let text = "Components\\Card|Components\\Iban";
    let whole = [(0..text.len(), "../../Models/Components/PaymentMethod.md")];
    assert_eq!(
        typed(text, "php", &whole).ty,
        linked("PaymentMethod", whole[0].1)
    );
    let text = "T.any(A, B)";
    let each = [(6..7, "a.md"), (9..10, "b.md")];
    assert_eq!(
        typed(text, "ruby", &each).ty,
        ReadTy::Union(vec![linked("A", "a.md"), linked("B", "b.md")])
    );
    // A link to a page that is not a doc does not name the union.
    let external = [(0..11, "https://example.com/x")];
    assert!(matches!(
        typed(text, "ruby", &external).ty,
        ReadTy::Union(_)
    ));
}

#[test]
fn reports_where_an_expression_goes_wrong() {
    assert_eq!(parse("List<str").unwrap_err().offset, 8);
    assert_eq!(
        parse("List<str> x").unwrap_err().message,
        "found `x`, expected the end of the type expression"
    );
    assert_eq!(
        parse("a % b").unwrap_err(),
        TypeError {
            offset: 2,
            message: "found `%`, expected a type name".into()
        }
    );
    assert_eq!(
        parse("").unwrap_err().message,
        "found the end of the expression, expected a type name"
    );
}

#[test]
fn applies_vocabularies() {
    let t = typed("T.nilable(::Integer)", "ruby", &[]);
    assert_eq!(
        t,
        Typed {
            ty: ReadTy::Scalar(Scalar::I64),
            optional: false,
            nullable: true
        }
    );
    let t = typed("Optional<Double>", "java", &[]);
    assert_eq!(
        t,
        Typed {
            ty: ReadTy::Scalar(Scalar::F64),
            optional: true,
            nullable: false
        }
    );
    let t = typed("Optional<? extends Long>", "java", &[]);
    assert_eq!(
        t,
        Typed {
            ty: ReadTy::Scalar(Scalar::I64),
            optional: true,
            nullable: false
        }
    );
    let t = typed("OptionalNullable[str]", "python", &[]);
    assert_eq!(
        t,
        Typed {
            ty: ReadTy::Scalar(Scalar::String),
            optional: true,
            nullable: true
        }
    );
    assert_eq!(typed("int", "java", &[]).ty, ReadTy::Scalar(Scalar::I32));
    assert_eq!(typed("int", "python", &[]).ty, ReadTy::Scalar(Scalar::I64));
    let t = typed("T::Array<::String>", "ruby", &[]);
    assert_eq!(t.ty, ReadTy::List(Box::new(ReadTy::Scalar(Scalar::String))));
    let t = typed("map[string]*Foo", "go", &[]);
    assert_eq!(
        t.ty,
        ReadTy::Map(Box::new(ReadTy::Nullable(Box::new(named(
            "Foo",
            &[],
            None
        )))))
    );
    assert_eq!(
        typed("array<string, int>", "php", &[]).ty,
        ReadTy::Map(Box::new(ReadTy::Scalar(Scalar::I64)))
    );
    assert_eq!(
        typed("array<int>", "php", &[]).ty,
        ReadTy::List(Box::new(ReadTy::Scalar(Scalar::I64)))
    );
    assert_eq!(
        typed("{ [k: string]: any }[]", "typescript", &[]).ty,
        ReadTy::List(Box::new(ReadTy::Map(Box::new(ReadTy::Scalar(Scalar::Any)))))
    );
    assert_eq!(
        typed("Literal[\"entry\"]", "python", &[]).ty,
        ReadTy::Scalar(Scalar::String)
    );
    assert_eq!(
        typed("\"entry\"", "typescript", &[]).ty,
        ReadTy::Scalar(Scalar::String)
    );
    assert_eq!(
        typed("false", "typescript", &[]).ty,
        ReadTy::Scalar(Scalar::Bool)
    );
    assert_eq!(
        typed("Literal[True]", "python", &[]).ty,
        ReadTy::Scalar(Scalar::Bool)
    );
    assert_eq!(
        typed(
            "Union[Literal[\"function\"], UnrecognizedStr]",
            "python",
            &[]
        )
        .ty,
        ReadTy::Scalar(Scalar::String)
    );
    assert_eq!(
        typed("float|int", "python", &[]).ty,
        ReadTy::Scalar(Scalar::F64)
    );
    let t = typed("string | null", "typescript", &[]);
    assert_eq!((t.ty, t.nullable), (ReadTy::Scalar(Scalar::String), true));
    assert_eq!(
        typed("str | List[str]", "python", &[]).ty,
        ReadTy::Union(vec![
            ReadTy::Scalar(Scalar::String),
            ReadTy::List(Box::new(ReadTy::Scalar(Scalar::String)))
        ])
    );
}

#[test]
fn api_names_undo_sdk_renames() {
    let csharp = Dialect::by_name("csharp").expect("csharp");
    assert_eq!(
        csharp.api_name("AccessTokenValue", "AccessToken"),
        "AccessToken"
    );
    assert_eq!(
        csharp.api_name("AccessTokenValue", "Other"),
        "AccessTokenValue"
    );
    let python = Dialect::by_name("python").expect("python");
    assert_eq!(python.api_name("from_", "Query"), "from");
    assert_eq!(python.api_name("class_", "Query"), "class");
    assert_eq!(python.api_name("to_", "Query"), "to_");
    assert_eq!(
        Dialect::by_name("go").expect("go").api_name("from_", "Q"),
        "from_"
    );
}

#[test]
fn transport_objects_are_recognised() {
    assert_eq!(
        typed("*http.Response", "go", &[]).ty,
        ReadTy::Transport("an HTTP response")
    );
    assert_eq!(
        typed("HttpResponse<InputStream>", "java", &[]).ty,
        ReadTy::Transport("an HTTP response")
    );
    assert_eq!(
        typed("\\Psr\\Http\\Message\\ResponseInterface", "php", &[]).ty,
        ReadTy::Transport("an HTTP response")
    );
    assert_eq!(
        typed("[]byte", "go", &[]).ty,
        ReadTy::List(Box::new(ReadTy::Transport("binary content")))
    );
    assert_eq!(
        typed("File | Blob | components.FileT", "typescript", &[]).ty,
        ReadTy::Transport("binary content")
    );
}

#[test]
fn attaches_the_innermost_link_and_keeps_the_qualifier() {
    let text = "T.nilable(Models::Components::GrantType)";
    let t = typed(text, "ruby", &[(0..text.len(), "../g.md")]);
    assert_eq!(
        t.ty,
        named("GrantType", &["Models", "Components"], Some("../g.md"))
    );
    assert!(t.nullable);
    let text = "T::Array<::Sdk::Shared::W>";
    let t = typed(text, "ruby", &[(9..25, "w.md")]);
    assert_eq!(
        t.ty,
        ReadTy::List(Box::new(named("W", &["Sdk", "Shared"], Some("w.md"))))
    );
}

#[test]
fn guesses_the_language() {
    let guess = |exprs: &[&str]| {
        let parsed: Vec<Syntax> = exprs.iter().map(|e| parse(e).expect("parses")).collect();
        let scores = dialect_scores(parsed.iter().zip(exprs.iter().copied()));
        best_dialect(&scores).unwrap_or(&DIALECTS[0]).name
    };
    assert_eq!(guess(&["str", "int"]), "python");
    assert_eq!(guess(&["Optional<String>", "Optional<Double>"]), "java");
    assert_eq!(guess(&["T.nilable(::String)", "::Integer"]), "ruby");
    assert_eq!(guess(&["*string", "time.Time"]), "go");
    assert_eq!(guess(&["Literal[\"system\"]", "models.X"]), "python");
    // A tie goes to the fallback.
    assert_eq!(guess(&["DateTime"]), "ruby");
    assert_eq!(
        best_dialect(&dialect_scores([(
            &parse("DateTime").expect("parses"),
            "DateTime"
        )])),
        None
    );
}
