//! Finding host names in a raw line: the names of nodes, learnt from every line before any is
//! replaced, and other domain names.
//!
//! A node's name is learnt from the syslog host field, found by the project's wrapper parser. It
//! is also learnt from `node`, `nodeName`, `hostname` and `host` keys, from journal JSON's
//! `_HOSTNAME`, from Alibaba Cloud ACK node names such as `cn-hangzhou.192.168.0.10`, and from
//! words that already have the placeholder form `node-N`. Once learnt, a name is replaced
//! wherever it is a word of its own, in any line. Inside a longer name it is kept, so the pod
//! name `etcd-minikube` stays whole when the node is `minikube`.

use super::placeholders::Kind;
use super::secrets::VALUE;
use super::Span;
use crate::input::parse_wrapper;
use regex::Regex;
use std::collections::HashSet;
use std::sync::LazyLock;

/// A key whose value names a host, then `=` or `:` with no space, or a JSON `":"`. A colon
/// followed by a space is prose ("lookup host: no such host"), so it is not matched.
static HOST_KEY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r#"(?:^|[^A-Za-z0-9_.-])\\?"?(?:node|nodeName|NodeName|node_name|hostname|Hostname|HOSTNAME|_HOSTNAME|host|Host)\\?"?(?:=|:){VALUE}"#
    ))
    .expect("valid regex")
});

/// An ACK node name: a region, a dot and the node's IPv4 address.
static ACK_NODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[a-z]{2}-[a-z]+(?:-[a-z0-9]+)*\.\d{1,3}(?:\.\d{1,3}){3}").expect("valid regex")
});

static PLACEHOLDER_NODE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"node-\d+").expect("valid regex"));

static PLACEHOLDER_DOMAIN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^host-\d+\.example$").expect("valid regex"));

/// A lower-case domain name with at least three labels.
static DOMAIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?){2,}")
        .expect("valid regex")
});

/// Last labels that make a dotted word a file name, not a domain.
const FILE_EXTENSIONS: [&str; 16] = [
    "bz2", "conf", "crt", "go", "gz", "json", "key", "log", "pem", "sh", "sock", "tar", "tgz",
    "txt", "yaml", "yml",
];

/// First labels of reverse-DNS names such as the label key `io.kubernetes.pod.name`.
const REVERSED_TLDS: [&str; 5] = ["io", "com", "org", "net", "k8s"];

/// Adds to `nodes` every node name that `text` shows.
pub(super) fn learn_nodes(text: &str, nodes: &mut Vec<String>, seen: &mut HashSet<String>) {
    let mut learn = |name: &str| {
        if is_host_name(name) && seen.insert(name.to_string()) {
            nodes.push(name.to_string());
        }
    };
    let wrapped = parse_wrapper(text);
    if wrapped.stamp.is_some() {
        learn(wrapped.host);
    }
    for captures in HOST_KEY.captures_iter(text) {
        if let Some(value) = ["dq", "sq", "bare"]
            .into_iter()
            .find_map(|name| captures.name(name))
        {
            learn(value.as_str());
        }
    }
    for found in ACK_NODE.find_iter(text) {
        if stands_alone(text, found.start(), found.end()) {
            learn(found.as_str());
        }
    }
    for found in PLACEHOLDER_NODE.find_iter(text) {
        if stands_alone(text, found.start(), found.end()) {
            learn(found.as_str());
        }
    }
}

/// Returns whether `name` can be a host name and is not an IP address, which is redacted as
/// one.
fn is_host_name(name: &str) -> bool {
    let valid = !name.is_empty()
        && name.len() <= 253
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
        && name.starts_with(|c: char| c.is_ascii_alphanumeric())
        && name.ends_with(|c: char| c.is_ascii_alphanumeric());
    valid && name.parse::<std::net::IpAddr>().is_err()
}

/// Matches every learnt node name, longest first so a name wins over its prefix.
pub(super) fn node_pattern(nodes: &[String]) -> Option<Regex> {
    if nodes.is_empty() {
        return None;
    }
    let mut names: Vec<&String> = nodes.iter().collect();
    names.sort_by_key(|name| std::cmp::Reverse(name.len()));
    let alternatives: Vec<String> = names.iter().map(|name| regex::escape(name)).collect();
    Some(Regex::new(&alternatives.join("|")).expect("escaped names form a valid regex"))
}

/// Adds the span of every learnt node name and every other domain name in `text` to `spans`.
pub(super) fn find_hosts(text: &str, nodes: Option<&Regex>, spans: &mut Vec<Span>) {
    find_nodes(text, nodes, Boundary::Word, spans);
    for found in DOMAIN.find_iter(text) {
        if stands_alone(text, found.start(), found.end())
            && is_private_domain(text, found.start(), found.as_str())
        {
            spans.push(Span {
                start: found.start(),
                end: found.end(),
                kind: Kind::Domain,
            });
        }
    }
}

/// The characters that may not touch a node name for it to be replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Boundary {
    /// A letter, digit, `_`, `-` or joining `.`: the name is a word of its own, as in a line.
    Word,
    /// A letter or digit: the name may be part of a file name such as `worker-7-messages`.
    Alphanumeric,
}

/// Adds the span of every learnt node name in `text` that `boundary` lets through.
pub(super) fn find_nodes(
    text: &str,
    nodes: Option<&Regex>,
    boundary: Boundary,
    spans: &mut Vec<Span>,
) {
    let Some(nodes) = nodes else {
        return;
    };
    for found in nodes.find_iter(text) {
        let alone = match boundary {
            Boundary::Word => stands_alone(text, found.start(), found.end()),
            Boundary::Alphanumeric => between_non_alphanumerics(text, found.start(), found.end()),
        };
        if alone {
            spans.push(Span {
                start: found.start(),
                end: found.end(),
                kind: Kind::Node,
            });
        }
    }
}

/// Returns whether `text[start..end]` has no letter or digit on either side.
fn between_non_alphanumerics(text: &str, start: usize, end: usize) -> bool {
    let bytes = text.as_bytes();
    let before = start.checked_sub(1).map(|i| bytes[i]);
    let after = bytes.get(end).copied();
    !before.is_some_and(|b| b.is_ascii_alphanumeric())
        && !after.is_some_and(|b| b.is_ascii_alphanumeric())
}

/// Returns whether a domain name names a host to hide.
///
/// Cluster-internal service names (`*.svc`, `*.cluster.local`) are kept, because they only
/// repeat the namespace and service. Names whose last label has a digit or is a file extension
/// are kept, and so are reverse-DNS keys. Names in a path are kept too: right after a single
/// `/`, or right before a `/` (image references such as `registry.corp.example/app:1`, CSI
/// driver names, plugin directories). A name after `//` or `\\` is a URL's or a share's host,
/// and is hidden.
fn is_private_domain(text: &str, start: usize, name: &str) -> bool {
    let labels: Vec<&str> = name.split('.').collect();
    let last = labels[labels.len() - 1];
    let not_a_domain = !last.bytes().all(|b| b.is_ascii_lowercase())
        || last.len() < 2
        || FILE_EXTENSIONS.contains(&last)
        || REVERSED_TLDS.contains(&labels[0]);
    let before = &text[..start];
    let after = &text[start + name.len()..];
    let in_path = (before.ends_with('/') && !before.ends_with("//"))
        || (after.starts_with('/') && !before.ends_with("//"));
    !is_cluster_internal(name) && !not_a_domain && !in_path
}

/// Returns whether `name` is a cluster-internal service name such as `db.shop.svc.cluster.local`.
fn is_cluster_internal(name: &str) -> bool {
    name.ends_with(".svc") || name.ends_with(".cluster.local") || name.contains(".svc.")
}

/// Returns whether a host named in a URL's authority is kept: `localhost`, a cluster-internal
/// service name, or a domain placeholder (`host-1.example`), which is not numbered again.
pub(super) fn is_kept_host(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost")
        || is_cluster_internal(host)
        || PLACEHOLDER_DOMAIN.is_match(host)
}

/// Returns whether `text[start..end]` is a word of its own: no letter, digit, `_` or `-` on
/// either side, and no `.` that joins it to a longer dotted name.
fn stands_alone(text: &str, start: usize, end: usize) -> bool {
    let bytes = text.as_bytes();
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b == b'-';
    let before = start.checked_sub(1).map(|i| bytes[i]);
    let after = bytes.get(end).copied();
    let joined_before =
        before.is_some_and(word) || (before == Some(b'.') && start >= 2 && word(bytes[start - 2]));
    let joined_after = after.is_some_and(word)
        || (after == Some(b'.') && bytes.get(end + 1).is_some_and(|&b| word(b)));
    !joined_before && !joined_after
}

#[cfg(test)]
mod tests {
    use super::*;

    fn learnt(lines: &[&str]) -> Vec<String> {
        let mut nodes = Vec::new();
        let mut seen = HashSet::new();
        for line in lines {
            learn_nodes(line, &mut nodes, &mut seen);
        }
        nodes
    }

    /// Returns the host spans of `text` after learning nodes from it, as (kind, text).
    fn hosts(text: &str) -> Vec<(Kind, &str)> {
        let nodes = learnt(&[text]);
        let mut spans = Vec::new();
        find_hosts(text, node_pattern(&nodes).as_ref(), &mut spans);
        super::super::resolve(spans)
            .iter()
            .map(|span| (span.kind, &text[span.start..span.end]))
            .collect()
    }

    #[test]
    fn nodes_from_wrappers_and_keys() {
        let lines = [
            "Oct 29 13:16:48 node-a kubelet[4919]: I1029 13:16:48.471488 4919 x.go:1] hi",
            "2024-12-04T10:00:00.123456+08:00 worker-7 kubelet[1]: I1204 10:00:00.1 1 x.go:1] hi",
            r#"I1204 10:00:00.1 1 x.go:1] "Attempting to register node" node="ip-10-0-1-2.ec2.internal""#,
            r#"{"_HOSTNAME":"journal-host","MESSAGE":"x"}"#,
            "I1204 10:00:00.1 1 x.go:1] pod spec nodeName:gpu-3 ok",
            "I1204 10:00:00.1 1 x.go:1] registered cn-hangzhou.192.168.0.10 fine",
            "lookup host: no such host",
            "E1204 podName: nodeName:}",
        ];
        assert_eq!(
            learnt(&lines),
            [
                "node-a",
                "worker-7",
                "ip-10-0-1-2.ec2.internal",
                "journal-host",
                "gpu-3",
                "cn-hangzhou.192.168.0.10"
            ]
        );
    }

    #[test]
    fn node_names_replaced_as_words_only() {
        let line = "Oct 29 13:16:48 minikube kubelet[1]: pod=\"kube-system/etcd-minikube\" \
                    on minikube.";
        assert_eq!(
            hosts(line),
            [(Kind::Node, "minikube"), (Kind::Node, "minikube")]
        );
    }

    #[test]
    fn domains_hidden_or_kept() {
        let line = "mount //storageacct0001.file.core.windows.net/aksshare failed; \
                    \\\\storageacct0001.file.core.windows.net\\aksshare";
        assert_eq!(
            hosts(line),
            [
                (Kind::Domain, "storageacct0001.file.core.windows.net"),
                (Kind::Domain, "storageacct0001.file.core.windows.net")
            ]
        );
        let unchanged = [
            "Pulling image mcr.microsoft.com/oss/kubernetes/pause:3.6",
            "kubernetes.io/csi/file.csi.azure.com^vol-0001",
            "lookup my-svc.my-ns.svc.cluster.local on 10.0.0.10:53",
            "label io.kubernetes.pod.name=web",
            "read app.tar.gz and kube-root-ca.crt",
            "call /runtime.v1.RuntimeService/Version",
            "driver disk.csi.azure.com/node",
        ];
        for text in unchanged {
            assert_eq!(hosts(text), Vec::<(Kind, &str)>::new(), "{text}");
        }
    }
}
