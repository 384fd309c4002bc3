//! The batch driver: documents → references, in parallel, in order.
