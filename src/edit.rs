//! Recording progress in a plan file: format-preserving, atomic edits of an activity's status.
