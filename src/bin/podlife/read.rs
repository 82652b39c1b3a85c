//! Feeding files and standard input to the analyzer. Each input may be a plain log, a gzip file
//! or a tar bundle; every text log in it becomes a file of the analysis.

use podlife::analysis::{Analyzer, LineSource};
use podlife::input::archive::{read_into, Input};
use std::collections::HashMap;
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
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
/// modification time (the current time for standard input). Plain files on disk are noted in
/// `disk`, which reads their events' lines back later.
pub fn read_log(
    analyzer: &mut Analyzer,
    path: &Path,
    year: Option<i32>,
    disk: &mut DiskLines,
) -> Result<(), ReadError> {
    let display = path.display().to_string();
    let wrap = |source| ReadError {
        path: display.clone(),
        source,
    };
    if display == "-" {
        let input = input("stdin", year, SystemTime::now());
        analyzer.set_sources_rereadable(false);
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
    analyzer.set_sources_rereadable(true);
    let opened = read_into(analyzer, input(&name, year, modified), file).map_err(wrap)?;
    if opened.len() > 1 {
        log::info!("{display}: read {} files from the archive", opened.len());
    }
    for file in opened {
        disk.paths.insert(file.file.0, path.to_path_buf());
    }
    Ok(())
}

/// Reads the lines of events back from the files on disk.
#[derive(Debug, Default)]
pub struct DiskLines {
    paths: HashMap<usize, PathBuf>,
    open: HashMap<usize, File>,
}

impl LineSource for DiskLines {
    fn read(&mut self, file: usize, offset: u64, length: u64) -> io::Result<Vec<u8>> {
        let handle = match self.open.entry(file) {
            std::collections::hash_map::Entry::Occupied(entry) => entry.into_mut(),
            std::collections::hash_map::Entry::Vacant(entry) => {
                let path = self.paths.get(&file).ok_or_else(|| {
                    io::Error::new(io::ErrorKind::NotFound, "the file was not read from disk")
                })?;
                entry.insert(File::open(path)?)
            }
        };
        handle.seek(SeekFrom::Start(offset))?;
        let mut bytes = Vec::with_capacity(length as usize);
        handle.take(length).read_to_end(&mut bytes)?;
        Ok(bytes)
    }
}

fn input(name: &str, year: Option<i32>, modified: SystemTime) -> Input<'_> {
    Input {
        name,
        modified: chrono::DateTime::<chrono::Utc>::from(modified).naive_utc(),
        year,
    }
}
