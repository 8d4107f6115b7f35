//! New YAML text for values the file does not have yet: a new list item, a new section.
//!
//! Block notation at a given indentation, the way people write plans; lists of short scalars
//! in flow notation (`ziele: [Z1, Z2]`), as the examples do. Keys keep the order of the value,
//! which the editor builds in schema order.

use serde_json::Value;

use super::scalar::{self, Ctx};

/// Longest flow list (`[Z1, Z2]`) written on one line.
const FLOW_WIDTH: usize = 60;

/// The value as it follows `key:` (or `- `): ` text` for a scalar or a short list,
/// or a line break and indented lines for a block, at `indent` columns.
#[must_use]
pub fn after_colon(value: &Value, indent: usize, lb: &'static str) -> String {
    if let Some(inline) = inline(value, indent, lb) {
        return format!(" {inline}");
    }
    let mut out = String::new();
    for line in block_lines(value, indent, lb) {
        out.push_str(lb);
        out.push_str(&line);
    }
    out
}

/// The value on one line, when it fits: scalars, empty collections, short lists of scalars.
#[must_use]
pub fn inline(value: &Value, indent: usize, lb: &'static str) -> Option<String> {
    match value {
        Value::Array(items) if items.is_empty() => Some("[]".to_owned()),
        Value::Object(map) if map.is_empty() => Some("{}".to_owned()),
        Value::Array(items) => {
            if items.iter().any(|v| v.is_array() || v.is_object()) {
                return None;
            }
            let flow = flow(value, lb)?;
            (flow.len() <= FLOW_WIDTH).then_some(flow)
        }
        Value::Object(_) => None,
        scalar => scalar::render(scalar, None, &Ctx { flow: false, indent, lb }),
    }
}

/// The lines of a block collection, each indented by `indent` columns.
#[must_use]
pub fn block_lines(value: &Value, indent: usize, lb: &'static str) -> Vec<String> {
    let pad = " ".repeat(indent);
    let mut lines = Vec::new();
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let text = format!("{pad}{k}:{}", after_colon(v, indent + 2, lb));
                lines.extend(text.split(lb).map(str::to_owned));
            }
        }
        Value::Array(items) => {
            for item in items {
                lines.extend(item_lines(item, indent, lb));
            }
        }
        scalar => {
            if let Some(s) = scalar::render(scalar, None, &Ctx { flow: false, indent, lb }) {
                lines.push(format!("{pad}{s}"));
            }
        }
    }
    lines
}

/// The lines of one sequence item `- …` with its dash at `indent`.
#[must_use]
pub fn item_lines(item: &Value, indent: usize, lb: &'static str) -> Vec<String> {
    let pad = " ".repeat(indent);
    match item {
        Value::Object(map) if !map.is_empty() => {
            let mut lines = block_lines(item, indent + 2, lb);
            if let Some(first) = lines.first_mut() {
                *first = format!("{pad}- {}", &first[indent + 2..]);
            }
            lines
        }
        Value::Array(items) if !items.is_empty() && inline(item, indent + 2, lb).is_none() => {
            let mut lines = block_lines(item, indent + 2, lb);
            if let Some(first) = lines.first_mut() {
                *first = format!("{pad}- {}", &first[indent + 2..]);
            }
            lines
        }
        other => {
            let text = inline(other, indent + 2, lb).unwrap_or_default();
            format!("{pad}- {text}").split(lb).map(str::to_owned).collect()
        }
    }
}

/// The value in flow notation on one line (`{ a: 1, b: [x] }`); `None` for multi-line text.
#[must_use]
pub fn flow(value: &Value, lb: &'static str) -> Option<String> {
    let ctx = Ctx { flow: true, indent: 0, lb };
    match value {
        Value::Array(items) => {
            let parts: Option<Vec<String>> = items.iter().map(|v| flow(v, lb)).collect();
            Some(format!("[{}]", parts?.join(", ")))
        }
        Value::Object(map) if map.is_empty() => Some("{}".to_owned()),
        Value::Object(map) => {
            let parts: Option<Vec<String>> = map.iter().map(|(k, v)| Some(format!("{k}: {}", flow(v, lb)?))).collect();
            Some(format!("{{ {} }}", parts?.join(", ")))
        }
        scalar => scalar::render(scalar, None, &ctx),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn blocks_and_flow() {
        let v = json!({"id": "M1", "ziele": ["Z1", "Z2"], "titel": "WLAN: Ausbau", "zeitraum": {"von": "2027-01-01"}});
        assert_eq!(
            item_lines(&v, 2, "\n").join("\n"),
            "  - id: M1\n    ziele: [Z1, Z2]\n    titel: \"WLAN: Ausbau\"\n    zeitraum:\n      von: 2027-01-01"
        );
        assert_eq!(after_colon(&json!("Text\nzwei"), 4, "\n"), " |-\n    Text\n    zwei");
        assert_eq!(flow(&json!({"a": ["x, y"]}), "\n").unwrap(), "{ a: [\"x, y\"] }");
        assert_eq!(after_colon(&json!([]), 2, "\n"), " []");
    }
}
