//! Helpers shared by the engine tests: running the analyzer over inputs fed in small chunks,
//! and reading its events back by pod key in a form that assertion messages can print.

#![allow(dead_code)]

pub mod cli;

use podlife::analysis::{Analysis, Analyzer, Event};
use podlife::rules::RuleSet;

/// The chunk size the tests feed by default: small and odd, so that chunk boundaries fall
/// inside klog headers, quoted values and multi-byte characters.
pub const SMALL_CHUNK: usize = 7;

/// Analyzes several files, each fed in chunks of `chunk` bytes; `year` is the year of each
/// file's last line.
pub fn analyze_files(files: &[(&str, &[u8])], year: i32, chunk: usize) -> Analysis {
    let mut analyzer = Analyzer::new(RuleSet::builtin());
    for (name, bytes) in files {
        let file = analyzer.begin_file(name, year);
        for piece in bytes.chunks(chunk.max(1)) {
            analyzer.push(file, piece);
        }
        analyzer.end_file(file);
    }
    analyzer.analysis()
}

/// Analyzes one file fed in small chunks.
pub fn analyze_bytes(bytes: &[u8], year: i32) -> Analysis {
    analyze_files(&[("input.log", bytes)], year, SMALL_CHUNK)
}

/// Analyzes one text fed in small chunks.
pub fn analyze_text(text: &str, year: i32) -> Analysis {
    analyze_bytes(text.as_bytes(), year)
}

/// Returns the key (`namespace/name`) of the pod an event belongs to.
pub fn pod_key(analysis: &Analysis, event: &Event) -> String {
    event
        .pod
        .map(|index| analysis.pods[index].key())
        .unwrap_or_else(|| "<node>".to_string())
}

/// Returns the events attributed to the pod with this exact key.
pub fn events_of<'a>(analysis: &'a Analysis, key: &str) -> Vec<&'a Event> {
    let index: Vec<usize> = (0..analysis.pods.len())
        .filter(|&i| analysis.pods[i].key() == key)
        .collect();
    analysis.events_of(&index)
}

/// Returns the pod keys of an analysis, in the order first seen.
pub fn pod_keys(analysis: &Analysis) -> Vec<String> {
    analysis.pods.iter().map(|pod| pod.key()).collect()
}

/// Formats the whole second of an event, as `2025-05-16T18:34:39`.
pub fn second(event: &Event) -> String {
    event.time.second().format("%Y-%m-%dT%H:%M:%S").to_string()
}

/// Describes one event on one line, for assertion messages.
pub fn describe(analysis: &Analysis, event: &Event) -> String {
    format!(
        "{} {} {} pod={} container={} line={} rule={}",
        event.time.iso(),
        event.level,
        event.kind,
        pod_key(analysis, event),
        event.container.as_deref().unwrap_or("-"),
        event.line,
        event.rule,
    )
}

/// Lists every pod and node event, one per line, for assertion messages.
pub fn dump(analysis: &Analysis) -> String {
    let mut out = String::new();
    for event in analysis.events.iter().chain(&analysis.node_events) {
        out.push_str("  ");
        out.push_str(&describe(analysis, event));
        out.push('\n');
    }
    if out.is_empty() {
        out.push_str("  (no events)\n");
    }
    out
}
