//! `podlife`: the command-line front end of the engine, for nodes without a browser, scripts
//! and benchmarks.
//!
//! Exit status: 0 on success, 1 on a usage error or a pod that is not in the logs, 2 when a
//! file cannot be read or written or the `--rules` file is invalid. A pod with no events, a
//! `--list-pods` that finds no pod, and a reader that closes standard output early all end
//! with 0.

mod args;
mod output;
mod read;
mod rules;
mod say;

use args::Args;
use clap::Parser;
use podlife::analysis::{Analysis, Analyzer};
use podlife::rules::RuleSet;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = match Args::try_parse() {
        Ok(args) => args,
        Err(err) => {
            let usage_error = err.use_stderr();
            let _ = err.print();
            return ExitCode::from(if usage_error { 1 } else { 0 });
        }
    };
    init_logger(args.loggerlevel.filter());
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("podlife: {}", failure.message);
            ExitCode::from(failure.status)
        }
    }
}

/// Sends podlife's diagnostics to standard error as `podlife: warning: …`, the prefix of its
/// other messages.
fn init_logger(filter: log::LevelFilter) {
    use std::io::Write;
    env_logger::Builder::new()
        .filter_level(filter)
        .format(|out, record| {
            let level = match record.level() {
                log::Level::Error => "error",
                log::Level::Warn => "warning",
                log::Level::Info => "info",
                log::Level::Debug | log::Level::Trace => "debug",
            };
            writeln!(out, "podlife: {level}: {}", record.args())
        })
        .init();
}

/// An error that ends the run, with its exit status.
pub struct Failure {
    pub status: u8,
    pub message: String,
}

impl Failure {
    pub fn usage(message: impl Into<String>) -> Failure {
        Failure {
            status: 1,
            message: message.into(),
        }
    }
}

fn run(args: &Args) -> Result<(), Failure> {
    let levels = podlife::level::LevelSet::parse_list(&args.eventlevel)
        .map_err(|err| Failure::usage(format!("--eventlevel: {err}")))?;
    // The rule file is checked before any log is read, so a bad file never leaves a half
    // table in force.
    let rules = rules::load(args.rules.as_deref(), args.lang.lang())?;
    if args.print_rules {
        return rules::print(args, &rules);
    }
    let mut disk = read::DiskLines::default();
    let mut analysis = analyze(args, rules, &mut disk)?;
    report_issues(&analysis, args.lang.lang());
    if args.list_pods {
        if args.redact {
            analysis = podlife::export::redacted(&analysis);
        }
        return output::list_pods(args, &analysis);
    }
    let query = args.podname.as_deref().unwrap_or_default();
    read_texts(&mut analysis, query, &mut disk);
    if args.redact {
        analysis = podlife::export::redacted(&analysis);
    }
    output::show_pod(args, &analysis, query, levels)
}

/// Reads back the lines of the events that the output shows: those of the pods `query` finds,
/// and the node events.
fn read_texts(analysis: &mut Analysis, query: &str, disk: &mut read::DiskLines) {
    let pods = analysis.find_pods(query);
    let shown = analysis
        .events
        .iter_mut()
        .filter(|event| event.pod.is_some_and(|pod| pods.contains(&pod)));
    let results = [
        podlife::analysis::fill_texts(shown, disk),
        podlife::analysis::fill_texts(&mut analysis.node_events, disk),
    ];
    for error in results.into_iter().filter_map(Result::err) {
        log::warn!("cannot read a log line again: {error}");
    }
}

fn analyze(args: &Args, rules: RuleSet, disk: &mut read::DiskLines) -> Result<Analysis, Failure> {
    let mut analyzer = Analyzer::new(rules);
    let mut seen = Vec::new();
    for path in &args.logfiles {
        // The same file given twice would count every event twice.
        let identity = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
        if seen.contains(&identity) {
            log::warn!(
                "{} is given more than once; reading it once",
                path.display()
            );
            continue;
        }
        seen.push(identity);
        read::read_log(&mut analyzer, path, args.year, disk).map_err(|err| Failure {
            status: 2,
            message: err.to_string(),
        })?;
    }
    let analysis = analyzer.analysis();
    log::info!(
        "read {} file(s): {} pods, {} pod events, {} node events",
        analysis.files.len(),
        analysis.pods.len(),
        analysis.events.len(),
        analysis.node_events.len()
    );
    Ok(analysis)
}

/// Prints every input problem, and what a low kubelet verbosity leaves out, on standard error;
/// none of them stops the run.
fn report_issues(analysis: &Analysis, lang: podlife::i18n::Lang) {
    let files = analysis.files.iter();
    for file in files.filter(|file| !podlife::analysis::is_skipped(file)) {
        for issue in &file.issues {
            log::warn!("{}", issue.message(&file.name, lang));
        }
    }
    for (bundle, members) in podlife::analysis::skipped_members(&analysis.files) {
        let summary = podlife::analysis::skipped_members_message(bundle, &members, lang);
        log::warn!("{summary}");
    }
    if let Some(shortfall) = analysis.verbosity.shortfall() {
        let notice = podlife::timeline::verbosity_notice(shortfall, lang);
        log::warn!("{notice}");
    }
}
