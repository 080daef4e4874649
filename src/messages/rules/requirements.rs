//! What the `requirements` rule says.
