//! The page's rule table: putting a changed table in force, keeping it in localStorage, and the
//! problem shown when an imported, saved or edited table cannot be used or the add-rule form
//! lacks a field. A table that fails leaves the one in force unchanged.

use super::i18n::{fill, Msg};
use super::load::read_again;
use super::state::State;
use crate::i18n::Lang;
use crate::rules::{RuleError, RuleFile, RuleSet, RuleSpec};
use leptos::prelude::*;

/// The localStorage key of the user's table. It is absent while the built-in table is in force.
const RULES_KEY: &str = "podlife.rules";

/// The source of a rejected table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RulesOrigin {
    /// A file the user imported.
    Import { file: String },
    /// The table saved in this browser by an earlier visit.
    Saved,
    /// A change made in the panel.
    Edit,
}

/// The problem line of the Rules panel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RulesProblem {
    /// A table that was not put in force, and why.
    Rejected {
        origin: RulesOrigin,
        error: RuleError,
    },
    /// A required field of the add-rule form is blank, so no table was built. `field` is the
    /// field's label, and `hint` describes what to enter there.
    BlankField { field: Msg, hint: Msg },
}

impl RulesProblem {
    /// Returns the message shown for the problem in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let (origin, error) = match self {
            RulesProblem::Rejected { origin, error } => (origin, error.message(lang)),
            RulesProblem::BlankField { field, hint } => {
                let (field, hint) = (field.text(lang), hint.text(lang));
                return fill(
                    Msg::RuleFieldBlank,
                    lang,
                    &[("field", field), ("hint", hint)],
                );
            }
        };
        match origin {
            RulesOrigin::Import { file } => fill(
                Msg::RulesImportFailed,
                lang,
                &[("file", file), ("error", &error)],
            ),
            RulesOrigin::Saved => fill(Msg::RulesSavedFailed, lang, &[("error", &error)]),
            RulesOrigin::Edit => fill(Msg::RulesEditFailed, lang, &[("error", &error)]),
        }
    }
}

/// Puts the table saved in this browser in force, if there is one. Called once, before any
/// file is read. A saved table that is no longer valid is reported and the built-in one stays.
pub fn restore(state: State, problem: RwSignal<Option<RulesProblem>>) {
    let Some(json) = storage().and_then(|s| s.get_item(RULES_KEY).ok().flatten()) else {
        return;
    };
    match RuleSet::from_json(&json) {
        Ok(rules) => state.rules.set(rules),
        Err(error) => {
            let origin = RulesOrigin::Saved;
            problem.set(Some(RulesProblem::Rejected { origin, error }));
        }
    }
}

/// Compiles `file` and, when it is valid, puts it in force: it is saved in this browser and
/// every loaded file is read again with it. Returns whether the table was taken.
pub fn apply(
    state: State,
    problem: RwSignal<Option<RulesProblem>>,
    file: RuleFile,
    origin: RulesOrigin,
) -> bool {
    match RuleSet::compile(file) {
        Ok(rules) => {
            put_in_force(state, problem, rules);
            true
        }
        Err(error) => {
            problem.set(Some(RulesProblem::Rejected { origin, error }));
            false
        }
    }
}

/// Parses an imported document and puts it in force, or reports why it cannot be used.
pub fn import(state: State, problem: RwSignal<Option<RulesProblem>>, name: &str, json: &str) {
    match RuleSet::from_json(json) {
        Ok(rules) => put_in_force(state, problem, rules),
        Err(error) => {
            let origin = RulesOrigin::Import {
                file: name.to_string(),
            };
            problem.set(Some(RulesProblem::Rejected { origin, error }));
        }
    }
}

/// Returns whether Reset to built-in would discard something: a table in force that differs
/// from the built-in one, or a table saved in this browser. A saved table that failed to load
/// is not in force, but a reset still removes it.
pub fn has_changes(state: State) -> bool {
    let edited = state
        .rules
        .with_untracked(|rules| rules.source() != RuleSet::builtin().source());
    let saved = storage().is_some_and(|s| s.get_item(RULES_KEY).ok().flatten().is_some());
    edited || saved
}

/// Puts the built-in table back in force and removes the saved one.
pub fn reset(state: State, problem: RwSignal<Option<RulesProblem>>) {
    put_in_force(state, problem, RuleSet::builtin());
}

/// Applies `change` to the rule with id `id` in a copy of the table in force, then applies the
/// copy as an edit.
pub fn edit_rule(
    state: State,
    problem: RwSignal<Option<RulesProblem>>,
    id: &str,
    change: impl FnOnce(&mut RuleSpec),
) {
    let mut file = state.rules.with_untracked(|rules| rules.source().clone());
    let Some(rule) = file.rules.iter_mut().find(|rule| rule.id == id) else {
        return;
    };
    change(rule);
    apply(state, problem, file, RulesOrigin::Edit);
}

/// Returns whether the rule with id `id` is in the built-in table.
pub fn is_builtin(id: &str) -> bool {
    RuleSet::builtin()
        .source()
        .rules
        .iter()
        .any(|rule| rule.id == id)
}

fn put_in_force(state: State, problem: RwSignal<Option<RulesProblem>>, rules: RuleSet) {
    save(&rules);
    state.rules.set(rules);
    problem.set(None);
    read_again(state);
}

/// Saves the table, or removes the saved one when the table is the built-in one.
fn save(rules: &RuleSet) {
    let Some(storage) = storage() else {
        return;
    };
    let result = if rules.source() == RuleSet::builtin().source() {
        storage.remove_item(RULES_KEY)
    } else {
        storage.set_item(RULES_KEY, &rules.to_json())
    };
    if let Err(error) = result {
        leptos::logging::error!("saving the rule table failed: {error:?}");
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}
