//! Parts of a pod's timeline besides the pod's own seconds: the node lane under the axis, and
//! one band per incarnation behind the marks when the pod was deleted and recreated.

use super::aggregate::Second;
use crate::analysis::{Analysis, Incarnation};

/// The node's seconds and the pod's incarnations, handed to [`layout`](super::layout()) with the
/// pod's seconds.
#[derive(Debug, Clone, Copy, Default)]
pub struct Lanes<'a> {
    /// The node's seconds that belong with the pod, aggregated like the pod's, in time order.
    /// The layout draws those of the shown window, as the node lane's module describes.
    pub node: &'a [Second<'a>],
    /// The pod's incarnations, in time order. Bands are drawn when there are two or more.
    pub incarnations: &'a [Incarnation],
}

impl<'a> Lanes<'a> {
    /// No node lane and no bands.
    pub const NONE: Lanes<'static> = Lanes {
        node: &[],
        incarnations: &[],
    };

    /// Returns the lanes of `pods` in `analysis`, with `node` aggregated from its node events.
    /// Several pods share one time axis but not their incarnations, so they get no bands.
    pub fn new(node: &'a [Second<'a>], analysis: &'a Analysis, pods: &[usize]) -> Lanes<'a> {
        let incarnations = match pods {
            [pod] => analysis
                .pods
                .get(*pod)
                .map_or(&[][..], |p| p.incarnations.as_slice()),
            _ => &[],
        };
        Lanes { node, incarnations }
    }

    /// Returns whether the pod has two or more incarnations to tell apart.
    pub fn has_bands(&self) -> bool {
        self.incarnations.len() > 1
    }
}
