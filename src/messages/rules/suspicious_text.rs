//! What the `suspicious-text` rule says.
