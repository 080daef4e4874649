//! What the `owner-overload` rule says.
