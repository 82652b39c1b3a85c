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

/// Returns the analysis of `log` read as one file named `messages` from 2025, with the built-in
/// rules: the input of the engine's unit tests.
#[cfg(test)]
pub(crate) fn analyze_test_log(log: &str) -> Analysis {
    let mut analyzer = Analyzer::new(crate::rules::RuleSet::builtin());
    let file = analyzer.begin_file("messages", 2025);
    analyzer.push(file, log.as_bytes());
    analyzer.end_file(file);
    analyzer.analysis()
}
