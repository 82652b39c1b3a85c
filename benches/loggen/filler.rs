//! Extra noise for `--events-of`: the lines of the smaller log keep their order, their
//! timestamps and their text, and noise that names no pod is spread between them until the file
//! has the size requested. Removing the extra lines gives back the smaller log byte for byte.

use crate::clock::Clock;
use crate::noise;
use crate::random::Rng;
use std::io::{self, Write};

/// Maximum length of a line from [`noise::write_anonymous`], with room to spare.
const MAX_LINE: u64 = 512;
/// Length of the padding lines that close the gap before the last line of the smaller log.
const PADDING_LINE: usize = 160;
/// Smallest difference between `--size` and `--events-of` apart from none.
pub const MIN_EXTRA: u64 = 1024;
/// Seed offset of the extra lines' generator, so the smaller log's own lines draw the same
/// numbers as without `--events-of`.
const SEED_OFFSET: u64 = 0x5eed_f111;

/// The extra lines and how many bytes of them are still to write.
pub struct Filler {
    rng: Rng,
    /// Bytes of extra lines the whole file gets.
    total: u64,
    /// Size of the smaller log whose lines the extra lines go between.
    events_size: u64,
    written: u64,
}

impl Filler {
    /// Prepares `total` bytes of extra lines to go between the `events_size` bytes of a log's
    /// own lines.
    pub fn new(seed: u64, total: u64, events_size: u64) -> Filler {
        Filler {
            rng: Rng::new(seed.wrapping_add(SEED_OFFSET)),
            total,
            events_size,
            written: 0,
        }
    }

    /// Writes the extra lines due before the log line that starts at `offset` bytes of the
    /// smaller log, so both kinds of line keep the same share of the file throughout. Before the
    /// last line, `last`, every byte still due is written, which makes the size exact.
    pub fn write_before(
        &mut self,
        out: &mut impl Write,
        clock: &Clock,
        offset: u64,
        last: bool,
    ) -> io::Result<()> {
        if self.total == 0 {
            return Ok(());
        }
        let mut line = Vec::with_capacity(MAX_LINE as usize);
        // Staying a line and a padding line behind the proportional share leaves room for
        // the padding that makes the size exact.
        let share = (self.total as f64 * offset as f64 / self.events_size as f64) as u64;
        let behind = share.saturating_sub(MAX_LINE + PADDING_LINE as u64);
        while self.written < behind {
            line.clear();
            noise::write_anonymous(&mut line, clock, &mut self.rng)?;
            debug_assert!(line.len() as u64 <= MAX_LINE);
            out.write_all(&line)?;
            self.written += line.len() as u64;
        }
        if last {
            self.close(out, clock, &mut line)?;
        }
        Ok(())
    }

    /// Writes padding lines until exactly `total` bytes of extra lines are written.
    fn close(&mut self, out: &mut impl Write, clock: &Clock, line: &mut Vec<u8>) -> io::Result<()> {
        let shortest = noise::padding_min(clock);
        while self.written < self.total {
            let left = (self.total - self.written) as usize;
            // The last padding line takes whatever is left, which is never shorter than a
            // padding line can be because the lines before it stop early.
            let length = if left >= 2 * PADDING_LINE.max(shortest) {
                PADDING_LINE
            } else {
                left
            };
            line.clear();
            if !noise::write_padding(line, clock, &mut self.rng, length) {
                return Err(io::Error::other(format!(
                    "failed to pad {left} bytes: padding lines are {shortest} bytes or longer"
                )));
            }
            out.write_all(line)?;
            self.written += line.len() as u64;
        }
        Ok(())
    }
}
