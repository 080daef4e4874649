//! What the `requirement-count` rule says.
