//! What the date reader says about a date, period, time or duration it cannot read.
