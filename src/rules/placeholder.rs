//! Placeholders left from `mep init`: text still reading "BITTE AUSFÜLLEN".

use serde_json::Value;

use super::{Context, Entry, Findings, Rule};
use crate::diag::Severity::Warnung;
use crate::model::PLACEHOLDER;

pub(super) static RULES: &[Entry] = &[(&PLAN_PLATZHALTER, Some(placeholders))];

/// `PLAN-PLATZHALTER`: Platzhalter nicht ausgefüllt
pub static PLAN_PLATZHALTER: Rule = Rule {
    code: "PLAN-PLATZHALTER",
    title: "Platzhalter nicht ausgefüllt",
    severity: Warnung,
    explanation: "`mep anlegen` schreibt in Pflichtangaben, die es nicht kennt, den Platzhalter „BITTE AUSFÜLLEN“. \
Solange er im Plan steht, ist der Plan nicht fertig. Ersetzen Sie den Platzhalter durch die richtige Angabe.",
    bad: "schule:\n  name: \"BITTE AUSFÜLLEN: Name der Schule\"\n",
    good: "schule:\n  name: Grundschule am Markt\n",
    sources: &[],
};

fn placeholders(ctx: &Context<'_>, f: &mut Findings) {
    // Most plans hold no placeholder: a flat JSON text is far cheaper than a value
    // tree, and it carries every string verbatim (the placeholder has nothing
    // JSON escapes), so the tree is built only when the text contains it.
    if !serde_json::to_string(ctx.plan).is_ok_and(|text| text.contains(PLACEHOLDER)) {
        return;
    }
    let Ok(value) = serde_json::to_value(ctx.plan) else { return };
    let mut found = Vec::new();
    walk(&value, &mut String::new(), &mut found);
    for path in found {
        f.at(path.clone(), format!("`{path}` enthält noch den Platzhalter „{PLACEHOLDER}“."))
            .with_help("Ersetzen Sie den Platzhalter durch die richtige Angabe.");
    }
}

fn walk(value: &Value, path: &mut String, out: &mut Vec<String>) {
    match value {
        Value::String(s) if s.contains(PLACEHOLDER) => out.push(path.clone()),
        Value::Object(map) => {
            for (k, v) in map {
                let len = path.len();
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
                walk(v, path, out);
                path.truncate(len);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                walk(v, path, out);
                path.truncate(len);
            }
        }
        _ => {}
    }
}
