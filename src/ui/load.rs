//! Feeds files into the page's one analyzer, one at a time in the order they arrived, and
//! refreshes the analysis after each. A gzip file or a tar bundle gives the analyzer one file
//! per text log inside. A file loaded before is skipped. The bundled sample log is always read
//! alone: it replaces the user's files, and their files replace it.

use super::browser;
use super::read::{key_of, modified_of, read_whole};
use super::state::{FileKey, LoadNote, LoadedFile, Progress, State, YearOrigin};
use crate::input::archive::{read_into, Input, Opened, YearChoice};
use crate::level::LevelSet;
use chrono::Datelike;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::RefCell;
use std::collections::VecDeque;

/// A real kubelet excerpt shipped with the page, so a first visit can show a timeline.
const SAMPLE: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/cases/07-aks-liveness-exec-restart/input.log"
));
const SAMPLE_NAME: &str = "sample-aks-liveness.log";
const SAMPLE_YEAR: i32 = 2025;

thread_local! {
    /// Files waiting to be read; a drop during a read joins the queue.
    static QUEUE: RefCell<VecDeque<web_sys::File>> = const { RefCell::new(VecDeque::new()) };
    /// Every file picked or dropped since the last fresh start, so that a change of the rule
    /// table can read them again.
    static PICKED: RefCell<Vec<web_sys::File>> = const { RefCell::new(Vec::new()) };
}

/// Reads `files` after any still being read.
pub fn load_files(state: State, files: Vec<web_sys::File>) {
    if files.is_empty() {
        return;
    }
    remember_picked(&files);
    let idle = QUEUE.with_borrow_mut(|queue| {
        let idle = queue.is_empty() && state.progress.get_untracked().is_none();
        queue.extend(files);
        idle
    });
    if idle {
        spawn_local(drain_queue(state));
    }
}

/// Returns the page to its first-visit state: no file, no year set for one, no pod, the
/// default levels and no pod in the URL. Files still waiting are dropped and the read under
/// way stops.
pub fn clear_all(state: State) {
    start_over(state);
    state.year_overrides.set(Vec::new());
    state.levels.set(LevelSet::DEFAULT);
    browser::clear_pod_fragment();
}

/// Forgets every loaded file and every file still waiting, and stops the read under way.
fn start_over(state: State) {
    QUEUE.with_borrow_mut(VecDeque::clear);
    PICKED.with_borrow_mut(Vec::clear);
    state.forget_files();
}

fn remember_picked(files: &[web_sys::File]) {
    PICKED.with_borrow_mut(|picked| {
        for file in files {
            let key = key_of(file);
            if !picked.iter().any(|known| key_of(known) == key) {
                picked.push(file.clone());
            }
        }
    });
}

/// Sets the year of the picked or dropped file `key` (every log in it, for an archive), or with
/// `None` goes back to the year the engine works out, and reads every loaded file again.
pub fn change_year(state: State, key: &FileKey, year: Option<i32>) {
    state.set_year_override(key, year);
    read_again(state);
}

/// Reads every loaded file (or the sample) again with the rule table and the years now in
/// force, keeping the chosen pod and levels.
pub fn read_again(state: State) {
    let pod = state.pod.get_untracked();
    let sample = state.sample_loaded.get_untracked();
    let files = PICKED.with_borrow(Clone::clone);
    start_over(state);
    if sample {
        read_sample(state);
    } else {
        load_files(state, files);
    }
    if let Some(pod) = pod {
        state.choose_pod(pod);
    }
}

async fn drain_queue(state: State) {
    while let Some(file) = QUEUE.with_borrow_mut(VecDeque::pop_front) {
        read_file(state, &file).await;
        state.refresh_analysis();
        choose_first_pod(state);
    }
    state.progress.set(None);
}

/// Reads one file into the analyzer, unless the same file was loaded before. The read stops
/// early when the analyzer is replaced meanwhile (Clear all, the sample).
async fn read_file(state: State, file: &web_sys::File) {
    let key = key_of(file);
    if state.is_loaded(&key) {
        let note = LoadNote::AlreadyLoaded { file: key.name };
        state.load_notes.update(|notes| notes.push(note));
        return;
    }
    if state.sample_loaded.get_untracked() {
        state.forget_files();
    }

    let generation = state.generation.get_value();
    let current = move || state.generation.get_value() == generation;
    let name = key.name.clone();
    set_progress(state, &name, 0);
    let result = read_whole(file, |percent| {
        set_progress(state, &name, percent);
        current()
    })
    .await;
    if !current() {
        return;
    }
    let bytes = match result {
        Ok(Some(bytes)) => bytes,
        Ok(None) => return,
        Err(reason) => return note_unreadable(state, name, reason),
    };

    let input = Input {
        name: &key.name,
        modified: modified_of(&key),
        year: state.year_override(&key),
    };
    let read = state
        .analyzer
        .try_update_value(|analyzer| read_into(analyzer, input, bytes.as_slice()));
    let Some(read) = read else {
        return;
    };
    // Bytes in memory cannot fail to read, but a failure is shown rather than lost.
    let opened = read.unwrap_or_else(|error| {
        note_unreadable(state, name, error.to_string());
        Vec::new()
    });
    record_loaded(state, &key, &opened);
}

fn note_unreadable(state: State, file: String, reason: String) {
    let note = LoadNote::Unreadable { file, reason };
    state.load_notes.update(|notes| notes.push(note));
}

fn set_progress(state: State, file: &str, percent: u32) {
    state.progress.set(Some(Progress {
        file: file.to_string(),
        percent,
    }));
}

/// Records the files the analyzer was given for one picked file, each with where its year
/// comes from, in the order of [`crate::analysis::Analysis::files`].
fn record_loaded(state: State, key: &FileKey, opened: &[Opened]) {
    let files = opened.iter().map(|opened| {
        let year_origin = match opened.year {
            YearChoice::Given(year) => YearOrigin::Given { year },
            YearChoice::Dated { modified, source } => YearOrigin::FileDate {
                year: modified.year(),
                source,
            },
        };
        LoadedFile {
            key: Some(key.clone()),
            year_origin,
        }
    });
    state.loaded.update(|loaded| loaded.extend(files));
}

/// Shows the bundled sample's pod. Unless the sample is loaded already, it replaces whatever
/// else was loaded or was waiting to be read, and the years set for those files are dropped.
pub fn load_sample(state: State) {
    if !state.sample_loaded.get_untracked() {
        start_over(state);
        state.year_overrides.set(Vec::new());
        read_sample(state);
    }
    let pod = state
        .analysis
        .with_untracked(|a| a.events.iter().find_map(|e| e.pod).map(|p| a.pods[p].key()));
    if let Some(pod) = pod {
        state.choose_pod(pod);
    }
}

fn read_sample(state: State) {
    state.analyzer.update_value(|analyzer| {
        let id = analyzer.begin_file(SAMPLE_NAME, SAMPLE_YEAR);
        analyzer.push(id, SAMPLE);
        analyzer.end_file(id);
    });
    let file = LoadedFile {
        key: None,
        year_origin: YearOrigin::Sample,
    };
    state.loaded.set(vec![file]);
    state.sample_loaded.set(true);
    state.refresh_analysis();
}

/// Shows the worst pod when none is chosen yet, so a load always ends on a picture.
fn choose_first_pod(state: State) {
    if state.pod.get_untracked().is_some() {
        return;
    }
    let first = state.analysis.with_untracked(|analysis| {
        analysis
            .pods_by_severity()
            .first()
            .map(|&index| analysis.pods[index].key())
    });
    if let Some(pod) = first {
        state.choose_pod(pod);
    }
}
