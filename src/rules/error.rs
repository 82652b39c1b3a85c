//! Errors of a rule document, each naming the rule and the field, in English and Simplified
//! Chinese.

use crate::i18n::Lang;
use std::fmt;

/// The rule an error is about: its 1-based position in `rules`, and its id when it has one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleRef {
    pub position: usize,
    pub id: Option<String>,
}

impl RuleRef {
    fn en(&self) -> String {
        match &self.id {
            Some(id) => format!("rule {id:?} (#{})", self.position),
            None => format!("rule #{}", self.position),
        }
    }

    fn zh(&self) -> String {
        match &self.id {
            Some(id) => format!("规则 {id:?}（第 {} 条）", self.position),
            None => format!("第 {} 条规则", self.position),
        }
    }
}

/// The JSON type a field must have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonType {
    String,
    Boolean,
    Integer,
    Array,
    Object,
    /// An object whose values are all strings.
    StringMap,
}

impl JsonType {
    fn en(self) -> &'static str {
        match self {
            JsonType::String => "a string",
            JsonType::Boolean => "true or false",
            JsonType::Integer => "an integer",
            JsonType::Array => "an array",
            JsonType::Object => "an object",
            JsonType::StringMap => "an object whose values are strings",
        }
    }

    fn zh(self) -> &'static str {
        match self {
            JsonType::String => "字符串",
            JsonType::Boolean => "true 或 false",
            JsonType::Integer => "整数",
            JsonType::Array => "数组",
            JsonType::Object => "对象",
            JsonType::StringMap => "值均为字符串的对象",
        }
    }
}

/// Above this many valid values, a message names the schema and a close value instead of
/// listing them all.
const LISTED_VALUES: usize = 10;

/// A fault that makes a rule document unusable. Every variant about one rule names it and the
/// field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuleError {
    /// The text is not JSON. `line` and `column` are 1-based.
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    /// The document (`rule` is `None`) or a rule is not a JSON object.
    NotAnObject {
        rule: Option<RuleRef>,
    },
    /// The document or a rule has a field the schema does not define. A field inside
    /// `labels` is written `labels.<name>`.
    UnknownField {
        rule: Option<RuleRef>,
        field: String,
    },
    MissingField {
        rule: Option<RuleRef>,
        field: String,
    },
    WrongType {
        rule: Option<RuleRef>,
        field: String,
        expected: JsonType,
    },
    /// A field whose value must be one of a list of names has another value.
    UnknownValue {
        rule: RuleRef,
        field: String,
        value: String,
        valid: Vec<String>,
    },
    /// The field must not be empty or blank.
    EmptyField {
        rule: RuleRef,
        field: String,
    },
    UnsupportedVersion {
        version: u64,
    },
    /// Two rules have the same id; `first` is the position of the earlier one.
    DuplicateId {
        rule: RuleRef,
        first: usize,
    },
    /// The rule has neither `message` nor `literal`, so nothing selects it.
    NoLiteral {
        rule: RuleRef,
    },
    InvalidRegex {
        rule: RuleRef,
        message: String,
    },
    UnknownGroup {
        rule: RuleRef,
        group: String,
    },
    UnknownSlot {
        rule: RuleRef,
        slot: String,
    },
    /// A rule that passed the field checks but still does not fit the rule type, with serde's
    /// message.
    Invalid {
        rule: RuleRef,
        message: String,
    },
}

/// The capture groups a rule's regex may name, as messages list them.
const GROUP_LIST: &str =
    "pod, namespace, name, pods, uid, container, container_id, exit_code, backoff, sandbox_id";
/// The slots a rule's `bind` may set, as messages list them.
const SLOT_LIST: &str = "pod, pods, uid, container, container_id, exit_code";

impl RuleError {
    /// Returns the message in `lang`. The English one is also the `Display` form.
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.english(),
            Lang::ZhCn => self.chinese(),
        }
    }

    /// Returns the rule the error is about, if it is about one rule.
    pub fn rule(&self) -> Option<&RuleRef> {
        match self {
            RuleError::Syntax { .. } | RuleError::UnsupportedVersion { .. } => None,
            RuleError::NotAnObject { rule }
            | RuleError::UnknownField { rule, .. }
            | RuleError::MissingField { rule, .. }
            | RuleError::WrongType { rule, .. } => rule.as_ref(),
            RuleError::UnknownValue { rule, .. }
            | RuleError::EmptyField { rule, .. }
            | RuleError::DuplicateId { rule, .. }
            | RuleError::NoLiteral { rule }
            | RuleError::InvalidRegex { rule, .. }
            | RuleError::UnknownGroup { rule, .. }
            | RuleError::UnknownSlot { rule, .. }
            | RuleError::Invalid { rule, .. } => Some(rule),
        }
    }

    fn english(&self) -> String {
        let subject = match self.rule() {
            Some(rule) => rule.en(),
            None => "rule file".to_string(),
        };
        let problem = match self {
            RuleError::Syntax {
                line,
                column,
                message,
            } => format!("is not valid JSON at line {line}, column {column}: {message}"),
            RuleError::NotAnObject { rule: None } => {
                "must be a JSON object with the fields \"version\" and \"rules\"".to_string()
            }
            RuleError::NotAnObject { rule: Some(_) } => "must be a JSON object".to_string(),
            RuleError::UnknownField { field, .. } => {
                format!("field {field:?} is unknown; check its spelling against rules.schema.json")
            }
            RuleError::MissingField { field, .. } => format!("field {field:?} is missing"),
            RuleError::WrongType {
                field, expected, ..
            } => format!("field {field:?} must be {}", expected.en()),
            RuleError::UnknownValue {
                field,
                value,
                valid,
                ..
            } => format!(
                "field {field:?} has unknown value {value:?}; {}",
                valid_values_en(field, value, valid)
            ),
            RuleError::EmptyField { field, .. } => format!("field {field:?} must not be empty"),
            RuleError::UnsupportedVersion { version } => {
                format!("field \"version\" is {version}, which is not supported: expected 1")
            }
            RuleError::DuplicateId { first, .. } => {
                format!("field \"id\" repeats the id of rule #{first}; ids must be unique")
            }
            RuleError::NoLiteral { .. } => {
                "field \"message\" or \"literal\" is required and must not be empty".to_string()
            }
            RuleError::InvalidRegex { message, .. } => {
                format!("field \"regex\" is invalid: {message}")
            }
            RuleError::UnknownGroup { group, .. } => {
                format!("field \"regex\" has unknown group {group:?}; use {GROUP_LIST}")
            }
            RuleError::UnknownSlot { slot, .. } => {
                format!("field \"bind\" has unknown slot {slot:?}; use {SLOT_LIST}")
            }
            RuleError::Invalid { message, .. } => format!("is invalid: {message}"),
        };
        format!("{subject}: {problem}")
    }

    fn chinese(&self) -> String {
        let subject = match self.rule() {
            Some(rule) => rule.zh(),
            None => "规则文件".to_string(),
        };
        let problem = match self {
            RuleError::Syntax {
                line,
                column,
                message,
            } => format!("不是有效的 JSON（第 {line} 行第 {column} 列）：{message}"),
            RuleError::NotAnObject { rule: None } => {
                "必须是包含 \"version\" 与 \"rules\" 字段的 JSON 对象".to_string()
            }
            RuleError::NotAnObject { rule: Some(_) } => "必须是 JSON 对象".to_string(),
            RuleError::UnknownField { field, .. } => {
                format!("字段 {field:?} 未知，请对照 rules.schema.json 检查拼写")
            }
            RuleError::MissingField { field, .. } => format!("缺少字段 {field:?}"),
            RuleError::WrongType {
                field, expected, ..
            } => format!("字段 {field:?} 必须是{}", expected.zh()),
            RuleError::UnknownValue {
                field,
                value,
                valid,
                ..
            } => format!(
                "字段 {field:?} 的值 {value:?} 未知；{}",
                valid_values_zh(field, value, valid)
            ),
            RuleError::EmptyField { field, .. } => format!("字段 {field:?} 不能为空"),
            RuleError::UnsupportedVersion { version } => {
                format!("字段 \"version\" 为 {version}，不受支持：应为 1")
            }
            RuleError::DuplicateId { first, .. } => {
                format!("字段 \"id\" 与第 {first} 条规则重复；id 必须唯一")
            }
            RuleError::NoLiteral { .. } => {
                "必须有字段 \"message\" 或 \"literal\"，且不能为空".to_string()
            }
            RuleError::InvalidRegex { message, .. } => {
                format!("字段 \"regex\" 无效：{message}")
            }
            RuleError::UnknownGroup { group, .. } => {
                format!("字段 \"regex\" 含未知分组 {group:?}；可用：{GROUP_LIST}")
            }
            RuleError::UnknownSlot { slot, .. } => {
                format!("字段 \"bind\" 含未知槽位 {slot:?}；可用：{SLOT_LIST}")
            }
            RuleError::Invalid { message, .. } => format!("无效：{message}"),
        };
        format!("{subject}：{problem}")
    }
}

fn valid_values_en(field: &str, value: &str, valid: &[String]) -> String {
    if valid.len() <= LISTED_VALUES {
        return format!("expected one of {}", quoted(valid));
    }
    let listed = format!(
        "the {:?} enum of rules.schema.json lists all {} values",
        field,
        valid.len()
    );
    match closest(value, valid) {
        Some(close) => format!("did you mean {close:?}? {listed}"),
        None => listed,
    }
}

fn valid_values_zh(field: &str, value: &str, valid: &[String]) -> String {
    if valid.len() <= LISTED_VALUES {
        return format!("应为以下之一：{}", quoted(valid));
    }
    let listed = format!(
        "rules.schema.json 中 {:?} 的 enum 列出了全部 {} 个值",
        field,
        valid.len()
    );
    match closest(value, valid) {
        Some(close) => format!("是否想写 {close:?}？{listed}"),
        None => listed,
    }
}

fn quoted(values: &[String]) -> String {
    values
        .iter()
        .map(|value| format!("{value:?}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Returns the valid value that `value` most likely meant: the same name in another case, else
/// the first name that contains it or that it contains, ignoring case.
fn closest<'a>(value: &str, valid: &'a [String]) -> Option<&'a str> {
    let lower = value.trim().to_lowercase();
    if lower.is_empty() {
        return None;
    }
    let same = valid.iter().find(|name| name.to_lowercase() == lower);
    let overlapping = || {
        valid.iter().find(|name| {
            let name = name.to_lowercase();
            name.contains(&lower) || lower.contains(&name)
        })
    };
    same.or_else(overlapping).map(String::as_str)
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.english())
    }
}

impl std::error::Error for RuleError {}
