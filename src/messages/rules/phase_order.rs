//! What the `phase-order` rule says.
