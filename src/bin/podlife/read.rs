//! Feeding files and standard input to the analyzer in chunks.

use podlife::analysis::Analyzer;
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
/// `year`, else that of the file's modification time, else the current year.
pub fn read_log(analyzer: &mut Analyzer, path: &Path, year: Option<i32>) -> Result<(), ReadError> {
    let display = path.display().to_string();
    let wrap = |source| ReadError {
        path: display.clone(),
        source,
    };
    if display == "-" {
        let year = year.unwrap_or_else(|| year_of(SystemTime::now()));
        return feed(analyzer, "stdin", year, io::stdin().lock()).map_err(wrap);
    }
    let file = File::open(path).map_err(wrap)?;
    let metadata = file.metadata().map_err(wrap)?;
    if metadata.is_dir() {
        return Err(wrap(io::Error::other("is a directory")));
    }
    let modified = metadata.modified().unwrap_or_else(|_| SystemTime::now());
    let year = year.unwrap_or_else(|| year_of(modified));
    let name = path
        .file_name()
        .map_or(display.clone(), |n| n.to_string_lossy().into_owned());
    log::debug!("reading {display} as {name}, last line in {year}");
    feed(analyzer, &name, year, file).map_err(wrap)
}

fn feed(analyzer: &mut Analyzer, name: &str, year: i32, mut source: impl Read) -> io::Result<()> {
    let file = analyzer.begin_file(name, year);
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

/// Returns the UTC year of a time. NOTE: a file written in the first hours of Jan 1 in a zone east of
/// UTC gets the previous year; `--year` overrides it.
fn year_of(time: SystemTime) -> i32 {
    use chrono::Datelike;
    chrono::DateTime::<chrono::Utc>::from(time).year()
}
