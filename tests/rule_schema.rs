//! The published rule schema, `public/rules.schema.json`, against the code that reads rule
//! files: the same fields and names, and the same verdict on valid and invalid documents.

use podlife::i18n::Lang;
use podlife::rules::{
    kind_names, level_names, serde_names, Condition, PodsMode, RuleFile, RuleLabels, RuleSet,
    RuleSpec, Source, FILE_FIELDS, LABEL_FIELDS, RULE_FIELDS,
};
use serde::de::DeserializeOwned;
use serde_json::{json, Value};
use std::collections::BTreeSet;

fn schema() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/public/rules.schema.json");
    let text = std::fs::read_to_string(path).expect("the schema is in public/");
    serde_json::from_str(&text).expect("the schema is JSON")
}

fn validator() -> jsonschema::Validator {
    jsonschema::validator_for(&schema()).expect("the schema is a valid JSON Schema")
}

fn builtin_document() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/rules/builtin.json");
    let text = std::fs::read_to_string(path).expect("builtin.json is readable");
    serde_json::from_str(&text).expect("builtin.json is JSON")
}

/// Returns the field names serde accepts for `T`, read from its unknown-field error, which
/// lists them all.
fn serde_fields<T: DeserializeOwned + std::fmt::Debug>() -> BTreeSet<String> {
    let err = serde_json::from_str::<T>(r#"{"no-such-field": 0}"#).unwrap_err();
    let text = err.to_string();
    let expected = text
        .split("expected")
        .nth(1)
        .expect("serde lists the fields");
    expected
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

fn set(names: &[&str]) -> BTreeSet<String> {
    names.iter().map(|name| name.to_string()).collect()
}

fn keys(object: &Value) -> BTreeSet<String> {
    object
        .as_object()
        .expect("an object")
        .keys()
        .cloned()
        .collect()
}

fn enum_names(value: &Value) -> Vec<String> {
    value["enum"]
        .as_array()
        .expect("an enum")
        .iter()
        .map(|name| name.as_str().expect("a string name").to_string())
        .collect()
}

#[test]
fn schema_fields_match_rule_spec() {
    let schema = schema();
    let rule = &schema["$defs"]["rule"]["properties"];

    assert_eq!(serde_fields::<RuleSpec>(), set(&RULE_FIELDS));
    assert_eq!(keys(rule), set(&RULE_FIELDS));
    assert_eq!(schema["$defs"]["rule"]["additionalProperties"], false);
}

#[test]
fn schema_fields_match_rule_file() {
    let schema = schema();

    assert_eq!(serde_fields::<RuleFile>(), set(&FILE_FIELDS));
    assert_eq!(keys(&schema["properties"]), set(&FILE_FIELDS));
    assert_eq!(schema["additionalProperties"], false);
    assert_eq!(schema["properties"]["version"]["const"], 1);
}

#[test]
fn schema_labels_match_rule_labels() {
    let labels = &schema()["$defs"]["rule"]["properties"]["labels"];

    assert_eq!(serde_fields::<RuleLabels>(), set(&LABEL_FIELDS));
    assert_eq!(keys(&labels["properties"]), set(&LABEL_FIELDS));
    assert_eq!(labels["additionalProperties"], false);
}

#[test]
fn schema_enums_match_code() {
    let schema = schema();
    let rule = &schema["$defs"]["rule"]["properties"];

    assert_eq!(enum_names(&schema["$defs"]["kind"]), kind_names());
    assert_eq!(enum_names(&schema["$defs"]["level"]), level_names());
    assert_eq!(enum_names(&rule["source"]), serde_names(&Source::ALL));
    assert_eq!(enum_names(&rule["pods"]), serde_names(&PodsMode::ALL));
    assert_eq!(enum_names(&rule["condition"]), serde_names(&Condition::ALL));
}

#[test]
fn builtin_table_is_valid() {
    let validator = validator();
    let builtin = builtin_document();
    let errors: Vec<String> = validator
        .iter_errors(&builtin)
        .map(|err| format!("{} at {}", err, err.instance_path()))
        .collect();

    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn exported_table_is_valid_and_reads_back() {
    let exported = RuleSet::builtin().to_json();
    let document: Value = serde_json::from_str(&exported).unwrap();

    assert!(validator().is_valid(&document));
    let read_back = RuleSet::from_json(&exported).expect("the export reads back");
    assert_eq!(read_back.source(), RuleSet::builtin().source());
}

/// Builds a valid rule with one field replaced or added.
fn rule_with(field: &str, value: Value) -> Value {
    let mut rule = json!({"id": "probe", "kind": "ContainerDied", "message": "Probe failed"});
    rule[field] = value;
    json!({"version": 1, "rules": [rule]})
}

/// Builds a valid rule with one field removed.
fn rule_without(field: &str) -> Value {
    let mut document = rule_with("literal", json!("Probe failed"));
    document["rules"][0].as_object_mut().unwrap().remove(field);
    document
}

#[test]
fn schema_and_code_agree_on_documents() {
    let validator = validator();
    let documents = [
        ("minimal rule", true, rule_with("id", json!("probe"))),
        ("level", true, rule_with("level", json!("Fatal"))),
        ("lowercase level", false, rule_with("level", json!("fatal"))),
        ("unknown kind", false, rule_with("kind", json!("Exploded"))),
        ("kind as number", false, rule_with("kind", json!(3))),
        ("unknown field", false, rule_with("colour", json!("red"))),
        (
            "both labels",
            true,
            rule_with("labels", json!({"en": "A", "zh-CN": "甲"})),
        ),
        (
            "one label",
            true,
            rule_with("labels", json!({"zh-CN": "甲"})),
        ),
        (
            "unknown label tag",
            false,
            rule_with("labels", json!({"fr": "A"})),
        ),
        (
            "label as number",
            false,
            rule_with("labels", json!({"en": 1})),
        ),
        ("each as string", false, rule_with("each", json!("yes"))),
        (
            "fields of numbers",
            false,
            rule_with("fields", json!({"probeType": 1})),
        ),
        ("unknown pods mode", false, rule_with("pods", json!("all"))),
        (
            "known condition",
            true,
            rule_with("condition", json!("exit_code")),
        ),
        (
            "unknown source",
            false,
            rule_with("source", json!("dockerd")),
        ),
        (
            "unknown bind slot",
            false,
            rule_with("bind", json!({"node": "x"})),
        ),
        ("blank id", false, rule_with("id", json!("  "))),
        ("empty literal", false, rule_with("literal", json!(""))),
        ("missing id", false, rule_without("id")),
        ("missing kind", false, rule_without("kind")),
        ("literal only", true, rule_without("message")),
        ("no message or literal", false, {
            let mut document = rule_without("message");
            document["rules"][0]
                .as_object_mut()
                .unwrap()
                .remove("literal");
            document
        }),
        ("version 2", false, json!({"version": 2, "rules": []})),
        ("no rules", false, json!({"version": 1})),
        (
            "rules not a list",
            false,
            json!({"version": 1, "rules": {}}),
        ),
        (
            "rule not an object",
            false,
            json!({"version": 1, "rules": ["probe"]}),
        ),
        ("document not an object", false, json!([])),
    ];
    for (name, valid, document) in documents {
        let by_schema = validator.is_valid(&document);
        let by_code = RuleSet::from_json(&document.to_string());
        assert_eq!(by_schema, valid, "{name}: schema");
        assert_eq!(by_code.is_ok(), valid, "{name}: code returned {by_code:?}");
    }
}

#[test]
fn chinese_message_names_rule_and_field() {
    let document = rule_with("kind", json!("Exploded")).to_string();
    let err = RuleSet::from_json(&document).unwrap_err();
    let message = err.message(Lang::ZhCn);

    assert!(message.contains("规则 \"probe\""), "{message}");
    assert!(message.contains("第 1 条"), "{message}");
    assert!(message.contains("字段 \"kind\""), "{message}");
    assert!(message.contains("\"Exploded\""), "{message}");
}

#[test]
fn message_suggests_close_kind() {
    let document = rule_with("kind", json!("oomkilled")).to_string();
    let message = RuleSet::from_json(&document).unwrap_err().to_string();

    assert!(message.contains("did you mean \"OOMKilled\"?"), "{message}");
    assert!(message.contains("rules.schema.json"), "{message}");
}
