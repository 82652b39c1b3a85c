//! Golden tests over the real node-log cases: each `tests/fixtures/cases/<case>/expected.json`
//! contains the expert's expected timeline as data, and the engine's events for `input.log` must
//! contain every `must` row, no `must_not` row, and nothing that is neither `must` nor `may`.
//!
//! Rows marked `known_bug` describe an engine gap: the case test accepts them loosely, and an
//! ignored test per gap checks them strictly.

mod common;

use common::{analyze_files, describe, dump, pod_key, pod_keys, second, SMALL_CHUNK};
use podlife::analysis::{Analysis, Event, Zone};
use podlife::kind::EventKind;
use podlife::level::Level;
use serde::Deserialize;
use std::path::PathBuf;

/// The expected result of one case, as written in `expected.json`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    case: String,
    /// Where the log comes from and what it shows.
    #[allow(dead_code)]
    summary: String,
    /// The year of the file's last line.
    year: i32,
    /// Every pod the engine must list, and no other.
    pods: Vec<ExpectedPod>,
    #[serde(default)]
    must_not: Vec<MustNot>,
    /// Parts of expected.md that the row format cannot express, kept for the reader.
    #[allow(dead_code)]
    #[serde(default)]
    unexpressed: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedPod {
    /// `namespace/name`.
    pod: String,
    /// A UID the pod summary must carry, when the log shows it whole.
    #[serde(default)]
    uid: Option<String>,
    #[allow(dead_code)]
    role: String,
    events: Vec<Row>,
}

/// One expected event of a pod.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Row {
    /// The whole second, `2025-05-16T18:34:39`.
    time: String,
    kind: EventKind,
    /// The level by event-kinds.md; checked when present.
    #[serde(default)]
    level: Option<Level>,
    /// Checked when present; absent where the expert names no container.
    #[serde(default)]
    container: Option<String>,
    /// The 1-based line of the event, where one line is the only evidence.
    #[serde(default)]
    line: Option<u64>,
    req: Req,
    #[allow(dead_code)]
    evidence: String,
    /// Why the row differs from expected.md, when it does.
    #[allow(dead_code)]
    #[serde(default)]
    note: Option<String>,
    /// An engine gap that makes this row fail; see the module doc.
    #[serde(default)]
    known_bug: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Req {
    Must,
    May,
}

/// A false positive the case is built to catch: no event may match every field given.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct MustNot {
    #[serde(default)]
    pod: Option<String>,
    #[serde(default)]
    kind: Option<EventKind>,
    #[serde(default)]
    level: Option<Level>,
    /// One whole second.
    #[serde(default)]
    time: Option<String>,
    /// A range of whole seconds, both ends included.
    #[serde(default)]
    from: Option<String>,
    #[serde(default)]
    to: Option<String>,
    /// Text of the source line.
    #[serde(default)]
    text: Option<String>,
    reason: String,
}

/// Whether rows marked `known_bug` are held to the full check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Known-bug rows are optional and match without container or level.
    Lenient,
    /// Known-bug rows are `must` rows like any other.
    Strict,
}

fn case_dir(case: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/cases")
        .join(case)
}

fn load(case: &str) -> (Expected, Vec<u8>) {
    let dir = case_dir(case);
    let json = std::fs::read_to_string(dir.join("expected.json"))
        .unwrap_or_else(|err| panic!("{case}: cannot read expected.json: {err}"));
    let expected: Expected = serde_json::from_str(&json)
        .unwrap_or_else(|err| panic!("{case}: expected.json is invalid: {err}"));
    assert_eq!(
        expected.case, case,
        "{case}: expected.json names another case"
    );
    for rule in &expected.must_not {
        assert!(
            rule.has_condition(),
            "{case}: must_not row ({}) has no field to match on",
            rule.reason
        );
    }
    let input = std::fs::read(dir.join("input.log"))
        .unwrap_or_else(|err| panic!("{case}: cannot read input.log: {err}"));
    (expected, input)
}

impl Row {
    /// Checks whether `event` is an instance of this row. In lenient mode a known-bug row
    /// matches on second and kind alone.
    fn matches(&self, event: &Event, mode: Mode) -> bool {
        if second_like(event, &self.time) != self.time || event.kind != self.kind {
            return false;
        }
        if self.line.is_some_and(|line| line != event.line) {
            return false;
        }
        if mode == Mode::Lenient && self.known_bug.is_some() {
            return true;
        }
        let container_ok = self
            .container
            .as_deref()
            .is_none_or(|want| event.container.as_deref() == Some(want));
        let level_ok = self.level.is_none_or(|want| event.level == want);
        container_ok && level_ok
    }

    fn is_required(&self, mode: Mode) -> bool {
        self.req == Req::Must && (mode == Mode::Strict || self.known_bug.is_none())
    }

    fn label(&self) -> String {
        format!(
            "{} {} {} container={} line={}",
            self.time,
            self.level.map_or("-", |level| level.name()),
            self.kind,
            self.container.as_deref().unwrap_or("-"),
            self.line.map_or("-".to_string(), |line| line.to_string()),
        )
    }
}

impl MustNot {
    fn has_condition(&self) -> bool {
        self.pod.is_some()
            || self.kind.is_some()
            || self.level.is_some()
            || self.time.is_some()
            || self.from.is_some()
            || self.to.is_some()
            || self.text.is_some()
    }

    fn matches(&self, analysis: &Analysis, event: &Event) -> bool {
        let like = [&self.time, &self.from, &self.to]
            .into_iter()
            .flatten()
            .next()
            .map_or("", String::as_str);
        let at = second_like(event, like);
        self.pod
            .as_ref()
            .is_none_or(|pod| *pod == pod_key(analysis, event))
            && self.kind.is_none_or(|kind| kind == event.kind)
            && self.level.is_none_or(|level| level == event.level)
            && self.time.as_ref().is_none_or(|time| *time == at)
            && self.from.as_ref().is_none_or(|from| at >= *from)
            && self.to.as_ref().is_none_or(|to| at <= *to)
            && self
                .text
                .as_ref()
                .is_none_or(|text| event.text.contains(text.as_str()))
    }
}

/// Returns the event's whole second written like `like`: in UTC with a `Z` when `like` ends
/// with one (the expected times of a journal export), else in the timeline's zone.
fn second_like(event: &Event, like: &str) -> String {
    if !like.ends_with('Z') {
        return second(event);
    }
    let offset = event.time.offset.map_or(0, |o| o.local_minus_utc());
    let utc = event.time.second() - chrono::TimeDelta::seconds(i64::from(offset));
    utc.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// Runs one case and returns every failed check, each saying which row failed.
fn check(expected: &Expected, analysis: &Analysis, mode: Mode) -> Vec<String> {
    let mut failures = Vec::new();
    check_pods(expected, analysis, &mut failures);
    for pod in &expected.pods {
        check_pod_events(pod, analysis, mode, &mut failures);
    }
    check_must_not(expected, analysis, &mut failures);
    check_clean_text(analysis, &mut failures);
    failures
}

/// Checks that the pod list is exactly the expected one, with the expected UIDs.
fn check_pods(expected: &Expected, analysis: &Analysis, failures: &mut Vec<String>) {
    let mut found = pod_keys(analysis);
    found.sort();
    let mut expected_pods: Vec<String> = expected.pods.iter().map(|p| p.pod.clone()).collect();
    expected_pods.sort();
    if found != expected_pods {
        failures.push(format!(
            "pod list: expected {expected_pods:?}, found {found:?}"
        ));
    }
    for pod in &expected.pods {
        let Some(uid) = &pod.uid else { continue };
        let summary = analysis.pods.iter().find(|p| p.key() == pod.pod);
        if summary.is_some_and(|s| !s.uids.contains(uid)) {
            failures.push(format!(
                "pod {}: UID {uid} missing from {:?}",
                pod.pod,
                summary.map(|s| &s.uids)
            ));
        }
    }
}

/// Checks that every required row is found and that every event of the pod is some row.
fn check_pod_events(
    pod: &ExpectedPod,
    analysis: &Analysis,
    mode: Mode,
    failures: &mut Vec<String>,
) {
    let events = common::events_of(analysis, &pod.pod);
    for row in pod.events.iter().filter(|row| row.is_required(mode)) {
        if !events.iter().any(|event| row.matches(event, mode)) {
            failures.push(format!(
                "pod {}: must row not found: {}",
                pod.pod,
                row.label()
            ));
        }
    }
    for event in &events {
        if !pod.events.iter().any(|row| row.matches(event, mode)) {
            failures.push(format!(
                "pod {}: event is neither must nor may: {}",
                pod.pod,
                describe(analysis, event)
            ));
        }
    }
}

fn check_must_not(expected: &Expected, analysis: &Analysis, failures: &mut Vec<String>) {
    for rule in &expected.must_not {
        for event in analysis.events.iter().filter(|e| rule.matches(analysis, e)) {
            failures.push(format!(
                "must_not ({}) matched: {}",
                rule.reason,
                describe(analysis, event)
            ));
        }
    }
}

/// Checks that no line ending or stray carriage return survives into names, containers or text.
/// A record glued from several lines (a multi-line value) keeps them apart with `\n` inside.
fn check_clean_text(analysis: &Analysis, failures: &mut Vec<String>) {
    for event in &analysis.events {
        let container = event.container.as_deref().unwrap_or("");
        if event.text.contains('\r') || event.text.ends_with('\n') || container.contains('\r') {
            failures.push(format!(
                "line ending kept in: {}",
                describe(analysis, event)
            ));
        }
    }
    for pod in &analysis.pods {
        if pod.key().contains('\r') || pod.uids.iter().any(|uid| uid.contains('\r')) {
            failures.push(format!("line ending kept in pod {:?}", pod.key()));
        }
    }
}

/// Analyzes the case in small chunks, checks that whole-file reading agrees, and asserts.
fn run_case(case: &str, mode: Mode) {
    let (expected, input) = load(case);
    let files = [("input.log", input.as_slice())];
    let analysis = analyze_files(&files, expected.year, SMALL_CHUNK);
    let whole = analyze_files(&files, expected.year, input.len());
    assert_eq!(
        analysis, whole,
        "{case}: reading in {SMALL_CHUNK}-byte chunks gives another analysis than one chunk"
    );
    let failures = check(&expected, &analysis, mode);
    assert!(
        failures.is_empty(),
        "{case}: {} failed check(s):\n  {}\nengine events:\n{}",
        failures.len(),
        failures.join("\n  "),
        dump(&analysis)
    );
}

#[test]
fn case_01_centos_syslog_v18_crashloop() {
    run_case("01-centos-syslog-v18-crashloop", Mode::Lenient);
}

#[test]
fn case_02_minikube_problems_list_static_pods() {
    run_case("02-minikube-problems-list-static-pods", Mode::Lenient);
}

#[test]
fn case_03_syslog_nopid_old_readiness_probe() {
    run_case("03-syslog-nopid-old-readiness-probe", Mode::Lenient);
}

#[test]
fn case_05_less_truncated_deployment_rollout() {
    run_case("05-less-truncated-deployment-rollout", Mode::Lenient);
}

#[test]
fn case_07_aks_liveness_exec_restart() {
    run_case("07-aks-liveness-exec-restart", Mode::Lenient);
}

#[test]
fn case_07_restarted_container_is_named() {
    run_case("07-aks-liveness-exec-restart", Mode::Strict);
}

#[test]
fn case_08_aks_syslog_containerd_create_delete() {
    run_case("08-aks-syslog-containerd-create-delete", Mode::Lenient);
}

/// The pasted grep outputs repeat lines and jump back in time: each line counts once, and the
/// events come out in time order.
#[test]
fn case_08_repeated_lines_count_once() {
    let (expected, input) = load("08-aks-syslog-containerd-create-delete");
    let analysis = analyze_files(
        &[("input.log", input.as_slice())],
        expected.year,
        SMALL_CHUNK,
    );
    let times: Vec<_> = analysis.events.iter().map(|event| event.time).collect();
    assert!(
        times.windows(2).all(|pair| pair[0] <= pair[1]),
        "{}",
        dump(&analysis)
    );
    let mut texts: Vec<(&str, EventKind)> = analysis
        .events
        .iter()
        .map(|event| (event.text.as_str(), event.kind))
        .collect();
    let all = texts.len();
    texts.sort();
    texts.dedup();
    assert_eq!(texts.len(), all, "{}", dump(&analysis));
}

#[test]
fn case_10_aks_azurefile_mount_failure() {
    run_case("10-aks-azurefile-mount-failure", Mode::Lenient);
}

#[test]
fn case_14_k3s_combined_crashloop() {
    run_case("14-k3s-combined-crashloop", Mode::Lenient);
}

#[test]
fn case_16_windows_raw_klog_sandbox_crlf() {
    run_case("16-windows-raw-klog-sandbox-crlf", Mode::Lenient);
}

#[test]
fn case_18_journal_json_multiline_probe() {
    run_case("18-journal-json-multiline-probe", Mode::Lenient);
}

/// The probe output's continuation entries are glued onto the probe failure. The result is one
/// event whose text contains all four entries, and the entries get no event of their own.
#[test]
fn case_18_continuations_are_glued() {
    let (expected, input) = load("18-journal-json-multiline-probe");
    let analysis = analyze_files(
        &[("input.log", input.as_slice())],
        expected.year,
        SMALL_CHUNK,
    );
    let failures: Vec<&Event> = analysis
        .events
        .iter()
        .filter(|event| event.kind == EventKind::ReadinessProbeFailed)
        .collect();
    assert_eq!(failures.len(), 1, "{}", dump(&analysis));
    assert_eq!(failures[0].text.lines().count(), 4);
    assert!(failures[0].text.contains("psql: error"));
    let continuation = analysis
        .events
        .iter()
        .filter(|event| event.line != failures[0].line && event.text.contains("psql: error"));
    assert_eq!(continuation.count(), 0);
}

/// The journal's UTC times and the klog headers' local times put the node at UTC+05:30, and
/// the timeline shows that zone.
#[test]
fn case_18_timeline_is_in_the_node_zone() {
    let (expected, input) = load("18-journal-json-multiline-probe");
    let analysis = analyze_files(
        &[("input.log", input.as_slice())],
        expected.year,
        SMALL_CHUNK,
    );
    assert_eq!(analysis.zone, Zone::Node { seconds: 19_800 });
    let added = analysis
        .events
        .iter()
        .find(|event| event.kind == EventKind::PodAdded)
        .unwrap();
    assert_eq!(added.time.iso(), "2025-06-12T15:04:05.118614+05:30");
}

/// Every case folder with an expected.json has a test above, so a new case is not forgotten.
#[test]
fn every_case_with_expectations_is_tested() {
    const TESTED: [&str; 10] = [
        "01-centos-syslog-v18-crashloop",
        "02-minikube-problems-list-static-pods",
        "03-syslog-nopid-old-readiness-probe",
        "05-less-truncated-deployment-rollout",
        "07-aks-liveness-exec-restart",
        "08-aks-syslog-containerd-create-delete",
        "10-aks-azurefile-mount-failure",
        "14-k3s-combined-crashloop",
        "16-windows-raw-klog-sandbox-crlf",
        "18-journal-json-multiline-probe",
    ];
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cases");
    let mut found: Vec<String> = std::fs::read_dir(&root)
        .expect("tests/fixtures/cases is readable")
        .filter_map(|entry| entry.ok())
        .filter(|entry| entry.path().join("expected.json").exists())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    found.sort();
    assert_eq!(
        found, TESTED,
        "a case folder has expected.json but no test, or the reverse"
    );
}
