//! What the `idle-gap` rule says.
