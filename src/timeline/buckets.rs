//! Buckets of consecutive seconds for the overview of a long lifecycle. A [`SecondIndex`] is
//! built once per pod from its seconds and keeps prefix sums. So the highest level and the event
//! count of any run of seconds cost a constant number of steps, and the buckets of one window
//! cost time in proportion to their number, however long the lifecycle is.

use super::aggregate::Second;
use super::window::Window;
use crate::level::Level;
use chrono::NaiveDateTime;
use std::ops::Range;

/// The per-second facts of a lifecycle with prefix sums over them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SecondIndex {
    times: Vec<NaiveDateTime>,
    /// `events_before[i]` is the number of events in seconds `0..i`, so second `i` owns the
    /// events `events_before[i]..events_before[i + 1]` of the list its seconds were built from.
    events_before: Vec<usize>,
    /// `counts_before[i]` is the sum of [`Second::event_count`] over seconds `0..i`.
    counts_before: Vec<usize>,
    /// Per level, in [`Level::ALL`] order: `at_level[l][i]` is how many of seconds `0..i` have
    /// level `l` as their highest.
    at_level: [Vec<u32>; 5],
}

/// A run of consecutive seconds drawn as one mark of the overview.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bucket {
    /// The first second, as an index into the lifecycle's seconds.
    pub start: usize,
    /// One past the last second.
    pub end: usize,
    /// The highest level among the seconds.
    pub level: Level,
    /// The events of the seconds, as [`Second::event_count`] counts them.
    pub count: usize,
}

impl SecondIndex {
    /// Builds the index of `seconds`, which are in time order.
    pub fn new(seconds: &[Second<'_>]) -> SecondIndex {
        let mut index = SecondIndex {
            times: Vec::with_capacity(seconds.len()),
            events_before: vec![0],
            counts_before: vec![0],
            at_level: Default::default(),
        };
        for list in &mut index.at_level {
            list.push(0);
        }
        for second in seconds {
            index.push(second);
        }
        index
    }

    fn push(&mut self, second: &Second<'_>) {
        let events = self.events_before.last().copied().unwrap_or(0);
        let counts = self.counts_before.last().copied().unwrap_or(0);
        self.times.push(second.time);
        self.events_before.push(events + second.events.len());
        self.counts_before.push(counts + second.event_count());
        for (level, list) in Level::ALL.iter().zip(&mut self.at_level) {
            let before = list.last().copied().unwrap_or(0);
            list.push(before + u32::from(second.level == *level));
        }
    }

    /// Returns how many seconds the lifecycle has.
    pub fn len(&self) -> usize {
        self.times.len()
    }

    pub fn is_empty(&self) -> bool {
        self.times.is_empty()
    }

    /// Returns the time of second `index`.
    pub fn time(&self, index: usize) -> NaiveDateTime {
        self.times[index]
    }

    /// Returns the positions of the events of `seconds` in the event list the index was built
    /// from. Ranges past the end are cut at the end.
    pub fn events_of(&self, seconds: Range<usize>) -> Range<usize> {
        let (start, end) = self.clamp(seconds);
        self.events_before[start]..self.events_before[end]
    }

    /// Returns the events of `seconds`, as [`Second::event_count`] counts them.
    pub fn count_of(&self, seconds: Range<usize>) -> usize {
        let (start, end) = self.clamp(seconds);
        self.counts_before[end] - self.counts_before[start]
    }

    /// Returns the highest level among `seconds`, or `None` for an empty range.
    pub fn level_of(&self, seconds: Range<usize>) -> Option<Level> {
        let (start, end) = self.clamp(seconds);
        Level::ALL
            .iter()
            .zip(&self.at_level)
            .rev()
            .find(|(_, list)| list[end] > list[start])
            .map(|(level, _)| *level)
    }

    /// Returns the first second at or after `time`, which is [`SecondIndex::len`] when every
    /// second is earlier.
    pub fn first_at_or_after(&self, time: NaiveDateTime) -> usize {
        self.times.partition_point(|t| *t < time)
    }

    /// Returns the bucket of `seconds`, or `None` for an empty range.
    pub fn bucket(&self, seconds: Range<usize>) -> Option<Bucket> {
        let (start, end) = self.clamp(seconds);
        Some(Bucket {
            start,
            end,
            level: self.level_of(start..end)?,
            count: self.count_of(start..end),
        })
    }

    fn clamp(&self, seconds: Range<usize>) -> (usize, usize) {
        let end = seconds.end.min(self.len());
        (seconds.start.min(end), end)
    }
}

/// Splits `window` into at most `max` buckets of nearly equal numbers of seconds, in time order.
/// A window of `max` seconds or fewer gets one bucket per second.
pub fn buckets(index: &SecondIndex, window: Window, max: usize) -> Vec<Bucket> {
    let end = window.end().min(index.len());
    let start = window.start.min(end);
    let len = end - start;
    let count = len.min(max.max(1));
    (0..count)
        .filter_map(|i| {
            let from = start + i * len / count;
            let to = start + (i + 1) * len / count;
            index.bucket(from..to)
        })
        .collect()
}

// proptest is a native dev-dependency only.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::analysis::Analysis;
    use crate::level::LevelSet;
    use crate::timeline::aggregate;
    use proptest::prelude::*;

    /// Builds a log of one pod with a line per entry of `seconds`: a liveness probe failure when
    /// the flag is set, else a container start, at second `n` after 10:00:00.
    fn analysis(seconds: &[(u32, bool)]) -> Analysis {
        let mut log = String::new();
        for &(n, failure) in seconds {
            let (h, m, s) = (10 + n / 3600, n / 60 % 60, n % 60);
            let stamp = format!("{h:02}:{m:02}:{s:02}");
            let message = if failure {
                "\"Probe failed\" probeType=\"Liveness\" pod=\"shop/web-1\" containerName=\"app\""
            } else {
                "\"SyncLoop (PLEG): event for pod\" pod=\"shop/web-1\" \
                 event={\"ID\":\"u1\",\"Type\":\"ContainerStarted\",\"Data\":\"c1\"}"
            };
            log.push_str(&format!(
                "Dec  4 {stamp} n kubelet[1]: I1204 {stamp}.000001       1 k.go:1] {message}\n"
            ));
        }
        crate::analysis::analyze_test_log(&log)
    }

    /// Returns sorted, distinct seconds with a flag each, from proptest's raw values.
    fn distinct(raw: Vec<(u32, bool)>) -> Vec<(u32, bool)> {
        let mut seconds = raw;
        seconds.sort_by_key(|&(n, _)| n);
        seconds.dedup_by_key(|&mut (n, _)| n);
        seconds
    }

    #[test]
    fn bucket_level_and_count() {
        let analysis = analysis(&[(0, false), (1, true), (2, false), (3, false)]);
        let seconds = aggregate(analysis.events.iter(), LevelSet::ALL);
        let index = SecondIndex::new(&seconds);
        assert_eq!(index.len(), 4);
        let all = buckets(&index, Window::all(4), 2);
        assert_eq!(all.len(), 2);
        assert_eq!((all[0].start, all[0].end), (0, 2));
        assert_eq!((all[1].start, all[1].end), (2, 4));
        assert!(
            seconds[1].level > seconds[0].level,
            "a probe failure outranks a start"
        );
        assert_eq!(all[0].level, seconds[1].level, "the higher level wins");
        assert_eq!(all[1].level, seconds[2].level);
        assert_eq!(all[0].count + all[1].count, 4);
        assert_eq!(index.events_of(1..3), 1..3);
    }

    #[test]
    fn bucket_short_window_per_second() {
        let analysis = analysis(&[(0, false), (5, true), (9, false)]);
        let seconds = aggregate(analysis.events.iter(), LevelSet::ALL);
        let index = SecondIndex::new(&seconds);
        let window = Window { start: 1, len: 2 };
        let per_second = buckets(&index, window, 100);
        assert_eq!(per_second.len(), 2, "one bucket per second");
        assert_eq!((per_second[0].start, per_second[0].end), (1, 2));
        assert_eq!(per_second[0].level, seconds[1].level);
        assert_eq!((per_second[1].start, per_second[1].end), (2, 3));
    }

    #[test]
    fn bucket_empty_index() {
        let index = SecondIndex::new(&[]);
        assert!(buckets(&index, Window::all(0), 10).is_empty());
        assert_eq!(index.level_of(0..5), None);
        assert_eq!(index.count_of(0..5), 0);
    }

    proptest! {
        #[test]
        fn buckets_cover_window(
            raw in prop::collection::vec((0u32..20_000, any::<bool>()), 1..400),
            max in 1usize..64,
            start in 0usize..400,
            len in 1usize..400,
        ) {
            let analysis = analysis(&distinct(raw));
            let seconds = aggregate(analysis.events.iter(), LevelSet::ALL);
            let index = SecondIndex::new(&seconds);
            let start = start.min(seconds.len() - 1);
            let window = Window { start, len: len.min(seconds.len() - start) };
            let shown = &seconds[window.start..window.end()];
            let list = buckets(&index, window, max);

            prop_assert!(list.len() <= max, "at most {} buckets, got {}", max, list.len());
            prop_assert_eq!(list.len(), shown.len().min(max));
            prop_assert_eq!(list.first().map(|b| b.start), Some(window.start));
            prop_assert_eq!(list.last().map(|b| b.end), Some(window.end()));
            for pair in list.windows(2) {
                prop_assert_eq!(pair[0].end, pair[1].start, "buckets touch");
            }
            let sizes: Vec<usize> = list.iter().map(|b| b.end - b.start).collect();
            let (least, most) = (sizes.iter().min().unwrap(), sizes.iter().max().unwrap());
            prop_assert!(most - least <= 1, "sizes differ by at most one: {:?}", sizes);
            let total: usize = list.iter().map(|b| b.count).sum();
            prop_assert_eq!(total, shown.iter().map(Second::event_count).sum::<usize>());
            for bucket in &list {
                let highest = seconds[bucket.start..bucket.end].iter().map(|s| s.level).max();
                prop_assert_eq!(Some(bucket.level), highest);
            }
        }
    }
}
