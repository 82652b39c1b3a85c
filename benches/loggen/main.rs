//! Writes a deterministic, synthetic node log in rsyslog's traditional format:
//!
//! ```text
//! cargo bench --bench loggen -- --size 1GiB --out /tmp/node-1g.log [--seed 7]
//! ```
//!
//! About 97 % of the lines are noise from systemd, the kernel, containerd and kubelet. The rest
//! are lifecycle lines of a few hundred pods. The kubelet is upgraded half-way through the
//! file, from the printf wording of kubelet 1.20 to the structured wording of 1.27. The clock
//! runs from Dec 31 06:00 to Jan 1 18:00, so the file crosses a New Year. The same size and
//! seed give the same bytes.
//!
//! Two options add to that log, and leave it unchanged when absent:
//!
//! - `--events-of SIZE` writes the lines of the SIZE log with the same seed, in the same order,
//!   with the same timestamps and text, and spreads noise lines that name no pod between them
//!   up to `--size`. Files of different sizes then hold the same lifecycle events.
//! - `--span-pod SECONDS`, repeatable, adds pod `bench/span-<SECONDS>s`, whose lifecycle lasts
//!   about SECONDS (see the `span` module).

mod clock;
mod filler;
mod noise;
mod pods;
mod random;
mod span;

use clock::Clock;
use filler::Filler;
use pods::{Generation, Pods};
use random::Rng;
use span::SpanPods;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;
use std::time::Instant;

/// Host name in every line.
pub const HOST: &str = "worker-7";
/// Lifecycle lines per thousand lines.
const LIFECYCLE_PER_MILLE: u64 = 30;
/// Pods alive at a time; each deleted pod is replaced by a new one.
const PODS: usize = 300;

struct Options {
    size: u64,
    out: String,
    seed: u64,
    /// Size of the log whose lines this one holds, from `--events-of`; `size` when absent.
    events_size: u64,
    /// Lifecycle lengths of the span pods, in seconds.
    spans: Vec<u64>,
}

const USAGE: &str = "usage: cargo bench --bench loggen -- --size 1GiB --out FILE [--seed N] \
                     [--events-of 256MiB] [--span-pod SECONDS]...";

fn main() -> ExitCode {
    let options = match parse_args(std::env::args().skip(1)) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("loggen: {message}");
            eprintln!("{USAGE}");
            return ExitCode::from(1);
        }
    };
    let started = Instant::now();
    match write_log(&options) {
        Ok(()) => {
            let seconds = started.elapsed().as_secs_f64();
            let mb = options.size as f64 / 1e6;
            eprintln!(
                "loggen: wrote {} ({mb:.0} MB) in {seconds:.1} s, {:.0} MB/s",
                options.out,
                mb / seconds
            );
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("loggen: cannot write {}: {err}", options.out);
            ExitCode::from(2)
        }
    }
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Options, String> {
    let mut size = None;
    let mut out = None;
    let mut seed = 1;
    let mut events_size = None;
    let mut spans = Vec::new();
    while let Some(flag) = args.next() {
        // `cargo bench` passes `--bench` to every harness-less target.
        if flag == "--bench" {
            continue;
        }
        let value = args
            .next()
            .ok_or_else(|| format!("missing value after {flag}"))?;
        match flag.as_str() {
            "--size" => size = Some(parse_size(&value)?),
            "--events-of" => events_size = Some(parse_size(&value)?),
            "--span-pod" => spans.push(parse_span(&value)?),
            "--out" => out = Some(value),
            "--seed" => {
                seed = value
                    .parse()
                    .map_err(|_| format!("invalid --seed {value:?}: expected an integer"))?
            }
            _ => return Err(format!("unknown option {flag}")),
        }
    }
    let size = size.ok_or("missing --size")?;
    let events_size = events_size.unwrap_or(size);
    if events_size > size || (events_size < size && size - events_size < filler::MIN_EXTRA) {
        return Err(format!(
            "invalid --events-of {events_size} bytes: expected at most --size ({size} bytes) \
             minus {} bytes",
            filler::MIN_EXTRA
        ));
    }
    Ok(Options {
        size,
        out: out.ok_or("missing --out")?,
        seed,
        events_size,
        spans,
    })
}

fn parse_span(text: &str) -> Result<u64, String> {
    text.parse()
        .ok()
        .filter(|seconds| (1..=span::MAX_SECONDS).contains(seconds))
        .ok_or_else(|| {
            format!(
                "invalid --span-pod {text:?}: expected whole seconds from 1 to {}",
                span::MAX_SECONDS
            )
        })
}

/// Parses `300MiB`, `1GiB`, `4.5GiB`, `10MB` or a plain byte count.
fn parse_size(text: &str) -> Result<u64, String> {
    let units = [
        ("GiB", 1u64 << 30),
        ("MiB", 1 << 20),
        ("KiB", 1 << 10),
        ("GB", 1_000_000_000),
        ("MB", 1_000_000),
        ("KB", 1_000),
        ("B", 1),
    ];
    let (number, unit) = units
        .iter()
        .find_map(|(suffix, unit)| text.strip_suffix(suffix).map(|n| (n, *unit)))
        .unwrap_or((text, 1));
    let value: f64 = number
        .trim()
        .parse()
        .map_err(|_| format!("invalid --size {text:?}: expected e.g. 300MiB, 1GiB or 4.5GiB"))?;
    if value.is_nan() || value <= 0.0 {
        return Err(format!("invalid --size {text:?}: must be positive"));
    }
    Ok((value * unit as f64) as u64)
}

/// Writes lines until the file reaches `options.size` bytes. The lifecycle and noise lines are
/// generated as if the file were `events_size` bytes, and the extra lines of `--events-of` go
/// between them. The last line is cut short and ended with a newline, so the file has exactly
/// the requested size.
fn write_log(options: &Options) -> io::Result<()> {
    let mut out = BufWriter::with_capacity(1 << 20, File::create(&options.out)?);
    let size = options.events_size;
    let mut filler = Filler::new(options.seed, options.size - size, size);
    let mut rng = Rng::new(options.seed);
    let mut clock = Clock::new();
    let mut pods = Pods::new(&mut rng, PODS);
    let mut spans = SpanPods::new(options.seed, &options.spans);
    let mut line = Vec::with_capacity(4096);
    let mut written = 0u64;
    let mut upgraded = false;
    while written < size {
        clock.set_progress(written as f64 / size as f64);
        line.clear();
        let generation = if upgraded {
            Generation::Structured
        } else {
            Generation::Printf
        };
        if !upgraded && written >= size / 2 {
            upgraded = true;
            noise::write_upgrade(&mut line, &clock)?;
        } else if spans.write_due(&mut line, &clock, generation, &mut pods)? {
            // The span pods' lines take this turn.
        } else if rng.below(1000) < LIFECYCLE_PER_MILLE {
            pods.write_step(&mut line, &clock, &mut rng, generation)?;
        } else {
            noise::write_line(&mut line, &clock, &mut rng, upgraded, &pods)?;
        }
        let room = (size - written) as usize;
        if line.len() > room {
            line.truncate(room - 1);
            line.push(b'\n');
        }
        let last = line.len() == room;
        filler.write_before(&mut out, &clock, written, last)?;
        out.write_all(&line)?;
        written += line.len() as u64;
    }
    out.flush()
}
