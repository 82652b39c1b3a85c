//! Incarnation bands: when a pod was deleted and recreated under the same name, each run of
//! marks of one incarnation is drawn on a shaded band, labelled with its number and UID.

use super::aggregate::Second;
use super::incarnation::{incarnation_tag, second_incarnation};
use super::layout::{text_width, Mark};
use crate::analysis::Incarnation;

/// Room above the pod's marks for the band labels, when there are bands.
pub(super) const BAND_LABEL_ROOM: f64 = 16.0;

/// A band behind a run of consecutive marks of one incarnation. Incarnations whose lines
/// interleave get several bands each.
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    /// Index into the pod's incarnations; the label numbers it from 1.
    pub incarnation: usize,
    pub uid: String,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    /// `#2 9b7d5c3e…`, or `#2` alone when the band is too narrow for the UID.
    pub label: String,
    pub label_x: f64,
    pub label_y: f64,
}

/// Lays out the bands behind `marks`, the marks of `shown`, from the top of the picture down to
/// `height`. Returns no bands with fewer than two incarnations.
pub(super) fn bands(
    incarnations: &[Incarnation],
    shown: &[Second<'_>],
    marks: &[Mark],
    (start_x, end_x): (f64, f64),
    height: f64,
) -> Vec<Band> {
    if incarnations.len() < 2 || marks.is_empty() {
        return Vec::new();
    }
    let owners: Vec<Option<usize>> = shown
        .iter()
        .map(|second| second_incarnation(incarnations, second))
        .collect();
    let mut bands = Vec::new();
    let mut run_start = 0;
    for i in 1..=marks.len() {
        if i < marks.len() && owners[i] == owners[run_start] {
            continue;
        }
        if let Some(incarnation) = owners[run_start] {
            let left = match run_start {
                0 => start_x,
                n => (marks[n - 1].x + marks[n].x) / 2.0,
            };
            let right = marks
                .get(i)
                .map_or(end_x, |next| (marks[i - 1].x + next.x) / 2.0);
            bands.push(band(incarnations, incarnation, left, right, height));
        }
        run_start = i;
    }
    bands
}

fn band(incarnations: &[Incarnation], index: usize, left: f64, right: f64, height: f64) -> Band {
    let width = right - left;
    let tag = format!("{}…", incarnation_tag(incarnations, index));
    let label = if text_width(&tag, 6.5, 11.0) + 8.0 <= width {
        tag
    } else {
        format!("#{}", index + 1)
    };
    Band {
        incarnation: index,
        uid: incarnations[index].uid.clone(),
        x: left,
        y: 0.0,
        width,
        height,
        label,
        label_x: left + 4.0,
        label_y: 12.0,
    }
}

#[cfg(test)]
mod tests {
    use crate::i18n::Lang;
    use crate::kind::EventKind;
    use crate::level::LevelSet;
    use crate::timeline::incarnation::tests::{event, incarnation};
    use crate::timeline::{aggregate, layout, Lanes, Window};

    const OLD: &str = "aaaa1111-0000-4000-8000-000000000001";
    const NEW: &str = "bbbb2222-0000-4000-8000-000000000002";

    #[test]
    fn bands_follow_incarnations() {
        let events = [
            event(100, EventKind::PodAdded, Some(OLD)),
            event(120, EventKind::ContainerStarted, None),
            event(200, EventKind::PodAdded, Some(NEW)),
            event(300, EventKind::ContainerKilled, Some(OLD)),
        ];
        let lives = [incarnation(OLD, 100, 300), incarnation(NEW, 200, 200)];
        let seconds = aggregate(&events, LevelSet::ALL);
        let lanes = Lanes {
            node: &[],
            incarnations: &lives,
        };
        let geometry = layout(&seconds, &lanes, Window::all(4), Lang::En, None);

        let uids: Vec<&str> = geometry.bands.iter().map(|b| b.uid.as_str()).collect();
        assert_eq!(
            uids,
            [OLD, NEW, OLD],
            "a late line of the old UID gets its own band"
        );
        let first = &geometry.bands[0];
        let x = |i: usize| geometry.marks[i].x;
        assert_eq!(first.x, geometry.axis_start_x);
        assert_eq!(first.x + first.width, (x(1) + x(2)) / 2.0);
        assert_eq!(first.label, "#1 aaaa1111…");
        assert_eq!(geometry.bands[1].label, "#2 bbbb2222…");
        assert_eq!(geometry.bands[1].x, (x(1) + x(2)) / 2.0);
        let last = &geometry.bands[2];
        assert_eq!(last.x + last.width, geometry.axis_end_x);
        assert_eq!(first.height, geometry.pod_height);

        let top_text = geometry
            .marks
            .iter()
            .map(|m| m.text_y)
            .fold(f64::INFINITY, f64::min);
        for band in &geometry.bands {
            assert!(
                band.label_y + 12.0 < top_text,
                "band labels sit above the mark text"
            );
        }
    }

    #[test]
    fn bands_need_two_incarnations() {
        let events = [event(100, EventKind::PodAdded, Some(OLD))];
        let lives = [incarnation(OLD, 100, 100)];
        let seconds = aggregate(&events, LevelSet::ALL);
        let lanes = Lanes {
            node: &[],
            incarnations: &lives,
        };
        let geometry = layout(&seconds, &lanes, Window::all(1), Lang::En, None);
        assert!(geometry.bands.is_empty());
    }
}
