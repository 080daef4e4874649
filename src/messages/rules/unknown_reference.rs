//! What the `unknown-reference` rule says.
