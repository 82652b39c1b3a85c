//! Plain data the components draw, derived from an [`Analysis`] by the engine's own functions:
//! pod rows, the timeline's layout with what each mark stands for, and detail rows.

use crate::analysis::{Analysis, Event};
use crate::i18n::Lang;
use crate::level::{Level, LevelSet};
use crate::timeline::{aggregate, incarnation_of, incarnation_tag, TimelineEvents};

pub use super::window_model::TimelineModel;

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
    /// The events the second counts, as
    /// [`Second::event_count`](crate::timeline::Second::event_count) counts them.
    pub count: usize,
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
