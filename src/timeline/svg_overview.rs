//! The SVG export of a lifecycle too long to draw second by second: the header as usual, then
//! the overview of buckets that the page shows at the slider's far left, and no list of events.
//! The picture's size does not grow with the number of seconds. Each bucket's `<title>`, which a
//! viewer shows as its tooltip, has the full text of every second it aggregates, so the file
//! grows with the raw lines of the events, about as the log does.

use super::aggregate::Second;
use super::buckets::SecondIndex;
use super::lanes::Lanes;
use super::overview::{overview, Bar, Overview};
use super::svg::{escape, open_document, ExportInfo};
use super::svg_header::header;
use super::window::{Window, WINDOW_MARKS};
use crate::i18n::Lang;
use std::fmt::Write;

/// Lifecycles with more seconds than this are exported as an overview of buckets, as the page
/// draws a whole lifecycle longer than its largest window of labelled seconds. One mark per
/// second takes 96 pixels and each event a few rows under them, so a pod with 107 seconds of one
/// event each made a picture of 10 392 by 10 010 pixels.
pub const EXPORT_MAX_SECONDS: usize = WINDOW_MARKS;

const OVERVIEW_WIDTH: f64 = 1400.0;
/// The distance between the baselines of the note's two lines.
const NOTE_LINE: f64 = 18.0;

/// Renders the overview of `seconds` as a standalone SVG document, with the node's buckets of
/// `lanes` under the axis.
pub(super) fn export_overview_svg(
    seconds: &[Second<'_>],
    lanes: &Lanes<'_>,
    info: &ExportInfo,
) -> String {
    let index = SecondIndex::new(seconds);
    let node = SecondIndex::new(lanes.node);
    let picture = overview(
        &index,
        &node,
        Window::all(seconds.len()),
        OVERVIEW_WIDTH,
        info.lang,
    );
    let width = picture.width;
    let header = header(seconds, info, width);
    let note_y = header.height + picture.height + 10.0;
    let height = note_y + NOTE_LINE + 20.0;

    let mut svg = String::with_capacity(64 * 1024);
    open_document(&mut svg, info, &header, width, height);
    let _ = write!(
        svg,
        r#"<g class="timeline overview" transform="translate(0 {})">"#,
        header.height
    );
    let lists = Lists {
        pod: (seconds, &index),
        node: (lanes.node, &node),
    };
    write_overview(&mut svg, &picture, &lists, info.lang);
    svg.push_str("</g>");
    let note = overview_note(seconds.len(), picture.bars.len(), info.lang);
    for (i, line) in note.iter().enumerate() {
        let _ = write!(
            svg,
            r#"<text class="meta note" x="{:.1}" y="{:.1}">{}</text>"#,
            picture.axis_start_x,
            note_y + i as f64 * NOTE_LINE,
            escape(line)
        );
    }
    svg.push_str("</svg>\n");
    svg
}

/// Says why the export shows bars and lists no events, how to read a bar where no tooltip
/// shows (a PNG, a ticket's preview), and how to get labelled events: two lines.
fn overview_note(seconds: usize, buckets: usize, lang: Lang) -> [String; 2] {
    let max = EXPORT_MAX_SECONDS;
    match lang {
        Lang::En => [
            format!(
                "{seconds} seconds with events as {buckets} evenly spaced bars in time order, \
                 whatever the time between them. A time label is the first second of the bar \
                 above it."
            ),
            format!(
                "Colour: highest level. Height: number of events (log scale). Tooltips list the \
                 full lines. For labelled events, export a window of {max} seconds or less from \
                 the page."
            ),
        ],
        Lang::ZhCn => [
            format!(
                "共 {seconds} 个有事件的秒，按时间顺序画成 {buckets} 个等距柱条（与时间间隔无关）。\
                 时间标签是其上方柱条的第一秒。"
            ),
            format!(
                "颜色：最高级别。高度：事件数（对数刻度）。提示中有完整日志行。如需标注事件，\
                 请在页面上导出 {max} 秒或更短的窗口。"
            ),
        ],
    }
}

/// The pod's and the node's seconds, each with its index.
struct Lists<'s, 'a> {
    pod: (&'s [Second<'a>], &'s SecondIndex),
    node: (&'s [Second<'a>], &'s SecondIndex),
}

fn write_overview(svg: &mut String, picture: &Overview, lists: &Lists<'_, '_>, lang: Lang) {
    let axis_y = picture.axis_y;
    let _ = write!(
        svg,
        r#"<line class="axis" x1="{:.1}" y1="{axis_y:.1}" x2="{:.1}" y2="{axis_y:.1}"/>"#,
        picture.axis_start_x, picture.axis_end_x
    );
    for bar in &picture.bars {
        write_bar(svg, bar, lists.pod, axis_y, lang);
    }
    for tick in &picture.ticks {
        let _ = write!(
            svg,
            r#"<text class="time" x="{:.1}" y="{:.1}">{}</text>"#,
            tick.x,
            axis_y + 16.0,
            tick.time
        );
        if let Some(date) = &tick.date {
            let _ = write!(
                svg,
                r#"<text class="date" x="{:.1}" y="{:.1}">{date}</text>"#,
                tick.x,
                axis_y + 30.0
            );
        }
    }
    if let Some(lane) = &picture.node_lane {
        let _ = write!(
            svg,
            r#"<g class="node-lane"><line class="lane" x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}"/><text class="lane-title" x="{:.1}" y="{:.1}">{}</text>"#,
            picture.axis_start_x,
            lane.y,
            picture.axis_end_x,
            lane.y,
            picture.axis_start_x,
            lane.y - 8.0,
            lane.title
        );
        for bar in &lane.bars {
            write_bar(svg, bar, lists.node, lane.y, lang);
        }
        svg.push_str("</g>");
    }
}

/// Writes one bucket as a bar between the line at `base_y` and the bar's tip, with the times,
/// level and event count of its seconds, and a title with every event of them.
fn write_bar(
    svg: &mut String,
    bar: &Bar,
    (seconds, index): (&[Second<'_>], &SecondIndex),
    base_y: f64,
    lang: Lang,
) {
    let bucket = bar.bucket;
    let start = index.time(bucket.start).format("%Y-%m-%dT%H:%M:%S");
    let end = index.time(bucket.end - 1).format("%Y-%m-%dT%H:%M:%S");
    let (top, height) = if bar.tip_y < base_y {
        (bar.tip_y, base_y - bar.tip_y)
    } else {
        (base_y, bar.tip_y - base_y)
    };
    let _ = write!(
        svg,
        r#"<g class="bucket" data-start="{start}" data-end="{end}" data-level="{}" data-count="{}"><title>{start} – {end} · {} · {}{}</title><rect class="bar" x="{:.1}" y="{top:.1}" width="{:.1}" height="{height:.1}" fill="{}"/></g>"#,
        bucket.level.name(),
        bucket.count,
        bucket.level.label(lang),
        bucket.count,
        escape(&bucket_text(&seconds[bucket.start..bucket.end], lang)),
        bar.x,
        bar.width,
        bar.colour
    );
}

/// Returns every second of a bucket, after a blank line each: its time and level, then each
/// event's time, level, label and container with its raw line on the next line.
fn bucket_text(seconds: &[Second<'_>], lang: Lang) -> String {
    let mut text = String::new();
    for second in seconds {
        let _ = write!(text, "\n\n{} · {}", second.iso(), second.level.label(lang));
        for event in &second.events {
            let container = event.container.as_deref().unwrap_or("-");
            let _ = write!(
                text,
                "\n{} {} {} [{container}]\n{}",
                event.time.iso(),
                event.level.label(lang),
                event.label(lang),
                event.text
            );
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Analysis;
    use crate::level::LevelSet;
    use crate::timeline::{aggregate, export_svg, Lanes};

    /// Returns a log of shop/web-1 with a probe failure every 9 seconds, `count` times.
    fn probe_log(count: u32) -> Analysis {
        let mut log = String::new();
        for i in 0..count {
            let n = i * 9;
            let stamp = format!("{:02}:{:02}:{:02}", n / 3600, n / 60 % 60, n % 60);
            log.push_str(&format!(
                "Dec  4 {stamp} n kubelet[1]: I1204 {stamp}.000001       1 k.go:1] \"Probe failed\" \
                 probeType=\"Liveness\" pod=\"shop/web-1\" containerName=\"app\"\n"
            ));
        }
        crate::analysis::analyze_test_log(&log)
    }

    /// Exports shop/web-1 of `analysis` in English.
    fn export(analysis: &Analysis) -> String {
        let seconds = aggregate(analysis.events.iter(), LevelSet::ALL);
        let pods = analysis.find_pods("shop/web-1");
        let info = ExportInfo::of(analysis, &pods, Lang::En);
        export_svg(&seconds, &Lanes::NONE, &info)
    }

    /// Returns the `width` and `height` attributes of the document's root element.
    fn size_of(svg: &str) -> (f64, f64) {
        let attribute = |name: &str| {
            let start = svg.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
            let end = start + svg[start..].find('"').unwrap();
            svg[start..end].parse::<f64>().unwrap()
        };
        (attribute("width"), attribute("height"))
    }

    #[test]
    fn export_long_lifecycle_as_buckets() {
        let svg = export(&probe_log(3_000));
        let buckets = svg.matches(r#"<g class="bucket""#).count();
        assert!(buckets > 0, "the overview has buckets");
        assert!(buckets <= 240, "{buckets} buckets");
        assert_eq!(
            svg.matches(r#"<g class="mark""#).count(),
            0,
            "no mark per second"
        );
        assert!(svg.contains(r#"data-start="2025-12-04T00:00:00""#));
        assert!(svg.contains("3000 seconds with events"));
        let analysis = probe_log(3_000);
        let lines: usize = analysis.events.iter().map(|e| e.text.len()).sum();
        assert!(
            svg.len() < 200_000 + 2 * lines,
            "{} bytes for {lines} bytes of lines",
            svg.len()
        );
    }

    #[test]
    fn bucket_titles_contain_raw_lines() {
        let analysis = probe_log(100);
        let svg = export(&analysis);
        for event in &analysis.events {
            let line = escape(&event.text);
            assert_eq!(svg.matches(line.as_str()).count(), 1, "{line}");
        }
        let second = r#"<title>2025-12-04T00:00:09 – 2025-12-04T00:00:09 · Warning · 1

2025-12-04T00:00:09 · Warning
2025-12-04T00:00:09.000001 Warning Liveness probe failed [app]
Dec  4 00:00:09 n kubelet[1]: I1204 00:00:09.000001       1 k.go:1] &quot;Probe failed&quot;"#;
        assert!(svg.contains(second), "{svg}");
    }

    #[test]
    fn export_hundred_seconds_stays_small() {
        let svg = export(&probe_log(100));
        assert_eq!(svg.matches(r#"<g class="bucket""#).count(), 100);
        assert_eq!(svg.matches(r#"<g class="mark""#).count(), 0);
        assert!(svg.contains("100 seconds with events"));
        let (width, height) = size_of(&svg);
        assert!(width <= OVERVIEW_WIDTH, "{width} px wide");
        assert!(height <= 600.0, "{height} px high");
    }

    #[test]
    fn overview_note_read_outside_page() {
        let svg = export(&probe_log(100));
        assert_eq!(svg.matches(r#"class="meta note""#).count(), 2);
        assert!(!svg.contains("zoom"), "a PNG's reader cannot zoom");
        assert!(svg.contains("Height: number of events"));
        assert!(svg.contains(&format!("window of {EXPORT_MAX_SECONDS} seconds or less")));
        for lang in [Lang::En, Lang::ZhCn] {
            for line in overview_note(123_456, crate::timeline::overview::MAX_BUCKETS, lang) {
                let right = 30.0 + crate::timeline::svg_header::width(&line);
                assert!(
                    right < OVERVIEW_WIDTH - 20.0,
                    "{line:?} ends at {right:.0} px"
                );
            }
        }
    }

    #[test]
    fn export_short_lifecycle_per_second() {
        let svg = export(&probe_log(EXPORT_MAX_SECONDS as u32));
        assert_eq!(
            svg.matches(r#"<g class="mark""#).count(),
            EXPORT_MAX_SECONDS
        );
        assert_eq!(svg.matches(r#"<g class="bucket""#).count(), 0);
        let (width, _) = size_of(&svg);
        assert!(width <= 2100.0, "{width} px wide");
    }
}
