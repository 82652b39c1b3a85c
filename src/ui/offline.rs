//! Offline use: registers the service worker (`sw.js`, which keeps a copy of the build), marks
//! `<body>` with `data-offline-ready="true"` once that worker controls the page, and shows a bar
//! offering a reload when a new deployment's worker is installed and waiting.
//!
//! Browsers run service workers only in a secure context (HTTPS, or `localhost` and
//! `127.0.0.1`), so on a plain-HTTP host the page works as before, without offline use.

use super::i18n::Msg;
use super::state::State;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState,
};

/// The service worker script, next to index.html, whose folder is the worker's scope.
const WORKER_URL: &str = "./sw.js";
/// The message type on which a waiting worker calls `skipWaiting()` (see `sw.js`).
const TAKE_OVER: &str = "skip-waiting";

thread_local! {
    static REGISTRATION: RefCell<Option<ServiceWorkerRegistration>> = const { RefCell::new(None) };
    /// Set once the user asked for the new version, so the next change of controller reloads.
    static RELOAD_ON_CHANGE: Cell<bool> = const { Cell::new(false) };
}

/// Registers the service worker and shows the bar that offers a new version.
#[component]
pub fn UpdateBar(state: State) -> impl IntoView {
    let available = RwSignal::new(false);
    if let Some(container) = service_workers() {
        spawn_local(register(container, available));
    }
    view! {
        <Show when=move || available.get()>
            <div class="update-bar" role="status" data-testid="update-available">
                <span>{move || Msg::UpdateAvailable.text(state.lang.get())}</span>
                <button
                    type="button"
                    data-testid="update-reload"
                    title=move || Msg::UpdateReloadHint.text(state.lang.get())
                    on:click=move |_| take_over()
                >
                    {move || Msg::UpdateReload.text(state.lang.get())}
                </button>
            </div>
        </Show>
    }
}

/// Returns the page's service worker container, or `None` where the browser offers none: an
/// insecure context, or a browser without service workers.
fn service_workers() -> Option<ServiceWorkerContainer> {
    let window = web_sys::window()?;
    if !window.is_secure_context() {
        return None;
    }
    let navigator = window.navigator();
    let container = js_sys::Reflect::get(&navigator, &JsValue::from_str("serviceWorker")).ok()?;
    container.dyn_into::<ServiceWorkerContainer>().ok()
}

async fn register(container: ServiceWorkerContainer, available: RwSignal<bool>) {
    follow_controller(&container);
    let registration = match JsFuture::from(container.register(WORKER_URL)).await {
        Ok(registration) => registration.unchecked_into::<ServiceWorkerRegistration>(),
        Err(error) => {
            leptos::logging::warn!("registering the service worker failed, so the page will not work offline: {error:?}");
            return;
        }
    };
    watch_updates(&registration, available);
    REGISTRATION.with_borrow_mut(|slot| *slot = Some(registration));
    if let Ok(ready) = container.ready() {
        // A page that a worker controlled from its load gets no `controllerchange` event.
        let _ = JsFuture::from(ready).await;
        mark_offline_ready(&container);
    }
}

/// Marks the page once a worker controls it, and reloads when the user asked for a new version.
fn follow_controller(container: &ServiceWorkerContainer) {
    let watched = container.clone();
    let on_change = Closure::<dyn Fn()>::new(move || {
        if RELOAD_ON_CHANGE.get() {
            if let Some(window) = web_sys::window() {
                let _ = window.location().reload();
            }
            return;
        }
        mark_offline_ready(&watched);
    });
    container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    // The listener lives as long as the page.
    on_change.forget();
}

fn mark_offline_ready(container: &ServiceWorkerContainer) {
    if container.controller().is_none() {
        return;
    }
    let body = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body());
    if let Some(body) = body {
        let _ = body.set_attribute("data-offline-ready", "true");
    }
}

/// Shows the bar when a new worker is installed while an older one controls the page: one
/// waiting at load, one installing at load, or one found later.
fn watch_updates(registration: &ServiceWorkerRegistration, available: RwSignal<bool>) {
    if registration.waiting().is_some() {
        offer_if_controlled(available);
    }
    if let Some(installing) = registration.installing() {
        watch_install(&installing, available);
    }
    let watched = registration.clone();
    let on_found = Closure::<dyn Fn()>::new(move || {
        if let Some(installing) = watched.installing() {
            watch_install(&installing, available);
        }
    });
    registration.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
    on_found.forget();
}

fn watch_install(worker: &ServiceWorker, available: RwSignal<bool>) {
    let watched = worker.clone();
    let on_state = Closure::<dyn Fn()>::new(move || {
        if watched.state() == ServiceWorkerState::Installed {
            offer_if_controlled(available);
        }
    });
    worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
    on_state.forget();
}

/// Offers the new version unless this is the first install, which no older worker controls.
fn offer_if_controlled(available: RwSignal<bool>) {
    let controlled = service_workers().is_some_and(|container| container.controller().is_some());
    if controlled {
        available.set(true);
    }
}

/// Tells the waiting worker to take over; the page reloads when it does. Without a waiting
/// worker (another tab let it take over already) the page reloads at once.
fn take_over() {
    let waiting = REGISTRATION.with_borrow(|registration| registration.as_ref()?.waiting());
    let Some(waiting) = waiting else {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
        return;
    };
    RELOAD_ON_CHANGE.set(true);
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &TAKE_OVER.into());
    if let Err(error) = waiting.post_message(&message) {
        leptos::logging::error!("asking the new service worker to take over failed: {error:?}");
    }
}
