//! Finding key material: the body of a PEM private key block and the base64 body of an SSH
//! public key. The PEM armour lines and the SSH key type stay, so a reader still sees what kind
//! of key was there. Certificates and public PEM blocks are kept, because they hold no secret.

use super::placeholders::Kind;
use super::Span;
use regex::Regex;
use std::sync::LazyLock;

/// A PEM private key block (`RSA PRIVATE KEY`, `OPENSSH PRIVATE KEY`, `PGP PRIVATE KEY BLOCK`…)
/// within one line or across the lines of a record. A block cut off before its END line ends
/// at the closing quote of the value it is in, or at the end of the text.
static PEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?s)-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----(?P<body>.*?)(?:-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|\\?"|$)"#,
    )
    .expect("valid regex")
});

/// An SSH public key: its type, then its base64 body, which always starts with `AAAA`.
static SSH_KEY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[^A-Za-z0-9_.-])(?:ssh-(?:rsa|dss|ed25519|ed448)|ecdsa-sha2-[a-z0-9]+|sk-(?:ssh-ed25519|ecdsa-sha2-nistp256)@openssh\.com)(?:-cert-v01@openssh\.com)?\s+(?P<body>AAAA[A-Za-z0-9+/]+={0,3})",
    )
    .expect("valid regex")
});

/// Adds the span of every private key body and SSH key body in `text` to `spans`.
pub(super) fn find_keys(text: &str, spans: &mut Vec<Span>) {
    for captures in PEM.captures_iter(text) {
        let body = captures.name("body").expect("always matched");
        let (start, end) = trim_line_breaks(text, body.start(), body.end());
        if start < end {
            spans.push(Span {
                start,
                end,
                kind: Kind::Value,
            });
        }
    }
    for captures in SSH_KEY.captures_iter(text) {
        let body = captures.name("body").expect("always matched");
        spans.push(Span {
            start: body.start(),
            end: body.end(),
            kind: Kind::Value,
        });
    }
}

/// Narrows `text[start..end]` past the white space and the escaped line breaks (`\n`, `\r`
/// as two characters, as a quoted log value writes them) at either end.
fn trim_line_breaks(text: &str, mut start: usize, mut end: usize) -> (usize, usize) {
    const ESCAPES: [&str; 2] = ["\\n", "\\r"];
    loop {
        let body = &text[start..end];
        let first = body.chars().next().filter(|c| c.is_whitespace());
        let last = body.chars().next_back().filter(|c| c.is_whitespace());
        if let Some(space) = first {
            start += space.len_utf8();
        } else if let Some(escape) = ESCAPES.iter().find(|e| body.starts_with(**e)) {
            start += escape.len();
        } else if let Some(space) = last {
            end -= space.len_utf8();
        } else if let Some(escape) = ESCAPES.iter().find(|e| body.ends_with(**e)) {
            end -= escape.len();
        } else {
            return (start, end);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Returns the key bodies found in `text`, in the order found.
    fn bodies(text: &str) -> Vec<&str> {
        let mut spans = Vec::new();
        find_keys(text, &mut spans);
        super::super::resolve(spans)
            .iter()
            .map(|span| &text[span.start..span.end])
            .collect()
    }

    #[test]
    fn pem_block_on_one_line() {
        let line = r#"output="-----BEGIN RSA PRIVATE KEY----- MIIEpAIBAAKCAQEA -----END RSA PRIVATE KEY-----""#;
        assert_eq!(bodies(line), ["MIIEpAIBAAKCAQEA"]);
        let escaped =
            r#"key: "-----BEGIN PRIVATE KEY-----\nMIIEvQ\nIBADAN\n-----END PRIVATE KEY-----\n""#;
        assert_eq!(bodies(escaped), [r"MIIEvQ\nIBADAN"]);
    }

    #[test]
    fn pem_block_across_lines() {
        let record = "dump:\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1r\nZXktdjEAAAA\n\
                      -----END OPENSSH PRIVATE KEY-----\ndone";
        assert_eq!(bodies(record), ["b3BlbnNzaC1r\nZXktdjEAAAA"]);
    }

    #[test]
    fn pem_block_cut_off() {
        let quoted = r#"msg="-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEI" next=1"#;
        assert_eq!(bodies(quoted), ["MHcCAQEEI"]);
        assert_eq!(
            bodies("-----BEGIN PRIVATE KEY----- MIIEvQIBADANBgkq"),
            ["MIIEvQIBADANBgkq"]
        );
    }

    #[test]
    fn certificates_kept() {
        let cert = "-----BEGIN CERTIFICATE----- MIIDdzCCAl+gAw -----END CERTIFICATE-----";
        assert_eq!(bodies(cert), Vec::<&str>::new());
    }

    #[test]
    fn ssh_key_bodies() {
        assert_eq!(
            bodies("ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC user@laptop"),
            ["AAAAB3NzaC1yc2EAAAADAQABAAABAQC"]
        );
        assert_eq!(
            bodies("key=ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI+x/y= me"),
            ["AAAAC3NzaC1lZDI1NTE5AAAAI+x/y="]
        );
        assert_eq!(bodies("ecdsa-sha2-nistp256 AAAAE2VjZHNh"), ["AAAAE2VjZHNh"]);
        assert_eq!(bodies("the ssh-rsa type"), Vec::<&str>::new());
    }
}
