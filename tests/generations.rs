//! Per-generation rule tests. Each file in `tests/fixtures/generations/` renders pod lifecycles
//! in the message templates of one kubelet generation: printf up to 1.20, then the structured
//! renderings of 1.21, 1.22, 1.24, 1.26, 1.27 and 1.28+, and the 1.28+ lines again as
//! `--logging-format=json` records. One more file mixes kubelet, containerd and kernel lines in
//! a syslog. After every log line a fixture lists the events that line must give.
//!
//! Fixture format: `#! year YYYY` sets the year of the last line; `#> KIND POD CONTAINER LEVEL`
//! (with `-` for no container, and `node` as POD for an event of the node lane) follows a log
//! line once per expected event, and `#> none` marks a line that must give none. Other `#`
//! lines are comments. The expectations belong to the nearest record line above: a line with a
//! klog header, a kubelet JSON record, or a containerd or kernel line. Continuation lines of a
//! multi-line value (`output=<`) therefore expect nothing. Every kubelet file is checked as
//! written and re-wrapped in each of the six wrappers (rsyslog traditional, journalctl short-iso,
//! short-precise, short under a Chinese locale and json, and bare klog as in klog files and
//! `journalctl -o cat`). The JSON file is re-wrapped in the three text wrappers with a prefix.

mod common;

use common::{analyze_text, describe, dump, pod_key, second};
use podlife::analysis::Analysis;
use podlife::kind::EventKind;
use podlife::level::Level;
use regex::Regex;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::OnceLock;

/// The POD column of an expectation for an event of the node lane.
const NODE: &str = "node";

/// One expected event: kind, pod key (or [`NODE`]), container and level.
type Expectation = (EventKind, String, Option<String>, Level);

/// A fixture file split into its log text and the expected events per line.
struct Fixture {
    text: String,
    year: i32,
    /// 1-based line number of every line with a klog header, to its expected events.
    expected: BTreeMap<u64, Vec<Expectation>>,
    /// 1-based line number of every line with a klog header, to the header's second as
    /// `MM-DDTHH:MM:SS`.
    header_seconds: BTreeMap<u64, String>,
}

/// The log writers a line can be re-wrapped in.
#[derive(Debug, Clone, Copy)]
enum Wrapper {
    Syslog,
    ShortIso,
    ShortPrecise,
    /// journalctl `short` under a Chinese locale: `9月 09 07:00:01 host kubelet[1]: …`.
    ChineseShort,
    /// `journalctl -o json`: the line in `MESSAGE`, UTC microseconds in `__REALTIME_TIMESTAMP`.
    JournalJson,
    /// Bare klog, as in a kubelet log file or `journalctl -o cat`.
    BareKlog,
}

const WRAPPERS: [Wrapper; 6] = [
    Wrapper::Syslog,
    Wrapper::ShortIso,
    Wrapper::ShortPrecise,
    Wrapper::ChineseShort,
    Wrapper::JournalJson,
    Wrapper::BareKlog,
];

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Matches a klog header anywhere in a line: severity, month, day, time, fraction.
fn klog_header() -> &'static Regex {
    static HEADER: OnceLock<Regex> = OnceLock::new();
    HEADER.get_or_init(|| {
        Regex::new(r"[IWEF](\d\d)(\d\d) (\d\d:\d\d:\d\d)\.(\d{6}) +\d+ [^ \]]+:\d+\] ")
            .expect("valid header regex")
    })
}

/// Matches the wrapper in front of a continuation line (a line without klog header).
fn wrapper_prefix() -> &'static Regex {
    static PREFIX: OnceLock<Regex> = OnceLock::new();
    PREFIX.get_or_init(|| {
        Regex::new(
            r"^(?:[A-Z][a-z]{2} [ 0-9]\d \d\d:\d\d:\d\d(?:\.\d+)?|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?) \S+ [^ :]+: ",
        )
        .expect("valid prefix regex")
    })
}

/// Matches a containerd or kernel line in an rsyslog traditional wrapper: month, day, time.
fn runtime_line() -> &'static Regex {
    static RUNTIME: OnceLock<Regex> = OnceLock::new();
    RUNTIME.get_or_init(|| {
        Regex::new(
            r"^([A-Z][a-z]{2}) ([ 0-9]\d) (\d\d:\d\d:\d\d) \S+ (?:containerd|kernel)(?:\[\d+\])?: ",
        )
        .expect("valid runtime line regex")
    })
}

/// Returns the time of a kubelet JSON record from its `ts` (epoch milliseconds) as month
/// (1-based), day, `HH:MM:SS` and microseconds, in UTC. `None` when `body` is no JSON record.
fn json_stamp(body: &str) -> Option<(usize, u32, String, String)> {
    let rest = body.strip_prefix(r#"{"ts":"#)?;
    let end = rest.find(|c: char| c != '.' && !c.is_ascii_digit())?;
    let millis: f64 = rest[..end].parse().ok()?;
    let micros_total = (millis * 1000.0).round() as i64;
    let time = chrono::DateTime::from_timestamp_micros(micros_total)?;
    Some((
        time.format("%m").to_string().parse().ok()?,
        time.format("%d").to_string().parse().ok()?,
        time.format("%H:%M:%S").to_string(),
        time.format("%6f").to_string(),
    ))
}

/// Returns a record line's whole second as `MM-DDTHH:MM:SS`: from its klog header, its JSON
/// `ts`, or the syslog prefix of a containerd or kernel line. `None` for other lines.
fn record_second(line: &str) -> Option<String> {
    if let Some(caps) = klog_header().captures(line) {
        return Some(format!("{}-{}T{}", &caps[1], &caps[2], &caps[3]));
    }
    let body = wrapper_prefix()
        .find(line)
        .map_or(line, |prefix| &line[prefix.end()..]);
    if let Some((month, day, clock, _)) = json_stamp(body) {
        return Some(format!("{month:02}-{day:02}T{clock}"));
    }
    let caps = runtime_line().captures(line)?;
    let month = MONTHS.iter().position(|m| *m == &caps[1])? + 1;
    let day: u32 = caps[2].trim().parse().ok()?;
    Some(format!("{month:02}-{day:02}T{}", &caps[3]))
}

fn fixture_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/generations")
}

/// Parses one `#> KIND POD CONTAINER LEVEL` expectation.
fn parse_expectation(file: &str, number: usize, text: &str) -> Expectation {
    let parts: Vec<&str> = text.split_whitespace().collect();
    let [kind, pod, container, level] = parts[..] else {
        panic!(
            "{file}:{number}: expectation {text:?} is invalid: expected KIND POD CONTAINER LEVEL"
        );
    };
    let kind = kind
        .parse()
        .unwrap_or_else(|err| panic!("{file}:{number}: {err}"));
    let level = level
        .parse()
        .unwrap_or_else(|err| panic!("{file}:{number}: {err}"));
    let container = (container != "-").then(|| container.to_string());
    (kind, pod.to_string(), container, level)
}

/// Reads and parses a fixture file.
fn load(name: &str) -> Fixture {
    let text = std::fs::read_to_string(fixture_dir().join(name))
        .unwrap_or_else(|err| panic!("{name}: cannot read fixture: {err}"));
    let mut fixture = Fixture {
        text: text.clone(),
        year: 0,
        expected: BTreeMap::new(),
        header_seconds: BTreeMap::new(),
    };
    let mut record: Option<u64> = None;
    for (index, line) in text.lines().enumerate() {
        let number = index as u64 + 1;
        if let Some(year) = line.strip_prefix("#! year ") {
            fixture.year = year.trim().parse().expect("a numeric year");
        } else if let Some(expectation) = line.strip_prefix("#> ") {
            let record = record
                .unwrap_or_else(|| panic!("{name}:{number}: expectation before any log line"));
            let events = fixture.expected.entry(record).or_default();
            if expectation.trim() != "none" {
                events.push(parse_expectation(name, index + 1, expectation));
            }
        } else if let Some(second) = record_second(line) {
            record = Some(number);
            fixture.expected.entry(number).or_default();
            fixture.header_seconds.insert(number, second);
        }
    }
    assert!(fixture.year > 0, "{name}: missing `#! year YYYY` line");
    fixture
}

/// Rewrites every log line of `text` in `wrapper`, keeping line numbers and comments.
fn rewrap(text: &str, year: i32, wrapper: Wrapper) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last_stamp: Option<(usize, u32, String, String)> = None;
    for line in text.lines() {
        if line.starts_with('#') || line.is_empty() {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        let unwrapped = wrapper_prefix()
            .find(line)
            .map_or(line, |prefix| &line[prefix.end()..]);
        let body = match klog_header().captures(line) {
            Some(caps) => {
                let start = caps.get(0).expect("whole match").start();
                let month: usize = caps[1].parse().expect("month digits");
                let day: u32 = caps[2].parse().expect("day digits");
                last_stamp = Some((month, day, caps[3].to_string(), caps[4].to_string()));
                &line[start..]
            }
            None => {
                if let Some(stamp) = json_stamp(unwrapped) {
                    last_stamp = Some(stamp);
                }
                unwrapped
            }
        };
        let (month, day, clock, micros) = last_stamp
            .clone()
            .expect("a continuation line follows a line with a klog header");
        let prefix = match wrapper {
            Wrapper::Syslog => format!(
                "{} {day:2} {clock} worker-7 kubelet[4242]: ",
                MONTHS[month - 1]
            ),
            Wrapper::ShortIso => {
                format!("{year}-{month:02}-{day:02}T{clock}+0000 worker-7 kubelet[4242]: ")
            }
            Wrapper::ShortPrecise => {
                format!(
                    "{} {day:02} {clock}.{micros} worker-7 kubelet[4242]: ",
                    MONTHS[month - 1]
                )
            }
            Wrapper::ChineseShort => {
                format!("{month}月 {day:02} {clock} worker-7 kubelet[4242]: ")
            }
            Wrapper::JournalJson => {
                out.push_str(&journal_entry(year, (month, day, &clock, &micros), body));
                out.push('\n');
                continue;
            }
            Wrapper::BareKlog => String::new(),
        };
        out.push_str(&prefix);
        out.push_str(body);
        out.push('\n');
    }
    out
}

/// Writes `body` as a `journalctl -o json` entry of the kubelet at the given stamp, taken as UTC.
fn journal_entry(
    year: i32,
    (month, day, clock, micros): (usize, u32, &str, &str),
    body: &str,
) -> String {
    let time = format!("{year}-{month:02}-{day:02}T{clock}.{micros}Z");
    let realtime = chrono::DateTime::parse_from_rfc3339(&time)
        .expect("a valid stamp")
        .timestamp_micros();
    serde_json::json!({
        "__REALTIME_TIMESTAMP": realtime.to_string(),
        "_HOSTNAME": "worker-7",
        "SYSLOG_IDENTIFIER": "kubelet",
        "_PID": "4242",
        "MESSAGE": body,
    })
    .to_string()
}

/// Returns every mismatch between the fixture's expectations and the analysis of `text`, and
/// the analysis's events for the report.
fn check(fixture: &Fixture, text: &str) -> (Vec<String>, String) {
    let analysis = analyze_text(text, fixture.year);
    let mut failures = Vec::new();
    let mut actual: BTreeMap<u64, Vec<Expectation>> = BTreeMap::new();
    for event in &analysis.events {
        let container = event.container.clone();
        let entry = (
            event.kind,
            pod_key(&analysis, event),
            container,
            event.level,
        );
        actual.entry(event.line).or_default().push(entry);
        check_time(fixture, &analysis, event, &mut failures);
    }
    for event in &analysis.node_events {
        let entry = (
            event.kind,
            NODE.to_string(),
            event.container.clone(),
            event.level,
        );
        actual.entry(event.line).or_default().push(entry);
        check_time(fixture, &analysis, event, &mut failures);
    }
    for (line, expected) in &fixture.expected {
        let mut expected = expected.clone();
        expected.sort();
        let mut found = actual.remove(line).unwrap_or_default();
        found.sort();
        if found != expected {
            failures.push(format!(
                "line {line}: expected {}, found {}",
                show(&expected),
                show(&found)
            ));
        }
    }
    for (line, found) in actual {
        failures.push(format!(
            "line {line} is no record line but gives {}",
            show(&found)
        ));
    }
    (failures, dump(&analysis))
}

/// Checks that an event has the second of its own record line, in the fixture's year.
fn check_time(
    fixture: &Fixture,
    analysis: &Analysis,
    event: &podlife::analysis::Event,
    failures: &mut Vec<String>,
) {
    let Some(header) = fixture.header_seconds.get(&event.line) else {
        return;
    };
    let expected = format!("{}-{header}", fixture.year);
    if second(event) != expected {
        failures.push(format!(
            "line {}: time {} instead of {expected}: {}",
            event.line,
            second(event),
            describe(analysis, event)
        ));
    }
}

fn show(events: &[Expectation]) -> String {
    if events.is_empty() {
        return "nothing".to_string();
    }
    let parts: Vec<String> = events
        .iter()
        .map(|(kind, pod, container, level)| {
            format!(
                "{kind} {pod} {} {level}",
                container.as_deref().unwrap_or("-")
            )
        })
        .collect();
    format!("[{}]", parts.join(", "))
}

/// Checks a fixture as written and in each of `wrappers`. Variants that fail the same way are
/// reported together, with the events of the file as written.
fn run_fixture(name: &str, wrappers: &[Wrapper]) {
    let fixture = load(name);
    let expected_events: usize = fixture.expected.values().map(Vec::len).sum();
    assert!(
        expected_events > 0,
        "{name}: the fixture expects no event at all"
    );

    let (written, events) = check(&fixture, &fixture.text);
    let mut groups: Vec<(Vec<String>, Vec<String>)> = Vec::new();
    let mut add = |label: String, failures: Vec<String>| {
        if failures.is_empty() {
            return;
        }
        match groups.iter_mut().find(|(known, _)| *known == failures) {
            Some((_, labels)) => labels.push(label),
            None => groups.push((failures, vec![label])),
        }
    };
    add("as written".to_string(), written);
    for &wrapper in wrappers {
        let (failures, _) = check(&fixture, &rewrap(&fixture.text, fixture.year, wrapper));
        add(format!("re-wrapped as {wrapper:?}"), failures);
    }
    let report: Vec<String> = groups
        .iter()
        .map(|(failures, labels)| {
            format!(
                "{name} ({}): {} mismatch(es):\n  {}",
                labels.join(", "),
                failures.len(),
                failures.join("\n  ")
            )
        })
        .collect();
    assert!(
        report.is_empty(),
        "{}\nengine events as written:\n{events}",
        report.join("\n\n")
    );
}

/// Checks a kubelet fixture as written and in every wrapper.
fn run_generation(name: &str) {
    run_fixture(name, &WRAPPERS);
}

/// The kubelet generation fixtures, oldest first.
const GENERATIONS: [&str; 8] = [
    "printf-1.15-1.20.syslog.log",
    "structured-1.21.journal-short-iso.log",
    "structured-1.22-1.23.syslog.log",
    "structured-1.24-1.25.journal-short-precise.log",
    "structured-1.26.klog.log",
    "structured-1.27.syslog.log",
    "structured-1.28-plus.journal-short-iso.log",
    JSON_LOGGING,
];

/// The 1.28+ fixture as kubelet `--logging-format=json` records, one per line.
const JSON_LOGGING: &str = "json-logging-1.28-plus.kubelet-json.log";

/// kubelet, containerd and kernel lines in one rsyslog file.
const RUNTIME: &str = "containerd-kernel.syslog.log";

#[test]
fn generation_printf_1_15_to_1_20() {
    run_generation(GENERATIONS[0]);
}

#[test]
fn generation_structured_1_21() {
    run_generation(GENERATIONS[1]);
}

#[test]
fn generation_structured_1_22_to_1_23() {
    run_generation(GENERATIONS[2]);
}

#[test]
fn generation_structured_1_24_to_1_25() {
    run_generation(GENERATIONS[3]);
}

#[test]
fn generation_structured_1_26() {
    run_generation(GENERATIONS[4]);
}

#[test]
fn generation_structured_1_27() {
    run_generation(GENERATIONS[5]);
}

#[test]
fn generation_structured_1_28_plus() {
    run_generation(GENERATIONS[6]);
}

#[test]
fn generation_json_logging() {
    run_fixture(
        JSON_LOGGING,
        &[Wrapper::Syslog, Wrapper::ShortIso, Wrapper::ShortPrecise],
    );
}

#[test]
fn containerd_and_kernel_lines() {
    run_fixture(RUNTIME, &[]);
}

/// Returns the kinds that the generation of fixture `name` writes no line for. Every other kind
/// must be expected by some line of every generation; docs/rules-coverage.md gives the reasons.
fn kinds_without_template(name: &str) -> &'static [EventKind] {
    use EventKind::*;
    match name {
        // No "must be killed" line, no pod_workers teardown lines, no graceful node shutdown,
        // and no "SyncLoop (probe)" line for readiness before the structured kubelet.
        "printf-1.15-1.20.syslog.log" => &[
            PodKillRequired,
            PodTerminating,
            NodeShutdownKill,
            ReadinessChanged,
        ],
        // "Pod has been deleted and must be killed" and the teardown lines came with 1.22.
        "structured-1.21.journal-short-iso.log" => &[PodKillRequired, PodTerminating],
        _ => &[],
    }
}

/// The kinds that containerd's and the kernel's lines give.
const RUNTIME_KINDS: [EventKind; 8] = [
    EventKind::SandboxCreated,
    EventKind::SandboxCreateFailed,
    EventKind::ContainerCreated,
    EventKind::ContainerStarted,
    EventKind::ContainerStartFailed,
    EventKind::SandboxStopped,
    EventKind::OOMKilled,
    EventKind::SystemOOM,
];

/// Returns the kinds that some line of a fixture expects.
fn expected_kinds(name: &str) -> BTreeSet<EventKind> {
    let fixture = load(name);
    fixture.expected.values().flatten().map(|e| e.0).collect()
}

/// Every kind of the reference table appears in every generation that has a template for it,
/// and a kind listed as without template does not.
#[test]
fn generation_fixtures_cover_every_kind() {
    let mut names: Vec<String> = std::fs::read_dir(fixture_dir())
        .expect("tests/fixtures/generations is readable")
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".log"))
        .collect();
    names.sort();
    let mut known: Vec<String> = GENERATIONS.iter().map(|n| n.to_string()).collect();
    known.push(RUNTIME.to_string());
    known.sort();
    assert_eq!(names, known, "one fixture per generation");

    for name in GENERATIONS {
        let kinds = expected_kinds(name);
        let absent = kinds_without_template(name);
        for &kind in EventKind::ALL {
            if absent.contains(&kind) {
                assert!(
                    !kinds.contains(&kind),
                    "{name}: {kind} has no template in this generation"
                );
            } else {
                assert!(kinds.contains(&kind), "{name}: no line expects {kind}");
            }
        }
    }
    let kinds = expected_kinds(RUNTIME);
    for kind in RUNTIME_KINDS {
        assert!(kinds.contains(&kind), "{RUNTIME}: no line expects {kind}");
    }
}

/// Returns whether a log line names the pod `key` itself: by reference, UID or one of its
/// container or sandbox IDs, not by a pod with a longer name or a namespace of that name.
fn names_pod(line: &str, key: &str) -> bool {
    let markers: &[&str] = match key {
        "shop/web-1" => &[
            "shop/web-1\"",
            "shop/web-1 ",
            "shop/web-1]",
            r#"{"name":"web-1","namespace":"shop"}"#,
            "web-1_shop(",
            "Namespace:\"shop\", Name:\"web-1\"",
            "4b8e2f10-93c1-4d6a-a7e5-1f20c3d4e5a6",
            "4b8e2f10_93c1_4d6a_a7e5_1f20c3d4e5a6",
            "591757e1063f45d3dedb5af7b9cfe120718af3a2b1dae094bfd990cfdfab17c6",
            "550ec9dd61621a4eef22e0a112ba69caddc8a96cede436a85099f775d7015d7b",
            "3e9a0c5b7d1f2e4a6c8b0d2f4a6c8e0b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a2c",
            "a0b1c2d3e4f5061728394a5b6c7d8e9fa0b1c2d3e4f5061728394a5b6c7d8e9f",
        ],
        "web-1/web-1" => &[
            "web-1/web-1\"",
            "web-1/web-1]",
            "web-1_web-1(",
            "Namespace:web-1,",
            r#"{"name":"web-1","namespace":"web-1"}"#,
        ],
        _ => return true,
    };
    markers.iter().any(|marker| line.contains(marker))
}

/// A pod `web-1` sits beside `web-10`, `web-1-backup-x` and a namespace called `web-1`: no
/// event of `shop/web-1` or `web-1/web-1` comes from a line that names only one of the others.
#[test]
fn web_1_events_stay_with_web_1() {
    for name in GENERATIONS.iter().chain([&RUNTIME]) {
        let fixture = load(name);
        let lines: Vec<&str> = fixture.text.lines().collect();
        let analysis = analyze_text(&fixture.text, fixture.year);
        for event in &analysis.events {
            let key = pod_key(&analysis, event);
            let line = lines[event.line as usize - 1];
            assert!(
                names_pod(line, &key),
                "{name}:{}: {} of {key} from a line that does not name it: {line}",
                event.line,
                event.kind
            );
        }
    }
}

/// Returns the kubelet messages of a text fixture in order, each multi-line value glued back
/// onto its record.
fn klog_messages(text: &str) -> Vec<String> {
    let mut messages: Vec<String> = Vec::new();
    for line in text.lines().filter(|line| !line.starts_with('#')) {
        match klog_header().find(line) {
            Some(header) => messages.push(line[header.end()..].to_string()),
            None => {
                let part = wrapper_prefix()
                    .find(line)
                    .map_or(line, |p| &line[p.end()..]);
                if let Some(last) = messages.last_mut() {
                    last.push('\n');
                    last.push_str(part);
                }
            }
        }
    }
    messages
}

/// Returns a structured message as its text and its fields by name, values unquoted. A printf
/// message (klog's `Infof`, which JSON logging writes as a bare `msg`) has no fields.
fn fields_of(message: &str) -> (String, BTreeMap<String, String>) {
    let Some(parsed) = podlife::message::parse_structured(message) else {
        return (message.to_string(), BTreeMap::new());
    };
    let fields = parsed
        .fields
        .iter()
        .map(|field| (field.key.to_string(), field.text().into_owned()))
        .collect();
    (parsed.message.into_owned(), fields)
}

/// The JSON-logging fixture was made from the 1.28+ fixture. The two must match record by
/// record, so an edit to one cannot leave the other behind.
#[test]
fn json_logging_fixture_mirrors_the_1_28_fixture() {
    let text = load(GENERATIONS[6]).text;
    let json = load(JSON_LOGGING).text;
    let from_text = klog_messages(&text);
    let from_json: Vec<String> = json
        .lines()
        .filter(|line| line.starts_with('{'))
        .map(|line| {
            podlife::input::jsonlog::parse_kubelet_json(line)
                .unwrap_or_else(|| panic!("not a kubelet JSON record: {line}"))
                .message
        })
        .collect();
    assert_eq!(from_text.len(), from_json.len(), "record counts differ");
    for (index, (text, json)) in from_text.iter().zip(&from_json).enumerate() {
        assert_eq!(
            fields_of(text),
            fields_of(json),
            "record {} differs:\n  text: {text}\n  json: {json}",
            index + 1
        );
    }
}
