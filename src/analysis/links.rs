//! The identity maps that attribute lines naming a pod only by UID or a container only by ID.
//! They map UID ↔ pod from every line that carries both, and container ID → pod and container
//! name. They also keep the sandbox IDs and the exit code of each finished container.

use crate::message::{parse_pod_ref, PodRef, Structured};
use crate::time::Stamp;
use regex::Regex;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

/// A pod's name and namespace; the namespace is `None` only for names seen without one.
pub type PodName = (Option<String>, String);

/// The pod and name known for one container ID.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContainerInfo {
    pub pod: Option<PodRef>,
    pub name: Option<String>,
}

/// A line's position in time before its year is known, enough to resolve it later.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sighting {
    pub file: usize,
    pub stamp: Stamp,
    pub rollovers: u32,
}

/// A pod some line named with its namespace, and the first and last lines that named it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownPod {
    pub name: PodName,
    pub first: Option<Sighting>,
    pub last: Option<Sighting>,
    /// Events found so far that named the pod with its namespace, per level as written by the
    /// rules (before the conditions that need the whole log).
    pub counts: [usize; 5],
}

#[derive(Debug, Clone, Default)]
pub struct Links {
    /// Full UID to pod.
    pub uid_pod: HashMap<String, PodName>,
    /// UIDs seen only cut short, with the pod the same line named.
    pub partial_uids: Vec<(String, PodName)>,
    pub containers: HashMap<String, ContainerInfo>,
    pub sandboxes: HashSet<String>,
    pub exit_codes: HashMap<String, i32>,
    /// Pods that a line named with their namespace, in the order first named.
    pub known_pods: Vec<KnownPod>,
    /// Known pods by namespace, then name, so a line's pod is found without copying its names.
    known_index: HashMap<String, HashMap<String, usize>>,
    /// The full UIDs of each pod, so a pod's only UID is found without a scan of every UID.
    uids_of_pod: HashMap<PodName, Vec<String>>,
    /// The known pods of each name, across namespaces.
    pods_of_name: HashMap<String, Vec<PodName>>,
    /// The line being read, for the sightings of the pods it names.
    pub current: Option<Sighting>,
    /// The known pod that the last [`Links::learn_pod`] named.
    last_learned: Option<usize>,
}

impl Links {
    /// Records the UID of a reference that carries both name and UID.
    pub fn learn_pod(&mut self, pod: &PodRef) {
        self.last_learned = None;
        let Some(namespace) = &pod.namespace else {
            return;
        };
        // Most lines name a pod and UID already known: look them up before copying them.
        let index = match self.index_of(namespace, &pod.name) {
            Some(index) => index,
            None => self.add_known((Some(namespace.clone()), pod.name.clone())),
        };
        self.sight(index);
        match (&pod.uid, pod.uid_truncated) {
            (Some(uid), false) if !self.uid_pod.contains_key(uid.as_str()) => {
                let name = self.known_pods[index].name.clone();
                self.uid_pod.insert(uid.clone(), name.clone());
                self.uids_of_pod.entry(name).or_default().push(uid.clone());
            }
            (Some(prefix), true) => {
                let name = &self.known_pods[index].name;
                let known = self.partial_uids.iter();
                if !known.clone().any(|(p, n)| p == prefix && n == name) {
                    self.partial_uids.push((prefix.clone(), name.clone()));
                }
            }
            _ => {}
        }
    }

    /// Returns the index of a known pod from its namespace and name.
    fn index_of(&self, namespace: &str, name: &str) -> Option<usize> {
        self.known_index.get(namespace)?.get(name).copied()
    }

    /// Counts an event of the pod that the last [`Links::learn_pod`] named, if it gave a
    /// namespace, for the pods shown during a read.
    pub fn count_event(&mut self, level: crate::level::Level) {
        if let Some(index) = self.last_learned {
            self.known_pods[index].counts[level.index()] += 1;
        }
    }

    /// Returns the full UIDs known for a pod.
    pub fn uids_of(&self, pod: &PodName) -> &[String] {
        self.uids_of_pod.get(pod).map_or(&[], Vec::as_slice)
    }

    /// Adds a pod named with its namespace, and returns its index.
    fn add_known(&mut self, name: PodName) -> usize {
        let index = self.known_pods.len();
        let namespace = name.0.clone().unwrap_or_default();
        self.known_index
            .entry(namespace)
            .or_default()
            .insert(name.1.clone(), index);
        self.pods_of_name
            .entry(name.1.clone())
            .or_default()
            .push(name.clone());
        self.known_pods.push(KnownPod {
            name,
            first: None,
            last: None,
            counts: [0; 5],
        });
        index
    }

    /// Records that the current line names the known pod at `index`.
    fn sight(&mut self, index: usize) {
        self.last_learned = Some(index);
        let known = &mut self.known_pods[index];
        if known.first.is_none() {
            known.first = self.current;
        }
        known.last = self.current.or(known.last);
    }

    /// Records a container ID with the pod and name the line gives for it.
    pub fn learn_container(&mut self, id: &str, pod: Option<&PodRef>, name: Option<&str>) {
        let entry = self.containers.entry(id.to_string()).or_default();
        if entry.pod.is_none() {
            entry.pod = pod.cloned();
        }
        if entry.name.is_none() {
            entry.name = name.map(str::to_string);
        }
    }

    /// Learns every pod reference in a line: the structured `pod` field with `podUID`, the
    /// volume form `pod \"web-0\" (UID: \"…\")` next to a `pod=` field, and every printf
    /// `name_ns(uid)` token.
    pub fn learn_line(&mut self, message: &str, structured: Option<&Structured<'_>>) {
        if let Some(s) = structured {
            self.learn_structured(message, s);
        }
        for pod in printf_refs(message) {
            self.learn_pod(&pod);
        }
    }

    fn learn_structured(&mut self, message: &str, s: &Structured<'_>) {
        let Some(mut pod) = s.lookup("pod").and_then(|raw| parse_pod_ref(&raw)) else {
            return;
        };
        let uid = s.lookup("podUID").or_else(|| s.lookup("podID"));
        pod.uid = uid
            .map(|u| u.into_owned())
            .or_else(|| volume_uid(message, &pod.name));
        self.learn_pod(&pod);
        if let (Some(id), Some(name)) = (s.lookup("containerID"), s.lookup("containerName")) {
            let id = id
                .split_once("://")
                .map_or(&*id, |(_, rest)| rest)
                .to_string();
            self.learn_container(&id, Some(&pod), Some(&name));
        }
    }

    /// Returns the namespace and name of a full or cut UID.
    pub fn pod_of_uid(&self, uid: &str, truncated: bool) -> Option<&PodName> {
        if let Some(pod) = self.uid_pod.get(uid) {
            return Some(pod);
        }
        if truncated {
            let mut matches = self
                .uid_pod
                .iter()
                .filter(|(full, _)| full.starts_with(uid));
            let first = matches.next();
            if matches.next().is_none() {
                return first.map(|(_, pod)| pod);
            }
            return None;
        }
        self.partial_uids
            .iter()
            .find(|(prefix, _)| uid.starts_with(prefix.as_str()))
            .map(|(_, pod)| pod)
    }

    /// Returns the UID of a pod when the logs show exactly one for it.
    pub fn only_uid_of(&self, pod: &PodName) -> Option<&str> {
        match self.uids_of_pod.get(pod).map(Vec::as_slice) {
            Some([only]) => Some(only),
            _ => None,
        }
    }

    /// Returns the one known pod of this name, when only one namespace has it.
    pub fn pod_of_name(&self, name: &str) -> Option<&PodName> {
        match self.pods_of_name.get(name).map(Vec::as_slice) {
            Some([only]) => Some(only),
            _ => None,
        }
    }
}

/// Returns every printf pod reference `name_namespace(uid` in `text`, cut or whole.
pub fn printf_refs(text: &str) -> impl Iterator<Item = PodRef> + '_ {
    static PRINTF_REF: OnceLock<Regex> = OnceLock::new();
    let regex = PRINTF_REF.get_or_init(|| {
        Regex::new(r"([a-z0-9][a-z0-9.-]*_[a-z0-9][a-z0-9-]*)\(([0-9a-f][0-9a-f-]*)\)?")
            .expect("valid regex")
    });
    regex
        .captures_iter(text)
        .filter_map(|caps| parse_pod_ref(caps.get(0)?.as_str()))
}

/// Returns the UID in a volume message `pod \"NAME\" (UID: \"UID\")` for the pod called `name`.
fn volume_uid(message: &str, name: &str) -> Option<String> {
    let marker = format!("pod \\\"{name}\\\" (UID: \\\"");
    let start = message.find(&marker)? + marker.len();
    let rest = &message[start..];
    let end = rest.find('\\')?;
    Some(rest[..end].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::parse_structured;

    #[test]
    fn links_printf_refs_in_error() {
        let refs: Vec<_> = printf_refs(
            r#"Error syncing pod 926f ("alpine-1_default(926f7d30-2690-1431-8e85-dfa911e65741)"), skipping"#,
        )
        .collect();
        assert_eq!(refs.len(), 1);
        assert_eq!(refs[0].name, "alpine-1");
    }

    #[test]
    fn links_volume_uid_from_structured_line() {
        let message = r#""operationExecutor.MountVolume started for volume \"azurefile\" pod \"files-pod\" (UID: \"2d5c8bed-a09f-4c06-a585-bcc1fcaf222b\") " pod="default/files-pod""#;
        let mut links = Links::default();
        links.learn_line(message, parse_structured(message).as_ref());
        assert_eq!(
            links.pod_of_uid("2d5c8bed-a09f-4c06-a585-bcc1fcaf222b", false),
            Some(&(Some("default".into()), "files-pod".into()))
        );
    }

    #[test]
    fn links_cut_uid_resolves_by_prefix() {
        let mut links = Links::default();
        links.learn_pod(&parse_pod_ref("web_shop(70634dc8-f05e-4ba4-bb90-000000000001)").unwrap());
        assert!(links.pod_of_uid("70634dc8-f05e", true).is_some());
        assert!(links.pod_of_uid("70634dc8-ffff", true).is_none());
    }
}
