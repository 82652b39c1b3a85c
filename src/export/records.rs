//! One flat record per event, written as JSON lines or CSV with the same fields.
//!
//! The JSON fields are a contract that scripts rely on: `time`, `level`, `kind`, `pod`, `uid`,
//! `container`, `file`, `line`, `klog_time`, `text` and `scope`. New fields are appended at the
//! end, and no field is renamed or dropped.
//!
//! A pod's export lists the node events near the pod too (see
//! [`TimelineEvents`](crate::timeline::TimelineEvents)): their `pod` is `null` and their `scope`
//! is `node`.

use crate::analysis::{Analysis, Event};
use serde::Serialize;
use std::io::{self, Write};

/// The exported form of an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EventRecord<'a> {
    /// ISO 8601 local time with the precision of the stamp, and the offset when the log has one.
    pub time: String,
    pub level: &'static str,
    pub kind: &'static str,
    /// `namespace/name`, or the name alone when the namespace is unknown.
    pub pod: Option<String>,
    pub uid: Option<&'a str>,
    pub container: Option<&'a str>,
    pub file: &'a str,
    pub line: u64,
    pub klog_time: Option<&'a str>,
    pub text: &'a str,
    /// `pod` for an event of a pod, `node` for an event of the node (a kubelet restart, PLEG
    /// health, node readiness), which names no pod.
    pub scope: &'static str,
}

impl<'a> EventRecord<'a> {
    /// Returns the record of `event`, with the pod and file names looked up in `analysis`.
    pub fn new(event: &'a Event, analysis: &'a Analysis) -> EventRecord<'a> {
        EventRecord {
            time: event.time.iso(),
            level: event.level.name(),
            kind: event.kind.name(),
            pod: event.pod.map(|index| analysis.pods[index].key()),
            uid: event.uid.as_deref(),
            container: event.container.as_deref(),
            file: &analysis.files[event.file].name,
            line: event.line,
            klog_time: event.klog_time.as_deref(),
            text: &event.text,
            scope: if event.pod.is_some() { "pod" } else { "node" },
        }
    }
}

/// Writes one JSON object per event and line.
pub fn write_json_lines(
    out: &mut dyn Write,
    events: &[&Event],
    analysis: &Analysis,
) -> io::Result<()> {
    for event in events {
        serde_json::to_writer(&mut *out, &EventRecord::new(event, analysis))?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// Writes a CSV table with a header row and the JSON fields as columns.
pub fn write_csv(out: &mut dyn Write, events: &[&Event], analysis: &Analysis) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    for event in events {
        writer.serialize(EventRecord::new(event, analysis))?;
    }
    writer.flush()
}
