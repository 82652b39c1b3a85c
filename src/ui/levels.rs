//! The level filter, which doubles as the legend: one checkbox per level beside its colour.

use super::i18n::Msg;
use super::state::State;
use crate::level::Level;
use leptos::prelude::*;

#[component]
pub fn LevelFilter(state: State) -> impl IntoView {
    view! {
        <fieldset class="panel level-filter" data-testid="level-filter">
            <legend>{move || Msg::LevelsHeading.text(state.lang.get())}</legend>
            {Level::ALL.into_iter().map(|level| view! { <LevelBox state=state level=level /> }).collect_view()}
        </fieldset>
    }
}

#[component]
fn LevelBox(state: State, level: Level) -> impl IntoView {
    let toggle = move |ev| {
        let on = event_target_checked(&ev);
        state
            .levels
            .update(|levels| *levels = levels.with(level, on));
    };
    view! {
        <label class="level-box">
            <input
                type="checkbox"
                data-level=level.name()
                prop:checked=move || state.levels.get().contains(level)
                on:change=toggle
            />
            <span class=format!("dot level-{}", level.name()) aria-hidden="true"></span>
            <span>{move || level.label(state.lang.get())}</span>
        </label>
    }
}
