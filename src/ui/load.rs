//! Feeds files into the page's one analyzer, one at a time in the order they arrived, and
//! refreshes the analysis after each. It also loads the bundled sample log.

use super::read::{read_in_chunks, year_of};
use super::state::{Progress, ReadFailure, State};
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
}

/// Reads `files` after any still being read.
pub fn load_files(state: State, files: Vec<web_sys::File>) {
    if files.is_empty() {
        return;
    }
    let idle = QUEUE.with_borrow_mut(|queue| {
        let idle = queue.is_empty() && state.progress.get_untracked().is_none();
        queue.extend(files);
        idle
    });
    if idle {
        spawn_local(drain_queue(state));
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

async fn read_file(state: State, file: &web_sys::File) {
    let name = file.name();
    state.progress.set(Some(Progress {
        file: name.clone(),
        percent: 0,
    }));
    let id = state
        .analyzer
        .try_update_value(|analyzer| analyzer.begin_file(&name, year_of(file)));
    let Some(id) = id else { return };
    let result = read_in_chunks(file, |bytes, percent| {
        state
            .analyzer
            .update_value(|analyzer| analyzer.push(id, bytes));
        state.progress.set(Some(Progress {
            file: name.clone(),
            percent,
        }));
    })
    .await;
    state
        .analyzer
        .update_value(|analyzer| analyzer.end_file(id));
    if let Err(reason) = result {
        state
            .failures
            .update(|failures| failures.push(ReadFailure { file: name, reason }));
    }
}

/// Loads the bundled sample once, then shows its pod.
pub fn load_sample(state: State) {
    if !state.sample_loaded.get_untracked() {
        state.analyzer.update_value(|analyzer| {
            let id = analyzer.begin_file(SAMPLE_NAME, SAMPLE_YEAR);
            analyzer.push(id, SAMPLE);
            analyzer.end_file(id);
        });
        state.sample_loaded.set(true);
        state.refresh_analysis();
    }
    let file = state
        .analysis
        .with_untracked(|a| a.files.iter().position(|f| f.name == SAMPLE_NAME));
    let pod = state.analysis.with_untracked(|a| {
        a.events
            .iter()
            .find(|e| Some(e.file) == file)
            .and_then(|e| e.pod)
            .map(|p| a.pods[p].key())
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
