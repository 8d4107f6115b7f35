//! `mep diff`: what changed between two versions of a plan or of a Schulträger file, in content.
//!
//! Both versions are loaded and checked like `mep validate` does, then compared as value trees
//! (so comments, key order, quoting and line breaks are no difference), item lists matched by
//! key ([`SECTIONS`]), money recomputed from [`crate::figures`], findings matched by code and item.
//! Rendering lives in [`crate::render::diff`].

pub mod fields;
mod money;
pub mod words;

use std::collections::{BTreeMap, BTreeSet};

use schemars::JsonSchema;
use serde::Serialize;
use serde_json::Value;

use crate::diag::{Counts, Diagnostic, Severity, Status};
use crate::model::{Plan, Traeger};

pub use fields::{FieldChange, ItemChange, ItemKind, Section};
pub use money::{Money, Share};

/// Version of the JSON document of `mep diff --format json`.
pub const VERSION: u32 = 1;

/// The lists of a plan whose entries are matched by key.
pub const SECTIONS: &[Section] = &[
    Section { path: "ziele", label: "Ziel", key: &["id"], title: "beschreibung" },
    Section { path: "einsatzszenarien", label: "Einsatzszenario", key: &["id"], title: "titel" },
    Section { path: "bestand.geraete", label: "Gerät im Bestand", key: &["typ", "anschaffungsjahr"], title: "typ" },
    Section { path: "bedarf", label: "Bedarfsposition", key: &["id"], title: "bezeichnung" },
    Section { path: "plattformen", label: "Plattform", key: &["name"], title: "name" },
    Section { path: "fortbildung", label: "Fortbildung", key: &["titel"], title: "titel" },
    Section { path: "massnahmen", label: "Maßnahme", key: &["id"], title: "titel" },
];

/// The list of a Schulträger file whose entries are matched by Schulnummer.
pub const TRAEGER_SECTIONS: &[Section] = &[Section { path: "schulen", label: "Schule", key: &["schulnummer"], title: "name" }];

/// Which kind of document was compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum DocKind {
    /// A school's plan.
    Plan,
    /// A Schulträger file (`traeger.yaml`).
    Traeger,
}

/// One version as compared.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Side {
    /// File name as given.
    pub file: String,
    /// Status after the check, as in `validate`.
    pub status: Status,
    /// Findings by severity.
    pub counts: Counts,
    /// Whether the plan is ready to hand in (no errors); otherwise it is an Entwurf.
    pub ready: bool,
}

impl Side {
    fn of(file: &str, diagnostics: &[Diagnostic]) -> Self {
        let counts = Counts::of(diagnostics);
        Self { file: file.to_owned(), status: Status::of(counts), counts, ready: counts.errors == 0 }
    }
}

/// A finding as matched between the versions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Finding {
    /// Rule code.
    pub code: String,
    /// Severity.
    pub severity: Severity,
    /// The item or field it concerns, with item keys instead of positions (`bedarf[B3].anzahl`).
    pub item: String,
    /// The message (of the new version for unchanged findings).
    pub message: String,
}

/// Findings before and after.
#[derive(Clone, Debug, Default, Serialize, JsonSchema)]
pub struct Findings {
    /// In the old version only: resolved.
    pub resolved: Vec<Finding>,
    /// In the new version only.
    pub new: Vec<Finding>,
    /// In both.
    pub unchanged: Vec<Finding>,
}

/// The comparison of two versions.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Diff {
    /// Document version, see `docs/output.md`.
    pub version: u32,
    /// Plan or Schulträger file.
    pub kind: DocKind,
    /// The old version.
    pub old: Side,
    /// The new version.
    pub new: Side,
    /// Whether the content is the same (comments and formatting do not count).
    pub equal: bool,
    /// Changed fields outside the item lists, e.g. `schule.schueler`, `leitbild`.
    pub fields: Vec<FieldChange>,
    /// Added, removed, changed and renamed items.
    pub items: Vec<ItemChange>,
    /// Amounts before → after (changed or not).
    pub money: Vec<Money>,
    /// Shares before → after.
    pub shares: Vec<Share>,
    /// Findings resolved, new and unchanged.
    pub findings: Findings,
}

impl Diff {
    /// The items of one kind of change.
    pub fn items_of(&self, kind: ItemKind) -> impl Iterator<Item = &ItemChange> {
        self.items.iter().filter(move |i| i.change == kind)
    }
}

/// A loaded version of a plan with its findings (as from [`crate::check_input`]).
pub struct Version<'a, T> {
    /// File name as shown.
    pub file: &'a str,
    /// The document.
    pub value: &'a T,
    /// Its findings, located.
    pub diagnostics: &'a [Diagnostic],
}

/// Compares two versions of a plan.
#[must_use]
pub fn plans(old: &Version<'_, Plan>, new: &Version<'_, Plan>) -> Diff {
    let (a, b) = (to_value(old.value), to_value(new.value));
    let (fields, items, renames) = compare_document(&a, &b, SECTIONS);
    let findings = compare_findings(old, new, &renames);
    Diff {
        version: VERSION,
        kind: DocKind::Plan,
        old: Side::of(old.file, old.diagnostics),
        new: Side::of(new.file, new.diagnostics),
        equal: fields.is_empty() && items.is_empty(),
        fields,
        items,
        money: money::plan(old.value, new.value),
        shares: money::shares(old.value, new.value),
        findings,
    }
}

/// Compares two versions of a Schulträger file.
#[must_use]
pub fn traeger(old: &Version<'_, Traeger>, new: &Version<'_, Traeger>) -> Diff {
    let (a, b) = (to_value(old.value), to_value(new.value));
    let (fields, items, _) = compare_document(&a, &b, TRAEGER_SECTIONS);
    let key =
        |d: &Diagnostic| Finding { code: d.code.code.to_owned(), severity: d.severity, item: d.path.clone(), message: d.message.clone() };
    let findings = match_findings(old.diagnostics.iter().map(key).collect(), new.diagnostics.iter().map(key).collect());
    Diff {
        version: VERSION,
        kind: DocKind::Traeger,
        old: Side::of(old.file, old.diagnostics),
        new: Side::of(new.file, new.diagnostics),
        equal: fields.is_empty() && items.is_empty(),
        fields,
        items,
        money: vec![Money::new("Budget des Schulträgers", Some(old.value.budget.cents()), Some(new.value.budget.cents()))],
        shares: Vec::new(),
        findings,
    }
}

fn to_value<T: Serialize>(value: &T) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

type Compared = (Vec<FieldChange>, Vec<ItemChange>, BTreeMap<String, BTreeMap<String, String>>);

/// Fields outside the lists, then the lists entry by entry; renames per list (old key → new key).
fn compare_document(a: &Value, b: &Value, sections: &[Section]) -> Compared {
    let skip: BTreeSet<&str> = sections.iter().map(|s| s.path).collect();
    let fields = fields::compare(a, b, &skip);
    let mut items = Vec::new();
    let mut renames = BTreeMap::new();
    for section in sections {
        let (changes, pairs) = fields::compare_items(a, b, section);
        items.extend(changes);
        renames.insert(section.path.to_owned(), pairs.into_iter().collect());
    }
    (fields, items, renames)
}

/// Findings matched by code and item; an item is named by its key, so reordering and renaming keep the match.
fn compare_findings(old: &Version<'_, Plan>, new: &Version<'_, Plan>, renames: &BTreeMap<String, BTreeMap<String, String>>) -> Findings {
    let (a, b) = (to_value(old.value), to_value(new.value));
    let none = BTreeMap::new();
    let old_keys: Vec<Finding> = old.diagnostics.iter().map(|d| finding(d, &a, renames)).collect();
    let new_keys: Vec<Finding> = new.diagnostics.iter().map(|d| finding(d, &b, &none)).collect();
    match_findings(old_keys, new_keys)
}

fn finding(d: &Diagnostic, doc: &Value, renames: &BTreeMap<String, BTreeMap<String, String>>) -> Finding {
    Finding { code: d.code.code.to_owned(), severity: d.severity, item: item_path(&d.path, doc, renames), message: d.message.clone() }
}

/// `bedarf[2].anzahl` → `bedarf[B3].anzahl` (position replaced by the key; a renamed key by its new name).
#[must_use]
pub fn item_path(path: &str, doc: &Value, renames: &BTreeMap<String, BTreeMap<String, String>>) -> String {
    for section in SECTIONS {
        let Some(rest) = path.strip_prefix(section.path).and_then(|r| r.strip_prefix('[')) else { continue };
        let Some((index, tail)) = rest.split_once(']') else { continue };
        let Ok(i) = index.parse::<usize>() else { continue };
        let entry = fields::at(doc, section.path).and_then(|l| l.get(i));
        let Some(key) = entry.and_then(|e| section.key.first().and_then(|k| e.get(*k))).and_then(Value::as_str) else { continue };
        let key = renames.get(section.path).and_then(|r| r.get(key)).map_or(key, String::as_str);
        return format!("{}[{key}]{tail}", section.path);
    }
    path.to_owned()
}

/// Pairs equal (code, item) keys as a multiset; the rest is resolved or new.
fn match_findings(old: Vec<Finding>, new: Vec<Finding>) -> Findings {
    let mut pool: BTreeMap<(String, String), usize> = BTreeMap::new();
    for f in &old {
        *pool.entry((f.code.clone(), f.item.clone())).or_insert(0) += 1;
    }
    let mut out = Findings::default();
    let mut matched: BTreeMap<(String, String), usize> = BTreeMap::new();
    for f in new {
        let key = (f.code.clone(), f.item.clone());
        match pool.get_mut(&key) {
            Some(n) if *n > 0 => {
                *n -= 1;
                *matched.entry(key).or_insert(0) += 1;
                out.unchanged.push(f);
            }
            _ => out.new.push(f),
        }
    }
    for f in old {
        let key = (f.code.clone(), f.item.clone());
        match matched.get_mut(&key) {
            Some(n) if *n > 0 => *n -= 1,
            _ => out.resolved.push(f),
        }
    }
    out
}
