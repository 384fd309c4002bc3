//! # pubrefs
//!
//! Turn scraped PubMed article pages (plain-text scrapes, saved HTML, the "Show all
//! references" fragment and E-utilities efetch XML) into clean bibliographies: BibTeX,
//! RIS, CSV, CSL-JSON and JSON lines.
//!
//! The pipeline has one module per stage:
//!
//! ```text
//! read ─▶ extract ─▶ parse ─▶ normalize ─▶ key ─▶ emit
//! ```
//!
//! ```
//! let r = pubrefs::parse_reference(
//!     "Sung H, Ferlay J, Siegel RL, et al.. Global cancer statistics 2020. \
//!      CA Cancer J Clin 2021; 71: 209–249.",
//! );
//! assert_eq!(r.year(), Some(2021));
//! ```
#![deny(missing_docs)]

pub mod batch;
mod bytes;
pub mod dedup;
pub mod emit;
pub mod error;
pub mod extract;
pub mod journals;
pub mod key;
pub mod library;
pub mod model;
pub mod normalize;
pub mod parse;
pub mod read;

pub use error::{Error, ExtractError, ExtractErrorKind};
pub use extract::extract;
pub use model::*;
pub use parse::parse_reference;
