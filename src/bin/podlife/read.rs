//! Feeding files and standard input to the analyzer in chunks.

use podlife::analysis::{Analyzer, FileId};
use std::fs::File;
use std::io::{self, Read};
use std::path::Path;
use std::time::SystemTime;

const CHUNK_BYTES: usize = 1 << 20;

/// A file that could not be read, with the reason.
#[derive(Debug)]
pub struct ReadError {
    pub path: String,
    pub source: io::Error,
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "cannot read {}: {}", self.path, self.source)
    }
}

/// Reads `path` (`-` for standard input) into the analyzer. The year of the last line is
/// `year`, else worked out from the file's modification time (the current time for standard
/// input).
pub fn read_log(analyzer: &mut Analyzer, path: &Path, year: Option<i32>) -> Result<(), ReadError> {
    let display = path.display().to_string();
    let wrap = |source| ReadError {
        path: display.clone(),
        source,
    };
    if display == "-" {
        let file = begin(analyzer, "stdin", year, SystemTime::now());
        return feed(analyzer, file, io::stdin().lock()).map_err(wrap);
    }
    let file = File::open(path).map_err(wrap)?;
    let metadata = file.metadata().map_err(wrap)?;
    if metadata.is_dir() {
        return Err(wrap(io::Error::other("is a directory")));
    }
    let modified = metadata.modified().unwrap_or_else(|_| SystemTime::now());
    let name = path
        .file_name()
        .map_or(display.clone(), |n| n.to_string_lossy().into_owned());
    log::debug!("reading {display} as {name}");
    let id = begin(analyzer, &name, year, modified);
    feed(analyzer, id, file).map_err(wrap)
}

fn begin(analyzer: &mut Analyzer, name: &str, year: Option<i32>, modified: SystemTime) -> FileId {
    match year {
        Some(year) => analyzer.begin_file(name, year),
        None => {
            let modified = chrono::DateTime::<chrono::Utc>::from(modified).naive_utc();
            analyzer.begin_file_modified(name, modified)
        }
    }
}

fn feed(analyzer: &mut Analyzer, file: FileId, mut source: impl Read) -> io::Result<()> {
    let mut buffer = vec![0u8; CHUNK_BYTES];
    loop {
        let read = match source.read(&mut buffer) {
            Ok(0) => break,
            Ok(read) => read,
            Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
            Err(err) => return Err(err),
        };
        analyzer.push(file, &buffer[..read]);
    }
    analyzer.end_file(file);
    Ok(())
}
