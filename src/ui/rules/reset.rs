//! The Reset to built-in button. When the reset would discard an edited or saved table, the
//! button first turns into a question with a confirm and a cancel button, inside the panel.

use crate::ui::i18n::Msg;
use crate::ui::rules_store::{self, RulesProblem};
use crate::ui::state::State;
use leptos::html::Button;
use leptos::prelude::*;

#[component]
pub fn ResetButton(state: State, problem: RwSignal<Option<RulesProblem>>) -> impl IntoView {
    let lang = state.lang;
    let asking = RwSignal::new(false);
    let reset_button = NodeRef::<Button>::new();
    let cancel_button = NodeRef::<Button>::new();
    let ask = move |_| {
        if rules_store::has_changes(state) {
            asking.set(true);
            focus_later(cancel_button);
        } else {
            rules_store::reset(state, problem);
        }
    };
    let answer = move |discard: bool| {
        asking.set(false);
        if discard {
            rules_store::reset(state, problem);
        }
        focus_later(reset_button);
    };
    let escape = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            answer(false);
        }
    };
    view! {
        <button
            type="button"
            class="button"
            data-testid="rules-reset"
            class:hidden=move || asking.get()
            node_ref=reset_button
            on:click=ask
        >
            {move || Msg::RulesReset.text(lang.get())}
        </button>
        <span
            class="reset-ask"
            role="group"
            aria-labelledby="rules-reset-question"
            data-testid="rules-reset-ask"
            class:hidden=move || !asking.get()
            on:keydown=escape
        >
            <span id="rules-reset-question">{move || Msg::RulesResetAsk.text(lang.get())}</span>
            <button
                type="button"
                class="button danger"
                data-testid="rules-reset-confirm"
                on:click=move |_| answer(true)
            >
                {move || Msg::RulesResetConfirm.text(lang.get())}
            </button>
            <button
                type="button"
                class="button"
                data-testid="rules-reset-cancel"
                node_ref=cancel_button
                on:click=move |_| answer(false)
            >
                {move || Msg::RulesResetCancel.text(lang.get())}
            </button>
        </span>
    }
}

/// Focuses `button` after the next paint, once the toggled `hidden` class has made it visible.
fn focus_later(button: NodeRef<Button>) {
    request_animation_frame(move || {
        if let Some(button) = button.get_untracked() {
            if let Err(error) = button.focus() {
                leptos::logging::error!("focusing a Rules panel button failed: {error:?}");
            }
        }
    });
}
