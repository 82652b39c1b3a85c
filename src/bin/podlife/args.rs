//! Command-line flags. They keep the names of the grep script users know, and tools outside
//! this crate rely on them, so they are only ever extended.

use clap::{Parser, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "podlife",
    version,
    about = "Reads Kubernetes node logs and shows the lifecycle of a pod",
    after_help = "Examples:\n  podlife --logfile /var/log/messages --podname shop/web-1 --format text\n  \
                  podlife --logfile messages --logfile messages.1 --list-pods\n  \
                  journalctl -u kubelet | podlife --logfile - --podname web-1 --format json\n  \
                  podlife --print-rules --out rules.json\n  \
                  podlife --rules rules.json --logfile messages --podname web-1"
)]
pub struct Args {
    /// Log file to read (syslog, journalctl output or klog), plain or gzip-compressed (`.gz`),
    /// or a tar support bundle (`.tar`, `.tar.gz`) whose text logs are all read. Repeat the
    /// option for several files. `-` reads standard input.
    #[arg(
        long = "logfile",
        value_name = "FILE",
        required_unless_present = "print_rules"
    )]
    pub logfiles: Vec<PathBuf>,

    /// Pod to show: `name` (every namespace), `namespace/name`, or a UID.
    #[arg(
        long,
        value_name = "POD",
        required_unless_present_any = ["list_pods", "print_rules"]
    )]
    pub podname: Option<String>,

    /// List every pod found in the logs instead of showing one.
    #[arg(long, conflicts_with = "podname")]
    pub list_pods: bool,

    /// Comma-separated levels to include: Info, Normal, Warning, Error, Fatal.
    #[arg(
        long,
        value_name = "LEVELS",
        default_value = "Normal,Warning,Error,Fatal"
    )]
    pub eventlevel: String,

    /// Output format. Default: svg for a pod, text (a table) for --list-pods.
    #[arg(long, value_enum)]
    pub format: Option<Format>,

    /// Output path. Default: `<name>-Pod-lifecycle.svg` for svg, standard output otherwise.
    #[arg(long, value_name = "PATH")]
    pub out: Option<PathBuf>,

    /// Year of the last line of every file, for stamps that have none. Default: the year of
    /// each file's modification time.
    #[arg(long, value_name = "YYYY", value_parser = clap::value_parser!(i32).range(1970..=9999))]
    pub year: Option<i32>,

    /// Level of podlife's own diagnostics on standard error.
    #[arg(long, value_enum, default_value = "warning", ignore_case = true)]
    pub loggerlevel: LoggerLevel,

    /// Rule table to use instead of the built-in one: a JSON document of the form that
    /// `--print-rules` writes and `rules.schema.json` describes. It replaces the whole built-in
    /// table, so start from `--print-rules` output to keep the built-in rules.
    #[arg(long, value_name = "FILE")]
    pub rules: Option<PathBuf>,

    /// Write the rule table in force (the built-in one, or that of `--rules`) as JSON to
    /// standard output, or to `--out`, and read no log.
    #[arg(long, conflicts_with_all = ["logfiles", "podname", "list_pods"])]
    pub print_rules: bool,

    /// Language of event labels in the svg and text output, and of podlife's messages about
    /// the files and pods it read.
    #[arg(long, value_enum, default_value = "en")]
    pub lang: LangArg,

    /// Replace IP addresses, host names and the values of environment variables and secrets
    /// in the raw lines and file names with placeholders (`10.0.0.1`, `node-1`, `value-1`), in
    /// every output format, so the output can be shared. Pod names, UIDs and images are kept.
    #[arg(long)]
    pub redact: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Svg,
    Json,
    Csv,
    Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LoggerLevel {
    Error,
    Warning,
    Info,
    Debug,
}

impl LoggerLevel {
    pub fn filter(self) -> log::LevelFilter {
        match self {
            LoggerLevel::Error => log::LevelFilter::Error,
            LoggerLevel::Warning => log::LevelFilter::Warn,
            LoggerLevel::Info => log::LevelFilter::Info,
            LoggerLevel::Debug => log::LevelFilter::Debug,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    En,
    #[value(name = "zh-CN", alias = "zh")]
    ZhCn,
}

impl LangArg {
    /// Returns the engine's language for this flag value.
    pub fn lang(self) -> podlife::i18n::Lang {
        match self {
            LangArg::En => podlife::i18n::Lang::En,
            LangArg::ZhCn => podlife::i18n::Lang::ZhCn,
        }
    }
}
