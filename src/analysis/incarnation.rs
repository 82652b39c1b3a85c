//! Splitting a pod name's events by UID: a StatefulSet pod deleted and recreated keeps its name
//! and gets a new UID, and each UID is one life of the pod.

use super::model::{Event, Incarnation, PodSummary};
use crate::kind::EventKind;

/// Fills each pod's incarnations from its events, and gives the events that name no UID the
/// UID of the incarnation they fall in: the last one that began at or before them.
pub(crate) fn split_incarnations(pods: &mut [PodSummary], events: &mut [Event]) {
    for pod in pods.iter_mut() {
        pod.incarnations = pod
            .uids
            .iter()
            .map(|uid| Incarnation {
                uid: uid.clone(),
                first_seen: None,
                last_seen: None,
            })
            .collect();
    }
    for event in events.iter() {
        let (Some(pod), Some(uid)) = (event.pod.and_then(|i| pods.get_mut(i)), &event.uid) else {
            continue;
        };
        if let Some(life) = pod.incarnations.iter_mut().find(|l| &l.uid == uid) {
            life.first_seen = Some(life.first_seen.map_or(event.time, |t| t.min(event.time)));
            life.last_seen = Some(life.last_seen.map_or(event.time, |t| t.max(event.time)));
        }
    }
    // UIDs that only context lines named have no span; they stay listed, last.
    for pod in pods.iter_mut() {
        pod.incarnations
            .sort_by_key(|life| (life.first_seen.is_none(), life.first_seen));
    }
    for event in events.iter_mut().filter(|event| event.uid.is_none()) {
        let Some(pod) = event.pod.map(|index| &pods[index]) else {
            continue;
        };
        if pod.incarnations.len() < 2 {
            continue;
        }
        event.uid = incarnation_at(&pod.incarnations, event).map(|life| life.uid.clone());
    }
}

/// Returns the incarnation an event without a UID belongs to, which is the one whose span
/// contains it. Between two spans, it is the next one for the moments that begin a life, because
/// an ADD comes before any line names the new UID, and otherwise the one before. Outside every
/// span, it is the nearest.
fn incarnation_at<'a>(lives: &'a [Incarnation], event: &Event) -> Option<&'a Incarnation> {
    let time = event.time;
    let begun = lives
        .iter()
        .rev()
        .find(|life| life.first_seen.is_some_and(|first| first <= time));
    let Some(begun) = begun else {
        return lives.first();
    };
    let inside = begun.last_seen.is_some_and(|last| time <= last);
    let next = lives
        .iter()
        .find(|life| life.first_seen.is_some_and(|first| first > time));
    match next {
        Some(next) if !inside && begins_a_life(event.kind) => Some(next),
        _ => Some(begun),
    }
}

/// Returns whether a moment starts a pod's life, so it belongs with what follows it.
fn begins_a_life(kind: EventKind) -> bool {
    matches!(
        kind,
        EventKind::PodAdded | EventKind::SandboxNeeded | EventKind::VolumesWaiting
    )
}
