//! `journalctl -o json` export: one JSON object per line, the program's text in `MESSAGE` and
//! the time in `__REALTIME_TIMESTAMP`, microseconds since the epoch in UTC.

use crate::time::{Precision, Stamp};
use chrono::{DateTime, Datelike, Timelike};
use serde::Deserialize;
use serde_json::Value;

/// One journal entry, as far as podlife reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JournalEntry {
    /// The entry's time in UTC, with its year.
    pub stamp: Option<Stamp>,
    /// `SYSLOG_IDENTIFIER`, else `_COMM`: `kubelet`, `containerd`, `kernel`…
    pub tag: String,
    pub message: String,
}

#[derive(Deserialize)]
struct RawEntry {
    #[serde(rename = "MESSAGE", default)]
    message: Value,
    #[serde(rename = "__REALTIME_TIMESTAMP", default)]
    realtime: Option<String>,
    #[serde(rename = "SYSLOG_IDENTIFIER", default)]
    identifier: Option<String>,
    #[serde(rename = "_COMM", default)]
    comm: Option<String>,
}

/// Returns whether `line` looks like a journal export entry, before it is parsed.
pub fn is_journal_json(line: &str) -> bool {
    line.starts_with('{')
        && (line.contains("\"__REALTIME_TIMESTAMP\"") || line.contains("\"__CURSOR\""))
}

/// Parses a journal export entry. `None` for a line that is not one.
pub fn parse_journal_json(line: &str) -> Option<JournalEntry> {
    let raw: RawEntry = serde_json::from_str(line).ok()?;
    let message = match raw.message {
        Value::String(text) => text,
        // journald writes a message that is not valid UTF-8 as an array of bytes.
        Value::Array(bytes) => {
            let bytes: Vec<u8> = bytes
                .iter()
                .filter_map(|b| b.as_u64().and_then(|b| u8::try_from(b).ok()))
                .collect();
            String::from_utf8_lossy(&bytes).into_owned()
        }
        _ => return None,
    };
    let stamp = raw
        .realtime
        .and_then(|micros| micros.parse::<i64>().ok())
        .and_then(utc_stamp_from_micros);
    let tag = raw.identifier.or(raw.comm).unwrap_or_default();
    Some(JournalEntry {
        stamp,
        tag,
        message,
    })
}

/// Returns the UTC stamp of a count of microseconds since the epoch.
pub fn utc_stamp_from_micros(micros: i64) -> Option<Stamp> {
    let time = DateTime::from_timestamp_micros(micros)?.naive_utc();
    Some(Stamp {
        year: Some(time.year()),
        month: time.month(),
        day: time.day(),
        hour: time.hour(),
        minute: time.minute(),
        second: time.second(),
        nanos: time.nanosecond(),
        precision: Precision::Micros,
        offset: Some(0),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn journal_entry_message_time_and_tag() {
        let line = r#"{"__CURSOR":"s=1","__REALTIME_TIMESTAMP":"1749720845118614","SYSLOG_IDENTIFIER":"kubelet","_COMM":"kubelet","MESSAGE":"I0612 15:04:05.118204    2931 kubelet.go:2407] \"SyncLoop ADD\""}"#;
        assert!(is_journal_json(line));
        let entry = parse_journal_json(line).unwrap();
        assert_eq!(entry.tag, "kubelet");
        assert!(entry.message.starts_with("I0612 15:04:05.118204"));
        let stamp = entry.stamp.unwrap();
        assert_eq!(
            (stamp.year, stamp.month, stamp.day, stamp.hour, stamp.minute),
            (Some(2025), 6, 12, 9, 34)
        );
        assert_eq!((stamp.nanos, stamp.offset), (118_614_000, Some(0)));
    }

    #[test]
    fn journal_entry_byte_array_message() {
        let line = r#"{"__REALTIME_TIMESTAMP":"1","_COMM":"kernel","MESSAGE":[104,105,255]}"#;
        let entry = parse_journal_json(line).unwrap();
        assert_eq!(
            (entry.tag.as_str(), entry.message.as_str()),
            ("kernel", "hi\u{fffd}")
        );
    }

    #[test]
    fn journal_rejects_other_json() {
        assert!(!is_journal_json(
            r#"{"ts":1733306400.5,"msg":"SyncLoop ADD"}"#
        ));
        assert_eq!(parse_journal_json("{not json"), None);
    }
}
