//! The timeline of one window, ready to draw: single seconds with their labels while the window
//! has no more seconds than the smallest window, which is sized to fit the width with labels,
//! else the overview of buckets. Only the seconds of the window are aggregated, from the pod's
//! [`PodSeconds`].

use super::model::MarkFacts;
use super::pod_seconds::PodSeconds;
use crate::i18n::Lang;
use crate::timeline::{
    layout, min_label_width, overview, window_marks_for, Bucket, Lanes, Layout, Overview, Second,
    Window,
};
use chrono::{Duration, NaiveDateTime};

/// Facts of the seconds a bucket is drawn for, beside its geometry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BucketFacts {
    /// The first second as [`Second::iso`] writes it, the `data-start` value.
    pub start: String,
    /// The last second, the `data-end` value.
    pub end: String,
    /// The pod's seconds a click zooms to: the bucket's own, or for a node bucket those of
    /// the pod bucket above it.
    pub zoom_to: Window,
}

/// The drawing of a window: single seconds or buckets.
#[derive(Debug, Clone, PartialEq)]
pub enum Picture {
    /// One mark per second, as the engine's [`layout`] places them.
    Seconds {
        layout: Layout,
        /// One per mark of the layout, in the same order.
        facts: Vec<MarkFacts>,
        /// One per mark of the layout's node lane, in the same order.
        node_facts: Vec<MarkFacts>,
    },
    /// One bar per bucket of seconds.
    Buckets {
        overview: Overview,
        /// One per bar, in the same order.
        facts: Vec<BucketFacts>,
        /// One per bar of the node lane, in the same order.
        node_facts: Vec<BucketFacts>,
    },
}

/// The timeline of one pod's window, ready to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineModel {
    pub picture: Picture,
    /// Seconds with events in the whole lifecycle.
    pub total: usize,
    /// The events of the whole lifecycle, as [`Second::event_count`] counts them.
    pub events: usize,
    pub window: Window,
    /// How many marks a window of the slider shows at the current zoom.
    pub window_size: usize,
    /// The smallest window: as many marks as fit the width with their labels.
    pub min_size: usize,
    pub slider_max: usize,
    /// The first and last second of the window, as `2025-05-16 18:34:04`.
    pub first: String,
    pub last: String,
}

/// Inputs of the timeline besides the pod's seconds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TimelineInput {
    pub slider: usize,
    /// The window size the user zoomed to, or 0 for the smallest.
    pub zoom: usize,
    pub lang: Lang,
    pub width: f64,
}

/// Builds the timeline of the window that `input` selects.
pub fn timeline_model(pod: &PodSeconds, input: TimelineInput) -> TimelineModel {
    let total = pod.seconds.len();
    let min_size = window_marks_for(input.width);
    let window_size = match input.zoom {
        0 => min_size,
        // A window as long as the lifecycle would leave the slider nothing to move.
        zoom => zoom.clamp(min_size, total.saturating_sub(1).max(min_size)),
    };
    let window = Window::from_slider_sized(input.slider, total, window_size);
    // Seconds beyond the smallest window would be too close for their labels, so they are drawn
    // as buckets, which are single seconds when the width has room for one bar per second.
    let picture = if window.len <= min_size {
        seconds_picture(pod, window, input.lang, input.width)
    } else {
        buckets_picture(pod, window, input.lang, input.width)
    };
    let display = |index: usize| display_time(pod.seconds.time(index));
    TimelineModel {
        picture,
        total,
        events: pod.seconds.count_of(0..total),
        window,
        window_size,
        min_size,
        slider_max: Window::slider_max_sized(total, window_size),
        first: display(window.start),
        last: display(window.end().min(total) - 1),
    }
}

/// Lays out the window's seconds one by one. The layout is given the window's seconds with a few
/// neighbours: it starts at a multiple of 4 before the window, so marks keep the side and stem
/// length of their index in the lifecycle. It also reaches one past the window's end unless the
/// window ends the lifecycle, so the layout can tell whether the window starts or ends it.
fn seconds_picture(pod: &PodSeconds, window: Window, lang: Lang, width: f64) -> Picture {
    let total = pod.seconds.len();
    let base = match window.start {
        0 => 0,
        start => (start - 1) / 4 * 4,
    };
    let end = window.end().min(total);
    let seconds = pod.pod_seconds(base..(end + 1).min(total));
    let shown = Window {
        start: window.start - base,
        len: end - window.start,
    };

    let node = pod.node_seconds(node_span(pod, window));
    let lanes = Lanes::new(&node, pod.analysis(), &[pod.pod]);
    let layout = fitted_layout(&seconds, &lanes, shown, (lang, width));

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
    Picture::Seconds {
        layout,
        facts,
        node_facts,
    }
}

/// Returns the node seconds the node lane of `window` can show, with one more on each side when
/// there is one. The lane leaves those out by time, and with them it is never given an empty
/// list while the pod has node seconds, so it keeps its height.
fn node_span(pod: &PodSeconds, window: Window) -> std::ops::Range<usize> {
    let total = pod.seconds.len();
    let from = match window.start {
        0 => 0,
        start => pod.node.first_at_or_after(pod.seconds.time(start)),
    };
    let last = window.end().min(total) - 1;
    let to = match window.end() >= total {
        true => pod.node.len(),
        false => pod
            .node
            .first_at_or_after(pod.seconds.time(last) + Duration::seconds(1)),
    };
    from.saturating_sub(1)..(to + 1).min(pod.node.len())
}

/// Fits the window into `width`. The smallest window is sized to fit with its labels, but a
/// width can be too narrow even for the minimum of 5 marks. Then the window gets the least width
/// at which the engine shows labels and the box scrolls, because a window exists to be read.
fn fitted_layout(
    seconds: &[Second<'_>],
    lanes: &Lanes<'_>,
    window: Window,
    (lang, width): (Lang, f64),
) -> Layout {
    let fitted = layout(seconds, lanes, window, lang, Some(width));
    if fitted.show_labels {
        return fitted;
    }
    let readable = min_label_width(fitted.marks.len());
    layout(seconds, lanes, window, lang, Some(readable.max(width)))
}

fn buckets_picture(pod: &PodSeconds, window: Window, lang: Lang, width: f64) -> Picture {
    let overview = overview(&pod.seconds, &pod.node, window, width, lang);
    let facts = overview
        .bars
        .iter()
        .map(|bar| BucketFacts {
            start: iso(&pod.pod_seconds(bar.bucket.start..bar.bucket.start + 1)),
            end: iso(&pod.pod_seconds(bar.bucket.end - 1..bar.bucket.end)),
            zoom_to: zoom_window(bar.bucket),
        })
        .collect::<Vec<_>>();
    let node_facts = overview
        .node_lane
        .iter()
        .flat_map(|lane| &lane.bars)
        .map(|bar| {
            // A node bar hangs under the pod bar at the same x.
            let above = overview.bars.iter().find(|pod_bar| pod_bar.x == bar.x);
            BucketFacts {
                start: iso(&pod.node_seconds(bar.bucket.start..bar.bucket.start + 1)),
                end: iso(&pod.node_seconds(bar.bucket.end - 1..bar.bucket.end)),
                zoom_to: above.map_or(window, |pod_bar| zoom_window(pod_bar.bucket)),
            }
        })
        .collect();
    Picture::Buckets {
        overview,
        facts,
        node_facts,
    }
}

fn zoom_window(bucket: Bucket) -> Window {
    Window {
        start: bucket.start,
        len: bucket.end - bucket.start,
    }
}

fn iso(seconds: &[Second<'_>]) -> String {
    seconds.first().map(Second::iso).unwrap_or_default()
}

fn facts_of(second: &Second<'_>) -> MarkFacts {
    MarkFacts {
        iso: second.iso(),
        count: second.event_count(),
    }
}

fn display_time(time: NaiveDateTime) -> String {
    time.format("%Y-%m-%d %H:%M:%S").to_string()
}
