//! Turning bytes into log records: splitting a chunked stream into lines, recognising the
//! wrapper a node writes around each line (syslog, journal, bare klog) and the klog header of
//! the kubelet message inside it.

pub mod archive;
pub mod journal;
pub mod jsonlog;
pub mod klog;
pub mod lines;
pub mod logfmt;
pub mod wrapper;

pub use klog::{parse_klog_header, KlogHeader};
pub use lines::{LineSplitter, RawLine, MAX_LINE_BYTES};
pub use wrapper::{parse_wrapper, Wrapped};
