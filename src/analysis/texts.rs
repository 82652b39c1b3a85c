//! The raw lines of events. An event of a file that can be read again keeps only the byte
//! range of its line, so memory grows with the number of events and not with the log. The text
//! is read back, through a [`LineSource`], for the few events a reader looks at.

use super::decode::decode;
use super::model::Event;
use crate::input::parse_klog_header;
use std::hash::{Hash, Hasher};
use std::io;

/// Reads byte ranges of the files an analysis was made from, by their index in
/// [`super::Analysis::files`].
pub trait LineSource {
    fn read(&mut self, file: usize, offset: u64, length: u64) -> io::Result<Vec<u8>>;

    /// Reads many ranges, given in file and offset order, in as few reads as the source
    /// likes; by default one read each.
    fn read_many(&mut self, ranges: &[LineRange]) -> Vec<io::Result<Vec<u8>>> {
        ranges
            .iter()
            .map(|range| self.read(range.file, range.offset, range.length))
            .collect()
    }
}

/// The bytes of one event's line in its file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineRange {
    pub file: usize,
    pub offset: u64,
    pub length: u64,
}

/// Fills the text and klog time of every event of `events` that has only its byte range.
/// An event whose range cannot be read keeps an empty text; the first error is returned after
/// the others are filled.
pub fn fill_texts<'a>(
    events: impl IntoIterator<Item = &'a mut Event>,
    source: &mut dyn LineSource,
) -> io::Result<()> {
    let mut needing: Vec<&mut Event> = events
        .into_iter()
        .filter(|event| event.needs_text())
        .collect();
    needing.sort_by_key(|event| (event.file, event.offset));
    let ranges: Vec<LineRange> = needing
        .iter()
        .map(|event| LineRange {
            file: event.file,
            offset: event.offset,
            length: u64::from(event.length),
        })
        .collect();
    let mut first_error = None;
    for (event, read) in needing.into_iter().zip(source.read_many(&ranges)) {
        match read {
            Ok(bytes) => event.set_text(text_of(&bytes)),
            Err(error) => {
                first_error.get_or_insert(error);
            }
        }
    }
    first_error.map_or(Ok(()), Err)
}

/// Splits ranges, given in file and offset order, into runs that one read can cover. A run's
/// ranges are of one file, each starts at most `max_gap` bytes after the previous one ends, and
/// together they span at most `max_span` bytes. A single longer range is a run of its own.
pub fn group_ranges(ranges: &[LineRange], max_span: u64, max_gap: u64) -> Vec<&[LineRange]> {
    let mut groups = Vec::new();
    let mut start = 0;
    for index in 1..=ranges.len() {
        let (first, previous) = (ranges[start], ranges[index - 1]);
        let joins = ranges.get(index).is_some_and(|next| {
            next.file == first.file
                && next.offset >= previous.offset
                && next.offset <= previous.offset + previous.length + max_gap
                && next.offset + next.length - first.offset <= max_span
        });
        if !joins {
            groups.push(&ranges[start..index]);
            start = index;
        }
    }
    groups
}

/// Decodes the bytes of a record as the analyzer showed them: lossy UTF-8, without the `\r`
/// of CRLF line ends.
fn text_of(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    if !text.contains('\r') {
        return text.into_owned();
    }
    let lines: Vec<&str> = text
        .split('\n')
        .map(|line| line.trim_end_matches('\r'))
        .collect();
    lines.join("\n")
}

/// Returns the klog header's time as written (`0516 18:34:39.885628`) of a record's first line.
pub(crate) fn klog_time_of(text: &str) -> Option<String> {
    let first = text.split('\n').next()?;
    let decoded = decode(first);
    parse_klog_header(&decoded.body).map(|(klog, _)| klog.time_text.to_string())
}

/// Hashes the text shown for a record, so that the same line given twice is found without a
/// copy of it.
pub(crate) fn text_hash(text: &str) -> u64 {
    let mut hasher = rustc_hash::FxHasher::default();
    text.hash(&mut hasher);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(file: usize, offset: u64) -> LineRange {
        LineRange {
            file,
            offset,
            length: 10,
        }
    }

    #[test]
    fn texts_group_near_ranges_of_one_file() {
        let ranges = [
            range(0, 0),
            range(0, 20),
            range(0, 500),
            range(1, 510),
            range(1, 900),
        ];
        let groups = group_ranges(&ranges, 1000, 100);
        let sizes: Vec<usize> = groups.iter().map(|group| group.len()).collect();
        assert_eq!(sizes, [2, 1, 1, 1]);
        let capped = group_ranges(&ranges[..2], 25, 100);
        assert_eq!(capped.len(), 2);
        assert!(group_ranges(&[], 10, 10).is_empty());
    }

    #[test]
    fn texts_drop_carriage_returns() {
        assert_eq!(text_of(b"a\r\n\tb\r"), "a\n\tb");
        assert_eq!(text_of(b"plain"), "plain");
    }

    #[test]
    fn texts_klog_time_from_the_first_line() {
        let line =
            "May 16 18:34:39 n kubelet[1]: I0516 18:34:39.885628    1 prober.go:1] x=<\n\tout\n >";
        assert_eq!(klog_time_of(line).as_deref(), Some("0516 18:34:39.885628"));
        assert_eq!(klog_time_of("time=\"2025-05-16\" msg=x"), None);
    }
}
