//! Plain data the components draw, derived from an [`Analysis`] by the engine's own functions:
//! pod rows, the timeline's layout with what each mark stands for, and detail rows.

use crate::analysis::{Analysis, Event};
use crate::i18n::Lang;
use crate::level::{Level, LevelSet};
use crate::timeline::{
    aggregate, export_svg, incarnation_of, incarnation_tag, layout, min_label_width,
    window_marks_for, ExportInfo, Lanes, Layout, Second, TimelineEvents, Window,
};

/// One entry of the pod list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PodRow {
    pub key: String,
    pub worst: Option<Level>,
    pub counts: [usize; 5],
    pub total: usize,
    /// How many UIDs the pod had: 2 or more when it was deleted and recreated.
    pub incarnations: usize,
}

/// Lists the pods whose key or UID contains `query` (ignoring case), worst first.
pub fn pod_rows(analysis: &Analysis, query: &str) -> Vec<PodRow> {
    let query = query.trim().to_lowercase();
    analysis
        .pods_by_severity()
        .into_iter()
        .map(|index| &analysis.pods[index])
        .filter(|pod| {
            query.is_empty()
                || pod.key().to_lowercase().contains(&query)
                || pod
                    .uids
                    .iter()
                    .any(|uid| uid.to_lowercase().contains(&query))
        })
        .map(|pod| PodRow {
            key: pod.key(),
            worst: pod.worst_level(),
            counts: pod.counts,
            total: pod.event_count(),
            incarnations: pod.incarnations.len(),
        })
        .collect()
}

/// Finds the pod a URL fragment or a click names, if the analysis has it.
pub fn find_pod(analysis: &Analysis, requested: &str) -> Option<usize> {
    analysis.find_pods(requested).first().copied()
}

/// Facts of the second a mark is drawn for, beside its geometry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkFacts {
    /// `2025-05-16T18:34:39`, the `data-second` value.
    pub iso: String,
    /// The events the second counts, as [`Second::event_count`] counts them.
    pub count: usize,
}

/// The timeline of one pod's window, ready to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineModel {
    pub layout: Layout,
    /// One per mark of the layout, in the same order.
    pub facts: Vec<MarkFacts>,
    /// One per mark of the layout's node lane, in the same order.
    pub node_facts: Vec<MarkFacts>,
    /// Seconds with events in the whole lifecycle.
    pub total: usize,
    /// The events of the whole lifecycle, as [`Second::event_count`] counts them.
    pub events: usize,
    pub window: Window,
    /// How many marks a window shows at the timeline's width.
    pub window_size: usize,
    pub slider_max: usize,
    /// The first and last second of the window, as `2025-05-16 18:34:04`.
    pub first: String,
    pub last: String,
}

/// Inputs of the timeline besides the analysis.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TimelineInput {
    pub pod: usize,
    pub levels: LevelSet,
    pub slider: usize,
    pub lang: Lang,
    pub width: f64,
}

/// Builds the timeline of a pod, or `None` when none of its events is at the chosen levels.
pub fn timeline_model(analysis: &Analysis, input: TimelineInput) -> Option<TimelineModel> {
    let events = TimelineEvents::of(analysis, &[input.pod], input.levels);
    let seconds = aggregate(events.pod.iter().copied(), LevelSet::ALL);
    if seconds.is_empty() {
        return None;
    }
    let window_size = window_marks_for(input.width);
    let window = Window::from_slider_sized(input.slider, seconds.len(), window_size);
    let node = aggregate(events.node.iter().copied(), LevelSet::ALL);
    let lanes = Lanes::new(&node, analysis, &[input.pod]);
    let layout = fitted_layout(&seconds, &lanes, window, input.lang, input.width);
    let facts = layout
        .marks
        .iter()
        .map(|mark| facts_of(&seconds[mark.second]))
        .collect();
    let node_facts = layout
        .node_lane
        .iter()
        .flat_map(|lane| &lane.marks)
        .map(|node_mark| facts_of(&node[node_mark.mark.second]))
        .collect();
    let in_window = &seconds[window.start..window.end().min(seconds.len())];
    Some(TimelineModel {
        layout,
        facts,
        node_facts,
        total: seconds.len(),
        events: seconds.iter().map(Second::event_count).sum(),
        window,
        window_size,
        slider_max: Window::slider_max_sized(seconds.len(), window_size),
        first: in_window.first().map(display_time).unwrap_or_default(),
        last: in_window.last().map(display_time).unwrap_or_default(),
    })
}

/// Fits the window into `width`. A window is sized to fit with its labels, but a width can be
/// too narrow even for the minimum of 5 marks. Then the window gets the least width at which
/// the engine shows labels and the box scrolls, because a window exists to be read. The whole
/// lifecycle may show dots only.
fn fitted_layout(
    seconds: &[Second<'_>],
    lanes: &Lanes<'_>,
    window: Window,
    lang: Lang,
    width: f64,
) -> Layout {
    let fitted = layout(seconds, lanes, window, lang, Some(width));
    if fitted.show_labels || window.is_whole(seconds.len()) {
        return fitted;
    }
    let readable = min_label_width(fitted.marks.len());
    layout(seconds, lanes, window, lang, Some(readable.max(width)))
}

fn facts_of(second: &Second<'_>) -> MarkFacts {
    MarkFacts {
        iso: second.iso(),
        count: second.event_count(),
    }
}

fn display_time(second: &Second<'_>) -> String {
    second.time.format("%Y-%m-%d %H:%M:%S").to_string()
}

/// One event of an opened second.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DetailRow {
    /// With the fraction the log wrote, such as `2025-05-16T18:34:39.885628`.
    pub time: String,
    pub level: Level,
    pub kind: String,
    pub container: Option<String>,
    pub file: String,
    pub line: u64,
    pub text: String,
    /// The event's incarnation as `#2 9b7d5c3e`, when the pod has several.
    pub incarnation: Option<String>,
}

/// Lists the events of `pod` in the second `iso` at the chosen levels, in line order.
pub fn detail_rows(
    analysis: &Analysis,
    pod: usize,
    levels: LevelSet,
    iso: &str,
    lang: Lang,
) -> Vec<DetailRow> {
    let events = analysis.events_of(&[pod]);
    let seconds = aggregate(events.iter().copied(), levels);
    seconds
        .iter()
        .find(|second| second.iso() == iso)
        .map(|second| {
            let incarnations = analysis.pods[pod].incarnations.as_slice();
            second
                .events
                .iter()
                .map(|e| {
                    let mut row = detail_row(analysis, e, lang);
                    if incarnations.len() > 1 {
                        row.incarnation = incarnation_of(incarnations, e)
                            .map(|index| incarnation_tag(incarnations, index));
                    }
                    row
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Lists the node events near `pod` in the second `iso` at the chosen levels, in line order.
pub fn node_detail_rows(
    analysis: &Analysis,
    pod: usize,
    levels: LevelSet,
    iso: &str,
    lang: Lang,
) -> Vec<DetailRow> {
    let events = TimelineEvents::of(analysis, &[pod], levels);
    aggregate(events.node.iter().copied(), LevelSet::ALL)
        .iter()
        .find(|second| second.iso() == iso)
        .map(|second| {
            second
                .events
                .iter()
                .map(|e| detail_row(analysis, e, lang))
                .collect()
        })
        .unwrap_or_default()
}

fn detail_row(analysis: &Analysis, event: &Event, lang: Lang) -> DetailRow {
    DetailRow {
        time: event.time.iso(),
        level: event.level,
        kind: event.label(lang).to_string(),
        container: event.container.clone(),
        file: analysis
            .files
            .get(event.file)
            .map(|file| file.name.clone())
            .unwrap_or_default(),
        line: event.line,
        text: event.text.clone(),
        incarnation: None,
    }
}

/// Renders the standalone SVG of a pod's whole lifecycle at the chosen levels, with its file name.
pub fn svg_download(
    analysis: &Analysis,
    pod: usize,
    levels: LevelSet,
    lang: Lang,
) -> (String, String) {
    let summary = &analysis.pods[pod];
    let events = TimelineEvents::of(analysis, &[pod], levels);
    let seconds = aggregate(events.pod.iter().copied(), LevelSet::ALL);
    let node = aggregate(events.node.iter().copied(), LevelSet::ALL);
    let lanes = Lanes::new(&node, analysis, &[pod]);
    let info = ExportInfo::of(analysis, &[pod], lang);
    let name = format!("{}-Pod-lifecycle.svg", safe_file_name(&summary.name));
    (name, export_svg(&seconds, &lanes, &info))
}

/// Replaces the characters of a pod name that some systems reject in file names.
pub(super) fn safe_file_name(name: &str) -> String {
    name.chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .collect()
}
