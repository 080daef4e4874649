//! What the `dependency-order` rule says.
