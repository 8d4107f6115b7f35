//! `mep review --vorher ALT`: one round of plans against the previous one.
//!
//! The previous round is a folder of plans (reviewed again) or the JSON document of its
//! `mep review --format json`. Each side is reduced to a [`Snapshot`] per school; schools are
//! matched by Schulnummer (when it is unique on both sides), else by file name.

use std::collections::{BTreeMap, BTreeSet};

use schemars::JsonSchema;
use serde::Serialize;
use serde_json::Value;

use super::{Row, Status};
use crate::diag::Counts;
use crate::model::Euro;

/// What the roll-up keeps of one school of a round.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snapshot {
    /// File name as given in that round.
    pub file: String,
    /// Schulnummer, when the plan could be read.
    pub number: Option<String>,
    /// Name of the school, when the plan could be read.
    pub name: Option<String>,
    /// Status.
    pub status: Status,
    /// Findings by severity.
    pub counts: Counts,
    /// Requested funding.
    pub requested: Option<Euro>,
    /// Eigenanteil.
    pub own_share: Option<Euro>,
    /// Investment.
    pub investment: Option<Euro>,
    /// Findings as (code, path).
    pub findings: BTreeSet<(String, String)>,
}

impl Snapshot {
    /// The snapshot of a reviewed row.
    #[must_use]
    pub fn of_row(row: &Row) -> Self {
        Self {
            file: row.file.clone(),
            number: row.school.as_ref().map(|s| s.number.clone()),
            name: row.school.as_ref().map(|s| s.name.clone()),
            status: row.status,
            counts: row.counts,
            requested: row.figures.as_ref().map(|f| f.requested),
            own_share: row.figures.as_ref().map(|f| f.own_share),
            investment: row.figures.as_ref().map(|f| f.investment),
            findings: row.diagnostics.iter().map(|d| (d.code.code.to_owned(), d.path.clone())).collect(),
        }
    }
}

/// Reads the snapshots from the JSON of `mep review --format json` of document version `version`; `Err` says in German what is wrong.
pub fn from_json(text: &str, version: u32) -> Result<Vec<Snapshot>, String> {
    let doc: Value = serde_json::from_str(text).map_err(|e| format!("Die Datei ist kein JSON: {e}"))?;
    if doc.get("version").and_then(Value::as_u64) != Some(u64::from(version)) {
        return Err(format!("Die Datei ist keine Prüfübersicht von `mep review --format json` in Version {version} (Feld `version`)."));
    }
    let rows = doc.get("rows").and_then(Value::as_array).ok_or("Das Feld `rows` fehlt.")?;
    Ok(rows.iter().map(snapshot_of_json).collect())
}

fn snapshot_of_json(row: &Value) -> Snapshot {
    let text = |v: Option<&Value>| v.and_then(Value::as_str).map(str::to_owned);
    let euro = |key: &str| row.get("figures").and_then(|f| f.get(key)).and_then(Value::as_f64).map(|x| Euro((x * 100.0).round() as i64));
    let count = |key: &str| row.get("counts").and_then(|c| c.get(key)).and_then(Value::as_u64).unwrap_or(0) as usize;
    let status = match row.get("status").and_then(Value::as_str) {
        Some("ok") => Status::Ok,
        Some("warnungen") => Status::Warnungen,
        Some("fehler") => Status::Fehler,
        _ => Status::Unlesbar,
    };
    let findings = row
        .get("diagnostics")
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .filter_map(|d| Some((d.get("code")?.as_str()?.to_owned(), d.get("path").and_then(Value::as_str).unwrap_or("").to_owned())))
                .collect()
        })
        .unwrap_or_default();
    Snapshot {
        file: text(row.get("file")).unwrap_or_default(),
        number: text(row.get("school").and_then(|s| s.get("number"))),
        name: text(row.get("school").and_then(|s| s.get("name"))),
        status,
        counts: Counts { errors: count("errors"), warnings: count("warnings"), hints: count("hints") },
        requested: euro("requested"),
        own_share: euro("own_share"),
        investment: euro("investment"),
        findings,
    }
}

/// What happened to a school between the rounds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum RoundKind {
    /// Only in this round.
    Neu,
    /// Only in the previous round.
    Fehlt,
    /// In both; status, counts, money, findings or Schulnummer differ.
    Geaendert,
    /// In both, the same in all of these.
    Unveraendert,
}

impl RoundKind {
    /// The German word of reports.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            RoundKind::Neu => "neu",
            RoundKind::Fehlt => "fehlt",
            RoundKind::Geaendert => "geändert",
            RoundKind::Unveraendert => "unverändert",
        }
    }
}

/// A value before → after.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Pair<T> {
    /// In the previous round.
    pub before: Option<T>,
    /// In this round.
    pub after: Option<T>,
}

/// One school, this round against the previous.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct SchoolChange {
    /// What happened.
    pub change: RoundKind,
    /// Name of the school (of this round when there is one).
    pub school: Option<String>,
    /// Schulnummer before → after (differs when it changed).
    pub number: Pair<String>,
    /// File before → after.
    pub file: Pair<String>,
    /// Status before → after.
    pub status: Pair<Status>,
    /// Errors before → after.
    pub errors: Pair<usize>,
    /// Warnings before → after.
    pub warnings: Pair<usize>,
    /// Requested funding before → after, in euro.
    pub requested: Pair<Euro>,
    /// Eigenanteil before → after, in euro.
    pub own_share: Pair<Euro>,
    /// Investment before → after, in euro.
    pub investment: Pair<Euro>,
    /// Findings (by code and path) of the previous round that are gone.
    pub findings_resolved: usize,
    /// Findings (by code and path) that are new in this round.
    pub findings_new: usize,
}

impl SchoolChange {
    /// Whether the Schulnummer changed between the rounds.
    #[must_use]
    pub fn number_changed(&self) -> bool {
        self.number.before.is_some() && self.number.after.is_some() && self.number.before != self.number.after
    }
}

/// This round against the previous one.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Rounds {
    /// The previous round as given (folder or JSON file).
    pub previous: String,
    /// One entry per school of either round: this round's order, then the missing ones.
    pub schools: Vec<SchoolChange>,
    /// Σ requested funding before → after.
    pub requested: Pair<Euro>,
}

impl Rounds {
    /// How many schools had this fate.
    #[must_use]
    pub fn count(&self, kind: RoundKind) -> usize {
        self.schools.iter().filter(|s| s.change == kind).count()
    }
}

fn base_name(file: &str) -> &str {
    file.rsplit(['/', '\\']).next().unwrap_or(file)
}

/// Numbers that occur exactly once among the snapshots.
fn unique_numbers(list: &[Snapshot]) -> BTreeMap<&str, usize> {
    let mut seen: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for (i, s) in list.iter().enumerate() {
        if let Some(n) = s.number.as_deref() {
            seen.entry(n).or_insert((i, 0)).1 += 1;
        }
    }
    seen.into_iter().filter(|(_, (_, n))| *n == 1).map(|(k, (i, _))| (k, i)).collect()
}

/// Matches the schools of both rounds (Schulnummer, else file name) and compares each pair.
#[must_use]
pub fn compare(previous_name: &str, previous: &[Snapshot], current: &[Snapshot]) -> Rounds {
    let (old_numbers, new_numbers) = (unique_numbers(previous), unique_numbers(current));
    let mut used = vec![false; previous.len()];
    let mut pairs: Vec<(Option<usize>, usize)> = Vec::new();
    for (j, s) in current.iter().enumerate() {
        let by_number = s.number.as_deref().filter(|n| new_numbers.contains_key(n)).and_then(|n| old_numbers.get(n)).copied();
        let hit = by_number
            .filter(|&i| !used[i])
            .or_else(|| previous.iter().enumerate().position(|(i, p)| !used[i] && base_name(&p.file) == base_name(&s.file)));
        if let Some(i) = hit {
            used[i] = true;
        }
        pairs.push((hit, j));
    }
    let mut schools: Vec<SchoolChange> = pairs.into_iter().map(|(i, j)| change(i.map(|i| &previous[i]), Some(&current[j]))).collect();
    schools.extend(previous.iter().zip(&used).filter(|(_, u)| !**u).map(|(p, _)| change(Some(p), None)));
    let sum = |list: &[Snapshot]| list.iter().filter_map(|s| s.requested).sum::<Euro>();
    Rounds { previous: previous_name.to_owned(), schools, requested: Pair { before: Some(sum(previous)), after: Some(sum(current)) } }
}

fn change(old: Option<&Snapshot>, new: Option<&Snapshot>) -> SchoolChange {
    let pair = |f: &dyn Fn(&Snapshot) -> Option<Euro>| Pair { before: old.and_then(f), after: new.and_then(f) };
    let (resolved, added) = match (old, new) {
        (Some(a), Some(b)) => (a.findings.difference(&b.findings).count(), b.findings.difference(&a.findings).count()),
        _ => (0, 0),
    };
    let kind = match (old, new) {
        (None, _) => RoundKind::Neu,
        (_, None) => RoundKind::Fehlt,
        (Some(a), Some(b)) => {
            let same = a.number == b.number
                && a.status == b.status
                && a.counts == b.counts
                && a.requested == b.requested
                && a.own_share == b.own_share
                && a.investment == b.investment
                && a.findings == b.findings;
            if same { RoundKind::Unveraendert } else { RoundKind::Geaendert }
        }
    };
    SchoolChange {
        change: kind,
        school: new.and_then(|s| s.name.clone()).or_else(|| old.and_then(|s| s.name.clone())),
        number: Pair { before: old.and_then(|s| s.number.clone()), after: new.and_then(|s| s.number.clone()) },
        file: Pair { before: old.map(|s| s.file.clone()), after: new.map(|s| s.file.clone()) },
        status: Pair { before: old.map(|s| s.status), after: new.map(|s| s.status) },
        errors: Pair { before: old.map(|s| s.counts.errors), after: new.map(|s| s.counts.errors) },
        warnings: Pair { before: old.map(|s| s.counts.warnings), after: new.map(|s| s.counts.warnings) },
        requested: pair(&|s| s.requested),
        own_share: pair(&|s| s.own_share),
        investment: pair(&|s| s.investment),
        findings_resolved: resolved,
        findings_new: added,
    }
}
