//! The web entry point: Trunk builds this binary for WebAssembly, where it mounts the page.
//! Built natively, it prints what it is and exits.

#[cfg(target_arch = "wasm32")]
fn main() {
    podlife::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    println!("podlife-web is the web entry point of podlife; build it for the browser with `trunk build --release`.");
}
