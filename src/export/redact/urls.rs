//! Finding the secrets that URLs carry: the password of a `scheme://user:password@host` userinfo
//! with the host after it, and the values of query parameters known to hold a signature, a
//! credential or a token (`sig`, `X-Amz-Signature`, `code`…).
//!
//! A user name before a password is kept, as the keys of other secrets are. A userinfo without a
//! password is replaced whole, because that is how a token is put in a URL
//! (`https://<token>@github.com/…`).

use super::hosts::is_kept_host;
use super::placeholders::Kind;
use super::Span;
use regex::Regex;
use std::sync::LazyLock;

/// A URL's scheme, userinfo and host. The userinfo runs to the last `@` before the path, so a
/// password with a bare `@` in it is taken whole.
static USERINFO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"[A-Za-z][A-Za-z0-9+.-]*://(?P<userinfo>[^\s/?#"'\\<>]+)@(?P<host>\[[0-9A-Fa-f:.]+\]|[^\s/?#:@"'\\<>,;)\]}]+)"#,
    )
    .expect("valid regex")
});

/// A query parameter whose value is a secret, after `?`, `&` or `;`. Azure SAS (`sig`), AWS
/// and Google signed URLs (`X-Amz-Signature`, `X-Goog-Credential`…), OAuth (`code`,
/// `access_token`…) and API keys (`key`, `api_key`). Parameters such as `se`, `sp` and `sv`
/// only state when and how a signature is valid, so redaction leaves them.
static SECRET_QUERY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?i)[?&;](?:sig|signature|x-amz-signature|x-amz-credential|x-amz-security-token|x-goog-signature|x-goog-credential|code|key|api_?key|access_token|refresh_token|id_token|client_secret|password|token)=(?P<value>[^\s&#"'\\<>]+)"#,
    )
    .expect("valid regex")
});

/// Adds the span of every URL password, token userinfo, host after a userinfo and secret query
/// value in `text` to `spans`.
pub(super) fn find_url_secrets(text: &str, spans: &mut Vec<Span>) {
    for captures in USERINFO.captures_iter(text) {
        let userinfo = &captures["userinfo"];
        let start = captures.name("userinfo").expect("always matched").start();
        let secret_start = match userinfo.find(':') {
            Some(colon) => start + colon + 1,
            None => start,
        };
        push(spans, secret_start, start + userinfo.len(), Kind::Value);

        let host = captures.name("host").expect("always matched");
        if is_hidden_host(host.as_str()) {
            push(spans, host.start(), host.end(), Kind::Domain);
        }
    }
    for captures in SECRET_QUERY.captures_iter(text) {
        let value = captures.name("value").expect("always matched");
        push(spans, value.start(), value.end(), Kind::Value);
    }
}

/// Returns whether the host after a userinfo is hidden as a domain name. An address is left
/// to the address rules, and [`is_kept_host`] names the hosts that are kept.
fn is_hidden_host(host: &str) -> bool {
    let address = host.starts_with('[') || host.parse::<std::net::IpAddr>().is_ok();
    !address && !is_kept_host(host)
}

/// Adds the span `start..end` unless it is empty.
fn push(spans: &mut Vec<Span>, start: usize, end: usize, kind: Kind) {
    if start < end {
        spans.push(Span { start, end, kind });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Returns the spans found in `text`, as (kind, text).
    fn found(text: &str) -> Vec<(Kind, &str)> {
        let mut spans = Vec::new();
        find_url_secrets(text, &mut spans);
        super::super::resolve(spans)
            .iter()
            .map(|span| (span.kind, &text[span.start..span.end]))
            .collect()
    }

    #[test]
    fn userinfo_password_and_host() {
        assert_eq!(
            found("pull https://alice:pa55wordInUrl@registry.corp.com/v2/app"),
            [
                (Kind::Value, "pa55wordInUrl"),
                (Kind::Domain, "registry.corp.com")
            ]
        );
        assert_eq!(
            found("redis://:p@ss@cache:6379/0"),
            [(Kind::Value, "p@ss"), (Kind::Domain, "cache")]
        );
    }

    #[test]
    fn userinfo_token_replaced_whole() {
        assert_eq!(
            found("clone https://ghp_abc123@github.com/org/repo"),
            [(Kind::Value, "ghp_abc123"), (Kind::Domain, "github.com")]
        );
    }

    #[test]
    fn userinfo_kept_hosts() {
        assert_eq!(
            found("http://u:pw@10.1.2.3:80/ and http://u:pw@[2001:db8::1]/"),
            [(Kind::Value, "pw"), (Kind::Value, "pw")]
        );
        assert_eq!(
            found("http://u:pw@localhost:8080/ http://u:pw@db.ns.svc.cluster.local/"),
            [(Kind::Value, "pw"), (Kind::Value, "pw")]
        );
        assert_eq!(
            found("http://u:value-1@host-1.example/"),
            [(Kind::Value, "value-1")],
            "a placeholder host is not numbered again"
        );
    }

    #[test]
    fn secret_query_parameters() {
        let sas = "https://acct.blob.core.windows.net/c/f?sv=2021-08-06&sig=Sas%2Fabc&se=2025&sp=r";
        assert_eq!(found(sas), [(Kind::Value, "Sas%2Fabc")]);
        let aws = "GET /b/k?X-Amz-Credential=AKIA%2F20250101&X-Amz-Signature=ab12&X-Amz-Security-Token=FwoG";
        assert_eq!(
            found(aws),
            [
                (Kind::Value, "AKIA%2F20250101"),
                (Kind::Value, "ab12"),
                (Kind::Value, "FwoG")
            ]
        );
        assert_eq!(
            found("/callback?code=4%2F0Ad&state=xyz#frag"),
            [(Kind::Value, "4%2F0Ad")]
        );
        assert_eq!(
            found("/maps?signature=s1g&key=AIzaSy"),
            [(Kind::Value, "s1g"), (Kind::Value, "AIzaSy")]
        );
    }

    #[test]
    fn ordinary_query_parameters_kept() {
        assert_eq!(
            found("GET /healthz?verbose=1&timeout=5s&exit code=3"),
            Vec::<(Kind, &str)>::new()
        );
        assert_eq!(
            found("image docker.io/library/nginx@sha256:abc"),
            Vec::<(Kind, &str)>::new()
        );
    }
}
