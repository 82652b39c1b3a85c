//! The node lane: node events (kubelet restarts, PLEG health, node readiness…) drawn in their own
//! lane under the pod's axis, never as the pod's marks.
//!
//! The lane is given the node seconds that belong with the pod (see
//! [`TimelineEvents`](super::TimelineEvents)). The whole lifecycle shows them all. A window of
//! the range slider shows the node seconds from its first to its last mark, and reaches past
//! those only where the window contains the lifecycle's first or last mark. Node seconds before
//! the pod's first mark are drawn with the window that starts the lifecycle, and those after its
//! last mark with the window that ends it. So a node second is never drawn on the wrong side of
//! a pod second that the window hides. Like the pod's marks, node marks are not placed in
//! proportion to time: a node second of the same second as a pod mark is drawn under it, and the
//! others share the room between their two neighbouring pod marks evenly, in time order.

use super::aggregate::Second;
use super::layout::{keep_text_inside, label_lines, text_width, Anchor, Mark, LINE_HEIGHT};
use super::window::Window;
use crate::i18n::Lang;
use chrono::NaiveDateTime;

/// Label rows under a node mark besides its time; more kinds end in a `+N more` row.
const NODE_LABEL_LINES: usize = 2;
/// Label rows are stacked at up to this many depths, so close node marks can all be labelled.
const NODE_LABEL_DEPTHS: usize = 3;
const NODE_DOT_RADIUS: f64 = 6.0;
const NODE_STEM: f64 = 14.0;
/// From the lane's top edge to its line, with the lane title above the line.
const TITLE_ROOM: f64 = 30.0;
/// The minimum horizontal room between the texts of two node marks at one depth.
const TEXT_SPACING: f64 = 8.0;

/// The node lane of a layout.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeLane {
    /// `Node` or `节点`, written at the lane's left end above its line.
    pub title: &'static str,
    pub title_x: f64,
    pub title_y: f64,
    /// The top edge of the lane, which is the bottom edge of the pod's part of the picture.
    pub top: f64,
    pub height: f64,
    /// The y of the lane's line, on which the node marks stand.
    pub y: f64,
    pub start_x: f64,
    pub end_x: f64,
    pub marks: Vec<NodeMark>,
}

/// One node second placed in the lane.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeMark {
    /// The geometry; [`Mark::second`] indexes the node seconds of [`Lanes`](super::Lanes).
    pub mark: Mark,
    /// Whether the mark's time and labels are drawn. Marks too close to their neighbours for
    /// text show their events in the tooltip and the detail panel only.
    pub labelled: bool,
}

impl NodeMark {
    /// Returns the SVG path of the mark's diamond on a lane line at `lane_y`. The diamond sets
    /// node marks apart from the pod's round dots.
    pub fn diamond(&self, lane_y: f64) -> String {
        let (x, r) = (self.mark.x, self.mark.radius);
        format!(
            "M{x:.1},{:.1} L{:.1},{lane_y:.1} L{x:.1},{:.1} L{:.1},{lane_y:.1} Z",
            lane_y - r,
            x + r,
            lane_y + r,
            x - r
        )
    }
}

/// The pod's shown marks and the axis they stand on, which the node lane lines up with.
pub(super) struct PodAxis<'s, 'a> {
    pub seconds: &'s [Second<'a>],
    pub window: Window,
    pub marks: &'s [Mark],
    pub start_x: f64,
    pub end_x: f64,
}

/// Lays out the node lane with its top edge at `top`, or returns `None` when there are no node
/// seconds at all. A lane with no node second in the shown span is drawn empty, so the picture
/// keeps its height while the window moves.
pub(super) fn node_lane(
    node: &[Second<'_>],
    axis: &PodAxis<'_, '_>,
    top: f64,
    show_labels: bool,
    lang: Lang,
    width: f64,
) -> Option<NodeLane> {
    if node.is_empty() {
        return None;
    }
    let y = top + TITLE_ROOM;
    let placed = place_in_span(node, axis);
    let mut marks: Vec<NodeMark> = placed
        .into_iter()
        .map(|(index, x)| NodeMark {
            mark: node_mark(index, &node[index], x, y, lang, width),
            labelled: false,
        })
        .collect();
    let depths = if show_labels {
        stagger_labels(&mut marks, y)
    } else {
        0
    };
    let text_room = match depths {
        0 => 2.0 * NODE_DOT_RADIUS,
        n => NODE_STEM + n as f64 * depth_height(),
    };
    Some(NodeLane {
        title: match lang {
            Lang::En => "Node",
            Lang::ZhCn => "节点",
        },
        title_x: axis.start_x,
        title_y: y - NODE_DOT_RADIUS - 6.0,
        top,
        height: TITLE_ROOM + text_room + 16.0,
        y,
        start_x: axis.start_x,
        end_x: axis.end_x,
        marks,
    })
}

/// Returns the node seconds in the shown span with their x, in time order.
fn place_in_span(node: &[Second<'_>], axis: &PodAxis<'_, '_>) -> Vec<(usize, f64)> {
    let end = axis.window.end().min(axis.seconds.len());
    let shown = &axis.seconds[axis.window.start.min(end)..end];
    let (Some(first), Some(last)) = (shown.first(), shown.last()) else {
        return Vec::new();
    };
    // Only the windows at the lifecycle's two ends reach past their outer marks.
    let starts_lifecycle = axis.window.start == 0;
    let ends_lifecycle = end >= axis.seconds.len();
    let in_span = |time: NaiveDateTime| {
        (starts_lifecycle || time >= first.time) && (ends_lifecycle || time <= last.time)
    };

    // Each node second either shares a second with a shown mark or falls into the gap before
    // shown mark `gap` (the gap after the last mark is `shown.len()`).
    let mut slots: Vec<(usize, Slot)> = Vec::new();
    for (index, second) in node.iter().enumerate() {
        if !in_span(second.time) {
            continue;
        }
        let gap = shown.partition_point(|s| s.time < second.time);
        let slot = match shown.get(gap) {
            Some(s) if s.time == second.time => Slot::Under(gap),
            _ => Slot::Gap(gap),
        };
        slots.push((index, slot));
    }
    slots
        .iter()
        .map(|&(index, slot)| (index, x_of(slot, &slots, index, axis)))
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    /// Under shown mark `n`.
    Under(usize),
    /// Between shown marks `n - 1` and `n`.
    Gap(usize),
}

/// Returns the x of a node second: under its pod mark, or spread evenly with the other node
/// seconds of its gap.
fn x_of(slot: Slot, slots: &[(usize, Slot)], index: usize, axis: &PodAxis<'_, '_>) -> f64 {
    let gap = match slot {
        Slot::Under(mark) => return axis.marks[mark].x,
        Slot::Gap(gap) => gap,
    };
    let left = match gap {
        0 => axis.start_x,
        n => axis.marks[n - 1].x,
    };
    let right = axis.marks.get(gap).map_or(axis.end_x, |m| m.x);
    let sharing: Vec<usize> = slots
        .iter()
        .filter(|(_, s)| *s == slot)
        .map(|&(i, _)| i)
        .collect();
    let rank = sharing.iter().position(|&i| i == index).unwrap_or(0);
    left + (right - left) * (rank + 1) as f64 / (sharing.len() + 1) as f64
}

fn node_mark(index: usize, second: &Second<'_>, x: f64, y: f64, lang: Lang, width: f64) -> Mark {
    let mut mark = Mark {
        second: index,
        x,
        stem_y: y + NODE_STEM,
        above: false,
        radius: NODE_DOT_RADIUS,
        level: second.level,
        colour: second.level.colour(),
        time_label: second.time.format("%H:%M:%S").to_string(),
        date_label: None,
        lines: label_lines(second, lang, NODE_LABEL_LINES),
        text_y: y + NODE_STEM + 6.0 + LINE_HEIGHT,
        line_height: LINE_HEIGHT,
        anchor: Anchor::Middle,
        text_x: x,
    };
    keep_text_inside(&mut mark, width);
    mark
}

fn depth_height() -> f64 {
    (1 + NODE_LABEL_LINES) as f64 * LINE_HEIGHT + 8.0
}

/// Gives each node mark the shallowest depth at which its text does not run into the text of
/// the mark before it at that depth, and leaves marks with no free depth unlabelled. Returns how
/// many depths are in use.
fn stagger_labels(marks: &mut [NodeMark], lane_y: f64) -> usize {
    let mut right_edges: [f64; NODE_LABEL_DEPTHS] = [f64::NEG_INFINITY; NODE_LABEL_DEPTHS];
    let mut used = 0;
    for node in marks.iter_mut() {
        let (left, right) = text_extent(&node.mark);
        let Some(depth) = right_edges
            .iter()
            .position(|&edge| left >= edge + TEXT_SPACING)
        else {
            continue;
        };
        right_edges[depth] = right;
        used = used.max(depth + 1);
        let drop = depth as f64 * depth_height();
        node.mark.stem_y = lane_y + NODE_STEM + drop;
        node.mark.text_y = node.mark.stem_y + 6.0 + LINE_HEIGHT;
        node.labelled = true;
    }
    used
}

/// Returns the left and right x of a mark's text, from its anchor and an estimate of its width.
fn text_extent(mark: &Mark) -> (f64, f64) {
    let widest = mark
        .text_rows()
        .iter()
        .map(|row| text_width(row.text, 7.0, 12.5))
        .fold(0.0, f64::max);
    match mark.anchor {
        Anchor::Start => (mark.text_x, mark.text_x + widest),
        Anchor::Middle => (mark.text_x - widest / 2.0, mark.text_x + widest / 2.0),
        Anchor::End => (mark.text_x - widest, mark.text_x),
    }
}

#[cfg(test)]
mod tests {
    use crate::i18n::Lang;
    use crate::kind::EventKind;
    use crate::level::{Level, LevelSet};
    use crate::timeline::incarnation::tests::event;
    use crate::timeline::{aggregate, layout, Lanes, Window};

    /// Pod events at 100, 200, 300 and 400 s after 10:00:00.
    fn pod_events() -> Vec<crate::analysis::Event> {
        [100, 200, 300, 400]
            .into_iter()
            .map(|t| event(t, EventKind::ContainerStarted, None))
            .collect()
    }

    /// Node events before, inside and after the pod's span.
    fn node_events() -> Vec<crate::analysis::Event> {
        [
            (10, EventKind::KubeletStarted),
            (50, EventKind::KubeletStarted),
            (200, EventKind::PlegUnhealthy),
            (250, EventKind::PlegUnhealthy),
            (260, EventKind::NodeNotReady),
            (450, EventKind::PlegUnhealthy),
            (470, EventKind::PlegUnhealthy),
        ]
        .into_iter()
        .map(|(t, kind)| event(t, kind, None))
        .collect()
    }

    #[test]
    fn node_lane_whole_lifecycle() {
        let (pod, node) = (pod_events(), node_events());
        let seconds = aggregate(&pod, LevelSet::ALL);
        let node_seconds = aggregate(&node, LevelSet::ALL);
        let lanes = Lanes {
            node: &node_seconds,
            incarnations: &[],
        };
        let geometry = layout(&seconds, &lanes, Window::all(4), Lang::En, None);
        let lane = geometry.node_lane.as_ref().expect("a node lane");
        let shown: Vec<usize> = lane.marks.iter().map(|m| m.mark.second).collect();
        assert_eq!(
            shown,
            [0, 1, 2, 3, 4, 5, 6],
            "the whole lifecycle shows every node second"
        );
        assert_eq!(lane.title, "Node");
        assert!(lane.top >= geometry.pod_height);
        assert!(lane.y > geometry.axis_y, "the lane is under the pod's axis");
        assert_eq!(geometry.height, geometry.pod_height + lane.height);

        let x: Vec<f64> = lane.marks.iter().map(|m| m.mark.x).collect();
        let pod_x: Vec<f64> = geometry.marks.iter().map(|m| m.x).collect();
        let (start, end) = (geometry.axis_start_x, geometry.axis_end_x);
        assert_eq!(x[0], start + (pod_x[0] - start) / 3.0);
        assert_eq!(x[1], start + (pod_x[0] - start) * 2.0 / 3.0);
        assert_eq!(
            x[2], pod_x[1],
            "a node second of a pod second stands under it"
        );
        assert_eq!(x[3], pod_x[1] + (pod_x[2] - pod_x[1]) / 3.0);
        assert_eq!(x[4], pod_x[1] + (pod_x[2] - pod_x[1]) * 2.0 / 3.0);
        assert_eq!(x[5], pod_x[3] + (end - pod_x[3]) / 3.0);
        assert_eq!(x[6], pod_x[3] + (end - pod_x[3]) * 2.0 / 3.0);
    }

    #[test]
    fn node_lane_colours_by_highest_level() {
        let (pod, mut node) = (pod_events(), node_events());
        node.push(event(250, EventKind::KubeletStarted, None));
        node.sort_by_key(|e| e.time);
        let seconds = aggregate(&pod, LevelSet::ALL);
        let node_seconds = aggregate(&node, LevelSet::ALL);
        let lanes = Lanes {
            node: &node_seconds,
            incarnations: &[],
        };
        let geometry = layout(&seconds, &lanes, Window::all(4), Lang::En, None);
        let lane = geometry.node_lane.unwrap();
        let at_250 = lane
            .marks
            .iter()
            .find(|m| node_seconds[m.mark.second].events.len() == 2)
            .expect("the second at 250 s with two node events");
        assert_eq!(at_250.mark.level, Level::Error);
        assert_eq!(at_250.mark.colour, Level::Error.colour());
    }

    /// Returns the node seconds that the lane of `window` shows.
    fn node_seconds_in(window: Window) -> Vec<usize> {
        let (pod, node) = (pod_events(), node_events());
        let seconds = aggregate(&pod, LevelSet::ALL);
        let node_seconds = aggregate(&node, LevelSet::ALL);
        let lanes = Lanes {
            node: &node_seconds,
            incarnations: &[],
        };
        let geometry = layout(&seconds, &lanes, window, Lang::En, None);
        let lane = geometry.node_lane.unwrap();
        for node_mark in &lane.marks {
            assert!(node_mark.mark.x > geometry.axis_start_x);
            assert!(node_mark.mark.x < geometry.axis_end_x);
        }
        lane.marks.iter().map(|m| m.mark.second).collect()
    }

    #[test]
    fn node_lane_bounded_by_window() {
        assert_eq!(
            node_seconds_in(Window { start: 1, len: 2 }),
            [2, 3, 4],
            "only node seconds from 200 s to 300 s"
        );
    }

    #[test]
    fn node_lane_window_ends_reach_out() {
        assert_eq!(
            node_seconds_in(Window { start: 0, len: 2 }),
            [0, 1, 2],
            "the first window shows node seconds before the first pod mark, up to 200 s"
        );
        assert_eq!(
            node_seconds_in(Window { start: 2, len: 2 }),
            [5, 6],
            "the last window shows node seconds after the last pod mark, from 300 s"
        );
    }

    #[test]
    fn node_lane_absent_without_node_events() {
        let pod = pod_events();
        let seconds = aggregate(&pod, LevelSet::ALL);
        let geometry = layout(&seconds, &Lanes::NONE, Window::all(4), Lang::En, None);
        assert!(geometry.node_lane.is_none());
        assert_eq!(geometry.height, geometry.pod_height);
    }

    #[test]
    fn node_lane_labels_do_not_overlap() {
        let pod = pod_events();
        let node: Vec<_> = (250..258)
            .map(|t| event(t, EventKind::PlegUnhealthy, None))
            .collect();
        let seconds = aggregate(&pod, LevelSet::ALL);
        let node_seconds = aggregate(&node, LevelSet::ALL);
        let lanes = Lanes {
            node: &node_seconds,
            incarnations: &[],
        };
        let geometry = layout(&seconds, &lanes, Window::all(4), Lang::En, None);
        let lane = geometry.node_lane.unwrap();
        assert_eq!(lane.marks.len(), 8);
        assert!(lane.marks[0].labelled, "the first mark always has room");
        let labelled: Vec<_> = lane.marks.iter().filter(|m| m.labelled).collect();
        for (i, a) in labelled.iter().enumerate() {
            for b in &labelled[i + 1..] {
                let (a_box, b_box) = (super::text_extent(&a.mark), super::text_extent(&b.mark));
                let apart = a_box.1 + super::TEXT_SPACING <= b_box.0;
                assert!(
                    apart || a.mark.text_y != b.mark.text_y,
                    "labels at one depth overlap: {a:?} {b:?}"
                );
            }
        }
        for node_mark in &lane.marks {
            assert!(node_mark.mark.text_y < lane.top + lane.height);
        }
    }
}
