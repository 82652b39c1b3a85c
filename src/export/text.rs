//! The timeline as terminal text: one row per second with its time, highest level, incarnation
//! (when the pod has several) and event labels.

use crate::analysis::Incarnation;
use crate::i18n::Lang;
use crate::level::Level;
use crate::timeline::{incarnations_in, Second};
use std::io::{self, Write};

/// Writes one row per second. With two or more `incarnations`, each row names the incarnations
/// of its events, as `#1` or `#1,#2`. With `colour`, the level is coloured with ANSI escapes.
pub fn write_text_timeline(
    out: &mut dyn Write,
    seconds: &[Second<'_>],
    incarnations: &[Incarnation],
    lang: Lang,
    colour: bool,
) -> io::Result<()> {
    for second in seconds {
        let level = pad(second.level.label(lang), 7);
        let level = if colour {
            format!("{}{level}\x1b[0m", ansi(second.level))
        } else {
            level
        };
        let separator = match lang {
            Lang::En => ", ",
            Lang::ZhCn => "、",
        };
        let labels = second.labels(lang).join(separator);
        let incarnation = if incarnations.len() > 1 {
            format!("{}  ", pad(&incarnation_column(incarnations, second), 5))
        } else {
            String::new()
        };
        writeln!(
            out,
            "{}  {level}  {incarnation}{labels}",
            second.time.format("%Y-%m-%d %H:%M:%S")
        )?;
    }
    Ok(())
}

/// Returns the incarnations of a second's events as `#1` or `#1,#2`.
fn incarnation_column(incarnations: &[Incarnation], second: &Second<'_>) -> String {
    incarnations_in(incarnations, second)
        .iter()
        .map(|index| format!("#{}", index + 1))
        .collect::<Vec<_>>()
        .join(",")
}

/// Pads `text` to `columns` terminal columns, counting CJK characters as two.
fn pad(text: &str, columns: usize) -> String {
    let width: usize = text.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum();
    format!("{text}{}", " ".repeat(columns.saturating_sub(width)))
}

/// Returns the ANSI colour closest to a level's timeline colour.
fn ansi(level: Level) -> &'static str {
    match level {
        Level::Info => "\x1b[37m",
        Level::Normal => "\x1b[32m",
        Level::Warning => "\x1b[33m",
        Level::Error => "\x1b[31m",
        Level::Fatal => "\x1b[1;31m",
    }
}
