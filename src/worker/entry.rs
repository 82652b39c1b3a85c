//! The worker's glue to the browser: it listens for the page's commands, reads files with
//! [`BlobReader`] and posts the session's replies as JSON text.

use super::blob::{BlobLines, BlobReader};
use super::protocol::{Command, Reply};
use super::session::{Host, ReadRequest, Session};
use chrono::DateTime;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

thread_local! {
    static SESSION: RefCell<Option<Session>> = const { RefCell::new(None) };
    /// Every file read, so the lines of events can be read back from it.
    static LINES: RefCell<BlobLines> = RefCell::new(BlobLines::default());
}

/// Starts listening for commands, then posts [`Reply::Ready`] to the page.
pub fn start() {
    console_error_panic_hook::set_once();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(|event: MessageEvent| {
        let data = js_sys::Array::from(&event.data());
        let json = data.get(0).as_string().unwrap_or_default();
        match serde_json::from_str::<Command>(&json) {
            Ok(command) => run(command, data.get(1)),
            Err(error) => wasm_bindgen::throw_str(&format!("invalid command {json:?}: {error}")),
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    WorkerHost.post(Reply::Ready);
}

fn run(command: Command, file: JsValue) {
    match command {
        Command::Rules { json } => match Session::from_rules_json(&json, true) {
            Ok(session) => SESSION.with_borrow_mut(|slot| *slot = Some(session)),
            Err(error) => wasm_bindgen::throw_str(&format!("invalid rule table: {error}")),
        },
        Command::Read {
            name,
            modified_ms,
            year,
        } => {
            let Ok(file) = file.dyn_into::<web_sys::File>() else {
                wasm_bindgen::throw_str("a read command came without its file");
            };
            let request = ReadRequest {
                name,
                modified: DateTime::from_timestamp_millis(modified_ms as i64)
                    .unwrap_or_default()
                    .naive_utc(),
                year,
                total: file.size() as u64,
            };
            let blob: web_sys::Blob = file.into();
            let reader = match BlobReader::new(blob.clone()) {
                Ok(reader) => reader,
                Err(error) => wasm_bindgen::throw_str(&error.to_string()),
            };
            LINES.with_borrow_mut(|lines| {
                lines.current = Some(blob);
                with_session(|session| session.read(&mut WorkerHost, &request, reader, lines));
            });
        }
        Command::Choose { pod } => with_session(|session| session.remember(pod)),
        Command::Events { pod } => {
            let events =
                LINES.with_borrow_mut(|lines| with_session(|session| session.choose(pod, lines)));
            WorkerHost.post(Reply::Events(events));
        }
    }
}

fn with_session<T>(work: impl FnOnce(&mut Session) -> T) -> T {
    SESSION.with_borrow_mut(|slot| match slot {
        Some(session) => work(session),
        None => wasm_bindgen::throw_str("a command came before the rule table"),
    })
}

/// The worker's global scope, as the session's [`Host`].
struct WorkerHost;

impl Host for WorkerHost {
    fn now_ms(&self) -> f64 {
        js_sys::Date::now()
    }

    fn memory_bytes(&self) -> f64 {
        wasm_memory_bytes()
    }

    fn post(&mut self, reply: Reply) {
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        if let Err(error) = scope.post_message(&JsValue::from_str(&reply.to_json())) {
            wasm_bindgen::throw_val(error);
        }
    }
}

/// Returns the byte length of this module's WebAssembly memory.
pub fn wasm_memory_bytes() -> f64 {
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    memory
        .buffer()
        .unchecked_into::<js_sys::ArrayBuffer>()
        .byte_length() as f64
}
