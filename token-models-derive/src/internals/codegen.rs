//! Stage 4: the resolved models to Rust tokens.
//!
//! Every path is fully qualified (`::std::string::String`,
//! `::core::option::Option`) so that a model named `Option` or `String`
//! cannot change what the generated code means. serde is reached through
//! `::token_models::__private::serde`, so the invoking crate needs no serde
//! dependency of its own.

use super::ir::{Field, ModelKind, Presence, Scalar, Ty, Value, Variant};
use super::naming::RustIdent;
use super::resolve::{Resolved, Traits};
use super::source::SpecFile;
use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;
use std::collections::BTreeMap;

fn ident(id: &RustIdent) -> Ident {
    if id.raw {
        Ident::new_raw(&id.name, Span::call_site())
    } else {
        Ident::new(&id.name, Span::call_site())
    }
}

fn docs(lines: &[String]) -> TokenStream {
    lines
        .iter()
        .map(|l| {
            let l = if l.is_empty() {
                String::new()
            } else {
                format!(" {l}")
            };
            quote!(#[doc = #l])
        })
        .collect()
}

/// The generated code of one invocation.
pub struct Generator<'a> {
    pub specs: &'a [SpecFile],
    pub resolved: &'a Resolved,
}

impl Generator<'_> {
    /// Everything: the module tree with its models, and the catalog.
    pub fn all(&self) -> TokenStream {
        let mut tree = Tree::default();
        for (i, module) in self.resolved.modules.iter().enumerate() {
            let mut node = &mut tree;
            for part in module {
                node = node.children.entry(part.clone()).or_default();
            }
            node.models.push(i);
        }
        let body = self.tree(&tree, &[]);
        let catalog = self.catalog();
        quote! {
            #body
            #catalog
        }
    }

    /// Whether a model has a `#[deprecated]` field, which serde's derives
    /// use: the module around them allows it.
    fn has_deprecated(&self, i: usize) -> bool {
        matches!(&self.resolved.models[i].kind, ModelKind::Struct(fields) if fields.iter().any(|f| f.deprecated))
    }

    fn tree(&self, node: &Tree, path: &[String]) -> TokenStream {
        // At the invocation's root there is no module of ours to allow
        // `deprecated` on, so models with deprecated fields get one, hidden
        // and re-exported.
        let (wrapped, plain): (Vec<usize>, Vec<usize>) = node
            .models
            .iter()
            .partition(|&&i| path.is_empty() && self.has_deprecated(i));
        let models = plain.iter().map(|&i| self.model(i));
        let wrapper = (!wrapped.is_empty()).then(|| {
            let items = wrapped.iter().map(|&i| self.model(i));
            let names = wrapped
                .iter()
                .map(|&i| ident(&self.resolved.models[i].rust));
            quote! {
                #[doc(hidden)]
                #[allow(deprecated)]
                mod __token_models_deprecated {
                    #[allow(unused_imports)]
                    use super::*;
                    #(#items)*
                }
                pub use __token_models_deprecated::{#(#names),*};
            }
        });
        let children = node.children.iter().map(|(name, child)| {
            let mut child_path = path.to_vec();
            child_path.push(name.name.clone());
            let id = ident(name);
            let doc = format!(
                " Models from the specs in `{}`.",
                self.folder_display(&child_path)
            );
            let allow = child
                .models
                .iter()
                .any(|&i| self.has_deprecated(i))
                .then(|| quote!(#[allow(deprecated)]));
            let body = self.tree(child, &child_path);
            quote! {
                #[doc = #doc]
                #allow
                pub mod #id {
                    #body
                }
            }
        });
        quote! {
            #(#models)*
            #wrapper
            #(#children)*
        }
    }

    fn folder_display(&self, modules: &[String]) -> String {
        // Any spec in the folder tells the folder's path as written.
        self.resolved
            .modules
            .iter()
            .position(|m| {
                m.len() >= modules.len()
                    && m.iter()
                        .map(|i| &i.name)
                        .take(modules.len())
                        .eq(modules.iter())
            })
            .map(|i| {
                let spec = &self.specs[self.resolved.models[i].spec];
                let depth = modules.len();
                let shown = spec
                    .display
                    .rsplitn(spec.rel.len() - depth + 1, '/')
                    .last()
                    .unwrap_or("");
                format!("{shown}/")
            })
            .unwrap_or_default()
    }

    /// The items generated for one model.
    pub fn model(&self, i: usize) -> TokenStream {
        let m = &self.resolved.models[i];
        let name = ident(&m.rust);
        let mut doc_lines = m.doc.clone();
        if !doc_lines.is_empty() {
            doc_lines.push(String::new());
        }
        doc_lines.push(format!("Generated from `{}`.", self.specs[m.spec].display));
        for o in &m.omitted {
            doc_lines.push(String::new());
            doc_lines.push(format!(
                "Not generated: the field `{}` ({}, not JSON data).",
                o.written, o.why
            ));
        }
        let doc = docs(&doc_lines);
        let Traits { eq, hash } = self.resolved.traits[i];
        let serde = quote!(::token_models::__private::serde);
        let mut derives = vec![quote!(::core::fmt::Debug), quote!(::core::clone::Clone)];
        if matches!(m.kind, ModelKind::Enum { open: false, .. }) {
            derives.push(quote!(::core::marker::Copy));
        }
        derives.push(quote!(::core::cmp::PartialEq));
        if eq {
            derives.push(quote!(::core::cmp::Eq));
        }
        if hash {
            derives.push(quote!(::core::hash::Hash));
        }
        derives.push(quote!(#serde::Serialize));
        derives.push(quote!(#serde::Deserialize));
        let attrs = quote! {
            #doc
            #[derive(#(#derives),*)]
            #[serde(crate = "::token_models::__private::serde")]
        };
        let json = quote!(::token_models::serde_json);
        match &m.kind {
            ModelKind::Struct(fields) => {
                let fields = fields.iter().map(|f| self.field(i, f));
                quote! {
                    #attrs
                    pub struct #name {
                        #(#fields)*
                    }
                }
            }
            ModelKind::FreeForm => quote! {
                #attrs
                #[serde(transparent)]
                pub struct #name(
                    /// The object's properties, as the JSON has them.
                    pub #json::Map<::std::string::String, #json::Value>,
                );
            },
            ModelKind::Any => quote! {
                #attrs
                #[serde(transparent)]
                pub struct #name(
                    /// The value, as the JSON has it.
                    pub #json::Value,
                );
            },
            ModelKind::Enum { variants, open } => {
                if variants.iter().all(|v| matches!(v.value, Value::Str(_))) {
                    string_enum(&attrs, &name, variants, *open)
                } else {
                    value_enum(&attrs, &name, variants, *open)
                }
            }
            ModelKind::Union(alternatives) => {
                let alternatives = alternatives.iter().map(|a| {
                    let v = ident(&a.rust);
                    let mut ty = self.ty(i, &a.ty);
                    if a.boxed {
                        ty = quote!(::std::boxed::Box<#ty>);
                    }
                    let doc = format!(" `{}`", a.written);
                    quote! {
                        #[doc = #doc]
                        #v(#ty),
                    }
                });
                quote! {
                    #attrs
                    #[serde(untagged)]
                    pub enum #name {
                        #(#alternatives)*
                    }
                }
            }
        }
    }

    fn field(&self, owner: usize, f: &Field) -> TokenStream {
        let name = ident(&f.rust);
        let mut ty = self.ty(owner, &f.ty);
        if f.boxed {
            ty = quote!(::std::boxed::Box<#ty>);
        }
        let mut serde_args = Vec::new();
        if f.wire != f.rust.name {
            let wire = &f.wire;
            serde_args.push(quote!(rename = #wire));
        }
        let ty = match f.presence {
            Presence::Required => ty,
            Presence::Nullable => quote!(::core::option::Option<#ty>),
            Presence::Optional => {
                serde_args.push(quote!(default));
                serde_args.push(quote!(
                    skip_serializing_if = "::core::option::Option::is_none"
                ));
                quote!(::core::option::Option<#ty>)
            }
            Presence::OptionalNullable => {
                serde_args.push(quote!(default));
                serde_args.push(quote!(
                    skip_serializing_if = "::core::option::Option::is_none"
                ));
                serde_args.push(quote!(with = "::token_models::__private::double_option"));
                quote!(::core::option::Option<::core::option::Option<#ty>>)
            }
        };
        let serde_attr = if serde_args.is_empty() {
            quote!()
        } else {
            quote!(#[serde(#(#serde_args),*)])
        };
        let doc = if f.doc.is_empty() {
            docs(&[format!("`{}` in JSON.", f.wire)])
        } else {
            docs(&f.doc)
        };
        let deprecated = if f.deprecated {
            quote!(#[deprecated])
        } else {
            quote!()
        };
        quote! {
            #doc
            #deprecated
            #serde_attr
            pub #name: #ty,
        }
    }

    /// A type as seen from inside the module of model `owner`.
    fn ty(&self, owner: usize, ty: &Ty) -> TokenStream {
        let json = quote!(::token_models::serde_json);
        let chrono = quote!(::token_models::chrono);
        match ty {
            Ty::Scalar(s) => match s {
                Scalar::String => quote!(::std::string::String),
                Scalar::Bool => quote!(bool),
                Scalar::I32 => quote!(i32),
                Scalar::I64 => quote!(i64),
                Scalar::F32 => quote!(f32),
                Scalar::F64 => quote!(f64),
                Scalar::DateTime => quote!(#chrono::DateTime<#chrono::FixedOffset>),
                Scalar::Date => quote!(#chrono::NaiveDate),
                Scalar::Any => quote!(#json::Value),
                Scalar::Object => quote!(#json::Map<::std::string::String, #json::Value>),
            },
            Ty::List(t) => {
                let t = self.ty(owner, t);
                quote!(::std::vec::Vec<#t>)
            }
            Ty::Map(t) => {
                let t = self.ty(owner, t);
                quote!(::std::collections::BTreeMap<::std::string::String, #t>)
            }
            Ty::Nullable(t) => {
                let t = self.ty(owner, t);
                quote!(::core::option::Option<#t>)
            }
            // Unresolved after an error was reported: any JSON value.
            Ty::Named(_) | Ty::Local(_) | Ty::Union(_) | Ty::Null | Ty::Transport(_) => {
                quote!(#json::Value)
            }
            Ty::Model(target) => {
                let from = &self.resolved.modules[owner];
                let to = &self.resolved.modules[*target];
                let common = from.iter().zip(to).take_while(|(a, b)| a == b).count();
                let supers = (common..from.len()).map(|_| quote!(super::));
                let downs = to[common..].iter().map(|m| {
                    let m = ident(m);
                    quote!(#m::)
                });
                let name = ident(&self.resolved.models[*target].rust);
                quote!(#(#supers)* #(#downs)* #name)
            }
        }
    }

    /// A type as a reader would write it, for the catalog.
    fn ty_text(&self, ty: &Ty) -> String {
        match ty {
            Ty::Scalar(s) => match s {
                Scalar::String => "String",
                Scalar::Bool => "bool",
                Scalar::I32 => "i32",
                Scalar::I64 => "i64",
                Scalar::F32 => "f32",
                Scalar::F64 => "f64",
                Scalar::DateTime => "chrono::DateTime<chrono::FixedOffset>",
                Scalar::Date => "chrono::NaiveDate",
                Scalar::Any => "serde_json::Value",
                Scalar::Object => "serde_json::Map<String, serde_json::Value>",
            }
            .to_owned(),
            Ty::List(t) => format!("Vec<{}>", self.ty_text(t)),
            Ty::Map(t) => format!("BTreeMap<String, {}>", self.ty_text(t)),
            Ty::Nullable(t) => format!("Option<{}>", self.ty_text(t)),
            Ty::Named(_) | Ty::Local(_) | Ty::Union(_) | Ty::Null | Ty::Transport(_) => {
                "serde_json::Value".to_owned()
            }
            Ty::Model(m) => self.rust_path(*m),
        }
    }

    fn rust_path(&self, m: usize) -> String {
        let mut parts: Vec<String> = self.resolved.modules[m]
            .iter()
            .map(RustIdent::source)
            .collect();
        parts.push(self.resolved.models[m].rust.source());
        parts.join("::")
    }

    fn field_type_text(&self, f: &Field) -> String {
        let mut t = self.ty_text(&f.ty);
        if f.boxed {
            t = format!("Box<{t}>");
        }
        match f.presence {
            Presence::Required => t,
            Presence::Optional | Presence::Nullable => format!("Option<{t}>"),
            Presence::OptionalNullable => format!("Option<Option<{t}>>"),
        }
    }

    /// `pub static CATALOG`: every model of this invocation as data, in the
    /// compact encoding `token_models::catalog::Catalog` decodes.
    fn catalog(&self) -> TokenStream {
        const MODEL: char = '\u{1e}';
        const GROUP: char = '\u{1d}';
        const ITEM: char = '\u{1c}';
        const UNIT: char = '\u{1f}';
        // Text holding a separator would corrupt the record.
        let clean = |s: &str| -> String {
            s.chars()
                .map(|c| {
                    if matches!(c, '\u{1c}'..='\u{1f}') {
                        '\u{fffd}'
                    } else {
                        c
                    }
                })
                .collect()
        };
        let mut out = String::new();
        for (i, m) in self.resolved.models.iter().enumerate() {
            let kind = match &m.kind {
                ModelKind::Struct(_) => "struct",
                ModelKind::FreeForm => "free-form",
                ModelKind::Any => "any",
                ModelKind::Enum { .. } => "enum",
                ModelKind::Union(_) => "union",
            };
            let example = m
                .example
                .as_deref()
                .map_or_else(|| "0".to_owned(), |e| format!("1{UNIT}{}", clean(e)));
            let head = [
                kind.to_owned(),
                self.rust_path(i),
                clean(&self.specs[m.spec].display),
                m.pos.line.to_string(),
                clean(&m.doc.join("\n")),
                example,
            ];
            out.push_str(&head.join(&UNIT.to_string()));
            out.push(GROUP);
            if let ModelKind::Struct(fields) = &m.kind {
                for f in fields {
                    let presence = match f.presence {
                        Presence::Required => "required",
                        Presence::Optional => "optional",
                        Presence::Nullable => "nullable",
                        Presence::OptionalNullable => "optional-nullable",
                    };
                    let units = [
                        f.rust.source(),
                        clean(&f.wire),
                        self.field_type_text(f),
                        presence.to_owned(),
                        clean(&f.doc.join("\n")),
                        f.pos.line.to_string(),
                    ];
                    out.push_str(&units.join(&UNIT.to_string()));
                    out.push(ITEM);
                }
            }
            out.push(GROUP);
            let variants: Vec<(String, String)> = match &m.kind {
                ModelKind::Enum { variants, .. } => variants
                    .iter()
                    .map(|v| (v.rust.source(), clean(&v.value.text())))
                    .collect(),
                ModelKind::Union(alternatives) => alternatives
                    .iter()
                    .map(|a| (a.rust.source(), self.ty_text(&a.ty)))
                    .collect(),
                _ => Vec::new(),
            };
            for (name, value) in variants {
                out.push_str(&format!("{name}{UNIT}{value}{ITEM}"));
            }
            out.push(GROUP);
            for o in &m.omitted {
                out.push_str(&format!("{}{UNIT}{}{ITEM}", clean(&o.written), o.why));
            }
            out.push(MODEL);
        }
        quote! {
            /// Every model generated by this `include_specs!`, as data: where
            /// it comes from and what its fields are.
            pub static CATALOG: ::token_models::catalog::Catalog = ::token_models::catalog::Catalog::__new(#out);
        }
    }
}

fn variant_doc(v: &Variant) -> TokenStream {
    if v.doc.is_empty() {
        let shown = match &v.value {
            Value::Str(s) => format!("{s:?}"),
            other => other.text(),
        };
        docs(&[format!("`{shown}` in JSON.")])
    } else {
        docs(&v.doc)
    }
}

/// An enum of strings: unit variants renamed to their values, and for an
/// open enum a last variant that keeps any other string.
fn string_enum(attrs: &TokenStream, name: &Ident, variants: &[Variant], open: bool) -> TokenStream {
    let units = variants.iter().map(|v| {
        let id = ident(&v.rust);
        let wire = v.value.text();
        let rename = if v.rust.name == wire {
            quote!()
        } else {
            quote!(#[serde(rename = #wire)])
        };
        let doc = variant_doc(v);
        quote! {
            #doc
            #rename
            #id,
        }
    });
    let other = open.then(|| {
        quote! {
            /// A value the doc does not list, kept as it came.
            #[serde(untagged)]
            Unrecognized(::std::string::String),
        }
    });
    quote! {
        #attrs
        pub enum #name {
            #(#units)*
            #other
        }
    }
}

/// An enum with number or boolean values, which serde's renames cannot
/// express: converted through `serde_json::Value`.
fn value_enum(attrs: &TokenStream, name: &Ident, variants: &[Variant], open: bool) -> TokenStream {
    let json = quote!(::token_models::serde_json);
    let units = variants.iter().map(|v| {
        let id = ident(&v.rust);
        let doc = variant_doc(v);
        quote! {
            #doc
            #id,
        }
    });
    let to_json = variants.iter().map(|v| {
        let id = ident(&v.rust);
        let value = match &v.value {
            Value::Str(s) => quote!(#json::Value::String(::std::string::String::from(#s))),
            Value::Int(n) => quote!(#json::Value::from(#n)),
            Value::Bool(b) => quote!(#json::Value::Bool(#b)),
        };
        quote!(#name::#id => #value,)
    });
    let from_json = variants.iter().map(|v| {
        let id = ident(&v.rust);
        let pattern = match &v.value {
            Value::Str(s) => quote!(#json::Value::String(s) if s == #s),
            Value::Int(n) => {
                quote!(#json::Value::Number(n) if n.as_i64() == ::core::option::Option::Some(#n))
            }
            Value::Bool(b) => quote!(#json::Value::Bool(#b)),
        };
        quote!(#pattern => ::core::result::Result::Ok(#name::#id),)
    });
    let (other, other_to_json, other_from_json) = if open {
        (
            quote! {
                /// A value the doc does not list, kept as it came.
                Unrecognized(#json::Value),
            },
            quote!(#name::Unrecognized(value) => value,),
            quote!(_ => ::core::result::Result::Ok(#name::Unrecognized(value)),),
        )
    } else {
        let message = format!("{{}} is not a value of `{name}`");
        (
            quote!(),
            quote!(),
            quote!(_ => ::core::result::Result::Err(::std::format!(#message, value)),),
        )
    };
    quote! {
        #attrs
        #[serde(try_from = "::token_models::serde_json::Value", into = "::token_models::serde_json::Value")]
        pub enum #name {
            #(#units)*
            #other
        }

        impl ::core::convert::From<#name> for #json::Value {
            fn from(value: #name) -> Self {
                match value {
                    #(#to_json)*
                    #other_to_json
                }
            }
        }

        impl ::core::convert::TryFrom<#json::Value> for #name {
            type Error = ::std::string::String;

            fn try_from(value: #json::Value) -> ::core::result::Result<Self, Self::Error> {
                match &value {
                    #(#from_json)*
                    #other_from_json
                }
            }
        }
    }
}

/// Models grouped into nested modules.
#[derive(Default)]
struct Tree {
    models: Vec<usize>,
    children: BTreeMap<RustIdent, Tree>,
}
