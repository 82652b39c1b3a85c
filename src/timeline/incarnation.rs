//! The assignment of events and seconds to a pod's incarnations. A StatefulSet pod deleted and
//! recreated under the same name has one incarnation per UID. Events name theirs by UID, and
//! events without a UID go to the incarnation that had begun by their second.

use super::aggregate::Second;
use crate::analysis::{Event, Incarnation};

/// Returns the index of the incarnation `event` belongs to: the one with the event's UID, else
/// the last one that had begun by the event's second, else the first. `None` without
/// incarnations.
///
/// Whole seconds are compared because the kubelet writes the `SyncLoop ADD` of a recreated pod,
/// which names no UID, a moment before the first line with the new UID.
pub fn incarnation_of(incarnations: &[Incarnation], event: &Event) -> Option<usize> {
    if incarnations.is_empty() {
        return None;
    }
    let by_uid = event
        .uid
        .as_deref()
        .and_then(|uid| incarnations.iter().position(|i| i.uid == uid));
    let by_time = || {
        incarnations
            .iter()
            .rposition(|i| {
                i.first_seen
                    .is_some_and(|first| first.second() <= event.time.second())
            })
            .unwrap_or(0)
    };
    Some(by_uid.unwrap_or_else(by_time))
}

/// Returns the incarnation of a second: the newest among its events'. The second in which a
/// recreated pod's new UID first appears often still has lines of the old one, and it is where
/// the new life begins.
pub fn second_incarnation(incarnations: &[Incarnation], second: &Second<'_>) -> Option<usize> {
    incarnations_in(incarnations, second).into_iter().max()
}

/// Returns the distinct incarnations of a second's events, in the order they first appear.
pub fn incarnations_in(incarnations: &[Incarnation], second: &Second<'_>) -> Vec<usize> {
    let mut found = Vec::new();
    for event in &second.events {
        if let Some(index) = incarnation_of(incarnations, event) {
            if !found.contains(&index) {
                found.push(index);
            }
        }
    }
    found
}

/// Writes an incarnation as `#2 9b7d5c3e`: its 1-based number and the first 8 characters of its
/// UID.
pub fn incarnation_tag(incarnations: &[Incarnation], index: usize) -> String {
    let uid = incarnations.get(index).map_or("", |i| i.uid.as_str());
    let short: String = uid.chars().take(8).collect();
    format!("#{} {short}", index + 1)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::kind::EventKind;
    use crate::time::{Precision, Timestamp};
    use chrono::NaiveDate;

    /// Returns the timestamp `seconds` after 2025-06-03 10:00:00.
    pub(crate) fn at(seconds: u32) -> Timestamp {
        let local = NaiveDate::from_ymd_opt(2025, 6, 3)
            .unwrap()
            .and_hms_opt(10, 0, 0)
            .unwrap()
            + chrono::Duration::seconds(seconds.into());
        Timestamp {
            local,
            precision: Precision::Micros,
            offset: None,
        }
    }

    /// Returns an event of `kind` at `seconds` after 10:00:00, of pod 0 unless `node`.
    pub(crate) fn event(seconds: u32, kind: EventKind, uid: Option<&str>) -> Event {
        let node = kind.scope() == crate::kind::Scope::Node;
        Event {
            time: at(seconds),
            level: kind.default_level(),
            kind,
            pod: (!node).then_some(0),
            uid: uid.map(str::to_string),
            container: None,
            file: 0,
            line: u64::from(seconds) + 1,
            offset: 0,
            length: 0,
            klog_time: None,
            rule: "test".to_string(),
            labels: None,
            text: format!("line at {seconds}"),
        }
    }

    pub(crate) fn incarnation(uid: &str, first: u32, last: u32) -> Incarnation {
        Incarnation {
            uid: uid.to_string(),
            first_seen: Some(at(first)),
            last_seen: Some(at(last)),
        }
    }

    #[test]
    fn incarnation_by_uid_then_time() {
        let lives = [
            incarnation("aaaa1111-x", 0, 100),
            incarnation("bbbb2222-y", 50, 200),
        ];
        let old_teardown = event(60, EventKind::ContainerKilled, Some("aaaa1111-x"));
        let without_uid = event(60, EventKind::PodAdded, None);
        let early = event(0, EventKind::PodAdded, None);
        assert_eq!(incarnation_of(&lives, &old_teardown), Some(0));
        assert_eq!(incarnation_of(&lives, &without_uid), Some(1));
        assert_eq!(incarnation_of(&lives, &early), Some(0));
        assert_eq!(incarnation_of(&[], &early), None);
    }

    #[test]
    fn incarnation_tag_short_uid() {
        let lives = [incarnation("3f8e1a2b-7c4d", 0, 1)];
        assert_eq!(incarnation_tag(&lives, 0), "#1 3f8e1a2b");
    }
}
