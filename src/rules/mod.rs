//! The rule table: data that maps kubelet message templates to event kinds and levels, and the
//! matcher that applies it to a message.
//!
//! The built-in table is `builtin.json`, compiled into the binary. Each rule names a structured
//! message (`"Probe failed"`, matched exactly), a regular expression over the klog message, or
//! both. The regular expressions serve the printf style of 1.20 and older and text inside
//! structured values. Each rule also has the literal that a message must contain before the rule
//! is tried at all.

mod matcher;
mod table;

pub(crate) use matcher::structured_of;
pub use matcher::{Hit, RuleSet};
pub use table::{Condition, PodsMode, RuleError, RuleFile, RuleSpec, Source};
