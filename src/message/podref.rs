//! Pod references in every form the kubelet writes them: `namespace/name` (1.21 and newer),
//! `name_namespace(uid)` (the printf style, also inside newer error strings), and lists of
//! either. Matching is exact: a reference names one pod, never a prefix of it.

use serde::Serialize;

/// A pod as one reference names it. `uid` may be only the start of the UID when the line was cut.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct PodRef {
    pub namespace: Option<String>,
    pub name: String,
    pub uid: Option<String>,
    /// Whether `uid` is only a prefix, because the line was cut inside it.
    pub uid_truncated: bool,
}

impl PodRef {
    /// Returns a reference by UID alone, such as PLEG's `podID=` or an unmount line.
    /// The UID may be written as the systemd cgroup driver escapes it, with `_` for `-`
    /// (`kubepods-burstable-pod3f8e1a2b_….slice`).
    pub fn from_uid(uid: &str) -> Option<PodRef> {
        let uid = uid.replace('_', "-");
        is_uid(&uid).then(|| PodRef {
            namespace: None,
            name: String::new(),
            uid: Some(uid),
            uid_truncated: false,
        })
    }

    /// Returns whether the reference carries a name (and not only a UID).
    pub fn has_name(&self) -> bool {
        !self.name.is_empty()
    }
}

/// Parses one reference: `ns/name`, `name_ns(uid)`, or `name_ns(uid…` cut inside the UID.
/// Surrounding quotes are ignored; a `:container` or `:DeletionTimestamp=…` suffix after the
/// closing parenthesis is ignored.
pub fn parse_pod_ref(text: &str) -> Option<PodRef> {
    let text = text.trim().trim_matches('"');
    if let Some(open) = text.find('(') {
        return parse_printf_ref(&text[..open], &text[open + 1..]);
    }
    let (namespace, name) = text.split_once('/')?;
    let valid = is_namespace(namespace) && is_pod_name(name);
    valid.then(|| PodRef {
        namespace: Some(namespace.to_string()),
        name: name.to_string(),
        uid: None,
        uid_truncated: false,
    })
}

/// Parses `name_ns` and what follows `(`: the UID, closed by `)` unless the line was cut.
fn parse_printf_ref(name_ns: &str, after_paren: &str) -> Option<PodRef> {
    // Pod names and namespaces never contain `_`, so the last one separates them.
    let (name, namespace) = name_ns.rsplit_once('_')?;
    if !is_pod_name(name) || !is_namespace(namespace) {
        return None;
    }
    let (uid, truncated) = match after_paren.find(')') {
        Some(close) => (&after_paren[..close], false),
        None => (after_paren, true),
    };
    let uid_ok = !uid.is_empty() && uid.bytes().all(is_uid_byte);
    Some(PodRef {
        namespace: Some(namespace.to_string()),
        name: name.to_string(),
        uid: uid_ok.then(|| uid.to_string()),
        uid_truncated: truncated && uid_ok,
    })
}

/// Parses a pod list in any rendering: `[ns/a ns/b]`, `"[ns/a ns/b]"`, `["ns/a","ns/b"]`, or
/// the printf `"a_ns(uid), b_ns(uid)"`. Entries that are not pod references are skipped.
pub fn parse_pod_list(raw: &str) -> Vec<PodRef> {
    let trimmed = raw.trim().trim_matches('"');
    let inner = trimmed
        .strip_prefix('[')
        .map(|t| t.strip_suffix(']').unwrap_or(t))
        .unwrap_or(trimmed);
    inner
        .split([' ', ','])
        .map(|part| part.trim().trim_matches(['"', '\\']))
        .filter(|part| !part.is_empty())
        .filter_map(parse_pod_ref)
        .collect()
}

/// Returns whether `text` looks like a pod UID: an RFC 4122 UUID, or the 32 hex digits of a static pod's
/// config hash.
pub fn is_uid(text: &str) -> bool {
    let bytes = text.as_bytes();
    match bytes.len() {
        36 => bytes.iter().enumerate().all(|(i, &b)| {
            if matches!(i, 8 | 13 | 18 | 23) {
                b == b'-'
            } else {
                b.is_ascii_hexdigit()
            }
        }),
        32 => bytes.iter().all(u8::is_ascii_hexdigit),
        _ => false,
    }
}

fn is_uid_byte(b: u8) -> bool {
    b.is_ascii_hexdigit() || b == b'-'
}

/// Returns whether `text` is a DNS-1123 subdomain, as pod names are.
fn is_pod_name(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 253
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.')
}

/// Returns whether `text` is a DNS-1123 label, as namespaces are.
fn is_namespace(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 63
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pod(ns: &str, name: &str, uid: Option<&str>) -> PodRef {
        PodRef {
            namespace: Some(ns.into()),
            name: name.into(),
            uid: uid.map(Into::into),
            uid_truncated: false,
        }
    }

    #[test]
    fn podref_namespace_slash_name() {
        assert_eq!(
            parse_pod_ref("\"shop/web-1\""),
            Some(pod("shop", "web-1", None))
        );
    }

    #[test]
    fn podref_printf_with_container_suffix() {
        let r =
            parse_pod_ref("shop-rule-1_default(cc41426a-d0d0-102d-8cef-fde27a7e92d9):shop-rule")
                .unwrap();
        assert_eq!(r.name, "shop-rule-1");
        assert_eq!(
            r.uid.as_deref(),
            Some("cc41426a-d0d0-102d-8cef-fde27a7e92d9")
        );
    }

    #[test]
    fn podref_cut_inside_uid() {
        let r = parse_pod_ref("\"webapp-8544985cc7-nnffw_default(70634dc8-f05e").unwrap();
        assert_eq!(r.name, "webapp-8544985cc7-nnffw");
        assert_eq!(r.uid.as_deref(), Some("70634dc8-f05e"));
        assert!(r.uid_truncated);
    }

    #[test]
    fn podref_cut_inside_name_rejected() {
        assert_eq!(parse_pod_ref("\"webapp-85449"), None);
    }

    #[test]
    fn podref_list_renderings() {
        let want = vec![pod("ns", "a", None), pod("ns", "b", None)];
        assert_eq!(parse_pod_list("[ns/a ns/b]"), want);
        assert_eq!(parse_pod_list("\"[ns/a ns/b]\""), want);
        assert_eq!(parse_pod_list("[\"ns/a\",\"ns/b\"]"), want);
        let printf = parse_pod_list("\"a_ns(0a1), b_ns(0b2)\"");
        assert_eq!(printf.len(), 2);
        assert_eq!(printf[1].uid.as_deref(), Some("0b2"));
    }

    #[test]
    fn uid_forms() {
        assert!(is_uid("aca7a28b-f77c-4067-b897-1bdba6f841e3"));
        assert!(is_uid("7d33edcf25108d76b3d088d74e7a9bf2"));
        assert!(!is_uid("web-1"));
    }
}
