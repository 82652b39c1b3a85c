//! The form that adds a rule to the table in force: an id, a kind, a level, a template or a
//! regex (with the text a line must contain before the regex is tried) and labels in both
//! languages.

use super::i18n::Msg;
use super::rules_store::{self, RulesOrigin, RulesProblem};
use super::state::State;
use crate::i18n::Lang;
use crate::kind::EventKind;
use crate::level::Level;
use crate::rules::{RuleLabels, RuleSpec};
use leptos::prelude::*;

/// The way a new rule matches a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MatchMode {
    /// The structured message, matched exactly.
    Template,
    /// A regular expression over the message.
    Regex,
}

/// The form's fields, as typed.
#[derive(Clone, Copy)]
struct Draft {
    id: RwSignal<String>,
    kind: RwSignal<EventKind>,
    level: RwSignal<Level>,
    mode: RwSignal<MatchMode>,
    pattern: RwSignal<String>,
    literal: RwSignal<String>,
    label_en: RwSignal<String>,
    label_zh: RwSignal<String>,
}

impl Draft {
    fn new() -> Draft {
        let kind = EventKind::ALL[0];
        Draft {
            id: RwSignal::new(String::new()),
            kind: RwSignal::new(kind),
            level: RwSignal::new(kind.default_level()),
            mode: RwSignal::new(MatchMode::Template),
            pattern: RwSignal::new(String::new()),
            literal: RwSignal::new(String::new()),
            label_en: RwSignal::new(String::new()),
            label_zh: RwSignal::new(String::new()),
        }
    }

    /// Returns the problem of the first required field left blank. The message names the field
    /// by its label on the form, not by the `message` or `literal` key of the JSON file.
    fn blank_field(self) -> Option<RulesProblem> {
        let blank = |signal: RwSignal<String>| signal.with_untracked(|text| text.trim().is_empty());
        let mode = self.mode.get_untracked();
        let (field, hint) = if blank(self.id) {
            (Msg::RuleAddId, Msg::RuleBlankIdHint)
        } else if blank(self.pattern) {
            let hint = match mode {
                MatchMode::Template => Msg::RuleBlankTemplateHint,
                MatchMode::Regex => Msg::RuleBlankRegexHint,
            };
            (Msg::RuleAddPattern, hint)
        } else if mode == MatchMode::Regex && blank(self.literal) {
            (Msg::RuleAddLiteral, Msg::RuleBlankLiteralHint)
        } else {
            return None;
        };
        Some(RulesProblem::BlankField { field, hint })
    }

    /// Builds the rule the fields describe. Blank optional fields are left out, and the table's
    /// own checks report the remaining faults, such as a repeated id or an invalid regex.
    fn to_rule(self) -> RuleSpec {
        let text = |signal: RwSignal<String>| {
            let value = signal.get_untracked().trim().to_string();
            (!value.is_empty()).then_some(value)
        };
        let pattern = text(self.pattern);
        let (message, regex, literal) = match self.mode.get_untracked() {
            MatchMode::Template => (pattern, None, None),
            MatchMode::Regex => (None, pattern, text(self.literal)),
        };
        let labels = RuleLabels {
            en: text(self.label_en),
            zh_cn: text(self.label_zh),
        };
        RuleSpec {
            id: self.id.get_untracked().trim().to_string(),
            kind: self.kind.get_untracked(),
            level: Some(self.level.get_untracked()),
            message,
            fields: Default::default(),
            regex,
            literal,
            each: false,
            bind: Default::default(),
            container: None,
            pods: Default::default(),
            condition: None,
            source: Default::default(),
            labels: (labels != RuleLabels::default()).then_some(labels),
        }
    }

    fn clear(self) {
        for signal in [
            self.id,
            self.pattern,
            self.literal,
            self.label_en,
            self.label_zh,
        ] {
            signal.set(String::new());
        }
    }
}

#[component]
pub fn AddRuleForm(state: State, problem: RwSignal<Option<RulesProblem>>) -> impl IntoView {
    let lang = state.lang;
    let draft = Draft::new();
    let add = move |_| {
        if let Some(blank) = draft.blank_field() {
            problem.set(Some(blank));
            return;
        }
        let mut file = state.rules.with_untracked(|rules| rules.source().clone());
        file.rules.push(draft.to_rule());
        if rules_store::apply(state, problem, file, RulesOrigin::Edit) {
            draft.clear();
        }
    };
    let choose_kind = move |ev| {
        if let Ok(kind) = event_target_value(&ev).parse::<EventKind>() {
            draft.kind.set(kind);
            draft.level.set(kind.default_level());
        }
    };
    let choose_mode = move |ev| {
        let mode = match event_target_value(&ev).as_str() {
            "regex" => MatchMode::Regex,
            _ => MatchMode::Template,
        };
        draft.mode.set(mode);
    };
    view! {
        <fieldset class="rule-add" data-testid="rule-add-form">
            <legend>{move || Msg::RuleAddTitle.text(lang.get())}</legend>
            <TextField lang=lang label=Msg::RuleAddId value=draft.id test_id="rule-new-id" />
            <label>
                <span>{move || Msg::RuleColKind.text(lang.get())}</span>
                <select data-testid="rule-new-kind" on:change=choose_kind>
                    {EventKind::ALL
                        .iter()
                        .map(|&kind| {
                            view! {
                                <option value=kind.name() selected=move || draft.kind.get() == kind>
                                    {move || format!("{} ({})", kind.label(lang.get()), kind.name())}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
            <label>
                <span>{move || Msg::RuleColLevel.text(lang.get())}</span>
                <select
                    data-testid="rule-new-level"
                    on:change=move |ev| {
                        if let Ok(level) = event_target_value(&ev).parse() {
                            draft.level.set(level);
                        }
                    }
                >
                    {Level::ALL
                        .into_iter()
                        .map(|level| {
                            view! {
                                <option value=level.name() selected=move || draft.level.get() == level>
                                    {move || level.label(lang.get())}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
            <label>
                <span>{move || Msg::RuleAddMatch.text(lang.get())}</span>
                <select data-testid="rule-new-match" on:change=choose_mode>
                    <option value="template">{move || Msg::RuleAddTemplate.text(lang.get())}</option>
                    <option value="regex">{move || Msg::RuleAddRegex.text(lang.get())}</option>
                </select>
            </label>
            <TextField lang=lang label=Msg::RuleAddPattern value=draft.pattern test_id="rule-new-pattern" />
            <Show when=move || draft.mode.get() == MatchMode::Regex>
                <TextField lang=lang label=Msg::RuleAddLiteral value=draft.literal test_id="rule-new-literal" />
            </Show>
            <TextField lang=lang label=Msg::RuleColLabelEn value=draft.label_en test_id="rule-new-label-en" />
            <TextField lang=lang label=Msg::RuleColLabelZh value=draft.label_zh test_id="rule-new-label-zh" />
            <button type="button" class="button primary" data-testid="rule-add" on:click=add>
                {move || Msg::RuleAdd.text(lang.get())}
            </button>
        </fieldset>
    }
}

/// Renders one labelled text box of the form, bound to `value`.
#[component]
fn TextField(
    lang: RwSignal<Lang>,
    label: Msg,
    value: RwSignal<String>,
    test_id: &'static str,
) -> impl IntoView {
    view! {
        <label>
            <span>{move || label.text(lang.get())}</span>
            <input
                type="text"
                data-testid=test_id
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </label>
    }
}
