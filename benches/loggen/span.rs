//! Pods of a chosen lifecycle length, for `--span-pod SECONDS`. Pod `bench/span-<SECONDS>s`
//! is added one hour after the file's first line and goes through the usual steps at one line
//! every max(1, SECONDS / 10 000) seconds, crash-looping until SECONDS have passed. A 100 s
//! lifecycle thus has about 100 lines and a 100 000 s one about 10 000. Its last steps
//! (update, delete, stop, exit, remove) come after that, so the lifecycle runs a few intervals
//! longer than SECONDS.

use crate::clock::{Clock, SPAN_SECONDS};
use crate::pods::{Generation, Pod, Pods};
use crate::random::Rng;
use std::io;

/// Seconds from the file's first line to the first line of every span pod.
const START_SECONDS: f64 = 3600.0;
/// Maximum lifecycle length, in seconds, that ends before the file does.
pub const MAX_SECONDS: u64 = 120_000;
/// Lines that a lifecycle of many seconds gets.
const LINES: u64 = 10_000;
/// Seed offset of the span pods' generator, so the other lines draw the same numbers as
/// without span pods.
const SEED_OFFSET: u64 = 0x59a2_7000;

struct SpanPod {
    pod: Pod,
    /// Progress at which the next line is due.
    next: f64,
    /// Progress between two lines.
    interval: f64,
    finished: bool,
}

/// The span pods of one file.
pub struct SpanPods {
    pods: Vec<SpanPod>,
    rng: Rng,
}

impl SpanPods {
    /// Creates one pod for each lifecycle length in `spans`, in seconds.
    pub fn new(seed: u64, spans: &[u64]) -> SpanPods {
        let mut rng = Rng::new(seed.wrapping_add(SEED_OFFSET));
        let pods = spans
            .iter()
            .map(|&seconds| {
                let name = format!("span-{seconds}s");
                let mut pod = Pod::named(&mut rng, "bench", name, "app");
                pod.delete_after = (START_SECONDS + seconds as f64) / SPAN_SECONDS;
                SpanPod {
                    pod,
                    next: START_SECONDS / SPAN_SECONDS,
                    interval: (seconds / LINES).max(1) as f64 / SPAN_SECONDS,
                    finished: false,
                }
            })
            .collect();
        SpanPods { pods, rng }
    }

    /// Writes every span pod line due at the clock's progress, and returns whether it wrote any.
    /// Several lines due at once share the clock's current time, which keeps the lifecycle's
    /// length right when the file has fewer lines than the lifecycle has seconds.
    pub fn write_due(
        &mut self,
        out: &mut Vec<u8>,
        clock: &Clock,
        generation: Generation,
        pods: &mut Pods,
    ) -> io::Result<bool> {
        let mut wrote = false;
        for span in &mut self.pods {
            while !span.finished && span.next <= clock.progress() {
                let version = pods.next_resource_version();
                span.finished =
                    span.pod
                        .write_next(out, clock, &mut self.rng, generation, version)?;
                span.next += span.interval;
                wrote = true;
            }
        }
        Ok(wrote)
    }
}
