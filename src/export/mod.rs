//! Writing a pod's events for other tools: JSON lines, CSV, and a plain-text timeline for a
//! terminal.

mod records;
mod text;

pub use records::{write_csv, write_json_lines, EventRecord};
pub use text::{write_text_timeline, TextTimeline};
