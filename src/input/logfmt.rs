//! containerd's logrus lines:
//! `time="2024-11-29T18:13:10.764041708Z" level=info msg="RunPodSandbox for … returns sandbox id \"f200…\""`.

use super::wrapper::parse_iso_time;
use crate::message::unquote;
use crate::time::Stamp;

/// A containerd line: its own stamp (with a zone) and the unescaped `msg`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogfmtRecord {
    pub stamp: Option<Stamp>,
    /// `info`, `warning`, `error`…
    pub level: String,
    pub message: String,
}

/// Parses a logrus logfmt line that starts with `time="…"`. `None` for any other text.
pub fn parse_logfmt(text: &str) -> Option<LogfmtRecord> {
    let rest = text.strip_prefix("time=")?;
    let (time, mut rest) = value(rest)?;
    let stamp = parse_iso_time(&time);
    let mut level = String::new();
    let mut message = None;
    while let Some(after_space) = rest.strip_prefix(' ') {
        let Some((key, after_key)) = after_space.split_once('=') else {
            break;
        };
        let Some((text, after_value)) = value(after_key) else {
            break;
        };
        match key {
            "level" => level = text,
            "msg" => message = Some(text),
            _ => {}
        }
        rest = after_value;
    }
    Some(LogfmtRecord {
        stamp,
        level,
        message: message?,
    })
}

/// Reads a quoted or bare value and returns it, unescaped, with the text after it.
fn value(text: &str) -> Option<(String, &str)> {
    let Some(inner) = text.strip_prefix('"') else {
        let end = text.find(' ').unwrap_or(text.len());
        return Some((text[..end].to_string(), &text[end..]));
    };
    let bytes = inner.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return Some((unquote(&inner[..i]).into_owned(), &inner[i + 1..])),
            _ => i += 1,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logfmt_containerd_line() {
        let line = r#"time="2024-11-29T18:13:10.764041708Z" level=info msg="RunPodSandbox for &PodSandboxMetadata{Name:nginx,Uid:13b7,Namespace:default,Attempt:0,} returns sandbox id \"f200bd\"""#;
        let record = parse_logfmt(line).unwrap();
        assert_eq!(record.level, "info");
        assert!(record.message.ends_with(r#"returns sandbox id "f200bd""#));
        let stamp = record.stamp.unwrap();
        assert_eq!(
            (stamp.year, stamp.hour, stamp.offset),
            (Some(2024), 18, Some(0))
        );
        assert_eq!(stamp.nanos, 764_041_708);
    }

    #[test]
    fn logfmt_keys_after_msg() {
        let line = r#"time="2025-06-12T15:04:06.611+05:30" level=error msg="ContainerStatus for \"8c6c\" failed" error="rpc error: NotFound""#;
        let record = parse_logfmt(line).unwrap();
        assert_eq!(record.message, r#"ContainerStatus for "8c6c" failed"#);
        assert_eq!(record.stamp.unwrap().offset, Some(19_800));
    }

    #[test]
    fn logfmt_rejects_other_text() {
        assert_eq!(parse_logfmt("I1204 10:00:00.000000 1 a.go:1] m"), None);
        assert_eq!(parse_logfmt(r#"time="x" level=info"#), None);
    }
}
