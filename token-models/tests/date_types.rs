//! Date-time and date fields of generated models, with whichever date
//! library the features chose (`.ci/run` runs this with `chrono`, with
//! `time`, and with neither): they read what the API sends and write it
//! back.

token_models::include_specs!("tests/dates", strict = "true");

#[test]
fn date_fields_read_and_write_back() {
    let sent = r#"{"at":"2024-01-02T03:04:05Z","day":"2024-02-29","until":"2024-03-01"}"#;
    let event: Event = serde_json::from_str(sent).expect("reads");
    assert_eq!(serde_json::to_string(&event).expect("writes"), sent);
    assert!(!event.at.is_date_only());
    assert!(
        event
            .until
            .as_ref()
            .is_some_and(token_models::DateTime::is_date_only)
    );
    let _: &token_models::Date = &event.day;
    assert!(serde_json::from_str::<Event>(r#"{"at":"2024-01-02T03:04:05Z"}"#).is_err());
}

#[cfg(any(feature = "chrono", feature = "time"))]
#[test]
fn what_is_no_date_is_an_error() {
    let bad = r#"{"at":"yesterday","day":"2024-02-29"}"#;
    assert!(serde_json::from_str::<Event>(bad).is_err());
}

#[cfg(not(any(feature = "chrono", feature = "time")))]
#[test]
fn as_text_anything_is_kept() {
    let odd = r#"{"at":"yesterday","day":"2024-02-30"}"#;
    let event: Event = serde_json::from_str(odd).expect("kept as text");
    assert_eq!(&*event.at, "yesterday");
}

#[cfg(feature = "chrono")]
#[test]
fn with_chrono_they_are_chrono_types() {
    let event: Event =
        serde_json::from_str(r#"{"at":"2024-01-02T03:04:05+02:00","day":"2024-02-29"}"#)
            .expect("reads");
    let day: chrono::NaiveDate = event.day;
    assert_eq!(day.to_string(), "2024-02-29");
    assert_eq!(event.at.offset().local_minus_utc(), 7200);
}

#[cfg(all(feature = "time", not(feature = "chrono")))]
#[test]
fn with_time_they_are_time_types() {
    let event: Event =
        serde_json::from_str(r#"{"at":"2024-01-02T03:04:05+02:00","day":"2024-02-29"}"#)
            .expect("reads");
    let day: time::Date = event.day;
    assert_eq!(day.ordinal(), 60);
    assert_eq!(event.at.offset().whole_hours(), 2);
}
