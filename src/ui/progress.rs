//! The reading progress: the file under way, a bar, the bytes read, the rate and the time
//! left, and a button that cancels the read. It also publishes the parse figures on
//! `document.body` for the browser benchmark:
//!
//! - `data-worker-wasm-bytes`, `data-worker-wasm-peak`: the parse worker's WebAssembly memory
//!   in bytes, now and at most. A worker's memory never shrinks, so the two differ only when a
//!   worker stopped before had more.
//! - `data-js-heap-bytes`, `data-js-heap-peak`: the page's JS heap in bytes
//!   (`performance.memory.usedJSHeapSize`, which only Chromium has), at the last reply and at
//!   most.
//! - `data-parse-bytes`, `data-parse-ms`: the size of the last file read to its end and the
//!   milliseconds the worker took for it.

use super::i18n::{fill, Msg};
use super::load::cancel;
use super::state::{Progress, Reading, State};
use crate::i18n::Lang;
use crate::worker::protocol;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

const MB: f64 = 1_000_000.0;

#[component]
pub fn ReadingProgress(state: State) -> impl IntoView {
    let lang = state.lang;
    move || {
        let Some(Progress::Reading(reading)) = state.progress.get() else {
            return None;
        };
        let percent = percent_of(&reading);
        let text = fill(
            Msg::Reading,
            lang.get(),
            &[("file", &reading.file), ("percent", &percent.to_string())],
        );
        let figures = figures_text(&reading, lang.get());
        Some(view! {
            <div
                class="progress"
                role="status"
                data-testid="progress"
                data-bytes-read=reading.read.to_string()
                data-bytes-total=reading.total.to_string()
            >
                <span>{text}</span>
                <progress max="100" value=percent></progress>
                <div class="progress-row">
                    <span class="muted small" data-testid="progress-figures">{figures}</span>
                    <button
                        type="button"
                        class="button small"
                        data-testid="cancel-parse"
                        title=move || Msg::CancelParseHint.text(lang.get())
                        on:click=move |_| cancel(state)
                    >
                        {move || Msg::CancelParse.text(lang.get())}
                    </button>
                </div>
            </div>
        })
    }
}

fn percent_of(reading: &Reading) -> u32 {
    if reading.total == 0 {
        return 0;
    }
    (reading.read.saturating_mul(100) / reading.total) as u32
}

/// How much must be read, and for how long, before the rate and the time left are shown.
const RATE_MIN_BYTES: u64 = 1 << 20;
const RATE_MIN_MS: f64 = 300.0;

/// Writes "120.5 of 300.0 MB, 85.2 MB/s, 2 s left", or only the bytes before the rate is known.
fn figures_text(reading: &Reading, lang: Lang) -> String {
    let read = format!("{:.1}", reading.read as f64 / MB);
    let total = format!("{:.1}", reading.total as f64 / MB);
    // The first replies come before much is read, when a rate would mislead.
    if reading.read < RATE_MIN_BYTES || reading.elapsed_ms < RATE_MIN_MS {
        return fill(
            Msg::ReadingBytes,
            lang,
            &[("read", &read), ("total", &total)],
        );
    }
    let per_ms = reading.read as f64 / reading.elapsed_ms;
    let rate = format!("{:.1}", per_ms * 1000.0 / MB);
    let left_ms = reading.total.saturating_sub(reading.read) as f64 / per_ms;
    let left = duration_text(left_ms / 1000.0, lang);
    fill(
        Msg::ReadingFigures,
        lang,
        &[
            ("read", &read),
            ("total", &total),
            ("rate", &rate),
            ("left", &left),
        ],
    )
}

/// Writes a duration in whole seconds, with minutes from one minute on.
fn duration_text(seconds: f64, lang: Lang) -> String {
    let seconds = seconds.ceil() as u64;
    if seconds < 60 {
        return fill(Msg::Seconds, lang, &[("seconds", &seconds.to_string())]);
    }
    let (minutes, seconds) = ((seconds / 60).to_string(), (seconds % 60).to_string());
    fill(
        Msg::MinutesSeconds,
        lang,
        &[("minutes", &minutes), ("seconds", &seconds)],
    )
}

/// Writes the memory figures, and with `done` the figures of a finished read, on
/// `document.body`, as the module documentation lists.
pub fn publish_figures(wasm_bytes: f64, done: Option<protocol::Progress>) {
    let Some(body) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.body())
    else {
        return;
    };
    let set = |name: &str, value: f64| {
        let _ = body.set_attribute(name, &format!("{value:.0}"));
    };
    let peak = |name: &str, value: f64| {
        let known = body
            .get_attribute(name)
            .and_then(|text| text.parse::<f64>().ok())
            .unwrap_or(0.0);
        set(name, known.max(value));
    };
    set("data-worker-wasm-bytes", wasm_bytes);
    peak("data-worker-wasm-peak", wasm_bytes);
    if let Some(heap) = js_heap_bytes() {
        set("data-js-heap-bytes", heap);
        peak("data-js-heap-peak", heap);
    }
    if let Some(done) = done {
        set("data-parse-bytes", done.read as f64);
        set("data-parse-ms", done.elapsed_ms);
    }
}

/// Returns `performance.memory.usedJSHeapSize`, a Chromium extension, where there is one.
fn js_heap_bytes() -> Option<f64> {
    let window: JsValue = web_sys::window()?.into();
    let get = |object: &JsValue, name: &str| js_sys::Reflect::get(object, &JsValue::from_str(name));
    let performance = get(&window, "performance").ok()?;
    let memory = get(&performance, "memory").ok()?;
    if memory.is_undefined() {
        return None;
    }
    get(&memory, "usedJSHeapSize").ok()?.as_f64()
}
