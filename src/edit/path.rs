//! YAML paths as the editor uses them: `bedarf[2].anzahl`, parsed, joined, walked and
//! turned into HTML ids.
//!
//! The same notation as [`crate::diag::Diagnostic::path`], so a finding's path names the
//! field it belongs to.

use serde_json::{Map, Value};

/// One step of a path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Seg {
    /// A mapping key.
    Key(String),
    /// A sequence index.
    Index(usize),
}

/// Parses `a.b[2].c`; keys must be schema keys (`[a-z0-9_]`), so anything else is refused.
#[must_use]
pub fn parse(path: &str) -> Option<Vec<Seg>> {
    let mut out = Vec::new();
    if path.is_empty() {
        return Some(out);
    }
    if path.len() > 512 {
        return None;
    }
    for (n, part) in path.split('.').enumerate() {
        let (key, mut rest) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if key.is_empty() || !key.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_') {
            // An index right after the root is not a plan path; an empty key never is.
            let _ = n;
            return None;
        }
        out.push(Seg::Key(key.to_owned()));
        while let Some(inner) = rest.strip_prefix('[') {
            let close = inner.find(']')?;
            let digits = &inner[..close];
            if digits.is_empty() || digits.len() > 6 || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            out.push(Seg::Index(digits.parse().ok()?));
            rest = &inner[close + 1..];
        }
        if !rest.is_empty() {
            return None;
        }
    }
    Some(out)
}

/// Writes a path back in the diagnostic notation.
#[must_use]
pub fn join(segs: &[Seg]) -> String {
    let mut out = String::new();
    for s in segs {
        match s {
            Seg::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Seg::Index(i) => {
                out.push('[');
                out.push_str(&i.to_string());
                out.push(']');
            }
        }
    }
    out
}

/// The HTML id of the field at a path: `bedarf[2].anzahl` → `f-bedarf-2-anzahl` (letters, digits, `-`, `_` only).
#[must_use]
pub fn field_id(path: &str) -> String {
    let mut id = String::from("f-");
    for c in path.chars() {
        match c {
            '.' | '[' => id.push('-'),
            ']' => {}
            c if c.is_ascii_alphanumeric() || c == '_' => id.push(c),
            _ => id.push('_'),
        }
    }
    id
}

/// The value at a path.
#[must_use]
pub fn get<'a>(root: &'a Value, segs: &[Seg]) -> Option<&'a Value> {
    let mut v = root;
    for s in segs {
        v = match (s, v) {
            (Seg::Key(k), Value::Object(m)) => m.get(k)?,
            (Seg::Index(i), Value::Array(a)) => a.get(*i)?,
            _ => return None,
        };
    }
    Some(v)
}

/// The value at a path for changing it.
pub fn get_mut<'a>(root: &'a mut Value, segs: &[Seg]) -> Option<&'a mut Value> {
    let mut v = root;
    for s in segs {
        v = match (s, v) {
            (Seg::Key(k), Value::Object(m)) => m.get_mut(k)?,
            (Seg::Index(i), Value::Array(a)) => a.get_mut(*i)?,
            _ => return None,
        };
    }
    Some(v)
}

/// Sets the value at a path, creating missing mappings on the way (and turning a null into one);
/// a new key goes where `order` puts it among its siblings. `None` when the path crosses a scalar
/// or a missing list item.
pub fn set(root: &mut Value, segs: &[Seg], value: Value, order: &dyn Fn(&[Seg]) -> Vec<String>) -> Option<()> {
    let Some((last, parents)) = segs.split_last() else {
        *root = value;
        return Some(());
    };
    let mut v = root;
    for (n, s) in parents.iter().enumerate() {
        if v.is_null() {
            *v = Value::Object(Map::new());
        }
        v = match (s, v) {
            (Seg::Key(k), Value::Object(m)) => {
                if !m.contains_key(k) {
                    insert_ordered(m, k, Value::Null, &order(&segs[..n]));
                }
                m.get_mut(k)?
            }
            (Seg::Index(i), Value::Array(a)) => a.get_mut(*i)?,
            _ => return None,
        };
    }
    if v.is_null() {
        *v = Value::Object(Map::new());
    }
    match (last, v) {
        (Seg::Key(k), Value::Object(m)) => {
            if let Some(slot) = m.get_mut(k) {
                *slot = value;
            } else {
                insert_ordered(m, k, value, &order(parents));
            }
            Some(())
        }
        (Seg::Index(i), Value::Array(a)) if *i < a.len() => {
            a[*i] = value;
            Some(())
        }
        (Seg::Index(i), Value::Array(a)) if *i == a.len() => {
            a.push(value);
            Some(())
        }
        _ => None,
    }
}

/// Inserts a key where the schema order puts it: after the nearest earlier sibling present.
pub fn insert_ordered(map: &mut Map<String, Value>, key: &str, value: Value, order: &[String]) {
    let rank = |k: &str| order.iter().position(|o| o == k);
    let mine = rank(key);
    let position = mine.and_then(|mine| {
        map.keys()
            .enumerate()
            .filter(|(_, k)| rank(k).is_some_and(|r| r < mine))
            .map(|(i, _)| i + 1)
            .next_back()
            .or_else(|| map.keys().position(|k| rank(k).is_some_and(|r| r > mine)))
    });
    match position {
        Some(at) => {
            map.shift_insert(at, key.to_owned(), value);
        }
        None => {
            map.insert(key.to_owned(), value);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_parse_and_join() {
        let p = parse("bedarf[2].anzahl").unwrap();
        assert_eq!(p, vec![Seg::Key("bedarf".into()), Seg::Index(2), Seg::Key("anzahl".into())]);
        assert_eq!(join(&p), "bedarf[2].anzahl");
        assert_eq!(parse(""), Some(vec![]));
        for bad in ["Bedarf", "a..b", "a[x]", "a[1", "a]", "[1]", "a.b c", "a[1234567]"] {
            assert_eq!(parse(bad), None, "{bad}");
        }
        assert_eq!(field_id("bedarf[2].anzahl"), "f-bedarf-2-anzahl");
    }

    #[test]
    fn set_creates_parents_in_schema_order() {
        let mut v = serde_json::json!({"a": 1, "c": 3});
        let order = |_: &[Seg]| vec!["a".to_owned(), "b".to_owned(), "c".to_owned()];
        set(&mut v, &parse("b.x").unwrap(), Value::from(2), &order).unwrap();
        assert_eq!(serde_json::to_string(&v).unwrap(), r#"{"a":1,"b":{"x":2},"c":3}"#);
        assert!(set(&mut v, &parse("a.x").unwrap(), Value::from(2), &order).is_none());
    }
}
