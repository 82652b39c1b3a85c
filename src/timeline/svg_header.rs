//! The header of the SVG export: the title, a block of facts (UIDs, files, time range, counts),
//! the levels shown when some are left out, a line saying that a redacted export is redacted,
//! the legend and the zone of the times. Long lists wrap onto further lines, and a name too long
//! for a line of its own is shortened in the middle, so no text runs past the canvas. Widths
//! are the layout's estimate ([`text_width`]), scaled to each line's font size.

use super::aggregate::Second;
use super::caption::{levels_caption, redacted_caption, zone_caption};
use super::layout::text_width;
use super::svg::{escape, generator, ExportInfo};
use crate::i18n::Lang;
use crate::level::Level;
use std::fmt::Write;

/// The left edge of the header's text, and the room kept free at the right edge.
const MARGIN: f64 = 20.0;
/// How far a wrapped list's further lines are indented.
const INDENT: f64 = 16.0;
const TITLE_FONT: f64 = 20.0;
/// The export's base font size, at which [`text_width`]'s estimate is made.
const BASE_FONT: f64 = 12.0;
/// The title is bold, and bold glyphs are wider.
const BOLD: f64 = 1.08;
const LEGEND_ITEM: f64 = 110.0;
/// Between two facts on one line.
const FACT_SEPARATOR: &str = "   ·   ";

/// One line of header text, placed.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct HeaderLine {
    pub class: &'static str,
    pub x: f64,
    pub y: f64,
    pub text: String,
}

impl HeaderLine {
    /// Returns an estimate of the x where the line's text ends.
    pub fn right_edge(&self) -> f64 {
        let scale = match self.class {
            "title" => TITLE_FONT / BASE_FONT * BOLD,
            _ => 1.0,
        };
        self.x + scale * text_width(&self.text, 7.0, 12.5)
    }
}

/// The placed header of an export.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Header {
    /// The title and fact lines, top to bottom.
    pub lines: Vec<HeaderLine>,
    /// The baseline of the legend's labels.
    pub legend_y: f64,
    /// The zone caption, beside the legend or under it.
    pub zone: HeaderLine,
    /// The bottom edge of the header, where the timeline starts.
    pub height: f64,
}

/// A fact of the header: `UID: a, b` is the label `UID: ` with two items.
struct Fact {
    /// The words before the items, with their colon and space.
    label: String,
    items: Vec<String>,
}

/// Places the header of an export of `seconds` on a canvas `width` wide.
pub(super) fn header(seconds: &[Second<'_>], info: &ExportInfo, width: f64) -> Header {
    let lang = info.lang;
    let room = width - 2.0 * MARGIN;
    let mut lines = Vec::new();

    let title = Fact {
        label: title_label(lang).to_string(),
        items: info.pods.iter().map(|(_, key)| key.clone()).collect(),
    };
    let mut y = 32.0;
    for (x, text) in wrap_fact(&title, room, TITLE_FONT / BASE_FONT * BOLD) {
        lines.push(HeaderLine {
            class: "title",
            x,
            y,
            text,
        });
        y += 26.0;
    }

    y += 22.0 - 26.0;
    for (x, text) in pack_facts(&facts(seconds, info), room) {
        lines.push(HeaderLine {
            class: "meta",
            x,
            y,
            text,
        });
        y += 18.0;
    }
    for (class, text) in notices(info) {
        lines.push(HeaderLine {
            class,
            x: MARGIN,
            y,
            text: shorten(&text, room),
        });
        y += 18.0;
    }

    let legend_y = y - 18.0 + 26.0;
    let mut zone = HeaderLine {
        class: "meta zone",
        x: MARGIN + Level::ALL.len() as f64 * LEGEND_ITEM + 10.0,
        y: legend_y,
        text: zone_caption(info.zone, lang),
    };
    if zone.right_edge() > width - MARGIN {
        zone.x = MARGIN;
        zone.y = legend_y + 20.0;
    }
    Header {
        lines,
        legend_y,
        height: zone.y + 16.0,
        zone,
    }
}

/// Returns the words before the pod keys of the title, with their colon.
pub(super) fn title_label(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Pod lifecycle: ",
        Lang::ZhCn => "Pod 生命周期：",
    }
}

/// Returns the facts of the header: UIDs, files, time range, counts and podlife's version.
fn facts(seconds: &[Second<'_>], info: &ExportInfo) -> Vec<Fact> {
    let lang = info.lang;
    let range = match (seconds.first(), seconds.last()) {
        (Some(first), Some(last)) => format!("{} → {}", first.iso(), last.iso()),
        _ => "—".to_string(),
    };
    let events: usize = seconds.iter().map(Second::event_count).sum();
    let (files_label, range_label, counts) = match lang {
        Lang::En => (
            "Files",
            "Time",
            format!(
                "{} in {}",
                counted(events, "event"),
                counted(seconds.len(), "second")
            ),
        ),
        Lang::ZhCn => (
            "文件",
            "时间",
            format!("{} 秒内共 {events} 个事件", seconds.len()),
        ),
    };
    let uids = if info.uids.is_empty() {
        vec!["—".to_string()]
    } else {
        info.uids.clone()
    };
    vec![
        Fact {
            label: "UID: ".to_string(),
            items: uids,
        },
        Fact {
            label: format!("{files_label}: "),
            items: info.files.clone(),
        },
        Fact {
            label: format!("{range_label}: "),
            items: vec![range],
        },
        Fact {
            label: String::new(),
            items: vec![counts],
        },
        Fact {
            label: String::new(),
            items: vec![generator()],
        },
    ]
}

/// Returns the header's notices, each on a line of its own with its class: the levels shown
/// when some are left out, and the redaction of a redacted export.
fn notices(info: &ExportInfo) -> Vec<(&'static str, String)> {
    let mut notices = Vec::new();
    if let Some(levels) = levels_caption(info.levels, info.lang) {
        notices.push(("meta levels", levels));
    }
    if info.redacted {
        notices.push(("meta redacted", redacted_caption(info.lang).to_string()));
    }
    notices
}

/// Packs facts onto lines at most `room` wide, several to a line where they fit. A fact too
/// long for one line gets lines of its own. Returns each line's x and text.
fn pack_facts(facts: &[Fact], room: f64) -> Vec<(f64, String)> {
    let mut lines: Vec<(f64, String)> = Vec::new();
    let mut current = String::new();
    for fact in facts {
        let wrapped = wrap_fact(fact, room, 1.0);
        if let [(_, text)] = wrapped.as_slice() {
            let joined = format!("{current}{FACT_SEPARATOR}{text}");
            if current.is_empty() {
                current = text.clone();
            } else if width(&joined) <= room {
                current = joined;
            } else {
                lines.push((MARGIN, std::mem::replace(&mut current, text.clone())));
            }
            continue;
        }
        if !current.is_empty() {
            lines.push((MARGIN, std::mem::take(&mut current)));
        }
        lines.extend(wrapped);
    }
    if !current.is_empty() {
        lines.push((MARGIN, current));
    }
    lines
}

/// Writes a fact as `label: a, b, c` on lines at most `room` pixels wide at `scale` times the
/// base font size, breaking after a comma. Further lines are indented. Returns each line's x
/// and text.
fn wrap_fact(fact: &Fact, room: f64, scale: f64) -> Vec<(f64, String)> {
    let fits = |indent: f64, text: &str| indent + scale * width(text) <= room;
    let mut lines: Vec<(f64, String)> = Vec::new();
    let mut current = fact.label.clone();
    let mut indent = 0.0;
    for (i, item) in fact.items.iter().enumerate() {
        let joined = match i {
            0 => format!("{current}{item}"),
            _ => format!("{current}, {item}"),
        };
        if fits(indent, &joined) {
            current = joined;
        } else if i == 0 {
            let left = (room - indent) / scale - width(&current);
            current.push_str(&shorten(item, left));
        } else {
            lines.push((MARGIN + indent, format!("{current},")));
            indent = INDENT;
            current = shorten(item, (room - indent) / scale);
        }
    }
    lines.push((MARGIN + indent, current));
    lines
}

/// Returns `text`, or its start and end around a `…` when it is wider than `room`.
pub(super) fn shorten(text: &str, room: f64) -> String {
    if width(text) <= room {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut keep = chars.len();
    while keep > 0 {
        keep -= 1;
        let head = keep.div_ceil(2);
        let tail = keep - head;
        let candidate: String = chars[..head]
            .iter()
            .chain(std::iter::once(&'…'))
            .chain(&chars[chars.len() - tail..])
            .collect();
        if width(&candidate) <= room {
            return candidate;
        }
    }
    "…".to_string()
}

/// Estimates the width of `text` in the export's 12 px font.
pub(super) fn width(text: &str) -> f64 {
    text_width(text, 7.0, 12.5)
}

/// Writes the header's text, legend and zone caption. The legend item of a level that the
/// export leaves out is dimmed, and struck through.
pub(super) fn write_header(svg: &mut String, header: &Header, info: &ExportInfo) {
    for line in &header.lines {
        write_line(svg, line);
    }
    svg.push_str(r#"<g class="legend">"#);
    for (i, level) in Level::ALL.into_iter().enumerate() {
        let x = MARGIN + i as f64 * LEGEND_ITEM;
        let hidden = !info.levels.contains(level);
        if hidden {
            let _ = write!(
                svg,
                r#"<g class="hidden-level" data-level="{}" opacity="0.35">"#,
                level.name()
            );
        }
        let _ = write!(
            svg,
            r#"<circle class="dot" cx="{:.1}" cy="{:.1}" r="6" fill="{}"/><text x="{:.1}" y="{:.1}">{}</text>"#,
            x + 6.0,
            header.legend_y - 4.0,
            level.colour(),
            x + 18.0,
            header.legend_y,
            escape(level.label(info.lang))
        );
        if hidden {
            let label_end = x + 18.0 + width(level.label(info.lang));
            let _ = write!(
                svg,
                r#"<line class="stem" x1="{:.1}" y1="{y:.1}" x2="{label_end:.1}" y2="{y:.1}"/></g>"#,
                x - 2.0,
                y = header.legend_y - 4.0
            );
        }
    }
    svg.push_str("</g>");
    write_line(svg, &header.zone);
}

fn write_line(svg: &mut String, line: &HeaderLine) {
    let _ = write!(
        svg,
        r#"<text class="{}" x="{:.1}" y="{:.1}">{}</text>"#,
        line.class,
        line.x,
        line.y,
        escape(&line.text)
    );
}

/// Writes `count` with `noun` in the singular or the plural.
pub(super) fn counted(count: usize, noun: &str) -> String {
    match count {
        1 => format!("1 {noun}"),
        n => format!("{n} {noun}s"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Zone;
    use crate::level::LevelSet;

    /// Builds an export's facts with long file names, two incarnations and two pods.
    fn long_info(lang: Lang) -> ExportInfo {
        ExportInfo {
            pods: vec![
                (0, "payments-production/orders-db-0".to_string()),
                (1, "payments-staging-europe-west/orders-db-0".to_string()),
            ],
            uids: vec![
                "3f8e1a2b-7c4d-4e5f-8a9b-0c1d2e3f4a5b".to_string(),
                "9b7d5c3e-1f2a-4b6c-8d0e-2a4c6e8f0b1d".to_string(),
                "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f".to_string(),
            ],
            files: vec![
                "support-bundle-node-b-20251231/var/log/messages-20251224.gz".to_string(),
                "support-bundle-node-b-20251231/var/log/messages-20251231.gz".to_string(),
                "support-bundle-node-b-20251231/var/log/messages".to_string(),
                "kubelet-journal-export-with-a-name-much-longer-than-any-line-of-the-header-\
                 could-hold-on-its-own-even-without-its-label-and-the-other-facts-written-\
                 beside-it.jsonl"
                    .to_string(),
            ],
            lang,
            zone: Zone::Offset { seconds: 19_800 },
            levels: LevelSet::ALL,
            redacted: false,
        }
    }

    #[test]
    fn header_lines_fit_canvas() {
        for lang in [Lang::En, Lang::ZhCn] {
            let info = long_info(lang);
            let placed = header(&[], &info, 1100.0);
            assert!(
                placed.lines.len() > 3,
                "{lang:?}: the facts wrap: {placed:?}"
            );
            for line in placed.lines.iter().chain([&placed.zone]) {
                assert!(
                    line.right_edge() <= 1100.0 - MARGIN,
                    "{lang:?}: {:?} ends at {:.0} px",
                    line.text,
                    line.right_edge()
                );
            }
            let text: String = placed.lines.iter().map(|l| l.text.as_str()).collect();
            for uid in &info.uids {
                assert!(
                    text.contains(uid.as_str()),
                    "{lang:?}: {uid} is written whole"
                );
            }
            for file in &info.files[..3] {
                assert!(
                    text.contains(file.as_str()),
                    "{lang:?}: {file} is written whole"
                );
            }
            assert!(
                text.contains('…'),
                "{lang:?}: the longest name is shortened"
            );
            for (_, key) in &info.pods {
                assert!(
                    text.contains(key.as_str()),
                    "{lang:?}: the title names {key}"
                );
            }
        }
    }

    #[test]
    fn header_short_facts_one_line() {
        let info = ExportInfo {
            pods: vec![(0, "shop/web-1".to_string())],
            uids: vec!["3f8e1a2b-7c4d-4e5f-8a9b-0c1d2e3f4a5b".to_string()],
            files: vec!["messages".to_string()],
            lang: Lang::En,
            zone: Zone::AsWritten,
            levels: LevelSet::ALL,
            redacted: false,
        };
        let placed = header(&[], &info, 1100.0);
        let classes: Vec<&str> = placed.lines.iter().map(|l| l.class).collect();
        assert_eq!(classes, ["title", "meta"]);
        assert_eq!(placed.lines[0].text, "Pod lifecycle: shop/web-1");
        assert_eq!(placed.legend_y, 80.0);
        assert_eq!(placed.zone.y, 80.0, "the zone stands beside the legend");
        assert_eq!(placed.height, 96.0);
    }

    #[test]
    fn header_notices_levels_and_redaction() {
        let info = ExportInfo {
            pods: vec![(0, "shop/web-1".to_string())],
            uids: vec![],
            files: vec!["messages".to_string()],
            lang: Lang::En,
            zone: Zone::AsWritten,
            levels: LevelSet::DEFAULT,
            redacted: true,
        };
        let placed = header(&[], &info, 1100.0);
        let classes: Vec<&str> = placed.lines.iter().map(|l| l.class).collect();
        assert_eq!(classes, ["title", "meta", "meta levels", "meta redacted"]);
        assert_eq!(
            placed.lines[2].text,
            "Levels shown: Normal, Warning, Error, Fatal"
        );
        assert!(placed.lines[3].text.starts_with("Redacted: "));
        assert_eq!(placed.height, 96.0 + 2.0 * 18.0, "each notice takes a line");

        let mut svg = String::new();
        write_header(&mut svg, &placed, &info);
        assert_eq!(svg.matches(r#"class="hidden-level""#).count(), 1);
        assert!(svg.contains(r#"data-level="Info" opacity="0.35""#), "{svg}");
    }

    #[test]
    fn shorten_keeps_both_ends() {
        let name = "support-bundle/var/log/messages-20251231.gz";
        assert_eq!(shorten(name, 1000.0), name);
        let short = shorten(name, 140.0);
        assert!(width(&short) <= 140.0);
        assert!(short.starts_with("suppor"), "{short}");
        assert!(short.ends_with(".gz"), "{short}");
        assert!(short.contains('…'));
    }
}
