//! The choices that apply to what the page shares: which seconds the picture exports show, and
//! the redact switch, which every export and the clipboard copy honour. The switch is kept in
//! localStorage like the language.

use super::i18n::Msg;
use super::state::State;
use crate::analysis::Analysis;
use leptos::prelude::*;

const REDACT_KEY: &str = "podlife.redact";

/// The seconds that the SVG and PNG exports show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ExportScope {
    /// Every second of the lifecycle at the levels shown.
    #[default]
    Whole,
    /// The seconds of the timeline's current window.
    Window,
}

impl ExportScope {
    /// Returns the `value` of the scope's `<option>`.
    pub fn value(self) -> &'static str {
        match self {
            ExportScope::Whole => "whole",
            ExportScope::Window => "window",
        }
    }

    fn from_value(value: &str) -> ExportScope {
        match value {
            "window" => ExportScope::Window,
            _ => ExportScope::Whole,
        }
    }

    fn label(self) -> Msg {
        match self {
            ExportScope::Whole => Msg::ScopeWhole,
            ExportScope::Window => Msg::ScopeWindow,
        }
    }
}

/// Calls `render` with the analysis to share: a redacted copy while the redact switch is on,
/// else the page's analysis itself.
pub fn with_shared_analysis<R>(state: State, render: impl FnOnce(&Analysis) -> R) -> R {
    let redact = state.redact.get_untracked();
    state.analysis.with_untracked(|analysis| {
        if redact {
            render(&crate::export::redacted(analysis))
        } else {
            render(analysis)
        }
    })
}

/// Returns the redact switch as this browser last left it; off when it was never set.
pub fn stored_redact() -> bool {
    storage()
        .and_then(|storage| storage.get_item(REDACT_KEY).ok().flatten())
        .is_some_and(|value| value == "on")
}

fn store_redact(on: bool) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(REDACT_KEY, if on { "on" } else { "off" });
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Renders the choice between the whole lifecycle and the current window for picture exports.
#[component]
pub fn ScopeChoice(state: State, scope: RwSignal<ExportScope>) -> impl IntoView {
    let lang = state.lang;
    let options = [ExportScope::Whole, ExportScope::Window]
        .into_iter()
        .map(|choice| {
            view! {
                <option value=choice.value() selected=move || scope.get() == choice>
                    {move || choice.label().text(lang.get())}
                </option>
            }
        })
        .collect_view();
    view! {
        <label class="export-scope" title=move || Msg::ScopeHint.text(lang.get())>
            <span>{move || Msg::ScopeLabel.text(lang.get())}</span>
            <select
                data-testid="export-scope"
                prop:value=move || scope.get().value()
                on:change=move |ev| scope.set(ExportScope::from_value(&event_target_value(&ev)))
            >
                {options}
            </select>
        </label>
    }
}

/// Renders the redact switch with a line that states what it replaces.
#[component]
pub fn RedactSwitch(state: State) -> impl IntoView {
    let lang = state.lang;
    let toggle = move |ev| {
        let on = event_target_checked(&ev);
        state.redact.set(on);
        store_redact(on);
    };
    view! {
        <div class="redact">
            <label>
                <input
                    type="checkbox"
                    data-testid="redact-exports"
                    prop:checked=move || state.redact.get()
                    on:change=toggle
                />
                {move || Msg::RedactExports.text(lang.get())}
            </label>
            <p class="muted small">{move || Msg::RedactHint.text(lang.get())}</p>
        </div>
    }
}
