//! The year control of a file entry in the Files panel, the page's form of the CLI's `--year`.
//! A Change button opens a small form for the year of the file's last line, and a Reset button
//! appears once the user has set one. Applying or resetting reads every loaded file again, with
//! the new year for this file only. For an archive the year applies to every log in it, because
//! the archive reader takes one year per file the user gave.

use crate::analysis::YearFrom;
use crate::ui::i18n::{fill, Msg};
use crate::ui::load::change_year;
use crate::ui::state::{FileKey, State};
use leptos::ev;
use leptos::html::{Button, Input};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::ops::RangeInclusive;

/// The years the form accepts.
const YEARS: RangeInclusive<i32> = 1970..=2100;

/// Parses a year typed by the user: exactly four ASCII digits, within [`YEARS`].
fn parse_year(text: &str) -> Option<i32> {
    let text = text.trim();
    if text.len() != 4 || !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    text.parse().ok().filter(|year| YEARS.contains(year))
}

/// The file entry a year control belongs to.
#[derive(Debug, Clone)]
pub struct YearTarget {
    /// The file the user gave, which the year is stored for.
    pub key: FileKey,
    /// The entry's name: the key's name, or `archive/member` for a log inside an archive.
    pub name: String,
    /// The year the engine took for the entry's last line, and its source.
    pub year: i32,
    pub year_from: YearFrom,
    /// The year the user set for the file, if any.
    pub set: Option<i32>,
    /// The entry's position in the Files panel, which makes element ids unique.
    pub index: usize,
}

impl YearTarget {
    fn in_archive(&self) -> bool {
        self.name != self.key.name
    }
}

/// Shows the Change button, the Reset button when the user has set a year, and the form.
#[component]
pub fn YearControl(state: State, target: YearTarget) -> impl IntoView {
    let lang = state.lang;
    let editing = RwSignal::new(false);
    let change = NodeRef::<Button>::new();
    let name = target.name.clone();
    let change_hint = move || fill(Msg::YearChangeHint, lang.get(), &[("file", &name)]);
    let reset = target.set.map(|_| {
        let key = target.key.clone();
        let name = target.name.clone();
        let hint = move || fill(Msg::YearResetHint, lang.get(), &[("file", &name)]);
        let on_click = move |_| read_with_year(state, key.clone(), None);
        view! {
            <button
                type="button"
                class="button small"
                data-testid="file-year-reset"
                aria-label=hint.clone()
                title=hint
                on:click=on_click
            >
                {move || Msg::YearReset.text(lang.get())}
            </button>
        }
    });
    view! {
        <span class="year-buttons" class:hidden=move || editing.get()>
            <button
                type="button"
                class="button small"
                data-testid="file-year-edit"
                aria-label=change_hint.clone()
                aria-expanded=move || editing.get().to_string()
                title=change_hint
                node_ref=change
                on:click=move |_| editing.set(true)
            >
                {move || Msg::YearChange.text(lang.get())}
            </button>
            {reset}
        </span>
        <Show when=move || editing.get()>
            <YearForm state=state target=target.clone() editing=editing change=change />
        </Show>
    }
}

/// Shows the form for a new year. Enter or Apply applies it, and Escape or Cancel closes it.
#[component]
fn YearForm(
    state: State,
    target: YearTarget,
    editing: RwSignal<bool>,
    change: NodeRef<Button>,
) -> impl IntoView {
    let lang = state.lang;
    let field = NodeRef::<Input>::new();
    let invalid = RwSignal::new(false);
    Effect::new(move |_| {
        if let Some(input) = field.get() {
            let _ = input.focus();
            input.select();
        }
    });

    let close = move || close_form(editing, change);
    let key = target.key.clone();
    let apply = move || {
        let text = field.get_untracked().map(|input| input.value());
        match text.as_deref().and_then(parse_year) {
            Some(year) => {
                editing.set(false);
                read_with_year(state, key.clone(), Some(year));
            }
            None => {
                invalid.set(true);
                if let Some(input) = field.get_untracked() {
                    let _ = input.focus();
                }
            }
        }
    };
    let on_submit = move |ev: ev::SubmitEvent| {
        ev.prevent_default();
        apply();
    };
    let on_keydown = move |ev: ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            close();
        }
    };

    let error_id = format!("file-year-error-{}", target.index);
    let hint_id = format!("file-year-hint-{}", target.index);
    let described_by = format!("{hint_id} {error_id}");
    view! {
        <form class="year-form" novalidate data-testid="file-year-form" on:submit=on_submit on:keydown=on_keydown>
            <label>
                <span>{move || Msg::YearInput.text(lang.get())}</span>
                <input
                    type="number"
                    inputmode="numeric"
                    min=YEARS.start().to_string()
                    max=YEARS.end().to_string()
                    step="1"
                    data-testid="file-year-input"
                    prop:value=target.year.to_string()
                    aria-invalid=move || invalid.get().to_string()
                    aria-describedby=described_by
                    node_ref=field
                    on:input=move |_| invalid.set(false)
                />
            </label>
            <button type="submit" class="button small primary" data-testid="file-year-apply">
                {move || Msg::YearApply.text(lang.get())}
            </button>
            <button type="button" class="button small" data-testid="file-year-cancel" on:click=move |_| close()>
                {move || Msg::YearCancel.text(lang.get())}
            </button>
            <p class="year-error" role="alert" id=error_id data-testid="file-year-error" class:hidden=move || !invalid.get()>
                {move || Msg::YearInvalid.text(lang.get())}
            </p>
            <YearHints lang=lang target=target hint_id=hint_id />
        </form>
    }
}

/// Closes the year form and gives the focus back to the Change button.
fn close_form(editing: RwSignal<bool>, change: NodeRef<Button>) {
    editing.set(false);
    // The Change button is shown again only once the page has rendered.
    request_animation_frame(move || {
        if let Some(button) = change.get_untracked() {
            let _ = button.focus();
        }
    });
}

/// Says where a year the user sets does not reach: lines that state their own year, and the
/// other logs of an archive, which take the same year.
#[component]
fn YearHints(
    lang: RwSignal<crate::i18n::Lang>,
    target: YearTarget,
    hint_id: String,
) -> impl IntoView {
    let states_year = matches!(target.year_from, YearFrom::Stamps | YearFrom::Header);
    let archive = target.in_archive().then(|| target.key.name.clone());
    let own_wins =
        (states_year || archive.is_some()).then_some(move || Msg::YearOwnWins.text(lang.get()));
    let empty = own_wins.is_none();
    let whole_archive =
        archive.map(|file| move || fill(Msg::YearWholeArchive, lang.get(), &[("file", &file)]));
    view! {
        <p class="muted small year-hint" class:hidden=empty id=hint_id data-testid="file-year-hint">
            {whole_archive}
            " "
            {own_wins}
        </p>
    }
}

/// Stores `year` for the file `key` and reads the files again. The read starts after the
/// current event handler, because it replaces the file entry whose button was clicked.
fn read_with_year(state: State, key: FileKey, year: Option<i32>) {
    spawn_local(async move { change_year(state, &key, year) });
}

#[cfg(test)]
mod tests {
    use super::parse_year;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn parse_year_accepts_four_digits_in_range() {
        assert_eq!(parse_year("2024"), Some(2024));
        assert_eq!(parse_year(" 1970 "), Some(1970));
        assert_eq!(parse_year("2100"), Some(2100));
    }

    #[wasm_bindgen_test]
    fn parse_year_rejects_other_text() {
        for text in [
            "", "99", "1969", "2101", "02024", "20.4", "2e03", "-2024", "abcd",
        ] {
            assert_eq!(parse_year(text), None, "{text:?}");
        }
    }
}
