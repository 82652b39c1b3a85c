//! Snapshot tests of what users read: the text timeline, the SVG export and the input-problem
//! messages in both languages, so a change of wording or rendering is reviewed like an API change.

use podlife::analysis::{Analysis, Analyzer, InputIssue};
use podlife::export::TextTimeline;
use podlife::i18n::Lang;
use podlife::level::LevelSet;
use podlife::rules::RuleSet;
use podlife::timeline::{aggregate, export_svg, ExportInfo, Lanes, TimelineEvents};

fn analyze_case(case: &str, year: i32) -> Analysis {
    let path = format!(
        "{}/tests/fixtures/cases/{case}/input.log",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(&path).expect("the case input is readable");
    let mut analyzer = Analyzer::new(RuleSet::builtin());
    let file = analyzer.begin_file("messages", year);
    analyzer.push(file, &bytes);
    analyzer.end_file(file);
    analyzer.analysis()
}

/// Writes the text timeline of the pods `pod` names, with the node events near them.
fn text_timeline(analysis: &Analysis, pod: &str, lang: Lang) -> String {
    let pods = analysis.find_pods(pod);
    let events = TimelineEvents::of(analysis, &pods, LevelSet::ALL);
    let seconds = aggregate(events.pod.iter().copied(), LevelSet::ALL);
    let node = aggregate(events.node.iter().copied(), LevelSet::ALL);
    let pod_keys: Vec<(usize, String)> = if pods.len() > 1 {
        pods.iter().map(|&i| (i, analysis.pods[i].key())).collect()
    } else {
        Vec::new()
    };
    let timeline = TextTimeline {
        seconds: &seconds,
        node: &node,
        incarnations: Lanes::new(&[], analysis, &pods).incarnations,
        pod_keys: &pod_keys,
    };
    let mut out = Vec::new();
    podlife::export::write_text_timeline(&mut out, &timeline, lang, false).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn text_timeline_case_07() {
    let analysis = analyze_case("07-aks-liveness-exec-restart", 2025);
    insta::assert_snapshot!(
        "text_en",
        text_timeline(&analysis, "default/probe-demo", Lang::En)
    );
    insta::assert_snapshot!(
        "text_zh",
        text_timeline(&analysis, "default/probe-demo", Lang::ZhCn)
    );
}

#[test]
fn svg_export_case_14() {
    let analysis = analyze_case("14-k3s-combined-crashloop", 2021);
    let pods = analysis.find_pods("gpu-device-plugin-daemonset-twrj5");
    let events = TimelineEvents::of(&analysis, &pods, LevelSet::DEFAULT);
    let seconds = aggregate(events.pod.iter().copied(), LevelSet::ALL);
    let info = ExportInfo::of(&analysis, &pods, Lang::En);
    let node = aggregate(events.node.iter().copied(), LevelSet::ALL);
    let lanes = Lanes::new(&node, &analysis, &pods);
    insta::assert_snapshot!(export_svg(&seconds, &lanes, &info));
}

/// Reads the node-lane fixture: `shop/db-0` deleted and recreated under a new UID, with a
/// kubelet restart, PLEG trouble and a not-ready node around its life.
fn analyze_lanes() -> Analysis {
    let path = format!(
        "{}/tests/fixtures/lanes/lanes.log",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(&path).expect("the lanes fixture is readable");
    let mut analyzer = Analyzer::new(RuleSet::builtin());
    let file = analyzer.begin_file("messages", 2025);
    analyzer.push(file, &bytes);
    analyzer.end_file(file);
    analyzer.analysis()
}

#[test]
fn svg_export_node_lane() {
    let analysis = analyze_lanes();
    let pods = analysis.find_pods("shop/db-0");
    let events = TimelineEvents::of(&analysis, &pods, LevelSet::ALL);
    let seconds = aggregate(events.pod.iter().copied(), LevelSet::ALL);
    let node = aggregate(events.node.iter().copied(), LevelSet::ALL);
    let lanes = Lanes::new(&node, &analysis, &pods);
    let info = ExportInfo::of(&analysis, &pods, Lang::ZhCn);
    insta::assert_snapshot!(export_svg(&seconds, &lanes, &info));
}

#[test]
fn text_timeline_incarnations() {
    let analysis = analyze_lanes();
    insta::assert_snapshot!(
        "text_incarnations",
        text_timeline(&analysis, "shop/db-0", Lang::En)
    );
}

#[test]
fn input_issue_messages() {
    let issues = [
        InputIssue::Empty,
        InputIssue::Binary,
        InputIssue::Compressed {
            format: "zstd".to_string(),
        },
        InputIssue::NoKubeletLines,
        InputIssue::LongLines {
            count: 2,
            first_line: 17,
            max_bytes: 256 * 1024,
        },
        InputIssue::InvalidUtf8 {
            count: 1,
            first_line: 3,
        },
        InputIssue::Truncated {
            format: "gzip".to_string(),
            detail: "unexpected end of file".to_string(),
        },
        InputIssue::NotAFile {
            link_target: Some("var/log/messages".to_string()),
        },
        InputIssue::NotAFile { link_target: None },
    ];
    let mut out = String::new();
    for issue in &issues {
        for lang in [Lang::En, Lang::ZhCn] {
            out.push_str(&issue.message("messages", lang));
            out.push('\n');
        }
    }
    insta::assert_snapshot!(out);
}
