//! What the `over-budget` rule says.
