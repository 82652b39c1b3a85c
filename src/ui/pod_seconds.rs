//! The chosen pod's seconds at the chosen levels, indexed once per pod, level filter and
//! analysis. Moving or zooming the window then aggregates only the seconds it shows, so a
//! slider step costs about the same for a lifecycle of a hundred seconds or of a hundred
//! thousand.

use crate::analysis::{Analysis, Event};
use crate::level::LevelSet;
use crate::timeline::{aggregate, Second, SecondIndex, TimelineEvents};
use std::ops::Range;
use std::sync::Arc;

/// The events of one pod's timeline, kept as positions in the analysis, with the index of
/// their seconds.
#[derive(Debug, Clone)]
pub struct PodSeconds {
    analysis: Arc<Analysis>,
    pub pod: usize,
    pub levels: LevelSet,
    /// Positions in [`Analysis::events`] of the pod's events at the levels, in time order.
    pod_events: Vec<usize>,
    /// Positions in [`Analysis::node_events`] of the node events near the pod, in time order.
    node_events: Vec<usize>,
    /// The pod's seconds; their event positions index `pod_events`.
    pub seconds: SecondIndex,
    /// The node's seconds; their event positions index `node_events`.
    pub node: SecondIndex,
}

/// Two values are equal when they index the same pod of the same analysis at the same levels,
/// which is all the page needs to skip a redraw.
impl PartialEq for PodSeconds {
    fn eq(&self, other: &PodSeconds) -> bool {
        Arc::ptr_eq(&self.analysis, &other.analysis)
            && self.pod == other.pod
            && self.levels == other.levels
    }
}

impl PodSeconds {
    /// Indexes the timeline of `pod` at `levels`, or returns `None` when none of its events is
    /// at the levels.
    pub fn build(analysis: &Arc<Analysis>, pod: usize, levels: LevelSet) -> Option<PodSeconds> {
        let events = TimelineEvents::of(analysis, &[pod], levels);
        let seconds = SecondIndex::new(&aggregate(events.pod.iter().copied(), LevelSet::ALL));
        if seconds.is_empty() {
            return None;
        }
        let node = SecondIndex::new(&aggregate(events.node.iter().copied(), LevelSet::ALL));
        Some(PodSeconds {
            pod_events: positions(&analysis.events, &events.pod),
            node_events: positions(&analysis.node_events, &events.node),
            analysis: Arc::clone(analysis),
            pod,
            levels,
            seconds,
            node,
        })
    }

    pub fn analysis(&self) -> &Analysis {
        &self.analysis
    }

    /// Aggregates the pod's seconds `range`, which cost time in proportion to their events.
    pub fn pod_seconds(&self, range: Range<usize>) -> Vec<Second<'_>> {
        let events = &self.pod_events[self.seconds.events_of(range)];
        aggregate(
            events.iter().map(|&i| &self.analysis.events[i]),
            LevelSet::ALL,
        )
    }

    /// Aggregates the node's seconds `range`.
    pub fn node_seconds(&self, range: Range<usize>) -> Vec<Second<'_>> {
        let events = &self.node_events[self.node.events_of(range)];
        aggregate(
            events.iter().map(|&i| &self.analysis.node_events[i]),
            LevelSet::ALL,
        )
    }
}

/// Returns the position in `all` of each of `chosen`, which are references into `all` in the
/// same order.
fn positions(all: &[Event], chosen: &[&Event]) -> Vec<usize> {
    let mut out = Vec::with_capacity(chosen.len());
    let mut next = 0;
    for event in chosen {
        while next < all.len() && !std::ptr::eq(&all[next], *event) {
            next += 1;
        }
        out.push(next);
        next += 1;
    }
    out
}
