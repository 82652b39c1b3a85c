//! Numbered stand-ins for redacted values. Each kind of value has its own numbering, and the
//! same original always gets the same placeholder within one [`Placeholders`].

use std::collections::HashMap;

/// What a redacted piece of text was, which decides the form of its placeholder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(super) enum Kind {
    /// A secret or an environment variable's value: `value-1`.
    Value,
    /// A node's host name: `node-1`.
    Node,
    /// An IPv4 address: `10.0.0.1`.
    Ipv4,
    /// An IPv6 address: `fd00::1`.
    Ipv6,
    /// A domain name that names no node: `host-1.example`.
    Domain,
}

/// The placeholders given so far, per kind, numbered from 1 in the order of first request.
#[derive(Debug, Default)]
pub(super) struct Placeholders {
    assigned: HashMap<(Kind, String), String>,
    counts: HashMap<Kind, u32>,
}

impl Placeholders {
    /// Returns the placeholder of `original`, numbering a new one when it is first seen.
    pub fn of(&mut self, kind: Kind, original: &str) -> &str {
        let key = (kind, original.to_string());
        if !self.assigned.contains_key(&key) {
            let count = self.counts.entry(kind).or_default();
            *count += 1;
            let placeholder = format_placeholder(kind, *count);
            self.assigned.insert(key.clone(), placeholder);
        }
        &self.assigned[&key]
    }
}

/// Writes the `number`th placeholder of `kind`. IPv4 placeholders stay in 10.0.0.0/8, 254 hosts
/// per /24, so every one is a valid address that no other placeholder repeats.
fn format_placeholder(kind: Kind, number: u32) -> String {
    match kind {
        Kind::Value => format!("value-{number}"),
        Kind::Node => format!("node-{number}"),
        Kind::Domain => format!("host-{number}.example"),
        Kind::Ipv6 => format!("fd00::{number:x}"),
        Kind::Ipv4 => {
            let index = number - 1;
            let host = index % 254 + 1;
            let subnet = index / 254;
            format!("10.{}.{}.{host}", subnet / 256 % 256, subnet % 256)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_numbered_per_kind() {
        let mut placeholders = Placeholders::default();
        assert_eq!(placeholders.of(Kind::Ipv4, "192.168.1.7"), "10.0.0.1");
        assert_eq!(placeholders.of(Kind::Node, "worker-a"), "node-1");
        assert_eq!(placeholders.of(Kind::Ipv4, "192.168.1.8"), "10.0.0.2");
        assert_eq!(placeholders.of(Kind::Ipv4, "192.168.1.7"), "10.0.0.1");
        assert_eq!(placeholders.of(Kind::Value, "hunter2"), "value-1");
        assert_eq!(placeholders.of(Kind::Ipv6, "2001:db8::5"), "fd00::1");
        assert_eq!(placeholders.of(Kind::Domain, "a.b.corp"), "host-1.example");
    }

    #[test]
    fn ipv4_placeholders_past_254() {
        assert_eq!(format_placeholder(Kind::Ipv4, 254), "10.0.0.254");
        assert_eq!(format_placeholder(Kind::Ipv4, 255), "10.0.1.1");
        assert_eq!(format_placeholder(Kind::Ipv4, 254 * 256 + 1), "10.1.0.1");
        assert_eq!(format_placeholder(Kind::Ipv6, 26), "fd00::1a");
    }
}
