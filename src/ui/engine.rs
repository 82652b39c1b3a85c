//! The page's side of the parse worker: starts it with the rule table in force, posts commands
//! (a read with its `File`), and hands each reply to [`super::load::apply_reply`]. Each fresh
//! start of the page's files gets a new worker, and [`stop`] terminates the old one, which
//! cancels a read under way.
//!
//! Where the worker script cannot start (a page served without `podlife-worker_loader.js`, as
//! in the component tests), the same session runs on the page instead, reading each file
//! whole, as the page did before the worker existed.

use super::load::{apply_reply, worker_failed};
use super::read::read_whole;
use super::replies::{parse_reply, receive};
use super::state::State;
use crate::worker::protocol::{Command, Reply};
use crate::worker::session::{FileLines, Host, ReadRequest, Session};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker};

/// The worker's loader, which Trunk writes next to index.html (`data-loader-shim`).
const WORKER_URL: &str = "./podlife-worker_loader.js";

thread_local! {
    static ENGINE: RefCell<Option<Engine>> = const { RefCell::new(None) };
}

/// A command and the file sent with it.
type Posted = (Command, Option<web_sys::File>);

enum Engine {
    /// A worker that has not posted [`Reply::Ready`] yet, with the commands for it.
    Starting {
        worker: Worker,
        waiting: Vec<Posted>,
        _handlers: Handlers,
    },
    Running {
        worker: Worker,
        _handlers: Handlers,
    },
    /// The session on the page, for when no worker could start.
    Local {
        session: Box<Session>,
    },
}

/// The worker's event handlers, kept alive as long as the worker.
struct Handlers {
    _message: Closure<dyn Fn(MessageEvent)>,
    _error: Closure<dyn Fn(web_sys::Event)>,
}

/// Posts `command`, with `file` for a read, starting a worker first when none runs.
pub fn send(state: State, command: Command, file: Option<web_sys::File>) {
    let started = ENGINE.with_borrow(Option::is_some);
    if !started {
        start(state);
    }
    let local = ENGINE.with_borrow_mut(|engine| match engine {
        Some(Engine::Starting { waiting, .. }) => {
            waiting.push((command, file));
            None
        }
        Some(Engine::Running { worker, .. }) => {
            post(worker, &command, file.as_ref());
            None
        }
        Some(Engine::Local { .. }) | None => Some((command, file)),
    });
    if let Some((command, file)) = local {
        run_local(state, command, file);
    }
}

/// Starts a worker with the rule table in force unless one runs already, so that the worker's
/// script and WebAssembly are fetched while the page loads and not when the first file comes.
pub fn start_idle(state: State) {
    if ENGINE.with_borrow(Option::is_none) {
        start(state);
    }
}

/// Terminates the worker, which stops a read under way; its replies are never applied.
pub fn stop() {
    let engine = ENGINE.with_borrow_mut(Option::take);
    let (worker, handlers) = match engine {
        Some(Engine::Starting {
            worker, _handlers, ..
        }) => (worker, _handlers),
        Some(Engine::Running { worker, _handlers }) => (worker, _handlers),
        Some(Engine::Local { .. }) | None => return,
    };
    worker.set_onmessage(None);
    worker.set_onerror(None);
    worker.terminate();
    // `stop` may run inside one of these handlers (a reply that starts over), which must not
    // be freed while it runs, so they are dropped once it has returned.
    spawn_local(async move { drop(handlers) });
}

fn start(state: State) {
    let rules = Command::Rules {
        json: state.rules.get_untracked().to_json(),
    };
    let engine = match Worker::new(WORKER_URL) {
        Ok(worker) => {
            let _handlers = listen(state, &worker);
            Engine::Starting {
                worker,
                waiting: vec![(rules, None)],
                _handlers,
            }
        }
        Err(error) => {
            leptos::logging::warn!("the parse worker failed to start: {error:?}");
            local_engine(&rules)
        }
    };
    ENGINE.with_borrow_mut(|slot| *slot = Some(engine));
}

fn listen(state: State, worker: &Worker) -> Handlers {
    let generation = state.generation.get_value();
    let current = move || state.generation.try_get_value() == Some(generation);
    let message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        if !current() {
            return;
        }
        let json = event.data().as_string().unwrap_or_default();
        match parse_reply(&json) {
            Ok(Reply::Ready) => run_waiting(),
            Ok(reply) => receive(state, generation, reply),
            Err(error) => leptos::logging::error!("invalid reply from the parse worker: {error}"),
        }
    });
    // A script that fails to load fires a plain `Event`; an exception in the worker fires an
    // `ErrorEvent` with a message.
    let error = Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
        event.prevent_default();
        if current() {
            let message = js_sys::Reflect::get(&event, &JsValue::from_str("message"))
                .ok()
                .and_then(|message| message.as_string())
                .unwrap_or_else(|| "the worker script failed to load".to_string());
            on_worker_error(state, message);
        }
    });
    worker.set_onmessage(Some(message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(error.as_ref().unchecked_ref()));
    Handlers {
        _message: message,
        _error: error,
    }
}

/// Posts the commands that waited for the worker to start.
fn run_waiting() {
    ENGINE.with_borrow_mut(|engine| {
        let Some(Engine::Starting {
            worker,
            waiting,
            _handlers,
        }) = engine.take()
        else {
            return;
        };
        for (command, file) in &waiting {
            post(&worker, command, file.as_ref());
        }
        *engine = Some(Engine::Running { worker, _handlers });
    });
    mark_worker_ready();
}

/// Sets `data-parse-worker="ready"` on `<body>`: a worker has fetched its script and
/// WebAssembly. Tests wait for it before they count the page's requests.
fn mark_worker_ready() {
    let body = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.body());
    if let Some(body) = body {
        let _ = body.set_attribute("data-parse-worker", "ready");
    }
}

/// Falls back to the page when the worker failed before it started, and otherwise reports
/// the failure of the read under way.
fn on_worker_error(state: State, message: String) {
    let waiting = ENGINE.with_borrow_mut(|engine| match engine.take() {
        Some(Engine::Starting {
            worker,
            waiting,
            _handlers,
        }) => {
            worker.set_onmessage(None);
            worker.set_onerror(None);
            worker.terminate();
            // This runs inside the error handler, which must outlive its own call.
            spawn_local(async move { drop(_handlers) });
            Some(waiting)
        }
        other => {
            *engine = other;
            None
        }
    });
    let Some(mut waiting) = waiting else {
        stop();
        return worker_failed(state, message);
    };
    leptos::logging::warn!("the parse worker failed to start ({message}); reading on the page");
    let (rules, _) = waiting.remove(0);
    ENGINE.with_borrow_mut(|engine| *engine = Some(local_engine(&rules)));
    for (command, file) in waiting {
        run_local(state, command, file);
    }
}

fn post(worker: &Worker, command: &Command, file: Option<&web_sys::File>) {
    let message = js_sys::Array::of1(&JsValue::from_str(&command.to_json()));
    if let Some(file) = file {
        message.push(file);
    }
    if let Err(error) = worker.post_message(&message) {
        leptos::logging::error!("posting to the parse worker failed: {error:?}");
    }
}

fn local_engine(rules: &Command) -> Engine {
    let Command::Rules { json } = rules else {
        unreachable!("the first command is the rule table");
    };
    // Events keep their lines, because the page does not keep the files it read whole.
    let session = Session::from_rules_json(json, false).expect("the rule table in force is valid");
    Engine::Local {
        session: Box::new(session),
    }
}

/// Runs `command` with the session on the page; its replies are applied after this returns.
fn run_local(state: State, command: Command, file: Option<web_sys::File>) {
    let generation = state.generation.get_value();
    spawn_local(async move {
        let mut host = PageHost::default();
        match command {
            Command::Rules { .. } => {}
            Command::Read {
                name,
                modified_ms,
                year,
            } => {
                let Some(file) = file else { return };
                let bytes = match read_whole(&file, |_| true).await {
                    Ok(bytes) => bytes.unwrap_or_default(),
                    Err(reason) => return worker_failed(state, reason),
                };
                let request = ReadRequest {
                    name,
                    modified: chrono::DateTime::from_timestamp_millis(modified_ms as i64)
                        .unwrap_or_default()
                        .naive_utc(),
                    year,
                    total: bytes.len() as u64,
                };
                with_local(|session| {
                    session.read(&mut host, &request, bytes.as_slice(), &mut NoLines)
                });
            }
            Command::Choose { pod } => {
                with_local(|session| session.remember(pod));
            }
            Command::Events { pod } => {
                if let Some(events) = with_local(|session| session.choose(pod, &mut NoLines)) {
                    host.replies.push(Reply::Events(events));
                }
            }
        }
        for reply in host.replies {
            if state.generation.try_get_value() == Some(generation) {
                apply_reply(state, reply);
            }
        }
    });
}

fn with_local<T>(work: impl FnOnce(&mut Session) -> T) -> Option<T> {
    ENGINE.with_borrow_mut(|engine| match engine {
        Some(Engine::Local { session }) => Some(work(session)),
        _ => None,
    })
}

/// The page as the session's host: replies are collected and applied once the command is done.
#[derive(Default)]
pub(super) struct PageHost {
    pub(super) replies: Vec<Reply>,
}

impl Host for PageHost {
    fn now_ms(&self) -> f64 {
        js_sys::Date::now()
    }

    fn memory_bytes(&self) -> f64 {
        crate::worker::wasm_memory_bytes()
    }

    fn post(&mut self, reply: Reply) {
        self.replies.push(reply);
    }
}

/// No file to read lines back from: the page's session keeps every line.
pub(super) struct NoLines;

impl FileLines for NoLines {
    fn add(&mut self, _file: usize) {}
}

impl crate::analysis::LineSource for NoLines {
    fn read(&mut self, file: usize, _offset: u64, _length: u64) -> std::io::Result<Vec<u8>> {
        let message = format!("file {file} keeps its lines on the page");
        Err(std::io::Error::new(
            std::io::ErrorKind::Unsupported,
            message,
        ))
    }
}
