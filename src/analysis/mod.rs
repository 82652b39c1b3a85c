//! Reading logs into an [`Analysis`]: every pod in them and every lifecycle moment of each.

mod analyzer;
mod links;
mod messages;
mod model;
mod query;
mod resolve;

pub use analyzer::{Analyzer, FileId, YearSource};
pub use model::{
    Analysis, Event, FileSummary, Incarnation, InputIssue, PodSummary, Verbosity, Zone,
};
