//! The page's state: one plain struct of signals, made once at the top of the app and handed
//! to every component as a prop. Everything else the page shows is derived from it.

use crate::analysis::{Analysis, Analyzer};
use crate::i18n::Lang;
use crate::level::LevelSet;
use crate::rules::RuleSet;
use leptos::prelude::*;
use std::sync::Arc;

/// A file the browser failed to read (the engine never saw it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadFailure {
    pub file: String,
    pub reason: String,
}

/// How far the reading of the current file has got.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    pub file: String,
    pub percent: u32,
}

/// The signals of the page.
#[derive(Clone, Copy)]
pub struct State {
    /// Every file read so far goes into this one analyzer, so later drops add to the picture.
    pub analyzer: StoredValue<Analyzer, LocalStorage>,
    /// The analyzer's view after the last file was read.
    pub analysis: RwSignal<Arc<Analysis>>,
    pub lang: RwSignal<Lang>,
    pub levels: RwSignal<LevelSet>,
    /// The chosen pod as written in the URL fragment: `ns/name`, a name, or a UID.
    pub pod: RwSignal<Option<String>>,
    pub query: RwSignal<String>,
    pub slider: RwSignal<usize>,
    /// The ISO second whose events the detail panel lists.
    pub open: RwSignal<Option<String>>,
    pub failures: RwSignal<Vec<ReadFailure>>,
    /// File issues of files before this index have been dismissed.
    pub dismissed_files: RwSignal<usize>,
    pub progress: RwSignal<Option<Progress>>,
    pub dragging: RwSignal<bool>,
    /// The width the timeline has to fill, in CSS pixels.
    pub width: RwSignal<f64>,
    pub sample_loaded: RwSignal<bool>,
}

impl State {
    pub fn new(lang: Lang, pod: Option<String>) -> State {
        State {
            analyzer: StoredValue::new_local(Analyzer::new(RuleSet::builtin())),
            analysis: RwSignal::new(Arc::new(Analysis::default())),
            lang: RwSignal::new(lang),
            levels: RwSignal::new(LevelSet::DEFAULT),
            pod: RwSignal::new(pod),
            query: RwSignal::new(String::new()),
            slider: RwSignal::new(0),
            open: RwSignal::new(None),
            failures: RwSignal::new(Vec::new()),
            dismissed_files: RwSignal::new(0),
            progress: RwSignal::new(None),
            dragging: RwSignal::new(false),
            width: RwSignal::new(960.0),
            sample_loaded: RwSignal::new(false),
        }
    }

    /// Chooses a pod and shows its whole lifecycle with no second opened.
    pub fn choose_pod(&self, key: String) {
        self.slider.set(0);
        self.open.set(None);
        self.pod.set(Some(key));
    }

    /// Takes a fresh view of everything the analyzer has read.
    pub fn refresh_analysis(&self) {
        let analysis = self.analyzer.with_value(|analyzer| analyzer.analysis());
        self.analysis.set(Arc::new(analysis));
    }
}
