//! One row of the pod list, which shows whichever pod is at its position and updates its text
//! and attributes in place when that changes. While a file is read, the counts and the order
//! change every few hundred milliseconds, and making the rows again each time kept the page's
//! main thread busy for up to a tenth of a second.

use super::i18n::{fill, Msg};
use super::model::PodRow;
use super::pod_slots::Slot;
use super::state::State;
use crate::i18n::Lang;
use crate::level::Level;
use leptos::prelude::*;

/// The row at one position of the list, showing the pod that `shown` names.
#[component]
pub fn PodItem(state: State, shown: RwSignal<Slot>) -> impl IntoView {
    let chosen = move || shown.with(|slot| slot.chosen);
    let pick = move |_| state.choose_pod(shown.with_untracked(|slot| slot.row.key.clone()));
    let key = move || shown.with(|slot| slot.row.key.clone());
    let worst = move || shown.with(|slot| slot.row.worst.map(Level::name).unwrap_or("None"));
    // Each closure below draws a view of the same shape from `shown`, so a change of pod or
    // counts updates the row's elements in place instead of making new ones.
    view! {
        <li>
            <button
                type="button"
                class="pod-item"
                class:chosen=chosen
                aria-pressed=move || chosen().to_string()
                data-testid="pod-item"
                data-pod=key
                data-worst=worst
                on:click=pick
            >
                <span class=move || format!("dot level-{}", worst()) aria-hidden="true"></span>
                <span class="pod-key">
                    {key}
                    {move || shown.with(|slot| incarnations_view(slot.row.incarnations, slot.lang))}
                </span>
                {move || shown.with(|slot| counts_view(&slot.row, slot.lang))}
            </button>
        </li>
    }
}

/// Says how many incarnations a pod deleted and recreated under the same name had.
fn incarnations_view(count: usize, lang: Lang) -> impl IntoView {
    (count > 1).then(|| {
        let text = fill(Msg::Incarnations, lang, &[("count", &count.to_string())]);
        view! {
            <span
                class="incarnations"
                data-testid="pod-incarnations"
                title=Msg::IncarnationHint.text(lang)
            >
                {text}
            </span>
        }
    })
}

/// Draws the pod's event counts, one badge per level that has events, worst first.
fn counts_view(row: &PodRow, lang: Lang) -> impl IntoView {
    let badges: Vec<_> = Level::ALL
        .into_iter()
        .rev()
        .filter(|level| row.counts[level.index()] > 0)
        .map(|level| {
            let count = row.counts[level.index()];
            view! {
                <span
                    class=format!("count level-{}", level.name())
                    title=format!("{}: {count}", level.label(lang))
                >
                    {count}
                </span>
            }
        })
        .collect();
    let title = fill(Msg::EventCount, lang, &[("count", &row.total.to_string())]);
    view! { <span class="counts" title=title>{badges}</span> }
}
