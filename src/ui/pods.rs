//! The pod list: every pod found, worst first, filtered by a text box; picking one draws it.

use super::i18n::{fill, Msg};
use super::model::{pod_rows, PodRow};
use super::state::State;
use crate::level::Level;
use leptos::prelude::*;

#[component]
pub fn PodList(state: State, pod: Memo<Option<usize>>) -> impl IntoView {
    let lang = state.lang;
    let rows = Memo::new(move |_| {
        state
            .query
            .with(|q| state.analysis.with(|a| pod_rows(a, q)))
    });
    let chosen = Memo::new(move |_| {
        let index = pod.get()?;
        state.analysis.with(|a| a.pods.get(index).map(|p| p.key()))
    });
    let total = move || state.analysis.with(|a| a.pods.len());
    let count = move || {
        let (matching, total) = (rows.with(Vec::len).to_string(), total().to_string());
        fill(
            Msg::PodCount,
            lang.get(),
            &[("matching", &matching), ("total", &total)],
        )
    };
    view! {
        <section class="panel pods">
            <div class="panel-title">
                <h2>{move || Msg::PodsHeading.text(lang.get())}</h2>
                <span class="muted small" data-testid="pod-count" class:hidden=move || total() == 0>
                    {count}
                </span>
            </div>
            <input
                type="search"
                class="search"
                data-testid="pod-search"
                placeholder=move || Msg::PodFilter.text(lang.get())
                aria-label=move || Msg::PodFilter.text(lang.get())
                prop:value=move || state.query.get()
                on:input=move |ev| state.query.set(event_target_value(&ev))
            />
            <ul class="pod-list" data-testid="pod-list">
                <For
                    each=move || rows.get()
                    key=|row| (row.key.clone(), row.counts)
                    children=move |row| view! { <PodItem state=state row=row chosen=chosen /> }
                />
            </ul>
            <p class="muted empty-note">{move || empty_note(state, total(), rows.with(Vec::len))}</p>
        </section>
    }
}

fn empty_note(state: State, total: usize, matching: usize) -> Option<&'static str> {
    let lang = state.lang.get();
    match (total, matching) {
        (0, _) => Some(Msg::NoPodsYet.text(lang)),
        (_, 0) => Some(Msg::NoPodMatch.text(lang)),
        _ => None,
    }
}

#[component]
fn PodItem(state: State, row: PodRow, chosen: Memo<Option<String>>) -> impl IntoView {
    let key = row.key.clone();
    let is_chosen = {
        let key = key.clone();
        move || chosen.with(|c| c.as_deref() == Some(key.as_str()))
    };
    let pick = {
        let key = key.clone();
        move |_| state.choose_pod(key.clone())
    };
    let worst = row.worst.map(Level::name).unwrap_or("None");
    let data_pod = key.clone();
    view! {
        <li>
            <button
                type="button"
                class="pod-item"
                class:chosen=is_chosen.clone()
                aria-pressed=move || is_chosen().to_string()
                data-testid="pod-item"
                data-pod=data_pod
                data-worst=worst
                on:click=pick
            >
                <span class=format!("dot level-{worst}") aria-hidden="true"></span>
                <span class="pod-key">
                    {key}
                    <Incarnations state=state count=row.incarnations />
                </span>
                <LevelCounts state=state counts=row.counts total=row.total />
            </button>
        </li>
    }
}

/// Says how many incarnations a pod deleted and recreated under the same name had.
#[component]
fn Incarnations(state: State, count: usize) -> impl IntoView {
    let lang = state.lang;
    (count > 1).then(|| {
        view! {
            <span
                class="incarnations"
                data-testid="pod-incarnations"
                title=move || Msg::IncarnationHint.text(lang.get())
            >
                {move || fill(Msg::Incarnations, lang.get(), &[("count", &count.to_string())])}
            </span>
        }
    })
}

#[component]
fn LevelCounts(state: State, counts: [usize; 5], total: usize) -> impl IntoView {
    let lang = state.lang;
    let badges = Level::ALL
        .into_iter()
        .rev()
        .filter(|level| counts[level.index()] > 0)
        .map(|level| {
            let count = counts[level.index()];
            let title = move || format!("{}: {count}", level.label(lang.get()));
            view! {
                <span class=format!("count level-{}", level.name()) title=title>
                    {count}
                </span>
            }
        })
        .collect_view();
    let title = move || {
        fill(
            Msg::EventCount,
            lang.get(),
            &[("count", &total.to_string())],
        )
    };
    view! {
        <span class="counts" title=title>
            {badges}
        </span>
    }
}
