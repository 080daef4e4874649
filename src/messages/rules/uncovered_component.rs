//! What the `uncovered-component` rule says.
