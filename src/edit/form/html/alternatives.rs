//! Fields of several shapes (`anyOf`, e.g. a quarter `2027-Q1` or a period `{ von, bis }`): the
//! buttons that choose the shape, then the form of the chosen one.

use std::fmt::Write as _;

use serde_json::Value;

use super::{Ctx, field, findings, help_with_id, label_html};
use crate::edit::form::schema::{Field, Widget};
use crate::edit::html::esc;
use crate::edit::path::field_id;
use crate::source::join_key;

/// A field of several shapes: buttons to choose the shape, then the form of the chosen one.
pub(super) fn alternatives(out: &mut String, ctx: &Ctx<'_>, f: &Field, alts: &[Field], path: &str, value: Option<&Value>, level: u8) {
    let fid = field_id(path);
    let active = active_alternative(alts, value);
    // The chosen form below may be a single input at this same path, which owns `w-`, `h-` and
    // `b-` of the path; the chooser around it has ids of its own (`a-`, `ha-`).
    let _ = write!(out, r#"<fieldset class="feld varianten" id="a-{fid}" aria-describedby="ha-{fid}"><legend>{}</legend>"#, label_html(f));
    out.push_str(&help_with_id(f, &format!("ha-{fid}")));
    out.push_str(r#"<div class="varianten-knoepfe">"#);
    for (i, alt) in alts.iter().enumerate() {
        let pressed = if i == active { "true" } else { "false" };
        let _ = write!(
            out,
            r#"<button type="submit" class="klein" formaction="/aktion" name="aktion" value="variante:{}:{i}" aria-pressed="{pressed}">{}</button>"#,
            esc(path),
            esc(&alternative_label(alt))
        );
    }
    out.push_str("</div>");
    let alt = &alts[active];
    if let Widget::Group(fields) = &alt.widget {
        findings(out, ctx, &fid, path);
        for child in fields {
            let child_path = join_key(path, &child.key);
            field(out, ctx, child, &child_path, value.and_then(|v| v.get(&child.key)), level + 1);
        }
    } else {
        let inner = Field {
            key: String::new(),
            label: alternative_label(alt),
            help: f.help.clone(),
            examples: alt.examples.clone(),
            required: f.required,
            widget: alt.widget.clone(),
        };
        field(out, ctx, &inner, path, value, level + 1);
    }
    out.push_str("</fieldset>");
}

/// The alternative the value has (the first when it fits none, e.g. when absent).
#[must_use]
pub fn active_alternative(alts: &[Field], value: Option<&Value>) -> usize {
    let Some(v) = value else { return 0 };
    alts.iter()
        .position(|a| match &a.widget {
            Widget::Group(_) => v.is_object(),
            Widget::List(_) | Widget::Tags(_) | Widget::Multi(_) | Widget::RefList(_) => v.is_array(),
            _ => !v.is_object() && !v.is_array(),
        })
        .unwrap_or(0)
}

/// A German name for an alternative: its own label, or its shape.
#[must_use]
pub fn alternative_label(alt: &Field) -> String {
    if !alt.label.is_empty() && !alt.help.is_empty() {
        return alt.label.clone();
    }
    match &alt.widget {
        Widget::Group(fields) => format!("Angaben {}", fields.iter().map(|f| f.key.as_str()).collect::<Vec<_>>().join(", ")),
        _ if !alt.examples.is_empty() => format!("Kurzform, z. B. {}", alt.examples.join(", ")),
        _ => "Kurzform".to_owned(),
    }
}
