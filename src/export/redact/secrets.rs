//! Finding the values of environment variables and secrets in a raw line. The rules cover
//! `EnvVar` dumps, `UPPER_SNAKE=value`, and keys that name a password, token, key or credential,
//! also as HTTP headers such as `x-api-key: …`. They also cover `Bearer` and `Basic`
//! credentials, JSON Web Tokens, and the `value-N` placeholders of an earlier redaction. Only
//! the value is replaced, and the key stays, so a reader still sees what was there.

use super::placeholders::Kind;
use super::Span;
use regex::{Captures, Regex};
use std::sync::LazyLock;

/// A value after its key and separator: double-quoted (also with the `\"` of a quoted log
/// message), single-quoted, or bare up to a space or a closing delimiter.
pub(super) const VALUE: &str =
    r#"(?:\\?"(?P<dq>(?:[^"\\]|\\[^"])*)\\?"|'(?P<sq>[^']*)'|(?P<bare>[^\s"'\\,;)\]}&]+))"#;

/// `NAME=value` with an upper-case name of at least two characters, such as `DB_PASSWORD=…`.
static ENV_ASSIGNMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:^|[^A-Za-z0-9_.-])[A-Z](?:[A-Z0-9]|_[A-Z0-9])+={VALUE}"
    ))
    .expect("valid regex")
});

/// The value of a Go dump of an environment variable: `EnvVar{Name:X,Value:v,ValueFrom:nil,}`
/// and `{Name:X Value:v ValueFrom:nil}`.
static ENV_DUMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\{Name:[^,\s{}]*[,\s]Value:(?P<bare>[^}]*?)(?:,ValueFrom:|\s+ValueFrom:|[,}])")
        .expect("valid regex")
});

/// A key that names a secret, with `=`, `:` or `": "` after it. The key may have a prefix
/// (`client_secret`, `x-auth-token`, `DB_PASSWORD`) and ends with the secret's word, a plural
/// `s`, or an `id` or `key` suffix (`aws_access_key_id`, `secretKey`, `x-api-key`). `secretName=…` and
/// `tokenPath: …` are not matched, because they name where a secret is, not its value.
static SECRET_KEY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r#"(?i)(?:^|[^A-Za-z0-9_.-])\\?"?(?P<key>[A-Za-z0-9_.-]*?(?:password|passwd|secret|token|api[_-]?key|access[_-]?key|credential|auth)(?:s|[_-]?id|[_-]?key)?)\\?"?(?P<sep>\s*=\s*|:\s*){VALUE}"#
    ))
    .expect("valid regex")
});

/// The credential after an HTTP `Bearer` or `Basic` scheme.
static AUTH_SCHEME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^A-Za-z0-9_])(?:Bearer|Basic)\s+(?P<bare>[A-Za-z0-9._~+/=-]{6,})")
        .expect("valid regex")
});

/// A JSON Web Token: three base64url parts, the first an encoded `{"`.
static JWT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[^A-Za-z0-9_-])(?P<bare>eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*)",
    )
    .expect("valid regex")
});

/// A `value-N` placeholder standing on its own. Each is found again, so a second redaction
/// numbers the values as the first did, even those that no other rule finds once replaced (the
/// body of an SSH key, a JSON Web Token).
static PLACEHOLDER_VALUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^A-Za-z0-9_-])(?P<bare>value-[0-9]+)").expect("valid regex")
});

/// Adds the span of every secret value in `text` to `spans`.
pub(super) fn find_secrets(text: &str, spans: &mut Vec<Span>) {
    for pattern in [&*ENV_ASSIGNMENT, &*ENV_DUMP, &*AUTH_SCHEME, &*JWT] {
        for captures in pattern.captures_iter(text) {
            push_value(&captures, spans);
        }
    }
    for captures in PLACEHOLDER_VALUE.captures_iter(text) {
        let end = captures.name("bare").expect("always matched").end();
        let glued = text
            .as_bytes()
            .get(end)
            .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
        if !glued {
            push_value(&captures, spans);
        }
    }
    for captures in SECRET_KEY.captures_iter(text) {
        if is_prose_after_colon(&captures) {
            continue;
        }
        push_value(&captures, spans);
    }
}

/// Returns whether a `key: value` match has a plain word as its key and a lower-case word as its
/// value, as in "failed to fetch token: serviceaccounts …". Such a pair is prose, not a secret.
/// A compound key (`x-api-key`, `client_secret`, `apiToken`) is a header or a field name, so
/// its value is replaced.
// NOTE: this lets a password of lower-case letters written as `password: word` through; the
// `=` and quoted forms are always replaced.
fn is_prose_after_colon(captures: &Captures<'_>) -> bool {
    let plain_key = captures
        .name("key")
        .is_some_and(|key| key.as_str().chars().skip(1).all(|c| c.is_ascii_lowercase()));
    let colon = captures
        .name("sep")
        .is_some_and(|sep| sep.as_str().starts_with(':') && sep.as_str().len() > 1);
    let word = captures
        .name("bare")
        .is_some_and(|value| value.as_str().bytes().all(|b| b.is_ascii_lowercase()));
    plain_key && colon && word
}

/// Adds the span of the value a pattern captured, unless it is empty.
fn push_value(captures: &Captures<'_>, spans: &mut Vec<Span>) {
    let value = ["dq", "sq", "bare"]
        .into_iter()
        .find_map(|name| captures.name(name));
    if let Some(value) = value.filter(|value| !value.as_str().trim().is_empty()) {
        spans.push(Span {
            start: value.start(),
            end: value.end(),
            kind: Kind::Value,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Returns the secret values found in `text`, in the order found.
    fn values(text: &str) -> Vec<&str> {
        let mut spans = Vec::new();
        find_secrets(text, &mut spans);
        super::super::resolve(spans)
            .iter()
            .map(|span| &text[span.start..span.end])
            .collect()
    }

    #[test]
    fn env_assignments_and_dumps() {
        assert_eq!(values("env DB_PASSWORD=hunter2 ok"), ["hunter2"]);
        assert_eq!(
            values(r#"PATH="/usr/bin:/bin" HOME=/root"#),
            ["/usr/bin:/bin", "/root"]
        );
        assert_eq!(
            values("Env:[]EnvVar{EnvVar{Name:API_URL,Value:https://x,ValueFrom:nil,},}"),
            ["https://x"]
        );
        assert_eq!(
            values("Env:[{Name:MODE Value:fast lane ValueFrom:nil}]"),
            ["fast lane"]
        );
        assert_eq!(
            values("Env:[{Name:EMPTY Value: ValueFrom:nil}]"),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn secret_keys_in_three_forms() {
        assert_eq!(values("login password=s3cr3t user=bob"), ["s3cr3t"]);
        assert_eq!(values(r#"{"client_secret":"abc123"}"#), ["abc123"]);
        assert_eq!(values("token: Zm9vYmFy"), ["Zm9vYmFy"]);
        assert_eq!(values(r#"msg="x-auth-token=\"q1w2\"""#), ["q1w2"]);
        assert_eq!(values("aws_access_key_id=AKIA123"), ["AKIA123"]);
    }

    #[test]
    fn secret_names_and_prose_kept() {
        assert_eq!(values(r#"secretName=db-creds"#), Vec::<&str>::new());
        assert_eq!(
            values("failed to fetch token: serviceaccounts \"default\" is forbidden"),
            Vec::<&str>::new()
        );
        assert_eq!(
            values(r#"Couldn't get secret default/db-creds"#),
            Vec::<&str>::new()
        );
        assert_eq!(
            values("MountPath:/var/run/secrets/kubernetes.io/serviceaccount"),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn auth_schemes_and_jwts() {
        assert_eq!(
            values("Authorization: Bearer abcdef.123456"),
            ["abcdef.123456"]
        );
        assert_eq!(
            values("Authorization: Basic dXNlcjpwYXNz"),
            ["dXNlcjpwYXNz"]
        );
        let jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";
        assert_eq!(values(&format!("sent {jwt} to api")), [jwt]);
    }

    #[test]
    fn header_secret_values() {
        assert_eq!(
            values("x-api-key: apikeyHeaderValue123"),
            ["apikeyHeaderValue123"]
        );
        assert_eq!(values("X-Auth-Token: abc123def"), ["abc123def"]);
        assert_eq!(values("x-api-key: lowercaseonly"), ["lowercaseonly"]);
        assert_eq!(values(r#"{"X-Api-Key":"k3y"}"#), ["k3y"]);
    }

    #[test]
    fn placeholder_values_found_again() {
        assert_eq!(
            values("ssh-rsa value-1 then value-2 value-3"),
            ["value-1", "value-2", "value-3"]
        );
        assert_eq!(values("a value-1x and my-value-2"), Vec::<&str>::new());
    }

    #[test]
    fn klog_names_not_secrets() {
        let line = "I0516 18:34:39.885628    4052 prober.go:107] \"Probe failed\" \
                    probeType=\"Liveness\" pod=\"default/probe-demo\"";
        assert_eq!(values(line), Vec::<&str>::new());
    }
}
