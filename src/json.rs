//! JSON documents as implan prints them: pretty-printed, ending in a line break.

use serde::Serialize;

/// `value` as a JSON document. Serialising implan's own types cannot fail (no map has keys that are not
/// strings, no `Serialize` impl fails); if one ever did, the document says so rather than being empty, which a
/// reader would take for a crash.
pub fn document<T: Serialize + ?Sized>(value: &T) -> String {
    let mut s = serde_json::to_string_pretty(value)
        .unwrap_or_else(|e| serde_json::json!({ "error": e.to_string() }).to_string());
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_is_pretty_and_ends_in_a_line_break() {
        assert_eq!(document(&serde_json::json!({ "a": [1] })), "{\n  \"a\": [\n    1\n  ]\n}\n");
    }

    #[test]
    fn a_value_that_cannot_be_json_says_why() {
        let keyed_by_pairs: std::collections::BTreeMap<(u8, u8), u8> = [((1, 2), 3)].into();
        assert_eq!(document(&keyed_by_pairs), "{\"error\":\"key must be a string\"}\n");
    }
}
