//! Browser glue for the page's surroundings: the pod named in the URL fragment, the user's
//! language, and the document's `lang` and title.

use crate::i18n::Lang;

const LANG_KEY: &str = "podlife.lang";
const POD_PREFIX: &str = "#pod=";

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// Reads the pod named by a fragment such as `#pod=default/probe-demo`.
pub fn pod_in_fragment() -> Option<String> {
    let hash = window()?.location().hash().ok()?;
    let encoded = hash.strip_prefix(POD_PREFIX)?;
    let decoded = js_sys::decode_uri_component(encoded)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| encoded.to_string());
    let pod = decoded.trim().to_string();
    (!pod.is_empty()).then_some(pod)
}

/// Writes the chosen pod into the URL fragment, leaving `/` readable.
pub fn set_pod_fragment(pod: &str) {
    let encoded: String = js_sys::encode_uri_component(pod).into();
    let fragment = format!("{POD_PREFIX}{}", encoded.replace("%2F", "/"));
    if let Some(window) = window() {
        if window.location().hash().ok().as_deref() != Some(fragment.as_str()) {
            let _ = window.location().set_hash(&fragment);
        }
    }
}

/// Removes the pod from the URL, leaving no `#` behind and no new history entry.
pub fn clear_pod_fragment() {
    let Some(window) = window() else {
        return;
    };
    let location = window.location();
    let (Ok(path), Ok(search)) = (location.pathname(), location.search()) else {
        return;
    };
    if let Ok(history) = window.history() {
        let url = format!("{path}{search}");
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// Returns the language chosen earlier on this page, else the browser's.
pub fn preferred_lang() -> Lang {
    let stored = local_storage().and_then(|storage| storage.get_item(LANG_KEY).ok().flatten());
    let tag = stored.or_else(|| window().and_then(|w| w.navigator().language()));
    tag.map(|tag| Lang::from_tag(&tag)).unwrap_or_default()
}

/// Remembers the user's choice of language and sets the document's `lang` and title.
pub fn apply_lang(lang: Lang, title: &str, remember: bool) {
    if remember {
        if let Some(storage) = local_storage() {
            let _ = storage.set_item(LANG_KEY, lang.tag());
        }
    }
    let Some(document) = window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("lang", lang.tag());
    }
    document.set_title(title);
}

fn local_storage() -> Option<web_sys::Storage> {
    window()?.local_storage().ok().flatten()
}
