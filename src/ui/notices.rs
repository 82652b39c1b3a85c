//! The error box: problems with the input files, files the browser could not read, and a chosen
//! pod that is unknown or has nothing to show, each in the user's language.

use super::i18n::{fill, Msg};
use super::model::TimelineModel;
use super::state::{LoadNote, State};
use crate::analysis::{Analysis, InputIssue};
use crate::i18n::Lang;
use leptos::prelude::*;

#[component]
pub fn Notices(
    state: State,
    pod: Memo<Option<usize>>,
    timeline: Memo<Option<TimelineModel>>,
) -> impl IntoView {
    let input_messages = Memo::new(move |_| input_messages(state, state.lang.get()));
    let pod_message = Memo::new(move |_| pod_message(state, pod, timeline, state.lang.get()));
    let dismiss = move |_| {
        state
            .dismissed_files
            .set(state.analysis.with_untracked(|a| a.files.len()));
        state.load_notes.set(Vec::new());
    };
    move || {
        let inputs = input_messages.get();
        let dismissable = !inputs.is_empty();
        let messages: Vec<String> = inputs.into_iter().chain(pod_message.get()).collect();
        (!messages.is_empty()).then(|| {
            view! {
                <div class="notices" data-testid="error" role="alert">
                    <ul>{messages.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
                    <button
                        type="button"
                        class="button small"
                        class:hidden=!dismissable
                        on:click=dismiss
                    >
                        {move || Msg::Dismiss.text(state.lang.get())}
                    </button>
                </div>
            }
        })
    }
}

/// Writes the messages about input files that the user has not dismissed.
fn input_messages(state: State, lang: Lang) -> Vec<String> {
    let mut out = state
        .analysis
        .with(|a| file_messages(a, state.dismissed_files.get(), lang));
    state
        .load_notes
        .with(|notes| out.extend(notes.iter().map(|note| load_message(note, lang))));
    out
}

fn load_message(note: &LoadNote, lang: Lang) -> String {
    match note {
        LoadNote::Unreadable { file, reason } => {
            fill(Msg::ReadFailed, lang, &[("file", file), ("reason", reason)])
        }
        LoadNote::AlreadyLoaded { file } => fill(Msg::AlreadyLoaded, lang, &[("file", file)]),
    }
}

/// Writes a message for each issue of each file not yet dismissed.
fn file_messages(analysis: &Analysis, dismissed: usize, lang: Lang) -> Vec<String> {
    analysis
        .files
        .iter()
        .skip(dismissed)
        .flat_map(|file| {
            file.issues
                .iter()
                .map(|issue| issue_message(&file.name, issue, lang))
        })
        .collect()
}

/// Writes the message for one issue of the file `name`.
pub fn issue_message(name: &str, issue: &InputIssue, lang: Lang) -> String {
    issue.message(name, lang)
}

/// Says why the chosen pod shows no timeline, once some file has been read.
fn pod_message(
    state: State,
    pod: Memo<Option<usize>>,
    timeline: Memo<Option<TimelineModel>>,
    lang: Lang,
) -> Option<String> {
    let requested = state.pod.get()?;
    if state.analysis.with(|a| a.files.is_empty()) || state.progress.with(Option::is_some) {
        return None;
    }
    match pod.get() {
        None => Some(fill(Msg::UnknownPod, lang, &[("pod", &requested)])),
        Some(_) if timeline.with(Option::is_none) => {
            Some(fill(Msg::NoEvents, lang, &[("pod", &requested)]))
        }
        Some(_) => None,
    }
}
