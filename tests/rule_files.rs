//! User rule files through the `podlife` binary: `--print-rules` writes the table in force,
//! `--rules` reads one in place of the built-in table, and a bad file stops the run with a
//! message naming the rule and field.

mod common;

use common::cli::{json_lines, podlife, stderr, stdout, CASE_07};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::Output;

/// Runs podlife on case 07 for its pod and year, with `extra` flags.
fn probe_demo(extra: &[&str]) -> Output {
    let mut args = vec![
        "--logfile",
        CASE_07,
        "--podname",
        "default/probe-demo",
        "--year",
        "2025",
    ];
    args.extend(extra);
    podlife(&args)
}

/// Returns the built-in table as `--print-rules` writes it.
fn exported_table() -> Value {
    let output = podlife(&["--print-rules"]);
    assert!(output.status.success(), "{}", stderr(&output));
    serde_json::from_str(&stdout(&output)).expect("--print-rules writes JSON")
}

fn write_table(dir: &Path, table: &Value) -> PathBuf {
    let path = dir.join("rules.json");
    std::fs::write(&path, serde_json::to_string_pretty(table).unwrap()).unwrap();
    path
}

/// Applies `change` to every rule of `kind` in `table`.
fn change_rules_of_kind(table: &mut Value, kind: &str, change: impl Fn(&mut Value)) {
    let rules = table["rules"].as_array_mut().unwrap();
    let mut changed = 0;
    for rule in rules.iter_mut().filter(|rule| rule["kind"] == kind) {
        change(rule);
        changed += 1;
    }
    assert!(changed > 0, "the built-in table has a {kind} rule");
}

#[test]
fn exported_table_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let exported = dir.path().join("exported.json");
    let export = podlife(&["--print-rules", "--out", exported.to_str().unwrap()]);
    assert!(export.status.success(), "{}", stderr(&export));

    let builtin = probe_demo(&["--format", "json"]);
    let imported = probe_demo(&["--rules", exported.to_str().unwrap(), "--format", "json"]);
    let reexport = podlife(&["--print-rules", "--rules", exported.to_str().unwrap()]);

    assert!(imported.status.success(), "{}", stderr(&imported));
    assert!(!json_lines(&stdout(&builtin)).is_empty());
    assert_eq!(
        json_lines(&stdout(&imported)),
        json_lines(&stdout(&builtin))
    );
    assert_eq!(
        stdout(&reexport),
        std::fs::read_to_string(&exported).unwrap()
    );
}

#[test]
fn changed_level_shows_in_events() {
    let dir = tempfile::tempdir().unwrap();
    let mut table = exported_table();
    change_rules_of_kind(&mut table, "LivenessProbeFailed", |rule| {
        rule["level"] = json!("Fatal")
    });
    let rules = write_table(dir.path(), &table);

    let output = probe_demo(&["--rules", rules.to_str().unwrap(), "--format", "json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let events = json_lines(&stdout(&output));
    let probes: Vec<&Value> = events
        .iter()
        .filter(|event| event["kind"] == "LivenessProbeFailed")
        .collect();

    assert_eq!(probes.len(), 3);
    for probe in probes {
        assert_eq!(probe["level"], "Fatal", "{probe}");
    }
}

#[test]
fn added_regex_rule_finds_event() {
    let dir = tempfile::tempdir().unwrap();
    let mut table = exported_table();
    table["rules"].as_array_mut().unwrap().push(json!({
        "id": "startup-latency",
        "kind": "StatusUpdated",
        "level": "Normal",
        "literal": "Observed pod startup duration",
        "regex": "pod=\"(?P<pod>[^\"]+)\""
    }));
    let rules = write_table(dir.path(), &table);

    let builtin = json_lines(&stdout(&probe_demo(&["--format", "json"])));
    let output = probe_demo(&["--rules", rules.to_str().unwrap(), "--format", "json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let events = json_lines(&stdout(&output));
    let found: Vec<&Value> = events
        .iter()
        .filter(|event| event["kind"] == "StatusUpdated")
        .collect();

    assert!(builtin.iter().all(|event| event["kind"] != "StatusUpdated"));
    assert_eq!(found.len(), 1);
    assert_eq!(found[0]["time"], "2025-05-16T18:34:06.965438");
    assert_eq!(found[0]["level"], "Normal");
    assert_eq!(events.len(), builtin.len() + 1);
}

#[test]
fn label_override_shows_in_text_and_svg() {
    let dir = tempfile::tempdir().unwrap();
    let mut table = exported_table();
    change_rules_of_kind(&mut table, "LivenessProbeFailed", |rule| {
        rule["labels"] = json!({"en": "Health check failed", "zh-CN": "健康检查失败"})
    });
    let rules = write_table(dir.path(), &table);
    let rules = rules.to_str().unwrap();
    let svg_path = dir.path().join("probe.svg");

    let text = probe_demo(&["--rules", rules, "--format", "text"]);
    let text_zh = probe_demo(&["--rules", rules, "--format", "text", "--lang", "zh-CN"]);
    let svg = probe_demo(&["--rules", rules, "--out", svg_path.to_str().unwrap()]);
    assert!(svg.status.success(), "{}", stderr(&svg));
    let svg = std::fs::read_to_string(&svg_path).unwrap();

    assert!(stdout(&text).contains("Warning  Health check failed [liveness]\n"));
    assert!(!stdout(&text).contains("Liveness probe failed"));
    assert!(stdout(&text_zh).contains("健康检查失败"));
    assert!(svg.contains(">Health check failed</text>"));
    // Events of the same kind from a rule without labels keep the kind's label.
    assert!(stdout(&text).contains("Container killed"));
}

/// Writes `document`, runs podlife with it, and returns the output.
fn run_with_rules(document: &str) -> Output {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.json");
    std::fs::write(&path, document).unwrap();
    probe_demo(&["--rules", path.to_str().unwrap(), "--format", "json"])
}

/// Builds a document with a valid first rule and `bad` as its second rule.
fn second_rule(bad: Value) -> String {
    let good = json!({"id": "probe", "kind": "LivenessProbeFailed", "message": "Probe failed"});
    json!({"version": 1, "rules": [good, bad]}).to_string()
}

#[test]
fn bad_rule_files_name_rule_and_field() {
    let cases = [
        (
            "unknown field",
            second_rule(json!({"id": "kill", "kind": "ContainerKilled", "mesage": "x"})),
            "rule \"kill\" (#2): field \"mesage\" is unknown",
        ),
        (
            "unknown kind",
            second_rule(json!({"id": "kill", "kind": "Killed", "message": "x"})),
            "rule \"kill\" (#2): field \"kind\" has unknown value \"Killed\"",
        ),
        (
            "unknown level",
            second_rule(json!({"id": "kill", "kind": "ContainerKilled", "level": "Bad", "message": "x"})),
            "rule \"kill\" (#2): field \"level\" has unknown value \"Bad\"; expected one of \"Info\", \"Normal\", \"Warning\", \"Error\", \"Fatal\"",
        ),
        (
            "wrong type",
            second_rule(json!({"id": "kill", "kind": "ContainerKilled", "message": 7})),
            "rule \"kill\" (#2): field \"message\" must be a string",
        ),
        (
            "missing id",
            second_rule(json!({"kind": "ContainerKilled", "message": "x"})),
            "rule #2: field \"id\" is missing",
        ),
        (
            "duplicate id",
            second_rule(json!({"id": "probe", "kind": "ContainerKilled", "message": "x"})),
            "rule \"probe\" (#2): field \"id\" repeats the id of rule #1",
        ),
        (
            "no message or literal",
            second_rule(json!({"id": "kill", "kind": "ContainerKilled", "regex": "x"})),
            "rule \"kill\" (#2): field \"message\" or \"literal\" is required",
        ),
        (
            "invalid regex",
            second_rule(json!({"id": "kill", "kind": "ContainerKilled", "literal": "x", "regex": "(x"})),
            "rule \"kill\" (#2): field \"regex\" is invalid",
        ),
        (
            "unknown group",
            second_rule(json!({"id": "kill", "kind": "ContainerKilled", "literal": "x", "regex": "(?P<node>x)"})),
            "rule \"kill\" (#2): field \"regex\" has unknown group \"node\"",
        ),
        (
            "unknown slot",
            second_rule(json!({"id": "kill", "kind": "ContainerKilled", "message": "x", "bind": {"node": "n"}})),
            "rule \"kill\" (#2): field \"bind\" has unknown slot \"node\"",
        ),
        (
            "unknown label language",
            second_rule(json!({"id": "kill", "kind": "ContainerKilled", "message": "x", "labels": {"de": "x"}})),
            "rule \"kill\" (#2): field \"labels.de\" is unknown",
        ),
        (
            "rule not an object",
            second_rule(json!("kill")),
            "rule #2: must be a JSON object",
        ),
        (
            "unsupported version",
            json!({"version": 2, "rules": []}).to_string(),
            "rule file: field \"version\" is 2, which is not supported: expected 1",
        ),
        (
            "unknown top-level field",
            json!({"version": 1, "rules": [], "extends": "builtin"}).to_string(),
            "rule file: field \"extends\" is unknown",
        ),
        (
            "invalid JSON",
            "{\"version\": 1,\n \"rules\": [,]}".to_string(),
            "rule file: is not valid JSON at line 2, column 12",
        ),
    ];
    for (name, document, expected) in cases {
        let output = run_with_rules(&document);
        let message = stderr(&output);

        assert_eq!(output.status.code(), Some(2), "{name}: {message}");
        assert!(message.contains(expected), "{name}: {message}");
        assert!(stdout(&output).is_empty(), "{name}: no events are written");
    }
}

#[test]
fn missing_rule_file_is_read_error() {
    let output = probe_demo(&["--rules", "no-such-rules.json"]);

    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("cannot read rule file no-such-rules.json"));
}

#[test]
fn print_rules_takes_no_logfile() {
    let output = podlife(&["--print-rules", "--logfile", CASE_07]);

    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("--logfile"));
}
