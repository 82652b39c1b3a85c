//! Component tests in a real browser (wasm-bindgen-test under Chromium): the page is mounted,
//! the sample is loaded through its button, and the rendered marks and details are read back.
//! Helpers that need the browser's build are tested here too.

use super::app::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Waits one macrotask, so effects and spawned reads can run.
async fn tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let window = web_sys::window().expect("a window");
        window
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10)
            .expect("setTimeout works");
    });
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .expect("the timer resolves");
}

/// Returns the elements with `data-testid` = `id`, waiting up to two seconds for one to appear.
async fn wait_for(id: &str) -> Vec<Element> {
    let document = web_sys::window().unwrap().document().unwrap();
    let selector = format!("[data-testid=\"{id}\"]");
    for _ in 0..200 {
        let found = document.query_selector_all(&selector).unwrap();
        if found.length() > 0 {
            return (0..found.length())
                .filter_map(|i| found.item(i)?.dyn_into::<Element>().ok())
                .collect();
        }
        tick().await;
    }
    panic!("no element with data-testid={id} appeared");
}

async fn click(id: &str) {
    let element = wait_for(id).await.remove(0);
    element.unchecked_into::<HtmlElement>().click();
    tick().await;
}

#[wasm_bindgen_test]
fn counted_picks_singular_for_one() {
    use super::i18n::{counted, Msg};
    use crate::i18n::Lang;
    let events = |count, lang| counted(count, Msg::EventsOne, Msg::EventsMany, lang);
    assert_eq!(events(1, Lang::En), "1 event");
    assert_eq!(events(0, Lang::En), "0 events");
    assert_eq!(events(3, Lang::En), "3 events");
    assert_eq!(events(1200, Lang::En), "1,200 events");
    assert_eq!(events(1, Lang::ZhCn), "1 个事件");
    assert_eq!(events(3, Lang::ZhCn), "3 个事件");
}

#[wasm_bindgen_test]
async fn sample_draws_marks_and_details() {
    // The page reads the language it was last switched to, so the labels below are English.
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.set_item("podlife.lang", "en").unwrap();
    leptos::mount::mount_to_body(App);
    click("sample-button").await;

    let marks = wait_for("second-mark").await;
    assert_eq!(
        marks.len(),
        7,
        "the sample pod has seven seconds at the default levels"
    );
    let levels: Vec<String> = marks
        .iter()
        .map(|mark| mark.get_attribute("data-level").unwrap_or_default())
        .collect();
    assert_eq!(
        levels,
        ["Normal", "Normal", "Warning", "Warning", "Warning", "Warning", "Normal"]
    );
    let busiest = marks
        .iter()
        .find(|mark| mark.get_attribute("data-second").as_deref() == Some("2025-05-16T18:34:49"))
        .expect("the second of the kill has a mark");
    assert_eq!(busiest.get_attribute("data-count").as_deref(), Some("3"));
    assert_eq!(
        busiest.get_attribute("aria-label").as_deref(),
        Some("18:34:49, Warning, 3 events")
    );
    let added = &marks[0];
    assert_eq!(added.get_attribute("data-count").as_deref(), Some("1"));
    assert_eq!(
        added.get_attribute("aria-label").as_deref(),
        Some("18:34:04, Normal, 1 event"),
        "one event is singular"
    );

    busiest
        .dispatch_event(&web_sys::MouseEvent::new("click").unwrap())
        .unwrap();
    tick().await;
    let rows = wait_for("detail-row").await;
    assert_eq!(rows.len(), 3, "one detail row per event of the second");
    let text = rows[2].text_content().unwrap_or_default();
    assert!(
        text.contains("Killing container with a grace period"),
        "{text}"
    );
}
