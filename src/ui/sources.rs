//! The input panel: the file picker, the sample button, the reading progress, and the files
//! read (each log of an archive on its own row, as `bundle.tar.gz/var/log/messages`) with the
//! year taken for each, a control that changes that year, and a button that clears them all.

mod year;

use super::i18n::{fill, grouped, Msg};
use super::load::{clear_all, load_files, load_sample};
use super::progress::ReadingProgress;
use super::read::files_of;
use super::state::{LoadedFile, State, YearOrigin};
use crate::analysis::{FileSummary, YearFrom};
use crate::input::archive::TimeSource;
use leptos::ev;
use leptos::prelude::*;
use web_sys::HtmlInputElement;
use year::{YearControl, YearTarget};

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
fn FileList(state: State) -> impl IntoView {
    let lang = state.lang;
    let files = move || state.analysis.with(|analysis| analysis.files.clone());
    let busy = move || {
        state.analysis.with(|a| !a.files.is_empty()) || state.progress.with(Option::is_some)
    };
    view! {
        <Show when=busy>
            <div class="panel-title files-title">
                <h3>{move || Msg::FilesHeading.text(lang.get())}</h3>
                <button
                    type="button"
                    class="button small"
                    data-testid="clear-files"
                    title=move || Msg::ClearAllHint.text(lang.get())
                    on:click=move |_| clear_all(state)
                >
                    {move || Msg::ClearAll.text(lang.get())}
                </button>
            </div>
            <ul class="file-list">
                {move || {
                    files()
                        .into_iter()
                        .enumerate()
                        .filter(|(_, file)| !crate::analysis::is_skipped(file))
                        .map(|(index, file)| view! { <FileItem state=state index=index file=file /> })
                        .collect_view()
                }}
                {move || skipped_rows(&files(), lang.get())}
            </ul>
        </Show>
    }
}

/// Writes one row per bundle for its members that hold no kubelet line, in place of a row each.
fn skipped_rows(files: &[FileSummary], lang: crate::i18n::Lang) -> impl IntoView {
    crate::analysis::skipped_members(files)
        .into_iter()
        .map(|(bundle, members)| {
            let text = crate::analysis::skipped_members_message(bundle, &members, lang);
            view! { <li class="muted small" data-testid="file-skipped">{text}</li> }
        })
        .collect_view()
}

#[component]
fn FileItem(state: State, index: usize, file: FileSummary) -> impl IntoView {
    let stats = move || {
        let lines = grouped(file.lines);
        let kubelet = grouped(file.kubelet_lines);
        fill(
            Msg::FileStats,
            state.lang.get(),
            &[("lines", &lines), ("kubelet", &kubelet)],
        )
    };
    let loaded = state
        .loaded
        .with_untracked(|loaded| loaded.get(index).cloned());
    let origin = loaded.as_ref().map(|loaded| loaded.year_origin);
    let (year, year_from) = (file.year, file.year_from);
    let year_text = move || year_note(year, year_from, origin, state.lang.get());
    // A file that gave nothing, such as a skipped archive member, has no line to date.
    let unread = file.lines == 0 || file.issues.iter().any(|issue| issue.is_fatal());
    let warn = !file.issues.is_empty();
    let control = loaded
        .filter(|_| !unread)
        .and_then(|loaded| year_target(loaded, &file, index))
        .map(|target| view! { <YearControl state=state target=target /> });
    view! {
        <li class:warn=warn data-testid="file-item">
            <span class="file-name" title=file.name.clone()>{file.name.clone()}</span>
            <span class="muted small">{stats}</span>
            <div class="file-year-row">
                <span class="muted small" class:hidden=unread data-testid="file-year">{year_text}</span>
                {control}
            </div>
        </li>
    }
}

/// Describes the entry `file` for its year control. The sample has none, because it is read
/// with a fixed year.
fn year_target(loaded: LoadedFile, file: &FileSummary, index: usize) -> Option<YearTarget> {
    let set = match loaded.year_origin {
        YearOrigin::Given { year } => Some(year),
        YearOrigin::Sample | YearOrigin::FileDate { .. } => None,
    };
    Some(YearTarget {
        key: loaded.key?,
        name: file.name.clone(),
        year: file.year,
        year_from: file.year_from,
        set,
        index,
    })
}

/// Says which year the engine took for a file's last line, and why. The engine prefers what
/// the log states (its stamps, then a klog header) to the year the page gave it, even to a
/// year the user set.
fn year_note(
    year: i32,
    year_from: YearFrom,
    origin: Option<YearOrigin>,
    lang: crate::i18n::Lang,
) -> String {
    let set = match origin {
        Some(YearOrigin::Given { year }) => Some(year),
        _ => None,
    };
    let msg = match (year_from, set) {
        (YearFrom::Stamps, None) => Msg::YearFromStamps,
        (YearFrom::Stamps, Some(_)) => Msg::YearStampsOverSet,
        (YearFrom::Header, None) => Msg::YearFromHeader,
        (YearFrom::Header, Some(_)) => Msg::YearHeaderOverSet,
        (YearFrom::Given | YearFrom::FileDate, _) => given_year_note(year, origin),
    };
    let set = set.map(|year| year.to_string()).unwrap_or_default();
    fill(msg, lang, &[("year", &year.to_string()), ("set", &set)])
}

/// Picks the note for a year that came from the page: the sample's fixed year, the user's
/// year or a file date.
fn given_year_note(year: i32, origin: Option<YearOrigin>) -> Msg {
    match origin {
        Some(YearOrigin::Sample) => Msg::YearSample,
        Some(YearOrigin::Given { .. }) => Msg::YearSetByYou,
        Some(YearOrigin::FileDate { year: dated, .. }) if dated != year => Msg::YearBeforeDate,
        Some(YearOrigin::FileDate { source, .. }) => match source {
            TimeSource::FileName => Msg::YearFromName,
            TimeSource::ArchiveMember => Msg::YearFromMember,
            TimeSource::GzipHeader => Msg::YearFromGzip,
            TimeSource::File => Msg::YearFromDate,
        },
        None => Msg::YearFromDate,
    }
}
