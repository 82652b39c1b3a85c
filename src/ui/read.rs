//! Browser glue for reading dropped or picked files: a `FileList` to files, the year a file's
//! last line was written in, and the bytes of a file in slices so a large log is never one string.

use gloo_file::futures::read_as_bytes;
use wasm_bindgen::JsValue;

/// How many bytes are read at a time.
pub const CHUNK_BYTES: u64 = 4 * 1024 * 1024;

/// Collects the files of a `FileList`, in order.
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Returns the local year of a file's modification time, taken as the year of its last line.
pub fn year_of(file: &web_sys::File) -> i32 {
    let date = js_sys::Date::new(&JsValue::from_f64(file.last_modified()));
    date.get_full_year() as i32
}

/// Reads `file` slice by slice, handing each slice and the share read so far (0–100) to
/// `on_chunk`. Fails with the browser's reason when a slice cannot be read.
pub async fn read_in_chunks(
    file: &web_sys::File,
    mut on_chunk: impl FnMut(&[u8], u32),
) -> Result<(), String> {
    let blob = gloo_file::Blob::from(web_sys::Blob::from(file.clone()));
    let size = blob.size();
    let mut start = 0;
    while start < size {
        let end = (start + CHUNK_BYTES).min(size);
        let bytes = read_as_bytes(&blob.slice(start, end))
            .await
            .map_err(|error| error.to_string())?;
        on_chunk(&bytes, (end * 100 / size) as u32);
        start = end;
    }
    Ok(())
}
