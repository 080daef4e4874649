//! What the `empty-phase` rule says.
