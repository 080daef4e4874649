//! What the `dependency-cycle` rule says.
