//! The geometry of the overview: a window with more seconds than the width can show one by one
//! is drawn as bars of buckets, each bucket a run of seconds coloured by its highest level. Like
//! the marks of [`layout`](super::layout()), buckets are spaced evenly rather than in proportion
//! to time, and tick labels under the axis keep the times readable.

use super::buckets::{buckets, Bucket, SecondIndex};
use super::window::Window;
use crate::i18n::Lang;
use crate::level::Level;

/// The narrowest bar of a bucket, in pixels; the width divided by it gives the bucket count.
pub const BUCKET_MIN_WIDTH: f64 = 6.0;
/// The maximum number of buckets an overview draws, however wide.
pub const MAX_BUCKETS: usize = 240;
/// Horizontal room between tick labels, in pixels.
const TICK_SPACING: f64 = 140.0;
/// Room a tick label takes right of its x: a date such as `2025-05-16` in the small font.
const TICK_TEXT_WIDTH: f64 = 72.0;

const MARGIN_X: f64 = 60.0;
const BAR_MIN: f64 = 10.0;
const BAR_MAX: f64 = 90.0;
const NODE_BAR_MAX: f64 = 24.0;
const TOP: f64 = 20.0;
const TICK_ROOM: f64 = 40.0;
const NODE_ROOM: f64 = 60.0;

/// The overview of one window.
#[derive(Debug, Clone, PartialEq)]
pub struct Overview {
    pub width: f64,
    pub height: f64,
    pub axis_y: f64,
    pub axis_start_x: f64,
    pub axis_end_x: f64,
    /// The pod's buckets, in time order, as bars standing on the axis.
    pub bars: Vec<Bar>,
    /// Time labels under the axis, at the left edges of some bars.
    pub ticks: Vec<Tick>,
    /// The node lane, when the pod has node seconds.
    pub node_lane: Option<NodeBars>,
}

/// One bucket drawn as a bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// The bucket; for a node bar, its seconds index the node's seconds.
    pub bucket: Bucket,
    pub x: f64,
    pub width: f64,
    /// The top edge for a bar standing on its line, or the bottom edge for one hanging from it.
    pub tip_y: f64,
    pub colour: &'static str,
}

/// A time label under the axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub x: f64,
    /// The date, on the first tick and on each tick whose date differs from the previous one.
    pub date: Option<String>,
    /// `18:34:39`.
    pub time: String,
}

/// The node lane of an overview: the node's buckets hang from its line, each under the pod
/// bucket whose time span contains them.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeBars {
    pub y: f64,
    pub title: &'static str,
    pub bars: Vec<Bar>,
}

/// Returns how many buckets an overview `width` pixels wide draws.
pub fn bucket_count_for(width: f64) -> usize {
    let fitting = ((width - 2.0 * MARGIN_X) / BUCKET_MIN_WIDTH).floor();
    (fitting.max(1.0) as usize).min(MAX_BUCKETS)
}

/// Lays out `window` of the pod's seconds as buckets fitted into `width`, with the node's
/// seconds of `node` in a lane under the axis.
pub fn overview(
    index: &SecondIndex,
    node: &SecondIndex,
    window: Window,
    width: f64,
    lang: Lang,
) -> Overview {
    let width = width.max(320.0);
    let list = buckets(index, window, bucket_count_for(width));
    let spacing = (width - 2.0 * MARGIN_X) / list.len().max(1) as f64;
    let max_count = list.iter().map(|b| b.count).max().unwrap_or(1);
    let axis_y = TOP + BAR_MAX;

    let bars: Vec<Bar> = list
        .iter()
        .enumerate()
        .map(|(i, bucket)| {
            let height = bar_height(bucket.count, max_count, BAR_MAX);
            bar(
                *bucket,
                MARGIN_X + spacing * i as f64,
                spacing,
                axis_y - height,
            )
        })
        .collect();
    let ticks = ticks(index, &bars, width);

    let pod_height = axis_y + TICK_ROOM;
    let lane_y = pod_height + NODE_ROOM / 3.0;
    let node_lane = (!node.is_empty()).then(|| NodeBars {
        y: lane_y,
        title: match lang {
            Lang::En => "Node",
            Lang::ZhCn => "节点",
        },
        bars: node_bars(index, node, window, &bars, lane_y),
    });
    let height = pod_height + node_lane.as_ref().map_or(0.0, |_| NODE_ROOM);
    Overview {
        width,
        height,
        axis_y,
        axis_start_x: MARGIN_X / 2.0,
        axis_end_x: width - MARGIN_X / 2.0,
        bars,
        ticks,
        node_lane,
    }
}

fn bar(bucket: Bucket, left: f64, spacing: f64, tip_y: f64) -> Bar {
    // A gap of one pixel keeps neighbouring bars apart once they are wide enough to spare it.
    let gap = if spacing >= 3.0 { 1.0 } else { 0.0 };
    Bar {
        bucket,
        x: left + gap / 2.0,
        width: spacing - gap,
        tip_y,
        colour: bucket.level.colour(),
    }
}

/// Returns a bar's height: a bucket's events on a logarithmic scale up to the window's fullest
/// bucket, so one burst does not flatten every other bar.
fn bar_height(count: usize, max_count: usize, max: f64) -> f64 {
    let scale = ((1 + count) as f64).ln() / ((1 + max_count.max(1)) as f64).ln();
    BAR_MIN + (max - BAR_MIN) * scale.clamp(0.0, 1.0)
}

/// Places a time label at the left edge of every bar that is at least [`TICK_SPACING`] from the
/// previous label, leaving out bars too close to the right edge of a picture `width` wide for
/// the label to fit.
fn ticks(index: &SecondIndex, bars: &[Bar], width: f64) -> Vec<Tick> {
    let mut ticks: Vec<Tick> = Vec::new();
    let mut last_date = None;
    for bar in bars {
        if ticks.last().is_some_and(|t| bar.x - t.x < TICK_SPACING) {
            continue;
        }
        if !ticks.is_empty() && bar.x + TICK_TEXT_WIDTH > width {
            break;
        }
        let time = index.time(bar.bucket.start);
        let date = time.date();
        ticks.push(Tick {
            x: bar.x,
            date: (last_date != Some(date)).then(|| date.format("%Y-%m-%d").to_string()),
            time: time.format("%H:%M:%S").to_string(),
        });
        last_date = Some(date);
    }
    ticks
}

/// Buckets the node's seconds under the pod's bars: each pod bar takes the node seconds from
/// its first second up to the next bar's first second. As in the node lane of single seconds,
/// node seconds before the pod's first second or after its last are drawn only when the window
/// reaches that end of the lifecycle.
fn node_bars(
    index: &SecondIndex,
    node: &SecondIndex,
    window: Window,
    bars: &[Bar],
    lane_y: f64,
) -> Vec<Bar> {
    let spans: Vec<(usize, usize)> = bars
        .iter()
        .enumerate()
        .map(|(i, bar)| {
            let from = match i {
                0 if window.start == 0 => 0,
                _ => node.first_at_or_after(index.time(bar.bucket.start)),
            };
            let to = match bars.get(i + 1) {
                Some(next) => node.first_at_or_after(index.time(next.bucket.start)),
                None if bar.bucket.end >= index.len() => node.len(),
                None => node.first_at_or_after(index.time(bar.bucket.end)),
            };
            (from, to)
        })
        .collect();
    let max_count = spans
        .iter()
        .map(|&(from, to)| node.count_of(from..to))
        .max()
        .unwrap_or(1);
    bars.iter()
        .zip(spans)
        .filter_map(|(pod_bar, (from, to))| {
            let bucket = node.bucket(from..to)?;
            let height = bar_height(bucket.count, max_count, NODE_BAR_MAX);
            Some(Bar {
                bucket,
                x: pod_bar.x,
                width: pod_bar.width,
                tip_y: lane_y + height,
                colour: bucket.level.colour(),
            })
        })
        .collect()
}

impl Bar {
    /// Returns the highest level of the bar's seconds.
    pub fn level(&self) -> Level {
        self.bucket.level
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::level::LevelSet;
    use crate::timeline::aggregate;

    /// Returns the index of a pod with a probe failure every 7 seconds for `count` seconds.
    fn long_index(count: u32) -> SecondIndex {
        let mut log = String::new();
        for i in 0..count {
            let n = i * 7;
            let stamp = format!("{:02}:{:02}:{:02}", n / 3600 % 24, n / 60 % 60, n % 60);
            log.push_str(&format!(
                "Dec  4 {stamp} n kubelet[1]: I1204 {stamp}.000001       1 k.go:1] \"Probe failed\" \
                 probeType=\"Liveness\" pod=\"shop/web-1\" containerName=\"app\"\n"
            ));
        }
        let analysis = crate::analysis::analyze_test_log(&log);
        SecondIndex::new(&aggregate(analysis.events.iter(), LevelSet::ALL))
    }

    #[test]
    fn overview_bounded_by_width() {
        let index = long_index(10_000);
        assert_eq!(index.len(), 10_000);
        let picture = overview(
            &index,
            &SecondIndex::default(),
            Window::all(10_000),
            1200.0,
            Lang::En,
        );
        assert_eq!(picture.bars.len(), bucket_count_for(1200.0));
        assert!(picture.bars.len() <= MAX_BUCKETS);
        let last = picture.bars.last().unwrap();
        assert!(last.x + last.width <= picture.axis_end_x + 1.0);
        assert!(picture.node_lane.is_none());
        assert!(!picture.ticks.is_empty());
        assert!(
            picture.ticks[0].date.is_some(),
            "the first tick shows its date"
        );
        for pair in picture.ticks.windows(2) {
            assert!(pair[1].x - pair[0].x >= TICK_SPACING);
        }
        for tick in &picture.ticks {
            assert!(tick.x + TICK_TEXT_WIDTH <= picture.width, "{tick:?} fits");
        }
    }

    #[test]
    fn overview_bars_inside_axis() {
        let index = long_index(500);
        let picture = overview(
            &index,
            &SecondIndex::default(),
            Window {
                start: 100,
                len: 300,
            },
            700.0,
            Lang::En,
        );
        assert_eq!(picture.bars[0].bucket.start, 100);
        assert_eq!(picture.bars.last().unwrap().bucket.end, 400);
        for bar in &picture.bars {
            assert!(bar.tip_y < picture.axis_y, "{bar:?} stands above the axis");
            assert!(bar.tip_y >= TOP - 0.01, "{bar:?} stays below the top");
        }
    }

    #[test]
    fn overview_short_window_single_seconds() {
        let index = long_index(100);
        let picture = overview(
            &index,
            &SecondIndex::default(),
            Window::all(100),
            900.0,
            Lang::En,
        );
        assert!(bucket_count_for(900.0) > 100);
        assert_eq!(picture.bars.len(), 100, "one bar per second");
        for (i, bar) in picture.bars.iter().enumerate() {
            assert_eq!((bar.bucket.start, bar.bucket.end), (i, i + 1));
        }
        assert!(picture.ticks.len() >= 3, "time labels under the axis");
    }
}
