//! Writing the plan back: every change is made in the text of the file, then checked.
//!
//! The change is placed by [`write`](mod@write) as one text replacement at the parsed position; the new text
//! is then read again with the loader's own settings and compared with the intended value. Only
//! when both agree is the change accepted; otherwise it is tried once more with every new string
//! in double quotes, and then refused. Nothing is ever written to disk here.

pub mod emit;
pub mod scalar;
pub mod tree;
pub mod write;

use serde_json::Value;

pub use write::{Op, Order};

use crate::edit::path::{self, Seg};
use crate::load::Limits;

/// Applies a change to the text of a plan whose parsed value is `old`; returns the new text and
/// its value, or a German reason why the change cannot be made safely.
pub fn apply(text: &str, old: &Value, op: &Op, order: Order<'_>, limits: &Limits) -> Result<(String, Value), String> {
    let intended = intended(old, op, order).ok_or("Diese Stelle gibt es im Plan nicht (mehr).")?;
    let mut last_problem = String::new();
    for quote_all in [false, true] {
        let new_text = write::apply(text, op, order, quote_all)?;
        match crate::load::yaml_value(&new_text, limits) {
            Ok(v) if v == intended => return Ok((new_text, v)),
            Ok(_) => "Die Datei würde danach einen anderen Wert enthalten als eingegeben.".clone_into(&mut last_problem),
            Err(e) => last_problem = format!("Die Datei wäre danach kein gültiges YAML ({e})."),
        }
    }
    Err(format!(
        "Die Änderung kann nicht sicher in die Datei übernommen werden: {last_problem} Bitte ändern Sie diese Stelle in der Textansicht."
    ))
}

/// The value the document should have after the change.
#[must_use]
pub fn intended(old: &Value, op: &Op, order: Order<'_>) -> Option<Value> {
    let mut v = old.clone();
    match op {
        Op::Set(p, value) => path::set(&mut v, p, value.clone(), order)?,
        Op::Remove(p) => {
            let (last, parent) = p.split_last()?;
            match (last, path::get_mut(&mut v, parent)?) {
                (Seg::Key(k), Value::Object(m)) => {
                    m.shift_remove(k)?;
                }
                (Seg::Index(i), Value::Array(a)) if *i < a.len() => {
                    a.remove(*i);
                }
                _ => return None,
            }
        }
        Op::Append(p, value) => match path::get_mut(&mut v, p) {
            Some(Value::Array(a)) => a.push(value.clone()),
            Some(slot @ Value::Null) => *slot = Value::Array(vec![value.clone()]),
            Some(_) => return None,
            None => path::set(&mut v, p, Value::Array(vec![value.clone()]), order)?,
        },
        Op::SwapWithNext(p, i) => match path::get_mut(&mut v, p)? {
            Value::Array(a) if i + 1 < a.len() => a.swap(*i, i + 1),
            _ => return None,
        },
    }
    Some(v)
}
