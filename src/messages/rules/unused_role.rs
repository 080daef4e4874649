//! What the `unused-role` rule says.
