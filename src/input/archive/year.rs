//! Choosing the time that dates a log's last line, from the clues an archive keeps about it.

use chrono::{DateTime, NaiveDate, NaiveDateTime};

/// The origin of the time that dates a log's last line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeSource {
    /// The rotation day in the name, as logrotate's `dateext` writes it (`messages-20251231`).
    FileName,
    /// The modification time stored in the tar header of the member.
    ArchiveMember,
    /// The modification time stored in the gzip header.
    GzipHeader,
    /// The modification time of the file the user gave.
    File,
}

/// The year of a log's last line, or the time it is worked out from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearChoice {
    /// A year the user gave, which overrides every clue.
    Given(i32),
    /// A time (UTC) at or after the last line, and where it comes from.
    Dated {
        modified: NaiveDateTime,
        source: TimeSource,
    },
}

/// The clues to a log's date gathered while opening the layers around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateClues {
    /// A year the user gave.
    pub given: Option<i32>,
    /// The tar member's modification time, in seconds since the Unix epoch.
    pub member_mtime: Option<u64>,
    /// The innermost gzip header's modification time, in seconds since the Unix epoch.
    pub gzip_mtime: Option<u32>,
    /// The modification time of the file the user gave, in UTC.
    pub file_modified: NaiveDateTime,
}

impl DateClues {
    /// Chooses the year of the log called `name`: a given year, else the rotation day in the
    /// name (its last second), else the tar member's time, else the gzip header's, else the
    /// file's. A time of zero means the writer stored none and is passed over.
    pub fn choose(&self, name: &str) -> YearChoice {
        if let Some(year) = self.given {
            return YearChoice::Given(year);
        }
        let dated = |modified, source| YearChoice::Dated { modified, source };
        if let Some(day) = rotation_day(name) {
            let end = day.and_hms_opt(23, 59, 59).unwrap_or_default();
            return dated(end, TimeSource::FileName);
        }
        let member = self
            .member_mtime
            .and_then(|secs| from_epoch(i64::try_from(secs).ok()?));
        if let Some(time) = member {
            return dated(time, TimeSource::ArchiveMember);
        }
        if let Some(time) = self.gzip_mtime.and_then(|secs| from_epoch(secs.into())) {
            return dated(time, TimeSource::GzipHeader);
        }
        dated(self.file_modified, TimeSource::File)
    }
}

fn from_epoch(secs: i64) -> Option<NaiveDateTime> {
    (secs > 0).then(|| DateTime::from_timestamp(secs, 0).map(|t| t.naive_utc()))?
}

/// Returns the rotation day of a rotated log's name: the `YYYYMMDD` (optionally followed by an
/// hour, `YYYYMMDDHH`) after the last `-` of the base name, before any `.gz`, as in
/// `messages-20251231.gz` or `kubelet.log-2025123103`.
pub fn rotation_day(name: &str) -> Option<NaiveDate> {
    let base = name.rsplit('/').next().unwrap_or(name);
    let base = base.strip_suffix(".gz").unwrap_or(base);
    let (_, stamp) = base.rsplit_once('-')?;
    if !matches!(stamp.len(), 8 | 10) || !stamp.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let day = NaiveDate::parse_from_str(&stamp[..8], "%Y%m%d").ok()?;
    (1970..=9999)
        .contains(&chrono::Datelike::year(&day))
        .then_some(day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn time(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S").unwrap()
    }

    fn clues() -> DateClues {
        DateClues {
            given: None,
            // 2026-01-02 00:00:00 UTC
            member_mtime: Some(1_767_312_000),
            // 2026-01-03 00:00:00 UTC
            gzip_mtime: Some(1_767_398_400),
            file_modified: time("2026-02-01 08:00:00"),
        }
    }

    fn dated(text: &str, source: TimeSource) -> YearChoice {
        YearChoice::Dated {
            modified: time(text),
            source,
        }
    }

    #[test]
    fn rotation_day_forms() {
        let day = NaiveDate::from_ymd_opt(2025, 12, 31);
        assert_eq!(rotation_day("messages-20251231"), day);
        assert_eq!(rotation_day("messages-20251231.gz"), day);
        assert_eq!(rotation_day("kubelet.log-20251231"), day);
        assert_eq!(rotation_day("kubelet.log-2025123103.gz"), day);
        assert_eq!(rotation_day("b.tar.gz/var/log/messages-20251231.gz"), day);
    }

    #[test]
    fn rotation_day_rejects_others() {
        assert_eq!(rotation_day("messages"), None);
        assert_eq!(rotation_day("messages.1.gz"), None);
        assert_eq!(rotation_day("messages-20251341"), None);
        assert_eq!(rotation_day("messages-2025123"), None);
        assert_eq!(rotation_day("run-20251231x"), None);
        assert_eq!(rotation_day("2025-12-31/messages"), None);
    }

    #[test]
    fn given_year_overrides_all() {
        let clues = DateClues {
            given: Some(2019),
            ..clues()
        };
        assert_eq!(
            clues.choose("messages-20251231.gz"),
            YearChoice::Given(2019)
        );
    }

    #[test]
    fn name_date_comes_first() {
        let choice = clues().choose("messages-20251231.gz");
        assert_eq!(choice, dated("2025-12-31 23:59:59", TimeSource::FileName));
    }

    #[test]
    fn member_time_before_gzip_time() {
        let choice = clues().choose("messages.1.gz");
        assert_eq!(
            choice,
            dated("2026-01-02 00:00:00", TimeSource::ArchiveMember)
        );
    }

    #[test]
    fn gzip_time_without_member_time() {
        let clues = DateClues {
            member_mtime: Some(0),
            ..clues()
        };
        let choice = clues.choose("messages.gz");
        assert_eq!(choice, dated("2026-01-03 00:00:00", TimeSource::GzipHeader));
    }

    #[test]
    fn file_time_when_no_clue() {
        let clues = DateClues {
            member_mtime: None,
            gzip_mtime: Some(0),
            ..clues()
        };
        let choice = clues.choose("messages");
        assert_eq!(choice, dated("2026-02-01 08:00:00", TimeSource::File));
    }
}
