//! Input forms and their traps. The tests cover journal export and kubelet JSON records,
//! Chinese-locale and pasted stamps, journal separators, and multi-line values glued across
//! prefixed lines. They also cover kernel and containerd lines that name a pod only by UID or
//! ID, incarnations, and one time axis across files written in different zones.

mod common;

use common::{analyze_files, analyze_text, dump, events_of, pod_keys, second, SMALL_CHUNK};
use podlife::analysis::Zone;
use podlife::kind::EventKind;
use podlife::level::Level;

const UID: &str = "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9";
const OTHER_UID: &str = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

/// Builds a journalctl `short` line of the kubelet at `time` (`hh:mm:ss.ffffff`) on Sep 9.
fn kubelet(time: &str, message: &str) -> String {
    format!(
        "Sep 09 {} worker-7 kubelet[3107]: I0909 {time}    3107 kubelet.go:2511] {message}\n",
        &time[..8]
    )
}

fn kinds(analysis: &podlife::analysis::Analysis, pod: &str) -> Vec<EventKind> {
    events_of(analysis, pod).iter().map(|e| e.kind).collect()
}

#[test]
fn chinese_locale_journal_month() {
    let input = "9月 09 07:00:01 worker-7 kubelet[3107]: I0909 07:00:01.250000    3107 kubelet.go:2511] \"SyncLoop ADD\" source=\"api\" pods=[\"web-1/web-1\"]\n";
    let analysis = analyze_text(input, 2026);
    let events = events_of(&analysis, "web-1/web-1");
    assert_eq!(events.len(), 1, "{}", dump(&analysis));
    assert_eq!(second(events[0]), "2026-09-09T07:00:01");
}

#[test]
fn grep_prefixes_and_journal_separators() {
    let input = [
        "-- Logs begin at Tue 2026-09-08 00:00:00 UTC, end at Wed 2026-09-09 08:00:00 UTC. --\n"
            .to_string(),
        format!(
            "messages:17:{}",
            kubelet(
                "07:00:01.250000",
                r#""SyncLoop ADD" source="api" pods=["shop/web-1"]"#
            )
        ),
        "-- Reboot --\n".to_string(),
        format!(
            "  - {}",
            kubelet(
                "07:00:09.000000",
                r#""SyncLoop DELETE" source="api" pods=["shop/web-1"]"#
            )
        ),
    ]
    .concat();
    let analysis = analyze_text(&input, 2026);
    assert_eq!(
        kinds(&analysis, "shop/web-1"),
        [EventKind::PodAdded, EventKind::PodDeleted],
        "{}",
        dump(&analysis)
    );
    assert!(analysis.files[0].issues.is_empty());
}

#[test]
fn kubelet_json_logging_records() {
    let input = concat!(
        r#"{"ts":1788937201250.5,"caller":"kubelet/kubelet.go:2511","msg":"SyncLoop ADD","v":2,"source":"api","pods":[{"name":"web-1","namespace":"shop"},{"name":"web-10","namespace":"shop"}]}"#,
        "\n",
        r#"{"ts":1788937205000.0,"caller":"prober/prober.go:107","msg":"Probe failed","v":1,"probeType":"Liveness","pod":{"name":"web-10","namespace":"shop"},"podUID":"5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9","containerName":"app","probeResult":"failure","output":"HTTP probe failed with statuscode: 500"}"#,
        "\n"
    );
    let analysis = analyze_text(input, 2020);
    // Two pods in one ADD with no kubelet start before it: the start-up replay, no event.
    assert_eq!(kinds(&analysis, "shop/web-1"), [], "{}", dump(&analysis));
    let probe = events_of(&analysis, "shop/web-10");
    assert_eq!(probe.len(), 1, "{}", dump(&analysis));
    assert_eq!(probe[0].kind, EventKind::LivenessProbeFailed);
    assert_eq!(probe[0].container.as_deref(), Some("app"));
    // `ts` is UTC with its year; no other stamp gives a zone, so the axis is UTC.
    assert_eq!(probe[0].time.iso(), "2026-09-09T07:00:05.000000+00:00");
    assert_eq!(analysis.zone, Zone::Offset { seconds: 0 });
}

#[test]
fn multi_line_value_glued_across_syslog_prefixes() {
    let input = [
        kubelet(
            "07:00:05.100000",
            &format!(r#""Probe failed" probeType="Readiness" pod="shop/web-1" podUID="{UID}" containerName="app" probeResult="failure" output=<"#),
        ),
        "Sep 09 07:00:05 worker-7 kubelet[3107]: #011curl: (7) Failed to connect\n".to_string(),
        "Sep 09 07:00:05 worker-7 kubelet[3107]: \tsecond line\n".to_string(),
        "Sep 09 07:00:05 worker-7 kubelet[3107]:  >\n".to_string(),
        kubelet("07:00:06.000000", r#""SyncLoop DELETE" source="api" pods=["shop/web-1"]"#),
    ]
    .concat();
    let analysis = analyze_files(&[("messages", input.as_bytes())], 2026, SMALL_CHUNK);
    let events = events_of(&analysis, "shop/web-1");
    assert_eq!(
        events.iter().map(|e| e.kind).collect::<Vec<_>>(),
        [EventKind::ReadinessProbeFailed, EventKind::PodDeleted],
        "{}",
        dump(&analysis)
    );
    assert_eq!(events[0].text.lines().count(), 4);
    assert_eq!(events[0].line, 1);
}

#[test]
fn multi_line_value_unclosed() {
    let input = [
        kubelet(
            "07:00:05.100000",
            &format!(r#""Probe failed" probeType="Liveness" pod="shop/web-1" podUID="{UID}" containerName="app" probeResult="failure" output=<"#),
        ),
        "Sep 09 07:00:05 worker-7 kubelet[3107]: \tcut short by the writer\n".to_string(),
        kubelet("07:00:06.000000", r#""SyncLoop DELETE" source="api" pods=["shop/web-1"]"#),
        kubelet("07:00:07.000000", r#""SyncLoop REMOVE" source="api" pods=["shop/web-1"]"#),
    ]
    .concat();
    let analysis = analyze_text(&input, 2026);
    assert_eq!(
        kinds(&analysis, "shop/web-1"),
        [
            EventKind::LivenessProbeFailed,
            EventKind::PodDeleted,
            EventKind::PodRemoved
        ],
        "{}",
        dump(&analysis)
    );
}

#[test]
fn kernel_oom_kill_systemd_cgroup() {
    let escaped = UID.replace('-', "_");
    let container = "c".repeat(64);
    let input = [
        kubelet("07:00:01.000000", r#""SyncLoop ADD" source="api" pods=["shop/web-1"]"#),
        kubelet(
            "07:00:02.000000",
            &format!(r#""SyncLoop (PLEG): event for pod" pod="shop/web-1" event={{"ID":"{UID}","Type":"ContainerStarted","Data":"{container}"}}"#),
        ),
        format!("Sep 09 07:00:30 worker-7 kernel: [81234.567890] oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=cri-containerd-{container}.scope,mems_allowed=0,oom_memcg=/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod{escaped}.slice,task_memcg=/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod{escaped}.slice/cri-containerd-{container}.scope,task=java,pid=41234,uid=1000\n"),
    ]
    .concat();
    let analysis = analyze_text(&input, 2026);
    let oom: Vec<_> = events_of(&analysis, "shop/web-1")
        .into_iter()
        .filter(|e| e.kind == EventKind::OOMKilled)
        .collect();
    assert_eq!(oom.len(), 1, "{}", dump(&analysis));
    assert_eq!(oom[0].level, Level::Fatal);
    assert_eq!(oom[0].uid.as_deref(), Some(UID));
    assert_eq!(pod_keys(&analysis), ["shop/web-1"]);
}

#[test]
fn exit_code_137_alone_is_no_oom() {
    let container = "d".repeat(64);
    let input = [
        kubelet("07:00:01.000000", r#""SyncLoop ADD" source="api" pods=["shop/web-1"]"#),
        kubelet(
            "07:00:40.000000",
            &format!(r#""Generic (PLEG): container finished" podID="{UID}" containerID="{container}" exitCode=137"#),
        ),
        kubelet(
            "07:00:40.100000",
            &format!(r#""SyncLoop (PLEG): event for pod" pod="shop/web-1" event={{"ID":"{UID}","Type":"ContainerDied","Data":"{container}"}}"#),
        ),
    ]
    .concat();
    let analysis = analyze_text(&input, 2026);
    let kinds = kinds(&analysis, "shop/web-1");
    assert!(
        kinds.contains(&EventKind::ContainerDied),
        "{}",
        dump(&analysis)
    );
    assert!(
        !kinds.contains(&EventKind::OOMKilled),
        "{}",
        dump(&analysis)
    );
}

#[test]
fn containerd_lines_reach_the_pod_through_its_sandbox() {
    let sandbox = "a".repeat(64);
    let container = "b".repeat(64);
    let containerd = |time: &str, msg: &str| {
        format!("Sep 09 {time} worker-7 containerd[812]: time=\"2026-09-09T{time}.500000000Z\" level=info msg=\"{msg}\"\n")
    };
    let input = [
        containerd("07:00:02", &format!(r#"RunPodSandbox for &PodSandboxMetadata{{Name:web-1,Uid:{UID},Namespace:shop,Attempt:0,}} returns sandbox id \"{sandbox}\""#)),
        containerd("07:00:03", &format!(r#"CreateContainer within sandbox \"{sandbox}\" for &ContainerMetadata{{Name:app,Attempt:0,}} returns container id \"{container}\""#)),
        containerd("07:00:03", &format!(r#"StartContainer for \"{container}\" returns successfully"#)),
    ]
    .concat();
    let analysis = analyze_text(&input, 2026);
    let events: Vec<(EventKind, Option<&str>)> = events_of(&analysis, "shop/web-1")
        .iter()
        .map(|e| (e.kind, e.container.as_deref()))
        .collect();
    assert_eq!(
        events,
        [
            (EventKind::SandboxCreated, Some("POD")),
            (EventKind::ContainerCreated, Some("app")),
            (EventKind::ContainerStarted, Some("app")),
        ],
        "{}",
        dump(&analysis)
    );
}

#[test]
fn recreated_pod_has_two_incarnations() {
    let input = [
        kubelet("07:00:01.000000", &format!(r#""Probe failed" probeType="Readiness" pod="db/web-1" podUID="{UID}" containerName="pg" probeResult="failure" output="x""#)),
        kubelet("07:00:02.000000", r#""SyncLoop DELETE" source="api" pods=["db/web-1"]"#),
        kubelet("07:00:04.900000", r#""SyncLoop ADD" source="api" pods=["db/web-1"]"#),
        kubelet("07:00:05.000000", &format!(r#""Pod was deleted and then recreated, skipping status update" pod="db/web-1" oldPodUID="{UID}" podUID="{OTHER_UID}""#)),
        kubelet("07:00:06.000000", r#""SyncLoop UPDATE" source="api" pods=["db/web-1"]"#),
        kubelet("07:00:09.000000", &format!(r#""Probe failed" probeType="Readiness" pod="db/web-1" podUID="{OTHER_UID}" containerName="pg" probeResult="failure" output="y""#)),
    ]
    .concat();
    let analysis = analyze_text(&input, 2026);
    let pod = analysis
        .pods
        .iter()
        .find(|p| p.key() == "db/web-1")
        .unwrap();
    let lives: Vec<&str> = pod.incarnations.iter().map(|l| l.uid.as_str()).collect();
    assert_eq!(lives, [UID, OTHER_UID], "{}", dump(&analysis));
    let uids: Vec<Option<&str>> = events_of(&analysis, "db/web-1")
        .iter()
        .map(|e| e.uid.as_deref())
        .collect();
    assert_eq!(
        uids,
        // The ADD comes before any line names the new UID; it begins the second life.
        [
            Some(UID),
            Some(UID),
            Some(OTHER_UID),
            Some(OTHER_UID),
            Some(OTHER_UID),
            Some(OTHER_UID)
        ],
        "{}",
        dump(&analysis)
    );
}

#[test]
fn journal_export_and_klog_file_share_one_axis() {
    // The journal gives UTC beside the klog header's local time: the node is at UTC+08:00.
    let journal = concat!(
        r#"{"__REALTIME_TIMESTAMP":"1788937201250000","SYSLOG_IDENTIFIER":"kubelet","MESSAGE":"I0909 15:00:01.250000    3107 kubelet.go:2511] \"SyncLoop ADD\" source=\"api\" pods=[\"shop/web-1\"]"}"#,
        "\n"
    );
    // A klog file of the same node: local time, no zone.
    let klog = "I0909 15:00:04.000000    3107 kubelet.go:2511] \"SyncLoop DELETE\" source=\"api\" pods=[\"shop/web-1\"]\n";
    let analysis = analyze_files(
        &[
            ("journal.json", journal.as_bytes()),
            ("kubelet.INFO", klog.as_bytes()),
        ],
        2026,
        SMALL_CHUNK,
    );
    assert_eq!(analysis.zone, Zone::Node { seconds: 8 * 3600 });
    let times: Vec<String> = events_of(&analysis, "shop/web-1")
        .iter()
        .map(|e| e.time.iso())
        .collect();
    assert_eq!(
        times,
        [
            "2026-09-09T15:00:01.250000+08:00",
            "2026-09-09T15:00:04.000000+08:00"
        ],
        "{}",
        dump(&analysis)
    );
}

#[test]
fn verbosity_below_two_is_reported() {
    let input = kubelet(
        "07:00:05.000000",
        &format!(
            r#""Probe failed" probeType="Liveness" pod="shop/web-1" podUID="{UID}" containerName="app" probeResult="failure" output="x""#
        ),
    );
    let analysis = analyze_text(&input, 2026);
    assert_eq!(analysis.verbosity.shortfall(), Some(1));
}

#[test]
fn journal_range_line_gives_the_year() {
    let input = [
        "-- Logs begin at 二 2025-12-02 08:00:01 CST, end at 四 2025-12-04 10:00:00 CST. --\n",
        "12月 04 09:00:01 worker-7 kubelet[3107]: I1204 09:00:01.250000    3107 kubelet.go:2511] \"SyncLoop ADD\" source=\"api\" pods=[\"shop/web-1\"]\n",
    ]
    .concat();
    // The journal states the year of its last entry, which beats a guessed year.
    let analysis = analyze_text(&input, 2030);
    let events = events_of(&analysis, "shop/web-1");
    assert_eq!(
        second(events[0]),
        "2025-12-04T09:00:01",
        "{}",
        dump(&analysis)
    );
    assert_eq!(
        analysis.files[0].year_from,
        podlife::analysis::YearFrom::Stamps
    );
}
