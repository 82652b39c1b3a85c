//! The part of each event that the analyzer keeps until the whole log is read. A busy log has hundreds
//! of thousands of events of a few hundred pods and a few thousand containers, so each pod
//! reference and each container name or ID is stored once and shared by its events.

use crate::kind::EventKind;
use crate::level::Level;
use crate::message::PodRef;
use crate::rules::{Condition, Hit};
use rustc_hash::FxHashSet;
use std::sync::Arc;

/// A rule's hit as kept for one event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct KeptHit {
    pub rule: usize,
    pub kind: EventKind,
    pub level: Level,
    pub condition: Option<Condition>,
    pub pod: Option<Arc<PodRef>>,
    pub container: Option<Arc<str>>,
    /// Without a `containerd://` or `docker://` scheme.
    pub container_id: Option<Arc<str>>,
    /// The back-off length as written, such as `5m0s`.
    pub backoff: Option<Box<str>>,
}

/// Hands out one shared copy of each pod reference and string.
#[derive(Debug, Default)]
pub(crate) struct Interner {
    pods: FxHashSet<Arc<PodRef>>,
    strings: FxHashSet<Arc<str>>,
}

impl Interner {
    /// Keeps what the resolve step needs of `hit`, sharing its strings with earlier events.
    pub fn keep(&mut self, hit: Hit) -> KeptHit {
        KeptHit {
            rule: hit.rule,
            kind: hit.kind,
            level: hit.level,
            condition: hit.condition,
            pod: hit.pod.map(|pod| self.pod(pod)),
            container: hit.container.map(|name| self.string(&name)),
            container_id: hit.container_id.map(|id| self.string(&id)),
            backoff: hit.backoff.map(String::into_boxed_str),
        }
    }

    fn pod(&mut self, pod: PodRef) -> Arc<PodRef> {
        if let Some(known) = self.pods.get(&pod) {
            return known.clone();
        }
        let pod = Arc::new(pod);
        self.pods.insert(pod.clone());
        pod
    }

    fn string(&mut self, text: &str) -> Arc<str> {
        if let Some(known) = self.strings.get(text) {
            return known.clone();
        }
        let text: Arc<str> = Arc::from(text);
        self.strings.insert(text.clone());
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_hits_share_their_strings() {
        let mut interner = Interner::default();
        let hit = Hit {
            rule: 3,
            kind: EventKind::ContainerStarted,
            level: Level::Normal,
            condition: None,
            pod: crate::message::parse_pod_ref("shop/web-0"),
            container: Some("web".into()),
            container_id: Some("abc".into()),
            exit_code: None,
            backoff: None,
            sandbox_id: None,
            listed_pods: 0,
            pods_mode: Default::default(),
        };
        let first = interner.keep(hit.clone());
        let second = interner.keep(hit);
        assert!(Arc::ptr_eq(
            first.pod.as_ref().unwrap(),
            second.pod.as_ref().unwrap()
        ));
        assert!(Arc::ptr_eq(
            first.container.as_ref().unwrap(),
            second.container.as_ref().unwrap()
        ));
        assert_eq!(first.pod.unwrap().name, "web-0");
    }
}
