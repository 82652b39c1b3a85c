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
use super::state::State;
use crate::analysis::PodSummary;
use crate::worker::protocol::{Command, Reply};
use crate::worker::session::{FileLines, Host, ReadRequest, Session};
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::Deserialize;
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
            Ok(reply) => apply_reply(state, reply),
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

/// The `type` field of a reply, which names its variant.
#[derive(Deserialize)]
struct ReplyType {
    #[serde(rename = "type")]
    name: String,
}

/// The fields of [`Reply::Pods`].
#[derive(Deserialize)]
struct PodsFields {
    pods: Vec<PodSummary>,
}

/// Reads a reply of the worker. Serde reads an internally tagged enum such as [`Reply`] by
/// first copying the whole message into a tree of values, and for the replies about a 1 GiB
/// generated log that took about 100 ms in headless Chromium. So this reads the `type` field
/// first, skipping the rest, and then reads the variant's fields directly, which ignores the
/// `type` field.
fn parse_reply(json: &str) -> serde_json::Result<Reply> {
    let ReplyType { name } = serde_json::from_str(json)?;
    let reply = match name.as_str() {
        "progress" => Reply::Progress(serde_json::from_str(json)?),
        "pods" => {
            let PodsFields { pods } = serde_json::from_str(json)?;
            Reply::Pods { pods }
        }
        "loaded" => Reply::Loaded(Box::new(serde_json::from_str(json)?)),
        "events" => Reply::Events(serde_json::from_str(json)?),
        _ => serde_json::from_str(json)?,
    };
    Ok(reply)
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
struct PageHost {
    replies: Vec<Reply>,
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
struct NoLines;

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

#[cfg(test)]
mod tests {
    use super::{parse_reply, NoLines, PageHost};
    use crate::rules::RuleSet;
    use crate::worker::protocol::{Progress, Reply};
    use crate::worker::session::{ReadRequest, Session};
    use wasm_bindgen_test::wasm_bindgen_test;

    const CASE_07: &[u8] =
        include_bytes!("../../tests/fixtures/cases/07-aks-liveness-exec-restart/input.log");

    /// Returns every kind of reply, from a real read of a kubelet log.
    fn replies() -> Vec<Reply> {
        let json = RuleSet::builtin().to_json();
        let mut session = Session::from_rules_json(&json, false).expect("the built-in table");
        let mut host = PageHost::default();
        let request = ReadRequest {
            name: "messages".to_string(),
            modified: chrono::DateTime::from_timestamp(1_748_779_200, 0)
                .unwrap()
                .naive_utc(),
            year: None,
            total: CASE_07.len() as u64,
        };
        session.read(&mut host, &request, CASE_07, &mut NoLines);
        let Some(Reply::Loaded(loaded)) = host.replies.pop() else {
            panic!("a read ends with Loaded");
        };
        let pod = loaded.analysis.pods[0].key();
        let events = session.choose(pod, &mut NoLines);
        assert!(!events.events.is_empty(), "the first pod has events");
        let progress = Progress {
            read: 10,
            total: 20,
            elapsed_ms: 3.5,
            wasm_bytes: 65536.0,
        };
        vec![
            Reply::Ready,
            Reply::Progress(progress),
            Reply::Pods {
                pods: loaded.analysis.pods.clone(),
            },
            Reply::Loaded(loaded),
            Reply::Events(events),
        ]
    }

    #[wasm_bindgen_test]
    fn parse_reply_reads_every_variant() {
        for reply in replies() {
            let json = reply.to_json();
            let parsed = parse_reply(&json).expect("the reply reads back");
            assert_eq!(parsed, reply, "{}", &json[..json.len().min(40)]);
        }
    }

    #[wasm_bindgen_test]
    fn parse_reply_rejects_unknown_type() {
        assert!(parse_reply(r#"{"type":"no_such_reply"}"#).is_err());
        assert!(parse_reply(r#"{"pods":[]}"#).is_err());
    }
}
