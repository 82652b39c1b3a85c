//! Steps from a pod's events to the picture. They select the node events that belong with a
//! pod, aggregate events per second and find the window that the range slider selects. They
//! also compute the geometry of the marks with the node lane and the incarnation bands, and
//! build the standalone SVG export from that geometry.

pub mod aggregate;
mod bands;
pub mod buckets;
pub mod caption;
pub mod events;
pub mod incarnation;
mod lanes;
pub mod layout;
mod node_lane;
pub mod overview;
pub mod svg;
mod svg_file;
mod svg_header;
mod svg_lanes;
mod svg_overview;
pub mod window;

pub use aggregate::{aggregate, split_by_pod, Second};
pub use bands::Band;
pub use buckets::{buckets, Bucket, SecondIndex};
pub use caption::{utc_offset, verbosity_notice, zone_caption};
pub use events::{node_events_near, TimelineEvents, NODE_LEAD_SECONDS, NODE_TRAIL_SECONDS};
pub use incarnation::{incarnation_of, incarnation_tag, incarnations_in};
pub use lanes::Lanes;
pub use layout::{
    layout, min_label_width, window_marks_for, Anchor, Gap, Layout, Mark, RowKind, TextRow,
    LABEL_MIN_SPACING, MARK_SPACING,
};
pub use node_lane::{NodeLane, NodeMark};
pub use overview::{bucket_count_for, overview, Bar, NodeBars, Overview, Tick};
pub use svg::{export_svg, generator, ExportInfo, VERSION};
pub use svg_file::export_pods_svg;
pub use window::{Window, WINDOW_MARKS};
