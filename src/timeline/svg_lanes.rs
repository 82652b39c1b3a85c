//! The node lane and the incarnation bands of the SVG export, drawn from the layout's geometry
//! with the same class names as the page.

use super::aggregate::Second;
use super::layout::{Layout, RowKind};
use super::node_lane::{NodeLane, NodeMark};
use super::svg::{escape, second_summary};
use crate::i18n::Lang;
use std::fmt::Write;

/// The export's styles of the lane and the bands.
pub(super) const LANE_STYLE: &str = "\
    .podlife-export .band-0 { fill: #f3f6f9; }\
    .podlife-export .band-1 { fill: #e8f0fa; }\
    .podlife-export .band-label { fill: #57606a; font-size: 11px; }\
    .podlife-export .lane { stroke: #8c959f; stroke-width: 1; stroke-dasharray: 4 3; }\
    .podlife-export .lane-title { fill: #57606a; font-weight: 600; }";

/// Draws the bands behind the marks, one `<g class="band">` each.
pub(super) fn write_bands(svg: &mut String, geometry: &Layout) {
    if geometry.bands.is_empty() {
        return;
    }
    svg.push_str(r#"<g class="bands">"#);
    for band in &geometry.bands {
        let _ = write!(
            svg,
            r#"<g class="band" data-uid="{}"><rect class="band-{}" x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}"/><text class="band-label" x="{:.1}" y="{:.1}">{}</text></g>"#,
            escape(&band.uid),
            band.incarnation % 2,
            band.x,
            band.y,
            band.width,
            band.height,
            band.label_x,
            band.label_y,
            escape(&band.label)
        );
    }
    svg.push_str("</g>");
}

/// Draws the node lane: its line, its title and its marks with their text.
pub(super) fn write_node_lane(svg: &mut String, lane: &NodeLane, node: &[Second<'_>], lang: Lang) {
    let _ = write!(
        svg,
        r#"<g class="node-lane"><line class="lane" x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}"/><text class="lane-title" x="{:.1}" y="{:.1}">{}</text>"#,
        lane.start_x, lane.y, lane.end_x, lane.y, lane.title_x, lane.title_y, lane.title
    );
    for mark in &lane.marks {
        write_node_mark(svg, mark, &node[mark.mark.second], lane.y, lang);
    }
    svg.push_str("</g>");
}

fn write_node_mark(
    svg: &mut String,
    node: &NodeMark,
    second: &Second<'_>,
    lane_y: f64,
    lang: Lang,
) {
    let mark = &node.mark;
    let _ = write!(
        svg,
        r#"<g class="node-mark" data-second="{}" data-level="{}" data-count="{}"><title>{}</title>"#,
        second.iso(),
        mark.level.name(),
        second.event_count(),
        escape(&second_summary(second, lang))
    );
    if node.labelled {
        let _ = write!(
            svg,
            r#"<line class="stem" x1="{x:.1}" y1="{lane_y:.1}" x2="{x:.1}" y2="{:.1}"/>"#,
            mark.stem_y,
            x = mark.x
        );
    }
    let _ = write!(
        svg,
        r#"<path class="dot" d="{}" fill="{}"/>"#,
        node.diamond(lane_y),
        mark.colour
    );
    if node.labelled {
        for row in mark.text_rows() {
            let class = if row.kind == RowKind::Time {
                "time"
            } else {
                "label"
            };
            let _ = write!(
                svg,
                r#"<text class="{class}" x="{:.1}" y="{:.1}" text-anchor="{}">{}</text>"#,
                mark.text_x,
                row.y,
                mark.anchor.svg(),
                escape(row.text)
            );
        }
    }
    svg.push_str("</g>");
}
