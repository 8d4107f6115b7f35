//! What a form field sends, turned into the value the plan gets.
//!
//! Each input is read by the field's widget: numbers in German or YAML notation, closed values,
//! lists one per line, Markdown with its line breaks. An input that fits none of the field's
//! forms is kept as text, so that the validator reports it at the field with the same message
//! as `mep validate`; nothing typed is dropped or guessed.

use serde_json::{Number, Value};

use super::schema::{Field, Kind, Widget};

/// What to do with the field.
#[derive(Clone, Debug, PartialEq)]
pub enum Input {
    /// Leave the key out (an empty input).
    Remove,
    /// Set this value.
    Set(Value),
}

/// Reads the values a field sent (`values` holds several for checkbox groups); `old` is the current value.
#[must_use]
pub fn read(field: &Field, values: &[String], old: Option<&Value>) -> Input {
    let raw = values.first().map_or("", String::as_str);
    match &field.widget {
        Widget::Scalar(s) => {
            if let Some(c) = s.consts.iter().find(|c| values.iter().any(|v| v.trim() == c.value)) {
                return Input::Set(Value::String(c.value.clone()));
            }
            let text = if s.markdown { raw.replace("\r\n", "\n").replace('\r', "\n") } else { raw.trim().to_owned() };
            if text.trim().is_empty() {
                return cleared(field, &s.kinds);
            }
            if s.markdown {
                // A `|` block ends with a line break; a textarea does not show it. Keep the file's convention.
                let keeps_break = old.and_then(Value::as_str).is_some_and(|o| o.ends_with('\n'));
                let text = if keeps_break && !text.ends_with('\n') { format!("{text}\n") } else { text };
                return Input::Set(Value::String(text));
            }
            Input::Set(scalar(&s.kinds, &text))
        }
        Widget::Choice(_) | Widget::RefChoice(_) => {
            let v = raw.trim();
            if v.is_empty() { Input::Remove } else { Input::Set(Value::String(v.to_owned())) }
        }
        Widget::Flag => match raw.trim() {
            "ja" | "true" => Input::Set(Value::Bool(true)),
            "nein" | "false" => Input::Set(Value::Bool(false)),
            "" => Input::Remove,
            other => Input::Set(Value::String(other.to_owned())),
        },
        Widget::Multi(_) | Widget::RefList(_) => {
            let items: Vec<Value> =
                values.iter().map(|v| v.trim()).filter(|v| !v.is_empty()).map(|v| Value::String(v.to_owned())).collect();
            list(field, items)
        }
        Widget::Tags(s) => {
            let items: Vec<Value> = raw
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(|l| if s.consts.iter().any(|c| c.value == l) { Value::String(l.to_owned()) } else { scalar(&s.kinds, l) })
                .collect();
            list(field, items)
        }
        Widget::Group(_) | Widget::List(_) | Widget::Alternatives(_) | Widget::Unsupported(_) => {
            if raw.trim().is_empty() {
                Input::Remove
            } else {
                Input::Set(Value::String(raw.to_owned()))
            }
        }
    }
}

/// A cleared field: a required text keeps its key as an empty text, so that the line stays
/// where the person put it, with its comments, and the validator says "Die Angabe ist leer"
/// there; anything else is left out.
fn cleared(field: &Field, kinds: &[Kind]) -> Input {
    let only_text = !kinds.is_empty() && kinds.iter().all(|k| matches!(k, Kind::Text { .. }));
    if field.required && only_text { Input::Set(Value::String(String::new())) } else { Input::Remove }
}

/// An empty list is left out unless the field is required.
fn list(field: &Field, items: Vec<Value>) -> Input {
    if items.is_empty() && !field.required { Input::Remove } else { Input::Set(Value::Array(items)) }
}

/// The first open form the text fits, else the text itself.
#[must_use]
pub fn scalar(kinds: &[Kind], text: &str) -> Value {
    for kind in kinds {
        match kind {
            Kind::Integer { .. } => {
                if let Some(n) = integer(text) {
                    return Value::Number(n);
                }
            }
            Kind::Number { .. } => {
                if let Some(n) = integer(text) {
                    return Value::Number(n);
                }
                if let Some(n) = decimal(text) {
                    return Value::Number(n);
                }
            }
            Kind::Text { .. } => return Value::String(text.to_owned()),
        }
    }
    Value::String(text.to_owned())
}

/// A whole number without separators (`420`, `-3`, `0123` → 123).
fn integer(text: &str) -> Option<Number> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    if digits.is_empty() || digits.len() > 15 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse::<i64>().ok().map(Number::from)
}

/// A decimal number with a comma or a point before the decimals (`4500,50`, `4500.5`).
///
/// A point followed by exactly three digits (`2.480`) is a German thousands separator as often
/// as a decimal point: it is not guessed, the text stays text and the validator asks.
fn decimal(text: &str) -> Option<Number> {
    let (whole, frac) = text.split_once([',', '.'])?;
    let sep = text.as_bytes()[whole.len()];
    let digits = whole.strip_prefix('-').unwrap_or(whole);
    if digits.is_empty()
        || frac.is_empty()
        || frac.len() > 6
        || !digits.bytes().all(|b| b.is_ascii_digit())
        || !frac.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    if sep == b'.' && frac.len() == 3 {
        return None;
    }
    let f: f64 = format!("{whole}.{frac}").parse().ok()?;
    if f.fract() == 0.0 && f.abs() < 1e15 {
        return Some(Number::from(f as i64));
    }
    Number::from_f64(f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_meant() {
        let n = [Kind::Number { min: None }];
        assert_eq!(scalar(&n, "4500"), Value::from(4500));
        assert_eq!(scalar(&n, "4500,50"), Value::from(4500.5));
        assert_eq!(scalar(&n, "4500.5"), Value::from(4500.5));
        assert_eq!(scalar(&n, "2.480"), Value::from("2.480"));
        assert_eq!(scalar(&n, "2,480"), Value::from(2.48));
        assert_eq!(scalar(&n, "4.500,00"), Value::from("4.500,00"));
        let i = [Kind::Integer { min: None, max: None }, Kind::Text { pattern: Some("^ca\\. [0-9]+$".into()), format: None }];
        assert_eq!(scalar(&i, "0123"), Value::from(123));
        assert_eq!(scalar(&i, "ca. 700"), Value::from("ca. 700"));
        assert_eq!(scalar(&[Kind::Text { pattern: None, format: None }], "0123"), Value::from("0123"));
    }

    #[test]
    fn a_cleared_required_text_keeps_its_key() {
        let text = super::super::schema::plan().at(&crate::edit::path::parse("schultraeger.name").unwrap()).unwrap().clone();
        assert!(text.required);
        assert_eq!(read(&text, &[String::new()], Some(&Value::from("Gemeinde"))), Input::Set(Value::from("")));
        assert_eq!(read(&text, &["  ".to_owned()], None), Input::Set(Value::from("")));
        let optional = super::super::schema::plan().at(&crate::edit::path::parse("schule.profil").unwrap()).unwrap().clone();
        assert!(!optional.required);
        assert_eq!(read(&optional, &[String::new()], Some(&Value::from("x"))), Input::Remove);
        let number = super::super::schema::plan().at(&crate::edit::path::parse("schule.schueler").unwrap()).unwrap().clone();
        assert_eq!(read(&number, &[String::new()], Some(&Value::from(5))), Input::Remove);
    }
}
