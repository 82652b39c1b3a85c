//! Decoding one physical line into the program text a log writer wrapped: the writer's stamp,
//! the program's tag and its text. Journal export entries, syslog and journal text lines, and
//! bare program lines all come out in the same shape.

use crate::input::journal::{is_journal_json, parse_journal_json};
use crate::input::parse_wrapper;
use crate::time::Stamp;
use std::borrow::Cow;

/// A line with its wrapper taken off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Decoded<'a> {
    /// The writer's stamp: syslog or journal text prefix, or the journal's realtime.
    pub stamp: Option<Stamp>,
    /// The program name, such as `kubelet`, `containerd` or `kernel`; empty when unknown.
    pub tag: Cow<'a, str>,
    /// The program's own text.
    pub body: Cow<'a, str>,
    /// Whether the line is a journal export entry, whose `MESSAGE` is all a reader wants of it.
    pub journal: bool,
}

/// Takes the wrapper off a line.
pub(crate) fn decode(line: &str) -> Decoded<'_> {
    if is_journal_json(line) {
        if let Some(entry) = parse_journal_json(line) {
            return Decoded {
                stamp: entry.stamp,
                tag: Cow::Owned(entry.tag),
                body: Cow::Owned(entry.message),
                journal: true,
            };
        }
    }
    let wrapped = parse_wrapper(line);
    Decoded {
        stamp: wrapped.stamp,
        tag: Cow::Borrowed(wrapped.tag),
        body: Cow::Borrowed(wrapped.message),
        journal: false,
    }
}

/// Returns the year of a klog file's first line from its header,
/// `Log file created at: 2024/12/04 10:00:00`.
pub(crate) fn klog_file_year(line: &str) -> Option<i32> {
    let rest = line.strip_prefix("Log file created at: ")?;
    let year = rest.get(..4)?;
    (rest.as_bytes().get(4) == Some(&b'/'))
        .then(|| year.parse().ok())
        .flatten()
}

/// Returns the year of the journal's last entry from the line journalctl writes first,
/// `-- Logs begin at Tue 2025-12-02 08:00:01 CST, end at Thu 2025-12-04 10:00:00 CST. --` (or
/// `-- Journal begins at …, ends at … --` in newer releases).
pub(crate) fn journal_end_year(line: &str) -> Option<i32> {
    if !line.starts_with("-- Logs begin at ") && !line.starts_with("-- Journal begins at ") {
        return None;
    }
    let end = line.find(", end at ").or_else(|| line.find(", ends at "))?;
    let rest = &line[end..];
    let bytes = rest.as_bytes();
    (0..bytes.len().saturating_sub(9)).find_map(|i| {
        let date = rest.get(i..i + 10)?;
        let shape = date.bytes().enumerate().all(|(j, b)| match j {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
        shape.then(|| date[..4].parse().ok()).flatten()
    })
}

/// Returns whether a kubelet message ends by opening a multi-line value, `output=<`.
pub(crate) fn opens_multi_line(message: &str) -> bool {
    message.trim_end().ends_with("=<")
}

/// Returns the part of a multi-line value a line carries: a tab-indented value line or the
/// closing ` >`. rsyslog may write the tab as `#011`.
pub(crate) fn continuation(body: &str) -> Option<Continuation<'_>> {
    if body.starts_with(" >") {
        return Some(Continuation::Close(body));
    }
    if body.starts_with('\t') {
        return Some(Continuation::Line(Cow::Borrowed(body)));
    }
    body.strip_prefix("#011")
        .map(|rest| Continuation::Line(Cow::Owned(format!("\t{rest}"))))
}

/// One line of a multi-line value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Continuation<'a> {
    Line(Cow<'a, str>),
    /// The closing ` >`, possibly followed by more fields.
    Close(&'a str),
}

/// Removes a dmesg-style `[ 1234.567890] ` stamp from a kernel message.
pub(crate) fn strip_dmesg_stamp(message: &str) -> &str {
    let Some(rest) = message.strip_prefix('[') else {
        return message;
    };
    match rest.split_once("] ") {
        Some((stamp, after))
            if stamp
                .trim()
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b'.') =>
        {
            after
        }
        _ => message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_klog_file_header_year() {
        assert_eq!(
            klog_file_year("Log file created at: 2024/12/04 10:00:00"),
            Some(2024)
        );
        assert_eq!(klog_file_year("Log line format: [IWEF]mmdd"), None);
    }

    #[test]
    fn decode_journal_range_year() {
        let old =
            "-- Logs begin at Tue 2025-12-02 08:00:01 CST, end at Thu 2026-01-04 10:00:00 CST. --";
        assert_eq!(journal_end_year(old), Some(2026));
        let new = "-- Journal begins at Mon 2024-01-01 00:00:00 UTC, ends at Wed 2024-12-04 10:00:00 UTC. --";
        assert_eq!(journal_end_year(new), Some(2024));
        assert_eq!(journal_end_year("-- Reboot --"), None);
    }

    #[test]
    fn decode_continuations() {
        assert!(opens_multi_line(r#""Probe failed" output=<"#));
        assert!(!opens_multi_line(r#""Probe failed" output="x""#));
        assert_eq!(
            continuation("#011psql: error"),
            Some(Continuation::Line(Cow::Owned("\tpsql: error".into())))
        );
        assert_eq!(continuation(" >"), Some(Continuation::Close(" >")));
        assert_eq!(continuation("I0612 15:04:17.2 1 a.go:1] m"), None);
    }

    #[test]
    fn decode_dmesg_stamp() {
        assert_eq!(strip_dmesg_stamp("[ 1234.567890] oom-kill:x"), "oom-kill:x");
        assert_eq!(strip_dmesg_stamp("oom-kill:x"), "oom-kill:x");
    }
}
