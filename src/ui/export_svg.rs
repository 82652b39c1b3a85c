//! The standalone SVG of the chosen pod for download: its whole lifecycle, or only the seconds
//! of the timeline's window with the node seconds between them. The engine draws both
//! ([`export_pods_svg`]), as it does for the CLI; this names the file.

use super::model::safe_file_name;
use crate::analysis::Analysis;
use crate::i18n::Lang;
use crate::level::LevelSet;
use crate::timeline::{export_pods_svg, Window};

/// Renders the SVG of `pod` at `levels`, of the seconds in `window` or of the whole lifecycle
/// when `window` is `None`, and returns it with its file name. The whole lifecycle is saved as
/// `<pod>-Pod-lifecycle.svg` like the CLI's file, a window as `<pod>-Pod-lifecycle-window.svg`.
pub fn svg_file(
    analysis: &Analysis,
    pod: usize,
    levels: LevelSet,
    lang: Lang,
    window: Option<Window>,
) -> (String, String) {
    let suffix = if window.is_some() { "-window" } else { "" };
    let name = format!(
        "{}-Pod-lifecycle{suffix}.svg",
        safe_file_name(&analysis.pods[pod].name)
    );
    (
        name,
        export_pods_svg(analysis, &[pod], levels, lang, window),
    )
}
