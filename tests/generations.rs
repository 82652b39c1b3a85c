//! Per-generation rule tests. Each file in `tests/fixtures/generations/` renders one pod
//! lifecycle in the message templates of one kubelet generation: printf up to 1.20, then the
//! structured renderings of 1.21, 1.22, 1.24, 1.26, 1.27 and 1.28+. After every log line it
//! lists the events that line must give.
//!
//! Fixture format: `#! year YYYY` sets the year of the last line; `#> KIND POD CONTAINER LEVEL`
//! (with `-` for no container) follows a log line once per expected event, and `#> none` marks
//! a line that must give none. Other `#` lines are comments. The expectations belong to the
//! nearest log line above that carries a klog header, so continuation lines of a multi-line
//! value (`output=<`) expect nothing. Every file is checked as written and re-wrapped in each of
//! the four wrappers (rsyslog traditional, journalctl short-iso and short-precise, bare klog).

mod common;

use common::{analyze_text, describe, dump, pod_key, second};
use podlife::analysis::Analysis;
use podlife::kind::EventKind;
use podlife::level::Level;
use regex::Regex;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::OnceLock;

/// One expected event: kind, pod key, container and level.
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
    BareKlog,
}

const WRAPPERS: [Wrapper; 4] = [
    Wrapper::Syslog,
    Wrapper::ShortIso,
    Wrapper::ShortPrecise,
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
        } else if let Some(caps) = klog_header().captures(line) {
            record = Some(number);
            fixture.expected.entry(number).or_default();
            fixture
                .header_seconds
                .insert(number, format!("{}-{}T{}", &caps[1], &caps[2], &caps[3]));
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
        let body = match klog_header().captures(line) {
            Some(caps) => {
                let start = caps.get(0).expect("whole match").start();
                let month: usize = caps[1].parse().expect("month digits");
                let day: u32 = caps[2].parse().expect("day digits");
                last_stamp = Some((month, day, caps[3].to_string(), caps[4].to_string()));
                &line[start..]
            }
            None => wrapper_prefix()
                .find(line)
                .map_or(line, |prefix| &line[prefix.end()..]),
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
            Wrapper::BareKlog => String::new(),
        };
        out.push_str(&prefix);
        out.push_str(body);
        out.push('\n');
    }
    out
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
            "line {line} has no klog header but gives {}",
            show(&found)
        ));
    }
    for event in &analysis.node_events {
        failures.push(format!(
            "unexpected node event: {}",
            describe(&analysis, event)
        ));
    }
    (failures, dump(&analysis))
}

/// Checks that an event has the second of its own klog header, in the fixture's year.
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

/// Checks a fixture as written and in every wrapper. Variants that fail the same way are
/// reported together, with the events of the file as written.
fn run_generation(name: &str) {
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
    for wrapper in WRAPPERS {
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

#[test]
fn generation_printf_1_15_to_1_20() {
    run_generation("printf-1.15-1.20.syslog.log");
}

#[test]
fn generation_structured_1_21() {
    run_generation("structured-1.21.journal-short-iso.log");
}

#[test]
fn generation_structured_1_22_to_1_23() {
    run_generation("structured-1.22-1.23.syslog.log");
}

#[test]
fn generation_structured_1_24_to_1_25() {
    run_generation("structured-1.24-1.25.journal-short-precise.log");
}

#[test]
fn generation_structured_1_26() {
    run_generation("structured-1.26.klog.log");
}

#[test]
fn generation_structured_1_27() {
    run_generation("structured-1.27.syslog.log");
}

#[test]
fn generation_structured_1_28_plus() {
    run_generation("structured-1.28-plus.journal-short-iso.log");
}

/// Every kind that the generation tests must cover appears in every generation that has a
/// template for it.
#[test]
fn generation_fixtures_cover_every_kind() {
    use EventKind::*;
    let required = [
        PodAdded,
        PodUpdated,
        PodDeleted,
        PodRemoved,
        PodRecreated,
        PodKillRequired,
        PodGoneFromServer,
        SandboxNeeded,
        SandboxCreated,
        SandboxCreateFailed,
        ContainerCreated,
        ContainerStarted,
        ContainerDied,
        ContainerExited,
        ContainerKilled,
        ContainerRestarting,
        BackOffRestart,
        ReadinessProbeFailed,
        LivenessProbeFailed,
        StartupProbeFailed,
        ProbeSucceeded,
        ContainersNotReady,
        MountFailed,
        ImagePullFailed,
    ];
    let mut names: Vec<String> = std::fs::read_dir(fixture_dir())
        .expect("tests/fixtures/generations is readable")
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".log"))
        .collect();
    names.sort();
    assert_eq!(names.len(), 7, "one fixture per generation: {names:?}");
    for name in names {
        let fixture = load(&name);
        let kinds: Vec<EventKind> = fixture.expected.values().flatten().map(|e| e.0).collect();
        for kind in required {
            // The kubelet logs "Pod has been deleted and must be killed" from 1.22 on.
            if kind == PodKillRequired && (name.starts_with("printf") || name.contains("1.21.")) {
                assert!(
                    !kinds.contains(&kind),
                    "{name}: {kind} has no template in this generation"
                );
                continue;
            }
            assert!(kinds.contains(&kind), "{name}: no line expects {kind}");
        }
    }
}
