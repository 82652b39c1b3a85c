//! Reads a rule document field by field, so that an error names the rule and the field that
//! serde's own messages leave out.
//!
//! The checks here are the published schema (`public/rules.schema.json`) in code: a document
//! passes them exactly when it is valid for that schema. A test checks that the two agree.

use super::error::{JsonType, RuleError, RuleRef};
use super::table::{Condition, PodsMode, RuleFile, RuleSpec, Source};
use crate::kind::EventKind;
use crate::level::Level;
use serde::Serialize;
use serde_json::{Map, Value};

/// The fields of the document.
pub const FILE_FIELDS: [&str; 2] = ["version", "rules"];

/// The fields of a rule, in the order of [`RuleSpec`].
pub const RULE_FIELDS: [&str; 14] = [
    "id",
    "kind",
    "level",
    "message",
    "fields",
    "regex",
    "literal",
    "each",
    "bind",
    "container",
    "pods",
    "condition",
    "source",
    "labels",
];

/// The fields of a rule's `labels`: one per language tag.
pub const LABEL_FIELDS: [&str; 2] = ["en", "zh-CN"];

/// The schema version this reader understands.
pub const VERSION: u64 = 1;

/// Parses a rule document, checking its structure before any rule is compiled.
pub fn parse_rule_file(json: &str) -> Result<RuleFile, RuleError> {
    let document: Value = serde_json::from_str(json).map_err(syntax_error)?;
    let Value::Object(top) = document else {
        return Err(RuleError::NotAnObject { rule: None });
    };
    if let Some(field) = top.keys().find(|key| !FILE_FIELDS.contains(&key.as_str())) {
        return Err(RuleError::UnknownField {
            rule: None,
            field: field.clone(),
        });
    }
    let version = match top.get("version") {
        None => return Err(missing(None, "version")),
        Some(value) => value
            .as_u64()
            .ok_or_else(|| wrong_type(None, "version", JsonType::Integer))?,
    };
    if version != VERSION {
        return Err(RuleError::UnsupportedVersion { version });
    }
    let rules = match top.get("rules") {
        None => return Err(missing(None, "rules")),
        Some(Value::Array(rules)) => rules,
        Some(_) => return Err(wrong_type(None, "rules", JsonType::Array)),
    };
    let rules = rules
        .iter()
        .enumerate()
        .map(|(index, rule)| parse_rule(index + 1, rule))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(RuleFile {
        version: VERSION as u32,
        rules,
    })
}

/// Turns serde_json's error into one with the line and column apart from the text.
fn syntax_error(err: serde_json::Error) -> RuleError {
    let (line, column) = (err.line(), err.column());
    let text = err.to_string();
    let suffix = format!(" at line {line} column {column}");
    let message = text.strip_suffix(&suffix).unwrap_or(&text).to_string();
    RuleError::Syntax {
        line,
        column,
        message,
    }
}

/// Checks and reads the rule at 1-based `position`.
fn parse_rule(position: usize, value: &Value) -> Result<RuleSpec, RuleError> {
    let Value::Object(fields) = value else {
        let rule = RuleRef { position, id: None };
        return Err(RuleError::NotAnObject { rule: Some(rule) });
    };
    let rule = RuleRef {
        position,
        id: fields.get("id").and_then(Value::as_str).map(str::to_string),
    };
    if let Some(field) = fields
        .keys()
        .find(|key| !RULE_FIELDS.contains(&key.as_str()))
    {
        return Err(RuleError::UnknownField {
            rule: Some(rule),
            field: field.clone(),
        });
    }
    for required in ["id", "kind"] {
        if !fields.contains_key(required) {
            return Err(missing(Some(rule), required));
        }
    }
    for (field, value) in fields {
        check_field(&rule, field, value)?;
    }
    // Every field has been checked, so serde fails here only if the checks above miss a case of
    // the RuleSpec type. The message then still names the rule.
    serde_json::from_value(value.clone()).map_err(|err| RuleError::Invalid {
        rule,
        message: err.to_string(),
    })
}

/// Checks one field of a rule against its type in the schema.
fn check_field(rule: &RuleRef, field: &str, value: &Value) -> Result<(), RuleError> {
    match field {
        "id" => {
            let id = expect_string(rule, field, value)?;
            if id.trim().is_empty() {
                return Err(RuleError::EmptyField {
                    rule: rule.clone(),
                    field: field.to_string(),
                });
            }
            Ok(())
        }
        "kind" => expect_name(rule, field, value, &kind_names()),
        "level" => expect_name(rule, field, value, &level_names()),
        "source" => expect_name(rule, field, value, &serde_names(&Source::ALL)),
        "pods" => expect_name(rule, field, value, &serde_names(&PodsMode::ALL)),
        "condition" => expect_name(rule, field, value, &serde_names(&Condition::ALL)),
        "fields" | "bind" => expect_string_map(rule, field, value),
        "each" if value.is_boolean() => Ok(()),
        "each" => Err(wrong_type(Some(rule.clone()), field, JsonType::Boolean)),
        "labels" => check_labels(rule, value),
        _ => expect_string(rule, field, value).map(|_| ()),
    }
}

fn check_labels(rule: &RuleRef, value: &Value) -> Result<(), RuleError> {
    let Value::Object(labels) = value else {
        return Err(wrong_type(Some(rule.clone()), "labels", JsonType::Object));
    };
    for (tag, label) in labels {
        let field = format!("labels.{tag}");
        if !LABEL_FIELDS.contains(&tag.as_str()) {
            return Err(RuleError::UnknownField {
                rule: Some(rule.clone()),
                field,
            });
        }
        expect_string(rule, &field, label)?;
    }
    Ok(())
}

fn expect_string<'a>(rule: &RuleRef, field: &str, value: &'a Value) -> Result<&'a str, RuleError> {
    value
        .as_str()
        .ok_or_else(|| wrong_type(Some(rule.clone()), field, JsonType::String))
}

fn expect_string_map(rule: &RuleRef, field: &str, value: &Value) -> Result<(), RuleError> {
    let is_string_map = value
        .as_object()
        .is_some_and(|map: &Map<String, Value>| map.values().all(Value::is_string));
    if is_string_map {
        Ok(())
    } else {
        Err(wrong_type(Some(rule.clone()), field, JsonType::StringMap))
    }
}

/// Checks that `value` is one of the names in `valid`, matched exactly.
fn expect_name(
    rule: &RuleRef,
    field: &str,
    value: &Value,
    valid: &[String],
) -> Result<(), RuleError> {
    let name = expect_string(rule, field, value)?;
    if valid.iter().any(|known| known == name) {
        return Ok(());
    }
    Err(RuleError::UnknownValue {
        rule: rule.clone(),
        field: field.to_string(),
        value: name.to_string(),
        valid: valid.to_vec(),
    })
}

/// Returns every event kind's name, as rule files write it.
pub fn kind_names() -> Vec<String> {
    EventKind::ALL
        .iter()
        .map(|kind| kind.name().to_string())
        .collect()
}

/// Returns every level's name, as rule files write it.
pub fn level_names() -> Vec<String> {
    Level::ALL
        .iter()
        .map(|level| level.name().to_string())
        .collect()
}

/// Returns the names serde writes for `values`, so they cannot drift from the derive.
pub fn serde_names<T: Serialize>(values: &[T]) -> Vec<String> {
    values
        .iter()
        .filter_map(|value| match serde_json::to_value(value) {
            Ok(Value::String(name)) => Some(name),
            _ => None,
        })
        .collect()
}

fn missing(rule: Option<RuleRef>, field: &str) -> RuleError {
    RuleError::MissingField {
        rule,
        field: field.to_string(),
    }
}

fn wrong_type(rule: Option<RuleRef>, field: &str, expected: JsonType) -> RuleError {
    RuleError::WrongType {
        rule,
        field: field.to_string(),
        expected,
    }
}
