//! Zoom and pan of the timeline's window beside the slider: the mouse wheel or a trackpad
//! zooms around the pointer, a sideways scroll pans, and keys step the window. Each action sets
//! the slider and the zoom, so the slider always shows where the window is.

use super::state::State;
use super::window_model::{Picture, TimelineModel};
use crate::timeline::Window;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Wheel pixels that halve or double the window.
const WHEEL_PIXELS_PER_DOUBLING: f64 = 300.0;
/// Pixels per line for wheels that report lines (`WheelEvent.deltaMode` 1).
const LINE_PIXELS: f64 = 40.0;

/// Shows `window`: the whole lifecycle moves the slider to its far left and keeps the zoom, so
/// the next window has the size it had.
pub fn show(state: State, model: &TimelineModel, window: Window) {
    if window.is_whole(model.total) {
        state.slider.set(0);
        return;
    }
    state.zoom.set(window.len.max(model.min_size));
    state.slider.set(window.slider_value(model.total));
}

/// Returns the window shown, or a window of the slider's size at the start when the whole
/// lifecycle is shown, because keys step a window of that size.
fn stepping_window(model: &TimelineModel) -> Window {
    if model.window.is_whole(model.total) {
        Window::from_slider_sized(1, model.total, model.window_size)
    } else {
        model.window
    }
}

/// Returns how many marks one step moves: one second, or one bucket in the overview.
fn step(model: &TimelineModel) -> usize {
    match &model.picture {
        Picture::Seconds { .. } => 1,
        Picture::Buckets { overview, .. } => (model.window.len / overview.bars.len().max(1)).max(1),
    }
}

/// Zooms by `factor` (below 1 zooms in) around `anchor`, a fraction of the window's width.
pub fn zoom_by(state: State, model: &TimelineModel, factor: f64, anchor: f64) {
    let shown = model.window;
    let mut len = (shown.len as f64 * factor).round() as usize;
    // Small windows would round back to their own size, so each step changes it by one at least.
    if factor < 1.0 {
        len = len.min(shown.len.saturating_sub(1));
    } else if factor > 1.0 {
        len = len.max(shown.len + 1);
    }
    let len = len.max(model.min_size);
    show(state, model, shown.zoomed(model.total, len, anchor));
}

/// Returns whether `key` zooms the window: `+`, `-` and their unshifted keys `=` and `_`.
pub fn is_zoom_key(key: &str) -> bool {
    matches!(key, "+" | "=" | "-" | "_")
}

/// Acts on a key pressed over the timeline and returns whether it was one of the zoom keys.
/// The arrows step left and right, and Home and End go to the lifecycle's ends. The keys `+`,
/// `-`, Up and Down zoom around the window's centre.
pub fn on_key(state: State, model: &TimelineModel, key: &str) -> bool {
    let window = stepping_window(model);
    let step = step(model) as isize;
    match key {
        "ArrowLeft" if model.window.is_whole(model.total) => {}
        "ArrowLeft" => show(state, model, window.panned(model.total, -step)),
        "ArrowRight" if model.window.is_whole(model.total) => show(state, model, window),
        "ArrowRight" => show(state, model, window.panned(model.total, step)),
        "Home" => show(state, model, window.panned(model.total, isize::MIN)),
        "End" => show(state, model, window.panned(model.total, isize::MAX)),
        "+" | "=" | "ArrowUp" => zoom_by(state, model, 0.5, 0.5),
        "-" | "_" | "ArrowDown" => zoom_by(state, model, 2.0, 0.5),
        _ => return false,
    }
    true
}

/// Acts on a wheel turn at `anchor`, a fraction of the picture's width: a vertical turn zooms,
/// a sideways one pans.
pub fn on_wheel(state: State, model: &TimelineModel, ev: &web_sys::WheelEvent, anchor: f64) {
    let scale = match ev.delta_mode() {
        1 => LINE_PIXELS,
        2 => WHEEL_PIXELS_PER_DOUBLING,
        _ => 1.0,
    };
    let (dx, dy) = (ev.delta_x() * scale, ev.delta_y() * scale);
    if dx.abs() > dy.abs() {
        if model.window.is_whole(model.total) {
            return;
        }
        let marks = (dx / 40.0).round() as isize;
        let steps = if marks == 0 {
            dx.signum() as isize
        } else {
            marks
        };
        let moved = model
            .window
            .panned(model.total, steps * step(model) as isize);
        show(state, model, moved);
        return;
    }
    let factor = 2f64.powf(dy / WHEEL_PIXELS_PER_DOUBLING).clamp(0.5, 2.0);
    zoom_by(state, model, factor, anchor);
}

/// The wheel listener on the timeline box. It is registered as not passive, so it can keep the
/// page from scrolling while the wheel zooms. Dropping it removes the listener.
struct WheelListener {
    element: web_sys::HtmlElement,
    callback: Closure<dyn FnMut(web_sys::WheelEvent)>,
}

impl Drop for WheelListener {
    fn drop(&mut self) {
        let _ = self
            .element
            .remove_event_listener_with_callback("wheel", self.callback.as_ref().unchecked_ref());
    }
}

/// Zooms or pans the window of `timeline` on wheel turns over the box `boxed`. A lifecycle that
/// fits in one window has nothing to zoom, so there the wheel scrolls the page as usual.
pub fn follow_wheel(state: State, boxed: NodeRef<Div>, timeline: Memo<Option<TimelineModel>>) {
    let listener = StoredValue::new_local(None::<WheelListener>);
    Effect::new(move |_| {
        let Some(element) = boxed.get() else {
            return;
        };
        let target = element.clone();
        let callback =
            Closure::<dyn FnMut(web_sys::WheelEvent)>::new(move |ev: web_sys::WheelEvent| {
                timeline.with_untracked(|model| {
                    let Some(model) = model.as_ref().filter(|m| m.slider_max > 0) else {
                        return;
                    };
                    ev.prevent_default();
                    on_wheel(state, model, &ev, anchor_of(&target, &ev));
                });
            });
        let options = web_sys::AddEventListenerOptions::new();
        options.set_passive(false);
        let added = element.add_event_listener_with_callback_and_add_event_listener_options(
            "wheel",
            callback.as_ref().unchecked_ref(),
            &options,
        );
        if added.is_ok() {
            let element: web_sys::HtmlElement = element.into();
            listener.set_value(Some(WheelListener { element, callback }));
        }
    });
    on_cleanup(move || {
        listener.try_update_value(|listener| *listener = None);
    });
}

/// Returns where the pointer is over the timeline's picture, as a fraction of its width.
fn anchor_of(boxed: &web_sys::HtmlDivElement, ev: &web_sys::WheelEvent) -> f64 {
    let picture = boxed.query_selector("svg.timeline").ok().flatten();
    let Some(rect) = picture.map(|svg| svg.get_bounding_client_rect()) else {
        return 0.5;
    };
    if rect.width() <= 0.0 {
        return 0.5;
    }
    ((f64::from(ev.client_x()) - rect.left()) / rect.width()).clamp(0.0, 1.0)
}
