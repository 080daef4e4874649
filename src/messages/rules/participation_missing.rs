//! What the `participation-missing` rule says.
