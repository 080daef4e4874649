//! What the `goal-without-activity` rule says.
