//! The Rules panel: the rule table in force, with a filter box above it and one row per rule
//! whose level and labels are open to change. Below it are the form that adds a rule and the
//! import, export and reset of the whole table. The panel is collapsed until opened, and its
//! error line stays visible while it is collapsed.

mod filter;
mod reset;

use super::download::download_text;
use super::i18n::{fill, Msg};
use super::read::files_of;
use super::rules_editor::AddRuleForm;
use super::rules_store::{self, edit_rule, is_builtin, RulesProblem};
use super::state::State;
use crate::i18n::Lang;
use crate::level::Level;
use crate::rules::{RuleLabels, RuleSet, RuleSpec};
use filter::{rule_matches, RulesFilter};
use leptos::prelude::*;
use leptos::task::spawn_local;
use reset::ResetButton;
use web_sys::HtmlInputElement;

/// The name of an exported table.
const EXPORT_NAME: &str = "podlife-rules.json";

#[component]
pub fn RulesPanel(state: State) -> impl IntoView {
    let lang = state.lang;
    let problem = RwSignal::new(None::<RulesProblem>);
    rules_store::restore(state, problem);
    let summary = move || {
        let count = state.rules.with(|rules| rules.source().rules.len());
        let text = fill(
            Msg::RulesCount,
            lang.get(),
            &[("count", &count.to_string())],
        );
        if state.rules.with(is_edited) {
            format!("{text} · {}", Msg::RulesEdited.text(lang.get()))
        } else {
            text
        }
    };
    view! {
        <section class="panel rules">
            <p class="rules-error" role="alert" data-testid="rules-error" class:hidden=move || problem.with(Option::is_none)>
                {move || problem.with(|p| p.as_ref().map(|p| p.message(lang.get())))}
            </p>
            <details data-testid="rules-panel">
                <summary>
                    <h2>{move || Msg::RulesTitle.text(lang.get())}</h2>
                    <span class="muted small">{summary}</span>
                </summary>
                <p class="muted">
                    {move || Msg::RulesIntro.text(lang.get())} " "
                    <a href="rules.schema.json" target="_blank" rel="noopener">
                        {move || Msg::RulesSchema.text(lang.get())}
                    </a>
                </p>
                <RulesActions state=state problem=problem />
                <RulesTable state=state problem=problem />
                <AddRuleForm state=state problem=problem />
            </details>
        </section>
    }
}

fn is_edited(rules: &RuleSet) -> bool {
    rules.source() != RuleSet::builtin().source()
}

#[component]
fn RulesActions(state: State, problem: RwSignal<Option<RulesProblem>>) -> impl IntoView {
    let lang = state.lang;
    let picked = move |ev: leptos::ev::Event| {
        let input: HtmlInputElement = event_target(&ev);
        if let Some(file) = files_of(input.files()).into_iter().next() {
            spawn_local(import_file(state, problem, file));
        }
        // Importing the same file again must fire `change` again.
        input.set_value("");
    };
    let export = move |_| {
        let json = state.rules.with_untracked(RuleSet::to_json);
        if let Err(error) = download_text(EXPORT_NAME, "application/json", &json) {
            leptos::logging::error!("rules export failed: {error:?}");
        }
    };
    view! {
        <div class="actions">
            <label class="button">
                {move || Msg::RulesImport.text(lang.get())}
                <input
                    type="file"
                    accept=".json,application/json"
                    class="visually-hidden"
                    data-testid="rules-import"
                    on:change=picked
                />
            </label>
            <button type="button" class="button" data-testid="rules-export" on:click=export>
                {move || Msg::RulesExport.text(lang.get())}
            </button>
            <ResetButton state=state problem=problem />
        </div>
    }
}

async fn import_file(state: State, problem: RwSignal<Option<RulesProblem>>, file: web_sys::File) {
    let name = file.name();
    let blob = gloo_file::Blob::from(web_sys::Blob::from(file));
    match gloo_file::futures::read_as_text(&blob).await {
        Ok(json) => rules_store::import(state, problem, &name, &json),
        Err(error) => leptos::logging::error!("reading {name} failed: {error}"),
    }
}

#[component]
fn RulesTable(state: State, problem: RwSignal<Option<RulesProblem>>) -> impl IntoView {
    let lang = state.lang;
    let heading = move |msg: Msg| move || msg.text(lang.get());
    let query = RwSignal::new(String::new());
    let matching_rules = Memo::new(move |_| {
        query.with(|query| {
            state.rules.with(|rules| {
                rules
                    .source()
                    .rules
                    .iter()
                    .filter(|spec| rule_matches(spec, query))
                    .cloned()
                    .collect::<Vec<_>>()
            })
        })
    });
    let total = Signal::derive(move || state.rules.with(|rules| rules.source().rules.len()));
    let shown_count = Signal::derive(move || matching_rules.with(Vec::len));
    view! {
        <RulesFilter lang=lang query=query shown=shown_count total=total />
        <div class="rules-scroll">
            <table class="rules-table" data-testid="rules-table">
                <thead>
                    <tr>
                        <th>{heading(Msg::RuleColId)}</th>
                        <th>{heading(Msg::RuleColKind)}</th>
                        <th>{heading(Msg::RuleColLevel)}</th>
                        <th>{heading(Msg::RuleColLabelEn)}</th>
                        <th>{heading(Msg::RuleColLabelZh)}</th>
                        <th>{heading(Msg::RuleColMatch)}</th>
                        <th>{heading(Msg::RuleColSource)}</th>
                        <th></th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        matching_rules
                            .get()
                            .into_iter()
                            .map(|spec| view! { <RuleRow state=state problem=problem spec=spec /> })
                            .collect_view()
                    }}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn RuleRow(state: State, problem: RwSignal<Option<RulesProblem>>, spec: RuleSpec) -> impl IntoView {
    let lang = state.lang;
    let kind = spec.kind;
    let level = spec.level.unwrap_or(kind.default_level());
    let labels = spec.labels.clone().unwrap_or_default();
    let id = spec.id.clone();
    let set_level = {
        let id = id.clone();
        move |ev| {
            if let Ok(level) = event_target_value(&ev).parse::<Level>() {
                edit_rule(state, problem, &id, |rule| rule.level = Some(level));
            }
        }
    };
    let delete = {
        let id = id.clone();
        move |_| delete_rule(state, problem, &id)
    };
    let added = !is_builtin(&id);
    view! {
        <tr data-testid="rule-row" data-rule-id=id.clone() data-level=level.name()>
            <td><code>{id.clone()}</code></td>
            <td>
                {move || kind.label(lang.get())}
                <br />
                <code class="muted small">{kind.name()}</code>
            </td>
            <td>
                <select data-testid="rule-level" on:change=set_level>
                    {Level::ALL
                        .into_iter()
                        .map(|option| {
                            view! {
                                <option value=option.name() selected=option == level>
                                    {move || option.label(lang.get())}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </td>
            <td>
                <LabelInput state=state problem=problem id=id.clone() lang_of_label=Lang::En value=labels.en.clone() kind_label=kind.label(Lang::En) />
            </td>
            <td>
                <LabelInput state=state problem=problem id=id.clone() lang_of_label=Lang::ZhCn value=labels.zh_cn.clone() kind_label=kind.label(Lang::ZhCn) />
            </td>
            <td><code class="rule-match">{match_text(&spec)}</code></td>
            <td>{source_name(&spec)}</td>
            <td>
                {added.then(|| view! {
                    <button type="button" class="button small" data-testid="rule-delete" on:click=delete.clone()>
                        {move || Msg::RuleDelete.text(lang.get())}
                    </button>
                })}
            </td>
        </tr>
    }
}

/// Renders the text box of one language's label. An empty box shows the kind's label as
/// placeholder.
#[component]
fn LabelInput(
    state: State,
    problem: RwSignal<Option<RulesProblem>>,
    id: String,
    lang_of_label: Lang,
    value: Option<String>,
    kind_label: &'static str,
) -> impl IntoView {
    let test_id = match lang_of_label {
        Lang::En => "rule-label-en",
        Lang::ZhCn => "rule-label-zh",
    };
    let change = move |ev| {
        let text = event_target_value(&ev).trim().to_string();
        let label = (!text.is_empty()).then_some(text);
        edit_rule(state, problem, &id, |rule| {
            let mut labels = rule.labels.take().unwrap_or_default();
            match lang_of_label {
                Lang::En => labels.en = label,
                Lang::ZhCn => labels.zh_cn = label,
            }
            rule.labels = (labels != RuleLabels::default()).then_some(labels);
        });
    };
    view! {
        <input
            type="text"
            data-testid=test_id
            lang=lang_of_label.tag()
            value=value.unwrap_or_default()
            placeholder=kind_label
            on:change=change
        />
    }
}

fn delete_rule(state: State, problem: RwSignal<Option<RulesProblem>>, id: &str) {
    let mut file = state.rules.with_untracked(|rules| rules.source().clone());
    file.rules.retain(|rule| rule.id != id);
    rules_store::apply(state, problem, file, rules_store::RulesOrigin::Edit);
}

/// Returns what the rule matches: its template, its regex, or both.
fn match_text(spec: &RuleSpec) -> String {
    match (&spec.message, &spec.regex) {
        (Some(message), Some(regex)) => format!("\"{message}\" {regex}"),
        (Some(message), None) => format!("\"{message}\""),
        (None, Some(regex)) => regex.clone(),
        (None, None) => spec.literal.clone().unwrap_or_default(),
    }
}

fn source_name(spec: &RuleSpec) -> String {
    crate::rules::serde_names(&[spec.source])
        .pop()
        .unwrap_or_default()
}
