//! Facts that the lines show about the node beyond single events: the node's zone, from lines that
//! carry both a local and an absolute time, and the kubelet's verbosity, from the classes of
//! lines present.

use super::model::{Verbosity, Zone};
use crate::time::Stamp;
use chrono::{NaiveDate, NaiveDateTime, TimeDelta};
use std::collections::BTreeMap;

/// Offsets are counted in steps of a quarter hour, the finest any zone uses.
const ZONE_STEP: i64 = 15 * 60;
/// The largest difference between the two clocks of one line that still counts as the same
/// moment, once the offset is taken out.
const MAX_SKEW: i64 = 120;
/// The largest zone offset there is (UTC+14).
const MAX_OFFSET: i64 = 14 * 3600;

/// Counts, per candidate offset, the lines whose local time and absolute time differ by it.
#[derive(Debug, Clone, Default)]
pub(crate) struct ZoneVotes {
    votes: BTreeMap<i32, u64>,
    /// Offsets the absolute stamps were written with, for when no line gives a local time too.
    stated: BTreeMap<i32, u64>,
}

impl ZoneVotes {
    /// Notes the writer's stamp and the program's stamp of one line. When exactly one of them
    /// states a zone, the other is local time, and their difference is the node's offset.
    pub fn vote(&mut self, outer: &Stamp, inner: &Stamp) {
        for stamp in [outer, inner] {
            if let Some(offset) = stamp.offset {
                *self.stated.entry(offset).or_default() += 1;
            }
        }
        let (absolute, local) = match (outer.offset, inner.offset) {
            (Some(_), None) => (outer, inner),
            (None, Some(_)) => (inner, outer),
            _ => return,
        };
        if let Some(offset) = offset_between(absolute, local) {
            *self.votes.entry(offset).or_default() += 1;
        }
    }

    /// Notes a stamp that states its zone, on a line with no second stamp.
    pub fn note_stated(&mut self, stamp: &Stamp) {
        if let Some(offset) = stamp.offset {
            *self.stated.entry(offset).or_default() += 1;
        }
    }

    /// Returns the node's offset, when lines show it: the one most lines agree on.
    pub fn node_offset(&self) -> Option<i32> {
        most_voted(&self.votes)
    }
}

fn most_voted(votes: &BTreeMap<i32, u64>) -> Option<i32> {
    votes
        .iter()
        .max_by_key(|(_, &count)| count)
        .map(|(&seconds, _)| seconds)
}

/// Returns the zone of the timeline for files with these votes. It is the node's zone when
/// every file that shows a node offset shows the same one, and UTC when they differ, as in logs
/// of several nodes. Otherwise it is the zone that the stamps state, or else the logs' own clock.
pub(crate) fn timeline_zone<'a>(files: impl Iterator<Item = &'a ZoneVotes> + Clone) -> Zone {
    let mut nodes: Vec<i32> = files.clone().filter_map(ZoneVotes::node_offset).collect();
    nodes.sort_unstable();
    nodes.dedup();
    match nodes.as_slice() {
        [seconds] => return Zone::Node { seconds: *seconds },
        [_, _, ..] => return Zone::Offset { seconds: 0 },
        [] => {}
    }
    let mut stated = BTreeMap::new();
    for votes in files {
        for (&offset, &count) in &votes.stated {
            *stated.entry(offset).or_default() += count;
        }
    }
    match most_voted(&stated) {
        Some(seconds) => Zone::Offset { seconds },
        None => Zone::AsWritten,
    }
}

/// Returns the zone offset that makes `local` (no zone) the same moment as `absolute`.
fn offset_between(absolute: &Stamp, local: &Stamp) -> Option<i32> {
    let year = absolute.year?;
    let utc = absolute.resolve(year)?;
    let utc = utc.local - TimeDelta::seconds(i64::from(absolute.offset?));
    // The local stamp may have no year: take the one that puts it closest to the UTC time.
    let candidates = [year - 1, year, year + 1];
    let local = candidates
        .iter()
        .filter_map(|&y| local_time(local, y))
        .min_by_key(|time| (*time - utc).num_seconds().abs())?;
    let difference = (local - utc).num_seconds();
    let offset = (difference as f64 / ZONE_STEP as f64).round() as i64 * ZONE_STEP;
    let close = (difference - offset).abs() <= MAX_SKEW && offset.abs() <= MAX_OFFSET;
    close.then_some(offset as i32)
}

fn local_time(stamp: &Stamp, year: i32) -> Option<NaiveDateTime> {
    let year = stamp.year.unwrap_or(year);
    NaiveDate::from_ymd_opt(year, stamp.month, stamp.day)?.and_hms_nano_opt(
        stamp.hour,
        stamp.minute,
        stamp.second,
        stamp.nanos,
    )
}

/// Kubelet messages written only at `--v=2` or above.
const V2_MARKS: [&str; 6] = [
    "\"SyncLoop ADD\"",
    "\"SyncLoop (PLEG): event for pod\"",
    "\"Killing container with a grace period",
    "SyncLoop (ADD, ",
    "SyncLoop (PLEG): ",
    "Killing container ",
];

/// Kubelet messages written only at `--v=3` or above.
pub(crate) const V3_MARKS: [&str; 8] = [
    "\"Event occurred\"",
    "Event(v1.ObjectReference{",
    "\"Status for pod updated successfully\"",
    "Status for pod ",
    "\"Probe succeeded\"",
    "\"Patch status for pod\"",
    "\"Checking backoff for container in pod\"",
    "checking backoff for container ",
];

/// Counts the kubelet lines of each verbosity class.
#[derive(Debug, Clone, Default)]
pub(crate) struct VerbosityCounter {
    counts: Verbosity,
}

impl VerbosityCounter {
    pub fn observe(&mut self, message: &str) {
        self.counts.kubelet_lines += 1;
        if V3_MARKS.iter().any(|mark| message.starts_with(mark)) {
            self.counts.v3_lines += 1;
        } else if V2_MARKS.iter().any(|mark| message.starts_with(mark)) {
            self.counts.v2_lines += 1;
        }
    }

    pub fn verbosity(&self) -> Verbosity {
        self.counts
    }

    /// Returns whether a line that only `--v=3` writes has been read.
    pub fn v3_seen(&self) -> bool {
        self.counts.v3_lines > 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::Precision;

    fn stamp(year: Option<i32>, hour: u32, minute: u32, offset: Option<i32>) -> Stamp {
        Stamp {
            year,
            month: 6,
            day: 12,
            hour,
            minute,
            second: 5,
            nanos: 118_000_000,
            precision: Precision::Micros,
            offset,
        }
    }

    fn zone_of(votes: &[ZoneVotes]) -> Zone {
        timeline_zone(votes.iter())
    }

    fn journal_and_klog() -> ZoneVotes {
        let mut votes = ZoneVotes::default();
        let realtime = stamp(Some(2025), 9, 34, Some(0));
        votes.vote(&realtime, &stamp(None, 15, 4, None));
        votes
    }

    fn syslog_and_containerd() -> ZoneVotes {
        let mut votes = ZoneVotes::default();
        let containerd = stamp(Some(2025), 18, 13, Some(0));
        votes.vote(&stamp(None, 18, 13, None), &containerd);
        votes
    }

    #[test]
    fn zone_from_journal_realtime_and_klog() {
        let zone = zone_of(&[journal_and_klog()]);
        assert_eq!(zone, Zone::Node { seconds: 19_800 });
    }

    #[test]
    fn zone_from_syslog_and_containerd() {
        let zone = zone_of(&[syslog_and_containerd()]);
        assert_eq!(zone, Zone::Node { seconds: 0 });
    }

    #[test]
    fn zone_as_written_without_any_offset() {
        let mut votes = ZoneVotes::default();
        votes.vote(&stamp(None, 18, 13, None), &stamp(None, 16, 13, None));
        assert_eq!(zone_of(&[votes]), Zone::AsWritten);
    }

    #[test]
    fn zone_of_stated_offsets_is_not_the_nodes() {
        let mut votes = ZoneVotes::default();
        votes.note_stated(&stamp(Some(2025), 9, 34, Some(0)));
        assert_eq!(zone_of(&[votes]), Zone::Offset { seconds: 0 });
    }

    #[test]
    fn zone_of_two_nodes_is_utc() {
        let zone = zone_of(&[journal_and_klog(), syslog_and_containerd()]);
        assert_eq!(zone, Zone::Offset { seconds: 0 });
    }

    #[test]
    fn verbosity_classes() {
        let mut counter = VerbosityCounter::default();
        counter.observe("\"SyncLoop ADD\" source=\"api\" pods=[\"a/b\"]");
        assert_eq!(counter.verbosity().shortfall(), Some(2));
        counter.observe("\"Event occurred\" object=\"a/b\"");
        assert_eq!(counter.verbosity().shortfall(), None);
    }
}
