//! The `podlife` binary as scripts use it: flags, output files, formats and exit statuses.

mod common;

use common::cli::{json_lines, podlife, stderr, stdout, write_file, CASE_07};
use std::io::Write;
use std::process::{Command, Output, Stdio};

const CASE_14: &str = "tests/fixtures/cases/14-k3s-combined-crashloop/input.log";

/// Runs podlife on `logs` for the pod of case 07 with its year, plus `extra` flags.
fn probe_demo(logs: &[&str], extra: &[&str]) -> Output {
    let mut args: Vec<&str> = logs.iter().flat_map(|log| ["--logfile", log]).collect();
    args.extend(["--podname", "probe-demo", "--year", "2025"]);
    args.extend(extra);
    podlife(&args)
}

#[test]
fn json_has_contract_fields() {
    let output = podlife(&[
        "--logfile",
        CASE_07,
        "--podname",
        "default/probe-demo",
        "--year",
        "2025",
        "--format",
        "json",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let events = json_lines(&stdout(&output));
    let probe = events
        .iter()
        .find(|e| e["kind"] == "LivenessProbeFailed")
        .expect("a liveness probe failure");
    assert_eq!(probe["time"], "2025-05-16T18:34:39.885628");
    assert_eq!(probe["level"], "Warning");
    assert_eq!(probe["pod"], "default/probe-demo");
    assert_eq!(probe["uid"], "aca7a28b-f77c-4067-b897-1bdba6f841e3");
    assert_eq!(probe["container"], "liveness");
    assert_eq!(probe["file"], "input.log");
    assert_eq!(probe["line"], 5);
    assert_eq!(probe["klog_time"], "0516 18:34:39.885628");
    assert!(probe["text"].as_str().unwrap().contains("\"Probe failed\""));
}

#[test]
fn json_events_in_time_order() {
    let output = probe_demo(&[CASE_07], &["--format", "json"]);
    let times: Vec<String> = json_lines(&stdout(&output))
        .iter()
        .map(|e| e["time"].as_str().unwrap().to_string())
        .collect();
    let mut sorted = times.clone();
    sorted.sort();
    assert_eq!(times, sorted);
    assert!(times.len() >= 8, "{times:?}");
}

#[test]
fn eventlevel_filters_levels() {
    let output = probe_demo(&[CASE_07], &["--format", "json", "--eventlevel", "Warning"]);
    let events = json_lines(&stdout(&output));
    assert!(!events.is_empty());
    assert!(events.iter().all(|e| e["level"] == "Warning"), "{events:?}");
}

#[test]
fn svg_default_file_name() {
    let dir = tempfile::tempdir().unwrap();
    let log = std::fs::canonicalize(CASE_14).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_podlife"))
        .current_dir(dir.path())
        .args([
            "--logfile",
            log.to_str().unwrap(),
            "--podname",
            "gpu-device-plugin-daemonset-twrj5",
            "--year",
            "2025",
        ])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let svg = dir
        .path()
        .join("gpu-device-plugin-daemonset-twrj5-Pod-lifecycle.svg");
    let text = std::fs::read_to_string(&svg).expect("the SVG file is written");
    assert!(text.starts_with("<svg"));
    assert!(text.contains(r#"data-level="Error""#));
}

#[test]
fn out_path_and_csv() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("events.csv");
    let output = probe_demo(
        &[CASE_07],
        &["--format", "csv", "--out", out.to_str().unwrap()],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let csv = std::fs::read_to_string(out).unwrap();
    assert!(csv.starts_with("time,level,kind,pod,uid,container,file,line,klog_time,text,scope\n"));
    assert!(csv.contains("LivenessProbeFailed"));
}

#[test]
fn text_timeline_one_row_per_second() {
    let output = probe_demo(&[CASE_07], &["--format", "text"]);
    let text = stdout(&output);
    let mut lines = text.lines();
    let header = lines.next().unwrap_or_default();
    assert!(
        header.starts_with("# default/probe-demo  UID aca7a28b"),
        "{header}"
    );
    assert!(
        header.ends_with("7 seconds with events, 9 events"),
        "{header}"
    );
    let zone = lines.next().unwrap_or_default();
    assert_eq!(zone, "# Times as written in the log (zone not stated)");
    assert_eq!(lines.count(), 7, "{text}");
    assert!(
        !text.contains('\x1b'),
        "no colour when stdout is not a terminal"
    );
    assert!(
        text.contains("2025-05-16 18:34:49  Warning  Liveness probe failed"),
        "{text}"
    );
}

#[test]
fn stdin_dash_reads_standard_input() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_podlife"))
        .args([
            "--logfile",
            "-",
            "--podname",
            "probe-demo",
            "--year",
            "2025",
            "--format",
            "json",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let input = std::fs::read(CASE_07).unwrap();
    child.stdin.take().unwrap().write_all(&input).unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success());
    let events = json_lines(&stdout(&output));
    assert_eq!(events[0]["file"], "stdin");
}

#[test]
fn list_pods_table_and_json() {
    let table = podlife(&["--logfile", CASE_07, "--list-pods", "--year", "2025"]);
    assert!(table.status.success());
    assert!(stdout(&table).contains("default/probe-demo"));
    let json = podlife(&[
        "--logfile",
        CASE_07,
        "--list-pods",
        "--year",
        "2025",
        "--format",
        "json",
    ]);
    let pods: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(pods[0]["namespace"], "default");
    assert_eq!(pods[0]["name"], "probe-demo");
    assert_eq!(pods[0]["first_seen"], "2025-05-16T18:34:04.558677");
}

#[test]
fn list_pods_none_found_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let prose = write_file(dir.path(), "notes.txt", b"nothing to see here\n");
    let empty = write_file(dir.path(), "empty.log", b"");
    let (prose, empty) = (prose.to_str().unwrap(), empty.to_str().unwrap());
    for format in ["text", "json"] {
        let output = podlife(&[
            "--logfile",
            prose,
            "--logfile",
            empty,
            "--list-pods",
            "--format",
            format,
        ]);
        assert_eq!(output.status.code(), Some(0), "{format}");
        let expected = format!("podlife: no pods found in {prose}, {empty}\n");
        assert!(stderr(&output).contains(&expected), "{}", stderr(&output));
    }
    let with_pods = podlife(&["--logfile", CASE_07, "--list-pods", "--year", "2025"]);
    assert!(!stderr(&with_pods).contains("no pods found"));
}

/// Runs podlife with `args` and its standard output a pipe whose reading end is closed before
/// podlife writes, as `podlife … | head -1` leaves it once `head` has its line.
fn podlife_into_closed_pipe(args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_podlife"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("podlife runs");
    drop(child.stdout.take());
    child.wait_with_output().expect("podlife ends")
}

#[test]
fn closed_pipe_ends_quietly() {
    let runs: [&[&str]; 4] = [
        &[
            "--logfile",
            CASE_07,
            "--podname",
            "probe-demo",
            "--format",
            "json",
        ],
        &[
            "--logfile",
            CASE_07,
            "--podname",
            "probe-demo",
            "--format",
            "text",
        ],
        &["--logfile", CASE_07, "--list-pods"],
        &["--print-rules"],
    ];
    for args in runs {
        let output = podlife_into_closed_pipe(args);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{args:?}: {}",
            stderr(&output)
        );
        assert!(
            !stderr(&output).contains("cannot write"),
            "{args:?}: {}",
            stderr(&output)
        );
    }
}

#[test]
fn name_in_several_namespaces_selects_all() {
    let dir = tempfile::tempdir().unwrap();
    let log = write_file(
        dir.path(),
        "messages",
        b"Dec  4 10:00:00 n kubelet[1]: I1204 10:00:00.000001       1 kubelet.go:1] \"SyncLoop ADD\" source=\"api\" pods=[\"a/web\"]\n\
          Dec  4 10:00:01 n kubelet[1]: I1204 10:00:01.000001       1 kubelet.go:1] \"SyncLoop ADD\" source=\"api\" pods=[\"b/web\"]\n",
    );
    let output = podlife(&[
        "--logfile",
        log.to_str().unwrap(),
        "--podname",
        "web",
        "--format",
        "json",
    ]);
    assert!(output.status.success());
    assert_eq!(json_lines(&stdout(&output)).len(), 2);
    assert!(
        stderr(&output).contains("matches 2 pods"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn pod_without_events_exits_zero_with_note() {
    let output = probe_demo(&[CASE_07], &["--format", "json", "--eventlevel", "Fatal"]);
    assert!(output.status.success());
    assert!(stdout(&output).is_empty());
    assert!(
        stderr(&output).contains("has no events"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn unknown_pod_is_usage_error() {
    let output = podlife(&["--logfile", CASE_07, "--podname", "probe", "--year", "2025"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("not in the logs"),
        "{}",
        stderr(&output)
    );
    assert!(
        stderr(&output).contains("default/probe-demo"),
        "suggests the similar pod"
    );
}

#[test]
fn missing_flag_is_usage_error() {
    assert_eq!(podlife(&["--logfile", CASE_07]).status.code(), Some(1));
    assert_eq!(podlife(&["--podname", "x"]).status.code(), Some(1));
    let bad_level = podlife(&[
        "--logfile",
        CASE_07,
        "--podname",
        "probe-demo",
        "--eventlevel",
        "Severe",
    ]);
    assert_eq!(bad_level.status.code(), Some(1));
    assert!(stderr(&bad_level).contains("Severe"));
}

#[test]
fn unreadable_file_exits_two() {
    let output = podlife(&["--logfile", "/nonexistent/messages", "--podname", "x"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("/nonexistent/messages"));
}

#[test]
fn bad_files_reported_and_others_kept() {
    let dir = tempfile::tempdir().unwrap();
    let empty = write_file(dir.path(), "empty.log", b"");
    let binary = write_file(
        dir.path(),
        "core.bin",
        &[0x7f, b'E', b'L', b'F', 0, 0, 1, 2, 3],
    );
    let prose = write_file(dir.path(), "notes.txt", b"nothing to see here\njust text\n");
    let output = probe_demo(
        &[
            empty.to_str().unwrap(),
            binary.to_str().unwrap(),
            prose.to_str().unwrap(),
            CASE_07,
        ],
        &["--format", "json"],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let errors = stderr(&output);
    assert!(errors.contains("empty.log: the file is empty"), "{errors}");
    assert!(
        errors.contains("core.bin: this is a binary file"),
        "{errors}"
    );
    assert!(
        errors.contains("notes.txt: no kubelet line was found"),
        "{errors}"
    );
    assert!(json_lines(&stdout(&output)).len() >= 8);
}

#[test]
fn megabyte_line_reported_and_rest_read() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = vec![b'x'; 1 << 20];
    bytes.push(b'\n');
    bytes.extend_from_slice(&std::fs::read(CASE_07).unwrap());
    let log = write_file(dir.path(), "long.log", &bytes);
    let output = probe_demo(&[log.to_str().unwrap()], &["--format", "json"]);
    assert!(output.status.success());
    assert!(
        stderr(&output).contains("line 1 was longer than 256 KiB"),
        "{}",
        stderr(&output)
    );
    let events = json_lines(&stdout(&output));
    assert_eq!(events[0]["line"], 2, "line numbers count the long line");
}

#[test]
fn diagnostics_share_the_prefix() {
    let output = podlife(&[
        "--logfile",
        CASE_07,
        "--logfile",
        CASE_07,
        "--list-pods",
        "--year",
        "2025",
    ]);
    assert!(
        stderr(&output).starts_with("podlife: warning: "),
        "{}",
        stderr(&output)
    );
}

#[test]
fn repeated_logfile_read_once() {
    let output = probe_demo(&[CASE_07, CASE_07], &["--format", "json"]);
    assert!(output.status.success());
    assert!(
        stderr(&output).contains("more than once"),
        "{}",
        stderr(&output)
    );
    assert_eq!(json_lines(&stdout(&output)).len(), 9, "each event once");
}

/// A kubelet line of a node with a private address, a host name and a token in a probe URL.
const LEAKY_LOG: &str = "Dec  4 10:00:00 worker-7 kubelet[1]: I1204 10:00:00.000001       1 \
    prober.go:107] \"Probe failed\" probeType=\"Liveness\" pod=\"shop/web-1\" \
    containerName=\"app\" probeResult=\"failure\" output=\"Get \\\"http://192.168.7.9:8080/healthz?token=abc123XYZ\\\": \
    dial tcp 192.168.7.9:8080: connect: connection refused\"\n";

#[test]
fn redact_applies_to_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let log = write_file(dir.path(), "worker-7-messages", LEAKY_LOG.as_bytes());
    let log = log.to_str().unwrap();
    for format in ["json", "csv", "text", "svg"] {
        let out = dir.path().join(format!("out.{format}"));
        let out = out.to_str().unwrap();
        let base = [
            "--logfile",
            log,
            "--podname",
            "shop/web-1",
            "--year",
            "2025",
            "--format",
            format,
            "--out",
            out,
        ];
        let plain = podlife(&base);
        assert!(plain.status.success(), "{format}: {}", stderr(&plain));
        // The text timeline shows labels, not raw lines.
        let shows_lines = format != "text";
        let plain_text = std::fs::read_to_string(out).unwrap();
        if shows_lines {
            assert!(
                plain_text.contains("192.168.7.9"),
                "{format} without --redact"
            );
        }

        let redacted = podlife(&[&base[..], &["--redact"]].concat());
        assert!(redacted.status.success(), "{format}: {}", stderr(&redacted));
        let text = std::fs::read_to_string(out).unwrap();
        for secret in ["192.168.7.9", "worker-7", "abc123XYZ"] {
            assert!(
                !text.contains(secret),
                "{format}: {secret} survives:\n{text}"
            );
        }
        if shows_lines {
            assert!(text.contains("10.0.0.1"), "{format}: {text}");
        }
        assert!(text.contains("shop/web-1"), "{format}: the pod is kept");
    }
}

#[test]
fn redact_list_pods_keeps_pods() {
    let dir = tempfile::tempdir().unwrap();
    let log = write_file(dir.path(), "messages", LEAKY_LOG.as_bytes());
    let output = podlife(&[
        "--logfile",
        log.to_str().unwrap(),
        "--list-pods",
        "--redact",
        "--year",
        "2025",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("shop/web-1"),
        "{}",
        stdout(&output)
    );
}
