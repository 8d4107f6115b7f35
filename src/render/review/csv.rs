//! The review as CSV for German Excel: one row per school.

use crate::model::Euro;
use crate::review::Review;

/// The CSV columns, in order, with their German heading and meaning (documented in the README).
pub const CSV_COLUMNS: &[(&str, &str)] = &[
    ("Datei", "Pfad der Plan-Datei, wie beim Aufruf angegeben"),
    ("Schulnummer", "`schule.schulnummer`"),
    ("Schule", "`schule.name`"),
    ("Schulform", "`schule.schulform`, ausgeschrieben"),
    ("Land", "`land`, ausgeschrieben"),
    ("Programm", "`programm`, ausgeschrieben"),
    ("Schulträger", "`schultraeger.name` im Plan"),
    ("Stand", "`stand`, TT.MM.JJJJ"),
    ("Status", "ok, Warnungen oder Fehler"),
    ("Fehler", "Anzahl der Fehler"),
    ("Warnungen", "Anzahl der Warnungen"),
    ("Hinweise", "Anzahl der Hinweise"),
    ("Schüler", "`schule.schueler`"),
    ("Lehrkräfte", "`schule.lehrkraefte`"),
    ("Beantragt (EUR)", "`finanzierung.beantragt_eur`"),
    ("Eigenanteil (EUR)", "`finanzierung.eigenanteil_eur`"),
    ("Investitionen (EUR)", "Summe aller Bedarfspositionen (Anzahl × Einzelpreis)"),
    ("Mobile Endgeräte (EUR)", "Summe der Positionen der Kategorie `mobile_endgeraete`"),
    ("Anteil mobiler Endgeräte (%)", "Mobile Endgeräte geteilt durch Investitionen"),
    (
        "Geräte je Schüler",
        "Schülergeräte (Tablets, Laptops, Notebooks, PCs), vorhanden und für den Unterricht geplant, je Schülerin oder Schüler",
    ),
    ("WLAN-Abdeckung (%)", "`bestand.netz.wlan_raeume` geteilt durch `schule.unterrichtsraeume`"),
    ("Fortbildungsstunden je Lehrkraft", "Summe aus Teilnehmenden × Stunden aller Fortbildungen geteilt durch die Lehrkräfte"),
];

/// One row per school for German Excel: `;` separator, decimal comma, UTF-8 with BOM, CRLF line ends.
///
/// Fields are quoted per RFC 4180 when they contain `;`, `"` or a line break. A text cell
/// that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`,
/// so Excel never reads it as a formula.
#[must_use]
pub fn csv(review: &Review) -> Vec<u8> {
    let mut out = String::from("\u{FEFF}");
    let header: Vec<String> = CSV_COLUMNS.iter().map(|(h, _)| csv_field(h)).collect();
    out.push_str(&header.join(";"));
    out.push_str("\r\n");
    for row in &review.rows {
        let mut cells: Vec<String> = vec![csv_text(&row.file)];
        match &row.school {
            Some(s) => cells.extend([
                csv_text(&s.number),
                csv_text(&s.name),
                csv_text(s.kind.label()),
                csv_text(s.land.label()),
                csv_text(s.programme.label()),
                csv_text(s.provider.as_deref().unwrap_or("")),
                s.as_of.de(),
            ]),
            None => cells.extend(std::iter::repeat_n(String::new(), 7)),
        }
        cells.extend([
            row.status.label().to_owned(),
            row.counts.errors.to_string(),
            row.counts.warnings.to_string(),
            row.counts.hints.to_string(),
        ]);
        match (&row.school, &row.figures) {
            (Some(s), Some(f)) => cells.extend([
                s.pupils.map_or_else(String::new, |n| n.to_string()),
                s.teachers.map_or_else(String::new, |n| n.to_string()),
                csv_eur(f.requested),
                csv_eur(f.own_share),
                csv_eur(f.investment),
                csv_eur(f.mobile),
                csv_opt(f.mobile_share, 1),
                csv_opt(f.devices_per_pupil, 2),
                csv_opt(f.wlan_coverage, 1),
                csv_opt(f.training_hours_per_teacher, 1),
            ]),
            _ => cells.extend(std::iter::repeat_n(String::new(), 10)),
        }
        out.push_str(&cells.join(";"));
        out.push_str("\r\n");
    }
    out.into_bytes()
}

fn csv_eur(e: Euro) -> String {
    let cents = e.cents();
    format!("{}{},{:02}", if cents < 0 { "-" } else { "" }, cents.unsigned_abs() / 100, cents.unsigned_abs() % 100)
}

fn csv_opt(x: Option<f64>, places: usize) -> String {
    x.map(|v| format!("{v:.places$}").replace('.', ",")).unwrap_or_default()
}

/// A user text cell: guarded against formulas, then quoted as needed.
fn csv_text(text: &str) -> String {
    let guarded = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}") } else { text.to_owned() };
    csv_field(&guarded)
}

fn csv_field(text: &str) -> String {
    if text.contains([';', '"', '\n', '\r']) { format!("\"{}\"", text.replace('"', "\"\"")) } else { text.to_owned() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_euros_have_a_decimal_comma_and_no_grouping() {
        assert_eq!(csv_eur(Euro(123_456_705)), "1234567,05");
        assert_eq!(csv_eur(Euro(0)), "0,00");
    }

    #[test]
    fn csv_cells_are_guarded_and_quoted() {
        assert_eq!(csv_text("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_text("-1"), "'-1");
        assert_eq!(csv_text("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_text("Schule; Nord"), "\"Schule; Nord\"");
        assert_eq!(csv_text("Zeile\nzwei"), "\"Zeile\nzwei\"");
        assert_eq!(csv_text("Grundschule"), "Grundschule");
    }
}
