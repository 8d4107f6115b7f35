//! The review as CSV for German Excel: one row per school ([`csv`]) or one row per Bedarf item
//! ([`csv_items`], `mep review --format csv --tabelle positionen`).

use crate::figures::Ratio;
use crate::model::Euro;
use crate::review::Review;
use crate::view::values::{self, csv_percent, csv_ratio};

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
    ("Schüler", "`schule.schueler`; `ca. 700` bei einer ungefähren Angabe, `nicht bekannt` bei `unbekannt`"),
    ("Lehrkräfte", "`schule.lehrkraefte`"),
    ("Beantragt (EUR)", "`finanzierung.beantragt_eur`"),
    ("Eigenanteil (EUR)", "`finanzierung.eigenanteil_eur`"),
    ("Sonstige Mittel (EUR)", "`finanzierung.sonstige_mittel_eur`"),
    (
        "Investitionen (EUR)",
        "Summe aller Bedarfspositionen (Anzahl × Einzelpreis); solange Preise fehlen, als Text: `mindestens …, dazu Kosten noch offen` oder `Kosten noch offen`",
    ),
    (
        "Mobile Endgeräte (EUR)",
        "Summe der Positionen der Kategorie `mobile_endgeraete` oder eines mobilen Gerätetyps (Tablet, Laptop, Notebook, Smartphone); als Text, solange Preise fehlen",
    ),
    ("Anteil mobiler Endgeräte (%)", "Mobile Endgeräte geteilt durch Investitionen; `nicht bekannt`, solange Preise fehlen"),
    (
        "Geräte je Schüler",
        "Schülergeräte (Tablets, Laptops, Notebooks, PCs), vorhanden und für den Unterricht geplant, je Schülerin oder Schüler; \
`ca. …` aus ungefähren, `nicht bekannt` aus unbekannten Angaben",
    ),
    ("WLAN-Abdeckung (%)", "`bestand.netz.wlan_raeume` geteilt durch `schule.unterrichtsraeume`"),
    ("Fortbildungsstunden je Lehrkraft", "Summe aus Teilnehmenden × Stunden aller Fortbildungen geteilt durch die Lehrkräfte"),
    (
        "Investitionen DigitalPakt (EUR)",
        "Summe der Positionen, die der DigitalPakt bezahlt (ohne `finanzierung` oder `finanzierung: digitalpakt`); diesen Teil muss die Finanzierung decken",
    ),
    ("Investitionen andere Mittel (EUR)", "Summe der Positionen aus anderen Mitteln (`finanzierung: schultraeger`, `land` usw.)"),
    ("Positionen ohne Preis", "Anzahl der Bedarfspositionen ohne Einzelpreis oder Anzahl (Kosten noch offen)"),
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
                csv_number(&s.number),
                csv_text(&s.name),
                csv_text(s.kind.label()),
                csv_text(s.land.label()),
                csv_text(s.programme.label()),
                csv_text(s.provider.as_deref().unwrap_or("")),
                values::zeitpunkt_text(s.as_of),
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
                crate::view::summen::pupils(s.pupils_given),
                s.teachers.map_or_else(String::new, |n| n.to_string()),
                csv_eur(f.requested),
                csv_eur(f.own_share),
                csv_eur(f.other),
                csv_eur_open(f.investment, f.open_items, f.approx.investment),
                csv_eur_open(f.mobile, f.open_items_mobile, false),
                if f.open_items > 0 { values::NICHT_BEKANNT.to_owned() } else { csv_opt(f.exact.mobile_share, |r| csv_percent(r, 1)) },
                crate::view::summen::devices(f, |r| csv_ratio(r, 2)),
                csv_opt(f.exact.wlan_coverage, |r| csv_percent(r, 1)),
                csv_opt(f.exact.training_hours_per_teacher, |r| csv_ratio(r, 1)),
                csv_eur_open(f.investment_digitalpakt, f.open_items_digitalpakt, f.approx.digitalpakt),
                csv_eur_open(f.investment_other, f.open_items_other, f.approx.other),
                f.open_items.to_string(),
            ]),
            _ => cells.extend(std::iter::repeat_n(String::new(), 14)),
        }
        out.push_str(&cells.join(";"));
        out.push_str("\r\n");
    }
    out.into_bytes()
}

/// The CSV columns of `--tabelle positionen`, in order (the same as the xlsx sheet „Positionen“).
pub const CSV_ITEM_COLUMNS: &[&str] = crate::render::xlsx::ITEM_COLUMNS;

/// Prefix of a Schulnummer made only of digits: U+2060 WORD JOINER, invisible and not a space, so
/// that Excel and LibreOffice read the cell as text and keep leading zeros (`04999123`), without
/// a formula (`="04999123"` would be executed, and formula guards would break it).
pub const TEXT_MARK: char = '\u{2060}';

/// A Schulnummer cell: digits-only numbers get [`TEXT_MARK`], everything else is a guarded text cell.
fn csv_number(number: &str) -> String {
    if !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()) { format!("{TEXT_MARK}{number}") } else { csv_text(number) }
}

/// One row per Bedarf item of every readable plan, for German Excel (same conventions as [`csv`]):
/// Schulnummer, Schule, Kennung, Fördergegenstand, Bezeichnung, Anzahl, Einzelpreis, Summe, Jahr, Maßnahme,
/// Finanzierung. An item without a price reads `Kosten noch offen` in the price and sum cells.
#[must_use]
pub fn csv_items(review: &Review) -> Vec<u8> {
    let mut out = String::from("\u{FEFF}");
    let header: Vec<String> = CSV_ITEM_COLUMNS.iter().map(|h| csv_field(h)).collect();
    out.push_str(&header.join(";"));
    out.push_str("\r\n");
    for row in &review.rows {
        let Some(school) = &row.school else { continue };
        for p in &row.positions {
            let cells = [
                csv_number(&school.number),
                csv_text(&school.name),
                csv_text(&p.id),
                csv_text(p.category.label()),
                csv_text(&p.name),
                values::angabe_text(p.count),
                p.unit_price.map_or_else(|| values::KOSTEN_OFFEN.to_owned(), csv_eur),
                p.total.map_or_else(|| values::KOSTEN_OFFEN.to_owned(), |t| csv_eur_open(t, 0, p.count.ist_ungefaehr())),
                values::jahr_text(p.year),
                csv_text(&p.measures),
                csv_text(p.source.label()),
            ];
            out.push_str(&cells.join(";"));
            out.push_str("\r\n");
        }
    }
    out.into_bytes()
}

/// `--format csv --tabelle aenderungen`: one row per school of either round (`mep review --vorher`).
#[must_use]
pub fn csv_changes(review: &Review) -> Vec<u8> {
    use super::rounds::{COLUMNS, Cell, cells};
    let mut out = String::from("\u{FEFF}");
    let header: Vec<String> = COLUMNS.iter().map(|h| csv_field(h)).collect();
    out.push_str(&header.join(";"));
    out.push_str("\r\n");
    for school in review.previous.iter().flat_map(|r| &r.schools) {
        let row: Vec<String> = cells(school)
            .into_iter()
            .enumerate()
            .map(|(i, c)| match c {
                Cell::Text(t) if i == 1 || i == 2 => csv_number(&t),
                Cell::Text(t) => csv_text(&t),
                Cell::Count(n) => n.to_string(),
                Cell::Euro(e) => csv_eur(e),
                Cell::Empty => String::new(),
            })
            .collect();
        out.push_str(&row.join(";"));
        out.push_str("\r\n");
    }
    out.into_bytes()
}

fn csv_eur(e: Euro) -> String {
    values::csv_eur(e.cents())
}

/// A sum in CSV notation, or while `open` items have no price `Kosten noch offen` /
/// `mindestens 1234,00, dazu Kosten noch offen` (a text cell, never a lower bound posing as the sum);
/// `ca. 1234,00` when `approx` (it includes an item of approximate count).
#[must_use]
pub fn csv_eur_open(e: Euro, open: usize, approx: bool) -> String {
    let amount = if approx { values::ca(&csv_eur(e)) } else { csv_eur(e) };
    match open {
        0 => amount,
        _ if e.cents() == 0 => values::KOSTEN_OFFEN.to_owned(),
        _ => values::mindestens_kosten(&amount),
    }
}

/// A figure rounded once from its exact fraction (half away from zero, like the documents).
fn csv_opt(x: Option<Ratio>, text: impl Fn(Ratio) -> String) -> String {
    x.map(text).unwrap_or_default()
}

/// A user text cell: control characters other than line feed and tab (from file names, say)
/// replaced by `�` as in the text and xlsx overviews, guarded against formulas, then quoted as needed.
fn csv_text(text: &str) -> String {
    let text: String = text.chars().map(|c| if c.is_control() && c != '\n' && c != '\t' { '\u{FFFD}' } else { c }).collect();
    let guarded = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}") } else { text };
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
    fn digit_only_schulnummern_stay_text_without_a_formula() {
        let cell = csv_number("04999123");
        assert_eq!(cell, "\u{2060}04999123");
        // What Excel and LibreOffice do with a cell: a number when it parses as one after trimming spaces.
        assert!(cell.trim().parse::<f64>().is_err(), "read as text, leading zero kept");
        assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r', '\'']), "no formula and nothing a formula guard changes");
        assert_eq!(cell.replace(TEXT_MARK, ""), "04999123");
        assert_eq!(csv_number("NW-123"), "NW-123");
        assert_eq!(csv_number("=1+1"), "'=1+1");
        assert_eq!(csv_number(""), "");
    }

    #[test]
    fn csv_cells_are_guarded_and_quoted() {
        assert_eq!(csv_text("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_text("-1"), "'-1");
        assert_eq!(csv_text("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_text("Schule; Nord"), "\"Schule; Nord\"");
        assert_eq!(csv_text("Zeile\nzwei"), "\"Zeile\nzwei\"");
        assert_eq!(csv_text("Grundschule"), "Grundschule");
        assert_eq!(csv_text("plan\u{1b}[31m.yaml\r"), "plan\u{FFFD}[31m.yaml\u{FFFD}");
    }
}
