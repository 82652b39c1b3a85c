//! Writing what the user asked for: the pod table, or one pod's events as SVG, JSON, CSV or a
//! text timeline.

use crate::args::{Args, Format};
use crate::{say, Failure};
use podlife::analysis::Analysis;
use podlife::export::TextTimeline;
use podlife::i18n::Lang;
use podlife::level::{Level, LevelSet};
use podlife::timeline::{aggregate, export_pods_svg, zone_caption, Lanes, Second, TimelineEvents};
use std::fs::File;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;

/// Writes the table of every pod found, or its JSON. With no pod found, it also prints a note
/// on standard error and still succeeds.
pub fn list_pods(args: &Args, analysis: &Analysis) -> Result<(), Failure> {
    if analysis.pods.is_empty() {
        let inputs = input_names(args);
        eprintln!("podlife: {}", say::no_pods_found(&inputs, args.lang.lang()));
    }
    let mut out = open_output(args.out.as_ref())?;
    let written = match args.format.unwrap_or(Format::Text) {
        Format::Json => serde_json::to_writer_pretty(&mut out, &analysis.pods)
            .map_err(io::Error::from)
            .and_then(|_| out.write_all(b"\n")),
        Format::Text => write_pod_table(&mut out, analysis),
        other => {
            return Err(Failure::usage(format!(
                "--list-pods writes json or text, not {}",
                format!("{other:?}").to_lowercase()
            )))
        }
    };
    ignore_closed_pipe(written.and_then(|_| out.flush())).map_err(write_failure)
}

/// Returns the log files given, as the user wrote them, with `-` named as standard input.
fn input_names(args: &Args) -> String {
    let names: Vec<String> = args
        .logfiles
        .iter()
        .map(|path| match path.to_str() {
            Some("-") => say::standard_input(args.lang.lang()).to_string(),
            _ => path.display().to_string(),
        })
        .collect();
    names.join(", ")
}

fn write_pod_table(out: &mut dyn Write, analysis: &Analysis) -> io::Result<()> {
    writeln!(
        out,
        "{:<50} {:<38} {:<7} {:>6} {:>6} {:>6} {:>6} {:>6}  FIRST SEEN -> LAST SEEN",
        "POD", "UID", "WORST", "INFO", "NORMAL", "WARN", "ERROR", "FATAL"
    )?;
    for index in analysis.pods_by_severity() {
        let pod = &analysis.pods[index];
        let worst = pod.worst_level().map_or("-", Level::name);
        let uid = pod.uids.join(",");
        let span = match (&pod.first_seen, &pod.last_seen) {
            (Some(first), Some(last)) => format!("{first} -> {last}"),
            _ => "-".to_string(),
        };
        let c = pod.counts;
        writeln!(
            out,
            "{:<50} {:<38} {:<7} {:>6} {:>6} {:>6} {:>6} {:>6}  {span}",
            pod.key(),
            if uid.is_empty() { "-" } else { &uid },
            worst,
            c[0],
            c[1],
            c[2],
            c[3],
            c[4]
        )?;
    }
    Ok(())
}

pub fn show_pod(
    args: &Args,
    analysis: &Analysis,
    query: &str,
    levels: LevelSet,
) -> Result<(), Failure> {
    let lang = args.lang.lang();
    let pods = analysis.find_pods(query);
    if pods.is_empty() {
        return Err(Failure::usage(say::pod_not_found(analysis, query, lang)));
    }
    let keys: Vec<String> = pods.iter().map(|&i| analysis.pods[i].key()).collect();
    if pods.len() > 1 {
        eprintln!("podlife: {}", say::several_match(query, &keys, lang));
    }
    let events = TimelineEvents::of(analysis, &pods, levels);
    if events.pod.is_empty() {
        let level_list = level_names(levels);
        eprintln!("podlife: {}", say::no_events(&keys, &level_list, lang));
    }
    match args.format.unwrap_or(Format::Svg) {
        Format::Svg => write_svg(args, analysis, &pods, levels, lang),
        Format::Json => with_output(args, |out| {
            podlife::export::write_json_lines(out, &events.merged(), analysis)
        }),
        Format::Csv => with_output(args, |out| {
            podlife::export::write_csv(out, &events.merged(), analysis)
        }),
        Format::Text => write_text(args, analysis, &pods, &events, lang),
    }
}

/// Writes the text timeline: a header, the zone of the times, then the pod and node rows.
fn write_text(
    args: &Args,
    analysis: &Analysis,
    pods: &[usize],
    events: &TimelineEvents<'_>,
    lang: Lang,
) -> Result<(), Failure> {
    let colour = args.out.is_none() && io::stdout().is_terminal();
    let seconds = aggregate(events.pod.iter().copied(), LevelSet::ALL);
    let node = aggregate(events.node.iter().copied(), LevelSet::ALL);
    let header = text_header(analysis, pods, &seconds, &node, lang);
    let pod_keys = if pods.len() > 1 {
        pods.iter().map(|&i| (i, analysis.pods[i].key())).collect()
    } else {
        Vec::new()
    };
    let timeline = TextTimeline {
        seconds: &seconds,
        node: &node,
        incarnations: Lanes::new(&[], analysis, pods).incarnations,
        pod_keys: &pod_keys,
    };
    with_output(args, |out| {
        writeln!(out, "{header}")?;
        writeln!(out, "# {}", zone_caption(analysis.zone, lang))?;
        podlife::export::write_text_timeline(out, &timeline, lang, colour)
    })
}

/// Returns the first line of the text timeline: the pods, their UIDs and the counts. Events
/// are counted per second as the timeline counts them, so repeated lines of one moment count
/// once.
fn text_header(
    analysis: &Analysis,
    pods: &[usize],
    seconds: &[Second<'_>],
    node: &[Second<'_>],
    lang: Lang,
) -> String {
    let keys: Vec<String> = pods.iter().map(|&i| analysis.pods[i].key()).collect();
    let uids: Vec<&str> = pods
        .iter()
        .flat_map(|&i| analysis.pods[i].uids.iter().map(String::as_str))
        .collect();
    let uids = if uids.is_empty() {
        "-".to_string()
    } else {
        uids.join(", ")
    };
    let events: usize = seconds.iter().map(Second::event_count).sum();
    let node_events: usize = node.iter().map(Second::event_count).sum();
    let count = seconds.len();
    let mut header = match lang {
        Lang::En => format!(
            "# {}  UID {uids}  {count} second{} with events, {events} event{}",
            keys.join(", "),
            if count == 1 { "" } else { "s" },
            if events == 1 { "" } else { "s" }
        ),
        Lang::ZhCn => format!(
            "# {}  UID {uids}  有事件的秒数：{count}，事件数：{events}",
            keys.join(", ")
        ),
    };
    if node_events > 0 {
        header.push_str(&match lang {
            Lang::En => format!(
                ", {node_events} node event{} near them",
                if node_events == 1 { "" } else { "s" }
            ),
            Lang::ZhCn => format!("，附近的节点事件数：{node_events}"),
        });
    }
    header
}

/// Writes the SVG of the pods' whole lifecycle, as the page's download draws it.
fn write_svg(
    args: &Args,
    analysis: &Analysis,
    pods: &[usize],
    levels: LevelSet,
    lang: Lang,
) -> Result<(), Failure> {
    let first = &analysis.pods[pods[0]];
    let svg = export_pods_svg(analysis, pods, levels, lang, None);
    let path = args
        .out
        .clone()
        .unwrap_or_else(|| PathBuf::from(format!("{}-Pod-lifecycle.svg", first.name)));
    std::fs::write(&path, svg).map_err(|err| Failure {
        status: 2,
        message: format!("cannot write {}: {err}", path.display()),
    })?;
    eprintln!("podlife: wrote {}", path.display());
    Ok(())
}

fn with_output(
    args: &Args,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), Failure> {
    let mut out = open_output(args.out.as_ref())?;
    ignore_closed_pipe(write(&mut out).and_then(|_| out.flush())).map_err(write_failure)
}

/// Returns `Ok` for a write that failed because its reader closed the pipe, as `podlife … |
/// head -1` does once it has read what it wants, and the result unchanged otherwise.
pub fn ignore_closed_pipe(result: io::Result<()>) -> io::Result<()> {
    match result {
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

fn open_output(path: Option<&PathBuf>) -> Result<Box<dyn Write>, Failure> {
    match path {
        None => Ok(Box::new(io::BufWriter::new(io::stdout().lock()))),
        Some(path) => File::create(path)
            .map(|file| Box::new(io::BufWriter::new(file)) as Box<dyn Write>)
            .map_err(|err| Failure {
                status: 2,
                message: format!("cannot write {}: {err}", path.display()),
            }),
    }
}

fn write_failure(err: io::Error) -> Failure {
    Failure {
        status: 2,
        message: format!("cannot write the output: {err}"),
    }
}

fn level_names(levels: LevelSet) -> String {
    Level::ALL
        .into_iter()
        .filter(|&level| levels.contains(level))
        .map(Level::name)
        .collect::<Vec<_>>()
        .join(",")
}
