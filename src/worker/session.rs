//! The engine side of the parse worker, free of browser APIs so it also runs natively: one
//! analyzer fed file by file, progress and pods-so-far replies paced by a clock, and the kept
//! analysis that serves per-pod event requests.

use super::protocol::{Loaded, OpenedLog, PodEvents, Progress, Reply};
use crate::analysis::{fill_texts, Analysis, Analyzer, Event, LineSource};
use crate::input::archive::{read_into_observed, Input};
use crate::rules::RuleSet;
use std::cell::Cell;
use std::io::{self, Read};
use std::rc::Rc;

/// Milliseconds between two progress replies.
const PROGRESS_GAP_MS: f64 = 200.0;
/// The minimum milliseconds between two pods-so-far replies.
const MIN_PODS_GAP_MS: f64 = 500.0;
/// A pods-so-far reply costs a full [`Analyzer::analysis`], which grows with the events found.
/// The gap after one is this many times its cost, so replies take about a tenth of the time.
const PODS_GAP_FACTOR: f64 = 10.0;

/// The services a session needs from where it runs: a clock, the memory size and replies.
pub trait Host {
    /// Returns a monotonic time in milliseconds.
    fn now_ms(&self) -> f64;
    /// Returns the size of the WebAssembly memory in bytes, or 0 where there is none.
    fn memory_bytes(&self) -> f64;
    /// Sends `reply` to the page.
    fn post(&mut self, reply: Reply);
}

/// The byte ranges of the files read so far, for events that keep a range instead of their line.
pub trait FileLines: LineSource {
    /// Records that the analysis file `file` (an index into [`Analysis::files`]) contains the
    /// bytes of the file being read.
    fn add(&mut self, file: usize);
}

/// The file to read, as the page describes it.
#[derive(Debug, Clone)]
pub struct ReadRequest {
    pub name: String,
    /// The file's modification time, in UTC.
    pub modified: chrono::NaiveDateTime,
    pub year: Option<i32>,
    /// The file's size in bytes.
    pub total: u64,
}

/// Every file read since the worker started, in one analyzer.
pub struct Session {
    analyzer: Analyzer,
    /// The analysis after the last file read, kept for event requests.
    analysis: Analysis,
    /// The pod whose events were requested last.
    chosen: Option<String>,
}

impl Session {
    /// Starts a session with the rule document `json`. With `rereadable`, the events of plain
    /// (not compressed) files keep only the byte range of their line, which a [`FileLines`]
    /// reads back. Fails with the rule table's error.
    pub fn from_rules_json(json: &str, rereadable: bool) -> Result<Session, String> {
        let rules = RuleSet::from_json(json).map_err(|error| error.to_string())?;
        let mut analyzer = Analyzer::new(rules);
        analyzer.set_sources_rereadable(rereadable);
        Ok(Session {
            analyzer,
            analysis: Analysis::default(),
            chosen: None,
        })
    }

    /// Reads `source` into the analyzer, replying with progress and the pods found so far
    /// while it goes, and with [`Reply::Loaded`] at the end. The logs it contains are added to
    /// `lines`.
    pub fn read(
        &mut self,
        host: &mut dyn Host,
        request: &ReadRequest,
        source: impl Read,
        lines: &mut dyn FileLines,
    ) {
        let started = host.now_ms();
        let counted = Rc::new(Cell::new(0u64));
        let source = CountingReader {
            inner: source,
            count: Rc::clone(&counted),
        };
        let input = Input {
            name: &request.name,
            modified: request.modified,
            year: request.year,
        };
        let files_before = self.analysis.files.len();
        let mut pacer = Pacer::new(started, request.total);
        let result = read_into_observed(&mut self.analyzer, input, source, &mut |analyzer| {
            pacer.after_chunk(host, analyzer, counted.get());
        });
        self.analysis = self.analyzer.analysis();
        for file in files_before..self.analysis.files.len() {
            lines.add(file);
        }
        fill(&mut self.analysis.node_events, lines);

        let (opened, error) = match result {
            Ok(opened) => (opened.iter().map(OpenedLog::of).collect(), None),
            Err(error) => (self.logs_since(files_before), Some(error.to_string())),
        };
        let progress = pacer.progress(host, counted.get());
        let loaded = Loaded {
            opened,
            analysis: without_pod_events(&self.analysis),
            events: self.chosen.clone().map(|pod| self.events_of(pod, lines)),
            error,
            progress,
        };
        host.post(Reply::Loaded(Box::new(loaded)));
    }

    /// Describes the logs begun since `first`, when a failed read did not return them: each is
    /// taken as dated by the file, with the year the engine chose.
    fn logs_since(&self, first: usize) -> Vec<OpenedLog> {
        let files = self.analysis.files.get(first..).unwrap_or_default();
        files
            .iter()
            .map(|file| OpenedLog::Dated {
                year: file.year,
                source: super::protocol::DateSource::File,
            })
            .collect()
    }

    /// Returns the events of the pod whose key is `pod`, and remembers the pod, so the reply
    /// to each later read carries its events too.
    pub fn choose(&mut self, pod: String, lines: &mut dyn LineSource) -> PodEvents {
        self.remember(pod.clone());
        self.events_of(pod, lines)
    }

    /// Remembers the pod `pod`, so the reply to each later read carries its events.
    pub fn remember(&mut self, pod: String) {
        self.chosen = Some(pod);
    }

    /// Collects the events of the pod whose key is `pod`, in time order, with their lines.
    fn events_of(&self, pod: String, lines: &mut dyn LineSource) -> PodEvents {
        let analysis = &self.analysis;
        let index = analysis.pods.iter().position(|known| known.key() == pod);
        let mut events: Vec<Event> = match index {
            Some(index) => analysis
                .events
                .iter()
                .filter(|event| event.pod == Some(index))
                .cloned()
                .collect(),
            None => Vec::new(),
        };
        fill(&mut events, lines);
        PodEvents { pod, events }
    }
}

/// Reads the lines of `events` back, where they keep only a byte range. A line that cannot be
/// read is sent with an empty text.
fn fill(events: &mut [Event], lines: &mut dyn LineSource) {
    if let Err(error) = fill_texts(events.iter_mut(), lines) {
        log_error(&format!("reading a log line again failed: {error}"));
    }
}

#[cfg(target_arch = "wasm32")]
fn log_error(message: &str) {
    web_sys::console::error_1(&message.into());
}

#[cfg(not(target_arch = "wasm32"))]
fn log_error(message: &str) {
    eprintln!("{message}");
}

/// Returns `analysis` without its pod events.
fn without_pod_events(analysis: &Analysis) -> Analysis {
    Analysis {
        files: analysis.files.clone(),
        pods: analysis.pods.clone(),
        events: Vec::new(),
        node_events: analysis.node_events.clone(),
        zone: analysis.zone,
        verbosity: analysis.verbosity,
        redacted: analysis.redacted,
    }
}

/// Decides when a read replies with its progress and with the pods found so far.
struct Pacer {
    started: f64,
    total: u64,
    next_progress: f64,
    next_pods: f64,
}

impl Pacer {
    fn new(started: f64, total: u64) -> Pacer {
        Pacer {
            started,
            total,
            next_progress: started,
            next_pods: started + MIN_PODS_GAP_MS,
        }
    }

    fn after_chunk(&mut self, host: &mut dyn Host, analyzer: &Analyzer, read: u64) {
        let now = host.now_ms();
        if now >= self.next_progress {
            let progress = self.progress(host, read);
            host.post(Reply::Progress(progress));
            self.next_progress = now + PROGRESS_GAP_MS;
        }
        if now >= self.next_pods {
            let pods = analyzer.pods_so_far();
            host.post(Reply::Pods { pods });
            let cost = host.now_ms() - now;
            self.next_pods = host.now_ms() + MIN_PODS_GAP_MS.max(cost * PODS_GAP_FACTOR);
        }
    }

    fn progress(&self, host: &dyn Host, read: u64) -> Progress {
        Progress {
            read,
            total: self.total,
            elapsed_ms: host.now_ms() - self.started,
            wasm_bytes: host.memory_bytes(),
        }
    }
}

/// Counts the bytes read through it.
struct CountingReader<R> {
    inner: R,
    count: Rc<Cell<u64>>,
}

impl<R: Read> Read for CountingReader<R> {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        let read = self.inner.read(buffer)?;
        self.count.set(self.count.get() + read as u64);
        Ok(read)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::worker::protocol::Command;

    const CASE_07: &[u8] =
        include_bytes!("../../tests/fixtures/cases/07-aks-liveness-exec-restart/input.log");

    /// A host whose clock moves a second at each reading, so every chunk replies.
    #[derive(Default)]
    struct FakeHost {
        clock: Cell<f64>,
        replies: Vec<Reply>,
    }

    impl Host for FakeHost {
        fn now_ms(&self) -> f64 {
            self.clock.set(self.clock.get() + 1000.0);
            self.clock.get()
        }

        fn memory_bytes(&self) -> f64 {
            0.0
        }

        fn post(&mut self, reply: Reply) {
            // Every reply goes through JSON, as it does between the worker and the page.
            let json = reply.to_json();
            self.replies
                .push(serde_json::from_str(&json).expect("a reply reads back"));
        }
    }

    fn request(total: usize) -> ReadRequest {
        ReadRequest {
            name: "messages".to_string(),
            modified: chrono::NaiveDate::from_ymd_opt(2025, 6, 1)
                .unwrap()
                .and_hms_opt(12, 0, 0)
                .unwrap(),
            year: None,
            total: total as u64,
        }
    }

    fn builtin_session() -> Session {
        Session::from_rules_json(&RuleSet::builtin().to_json(), true).expect("the built-in table")
    }

    /// Files kept in memory, as the worker keeps `Blob`s.
    #[derive(Default)]
    struct MemoryLines {
        current: &'static [u8],
        files: std::collections::HashMap<usize, &'static [u8]>,
    }

    impl FileLines for MemoryLines {
        fn add(&mut self, file: usize) {
            self.files.insert(file, self.current);
        }
    }

    impl LineSource for MemoryLines {
        fn read(&mut self, file: usize, offset: u64, length: u64) -> io::Result<Vec<u8>> {
            let bytes = self.files[&file];
            Ok(bytes[offset as usize..(offset + length) as usize].to_vec())
        }
    }

    fn case_07_lines() -> MemoryLines {
        MemoryLines {
            current: CASE_07,
            ..MemoryLines::default()
        }
    }

    /// Returns the analysis of CASE_07 with every line kept, as the CLI reads a pipe.
    fn case_07_analysis() -> Analysis {
        let mut analyzer = Analyzer::new(RuleSet::builtin());
        let input = Input {
            name: "messages",
            modified: request(0).modified,
            year: None,
        };
        crate::input::archive::read_into(&mut analyzer, input, CASE_07).unwrap();
        analyzer.analysis()
    }

    #[test]
    fn read_replies_analysis_without_pod_events() {
        let mut session = builtin_session();
        let mut host = FakeHost::default();
        let mut lines = case_07_lines();
        session.read(&mut host, &request(CASE_07.len()), CASE_07, &mut lines);

        let Some(Reply::Loaded(loaded)) = host.replies.last() else {
            panic!("the last reply is Loaded: {:?}", host.replies.last());
        };
        let expected = case_07_analysis();
        assert_eq!(loaded.analysis.pods, expected.pods);
        assert_eq!(loaded.analysis.files, expected.files);
        assert_eq!(loaded.analysis.node_events, expected.node_events);
        assert!(
            loaded.analysis.events.is_empty(),
            "pod events are sent per pod"
        );
        assert_eq!(loaded.error, None);
        assert_eq!(loaded.progress.read, CASE_07.len() as u64);
        assert_eq!(loaded.opened.len(), 1);
    }

    #[test]
    fn events_of_one_pod_match_the_analysis() {
        let mut session = builtin_session();
        let mut host = FakeHost::default();
        let mut lines = case_07_lines();
        session.read(&mut host, &request(CASE_07.len()), CASE_07, &mut lines);
        let expected = case_07_analysis();
        let pod = expected.pods[0].key();
        let chosen = session.choose(pod.clone(), &mut lines);
        assert_eq!(chosen.pod, pod);
        let kept: Vec<&Event> = expected
            .events
            .iter()
            .filter(|e| e.pod == Some(0))
            .collect();
        assert!(!kept.is_empty());
        assert_eq!(
            chosen.events.iter().collect::<Vec<_>>(),
            kept,
            "lines read back"
        );
        let missing = session.choose("no-such/pod".to_string(), &mut lines);
        assert!(missing.events.is_empty());

        session.choose(pod.clone(), &mut lines);
        session.read(&mut host, &request(CASE_07.len()), CASE_07, &mut lines);
        let Some(Reply::Loaded(loaded)) = host.replies.last() else {
            panic!("the last reply is Loaded");
        };
        let events = loaded.events.clone().expect("the chosen pod's events");
        assert_eq!(
            events,
            session.choose(pod, &mut lines),
            "the events after the second read"
        );
    }

    #[test]
    fn small_chunks_reply_progress_and_pods() {
        let mut session = builtin_session();
        let mut host = FakeHost::default();
        // Many gzip members make many chunks, as a large file would.
        let mut gzipped = Vec::new();
        for part in CASE_07.chunks(CASE_07.len() / 4 + 1) {
            let mut encoder =
                flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            std::io::Write::write_all(&mut encoder, part).unwrap();
            gzipped.extend(encoder.finish().unwrap());
        }

        let slow = SmallReads(&gzipped);
        // Decompressed logs keep their lines, so no range is read back.
        session.read(
            &mut host,
            &request(gzipped.len()),
            slow,
            &mut MemoryLines::default(),
        );

        let progress: Vec<u64> = host
            .replies
            .iter()
            .filter_map(|reply| match reply {
                Reply::Progress(progress) => Some(progress.read),
                _ => None,
            })
            .collect();
        assert!(!progress.is_empty(), "{:?}", host.replies);
        assert!(progress.windows(2).all(|pair| pair[0] <= pair[1]));
        assert!(host
            .replies
            .iter()
            .any(|reply| matches!(reply, Reply::Pods { .. })));
    }

    /// Hands out at most 64 bytes per read.
    struct SmallReads<'a>(&'a [u8]);

    impl Read for SmallReads<'_> {
        fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
            let count = self.0.len().min(buffer.len()).min(64);
            buffer[..count].copy_from_slice(&self.0[..count]);
            self.0 = &self.0[count..];
            Ok(count)
        }
    }

    #[test]
    fn commands_round_trip_as_json() {
        let commands = [
            Command::Rules {
                json: "{}".to_string(),
            },
            Command::Read {
                name: "messages".to_string(),
                modified_ms: 1.5e12,
                year: Some(2024),
            },
            Command::Events {
                pod: "default/web-0".to_string(),
            },
        ];
        for command in commands {
            let json = command.to_json();
            assert_eq!(serde_json::from_str::<Command>(&json).unwrap(), command);
        }
    }
}
