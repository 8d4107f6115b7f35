//! The changes against the previous round (`mep review --vorher`) as a section of the overview chapter,
//! which Markdown and PDF render alike.

use crate::model::Euro;
use crate::review::rounds::{RoundKind, Rounds};
use crate::view::overview::{Block, eur, para};

/// The section of `mep review --vorher`: one sentence, then a row per school that is new, missing or changed.
pub fn changes(r: &Rounds) -> Vec<Block> {
    let arrow =
        |a: Option<String>, b: Option<String>| format!("{} → {}", a.unwrap_or_else(|| "–".to_owned()), b.unwrap_or_else(|| "–".to_owned()));
    let zeilen: Vec<Vec<String>> = r
        .schools
        .iter()
        .filter(|s| s.change != RoundKind::Unveraendert)
        .map(|s| {
            let name = s.school.clone().or_else(|| s.file.after.clone()).or_else(|| s.file.before.clone()).unwrap_or_default();
            let number = if s.number_changed() {
                arrow(s.number.before.clone(), s.number.after.clone())
            } else {
                s.number.after.clone().or_else(|| s.number.before.clone()).unwrap_or_default()
            };
            vec![
                name,
                number,
                s.change.label().to_owned(),
                arrow(s.status.before.map(|x| x.label().to_owned()), s.status.after.map(|x| x.label().to_owned())),
                arrow(s.requested.before.map(eur), s.requested.after.map(eur)),
                format!("{} behoben, {} neu", s.findings_resolved, s.findings_new),
            ]
        })
        .collect();
    let mut out = vec![para(vec![format!("Verglichen mit der Vorrunde ({}): {}.", r.previous, rounds_summary(r))])];
    if !zeilen.is_empty() {
        out.push(Block::Tabelle {
            kopf: ["Schule", "Nr.", "Änderung", "Status", "Beantragt", "Befunde"].map(str::to_owned).to_vec(),
            rechts: vec![false, false, false, false, true, false],
            zeilen,
            summe: None,
        });
    }
    out
}

/// How many schools changed, and the requested funds of both rounds with the difference.
#[must_use]
pub fn rounds_summary(r: &Rounds) -> String {
    let before = r.requested.before.unwrap_or_default();
    let after = r.requested.after.unwrap_or_default();
    let diff = after.cents() - before.cents();
    let signed = match diff.cmp(&0) {
        std::cmp::Ordering::Greater => format!("+{}", eur(Euro(diff))),
        std::cmp::Ordering::Less => format!("{}{}", crate::german::MINUS, eur(Euro(diff.saturating_neg()))),
        std::cmp::Ordering::Equal => "±0".to_owned(),
    };
    format!(
        "{} geändert, {} unverändert, {} neu, {} fehlen; beantragt insgesamt {} → {} ({signed})",
        r.count(RoundKind::Geaendert),
        r.count(RoundKind::Unveraendert),
        r.count(RoundKind::Neu),
        r.count(RoundKind::Fehlt),
        eur(before),
        eur(after),
    )
}
