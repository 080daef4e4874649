//! What the `holiday-conflict` rule says.
