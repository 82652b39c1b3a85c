//! podlife reads Kubernetes node logs (syslog, journal or klog files) and reconstructs the
//! lifecycle of every pod in them from the kubelet's lines.
pub mod i18n;
pub mod input;
pub mod kind;
pub mod level;
pub mod message;
pub mod time;
pub mod rules;
pub mod analysis;
pub mod timeline;

#[cfg(target_arch = "wasm32")]
pub mod ui;
pub mod export;
