//! The input panel: the file picker, the sample button, the reading progress and the files read.

use super::i18n::{fill, grouped, Msg};
use super::load::{load_files, load_sample};
use super::read::files_of;
use super::state::State;
use crate::analysis::FileSummary;
use leptos::ev;
use leptos::prelude::*;
use web_sys::HtmlInputElement;

#[component]
pub fn Sources(state: State) -> impl IntoView {
    let lang = state.lang;
    let picked = move |ev: ev::Event| {
        let input: HtmlInputElement = event_target(&ev);
        load_files(state, files_of(input.files()));
        // Picking the same file again must fire `change` again.
        input.set_value("");
    };
    view! {
        <section class="panel sources">
            <h2>{move || Msg::DropTitle.text(lang.get())}</h2>
            <p class="muted">{move || Msg::DropFormats.text(lang.get())}</p>
            <div class="actions">
                <label class="button primary">
                    {move || Msg::ChooseFiles.text(lang.get())}
                    <input
                        type="file"
                        multiple
                        class="visually-hidden"
                        data-testid="file-input"
                        on:change=picked
                    />
                </label>
                <button
                    type="button"
                    class="button"
                    data-testid="sample-button"
                    on:click=move |_| load_sample(state)
                >
                    {move || Msg::TrySample.text(lang.get())}
                </button>
            </div>
            <ReadingProgress state=state />
            <FileList state=state />
        </section>
    }
}

#[component]
fn ReadingProgress(state: State) -> impl IntoView {
    move || {
        state.progress.get().map(|progress| {
            let percent = progress.percent.to_string();
            let text = fill(
                Msg::Reading,
                state.lang.get(),
                &[("file", &progress.file), ("percent", &percent)],
            );
            view! {
                <div class="progress" role="status" data-testid="progress">
                    <span>{text}</span>
                    <progress max="100" value=progress.percent></progress>
                </div>
            }
        })
    }
}

#[component]
fn FileList(state: State) -> impl IntoView {
    let files = move || state.analysis.with(|analysis| analysis.files.clone());
    view! {
        <Show when=move || state.analysis.with(|a| !a.files.is_empty())>
            <h3>{move || Msg::FilesHeading.text(state.lang.get())}</h3>
            <ul class="file-list">
                {move || {
                    files()
                        .into_iter()
                        .map(|file| view! { <FileItem state=state file=file /> })
                        .collect_view()
                }}
            </ul>
        </Show>
    }
}

#[component]
fn FileItem(state: State, file: FileSummary) -> impl IntoView {
    let stats = move || {
        let lines = grouped(file.lines);
        let kubelet = grouped(file.kubelet_lines);
        fill(
            Msg::FileStats,
            state.lang.get(),
            &[("lines", &lines), ("kubelet", &kubelet)],
        )
    };
    let warn = !file.issues.is_empty();
    view! {
        <li class:warn=warn>
            <span class="file-name" title=file.name.clone()>{file.name.clone()}</span>
            <span class="muted small">{stats}</span>
        </li>
    }
}
