//! The wrapper a log writer puts around a program's message. These forms are read:
//! - the rsyslog traditional format `Dec  4 10:00:00 host kubelet[123]: …`, which is also
//!   journalctl's `short` and, with a fraction, `short-precise`;
//! - journalctl `short` under a Chinese locale, `12月 04 10:00:00 host kubelet[123]: …`;
//! - the RFC 3339 form of rsyslog and journalctl `short-iso`,
//!   `2024-12-04T10:00:00.123456+08:00 host kubelet[1]: …`;
//! - any of these after text a person pasted before them: a list bullet `  - `, a quote `> `,
//!   or grep's `file:` and `123:` prefixes;
//! - none at all, for a bare klog line.
//!
//! Limitations: the program tag is not checked, so any program's line is returned. Whether it
//! contains a kubelet message is decided by its klog header.

use crate::time::{Precision, Stamp};

/// A line split into the writer's stamp, host, program tag and the program's message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Wrapped<'a> {
    /// The writer's stamp; `None` for a line with no recognised wrapper.
    pub stamp: Option<Stamp>,
    pub host: &'a str,
    /// The program name without the PID, such as `kubelet` or `k3s`.
    pub tag: &'a str,
    pub message: &'a str,
}

/// Splits `line` into its wrapper and message. A line without a recognised wrapper comes back
/// whole as the message, with no stamp.
pub fn parse_wrapper(line: &str) -> Wrapped<'_> {
    if let Some(wrapped) = parse_wrapped(line) {
        return wrapped;
    }
    let pasted = pasted_prefix_len(line);
    if pasted > 0 {
        if let Some(wrapped) = parse_wrapped(&line[pasted..]) {
            return wrapped;
        }
    }
    bare(line)
}

fn parse_wrapped(line: &str) -> Option<Wrapped<'_>> {
    let (stamp, rest) = parse_traditional_stamp(line)
        .or_else(|| parse_iso_stamp(line))
        .or_else(|| parse_chinese_stamp(line))?;
    let (host, tag, message) = parse_host_and_tag(rest)?;
    Some(Wrapped {
        stamp: Some(stamp),
        host,
        tag,
        message,
    })
}

/// The maximum length, in bytes, of a grep `file:` prefix taken as pasted text.
const MAX_PASTED_NAME: usize = 128;

/// Returns the length of text a person may have put before a log line: list bullets and
/// quote marks (`  - `, `> `, `| `), then grep's `file:` and `123:` or `123-` prefixes.
fn pasted_prefix_len(line: &str) -> usize {
    let bullets = line
        .bytes()
        .take_while(|b| matches!(b, b' ' | b'\t' | b'-' | b'*' | b'>' | b'|' | b'+' | b'#'))
        .count();
    let mut end = bullets;
    let rest = &line[end..];
    if let Some(colon) = rest.find(':') {
        let name = &rest[..colon];
        let is_name = colon > 0 && colon <= MAX_PASTED_NAME && !name.contains([' ', '\t']);
        // A clock `10:00:00` is not a file name: its part before the colon is all digits.
        if is_name && !name.bytes().all(|b| b.is_ascii_digit()) {
            end += colon + 1;
        }
    }
    let rest = &line[end..];
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && matches!(rest.as_bytes().get(digits), Some(b':' | b'-')) {
        let after = &rest[digits + 1..];
        // `2024-12-04T…` starts with digits and a dash too: keep it.
        if !after.starts_with(|c: char| c.is_ascii_digit()) || rest.as_bytes()[digits] == b':' {
            end += digits + 1;
        }
    }
    end
}

fn bare(line: &str) -> Wrapped<'_> {
    Wrapped {
        stamp: None,
        host: "",
        tag: "",
        message: line,
    }
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Parses `Mmm dd hh:mm:ss[.ffffff] ` with a space- or zero-padded day, returning the stamp and
/// the text after the following space.
fn parse_traditional_stamp(line: &str) -> Option<(Stamp, &str)> {
    let month = MONTHS.iter().position(|m| line.starts_with(m))? as u32 + 1;
    let rest = line.get(3..)?.strip_prefix(' ')?;
    let rest = rest.strip_prefix(' ').unwrap_or(rest);
    let (day, rest) = parse_number(rest, 1, 2)?;
    parse_local_clock(month, day, rest.strip_prefix(' ')?)
}

/// Parses ` hh:mm:ss[.f…] ` after a month and day, giving a stamp with no year and no zone and
/// the text after the following space.
fn parse_local_clock(month: u32, day: u32, text: &str) -> Option<(Stamp, &str)> {
    let (hour, minute, second, nanos, precision, rest) = parse_clock(text)?;
    let rest = rest.strip_prefix(' ')?;
    let stamp = Stamp {
        year: None,
        month,
        day,
        hour,
        minute,
        second,
        nanos,
        precision,
        offset: None,
    };
    Some((stamp, rest))
}

/// Parses journalctl's `short` stamp under a Chinese locale, `12月 04 10:00:00 ` (the month
/// may be space-padded, ` 1月 04`).
fn parse_chinese_stamp(line: &str) -> Option<(Stamp, &str)> {
    let line = line.strip_prefix(' ').unwrap_or(line);
    let (month, rest) = parse_number(line, 1, 2)?;
    let rest = rest.strip_prefix('月')?.trim_start_matches(' ');
    let (day, rest) = parse_number(rest, 1, 2)?;
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    parse_local_clock(month, day, rest.strip_prefix(' ')?)
}

/// Parses a whole RFC 3339 time, `yyyy-mm-ddThh:mm:ss[.f…][Z|±hh:mm]`, as containerd writes it.
pub fn parse_iso_time(text: &str) -> Option<Stamp> {
    let (stamp, rest) = parse_iso_prefix(text)?;
    rest.is_empty().then_some(stamp)
}

/// Parses `yyyy-mm-ddThh:mm:ss[.f…][Z|±hh:mm|±hhmm] `.
fn parse_iso_stamp(line: &str) -> Option<(Stamp, &str)> {
    let (stamp, rest) = parse_iso_prefix(line)?;
    Some((stamp, rest.strip_prefix(' ')?))
}

/// Parses `yyyy-mm-ddThh:mm:ss[.f…][Z|±hh:mm|±hhmm]` and returns the text after it.
fn parse_iso_prefix(line: &str) -> Option<(Stamp, &str)> {
    let (year, rest) = parse_number(line, 4, 4)?;
    let (month, rest) = parse_number(rest.strip_prefix('-')?, 2, 2)?;
    let (day, rest) = parse_number(rest.strip_prefix('-')?, 2, 2)?;
    let rest = rest.strip_prefix(['T', ' '])?;
    let (hour, minute, second, nanos, precision, rest) = parse_clock(rest)?;
    let (offset, rest) = parse_offset(rest)?;
    let stamp = Stamp {
        year: Some(year as i32),
        month,
        day,
        hour,
        minute,
        second,
        nanos,
        precision,
        offset,
    };
    Some((stamp, rest))
}

/// Parses `hh:mm:ss` and an optional fraction of any length up to nanoseconds.
fn parse_clock(text: &str) -> Option<(u32, u32, u32, u32, Precision, &str)> {
    let (hour, rest) = parse_number(text, 2, 2)?;
    let (minute, rest) = parse_number(rest.strip_prefix(':')?, 2, 2)?;
    let (second, rest) = parse_number(rest.strip_prefix(':')?, 2, 2)?;
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let Some(fraction) = rest.strip_prefix('.') else {
        return Some((hour, minute, second, 0, Precision::Seconds, rest));
    };
    let digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    let kept = &fraction[..digits.min(9)];
    let nanos = kept.parse::<u32>().ok()? * 10u32.pow(9 - kept.len() as u32);
    let precision = Precision::from_digits(digits);
    Some((hour, minute, second, nanos, precision, &fraction[digits..]))
}

/// Parses a zone designator: `Z`, `+08:00` or `+0800`. Returns `Some((None, text))` when there is
/// none.
fn parse_offset(text: &str) -> Option<(Option<i32>, &str)> {
    if let Some(rest) = text.strip_prefix('Z') {
        return Some((Some(0), rest));
    }
    let sign = match text.as_bytes().first() {
        Some(b'+') => 1,
        Some(b'-') => -1,
        _ => return Some((None, text)),
    };
    let (hours, rest) = parse_number(&text[1..], 2, 2)?;
    let rest = rest.strip_prefix(':').unwrap_or(rest);
    let (minutes, rest) = parse_number(rest, 2, 2)?;
    Some((Some(sign * (hours * 3600 + minutes * 60) as i32), rest))
}

/// Parses `host tag[pid]: ` or `host tag: `, returning host, tag and the message after it.
fn parse_host_and_tag(text: &str) -> Option<(&str, &str, &str)> {
    let (host, rest) = text.split_once(' ')?;
    if host.is_empty() {
        return None;
    }
    let colon = rest
        .find(": ")
        .or_else(|| rest.ends_with(':').then(|| rest.len() - 1))?;
    let tag_field = &rest[..colon];
    if tag_field.contains(' ') {
        return None;
    }
    let tag = tag_field.split('[').next().unwrap_or(tag_field);
    let message = rest.get(colon + 2..).unwrap_or("");
    Some((host, tag, message))
}

/// Parses between `min` and `max` ASCII digits.
fn parse_number(text: &str, min: usize, max: usize) -> Option<(u32, &str)> {
    let digits = text
        .bytes()
        .take(max)
        .take_while(u8::is_ascii_digit)
        .count();
    if digits < min {
        return None;
    }
    Some((text[..digits].parse().ok()?, &text[digits..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wrapped(line: &str) -> (Option<Stamp>, &str, &str, &str) {
        let w = parse_wrapper(line);
        (w.stamp, w.host, w.tag, w.message)
    }

    #[test]
    fn wrapper_syslog_space_padded_day() {
        let (stamp, host, tag, message) = wrapped("Dec  4 10:00:00 node-a kubelet[123]: I1204 x");
        let stamp = stamp.unwrap();
        assert_eq!((stamp.month, stamp.day, stamp.hour), (12, 4, 10));
        assert_eq!(stamp.precision, Precision::Seconds);
        assert_eq!((host, tag, message), ("node-a", "kubelet", "I1204 x"));
    }

    #[test]
    fn wrapper_journal_zero_padded_day_k3s() {
        let (stamp, _, tag, message) = wrapped("Nov 04 11:21:08 node-a k3s[930011]: E1104 y");
        assert_eq!(stamp.unwrap().day, 4);
        assert_eq!((tag, message), ("k3s", "E1104 y"));
    }

    #[test]
    fn wrapper_tag_without_pid() {
        let (_, host, tag, message) = wrapped("Jul 17 20:31:39 10-0-0-1-node-a kubelet: I0717 z");
        assert_eq!(
            (host, tag, message),
            ("10-0-0-1-node-a", "kubelet", "I0717 z")
        );
    }

    #[test]
    fn wrapper_short_precise() {
        let (stamp, ..) = wrapped("Dec 04 10:00:00.123456 node-a kubelet[1]: m");
        let stamp = stamp.unwrap();
        assert_eq!(stamp.nanos, 123_456_000);
        assert_eq!(stamp.precision, Precision::Micros);
    }

    #[test]
    fn wrapper_short_iso_and_rfc3339() {
        let (stamp, ..) = wrapped("2024-06-17T12:46:23+0000 host kubelet[118528]: m");
        let stamp = stamp.unwrap();
        assert_eq!((stamp.year, stamp.offset), (Some(2024), Some(0)));
        let (stamp, ..) = wrapped("2024-12-04T10:00:00.123456+08:00 host kubelet[1]: m");
        assert_eq!(stamp.unwrap().offset, Some(8 * 3600));
    }

    #[test]
    fn wrapper_absent_for_bare_klog() {
        let line = "I1204 10:00:00.123456    123 file.go:42] hello";
        assert_eq!(wrapped(line), (None, "", "", line));
    }

    #[test]
    fn wrapper_chinese_locale_month() {
        let (stamp, host, tag, message) = wrapped("12月 04 10:00:00 节点-a kubelet[1]: I1204 m");
        let stamp = stamp.unwrap();
        assert_eq!((stamp.month, stamp.day, stamp.hour), (12, 4, 10));
        assert_eq!((host, tag, message), ("节点-a", "kubelet", "I1204 m"));
        let (stamp, ..) = wrapped(" 1月 07 09:30:01 node-a kubelet[1]: m");
        assert_eq!(stamp.unwrap().month, 1);
    }

    #[test]
    fn wrapper_after_pasted_prefixes() {
        for line in [
            "  - Apr 15 17:21:40 minikube kubelet[46838]: E0415 m",
            "> Apr 15 17:21:40 minikube kubelet[46838]: E0415 m",
            "/var/log/messages:Apr 15 17:21:40 minikube kubelet[46838]: E0415 m",
            "messages-20250416:1234:Apr 15 17:21:40 minikube kubelet[46838]: E0415 m",
            "1234:Apr 15 17:21:40 minikube kubelet[46838]: E0415 m",
        ] {
            let (stamp, host, tag, message) = wrapped(line);
            assert_eq!(stamp.map(|s| s.day), Some(15), "{line}");
            assert_eq!((host, tag, message), ("minikube", "kubelet", "E0415 m"));
        }
    }

    #[test]
    fn wrapper_pasted_prefix_keeps_iso_stamp() {
        let (stamp, ..) = wrapped("12:2024-12-04T10:00:00+08:00 host kubelet[1]: m");
        assert_eq!(stamp.unwrap().year, Some(2024));
    }

    #[test]
    fn wrapper_absent_for_prose() {
        assert_eq!(wrapped("May the pods be with you").0, None);
    }
}
