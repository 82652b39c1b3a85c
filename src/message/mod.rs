//! Reading the kubelet message after the klog header: the structured `"msg" key=value` form of
//! Kubernetes 1.21 and newer, and the pod references of every generation.

pub mod kv;
pub mod podref;

pub use kv::{parse_structured, unquote, Field, Structured};
pub use podref::{parse_pod_list, parse_pod_ref, PodRef};
