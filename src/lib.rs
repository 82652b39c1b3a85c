//! podlife reads Kubernetes node logs (syslog, journal or klog files) and reconstructs the
//! lifecycle of every pod in them from the kubelet's lines.
pub mod analysis;
pub mod i18n;
pub mod input;
pub mod kind;
pub mod level;
pub mod message;
pub mod rules;
pub mod time;
pub mod timeline;

pub mod export;
#[cfg(target_arch = "wasm32")]
pub mod ui;
