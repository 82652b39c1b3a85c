//! Property tests of the streaming engine: any bytes in any chunking never panic, and the
//! analysis does not depend on where the input is cut into chunks.
//!
//! Log-like inputs are built from the real lines of the fixtures (whole or cut short), random
//! text bytes and LF or CRLF endings, so that headers, quoted values and multi-byte characters
//! all get split at chunk boundaries.

use podlife::analysis::{Analysis, Analyzer};
use podlife::rules::RuleSet;
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::{select, Index};
use std::path::PathBuf;
use std::sync::OnceLock;

/// Returns the proptest configuration: `default_cases` cases unless `PROPTEST_CASES` is set.
fn config(default_cases: u32) -> ProptestConfig {
    let mut config = ProptestConfig::default();
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = default_cases;
    }
    config
}

/// Analyzes `bytes` as one file, cut before each offset in `cuts` (sorted, within the input).
fn analyze_cut(bytes: &[u8], cuts: &[usize]) -> Analysis {
    let mut analyzer = Analyzer::new(RuleSet::builtin());
    let file = analyzer.begin_file("input.log", 2025);
    let mut start = 0;
    for &cut in cuts.iter().chain(std::iter::once(&bytes.len())) {
        analyzer.push(file, &bytes[start..cut]);
        start = cut;
    }
    analyzer.end_file(file);
    analyzer.analysis()
}

/// Turns arbitrary indexes into sorted cut offsets inside `len` bytes.
fn cut_offsets(len: usize, picks: &[Index]) -> Vec<usize> {
    let mut cuts: Vec<usize> = picks.iter().map(|pick| pick.index(len + 1)).collect();
    cuts.sort_unstable();
    cuts
}

/// Returns every log line of the case and generation fixtures.
fn corpus() -> &'static [Vec<u8>] {
    static LINES: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    LINES.get_or_init(|| {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let mut files = Vec::new();
        for folder in ["cases", "generations"] {
            for entry in std::fs::read_dir(root.join(folder)).expect("fixture folder is readable") {
                let path = entry.expect("fixture entry is readable").path();
                let log = if path.is_dir() {
                    path.join("input.log")
                } else {
                    path
                };
                if log.extension().is_some_and(|ext| ext == "log") {
                    files.push(log);
                }
            }
        }
        files.sort();
        let mut lines = Vec::new();
        for file in files {
            let bytes = std::fs::read(&file).expect("fixture file is readable");
            lines.extend(
                bytes
                    .split(|&b| b == b'\n')
                    .filter(|line| !line.is_empty() && !line.starts_with(b"#"))
                    .map(|line| line.strip_suffix(b"\r").unwrap_or(line).to_vec()),
            );
        }
        assert!(lines.len() > 100, "the fixtures give a corpus of lines");
        lines
    })
}

/// Generates a byte of text: TAB, CR, LF, or any byte from space up, valid UTF-8 or not.
fn text_byte() -> impl Strategy<Value = u8> {
    prop_oneof![Just(b'\t'), Just(b'\r'), Just(b'\n'), 0x20u8..=0xff]
}

/// Generates one line: a fixture line, whole or cut short, or random text.
fn line() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        3 => select(corpus()),
        2 => (select(corpus()), any::<Index>()).prop_map(|(line, cut)| line[..cut.index(line.len() + 1)].to_vec()),
        1 => vec(text_byte(), 0..120),
    ]
}

/// Generates a log-like input: lines joined by LF, CRLF or nothing (a last line without ending).
fn log_like() -> impl Strategy<Value = Vec<u8>> {
    let ending = prop_oneof![Just(&b"\n"[..]), Just(&b"\r\n"[..]), Just(&b""[..])];
    vec((line(), ending), 0..24).prop_map(|lines| {
        let mut out = Vec::new();
        for (line, ending) in lines {
            out.extend_from_slice(&line);
            out.extend_from_slice(ending);
        }
        out
    })
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in vec(any::<u8>(), 0..2048), picks in vec(any::<Index>(), 0..12)) {
        let cuts = cut_offsets(bytes.len(), &picks);
        let analysis = analyze_cut(&bytes, &cuts);
        prop_assert_eq!(analysis.files.len(), 1, "one file summary per file");
    }

    #[test]
    fn log_like_input_never_panics(bytes in log_like(), picks in vec(any::<Index>(), 0..12)) {
        let cuts = cut_offsets(bytes.len(), &picks);
        let analysis = analyze_cut(&bytes, &cuts);
        prop_assert_eq!(analysis.files[0].bytes, bytes.len() as u64, "every byte is counted");
    }
}

proptest! {
    // Five analyses per case: whole, three random chunkings and one-byte chunks.
    #![proptest_config(config(64))]

    #[test]
    fn log_like_chunking_gives_same_analysis(
        bytes in log_like(),
        chunkings in vec(vec(any::<Index>(), 1..12), 3),
    ) {
        let whole = analyze_cut(&bytes, &[]);
        for picks in &chunkings {
            let cuts = cut_offsets(bytes.len(), picks);
            prop_assert_eq!(&analyze_cut(&bytes, &cuts), &whole, "cutting at {:?} changes the analysis", cuts);
        }
        let every_byte: Vec<usize> = (1..bytes.len()).collect();
        prop_assert_eq!(&analyze_cut(&bytes, &every_byte), &whole, "one-byte chunks change the analysis");
    }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn arbitrary_chunking_gives_same_analysis(bytes in vec(any::<u8>(), 0..2048), picks in vec(any::<Index>(), 1..12)) {
        let whole = analyze_cut(&bytes, &[]);
        let chunked = analyze_cut(&bytes, &cut_offsets(bytes.len(), &picks));
        prop_assert_eq!(chunked, whole, "the analysis depends on the chunking");
    }
}
