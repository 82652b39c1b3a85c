//! Finding pods in an analysis by the names users type, and the events of chosen pods.

use super::model::{Analysis, Event, PodSummary};
use std::cmp::{Ordering, Reverse};

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

    /// Pod indexes, worst level first, then most events first, then by name in
    /// [`natural_cmp`] order.
    pub fn pods_by_severity(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.pods.len()).collect();
        order.sort_by(|&a, &b| {
            let (a, b) = (&self.pods[a], &self.pods[b]);
            let rank = |pod: &PodSummary| (Reverse(pod.worst_level()), Reverse(pod.event_count()));
            rank(a)
                .cmp(&rank(b))
                .then_with(|| natural_cmp(&a.key(), &b.key()))
        });
        order
    }
}

/// Compares two names as people read them: runs of ASCII digits compare by their value, so
/// `app-2` comes before `app-10`, and other characters compare one by one. Names that differ
/// only in leading zeros (`app-01` and `app-1`) fall back to plain string order, so equal
/// means identical.
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    let (mut left, mut right) = (a, b);
    loop {
        match (left.chars().next(), right.chars().next()) {
            (None, None) => return a.cmp(b),
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => {
                let (left_number, left_rest) = split_digits(left);
                let (right_number, right_rest) = split_digits(right);
                let order = compare_numbers(left_number, right_number);
                if order != Ordering::Equal {
                    return order;
                }
                (left, right) = (left_rest, right_rest);
            }
            (Some(x), Some(y)) => {
                if x != y {
                    return x.cmp(&y);
                }
                (left, right) = (&left[x.len_utf8()..], &right[y.len_utf8()..]);
            }
        }
    }
}

/// Splits `text` after its leading run of ASCII digits.
fn split_digits(text: &str) -> (&str, &str) {
    let end = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    text.split_at(end)
}

/// Compares two runs of ASCII digits by value, with no limit on their length.
fn compare_numbers(a: &str, b: &str) -> Ordering {
    let a = a.trim_start_matches('0');
    let b = b.trim_start_matches('0');
    a.len().cmp(&b.len()).then_with(|| a.cmp(b))
}
