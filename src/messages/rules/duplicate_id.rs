//! What the `duplicate-id` rule says.
