//! What `podlife` writes about one timeline beyond the pod's own events. Every format lists the
//! node events near the pod. A name that selects pods in several namespaces gets one row per
//! pod. Per-second counts count one moment once, however many lines repeat it.

use std::process::{Command, Output};

/// `batch/report-0` goes quiet at 11:00:30. The node turns not ready 61 s and 10 minutes
/// later, then PLEG turns unhealthy. Kubelet starts 15 and 5 minutes before the pod's first
/// line, and a PLEG line 30.5 minutes after its last, test the reach of the node events.
const QUIET_NODE: &str = "tests/fixtures/lanes/quiet-node.log";
/// `orders-db-0` in the namespaces `prod` and `staging`.
const CASE_18: &str = "tests/fixtures/cases/18-journal-json-multiline-probe/input.log";
const CASE_01: &str = "tests/fixtures/cases/01-centos-syslog-v18-crashloop/input.log";
const CASE_08: &str = "tests/fixtures/cases/08-aks-syslog-containerd-create-delete/input.log";
const ALL_LEVELS: &str = "Info,Normal,Warning,Error,Fatal";

fn podlife(args: &[&str]) -> Output {
    let output = Command::new(env!("CARGO_BIN_EXE_podlife"))
        .args(args)
        .output()
        .expect("podlife runs");
    assert!(
        output.status.success(),
        "podlife {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// Runs podlife on `log` for `pod` in `year` with `extra` flags and returns its standard output.
fn run(log: &str, pod: &str, year: &str, extra: &[&str]) -> String {
    let mut args = vec!["--logfile", log, "--podname", pod, "--year", year];
    args.extend(extra);
    String::from_utf8(podlife(&args).stdout).expect("UTF-8 output")
}

fn json_lines(text: &str) -> Vec<serde_json::Value> {
    text.lines()
        .map(|line| serde_json::from_str(line).expect("each line is a JSON object"))
        .collect()
}

/// Returns the `HH:MM:SS` of the rows of a text timeline whose source column is `tag`.
fn tagged_rows(text: &str, tag: &str) -> Vec<String> {
    text.lines()
        .filter(|line| !line.starts_with('#'))
        .filter(|line| line.split_whitespace().nth(3) == Some(tag))
        .map(|line| line[11..19].to_string())
        .collect()
}

#[test]
fn text_lists_node_events_near_pod() {
    let text = run(
        QUIET_NODE,
        "report-0",
        "2025",
        &["--format", "text", "--eventlevel", ALL_LEVELS],
    );
    assert_eq!(
        tagged_rows(&text, "node"),
        ["10:55:00", "11:01:31", "11:10:30", "11:13:40"],
        "node rows from 10 minutes before the pod to 30 minutes after it:\n{text}"
    );
    assert!(
        text.contains("2025-06-03 11:10:30  Error    node  Node not ready"),
        "{text}"
    );
    assert!(
        text.contains("2025-06-03 11:00:30  Warning        Readiness probe failed"),
        "pod rows leave the node column blank:\n{text}"
    );
    let header = text.lines().next().unwrap_or_default();
    assert!(
        header.ends_with("3 seconds with events, 3 events, 6 node events near them"),
        "{header}"
    );
}

#[test]
fn text_node_rows_in_chinese() {
    let text = run(
        QUIET_NODE,
        "report-0",
        "2025",
        &["--format", "text", "--lang", "zh-CN"],
    );
    assert!(
        text.contains("2025-06-03 11:13:40  错误     节点  PLEG 不健康"),
        "{text}"
    );
    assert!(text
        .lines()
        .next()
        .unwrap_or_default()
        .ends_with("附近的节点事件数：5"));
}

#[test]
fn eventlevel_filters_node_events() {
    let text = run(
        QUIET_NODE,
        "report-0",
        "2025",
        &["--format", "text", "--eventlevel", "Warning,Error"],
    );
    assert_eq!(
        tagged_rows(&text, "node"),
        ["11:01:31", "11:10:30", "11:13:40"],
        "the Info kubelet start is filtered out:\n{text}"
    );
    let none = run(
        QUIET_NODE,
        "report-0",
        "2025",
        &["--format", "json", "--eventlevel", "Fatal"],
    );
    assert_eq!(
        none, "",
        "no node records without a pod event at the levels"
    );
}

#[test]
fn json_node_records_have_node_scope() {
    let text = run(
        QUIET_NODE,
        "report-0",
        "2025",
        &["--format", "json", "--eventlevel", ALL_LEVELS],
    );
    let records = json_lines(&text);
    let node: Vec<&serde_json::Value> = records.iter().filter(|r| r["scope"] == "node").collect();
    let pod: Vec<&serde_json::Value> = records.iter().filter(|r| r["scope"] == "pod").collect();
    assert_eq!(pod.len(), 3);
    assert_eq!(node.len(), 6, "two kinds at each not-ready line");
    assert_eq!(
        node.len() + pod.len(),
        records.len(),
        "every record has a scope"
    );
    for record in &node {
        assert!(record["pod"].is_null(), "{record}");
        assert!(record["uid"].is_null(), "{record}");
    }
    for record in &pod {
        assert_eq!(record["pod"], "batch/report-0");
    }
    let times: Vec<&str> = records
        .iter()
        .map(|r| r["time"].as_str().unwrap())
        .collect();
    let mut sorted = times.clone();
    sorted.sort();
    assert_eq!(times, sorted, "pod and node records in one time order");
    assert_eq!(times[0], "2025-06-03T10:55:00.200000");
    assert!(!times.iter().any(|t| t.starts_with("2025-06-03T10:45")));
    assert!(!times.iter().any(|t| t.starts_with("2025-06-03T11:31")));

    let fields: Vec<&str> = records[0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        fields,
        [
            "time",
            "level",
            "kind",
            "pod",
            "uid",
            "container",
            "file",
            "line",
            "klog_time",
            "text",
            "scope"
        ],
        "the contract's fields in order, scope last"
    );
}

#[test]
fn csv_node_rows_have_node_scope() {
    let text = run(QUIET_NODE, "report-0", "2025", &["--format", "csv"]);
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("time,level,kind,pod,uid,container,file,line,klog_time,text,scope")
    );
    let rows: Vec<&str> = lines.collect();
    let node = rows.iter().filter(|row| row.ends_with(",node")).count();
    let pod = rows.iter().filter(|row| row.ends_with(",pod")).count();
    assert_eq!(node, 5, "{text}");
    assert_eq!(pod, 3, "{text}");
    assert!(rows
        .iter()
        .any(|row| row.starts_with("2025-06-03T11:13:40.800000,Error,PlegUnhealthy,,,,")));
}

#[test]
fn svg_lane_reaches_quiet_node() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.svg");
    run(
        QUIET_NODE,
        "report-0",
        "2025",
        &["--out", out.to_str().unwrap()],
    );
    let svg = std::fs::read_to_string(&out).unwrap();
    for second in ["11:01:31", "11:10:30", "11:13:40"] {
        let mark = format!(r#"<g class="node-mark" data-second="2025-06-03T{second}""#);
        assert!(svg.contains(&mark), "the lane shows {second}");
    }
    assert!(
        !svg.contains("2025-06-03T11:31:00"),
        "30.5 minutes after is too far"
    );
    assert!(
        !svg.contains("2025-06-03T10:55:00"),
        "the Info kubelet start is not at the default levels"
    );
    assert!(svg.contains(r#"<g class="node-details">"#));
}

#[test]
fn text_names_pod_of_each_row() {
    let text = run(CASE_18, "orders-db-0", "2025", &["--format", "text"]);
    let rows: Vec<&str> = text.lines().filter(|l| !l.starts_with('#')).collect();
    assert!(!rows.is_empty());
    for row in &rows {
        let source = row.split_whitespace().nth(3).unwrap_or_default();
        assert!(
            ["prod/orders-db-0", "staging/orders-db-0"].contains(&source),
            "the row names its pod: {row}"
        );
    }
    assert!(
        text.contains(
            "2025-06-12 15:04:05  Error    prod/orders-db-0     Pod added, Volume mount failed"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "2025-06-12 15:04:05  Normal   staging/orders-db-0  Pod added, New sandbox needed"
        ),
        "a second with events of two pods gets a row for each:\n{text}"
    );
    let header = text.lines().next().unwrap_or_default();
    assert!(
        header.starts_with("# prod/orders-db-0, staging/orders-db-0  UID"),
        "{header}"
    );
}

#[test]
fn svg_names_pod_of_each_event() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("orders.svg");
    run(
        CASE_18,
        "orders-db-0",
        "2025",
        &["--out", out.to_str().unwrap()],
    );
    let svg = std::fs::read_to_string(&out).unwrap();
    assert!(svg.contains("<title>Pod lifecycle: prod/orders-db-0, staging/orders-db-0</title>"));
    let summaries: Vec<&str> = svg
        .split(r#"<g class="detail-event">"#)
        .skip(1)
        .map(|part| {
            let text = part.split("<text x=\"40\"").nth(1).unwrap_or_default();
            text.split("</text>").next().unwrap_or_default()
        })
        .collect();
    assert!(!summaries.is_empty());
    for summary in &summaries {
        assert!(
            summary.contains("prod/orders-db-0 [") || summary.contains("staging/orders-db-0 ["),
            "the detail line names its pod: {summary}"
        );
    }
}

#[test]
fn one_pod_rows_name_no_pod() {
    let text = run(QUIET_NODE, "batch/report-0", "2025", &["--format", "text"]);
    assert!(!text.lines().skip(2).any(|l| l.contains("batch/report-0")));
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.svg");
    run(
        QUIET_NODE,
        "batch/report-0",
        "2025",
        &["--out", out.to_str().unwrap()],
    );
    let svg = std::fs::read_to_string(&out).unwrap();
    assert!(!svg.contains("batch/report-0 ["));
}

#[test]
fn repeated_lines_count_once_per_second() {
    let text = run(
        CASE_01,
        "alpine-368057524-bgt0m",
        "2017",
        &["--format", "text"],
    );
    let header = text.lines().next().unwrap_or_default();
    assert!(
        header.ends_with("2 seconds with events, 2 events"),
        "two back-off lines at 13:17:41 are one event: {header}"
    );

    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("nginx.svg");
    run(CASE_08, "nginx", "2024", &["--out", out.to_str().unwrap()]);
    let svg = std::fs::read_to_string(&out).unwrap();
    assert!(
        svg.contains(r#"<g class="mark" data-second="2024-11-29T18:20:18+00:00" data-level="Normal" data-count="5">"#),
        "two DELETE lines are one deletion request among five events"
    );
    assert!(svg.contains("10 events in 3 seconds"));

    let json = run(CASE_08, "nginx", "2024", &["--format", "json"]);
    let deletions = json_lines(&json)
        .iter()
        .filter(|record| record["kind"] == "PodDeleted")
        .count();
    assert_eq!(deletions, 2, "JSON keeps one record per line");
}

/// A bundle member's long path gives way in the middle of an SVG detail row, so the row's
/// line number stays on the canvas.
#[test]
fn svg_detail_row_shortens_a_long_file_name() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let long = dir
        .path()
        .join("sosreport-ip-10-0-12-34.cn-hangzhou.compute.internal-2026-01-01-xk2f9.tar.gz");
    std::fs::copy("tests/fixtures/bundles/support-bundle.tar.gz", &long).expect("a copy");
    let out = dir.path().join("ledger.svg");
    let args = [
        "--logfile",
        long.to_str().unwrap(),
        "--podname",
        "pay/ledger-1",
        "--out",
        out.to_str().unwrap(),
    ];
    podlife(&args);
    let svg = std::fs::read_to_string(out).expect("the SVG was written");
    let row = svg
        .split("<g class=\"detail-event\">")
        .nth(1)
        .and_then(|event| event.split("<text x=\"40\"").nth(1))
        .expect("a detail row");
    let summary = &row[row.find('>').unwrap() + 1..row.find("</text>").unwrap()];
    assert!(summary.contains('…'), "{summary}");
    assert!(summary.ends_with("messages-20251231.gz:1"), "{summary}");
}
