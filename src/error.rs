//! Typed errors of the library. The binary adds the file name in front of them.

use std::ops::Range;

/// Why a document could not be read or cut into references.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ExtractErrorKind {
    /// The bytes look like a binary file (NUL bytes, no text structure).
    #[error("binary data, not a text, HTML or XML page")]
    Binary,
    /// The document is empty or holds only white space.
    #[error("empty input")]
    Empty,
    /// The XML is not well formed.
    #[error("malformed XML: {0}")]
    Xml(String),
    /// The XML declares entities (a possible entity-expansion bomb); they are never
    /// expanded.
    #[error("XML with a DOCTYPE that declares entities; refusing to expand them")]
    XmlEntities,
    /// The document is larger than the limit pubrefs sets for one input.
    #[error("input of {size} bytes is larger than the limit of {limit} bytes")]
    TooLarge {
        /// Size of the input in bytes.
        size: usize,
        /// The limit in bytes.
        limit: usize,
    },
}

/// An error while extracting references from one document, with the byte range where it
/// was noticed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{kind} (byte {})", .span.start)]
pub struct ExtractError {
    /// Byte range in the document.
    pub span: Range<usize>,
    /// What went wrong.
    pub kind: ExtractErrorKind,
}

impl ExtractError {
    /// An error at a byte offset.
    pub fn at(offset: usize, kind: ExtractErrorKind) -> ExtractError {
        ExtractError { span: offset..offset, kind }
    }
}

/// An error of the whole library: reading, extracting or writing.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An I/O error on a path.
    #[error("{path}: {source}")]
    Io {
        /// The file or directory.
        path: String,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A document could not be cut into references.
    #[error("{path}: {source}")]
    Extract {
        /// The input file.
        path: String,
        /// The underlying error.
        source: ExtractError,
    },
}
