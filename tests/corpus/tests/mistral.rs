//! Mistral's API as its Python and TypeScript SDKs document it: the shapes
//! only these two use (unions under `## Supported Types`, Python's
//! `OptionalNullable`, open enums as lists and as TypeScript unions, enums of
//! numbers) round-trip their JSON exactly.

#![cfg(any(feature = "python", feature = "typescript"))]

use serde_json::json;

mod common;
use common::round_trip;

#[cfg(feature = "python")]
#[test]
fn python_assistant_message_field_by_field() {
    use token_models_corpus::python::docs::models as m;
    let message = m::AssistantMessage {
        // `Optional[Literal["assistant"]]`
        role: None::<String>,
        // `OptionalNullable[models.AssistantMessageContent]`: absent, null or a value.
        content: None::<Option<m::AssistantMessageContent>>,
        tool_calls: None::<Vec<m::ToolCall>>,
        prefix: None::<bool>,
    };
    assert_eq!(
        serde_json::to_value(&message).expect("serializes"),
        json!({})
    );
}

#[cfg(feature = "python")]
#[test]
fn python_optional_nullable_tells_absent_from_null() {
    use token_models_corpus::python::docs::models as m;
    let absent: m::AssistantMessage = round_trip(json!({"role": "assistant"}));
    assert_eq!(absent.content, None);
    let null: m::AssistantMessage = round_trip(json!({"role": "assistant", "content": null}));
    assert_eq!(null.content, Some(None));
    let text: m::AssistantMessage = round_trip(json!({"content": "hello"}));
    assert_eq!(
        text.content,
        Some(Some(m::AssistantMessageContent::String("hello".into())))
    );
}

#[cfg(feature = "python")]
#[test]
fn python_unions_pick_the_alternative_the_json_fits() {
    use token_models_corpus::python::docs::models as m;
    let chunks: m::AssistantMessageContent = round_trip(json!([{"type": "text", "text": "hi"}]));
    let m::AssistantMessageContent::ContentChunkList(list) = chunks else {
        panic!("expected a list of chunks: {chunks:?}")
    };
    assert_eq!(list.len(), 1);
    let text: m::AssistantMessageContent = round_trip(json!("hi"));
    assert!(matches!(text, m::AssistantMessageContent::String(_)));
}

#[cfg(feature = "python")]
#[test]
fn python_open_enums_keep_unknown_values() {
    use token_models_corpus::python::docs::models as m;
    assert_eq!(
        round_trip::<m::ChatCompletionChoiceFinishReason>(json!("stop")),
        m::ChatCompletionChoiceFinishReason::Stop
    );
    assert_eq!(
        round_trip::<m::ChatCompletionChoiceFinishReason>(json!("brand_new")),
        m::ChatCompletionChoiceFinishReason::Unrecognized("brand_new".into())
    );
    // An open enum of numbers.
    assert_eq!(round_trip::<m::HttpStatus>(json!(404)), m::HttpStatus::V404);
    assert_eq!(
        round_trip::<m::HttpStatus>(json!(599)),
        m::HttpStatus::Unrecognized(json!(599))
    );
}

#[cfg(feature = "python")]
#[test]
fn python_free_form_objects_keep_every_property() {
    use token_models_corpus::python::docs::models as m;
    let context: m::Context = round_trip(json!({"any": {"thing": [1, "two", null]}, "n": 3}));
    assert_eq!(context.0.len(), 2);
}

#[cfg(feature = "typescript")]
#[test]
fn typescript_assistant_message_field_by_field() {
    use token_models_corpus::typescript::docs::models::components as m;
    let message = m::AssistantMessage {
        // `"assistant"`, a literal type
        role: None::<String>,
        content: None::<m::AssistantMessageContent>,
        // `toolCalls` in the doc, `tool_calls` on the wire
        tool_calls: None::<Vec<m::ToolCall>>,
        prefix: None::<bool>,
    };
    assert_eq!(
        serde_json::to_value(&message).expect("serializes"),
        json!({})
    );
    let value = json!({"role": "assistant", "content": [{"type": "text", "text": "hi"}], "tool_calls": [], "prefix": false});
    let parsed: m::AssistantMessage = round_trip(value);
    assert!(matches!(
        parsed.content,
        Some(m::AssistantMessageContent::ContentChunkList(_))
    ));
}

#[cfg(feature = "typescript")]
#[test]
fn typescript_open_enums_keep_unknown_values() {
    use token_models_corpus::typescript::docs::models::components as m;
    assert_eq!(
        round_trip::<m::ChatCompletionChoiceFinishReason>(json!("tool_calls")),
        m::ChatCompletionChoiceFinishReason::ToolCalls
    );
    assert_eq!(
        round_trip::<m::ChatCompletionChoiceFinishReason>(json!("later")),
        m::ChatCompletionChoiceFinishReason::Unrecognized("later".into())
    );
    // A closed enum refuses what it does not list.
    assert!(serde_json::from_value::<m::ConfidenceScoresGranularity>(json!("line")).is_err());
}
