//! What the `quota-exceeded` rule says.
