//! The timeline as terminal text: one row per second with its time, highest level and event
//! labels.

use crate::i18n::Lang;
use crate::level::Level;
use crate::timeline::Second;
use std::io::{self, Write};

/// Writes one row per second. With `colour`, the level is coloured with ANSI escapes.
pub fn write_text_timeline(
    out: &mut dyn Write,
    seconds: &[Second<'_>],
    lang: Lang,
    colour: bool,
) -> io::Result<()> {
    for second in seconds {
        let level = second.level.name();
        let level = if colour {
            format!("{}{level:<7}\x1b[0m", ansi(second.level))
        } else {
            format!("{level:<7}")
        };
        let labels = second.labels(lang).join(", ");
        writeln!(
            out,
            "{}  {level}  {labels}",
            second.time.format("%Y-%m-%d %H:%M:%S")
        )?;
    }
    Ok(())
}

/// The ANSI colour closest to a level's timeline colour.
fn ansi(level: Level) -> &'static str {
    match level {
        Level::Info => "\x1b[37m",
        Level::Normal => "\x1b[32m",
        Level::Warning => "\x1b[33m",
        Level::Error => "\x1b[31m",
        Level::Fatal => "\x1b[1;31m",
    }
}
