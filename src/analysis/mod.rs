//! Reading logs into an [`Analysis`]: every pod in them and every lifecycle moment of each.

mod analyzer;
mod decode;
mod filter;
mod incarnation;
mod kept;
mod links;
mod messages;
mod model;
mod query;
mod resolve;
mod texts;
mod zone;

pub use analyzer::{Analyzer, FileId, YearSource};
pub use messages::{is_skipped, skipped_members, skipped_members_message};
pub use model::{
    Analysis, Event, FileSummary, Incarnation, InputIssue, PodSummary, Verbosity, YearFrom, Zone,
};
pub use query::natural_cmp;
pub use texts::{fill_texts, group_ranges, LineRange, LineSource};
