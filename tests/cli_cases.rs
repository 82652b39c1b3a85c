//! The golden cases through the binary: `podlife --format json` must report every `must` row of
//! each case's expected.json, as scripts would see it. The library-level golden tests check the
//! rest (`may` and `must_not` rows, pod lists).

use serde_json::Value;
use std::path::Path;
use std::process::Command;

const ALL_LEVELS: &str = "Info,Normal,Warning,Error,Fatal";

fn case_events(case_dir: &Path, pod: &str, year: i64) -> Vec<Value> {
    let output = Command::new(env!("CARGO_BIN_EXE_podlife"))
        .args(["--logfile"])
        .arg(case_dir.join("input.log"))
        .args(["--podname", pod, "--year", &year.to_string()])
        .args(["--format", "json", "--eventlevel", ALL_LEVELS])
        .output()
        .expect("podlife runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).expect("a JSON object per line"))
        .collect()
}

/// Returns whether `event` matches an expected row: same second, kind, and level and container when
/// the row gives them.
fn matches(event: &Value, row: &Value) -> bool {
    let time = event["time"].as_str().unwrap_or_default();
    let second = row["time"].as_str().unwrap_or_default();
    let time = match second.strip_suffix('Z') {
        Some(_) => utc_second(time),
        None => time.to_string(),
    };
    let same = |field: &str| {
        row.get(field)
            .is_none_or(|want| want.is_null() || event[field] == *want)
    };
    time.starts_with(second) && event["kind"] == row["kind"] && same("level") && same("container")
}

/// Returns the UTC second of an ISO time with an offset, written with a `Z` like the rows of a
/// journal export case.
fn utc_second(time: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(time).map_or_else(
        |_| time.to_string(),
        |time| time.to_utc().format("%Y-%m-%dT%H:%M:%SZ").to_string(),
    )
}

#[test]
fn cli_reports_every_must_row() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cases");
    let mut checked = 0;
    for entry in std::fs::read_dir(&root).expect("the cases folder is readable") {
        let case_dir = entry.unwrap().path();
        let Ok(text) = std::fs::read_to_string(case_dir.join("expected.json")) else {
            continue;
        };
        let expected: Value = serde_json::from_str(&text).expect("expected.json is JSON");
        let year = expected["year"].as_i64().expect("a year");
        for pod in expected["pods"].as_array().expect("a pod list") {
            let key = pod["pod"].as_str().expect("a pod key");
            let events = case_events(&case_dir, key, year);
            let musts = pod["events"]
                .as_array()
                .expect("rows")
                .iter()
                .filter(|row| row["req"] == "must");
            for row in musts {
                assert!(
                    events.iter().any(|event| matches(event, row)),
                    "{}: {key}: must row {row} not in the CLI's JSON",
                    case_dir.display()
                );
                checked += 1;
            }
        }
    }
    assert!(checked >= 20, "only {checked} must rows were checked");
}
