//! Bibtex writer. Placeholder: the real writer lands with issue 2.

use std::io;

use crate::emit::Emit;
use crate::model::Reference;

/// Writes references as Bibtex.
pub struct Bibtex<W> {
    out: W,
}

impl<W: io::Write> Bibtex<W> {
    /// A writer to `out`.
    pub fn new(out: W) -> Self {
        Bibtex { out }
    }
}

impl<W: io::Write> Emit for Bibtex<W> {
    fn emit(&mut self, reference: &Reference) -> io::Result<()> {
        writeln!(self.out, "{}", reference.raw)
    }
}
