//! Severity levels of lifecycle events, lowest to highest, and their timeline colours.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// The severity of an event. The order of the variants is the severity order, so the highest
/// level of a set of events is its `max()`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Level {
    Info,
    Normal,
    Warning,
    Error,
    Fatal,
}

impl Level {
    /// Every level, lowest first.
    pub const ALL: [Level; 5] = [
        Level::Info,
        Level::Normal,
        Level::Warning,
        Level::Error,
        Level::Fatal,
    ];

    /// Returns the SVG colour name of a second whose highest level is this one.
    pub fn colour(self) -> &'static str {
        match self {
            Level::Info => "whitesmoke",
            Level::Normal => "lightgreen",
            Level::Warning => "darkorange",
            Level::Error => "red",
            Level::Fatal => "darkred",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Level::Info => "Info",
            Level::Normal => "Normal",
            Level::Warning => "Warning",
            Level::Error => "Error",
            Level::Fatal => "Fatal",
        }
    }

    /// Returns the level's name as the UI shows it.
    pub fn label(self, lang: crate::i18n::Lang) -> &'static str {
        use crate::i18n::Lang;
        match lang {
            Lang::En => self.name(),
            Lang::ZhCn => match self {
                Level::Info => "信息",
                Level::Normal => "正常",
                Level::Warning => "警告",
                Level::Error => "错误",
                Level::Fatal => "致命",
            },
        }
    }

    /// Returns the position of this level in [`Level::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Error for a level name that is not one of Info, Normal, Warning, Error, Fatal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownLevel(pub String);

impl fmt::Display for UnknownLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown level {:?}: expected one of Info, Normal, Warning, Error, Fatal",
            self.0
        )
    }
}

impl std::error::Error for UnknownLevel {}

impl FromStr for Level {
    type Err = UnknownLevel;

    /// Parses a level name, ignoring ASCII case.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let trimmed = s.trim();
        Level::ALL
            .into_iter()
            .find(|level| level.name().eq_ignore_ascii_case(trimmed))
            .ok_or_else(|| UnknownLevel(trimmed.to_string()))
    }
}

/// A set of levels, as chosen by a level filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct LevelSet(u8);

impl LevelSet {
    pub const NONE: LevelSet = LevelSet(0);
    pub const ALL: LevelSet = LevelSet(0b1_1111);

    /// Normal, Warning, Error and Fatal: everything but the Info noise.
    pub const DEFAULT: LevelSet = LevelSet(0b1_1110);

    pub fn contains(self, level: Level) -> bool {
        self.0 & (1 << level.index()) != 0
    }

    pub fn with(self, level: Level, on: bool) -> LevelSet {
        let bit = 1 << level.index();
        LevelSet(if on { self.0 | bit } else { self.0 & !bit })
    }

    /// Parses a comma-separated list such as `Normal,Warning,Error`.
    pub fn parse_list(list: &str) -> Result<LevelSet, UnknownLevel> {
        list.split(',')
            .filter(|part| !part.trim().is_empty())
            .try_fold(
                LevelSet::NONE,
                |set, part| Ok(set.with(part.parse()?, true)),
            )
    }
}

impl Default for LevelSet {
    fn default() -> Self {
        LevelSet::DEFAULT
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn level_order_is_severity() {
        assert!(Level::Info < Level::Normal);
        assert!(Level::Error < Level::Fatal);
        assert_eq!(
            [Level::Warning, Level::Fatal, Level::Info].iter().max(),
            Some(&Level::Fatal)
        );
    }

    #[test]
    fn level_parse_ignores_case() {
        assert_eq!("warning".parse::<Level>(), Ok(Level::Warning));
        assert!("Severe".parse::<Level>().is_err());
    }

    #[test]
    fn level_list_parse() {
        let set = LevelSet::parse_list("Error, Fatal").unwrap();
        assert!(set.contains(Level::Error));
        assert!(!set.contains(Level::Normal));
        assert_eq!(
            LevelSet::parse_list("Normal,Warning,Error,Fatal"),
            Ok(LevelSet::DEFAULT)
        );
    }
}
