//! What the `outside-plan-period` rule says.
