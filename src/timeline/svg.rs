//! The standalone SVG export, drawn from the same [`Layout`](super::Layout) as the page.

use super::aggregate::Second;
use crate::i18n::Lang;

/// What the export's title and notes say about the picture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportInfo {
    /// `namespace/name`.
    pub pod: String,
    pub uids: Vec<String>,
    pub files: Vec<String>,
    pub lang: Lang,
}

/// Renders every second of `seconds` as a standalone SVG document.
pub fn export_svg(seconds: &[Second<'_>], info: &ExportInfo) -> String {
    let _ = (seconds, info);
    todo!("SVG export")
}
