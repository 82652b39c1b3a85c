//! The standalone SVG export, drawn from the same [`Layout`] as the page: a header with the pod,
//! files, time range and time zone, a legend, the marks with their labels, the incarnation bands
//! and the node lane, and below them every event of every second with its raw line. Styles are
//! embedded and fonts come from the system, so the file renders the same anywhere; all log text
//! is escaped.

use super::aggregate::Second;
use super::incarnation::{incarnation_of, incarnation_tag};
use super::lanes::Lanes;
use super::layout::{layout, Layout, Mark, RowKind};
use super::svg_header::{counted, header, shorten, title_label, width, write_header, Header};
use super::svg_lanes::{write_bands, write_node_lane, LANE_STYLE};
use super::svg_overview::{export_overview_svg, EXPORT_MAX_SECONDS};
use super::window::Window;
use crate::analysis::{Analysis, Event, Incarnation, Zone};
use crate::i18n::Lang;
use crate::level::LevelSet;
use std::fmt::Write;

/// Fonts that cover Latin and Chinese on Linux, macOS and Windows. A renderer that does not
/// know `system-ui`, such as rsvg-convert 2.54, would otherwise draw Latin text in the first CJK
/// font and its wide punctuation, so Linux's common Latin font comes before the CJK ones.
pub const FONT_STACK: &str = "system-ui, -apple-system, 'Segoe UI', 'DejaVu Sans', \
    'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', 'Source Han Sans SC', \
    sans-serif";
const MONO_STACK: &str =
    "ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, 'Noto Sans Mono CJK SC', monospace";

const MIN_WIDTH: f64 = 1100.0;
const ROW_HEIGHT: f64 = 16.0;
/// The x position where an event's row starts, and the space kept free at the canvas's right
/// edge.
const DETAIL_X: f64 = 40.0;
const DETAIL_MARGIN: f64 = 20.0;
/// The minimum width that a shortened file name keeps, so a row never loses it entirely.
const MIN_FILE_ROOM: f64 = 120.0;
/// Raw lines are wrapped at this many characters and shown up to [`MAX_RAW_ROWS`] rows; the
/// whole line is always in the row's `<title>`.
const RAW_WRAP: usize = 150;
const MAX_RAW_ROWS: usize = 8;

/// The facts the export's header gives about the picture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportInfo {
    /// The index and `namespace/name` of each pod shown. The title lists them, and with
    /// several pods each event of the details names its pod.
    pub pods: Vec<(usize, String)>,
    pub uids: Vec<String>,
    pub files: Vec<String>,
    pub lang: Lang,
    /// The zone of the times, stated beside the legend.
    pub zone: Zone,
    /// The levels drawn. The header names them when some are left out, and the legend dims
    /// the others.
    pub levels: LevelSet,
    /// Whether the analysis was redacted, which the header and the root's `data-redacted`
    /// attribute state.
    pub redacted: bool,
}

impl ExportInfo {
    /// Returns the facts of an export of `pods` in `analysis` at every level.
    pub fn of(analysis: &Analysis, pods: &[usize], lang: Lang) -> ExportInfo {
        ExportInfo {
            pods: pods
                .iter()
                .map(|&index| (index, analysis.pods[index].key()))
                .collect(),
            uids: pods
                .iter()
                .flat_map(|&index| analysis.pods[index].uids.iter().cloned())
                .collect(),
            files: analysis.files.iter().map(|f| f.name.clone()).collect(),
            lang,
            zone: analysis.zone,
            levels: LevelSet::ALL,
            redacted: analysis.redacted,
        }
    }

    /// Returns these facts for an export that draws only `levels`.
    pub fn with_levels(self, levels: LevelSet) -> ExportInfo {
        ExportInfo { levels, ..self }
    }

    /// Returns the key of the pod an event is about, when the export shows several pods.
    fn pod_of(&self, event: &Event) -> Option<&str> {
        if self.pods.len() < 2 {
            return None;
        }
        let pod = event.pod?;
        self.pods
            .iter()
            .find(|(index, _)| *index == pod)
            .map(|(_, key)| key.as_str())
    }
}

/// Renders every second of `seconds` as a standalone SVG document, with the node lane and
/// incarnation bands of `lanes`. A lifecycle of more than [`EXPORT_MAX_SECONDS`] seconds is
/// drawn as an overview of buckets, without the list of events.
pub fn export_svg(seconds: &[Second<'_>], lanes: &Lanes<'_>, info: &ExportInfo) -> String {
    if seconds.len() > EXPORT_MAX_SECONDS {
        return export_overview_svg(seconds, lanes, info);
    }
    let whole = Window::all(seconds.len());
    let natural = layout(seconds, lanes, whole, info.lang, None).width;
    let geometry = layout(
        seconds,
        lanes,
        whole,
        info.lang,
        Some(natural.max(MIN_WIDTH)),
    );
    let width = geometry.width;
    let pod_seconds: Vec<&Second<'_>> = seconds.iter().collect();
    let node_seconds: Vec<&Second<'_>> = geometry
        .node_lane
        .iter()
        .flat_map(|lane| lane.marks.iter().map(|m| &lanes.node[m.mark.second]))
        .collect();
    let details_height = details_height(&pod_seconds) + details_height(&node_seconds);
    let header = header(seconds, info, width);
    let height = header.height + geometry.height + details_height + 20.0;

    let mut svg = String::with_capacity(4096 + seconds.len() * 1024);
    open_document(&mut svg, info, &header, width, height);
    let _ = write!(
        svg,
        r#"<g class="timeline" transform="translate(0 {})">"#,
        header.height
    );
    write_bands(&mut svg, &geometry);
    write_marks(&mut svg, &geometry, seconds, info.lang);
    if let Some(lane) = &geometry.node_lane {
        write_node_lane(&mut svg, lane, lanes.node, info.lang);
    }
    svg.push_str("</g>");
    let details_top = header.height + geometry.height;
    let incarnations = if lanes.has_bands() {
        lanes.incarnations
    } else {
        &[]
    };
    let pod_details = Details {
        class: "details",
        heading: match info.lang {
            Lang::En => "Events of every second",
            Lang::ZhCn => "每一秒的事件",
        },
        seconds: &pod_seconds,
        incarnations,
    };
    let node_top = write_details(&mut svg, &pod_details, info, details_top);
    if !node_seconds.is_empty() {
        let node_details = Details {
            class: "node-details",
            heading: match info.lang {
                Lang::En => "Node events",
                Lang::ZhCn => "节点事件",
            },
            seconds: &node_seconds,
            incarnations: &[],
        };
        write_details(&mut svg, &node_details, info, node_top);
    }
    svg.push_str("</svg>\n");
    svg
}

/// The version of podlife that writes an export, stated in its header and on its root element.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Returns the name and version of the program that wrote an export: `podlife 0.1.0`.
pub fn generator() -> String {
    format!("podlife {VERSION}")
}

pub(super) fn title(info: &ExportInfo) -> String {
    let keys: Vec<&str> = info.pods.iter().map(|(_, key)| key.as_str()).collect();
    format!("{}{}", title_label(info.lang), keys.join(", "))
}

pub(super) fn style() -> String {
    format!(
        "<style>\
         .podlife-export text {{ font-family: {FONT_STACK}; font-size: 12px; fill: #1f2328; }}\
         .podlife-export .background {{ fill: #ffffff; }}\
         .podlife-export .title {{ font-size: 20px; font-weight: 600; }}\
         .podlife-export .meta {{ fill: #57606a; }}\
         .podlife-export .axis {{ stroke: #57606a; stroke-width: 2; }}\
         .podlife-export .stem {{ stroke: #8c959f; stroke-width: 1; }}\
         .podlife-export .dot {{ stroke: #57606a; stroke-width: 1; }}\
         .podlife-export .time {{ font-weight: 600; }}\
         .podlife-export .date, .podlife-export .gap {{ fill: #57606a; font-size: 11px; }}\
         .podlife-export .heading {{ font-weight: 600; }}\
         .podlife-export .raw {{ font-family: {MONO_STACK}; font-size: 11px; fill: #424a53; white-space: pre; }}\
         {LANE_STYLE}\
         </style>"
    )
}

fn write_marks(svg: &mut String, geometry: &Layout, seconds: &[Second<'_>], lang: Lang) {
    let _ = write!(
        svg,
        r#"<line class="axis" x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}"/>"#,
        geometry.axis_start_x, geometry.axis_y, geometry.axis_end_x, geometry.axis_y
    );
    for gap in &geometry.gaps {
        let _ = write!(
            svg,
            r#"<text class="gap" x="{:.1}" y="{:.1}" text-anchor="middle">{}</text>"#,
            gap.x,
            gap.y,
            escape(&gap.text)
        );
    }
    for mark in &geometry.marks {
        write_mark(svg, mark, &seconds[mark.second], geometry.axis_y, lang);
    }
}

fn write_mark(svg: &mut String, mark: &Mark, second: &Second<'_>, axis_y: f64, lang: Lang) {
    let _ = write!(
        svg,
        r#"<g class="mark" data-second="{}" data-level="{}" data-count="{}">"#,
        second.iso(),
        mark.level.name(),
        second.event_count()
    );
    let _ = write!(
        svg,
        "<title>{}</title>",
        escape(&second_summary(second, lang))
    );
    let _ = write!(
        svg,
        r#"<line class="stem" x1="{x:.1}" y1="{axis_y:.1}" x2="{x:.1}" y2="{:.1}"/><circle class="dot" cx="{x:.1}" cy="{axis_y:.1}" r="{:.1}" fill="{}"/>"#,
        mark.stem_y,
        mark.radius,
        mark.colour,
        x = mark.x
    );
    for row in mark.text_rows() {
        let class = match row.kind {
            RowKind::Date => "date",
            RowKind::Time => "time",
            RowKind::Label => "label",
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
    svg.push_str("</g>");
}

/// Returns the tooltip of a mark: every event of the second, one per line.
pub(super) fn second_summary(second: &Second<'_>, lang: Lang) -> String {
    let mut out = format!("{} · {}", second.iso(), second.level.label(lang));
    for event in &second.events {
        let container = event.container.as_deref().unwrap_or("-");
        let _ = write!(
            out,
            "\n{} {} {} [{container}]",
            event.time.iso(),
            event.level.label(lang),
            event.label(lang)
        );
    }
    out
}

/// Returns the height of a list of seconds with their events; nothing for no seconds.
fn details_height(seconds: &[&Second<'_>]) -> f64 {
    if seconds.is_empty() {
        return 0.0;
    }
    let rows: usize = seconds
        .iter()
        .map(|s| {
            1 + s
                .events
                .iter()
                .map(|e| 1 + raw_rows(&e.text).len())
                .sum::<usize>()
        })
        .sum();
    40.0 + rows as f64 * ROW_HEIGHT + seconds.len() as f64 * 8.0
}

/// One list of seconds below the picture: the pod's, or the node lane's.
struct Details<'d, 'a> {
    class: &'static str,
    heading: &'static str,
    seconds: &'d [&'d Second<'a>],
    /// The pod's incarnations when each event is to name its own; empty otherwise.
    incarnations: &'d [Incarnation],
}

/// Writes a list of seconds with their events starting at `top`, and returns where it ends.
fn write_details(svg: &mut String, details: &Details<'_, '_>, info: &ExportInfo, top: f64) -> f64 {
    let lang = info.lang;
    let _ = write!(
        svg,
        r#"<g class="{}"><text class="heading" x="20" y="{:.1}">{}</text>"#,
        details.class,
        top + 20.0,
        details.heading
    );
    let mut y = top + 20.0;
    for second in details.seconds {
        y += ROW_HEIGHT + 8.0;
        let _ = write!(
            svg,
            r#"<g class="detail-second" data-second="{}"><text class="heading" x="20" y="{y:.1}">{} · {} · {}</text>"#,
            second.iso(),
            second.iso(),
            escape(second.level.label(lang)),
            escape(&second.labels(lang).join(", "))
        );
        for event in &second.events {
            y += ROW_HEIGHT;
            y = write_event_rows(svg, event, details.incarnations, info, y);
        }
        svg.push_str("</g>");
    }
    svg.push_str("</g>");
    top + details_height(details.seconds)
}

fn write_event_rows(
    svg: &mut String,
    event: &crate::analysis::Event,
    incarnations: &[Incarnation],
    info: &ExportInfo,
    mut y: f64,
) -> f64 {
    let lang = info.lang;
    let container = event.container.as_deref().unwrap_or("-");
    let file = info
        .files
        .get(event.file)
        .map(String::as_str)
        .unwrap_or("?");
    // With several pods, the pod comes before its container.
    let pod = info
        .pod_of(event)
        .map_or(String::new(), |key| format!("{key} "));
    let head = format!(
        "{}  {}  {}  {pod}[{container}]  ",
        event.time.iso(),
        event.level.label(lang),
        event.label(lang),
    );
    let mut tail = format!(":{}", event.line);
    if let Some(index) = incarnation_of(incarnations, event) {
        let _ = write!(tail, "  {}", incarnation_tag(incarnations, index));
    }
    // A bundle member's path can be long: it gives way, in the middle, to fit the canvas.
    let room = MIN_WIDTH - DETAIL_X - DETAIL_MARGIN - width(&head) - width(&tail);
    let summary = format!("{head}{}{tail}", shorten(file, room.max(MIN_FILE_ROOM)));
    let _ = write!(
        svg,
        r#"<g class="detail-event"><title>{}</title><circle cx="30" cy="{:.1}" r="4" fill="{}" class="dot"/><text x="{DETAIL_X}" y="{y:.1}">{}</text>"#,
        escape(&event.text),
        y - 4.0,
        event.level.colour(),
        escape(&summary)
    );
    for row in raw_rows(&event.text) {
        y += ROW_HEIGHT;
        let _ = write!(
            svg,
            r#"<text class="raw" x="40" y="{y:.1}" xml:space="preserve">{}</text>"#,
            escape(&row)
        );
    }
    svg.push_str("</g>");
    y
}

/// Returns the raw line wrapped for display at spaces where it can, with a note of what was
/// left out.
fn raw_rows(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut rows = Vec::new();
    let mut start = 0;
    while start < chars.len() && rows.len() < MAX_RAW_ROWS {
        let mut end = (start + RAW_WRAP).min(chars.len());
        if end < chars.len() {
            // Break after the last space of the row, unless it is in the row's first half.
            if let Some(space) = chars[start..end].iter().rposition(|&c| c == ' ') {
                if space > RAW_WRAP / 2 {
                    end = start + space + 1;
                }
            }
        }
        rows.push(chars[start..end].iter().collect());
        start = end;
    }
    if start < chars.len() {
        rows.push(format!(
            "… (+{})",
            counted(chars.len() - start, "character")
        ));
    }
    rows
}

/// Escapes text for XML content and attributes, and replaces the control characters that XML
/// 1.0 forbids with U+FFFD.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Writes the start of an exported document: the `<svg>` element, its title and style, the
/// background and the header.
pub(super) fn open_document(
    svg: &mut String,
    info: &ExportInfo,
    header: &Header,
    width: f64,
    height: f64,
) {
    let _ = write!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0}" height="{height:.0}" viewBox="0 0 {width:.0} {height:.0}" class="podlife-export" lang="{}" data-podlife-version="{VERSION}"{}>"#,
        info.lang.tag(),
        if info.redacted {
            r#" data-redacted="true""#
        } else {
            ""
        }
    );
    let _ = write!(svg, "<title>{}</title>", escape(&title(info)));
    let _ = write!(svg, "<metadata>{}</metadata>", generator());
    svg.push_str(&style());
    let _ = write!(
        svg,
        r#"<rect class="background" x="0" y="0" width="{width:.0}" height="{height:.0}"/>"#
    );
    write_header(svg, header, info);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_markup_and_controls() {
        assert_eq!(escape("<script>&\"'"), "&lt;script&gt;&amp;&quot;&apos;");
        assert_eq!(escape("a\u{1b}[31mb"), "a\u{FFFD}[31mb");
        assert_eq!(escape("]]>"), "]]&gt;");
    }

    #[test]
    fn raw_rows_wrap_and_cap() {
        let long = "x".repeat(RAW_WRAP * MAX_RAW_ROWS + 5);
        let rows = raw_rows(&long);
        assert_eq!(rows.len(), MAX_RAW_ROWS + 1);
        assert_eq!(rows.last().unwrap(), "… (+5 characters)");
        let words = "word ".repeat(RAW_WRAP / 5 + 10);
        let rows = raw_rows(&words);
        assert!(rows[0].ends_with(' '), "a row breaks after a space");
        assert_eq!(rows.concat(), words, "nothing is lost");
    }
}
