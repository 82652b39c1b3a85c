//! The line filter's run scan against line-by-line reading. A file's first lines are all
//! decoded, so each case is read again after padding lines that no rule matches. The case's
//! own lines then go through the scan, in chunks of every size, and must give the same events
//! as when read plainly.

mod common;

use common::{analyze_files, describe, SMALL_CHUNK};
use podlife::analysis::Analysis;
use std::path::PathBuf;

/// More lines than the analyzer decodes at the start of every file.
const PADDING_LINES: usize = 1500;

fn cases() -> Vec<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cases");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(root)
        .expect("the cases folder exists")
        .map(|entry| entry.expect("a readable entry").path())
        .collect();
    cases.sort();
    cases
}

/// Describes every event without its line number, which the padding shifts.
fn events(analysis: &Analysis) -> Vec<String> {
    let mut all: Vec<String> = analysis
        .events
        .iter()
        .chain(&analysis.node_events)
        .map(|event| {
            let description = describe(analysis, event);
            let fields = description
                .split(' ')
                .filter(|field| !field.starts_with("line="));
            format!("{} {}", fields.collect::<Vec<_>>().join(" "), event.text)
        })
        .collect();
    all.sort();
    all
}

fn padded(input: &[u8]) -> Vec<u8> {
    let mut bytes = Vec::new();
    for index in 0..PADDING_LINES {
        let line = format!("padding line {index} with no stamp, no rule and no pod field\n");
        bytes.extend_from_slice(line.as_bytes());
    }
    bytes.extend_from_slice(input);
    bytes
}

#[test]
fn scan_finds_what_line_by_line_reading_finds() {
    for case in cases() {
        let input = std::fs::read(case.join("input.log")).expect("the case has an input");
        let plain = analyze_files(&[("input.log", &input)], 2025, 1 << 20);
        let expected = events(&plain);
        assert!(!expected.is_empty(), "{} has events", case.display());
        let padded = padded(&input);
        for chunk in [1 << 20, 4096, SMALL_CHUNK] {
            let scanned = analyze_files(&[("input.log", &padded)], 2025, chunk);
            assert_eq!(
                events(&scanned),
                expected,
                "{} read through the scan in chunks of {chunk} bytes",
                case.display()
            );
            assert_eq!(
                scanned.files[0].lines,
                plain.files[0].lines + PADDING_LINES as u64
            );
        }
    }
}

#[test]
fn scan_counts_long_and_invalid_lines_it_skips() {
    use podlife::analysis::InputIssue;
    let mut input = padded(b"");
    input.extend_from_slice(b"bad byte \xff here\n");
    input.extend_from_slice(&vec![b'x'; 300 * 1024]);
    input.extend_from_slice(b"\nlast line\n");
    for chunk in [1 << 20, 4096] {
        let analysis = analyze_files(&[("input.log", &input)], 2025, chunk);
        let issues = &analysis.files[0].issues;
        let first = PADDING_LINES as u64 + 1;
        assert!(
            issues.contains(&InputIssue::InvalidUtf8 {
                count: 1,
                first_line: first
            }),
            "{issues:?}"
        );
        let long = issues.iter().find_map(|issue| match issue {
            InputIssue::LongLines {
                count, first_line, ..
            } => Some((*count, *first_line)),
            _ => None,
        });
        assert_eq!(long, Some((1, first + 1)), "chunks of {chunk} bytes");
        assert_eq!(analysis.files[0].lines, first + 2);
    }
}
