//! What the `missing-owner` rule says.
