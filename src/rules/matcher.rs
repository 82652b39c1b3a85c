//! Applies a compiled rule table to klog messages.
//!
//! An Aho-Corasick automaton over every rule's literal picks the candidate rules of a message,
//! so most lines are rejected before any structured parsing or regex runs.

use super::error::{RuleError, RuleRef};
use super::table::{Condition, PodsMode, RuleFile, RuleLabels, RuleSpec, Source, GROUPS};
use super::validate::{parse_rule_file, VERSION};
use crate::kind::{EventKind, Scope};
use crate::level::Level;
use crate::message::{parse_pod_list, parse_pod_ref, parse_structured, PodRef, Structured};
use aho_corasick::AhoCorasick;
use regex::{Captures, Regex};
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, OnceLock};

/// The built-in table, as shipped.
const BUILTIN: &str = include_str!("builtin.json");

/// The default structured field path of each slot; a rule's `bind` overrides them.
const DEFAULT_BINDINGS: [(&str, &[&str]); 6] = [
    ("pod", &["pod"]),
    ("pods", &["pods"]),
    ("uid", &["podUID", "podID"]),
    ("container", &["containerName"]),
    ("container_id", &["containerID"]),
    ("exit_code", &["exitCode"]),
];

/// One moment a rule found in a message, before the pod is resolved against the rest of the log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub rule: usize,
    pub kind: EventKind,
    pub level: Level,
    pub condition: Option<Condition>,
    /// The pod as the line names it, if it does.
    pub pod: Option<PodRef>,
    pub container: Option<String>,
    /// Without a `containerd://` or `docker://` scheme.
    pub container_id: Option<String>,
    pub exit_code: Option<i32>,
    /// The back-off length as written, such as `40s` or `5m0s`.
    pub backoff: Option<String>,
    /// The sandbox a new container belongs to, as containerd's `CreateContainer within
    /// sandbox "…"` names it.
    pub sandbox_id: Option<String>,
    /// How many pods the line lists, for replay detection.
    pub listed_pods: usize,
    pub pods_mode: PodsMode,
}

struct Rule {
    spec: RuleSpec,
    regex: Option<Regex>,
    /// The rule's own labels; `None` when it has none and shows its kind's.
    labels: Option<Arc<RuleLabels>>,
}

/// A compiled, validated rule table. Clones share the compiled table.
#[derive(Clone)]
pub struct RuleSet {
    compiled: Arc<Compiled>,
}

struct Compiled {
    rules: Vec<Rule>,
    prefilter: AhoCorasick,
    /// The distinct literals, in the prefilter's pattern order.
    literals: Vec<String>,
    /// For each literal in the prefilter, the rules it selects.
    literal_rules: Vec<Vec<usize>>,
    source: RuleFile,
}

impl std::fmt::Debug for RuleSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RuleSet")
            .field("rules", &self.compiled.rules.len())
            .finish()
    }
}

impl RuleSet {
    /// Returns the built-in table, compiled once per process.
    pub fn builtin() -> RuleSet {
        static BUILTIN_SET: OnceLock<RuleSet> = OnceLock::new();
        BUILTIN_SET
            .get_or_init(|| RuleSet::from_json(BUILTIN).expect("the built-in rule table is valid"))
            .clone()
    }

    /// Parses and compiles a rule document. The error names the rule and field at fault.
    pub fn from_json(json: &str) -> Result<RuleSet, RuleError> {
        RuleSet::compile(parse_rule_file(json)?)
    }

    /// Validates and compiles a rule document.
    pub fn compile(file: RuleFile) -> Result<RuleSet, RuleError> {
        if u64::from(file.version) != VERSION {
            return Err(RuleError::UnsupportedVersion {
                version: file.version.into(),
            });
        }
        let mut ids: HashMap<&str, usize> = HashMap::new();
        let mut rules = Vec::with_capacity(file.rules.len());
        let mut literals: Vec<String> = Vec::new();
        let mut literal_rules: Vec<Vec<usize>> = Vec::new();
        for (index, spec) in file.rules.iter().enumerate() {
            let rule = RuleRef {
                position: index + 1,
                id: Some(spec.id.clone()).filter(|id| !id.trim().is_empty()),
            };
            if spec.id.trim().is_empty() {
                let field = "id".to_string();
                return Err(RuleError::EmptyField { rule, field });
            }
            if let Some(&first) = ids.get(spec.id.as_str()) {
                return Err(RuleError::DuplicateId { rule, first });
            }
            ids.insert(&spec.id, rule.position);
            let literal = spec
                .literal
                .clone()
                .or_else(|| spec.message.clone())
                .filter(|literal| !literal.is_empty())
                .ok_or_else(|| RuleError::NoLiteral { rule: rule.clone() })?;
            let index = rules.len();
            match literals.iter().position(|known| *known == literal) {
                Some(slot) => literal_rules[slot].push(index),
                None => {
                    literals.push(literal);
                    literal_rules.push(vec![index]);
                }
            }
            rules.push(compile_rule(spec, rule)?);
        }
        // NOTE: the automaton fails only past its size limit. The error then names the last rule,
        // which is not always the one that crossed the limit.
        let prefilter = AhoCorasick::new(&literals).map_err(|err| RuleError::Invalid {
            rule: RuleRef {
                position: file.rules.len(),
                id: file.rules.last().map(|spec| spec.id.clone()),
            },
            message: err.to_string(),
        })?;
        Ok(RuleSet {
            compiled: Arc::new(Compiled {
                rules,
                prefilter,
                literals,
                literal_rules,
                source: file,
            }),
        })
    }

    /// Returns the document this set was compiled from.
    pub fn source(&self) -> &RuleFile {
        &self.compiled.source
    }

    /// Returns the id of the rule at `index`, as given in [`Hit::rule`].
    pub fn rule_id(&self, index: usize) -> &str {
        &self.compiled.rules[index].spec.id
    }

    /// Returns the own labels of the rule at `index`, as given in [`Hit::rule`], when it has any.
    pub fn labels(&self, index: usize) -> Option<Arc<RuleLabels>> {
        self.compiled.rules[index].labels.clone()
    }

    /// Writes the document this set was compiled from as indented JSON, in the form
    /// [`RuleSet::from_json`] reads back.
    pub fn to_json(&self) -> String {
        let mut json =
            serde_json::to_string_pretty(self.source()).expect("a rule document always serialises");
        json.push('\n');
        json
    }

    /// Returns whether any rule's literal occurs in `text`: the cheap test that rejects most lines.
    pub fn is_candidate(&self, text: &str) -> bool {
        self.compiled.prefilter.is_match(text)
    }

    /// Returns the distinct literals of the rules.
    pub fn literals(&self) -> impl Iterator<Item = &str> {
        self.compiled.literals.iter().map(String::as_str)
    }

    /// Appends every moment the rules of `source` find in `message` (for the kubelet, a klog
    /// message after the header) to `hits`. `structured` is the message parsed as
    /// `"msg" key=value`, when it is.
    pub fn match_message(
        &self,
        source: Source,
        message: &str,
        structured: Option<&Structured<'_>>,
        hits: &mut Vec<Hit>,
    ) {
        let mut candidates: Vec<usize> = self
            .compiled
            .prefilter
            .find_overlapping_iter(message)
            .flat_map(|m| {
                self.compiled.literal_rules[m.pattern().as_usize()]
                    .iter()
                    .copied()
            })
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        for index in candidates {
            let rule = &self.compiled.rules[index];
            if rule.spec.source != source {
                continue;
            }
            rule.apply(index, message, structured, hits);
        }
    }
}

fn compile_rule(spec: &RuleSpec, rule: RuleRef) -> Result<Rule, RuleError> {
    let regex = match &spec.regex {
        None => None,
        Some(pattern) => Some(Regex::new(pattern).map_err(|err| RuleError::InvalidRegex {
            rule: rule.clone(),
            message: err.to_string(),
        })?),
    };
    if let Some(regex) = &regex {
        if let Some(group) = regex
            .capture_names()
            .flatten()
            .find(|g| !GROUPS.contains(g))
        {
            return Err(RuleError::UnknownGroup {
                rule,
                group: group.to_string(),
            });
        }
    }
    if let Some(slot) = spec
        .bind
        .keys()
        .find(|slot| !DEFAULT_BINDINGS.iter().any(|(s, _)| s == slot))
    {
        return Err(RuleError::UnknownSlot {
            rule,
            slot: slot.clone(),
        });
    }
    let labels = spec
        .labels
        .clone()
        .filter(|labels| !labels.is_empty())
        .map(Arc::new);
    Ok(Rule {
        spec: spec.clone(),
        regex,
        labels,
    })
}

impl Rule {
    fn apply(
        &self,
        index: usize,
        message: &str,
        structured: Option<&Structured<'_>>,
        hits: &mut Vec<Hit>,
    ) {
        if let Some(expected) = &self.spec.message {
            match structured {
                Some(s) if s.message == expected.as_str() => {}
                _ => return,
            }
        }
        for (path, expected) in &self.spec.fields {
            let value = structured.and_then(|s| s.lookup(path));
            if value.as_deref() != Some(expected.as_str()) {
                return;
            }
        }
        match &self.regex {
            None => self.emit(index, None, structured, hits),
            Some(regex) if self.spec.each => {
                let before = hits.len();
                for caps in regex.captures_iter(message) {
                    self.emit(index, Some(&caps), structured, hits);
                }
                dedup_tail(hits, before);
            }
            Some(regex) => {
                if let Some(caps) = regex.captures(message) {
                    self.emit(index, Some(&caps), structured, hits);
                }
            }
        }
    }

    /// Builds the hits of one match: one per listed pod, or one.
    fn emit(
        &self,
        index: usize,
        caps: Option<&Captures<'_>>,
        structured: Option<&Structured<'_>>,
        hits: &mut Vec<Hit>,
    ) {
        let slot = |name: &str| self.slot(name, caps, structured);
        let listed: Vec<PodRef> = slot("pods")
            .map(|raw| parse_pod_list(&raw))
            .unwrap_or_default();
        let uid = slot("uid").filter(|uid| !uid.is_empty());
        let container_id = slot("container_id").map(|id| strip_scheme(&id).to_string());
        let template = Hit {
            rule: index,
            kind: self.spec.kind,
            level: self.spec.level.unwrap_or(self.spec.kind.default_level()),
            condition: self.spec.condition,
            pod: None,
            container: self.spec.container.clone().or_else(|| slot("container")),
            container_id: container_id.filter(|id| !id.is_empty()),
            exit_code: slot("exit_code").and_then(|code| code.trim().parse().ok()),
            backoff: caps
                .and_then(|c| c.name("backoff"))
                .map(|m| m.as_str().to_string()),
            sandbox_id: caps
                .and_then(|c| c.name("sandbox_id"))
                .map(|m| m.as_str().to_string()),
            listed_pods: listed.len(),
            pods_mode: self.spec.pods,
        };
        if !listed.is_empty() {
            match self.spec.pods {
                // A node event (the eviction ranking) is the node's, whatever pods it lists.
                PodsMode::Context if self.spec.kind.scope() == Scope::Node => hits.push(template),
                PodsMode::Context => {}
                _ => hits.extend(listed.into_iter().map(|pod| Hit {
                    pod: Some(pod),
                    ..template.clone()
                })),
            }
            return;
        }
        let mut pod = slot("pod")
            .and_then(|raw| parse_pod_ref(&raw))
            .or_else(|| caps.and_then(pod_from_parts));
        match (&mut pod, uid) {
            (Some(pod), Some(uid)) if pod.uid.is_none() => pod.uid = Some(uid),
            (None, Some(uid)) => pod = PodRef::from_uid(&uid),
            _ => {}
        }
        hits.push(Hit { pod, ..template });
    }

    /// Returns the text of a slot: the regex group of that name, else the bound structured field.
    fn slot(
        &self,
        name: &str,
        caps: Option<&Captures<'_>>,
        structured: Option<&Structured<'_>>,
    ) -> Option<String> {
        if let Some(m) = caps.and_then(|c| c.name(name)) {
            return Some(m.as_str().to_string());
        }
        let structured = structured?;
        if let Some(path) = self.spec.bind.get(name) {
            return structured.lookup(path).map(|v| v.into_owned());
        }
        let (_, paths) = DEFAULT_BINDINGS.iter().find(|(slot, _)| *slot == name)?;
        paths
            .iter()
            .find_map(|path| structured.lookup(path))
            .map(|v| v.into_owned())
    }
}

/// Returns a pod from the `namespace` and `name` groups; the namespace may be missing, as in volume
/// lines that write `pod "web-0" (UID: "…")`.
fn pod_from_parts(caps: &Captures<'_>) -> Option<PodRef> {
    let name = caps.name("name")?.as_str();
    Some(PodRef {
        namespace: caps.name("namespace").map(|m| m.as_str().to_string()),
        name: name.to_string(),
        uid: None,
        uid_truncated: false,
    })
}

/// Drops repeated hits that one line produced for the same kind, pod and container.
fn dedup_tail(hits: &mut Vec<Hit>, from: usize) {
    let mut seen = HashSet::new();
    let mut index = from;
    while index < hits.len() {
        let hit = &hits[index];
        let key = (hit.kind, hit.pod.clone(), hit.container.clone());
        if seen.insert(key) {
            index += 1;
        } else {
            hits.remove(index);
        }
    }
}

/// Removes a `containerd://` or `docker://` scheme from a container ID.
fn strip_scheme(id: &str) -> &str {
    id.split_once("://").map_or(id, |(_, rest)| rest)
}

/// Parses `message` as structured when it starts with a quote.
pub(crate) fn structured_of(message: &str) -> Option<Structured<'_>> {
    message
        .starts_with('"')
        .then(|| parse_structured(message))
        .flatten()
}
