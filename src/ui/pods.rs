//! The pod list: every pod found, worst first and then by name, filtered by a text box;
//! picking one draws it. While a file is read, the list grows as the parse worker finds pods.

use super::i18n::{fill, Msg};
use super::model::{pod_rows, PodRow};
use super::pod_item::PodItem;
use super::pod_slots::PodSlots;
use super::state::State;
use crate::analysis::natural_cmp;
use leptos::prelude::*;
use std::cmp::Reverse;

#[component]
pub fn PodList(state: State, pod: Memo<Option<usize>>) -> impl IntoView {
    let lang = state.lang;
    let rows = Memo::new(move |_| {
        let mut rows = state
            .query
            .with(|q| state.analysis.with(|a| pod_rows(a, q)));
        sort_rows(&mut rows);
        rows
    });
    let chosen = Memo::new(move |_| {
        let index = pod.get()?;
        state.analysis.with(|a| a.pods.get(index).map(|p| p.key()))
    });
    let slots = PodSlots::follow(rows, lang, chosen);
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
                // Each element shows the row at its position, so when rows change places
                // only their text and attributes change, and no element moves.
                <For
                    each=move || slots.drawn()
                    key=|position| *position
                    children=move |position| view! { <PodItem state=state shown=slots.at(position) /> }
                />
            </ul>
            <p class="muted empty-note">{move || empty_note(state, total(), rows.with(Vec::len))}</p>
        </section>
    }
}

/// Orders rows as [`Analysis::pods_by_severity`](crate::analysis::Analysis::pods_by_severity)
/// does: worst first, then most events, then by name in [`natural_cmp`] order.
fn sort_rows(rows: &mut [PodRow]) {
    rows.sort_by(|a, b| {
        Reverse(a.worst)
            .cmp(&Reverse(b.worst))
            .then_with(|| b.total.cmp(&a.total))
            .then_with(|| natural_cmp(&a.key, &b.key))
    });
}

fn empty_note(state: State, total: usize, matching: usize) -> Option<&'static str> {
    let lang = state.lang.get();
    match (total, matching) {
        (0, _) => Some(Msg::NoPodsYet.text(lang)),
        (_, 0) => Some(Msg::NoPodMatch.text(lang)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::{natural_cmp, sort_rows, PodRow};
    use crate::level::Level;
    use std::cmp::Ordering;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn sorted(names: &[&str]) -> Vec<String> {
        let mut names: Vec<String> = names.iter().map(|name| name.to_string()).collect();
        names.sort_by(|a, b| natural_cmp(a, b));
        names
    }

    #[wasm_bindgen_test]
    fn numbers_sort_by_value() {
        assert_eq!(
            sorted(&["default/app-1001", "default/app-1", "default/app-101"]),
            ["default/app-1", "default/app-101", "default/app-1001"]
        );
        assert_eq!(
            sorted(&["web-10-b", "web-9-c", "web-10-a"]),
            ["web-9-c", "web-10-a", "web-10-b"]
        );
    }

    #[wasm_bindgen_test]
    fn natural_cmp_edge_cases() {
        let cases = [
            ("app", "app-1", Ordering::Less),
            ("app-1", "app-a", Ordering::Less),
            ("app-01", "app-1", Ordering::Less),
            ("app-1", "app-01", Ordering::Greater),
            ("app-007", "app-7x", Ordering::Less),
            ("a/x-2", "b/x-1", Ordering::Less),
            (
                "pod-18446744073709551616",
                "pod-18446744073709551615",
                Ordering::Greater,
            ),
            ("same-3", "same-3", Ordering::Equal),
            ("日志-2", "日志-10", Ordering::Less),
        ];
        for (a, b, expected) in cases {
            assert_eq!(natural_cmp(a, b), expected, "{a} against {b}");
        }
    }

    #[wasm_bindgen_test]
    fn rows_worst_first_then_name() {
        let row = |key: &str, worst: Option<Level>| PodRow {
            key: key.to_string(),
            worst,
            counts: [0; 5],
            total: 0,
            incarnations: 1,
        };
        let mut rows = vec![
            row("default/app-1001", Some(Level::Warning)),
            row("default/app-2", None),
            row("default/app-101", Some(Level::Warning)),
            row("default/app-1", Some(Level::Warning)),
            row("default/app-3", Some(Level::Error)),
        ];
        sort_rows(&mut rows);
        let keys: Vec<&str> = rows.iter().map(|row| row.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "default/app-3",
                "default/app-1",
                "default/app-101",
                "default/app-1001",
                "default/app-2",
            ]
        );
    }
}
