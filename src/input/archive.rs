//! Opening what a user hands over: a plain log, a gzip file (also several gzip members
//! concatenated, as `cat a.gz b.gz` writes them) or a tar support bundle, itself
//! gzipped or not, whose members may be gzipped too. The format is detected by magic bytes, not
//! by the name. Each text log found is fed to the analyzer as a file of its own, named by its path
//! inside the layers (`bundle.tar.gz/var/log/messages-20251231.gz`) and dated on its own.
//!
//! Everything is decompressed as a stream over a [`Read`]. Damage (a cut-off gzip stream, a
//! broken tar header) and skipped members become issues of the analyzer's files, so they are
//! reported like every other input problem and never stop the other logs.

mod layers;
mod year;

pub use year::{rotation_day, DateClues, TimeSource, YearChoice};

use crate::analysis::{Analyzer, FileId, InputIssue};
use layers::{peek, Damage, Layer};
use std::io::{self, Cursor, Read};

/// How many bytes of a log are fed to the analyzer at a time.
const CHUNK_BYTES: usize = 1 << 20;

/// How many layers (gzip in tar in gzip…) are opened before the data is read as it is.
const MAX_DEPTH: usize = 6;

/// A file the user gave: its name and modification time, and a year that overrides all.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    pub name: &'a str,
    /// The file's modification time, in UTC.
    pub modified: chrono::NaiveDateTime,
    /// A year the user gave for every log in the file.
    pub year: Option<i32>,
}

/// A file that opening an input gave to the analyzer: a text log, or an entry that only
/// carries an issue (a skipped member, a damaged archive).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opened {
    pub file: FileId,
    pub name: String,
    pub year: YearChoice,
}

/// Reads every log in `source` into the analyzer and returns the files it began, in order.
/// Fails only when `source` itself cannot be read, with the files read so far kept.
pub fn read_into(
    analyzer: &mut Analyzer,
    input: Input<'_>,
    source: impl Read,
) -> io::Result<Vec<Opened>> {
    read_into_observed(analyzer, input, source, &mut |_| {})
}

/// Does what [`read_into`] does, and calls `after_chunk` with the analyzer after each chunk of
/// a log is fed to it, so a caller can report progress or look at the pods found so far.
pub fn read_into_observed(
    analyzer: &mut Analyzer,
    input: Input<'_>,
    source: impl Read,
    after_chunk: &mut dyn FnMut(&Analyzer),
) -> io::Result<Vec<Opened>> {
    let mut walk = Walk {
        analyzer,
        after_chunk,
        opened: Vec::new(),
        bundles: Vec::new(),
    };
    let clues = DateClues {
        given: input.year,
        member_mtime: None,
        gzip_mtime: None,
        file_modified: input.modified,
    };
    let reader: Box<dyn Read + '_> = Box::new(Layer::source(source));
    match walk.open(input.name, clues, reader, 0) {
        Ok(()) => Ok(walk.opened),
        Err(Stop::Io(error)) => Err(error),
        Err(Stop::Damaged { .. }) => Ok(walk.opened),
    }
}

/// The reason a walk stopped early.
enum Stop {
    /// The user's file could not be read.
    Io(io::Error),
    /// The layer at `depth` is damaged; the damage has been reported on a file already.
    Damaged { depth: usize },
}

/// The kind of data at the start of a stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Gzip,
    Tar,
    /// Anything else, left to the analyzer, which rejects binary and other compressions.
    Other,
}

fn format_of(head: &[u8]) -> Format {
    if head.starts_with(&[0x1f, 0x8b]) {
        Format::Gzip
    } else if head.get(257..262) == Some(b"ustar".as_slice()) {
        Format::Tar
    } else {
        Format::Other
    }
}

struct Walk<'a> {
    analyzer: &'a mut Analyzer,
    after_chunk: &'a mut dyn FnMut(&Analyzer),
    opened: Vec<Opened>,
    /// The tar archives being read, outermost first: a file begun now is a member of the last.
    bundles: Vec<String>,
}

impl Walk<'_> {
    /// Opens the stream `reader` named `name`, `depth` layers below the user's file.
    fn open(
        &mut self,
        name: &str,
        clues: DateClues,
        mut reader: Box<dyn Read + '_>,
        depth: usize,
    ) -> Result<(), Stop> {
        let head = match peek(&mut reader) {
            Ok(head) => head,
            Err(error) => return self.damaged(name, clues, error, depth),
        };
        let reader: Box<dyn Read + '_> = Box::new(Cursor::new(head.clone()).chain(reader));
        match format_of(&head) {
            _ if depth >= MAX_DEPTH => self.read_log(name, clues, reader, depth),
            Format::Gzip => self.open_gzip(name, clues, reader, depth),
            Format::Tar => self.open_tar(name, clues, reader, depth),
            Format::Other => self.read_log(name, clues, reader, depth),
        }
    }

    fn open_gzip(
        &mut self,
        name: &str,
        mut clues: DateClues,
        reader: Box<dyn Read + '_>,
        depth: usize,
    ) -> Result<(), Stop> {
        let inner = depth + 1;
        let mut decoder = Layer::new(flate2::read::MultiGzDecoder::new(reader), "gzip", inner);
        // Reading the start parses the first member's header, which contains its mtime.
        let head = match peek(&mut decoder) {
            Ok(head) => head,
            Err(error) => return self.damaged(name, clues, error, depth),
        };
        let mtime = decoder.get_ref().header().map(|header| header.mtime());
        clues.gzip_mtime = mtime.filter(|&secs| secs > 0).or(clues.gzip_mtime);
        let reader: Box<dyn Read + '_> = Box::new(Cursor::new(head).chain(decoder));
        self.open(name, clues, reader, inner)
    }

    fn open_tar(
        &mut self,
        name: &str,
        clues: DateClues,
        reader: Box<dyn Read + '_>,
        depth: usize,
    ) -> Result<(), Stop> {
        let mut archive = tar::Archive::new(reader);
        let entries = match archive.entries() {
            Ok(entries) => entries,
            Err(error) => return self.damaged(name, clues, error, depth),
        };
        self.bundles.push(name.to_string());
        let read = self.read_entries(name, clues, entries, depth);
        self.bundles.pop();
        read
    }

    fn read_entries<R: Read>(
        &mut self,
        name: &str,
        clues: DateClues,
        entries: tar::Entries<'_, R>,
        depth: usize,
    ) -> Result<(), Stop> {
        for entry in entries {
            let entry = match entry {
                Ok(entry) => entry,
                Err(error) => return self.damaged(name, clues, error, depth),
            };
            let member = member_name(name, &entry.path_bytes());
            let header = entry.header();
            let kind = header.entry_type();
            let member_clues = DateClues {
                member_mtime: header.mtime().ok(),
                ..clues
            };
            if kind.is_file() || kind.is_gnu_sparse() {
                match self.open(&member, member_clues, Box::new(entry), depth + 1) {
                    // Damage inside the member's own layers leaves the archive readable.
                    Err(Stop::Damaged { depth: at }) if at > depth => {}
                    other => other?,
                }
            } else if kind.is_symlink() || kind.is_hard_link() {
                let target = entry.link_name_bytes().map(|t| lossy(&t));
                let issue = InputIssue::NotAFile {
                    link_target: Some(target.unwrap_or_default()),
                };
                self.note_only(&member, member_clues, issue);
            } else if !kind.is_dir() && !kind.is_pax_global_extensions() {
                let issue = InputIssue::NotAFile { link_target: None };
                self.note_only(&member, member_clues, issue);
            }
        }
        Ok(())
    }

    /// Feeds one text log to the analyzer, to its end or to the first damage.
    fn read_log(
        &mut self,
        name: &str,
        clues: DateClues,
        mut reader: Box<dyn Read + '_>,
        depth: usize,
    ) -> Result<(), Stop> {
        let file = self.begin(name, clues);
        if depth == 0 {
            // The bytes are the user's file itself, so lines can be read again by range.
            self.analyzer.mark_rereadable(file);
        }
        let mut buffer = vec![0u8; CHUNK_BYTES];
        loop {
            match reader.read(&mut buffer) {
                Ok(0) => break,
                Ok(read) => {
                    self.analyzer.push(file, &buffer[..read]);
                    (self.after_chunk)(self.analyzer);
                }
                Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
                Err(error) => {
                    self.analyzer.end_file(file);
                    return Err(self.note_damage(file, error, depth));
                }
            }
        }
        self.analyzer.end_file(file);
        Ok(())
    }

    /// Reports damage found before any log of `name` was begun, on an entry of its own.
    fn damaged(
        &mut self,
        name: &str,
        clues: DateClues,
        error: io::Error,
        depth: usize,
    ) -> Result<(), Stop> {
        if matches!(Damage::of(&error), Some(Damage::Io)) {
            return Err(Stop::Io(error));
        }
        let file = self.begin(name, clues);
        self.analyzer.end_file(file);
        Err(self.note_damage(file, error, depth))
    }

    /// Notes the damage behind `error` on `file`, unless `error` is the user's file failing.
    fn note_damage(&mut self, file: FileId, error: io::Error, depth: usize) -> Stop {
        let (format, at) = match Damage::of(&error) {
            Some(Damage::Io) => return Stop::Io(error),
            Some(Damage::Format { format, depth }) => (*format, *depth),
            // Only the tar reader raises errors that no layer tagged.
            None => ("tar", depth),
        };
        let issue = InputIssue::Truncated {
            format: format.to_string(),
            detail: layers::detail(&error),
        };
        self.analyzer.note_issue(file, issue);
        Stop::Damaged { depth: at }
    }

    fn note_only(&mut self, name: &str, clues: DateClues, issue: InputIssue) {
        let file = self.begin(name, clues);
        self.analyzer.end_file(file);
        self.analyzer.note_issue(file, issue);
    }

    fn begin(&mut self, name: &str, clues: DateClues) -> FileId {
        let year = clues.choose(name);
        let file = match year {
            YearChoice::Given(year) => self.analyzer.begin_file(name, year),
            YearChoice::Dated { modified, .. } => self.analyzer.begin_file_modified(name, modified),
        };
        if let Some(bundle) = self.bundles.last() {
            self.analyzer.mark_bundle_member(file, bundle);
        }
        let name = name.to_string();
        self.opened.push(Opened { file, name, year });
        file
    }
}

/// Returns `archive/path` for a member, without the `./` that `tar -C dir .` writes.
fn member_name(archive: &str, path: &[u8]) -> String {
    let path = lossy(path);
    let path = path.trim_start_matches("./").trim_start_matches('/');
    format!("{archive}/{path}")
}

fn lossy(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
