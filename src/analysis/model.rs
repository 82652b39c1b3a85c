//! The result of reading logs: the pods found, their events, and what went wrong with the input.

use crate::kind::EventKind;
use crate::level::Level;
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};

/// One lifecycle moment, attributed and timed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// The stamp of the log writer at the start of the line; for a bare klog line, its header.
    pub time: Timestamp,
    pub level: Level,
    pub kind: EventKind,
    /// Index into [`Analysis::pods`]; `None` for node events.
    pub pod: Option<usize>,
    pub uid: Option<String>,
    pub container: Option<String>,
    /// Index into [`Analysis::files`].
    pub file: usize,
    /// 1-based line number in that file.
    pub line: u64,
    /// Byte offset of the line in the file (after decompression).
    pub offset: u64,
    /// The bytes the line spans from `offset`; a record glued from several lines spans them all.
    pub length: u32,
    /// The klog header's own time as written, such as `0516 18:34:39.885628`. Like `text`, it
    /// is `None` until the text is read when the event kept only its byte range.
    pub klog_time: Option<String>,
    /// The id of the rule that found the event.
    pub rule: String,
    /// The rule's own labels, which replace the kind's. `None` when the rule has none, or when
    /// the event's kind is not the rule's (a container start that turned out to be a sandbox's).
    #[serde(skip)]
    pub labels: Option<std::sync::Arc<crate::rules::RuleLabels>>,
    /// The raw log line, decoded lossily. Empty until read with [`super::fill_texts`] for an
    /// event of a file that can be read again, which keeps only the line's byte range.
    pub text: String,
}

impl Event {
    /// Returns whether the event's text is still to be read from its byte range.
    pub fn needs_text(&self) -> bool {
        self.text.is_empty() && self.length > 0
    }

    /// Sets the text read back for the event, and the klog time it shows.
    pub fn set_text(&mut self, text: String) {
        self.klog_time = super::texts::klog_time_of(&text);
        self.text = text;
    }

    /// Returns the label shown for the event: its rule's label in `lang`, else its kind's.
    pub fn label(&self, lang: crate::i18n::Lang) -> &str {
        self.labels
            .as_deref()
            .and_then(|labels| labels.get(lang))
            .unwrap_or(self.kind.label(lang))
    }
}

/// A pod found in the logs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PodSummary {
    pub namespace: Option<String>,
    /// The pod name; a pod known only by UID has its UID here.
    pub name: String,
    pub uids: Vec<String>,
    /// The first and last time a line that the analyzer decoded named the pod: a line some rule
    /// matches, or the first line that gave its namespace or UID.
    pub first_seen: Option<Timestamp>,
    pub last_seen: Option<Timestamp>,
    /// The pod's incarnations, one per UID, in time order: a StatefulSet pod deleted and
    /// recreated under the same name has two. Empty when no line gave a UID.
    pub incarnations: Vec<Incarnation>,
    /// Events per level, indexed by [`Level::index`].
    pub counts: [usize; 5],
}

impl PodSummary {
    /// `namespace/name`, or the name alone when the namespace is unknown.
    pub fn key(&self) -> String {
        match &self.namespace {
            Some(namespace) => format!("{namespace}/{}", self.name),
            None => self.name.clone(),
        }
    }

    /// Returns the highest level among the pod's events.
    pub fn worst_level(&self) -> Option<Level> {
        Level::ALL
            .into_iter()
            .rev()
            .find(|level| self.counts[level.index()] > 0)
    }

    pub fn event_count(&self) -> usize {
        self.counts.iter().sum()
    }

    /// Widens the first and last seen times to include `time`.
    pub(crate) fn see(&mut self, time: Timestamp) {
        self.first_seen = Some(self.first_seen.map_or(time, |t| t.min(time)));
        self.last_seen = Some(self.last_seen.map_or(time, |t| t.max(time)));
    }
}

/// One life of a pod under one UID.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Incarnation {
    pub uid: String,
    /// The first and last time a line named this UID, or an event was given to it.
    pub first_seen: Option<Timestamp>,
    pub last_seen: Option<Timestamp>,
}

/// The zone of the times on the timeline.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "zone", rename_all = "snake_case")]
pub enum Zone {
    /// Times as the log wrote them, in the node's clock; the log does not say its zone.
    #[default]
    AsWritten,
    /// Times in the node's zone, this many seconds east of UTC, found from lines that give both
    /// a local time and a UTC time or offset.
    Node { seconds: i32 },
    /// Times in a zone this many seconds east of UTC that the stamps state, with no line that
    /// shows the node's own clock. The zone is UTC when the files come from nodes in different
    /// zones.
    Offset { seconds: i32 },
}

/// The kubelet verbosity that the line classes present point to. Most lifecycle lines need
/// `--v=2` or `--v=3`, so a quiet stretch in a low-verbosity log is not proof of a quiet pod.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verbosity {
    /// Lines with a kubelet message.
    pub kubelet_lines: u64,
    /// Lines the kubelet writes only at `--v=2` or above (SyncLoop ADD, PLEG events…).
    pub v2_lines: u64,
    /// Lines the kubelet writes only at `--v=3` or above (the event echo, status updates,
    /// probe successes).
    pub v3_lines: u64,
}

impl Verbosity {
    /// Returns the lowest `--v` level consistent with the lines present, when it is below 3,
    /// the level at which the timeline is complete. Returns `None` with no kubelet lines or a
    /// level of 3 or more.
    pub fn shortfall(&self) -> Option<u8> {
        if self.kubelet_lines == 0 || self.v3_lines > 0 {
            None
        } else if self.v2_lines > 0 {
            Some(2)
        } else {
            Some(1)
        }
    }
}

/// A problem with an input file. Each is reported and never stops the other files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "issue", rename_all = "snake_case")]
pub enum InputIssue {
    /// The file has no bytes.
    Empty,
    /// The file looks binary (NUL bytes or mostly control characters) and was not read further.
    Binary,
    /// The file is compressed; `format` is `gzip`, `zstd`, `xz` or `bzip2`.
    Compressed { format: String },
    /// No line of the file carries a klog header.
    NoKubeletLines,
    /// A member of a bundle with no kubelet line (another log, a command's output, a binary):
    /// skipped, as most of a support bundle is.
    SkippedMember,
    /// Lines longer than the limit were cut to it.
    LongLines {
        count: u64,
        first_line: u64,
        max_bytes: u64,
    },
    /// Lines with bytes that are not UTF-8, decoded with U+FFFD in their place.
    InvalidUtf8 { count: u64, first_line: u64 },
    /// The `gzip` or `tar` data is cut off or damaged; what came before was read. `detail` is
    /// the decoder's error.
    Truncated { format: String, detail: String },
    /// An archive member that is not a regular file: a link (with its target) or a special
    /// file such as a device. It was skipped.
    NotAFile { link_target: Option<String> },
}

/// The source of the year of a file's last line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum YearFrom {
    /// The log's own stamps: RFC 3339, journal or JSON times, or a containerd time on a line
    /// whose syslog stamp has no year.
    Stamps,
    /// A klog file's `Log file created at:` header.
    Header,
    /// The year the caller gave (the CLI's `--year`).
    Given,
    /// The file's modification time, or the date an archive or a rotated name gives it.
    FileDate,
}

/// One input file as read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileSummary {
    pub name: String,
    /// The year taken for the last line, for stamps that have none.
    pub year: i32,
    pub year_from: YearFrom,
    /// The bundle (`.tar`, `.tar.gz`) the file is a member of.
    pub bundle: Option<String>,
    pub bytes: u64,
    pub lines: u64,
    /// Lines that carry a klog header.
    pub kubelet_lines: u64,
    pub issues: Vec<InputIssue>,
}

/// Everything found in the files read so far.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Analysis {
    pub files: Vec<FileSummary>,
    /// Every pod, in the order first seen.
    pub pods: Vec<PodSummary>,
    /// Pod events in time order; events of one second keep their line order.
    pub events: Vec<Event>,
    /// Node events (kubelet start, PLEG health…), in time order.
    pub node_events: Vec<Event>,
    /// The zone every event time is in.
    pub zone: Zone,
    pub verbosity: Verbosity,
    /// Whether addresses, host names and secret values in the texts and file names are
    /// placeholders, as [`crate::export::redacted`] sets them.
    #[serde(default)]
    pub redacted: bool,
}
