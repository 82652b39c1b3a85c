//! The parse worker's entry point: Trunk builds this binary for WebAssembly as a Web Worker
//! that the page starts. Built natively, it prints what it is and exits.

#[cfg(target_arch = "wasm32")]
fn main() {
    podlife::worker::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    println!("podlife-worker is the page's parse worker; build it for the browser with `trunk build --release`.");
}
