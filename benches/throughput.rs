//! Compares the throughput of the podlife CLI with a literal scan and with a Python grep loop,
//! on one log file:
//!
//! ```text
//! cargo bench --bench throughput -- --file /tmp/node-1g.log [--runs 3] [--python-mib 100]
//!     [--baseline PATH] [--same-events SMALLER_LOG] [--memory-only]
//! ```
//!
//! - podlife: the release `podlife --list-pods`, which indexes every pod. Its peak RSS comes
//!   from `/usr/bin/time -f %M`.
//! - ripgrep: `rg -c -F -f LITERALS`, where LITERALS contains the literal of every built-in rule,
//!   the same strings as podlife's prefilter. It is the near-limit reference.
//! - Python: the `--parse-only` loop of the grep script given by `--baseline`, which follows one
//!   pod. It runs on the first `--python-mib` MiB only, and its MB/s is taken as that of the
//!   whole file.
//!
//! - memory: with `--same-events`, podlife's peak RSS on `--file` and on a smaller log with the
//!   same lifecycle events (`loggen --events-of`), and their ratio. `--memory-only` skips
//!   ripgrep and Python.
//!
//! The file is read once before the runs so that every tool reads it from the page cache.
//! Each tool's figure is the best of `--runs` runs; nothing is asserted.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

struct Options {
    file: PathBuf,
    runs: u32,
    python_mib: u64,
    baseline: PathBuf,
    same_events: Option<PathBuf>,
    memory_only: bool,
}

/// Best time of a tool and what it printed.
struct Measure {
    seconds: f64,
    bytes: u64,
    output: String,
}

impl Measure {
    fn mb_per_second(&self) -> f64 {
        self.bytes as f64 / 1e6 / self.seconds
    }
}

fn main() -> ExitCode {
    let options = match parse_args(std::env::args().skip(1)) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("throughput: {message}");
            eprintln!(
                "usage: cargo bench --bench throughput -- --file LOG [--runs N] \
                 [--python-mib MIB] [--baseline grep_baseline.py] \
                 [--same-events SMALLER_LOG] [--memory-only]"
            );
            return ExitCode::from(1);
        }
    };
    match run(&options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("throughput: {err}");
            ExitCode::from(2)
        }
    }
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Options, String> {
    let mut file = None;
    let mut runs = 3;
    let mut python_mib = 100;
    let mut same_events = None;
    let mut memory_only = false;
    let mut baseline =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/baseline/grep_baseline.py");
    while let Some(flag) = args.next() {
        // `cargo bench` passes `--bench` to every harness-less target.
        if flag == "--bench" {
            continue;
        }
        if flag == "--memory-only" {
            memory_only = true;
            continue;
        }
        let value = args
            .next()
            .ok_or_else(|| format!("missing value after {flag}"))?;
        let number = |value: &str| {
            value
                .parse::<u64>()
                .ok()
                .filter(|n| *n > 0)
                .ok_or_else(|| format!("invalid {flag} {value:?}: expected a positive integer"))
        };
        match flag.as_str() {
            "--file" => file = Some(PathBuf::from(value)),
            "--runs" => runs = number(&value)? as u32,
            "--python-mib" => python_mib = number(&value)?,
            "--baseline" => baseline = PathBuf::from(value),
            "--same-events" => same_events = Some(PathBuf::from(value)),
            _ => return Err(format!("unknown option {flag}")),
        }
    }
    Ok(Options {
        file: file.ok_or("missing --file")?,
        runs,
        python_mib,
        baseline,
        same_events,
        memory_only,
    })
}

fn run(options: &Options) -> io::Result<()> {
    let size = std::fs::metadata(&options.file)?.len();
    let warm = Instant::now();
    io::copy(&mut File::open(&options.file)?, &mut io::sink())?;
    let mb = size as f64 / 1e6;
    let warm = warm.elapsed().as_secs_f64();
    println!("file: {} ({mb:.0} MB)", options.file.display());
    println!("page-cache read: {:.0} MB/s", mb / warm);

    let temp = tempfile::tempdir()?;
    let (podlife, rss_mib) = run_podlife(&options.file, options.runs, temp.path())?;
    let pods = pod_count(&podlife.output);
    report("podlife --list-pods", &podlife, &format!("{pods} pods"));
    println!("  peak RSS: {rss_mib:.1} MiB");
    if let Some(smaller) = &options.same_events {
        compare_memory(smaller, &podlife, rss_mib, temp.path())?;
    }
    if options.memory_only {
        return Ok(());
    }

    let literals = temp.path().join("literals.txt");
    write_literals(&literals)?;
    let rg = best_of(options.runs, size, || {
        let mut command = Command::new("rg");
        command
            .args(["-c", "-F", "-f"])
            .arg(&literals)
            .arg(&options.file);
        command
    })?;
    report(
        "rg -c -F -f literals",
        &rg,
        &format!("{} lines", rg.output.trim().parse::<u64>().unwrap_or(0)),
    );

    let python = run_python(options, temp.path(), size)?;
    println!();
    println!(
        "podlife / rg: {:.2}",
        podlife.mb_per_second() / rg.mb_per_second()
    );
    if let Some(python) = python {
        println!(
            "podlife / python: {:.1}",
            podlife.mb_per_second() / python.mb_per_second()
        );
    }
    Ok(())
}

/// Runs `podlife --list-pods` on `file`, best of `runs`, and returns the best run and the peak
/// RSS of the last run in MiB, from `/usr/bin/time -f %M`.
fn run_podlife(file: &Path, runs: u32, temp: &Path) -> io::Result<(Measure, f64)> {
    let size = std::fs::metadata(file)?.len();
    let rss_path = temp.join("rss");
    let podlife = best_of(runs, size, || {
        let mut command = Command::new("/usr/bin/time");
        command.arg("-f").arg("%M").arg("-o").arg(&rss_path);
        command.arg(env!("CARGO_BIN_EXE_podlife"));
        command.arg("--logfile").arg(file).arg("--list-pods");
        command
    })?;
    let rss_kib: u64 = std::fs::read_to_string(&rss_path)?
        .trim()
        .parse()
        .unwrap_or(0);
    Ok((podlife, rss_kib as f64 / 1024.0))
}

/// Returns the number of pods in `podlife --list-pods` output, which has one header row.
fn pod_count(listing: &str) -> usize {
    listing.lines().count().saturating_sub(1)
}

/// Prints podlife's peak RSS on `smaller`, a log with the same lifecycle events as the main
/// file, and the ratio of the main file's peak RSS to it. It also prints whether both listings
/// are equal, because the ratio means something only when they are.
fn compare_memory(
    smaller: &Path,
    larger: &Measure,
    larger_mib: f64,
    temp: &Path,
) -> io::Result<()> {
    io::copy(&mut File::open(smaller)?, &mut io::sink())?;
    let (measure, mib) = run_podlife(smaller, 1, temp)?;
    let note = format!(
        "{:.0} MB, {} pods",
        measure.bytes as f64 / 1e6,
        pod_count(&measure.output)
    );
    report("podlife on the same events", &measure, &note);
    println!("  peak RSS: {mib:.1} MiB");
    println!("peak RSS, --file / --same-events: {:.2}", larger_mib / mib);
    if measure.output == larger.output {
        println!("  the two pod listings are equal");
    } else {
        println!("  warning: the pod listings differ, so the files do not hold the same events");
    }
    Ok(())
}

/// Writes the literal of every built-in rule, one per line, as `rg -f` reads them.
fn write_literals(path: &Path) -> io::Result<()> {
    let rules = podlife::rules::RuleSet::builtin();
    let mut literals: Vec<&str> = rules
        .source()
        .rules
        .iter()
        .filter_map(|rule| rule.literal.as_deref().or(rule.message.as_deref()))
        .filter(|literal| !literal.is_empty())
        .collect();
    literals.sort_unstable();
    literals.dedup();
    let mut out = File::create(path)?;
    for literal in &literals {
        writeln!(out, "{literal}")?;
    }
    println!("rule literals: {}", literals.len());
    Ok(())
}

/// Runs the Python baseline on the first `--python-mib` MiB, following the first pod podlife
/// lists there. Returns `None`, after printing why, when the script is missing or the slice has
/// no pod.
fn run_python(options: &Options, temp: &Path, size: u64) -> io::Result<Option<Measure>> {
    if !options.baseline.is_file() {
        println!("python: skipped, {} not found", options.baseline.display());
        return Ok(None);
    }
    let slice = temp.join("slice.log");
    let slice_bytes = write_slice(&options.file, &slice, options.python_mib << 20)?;
    let listed = measure(1, || {
        let mut command = Command::new(env!("CARGO_BIN_EXE_podlife"));
        command.arg("--logfile").arg(&slice).arg("--list-pods");
        command
    })?;
    let Some(pod) = first_pod_name(&listed.output) else {
        println!("python: skipped, podlife finds no pod in the slice");
        return Ok(None);
    };
    let python = measure(slice_bytes, || {
        let mut command = Command::new("python3");
        command.arg(&options.baseline).args(["--podname", &pod]);
        command.arg("--logfile").arg(&slice);
        command.args([
            "--eventlevel",
            "Info,Normal,Warning,Error,Fatal",
            "--parse-only",
        ]);
        command
    })?;
    let note = format!(
        "pod {pod}, {:.0} MB slice of {:.0} MB",
        slice_bytes as f64 / 1e6,
        size as f64 / 1e6
    );
    report("python grep_baseline.py", &python, &note);
    Ok(Some(python))
}

/// Copies the first `limit` bytes of `from`, cut after the last whole line, and returns the
/// number of bytes copied.
fn write_slice(from: &Path, to: &Path, limit: u64) -> io::Result<u64> {
    let mut head = Vec::new();
    File::open(from)?.take(limit).read_to_end(&mut head)?;
    if let Some(end) = head.iter().rposition(|&b| b == b'\n') {
        head.truncate(end + 1);
    }
    std::fs::write(to, &head)?;
    Ok(head.len() as u64)
}

/// Returns the name part of the first pod in `podlife --list-pods` output.
fn first_pod_name(listing: &str) -> Option<String> {
    let row = BufReader::new(listing.as_bytes()).lines().nth(1)?.ok()?;
    let pod = row.split_whitespace().next()?;
    Some(pod.rsplit('/').next()?.to_string())
}

fn best_of(runs: u32, bytes: u64, command: impl Fn() -> Command) -> io::Result<Measure> {
    let mut best: Option<Measure> = None;
    for _ in 0..runs {
        let measure = measure(bytes, &command)?;
        if best
            .as_ref()
            .is_none_or(|best| measure.seconds < best.seconds)
        {
            best = Some(measure);
        }
    }
    Ok(best.expect("runs is at least 1"))
}

/// Runs a command once and times it. A non-zero exit status is an error, except 1 with empty
/// standard error, which is how grep and rg report that no line matched.
fn measure(bytes: u64, command: impl Fn() -> Command) -> io::Result<Measure> {
    let mut command = command();
    command.stdin(Stdio::null());
    let started = Instant::now();
    let output = command.output()?;
    let elapsed: Duration = started.elapsed();
    let no_match = output.status.code() == Some(1) && output.stderr.is_empty();
    if !output.status.success() && !no_match {
        return Err(io::Error::other(format!(
            "{command:?} failed with {}: {}",
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        )));
    }
    Ok(Measure {
        seconds: elapsed.as_secs_f64(),
        bytes,
        output: String::from_utf8_lossy(&output.stdout).into_owned(),
    })
}

fn report(tool: &str, measure: &Measure, note: &str) {
    println!(
        "{tool}: {:.0} MB/s ({:.2} s, {note})",
        measure.mb_per_second(),
        measure.seconds
    );
}
