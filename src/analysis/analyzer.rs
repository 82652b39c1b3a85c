//! The streaming side of the engine: files are fed as byte chunks, each line is parsed as it
//! completes, and only the lines that become events are kept.

use super::decode::{
    continuation, decode, journal_end_year, klog_file_year, opens_multi_line, strip_dmesg_stamp,
    Continuation,
};
use super::filter::{LineFilter, RunScan};
use super::kept::{Interner, KeptHit};
use super::links::{printf_refs, Links, Sighting};
use super::model::{Analysis, InputIssue, PodSummary, YearFrom};
use super::zone::{VerbosityCounter, ZoneVotes};
use crate::input::jsonlog::{is_kubelet_json, parse_kubelet_json};
use crate::input::logfmt::parse_logfmt;
use crate::input::{parse_klog_header, KlogHeader, LineSplitter, RawLine, MAX_LINE_BYTES};
use crate::kind::{EventKind, Scope};
use crate::message::{parse_pod_ref, PodRef, Structured};
use crate::rules::{Hit, PodsMode, RuleSet, Source};
use crate::time::{Stamp, YearTracker};
use chrono::{Datelike, NaiveDateTime, TimeDelta};
use std::borrow::Cow;

/// How many leading bytes of a file are checked for signs of binary content.
const SNIFF_BYTES: usize = 8192;

/// How many leading lines of a file are all decoded, whatever the line filter decides, so a file
/// whose kubelet writes no lifecycle line near its start is still known as a kubelet log.
const HEAD_LINES: u64 = 1000;

/// The source of the year of a file's last line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearSource {
    /// A year the user gave.
    Given(i32),
    /// The file's modification time, in UTC.
    Modified(NaiveDateTime),
}

impl FileState {
    /// Returns the year of the file's last line. What the log states wins over what is
    /// guessed: the year of stamps that carry one, then a klog file header's year plus the New
    /// Year steps after it, then the year the user gave, then that of the modification time.
    pub fn end_year(&self) -> (i32, YearFrom) {
        if let Some(year) = self.last_stamp.and_then(|stamp| stamp.year) {
            return (year, YearFrom::Stamps);
        }
        if let Some((rollovers, year)) = self.stamped_year {
            let after = self.tracker.rollovers() - rollovers;
            return (year + after as i32, YearFrom::Stamps);
        }
        if let Some(year) = self.journal_end_year {
            return (year, YearFrom::Stamps);
        }
        if let Some(year) = self.header_year {
            return (year + self.tracker.rollovers() as i32, YearFrom::Header);
        }
        let modified = match self.year_source {
            YearSource::Given(year) => return (year, YearFrom::Given),
            YearSource::Modified(modified) => modified,
        };
        let year = modified.year();
        // A day of slack covers the zones between the log's local clock and UTC.
        let last = self.last_stamp.and_then(|stamp| stamp.resolve(year));
        match last {
            Some(last) if last.local > modified + TimeDelta::days(1) => {
                (year - 1, YearFrom::FileDate)
            }
            _ => (year, YearFrom::FileDate),
        }
    }
}

/// Identifies a file given to [`Analyzer::begin_file`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FileId(pub usize);

/// A line that produced an event, kept until the whole log is read.
#[derive(Debug, Clone)]
pub(crate) struct RawEvent {
    pub file: usize,
    pub line: u64,
    pub offset: u64,
    /// The bytes the record spans from `offset`, through its last line when it was glued.
    pub length: u32,
    pub stamp: Stamp,
    /// New Year steps seen in the file before this line.
    pub rollovers: u32,
    pub hit: KeptHit,
    /// A hash of the text shown for the record, to find the same line given twice.
    pub text_hash: u64,
    /// The text shown for the record, kept when it cannot be read again from the file by its
    /// byte range: a compressed or piped input, or a journal entry shown as its message.
    pub kept: Option<Box<str>>,
}

impl RawEvent {
    /// Returns the line's position in its file's time, for resolving its year.
    pub fn sighting(&self) -> Sighting {
        Sighting {
            file: self.file,
            stamp: self.stamp,
            rollovers: self.rollovers,
        }
    }
}

#[derive(Debug)]
pub(crate) struct FileState {
    pub name: String,
    pub year_source: YearSource,
    /// The stamp of the last line that had one, as written.
    pub last_stamp: Option<Stamp>,
    pub bytes: u64,
    pub lines: u64,
    pub kubelet_lines: u64,
    pub long_lines: (u64, u64),
    pub invalid_utf8: (u64, u64),
    pub rejected: Option<InputIssue>,
    /// Issues found outside the analyzer, such as a compressed stream that ends early.
    pub noted: Vec<InputIssue>,
    /// The start of the file, held until it has been checked for binary content.
    head: Option<Vec<u8>>,
    pub tracker: YearTracker,
    splitter: LineSplitter,
    /// The year of the first line, from a klog file's `Log file created at:` header.
    pub header_year: Option<i32>,
    /// The New Year steps before, and the year of, the first line whose writer's stamp has no
    /// year but whose program's stamp has one (containerd in syslog).
    stamped_year: Option<(u32, i32)>,
    /// The votes that the file's lines give for the zone of its node.
    pub zone: ZoneVotes,
    /// The bundle the file is a member of.
    pub bundle: Option<String>,
    /// The year of the last entry, from journalctl's `-- Logs begin at …, end at …` line.
    journal_end_year: Option<i32>,
    /// A kubelet record with a multi-line value, glued until its closing line.
    pending: Option<Pending>,
    /// The last line, when the line filter passed over it: its stamp still dates the file.
    skipped_last: Vec<u8>,
    /// Whether events keep a copy of their text, because the file cannot be read again.
    keeps_texts: bool,
}

/// The position of a line in its file, and the stamp that its writer gave it.
#[derive(Debug, Clone, Copy)]
struct Place {
    file: usize,
    line: u64,
    offset: u64,
    /// The bytes the record spans, as [`RawEvent::length`].
    length: u32,
    outer: Option<Stamp>,
    /// Whether the text shown differs from the line's bytes (a journal entry's message).
    rewritten: bool,
}

/// A program's record, ready for the rules.
struct Record<'a> {
    source: Source,
    /// The program's own stamp: klog header, JSON `ts` or containerd `time`.
    inner: Option<Stamp>,
    message: &'a str,
    /// The line (or the lines of a glued record) as written.
    text: &'a str,
}

impl<'a> Record<'a> {
    /// Builds a kubelet klog record from its header's stamp and time and the message after the
    /// header.
    fn kubelet(klog: &KlogHeader<'a>, message: &'a str, text: &'a str) -> Record<'a> {
        Record {
            source: Source::Kubelet,
            inner: Some(klog.stamp),
            message,
            text,
        }
    }
}

/// A kubelet record whose multi-line value is still being read.
#[derive(Debug)]
struct Pending {
    place: Place,
    /// The klog header and message, glued with `\n`.
    body: String,
    text: String,
}

/// Reads node logs and collects pod lifecycle events.
///
/// ```
/// use podlife::analysis::Analyzer;
/// use podlife::rules::RuleSet;
///
/// let mut analyzer = Analyzer::new(RuleSet::builtin());
/// let file = analyzer.begin_file("messages", 2025);
/// analyzer.push(file, b"May 16 18:34:04 node-a kubelet[4052]: I0516 18:34:04.558677    4052 kubelet.go:2407] \"SyncLoop ADD\" source=\"api\" pods=[\"default/probe-demo\"]\n");
/// analyzer.end_file(file);
/// let analysis = analyzer.analysis();
/// assert_eq!(analysis.pods[0].key(), "default/probe-demo");
/// assert_eq!(analysis.events[0].kind.name(), "PodAdded");
/// ```
#[derive(Debug)]
pub struct Analyzer {
    rules: RuleSet,
    pub(crate) files: Vec<FileState>,
    pub(crate) events: Vec<RawEvent>,
    pub(crate) links: Links,
    /// Config sources (`api`, `file`, `http`) whose first ADD after a kubelet start has been
    /// seen; `None` before any start. That first ADD of each source replays every pod the
    /// source has, so it is no pod's creation.
    replayed_sources: Option<Vec<String>>,
    hits: Vec<Hit>,
    pub(crate) verbosity: VerbosityCounter,
    filter: LineFilter,
    interner: Interner,
    /// Whether the inputs can be read again by byte range.
    sources_rereadable: bool,
}

impl Analyzer {
    pub fn new(rules: RuleSet) -> Analyzer {
        Analyzer {
            filter: LineFilter::new(&rules),
            interner: Interner::default(),
            sources_rereadable: false,
            rules,
            files: Vec::new(),
            events: Vec::new(),
            links: Links::default(),
            replayed_sources: None,
            hits: Vec::new(),
            verbosity: VerbosityCounter::default(),
        }
    }

    pub fn rules(&self) -> &RuleSet {
        &self.rules
    }

    /// Starts a file. `year` is the year of its last line: that of the file's modification
    /// time, or a year the user gave.
    pub fn begin_file(&mut self, name: &str, year: i32) -> FileId {
        self.begin_file_with(name, YearSource::Given(year))
    }

    /// Starts a file whose modification time (UTC) is `modified`. Its last line is taken to be
    /// in the year of that time. When that would put the line more than a day after the file
    /// was written (a log of Dec 31 saved on Jan 1), the year before is taken.
    pub fn begin_file_modified(&mut self, name: &str, modified: NaiveDateTime) -> FileId {
        self.begin_file_with(name, YearSource::Modified(modified))
    }

    fn begin_file_with(&mut self, name: &str, year_source: YearSource) -> FileId {
        self.files.push(FileState {
            name: name.to_string(),
            year_source,
            last_stamp: None,
            bytes: 0,
            lines: 0,
            kubelet_lines: 0,
            long_lines: (0, 0),
            invalid_utf8: (0, 0),
            rejected: None,
            noted: Vec::new(),
            head: Some(Vec::new()),
            tracker: YearTracker::default(),
            splitter: LineSplitter::new(),
            header_year: None,
            stamped_year: None,
            zone: ZoneVotes::default(),
            bundle: None,
            journal_end_year: None,
            pending: None,
            skipped_last: Vec::new(),
            keeps_texts: true,
        });
        FileId(self.files.len() - 1)
    }

    /// Feeds the next chunk of a file.
    pub fn push(&mut self, file: FileId, chunk: &[u8]) {
        let state = &mut self.files[file.0];
        state.bytes += chunk.len() as u64;
        if state.rejected.is_some() {
            return;
        }
        // The first SNIFF_BYTES are held back until they can be checked as a whole, so the
        // verdict does not depend on how the input was chunked.
        if let Some(head) = &mut state.head {
            head.extend_from_slice(chunk);
            if head.len() >= SNIFF_BYTES {
                self.release_head(file.0);
            }
            return;
        }
        self.split(file.0, chunk);
    }

    /// Checks the held-back start of a file and, unless it is rejected, parses it.
    fn release_head(&mut self, file: usize) {
        let Some(head) = self.files[file].head.take() else {
            return;
        };
        self.files[file].rejected = sniff(&head);
        if self.files[file].rejected.is_none() {
            self.split(file, &head);
        }
    }

    /// Reads the lines of a chunk. Its whole lines are scanned as one run, so a line that the
    /// filter rejects costs only the scan and the line count. Lines that cross a chunk's edge
    /// are read one by one.
    fn split(&mut self, file: usize, chunk: &[u8]) {
        let mut splitter = std::mem::take(&mut self.files[file].splitter);
        let mut rest = chunk;
        if splitter.has_partial() {
            let Some(end) = memchr::memchr(b'\n', rest) else {
                splitter.push(rest, &mut |line| self.process_line(file, line));
                self.files[file].splitter = splitter;
                return;
            };
            splitter.push(&rest[..=end], &mut |line| self.process_line(file, line));
            rest = &rest[end + 1..];
        }
        let whole = memchr::memrchr(b'\n', rest).map_or(0, |end| end + 1);
        self.scan_lines(file, &mut splitter, &rest[..whole]);
        splitter.push(&rest[whole..], &mut |line| self.process_line(file, line));
        self.files[file].splitter = splitter;
    }

    /// Reads a run of whole lines: every line while the file's head or a multi-line record
    /// is read, else only the lines the filter passes.
    fn scan_lines(&mut self, file: usize, splitter: &mut LineSplitter, lines: &[u8]) {
        let mut scan = RunScan::default();
        let mut at = 0;
        while at < lines.len() {
            let every = self.files[file].pending.is_some() || splitter.lines_seen() < HEAD_LINES;
            let next = match every {
                true => Some(at),
                false => {
                    let v3_seen = self.verbosity.v3_seen();
                    self.filter.next_line(lines, at, v3_seen, &mut scan)
                }
            };
            let start = next.unwrap_or(lines.len());
            if start > at {
                self.skip_lines(file, splitter, &lines[at..start]);
            }
            if next.is_none() {
                break;
            }
            let end = start + memchr::memchr(b'\n', &lines[start..]).unwrap_or(0);
            splitter.push(&lines[start..=end], &mut |line| self.read_line(file, line));
            at = end + 1;
        }
    }

    /// Counts whole lines that the filter rejected: their number, and those that are too long
    /// or not UTF-8. The last is kept, as its stamp may date the file's end.
    fn skip_lines(&mut self, file: usize, splitter: &mut LineSplitter, lines: &[u8]) {
        let valid = std::str::from_utf8(lines).is_ok();
        let state = &mut self.files[file];
        let first = splitter.lines_seen() + 1;
        let (mut count, mut start) = (0, 0);
        for end in memchr::memchr_iter(b'\n', lines) {
            let line = &lines[start..end];
            if line.len() > MAX_LINE_BYTES {
                note(&mut state.long_lines, first + count);
            }
            if !valid && std::str::from_utf8(line).is_err() {
                note(&mut state.invalid_utf8, first + count);
            }
            count += 1;
            if end + 1 == lines.len() {
                state.skipped_last.clear();
                state.skipped_last.extend_from_slice(line);
            }
            start = end + 1;
        }
        state.lines = first + count - 1;
        splitter.skip(count, lines.len() as u64);
    }

    /// Ends a file, reading its last line if it had no line ending.
    pub fn end_file(&mut self, file: FileId) {
        self.release_head(file.0);
        let mut splitter = std::mem::take(&mut self.files[file.0].splitter);
        if self.files[file.0].rejected.is_none() {
            splitter.finish(&mut |line| self.process_line(file.0, line));
        }
        self.flush_pending(file.0);
        self.date_last_line(file.0);
    }

    /// Reads the stamp of the file's last line when the filter passed over it, so the year of
    /// the file's end is that of its true last line.
    fn date_last_line(&mut self, file: usize) {
        let last = std::mem::take(&mut self.files[file].skipped_last);
        if last.is_empty() {
            return;
        }
        let text = String::from_utf8_lossy(&last);
        if let Some(stamp) = decode(&text).stamp {
            let state = &mut self.files[file];
            state.tracker.observe(stamp.month);
            state.last_stamp = Some(stamp);
        }
    }

    /// Returns the pods that lines named with their namespace so far, in the order first
    /// named, with their UIDs and the events found for each per level. Cheap enough to call during a read,
    /// unlike [`Analyzer::analysis`], which also merges in the pods known only by UID, applies
    /// the levels that need the whole log, and dates each pod.
    ///
    /// ```
    /// use podlife::analysis::Analyzer;
    /// use podlife::rules::RuleSet;
    ///
    /// let mut analyzer = Analyzer::new(RuleSet::builtin());
    /// let file = analyzer.begin_file("messages", 2025);
    /// analyzer.push(file, b"May 16 18:34:04 node-a kubelet[4052]: I0516 18:34:04.558677    4052 kubelet.go:2407] \"SyncLoop ADD\" source=\"api\" pods=[\"default/probe-demo\"]\n");
    /// analyzer.end_file(file);
    /// let pods = analyzer.pods_so_far();
    /// assert_eq!(pods[0].key(), "default/probe-demo");
    /// assert_eq!(pods[0].event_count(), 1);
    /// ```
    pub fn pods_so_far(&self) -> Vec<PodSummary> {
        let known = self.links.known_pods.iter();
        known
            .map(|pod| PodSummary {
                namespace: pod.name.0.clone(),
                name: pod.name.1.clone(),
                uids: self.links.uids_of(&pod.name).to_vec(),
                first_seen: None,
                last_seen: None,
                incarnations: Vec::new(),
                counts: pod.counts,
            })
            .collect()
    }

    /// Everything found so far, attributed and in time order.
    pub fn analysis(&self) -> Analysis {
        super::resolve::resolve(self)
    }

    /// Reads a line unless the filter rejects it.
    fn process_line(&mut self, file: usize, raw: RawLine<'_>) {
        if !self.wants_line(file, &raw) {
            let invalid = std::str::from_utf8(raw.bytes).is_err();
            self.count_line(file, &raw, invalid);
            let last = &mut self.files[file].skipped_last;
            last.clear();
            last.extend_from_slice(raw.bytes);
            return;
        }
        self.read_line(file, raw);
    }

    /// Decodes a line and reads what its program wrote.
    fn read_line(&mut self, file: usize, raw: RawLine<'_>) {
        let valid = std::str::from_utf8(raw.bytes);
        self.count_line(file, &raw, valid.is_err());
        self.files[file].skipped_last.clear();
        let text = match valid {
            Ok(text) => Cow::Borrowed(text),
            Err(_) => String::from_utf8_lossy(raw.bytes),
        };
        if let Some(year) = klog_file_year(&text) {
            self.flush_pending(file);
            self.files[file].header_year.get_or_insert(year);
            return;
        }
        if let Some(year) = journal_end_year(&text) {
            self.files[file].journal_end_year.get_or_insert(year);
            return;
        }
        let decoded = decode(&text);
        // A journal entry is shown as its message: the other fields are the journal's own.
        let display_text: &str = if decoded.journal {
            &decoded.body
        } else {
            &text
        };
        if self.files[file].pending.is_some() {
            if let Some(part) = continuation(&decoded.body) {
                self.continue_pending(file, part, display_text, &raw);
                return;
            }
            self.flush_pending(file);
        }
        if let Some(stamp) = decoded.stamp {
            self.files[file].tracker.observe(stamp.month);
            self.files[file].last_stamp = Some(stamp);
        }
        let place = Place {
            file,
            line: raw.number,
            offset: raw.offset,
            length: raw.bytes.len() as u32,
            outer: decoded.stamp,
            rewritten: decoded.journal,
        };
        self.process_body(place, &decoded.tag, &decoded.body, display_text);
    }

    /// Returns whether a line is to be decoded: the lines the filter passes, the start of a
    /// file, and the lines that may go on a multi-line record.
    fn wants_line(&mut self, file: usize, raw: &RawLine<'_>) -> bool {
        raw.number <= HEAD_LINES
            || self.files[file].pending.is_some()
            || self.filter.passes(raw.bytes, self.verbosity.v3_seen())
            || self.filter.names_new_pod(raw.bytes)
    }

    /// Reads a program's text: a kubelet klog or JSON record, a containerd line or a kernel line.
    fn process_body(&mut self, place: Place, tag: &str, body: &str, text: &str) {
        if let Some((klog, message)) = parse_klog_header(body) {
            if opens_multi_line(message) {
                self.files[place.file].pending = Some(Pending {
                    place,
                    body: body.to_string(),
                    text: text.to_string(),
                });
                return;
            }
            return self.process_record(place, Record::kubelet(&klog, message, text));
        }
        if is_kubelet_json(body) {
            if let Some(json) = parse_kubelet_json(body) {
                let record = Record {
                    source: Source::Kubelet,
                    inner: json.stamp,
                    message: &json.message,
                    text,
                };
                return self.process_record(place, record);
            }
        }
        if let Some(logfmt) = parse_logfmt(body) {
            let record = Record {
                source: Source::Containerd,
                inner: logfmt.stamp,
                message: &logfmt.message,
                text,
            };
            return self.process_record(place, record);
        }
        if tag == "kernel" {
            let record = Record {
                source: Source::Kernel,
                inner: None,
                message: strip_dmesg_stamp(body),
                text,
            };
            self.process_record(place, record);
        }
    }

    /// Adds a line to the multi-line kubelet record being glued, and reads the record once its
    /// closing ` >` comes.
    fn continue_pending(
        &mut self,
        file: usize,
        part: Continuation<'_>,
        text: &str,
        raw: &RawLine<'_>,
    ) {
        let Some(pending) = &mut self.files[file].pending else {
            return;
        };
        let end = raw.offset + raw.bytes.len() as u64;
        pending.place.length = u32::try_from(end - pending.place.offset).unwrap_or(u32::MAX);
        pending.text.push('\n');
        pending.text.push_str(text);
        pending.body.push('\n');
        match part {
            Continuation::Line(line) => pending.body.push_str(&line),
            Continuation::Close(rest) => {
                pending.body.push_str(rest);
                self.flush_pending(file);
            }
        }
    }

    /// Reads the multi-line record being glued in its current state. A record whose closing
    /// ` >` never came ends at the last line that continued it.
    fn flush_pending(&mut self, file: usize) {
        let Some(pending) = self.files[file].pending.take() else {
            return;
        };
        let Some((klog, message)) = parse_klog_header(&pending.body) else {
            return;
        };
        let record = Record::kubelet(&klog, message, &pending.text);
        self.process_record(pending.place, record);
    }

    fn process_record(&mut self, place: Place, record: Record<'_>) {
        let file = place.file;
        let message = record.message;
        if record.source == Source::Kubelet {
            self.files[file].kubelet_lines += 1;
            self.verbosity.observe(message);
        }
        match (place.outer, record.inner) {
            (Some(outer), Some(inner)) => self.files[file].zone.vote(&outer, &inner),
            (Some(only), None) | (None, Some(only)) => self.files[file].zone.note_stated(&only),
            (None, None) => {}
        }
        let state = &mut self.files[file];
        let stamp = match (place.outer, record.inner) {
            (Some(outer), Some(inner)) => with_inner_fraction(outer, &inner),
            (Some(outer), None) => outer,
            (None, Some(inner)) => {
                state.tracker.observe(inner.month);
                state.last_stamp = Some(inner);
                inner
            }
            (None, None) => return,
        };
        let rollovers = state.tracker.observe(stamp.month);
        if let (Some(outer), Some(inner)) = (place.outer, record.inner) {
            if state.stamped_year.is_none() && outer.year.is_none() {
                state.stamped_year = year_of_local(&outer, &inner).map(|year| (rollovers, year));
            }
        }
        self.links.current = Some(Sighting {
            file,
            stamp,
            rollovers,
        });

        let candidate = self.rules.is_candidate(message);
        let names_pod = memchr::memmem::find(message.as_bytes(), b"pod").is_some();
        if !candidate && !names_pod {
            return;
        }
        let structured = crate::rules::structured_of(message);
        if names_pod && record.source == Source::Kubelet {
            self.links.learn_line(message, structured.as_ref());
        }
        if !candidate {
            return;
        }
        let mut hits = std::mem::take(&mut self.hits);
        hits.clear();
        self.rules
            .match_message(record.source, message, structured.as_ref(), &mut hits);
        let kept = self.files[file].keeps_texts || place.rewritten;
        for hit in hits.drain(..) {
            let Some(hit) = self.accept(hit, message, structured.as_ref()) else {
                continue;
            };
            if hit.pod.is_some() && hit.kind.scope() != Scope::Node {
                self.links.count_event(hit.level);
            }
            self.events.push(RawEvent {
                file,
                line: place.line,
                offset: place.offset,
                length: place.length,
                stamp,
                rollovers,
                hit: self.interner.keep(hit),
                text_hash: super::texts::text_hash(record.text),
                kept: kept.then(|| record.text.into()),
            });
        }
        self.hits = hits;
    }

    /// Decides whether a hit becomes an event: it fills a missing pod from the line, learns
    /// container and sandbox IDs, and drops the kubelet's start-up replay of every pod.
    fn accept(
        &mut self,
        mut hit: Hit,
        message: &str,
        structured: Option<&Structured<'_>>,
    ) -> Option<Hit> {
        if hit.kind == EventKind::KubeletStarted {
            self.replayed_sources = Some(Vec::new());
        }
        if hit.pods_mode == PodsMode::SkipReplay {
            // Only the kubelet's start-up lists several pods in one ADD, so such a line is a
            // replay even when the start itself is not in the log (rotated away, say).
            let replay = self.is_replay(message, structured) || hit.listed_pods > 1;
            if let Some(pod) = &hit.pod {
                self.links.learn_pod(pod);
            }
            if replay {
                return None;
            }
        }
        if hit.kind.scope() == Scope::Node {
            return Some(hit);
        }
        if hit.pod.is_none() {
            hit.pod = subject_pod(message, structured);
        }
        if hit.pod.is_none() {
            // containerd names a new container's sandbox, whose pod an earlier line gave.
            let sandbox = hit.sandbox_id.as_deref();
            let known = sandbox.and_then(|id| self.links.containers.get(id));
            hit.pod = known.and_then(|container| container.pod.clone());
        }
        if let Some(id) = hit.container_id.clone() {
            self.links
                .learn_container(&id, hit.pod.as_ref(), hit.container.as_deref());
            if hit.kind == EventKind::SandboxCreated {
                self.links.sandboxes.insert(id.clone());
            }
            if let Some(code) = hit.exit_code {
                self.links.exit_codes.insert(id, code);
            }
        }
        if let Some(pod) = &hit.pod {
            self.links.learn_pod(pod);
        }
        (hit.pod.is_some() || hit.container_id.is_some()).then_some(hit)
    }

    /// Returns whether this ADD line is the first of its source since the last kubelet start.
    fn is_replay(&mut self, message: &str, structured: Option<&Structured<'_>>) -> bool {
        let Some(replayed) = &mut self.replayed_sources else {
            return false;
        };
        let source = match structured.and_then(|s| s.lookup("source")) {
            Some(source) => source.into_owned(),
            None => printf_source(message).unwrap_or_default().to_string(),
        };
        if replayed.contains(&source) {
            return false;
        }
        replayed.push(source);
        true
    }

    /// Says whether the inputs given from now on can be read again by byte range (files on
    /// disk, the page's `File`s) or not (a pipe). See [`Analyzer::mark_rereadable`].
    pub fn set_sources_rereadable(&mut self, rereadable: bool) {
        self.sources_rereadable = rereadable;
    }

    /// Marks a file whose bytes are those of the input as given, not decompressed. When the
    /// inputs can be read again, its events keep the byte range of their line instead of a
    /// copy, and [`super::fill_texts`] reads the lines back.
    pub fn mark_rereadable(&mut self, file: FileId) {
        if self.sources_rereadable {
            self.files[file.0].keeps_texts = false;
        }
    }

    /// Adds an issue found by the reader of a file, such as a truncated archive, to the
    /// issues reported for it.
    pub fn note_issue(&mut self, file: FileId, issue: InputIssue) {
        self.files[file.0].noted.push(issue);
    }

    /// Marks a file as a member of the bundle `bundle`. If the file contains no kubelet line,
    /// it is then reported as skipped rather than as a wrong choice of file.
    pub fn mark_bundle_member(&mut self, file: FileId, bundle: &str) {
        self.files[file.0].bundle = Some(bundle.to_string());
    }

    fn count_line(&mut self, file: usize, raw: &RawLine<'_>, lossy: bool) {
        let state = &mut self.files[file];
        state.lines = raw.number;
        if raw.is_truncated() {
            note(&mut state.long_lines, raw.number);
        }
        if lossy {
            note(&mut state.invalid_utf8, raw.number);
        }
    }
}

/// Counts an occurrence and keeps the line of the first.
fn note(counter: &mut (u64, u64), line: u64) {
    if counter.0 == 0 {
        counter.1 = line;
    }
    counter.0 += 1;
}

/// Returns the pod a line is about when the matched rule did not name one: the structured `pod` field,
/// else the first printf `name_ns(uid)` reference, as in
/// `Error syncing pod <uid> ("name_ns(uid)"), skipping: …`.
fn subject_pod(message: &str, structured: Option<&Structured<'_>>) -> Option<PodRef> {
    let from_field = structured
        .and_then(|s| s.lookup("pod"))
        .and_then(|raw| parse_pod_ref(&raw));
    from_field.or_else(|| printf_refs(message).next())
}

/// Returns the source of a printf `SyncLoop (ADD, "api"): …` line.
fn printf_source(message: &str) -> Option<&str> {
    let rest = message.split_once("(ADD, \"")?.1;
    rest.split_once('"').map(|(source, _)| source)
}

/// Uses the program's own fraction of a second (klog header, containerd or JSON time) when the
/// writer's stamp has none and both show the same minute and second (the clocks can differ by
/// whole hours of zone).
fn with_inner_fraction(prefix: Stamp, klog: &Stamp) -> Stamp {
    if prefix.precision != crate::time::Precision::Seconds || !prefix.same_minute_second(klog) {
        return prefix;
    }
    Stamp {
        nanos: klog.nanos,
        precision: klog.precision,
        ..prefix
    }
}

/// Returns the year of a local stamp that has none from a stamp of the same line that has
/// one. The two may be in different zones, so they can fall on either side of New Year.
fn year_of_local(local: &Stamp, stamped: &Stamp) -> Option<i32> {
    let year = stamped.year?;
    Some(match (local.month, stamped.month) {
        (12, 1) => year - 1,
        (1, 12) => year + 1,
        _ => year,
    })
}

/// Rejects a file whose first bytes show it is compressed or binary.
fn sniff(chunk: &[u8]) -> Option<InputIssue> {
    let head = &chunk[..chunk.len().min(SNIFF_BYTES)];
    let compressed = match head {
        [0x1f, 0x8b, ..] => Some("gzip"),
        [0x28, 0xb5, 0x2f, 0xfd, ..] => Some("zstd"),
        [0xfd, b'7', b'z', b'X', b'Z', 0x00, ..] => Some("xz"),
        [b'B', b'Z', b'h', ..] => Some("bzip2"),
        _ => None,
    };
    if let Some(format) = compressed {
        return Some(InputIssue::Compressed {
            format: format.to_string(),
        });
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x09 || (0x0e..0x20).contains(&b))
        .count();
    let binary = memchr::memchr(0, head).is_some() || control * 10 > head.len();
    binary.then_some(InputIssue::Binary)
}

/// The limit past which lines are cut, for messages.
pub const LINE_LIMIT: u64 = MAX_LINE_BYTES as u64;
