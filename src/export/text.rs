//! The timeline as terminal text: one row per second with its time, highest level, incarnation
//! (when the pod has several) and event labels. Node events near the pod get rows of their own
//! in time order, tagged `node` in a column after the level. When the timeline shows several
//! pods, that column names the pod of each row, and a second with events of two pods gets one
//! row per pod.

use crate::analysis::Incarnation;
use crate::i18n::Lang;
use crate::level::Level;
use crate::timeline::{incarnations_in, split_by_pod, Second};
use std::io::{self, Write};

/// The contents of a text timeline: pod seconds, node seconds, incarnations and pod names.
#[derive(Debug, Clone, Copy, Default)]
pub struct TextTimeline<'s, 'a> {
    /// The pods' seconds, in time order.
    pub seconds: &'s [Second<'a>],
    /// The node seconds near the pods, in time order.
    pub node: &'s [Second<'a>],
    /// The pod's incarnations. With two or more, each pod row names the incarnations of its
    /// events, as `#1` or `#1,#2`.
    pub incarnations: &'s [Incarnation],
    /// The `namespace/name` of each pod index, when the timeline shows several pods. Each pod
    /// row then names its pod.
    pub pod_keys: &'s [(usize, String)],
}

/// One row of the text: a second of one pod, or of the node.
struct Row<'s, 'a> {
    second: Second<'a>,
    /// The pod key or the node tag, or empty.
    source: &'s str,
    incarnation: String,
}

/// Writes one row per second of `timeline`, pod and node rows in time order. With `colour`,
/// the level is coloured with ANSI escapes.
pub fn write_text_timeline(
    out: &mut dyn Write,
    timeline: &TextTimeline<'_, '_>,
    lang: Lang,
    colour: bool,
) -> io::Result<()> {
    let rows = rows_of(timeline, lang);
    let source_width = rows
        .iter()
        .map(|row| columns(row.source))
        .max()
        .unwrap_or(0);
    let separator = match lang {
        Lang::En => ", ",
        Lang::ZhCn => "、",
    };
    for row in &rows {
        let second = &row.second;
        let level = pad(second.level.label(lang), 7);
        let level = if colour {
            format!("{}{level}\x1b[0m", ansi(second.level))
        } else {
            level
        };
        let source = match source_width {
            0 => String::new(),
            width => format!("{}  ", pad(row.source, width)),
        };
        let incarnation = if timeline.incarnations.len() > 1 {
            format!("{}  ", pad(&row.incarnation, 5))
        } else {
            String::new()
        };
        writeln!(
            out,
            "{}  {level}  {source}{incarnation}{}",
            second.time.format("%Y-%m-%d %H:%M:%S"),
            second.labels_with_containers(lang).join(separator)
        )?;
    }
    Ok(())
}

/// Returns the rows of `timeline` in time order, the pod rows of a second before its node row.
fn rows_of<'s, 'a>(timeline: &TextTimeline<'s, 'a>, lang: Lang) -> Vec<Row<'s, 'a>> {
    let node_tag = match lang {
        Lang::En => "node",
        Lang::ZhCn => "节点",
    };
    let mut rows: Vec<Row<'s, 'a>> = Vec::new();
    for second in timeline.seconds {
        let parts = if timeline.pod_keys.is_empty() {
            vec![second.clone()]
        } else {
            split_by_pod(second)
        };
        for part in parts {
            let source = part.events[0]
                .pod
                .and_then(|pod| timeline.pod_keys.iter().find(|(index, _)| *index == pod))
                .map_or("", |(_, key)| key.as_str());
            let incarnation = incarnation_column(timeline.incarnations, &part);
            rows.push(Row {
                second: part,
                source,
                incarnation,
            });
        }
    }
    for second in timeline.node {
        rows.push(Row {
            second: second.clone(),
            source: node_tag,
            incarnation: String::new(),
        });
    }
    // A stable sort keeps the pod rows of a second before its node row.
    rows.sort_by_key(|row| row.second.time);
    rows
}

/// Returns the incarnations of a second's events as `#1` or `#1,#2`.
fn incarnation_column(incarnations: &[Incarnation], second: &Second<'_>) -> String {
    incarnations_in(incarnations, second)
        .iter()
        .map(|index| format!("#{}", index + 1))
        .collect::<Vec<_>>()
        .join(",")
}

/// Returns the terminal columns of `text`, counting CJK characters as two.
fn columns(text: &str) -> usize {
    text.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

/// Pads `text` to `width` terminal columns.
fn pad(text: &str, width: usize) -> String {
    format!("{text}{}", " ".repeat(width.saturating_sub(columns(text))))
}

/// Returns the ANSI colour closest to a level's timeline colour.
fn ansi(level: Level) -> &'static str {
    match level {
        Level::Info => "\x1b[37m",
        Level::Normal => "\x1b[32m",
        Level::Warning => "\x1b[33m",
        Level::Error => "\x1b[31m",
        Level::Fatal => "\x1b[1;31m",
    }
}
