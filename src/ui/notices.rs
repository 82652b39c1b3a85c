//! The notice box: problems with the input files, files the browser could not read or skipped,
//! a kubelet verbosity too low for a complete timeline, and a chosen pod that is unknown or has
//! nothing to show, each in the user's language. An
//! error means that nothing could be read or shown, and is red. A note about a file that was
//! still read, or about what the chosen levels hide, is neutral.

use super::i18n::{fill, Msg};
use super::model::TimelineModel;
use super::state::{LoadNote, State};
use crate::analysis::Analysis;
use crate::i18n::Lang;
use crate::timeline::verbosity_notice;
use leptos::prelude::*;

/// The severity of a notice, written into its `data-severity` attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Severity {
    Info,
    Error,
}

impl Severity {
    fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Error => "error",
        }
    }
}

/// One message of the notice box.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Notice {
    text: String,
    severity: Severity,
    /// Whether the box's Dismiss button removes the notice. A notice that goes away by itself
    /// once the user acts, such as a pod with no events at the chosen levels, has none.
    dismissable: bool,
}

impl Notice {
    fn new(text: String, severity: Severity) -> Notice {
        Notice {
            text,
            severity,
            dismissable: true,
        }
    }

    fn lasting(text: String, severity: Severity) -> Notice {
        Notice {
            dismissable: false,
            ..Notice::new(text, severity)
        }
    }
}

#[component]
pub fn Notices(
    state: State,
    pod: Memo<Option<usize>>,
    timeline: Memo<Option<TimelineModel>>,
) -> impl IntoView {
    let input_notices = Memo::new(move |_| input_notices(state, state.lang.get()));
    let pod_notice = Memo::new(move |_| pod_notice(state, pod, timeline, state.lang.get()));
    let shortfall = Memo::new(move |_| state.analysis.with(|a| a.verbosity.shortfall()));
    let problems = move || {
        let notices: Vec<Notice> = input_notices
            .get()
            .into_iter()
            .chain(pod_notice.get())
            .collect();
        (!notices.is_empty()).then(|| view! { <NoticeBox state=state pod=pod notices=notices /> })
    };
    view! {
        {problems}
        {move || shortfall.get().map(|level| view! { <VerbosityNotice state=state level=level /> })}
    }
}

/// Warns that quiet stretches may hide events when the log lacks the lines of kubelet
/// verbosity 2 or 3, for a `level` from [`Verbosity::shortfall`]. The notice has a box of its
/// own: it describes the logs as a whole, so it is neither dismissed with the file problems nor
/// counted among them, and it stays while the files that caused it are loaded.
///
/// [`Verbosity::shortfall`]: crate::analysis::Verbosity::shortfall
#[component]
fn VerbosityNotice(state: State, level: u8) -> impl IntoView {
    view! {
        <div
            class="notices"
            data-testid="verbosity-notice"
            data-severity=Severity::Info.name()
            data-level=level
            role="status"
        >
            <p>{move || verbosity_notice(level, state.lang.get())}</p>
        </div>
    }
}

#[component]
fn NoticeBox(state: State, pod: Memo<Option<usize>>, notices: Vec<Notice>) -> impl IntoView {
    let dismissable = notices.iter().any(|n| n.dismissable);
    let worst = notices
        .iter()
        .map(|n| n.severity)
        .max()
        .unwrap_or(Severity::Info);
    let role = if worst == Severity::Error {
        "alert"
    } else {
        "status"
    };
    let dismiss = move |_| dismiss_notices(state, pod);
    let items = notices
        .into_iter()
        .map(|n| view! { <li data-severity=n.severity.name()>{n.text}</li> })
        .collect_view();
    view! {
        <div class="notices" data-testid="error" data-severity=worst.name() role=role>
            <ul>{items}</ul>
            <button
                type="button"
                class="button small"
                data-testid="notice-dismiss"
                class:hidden=!dismissable
                on:click=dismiss
            >
                {move || Msg::Dismiss.text(state.lang.get())}
            </button>
        </div>
    }
}

/// Hides the notices the Dismiss button removes: those about the files read so far, and that
/// about the requested pod if the loaded files do not have it.
fn dismiss_notices(state: State, pod: Memo<Option<usize>>) {
    state
        .dismissed_files
        .set(state.analysis.with_untracked(|a| a.files.len()));
    state.load_notes.set(Vec::new());
    if pod.get_untracked().is_none() {
        state.dismissed_pod.set(state.pod.get_untracked());
    }
}

/// Writes the notices about input files that the user has not dismissed.
fn input_notices(state: State, lang: Lang) -> Vec<Notice> {
    let mut out = state
        .analysis
        .with(|a| file_notices(a, state.dismissed_files.get(), lang));
    state
        .load_notes
        .with(|notes| out.extend(notes.iter().map(|note| load_notice(note, lang))));
    out
}

/// Writes a notice for each issue of each file not yet dismissed. An issue that kept the whole
/// file out is an error; lines that were cut or decoded with replacement characters are not.
/// The skipped members of a bundle share one notice.
fn file_notices(analysis: &Analysis, dismissed: usize, lang: Lang) -> Vec<Notice> {
    let fresh = analysis.files.get(dismissed..).unwrap_or_default();
    let skipped = crate::analysis::skipped_members(fresh)
        .into_iter()
        .map(|(bundle, members)| {
            let text = crate::analysis::skipped_members_message(bundle, &members, lang);
            Notice::new(text, Severity::Info)
        });
    let mut notices: Vec<Notice> = analysis
        .files
        .iter()
        .skip(dismissed)
        .filter(|file| !crate::analysis::is_skipped(file))
        .flat_map(|file| {
            file.issues.iter().map(|issue| {
                let severity = if issue.is_fatal() {
                    Severity::Error
                } else {
                    Severity::Info
                };
                Notice::new(issue.message(&file.name, lang), severity)
            })
        })
        .collect();
    notices.extend(skipped);
    notices
}

fn load_notice(note: &LoadNote, lang: Lang) -> Notice {
    match note {
        LoadNote::Unreadable { file, reason } => Notice::new(
            fill(Msg::ReadFailed, lang, &[("file", file), ("reason", reason)]),
            Severity::Error,
        ),
        LoadNote::AlreadyLoaded { file } => Notice::new(
            fill(Msg::AlreadyLoaded, lang, &[("file", file)]),
            Severity::Info,
        ),
    }
}

/// Says why the chosen pod shows no timeline, once some file has been read. A pod that is not
/// in the files is not reported again once its notice was dismissed.
fn pod_notice(
    state: State,
    pod: Memo<Option<usize>>,
    timeline: Memo<Option<TimelineModel>>,
    lang: Lang,
) -> Option<Notice> {
    let requested = state.pod.get()?;
    if state.analysis.with(|a| a.files.is_empty()) || state.progress.with(Option::is_some) {
        return None;
    }
    match pod.get() {
        None if state.dismissed_pod.with(|d| d.as_ref() == Some(&requested)) => None,
        None => Some(Notice::new(
            fill(Msg::UnknownPod, lang, &[("pod", &requested)]),
            Severity::Error,
        )),
        Some(_) if timeline.with(Option::is_none) => Some(Notice::lasting(
            fill(Msg::NoEvents, lang, &[("pod", &requested)]),
            Severity::Info,
        )),
        Some(_) => None,
    }
}
