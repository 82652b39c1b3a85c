//! A tolerant tokenizer for klog structured messages:
//! `"Probe failed" probeType="Liveness" pod="default/web" podUID=3f8e… output=<`.
//!
//! Values come in every rendering klog has used: `k="…\"…"`, `k=bare`, `k=[a b]`,
//! `k=["a","b"]`, `k="[a b]"`, `k={json}`, `k=&{ID:x Type:y}` and the opening `k=<` of a
//! multi-line value. Anything it cannot read ends the field list; the fields before stay.

use std::borrow::Cow;

/// A structured message: the quoted message text and its key=value fields in line order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Structured<'a> {
    pub message: Cow<'a, str>,
    pub fields: Vec<Field<'a>>,
}

impl<'a> Structured<'a> {
    /// Returns the first field named `key`.
    pub fn field(&self, key: &str) -> Option<&Field<'a>> {
        self.fields.iter().find(|field| field.key == key)
    }

    /// Returns the text of the field named `key`, or of `parent.child` inside a struct-valued field
    /// such as `event.Type`.
    pub fn lookup(&self, path: &str) -> Option<Cow<'a, str>> {
        match path.split_once('.') {
            None => self.field(path).map(|field| field.text()),
            Some((parent, child)) => self.field(parent)?.member(child),
        }
    }
}

/// One `key=value` pair, with the value as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field<'a> {
    pub key: &'a str,
    pub raw: &'a str,
}

impl<'a> Field<'a> {
    /// Returns the value with Go string quoting removed; a multi-line value comes back as its
    /// lines without their leading tab.
    pub fn text(&self) -> Cow<'a, str> {
        if let Some(body) = self.raw.strip_prefix("<\n") {
            let body = body.strip_suffix("\n >").unwrap_or(body);
            let lines: Vec<&str> = body
                .split('\n')
                .map(|line| line.strip_prefix('\t').unwrap_or(line))
                .collect();
            return Cow::Owned(lines.join("\n"));
        }
        match self.raw.strip_prefix('"').and_then(|v| v.strip_suffix('"')) {
            Some(inner) => unquote(inner),
            None => Cow::Borrowed(self.raw),
        }
    }

    /// Returns a member of a struct value: `{"ID":"…","Type":"…"}` (JSON, klog 2.100+) or
    /// `&{ID:… Type:… Data:…}` (Go `%+v`).
    pub fn member(&self, name: &str) -> Option<Cow<'a, str>> {
        if self.raw.starts_with('{') {
            let value: serde_json::Value = serde_json::from_str(self.raw).ok()?;
            return match value.get(name)? {
                serde_json::Value::String(s) => Some(Cow::Owned(s.clone())),
                other => Some(Cow::Owned(other.to_string())),
            };
        }
        let inner = self.raw.strip_prefix("&{")?.strip_suffix('}')?;
        inner.split(' ').find_map(|part| {
            let (key, value) = part.split_once(':')?;
            (key == name).then_some(Cow::Borrowed(value))
        })
    }
}

/// Parses a structured message. Returns `None` when `text` does not start with a quoted message.
pub fn parse_structured(text: &str) -> Option<Structured<'_>> {
    let end = quoted_len(text)?;
    let message = unquote(&text[1..end - 1]);
    let mut fields = Vec::new();
    let mut rest = &text[end..];
    while let Some((field, after)) = parse_field(rest) {
        fields.push(field);
        rest = after;
    }
    Some(Structured { message, fields })
}

/// Parses ` key=value` at the start of `text`.
fn parse_field(text: &str) -> Option<(Field<'_>, &str)> {
    let text = text.strip_prefix(' ')?;
    let eq = text.find('=')?;
    let key = &text[..eq];
    let key_ok = !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'));
    if !key_ok {
        return None;
    }
    let value = &text[eq + 1..];
    let len = value_len(value)?;
    Some((
        Field {
            key,
            raw: &value[..len],
        },
        &value[len..],
    ))
}

/// Returns the byte length of the value at the start of `text`.
fn value_len(text: &str) -> Option<usize> {
    match text.as_bytes().first() {
        Some(b'"') => quoted_len(text),
        Some(b'[') | Some(b'{') => bracketed_len(text),
        Some(b'&') if text[1..].starts_with('{') => bracketed_len(&text[1..]).map(|n| n + 1),
        Some(b'<') if text[1..].starts_with('\n') => {
            Some(text.find("\n >").map_or(text.len(), |end| end + 3))
        }
        _ => Some(text.find(' ').unwrap_or(text.len())),
    }
}

/// Returns the length of a Go-quoted string at the start of `text`, quotes included.
fn quoted_len(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    if bytes.first() != Some(&b'"') {
        return None;
    }
    let mut i = 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
    None
}

/// Returns the length of a balanced `[…]` or `{…}` at the start of `text`, skipping brackets inside
/// quoted strings. An unbalanced value runs to the end of the line.
fn bracketed_len(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => i += quoted_len(&text[i..]).unwrap_or(bytes.len() - i) - 1,
            b'[' | b'{' => depth += 1,
            b']' | b'}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
        i += 1;
    }
    Some(bytes.len())
}

/// Undoes Go's `strconv.Quote` escaping: `\"`, `\\`, `\n`, `\t`, `\r`, `\xNN` and `\uNNNN`.
/// Unknown escapes are kept as written.
pub fn unquote(inner: &str) -> Cow<'_, str> {
    if !inner.contains('\\') {
        return Cow::Borrowed(inner);
    }
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('x') => push_code(&mut out, &mut chars, 2, "\\x"),
            Some('u') => push_code(&mut out, &mut chars, 4, "\\u"),
            Some(other @ ('"' | '\\' | '\'')) => out.push(other),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    Cow::Owned(out)
}

fn push_code(out: &mut String, chars: &mut std::str::Chars<'_>, len: usize, escape: &str) {
    let code: String = chars.by_ref().take(len).collect();
    match u32::from_str_radix(&code, 16).ok().and_then(char::from_u32) {
        Some(c) if code.len() == len => out.push(c),
        _ => {
            out.push_str(escape);
            out.push_str(&code);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn structured_probe_failed() {
        let s = parse_structured(
            r#""Probe failed" probeType="Liveness" pod="default/probe-demo" podUID=aca7 containerName="liveness" probeResult=failure output=<"#,
        )
        .unwrap();
        assert_eq!(s.message, "Probe failed");
        assert_eq!(s.lookup("probeType").as_deref(), Some("Liveness"));
        assert_eq!(s.lookup("podUID").as_deref(), Some("aca7"));
        assert_eq!(s.lookup("output").as_deref(), Some("<"));
    }

    #[test]
    fn structured_escaped_quotes_in_err() {
        let s = parse_structured(
            r#""Error syncing pod, skipping" err="failed to \"StartContainer\" for \"app\"" pod="ns/a""#,
        )
        .unwrap();
        assert_eq!(
            s.lookup("err").as_deref(),
            Some(r#"failed to "StartContainer" for "app""#)
        );
        assert_eq!(s.lookup("pod").as_deref(), Some("ns/a"));
    }

    #[test]
    fn structured_pod_list_renderings() {
        for (text, raw) in [
            (
                r#""SyncLoop ADD" source="api" pods=[ns/a ns/b]"#,
                "[ns/a ns/b]",
            ),
            (
                r#""SyncLoop ADD" source="api" pods="[ns/a ns/b]""#,
                r#""[ns/a ns/b]""#,
            ),
            (
                r#""SyncLoop ADD" source="api" pods=["ns/a","ns/b"]"#,
                r#"["ns/a","ns/b"]"#,
            ),
        ] {
            let s = parse_structured(text).unwrap();
            assert_eq!(s.field("pods").unwrap().raw, raw, "{text}");
        }
    }

    #[test]
    fn structured_pleg_event_members() {
        let json = parse_structured(
            r#""SyncLoop (PLEG): event for pod" pod="a/b" event={"ID":"u1","Type":"ContainerDied","Data":"c1"}"#,
        )
        .unwrap();
        assert_eq!(json.lookup("event.Type").as_deref(), Some("ContainerDied"));
        assert_eq!(json.lookup("event.Data").as_deref(), Some("c1"));
        let go = parse_structured(
            r#""SyncLoop (PLEG): event for pod" pod="a/b" event=&{ID:u1 Type:ContainerStarted Data:c2}"#,
        )
        .unwrap();
        assert_eq!(go.lookup("event.Type").as_deref(), Some("ContainerStarted"));
        assert_eq!(go.lookup("event.ID").as_deref(), Some("u1"));
    }

    #[test]
    fn structured_rejects_printf_message() {
        assert!(parse_structured("SyncLoop (ADD, \"api\"): \"a_b(c)\"").is_none());
    }

    #[test]
    fn structured_multi_line_value() {
        let text = "\"Probe failed\" probeType=\"Readiness\" output=<\n\tno response\n\tpsql: error\n > containerName=\"db\"";
        let parsed = parse_structured(text).unwrap();
        assert_eq!(parsed.lookup("output").unwrap(), "no response\npsql: error");
        assert_eq!(parsed.lookup("containerName").unwrap(), "db");
    }

    #[test]
    fn unquote_go_escapes() {
        assert_eq!(unquote(r#"a\"b\\c\nd\u00e9"#), "a\"b\\c\nd\u{e9}");
    }
}
