//! Parse: a reference string → fields (nom), then normalised into a [`Reference`].

use crate::model::{Reference, Status};

/// Parse one reference string into a normalised [`Reference`].
///
/// Never fails: what is not understood stays in `raw` and the status says so.
pub fn parse_reference(text: &str) -> Reference {
    Reference { raw: text.to_owned(), status: Status::Raw, ..Reference::default() }
}
