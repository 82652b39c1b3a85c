//! From a pod's events to the picture: per-second aggregation, the window the range slider
//! selects, the geometry of the marks, and the standalone SVG export built from that geometry.

pub mod aggregate;
pub mod layout;
pub mod svg;
pub mod window;

pub use aggregate::{aggregate, Second};
pub use layout::{
    layout, min_label_width, window_marks_for, Anchor, Gap, Layout, Mark, RowKind, TextRow,
    LABEL_MIN_SPACING, MARK_SPACING,
};
pub use svg::{export_svg, ExportInfo};
pub use window::{Window, WINDOW_MARKS};
