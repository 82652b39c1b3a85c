//! The chosen pod's downloads: one button per export format beside the timeline's title, the
//! choice of the seconds that picture exports show, the redact switch, and the rendering of
//! each format. A file is saved through a Blob, an object URL and a click on a detached anchor
//! with a `download` name.

use super::export_svg::svg_file;
use super::i18n::Msg;
use super::model::{safe_file_name, TimelineModel};
use super::png::png_of_svg;
use super::share::{with_shared_analysis, ExportScope, RedactSwitch, ScopeChoice};
use super::state::State;
use crate::analysis::Analysis;
use crate::i18n::Lang;
use crate::level::LevelSet;
use crate::timeline::{TimelineEvents, Window};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A form the page can save the chosen pod's lifecycle in, at the levels shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// The standalone SVG timeline of the whole lifecycle or of the window.
    Svg,
    /// The SVG's picture as a PNG at twice its size.
    Png,
    /// One event record per line, the output of `podlife --format json`.
    JsonLines,
    /// The same records as a CSV table, the output of `podlife --format csv`.
    Csv,
}

/// The contents of an export: the pod, its levels, the language of labels, and for a picture
/// the window of seconds, or `None` for the whole lifecycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportRequest {
    pub pod: usize,
    pub levels: LevelSet,
    pub lang: Lang,
    pub window: Option<Window>,
}

impl ExportFormat {
    /// Every format, in the order of their buttons.
    pub const ALL: [ExportFormat; 4] = [
        ExportFormat::Svg,
        ExportFormat::Png,
        ExportFormat::JsonLines,
        ExportFormat::Csv,
    ];

    /// Returns the `data-testid` of the format's button.
    pub fn test_id(self) -> &'static str {
        match self {
            ExportFormat::Svg => "download-svg",
            ExportFormat::Png => "download-png",
            ExportFormat::JsonLines => "download-json",
            ExportFormat::Csv => "download-csv",
        }
    }

    /// Returns the text of the format's button.
    pub fn label(self) -> Msg {
        match self {
            ExportFormat::Svg => Msg::DownloadSvg,
            ExportFormat::Png => Msg::DownloadPng,
            ExportFormat::JsonLines => Msg::DownloadJson,
            ExportFormat::Csv => Msg::DownloadCsv,
        }
    }

    /// Returns the tooltip of the format's button.
    pub fn hint(self) -> Msg {
        match self {
            ExportFormat::Svg => Msg::DownloadSvgHint,
            ExportFormat::Png => Msg::DownloadPngHint,
            ExportFormat::JsonLines => Msg::DownloadJsonHint,
            ExportFormat::Csv => Msg::DownloadCsvHint,
        }
    }

    fn mime(self) -> &'static str {
        match self {
            ExportFormat::Svg => "image/svg+xml",
            ExportFormat::Png => "image/png",
            ExportFormat::JsonLines => "application/x-ndjson",
            ExportFormat::Csv => "text/csv",
        }
    }

    /// Renders the request in this format as text, with the file name to save it as. A PNG is
    /// rendered as its SVG, which [`png_of_svg`] then draws.
    pub fn render(
        self,
        analysis: &Analysis,
        request: ExportRequest,
    ) -> Result<(String, String), String> {
        let ExportRequest {
            pod,
            levels,
            lang,
            window,
        } = request;
        match self {
            ExportFormat::Svg | ExportFormat::Png => {
                Ok(svg_file(analysis, pod, levels, lang, window))
            }
            ExportFormat::JsonLines | ExportFormat::Csv => {
                records_file(analysis, pod, levels, self)
            }
        }
    }
}

/// Writes `pod`'s events and the node events near them at `levels` with the CLI's own JSON
/// lines or CSV writer, so the file equals `podlife --format json` or `--format csv` for the
/// same pod, levels and input files.
fn records_file(
    analysis: &Analysis,
    pod: usize,
    levels: LevelSet,
    format: ExportFormat,
) -> Result<(String, String), String> {
    let events = TimelineEvents::of(analysis, &[pod], levels).merged();
    let mut out = Vec::new();
    let (written, extension) = match format {
        ExportFormat::Csv => (crate::export::write_csv(&mut out, &events, analysis), "csv"),
        _ => (
            crate::export::write_json_lines(&mut out, &events, analysis),
            "jsonl",
        ),
    };
    written.map_err(|e| e.to_string())?;
    let text = String::from_utf8(out).map_err(|e| e.to_string())?;
    let name = format!(
        "{}-events.{extension}",
        safe_file_name(&analysis.pods[pod].name)
    );
    Ok((name, text))
}

/// Renders the download buttons of the chosen pod, one per [`ExportFormat`], the choice of
/// seconds for the pictures and the redact switch. The buttons are disabled while no event of
/// the pod is at the levels shown.
#[component]
pub fn ExportButtons(
    state: State,
    pod: Memo<Option<usize>>,
    timeline: Memo<Option<TimelineModel>>,
) -> impl IntoView {
    let lang = state.lang;
    let scope = RwSignal::new(ExportScope::default());
    let buttons = ExportFormat::ALL
        .into_iter()
        .map(|format| {
            view! {
                <button
                    type="button"
                    class="button"
                    data-testid=format.test_id()
                    title=move || format.hint().text(lang.get())
                    disabled=move || timeline.with(Option::is_none)
                    on:click=move |_| save(state, pod, timeline, scope, format)
                >
                    {move || format.label().text(lang.get())}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="exports">
            <div class="actions">
                <ScopeChoice state=state scope=scope />
                {buttons}
            </div>
            <RedactSwitch state=state />
        </div>
    }
}

fn save(
    state: State,
    pod: Memo<Option<usize>>,
    timeline: Memo<Option<TimelineModel>>,
    scope: RwSignal<ExportScope>,
    format: ExportFormat,
) {
    let Some(index) = pod.get_untracked() else {
        return;
    };
    let window = match scope.get_untracked() {
        ExportScope::Whole => None,
        ExportScope::Window => timeline.with_untracked(|model| model.as_ref().map(|m| m.window)),
    };
    let request = ExportRequest {
        pod: index,
        levels: state.levels.get_untracked(),
        lang: state.lang.get_untracked(),
        window,
    };
    let rendered = with_shared_analysis(state, |analysis| format.render(analysis, request));
    let (name, text) = match rendered {
        Ok(file) => file,
        Err(error) => {
            leptos::logging::error!("{} download failed: {error}", format.test_id());
            return;
        }
    };
    if format == ExportFormat::Png {
        spawn_local(save_png(name, text));
        return;
    }
    if let Err(error) = download_text(&name, format.mime(), &text) {
        leptos::logging::error!("{} download failed: {error:?}", format.test_id());
    }
}

/// Draws the SVG `svg` as a PNG and offers it under `svg_name` with the extension `.png`.
async fn save_png(svg_name: String, svg: String) {
    let name = match svg_name.strip_suffix(".svg") {
        Some(stem) => format!("{stem}.png"),
        None => format!("{svg_name}.png"),
    };
    let saved = match png_of_svg(&svg).await {
        Ok(blob) => download_blob(&name, &blob),
        Err(error) => Err(error),
    };
    if let Err(error) = saved {
        leptos::logging::error!("download-png failed: {error:?}");
    }
}

/// Returns `text` as a Blob of the MIME type `mime`.
pub fn blob_of(text: &str, mime: &str) -> Result<web_sys::Blob, JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
}

/// Offers `text` to the user as a download named `name` with the MIME type `mime`.
pub fn download_text(name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    download_blob(name, &blob_of(text, mime)?)
}

/// Offers `blob` to the user as a download named `name`.
pub fn download_blob(name: &str, blob: &web_sys::Blob) -> Result<(), JsValue> {
    let url = web_sys::Url::create_object_url_with_blob(blob)?;
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
