//! Trap tests: the pitfalls that a naive grep of node logs falls into, each on a small synthetic
//! input written from the kubelet's message templates, one test per trap.

mod common;

use common::{
    analyze_bytes, analyze_files, analyze_text, describe, dump, events_of, pod_keys, second,
};
use podlife::analysis::{Analysis, Event, InputIssue};
use podlife::kind::EventKind;
use podlife::level::Level;

const UID_WEB_1: &str = "5e1f0a2b-7c3d-4e5f-8a9b-0c1d2e3f4a5b";
const UID_WEB_10: &str = "6a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d";
const UID_BACKUP: &str = "0f1e2d3c-4b5a-4968-8776-655443322110";
const UID_DB: &str = "9d8c7b6a-5f4e-4d3c-8b2a-190817263544";

/// Builds a syslog line of 7 April at `time` (`hh:mm:ss.uuuuuu`) around a klog header of the
/// same time, written from the Go source position `source`, and `message`.
fn syslog_from(source: &str, time: &str, severity: char, message: &str) -> String {
    format!(
        "Apr  7 {} worker-3 kubelet[2211]: {severity}0407 {time}    2211 {source}] {message}\n",
        &time[..8]
    )
}

/// Builds a syslog line as [`syslog_from`] does, from `kubelet.go`.
fn syslog(time: &str, severity: char, message: &str) -> String {
    syslog_from("kubelet.go:2440", time, severity, message)
}

/// Returns the kinds of `events` with their 1-based lines, in order.
fn kinds_and_lines(events: &[&Event]) -> Vec<(EventKind, u64)> {
    events
        .iter()
        .map(|event| (event.kind, event.line))
        .collect()
}

/// Returns the events of one kind.
fn of_kind(analysis: &Analysis, kind: EventKind) -> Vec<&Event> {
    analysis
        .events
        .iter()
        .filter(|event| event.kind == kind)
        .collect()
}

/// Returns the index of the pod with this key, failing the test when it is missing.
fn pod_index(analysis: &Analysis, key: &str) -> usize {
    analysis
        .pods
        .iter()
        .position(|pod| pod.key() == key)
        .unwrap_or_else(|| {
            panic!(
                "pod {key} not found; pods: {:?}\n{}",
                pod_keys(analysis),
                dump(analysis)
            )
        })
}

/// Builds the input of the pod-name prefix trap: `shop/web-1`, `shop/web-10`,
/// `shop/web-1-backup-x` and a namespace called `web-1`, in printf and structured lines.
fn prefix_input() -> String {
    let lines = [
        // 1-4: one ADD per pod.
        syslog(
            "08:00:01.100001",
            'I',
            r#""SyncLoop ADD" source="api" pods=["shop/web-1"]"#,
        ),
        syslog(
            "08:00:01.200001",
            'I',
            r#""SyncLoop ADD" source="api" pods=["shop/web-10"]"#,
        ),
        syslog(
            "08:00:01.300001",
            'I',
            r#""SyncLoop ADD" source="api" pods=["shop/web-1-backup-x"]"#,
        ),
        syslog(
            "08:00:01.400001",
            'I',
            r#""SyncLoop ADD" source="api" pods=["web-1/db-0"]"#,
        ),
        // 5: web-10's probe, in a container that is itself called web-1.
        syslog(
            "08:00:05.000001",
            'I',
            &format!(
                r#""Probe failed" probeType="Readiness" pod="shop/web-10" podUID="{UID_WEB_10}" containerName="web-1" probeResult="failure" output="HTTP probe failed with statuscode: 503""#
            ),
        ),
        // 6: a pod in the namespace web-1.
        syslog(
            "08:00:06.000001",
            'I',
            &format!(
                r#""Killing container with a grace period" pod="web-1/db-0" podUID="{UID_DB}" containerName="web-1" containerID="containerd://aa11bb22cc33" gracePeriod=30"#
            ),
        ),
        // 7: printf references of web-1-backup-x and web-10.
        syslog(
            "08:00:07.000001",
            'I',
            &format!(
                r#"Readiness probe for "web-1-backup-x_shop({UID_BACKUP}):web-1" failed (failure): Get http://10.1.2.3:8080/ready: connection refused"#
            ),
        ),
        syslog(
            "08:00:08.000001",
            'I',
            &format!(r#"SyncLoop (DELETE, "api"): "web-10_shop({UID_WEB_10})""#),
        ),
        // 9: web-10's volume line names the pod without namespace.
        syslog_from(
            "nestedpendingoperations.go:348",
            "08:00:09.000001",
            'E',
            &format!(
                r#"Operation for "{{volumeName:kubernetes.io/secret/{UID_WEB_10}-cfg podName:{UID_WEB_10} nodeName:}}" failed. No retries permitted until 2025-04-07 08:00:09.5 +0000 UTC m=+100.1 (durationBeforeRetry 500ms). Error: MountVolume.SetUp failed for volume "cfg" (UniqueName: "kubernetes.io/secret/{UID_WEB_10}-cfg") pod "web-10" (UID: "{UID_WEB_10}") : secret "cfg" not found"#
            ),
        ),
        // 10-11: web-1's own events.
        syslog(
            "08:00:10.000001",
            'I',
            &format!(
                r#""Probe failed" probeType="Liveness" pod="shop/web-1" podUID="{UID_WEB_1}" containerName="app" probeResult="failure" output="timeout""#
            ),
        ),
        syslog(
            "08:00:11.000001",
            'I',
            &format!(r#"SyncLoop (DELETE, "api"): "web-1_shop({UID_WEB_1})""#),
        ),
    ];
    lines.concat()
}

#[test]
fn pod_name_prefix_lists_each_pod_once() {
    let analysis = analyze_text(&prefix_input(), 2025);

    let mut keys = pod_keys(&analysis);
    keys.sort();
    assert_eq!(
        keys,
        [
            "shop/web-1",
            "shop/web-1-backup-x",
            "shop/web-10",
            "web-1/db-0"
        ],
        "each pod once, none built from a prefix\n{}",
        dump(&analysis)
    );
}

#[test]
fn pod_name_prefix_find_pods_is_exact() {
    let analysis = analyze_text(&prefix_input(), 2025);
    let web_1 = pod_index(&analysis, "shop/web-1");

    assert_eq!(
        analysis.find_pods("web-1"),
        [web_1],
        "bare name web-1 selects only shop/web-1"
    );
    assert_eq!(
        analysis.find_pods("shop/web-1"),
        [web_1],
        "namespace/name selects only shop/web-1"
    );
    assert_eq!(
        analysis.find_pods(UID_WEB_1),
        [web_1],
        "the UID selects only shop/web-1"
    );
    assert_eq!(
        analysis.find_pods("shop/web"),
        Vec::<usize>::new(),
        "a prefix selects nothing"
    );
}

#[test]
fn pod_name_prefix_events_stay_with_their_pod() {
    let analysis = analyze_text(&prefix_input(), 2025);

    let web_1 = kinds_and_lines(&events_of(&analysis, "shop/web-1"));
    assert_eq!(
        web_1,
        [
            (EventKind::PodAdded, 1),
            (EventKind::LivenessProbeFailed, 10),
            (EventKind::PodDeleted, 11)
        ],
        "shop/web-1 has its own events only\n{}",
        dump(&analysis)
    );
    let web_10 = kinds_and_lines(&events_of(&analysis, "shop/web-10"));
    assert_eq!(
        web_10,
        [
            (EventKind::PodAdded, 2),
            (EventKind::ReadinessProbeFailed, 5),
            (EventKind::PodDeleted, 8),
            (EventKind::MountFailed, 9)
        ],
        "shop/web-10 keeps its events, including the volume line that names only web-10\n{}",
        dump(&analysis)
    );
    let backup = kinds_and_lines(&events_of(&analysis, "shop/web-1-backup-x"));
    assert_eq!(
        backup,
        [
            (EventKind::PodAdded, 3),
            (EventKind::ReadinessProbeFailed, 7)
        ]
    );
    let db = kinds_and_lines(&events_of(&analysis, "web-1/db-0"));
    assert_eq!(
        db,
        [(EventKind::PodAdded, 4), (EventKind::ContainerKilled, 6)]
    );
}

#[test]
fn syslog_year_rollover() {
    let input = [
        "Dec 31 23:59:58 worker-3 kubelet[2211]: I1231 23:59:58.500000    2211 kubelet.go:2440] \"SyncLoop ADD\" source=\"api\" pods=[\"ops/cron-1\"]\n",
        "Jan  1 00:00:03 worker-3 kubelet[2211]: I0101 00:00:03.250000    2211 kubelet.go:2440] \"SyncLoop DELETE\" source=\"api\" pods=[\"ops/cron-1\"]\n",
    ]
    .concat();
    let analysis = analyze_text(&input, 2025);

    let events = events_of(&analysis, "ops/cron-1");
    assert_eq!(
        events.len(),
        2,
        "both lines give an event\n{}",
        dump(&analysis)
    );
    assert_eq!(
        second(events[0]),
        "2024-12-31T23:59:58",
        "December is in the year before the file's year"
    );
    assert_eq!(
        second(events[1]),
        "2025-01-01T00:00:03",
        "January is in the file's year"
    );
    assert_eq!(
        events[0].kind,
        EventKind::PodAdded,
        "December sorts before January"
    );
}

#[test]
fn bare_klog_year_rollover() {
    let input = [
        "I1231 23:59:59.900000    2211 kubelet.go:2440] \"SyncLoop ADD\" source=\"api\" pods=[\"ops/cron-2\"]\n",
        "I0101 00:00:00.100000    2211 kubelet.go:2440] \"SyncLoop REMOVE\" source=\"api\" pods=[\"ops/cron-2\"]\n",
    ]
    .concat();
    let analysis = analyze_text(&input, 2025);

    let events = events_of(&analysis, "ops/cron-2");
    assert_eq!(
        events.len(),
        2,
        "both lines give an event\n{}",
        dump(&analysis)
    );
    assert_eq!(second(events[0]), "2024-12-31T23:59:59");
    assert_eq!(second(events[1]), "2025-01-01T00:00:00");
}

/// Builds a syslog and a bare klog line of 29 February.
fn leap_day_input() -> String {
    [
        "Feb 29 12:00:00 worker-3 kubelet[2211]: I0229 12:00:00.000100    2211 kubelet.go:2440] \"SyncLoop ADD\" source=\"api\" pods=[\"ops/leap\"]\n",
        "I0229 12:00:01.000100    2211 kubelet.go:2440] \"SyncLoop DELETE\" source=\"api\" pods=[\"ops/leap\"]\n",
        "Mar  1 00:00:02 worker-3 kubelet[2211]: I0301 00:00:02.000100    2211 kubelet.go:2440] \"SyncLoop REMOVE\" source=\"api\" pods=[\"ops/leap\"]\n",
    ]
    .concat()
}

#[test]
fn feb_29_in_leap_year_is_read() {
    let analysis = analyze_text(&leap_day_input(), 2024);

    let times: Vec<String> = events_of(&analysis, "ops/leap")
        .iter()
        .map(|e| second(e))
        .collect();
    assert_eq!(
        times,
        [
            "2024-02-29T12:00:00",
            "2024-02-29T12:00:01",
            "2024-03-01T00:00:02"
        ],
        "{}",
        dump(&analysis)
    );
}

#[test]
fn feb_29_in_common_year_does_not_fail() {
    let analysis = analyze_text(&leap_day_input(), 2025);

    let events = events_of(&analysis, "ops/leap");
    assert_eq!(
        events.len(),
        3,
        "no Feb 29 line is lost\n{}",
        dump(&analysis)
    );
    for event in &events[..2] {
        let date = event.time.local.date();
        assert_eq!(
            date.format("%m-%d").to_string(),
            "02-29",
            "the day stays Feb 29: {}",
            describe(&analysis, event)
        );
        assert!(
            date.leap_year(),
            "Feb 29 lands in a leap year: {}",
            describe(&analysis, event)
        );
    }
    assert_eq!(
        second(events[2]),
        "2025-03-01T00:00:02",
        "the lines after it keep the file's year"
    );
}

#[test]
fn uid_only_lines_join_the_named_pod() {
    let uid_early = "3c2b1a09-8f7e-4d6c-9b5a-49382716a5b4";
    let uid_late = "7f6e5d4c-3b2a-4190-8f7e-6d5c4b3a2918";
    let input = [
        // 1: ties billing/ledger-0 to its UID before its UID-only lines.
        syslog("09:10:00.000001", 'I', &format!(r#""Probe failed" probeType="Readiness" pod="billing/ledger-0" podUID="{uid_early}" containerName="ledger" probeResult="failure" output="not ready""#)),
        // 2-3: UID-only lines of ledger-0.
        syslog("09:10:05.000001", 'I', &format!(r#""Generic (PLEG): container finished" podID="{uid_early}" containerID="0a9b8c7d6e5f" exitCode=137"#)),
        syslog_from("operation_generator.go:878", "09:10:06.000001", 'I', &format!(r#"UnmountVolume.TearDown succeeded for volume "kubernetes.io/secret/{uid_early}-tls" (OuterVolumeSpecName: "tls") pod "{uid_early}" (UID: "{uid_early}"). InnerVolumeSpecName "tls". PluginName "kubernetes.io/secret", VolumeGidValue """#)),
        // 4-5: UID-only lines of billing/ledger-1, named only by a later line.
        syslog("09:10:07.000001", 'I', &format!(r#""Generic (PLEG): container finished" podID={uid_late} containerID="1b2c3d4e5f6a" exitCode=2"#)),
        syslog("09:10:08.000001", 'I', &format!(r#"UnmountVolume.TearDown succeeded for volume "kubernetes.io/configmap/{uid_late}-conf" (OuterVolumeSpecName: "conf") pod "{uid_late}" (UID: "{uid_late}"). InnerVolumeSpecName "conf". PluginName "kubernetes.io/configmap", VolumeGidValue """#)),
        // 6: ties billing/ledger-1 to its UID.
        syslog("09:10:09.000001", 'I', &format!(r#""Pod does not exist on the server" podUID={uid_late} pod="billing/ledger-1""#)),
    ]
    .concat();
    let analysis = analyze_text(&input, 2025);

    let early = kinds_and_lines(&events_of(&analysis, "billing/ledger-0"));
    assert_eq!(
        early,
        [
            (EventKind::ReadinessProbeFailed, 1),
            (EventKind::ContainerDied, 2),
            (EventKind::VolumeUnmounted, 3)
        ],
        "UID-only lines after the naming line join billing/ledger-0\n{}",
        dump(&analysis)
    );
    let late = kinds_and_lines(&events_of(&analysis, "billing/ledger-1"));
    assert_eq!(
        late,
        [
            (EventKind::ContainerDied, 4),
            (EventKind::VolumeUnmounted, 5),
            (EventKind::PodGoneFromServer, 6)
        ],
        "UID-only lines before the naming line join billing/ledger-1\n{}",
        dump(&analysis)
    );
    let mut keys = pod_keys(&analysis);
    keys.sort();
    assert_eq!(
        keys,
        ["billing/ledger-0", "billing/ledger-1"],
        "no pod is listed under a bare UID"
    );
}

#[test]
fn kubelet_restart_add_replay_gives_no_pod_added() {
    let input = [
        syslog(
            "10:00:00.000001",
            'I',
            r#""Starting kubelet main sync loop""#,
        ),
        syslog(
            "10:00:00.100001",
            'I',
            r#""SyncLoop ADD" source="file" pods=["kube-system/etcd-worker-3"]"#,
        ),
        syslog(
            "10:00:00.200001",
            'I',
            r#""SyncLoop ADD" source="api" pods=["alpha/x","beta/y"]"#,
        ),
        syslog(
            "10:05:00.000001",
            'I',
            r#""SyncLoop ADD" source="api" pods=["gamma/z"]"#,
        ),
    ]
    .concat();
    let analysis = analyze_text(&input, 2025);

    let added = of_kind(&analysis, EventKind::PodAdded);
    let added: Vec<String> = added
        .iter()
        .map(|e| common::pod_key(&analysis, e))
        .collect();
    assert_eq!(
        added,
        ["gamma/z"],
        "only the ADD after the replay is a creation\n{}",
        dump(&analysis)
    );
    for key in ["alpha/x", "beta/y", "kube-system/etcd-worker-3"] {
        pod_index(&analysis, key);
    }
    assert_eq!(
        analysis.node_events.len(),
        1,
        "the kubelet start is a node event"
    );
    assert_eq!(analysis.node_events[0].kind, EventKind::KubeletStarted);
}

#[test]
fn kubelet_restart_add_replay_printf() {
    let input = [
        "Mar  3 07:00:00 worker-3 kubelet[880]: I0303 07:00:00.000100     880 kubelet.go:1822] Starting kubelet main sync loop.\n".to_string(),
        format!("Mar  3 07:00:00 worker-3 kubelet[880]: I0303 07:00:00.300100     880 kubelet.go:1908] SyncLoop (ADD, \"api\"): \"x_alpha({UID_WEB_1}), y_beta({UID_WEB_10})\"\n"),
        format!("Mar  3 07:02:00 worker-3 kubelet[880]: I0303 07:02:00.300100     880 kubelet.go:1908] SyncLoop (ADD, \"api\"): \"z_gamma({UID_DB})\"\n"),
    ]
    .concat();
    let analysis = analyze_text(&input, 2025);

    let added = of_kind(&analysis, EventKind::PodAdded);
    let added: Vec<String> = added
        .iter()
        .map(|e| common::pod_key(&analysis, e))
        .collect();
    assert_eq!(added, ["gamma/z"], "{}", dump(&analysis));
}

#[test]
fn crlf_line_endings_leave_no_carriage_return() {
    let input = [
        "Apr  7 11:00:00 worker-3 kubelet[2211]: I0407 11:00:00.000001    2211 kubelet.go:2440] \"SyncLoop ADD\" source=\"api\" pods=[\"crm/api-7\"]\r\n".to_string(),
        format!("Apr  7 11:00:01 worker-3 kubelet[2211]: I0407 11:00:01.000001    2211 prober.go:107] \"Probe failed\" probeType=\"Liveness\" pod=\"crm/api-7\" podUID={UID_WEB_1} containerName=\"api\"\r\n"),
        format!("I0407 11:00:02.000001    2211 prober.go:111] Readiness probe for \"api-7_crm({UID_WEB_1}):api\" failed (failure): HTTP probe failed with statuscode: 500\r\n"),
        "I0407 11:00:03.000001    2211 kubelet.go:2440] \"SyncLoop DELETE\" source=\"api\" pods=[crm/api-7]\r\n".to_string(),
    ]
    .concat();
    let analysis = analyze_text(&input, 2025);

    assert_eq!(pod_keys(&analysis), ["crm/api-7"], "{}", dump(&analysis));
    assert_eq!(
        analysis.pods[0].uids,
        [UID_WEB_1],
        "the UID at the end of a line has no \\r"
    );
    let events = events_of(&analysis, "crm/api-7");
    assert_eq!(events.len(), 4, "{}", dump(&analysis));
    for event in events {
        assert!(
            !event.text.contains('\r'),
            "text keeps a \\r: {:?}",
            event.text
        );
        assert!(
            event.container.as_deref().is_none_or(|c| !c.contains('\r')),
            "container keeps a \\r: {:?}",
            event.container
        );
        assert!(
            event.uid.as_deref().is_none_or(|u| !u.contains('\r')),
            "uid keeps a \\r: {:?}",
            event.uid
        );
    }
    assert_eq!(
        analysis.files[0].lines, 4,
        "CRLF counts one line per record"
    );
}

#[test]
fn lines_split_across_chunks_give_same_analysis() {
    let input = prefix_input();
    let files = [("input.log", input.as_bytes())];
    let whole = analyze_files(&files, 2025, input.len());
    assert!(!whole.events.is_empty(), "the input gives events");

    for chunk in [1, 2, 3, 5, 64, 4096] {
        let chunked = analyze_files(&files, 2025, chunk);
        assert_eq!(chunked, whole, "{chunk}-byte chunks change the analysis");
    }
}

#[test]
fn one_mebibyte_line_is_cut_and_reported() {
    let huge_output = "x".repeat(1 << 20);
    let input = [
        syslog("12:00:00.000001", 'I', r#""SyncLoop ADD" source="api" pods=["logs/big-0"]"#),
        syslog(
            "12:00:01.000001",
            'I',
            &format!(r#""Probe failed" probeType="Readiness" pod="logs/big-0" podUID="{UID_DB}" containerName="tail" probeResult="failure" output="{huge_output}""#),
        ),
        syslog("12:00:02.000001", 'I', r#""SyncLoop DELETE" source="api" pods=["logs/big-0"]"#),
    ]
    .concat();
    let analysis = analyze_files(&[("big.log", input.as_bytes())], 2025, 64 * 1024);

    let issues = &analysis.files[0].issues;
    assert!(
        matches!(
            issues.as_slice(),
            [InputIssue::LongLines {
                count: 1,
                first_line: 2,
                ..
            }]
        ),
        "the long line is reported once, at line 2: {issues:?}"
    );
    let events = kinds_and_lines(&events_of(&analysis, "logs/big-0"));
    assert_eq!(
        events,
        [
            (EventKind::PodAdded, 1),
            (EventKind::ReadinessProbeFailed, 2),
            (EventKind::PodDeleted, 3)
        ],
        "the cut line keeps the fields before the cut, and the next line is found"
    );
    let cut = &analysis.events[1].text;
    assert!(
        cut.len() < input.len() / 2,
        "the stored text is cut ({} bytes)",
        cut.len()
    );
    assert_eq!(analysis.files[0].lines, 3);
}

#[test]
fn unreadable_files_are_reported_and_others_read() {
    let good = syslog(
        "13:00:00.000001",
        'I',
        r#""SyncLoop ADD" source="api" pods=["ok/fine-0"]"#,
    );
    let binary: Vec<u8> = (0u8..=255).cycle().take(4096).collect();
    let gzip: &[u8] = &[0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03];
    let prose = "Apr  7 13:00:00 worker-3 systemd[1]: Started Session 4 of user root.\nhello\n";
    let files: [(&str, &[u8]); 5] = [
        ("binary.bin", &binary),
        ("empty.log", b""),
        ("messages.gz", gzip),
        ("no-kubelet.log", prose.as_bytes()),
        ("kubelet.log", good.as_bytes()),
    ];
    let analysis = analyze_files(&files, 2025, 7);

    let issues: Vec<&[InputIssue]> = analysis.files.iter().map(|f| f.issues.as_slice()).collect();
    assert_eq!(issues[0], [InputIssue::Binary], "binary file");
    assert_eq!(issues[1], [InputIssue::Empty], "empty file");
    assert_eq!(
        issues[2],
        [InputIssue::Compressed {
            format: "gzip".into()
        }],
        "gzip file"
    );
    assert_eq!(
        issues[3],
        [InputIssue::NoKubeletLines],
        "file without kubelet lines"
    );
    assert!(
        issues[4].is_empty(),
        "the good file has no issue: {:?}",
        issues[4]
    );
    let events = events_of(&analysis, "ok/fine-0");
    assert_eq!(
        events.len(),
        1,
        "the good file is still read\n{}",
        dump(&analysis)
    );
    assert_eq!(events[0].file, 4, "the event names the good file");
}

#[test]
fn invalid_utf8_is_decoded_lossily_keeping_lines() {
    let mut input = Vec::new();
    input.extend_from_slice(
        syslog(
            "14:00:00.000001",
            'I',
            r#""SyncLoop ADD" source="api" pods=["intl/caf-0"]"#,
        )
        .as_bytes(),
    );
    input.extend_from_slice(
        format!("Apr  7 14:00:01 worker-3 kubelet[2211]: I0407 14:00:01.000001    2211 prober.go:107] \"Probe failed\" probeType=\"Readiness\" pod=\"intl/caf-0\" podUID=\"{UID_DB}\" containerName=\"web\" probeResult=\"failure\" output=\"caf")
            .as_bytes(),
    );
    input.extend_from_slice(&[0xe9, 0xff, 0xfe]);
    input.extend_from_slice(b" down\"\n");
    input.extend_from_slice("I0407 14:00:02.000001    2211 kubelet.go:2440] \"SyncLoop DELETE\" source=\"api\" pods=[\"intl/caf-0\"]\n".as_bytes());
    let analysis = analyze_bytes(&input, 2025);

    assert_eq!(
        analysis.files[0].issues,
        [InputIssue::InvalidUtf8 {
            count: 1,
            first_line: 2
        }],
        "the bad bytes are reported at line 2"
    );
    let events = events_of(&analysis, "intl/caf-0");
    assert_eq!(
        kinds_and_lines(&events),
        [
            (EventKind::PodAdded, 1),
            (EventKind::ReadinessProbeFailed, 2),
            (EventKind::PodDeleted, 3)
        ],
        "{}",
        dump(&analysis)
    );
    assert!(
        events[1].text.contains('\u{FFFD}'),
        "the bad bytes become U+FFFD: {:?}",
        events[1].text
    );
    assert_eq!(events[1].container.as_deref(), Some("web"));
}

#[test]
fn same_second_keeps_line_order() {
    let input = [
        syslog("15:00:00.000001", 'E', &format!(r#""Error syncing pod, skipping" err="failed to \"StartContainer\" for \"app\" with CrashLoopBackOff: \"back-off 5m0s restarting failed container=app pod=pay-0_pay({UID_WEB_1})\"" pod="pay/pay-0" podUID="{UID_WEB_1}""#)),
        syslog("15:00:00.000002", 'I', &format!(r#""Probe succeeded" probeType="Readiness" pod="pay/pay-0" podUID="{UID_WEB_1}" containerName="sidecar""#)),
        syslog("15:00:00.000003", 'I', &format!(r#""Probe failed" probeType="Liveness" pod="pay/pay-0" podUID="{UID_WEB_1}" containerName="app" probeResult="failure" output="timeout""#)),
        syslog("15:00:00.000004", 'I', r#""SyncLoop UPDATE" source="api" pods=["pay/pay-0"]"#),
        syslog("15:00:00.000005", 'I', r#""SyncLoop DELETE" source="api" pods=["pay/pay-0"]"#),
    ]
    .concat();
    let analysis = analyze_text(&input, 2025);

    let events = events_of(&analysis, "pay/pay-0");
    let order: Vec<(EventKind, Level)> = events.iter().map(|e| (e.kind, e.level)).collect();
    assert_eq!(
        order,
        [
            (EventKind::BackOffRestart, Level::Error),
            (EventKind::ProbeSucceeded, Level::Info),
            (EventKind::LivenessProbeFailed, Level::Warning),
            (EventKind::PodUpdated, Level::Normal),
            (EventKind::PodDeleted, Level::Normal),
        ],
        "line order, not level or kind order\n{}",
        dump(&analysis)
    );
}

#[test]
fn same_second_order_by_fraction_then_line() {
    // Grep outputs pasted one after another jump back in time (case 08): lines of one second
    // are ordered by their klog fraction, and the line order decides between equal times.
    let input = [
        "Apr  7 15:30:00 worker-3 kubelet[2211]: I0407 15:30:00.900000    2211 kubelet.go:2440] \"SyncLoop REMOVE\" source=\"api\" pods=[\"pay/pay-1\"]\n",
        "Apr  7 15:30:00 worker-3 kubelet[2211]: I0407 15:30:00.100000    2211 kubelet.go:2440] \"SyncLoop DELETE\" source=\"api\" pods=[\"pay/pay-1\"]\n",
        "Apr  7 15:30:01 worker-3 kubelet[2211]: I0407 15:30:01.500000    2211 kubelet.go:2440] \"SyncLoop UPDATE\" source=\"api\" pods=[\"pay/pay-1\"]\n",
        "Apr  7 15:30:01 worker-3 kubelet[2211]: I0407 15:30:01.500000    2211 kubelet.go:2440] \"SyncLoop ADD\" source=\"api\" pods=[\"pay/pay-1\"]\n",
    ]
    .concat();
    let analysis = analyze_text(&input, 2025);

    let kinds: Vec<EventKind> = events_of(&analysis, "pay/pay-1")
        .iter()
        .map(|e| e.kind)
        .collect();
    assert_eq!(
        kinds,
        [
            EventKind::PodDeleted,
            EventKind::PodRemoved,
            EventKind::PodUpdated,
            EventKind::PodAdded
        ],
        "{}",
        dump(&analysis)
    );
}

#[test]
fn backoff_restart_level_at_every_step() {
    let steps = [
        ("10s", Level::Warning),
        ("20s", Level::Warning),
        ("40s", Level::Warning),
        ("1m20s", Level::Warning),
        ("2m40s", Level::Warning),
        ("5m0s", Level::Error),
    ];
    for (step, level) in steps {
        let structured = syslog(
            "16:00:00.000001",
            'E',
            &format!(
                r#""Error syncing pod, skipping" err="failed to \"StartContainer\" for \"worker\" with CrashLoopBackOff: \"back-off {step} restarting failed container=worker pod=queue-0_jobs({UID_BACKUP})\"" pod="jobs/queue-0" podUID={UID_BACKUP}"#
            ),
        );
        let verbose = syslog(
            "16:00:01.000001",
            'I',
            &format!(
                r#""Back-off restarting failed container" err="back-off {step} restarting failed container=worker pod=queue-0_jobs({UID_BACKUP})""#
            ),
        );
        let printf = syslog(
            "16:00:02.000001",
            'E',
            &format!(
                r#"Error syncing pod {UID_BACKUP} ("queue-0_jobs({UID_BACKUP})"), skipping: failed to "StartContainer" for "worker" with CrashLoopBackOff: "Back-off {step} restarting failed container=worker pod=queue-0_jobs({UID_BACKUP})""#
            ),
        );
        let analysis = analyze_text(&[structured, verbose, printf].concat(), 2025);

        let events = events_of(&analysis, "jobs/queue-0");
        assert_eq!(
            events.len(),
            3,
            "back-off {step}: one event per line\n{}",
            dump(&analysis)
        );
        for event in events {
            assert_eq!(
                event.kind,
                EventKind::BackOffRestart,
                "back-off {step}: {}",
                describe(&analysis, event)
            );
            assert_eq!(
                event.level,
                level,
                "back-off {step}: {}",
                describe(&analysis, event)
            );
            assert_eq!(
                event.container.as_deref(),
                Some("worker"),
                "back-off {step}: {}",
                describe(&analysis, event)
            );
        }
    }
}

#[test]
fn one_line_gives_several_events() {
    let input = [
        // Two containers fail in one sync: a crash loop and an image pull.
        syslog("17:00:00.000001", 'E', &format!(r#""Error syncing pod, skipping" err="[failed to \"StartContainer\" for \"app\" with CrashLoopBackOff: \"back-off 20s restarting failed container=app pod=mix-0_lab({UID_WEB_10})\", failed to \"StartContainer\" for \"sidecar\" with ErrImagePull: \"rpc error: code = NotFound desc = failed to pull and unpack image \\\"registry.local/sidecar:9\\\": not found\"]" pod="lab/mix-0" podUID="{UID_WEB_10}""#)),
        // One DELETE naming two pods.
        syslog("17:00:01.000001", 'I', r#""SyncLoop DELETE" source="api" pods=["lab/mix-0","lab/mix-1"]"#),
    ]
    .concat();
    let analysis = analyze_text(&input, 2025);

    // The order of the events of one line is not specified, so they are compared sorted.
    let mut line_1: Vec<(EventKind, Option<&str>)> = analysis
        .events
        .iter()
        .filter(|e| e.line == 1)
        .map(|e| (e.kind, e.container.as_deref()))
        .collect();
    line_1.sort();
    let mut expected = vec![
        (EventKind::BackOffRestart, Some("app")),
        (EventKind::ImagePullFailed, Some("sidecar")),
    ];
    expected.sort();
    assert_eq!(
        line_1,
        expected,
        "both failures of the sync line\n{}",
        dump(&analysis)
    );
    let deleted: Vec<String> = of_kind(&analysis, EventKind::PodDeleted)
        .iter()
        .map(|e| common::pod_key(&analysis, e))
        .collect();
    assert_eq!(
        deleted,
        ["lab/mix-0", "lab/mix-1"],
        "one PodDeleted per listed pod"
    );
}

#[test]
fn binary_detection_ignores_chunk_size() {
    let mut input = syslog(
        "18:00:00.000001",
        'I',
        r#""SyncLoop ADD" source="api" pods=["ok/fine-1"]"#,
    )
    .into_bytes();
    input.extend(std::iter::repeat_n(0u8, 64));
    let files = [("mixed.bin", input.as_slice())];
    let whole = analyze_files(&files, 2025, input.len());
    let chunked = analyze_files(&files, 2025, 7);

    assert_eq!(
        whole.files[0].issues,
        [InputIssue::Binary],
        "one chunk: NUL bytes in the first 8 KiB"
    );
    assert_eq!(
        chunked.files[0].issues, whole.files[0].issues,
        "7-byte chunks see the same bytes"
    );
}

#[test]
fn gzip_detection_ignores_chunk_size() {
    let gzip: &[u8] = &[0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03];
    let analysis = analyze_files(&[("messages.1.gz", gzip)], 2025, 1);

    assert_eq!(
        analysis.files[0].issues,
        [InputIssue::Compressed {
            format: "gzip".into()
        }],
        "one-byte chunks still show the gzip magic"
    );
}

#[test]
fn sandbox_container_events_become_sandbox_kinds() {
    let uid = "1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b";
    let sandbox = "9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b";
    let input = [
        syslog("19:00:00.000001", 'I', &format!(r#""Created PodSandbox for pod" podSandboxID="{sandbox}" pod="edge/proxy-2""#)),
        syslog("19:00:01.000001", 'I', &format!(r#""SyncLoop (PLEG): event for pod" pod="edge/proxy-2" event={{"ID":"{uid}","Type":"ContainerStarted","Data":"{sandbox}"}}"#)),
        syslog("19:00:02.000001", 'I', &format!(r#""SyncLoop (PLEG): event for pod" pod="edge/proxy-2" event={{"ID":"{uid}","Type":"ContainerDied","Data":"{sandbox}"}}"#)),
    ]
    .concat();
    let analysis = analyze_text(&input, 2025);

    let events: Vec<(EventKind, Option<&str>, Level)> = events_of(&analysis, "edge/proxy-2")
        .iter()
        .map(|e| (e.kind, e.container.as_deref(), e.level))
        .collect();
    assert_eq!(
        events,
        [
            (EventKind::SandboxCreated, Some("POD"), Level::Normal),
            (EventKind::SandboxCreated, Some("POD"), Level::Normal),
            (EventKind::SandboxStopped, Some("POD"), Level::Info),
        ],
        "the pause container's start and death are sandbox events\n{}",
        dump(&analysis)
    );
}

#[test]
fn static_pod_hash_uid_joins_uid_only_lines() {
    // Static pods carry the 32 hex digits of their config hash as UID.
    let hash = "7d33edcf25108d76b3d088d74e7a9bf2";
    let input = [
        format!("I0407 20:00:00.000001    2211 kubelet.go:1908] SyncLoop (PLEG): \"etcd-worker-3_kube-system({hash})\", event: &pleg.PodLifecycleEvent{{ID:\"{hash}\", Type:\"ContainerStarted\", Data:\"5c4b3a29\"}}\n"),
        format!("I0407 20:00:05.000001    2211 generic.go:334] \"Generic (PLEG): container finished\" podID={hash} containerID=\"5c4b3a29\" exitCode=2\n"),
    ]
    .concat();
    let analysis = analyze_text(&input, 2025);

    let events = kinds_and_lines(&events_of(&analysis, "kube-system/etcd-worker-3"));
    assert_eq!(
        events,
        [
            (EventKind::ContainerStarted, 1),
            (EventKind::ContainerDied, 2)
        ],
        "{}",
        dump(&analysis)
    );
    assert_eq!(
        pod_keys(&analysis),
        ["kube-system/etcd-worker-3"],
        "no pod named by its hash"
    );
}

#[test]
fn klog_file_header_sets_year() {
    let input = [
        "Log file created at: 2023/12/30 23:58:00\n",
        "Running on machine: worker-3\n",
        "Binary: Built with gc go1.20.10 for linux/amd64\n",
        "Log line format: [IWEF]mmdd hh:mm:ss.uuuuuu threadid file:line] msg\n",
        "I1230 23:58:01.000001    2211 kubelet.go:2440] \"SyncLoop ADD\" source=\"api\" pods=[\"ops/cron-3\"]\n",
        "I0102 08:00:00.000001    2211 kubelet.go:2440] \"SyncLoop DELETE\" source=\"api\" pods=[\"ops/cron-3\"]\n",
    ]
    .concat();
    // The year of the file's modification time is a guess; the header states the real one.
    let analysis = analyze_files(
        &[(
            "kubelet.worker-3.root.log.INFO.20231230-235800.2211",
            input.as_bytes(),
        )],
        2025,
        7,
    );

    let times: Vec<String> = events_of(&analysis, "ops/cron-3")
        .iter()
        .map(|e| second(e))
        .collect();
    assert_eq!(
        times,
        ["2023-12-30T23:58:01", "2024-01-02T08:00:00"],
        "{}",
        dump(&analysis)
    );
}

#[test]
fn journal_json_lines_are_read() {
    let input = concat!(
        r#"{"__REALTIME_TIMESTAMP":"1749720845118614","_HOSTNAME":"worker-3","SYSLOG_IDENTIFIER":"kubelet","_PID":"2931","MESSAGE":"I0612 15:04:05.118204    2931 kubelet.go:2407] \"SyncLoop ADD\" source=\"api\" pods=[\"ops/json-0\"]"}"#,
        "\n"
    );
    let analysis = analyze_text(input, 2024);

    assert!(
        analysis.files[0].issues.is_empty(),
        "issues: {:?}",
        analysis.files[0].issues
    );
    let events = events_of(&analysis, "ops/json-0");
    assert_eq!(events.len(), 1, "{}", dump(&analysis));
    // __REALTIME_TIMESTAMP is UTC and carries the year, which beats the year given. Beside
    // the klog header's local time it shows the node's zone, which the timeline uses.
    assert_eq!(events[0].time.iso(), "2025-06-12T15:04:05.118614+05:30");
}

#[test]
fn containerd_run_pod_sandbox_gives_sandbox_created() {
    let uid = "0d1c2b3a-4958-4776-a6b5-c4d3e2f1a0b9";
    let input = [
        syslog("21:00:00.000001", 'I', r#""SyncLoop ADD" source="api" pods=["billing/ledger-0"]"#),
        format!("Apr  7 21:00:02 worker-3 containerd[812]: time=\"2025-04-07T21:00:02.611732000Z\" level=info msg=\"RunPodSandbox for &PodSandboxMetadata{{Name:ledger-0,Uid:{uid},Namespace:billing,Attempt:0,}} returns sandbox id \\\"4e5f6a7b8c9d\\\"\"\n"),
    ]
    .concat();
    let analysis = analyze_text(&input, 2025);

    let events: Vec<(EventKind, Option<&str>)> = events_of(&analysis, "billing/ledger-0")
        .iter()
        .map(|e| (e.kind, e.container.as_deref()))
        .collect();
    assert_eq!(
        events,
        [
            (EventKind::PodAdded, None),
            (EventKind::SandboxCreated, Some("POD"))
        ],
        "{}",
        dump(&analysis)
    );
}

/// Builds a structured PLEG line of `kind` for container ID `id` of `lab/solo` or `lab/duo`.
fn pleg(time: &str, pod: &str, uid: &str, kind: &str, id: &str) -> String {
    syslog(
        time,
        'I',
        &format!(
            r#""SyncLoop (PLEG): event for pod" pod="{pod}" event={{"ID":"{uid}","Type":"{kind}","Data":"{id}"}}"#
        ),
    )
}

/// Builds a structured kill line that ties container ID `id` to container `name`.
fn kill(time: &str, pod: &str, uid: &str, name: &str, id: &str) -> String {
    syslog(
        time,
        'I',
        &format!(
            r#""Killing container with a grace period" pod="{pod}" podUID="{uid}" containerName="{name}" containerID="containerd://{id}" gracePeriod=30"#
        ),
    )
}

#[test]
fn restarted_only_container_is_named() {
    let uid = "1a2b3c4d-0000-4000-8000-000000000001";
    let text = [
        kill("09:00:00.000001", "lab/solo", uid, "app", "aaaa01"),
        pleg(
            "09:00:30.000001",
            "lab/solo",
            uid,
            "ContainerDied",
            "aaaa01",
        ),
        pleg(
            "09:00:31.000001",
            "lab/solo",
            uid,
            "ContainerStarted",
            "bbbb02",
        ),
    ]
    .concat();
    let analysis = analyze_text(&text, 2025);
    let started = of_kind(&analysis, EventKind::ContainerStarted);
    assert_eq!(started.len(), 1, "{}", dump(&analysis));
    assert_eq!(
        started[0].container.as_deref(),
        Some("app"),
        "the restart of the only container"
    );
}

#[test]
fn restarted_container_of_two_stays_unnamed() {
    let uid = "1a2b3c4d-0000-4000-8000-000000000002";
    let text = [
        kill("09:00:00.000001", "lab/duo", uid, "app", "cccc01"),
        kill("09:00:00.000002", "lab/duo", uid, "sidecar", "cccc02"),
        pleg("09:00:30.000001", "lab/duo", uid, "ContainerDied", "cccc01"),
        pleg(
            "09:00:31.000001",
            "lab/duo",
            uid,
            "ContainerStarted",
            "dddd03",
        ),
    ]
    .concat();
    let analysis = analyze_text(&text, 2025);
    let started = of_kind(&analysis, EventKind::ContainerStarted);
    assert_eq!(started.len(), 1, "{}", dump(&analysis));
    assert_eq!(started[0].container, None, "two known containers: no guess");
}

/// Analyzes `text` as one file whose modification time is `modified` (UTC).
fn analyze_modified(text: &str, modified: &str) -> Analysis {
    let modified = chrono::NaiveDateTime::parse_from_str(modified, "%Y-%m-%d %H:%M:%S").unwrap();
    let mut analyzer = podlife::analysis::Analyzer::new(podlife::rules::RuleSet::builtin());
    let file = analyzer.begin_file_modified("messages.1", modified);
    analyzer.push(file, text.as_bytes());
    analyzer.end_file(file);
    analyzer.analysis()
}

const NEW_YEAR_EVE: &str = "Dec 31 23:58:10 worker-3 kubelet[2211]: I1231 23:58:10.000001    2211 kubelet.go:2440] \"SyncLoop ADD\" source=\"api\" pods=[\"shop/eve-0\"]\n";

#[test]
fn year_saved_after_new_year() {
    let analysis = analyze_modified(NEW_YEAR_EVE, "2027-01-01 00:00:30");
    assert_eq!(
        analysis.files[0].year, 2026,
        "the last line is not a year after the save"
    );
    assert_eq!(analysis.events[0].time.iso(), "2026-12-31T23:58:10.000001");
}

#[test]
fn year_from_modification_time() {
    let analysis = analyze_modified(NEW_YEAR_EVE, "2027-01-03 08:00:00");
    assert_eq!(analysis.files[0].year, 2026);
    let same_day = analyze_modified(NEW_YEAR_EVE, "2026-12-31 23:59:00");
    assert_eq!(
        same_day.files[0].year, 2026,
        "a save minutes after the line"
    );
    let zone_ahead = analyze_modified(NEW_YEAR_EVE, "2026-12-31 16:00:00");
    assert_eq!(
        zone_ahead.files[0].year, 2026,
        "a local clock hours ahead of UTC"
    );
}
