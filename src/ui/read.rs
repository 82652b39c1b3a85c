//! Browser glue for reading dropped or picked files: a `FileList` to files, what identifies a
//! file, its modification time, and its bytes, read in slices so a large log is never one
//! string.

use super::state::FileKey;
use chrono::{DateTime, NaiveDateTime};
use gloo_file::futures::read_as_bytes;

/// How many bytes are read at a time.
pub const CHUNK_BYTES: u64 = 4 * 1024 * 1024;

/// Collects the files of a `FileList`, in order.
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Returns the name, size and modification time of a file.
pub fn key_of(file: &web_sys::File) -> FileKey {
    FileKey {
        name: file.name(),
        size: file.size(),
        modified_ms: file.last_modified(),
    }
}

/// Returns a file's modification time in UTC. A time that is not a number is taken as now,
/// as the File API does for a file made without one.
pub fn modified_of(key: &FileKey) -> NaiveDateTime {
    let millis = if key.modified_ms.is_finite() {
        key.modified_ms
    } else {
        js_sys::Date::now()
    };
    DateTime::from_timestamp_millis(millis as i64)
        .unwrap_or_default()
        .naive_utc()
}

/// Reads the whole of `file` into memory, slice by slice, reporting the share read so far
/// (0–100) to `on_progress`. Returns `None` when `on_progress` returns `false` to stop early.
///
/// NOTE: the page keeps the whole file in memory while it is decompressed and analysed, so a
/// file of several gigabytes may exhaust the tab's memory.
pub async fn read_whole(
    file: &web_sys::File,
    mut on_progress: impl FnMut(u32) -> bool,
) -> Result<Option<Vec<u8>>, String> {
    let mut bytes = Vec::with_capacity(file.size() as usize);
    let mut stopped = false;
    read_in_chunks(file, |chunk, percent| {
        bytes.extend_from_slice(chunk);
        stopped = !on_progress(percent);
        !stopped
    })
    .await?;
    Ok((!stopped).then_some(bytes))
}

/// Reads `file` slice by slice, handing each slice and the share read so far (0–100) to
/// `on_chunk`, until the file ends or `on_chunk` returns `false`. Fails with the browser's
/// reason when a slice cannot be read.
pub async fn read_in_chunks(
    file: &web_sys::File,
    mut on_chunk: impl FnMut(&[u8], u32) -> bool,
) -> Result<(), String> {
    let blob = gloo_file::Blob::from(web_sys::Blob::from(file.clone()));
    let size = blob.size();
    let mut start = 0;
    while start < size {
        let end = (start + CHUNK_BYTES).min(size);
        let bytes = read_as_bytes(&blob.slice(start, end))
            .await
            .map_err(|error| error.to_string())?;
        if !on_chunk(&bytes, (end * 100 / size) as u32) {
            break;
        }
        start = end;
    }
    Ok(())
}
