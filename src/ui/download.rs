//! The chosen pod's downloads: one button per export format beside the timeline's title, and
//! the rendering of each format. Text is saved as a file through a Blob, an object URL and a
//! click on a detached anchor with a `download` name.

use super::i18n::Msg;
use super::model::{safe_file_name, svg_download, TimelineModel};
use super::state::State;
use crate::analysis::Analysis;
use crate::i18n::Lang;
use crate::level::LevelSet;
use crate::timeline::TimelineEvents;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A form the page can save the chosen pod's lifecycle in, at the levels shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// The standalone SVG timeline of the whole lifecycle.
    Svg,
    /// One event record per line, the output of `podlife --format json`.
    JsonLines,
}

impl ExportFormat {
    /// Every format, in the order of their buttons.
    pub const ALL: [ExportFormat; 2] = [ExportFormat::Svg, ExportFormat::JsonLines];

    /// Returns the `data-testid` of the format's button.
    pub fn test_id(self) -> &'static str {
        match self {
            ExportFormat::Svg => "download-svg",
            ExportFormat::JsonLines => "download-json",
        }
    }

    /// Returns the text of the format's button.
    pub fn label(self) -> Msg {
        match self {
            ExportFormat::Svg => Msg::DownloadSvg,
            ExportFormat::JsonLines => Msg::DownloadJson,
        }
    }

    /// Returns the tooltip of the format's button.
    pub fn hint(self) -> Msg {
        match self {
            ExportFormat::Svg => Msg::DownloadSvgHint,
            ExportFormat::JsonLines => Msg::DownloadJsonHint,
        }
    }

    fn mime(self) -> &'static str {
        match self {
            ExportFormat::Svg => "image/svg+xml",
            ExportFormat::JsonLines => "application/x-ndjson",
        }
    }

    /// Renders `pod`'s events at `levels` in this format, with the file name to save it as.
    pub fn render(
        self,
        analysis: &Analysis,
        pod: usize,
        levels: LevelSet,
        lang: Lang,
    ) -> Result<(String, String), String> {
        match self {
            ExportFormat::Svg => Ok(svg_download(analysis, pod, levels, lang)),
            ExportFormat::JsonLines => json_lines_download(analysis, pod, levels),
        }
    }
}

/// Writes `pod`'s events and the node events near them at `levels` with the CLI's own JSON
/// lines writer, so the file equals `podlife --format json` for the same pod, levels and input
/// files.
fn json_lines_download(
    analysis: &Analysis,
    pod: usize,
    levels: LevelSet,
) -> Result<(String, String), String> {
    let events = TimelineEvents::of(analysis, &[pod], levels).merged();
    let mut out = Vec::new();
    crate::export::write_json_lines(&mut out, &events, analysis).map_err(|e| e.to_string())?;
    let text = String::from_utf8(out).map_err(|e| e.to_string())?;
    let name = format!("{}-events.jsonl", safe_file_name(&analysis.pods[pod].name));
    Ok((name, text))
}

/// Renders the download buttons of the chosen pod, one per [`ExportFormat`]. They are disabled while no
/// event of the pod is at the levels shown.
#[component]
pub fn ExportButtons(
    state: State,
    pod: Memo<Option<usize>>,
    timeline: Memo<Option<TimelineModel>>,
) -> impl IntoView {
    let lang = state.lang;
    ExportFormat::ALL
        .into_iter()
        .map(|format| {
            view! {
                <button
                    type="button"
                    class="button"
                    data-testid=format.test_id()
                    title=move || format.hint().text(lang.get())
                    disabled=move || timeline.with(Option::is_none)
                    on:click=move |_| save(state, pod, format)
                >
                    {move || format.label().text(lang.get())}
                </button>
            }
        })
        .collect_view()
}

fn save(state: State, pod: Memo<Option<usize>>, format: ExportFormat) {
    let Some(index) = pod.get_untracked() else {
        return;
    };
    let (levels, lang) = (state.levels.get_untracked(), state.lang.get_untracked());
    let rendered = state
        .analysis
        .with_untracked(|analysis| format.render(analysis, index, levels, lang));
    let saved = rendered
        .map_err(JsValue::from)
        .and_then(|(name, text)| download_text(&name, format.mime(), &text));
    if let Err(error) = saved {
        leptos::logging::error!("{} download failed: {error:?}", format.test_id());
    }
}

/// Offers `text` to the user as a download named `name` with the MIME type `mime`.
pub fn download_text(name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window()
        .and_then(|window| window.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    revoke_later(url);
    Ok(())
}

/// Frees the object URL once the browser has started the download.
fn revoke_later(url: String) {
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(window) = web_sys::window() {
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000);
    }
}
