//! What the `done-date` rule says.
