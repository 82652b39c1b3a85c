//! From a pod's events to the picture: per-second aggregation, the window the range slider
//! selects, the geometry of the marks with the node lane and the incarnation bands, and the
//! standalone SVG export built from that geometry.

pub mod aggregate;
mod bands;
pub mod caption;
pub mod incarnation;
mod lanes;
pub mod layout;
mod node_lane;
pub mod svg;
mod svg_lanes;
pub mod window;

pub use aggregate::{aggregate, Second};
pub use bands::Band;
pub use caption::{utc_offset, verbosity_notice, zone_caption};
pub use incarnation::{incarnation_of, incarnation_tag, incarnations_in};
pub use lanes::Lanes;
pub use layout::{
    layout, min_label_width, window_marks_for, Anchor, Gap, Layout, Mark, RowKind, TextRow,
    LABEL_MIN_SPACING, MARK_SPACING,
};
pub use node_lane::{NodeLane, NodeMark, NODE_MARGIN_SECONDS};
pub use svg::{export_svg, ExportInfo};
pub use window::{Window, WINDOW_MARKS};
