//! The klog header that starts every kubelet text line:
//! `Lmmdd hh:mm:ss.uuuuuu threadid file:line] msg`, where `L` is one of `I`, `W`, `E`, `F`, the
//! time is the kubelet's local time without year or zone, and threadid is the PID right-aligned
//! in 7 columns.

use crate::time::{Precision, Stamp};

/// How many bytes of stray text (a pasted `**` or `  - `) may stand before the header.
const MAX_LEAD: usize = 8;

/// A parsed klog header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KlogHeader<'a> {
    /// `I`, `W`, `E` or `F`. This is the klog severity, not the event level.
    pub severity: char,
    pub stamp: Stamp,
    pub pid: u32,
    /// `file.go:123`, the Go source position, which changes with every release.
    pub source: &'a str,
    /// The header as written up to the seconds' fraction, such as `0516 18:34:39.885628`.
    pub time_text: &'a str,
}

/// Finds a klog header at the start of `text`, allowing a few stray bytes before it, and returns
/// the header and the message after `] `.
pub fn parse_klog_header(text: &str) -> Option<(KlogHeader<'_>, &str)> {
    let lead_end = text.len().min(MAX_LEAD + 1);
    let start = text.as_bytes()[..lead_end]
        .iter()
        .position(|b| matches!(b, b'I' | b'W' | b'E' | b'F'))?;
    parse_header_at(&text[start..])
}

fn parse_header_at(text: &str) -> Option<(KlogHeader<'_>, &str)> {
    let bytes = text.as_bytes();
    if bytes.len() < 22 || !matches!(bytes[0], b'I' | b'W' | b'E' | b'F') {
        return None;
    }
    let time_text = text.get(1..21)?;
    let stamp = parse_klog_time(time_text)?;

    let after_time = text.get(21..)?;
    let rest = after_time.trim_start_matches(' ');
    let pid_len = rest.bytes().take_while(u8::is_ascii_digit).count();
    if pid_len == 0 || !after_time.starts_with(' ') {
        return None;
    }
    let pid = rest[..pid_len].parse().ok()?;

    let rest = rest[pid_len..].strip_prefix(' ')?;
    let close = rest
        .find("] ")
        .or_else(|| rest.ends_with(']').then(|| rest.len() - 1))?;
    let source = &rest[..close];
    if source.contains(' ') || !source.contains(':') {
        return None;
    }
    let message = rest.get(close + 2..).unwrap_or("");
    let header = KlogHeader {
        severity: bytes[0] as char,
        stamp,
        pid,
        source,
        time_text,
    };
    Some((header, message))
}

/// Parses `mmdd hh:mm:ss.uuuuuu`.
fn parse_klog_time(text: &str) -> Option<Stamp> {
    let b = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = text.get(range)?;
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    if b.get(4) != Some(&b' ') || b.get(7) != Some(&b':') || b.get(10) != Some(&b':') {
        return None;
    }
    if b.get(13) != Some(&b'.') {
        return None;
    }
    let stamp = Stamp {
        year: None,
        month: digits(0..2)?,
        day: digits(2..4)?,
        hour: digits(5..7)?,
        minute: digits(8..10)?,
        second: digits(11..13)?,
        nanos: digits(14..20)? * 1000,
        precision: Precision::Micros,
        offset: None,
    };
    let valid = (1..=12).contains(&stamp.month)
        && (1..=31).contains(&stamp.day)
        && stamp.hour < 24
        && stamp.minute < 60
        && stamp.second <= 60;
    valid.then_some(stamp)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn klog_header_parsed() {
        let (header, message) =
            parse_klog_header("I1204 10:00:00.123456    1234 kubelet.go:2330] \"SyncLoop ADD\"")
                .unwrap();
        assert_eq!(header.severity, 'I');
        assert_eq!((header.stamp.month, header.stamp.day), (12, 4));
        assert_eq!(header.stamp.nanos, 123_456_000);
        assert_eq!(header.pid, 1234);
        assert_eq!(header.source, "kubelet.go:2330");
        assert_eq!(header.time_text, "1204 10:00:00.123456");
        assert_eq!(message, "\"SyncLoop ADD\"");
    }

    #[test]
    fn klog_header_after_markdown_bold() {
        let line = "**E0312 16:51:58.265321    1808 remote_runtime.go:96] RunPodSandbox failed**";
        let (header, message) = parse_klog_header(line).unwrap();
        assert_eq!(header.severity, 'E');
        assert_eq!(message, "RunPodSandbox failed**");
    }

    #[test]
    fn klog_header_rejects_prose() {
        assert!(parse_klog_header("Error: something went wrong").is_none());
        assert!(parse_klog_header("I1204 is not a header").is_none());
        assert!(parse_klog_header("").is_none());
    }

    #[test]
    fn klog_header_rejects_bad_month() {
        assert!(parse_klog_header("I1304 10:00:00.123456    1 a.go:1] x").is_none());
    }
}
