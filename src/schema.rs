//! The JSON Schema of the plan format, generated from the key tables the loader checks against.
