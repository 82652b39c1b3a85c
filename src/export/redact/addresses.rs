//! Finding IP addresses in a raw line. A `:port` after an address is left as it is. Loopback
//! and unspecified addresses (`127.0.0.1`, `0.0.0.0`, `::1`, `::`) are kept, because they are
//! the same on every machine and tell a reader that a connection stayed on the node.

use super::placeholders::Kind;
use super::Span;
use regex::Regex;
use std::net::{Ipv4Addr, Ipv6Addr};
use std::sync::LazyLock;

static IPV4: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\d{1,3}(?:\.\d{1,3}){3}").expect("valid regex"));

/// A run of hex digits and colons with at least two colons, which may end in an embedded IPv4
/// address. Most runs are not addresses (`18:34:39.885628`, `aa:bb:cc:dd:ee:ff`), so each is
/// checked by parsing it.
static IPV6: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:\.\d{1,3}){0,3}")
        .expect("valid regex")
});

/// Adds the span of every IPv4 and IPv6 address in `text` to `spans`.
pub(super) fn find_addresses(text: &str, spans: &mut Vec<Span>) {
    let bytes = text.as_bytes();
    for found in IPV4.find_iter(text) {
        let before = found.start().checked_sub(1).map(|i| bytes[i]);
        let after = bytes.get(found.end()).copied();
        // `v1.2.3.4` and `1.2.3.4.5` are versions or longer dotted numbers, not addresses.
        let glued_before = before.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'.');
        let glued_after = after.is_some_and(|b| b.is_ascii_digit())
            || (after == Some(b'.') && bytes.get(found.end() + 1).is_some_and(u8::is_ascii_digit));
        if glued_before || glued_after {
            continue;
        }
        let Ok(address) = found.as_str().parse::<Ipv4Addr>() else {
            continue;
        };
        if !address.is_loopback() && !address.is_unspecified() {
            spans.push(span(found.start(), found.end(), Kind::Ipv4));
        }
    }
    for found in IPV6.find_iter(text) {
        if is_ipv6(text, found.start(), found.end()) {
            spans.push(span(found.start(), found.end(), Kind::Ipv6));
        }
    }
}

/// Returns whether `text[start..end]` is an IPv6 address standing on its own: one that parses,
/// is written with `::` or all eight groups, is not loopback or unspecified, and is not part
/// of a longer word.
fn is_ipv6(text: &str, start: usize, end: usize) -> bool {
    let bytes = text.as_bytes();
    let candidate = &text[start..end];
    let glued_before = start
        .checked_sub(1)
        .is_some_and(|i| bytes[i].is_ascii_alphanumeric() || b"_-.:".contains(&bytes[i]));
    let glued_after = bytes
        .get(end)
        .is_some_and(|&b| b.is_ascii_alphanumeric() || b"_-:".contains(&b));
    let written_as_address = candidate.contains("::") || candidate.matches(':').count() == 7;
    let Ok(address) = candidate.parse::<Ipv6Addr>() else {
        return false;
    };
    !glued_before
        && !glued_after
        && written_as_address
        && !address.is_loopback()
        && !address.is_unspecified()
}

fn span(start: usize, end: usize, kind: Kind) -> Span {
    Span { start, end, kind }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Returns the addresses found in `text`, in the order found.
    fn addresses(text: &str) -> Vec<&str> {
        let mut spans = Vec::new();
        find_addresses(text, &mut spans);
        super::super::resolve(spans)
            .iter()
            .map(|span| &text[span.start..span.end])
            .collect()
    }

    #[test]
    fn ipv4_with_port_and_in_urls() {
        assert_eq!(
            addresses("Get http://10.244.1.7:8080/health: dial tcp 10.244.1.7:8080"),
            ["10.244.1.7", "10.244.1.7"]
        );
        assert_eq!(addresses("from 192.168.0.10."), ["192.168.0.10"]);
    }

    #[test]
    fn ipv4_lookalikes_kept() {
        assert_eq!(addresses("version v1.2.3.4"), Vec::<&str>::new());
        assert_eq!(addresses("oid 1.3.6.1.4.1"), Vec::<&str>::new());
        assert_eq!(addresses("bad 300.1.2.3"), Vec::<&str>::new());
        assert_eq!(
            addresses("listen 127.0.0.1:10248 and 0.0.0.0:10250"),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn ipv6_forms() {
        assert_eq!(
            addresses("dial tcp [2001:db8::7]:443 and fe80::1c2:3ff:fe4d:5e6f"),
            ["2001:db8::7", "fe80::1c2:3ff:fe4d:5e6f"]
        );
        assert_eq!(addresses("peer ::ffff:192.0.2.1 up"), ["::ffff:192.0.2.1"]);
        assert_eq!(
            addresses("full 2001:0db8:0000:0000:0000:ff00:0042:8329"),
            ["2001:0db8:0000:0000:0000:ff00:0042:8329"]
        );
    }

    #[test]
    fn ipv6_lookalikes_kept() {
        let klog = "I0516 18:34:39.885628    4052 prober.go:107] probe";
        assert_eq!(addresses(klog), Vec::<&str>::new());
        assert_eq!(addresses("mac aa:bb:cc:dd:ee:ff"), Vec::<&str>::new());
        assert_eq!(
            addresses("listen [::]:10250 and [::1]:8080"),
            Vec::<&str>::new()
        );
        assert_eq!(addresses("in std::string"), Vec::<&str>::new());
        assert_eq!(
            addresses("containerd://1e2bae5bb3547b77f04a475d7a09b9004f7e5f68d3aa"),
            Vec::<&str>::new()
        );
    }
}
