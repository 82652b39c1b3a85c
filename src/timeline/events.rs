//! Selection of the events that a pod's timeline shows: the pod's own, and the node events
//! that belong with them. The page, the SVG export and the CLI all take their events from
//! here, so they agree on which node events a pod's timeline includes.

use crate::analysis::{Analysis, Event};
use crate::level::LevelSet;
use chrono::Duration;

/// How long before a pod's first event a node event still belongs with its timeline, in
/// seconds. A kubelet restart or a node that went not ready in the minutes before a pod's first
/// line often explains that line (the pod was re-added by the restarted kubelet, or started on a
/// node that had just recovered).
pub const NODE_LEAD_SECONDS: i64 = 10 * 60;

/// How long after a pod's last event a node event still belongs with its timeline, in seconds.
/// A pod often goes quiet because its node failed, and the node's own lines come later. The
/// kubelet reports PLEG as unhealthy only after 3 minutes without a relist, and the node turns
/// not ready or the kubelet restarts minutes after that. This reach keeps those, without
/// pulling in node events of hours later that have nothing to do with the pod.
pub const NODE_TRAIL_SECONDS: i64 = 30 * 60;

/// Returns the node events from [`NODE_LEAD_SECONDS`] before the first of `pod_events` to
/// [`NODE_TRAIL_SECONDS`] after the last, in time order, at every level. Returns none when
/// `pod_events` is empty.
pub fn node_events_near<'a>(analysis: &'a Analysis, pod_events: &[&Event]) -> Vec<&'a Event> {
    let first = pod_events.iter().map(|event| event.time.local).min();
    let last = pod_events.iter().map(|event| event.time.local).max();
    let (Some(first), Some(last)) = (first, last) else {
        return Vec::new();
    };
    let from = first - Duration::seconds(NODE_LEAD_SECONDS);
    let to = last + Duration::seconds(NODE_TRAIL_SECONDS);
    analysis
        .node_events
        .iter()
        .filter(|event| (from..=to).contains(&event.time.local))
        .collect()
}

/// The events of one timeline at the chosen levels: the pods' own, and the node events near
/// them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TimelineEvents<'a> {
    /// The chosen pods' events at the levels, in time order.
    pub pod: Vec<&'a Event>,
    /// The node events near the pods' events at the levels, in time order. Empty when no pod
    /// event is at the levels, because then there is no timeline to put them beside.
    pub node: Vec<&'a Event>,
}

impl<'a> TimelineEvents<'a> {
    /// Collects the events of `pods` in `analysis` at `levels`. The reach of the node events is
    /// measured from the pods' events at every level, so the level filter hides node events by
    /// their own level only and never moves the reach.
    pub fn of(analysis: &'a Analysis, pods: &[usize], levels: LevelSet) -> TimelineEvents<'a> {
        let all = analysis.events_of(pods);
        let near = node_events_near(analysis, &all);
        let pod: Vec<&Event> = all
            .into_iter()
            .filter(|event| levels.contains(event.level))
            .collect();
        let node = if pod.is_empty() {
            Vec::new()
        } else {
            near.into_iter()
                .filter(|event| levels.contains(event.level))
                .collect()
        };
        TimelineEvents { pod, node }
    }

    /// Returns the pod and node events as one list in time order, then file and line order, as
    /// the records of an export list them.
    pub fn merged(&self) -> Vec<&'a Event> {
        let mut all: Vec<&Event> = self.pod.iter().chain(&self.node).copied().collect();
        all.sort_by_key(|event| (event.time.local, event.file, event.line));
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kind::EventKind;

    /// Builds an analysis of a pod with lines from 10:00:00 to 10:05:00 and node lines before,
    /// around and long after.
    fn analysis() -> Analysis {
        let pod = |time: &str, message: &str| {
            format!("Jun  3 {time} n kubelet[1]: I0603 {time}.000001       1 k.go:1] {message}\n")
        };
        let pleg = |time: &str| {
            format!(
                "Jun  3 {time} n kubelet[1]: E0603 {time}.000001       1 kubelet.go:2356] \
                 \"Skipping pod synchronization\" err=\"PLEG is not healthy: pleg was last seen \
                 active 3m5.1s ago; threshold is 3m0s\"\n"
            )
        };
        let log = [
            pleg("09:49:59"),
            pleg("09:50:00"),
            pod(
                "10:00:00",
                "\"SyncLoop ADD\" source=\"api\" pods=[\"shop/web-1\"]",
            ),
            pod(
                "10:05:00",
                "\"SyncLoop DELETE\" source=\"api\" pods=[\"shop/web-1\"]",
            ),
            pleg("10:06:01"),
            pleg("10:15:00"),
            pleg("10:35:00"),
            pleg("10:35:01"),
        ]
        .concat();
        crate::analysis::analyze_test_log(&log)
    }

    fn times(events: &[&Event]) -> Vec<String> {
        events
            .iter()
            .map(|event| event.time.local.format("%H:%M:%S").to_string())
            .collect()
    }

    #[test]
    fn node_events_near_reach() {
        let analysis = analysis();
        assert_eq!(analysis.node_events.len(), 6);
        let pods = analysis.find_pods("shop/web-1");
        let near = node_events_near(&analysis, &analysis.events_of(&pods));
        assert_eq!(
            times(&near),
            ["09:50:00", "10:06:01", "10:15:00", "10:35:00"],
            "10 minutes before the first pod event to 30 minutes after the last, both included"
        );
        assert!(near
            .iter()
            .all(|event| event.kind == EventKind::PlegUnhealthy));
    }

    #[test]
    fn node_events_near_nothing_without_pod() {
        let analysis = analysis();
        assert!(node_events_near(&analysis, &[]).is_empty());
    }

    #[test]
    fn timeline_events_filter_levels() {
        let analysis = analysis();
        let pods = analysis.find_pods("shop/web-1");
        let all = TimelineEvents::of(&analysis, &pods, LevelSet::ALL);
        assert_eq!(all.pod.len(), 2);
        assert_eq!(all.node.len(), 4);
        let merged = all.merged();
        assert_eq!(
            times(&merged),
            ["09:50:00", "10:00:00", "10:05:00", "10:06:01", "10:15:00", "10:35:00"]
        );

        let errors = LevelSet::parse_list("Error").unwrap();
        let only_errors = TimelineEvents::of(&analysis, &pods, errors);
        assert!(only_errors.pod.is_empty(), "the pod's events are Normal");
        assert!(
            only_errors.node.is_empty(),
            "no node events without a pod event to put them beside"
        );

        let normal_and_up = LevelSet::DEFAULT;
        let shown = TimelineEvents::of(&analysis, &pods, normal_and_up);
        assert_eq!(shown.node.len(), 4, "PLEG unhealthy is an Error");
    }
}
