//! The first test every line meets: a literal scan over the line's raw bytes that passes only
//! the lines some rule could match, before the line is decoded or any field is parsed.
//!
//! The scan looks for every rule's literal, plus the few literals of the lines that shape the
//! reading of a file without being events: a klog file's header, journalctl's first line, and
//! a kubelet record that opens a multi-line value. Until a line that only `--v=3` writes has been
//! seen, a second scan also passes such lines, so the verbosity notice stays right.

use super::zone::V3_MARKS;
use crate::rules::RuleSet;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use rustc_hash::FxHashSet;
use std::hash::{Hash, Hasher};

/// How many bytes from `pod="` identify a pod: the field and a namespace and name of usual
/// length. Two pods that share them are both read once more than needed, no harm done.
const POD_FIELD_BYTES: usize = 96;

/// How many bytes from the first `UID` of a line hold the UID, quotes and escapes included.
const UID_BYTES: usize = 48;

/// Literals of lines that are no event but that the reading of a file needs.
const STRUCTURAL: [&str; 5] = [
    "Log file created at: ",
    "-- Logs begin at ",
    "-- Journal begins at ",
    // A kubelet record whose value goes on over the next lines, `output=<`.
    "=<",
    // Kubelet JSON logging, whose escaping can hide a literal.
    "{\"ts\":",
];

/// Decides which lines are worth decoding.
#[derive(Debug, Clone)]
pub(crate) struct LineFilter {
    literals: AhoCorasick,
    verbosity: AhoCorasick,
    pod_field: memchr::memmem::Finder<'static>,
    uid_mark: memchr::memmem::Finder<'static>,
    /// The pod references already read from lines that no rule matches.
    pods_read: FxHashSet<u64>,
}

impl LineFilter {
    pub fn new(rules: &RuleSet) -> LineFilter {
        let mut patterns: Vec<&str> = rules.literals().map(raw_segment).collect();
        patterns.extend(STRUCTURAL);
        LineFilter {
            literals: scanner(&patterns),
            verbosity: scanner(&V3_MARKS),
            pod_field: memchr::memmem::Finder::new(b"pod=\""),
            uid_mark: memchr::memmem::Finder::new(b"UID"),
            pods_read: FxHashSet::default(),
        }
    }

    /// Returns whether a line that no rule matches names a pod, with its namespace and UID, in a
    /// way not read before. Such lines (volume checks, mostly) are the only place where some pods
    /// get their namespace, so the first line of each pod and UID is decoded.
    pub fn names_new_pod(&mut self, line: &[u8]) -> bool {
        let Some(start) = self.pod_field.find(line) else {
            return false;
        };
        let value = &line[start..];
        let value = &value[..value.len().min(POD_FIELD_BYTES)];
        let uid = self.uid_mark.find(line).map_or(&[][..], |at| {
            let rest = &line[at..];
            &rest[..rest.len().min(UID_BYTES)]
        });
        let mut hasher = rustc_hash::FxHasher::default();
        value.hash(&mut hasher);
        uid.hash(&mut hasher);
        self.pods_read.insert(hasher.finish())
    }

    /// Returns whether a line may matter. `v3_seen` tells that a `--v=3` line was already read,
    /// so such lines need no longer be looked for.
    pub fn passes(&self, line: &[u8], v3_seen: bool) -> bool {
        // A journal export entry escapes its message inside JSON, so no literal test is safe.
        if line.first() == Some(&b'{') || self.literals.is_match(line) {
            return true;
        }
        !v3_seen && self.verbosity.is_match(line)
    }
}

/// Returns the longest part of a literal without a quote or backslash. A message's quotes are
/// escaped as `\"` in a containerd logfmt line, so the literal as a whole may not occur in the
/// raw line even when it occurs in the message.
fn raw_segment(literal: &str) -> &str {
    literal
        .split(['"', '\\'])
        .max_by_key(|segment| segment.len())
        .filter(|segment| !segment.is_empty())
        .unwrap_or(literal)
}

/// Builds a scanner for any of `patterns`, as a DFA: the filter runs on every byte of the log.
fn scanner(patterns: &[&str]) -> AhoCorasick {
    AhoCorasickBuilder::new()
        .kind(Some(AhoCorasickKind::DFA))
        .match_kind(MatchKind::Standard)
        .build(patterns)
        .or_else(|_| AhoCorasick::new(patterns))
        .expect("a literal scanner builds from any set of non-empty strings")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filter_passes_rule_and_structural_lines_only() {
        let filter = LineFilter::new(&RuleSet::builtin());
        let add = br#"May 16 18:34:04 n kubelet[1]: I0516 18:34:04.5 1 kubelet.go:1] "SyncLoop ADD" source="api" pods=["a/b"]"#;
        assert!(filter.passes(add, true));
        assert!(filter.passes(b"Log file created at: 2024/12/04 10:00:00", true));
        assert!(filter.passes(b"{\"MESSAGE\":\"x\"}", true));
        let noise = b"May 16 18:34:04 n systemd[1]: Started session 4 of user root.";
        assert!(!filter.passes(noise, true));
    }

    #[test]
    fn filter_passes_verbosity_lines_until_one_is_seen() {
        let filter = LineFilter::new(&RuleSet::builtin());
        let backoff = br#"I0516 18:34:04.5 1 kuberuntime_manager.go:1] "Checking backoff for container in pod" containerName="web""#;
        assert!(filter.passes(backoff, false));
        assert!(!filter.passes(backoff, true));
    }
}
