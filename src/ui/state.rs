//! The page's state: one plain struct of signals, made once at the top of the app and handed
//! to every component as a prop. Everything else the page shows is derived from it.

use crate::analysis::Analysis;
use crate::i18n::Lang;
use crate::level::LevelSet;
use crate::rules::RuleSet;
use leptos::prelude::*;
use std::sync::Arc;

/// A notice about a file that the engine does not report itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadNote {
    /// The browser failed to read the file, with its reason.
    Unreadable { file: String, reason: String },
    /// The same file (name, size and modification time) was loaded before, so it was skipped.
    AlreadyLoaded { file: String },
}

/// The identity of a picked or dropped file: files with the same name, size and modification
/// time are taken as one.
#[derive(Debug, Clone, PartialEq)]
pub struct FileKey {
    pub name: String,
    pub size: f64,
    /// `File.lastModified`, in milliseconds since the Unix epoch.
    pub modified_ms: f64,
}

/// The source of the year the page gives the engine for a file's last line. The engine uses it
/// only when the log's own stamps and a klog file header carry no year, as
/// [`FileSummary::year_from`](crate::analysis::FileSummary::year_from) then reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearOrigin {
    /// The bundled sample, read with a fixed year.
    Sample,
    /// A time at or after the file's last line, whose UTC year is `year`: the modification
    /// time of the file, or a date an archive keeps for it. The field `source` states which.
    FileDate {
        year: i32,
        source: crate::input::archive::TimeSource,
    },
    /// The year the user set for the file in the Files panel.
    Given { year: i32 },
}

/// A file given to the analyzer, at the same index as its entry in [`Analysis::files`].
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedFile {
    /// `None` for the sample, which is never compared with the user's files.
    pub key: Option<FileKey>,
    pub year_origin: YearOrigin,
}

/// Work under way in the parse worker.
#[derive(Debug, Clone, PartialEq)]
pub enum Progress {
    /// A file is being read.
    Reading(Reading),
    /// The chosen pod's events are being fetched.
    Fetching,
}

/// How far the reading of the current file has got.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    pub file: String,
    /// Bytes read so far.
    pub read: u64,
    /// The file's size in bytes.
    pub total: u64,
    /// Milliseconds since the read began.
    pub elapsed_ms: f64,
}

/// The signals of the page.
#[derive(Clone, Copy)]
pub struct State {
    /// Counts fresh starts of the parse worker's analyzer, which gets every file read since
    /// the last one, so replies of a worker stopped before one are ignored.
    pub generation: StoredValue<u64>,
    /// The files given to the analyzer, in the order of [`Analysis::files`].
    pub loaded: RwSignal<Vec<LoadedFile>>,
    /// The worker's analysis after the last file was read, with the pods found so far while a
    /// file is read. Its `events` are those of one pod only, the one `pod_events` names.
    pub analysis: RwSignal<Arc<Analysis>>,
    /// The key of the pod whose events `analysis.events` contains.
    pub pod_events: RwSignal<Option<String>>,
    /// Counts the files read to their end, so the chosen pod's events are fetched again after
    /// each.
    pub snapshot: RwSignal<u64>,
    pub lang: RwSignal<Lang>,
    pub levels: RwSignal<LevelSet>,
    /// The chosen pod as written in the URL fragment: `ns/name`, a name, or a UID.
    pub pod: RwSignal<Option<String>>,
    pub query: RwSignal<String>,
    pub slider: RwSignal<usize>,
    /// How many marks a window of the slider shows, as zoomed to; 0 for as many as fit the
    /// width with their labels.
    pub zoom: RwSignal<usize>,
    /// The ISO second whose events the detail panel lists.
    pub open: RwSignal<Option<String>>,
    pub load_notes: RwSignal<Vec<LoadNote>>,
    /// File issues of files before this index have been dismissed.
    pub dismissed_files: RwSignal<usize>,
    /// The requested pod whose "not in the loaded files" notice was dismissed. A request for
    /// another unknown pod is reported again.
    pub dismissed_pod: RwSignal<Option<String>>,
    pub progress: RwSignal<Option<Progress>>,
    pub dragging: RwSignal<bool>,
    /// The width the timeline has to fill, in CSS pixels.
    pub width: RwSignal<f64>,
    /// Whether the analyzer contains the bundled sample, which is always read alone.
    pub sample_loaded: RwSignal<bool>,
    /// The rule table every read uses: the built-in one, or the user's edited or imported table.
    pub rules: RwSignal<RuleSet>,
    /// The years the user set for picked or dropped files, one per file key. Reading the files
    /// again (after a rule change) keeps them, and Clear all drops them.
    pub year_overrides: RwSignal<Vec<(FileKey, i32)>>,
    /// Whether downloads and copied text are made from a redacted copy of the analysis.
    pub redact: RwSignal<bool>,
}

impl State {
    pub fn new(lang: Lang, pod: Option<String>) -> State {
        State {
            generation: StoredValue::new(0),
            loaded: RwSignal::new(Vec::new()),
            analysis: RwSignal::new(Arc::new(Analysis::default())),
            pod_events: RwSignal::new(None),
            snapshot: RwSignal::new(0),
            lang: RwSignal::new(lang),
            levels: RwSignal::new(LevelSet::DEFAULT),
            pod: RwSignal::new(pod),
            query: RwSignal::new(String::new()),
            slider: RwSignal::new(0),
            zoom: RwSignal::new(0),
            open: RwSignal::new(None),
            load_notes: RwSignal::new(Vec::new()),
            dismissed_files: RwSignal::new(0),
            dismissed_pod: RwSignal::new(None),
            progress: RwSignal::new(None),
            dragging: RwSignal::new(false),
            width: RwSignal::new(960.0),
            sample_loaded: RwSignal::new(false),
            rules: RwSignal::new(RuleSet::builtin()),
            year_overrides: RwSignal::new(Vec::new()),
            redact: RwSignal::new(super::share::stored_redact()),
        }
    }

    /// Chooses a pod and shows its whole lifecycle with no second opened.
    pub fn choose_pod(&self, key: String) {
        self.slider.set(0);
        self.open.set(None);
        self.pod.set(Some(key));
    }

    /// Returns whether `analysis.events` contains every event of the pod at `index`: it has
    /// none, or they were fetched.
    pub fn has_events_of(&self, index: usize) -> bool {
        let pod = self.analysis.with(|a| a.pods.get(index).cloned());
        let Some(pod) = pod else {
            return false;
        };
        pod.event_count() == 0 || self.pod_events.with(|key| key.as_ref() == Some(&pod.key()))
    }

    /// Stops the parse worker and clears every file, pod and file notice. The next read
    /// starts a fresh worker with the rule table in force.
    pub fn forget_files(&self) {
        self.generation.update_value(|generation| *generation += 1);
        super::engine::stop();
        self.progress.set(None);
        self.pod_events.set(None);
        self.loaded.set(Vec::new());
        self.sample_loaded.set(false);
        self.load_notes.set(Vec::new());
        self.dismissed_files.set(0);
        self.dismissed_pod.set(None);
        self.query.set(String::new());
        self.slider.set(0);
        self.open.set(None);
        self.pod.set(None);
        self.analysis.set(Arc::new(Analysis::default()));
    }

    /// Returns the year the user set for the file `key`, if any.
    pub fn year_override(&self, key: &FileKey) -> Option<i32> {
        self.year_overrides.with_untracked(|overrides| {
            overrides
                .iter()
                .find_map(|(known, year)| (known == key).then_some(*year))
        })
    }

    /// Sets the year of the file `key` to `year`, or with `None` goes back to the year the
    /// engine works out. The files are not read again here.
    pub fn set_year_override(&self, key: &FileKey, year: Option<i32>) {
        self.year_overrides.update(|overrides| {
            overrides.retain(|(known, _)| known != key);
            if let Some(year) = year {
                overrides.push((key.clone(), year));
            }
        });
    }

    /// Returns whether a file with this name, size and modification time was loaded already.
    pub fn is_loaded(&self, key: &FileKey) -> bool {
        self.loaded
            .with_untracked(|loaded| loaded.iter().any(|file| file.key.as_ref() == Some(key)))
    }
}
