//! The detail panel: every event of the opened second, with its source line as written: the
//! pod's events, then the node's under their own heading.

use super::clipboard::copy_text;
use super::i18n::{fill, Msg};
use super::model::{detail_rows, node_detail_rows, DetailRow};
use super::share::with_shared_analysis;
use super::state::State;
use crate::i18n::Lang;
use leptos::html::Section;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn Details(state: State, pod: Memo<Option<usize>>) -> impl IntoView {
    let rows = Memo::new(move |_| {
        let (index, iso) = (pod.get()?, state.open.get()?);
        let (levels, lang) = (state.levels.get(), state.lang.get());
        let (rows, node_rows) = state.analysis.with(|a| {
            (
                detail_rows(a, index, levels, &iso, lang),
                node_detail_rows(a, index, levels, &iso, lang),
            )
        });
        (!rows.is_empty() || !node_rows.is_empty()).then_some((index, iso, rows, node_rows))
    });
    move || {
        rows.get().map(|(pod, iso, rows, node_rows)| {
            view! { <DetailPanel state=state pod=pod iso=iso rows=rows node_rows=node_rows /> }
        })
    }
}

#[component]
fn DetailPanel(
    state: State,
    pod: usize,
    iso: String,
    rows: Vec<DetailRow>,
    node_rows: Vec<DetailRow>,
) -> impl IntoView {
    let lang = state.lang;
    let panel = NodeRef::<Section>::new();
    Effect::new(move |_| {
        if let Some(panel) = panel.get() {
            bring_into_view(&panel);
        }
    });
    let second = iso.replace('T', " ");
    let title = move || fill(Msg::DetailsTitle, lang.get(), &[("second", &second)]);
    view! {
        <section class="panel details" data-testid="details" aria-live="polite" node_ref=panel>
            <div class="panel-title">
                <h2>{title}</h2>
                <div class="actions">
                    <CopyButton state=state pod=pod iso=iso />
                    <button type="button" class="button small" on:click=move |_| state.open.set(None)>
                        {move || Msg::Close.text(lang.get())}
                    </button>
                </div>
            </div>
            {(!rows.is_empty()).then(|| view! { <DetailTable lang=lang rows=rows testid="detail-row" /> })}
            {(!node_rows.is_empty()).then(|| view! {
                <h3 class="node-heading">{move || Msg::NodeHeading.text(lang.get())}</h3>
                <DetailTable lang=lang rows=node_rows testid="details-node-event" />
            })}
        </section>
    }
}

/// Copies the second's events as plain text, redacted when the switch is on. Its text shows
/// whether the copy worked until another second is opened.
#[component]
fn CopyButton(state: State, pod: usize, iso: String) -> impl IntoView {
    let lang = state.lang;
    let outcome = RwSignal::new(None::<bool>);
    let copy = move |_| {
        let (levels, lang) = (state.levels.get_untracked(), lang.get_untracked());
        let text = with_shared_analysis(state, |analysis| {
            crate::export::second_text(analysis, pod, levels, &iso, lang)
        });
        let Some(text) = text else {
            return;
        };
        spawn_local(async move {
            let copied = copy_text(&text).await;
            if let Err(error) = &copied {
                leptos::logging::error!("copying the second failed: {error:?}");
            }
            outcome.set(Some(copied.is_ok()));
        });
    };
    let label = move || match outcome.get() {
        None => Msg::CopySecond,
        Some(true) => Msg::Copied,
        Some(false) => Msg::CopyFailed,
    };
    view! {
        <button
            type="button"
            class="button small"
            data-testid="copy-second"
            data-copied=move || outcome.get().map(|copied| copied.to_string())
            title=move || Msg::CopySecondHint.text(lang.get())
            on:click=copy
        >
            {move || label().text(lang.get())}
        </button>
    }
}

/// Lists events with their source lines; `testid` names each event's `<tbody>`.
#[component]
fn DetailTable(lang: RwSignal<Lang>, rows: Vec<DetailRow>, testid: &'static str) -> impl IntoView {
    view! {
        <table class="detail-table">
            <thead>
                <tr>
                    <th>{move || Msg::ColTime.text(lang.get())}</th>
                    <th>{move || Msg::ColLevel.text(lang.get())}</th>
                    <th>{move || Msg::ColEvent.text(lang.get())}</th>
                    <th>{move || Msg::ColContainer.text(lang.get())}</th>
                    <th>{move || Msg::ColSource.text(lang.get())}</th>
                </tr>
            </thead>
            {rows
                .into_iter()
                .map(|row| view! { <DetailRowView lang=lang row=row testid=testid /> })
                .collect_view()}
        </table>
    }
}

/// Scrolls the page just enough to show the top of a panel that opened below the fold.
fn bring_into_view(panel: &web_sys::Element) {
    let below = web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .is_some_and(|height| panel.get_bounding_client_rect().top() > height - 80.0);
    if below {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        panel.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

#[component]
fn DetailRowView(lang: RwSignal<Lang>, row: DetailRow, testid: &'static str) -> impl IntoView {
    let DetailRow {
        time,
        level,
        kind,
        container,
        file,
        line,
        text,
        incarnation,
    } = row;
    let place = move || fill(Msg::LineNumber, lang.get(), &[("line", &line.to_string())]);
    view! {
        <tbody class="detail-row" data-testid=testid data-line=line data-level=level.name()>
            <tr>
                <td class="mono nowrap">{time.replace('T', " ")}</td>
                <td class="nowrap">
                    <span class=format!("dot level-{}", level.name()) aria-hidden="true"></span>
                    {move || level.label(lang.get())}
                </td>
                <td>
                    {kind}
                    {incarnation.map(|tag| view! {
                        <span
                            class="incarnation-tag"
                            data-testid="detail-incarnation"
                            title=move || Msg::IncarnationHint.text(lang.get())
                        >
                            {tag}
                        </span>
                    })}
                </td>
                <td class="mono">{container.unwrap_or_else(|| "—".to_string())}</td>
                <td class="source">
                    <span class="file-name">{file}</span>
                    " "
                    <span class="muted">{place}</span>
                </td>
            </tr>
            <tr class="raw">
                <td colspan="5">
                    <code class="raw-line" aria-label=move || Msg::ColRaw.text(lang.get())>{text}</code>
                </td>
            </tr>
        </tbody>
    }
}
