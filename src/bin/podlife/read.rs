//! Feeding files and standard input to the analyzer. Each input may be a plain log, a gzip file
//! or a tar bundle; every text log in it becomes a file of the analysis.

use podlife::analysis::Analyzer;
use podlife::input::archive::{read_into, Input};
use std::fs::File;
use std::io;
use std::path::Path;
use std::time::SystemTime;

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

/// Reads `path` (`-` for standard input) into the analyzer. The year of each log's last line
/// is `year`, else worked out from the clues the archive keeps, else from the file's
/// modification time (the current time for standard input).
pub fn read_log(analyzer: &mut Analyzer, path: &Path, year: Option<i32>) -> Result<(), ReadError> {
    let display = path.display().to_string();
    let wrap = |source| ReadError {
        path: display.clone(),
        source,
    };
    if display == "-" {
        let input = input("stdin", year, SystemTime::now());
        return read_into(analyzer, input, io::stdin().lock())
            .map(|_| ())
            .map_err(wrap);
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
    let opened = read_into(analyzer, input(&name, year, modified), file).map_err(wrap)?;
    if opened.len() > 1 {
        log::info!("{display}: read {} files from the archive", opened.len());
    }
    Ok(())
}

fn input(name: &str, year: Option<i32>, modified: SystemTime) -> Input<'_> {
    Input {
        name,
        modified: chrono::DateTime::<chrono::Utc>::from(modified).naive_utc(),
        year,
    }
}
