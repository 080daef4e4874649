//! See the module list in `export`.
