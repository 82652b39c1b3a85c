//! Feeds files to the parse worker, one at a time in the order they arrived, and applies its
//! replies: progress, the pods found so far, the analysis after each file, and the chosen pod's
//! events. A gzip file or a tar bundle gives the analyzer one file per text log inside. A file
//! loaded before is skipped. The bundled sample log is always read alone: it replaces the
//! user's files, and their files replace it.

use super::engine;
use super::progress::publish_figures;
use super::read::{key_of, modified_of};
use super::state::{FileKey, LoadNote, LoadedFile, Progress, Reading, State, YearOrigin};
use crate::analysis::{Analysis, Event, PodSummary};
use crate::level::LevelSet;
use crate::rules::RuleSet;
use crate::worker::protocol::{Command, Loaded, OpenedLog, PodEvents, Reply};
use leptos::prelude::*;
use std::cell::RefCell;
use std::collections::{HashMap, VecDeque};
use std::sync::Arc;

/// A real kubelet excerpt shipped with the page, so a first visit can show a timeline.
const SAMPLE: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/cases/07-aks-liveness-exec-restart/input.log"
));
const SAMPLE_NAME: &str = "sample-aks-liveness.log";
const SAMPLE_YEAR: i32 = 2025;

/// Something to read.
#[derive(Clone)]
enum Pending {
    File(web_sys::File),
    Sample,
}

thread_local! {
    /// Files waiting to be read; a drop during a read joins the queue.
    static QUEUE: RefCell<VecDeque<Pending>> = const { RefCell::new(VecDeque::new()) };
    /// Every file picked or dropped since the last fresh start, so that a change of the rule
    /// table can read them again.
    static PICKED: RefCell<Vec<web_sys::File>> = const { RefCell::new(Vec::new()) };
    /// The file the worker is reading: its key, or `None` for the sample.
    static CURRENT: RefCell<Option<Option<FileKey>>> = const { RefCell::new(None) };
    /// Whether the files are being read again after a change of rules or years: the page
    /// keeps the last picture until the first file is read again, and then replaces it.
    static REPLACING: RefCell<bool> = const { RefCell::new(false) };
}

/// Reads `files` after any still being read.
pub fn load_files(state: State, files: Vec<web_sys::File>) {
    if files.is_empty() {
        return;
    }
    remember_picked(&files);
    QUEUE.with_borrow_mut(|queue| queue.extend(files.into_iter().map(Pending::File)));
    start_next_if_idle(state);
}

/// Returns the page to its first-visit state: no file, no year set for one, no pod, the
/// default levels and no pod in the URL. Files still waiting are dropped and the read under
/// way stops.
pub fn clear_all(state: State) {
    start_over(state);
    state.year_overrides.set(Vec::new());
    state.levels.set(LevelSet::DEFAULT);
    super::browser::clear_pod_fragment();
}

/// Stops the read under way and drops the files still waiting. The files read before it stay:
/// the stopped worker had them, so a new worker reads them again from the start. The chosen
/// pod and levels are kept.
pub fn cancel(state: State) {
    let kept: Vec<FileKey> = state.loaded.with_untracked(|loaded| {
        let mut keys: Vec<FileKey> = Vec::new();
        for key in loaded.iter().filter_map(|file| file.key.clone()) {
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
        keys
    });
    let sample = state.sample_loaded.get_untracked();
    let pod = state.pod.get_untracked();
    PICKED.with_borrow_mut(|picked| picked.retain(|file| kept.contains(&key_of(file))));
    let files = PICKED.with_borrow(Clone::clone);
    start_over(state);
    if sample {
        load_sample(state);
    } else {
        load_files(state, files);
    }
    if let Some(pod) = pod.filter(|_| sample || !kept.is_empty()) {
        state.choose_pod(pod);
    }
}

/// Forgets every loaded file and every file still waiting, and stops the read under way.
fn start_over(state: State) {
    QUEUE.with_borrow_mut(VecDeque::clear);
    PICKED.with_borrow_mut(Vec::clear);
    CURRENT.with_borrow_mut(|current| *current = None);
    REPLACING.with_borrow_mut(|replacing| *replacing = false);
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

/// Reads every loaded file (or the sample) again in a new worker, with the rule table and the
/// years now in force. The page shows the last picture, with its pod and levels, until the
/// first file is read again.
pub fn read_again(state: State) {
    let sample = state.sample_loaded.get_untracked();
    let files = PICKED.with_borrow(Clone::clone);
    if !sample && files.is_empty() {
        return start_over(state);
    }
    QUEUE.with_borrow_mut(VecDeque::clear);
    CURRENT.with_borrow_mut(|current| *current = None);
    REPLACING.with_borrow_mut(|replacing| *replacing = true);
    state.generation.update_value(|generation| *generation += 1);
    engine::stop();
    let chosen = state.pod_events.get_untracked();
    if let Some(pod) = chosen {
        engine::send(state, Command::Choose { pod }, None);
    }
    let pending = match sample {
        true => vec![Pending::Sample],
        false => files.into_iter().map(Pending::File).collect(),
    };
    QUEUE.with_borrow_mut(|queue| queue.extend(pending));
    start_next(state);
}

/// Shows the bundled sample's pod. Unless the sample is loaded already, it replaces whatever
/// else was loaded or was waiting to be read, and the years set for those files are dropped.
pub fn load_sample(state: State) {
    if state.sample_loaded.get_untracked() {
        choose_sample_pod(state);
        return;
    }
    start_over(state);
    state.year_overrides.set(Vec::new());
    QUEUE.with_borrow_mut(|queue| queue.push_back(Pending::Sample));
    start_next_if_idle(state);
}

fn start_next_if_idle(state: State) {
    if CURRENT.with_borrow(Option::is_none) {
        start_next(state);
    }
}

/// Sends the next waiting file to the worker, skipping files loaded before.
fn start_next(state: State) {
    while let Some(pending) = QUEUE.with_borrow_mut(VecDeque::pop_front) {
        let file = match pending {
            Pending::Sample => {
                start_sample(state);
                return;
            }
            Pending::File(file) => file,
        };
        let key = key_of(&file);
        if !REPLACING.with_borrow(|replacing| *replacing) && state.is_loaded(&key) {
            let note = LoadNote::AlreadyLoaded { file: key.name };
            state.load_notes.update(|notes| notes.push(note));
            continue;
        }
        if state.sample_loaded.get_untracked() && !REPLACING.with_borrow(|replacing| *replacing) {
            state.forget_files();
        }
        let command = Command::Read {
            name: key.name.clone(),
            modified_ms: modified_of(&key).and_utc().timestamp_millis() as f64,
            year: state.year_override(&key),
        };
        set_reading(state, &key.name, key.size as u64);
        CURRENT.with_borrow_mut(|current| *current = Some(Some(key)));
        engine::send(state, command, Some(file));
        return;
    }
    let fetching = state
        .progress
        .with_untracked(|p| matches!(p, Some(Progress::Fetching)));
    if !fetching {
        state.progress.set(None);
    }
}

fn start_sample(state: State) {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(SAMPLE));
    let file = match web_sys::File::new_with_u8_array_sequence(&parts, SAMPLE_NAME) {
        Ok(file) => file,
        Err(error) => {
            leptos::logging::error!("making the sample file failed: {error:?}");
            return;
        }
    };
    let command = Command::Read {
        name: SAMPLE_NAME.to_string(),
        modified_ms: js_sys::Date::now(),
        year: Some(SAMPLE_YEAR),
    };
    set_reading(state, SAMPLE_NAME, SAMPLE.len() as u64);
    CURRENT.with_borrow_mut(|current| *current = Some(None));
    engine::send(state, command, Some(file));
}

fn set_reading(state: State, file: &str, total: u64) {
    state.progress.set(Some(Progress::Reading(Reading {
        file: file.to_string(),
        read: 0,
        total,
        elapsed_ms: 0.0,
    })));
}

/// Applies a reply of the parse worker of the current generation.
pub fn apply_reply(state: State, reply: Reply) {
    match reply {
        Reply::Ready => {}
        Reply::Progress(progress) => {
            publish_figures(progress.wasm_bytes, None);
            state.progress.update(|current| {
                if let Some(Progress::Reading(reading)) = current {
                    reading.read = progress.read;
                    reading.total = progress.total;
                    reading.elapsed_ms = progress.elapsed_ms;
                }
            });
        }
        // A read again keeps the last picture until its first file is done.
        Reply::Pods { .. } if REPLACING.with_borrow(|replacing| *replacing) => {}
        Reply::Pods { pods } => state.analysis.update(|analysis| {
            *analysis = Arc::new(with_pods(analysis, pods));
        }),
        Reply::Loaded(loaded) => apply_loaded(state, *loaded),
        Reply::Events(events) => {
            apply_events(state, events);
            if state
                .progress
                .with_untracked(|p| matches!(p, Some(Progress::Fetching)))
            {
                state.progress.set(None);
            }
        }
    }
}

fn apply_loaded(state: State, loaded: Loaded) {
    let Loaded {
        opened,
        mut analysis,
        events,
        error,
        progress,
    } = loaded;
    publish_figures(progress.wasm_bytes, Some(progress));

    if REPLACING.with_borrow_mut(std::mem::take) {
        state.loaded.set(Vec::new());
        state.load_notes.set(Vec::new());
        state.dismissed_files.set(0);
        state.sample_loaded.set(false);
    }
    let current = CURRENT.with_borrow_mut(Option::take);
    let sample = matches!(current, Some(None));
    let key = current.flatten();
    if let (Some(reason), Some(key)) = (error, &key) {
        let note = LoadNote::Unreadable {
            file: key.name.clone(),
            reason,
        };
        state.load_notes.update(|notes| notes.push(note));
    }
    record_loaded(state, key, sample, &opened);

    attach_labels(&mut analysis.node_events, &state.rules.get_untracked());
    state.analysis.set(Arc::new(analysis));
    state.pod_events.set(None);
    if let Some(events) = events {
        apply_events(state, events);
    }
    state.snapshot.update(|count| *count += 1);

    if sample {
        choose_sample_pod(state);
    } else {
        choose_first_pod(state);
    }
    start_next(state);
}

/// Records the logs the worker began for one file, each with where its year comes from, in the
/// order of [`Analysis::files`].
fn record_loaded(state: State, key: Option<FileKey>, sample: bool, opened: &[OpenedLog]) {
    let files = opened.iter().map(|opened| {
        let year_origin = match *opened {
            _ if sample => YearOrigin::Sample,
            OpenedLog::Given { year } => YearOrigin::Given { year },
            OpenedLog::Dated { year, source } => YearOrigin::FileDate {
                year,
                source: source.time_source(),
            },
        };
        LoadedFile {
            key: key.clone(),
            year_origin,
        }
    });
    state.loaded.update(|loaded| loaded.extend(files));
    if sample {
        state.sample_loaded.set(true);
    }
}

/// Puts the events of one pod in the analysis, when that pod is still the chosen one.
fn apply_events(state: State, reply: PodEvents) {
    let PodEvents { pod, mut events } = reply;
    let chosen = state.analysis.with_untracked(|analysis| {
        let requested = state.pod.get_untracked()?;
        let index = super::model::find_pod(analysis, &requested)?;
        (analysis.pods[index].key() == pod).then_some(index)
    });
    let Some(index) = chosen else {
        return;
    };
    for event in &mut events {
        event.pod = Some(index);
    }
    attach_labels(&mut events, &state.rules.get_untracked());
    state.analysis.update(|analysis| {
        let mut updated = Analysis::clone(analysis);
        updated.events = events;
        *analysis = Arc::new(updated);
    });
    state.pod_events.set(Some(pod));
}

/// Returns `analysis` with the pods found so far in place of its own. The chosen pod's events
/// follow their pod to its index in `pods`, or are dropped when it is not there.
fn with_pods(analysis: &Analysis, pods: Vec<PodSummary>) -> Analysis {
    let index_of: HashMap<String, usize> = pods
        .iter()
        .enumerate()
        .map(|(index, pod)| (pod.key(), index))
        .collect();
    let moved = |event: &Event| {
        let key = analysis.pods.get(event.pod?)?.key();
        let mut event = event.clone();
        event.pod = Some(*index_of.get(&key)?);
        Some(event)
    };
    Analysis {
        files: analysis.files.clone(),
        events: analysis.events.iter().filter_map(moved).collect(),
        pods,
        node_events: analysis.node_events.clone(),
        zone: analysis.zone,
        verbosity: analysis.verbosity,
        redacted: analysis.redacted,
    }
}

/// Gives each event its rule's own labels, which do not travel from the worker: the labels of
/// the rule named `event.rule` in `rules`, when the event has that rule's kind.
fn attach_labels(events: &mut [Event], rules: &RuleSet) {
    let specs = &rules.source().rules;
    let by_id: HashMap<&str, usize> = specs
        .iter()
        .enumerate()
        .map(|(index, spec)| (spec.id.as_str(), index))
        .collect();
    for event in events {
        event.labels = by_id
            .get(event.rule.as_str())
            .filter(|&&index| specs[index].kind == event.kind)
            .and_then(|&index| rules.labels(index));
    }
}

/// Requests the chosen pod's events from the worker whenever the choice or the analysis
/// changes, unless the page has them already.
pub fn follow_chosen_pod(state: State) {
    Effect::new(move |_| {
        state.snapshot.track();
        let Some(requested) = state.pod.get() else {
            return;
        };
        let missing = state.analysis.with_untracked(|analysis| {
            let index = super::model::find_pod(analysis, &requested)?;
            let pod = &analysis.pods[index];
            (pod.event_count() > 0).then(|| pod.key())
        });
        let Some(pod) = missing else {
            return;
        };
        if state.pod_events.get_untracked().as_ref() == Some(&pod) {
            return;
        }
        if state.progress.with_untracked(Option::is_none) {
            state.progress.set(Some(Progress::Fetching));
        }
        engine::send(state, Command::Events { pod }, None);
    });
}

/// Ends the read under way after the worker failed: the files are forgotten, because the
/// worker had them, and the failure is shown on the file.
pub fn worker_failed(state: State, reason: String) {
    let file = CURRENT
        .with_borrow(|current| current.clone().flatten())
        .map_or_else(|| SAMPLE_NAME.to_string(), |key| key.name);
    start_over(state);
    let note = LoadNote::Unreadable { file, reason };
    state.load_notes.update(|notes| notes.push(note));
}

/// Chooses the pod of the sample's first event.
fn choose_sample_pod(state: State) {
    let pod = state.analysis.with_untracked(|analysis| {
        analysis
            .pods
            .iter()
            .filter(|pod| pod.event_count() > 0)
            .min_by_key(|pod| pod.first_seen)
            .map(PodSummary::key)
    });
    if let Some(pod) = pod {
        state.choose_pod(pod);
    }
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
