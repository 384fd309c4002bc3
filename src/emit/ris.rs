//! Ris writer. Placeholder: the real writer lands with issue 2.

use std::io;

use crate::emit::Emit;
use crate::model::Reference;

/// Writes references as Ris.
pub struct Ris<W> {
    out: W,
}

impl<W: io::Write> Ris<W> {
    /// A writer to `out`.
    pub fn new(out: W) -> Self {
        Ris { out }
    }
}

impl<W: io::Write> Emit for Ris<W> {
    fn emit(&mut self, reference: &Reference) -> io::Result<()> {
        writeln!(self.out, "{}", reference.raw)
    }
}
