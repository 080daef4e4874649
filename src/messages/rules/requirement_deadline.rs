//! What the `requirement-deadline` rule says.
