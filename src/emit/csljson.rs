//! CSL-JSON and JSON-lines writers. Placeholder: the real writer lands with issue 2.

use std::io;

use crate::emit::Emit;
use crate::model::Reference;

/// Writes a CSL-JSON array.
pub struct CslJson<W> {
    out: W,
}

impl<W: io::Write> CslJson<W> {
    /// A writer to `out`.
    pub fn new(out: W) -> Self {
        CslJson { out }
    }
}

impl<W: io::Write> Emit for CslJson<W> {
    fn emit(&mut self, reference: &Reference) -> io::Result<()> {
        writeln!(self.out, "{:?}", reference.raw)
    }
}

/// Writes one CSL-JSON item per line.
pub struct Jsonl<W> {
    out: W,
}

impl<W: io::Write> Jsonl<W> {
    /// A writer to `out`.
    pub fn new(out: W) -> Self {
        Jsonl { out }
    }
}

impl<W: io::Write> Emit for Jsonl<W> {
    fn emit(&mut self, reference: &Reference) -> io::Result<()> {
        writeln!(self.out, "{:?}", reference.raw)
    }
}
