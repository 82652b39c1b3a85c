//! Log text in the SVG export stays text. Lines with markup, CDATA ends, entities, quotes, CJK,
//! emoji and control characters are escaped in both forms of the export. The file parses as XML
//! with nothing a viewer would run, and `rsvg-convert` draws it at its stated size. The header
//! states a redaction and the levels left out.

mod common;

use podlife::analysis::Analysis;
use podlife::export::redacted;
use podlife::i18n::Lang;
use podlife::level::LevelSet;
use podlife::timeline::export_pods_svg;
use std::path::Path;
use std::process::Command;

const HOSTILE_LOG: &str = "tests/fixtures/hostile/messages";
/// A pod of 3 seconds, drawn second by second with a list of events.
const SHORT_POD: &str = "shop/hostile-short";
/// A pod of 25 seconds, drawn as the overview of buckets.
const LONG_POD: &str = "shop/hostile-long";

fn hostile_analysis() -> Analysis {
    let log = std::fs::read(HOSTILE_LOG).expect("the hostile fixture is readable");
    common::analyze_bytes(&log, 2025)
}

/// Exports the pod `key` of `analysis` at every level, in `lang`.
fn export(analysis: &Analysis, key: &str, lang: Lang) -> String {
    let pods = analysis.find_pods(key);
    assert_eq!(pods.len(), 1, "{key} is in the fixture");
    export_pods_svg(analysis, &pods, LevelSet::ALL, lang, None)
}

/// Returns a raw line as an XML parser reads it back: the control characters that XML 1.0
/// forbids become U+FFFD, as the export writes them.
fn as_read_back(line: &str) -> String {
    line.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => c,
            c if (c as u32) < 0x20 => '\u{FFFD}',
            c => c,
        })
        .collect()
}

/// Returns the texts of every `<title>` element of the document.
fn titles(document: &roxmltree::Document<'_>) -> Vec<String> {
    document
        .descendants()
        .filter(|node| node.has_tag_name("title"))
        .map(|node| node.text().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn hostile_fixture_has_both_forms() {
    let analysis = hostile_analysis();
    let short = export(&analysis, SHORT_POD, Lang::En);
    let long = export(&analysis, LONG_POD, Lang::En);
    assert_eq!(short.matches(r#"<g class="mark""#).count(), 3);
    assert_eq!(long.matches(r#"<g class="bucket""#).count(), 25);
}

#[test]
fn hostile_svg_has_no_active_content() {
    let analysis = hostile_analysis();
    for key in [SHORT_POD, LONG_POD] {
        let svg = export(&analysis, key, Lang::En);
        let document = roxmltree::Document::parse(&svg)
            .unwrap_or_else(|err| panic!("{key}: the export is not XML: {err}"));
        for node in document.descendants().filter(|node| node.is_element()) {
            let name = node.tag_name().name().to_ascii_lowercase();
            assert_ne!(name, "script", "{key}: a script element");
            assert_ne!(name, "foreignobject", "{key}: a foreignObject element");
            for attribute in node.attributes() {
                let attribute = attribute.name().to_ascii_lowercase();
                assert!(
                    !attribute.starts_with("on"),
                    "{key}: an {attribute} attribute on <{name}>"
                );
            }
        }
    }
}

#[test]
fn hostile_lines_intact_per_second() {
    let analysis = hostile_analysis();
    let svg = export(&analysis, SHORT_POD, Lang::En);
    let document = roxmltree::Document::parse(&svg).unwrap();
    let titles = titles(&document);
    let events = common::events_of(&analysis, SHORT_POD);
    assert_eq!(events.len(), 3);
    for event in events {
        let line = as_read_back(&event.text);
        assert!(line.contains("<script>alert(1)</script> ]]> &amp; & 'single'"));
        assert!(line.contains("容器启动失败 🚀\tafter-tab \u{FFFD}bell"));
        assert!(
            titles.contains(&line),
            "no <title> is the whole line {line:?}"
        );
    }
}

#[test]
fn hostile_lines_intact_in_buckets() {
    let analysis = hostile_analysis();
    let svg = export(&analysis, LONG_POD, Lang::En);
    let document = roxmltree::Document::parse(&svg).unwrap();
    let buckets: Vec<String> = document
        .descendants()
        .filter(|node| node.attribute("class") == Some("bucket"))
        .map(|bucket| {
            let title = bucket.children().find(|child| child.has_tag_name("title"));
            title
                .and_then(|title| title.text())
                .unwrap_or_default()
                .to_string()
        })
        .collect();
    let events = common::events_of(&analysis, LONG_POD);
    assert_eq!(events.len(), 25);
    for event in events {
        let line = as_read_back(&event.text);
        let holding = buckets.iter().filter(|title| title.contains(&line)).count();
        assert_eq!(holding, 1, "one bucket's title has the line {line:?}");
    }
}

#[test]
fn export_facts_in_both_forms() {
    let analysis = hostile_analysis();
    let version = env!("CARGO_PKG_VERSION");
    for key in [SHORT_POD, LONG_POD] {
        let svg = export(&analysis, key, Lang::En);
        let uid = &analysis.pods[analysis.find_pods(key)[0]].uids[0];
        let document = roxmltree::Document::parse(&svg).unwrap();
        let root = document.root_element();
        assert_eq!(root.attribute("data-podlife-version"), Some(version));
        let texts: Vec<&str> = document
            .descendants()
            .filter(|node| node.has_tag_name("text"))
            .filter_map(|node| node.text())
            .collect();
        let has_text = |part: &str| texts.iter().any(|text| text.contains(part));
        assert!(has_text(&format!("podlife {version}")), "{key}: version");
        assert!(has_text(&format!("Pod lifecycle: {key}")), "{key}: pod");
        assert!(has_text(uid), "{key}: UID");
        assert!(has_text("Files: input.log"), "{key}: files");
        assert!(has_text("Time: 2025-12-04T10:0"), "{key}: time range");
        assert!(has_text("Times as written in the log"), "{key}: zone");
        for level in ["Info", "Normal", "Warning", "Error", "Fatal"] {
            assert!(texts.contains(&level), "{key}: legend entry {level}");
        }
        let metadata = document
            .descendants()
            .find(|node| node.has_tag_name("metadata"));
        assert_eq!(
            metadata.and_then(|node| node.text()),
            Some(format!("podlife {version}").as_str())
        );
        assert!(
            document
                .descendants()
                .any(|node| node.has_tag_name("style")),
            "{key}: embedded styles"
        );
    }
}

/// Returns the texts of the `<text>` elements of class `class`.
fn texts_of_class<'a>(document: &'a roxmltree::Document<'_>, class: &str) -> Vec<&'a str> {
    document
        .descendants()
        .filter(|node| node.has_tag_name("text") && node.attribute("class") == Some(class))
        .filter_map(|node| node.text())
        .collect()
}

#[test]
fn redacted_export_says_so() {
    let analysis = redacted(&hostile_analysis());
    let captions = [
        (
            Lang::En,
            "Redacted: IP addresses, host names and secret values are placeholders",
        ),
        (Lang::ZhCn, "已脱敏：IP 地址、主机名和密钥值均为占位符"),
    ];
    for key in [SHORT_POD, LONG_POD] {
        for (lang, caption) in captions {
            let svg = export(&analysis, key, lang);
            let document = roxmltree::Document::parse(&svg).unwrap();
            let root = document.root_element();
            assert_eq!(root.attribute("data-redacted"), Some("true"), "{key}");
            assert_eq!(
                texts_of_class(&document, "meta redacted"),
                [caption],
                "{key} {lang:?}"
            );
        }
    }
}

#[test]
fn plain_export_not_marked_redacted() {
    let analysis = hostile_analysis();
    for key in [SHORT_POD, LONG_POD] {
        let svg = export(&analysis, key, Lang::En);
        assert!(!svg.contains("data-redacted"), "{key}");
        assert!(!svg.contains("Redacted:"), "{key}");
    }
}

#[test]
fn hidden_levels_named_and_dimmed() {
    let analysis = hostile_analysis();
    for key in [SHORT_POD, LONG_POD] {
        let pods = analysis.find_pods(key);
        let svg = export_pods_svg(&analysis, &pods, LevelSet::DEFAULT, Lang::En, None);
        let document = roxmltree::Document::parse(&svg).unwrap();
        assert_eq!(
            texts_of_class(&document, "meta levels"),
            ["Levels shown: Normal, Warning, Error, Fatal"],
            "{key}"
        );
        let dimmed: Vec<&str> = document
            .descendants()
            .filter(|node| node.attribute("class") == Some("hidden-level"))
            .filter_map(|node| node.attribute("data-level"))
            .collect();
        assert_eq!(dimmed, ["Info"], "{key}");

        let all = export(&analysis, key, Lang::ZhCn);
        assert!(!all.contains("显示的级别"), "{key}: every level is shown");
        assert!(!all.contains("hidden-level"), "{key}: no level is dimmed");
    }
}

/// Returns the width and height of a PNG file from its IHDR chunk.
fn png_size(path: &Path) -> (u32, u32) {
    let bytes = std::fs::read(path).unwrap();
    assert_eq!(
        &bytes[..8],
        b"\x89PNG\r\n\x1a\n",
        "{} is a PNG",
        path.display()
    );
    assert_eq!(&bytes[12..16], b"IHDR");
    let word = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    (word(16), word(20))
}

#[test]
fn rsvg_converts_hostile_svg() {
    let analysis = hostile_analysis();
    let dir = tempfile::tempdir().unwrap();
    for (key, lang) in [(SHORT_POD, Lang::En), (LONG_POD, Lang::ZhCn)] {
        let svg = export(&analysis, key, lang);
        let document = roxmltree::Document::parse(&svg).unwrap();
        let root = document.root_element();
        let size = |name: &str| root.attribute(name).unwrap().parse::<u32>().unwrap();
        let (width, height) = (size("width"), size("height"));

        let svg_path = dir.path().join("hostile.svg");
        let png_path = dir.path().join("hostile.png");
        std::fs::write(&svg_path, &svg).unwrap();
        let output = Command::new("rsvg-convert")
            .arg("--output")
            .arg(&png_path)
            .arg(&svg_path)
            .output()
            .expect("rsvg-convert runs; install Debian's librsvg2-bin (.ci/install-tools)");
        assert!(
            output.status.success(),
            "{key}: rsvg-convert failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert_eq!(png_size(&png_path), (width, height), "{key}: PNG size");
    }
}
