//! The messages between the page and the parse worker, sent as JSON text. A `Read` command
//! travels with the `File` to read beside it; every other message is the JSON alone.

use crate::analysis::{Analysis, Event, PodSummary};
use crate::input::archive::{Opened, TimeSource, YearChoice};
use chrono::Datelike;
use serde::{Deserialize, Serialize};

/// A request from the page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Command {
    /// Starts a fresh analyzer with this rule table (a rule document, as
    /// [`RuleSet::to_json`](crate::rules::RuleSet::to_json) writes it). The first command.
    Rules { json: String },
    /// Reads the file sent beside the command into the analyzer.
    Read {
        name: String,
        /// `File.lastModified`, in milliseconds since the Unix epoch.
        modified_ms: f64,
        /// A year the user set for every log in the file.
        year: Option<i32>,
    },
    /// Requests the events of the pod `pod` (`namespace/name`) in the analysis of the files
    /// read so far. Every later [`Loaded`] reply carries the events of this pod too.
    Events { pod: String },
    /// Makes every later [`Loaded`] reply carry the events of the pod `pod`, with no reply now.
    Choose { pod: String },
}

/// A message from the worker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Reply {
    /// The worker listens for commands. Commands posted before this one are lost.
    Ready,
    /// How far the file under way has been read.
    Progress(Progress),
    /// The pods found so far in every file read, the one under way included, with no events.
    Pods { pods: Vec<PodSummary> },
    /// A file was read to its end, or to an error that `error` describes.
    Loaded(Box<Loaded>),
    /// The events of the pod requested last.
    Events(PodEvents),
}

/// The events of one pod, in time order; none when the pod is not known.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PodEvents {
    /// The pod's key, `namespace/name`.
    pub pod: String,
    pub events: Vec<Event>,
}

/// How far the file under way has been read.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    /// Bytes of the file read so far (before decompression).
    pub read: u64,
    /// The file's size in bytes.
    pub total: u64,
    /// Milliseconds since the read began.
    pub elapsed_ms: f64,
    /// The size of the worker's WebAssembly memory, in bytes. It never shrinks, so it is also
    /// the peak.
    pub wasm_bytes: f64,
}

/// The result of reading one file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Loaded {
    /// The logs the file gave to the analyzer, in the order of [`Analysis::files`].
    pub opened: Vec<OpenedLog>,
    /// The analysis of every file read so far, without pod events: those are sent per pod on
    /// request. Node events are kept.
    pub analysis: Analysis,
    /// The events of the pod requested last, in this analysis.
    pub events: Option<PodEvents>,
    /// The browser's reason when the file could not be read to its end.
    pub error: Option<String>,
    /// The final figures of the read.
    pub progress: Progress,
}

/// A log that a read file gave to the analyzer, with the source of the year it was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "year_from", rename_all = "snake_case")]
pub enum OpenedLog {
    /// The year the user set.
    Given { year: i32 },
    /// The UTC year of a date at or after the log's last line: the file's modification time,
    /// or a date its name or an archive gives, as `source` names it.
    Dated { year: i32, source: DateSource },
}

/// The origin of a log's date, as [`TimeSource`] names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    File,
    FileName,
    ArchiveMember,
    GzipHeader,
}

impl OpenedLog {
    /// Describes a log that [`crate::input::archive::read_into`] began.
    pub fn of(opened: &Opened) -> OpenedLog {
        match opened.year {
            YearChoice::Given(year) => OpenedLog::Given { year },
            YearChoice::Dated { modified, source } => OpenedLog::Dated {
                year: modified.year(),
                source: DateSource::of(source),
            },
        }
    }
}

impl DateSource {
    fn of(source: TimeSource) -> DateSource {
        match source {
            TimeSource::File => DateSource::File,
            TimeSource::FileName => DateSource::FileName,
            TimeSource::ArchiveMember => DateSource::ArchiveMember,
            TimeSource::GzipHeader => DateSource::GzipHeader,
        }
    }

    /// Returns the [`TimeSource`] this names.
    pub fn time_source(self) -> TimeSource {
        match self {
            DateSource::File => TimeSource::File,
            DateSource::FileName => TimeSource::FileName,
            DateSource::ArchiveMember => TimeSource::ArchiveMember,
            DateSource::GzipHeader => TimeSource::GzipHeader,
        }
    }
}

impl Command {
    /// Writes the command as JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a command always serialises")
    }
}

impl Reply {
    /// Writes the reply as JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a reply always serialises")
    }
}
