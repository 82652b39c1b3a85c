//! Redaction of an analysis before it is shared: IP addresses, host names and the values of
//! environment variables and secrets in the raw lines and file names become placeholders.
//! Secrets are found in `key=value` and `key: value` pairs, HTTP headers and cookies,
//! command-line flags, URLs (userinfo passwords and signed query parameters), PEM private key
//! blocks and SSH keys.
//!
//! Placeholders are stable within one call: the same original always gets the same one, and
//! each kind is numbered in the order of first appearance (pod events, then node events, then
//! file names). Addresses become `10.0.0.1` and `fd00::1`, node names `node-1`, other domain
//! names `host-1.example`, and secret values `value-1`. Redacting a redacted analysis changes
//! nothing.
//!
//! Kept as they are, because a reader needs them to debug and they name no machine: pod names,
//! namespaces, UIDs, container names and IDs, image references, kinds, times (the klog time
//! too), loopback addresses, and cluster-internal service names (`*.svc.cluster.local`). See
//! [`hosts`], [`secrets`], [`urls`], [`flags`] and [`keys`] for which names and values are
//! found.
//!
//! Limitations: a static pod's name ends with its node's name (`etcd-minikube`), and it is kept
//! with the other pod names. An event whose text is still to be read (see
//! [`Event::needs_text`]) has no text to redact, so read the texts of the events to share first.

mod addresses;
mod flags;
mod hosts;
mod keys;
mod placeholders;
mod secrets;
mod urls;

use crate::analysis::{Analysis, Event, InputIssue};
use hosts::Boundary;
use placeholders::{Kind, Placeholders};
use regex::Regex;
use std::collections::HashSet;

/// A piece of a text to replace: `text[start..end]`, a value of `kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Span {
    start: usize,
    end: usize,
    kind: Kind,
}

/// Returns a copy of `analysis` whose raw line texts, klog times untouched, file names and
/// any other free text are redacted with stable placeholders, marked as
/// [`redacted`](Analysis::redacted).
pub fn redacted(analysis: &Analysis) -> Analysis {
    let mut copy = analysis.clone();
    copy.redacted = true;
    let mut redactor = Redactor::learning(analysis);
    for event in copy.events.iter_mut().chain(copy.node_events.iter_mut()) {
        redact_event(event, &mut redactor);
    }
    for file in &mut copy.files {
        file.name = redactor.redact_file_name(&file.name);
        file.bundle = file
            .bundle
            .as_deref()
            .map(|bundle| redactor.redact_file_name(bundle));
        for issue in &mut file.issues {
            redact_issue(issue, &mut redactor);
        }
    }
    copy
}

fn redact_event(event: &mut Event, redactor: &mut Redactor) {
    event.text = redactor.redact(&event.text);
}

fn redact_issue(issue: &mut InputIssue, redactor: &mut Redactor) {
    match issue {
        InputIssue::Truncated { detail, .. } => *detail = redactor.redact(detail),
        InputIssue::NotAFile {
            link_target: Some(target),
        } => *target = redactor.redact(target),
        _ => {}
    }
}

/// The node names of an analysis and the placeholders given so far.
struct Redactor {
    nodes: Option<Regex>,
    placeholders: Placeholders,
}

impl Redactor {
    /// Learns the node names of every text of `analysis`, so a name is replaced even in the
    /// lines before the first one that shows it is a node.
    fn learning(analysis: &Analysis) -> Redactor {
        let texts = analysis
            .events
            .iter()
            .chain(&analysis.node_events)
            .map(|event| event.text.as_str())
            .chain(analysis.files.iter().map(|file| file.name.as_str()));
        Redactor::learning_from(texts)
    }

    /// Learns the node names of `texts`.
    fn learning_from<'a>(texts: impl IntoIterator<Item = &'a str>) -> Redactor {
        let mut nodes = Vec::new();
        let mut seen = HashSet::new();
        for text in texts {
            hosts::learn_nodes(text, &mut nodes, &mut seen);
        }
        Redactor {
            nodes: hosts::node_pattern(&nodes),
            placeholders: Placeholders::default(),
        }
    }

    /// Returns `text` with every address, host name and secret value replaced.
    fn redact(&mut self, text: &str) -> String {
        let spans = find_spans(text, self.nodes.as_ref());
        self.replace(text, spans)
    }

    /// Returns a file name redacted like a line, with a node's name also replaced where a `-`,
    /// `_` or `.` joins it to the rest of the name (`worker-7-messages`, `kubelet.worker-7.log`).
    fn redact_file_name(&mut self, name: &str) -> String {
        let mut spans = find_spans(name, self.nodes.as_ref());
        hosts::find_nodes(
            name,
            self.nodes.as_ref(),
            Boundary::Alphanumeric,
            &mut spans,
        );
        self.replace(name, spans)
    }

    /// Returns `text` with the spans that [`resolve`] keeps replaced by their placeholders.
    fn replace(&mut self, text: &str, spans: Vec<Span>) -> String {
        let spans = resolve(spans);
        if spans.is_empty() {
            return text.to_string();
        }
        let mut out = String::with_capacity(text.len());
        let mut copied = 0;
        for span in spans {
            out.push_str(&text[copied..span.start]);
            out.push_str(self.placeholders.of(span.kind, &text[span.start..span.end]));
            copied = span.end;
        }
        out.push_str(&text[copied..]);
        out
    }
}

/// Returns every span any rule finds in `text`, overlapping ones included.
fn find_spans(text: &str, nodes: Option<&Regex>) -> Vec<Span> {
    let mut spans = Vec::new();
    secrets::find_secrets(text, &mut spans);
    urls::find_url_secrets(text, &mut spans);
    flags::find_flags_and_cookies(text, &mut spans);
    keys::find_keys(text, &mut spans);
    addresses::find_addresses(text, &mut spans);
    hosts::find_hosts(text, nodes, &mut spans);
    spans
}

/// Picks non-overlapping spans: the one that starts first wins, then the longest, then the kind
/// first in [`Kind`]'s order, so a secret value that contains an address is replaced whole.
fn resolve(mut spans: Vec<Span>) -> Vec<Span> {
    spans.sort_by_key(|span| (span.start, std::cmp::Reverse(span.end), span.kind));
    let mut disjoint: Vec<Span> = Vec::with_capacity(spans.len());
    for span in spans {
        if disjoint.last().is_none_or(|last| span.start >= last.end) {
            disjoint.push(span);
        }
    }
    disjoint
}

// proptest is a native dev-dependency only.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
