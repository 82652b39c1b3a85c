//! The SVG export of chosen pods as the CLI and the page save it: their events at the chosen
//! levels with the node events near them, over the whole lifecycle or one window of it.

use super::aggregate::{aggregate, Second};
use super::events::TimelineEvents;
use super::lanes::Lanes;
use super::svg::{export_svg, ExportInfo};
use super::window::Window;
use crate::analysis::Analysis;
use crate::i18n::Lang;
use crate::level::LevelSet;
use chrono::Duration;
use std::ops::Range;

/// Renders the SVG of `pods` in `analysis` at `levels`: of the whole lifecycle when `window` is
/// `None`, else of the pods' seconds in `window` with the node seconds between them. The
/// header's time range is that of the seconds drawn.
pub fn export_pods_svg(
    analysis: &Analysis,
    pods: &[usize],
    levels: LevelSet,
    lang: Lang,
    window: Option<Window>,
) -> String {
    let events = TimelineEvents::of(analysis, pods, levels);
    let seconds = aggregate(events.pod.iter().copied(), LevelSet::ALL);
    let node = aggregate(events.node.iter().copied(), LevelSet::ALL);
    let range = match window {
        Some(window) => window.start.min(seconds.len())..window.end().min(seconds.len()),
        None => 0..seconds.len(),
    };
    let node_range = node_seconds_of(&seconds, &node, range.clone());
    let lanes = Lanes::new(&node[node_range], analysis, pods);
    let info = ExportInfo::of(analysis, pods, lang).with_levels(levels);
    export_svg(&seconds[range], &lanes, &info)
}

/// Returns the node seconds from the first shown second to the end of the last. When the shown
/// seconds start or end the lifecycle, the node seconds before or after it are taken too, as
/// the whole lifecycle takes them.
fn node_seconds_of(
    seconds: &[Second<'_>],
    node: &[Second<'_>],
    shown: Range<usize>,
) -> Range<usize> {
    if shown.is_empty() {
        return 0..0;
    }
    let first_from = |time| node.partition_point(|second: &Second<'_>| second.time < time);
    let start = if shown.start == 0 {
        0
    } else {
        first_from(seconds[shown.start].time)
    };
    let end = if shown.end == seconds.len() {
        node.len()
    } else {
        first_from(seconds[shown.end - 1].time + Duration::seconds(1))
    };
    start..end.max(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Returns a log of shop/web-1 with a probe failure every 10 seconds from 00:00:00, `count`
    /// times, and a kubelet restart of the node at 00:00:55.
    fn log_with_node_event(count: u32) -> Analysis {
        let mut log = String::new();
        for i in 0..count {
            let n = i * 10;
            let stamp = format!("00:{:02}:{:02}", n / 60, n % 60);
            log.push_str(&format!(
                "Dec  4 {stamp} n kubelet[1]: I1204 {stamp}.000001       1 k.go:1] \"Probe failed\" \
                 probeType=\"Liveness\" pod=\"shop/web-1\" containerName=\"app\"\n"
            ));
            if n == 50 {
                log.push_str(
                    "Dec  4 00:00:55 n kubelet[2]: I1204 00:00:55.000001       2 server.go:1] \
                     \"Starting kubelet main sync loop\"\n",
                );
            }
        }
        crate::analysis::analyze_test_log(&log)
    }

    #[test]
    fn window_export_shows_window_only() {
        let analysis = log_with_node_event(12);
        let pods = analysis.find_pods("shop/web-1");
        let window = Window { start: 3, len: 4 };
        let svg = export_pods_svg(&analysis, &pods, LevelSet::ALL, Lang::En, Some(window));

        assert_eq!(svg.matches(r#"<g class="mark""#).count(), 4);
        assert!(svg.contains(r#"data-second="2025-12-04T00:00:30""#));
        assert!(svg.contains(r#"data-second="2025-12-04T00:01:00""#));
        assert!(!svg.contains(r#"data-second="2025-12-04T00:00:20""#));
        assert!(!svg.contains(r#"data-second="2025-12-04T00:01:10""#));
        assert!(svg.contains("Time: 2025-12-04T00:00:30 → 2025-12-04T00:01:00"));
        assert_eq!(svg.matches(r#"<g class="node-mark""#).count(), 1);
    }

    #[test]
    fn window_export_leaves_outside_node_events() {
        let analysis = log_with_node_event(12);
        let pods = analysis.find_pods("shop/web-1");
        let window = Window { start: 0, len: 3 };
        let svg = export_pods_svg(&analysis, &pods, LevelSet::ALL, Lang::En, Some(window));

        assert_eq!(svg.matches(r#"<g class="mark""#).count(), 3);
        assert_eq!(svg.matches(r#"<g class="node-mark""#).count(), 0);
        assert!(svg.contains("Time: 2025-12-04T00:00:00 → 2025-12-04T00:00:20"));
    }

    #[test]
    fn whole_export_equals_all_window() {
        let analysis = log_with_node_event(12);
        let pods = analysis.find_pods("shop/web-1");
        let whole = export_pods_svg(&analysis, &pods, LevelSet::ALL, Lang::En, None);
        let all = Window::all(12);
        let windowed = export_pods_svg(&analysis, &pods, LevelSet::ALL, Lang::En, Some(all));
        assert_eq!(whole, windowed);
        assert_eq!(whole.matches(r#"<g class="node-mark""#).count(), 1);
    }
}
