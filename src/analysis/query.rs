//! Finding pods in an analysis by the names users type, and the events of chosen pods.

use super::model::{Analysis, Event};
use std::cmp::Reverse;

impl Analysis {
    /// Returns the pods a query names: `namespace/name` exactly, a UID (whole, or its first eight or
    /// more characters), or a bare name, which selects that name in every namespace.
    pub fn find_pods(&self, query: &str) -> Vec<usize> {
        let query = query.trim();
        if query.is_empty() {
            return Vec::new();
        }
        let matches = |pred: &dyn Fn(usize) -> bool| -> Vec<usize> {
            (0..self.pods.len()).filter(|&i| pred(i)).collect()
        };
        if query.contains('/') {
            return matches(&|i| self.pods[i].key() == query);
        }
        let by_name = matches(&|i| self.pods[i].name == query);
        if !by_name.is_empty() {
            return by_name;
        }
        if query.len() >= 8 {
            return matches(&|i| self.pods[i].uids.iter().any(|uid| uid.starts_with(query)));
        }
        Vec::new()
    }

    /// Returns the events of `pods`, in time order.
    pub fn events_of(&self, pods: &[usize]) -> Vec<&Event> {
        self.events
            .iter()
            .filter(|event| event.pod.is_some_and(|pod| pods.contains(&pod)))
            .collect()
    }

    /// Pod indexes, worst level first, then most events first, then by name.
    pub fn pods_by_severity(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.pods.len()).collect();
        order.sort_by_key(|&i| {
            let pod = &self.pods[i];
            (
                Reverse(pod.worst_level()),
                Reverse(pod.event_count()),
                pod.key(),
            )
        });
        order
    }
}
