//! Which text the PDF can show, and making any text showable.
//!
//! A PDF/A document must not contain a character without a glyph, and a few
//! code points (noncharacters such as U+FFFE, control characters) make the
//! layout or the PDF writer fail. The rule `TEXT-ZEICHEN` reports such
//! characters in the plan; [`sanitize_json`] replaces them in whatever data
//! reaches a template anyway (a draft with errors, the names in a review), so
//! a document is always produced.

use std::borrow::Cow;

use serde_json::Value;

use crate::glyphs::FONTS;
pub use crate::glyphs::{Unprintable, unprintable};

/// Longest text node handed to a template, in UTF-16 code units (the unit of the PDF
/// writer's limit; a character outside the Basic Multilingual Plane counts twice);
/// longer ones are cut.
///
/// Well above the longest field `mep validate` accepts (5 000 characters, at most
/// 10 000 units), so a valid plan is never cut, and well below what the PDF writer
/// handles (it fails at 32 768 units and panics at 65 535 bytes in one string).
pub const MAX_NODE_CHARS: usize = 16_000;

/// The character shown in place of one that cannot be shown.
fn replacement() -> char {
    if FONTS.covers('\u{FFFD}') { '\u{FFFD}' } else { '?' }
}

/// `text` with every unprintable character replaced and cut to [`MAX_NODE_CHARS`].
#[must_use]
pub fn sanitize(text: &str) -> Cow<'_, str> {
    let long = text.len() > MAX_NODE_CHARS && text.encode_utf16().count() > MAX_NODE_CHARS;
    if !long && !text.chars().any(|c| unprintable(c).is_some()) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len().min(MAX_NODE_CHARS * 4));
    let mut units = 0;
    for c in text.chars() {
        units += c.len_utf16();
        // Room for the ellipsis (one unit) is kept.
        if long && units >= MAX_NODE_CHARS {
            out.push('…');
            break;
        }
        match unprintable(c) {
            Some(_) => out.push(replacement()),
            None => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// The template data with every string made printable (see [`sanitize`]).
///
/// Returns the input unchanged when nothing needed a change (the usual case).
#[must_use]
pub fn sanitize_json(data: Vec<u8>) -> Vec<u8> {
    let Ok(mut value) = serde_json::from_slice::<Value>(&data) else { return data };
    if !sanitize_value(&mut value) {
        return data;
    }
    serde_json::to_vec(&value).unwrap_or(data)
}

/// Sanitizes every string (and key) in place; whether anything changed.
fn sanitize_value(value: &mut Value) -> bool {
    // An explicit stack: the data may be deep (nested Markdown lists).
    let mut changed = false;
    let mut stack = vec![value];
    while let Some(v) = stack.pop() {
        match v {
            Value::String(s) => {
                if let Cow::Owned(fixed) = sanitize(s) {
                    *s = fixed;
                    changed = true;
                }
            }
            Value::Array(items) => stack.extend(items.iter_mut()),
            Value::Object(map) => {
                if map.keys().any(|k| matches!(sanitize(k), Cow::Owned(_))) {
                    let old = std::mem::take(map);
                    for (k, v) in old {
                        map.insert(sanitize(&k).into_owned(), v);
                    }
                    changed = true;
                }
                stack.extend(map.values_mut());
            }
            _ => {}
        }
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert_eq!(unprintable('a'), None);
        assert_eq!(unprintable('ä'), None);
        assert_eq!(unprintable('€'), None);
        assert_eq!(unprintable('\n'), None);
        assert_eq!(unprintable('\u{FFFE}'), Some(Unprintable::Noncharacter));
        assert_eq!(unprintable('\u{FFFF}'), Some(Unprintable::Noncharacter));
        assert_eq!(unprintable('\u{FDD0}'), Some(Unprintable::Noncharacter));
        assert_eq!(unprintable('\u{10FFFF}'), Some(Unprintable::Noncharacter));
        assert_eq!(unprintable('\u{0}'), Some(Unprintable::Control));
        assert_eq!(unprintable('\u{7}'), Some(Unprintable::Control));
        assert_eq!(unprintable('\u{85}'), Some(Unprintable::Control));
        assert_eq!(unprintable('\u{FEFF}'), Some(Unprintable::Control), "PDF/UA forbids a byte-order mark inside a text");
        assert_eq!(unprintable('\u{1F642}'), Some(Unprintable::NoGlyph));
        assert_eq!(unprintable('\u{10FFFD}'), Some(Unprintable::NoGlyph));
    }

    #[test]
    fn sanitizing_replaces_and_cuts() {
        assert!(matches!(sanitize("Schule"), Cow::Borrowed(_)));
        let fixed = sanitize("a\u{FFFE}b");
        assert_eq!(fixed.chars().count(), 3);
        assert!(fixed.chars().all(|c| unprintable(c).is_none()));
        let long = "ä".repeat(40_000);
        let cut = sanitize(&long);
        assert_eq!(cut.chars().count(), MAX_NODE_CHARS);
        assert!(cut.ends_with('…'));
        // Outside the Basic Multilingual Plane a character is two units of the PDF writer's limit.
        let astral = "\u{1D54F}".repeat(20_000);
        let cut = sanitize(&astral);
        assert!(cut.encode_utf16().count() <= MAX_NODE_CHARS, "{}", cut.encode_utf16().count());
        assert!(cut.ends_with('…'));
        let json = serde_json::to_vec(&serde_json::json!({"a": ["x\u{FFFF}", {"k\u{1}": 1}]})).unwrap();
        let out: Value = serde_json::from_slice(&sanitize_json(json)).unwrap();
        assert!(!out.to_string().contains('\u{FFFF}'));
        assert!(out["a"][1].as_object().unwrap().keys().all(|k| !k.contains('\u{1}')));
    }
}
