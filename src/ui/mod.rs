//! The browser page: a Leptos client-side app that reads dropped logs with the engine and draws
//! the chosen pod's lifecycle as an SVG timeline. Compiled only for WebAssembly.

mod app;
mod browser;
mod clipboard;
mod details;
mod download;
mod engine;
mod export_svg;
mod i18n;
mod lanes;
mod levels;
mod load;
mod model;
mod notices;
mod offline;
mod overview;
mod png;
mod pod_item;
mod pod_seconds;
mod pod_slots;
mod pods;
mod progress;
mod read;
mod replies;
mod resize;
mod rules;
mod rules_editor;
mod rules_store;
mod share;
mod slider;
mod sources;
mod state;
mod timeline;
mod window_model;
mod zoom;

#[cfg(test)]
mod tests;

/// Mounts the page into `<body>`.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
