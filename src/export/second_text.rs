//! One second of a pod's timeline as plain text, for the clipboard: the second, then each event
//! with its level, label, container, file and line, and its raw log line. The node events of the
//! second follow under a heading of their own.

use crate::analysis::{Analysis, Event};
use crate::i18n::Lang;
use crate::level::LevelSet;
use crate::timeline::{aggregate, Second, TimelineEvents};
use std::fmt::Write;

/// Renders the events of `pod` at `levels` in the second `iso` (a mark's `data-second`) as
/// plain text. Returns `None` when neither the pod nor the node has an event in that second.
pub fn second_text(
    analysis: &Analysis,
    pod: usize,
    levels: LevelSet,
    iso: &str,
    lang: Lang,
) -> Option<String> {
    let events = TimelineEvents::of(analysis, &[pod], levels);
    let pod_seconds = aggregate(events.pod.iter().copied(), LevelSet::ALL);
    let node_seconds = aggregate(events.node.iter().copied(), LevelSet::ALL);
    let pod_events = events_at(&pod_seconds, iso);
    let node_events = events_at(&node_seconds, iso);
    if pod_events.is_empty() && node_events.is_empty() {
        return None;
    }

    let key = analysis.pods.get(pod).map(|p| p.key()).unwrap_or_default();
    let mut out = format!("{key} · {}\n", iso.replace('T', " "));
    write_events(&mut out, &pod_events, analysis, lang);
    if !node_events.is_empty() {
        let heading = match lang {
            Lang::En => "Node events",
            Lang::ZhCn => "节点事件",
        };
        let _ = write!(out, "\n{heading}\n");
        write_events(&mut out, &node_events, analysis, lang);
    }
    Some(out)
}

fn events_at<'a>(seconds: &[Second<'a>], iso: &str) -> Vec<&'a Event> {
    seconds
        .iter()
        .find(|second| second.iso() == iso)
        .map(|second| second.events.clone())
        .unwrap_or_default()
}

/// Writes each event as a summary line and its raw line below it, indented by two spaces.
fn write_events(out: &mut String, events: &[&Event], analysis: &Analysis, lang: Lang) {
    for event in events {
        let container = event.container.as_deref().unwrap_or("-");
        let file = analysis
            .files
            .get(event.file)
            .map_or("?", |file| file.name.as_str());
        let _ = writeln!(
            out,
            "{}  {}  {}  [{container}]  {file}:{}",
            event.time.iso(),
            event.level.label(lang),
            event.label(lang),
            event.line
        );
        let _ = writeln!(out, "  {}", event.text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PROBE: &str = "Jun  3 10:00:05 n kubelet[1]: I0603 10:00:05.250000       1 \
        prober.go:107] \"Probe failed\" probeType=\"Liveness\" pod=\"shop/web-1\" \
        podUID=\"5d1e\" containerName=\"web\" probeResult=\"failure\" output=\"<b>&\"\n";
    const PLEG: &str = "Jun  3 10:00:05 n kubelet[1]: E0603 10:00:05.900000       1 \
        kubelet.go:2356] \"Skipping pod synchronization\" err=\"PLEG is not healthy: pleg was \
        last seen active 3m5.1s ago; threshold is 3m0s\"\n";

    fn analysis() -> Analysis {
        let add = "Jun  3 10:00:00 n kubelet[1]: I0603 10:00:00.000001       1 kubelet.go:2407] \
            \"SyncLoop ADD\" source=\"api\" pods=[\"shop/web-1\"]\n";
        let log = [add, PROBE, PLEG].concat();
        crate::analysis::analyze_test_log(&log)
    }

    #[test]
    fn second_text_lists_pod_then_node() {
        let analysis = analysis();
        let pod = analysis.find_pods("shop/web-1")[0];
        let text = second_text(
            &analysis,
            pod,
            LevelSet::ALL,
            "2025-06-03T10:00:05",
            Lang::En,
        )
        .expect("the second has events");
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "shop/web-1 · 2025-06-03 10:00:05");
        assert!(
            lines[1].starts_with("2025-06-03T10:00:05.25"),
            "{}",
            lines[1]
        );
        assert!(lines[1].contains("  Warning  "), "{}", lines[1]);
        assert!(lines[1].ends_with("[web]  messages:2"), "{}", lines[1]);
        assert_eq!(
            lines[2],
            format!("  {}", PROBE.trim_end()),
            "raw line kept as is"
        );
        assert_eq!(lines[3], "");
        assert_eq!(lines[4], "Node events");
        assert!(lines[5].ends_with("[-]  messages:3"), "{}", lines[5]);
        assert_eq!(lines[6], format!("  {}", PLEG.trim_end()));
        assert_eq!(lines.len(), 7);
    }

    #[test]
    fn second_text_in_chinese() {
        let analysis = analysis();
        let pod = analysis.find_pods("shop/web-1")[0];
        let text = second_text(
            &analysis,
            pod,
            LevelSet::ALL,
            "2025-06-03T10:00:05",
            Lang::ZhCn,
        )
        .expect("the second has events");
        assert!(text.contains("节点事件"), "{text}");
        assert!(!text.contains("Node events"), "{text}");
    }

    #[test]
    fn second_text_none_without_events() {
        let analysis = analysis();
        let pod = analysis.find_pods("shop/web-1")[0];
        let quiet = second_text(
            &analysis,
            pod,
            LevelSet::ALL,
            "2025-06-03T10:00:03",
            Lang::En,
        );
        assert_eq!(quiet, None, "no event in that second");
        let errors = LevelSet::parse_list("Error").unwrap();
        let hidden = second_text(&analysis, pod, errors, "2025-06-03T10:00:05", Lang::En);
        assert_eq!(hidden, None, "the pod's events are below the levels");
    }
}
