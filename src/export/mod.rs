//! Writing a pod's events for other tools: JSON lines, CSV, and a plain-text timeline for a
//! terminal.

mod records;
mod redact;
mod second_text;
mod text;

pub use records::{write_csv, write_json_lines, EventRecord};
pub use redact::redacted;
pub use second_text::second_text;
pub use text::{write_text_timeline, TextTimeline};
