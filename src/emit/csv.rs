//! Csv writer. Placeholder: the real writer lands with issue 2.

use std::io;

use crate::emit::Emit;
use crate::model::Reference;

/// Writes references as Csv.
pub struct Csv<W> {
    out: W,
}

impl<W: io::Write> Csv<W> {
    /// A writer to `out`.
    pub fn new(out: W) -> Self {
        Csv { out }
    }
}

impl<W: io::Write> Emit for Csv<W> {
    fn emit(&mut self, reference: &Reference) -> io::Result<()> {
        writeln!(self.out, "{}", reference.raw)
    }
}
