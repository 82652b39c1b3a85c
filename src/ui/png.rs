//! The PNG export: the SVG export's text loaded as an image from a `blob:` URL, drawn on a canvas
//! at twice its size, and encoded by the browser. Nothing leaves the page.

use js_sys::{Function, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, CanvasRenderingContext2d, HtmlCanvasElement, HtmlImageElement, Url};

/// The scale of the PNG against the SVG's own size, for sharp text on high-density screens.
const SCALE: f64 = 2.0;
/// The largest canvas side Chromium draws, in pixels.
// NOTE: both limits are Chromium's as commonly reported, not measured here. Past a limit,
// `toBlob` returns `null` and the download fails with an error in the console.
const MAX_SIDE: f64 = 32_767.0;
/// The largest canvas area Chromium draws, in pixels: 16384 × 16384.
const MAX_AREA: f64 = 268_435_456.0;

/// Draws `svg` at twice its size, or smaller when that would pass the browsers' canvas limits,
/// and returns the picture as a PNG blob.
pub async fn png_of_svg(svg: &str) -> Result<Blob, JsValue> {
    let source = super::download::blob_of(svg, "image/svg+xml")?;
    let url = Url::create_object_url_with_blob(&source)?;
    let drawn = draw(&url).await;
    let _ = Url::revoke_object_url(&url);
    drawn
}

async fn draw(url: &str) -> Result<Blob, JsValue> {
    let image = HtmlImageElement::new()?;
    image.set_src(url);
    JsFuture::from(image.decode()).await?;
    let (width, height) = (
        f64::from(image.natural_width()),
        f64::from(image.natural_height()),
    );
    if width == 0.0 || height == 0.0 {
        return Err(JsValue::from_str("the SVG has no size to draw"));
    }
    let scale = fitting_scale(width, height);

    let document = web_sys::window()
        .and_then(|window| window.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let canvas: HtmlCanvasElement = document.create_element("canvas")?.dyn_into()?;
    canvas.set_width((width * scale).round() as u32);
    canvas.set_height((height * scale).round() as u32);
    let context: CanvasRenderingContext2d = canvas
        .get_context("2d")?
        .ok_or_else(|| JsValue::from_str("no 2d canvas context"))?
        .dyn_into()?;
    context.scale(scale, scale)?;
    context.draw_image_with_html_image_element(&image, 0.0, 0.0)?;
    encode_png(&canvas).await
}

/// Returns [`SCALE`], lowered when the canvas would pass [`MAX_SIDE`] or [`MAX_AREA`].
fn fitting_scale(width: f64, height: f64) -> f64 {
    let by_side = MAX_SIDE / width.max(height);
    let by_area = (MAX_AREA / (width * height)).sqrt();
    SCALE.min(by_side).min(by_area)
}

/// Encodes the canvas with `toBlob`, whose callback gets `null` when the browser fails.
async fn encode_png(canvas: &HtmlCanvasElement) -> Result<Blob, JsValue> {
    let mut started = Ok(());
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        let settle = Closure::once_into_js(move |blob: JsValue| {
            let _ = match blob.is_null() {
                true => reject.call1(
                    &JsValue::NULL,
                    &"the browser failed to encode the PNG".into(),
                ),
                false => resolve.call1(&JsValue::NULL, &blob),
            };
        });
        started = canvas.to_blob_with_type(settle.unchecked_ref(), "image/png");
    });
    started?;
    JsFuture::from(promise).await?.dyn_into()
}
