//! With `--lang zh-CN`, podlife's messages about the files and pods it read are in Chinese,
//! after the same `podlife: ` prefix. Without it they stay in English.

mod common;

use common::cli::{podlife, stderr, write_file, CASE_07};

#[test]
fn file_problems_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let prose = write_file(dir.path(), "notes.txt", b"nothing to see here\n")
        .display()
        .to_string();
    let empty = write_file(dir.path(), "empty.log", b"")
        .display()
        .to_string();
    let args = ["--logfile", &prose, "--logfile", &empty, "--list-pods"];
    let output = podlife(&[&args[..], &["--lang", "zh-CN"]].concat());
    assert_eq!(output.status.code(), Some(0));
    let errors = stderr(&output);
    assert!(
        errors.contains("notes.txt：未找到 kubelet 日志行"),
        "{errors}"
    );
    assert!(
        errors.contains(&format!("podlife: 在 {prose}, {empty} 中没有找到任何 Pod")),
        "{errors}"
    );
    let english = stderr(&podlife(&args));
    assert!(english.contains("no kubelet line was found"), "{english}");
    assert!(english.contains("no pods found in"), "{english}");
}

#[test]
fn pod_not_found_in_chinese() {
    let args = ["--logfile", CASE_07, "--podname", "probe", "--year", "2025"];
    let output = podlife(&[&args[..], &["--lang", "zh-CN"]].concat());
    assert_eq!(output.status.code(), Some(1));
    let errors = stderr(&output);
    assert!(errors.contains("日志中没有 Pod “probe”"), "{errors}");
    assert!(
        errors.contains("名称相近的：default/probe-demo"),
        "{errors}"
    );
    assert!(
        errors.contains("--v=3"),
        "the verbosity notice too: {errors}"
    );
    assert!(errors.contains("kubelet 的日志级别"), "{errors}");
}

#[test]
fn no_events_in_chinese() {
    let quiet = podlife(&[
        "--logfile",
        CASE_07,
        "--podname",
        "probe-demo",
        "--year",
        "2025",
        "--eventlevel",
        "Fatal",
        "--format",
        "json",
        "--lang",
        "zh-CN",
    ]);
    assert!(quiet.status.success());
    let errors = stderr(&quiet);
    assert!(
        errors.contains("default/probe-demo 在级别 Fatal 下没有事件"),
        "{errors}"
    );
}

#[test]
fn bad_rules_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let rules = write_file(dir.path(), "rules.json", b"{}")
        .display()
        .to_string();
    let args = ["--rules", &rules, "--logfile", CASE_07, "--list-pods"];
    let bad = podlife(&[&args[..], &["--lang", "zh-CN"]].concat());
    assert_eq!(bad.status.code(), Some(2));
    let errors = stderr(&bad);
    assert!(
        errors.contains("未使用该规则文件，也未读取任何日志"),
        "{errors}"
    );
}
