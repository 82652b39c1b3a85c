//! The standalone SVG of the chosen pod for download: its whole lifecycle, or only the seconds
//! of the timeline's window with the node seconds between them.

use super::model::{safe_file_name, svg_download};
use crate::analysis::Analysis;
use crate::i18n::Lang;
use crate::level::LevelSet;
use crate::timeline::{aggregate, export_svg, ExportInfo, Lanes, Second, TimelineEvents, Window};
use chrono::Duration;
use std::ops::Range;

/// Renders the SVG of `pod` at `levels`, of the seconds in `window` or of the whole lifecycle
/// when `window` is `None`, and returns it with its file name. The whole lifecycle is saved as
/// `<pod>-Pod-lifecycle.svg` like the CLI's file, a window as `<pod>-Pod-lifecycle-window.svg`.
pub fn svg_file(
    analysis: &Analysis,
    pod: usize,
    levels: LevelSet,
    lang: Lang,
    window: Option<Window>,
) -> (String, String) {
    let Some(window) = window else {
        return svg_download(analysis, pod, levels, lang);
    };
    let events = TimelineEvents::of(analysis, &[pod], levels);
    let seconds = aggregate(events.pod.iter().copied(), LevelSet::ALL);
    let node = aggregate(events.node.iter().copied(), LevelSet::ALL);
    let pod_range = clamp(window, seconds.len());
    let lane_range = node_range(&seconds, &node, pod_range.clone());
    let lanes = Lanes::new(&node[lane_range], analysis, &[pod]);
    let info = ExportInfo::of(analysis, &[pod], lang);
    let text = export_svg(&seconds[pod_range], &lanes, &info);

    let name = format!(
        "{}-Pod-lifecycle-window.svg",
        safe_file_name(&analysis.pods[pod].name)
    );
    (name, text)
}

fn clamp(window: Window, total: usize) -> Range<usize> {
    window.start.min(total)..window.end().min(total)
}

/// Returns the node seconds from the window's first second to the end of its last. A window
/// that starts or ends the lifecycle also takes the node seconds before or after it, as the
/// whole lifecycle does.
fn node_range(
    seconds: &[Second<'_>],
    node: &[Second<'_>],
    pod_range: Range<usize>,
) -> Range<usize> {
    if pod_range.is_empty() {
        return 0..0;
    }
    let first_at_or_after = |time| node.partition_point(|second| second.time < time);
    let from = match pod_range.start {
        0 => 0,
        start => first_at_or_after(seconds[start].time),
    };
    let to = match pod_range.end >= seconds.len() {
        true => node.len(),
        false => first_at_or_after(seconds[pod_range.end - 1].time + Duration::seconds(1)),
    };
    from..to.max(from)
}
