//! The range slider under the timeline. It moves a window of as many marks as fit the panel
//! across the lifecycle, and is hidden when the whole lifecycle fits in one window.

use super::i18n::{fill, Msg};
use super::model::TimelineModel;
use super::state::State;
use crate::i18n::Lang;
use leptos::prelude::*;

#[component]
pub fn Slider(state: State, timeline: Memo<Option<TimelineModel>>) -> impl IntoView {
    let lang = state.lang;
    let max = move || timeline.with(|m| m.as_ref().map_or(0, |m| m.slider_max));
    let fits = move || max() == 0;
    let range = move || timeline.with(|m| m.as_ref().map(|m| (m.first.clone(), m.last.clone())));
    let note = move || timeline.with(|m| m.as_ref().map(|m| window_note(m, lang.get())));
    view! {
        <div class="slider" class:fits=fits class:hidden=move || timeline.with(Option::is_none)>
            <label for="window-slider" class:hidden=fits>
                {move || Msg::WindowLabel.text(lang.get())}
            </label>
            <span class="window-time" data-testid="window-start">
                {move || range().map(|r| r.0)}
            </span>
            <span class="window-dash" aria-hidden="true">"–"</span>
            <input
                id="window-slider"
                type="range"
                data-testid="range-slider"
                class:hidden=fits
                min="0"
                max=move || max().to_string()
                step="1"
                disabled=fits
                prop:value=move || state.slider.get().to_string()
                on:input=move |ev| {
                    state.slider.set(event_target_value(&ev).parse().unwrap_or(0))
                }
            />
            <span class="window-time" data-testid="window-end">
                {move || range().map(|r| r.1)}
            </span>
            <span class="muted small window-note" data-testid="window-note">{note}</span>
        </div>
    }
}

/// Says what the window shows: everything in one window, the whole lifecycle with the
/// window size, or which marks of how many.
fn window_note(model: &TimelineModel, lang: Lang) -> String {
    let total = model.total.to_string();
    if model.slider_max == 0 {
        return Msg::WindowFits.text(lang).to_string();
    }
    if model.window.is_whole(model.total) {
        let size = model.window_size.to_string();
        return fill(
            Msg::WindowWhole,
            lang,
            &[("total", &total), ("size", &size)],
        );
    }
    let first = (model.window.start + 1).to_string();
    let last = model.window.end().to_string();
    fill(
        Msg::WindowOf,
        lang,
        &[("first", &first), ("last", &last), ("total", &total)],
    )
}
