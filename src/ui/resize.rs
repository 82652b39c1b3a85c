//! Browser glue for following an element's size with a `ResizeObserver`, which also detects the
//! changes a window `resize` event misses, such as a page scrollbar appearing.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A running observation of one element. Dropping it stops the observation.
pub struct SizeWatch {
    observer: web_sys::ResizeObserver,
    _callback: Closure<dyn FnMut()>,
}

impl SizeWatch {
    /// Starts calling `on_resize` whenever `element` changes size, and once when it is first
    /// laid out.
    pub fn new(element: &web_sys::Element, on_resize: impl FnMut() + 'static) -> Option<SizeWatch> {
        let callback = Closure::<dyn FnMut()>::new(on_resize);
        let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
        observer.observe(element);
        Some(SizeWatch {
            observer,
            _callback: callback,
        })
    }
}

impl Drop for SizeWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}
