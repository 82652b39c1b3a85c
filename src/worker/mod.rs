//! The parse worker: the page hands it files, and it reads them into one analyzer off the main
//! thread, replying with progress, the pods found so far, the analysis without pod events, and
//! one pod's events on request. [`protocol`] contains the messages and [`session`] the engine side;
//! both build natively, so they are tested without a browser. Trunk builds the worker from
//! `src/bin/podlife_worker.rs`, which calls [`start`].

pub mod protocol;
pub mod session;

#[cfg(target_arch = "wasm32")]
mod blob;
#[cfg(target_arch = "wasm32")]
mod entry;

#[cfg(target_arch = "wasm32")]
pub use entry::{start, wasm_memory_bytes};
