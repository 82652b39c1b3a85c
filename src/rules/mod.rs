//! The rule table: data that maps kubelet message templates to event kinds and levels, and the
//! matcher that applies it to a message.
//!
//! The built-in table is `builtin.json`, compiled into the binary. Each rule names a structured
//! message (`"Probe failed"`, matched exactly), a regular expression over the klog message, or
//! both. The regular expressions serve the printf style of 1.20 and older and text inside
//! structured values. Each rule also has the literal that a message must contain before the rule
//! is tried at all. A rule may carry its own labels, which replace its kind's on the timeline.
//!
//! A user's table has the same form, published as the JSON Schema `public/rules.schema.json`.
//! [`RuleSet::from_json`] checks a document field by field, so a [`RuleError`] names the rule and
//! the field at fault, in English or Simplified Chinese.

mod error;
mod matcher;
mod table;
mod validate;

pub use error::{JsonType, RuleError, RuleRef};
pub(crate) use matcher::structured_of;
pub use matcher::{Hit, RuleSet};
pub use table::{Condition, PodsMode, RuleFile, RuleLabels, RuleSpec, Source};
pub use validate::{kind_names, level_names, serde_names, FILE_FIELDS, LABEL_FIELDS, RULE_FIELDS};
