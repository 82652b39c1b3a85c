//! The rule table of a run: the built-in one, or a user's `--rules` file in its place, and
//! `--print-rules`, which writes the table in force so it can be edited and read back.

use crate::args::Args;
use crate::{say, Failure};
use podlife::i18n::Lang;
use podlife::rules::RuleSet;
use std::path::Path;

/// Reads the rule table: `path` when given, else the built-in table. A file that cannot be
/// read or is invalid fails with status 2 and a message naming the rule and field.
pub fn load(path: Option<&Path>, lang: Lang) -> Result<RuleSet, Failure> {
    let Some(path) = path else {
        return Ok(RuleSet::builtin());
    };
    let json = std::fs::read_to_string(path).map_err(|err| Failure {
        status: 2,
        message: format!("cannot read rule file {}: {err}", path.display()),
    })?;
    let rules = RuleSet::from_json(&json).map_err(|err| Failure {
        status: 2,
        message: say::rule_file_invalid(&path.display().to_string(), &err.message(lang), lang),
    })?;
    log::info!(
        "using {} rule(s) from {} in place of the built-in table",
        rules.source().rules.len(),
        path.display()
    );
    Ok(rules)
}

/// Writes `rules` as JSON to `--out`, or to standard output.
pub fn print(args: &Args, rules: &RuleSet) -> Result<(), Failure> {
    let json = rules.to_json();
    let written = match &args.out {
        Some(path) => std::fs::write(path, json).map_err(|err| (path.display().to_string(), err)),
        None => {
            use std::io::Write;
            let written = std::io::stdout().write_all(json.as_bytes());
            crate::output::ignore_closed_pipe(written)
                .map_err(|err| ("standard output".to_string(), err))
        }
    };
    written.map_err(|(target, err)| Failure {
        status: 2,
        message: format!("cannot write the rule table to {target}: {err}"),
    })
}
