//! The geometry of a timeline, shared by the page and the SVG export. Marks stand in time order
//! on a horizontal axis and alternate above and below it, so neighbouring labels do not collide.
//! The time gaps between distant marks are written on the axis.
//!
//! Marks are spaced evenly rather than in proportion to time, because lifecycles mix bursts of
//! one second with quiet hours. The gap labels keep the real distances readable.

use super::aggregate::Second;
use super::bands::{bands, Band, BAND_LABEL_ROOM};
use super::lanes::Lanes;
use super::node_lane::{node_lane, NodeLane, PodAxis};
use super::window::{Window, WINDOW_MARKS};
use crate::i18n::Lang;
use crate::level::Level;

/// Horizontal room per mark when the layout is not fitted to a width.
pub const MARK_SPACING: f64 = 96.0;
/// Below this spacing, labels of alternating marks would overlap, so only the dots are drawn.
pub const LABEL_MIN_SPACING: f64 = 48.0;
/// Gaps between consecutive marks longer than this many seconds are written on the axis.
const GAP_LABEL_SECONDS: i64 = 60;

const MARGIN_X: f64 = 60.0;
const STEM: f64 = 70.0;
const STEM_STAGGER: f64 = 36.0;
pub(super) const LINE_HEIGHT: f64 = 15.0;
const MAX_LABEL_LINES: usize = 6;
const DOT_RADIUS: f64 = 7.0;

/// The layout of one window of a lifecycle.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    pub axis_y: f64,
    pub axis_start_x: f64,
    pub axis_end_x: f64,
    pub marks: Vec<Mark>,
    pub gaps: Vec<Gap>,
    /// Whether the marks are far enough apart for their labels.
    pub show_labels: bool,
    /// The bottom edge of the pod's part of the picture; the node lane, if any, is below it.
    pub pod_height: f64,
    /// The node lane under the pod's part, when there are node events at the chosen levels.
    pub node_lane: Option<NodeLane>,
    /// One band per run of marks of one incarnation, when the pod has several incarnations.
    pub bands: Vec<Band>,
}

/// One second with events, placed on the timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    /// Index into the seconds the layout was made from.
    pub second: usize,
    pub x: f64,
    /// The end of the stem that joins the dot on the axis to the label.
    pub stem_y: f64,
    pub above: bool,
    pub radius: f64,
    pub level: Level,
    pub colour: &'static str,
    /// `18:34:39`.
    pub time_label: String,
    /// The date, on the first mark and on each mark whose date differs from the previous one.
    pub date_label: Option<String>,
    /// Event labels with counts; long lists end with a `+N more` line.
    pub lines: Vec<String>,
    /// Baseline of the first text row; each further row is [`Mark::line_height`] lower.
    pub text_y: f64,
    pub line_height: f64,
    /// The text's alignment at `text_x`: centred, or to one side near the edges.
    pub anchor: Anchor,
    /// The x of the text, which is `x` unless the text is anchored to one side.
    pub text_x: f64,
}

/// The alignment of a mark's text, as the SVG `text-anchor` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    /// Returns the SVG `text-anchor` value.
    pub fn svg(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// The content of one row of a mark's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    Date,
    Time,
    Label,
}

/// One row of a mark's text, placed.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRow<'a> {
    pub y: f64,
    pub kind: RowKind,
    pub text: &'a str,
}

impl Mark {
    /// Returns the rows of text beside the mark, top to bottom: the date (when shown), the time, then
    /// one row per event label.
    pub fn text_rows(&self) -> Vec<TextRow<'_>> {
        let date = self.date_label.as_deref().map(|d| (RowKind::Date, d));
        let time = std::iter::once((RowKind::Time, self.time_label.as_str()));
        let labels = self.lines.iter().map(|l| (RowKind::Label, l.as_str()));
        date.into_iter()
            .chain(time)
            .chain(labels)
            .enumerate()
            .map(|(i, (kind, text))| TextRow {
                y: self.text_y + i as f64 * self.line_height,
                kind,
                text,
            })
            .collect()
    }
}

/// A time gap between two neighbouring marks, written on the axis between them.
#[derive(Debug, Clone, PartialEq)]
pub struct Gap {
    pub x: f64,
    pub y: f64,
    pub text: String,
}

/// Lays out `window` of `seconds` with the node lane and incarnation bands of `lanes`. With
/// `width`, the marks are fitted into it; without, each mark gets [`MARK_SPACING`] and labels
/// are always shown, as in the export.
pub fn layout(
    seconds: &[Second<'_>],
    lanes: &Lanes<'_>,
    window: Window,
    lang: Lang,
    width: Option<f64>,
) -> Layout {
    let end = window.end().min(seconds.len());
    let shown = &seconds[window.start.min(end)..end];
    let count = shown.len().max(1) as f64;
    let natural = MARGIN_X * 2.0 + MARK_SPACING * count;
    let width = width.unwrap_or(natural).max(320.0);
    let spacing = (width - 2.0 * MARGIN_X) / count;
    let show_labels = spacing >= LABEL_MIN_SPACING;

    let lines: Vec<Vec<String>> = shown
        .iter()
        .map(|s| label_lines(s, lang, MAX_LABEL_LINES))
        .collect();
    let max_lines = lines.iter().map(Vec::len).max().unwrap_or(1) as f64;
    let label_room = if show_labels {
        STEM + STEM_STAGGER + (max_lines + 2.0) * LINE_HEIGHT
    } else {
        STEM
    };
    let band_room = if lanes.has_bands() {
        BAND_LABEL_ROOM
    } else {
        0.0
    };
    let axis_y = band_room + label_room + 20.0;
    let pod_height = axis_y + label_room + 20.0;

    let mut marks = Vec::with_capacity(shown.len());
    for (offset, (second, lines)) in shown.iter().zip(lines).enumerate() {
        let index = window.start + offset;
        let x = MARGIN_X + spacing * (offset as f64 + 0.5);
        // The first mark of a window always shows its date, even when the second before the
        // window is on the same day.
        let previous = if offset == 0 {
            None
        } else {
            seconds.get(index - 1)
        };
        let mut mark = place_mark(index, second, previous, x, axis_y, lines, show_labels);
        keep_text_inside(&mut mark, width);
        marks.push(mark);
    }
    let gaps = gaps_between(shown, &marks, axis_y, lang, spacing);
    let (axis_start_x, axis_end_x) = (MARGIN_X / 2.0, width - MARGIN_X / 2.0);
    let bands = bands(
        lanes.incarnations,
        shown,
        &marks,
        (axis_start_x, axis_end_x),
        pod_height,
    );
    let axis = PodAxis {
        seconds,
        window,
        marks: &marks,
        start_x: axis_start_x,
        end_x: axis_end_x,
    };
    let node_lane = node_lane(lanes.node, &axis, pod_height, show_labels, lang, width);
    let height = pod_height + node_lane.as_ref().map_or(0.0, |lane| lane.height);
    Layout {
        width,
        height,
        axis_y,
        axis_start_x,
        axis_end_x,
        marks,
        gaps,
        show_labels,
        pod_height,
        node_lane,
        bands,
    }
}

fn place_mark(
    index: usize,
    second: &Second<'_>,
    previous: Option<&Second<'_>>,
    x: f64,
    axis_y: f64,
    lines: Vec<String>,
    show_labels: bool,
) -> Mark {
    let above = index % 2 == 0;
    // Every other mark on each side gets a longer stem, so four neighbours use four heights.
    let stem = if show_labels && index % 4 >= 2 {
        STEM + STEM_STAGGER
    } else {
        STEM
    };
    let stem = if show_labels { stem } else { STEM / 2.0 };
    let stem_y = if above { axis_y - stem } else { axis_y + stem };
    let date = second.time.format("%Y-%m-%d").to_string();
    let new_date = previous.is_none_or(|p| p.time.date() != second.time.date());
    let rows = usize::from(new_date) + 1 + lines.len();
    let text_y = if above {
        stem_y - 6.0 - (rows as f64 - 1.0) * LINE_HEIGHT
    } else {
        stem_y + 6.0 + LINE_HEIGHT
    };
    Mark {
        second: index,
        x,
        stem_y,
        above,
        radius: DOT_RADIUS,
        level: second.level,
        colour: second.level.colour(),
        time_label: second.time.format("%H:%M:%S").to_string(),
        date_label: new_date.then_some(date),
        lines,
        text_y,
        line_height: LINE_HEIGHT,
        anchor: Anchor::Middle,
        text_x: x,
    }
}

/// Anchors a mark's text to one side when centred text would run past an edge of the picture.
pub(super) fn keep_text_inside(mark: &mut Mark, width: f64) {
    let widest = mark
        .text_rows()
        .iter()
        .map(|row| text_width(row.text, 7.0, 12.5))
        .fold(0.0, f64::max);
    let half = widest / 2.0;
    if mark.x - half < 4.0 {
        mark.anchor = Anchor::Start;
        mark.text_x = (mark.x - mark.radius).max(4.0);
    } else if mark.x + half > width - 4.0 {
        mark.anchor = Anchor::End;
        mark.text_x = (mark.x + mark.radius).min(width - 4.0);
    }
}

/// Returns the event labels of a second, capped at `max` lines with a `+N more` line.
pub(super) fn label_lines(second: &Second<'_>, lang: Lang, max: usize) -> Vec<String> {
    let mut labels = second.labels(lang);
    if labels.len() > max {
        let hidden = labels.len() - (max - 1);
        labels.truncate(max - 1);
        labels.push(match lang {
            Lang::En => format!("+{hidden} more"),
            Lang::ZhCn => format!("另有 {hidden} 项"),
        });
    }
    labels
}

/// Returns the gap labels that fit between their two dots; at tight spacing the time labels still show
/// the distances.
fn gaps_between(
    shown: &[Second<'_>],
    marks: &[Mark],
    axis_y: f64,
    lang: Lang,
    spacing: f64,
) -> Vec<Gap> {
    let room = spacing - 2.0 * DOT_RADIUS - 6.0;
    shown
        .windows(2)
        .zip(marks.windows(2))
        .filter_map(|(pair, mark_pair)| {
            let seconds = (pair[1].time - pair[0].time).num_seconds();
            let text = format_gap(seconds, lang);
            let fits = seconds > GAP_LABEL_SECONDS && text_width(&text, 6.5, 11.0) <= room;
            fits.then(|| Gap {
                x: (mark_pair[0].x + mark_pair[1].x) / 2.0,
                y: axis_y - 4.0,
                text,
            })
        })
        .collect()
}

/// Returns an estimate of the width of `text` with `latin` pixels per ASCII character and `wide`
/// per other character (Chinese is about as wide as the font size).
pub(super) fn text_width(text: &str, latin: f64, wide: f64) -> f64 {
    text.chars()
        .map(|c| if c.is_ascii() { latin } else { wide })
        .sum()
}

/// Returns how many marks a window can show with labels in `width`: [`WINDOW_MARKS`] when they
/// fit, fewer on narrow screens, never fewer than 5.
pub fn window_marks_for(width: f64) -> usize {
    let fitting = ((width - 2.0 * MARGIN_X - 1.0) / LABEL_MIN_SPACING).floor();
    (fitting.max(0.0) as usize).clamp(5, WINDOW_MARKS)
}

/// Returns the narrowest width at which `marks` marks are far enough apart for their labels.
pub fn min_label_width(marks: usize) -> f64 {
    2.0 * MARGIN_X + LABEL_MIN_SPACING * marks as f64 + 1.0
}

/// Writes a duration as `+1h05m`, `+4m12s` or `+2d03h`.
pub fn format_gap(seconds: i64, lang: Lang) -> String {
    let (d, h, m, s) = (
        seconds / 86_400,
        seconds % 86_400 / 3600,
        seconds % 3600 / 60,
        seconds % 60,
    );
    let text = if d > 0 {
        format!("{d}d{h:02}h")
    } else if h > 0 {
        format!("{h}h{m:02}m")
    } else {
        format!("{m}m{s:02}s")
    };
    match lang {
        Lang::En => format!("+{text}"),
        Lang::ZhCn => format!("间隔 {}", chinese_units(&text)),
    }
}

/// Writes the units of a gap in Chinese: `2d03h` becomes `2天03时`.
fn chinese_units(text: &str) -> String {
    text.replace('d', "天")
        .replace('h', "时")
        .replace('m', "分")
        .replace('s', "秒")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gap_formats() {
        assert_eq!(format_gap(252, Lang::En), "+4m12s");
        assert_eq!(format_gap(3900, Lang::En), "+1h05m");
        assert_eq!(format_gap(2 * 86_400 + 3 * 3600, Lang::En), "+2d03h");
        assert_eq!(format_gap(252, Lang::ZhCn), "间隔 4分12秒");
    }

    #[test]
    fn edge_labels_stay_inside() {
        use crate::analysis::Analyzer;
        use crate::level::LevelSet;
        use crate::rules::RuleSet;
        use crate::timeline::aggregate;

        let mut analyzer = Analyzer::new(RuleSet::builtin());
        let file = analyzer.begin_file("messages", 2025);
        for second in 0..WINDOW_MARKS {
            let line = format!(
                "Dec  4 10:00:{second:02} n kubelet[1]: I1204 10:00:{second:02}.000001       1 k.go:1] \
                 \"Container of pod is not in the desired state and shall be started\" \
                 containerName=\"app\" pod=\"shop/web-1\"\n"
            );
            analyzer.push(file, line.as_bytes());
        }
        analyzer.end_file(file);
        let analysis = analyzer.analysis();
        let seconds = aggregate(analysis.events.iter(), LevelSet::ALL);
        let width = min_label_width(WINDOW_MARKS);
        let tight = layout(
            &seconds,
            &Lanes::NONE,
            Window::all(WINDOW_MARKS),
            Lang::En,
            Some(width),
        );
        assert!(tight.show_labels);
        assert_eq!(
            tight.marks[0].anchor,
            Anchor::Start,
            "the first label is pushed right"
        );
        assert_eq!(
            tight.marks.last().unwrap().anchor,
            Anchor::End,
            "the last label is pushed left"
        );
        for mark in &tight.marks {
            assert!(mark.text_x >= 4.0, "{mark:?}");
            assert!(mark.text_x <= width - 4.0, "{mark:?}");
        }
    }

    #[test]
    fn window_marks_shrink_on_narrow_screens() {
        assert_eq!(window_marks_for(1400.0), WINDOW_MARKS);
        assert_eq!(window_marks_for(602.0), 10);
        assert_eq!(window_marks_for(100.0), 5);
        assert!(min_label_width(window_marks_for(978.0)) <= 978.0);
    }
}
