//! The changes against the previous round (`mep review --vorher`) for the terminal, CSV and the workbook;
//! Markdown and PDF take them from the overview ([`crate::view::overview`]).

use crate::model::Euro;
use crate::review::rounds::{Pair, RoundKind, Rounds, SchoolChange};
use crate::view::overview::eur;

/// Column titles of the sheet „Änderungen“ and of `--format csv --tabelle aenderungen`.
pub const COLUMNS: [&str; 16] = [
    "Schule",
    "Schulnummer vorher",
    "Schulnummer",
    "Änderung",
    "Datei vorher",
    "Datei",
    "Status vorher",
    "Status",
    "Fehler vorher",
    "Fehler",
    "Warnungen vorher",
    "Warnungen",
    "Beantragt vorher (EUR)",
    "Beantragt (EUR)",
    "Befunde behoben",
    "Befunde neu",
];

fn arrow<T>(p: &Pair<T>, show: impl Fn(&T) -> String) -> String {
    let s = |x: &Option<T>| x.as_ref().map_or_else(|| "–".to_owned(), &show);
    format!("{} → {}", s(&p.before), s(&p.after))
}

/// `Name (Nummer): geändert – …`, one line per school that is new, missing or changed; raw user text
/// (the caller sanitises or escapes it through `user`).
#[must_use]
pub fn school_line(s: &SchoolChange, user: &dyn Fn(&str) -> String) -> String {
    let name = user(s.school.as_deref().or(s.file.after.as_deref()).or(s.file.before.as_deref()).unwrap_or("?"));
    let number = s.number.after.as_deref().or(s.number.before.as_deref()).map_or(String::new(), |n| format!(" ({})", user(n)));
    let mut parts = Vec::new();
    if s.number_changed() {
        parts.push(format!(
            "Schulnummer {} → {}",
            user(s.number.before.as_deref().unwrap_or("")),
            user(s.number.after.as_deref().unwrap_or(""))
        ));
    }
    if s.change == RoundKind::Geaendert {
        if s.status.before != s.status.after {
            parts.push(format!("Status {}", arrow(&s.status, |x| x.label().to_owned())));
        }
        if s.errors.before != s.errors.after || s.warnings.before != s.warnings.after {
            parts.push(format!("Fehler {}, Warnungen {}", arrow(&s.errors, ToString::to_string), arrow(&s.warnings, ToString::to_string)));
        }
        if s.requested.before != s.requested.after {
            parts.push(format!("beantragt {}", arrow(&s.requested, |e| eur(*e))));
        }
        if s.own_share.before != s.own_share.after {
            parts.push(format!("Eigenanteil {}", arrow(&s.own_share, |e| eur(*e))));
        }
        if s.investment.before != s.investment.after {
            parts.push(format!("Investitionen {}", arrow(&s.investment, |e| eur(*e))));
        }
        if s.findings_resolved + s.findings_new > 0 {
            parts.push(format!("Befunde: {} behoben, {} neu", s.findings_resolved, s.findings_new));
        }
    } else if s.change == RoundKind::Neu {
        parts.push(format!(
            "Status {}, beantragt {}",
            s.status.after.map_or("–", |x| x.label()),
            s.requested.after.map_or_else(|| "–".to_owned(), eur)
        ));
    }
    let detail = if parts.is_empty() { String::new() } else { format!(" – {}", parts.join(", ")) };
    format!("{name}{number}: {}{detail}", s.change.label())
}

/// The summary line: how many schools changed, the requested funds before → after.
#[must_use]
pub fn summary(r: &Rounds) -> String {
    crate::view::rounds::rounds_summary(r)
}

/// The schools worth a line: new, missing, changed.
pub fn notable(r: &Rounds) -> impl Iterator<Item = &SchoolChange> {
    r.schools.iter().filter(|s| s.change != RoundKind::Unveraendert)
}

/// The section for the terminal report.
#[must_use]
pub fn text(r: &Rounds) -> String {
    let user = |s: &str| crate::diag::sanitize(s);
    let mut out = format!("\nÄnderungen gegenüber der Vorrunde ({}):\n", user(&r.previous));
    for s in notable(r) {
        out.push_str(&format!("  {}\n", school_line(s, &user)));
    }
    out.push_str(&format!("  {}.\n", summary(r)));
    out
}

/// The cells of one row of the sheet „Änderungen“ / the CSV table, as text and amounts.
#[must_use]
pub fn cells(s: &SchoolChange) -> [Cell; 16] {
    let t = |x: Option<&str>| Cell::Text(x.unwrap_or("").to_owned());
    let n = |x: Option<usize>| x.map_or(Cell::Empty, |v| Cell::Count(v as u64));
    let e = |x: Option<Euro>| x.map_or(Cell::Empty, Cell::Euro);
    [
        t(s.school.as_deref()),
        t(s.number.before.as_deref()),
        t(s.number.after.as_deref()),
        Cell::Text(s.change.label().to_owned()),
        t(s.file.before.as_deref()),
        t(s.file.after.as_deref()),
        t(s.status.before.map(crate::diag::Status::label)),
        t(s.status.after.map(crate::diag::Status::label)),
        n(s.errors.before),
        n(s.errors.after),
        n(s.warnings.before),
        n(s.warnings.after),
        e(s.requested.before),
        e(s.requested.after),
        Cell::Count(s.findings_resolved as u64),
        Cell::Count(s.findings_new as u64),
    ]
}

/// A cell of the tables.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cell {
    /// Text (user text: escaped by the writer).
    Text(String),
    /// A count.
    Count(u64),
    /// An amount.
    Euro(Euro),
    /// Nothing.
    Empty,
}
