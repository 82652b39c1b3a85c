//! The log's clock: progress through the file maps onto Dec 31 06:00 to Jan 1 18:00 UTC, so
//! timestamps never go back and every file crosses the New Year whatever its size.

use std::io::{self, Write};

/// Year of the Dec 31 lines; the Jan 1 lines are in the year after.
pub const YEAR: i32 = 2025;
const START_SECONDS: u64 = 6 * 3600;
/// Seconds from the first line to the last.
pub const SPAN_SECONDS: f64 = 36.0 * 3600.0;
const SPAN_MICROS: f64 = SPAN_SECONDS * 1e6;

/// The current time and its formatted forms, rebuilt only when the second changes.
pub struct Clock {
    progress: f64,
    second: u64,
    micros: u32,
    /// `Dec 31 06:00:00 worker-7 `
    syslog: Vec<u8>,
    /// `1231 06:00:00`
    klog: Vec<u8>,
    /// `2025-12-31T06:00:00`
    iso: Vec<u8>,
}

impl Clock {
    pub fn new() -> Clock {
        let mut clock = Clock {
            progress: 0.0,
            second: u64::MAX,
            micros: 0,
            syslog: Vec::new(),
            klog: Vec::new(),
            iso: Vec::new(),
        };
        clock.set_progress(0.0);
        clock
    }

    /// Moves the clock to `progress` (0 to 1) of the span.
    pub fn set_progress(&mut self, progress: f64) {
        self.progress = progress;
        let micros = (progress * SPAN_MICROS) as u64;
        self.micros = (micros % 1_000_000) as u32;
        let second = START_SECONDS + micros / 1_000_000;
        if second != self.second {
            self.second = second;
            self.format_second();
        }
    }

    /// Returns the progress last set.
    pub fn progress(&self) -> f64 {
        self.progress
    }

    fn format_second(&mut self) {
        let (year, month, name, day) = if self.second < 86_400 {
            (YEAR, 12, "Dec", 31)
        } else {
            (YEAR + 1, 1, "Jan", 1)
        };
        let of_day = self.second % 86_400;
        let (h, m, s) = (of_day / 3600, of_day / 60 % 60, of_day % 60);
        let host = crate::HOST;
        self.syslog = format!("{name} {day:>2} {h:02}:{m:02}:{s:02} {host} ").into_bytes();
        self.klog = format!("{month:02}{day:02} {h:02}:{m:02}:{s:02}").into_bytes();
        self.iso = format!("{year}-{month:02}-{day:02}T{h:02}:{m:02}:{s:02}").into_bytes();
    }

    /// Writes the rsyslog prefix up to the message: `Dec 31 06:00:00 worker-7 tag: `.
    pub fn syslog(&self, out: &mut Vec<u8>, tag: &str) {
        out.extend_from_slice(&self.syslog);
        out.extend_from_slice(tag.as_bytes());
        out.extend_from_slice(b": ");
    }

    /// Writes a klog header: `I1231 06:00:00.123456    4410 kubelet.go:2212] `.
    pub fn klog(&self, out: &mut Vec<u8>, severity: u8, pid: u32, source: &str) -> io::Result<()> {
        out.push(severity);
        out.extend_from_slice(&self.klog);
        write!(out, ".{:06} {pid:>7} {source}] ", self.micros)
    }

    /// Writes an RFC 3339 time with nine fractional digits, as containerd logs it. The last
    /// three digits are filler, because the clock counts microseconds.
    pub fn iso(&self, out: &mut Vec<u8>) -> io::Result<()> {
        out.extend_from_slice(&self.iso);
        write!(out, ".{:06}{:03}Z", self.micros, self.micros % 997)
    }
}
