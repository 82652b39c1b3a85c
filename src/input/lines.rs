//! Splits a stream of byte chunks into lines without ever holding the whole input.
//!
//! Line numbers are 1-based; byte offsets are 0-based from the start of the stream and point at
//! the first byte of the line. A trailing `\r` (CRLF files) is removed from the line.

/// Lines longer than this are cut to this length and flagged, so one line of megabytes cannot
/// exhaust memory.
pub const MAX_LINE_BYTES: usize = 256 * 1024;

/// One line of the input, without its line ending.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawLine<'a> {
    pub bytes: &'a [u8],
    /// 1-based line number.
    pub number: u64,
    /// Offset of the line's first byte from the start of the stream.
    pub offset: u64,
    /// Length of the line as written, which exceeds `bytes.len()` when the line was cut.
    pub full_len: u64,
}

impl RawLine<'_> {
    pub fn is_truncated(&self) -> bool {
        self.full_len > self.bytes.len() as u64
    }
}

/// Incremental line splitter: feed chunks with [`LineSplitter::push`], then call
/// [`LineSplitter::finish`] for a last line without a line ending.
#[derive(Debug, Default)]
pub struct LineSplitter {
    pending: Vec<u8>,
    pending_full_len: u64,
    next_number: u64,
    next_offset: u64,
}

impl LineSplitter {
    pub fn new() -> Self {
        Self::default()
    }

    /// Splits `chunk`, calling `sink` for every line it completes.
    pub fn push(&mut self, mut chunk: &[u8], sink: &mut dyn FnMut(RawLine<'_>)) {
        while let Some(end) = memchr::memchr(b'\n', chunk) {
            let (head, rest) = (&chunk[..end], &chunk[end + 1..]);
            if self.pending_full_len == 0 {
                // The common case: the whole line is inside this chunk, so no copy is made.
                self.emit(head, head.len() as u64, 1, sink);
            } else {
                self.append(head);
                let full_len = self.pending_full_len;
                let line = std::mem::take(&mut self.pending);
                self.emit(&line, full_len, 1, sink);
                self.pending = line;
                self.pending.clear();
                self.pending_full_len = 0;
            }
            chunk = rest;
        }
        self.append(chunk);
    }

    /// Emits the last line if the input did not end with a line ending.
    pub fn finish(&mut self, sink: &mut dyn FnMut(RawLine<'_>)) {
        if self.pending_full_len == 0 {
            return;
        }
        let line = std::mem::take(&mut self.pending);
        let full_len = self.pending_full_len;
        self.pending_full_len = 0;
        self.emit(&line, full_len, 0, sink);
    }

    /// Number of lines emitted or skipped so far.
    pub fn lines_seen(&self) -> u64 {
        self.next_number
    }

    /// Returns whether a line begun in an earlier chunk is still waiting for its end.
    pub fn has_partial(&self) -> bool {
        self.pending_full_len > 0
    }

    /// Counts `lines` whole lines of `bytes` bytes, line endings included, that the caller read
    /// past without handing them to a sink. Only valid when no line is partial.
    pub fn skip(&mut self, lines: u64, bytes: u64) {
        debug_assert!(!self.has_partial());
        self.next_number += lines;
        self.next_offset += bytes;
    }

    fn append(&mut self, bytes: &[u8]) {
        let room = MAX_LINE_BYTES.saturating_sub(self.pending.len());
        self.pending
            .extend_from_slice(&bytes[..bytes.len().min(room)]);
        self.pending_full_len += bytes.len() as u64;
    }

    fn emit(
        &mut self,
        bytes: &[u8],
        full_len: u64,
        terminator_len: u64,
        sink: &mut dyn FnMut(RawLine<'_>),
    ) {
        let mut kept = &bytes[..bytes.len().min(MAX_LINE_BYTES)];
        let mut full = full_len;
        if kept.last() == Some(&b'\r') && kept.len() as u64 == full_len {
            kept = &kept[..kept.len() - 1];
            full -= 1;
        }
        self.next_number += 1;
        sink(RawLine {
            bytes: kept,
            number: self.next_number,
            offset: self.next_offset,
            full_len: full,
        });
        self.next_offset += full_len + terminator_len;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(chunks: &[&[u8]]) -> Vec<(String, u64, u64, bool)> {
        let mut splitter = LineSplitter::new();
        let mut out = Vec::new();
        let mut sink = |line: RawLine<'_>| {
            out.push((
                String::from_utf8_lossy(line.bytes).into_owned(),
                line.number,
                line.offset,
                line.is_truncated(),
            ))
        };
        for chunk in chunks {
            splitter.push(chunk, &mut sink);
        }
        splitter.finish(&mut sink);
        out
    }

    #[test]
    fn lines_split_across_chunks() {
        let lines = split(&[b"ab", b"c\nde", b"f\ng"]);
        assert_eq!(
            lines,
            vec![
                ("abc".into(), 1, 0, false),
                ("def".into(), 2, 4, false),
                ("g".into(), 3, 8, false),
            ]
        );
    }

    #[test]
    fn crlf_endings_removed() {
        let lines = split(&[b"a\r\nb\r", b"\nc\r\n"]);
        let texts: Vec<_> = lines.iter().map(|l| l.0.as_str()).collect();
        assert_eq!(texts, ["a", "b", "c"]);
        assert_eq!(lines[2].2, 6);
    }

    #[test]
    fn huge_line_is_cut_and_flagged() {
        let big = vec![b'x'; MAX_LINE_BYTES + 10];
        let lines = split(&[&big[..100], &big[100..], b"\nnext\n"]);
        assert_eq!(lines[0].0.len(), MAX_LINE_BYTES);
        assert!(lines[0].3);
        assert_eq!(
            lines[1],
            ("next".into(), 2, MAX_LINE_BYTES as u64 + 11, false)
        );
    }

    #[test]
    fn empty_lines_are_counted() {
        let lines = split(&[b"\n\nx"]);
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[2].1, 3);
    }
}
