//! What the loader says: TOML syntax, keys, types and values that the format does not allow.
