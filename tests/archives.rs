//! Reading gzip files and tar bundles through `podlife::input::archive`: every archive is
//! built at test time with flate2 and tar, then read back through the analyzer.

mod common;

use chrono::NaiveDateTime;
use flate2::write::GzEncoder;
use flate2::{Compression, GzBuilder};
use podlife::analysis::{Analysis, Analyzer, InputIssue};
use podlife::input::archive::{read_into, Input, Opened, TimeSource, YearChoice};
use podlife::kind::EventKind;
use podlife::rules::RuleSet;
use std::io::Write;

const POD: &str = "shop/cart-7";

/// Returns the kubelet lines of Dec 31 2025 for the pod, in the style of a syslog `messages` file.
fn year_end_lines() -> Vec<String> {
    [
        "Dec 31 23:59:40 node-b kubelet[3117]: I1231 23:59:40.120001    3117 kubelet.go:2407] \"SyncLoop ADD\" source=\"api\" pods=[\"shop/cart-7\"]",
        "Dec 31 23:59:45 node-b kubelet[3117]: I1231 23:59:45.300002    3117 kubelet.go:2439] \"SyncLoop (PLEG): event for pod\" pod=\"shop/cart-7\" event={\"ID\":\"5d0c6a8e-41f2-4a7e-9c1b-2f3e4d5c6b7a\",\"Type\":\"ContainerStarted\",\"Data\":\"9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a0\"}",
        "Dec 31 23:59:58 node-b kubelet[3117]: I1231 23:59:58.700003    3117 prober.go:107] \"Probe failed\" probeType=\"Liveness\" pod=\"shop/cart-7\" podUID=\"5d0c6a8e-41f2-4a7e-9c1b-2f3e4d5c6b7a\" containerName=\"cart\" probeResult=\"failure\" output=\"timeout\"",
    ]
    .map(String::from)
    .to_vec()
}

/// Returns the kubelet lines of Jan 1 2026 that continue the pod's story.
fn new_year_lines() -> Vec<String> {
    [
        "Jan  1 00:00:08 node-b kubelet[3117]: I0101 00:00:08.700004    3117 prober.go:107] \"Probe failed\" probeType=\"Liveness\" pod=\"shop/cart-7\" podUID=\"5d0c6a8e-41f2-4a7e-9c1b-2f3e4d5c6b7a\" containerName=\"cart\" probeResult=\"failure\" output=\"timeout\"",
        "Jan  1 00:00:08 node-b kubelet[3117]: I0101 00:00:08.700105    3117 kuberuntime_container.go:808] \"Killing container with a grace period\" pod=\"shop/cart-7\" podUID=\"5d0c6a8e-41f2-4a7e-9c1b-2f3e4d5c6b7a\" containerName=\"cart\" containerID=\"containerd://9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a0\" gracePeriod=30",
        "Jan  1 00:00:39 node-b kubelet[3117]: I0101 00:00:39.010006    3117 kubelet.go:2439] \"SyncLoop (PLEG): event for pod\" pod=\"shop/cart-7\" event={\"ID\":\"5d0c6a8e-41f2-4a7e-9c1b-2f3e4d5c6b7a\",\"Type\":\"ContainerDied\",\"Data\":\"9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a0\"}",
    ]
    .map(String::from)
    .to_vec()
}

fn text(lines: &[String]) -> Vec<u8> {
    lines
        .iter()
        .map(|line| format!("{line}\n"))
        .collect::<String>()
        .into_bytes()
}

/// Compresses `bytes` as one gzip member whose header carries `mtime`.
fn gzip_member(bytes: &[u8], mtime: u32) -> Vec<u8> {
    let mut encoder = GzBuilder::new()
        .mtime(mtime)
        .write(Vec::new(), Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

/// Compresses the year-end lines as two concatenated gzip members, the way `cat a.gz b.gz` writes them.
fn multi_member_year_end() -> Vec<u8> {
    let lines = year_end_lines();
    let mut out = gzip_member(&text(&lines[..1]), 0);
    out.extend(gzip_member(&text(&lines[1..]), 0));
    out
}

/// One member of a tar built by [`tar_of`].
enum Member<'a> {
    File(&'a str, &'a [u8], u64),
    Dir(&'a str),
    Symlink(&'a str, &'a str),
}

fn tar_of(members: &[Member<'_>]) -> Vec<u8> {
    let mut builder = tar::Builder::new(Vec::new());
    for member in members {
        let mut header = tar::Header::new_ustar();
        match member {
            Member::File(path, bytes, mtime) => {
                header.set_size(bytes.len() as u64);
                header.set_mtime(*mtime);
                header.set_mode(0o644);
                builder.append_data(&mut header, path, *bytes).unwrap();
            }
            Member::Dir(path) => {
                header.set_entry_type(tar::EntryType::Directory);
                header.set_size(0);
                header.set_mode(0o755);
                builder.append_data(&mut header, path, &[][..]).unwrap();
            }
            Member::Symlink(path, target) => {
                header.set_entry_type(tar::EntryType::Symlink);
                header.set_size(0);
                builder.append_link(&mut header, path, target).unwrap();
            }
        }
    }
    builder.into_inner().unwrap()
}

/// 2026-01-01 00:05:00 UTC, when the bundle was collected.
const COLLECTED: u64 = 1_767_225_900;

fn time(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S").unwrap()
}

/// Returns a modification time that matches no clue in the tests, so a year taken from it
/// shows.
fn file_date() -> NaiveDateTime {
    time("2027-06-01 12:00:00")
}

fn read(name: &str, bytes: &[u8]) -> (Analysis, Vec<Opened>) {
    read_with_year(name, bytes, None)
}

fn read_with_year(name: &str, bytes: &[u8], year: Option<i32>) -> (Analysis, Vec<Opened>) {
    let mut analyzer = Analyzer::new(RuleSet::builtin());
    let input = Input {
        name,
        modified: file_date(),
        year,
    };
    let opened = read_into(&mut analyzer, input, bytes).expect("bytes in memory never fail");
    (analyzer.analysis(), opened)
}

fn names(analysis: &Analysis) -> Vec<&str> {
    analysis.files.iter().map(|f| f.name.as_str()).collect()
}

fn issues_of<'a>(analysis: &'a Analysis, name: &str) -> &'a [InputIssue] {
    let file = analysis.files.iter().find(|f| f.name == name);
    &file.unwrap_or_else(|| panic!("no file {name}")).issues
}

fn pod_times(analysis: &Analysis) -> Vec<String> {
    common::events_of(analysis, POD)
        .iter()
        .map(|event| common::second(event))
        .collect()
}

/// Builds a support bundle: a rotated multi-member gzip beside the live file, in nested
/// directories, the whole gzipped.
fn bundle() -> Vec<u8> {
    let rotated = multi_member_year_end();
    let live = text(&new_year_lines());
    gzip(&tar_of(&[
        Member::Dir("var/"),
        Member::Dir("var/log/"),
        Member::File("var/log/messages-20251231.gz", &rotated, COLLECTED),
        Member::File("var/log/messages", &live, COLLECTED),
    ]))
}

#[test]
fn multi_member_gzip_read_whole() {
    let (analysis, _) = read("messages-20251231.gz", &multi_member_year_end());
    assert_eq!(names(&analysis), ["messages-20251231.gz"]);
    assert_eq!(analysis.files[0].lines, 3, "both gzip members are read");
    assert_eq!(
        analysis.files[0].year, 2025,
        "from the rotation day in the name"
    );
    assert_eq!(
        pod_times(&analysis),
        [
            "2025-12-31T23:59:40",
            "2025-12-31T23:59:45",
            "2025-12-31T23:59:58"
        ]
    );
    assert!(
        analysis.files[0].issues.is_empty(),
        "{:?}",
        analysis.files[0].issues
    );
}

#[test]
fn bundle_merges_files_across_new_year() {
    let (analysis, opened) = read("bundle.tar.gz", &bundle());
    assert_eq!(
        names(&analysis),
        [
            "bundle.tar.gz/var/log/messages-20251231.gz",
            "bundle.tar.gz/var/log/messages"
        ],
        "directories are no files"
    );
    assert_eq!(analysis.files[0].year, 2025);
    assert_eq!(analysis.files[1].year, 2026);
    assert_eq!(
        pod_times(&analysis),
        [
            "2025-12-31T23:59:40",
            "2025-12-31T23:59:45",
            "2025-12-31T23:59:58",
            "2026-01-01T00:00:08",
            "2026-01-01T00:00:08",
            "2026-01-01T00:00:39",
        ]
    );
    let files: Vec<usize> = common::events_of(&analysis, POD)
        .iter()
        .map(|e| e.file)
        .collect();
    assert_eq!(files, [0, 0, 0, 1, 1, 1], "each event keeps its own file");
    for file in &analysis.files {
        assert!(file.issues.is_empty(), "{}: {:?}", file.name, file.issues);
    }

    let sources: Vec<YearChoice> = opened.iter().map(|o| o.year).collect();
    assert_eq!(
        sources,
        [
            YearChoice::Dated {
                modified: time("2025-12-31 23:59:59"),
                source: TimeSource::FileName
            },
            YearChoice::Dated {
                modified: time("2026-01-01 00:05:00"),
                source: TimeSource::ArchiveMember
            },
        ]
    );
}

#[test]
fn uncompressed_tar_read() {
    let live = text(&new_year_lines());
    let bytes = tar_of(&[Member::File("./messages", &live, COLLECTED)]);
    let (analysis, _) = read("bundle.tar", &bytes);
    assert_eq!(
        names(&analysis),
        ["bundle.tar/messages"],
        "no ./ in the name"
    );
    assert_eq!(analysis.files[0].kubelet_lines, 3);
    assert_eq!(analysis.files[0].year, 2026);
}

#[test]
fn given_year_overrides_clues() {
    let (analysis, _) = read_with_year("bundle.tar.gz", &bundle(), Some(2024));
    let years: Vec<i32> = analysis.files.iter().map(|f| f.year).collect();
    assert_eq!(years, [2024, 2024]);
}

#[test]
fn gzip_header_time_dates_file() {
    // 2026-01-01 00:05:00 UTC in the header; the name has no rotation day.
    let bytes = gzip_member(&text(&new_year_lines()), COLLECTED as u32);
    let (analysis, opened) = read("messages.1.gz", &bytes);
    assert_eq!(analysis.files[0].year, 2026);
    assert!(matches!(
        opened[0].year,
        YearChoice::Dated {
            source: TimeSource::GzipHeader,
            ..
        }
    ));
}

#[test]
fn file_date_without_clue() {
    let (analysis, opened) = read("messages.gz", &gzip(&text(&new_year_lines())));
    assert_eq!(analysis.files[0].year, 2027);
    assert_eq!(
        opened[0].year,
        YearChoice::Dated {
            modified: file_date(),
            source: TimeSource::File
        }
    );
}

#[test]
fn format_told_by_magic_bytes() {
    let zipped = gzip(&text(&new_year_lines()));
    let (analysis, _) = read("messages", &zipped);
    assert_eq!(
        analysis.files[0].kubelet_lines, 3,
        "gzip without a .gz name"
    );

    let (analysis, _) = read("messages.gz", &text(&new_year_lines()));
    assert_eq!(analysis.files[0].kubelet_lines, 3, "plain text named .gz");
    assert!(analysis.files[0].issues.is_empty());
}

#[test]
fn truncated_gzip_keeps_lines_before() {
    let whole = gzip(&text(&new_year_lines()).repeat(200));
    let cut = &whole[..whole.len() / 2];
    let (analysis, _) = read("messages.gz", cut);
    let file = &analysis.files[0];
    assert!(
        file.lines > 10,
        "lines before the cut are read: {}",
        file.lines
    );
    assert!(file.lines < 600, "the cut is noticed: {}", file.lines);
    assert!(!common::events_of(&analysis, POD).is_empty());
    assert!(
        matches!(&file.issues[..], [InputIssue::Truncated { format, .. }] if format == "gzip"),
        "{:?}",
        file.issues
    );
    let issue = &file.issues[0];
    assert!(!issue.is_fatal());
    let english = issue.message(&file.name, podlife::i18n::Lang::En);
    assert!(
        english.starts_with("messages.gz: the gzip data is cut off"),
        "{english}"
    );
    let chinese = issue.message(&file.name, podlife::i18n::Lang::ZhCn);
    assert!(chinese.contains("被截断"), "{chinese}");
}

#[test]
fn truncated_bundle_keeps_first_member() {
    let whole = bundle();
    // The end of the tar (the live file and two zero blocks) compresses to few bytes, so cut
    // deep enough to lose the live file's data.
    let cut = &whole[..whole.len() - 60];
    let (analysis, _) = read("bundle.tar.gz", cut);
    let rotated = issues_of(&analysis, "bundle.tar.gz/var/log/messages-20251231.gz");
    assert!(rotated.is_empty(), "{rotated:?}");
    let damaged: Vec<_> = analysis
        .files
        .iter()
        .flat_map(|f| f.issues.iter().map(move |i| (f.name.as_str(), i)))
        .filter(|(_, i)| matches!(i, InputIssue::Truncated { .. }))
        .collect();
    assert_eq!(damaged.len(), 1, "the damage is reported once: {damaged:?}");
    assert!(pod_times(&analysis).starts_with(&[
        "2025-12-31T23:59:40".to_string(),
        "2025-12-31T23:59:45".to_string(),
        "2025-12-31T23:59:58".to_string(),
    ]));
}

#[test]
fn damaged_member_leaves_others() {
    let rotated = multi_member_year_end();
    let cut = &rotated[..rotated.len() - 12];
    let live = text(&new_year_lines());
    let bytes = tar_of(&[
        Member::File("var/log/messages-20251231.gz", cut, COLLECTED),
        Member::File("var/log/messages", &live, COLLECTED),
    ]);
    let (analysis, _) = read("bundle.tar", &bytes);
    let cut_issues = issues_of(&analysis, "bundle.tar/var/log/messages-20251231.gz");
    assert!(
        matches!(cut_issues, [InputIssue::Truncated { format, .. }] if format == "gzip"),
        "{cut_issues:?}"
    );
    assert!(issues_of(&analysis, "bundle.tar/var/log/messages").is_empty());
    let times = pod_times(&analysis);
    assert!(
        times.contains(&"2026-01-01T00:00:39".to_string()),
        "{times:?}"
    );
}

#[test]
fn corrupt_tar_header_reported() {
    let live = text(&new_year_lines());
    let mut bytes = tar_of(&[
        Member::File("first/messages", &live, COLLECTED),
        Member::File("second/messages", &live, COLLECTED),
    ]);
    // The second header starts after the first header and the first file's padded data.
    let second = 512 + live.len().div_ceil(512) * 512;
    bytes[second + 148] ^= 0x55; // inside the checksum field
    let (analysis, _) = read("bundle.tar", &bytes);
    assert_eq!(
        names(&analysis),
        ["bundle.tar/first/messages", "bundle.tar"]
    );
    assert_eq!(
        analysis.files[0].kubelet_lines, 3,
        "the member before is read"
    );
    let issues = issues_of(&analysis, "bundle.tar");
    assert!(
        matches!(issues, [InputIssue::Truncated { format, .. }] if format == "tar"),
        "{issues:?}"
    );
}

#[test]
fn binary_member_skipped_with_note() {
    let live = text(&new_year_lines());
    let binary: Vec<u8> = (0..4096u32).map(|i| (i * 7 % 256) as u8).collect();
    let zstd_start = [0x28, 0xb5, 0x2f, 0xfd, 0, 0, 0, 0];
    let bytes = gzip(&tar_of(&[
        Member::File("var/log/journal/system.journal", &binary, COLLECTED),
        Member::File("var/log/messages.zst", &zstd_start, COLLECTED),
        Member::File("var/log/messages", &live, COLLECTED),
    ]));
    let (analysis, _) = read("bundle.tar.gz", &bytes);
    assert_eq!(
        issues_of(&analysis, "bundle.tar.gz/var/log/journal/system.journal"),
        [InputIssue::SkippedMember]
    );
    assert_eq!(
        issues_of(&analysis, "bundle.tar.gz/var/log/messages.zst"),
        [InputIssue::Compressed {
            format: "zstd".to_string()
        }]
    );
    assert_eq!(analysis.files[2].kubelet_lines, 3);
    assert_eq!(pod_times(&analysis).len(), 3);
}

#[test]
fn link_member_skipped_with_note() {
    let live = text(&new_year_lines());
    let bytes = tar_of(&[
        Member::File("var/log/messages", &live, COLLECTED),
        Member::Symlink("var/log/syslog", "messages"),
    ]);
    let (analysis, _) = read("bundle.tar", &bytes);
    assert_eq!(
        issues_of(&analysis, "bundle.tar/var/log/syslog"),
        [InputIssue::NotAFile {
            link_target: Some("messages".to_string())
        }]
    );
    assert_eq!(pod_times(&analysis).len(), 3, "the link adds no events");
}

#[test]
fn gzip_with_damaged_header_reported() {
    let bytes = [0x1f, 0x8b, 0x08, 0x00, 0x01];
    let (analysis, _) = read("messages.gz", &bytes);
    let issues = issues_of(&analysis, "messages.gz");
    assert!(
        matches!(issues, [InputIssue::Truncated { format, .. }] if format == "gzip"),
        "{issues:?}"
    );
}

mod cli {
    //! The `podlife` binary on the same archives, written to a temporary directory.

    use super::*;
    use std::path::{Path, PathBuf};
    use std::process::{Command, Output, Stdio};

    fn podlife(args: &[&str], stdin: Option<&[u8]>) -> Output {
        let mut child = Command::new(env!("CARGO_BIN_EXE_podlife"))
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("podlife runs");
        let mut input = child.stdin.take().unwrap();
        input.write_all(stdin.unwrap_or_default()).unwrap();
        drop(input);
        child.wait_with_output().unwrap()
    }

    fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }

    /// Returns the `time` and `file` of each JSON event line.
    fn times_and_files(output: &Output) -> Vec<(String, String)> {
        String::from_utf8_lossy(&output.stdout)
            .lines()
            .map(|line| {
                let event: serde_json::Value = serde_json::from_str(line).unwrap();
                let time = event["time"].as_str().unwrap()[..19].to_string();
                (time, event["file"].as_str().unwrap().to_string())
            })
            .collect()
    }

    fn stderr(output: &Output) -> String {
        String::from_utf8_lossy(&output.stderr).into_owned()
    }

    #[test]
    fn bundle_gives_one_lifecycle() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(dir.path(), "bundle.tar.gz", &bundle());
        let path = path.to_str().unwrap();
        let args = ["--logfile", path, "--podname", POD, "--format", "json"];
        let output = podlife(&args, None);
        assert!(output.status.success(), "{}", stderr(&output));
        // The bundle's lines are all of --v=2, so the only warning is the verbosity notice.
        let warnings: Vec<String> = stderr(&output)
            .lines()
            .filter(|line| !line.contains("--v=2"))
            .map(str::to_string)
            .collect();
        assert!(warnings.is_empty(), "no file has an issue: {warnings:?}");

        let rotated = "bundle.tar.gz/var/log/messages-20251231.gz".to_string();
        let live = "bundle.tar.gz/var/log/messages".to_string();
        let expected = [
            ("2025-12-31T23:59:40", &rotated),
            ("2025-12-31T23:59:45", &rotated),
            ("2025-12-31T23:59:58", &rotated),
            ("2026-01-01T00:00:08", &live),
            ("2026-01-01T00:00:08", &live),
            ("2026-01-01T00:00:39", &live),
        ]
        .map(|(time, file)| (time.to_string(), file.clone()));
        assert_eq!(times_and_files(&output), expected);
    }

    #[test]
    fn files_merge_across_new_year() {
        let dir = tempfile::tempdir().unwrap();
        let rotated = write(dir.path(), "messages-20251231.gz", &multi_member_year_end());
        let live = write(dir.path(), "messages", &text(&new_year_lines()));
        let collected = std::time::UNIX_EPOCH + std::time::Duration::from_secs(COLLECTED);
        let file = std::fs::File::options().write(true).open(&live).unwrap();
        file.set_modified(collected).unwrap();
        let args = [
            "--logfile",
            live.to_str().unwrap(),
            "--logfile",
            rotated.to_str().unwrap(),
            "--podname",
            POD,
            "--format",
            "json",
            "--year",
            "2026",
        ];
        // With --year 2026 for both, the rotated file's Dec 31 lines fall in 2026 too, so
        // only the dates from the files themselves put them in 2025.
        let given = podlife(&args, None);
        let times: Vec<String> = times_and_files(&given).into_iter().map(|t| t.0).collect();
        assert_eq!(times.first().unwrap(), "2026-01-01T00:00:08");

        let dated = podlife(&args[..args.len() - 2], None);
        assert!(dated.status.success(), "{}", stderr(&dated));
        let times: Vec<String> = times_and_files(&dated).into_iter().map(|t| t.0).collect();
        assert_eq!(times.first().unwrap(), "2025-12-31T23:59:40", "{times:?}");
        assert_eq!(times.last().unwrap(), "2026-01-01T00:00:39", "{times:?}");
    }

    #[test]
    fn gzip_on_standard_input() {
        let zipped = gzip(&text(&new_year_lines()));
        let args = ["--logfile", "-", "--list-pods", "--format", "json"];
        let output = podlife(&args, Some(&zipped));
        assert!(output.status.success(), "{}", stderr(&output));
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(stdout.contains("cart-7"), "{stdout}");
    }

    #[test]
    fn truncated_gzip_warns_and_reads() {
        let dir = tempfile::tempdir().unwrap();
        let whole = gzip(&text(&new_year_lines()).repeat(200));
        let cut = write(dir.path(), "messages.gz", &whole[..whole.len() / 2]);
        let live = write(dir.path(), "other.log", &text(&year_end_lines()));
        let args = [
            "--logfile",
            cut.to_str().unwrap(),
            "--logfile",
            live.to_str().unwrap(),
            "--podname",
            POD,
            "--format",
            "json",
        ];
        let output = podlife(&args, None);
        assert!(output.status.success(), "{}", stderr(&output));
        let warning = stderr(&output);
        assert!(
            warning.contains("podlife: warning: messages.gz: the gzip data is cut off"),
            "{warning}"
        );
        let files: Vec<String> = times_and_files(&output).into_iter().map(|t| t.1).collect();
        assert!(files.contains(&"messages.gz".to_string()), "{files:?}");
        assert!(
            files.contains(&"other.log".to_string()),
            "the other file is kept"
        );
    }

    #[test]
    fn skipped_members_noted() {
        let dir = tempfile::tempdir().unwrap();
        let binary: Vec<u8> = (0..4096u32).map(|i| (i * 7 % 256) as u8).collect();
        let live = text(&new_year_lines());
        let bytes = tar_of(&[
            Member::File("logs/core.bin", &binary, COLLECTED),
            Member::Symlink("logs/syslog", "messages"),
            Member::File("logs/messages", &live, COLLECTED),
        ]);
        let path = write(dir.path(), "bundle.tar", &bytes);
        let args = ["--logfile", path.to_str().unwrap(), "--list-pods"];
        let output = podlife(&args, None);
        assert!(output.status.success(), "{}", stderr(&output));
        let warning = stderr(&output);
        assert!(
            warning
                .contains("bundle.tar: 1 member with no kubelet line was skipped: logs/core.bin."),
            "{warning}"
        );
        assert!(
            warning.contains("bundle.tar/logs/syslog: this archive member is a link to messages"),
            "{warning}"
        );
        assert!(String::from_utf8_lossy(&output.stdout).contains("cart-7"));
    }
}

/// The committed support bundle (tests/fixtures/bundles/make-bundle.sh builds it) gives one
/// lifecycle across its rotated and live files, the kernel's OOM kill included.
#[test]
fn committed_bundle_gives_one_lifecycle() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/bundles/support-bundle.tar.gz");
    let bytes = std::fs::read(path).expect("the bundle fixture is readable");
    let (analysis, _) = read("support-bundle.tar.gz", &bytes);
    let events: Vec<(String, EventKind)> = common::events_of(&analysis, "pay/ledger-1")
        .iter()
        .map(|event| (common::second(event), event.kind))
        .collect();
    assert_eq!(
        events.first().map(|(second, _)| second.as_str()),
        Some("2025-12-31T23:58:10")
    );
    let oom = ("2026-01-01T00:00:20".to_string(), EventKind::OOMKilled);
    assert!(events.contains(&oom), "{events:?}");
}
