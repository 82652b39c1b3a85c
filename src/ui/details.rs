//! The detail panel: every event of the opened second, with its source line as written: the
//! pod's events, then the node's under their own heading.

use super::i18n::{fill, Msg};
use super::model::{detail_rows, node_detail_rows, DetailRow};
use super::state::State;
use crate::i18n::Lang;
use leptos::html::Section;
use leptos::prelude::*;

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
        (!rows.is_empty() || !node_rows.is_empty()).then_some((iso, rows, node_rows))
    });
    move || {
        rows.get().map(|(iso, rows, node_rows)| {
            view! { <DetailPanel state=state iso=iso rows=rows node_rows=node_rows /> }
        })
    }
}

#[component]
fn DetailPanel(
    state: State,
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
    let title = move || {
        fill(
            Msg::DetailsTitle,
            lang.get(),
            &[("second", &iso.replace('T', " "))],
        )
    };
    view! {
        <section class="panel details" data-testid="details" aria-live="polite" node_ref=panel>
            <div class="panel-title">
                <h2>{title}</h2>
                <button type="button" class="button small" on:click=move |_| state.open.set(None)>
                    {move || Msg::Close.text(lang.get())}
                </button>
            </div>
            {(!rows.is_empty()).then(|| view! { <DetailTable lang=lang rows=rows testid="detail-row" /> })}
            {(!node_rows.is_empty()).then(|| view! {
                <h3 class="node-heading">{move || Msg::NodeHeading.text(lang.get())}</h3>
                <DetailTable lang=lang rows=node_rows testid="details-node-event" />
            })}
        </section>
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
