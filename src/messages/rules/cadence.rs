//! What the `cadence` rule says.
