//! The parse worker's replies on the page: reading their JSON, and applying them in the order
//! they came, each in a task short enough to keep the page responsive.

use super::load::apply_reply;
use super::state::State;
use crate::analysis::PodSummary;
use crate::worker::protocol::Reply;
use leptos::prelude::*;
use serde::Deserialize;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::time::Duration;

thread_local! {
    /// Replies waiting for a task of their own, each with the generation of its worker.
    static WAITING: RefCell<VecDeque<(u64, Reply)>> = const { RefCell::new(VecDeque::new()) };
}

/// Applies `reply`, from the worker of `generation`, now or in a later task. Reading the
/// analysis of a 1 GiB file and applying it took up to 60 ms together in headless Chromium, so
/// the analysis is applied in a task of its own, and replies that come after it wait for it.
pub fn receive(state: State, generation: u64, reply: Reply) {
    let idle = WAITING.with_borrow(VecDeque::is_empty);
    if idle && !matches!(reply, Reply::Loaded(_)) {
        return apply_reply(state, reply);
    }
    WAITING.with_borrow_mut(|waiting| waiting.push_back((generation, reply)));
    if idle {
        schedule(state);
    }
}

fn schedule(state: State) {
    set_timeout(move || apply_next(state), Duration::ZERO);
}

/// Applies the first waiting reply unless its worker was stopped since, and schedules the next.
fn apply_next(state: State) {
    let Some((generation, reply)) = WAITING.with_borrow_mut(VecDeque::pop_front) else {
        return;
    };
    if state.generation.try_get_value() == Some(generation) {
        apply_reply(state, reply);
    }
    if WAITING.with_borrow(|waiting| !waiting.is_empty()) {
        schedule(state);
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
pub fn parse_reply(json: &str) -> serde_json::Result<Reply> {
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

#[cfg(test)]
mod tests {
    use super::super::engine::{NoLines, PageHost};
    use super::parse_reply;
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
