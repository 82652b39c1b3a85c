//! Copying text to the clipboard: with the asynchronous Clipboard API where the page is a secure
//! context, else through a selected, hidden textarea and `document.execCommand("copy")`.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Copies `text` to the clipboard. The Clipboard API is tried first, and the textarea when the
/// API is missing (plain HTTP) or rejects the write.
pub async fn copy_text(text: &str) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    if let Some(clipboard) = clipboard_api(&window) {
        match JsFuture::from(clipboard.write_text(text)).await {
            Ok(_) => return Ok(()),
            Err(error) => {
                leptos::logging::warn!("the Clipboard API rejected the copy: {error:?}");
            }
        }
    }
    copy_with_textarea(&window, text)
}

/// Returns `navigator.clipboard`, which browsers define only in secure contexts.
fn clipboard_api(window: &web_sys::Window) -> Option<web_sys::Clipboard> {
    if !window.is_secure_context() {
        return None;
    }
    let navigator = window.navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard")).ok()?;
    (!clipboard.is_undefined()).then(|| clipboard.unchecked_into())
}

/// Copies `text` by selecting it in a textarea that the `clipboard-scratch` class moves out of
/// sight, because the page's Content-Security-Policy forbids inline styles.
fn copy_with_textarea(window: &web_sys::Window, text: &str) -> Result<(), JsValue> {
    let document = window
        .document()
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let body = document
        .body()
        .ok_or_else(|| JsValue::from_str("no body"))?;
    let area: web_sys::HtmlTextAreaElement = document.create_element("textarea")?.dyn_into()?;
    area.set_class_name("clipboard-scratch");
    area.set_read_only(true);
    area.set_value(text);
    body.append_child(&area)?;
    area.select();
    let copied = document
        .dyn_ref::<web_sys::HtmlDocument>()
        .map(|html| html.exec_command("copy"));
    area.remove();
    match copied {
        Some(Ok(true)) => Ok(()),
        Some(Err(error)) => Err(error),
        _ => Err(JsValue::from_str("document.execCommand(\"copy\") failed")),
    }
}
