//! Finding secrets passed as a command-line flag with a space before the value
//! (`--password hunter2`, `--client-secret "x y"`) and in `Cookie` and `Set-Cookie` headers.
//! The `--flag=value` form is found with the other `key=value` secrets.

use super::placeholders::Kind;
use super::secrets::VALUE;
use super::Span;
use regex::{Captures, Regex};
use std::sync::LazyLock;

/// A flag whose name ends with a secret's word, or with such a word and an `id` or `key`
/// suffix, then white space and its value. `--token-file /path` and `--secret-name db` are not
/// matched, because they name where a secret is, not its value.
static SECRET_FLAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?:^|[^A-Za-z0-9_.-])--?[a-z0-9_-]*?(?:password|passwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credentials?)(?:s|[_-]?id|[_-]?key)?\s+{VALUE}"
    ))
    .expect("valid regex")
});

/// The name of a `Cookie` or `Set-Cookie` header and its separator, also as Go prints a header
/// map (`Cookie:[a=b]`).
static COOKIE_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)(?:^|[^A-Za-z0-9_-])(?P<set>set-)?cookie\\?"?\s*[:=]\s*\[?\\?"?"#)
        .expect("valid regex")
});

/// One `name=value` cookie, at the start of the text it is matched against. A value has no
/// white space, `;`, `,`, `"` or `\` (RFC 6265, section 4.1.1).
static COOKIE_PAIR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^(?P<name>[^=;,\s"\\\[\]]+)=(?P<value>[^;,\s"\\\]]*)(?P<next>;\s*)?"#)
        .expect("valid regex")
});

/// Adds the span of every secret flag value and cookie value in `text` to `spans`.
pub(super) fn find_flags_and_cookies(text: &str, spans: &mut Vec<Span>) {
    for captures in SECRET_FLAG.captures_iter(text) {
        push_flag_value(&captures, spans);
    }
    for header in COOKIE_HEADER.captures_iter(text) {
        let only_first = header.name("set").is_some();
        let end = header.get(0).expect("always matched").end();
        find_cookie_values(text, end, only_first, spans);
    }
}

/// Adds the span of a flag's value, unless it is empty or starts with `-`, which makes it the
/// next flag.
fn push_flag_value(captures: &Captures<'_>, spans: &mut Vec<Span>) {
    let value = ["dq", "sq", "bare"]
        .into_iter()
        .find_map(|name| captures.name(name));
    let Some(value) = value else {
        return;
    };
    let is_flag = captures.name("bare").is_some() && value.as_str().starts_with('-');
    if !is_flag && !value.as_str().trim().is_empty() {
        spans.push(Span {
            start: value.start(),
            end: value.end(),
            kind: Kind::Value,
        });
    }
}

/// Adds the span of each cookie's value from `start` on: of every cookie of a `Cookie` header,
/// or only of the first pair of a `Set-Cookie` header, whose attributes (`Path`, `Expires`…)
/// hold no secret.
fn find_cookie_values(text: &str, mut start: usize, only_first: bool, spans: &mut Vec<Span>) {
    while let Some(pair) = COOKIE_PAIR.captures(&text[start..]) {
        let value = pair.name("value").expect("always matched");
        if !value.is_empty() {
            spans.push(Span {
                start: start + value.start(),
                end: start + value.end(),
                kind: Kind::Value,
            });
        }
        if only_first || pair.name("next").is_none() {
            return;
        }
        start += pair.get(0).expect("always matched").end();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Returns the values found in `text`, in the order found.
    fn values(text: &str) -> Vec<&str> {
        let mut spans = Vec::new();
        find_flags_and_cookies(text, &mut spans);
        super::super::resolve(spans)
            .iter()
            .map(|span| &text[span.start..span.end])
            .collect()
    }

    #[test]
    fn secret_flags_with_space() {
        assert_eq!(
            values(r#"output="--password s3cr3tFlagValue""#),
            ["s3cr3tFlagValue"]
        );
        assert_eq!(values("run --token abc.def -v"), ["abc.def"]);
        assert_eq!(
            values(r#"az login --client-secret "a b c" --tenant t"#),
            ["a b c"]
        );
        assert_eq!(
            values("--aws-secret-access-key wJalr --api-key=k"),
            ["wJalr"]
        );
    }

    #[test]
    fn other_flags_kept() {
        let unchanged = [
            "--token-file /var/run/token --secret-name db-creds",
            "--authentication-token-webhook --authorization-mode Webhook",
            "--password --verbose",
            "with a password of ten characters",
        ];
        for text in unchanged {
            assert_eq!(values(text), Vec::<&str>::new(), "{text}");
        }
    }

    #[test]
    fn cookie_values() {
        assert_eq!(
            values("Cookie: session=abc123; theme=dark"),
            ["abc123", "dark"]
        );
        assert_eq!(
            values("Set-Cookie: sid=x9y8; Path=/; HttpOnly; Expires=Wed, 21 Oct 2026"),
            ["x9y8"]
        );
        assert_eq!(
            values(r#"headers=map[Cookie:[jwt=eyJh.b.c] X-Id:[7]]"#),
            ["eyJh.b.c"]
        );
        assert_eq!(values(r#"{\"cookie\":\"a=1\"}"#), ["1"]);
        assert_eq!(values("cookies: none"), Vec::<&str>::new());
    }
}
