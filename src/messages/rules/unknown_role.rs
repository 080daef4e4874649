//! What the `unknown-role` rule says.
