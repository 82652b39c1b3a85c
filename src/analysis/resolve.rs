//! Turns the collected lines into an [`Analysis`]. Years are assigned and each event is
//! attributed to a pod through the identity maps. Then the context conditions set levels and
//! pods are counted.

use super::analyzer::{Analyzer, FileState, RawEvent};
use super::incarnation::split_incarnations;
use super::links::{Links, PodName, Sighting};
use super::model::{Analysis, Event, FileSummary, InputIssue, PodSummary, YearFrom, Zone};
use super::zone::timeline_zone;
use crate::kind::{EventKind, Scope};
use crate::level::Level;
use crate::rules::Condition;
use crate::time::Timestamp;
use chrono::{FixedOffset, TimeDelta};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// Builds the analysis of everything `analyzer` has read.
pub(crate) fn resolve(analyzer: &Analyzer) -> Analysis {
    let links = &analyzer.links;
    let zone = timeline_zone(analyzer.files.iter().map(|file| &file.zone));
    let clock = Clock::new(&analyzer.files, zone);
    let mut pods = PodTable::default();
    for known in &links.known_pods {
        let pod = pods.index_of(&known.name);
        let seen = [known.first, known.last].into_iter().flatten();
        for time in seen.filter_map(|sighting| clock.time(&sighting)) {
            pods.summaries[pod].see(time);
        }
    }

    let mut events: Vec<(Event, &RawEvent)> = Vec::new();
    let mut node_events = Vec::new();
    let mut seen = HashSet::default();
    for raw in &analyzer.events {
        // The same line given twice (pasted grep outputs, overlapping rotated files) is one
        // moment: same stamp, same text.
        let key = (
            raw.stamp,
            raw.text_hash,
            raw.hit.rule,
            &raw.hit.pod,
            &raw.hit.container,
        );
        if !seen.insert(key) {
            continue;
        }
        let Some(time) = clock.time(&raw.sighting()) else {
            continue;
        };
        if raw.hit.kind.scope() == Scope::Node {
            node_events.push((to_event(raw, time, None, None, analyzer), raw));
            continue;
        }
        let Some((name, uid)) = attribute(raw, links) else {
            continue;
        };
        let pod = pods.index_of(&name);
        pods.add_uid(pod, uid.as_deref());
        events.push((to_event(raw, time, Some(pod), uid, analyzer), raw));
    }

    sort_events(&mut events);
    sort_events(&mut node_events);
    apply_conditions(&mut events, links);
    name_restarted_containers(&mut events, links);
    let mut events: Vec<Event> = events.into_iter().map(|(event, _)| event).collect();
    let node_events = node_events.into_iter().map(|(event, _)| event).collect();
    let mut pods = pods.summaries;
    count_events(&mut pods, &events);
    split_incarnations(&mut pods, &mut events);
    Analysis {
        files: analyzer
            .files
            .iter()
            .zip(&clock.end_years)
            .map(|(file, &(year, year_from))| file_summary(file, year, year_from))
            .collect(),
        pods,
        events,
        node_events,
        zone,
        verbosity: analyzer.verbosity.verbosity(),
        redacted: false,
    }
}

/// The files' year counting, with each file's last-line year worked out once, and the zone
/// every time is moved into.
struct Clock<'a> {
    files: &'a [FileState],
    end_years: Vec<(i32, YearFrom)>,
    zone: Option<FixedOffset>,
    /// The zone of each file's stamps that state none: its node's, when its lines show it.
    local_zones: Vec<Option<FixedOffset>>,
}

impl<'a> Clock<'a> {
    fn new(files: &'a [FileState], zone: Zone) -> Clock<'a> {
        let end_years = files.iter().map(FileState::end_year).collect();
        let zone = match zone {
            Zone::Node { seconds } | Zone::Offset { seconds } => FixedOffset::east_opt(seconds),
            Zone::AsWritten => None,
        };
        // A file that does not show its node's zone is taken to be in the timeline's.
        let local_zones = files
            .iter()
            .map(|file| {
                let own = file.zone.node_offset().and_then(FixedOffset::east_opt);
                own.or(zone)
            })
            .collect();
        Clock {
            files,
            end_years,
            zone,
            local_zones,
        }
    }

    /// Returns the time of a line, with the year counted back from its file's last line, in
    /// the timeline's zone.
    fn time(&self, at: &Sighting) -> Option<Timestamp> {
        let tracker = &self.files[at.file].tracker;
        let year = tracker.year_of(at.rollovers, self.end_years[at.file].0);
        let time = at.stamp.resolve(year)?;
        let Some(zone) = self.zone else {
            return Some(time);
        };
        let written_in = time.offset.or(self.local_zones[at.file]).unwrap_or(zone);
        let shift = zone.local_minus_utc() - written_in.local_minus_utc();
        Some(Timestamp {
            local: time.local + TimeDelta::seconds(i64::from(shift)),
            offset: Some(zone),
            ..time
        })
    }
}

/// Returns the pod (and its UID, when known) that an event belongs to.
fn attribute(raw: &RawEvent, links: &Links) -> Option<(PodName, Option<String>)> {
    let hit = &raw.hit;
    let container = hit
        .container_id
        .as_deref()
        .and_then(|id| links.containers.get(id));
    let pod = hit
        .pod
        .as_deref()
        .or(container.and_then(|c| c.pod.as_ref()))?;
    let by_uid = pod
        .uid
        .as_deref()
        .and_then(|uid| links.pod_of_uid(uid, pod.uid_truncated));
    let full_uid = pod
        .uid
        .as_deref()
        .and_then(|uid| full_uid(uid, pod.uid_truncated, links));
    if let Some(namespace) = &pod.namespace {
        let name = (Some(namespace.clone()), pod.name.clone());
        let uid = full_uid.or_else(|| links.only_uid_of(&name).map(str::to_string));
        return Some((name, uid));
    }
    if let Some(name) = by_uid {
        return Some((name.clone(), full_uid));
    }
    if pod.has_name() {
        let name = links
            .pod_of_name(&pod.name)
            .cloned()
            .unwrap_or((None, pod.name.clone()));
        return Some((name, full_uid));
    }
    // A UID that no line ties to a name: the pod is listed under its UID.
    let uid = pod.uid.clone()?;
    Some(((None, uid.clone()), Some(uid)))
}

/// Returns the whole UID for a possibly cut one, when exactly one known UID starts with it.
fn full_uid(uid: &str, truncated: bool, links: &Links) -> Option<String> {
    if !truncated {
        return Some(uid.to_string());
    }
    let mut matches = links.uid_pod.keys().filter(|full| full.starts_with(uid));
    match (matches.next(), matches.next()) {
        (Some(full), None) => Some(full.clone()),
        _ => None,
    }
}

fn to_event(
    raw: &RawEvent,
    time: Timestamp,
    pod: Option<usize>,
    uid: Option<String>,
    analyzer: &Analyzer,
) -> Event {
    let links = &analyzer.links;
    let hit = &raw.hit;
    let sandbox = hit
        .container_id
        .as_deref()
        .is_some_and(|id| links.sandboxes.contains(id));
    let kind = match (hit.kind, sandbox) {
        (EventKind::ContainerStarted, true) => EventKind::SandboxCreated,
        (EventKind::ContainerDied | EventKind::ContainerKilled, true) => EventKind::SandboxStopped,
        (kind, _) => kind,
    };
    let known_name = hit
        .container_id
        .as_deref()
        .and_then(|id| links.containers.get(id))
        .and_then(|c| c.name.clone());
    let container = if sandbox {
        Some("POD".to_string())
    } else {
        hit.container.as_deref().map(str::to_string).or(known_name)
    };
    Event {
        time,
        level: if kind == hit.kind {
            hit.level
        } else {
            kind.default_level()
        },
        kind,
        pod,
        uid,
        container,
        file: raw.file,
        line: raw.line,
        offset: raw.offset,
        length: raw.length,
        klog_time: raw.kept.as_deref().and_then(super::texts::klog_time_of),
        rule: analyzer.rules().rule_id(hit.rule).to_string(),
        labels: (kind == hit.kind)
            .then(|| analyzer.rules().labels(hit.rule))
            .flatten(),
        text: raw.kept.as_deref().map(str::to_string).unwrap_or_default(),
    }
}

/// Orders events by time, then by file and line: lines of one second keep their order unless
/// their fractions of a second order them otherwise (grep outputs pasted one after another).
fn sort_events(events: &mut [(Event, &RawEvent)]) {
    events.sort_by(|(a, _), (b, _)| {
        (a.time.local, a.file, a.line).cmp(&(b.time.local, b.file, b.line))
    });
}

/// Applies the level conditions that need the rest of the log, in time order.
fn apply_conditions(events: &mut [(Event, &RawEvent)], links: &Links) {
    let mut deleted: HashMap<usize, bool> = HashMap::default();
    for (event, raw) in events.iter_mut() {
        let pod = event.pod.unwrap_or(usize::MAX);
        if matches!(
            event.kind,
            EventKind::PodDeleted | EventKind::PodKillRequired | EventKind::PodRemoved
        ) {
            deleted.insert(pod, true);
        }
        match raw.hit.condition {
            Some(Condition::ExitCode) if event.kind == EventKind::ContainerDied => {
                let id = raw.hit.container_id.as_deref();
                let code = id.and_then(|id| links.exit_codes.get(id)).copied();
                event.level = if code == Some(0) {
                    Level::Normal
                } else {
                    Level::Warning
                };
            }
            Some(Condition::AfterDeletion) if event.kind == EventKind::ContainerKilled => {
                let after_deletion = deleted.get(&pod).copied().unwrap_or(false);
                event.level = if after_deletion {
                    Level::Normal
                } else {
                    Level::Warning
                };
            }
            Some(Condition::BackoffCap) => {
                event.level = backoff_level(raw.hit.backoff.as_deref());
            }
            Some(Condition::QuietAfterDeletion) if deleted.get(&pod).copied().unwrap_or(false) => {
                event.level = Level::Info;
            }
            _ => {}
        }
    }
}

/// Names the container of PLEG events whose container ID no line ties to a name, when the event
/// follows a death in a pod with only one known container. The kubelet gives a restarted
/// container a new ID that often appears nowhere else, as after a liveness-probe kill.
// NOTE: only sandbox IDs that some line names are excluded, so a new sandbox whose ID no line
// names, started after the container died, is taken for the container's restart.
fn name_restarted_containers(events: &mut [(Event, &RawEvent)], links: &Links) {
    let mut names: HashMap<usize, Vec<String>> = HashMap::default();
    for (event, _) in events.iter() {
        if let (Some(pod), Some(name)) = (event.pod, &event.container) {
            let known = names.entry(pod).or_default();
            if name != "POD" && !known.contains(name) {
                known.push(name.clone());
            }
        }
    }
    let mut died: HashMap<usize, bool> = HashMap::default();
    for (event, raw) in events.iter_mut() {
        let Some(pod) = event.pod else {
            continue;
        };
        let unnamed = event.container.is_none()
            && raw.hit.container_id.as_deref().is_some_and(|id| {
                !links.sandboxes.contains(id)
                    && links.containers.get(id).is_none_or(|c| c.name.is_none())
            });
        let only = names.get(&pod).filter(|known| known.len() == 1);
        if unnamed && died.get(&pod).copied().unwrap_or(false) {
            event.container = only.map(|known| known[0].clone());
        }
        if event.kind == EventKind::ContainerDied && event.container.is_some() {
            died.insert(pod, true);
        }
    }
}

/// Warning until the back-off reaches its 5m0s cap, Error from then on. The kubelet's back-off
/// doubles from 10s and is capped at 5m0s (`MaxContainerBackOff`), so only the cap is written
/// with minutes and no hours.
fn backoff_level(backoff: Option<&str>) -> Level {
    match backoff.map(parse_go_duration) {
        Some(Some(seconds)) if seconds >= 300.0 => Level::Error,
        _ => Level::Warning,
    }
}

/// Parses a Go duration such as `5m0s`, `1m20s`, `40s` or `1h0m0s` into seconds.
fn parse_go_duration(text: &str) -> Option<f64> {
    let mut total = 0.0;
    let mut number = String::new();
    for c in text.chars() {
        if c.is_ascii_digit() || c == '.' {
            number.push(c);
            continue;
        }
        let value: f64 = number.parse().ok()?;
        number.clear();
        total += value
            * match c {
                'h' => 3600.0,
                'm' => 60.0,
                's' => 1.0,
                _ => return None,
            };
    }
    number.is_empty().then_some(total)
}

/// Counts each pod's events per level as the timeline does: lines of one kind and container
/// in one second are one event.
fn count_events(pods: &mut [PodSummary], events: &[Event]) {
    let mut counted = HashSet::default();
    for event in events {
        let Some(pod) = event.pod.and_then(|index| pods.get_mut(index)) else {
            continue;
        };
        pod.see(event.time);
        let key = (event.pod, event.time.second(), event.kind, &event.container);
        if counted.insert(key) {
            pod.counts[event.level.index()] += 1;
        }
    }
}

fn file_summary(file: &FileState, year: i32, year_from: YearFrom) -> FileSummary {
    let mut issues = Vec::new();
    // Most of a support bundle is other programs' files, text or binary: one skip note covers
    // them. A compressed log that could not be read keeps its own message.
    let compressed = matches!(file.rejected, Some(InputIssue::Compressed { .. }));
    if file.bundle.is_some() && file.kubelet_lines == 0 && file.noted.is_empty() && !compressed {
        issues.push(InputIssue::SkippedMember);
    } else if file.bytes == 0 {
        // A noted issue, such as a damaged archive, already reports why nothing was read.
        if file.noted.is_empty() {
            issues.push(InputIssue::Empty);
        }
    } else if let Some(rejected) = &file.rejected {
        issues.push(rejected.clone());
    } else if file.kubelet_lines == 0 {
        issues.push(InputIssue::NoKubeletLines);
    }
    issues.extend(file.noted.iter().cloned());
    if file.long_lines.0 > 0 {
        issues.push(InputIssue::LongLines {
            count: file.long_lines.0,
            first_line: file.long_lines.1,
            max_bytes: super::analyzer::LINE_LIMIT,
        });
    }
    if file.invalid_utf8.0 > 0 {
        issues.push(InputIssue::InvalidUtf8 {
            count: file.invalid_utf8.0,
            first_line: file.invalid_utf8.1,
        });
    }
    FileSummary {
        name: file.name.clone(),
        year,
        year_from,
        bundle: file.bundle.clone(),
        bytes: file.bytes,
        lines: file.lines,
        kubelet_lines: file.kubelet_lines,
        issues,
    }
}

/// Pods by name, in the order first seen.
#[derive(Default)]
struct PodTable {
    summaries: Vec<PodSummary>,
    index: HashMap<PodName, usize>,
}

impl PodTable {
    fn index_of(&mut self, name: &PodName) -> usize {
        if let Some(&index) = self.index.get(name) {
            return index;
        }
        self.summaries.push(PodSummary {
            namespace: name.0.clone(),
            name: name.1.clone(),
            uids: Vec::new(),
            first_seen: None,
            last_seen: None,
            incarnations: Vec::new(),
            counts: [0; 5],
        });
        self.index.insert(name.clone(), self.summaries.len() - 1);
        self.summaries.len() - 1
    }

    fn add_uid(&mut self, pod: usize, uid: Option<&str>) {
        let uids = &mut self.summaries[pod].uids;
        if let Some(uid) = uid {
            if !uids.iter().any(|known| known == uid) {
                uids.push(uid.to_string());
            }
        }
    }
}
