//! Helpers for the tests that run the `podlife` binary as a script would.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The log of case 07: one pod, `default/probe-demo`, whose container a liveness probe restarts.
pub const CASE_07: &str = "tests/fixtures/cases/07-aks-liveness-exec-restart/input.log";

/// Runs podlife with `args` and returns its exit status and output.
pub fn podlife(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_podlife"))
        .args(args)
        .output()
        .expect("podlife runs")
}

/// Returns standard output as text.
pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Returns standard error as text.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Returns each line of `text` parsed as one JSON object.
pub fn json_lines(text: &str) -> Vec<serde_json::Value> {
    text.lines()
        .map(|line| serde_json::from_str(line).expect("each line is a JSON object"))
        .collect()
}

/// Writes `bytes` to the file `name` in `dir` and returns its path.
pub fn write_file(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}
