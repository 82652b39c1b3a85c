//! Timestamps as logs write them (often without a year) and as events carry them once the year
//! is known.
//!
//! Syslog and klog stamps have no year. A file's year is known for its last line (from the file's
//! modification time or `--year`) and runs backwards from there: every Dec→Jan step seen while
//! reading the file moves the lines before it one year back.

use chrono::{Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::cmp::Ordering;
use std::fmt;

/// How many fractional second digits a stamp was written with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    Seconds,
    Millis,
    Micros,
    Nanos,
}

impl Precision {
    /// Returns the precision of a fraction written with `digits` digits.
    pub fn from_digits(digits: usize) -> Precision {
        match digits {
            0 => Precision::Seconds,
            1..=3 => Precision::Millis,
            4..=6 => Precision::Micros,
            _ => Precision::Nanos,
        }
    }

    fn digits(self) -> usize {
        match self {
            Precision::Seconds => 0,
            Precision::Millis => 3,
            Precision::Micros => 6,
            Precision::Nanos => 9,
        }
    }
}

/// A stamp as parsed from a line: the year and zone offset are present only when the line
/// states them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Stamp {
    pub year: Option<i32>,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
    pub nanos: u32,
    pub precision: Precision,
    /// Seconds east of UTC, when the stamp states a zone.
    pub offset: Option<i32>,
}

impl Stamp {
    /// Resolves the stamp to a timestamp, using `year` when the stamp has none.
    ///
    /// A Feb 29 in a year that has none (a wrong `--year`, say) is placed in the closest leap
    /// year before it, so such a line never fails.
    pub fn resolve(&self, year: i32) -> Option<Timestamp> {
        let year = self.year.unwrap_or(year);
        let date = NaiveDate::from_ymd_opt(year, self.month, self.day).or_else(|| {
            (self.month == 2 && self.day == 29)
                .then(|| (1..=7).find_map(|back| NaiveDate::from_ymd_opt(year - back, 2, 29)))
                .flatten()
        })?;
        let time = NaiveTime::from_hms_nano_opt(self.hour, self.minute, self.second, self.nanos)?;
        Some(Timestamp {
            local: NaiveDateTime::new(date, time),
            precision: self.precision,
            offset: self.offset.and_then(FixedOffset::east_opt),
        })
    }

    /// Returns whether `self` and `other` show the same minute-second, which holds when they are the
    /// same instant written in zones a whole number of hours apart.
    pub fn same_minute_second(&self, other: &Stamp) -> bool {
        self.minute == other.minute && self.second == other.second
    }
}

/// A resolved point in time, in the log's local clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Timestamp {
    pub local: NaiveDateTime,
    pub precision: Precision,
    pub offset: Option<FixedOffset>,
}

impl Timestamp {
    /// Returns the timestamp cut to its whole second, the unit of the timeline.
    pub fn second(&self) -> NaiveDateTime {
        self.local.with_nanosecond(0).unwrap_or(self.local)
    }

    /// ISO 8601 with the precision the log wrote, plus the offset when the log stated one.
    pub fn iso(&self) -> String {
        let mut out = self.local.format("%Y-%m-%dT%H:%M:%S").to_string();
        let digits = self.precision.digits();
        if digits > 0 {
            let fraction = format!("{:09}", self.local.nanosecond() % 1_000_000_000);
            out.push('.');
            out.push_str(&fraction[..digits]);
        }
        if let Some(offset) = self.offset {
            out.push_str(&offset.to_string());
        }
        out
    }

    pub fn year(&self) -> i32 {
        self.local.year()
    }
}

impl Ord for Timestamp {
    fn cmp(&self, other: &Self) -> Ordering {
        self.local.cmp(&other.local)
    }
}

impl PartialOrd for Timestamp {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.iso())
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Timestamp::parse_iso(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("invalid timestamp: {text:?}")))
    }
}

impl Timestamp {
    /// Parses the form [`Timestamp::iso`] writes, keeping its precision and offset.
    pub fn parse_iso(text: &str) -> Option<Timestamp> {
        let (seconds, rest) = (text.get(..19)?, &text[19..]);
        let local = NaiveDateTime::parse_from_str(seconds, "%Y-%m-%dT%H:%M:%S").ok()?;
        let (digits, rest) = match rest.strip_prefix('.') {
            Some(fraction) => fraction.split_at(
                fraction
                    .find(|c: char| !c.is_ascii_digit())
                    .unwrap_or(fraction.len()),
            ),
            None => ("", rest),
        };
        let nanos = if digits.is_empty() {
            0
        } else {
            format!("{digits:0<9}").get(..9)?.parse().ok()?
        };
        let offset = match rest {
            "" => None,
            zone => Some(parse_offset(zone)?),
        };
        Some(Timestamp {
            local: local.with_nanosecond(nanos)?,
            precision: Precision::from_digits(digits.len()),
            offset,
        })
    }
}

/// Parses an offset as [`FixedOffset`] displays it: `+hh:mm`, or `+hh:mm:ss`.
fn parse_offset(zone: &str) -> Option<FixedOffset> {
    let sign = match zone.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let mut seconds = 0;
    for (part, unit) in zone[1..].split(':').zip([3600, 60, 1]) {
        seconds += part.parse::<i32>().ok()? * unit;
    }
    FixedOffset::east_opt(sign * seconds)
}

/// Counts the New Year steps in one file's stamps, so each line's year can be worked out once
/// the year of the last line is known.
#[derive(Debug, Clone, Default)]
pub struct YearTracker {
    last_month: Option<u32>,
    rollovers: u32,
}

impl YearTracker {
    /// Records the month of the next stamped line and returns the number of New Year steps seen
    /// before it. Only a drop of six months or more counts as a step, so lines merged slightly out
    /// of order do not move the year.
    pub fn observe(&mut self, month: u32) -> u32 {
        if let Some(last) = self.last_month {
            if last >= month + 6 {
                self.rollovers += 1;
            }
        }
        self.last_month = Some(month);
        self.rollovers
    }

    /// Returns the number of New Year steps seen so far.
    pub fn rollovers(&self) -> u32 {
        self.rollovers
    }

    /// Returns the year of a line that had seen `rollovers_before` steps, given the year of the last line.
    pub fn year_of(&self, rollovers_before: u32, last_line_year: i32) -> i32 {
        last_line_year - (self.rollovers - rollovers_before) as i32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp(month: u32, day: u32) -> Stamp {
        Stamp {
            year: None,
            month,
            day,
            hour: 10,
            minute: 0,
            second: 5,
            nanos: 123_456_000,
            precision: Precision::Micros,
            offset: None,
        }
    }

    #[test]
    fn year_rollover_runs_backwards() {
        let mut tracker = YearTracker::default();
        let seen: Vec<u32> = [12, 12, 1, 1].iter().map(|&m| tracker.observe(m)).collect();
        assert_eq!(tracker.year_of(seen[0], 2025), 2024);
        assert_eq!(tracker.year_of(seen[1], 2025), 2024);
        assert_eq!(tracker.year_of(seen[2], 2025), 2025);
        assert_eq!(tracker.year_of(seen[3], 2025), 2025);
    }

    #[test]
    fn year_small_disorder_is_not_rollover() {
        let mut tracker = YearTracker::default();
        tracker.observe(3);
        assert_eq!(tracker.observe(2), 0);
    }

    #[test]
    fn feb_29_in_leap_year() {
        let ts = stamp(2, 29).resolve(2024).unwrap();
        assert_eq!(ts.iso(), "2024-02-29T10:00:05.123456");
    }

    #[test]
    fn feb_29_never_fails() {
        let ts = stamp(2, 29).resolve(2025).unwrap();
        assert_eq!(ts.iso(), "2024-02-29T10:00:05.123456");
    }

    #[test]
    fn iso_keeps_stated_offset() {
        let mut with_zone = stamp(12, 4);
        with_zone.year = Some(2024);
        with_zone.offset = Some(8 * 3600);
        with_zone.precision = Precision::Seconds;
        assert_eq!(
            with_zone.resolve(1999).unwrap().iso(),
            "2024-12-04T10:00:05+08:00"
        );
    }

    #[test]
    fn parse_iso_reads_what_iso_writes() {
        let cases = [
            (Precision::Seconds, None),
            (Precision::Millis, Some(-(5 * 3600 + 30 * 60))),
            (Precision::Micros, Some(8 * 3600)),
            (Precision::Nanos, Some(0)),
        ];
        for (precision, offset) in cases {
            let mut written = stamp(12, 31);
            written.year = Some(2025);
            written.nanos = 123_456_789;
            written.precision = precision;
            written.offset = offset;
            let time = written.resolve(2025).unwrap();
            let read = Timestamp::parse_iso(&time.iso());
            assert_eq!(read.map(|t| t.iso()), Some(time.iso()), "{precision:?}");
            assert_eq!(read.map(|t| t.precision), Some(precision));
            assert_eq!(read.map(|t| t.offset), Some(time.offset));
        }
    }

    #[test]
    fn parse_iso_rejects_bad_text() {
        for text in [
            "",
            "2025-12-31",
            "2025-12-31T10:00:05Z",
            "2025-12-31T10:00:05.12x",
        ] {
            assert_eq!(Timestamp::parse_iso(text), None, "{text}");
        }
    }
}
