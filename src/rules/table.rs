//! The serialised form of the rule table and its validation.

use crate::i18n::Lang;
use crate::kind::EventKind;
use crate::level::Level;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A rule document: the built-in table, or a user's file with the same schema.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleFile {
    /// Schema version; this reader understands 1.
    pub version: u32,
    pub rules: Vec<RuleSpec>,
}

/// One rule. A message matches when every condition the rule sets holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSpec {
    /// A unique name, used in messages about the rule.
    pub id: String,
    pub kind: EventKind,
    /// The level of the event; the kind's default level when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
    /// The structured message, matched exactly (Kubernetes 1.21 and newer).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// Structured fields that must have these values; `event.Type` reaches into a struct value.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: BTreeMap<String, String>,
    /// A regular expression over the klog message. Named groups `pod` (a whole reference),
    /// `namespace` and `name` (its parts), `pods`, `uid`, `container`, `container_id`,
    /// `exit_code`, `backoff` and `sandbox_id` (the sandbox a new container belongs to) fill the
    /// event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regex: Option<String>,
    /// Text the message must contain before the rule is tried; defaults to `message`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub literal: Option<String>,
    /// With `regex`: one event per match instead of one per line.
    #[serde(default, skip_serializing_if = "is_false")]
    pub each: bool,
    /// Overrides the structured fields that fill the event: slot name (as for regex groups) to
    /// field path, such as `{"container_id": "event.Data"}`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub bind: BTreeMap<String, String>,
    /// A container name to give every event of this rule, such as `POD` for the sandbox.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub container: Option<String>,
    #[serde(default, skip_serializing_if = "PodsMode::is_default")]
    pub pods: PodsMode,
    /// A context rule that can change the level once the whole log is read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<Condition>,
    /// The program whose messages the rule reads; the kubelet when absent.
    #[serde(default, skip_serializing_if = "Source::is_default")]
    pub source: Source,
    /// Labels that replace the kind's label on the events of this rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub labels: Option<RuleLabels>,
}

/// A rule's own labels, one per language; a language without one shows the kind's label.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleLabels {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
    #[serde(rename = "zh-CN", default, skip_serializing_if = "Option::is_none")]
    pub zh_cn: Option<String>,
}

impl RuleLabels {
    /// Returns the label for `lang`, unless it is absent or blank.
    pub fn get(&self, lang: Lang) -> Option<&str> {
        let label = match lang {
            Lang::En => self.en.as_deref(),
            Lang::ZhCn => self.zh_cn.as_deref(),
        };
        label.filter(|text| !text.trim().is_empty())
    }

    /// Returns whether neither language has a label.
    pub fn is_empty(&self) -> bool {
        self.get(Lang::En).is_none() && self.get(Lang::ZhCn).is_none()
    }
}

/// The program that wrote a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// The kubelet: a klog line, or a JSON record of `--logging-format=json`.
    #[default]
    Kubelet,
    /// containerd's logfmt lines, `time="…" level=info msg="…"`; the message is `msg`.
    Containerd,
    /// The kernel's lines, such as the memory cgroup's `oom-kill:` report.
    Kernel,
}

impl Source {
    /// Every source, in declaration order.
    pub const ALL: [Source; 3] = [Source::Kubelet, Source::Containerd, Source::Kernel];

    fn is_default(&self) -> bool {
        *self == Source::Kubelet
    }
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// The handling of a line that lists several pods.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PodsMode {
    /// One event per listed pod.
    #[default]
    Each,
    /// One event per listed pod, unless the line is the kubelet's start-up replay of every pod
    /// on the node.
    SkipReplay,
    /// The list is context (eviction ranking): no pod gets an event from it.
    Context,
}

impl PodsMode {
    /// Every mode, in declaration order.
    pub const ALL: [PodsMode; 3] = [PodsMode::Each, PodsMode::SkipReplay, PodsMode::Context];

    fn is_default(&self) -> bool {
        *self == PodsMode::Each
    }
}

/// Level conditions that need the rest of the log, applied after the whole log is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Condition {
    /// Normal when the container's exit code is known to be 0, Warning otherwise.
    ExitCode,
    /// Normal when the pod's deletion came first, Warning otherwise.
    AfterDeletion,
    /// Warning until the back-off reaches its 5m0s cap, Error from then on.
    BackoffCap,
    /// Info when the pod's deletion came first, the rule's level otherwise: a teardown's
    /// "No ready sandbox … Need to start a new one" starts nothing.
    QuietAfterDeletion,
}

impl Condition {
    /// Every condition, in declaration order.
    pub const ALL: [Condition; 4] = [
        Condition::ExitCode,
        Condition::AfterDeletion,
        Condition::BackoffCap,
        Condition::QuietAfterDeletion,
    ];
}

/// The capture group names a regex may use.
pub(crate) const GROUPS: [&str; 10] = [
    "pod",
    "namespace",
    "name",
    "pods",
    "uid",
    "container",
    "container_id",
    "exit_code",
    "backoff",
    "sandbox_id",
];
