//! The readers stacked while opening an input. Each tags the errors that pass through it with
//! the layer they come from, so a cut-off gzip stream is distinguished from a disk that fails
//! and from a broken tar header.

use std::error::Error;
use std::fmt;
use std::io::{self, Read};

/// How many leading bytes of a stream are read to tell its format; a tar header's magic ends
/// at byte 262.
pub const HEAD_BYTES: usize = 512;

/// The layer an error comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Damage {
    /// The user's file could not be read.
    Io,
    /// The data of a decoder is damaged; `depth` counts the layers above it.
    Format { format: &'static str, depth: usize },
}

impl Damage {
    /// Returns the layer that tagged `error`, if any did.
    pub fn of(error: &io::Error) -> Option<&Damage> {
        let tagged = error.get_ref()?.downcast_ref::<Tagged>()?;
        Some(&tagged.damage)
    }
}

/// An error with the layer it comes from.
#[derive(Debug)]
struct Tagged {
    damage: Damage,
    source: io::Error,
}

impl fmt::Display for Tagged {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.source.fmt(f)
    }
}

impl Error for Tagged {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        Some(&self.source)
    }
}

/// Returns the words of the error behind `error`, without the layer's tag.
pub fn detail(error: &io::Error) -> String {
    error.to_string()
}

/// A reader that tags the errors of the reader it wraps, unless a layer below tagged them.
pub struct Layer<R> {
    inner: R,
    damage: Damage,
}

impl<R: Read> Layer<R> {
    /// Wraps the user's file.
    pub fn source(inner: R) -> Layer<R> {
        Layer {
            inner,
            damage: Damage::Io,
        }
    }

    /// Wraps a decoder of `format`, `depth` layers below the user's file.
    pub fn new(inner: R, format: &'static str, depth: usize) -> Layer<R> {
        Layer {
            inner,
            damage: Damage::Format { format, depth },
        }
    }

    pub fn get_ref(&self) -> &R {
        &self.inner
    }
}

impl<R: Read> Read for Layer<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.inner.read(buf).map_err(|error| {
            if error.kind() == io::ErrorKind::Interrupted || Damage::of(&error).is_some() {
                return error;
            }
            let kind = error.kind();
            let tagged = Tagged {
                damage: self.damage,
                source: error,
            };
            io::Error::new(kind, tagged)
        })
    }
}

/// Reads up to [`HEAD_BYTES`] from the start of `reader`, fewer only at its end.
pub fn peek(reader: &mut impl Read) -> io::Result<Vec<u8>> {
    let mut head = Vec::with_capacity(HEAD_BYTES);
    reader.take(HEAD_BYTES as u64).read_to_end(&mut head)?;
    Ok(head)
}
