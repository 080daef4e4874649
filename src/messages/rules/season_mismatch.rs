//! What the `season-mismatch` rule says.
