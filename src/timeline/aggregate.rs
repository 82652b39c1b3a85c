//! Groups a pod's events by second: each second keeps its events in line order, counts them per
//! kind, and takes the highest level among them as its colour.

use crate::analysis::Event;
use crate::i18n::Lang;
use crate::kind::EventKind;
use crate::level::{Level, LevelSet};
use chrono::NaiveDateTime;

/// One second of a lifecycle that has at least one event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Second<'a> {
    /// The second, without fraction.
    pub time: NaiveDateTime,
    /// The UTC offset the log stated for this second, if any.
    pub offset: Option<chrono::FixedOffset>,
    pub level: Level,
    /// The events, in time order and then line order.
    pub events: Vec<&'a Event>,
    /// Per kind, in the order each kind first appears in the second: how many different pods
    /// and containers (or pod-level moments) it happened to. Lines repeating one moment count
    /// once.
    pub kinds: Vec<(EventKind, usize)>,
}

impl Second<'_> {
    /// Returns the second as ISO 8601, such as `2025-05-16T18:34:39`, with the offset when the log
    /// stated one. This is the `data-second` value of a mark.
    pub fn iso(&self) -> String {
        let mut out = self.time.format("%Y-%m-%dT%H:%M:%S").to_string();
        if let Some(offset) = self.offset {
            out.push_str(&offset.to_string());
        }
        out
    }

    /// Returns how many events the second counts: the distinct (kind, pod, container) among its
    /// lines, because several lines about one moment are one event of the timeline. This is the
    /// `data-count` of a mark and what the summaries add up; exports still list every line.
    pub fn event_count(&self) -> usize {
        self.kinds.iter().map(|&(_, count)| count).sum()
    }

    /// Returns one label per kind, with the count when the kind occurs more than once:
    /// `Liveness probe failed ×3`. A kind shows the label of its first event, which is the rule's
    /// own label when the rule has one.
    // NOTE: two rules of one kind with different own labels share one label within a second.
    pub fn labels(&self, lang: Lang) -> Vec<String> {
        self.kinds
            .iter()
            .map(|&(kind, count)| {
                let label = self
                    .events
                    .iter()
                    .find(|event| event.kind == kind)
                    .map_or(kind.label(lang), |event| event.label(lang));
                match count {
                    1 => label.to_string(),
                    n => format!("{label} ×{n}"),
                }
            })
            .collect()
    }
}

impl Second<'_> {
    /// Returns one label per kind followed by the containers it happened to, for a terminal
    /// row: `Container started [app, sidecar]`. A pod-level moment has no brackets.
    pub fn labels_with_containers(&self, lang: Lang) -> Vec<String> {
        self.kinds
            .iter()
            .map(|&(kind, _)| {
                let of_kind = self.events.iter().filter(|event| event.kind == kind);
                let label = of_kind
                    .clone()
                    .next()
                    .map_or(kind.label(lang), |event| event.label(lang));
                let mut containers: Vec<&str> = Vec::new();
                for name in of_kind.filter_map(|event| event.container.as_deref()) {
                    if !containers.contains(&name) {
                        containers.push(name);
                    }
                }
                match containers.is_empty() {
                    true => label.to_string(),
                    false => format!("{label} [{}]", containers.join(", ")),
                }
            })
            .collect()
    }
}

/// Splits a second into one second per pod, in the order each pod first appears in it. A node
/// second, whose events name no pod, stays whole.
pub fn split_by_pod<'a>(second: &Second<'a>) -> Vec<Second<'a>> {
    let mut pods: Vec<Option<usize>> = Vec::new();
    for event in &second.events {
        if !pods.contains(&event.pod) {
            pods.push(event.pod);
        }
    }
    pods.into_iter()
        .flat_map(|pod| {
            let events = second.events.iter().copied().filter(|e| e.pod == pod);
            aggregate(events, LevelSet::ALL)
        })
        .collect()
}

/// Groups `events` (already in time order) into seconds, keeping only the levels in `levels`.
pub fn aggregate<'a>(
    events: impl IntoIterator<Item = &'a Event>,
    levels: LevelSet,
) -> Vec<Second<'a>> {
    let mut seconds: Vec<Second<'a>> = Vec::new();
    for event in events.into_iter().filter(|e| levels.contains(e.level)) {
        let time = event.time.second();
        match seconds.last_mut() {
            Some(last) if last.time == time => last.push(event),
            _ => seconds.push(Second {
                time,
                offset: event.time.offset,
                level: event.level,
                events: vec![event],
                kinds: vec![(event.kind, 1)],
            }),
        }
    }
    seconds
}

impl<'a> Second<'a> {
    fn push(&mut self, event: &'a Event) {
        self.level = self.level.max(event.level);
        // Several lines about the same kind, pod and container in one second are one moment (a
        // failure logged by two components, say), so they count once.
        let repeated = self.events.iter().any(|seen| {
            seen.kind == event.kind && seen.pod == event.pod && seen.container == event.container
        });
        self.events.push(event);
        match self.kinds.iter_mut().find(|(kind, _)| *kind == event.kind) {
            Some((_, count)) if !repeated => *count += 1,
            Some(_) => {}
            None => self.kinds.push((event.kind, 1)),
        }
    }
}
