//! The kubelet's `--logging-format=json` records:
//! `{"ts":1733306400123.456,"caller":"kubelet/kubelet.go:2330","msg":"SyncLoop ADD","v":2,"source":"api","pods":[{"name":"web-0","namespace":"default"}]}`.
//!
//! A record is rendered into the text form of klog 2.100 and later (Kubernetes 1.28+),
//! `"SyncLoop ADD" source="api" pods=["default/web-0"]`, so one rule table reads both.

use super::journal::utc_stamp_from_micros;
use crate::time::{Precision, Stamp};
use serde_json::{Map, Value};

/// A kubelet JSON record, rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonRecord {
    /// `ts` as a UTC stamp.
    pub stamp: Option<Stamp>,
    /// `E` for an error record (it has `err` and no `v`), else `I`, like a klog header.
    pub severity: char,
    /// The record in klog's structured text form.
    pub message: String,
}

/// Keys of the record itself rather than of the message.
const RECORD_KEYS: [&str; 5] = ["ts", "caller", "msg", "v", "level"];

/// Returns whether `text` looks like a kubelet JSON record, before it is parsed.
pub fn is_kubelet_json(text: &str) -> bool {
    text.starts_with('{') && text.contains("\"msg\"") && text.contains("\"ts\"")
}

/// Parses and renders a kubelet JSON record. `None` when `text` is not one.
pub fn parse_kubelet_json(text: &str) -> Option<JsonRecord> {
    let record: Map<String, Value> = serde_json::from_str(text).ok()?;
    let msg = record.get("msg")?.as_str()?;
    let stamp = record
        .get("ts")
        .and_then(Value::as_f64)
        .and_then(stamp_of_ts);
    let is_error = record.contains_key("err") && !record.contains_key("v");
    let mut message = quote(msg);
    // klog's ErrorS writes `err` first, right after the message.
    let err = record.get("err").into_iter().map(|value| ("err", value));
    let rest = record
        .iter()
        .filter(|(key, _)| !RECORD_KEYS.contains(&key.as_str()) && key.as_str() != "err")
        .map(|(key, value)| (key.as_str(), value));
    for (key, value) in err.chain(rest) {
        message.push(' ');
        message.push_str(key);
        message.push('=');
        message.push_str(&render(value));
    }
    Some(JsonRecord {
        stamp,
        severity: if is_error { 'E' } else { 'I' },
        message,
    })
}

/// Converts `ts`, seconds since the epoch in older releases and milliseconds in newer ones. A
/// value past 10^11 (the year 5138 in seconds) is taken as milliseconds.
fn stamp_of_ts(ts: f64) -> Option<Stamp> {
    let micros = if ts > 1e11 { ts * 1e3 } else { ts * 1e6 };
    let mut stamp = utc_stamp_from_micros(micros.round() as i64)?;
    stamp.precision = Precision::Micros;
    Some(stamp)
}

/// Renders a value as klog's text output would write it.
fn render(value: &Value) -> String {
    match value {
        Value::String(text) => quote(text),
        Value::Object(object) => match object_ref(object) {
            Some(reference) => quote(&reference),
            None => value.to_string(),
        },
        Value::Array(items) => {
            let refs: Option<Vec<String>> = items
                .iter()
                .map(|item| item.as_object().and_then(object_ref))
                .collect();
            match refs {
                Some(refs) if !refs.is_empty() => {
                    let quoted: Vec<String> = refs.iter().map(|r| quote(r)).collect();
                    format!("[{}]", quoted.join(","))
                }
                _ => value.to_string(),
            }
        }
        other => other.to_string(),
    }
}

/// Returns `namespace/name` (or `name`) for a Kubernetes object reference
/// `{"name":…,"namespace":…}`.
fn object_ref(object: &Map<String, Value>) -> Option<String> {
    let name = object.get("name")?.as_str()?;
    if object.keys().any(|key| key != "name" && key != "namespace") {
        return None;
    }
    match object.get("namespace").and_then(Value::as_str) {
        Some(namespace) if !namespace.is_empty() => Some(format!("{namespace}/{name}")),
        _ => Some(name.to_string()),
    }
}

/// Quotes a string with JSON escapes, which Go's `strconv.Quote` matches for log text.
fn quote(text: &str) -> String {
    Value::String(text.to_string()).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_record_renders_as_structured_text() {
        let line = r#"{"ts":1733306400123.456,"caller":"kubelet/kubelet.go:2330","msg":"SyncLoop ADD","v":2,"source":"api","pods":[{"name":"web-1","namespace":"web-1"}]}"#;
        assert!(is_kubelet_json(line));
        let record = parse_kubelet_json(line).unwrap();
        assert_eq!(
            record.message,
            r#""SyncLoop ADD" source="api" pods=["web-1/web-1"]"#
        );
        assert_eq!(record.severity, 'I');
        let stamp = record.stamp.unwrap();
        assert_eq!((stamp.year, stamp.month, stamp.day), (Some(2024), 12, 4));
        assert_eq!((stamp.hour, stamp.second, stamp.offset), (10, 0, Some(0)));
    }

    #[test]
    fn json_error_record_puts_err_first() {
        let line = r#"{"ts":1733306400.5,"caller":"x.go:1","msg":"Probe errored","pod":{"name":"web-10","namespace":"shop"},"err":"timeout","probeType":"Liveness","exitCode":137}"#;
        let record = parse_kubelet_json(line).unwrap();
        assert_eq!(record.severity, 'E');
        assert_eq!(
            record.message,
            r#""Probe errored" err="timeout" pod="shop/web-10" probeType="Liveness" exitCode=137"#
        );
        assert_eq!(record.stamp.unwrap().nanos, 500_000_000);
    }

    #[test]
    fn json_struct_values_stay_json() {
        let line = r#"{"ts":1,"msg":"SyncLoop (PLEG): event for pod","v":2,"event":{"ID":"u","Type":"ContainerDied","Data":"c"}}"#;
        let record = parse_kubelet_json(line).unwrap();
        assert!(record
            .message
            .ends_with(r#"event={"ID":"u","Type":"ContainerDied","Data":"c"}"#));
    }
}
