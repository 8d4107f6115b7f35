//! Field-by-field comparison of two documents as value trees, generic over their fields:
//! a field added to the model is compared without a change here.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use schemars::JsonSchema;
use serde::Serialize;
use serde_json::Value;

use super::words::{self, Words};

/// A list whose entries are matched by a key rather than by position.
#[derive(Clone, Copy, Debug)]
pub struct Section {
    /// Dotted path of the list in the document, e.g. `bestand.geraete`.
    pub path: &'static str,
    /// German name of one entry, e.g. `Bedarfsposition`.
    pub label: &'static str,
    /// Fields that together identify an entry, e.g. `["id"]`.
    pub key: &'static [&'static str],
    /// The field that names an entry for the reader, e.g. `bezeichnung`.
    pub title: &'static str,
}

/// Most pairs of removed × added entries weighed as renames; beyond, none is (a hostile list stays cheap).
const MAX_RENAME_PAIRS: usize = 10_000;

/// Share of equal fields from which a removed and an added entry are one renamed entry.
const RENAME_SHARE: (usize, usize) = (4, 5);

/// One changed value.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct FieldChange {
    /// Path of the field, e.g. `schule.schueler` or, inside an entry, `anzahl`.
    pub path: String,
    /// The value before (absent when the field is new).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub before: Option<Value>,
    /// The value after (absent when the field was removed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after: Option<Value>,
    /// For changed free text: the word-level difference.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub words: Option<Vec<Words>>,
}

/// What happened to an entry of a list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum ItemKind {
    /// Only in the new version.
    Neu,
    /// Only in the old version.
    Entfernt,
    /// In both, with changed fields.
    Geaendert,
    /// Its key changed, most fields did not.
    Umbenannt,
}

/// One added, removed, changed or renamed entry.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct ItemChange {
    /// Path of the list, e.g. `bedarf`.
    pub section: String,
    /// German name of the entry kind, e.g. `Bedarfsposition`.
    pub label: String,
    /// What happened.
    pub change: ItemKind,
    /// The key in the new version (in the old one for removed entries).
    pub key: String,
    /// The old key of a renamed entry.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old_key: Option<String>,
    /// The entry's name or title, for the reader.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The changed fields (for changed and renamed entries).
    pub fields: Vec<FieldChange>,
}

/// A document flattened to its leaves: path → value, in document order.
#[derive(Debug, Default)]
struct Leaves {
    order: Vec<String>,
    values: HashMap<String, Value>,
}

impl Leaves {
    fn of(value: &Value, skip: &BTreeSet<&str>) -> Self {
        let mut out = Self::default();
        out.walk(String::new(), value, skip);
        out
    }

    fn walk(&mut self, path: String, value: &Value, skip: &BTreeSet<&str>) {
        if skip.contains(path.as_str()) {
            return;
        }
        match value {
            Value::Null => {}
            Value::Object(map) => {
                for (k, v) in map {
                    let p = if path.is_empty() { k.clone() } else { format!("{path}.{k}") };
                    self.walk(p, v, skip);
                }
            }
            Value::Array(list) if list.is_empty() => {}
            Value::Array(list) if list.iter().any(|v| v.is_object() || v.is_array()) => {
                for (i, v) in list.iter().enumerate() {
                    self.walk(format!("{path}[{i}]"), v, skip);
                }
            }
            leaf => {
                if self.values.insert(path.clone(), leaf.clone()).is_none() {
                    self.order.push(path);
                }
            }
        }
    }
}

/// The changed leaves of two value trees, in the order of the new one, then the removed ones.
#[must_use]
pub fn compare(old: &Value, new: &Value, skip: &BTreeSet<&str>) -> Vec<FieldChange> {
    let (a, b) = (Leaves::of(old, skip), Leaves::of(new, skip));
    let mut out = Vec::new();
    for path in &b.order {
        let after = &b.values[path];
        match a.values.get(path) {
            Some(before) if before == after => {}
            before => out.push(change(path, before.cloned(), Some(after.clone()))),
        }
    }
    for path in a.order.iter().filter(|p| !b.values.contains_key(*p)) {
        out.push(change(path, a.values.get(path).cloned(), None));
    }
    out
}

fn change(path: &str, before: Option<Value>, after: Option<Value>) -> FieldChange {
    let words = match (&before, &after) {
        (Some(Value::String(x)), Some(Value::String(y))) if is_prose(x) || is_prose(y) => Some(words::diff(x, y)),
        _ => None,
    };
    FieldChange { path: path.to_owned(), before, after, words }
}

/// Free text: at least three words (names and codes are shown whole).
fn is_prose(s: &str) -> bool {
    s.split_whitespace().nth(2).is_some()
}

/// The value at a dotted path, if any.
#[must_use]
pub fn at<'a>(value: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.').try_fold(value, |v, k| v.get(k))
}

/// The key of an entry as text (`B1`, `tablet 2027`); `None` when no key field is set.
fn key_of(entry: &Value, section: &Section) -> Option<String> {
    let parts: Vec<String> = section
        .key
        .iter()
        .filter_map(|k| entry.get(*k))
        .filter(|v| !v.is_null())
        .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
        .collect();
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// Entries of a list by key, in order; a repeated key gets `#2`, `#3` so that no entry is lost.
fn keyed<'a>(list: Option<&'a Value>, section: &Section) -> Vec<(String, &'a Value)> {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let Some(Value::Array(list)) = list else { return Vec::new() };
    list.iter()
        .enumerate()
        .map(|(i, entry)| {
            let base = key_of(entry, section).unwrap_or_else(|| format!("#{}", i + 1));
            let n = seen.entry(base.clone()).or_insert(0);
            *n += 1;
            let key = if *n == 1 { base } else { format!("{base} #{n}") };
            (key, entry)
        })
        .collect()
}

fn title_of(entry: &Value, section: &Section) -> Option<String> {
    entry.get(section.title).and_then(Value::as_str).map(str::to_owned)
}

/// The entry without its key fields, for comparing the rest.
fn without_key(entry: &Value, section: &Section) -> Value {
    let mut v = entry.clone();
    if let Value::Object(map) = &mut v {
        for k in section.key {
            map.shift_remove(*k);
        }
    }
    v
}

/// Equal and total leaves of two entries (key fields left out).
fn similarity(a: &Value, b: &Value, section: &Section) -> (usize, usize) {
    let none = BTreeSet::new();
    let (x, y) = (Leaves::of(&without_key(a, section), &none), Leaves::of(&without_key(b, section), &none));
    let total = x.order.iter().chain(y.order.iter().filter(|p| !x.values.contains_key(*p))).count();
    let equal = x.order.iter().filter(|p| y.values.get(*p) == x.values.get(*p)).count();
    (equal, total)
}

/// Compares the entries of one list: matched by key, renames found among the unmatched.
/// Returns the changes and the renames (old key → new key).
#[must_use]
pub fn compare_items(old: &Value, new: &Value, section: &Section) -> (Vec<ItemChange>, Vec<(String, String)>) {
    let (a, b) = (keyed(at(old, section.path), section), keyed(at(new, section.path), section));
    let in_a: HashMap<&str, &Value> = a.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    let in_b: HashMap<&str, &Value> = b.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    let removed: Vec<&(String, &Value)> = a.iter().filter(|(k, _)| !in_b.contains_key(k.as_str())).collect();
    let added: Vec<&(String, &Value)> = b.iter().filter(|(k, _)| !in_a.contains_key(k.as_str())).collect();
    let renames = pair_renames(&removed, &added, section);
    let renamed_old: BTreeSet<&str> = renames.iter().map(|(o, _)| o.as_str()).collect();
    let renamed_new: HashMap<&str, &str> = renames.iter().map(|(o, n)| (n.as_str(), o.as_str())).collect();
    let none = BTreeSet::new();
    let mut out = Vec::new();
    for (key, entry) in &b {
        let item = |change, old_key: Option<String>, fields| ItemChange {
            section: section.path.to_owned(),
            label: section.label.to_owned(),
            change,
            key: key.clone(),
            old_key,
            title: title_of(entry, section),
            fields,
        };
        if let Some(before) = in_a.get(key.as_str()) {
            let fields = compare(before, entry, &none);
            if !fields.is_empty() {
                out.push(item(ItemKind::Geaendert, None, fields));
            }
        } else if let Some(old_key) = renamed_new.get(key.as_str()) {
            let fields = compare(&without_key(in_a[old_key], section), &without_key(entry, section), &none);
            out.push(item(ItemKind::Umbenannt, Some((*old_key).to_owned()), fields));
        } else {
            out.push(item(ItemKind::Neu, None, Vec::new()));
        }
    }
    for (key, entry) in removed.into_iter().filter(|(k, _)| !renamed_old.contains(k.as_str())) {
        out.push(ItemChange {
            section: section.path.to_owned(),
            label: section.label.to_owned(),
            change: ItemKind::Entfernt,
            key: key.clone(),
            old_key: None,
            title: title_of(entry, section),
            fields: Vec::new(),
        });
    }
    (out, renames)
}

/// Pairs removed and added entries whose other fields agree to at least 80 %, best pairs first.
fn pair_renames(removed: &[&(String, &Value)], added: &[&(String, &Value)], section: &Section) -> Vec<(String, String)> {
    let mut candidates = Vec::new();
    if removed.len().saturating_mul(added.len()) > MAX_RENAME_PAIRS {
        return Vec::new();
    }
    for (i, (_, a)) in removed.iter().enumerate() {
        for (j, (_, b)) in added.iter().enumerate() {
            let (equal, total) = similarity(a, b, section);
            if total > 0 && equal * RENAME_SHARE.1 >= total * RENAME_SHARE.0 {
                // Sort key: the share, exact as a cross-multiplied fraction, then the order.
                candidates.push((equal, total, i, j));
            }
        }
    }
    candidates.sort_by(|x, y| (y.0 * x.1).cmp(&(x.0 * y.1)).then(x.2.cmp(&y.2)).then(x.3.cmp(&y.3)));
    let (mut used_a, mut used_b) = (BTreeSet::new(), BTreeSet::new());
    let mut out = Vec::new();
    for (_, _, i, j) in candidates {
        if !used_a.contains(&i) && !used_b.contains(&j) {
            used_a.insert(i);
            used_b.insert(j);
            out.push((removed[i].0.clone(), added[j].0.clone()));
        }
    }
    out
}
