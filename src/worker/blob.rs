//! A [`Read`] over a `Blob` in a worker: `FileReaderSync` reads one `Blob.slice` at a time, so
//! only one slice of the file is in memory, whatever its size. Offsets are `f64`, as the File
//! API has them, which is exact for every size below 2^53 bytes.

use crate::analysis::{group_ranges, LineRange, LineSource};
use crate::worker::session::FileLines;
use std::collections::HashMap;
use std::io::{self, Read};
use wasm_bindgen::JsCast;
use web_sys::{Blob, FileReaderSync};

/// How many bytes one read of several event lines may span.
const GROUP_BYTES: u64 = 1 << 20;

/// The largest gap between two event lines that one read spans.
const GAP_BYTES: u64 = 64 << 10;

/// How many bytes one slice holds.
const SLICE_BYTES: f64 = 8.0 * 1024.0 * 1024.0;

/// Reads a `Blob` from start to end, slice by slice.
pub struct BlobReader {
    blob: Blob,
    reader: FileReaderSync,
    size: f64,
    /// The offset of the next slice in the blob.
    offset: f64,
    slice: Vec<u8>,
    /// The bytes of `slice` already handed out.
    used: usize,
}

impl BlobReader {
    /// Opens `blob` for reading. Fails when the browser offers no `FileReaderSync`, which only
    /// workers have.
    pub fn new(blob: Blob) -> io::Result<BlobReader> {
        let reader = FileReaderSync::new().map_err(|error| js_error("FileReaderSync", &error))?;
        Ok(BlobReader {
            size: blob.size(),
            blob,
            reader,
            offset: 0.0,
            slice: Vec::new(),
            used: 0,
        })
    }

    /// Reads the next slice into `self.slice`; leaves it empty at the end of the blob.
    fn next_slice(&mut self) -> io::Result<()> {
        self.slice.clear();
        self.used = 0;
        if self.offset >= self.size {
            return Ok(());
        }
        let end = (self.offset + SLICE_BYTES).min(self.size);
        let part = self
            .blob
            .slice_with_f64_and_f64(self.offset, end)
            .map_err(|error| js_error("Blob.slice", &error))?;
        let buffer = self
            .reader
            .read_as_array_buffer(&part)
            .map_err(|error| js_error("FileReaderSync.readAsArrayBuffer", &error))?;
        let bytes = js_sys::Uint8Array::new(&buffer);
        self.slice.resize(bytes.length() as usize, 0);
        bytes.copy_to(&mut self.slice);
        self.offset = end;
        Ok(())
    }
}

impl Read for BlobReader {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        if self.used == self.slice.len() {
            self.next_slice()?;
        }
        let left = &self.slice[self.used..];
        let count = left.len().min(buffer.len());
        buffer[..count].copy_from_slice(&left[..count]);
        self.used += count;
        Ok(count)
    }
}

/// Turns a browser exception into an I/O error that names the call that failed.
fn js_error(call: &str, error: &wasm_bindgen::JsValue) -> io::Error {
    let reason = error
        .dyn_ref::<js_sys::Error>()
        .map(|error| String::from(error.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| format!("{error:?}"));
    io::Error::other(format!("{call} failed: {reason}"))
}

/// The files read so far, by their index in the analysis, for reading event lines back.
#[derive(Default)]
pub struct BlobLines {
    /// The file being read, which the logs added next belong to.
    pub current: Option<Blob>,
    blobs: HashMap<usize, Blob>,
}

impl FileLines for BlobLines {
    fn add(&mut self, file: usize) {
        if let Some(blob) = &self.current {
            self.blobs.insert(file, blob.clone());
        }
    }
}

impl LineSource for BlobLines {
    fn read(&mut self, file: usize, offset: u64, length: u64) -> io::Result<Vec<u8>> {
        let blob = self.blobs.get(&file).ok_or_else(|| {
            io::Error::new(io::ErrorKind::NotFound, format!("file {file} was not read"))
        })?;
        let part = blob
            .slice_with_f64_and_f64(offset as f64, (offset + length) as f64)
            .map_err(|error| js_error("Blob.slice", &error))?;
        let reader = FileReaderSync::new().map_err(|error| js_error("FileReaderSync", &error))?;
        let buffer = reader
            .read_as_array_buffer(&part)
            .map_err(|error| js_error("FileReaderSync.readAsArrayBuffer", &error))?;
        Ok(js_sys::Uint8Array::new(&buffer).to_vec())
    }

    /// Reads neighbouring lines with one slice: a pod of thousands of events then costs a few
    /// hundred reads instead of one per line.
    fn read_many(&mut self, ranges: &[LineRange]) -> Vec<io::Result<Vec<u8>>> {
        let mut results = Vec::with_capacity(ranges.len());
        for group in group_ranges(ranges, GROUP_BYTES, GAP_BYTES) {
            let first = group[0];
            let end = group
                .iter()
                .map(|r| r.offset + r.length)
                .max()
                .unwrap_or(first.offset);
            match self.read(first.file, first.offset, end - first.offset) {
                Ok(bytes) => results.extend(group.iter().map(|range| {
                    let start = (range.offset - first.offset) as usize;
                    let stop = (start + range.length as usize).min(bytes.len());
                    Ok(bytes[start.min(stop)..stop].to_vec())
                })),
                Err(error) => {
                    let reason = error.to_string();
                    results.extend(group.iter().map(|_| Err(io::Error::other(reason.clone()))));
                }
            }
        }
        results
    }
}
