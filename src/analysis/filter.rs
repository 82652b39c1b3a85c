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

/// The structured field that names a pod.
const POD_FIELD: &[u8] = b"pod=\"";

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
            pod_field: memchr::memmem::Finder::new(POD_FIELD),
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
        // The field's value, `namespace/name`, up to its closing quote.
        let value = &line[start + POD_FIELD.len()..];
        let value = &value[..memchr::memchr(b'"', value).unwrap_or(value.len())];
        let uid = self.uid_mark.find(line).map_or(&[][..], |at| {
            let rest = &line[at..];
            &rest[..rest.len().min(UID_BYTES)]
        });
        let mut hasher = rustc_hash::FxHasher::default();
        value.hash(&mut hasher);
        uid.hash(&mut hasher);
        self.pods_read.insert(hasher.finish())
    }

    /// Returns whether a line may matter. `v3_seen` is true once a `--v=3` line has been read,
    /// so such lines are no longer looked for.
    pub fn passes(&self, line: &[u8], v3_seen: bool) -> bool {
        // A journal export entry escapes its message inside JSON, so no literal test is safe.
        if line.first() == Some(&b'{') || self.literals.is_match(line) {
            return true;
        }
        !v3_seen && self.verbosity.is_match(line)
    }
}

/// The next hit of one search over a run of lines, kept so that each search runs over each byte
/// once however many lines are read between its hits.
#[derive(Debug, Default, Clone, Copy)]
struct NextHit {
    /// The position the last search started from.
    from: usize,
    /// Its hit, or `None` when it found nothing to the end of the run.
    at: Option<usize>,
    searched: bool,
}

impl NextHit {
    /// Returns the first hit at or after `from`, searching again only when needed.
    fn get(&mut self, from: usize, search: impl FnOnce(usize) -> Option<usize>) -> Option<usize> {
        let stale = !self.searched || from < self.from || self.at.is_some_and(|at| at < from);
        if stale {
            *self = NextHit {
                from,
                at: search(from),
                searched: true,
            };
        }
        self.at
    }
}

/// The searches of one run of whole lines, for [`LineFilter::next_line`].
#[derive(Debug, Default)]
pub(crate) struct RunScan {
    literal: NextHit,
    brace: NextHit,
    verbosity: NextHit,
    pod: NextHit,
}

impl LineFilter {
    /// Returns the start of the first line at or after `from` in `lines` (whole lines, the last
    /// one ended) that [`LineFilter::passes`] or [`LineFilter::names_new_pod`] would pass. `from`
    /// is the start of a line. Each search runs over the run as a whole, not line by line.
    pub fn next_line(
        &mut self,
        lines: &[u8],
        from: usize,
        v3_seen: bool,
        scan: &mut RunScan,
    ) -> Option<usize> {
        let literals = &self.literals;
        let literal = scan.literal.get(from, |at| {
            literals.find(&lines[at..]).map(|m| at + m.start())
        });
        let brace = scan.brace.get(from, |at| line_opening_brace(lines, at));
        let verbosity = &self.verbosity;
        let v3 = match v3_seen {
            true => None,
            false => scan.verbosity.get(from, |at| {
                verbosity.find(&lines[at..]).map(|m| at + m.start())
            }),
        };
        let passing = [literal, brace, v3].into_iter().flatten().min();
        let mut pod_from = from;
        loop {
            let finder = &self.pod_field;
            let pod = scan
                .pod
                .get(pod_from, |at| finder.find(&lines[at..]).map(|i| at + i));
            let Some(pod) = pod.filter(|&pod| passing.is_none_or(|first| pod < first)) else {
                return passing.map(|at| line_start(lines, at));
            };
            let start = line_start(lines, pod);
            let end = pod + memchr::memchr(b'\n', &lines[pod..]).unwrap_or(lines.len() - pod);
            if self.names_new_pod(&lines[start..end]) {
                return Some(start);
            }
            pod_from = end + 1;
        }
    }
}

/// Returns the position of a `{` that opens a line, at or after `from` (a line start).
fn line_opening_brace(lines: &[u8], from: usize) -> Option<usize> {
    if lines.get(from) == Some(&b'{') {
        return Some(from);
    }
    memchr::memmem::find(&lines[from..], b"\n{").map(|at| from + at + 1)
}

/// Returns the start of the line that contains position `at`.
fn line_start(lines: &[u8], at: usize) -> usize {
    memchr::memrchr(b'\n', &lines[..at]).map_or(0, |newline| newline + 1)
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
