//! The filter box of the rule table, and the test of which rules a filter text keeps.

use crate::i18n::Lang;
use crate::rules::RuleSpec;
use crate::ui::i18n::{fill, Msg};
use leptos::prelude::*;

/// Renders the filter box above the rule table. While it contains text, a line beside it shows
/// how many of the `total` rules it keeps, and a note appears when it keeps none.
#[component]
pub fn RulesFilter(
    lang: RwSignal<Lang>,
    query: RwSignal<String>,
    #[prop(into)] shown: Signal<usize>,
    #[prop(into)] total: Signal<usize>,
) -> impl IntoView {
    let idle = move || query.with(|q| q.trim().is_empty());
    let none_kept = move || !idle() && shown.get() == 0;
    let count = move || {
        let (matching, total) = (shown.get().to_string(), total.get().to_string());
        fill(
            Msg::RulesShown,
            lang.get(),
            &[("matching", &matching), ("total", &total)],
        )
    };
    view! {
        <div class="rules-filter">
            <input
                type="search"
                class="search"
                data-testid="rules-filter"
                placeholder=move || Msg::RulesFilter.text(lang.get())
                aria-label=move || Msg::RulesFilter.text(lang.get())
                prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev))
            />
            <span class="muted small" data-testid="rules-shown" aria-live="polite" class:hidden=idle>
                {count}
            </span>
        </div>
        <p class="muted" data-testid="rules-no-match" class:hidden=move || !none_kept()>
            {move || Msg::RulesNoMatch.text(lang.get())}
        </p>
    }
}

/// Returns whether every word of `query` occurs in the rule, ignoring case. The words are looked
/// for in the id, the kind (its name or its label in either language), the rule's own labels,
/// the template, the regex and the text a line must contain. A blank query keeps every rule.
pub fn rule_matches(spec: &RuleSpec, query: &str) -> bool {
    let text = searchable_text(spec);
    query
        .split_whitespace()
        .all(|word| text.contains(&word.to_lowercase()))
}

/// Joins the texts a filter looks in, lowercased, one per line so no word spans two of them.
fn searchable_text(spec: &RuleSpec) -> String {
    let labels = spec.labels.clone().unwrap_or_default();
    let kind = spec.kind;
    let parts = [
        Some(spec.id.as_str()),
        Some(kind.name()),
        Some(kind.label(Lang::En)),
        Some(kind.label(Lang::ZhCn)),
        labels.en.as_deref(),
        labels.zh_cn.as_deref(),
        spec.message.as_deref(),
        spec.regex.as_deref(),
        spec.literal.as_deref(),
    ];
    parts
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join("\n")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::rule_matches;
    use crate::rules::{RuleLabels, RuleSet, RuleSpec};
    use wasm_bindgen_test::wasm_bindgen_test;

    /// Returns the ids of the built-in rules that `query` keeps.
    fn kept(query: &str) -> Vec<String> {
        RuleSet::builtin()
            .source()
            .rules
            .iter()
            .filter(|spec| rule_matches(spec, query))
            .map(|spec| spec.id.clone())
            .collect()
    }

    fn liveness_rule() -> RuleSpec {
        RuleSet::builtin()
            .source()
            .rules
            .iter()
            .find(|spec| spec.id == "probe-failed-liveness")
            .expect("the built-in table has the liveness probe rule")
            .clone()
    }

    #[wasm_bindgen_test]
    fn blank_query_keeps_all() {
        let total = RuleSet::builtin().source().rules.len();
        assert_eq!(kept("").len(), total);
        assert_eq!(kept("   ").len(), total);
    }

    #[wasm_bindgen_test]
    fn rule_found_by_each_field() {
        let rule = liveness_rule();
        assert!(rule_matches(&rule, "probe-failed-liveness"), "by id");
        assert!(rule_matches(&rule, "PROBE-FAILED"), "by id, ignoring case");
        assert!(rule_matches(&rule, rule.kind.name()), "by kind name");
        let english = rule.kind.label(crate::i18n::Lang::En);
        let chinese = rule.kind.label(crate::i18n::Lang::ZhCn);
        assert!(rule_matches(&rule, english), "by English kind label");
        assert!(rule_matches(&rule, chinese), "by Chinese kind label");
        let template = rule.message.clone().or(rule.literal.clone()).unwrap();
        assert!(rule_matches(&rule, &template), "by template or literal");
        assert!(!rule_matches(&rule, "no-such-rule"));
    }

    #[wasm_bindgen_test]
    fn every_word_must_match() {
        let rule = liveness_rule();
        assert!(rule_matches(&rule, "liveness probe"));
        assert!(!rule_matches(&rule, "liveness zzz"));
    }

    #[wasm_bindgen_test]
    fn own_labels_are_searched() {
        let mut rule = liveness_rule();
        assert!(!rule_matches(&rule, "health check"));
        rule.labels = Some(RuleLabels {
            en: Some("Health check failed".to_string()),
            zh_cn: Some("健康检查失败".to_string()),
        });
        assert!(rule_matches(&rule, "health check"));
        assert!(rule_matches(&rule, "健康检查"));
    }

    #[wasm_bindgen_test]
    fn filter_narrows_builtin_table() {
        let liveness = kept("liveness");
        assert!(liveness.contains(&"probe-failed-liveness".to_string()));
        assert!(liveness.len() < RuleSet::builtin().source().rules.len());
        assert!(kept("zzz-no-rule-has-this").is_empty());
    }
}
