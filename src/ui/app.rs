//! The page as a whole: creates the state, keeps it in step with the URL fragment and the
//! language, and lays out the panels. The whole page is the drop zone.

use super::browser;
use super::details::Details;
use super::engine;
use super::i18n::Msg;
use super::levels::LevelFilter;
use super::load::{follow_chosen_pod, load_files};
use super::model::find_pod;
use super::notices::Notices;
use super::offline::UpdateBar;
use super::pod_seconds::PodSeconds;
use super::pods::PodList;
use super::read::files_of;
use super::rules::RulesPanel;
use super::sources::Sources;
use super::state::State;
use super::timeline::TimelinePanel;
use super::window_model::{timeline_model, TimelineInput, TimelineModel};
use crate::i18n::Lang;
use leptos::ev;
use leptos::prelude::*;
use web_sys::DragEvent;

#[component]
pub fn App() -> impl IntoView {
    let state = State::new(browser::preferred_lang(), browser::pod_in_fragment());
    follow_fragment(state);
    follow_lang(state);
    follow_chosen_pod(state);
    // Effects run once the page is built, after the panel of rules restored a saved table.
    Effect::new(move |_| engine::start_idle(state));
    // The chosen pod is shown once the parse worker has sent its events.
    let pod = Memo::new(move |_| {
        let requested = state.pod.get()?;
        let index = state
            .analysis
            .with(|analysis| find_pod(analysis, &requested))?;
        state.has_events_of(index).then_some(index)
    });
    // The pod's seconds are indexed once per pod, level filter and analysis, so moving the
    // window only aggregates the seconds it shows.
    let seconds = Memo::new(move |_| {
        let (index, levels) = (pod.get()?, state.levels.get());
        state
            .analysis
            .with(|analysis| PodSeconds::build(analysis, index, levels))
    });
    let timeline = Memo::new(move |_| seconds.with(|s| s.as_ref().map(|s| timeline_of(state, s))));
    view! {
        <div
            class="app"
            class:dragging=move || state.dragging.get()
            data-testid="drop-zone"
            on:dragover=move |ev: DragEvent| on_drag_over(state, ev)
            on:dragleave=move |ev: DragEvent| on_drag_leave(state, ev)
            on:drop=move |ev: DragEvent| on_drop(state, ev)
        >
            <UpdateBar state=state />
            <Header state=state />
            <div class="drop-overlay" aria-hidden="true">
                <p>{move || Msg::DropRelease.text(state.lang.get())}</p>
            </div>
            <main class="layout">
                <aside class="sidebar">
                    <Sources state=state />
                    <PodList state=state pod=pod />
                </aside>
                <section class="content">
                    <Notices state=state pod=pod timeline=timeline />
                    <LevelFilter state=state />
                    <TimelinePanel state=state pod=pod timeline=timeline />
                    <Details state=state pod=pod />
                    <RulesPanel state=state />
                </section>
            </main>
            <footer class="footer" data-testid="privacy-note">
                {move || Msg::Footer.text(state.lang.get())}
            </footer>
        </div>
    }
}

fn timeline_of(state: State, seconds: &PodSeconds) -> TimelineModel {
    let input = TimelineInput {
        slider: state.slider.get(),
        zoom: state.zoom.get(),
        lang: state.lang.get(),
        width: state.width.get(),
    };
    timeline_model(seconds, input)
}

#[component]
fn Header(state: State) -> impl IntoView {
    let choose = move |ev: ev::Event| {
        let lang = Lang::from_tag(&event_target_value(&ev));
        state.lang.set(lang);
        browser::apply_lang(lang, &title(lang), true);
    };
    view! {
        <header class="header">
            <div class="brand">
                <h1>"podlife"</h1>
                <p class="tagline">{move || Msg::Tagline.text(state.lang.get())}</p>
            </div>
            <label class="lang-switch">
                <span>{move || Msg::Language.text(state.lang.get())}</span>
                <select data-testid="lang-switch" on:change=choose>
                    <option value="en" selected=move || state.lang.get() == Lang::En>
                        "English"
                    </option>
                    <option value="zh-CN" selected=move || state.lang.get() == Lang::ZhCn>
                        "简体中文"
                    </option>
                </select>
            </label>
        </header>
    }
}

fn title(lang: Lang) -> String {
    format!("podlife: {}", Msg::Tagline.text(lang))
}

/// Writes the chosen pod into the fragment, and follows fragment changes (back, forward, edits).
fn follow_fragment(state: State) {
    // Setting the fragment makes the browser lay out the page at once to scroll to it, which
    // added about 50 ms to the task that applied a large file's analysis. So the fragment is
    // set in a later task of its own.
    Effect::new(move |_| {
        if let Some(pod) = state.pod.get() {
            set_timeout(
                move || browser::set_pod_fragment(&pod),
                std::time::Duration::ZERO,
            );
        }
    });
    let handle = window_event_listener(ev::hashchange, move |_| {
        let pod = browser::pod_in_fragment();
        if pod.is_some() && pod != state.pod.get_untracked() {
            state.choose_pod(pod.unwrap_or_default());
        }
    });
    on_cleanup(move || handle.remove());
}

/// Sets the document's language and title whenever the language changes.
fn follow_lang(state: State) {
    Effect::new(move |_| {
        let lang = state.lang.get();
        browser::apply_lang(lang, &title(lang), false);
    });
}

fn on_drag_over(state: State, ev: DragEvent) {
    ev.prevent_default();
    if let Some(transfer) = ev.data_transfer() {
        transfer.set_drop_effect("copy");
    }
    state.dragging.set(true);
}

fn on_drag_leave(state: State, ev: DragEvent) {
    // Leaving a child for another child also fires; only leaving the window ends the drag.
    if ev.related_target().is_none() {
        state.dragging.set(false);
    }
}

fn on_drop(state: State, ev: DragEvent) {
    ev.prevent_default();
    state.dragging.set(false);
    let files = files_of(ev.data_transfer().and_then(|t| t.files()));
    load_files(state, files);
}
