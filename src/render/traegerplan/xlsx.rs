//! The Schulträger's plan as an Excel workbook: one sheet per chapter with tables, the tables one
//! below the other. Exact amounts and counts are numbers (euro or integer format); texts such as
//! „mindestens …“, „nicht bekannt“ or „Kosten noch offen“ stay text, so nothing unknown becomes a number.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatBorder, Workbook, XlsxError};

use crate::render::xlsx::{clip, creation_time};
use crate::review::traegerplan::TraegerPlan;
use crate::view::overview::Block;
use crate::view::traegerplan::traegerplan;

/// The workbook of the Träger's plan.
pub fn xlsx(p: &TraegerPlan, source_date_epoch: Option<i64>) -> Result<Vec<u8>, String> {
    build(p, source_date_epoch).map_err(|e| format!("Die Excel-Datei kann nicht erzeugt werden: {e}"))
}

/// A German amount (`1.234,50 €`, `-12,00 €`) in cents.
fn euro_cents(cell: &str) -> Option<i64> {
    let n = cell.strip_suffix(" €").or_else(|| cell.strip_suffix("\u{a0}€"))?;
    let (neg, n) = match n.strip_prefix('-').or_else(|| n.strip_prefix('−')) {
        Some(rest) => (true, rest),
        None => (false, n),
    };
    let (int, dec) = n.split_once(',')?;
    if dec.len() != 2 || !dec.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let v: i64 = format!("{}{dec}", int.replace('.', "")).parse().ok()?;
    Some(if neg { -v } else { v })
}

/// A German integer (`1.234`).
fn integer(cell: &str) -> Option<i64> {
    let groups: Vec<&str> = cell.split('.').collect();
    let ok = !cell.is_empty()
        && groups.iter().enumerate().all(|(i, g)| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit()) && (i == 0 || g.len() == 3));
    if ok { groups.concat().parse().ok() } else { None }
}

fn sheet_name(titel: &str, used: &mut Vec<String>) -> String {
    let clean: String = titel.chars().filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\')).take(28).collect();
    let mut name = clean.trim().to_owned();
    let mut n = 2;
    while used.iter().any(|u| u.eq_ignore_ascii_case(&name)) {
        name = format!("{} {n}", clean.chars().take(25).collect::<String>().trim());
        n += 1;
    }
    used.push(name.clone());
    name
}

#[allow(clippy::cast_precision_loss)] // amounts of a Träger stay far below 2^52 cents
fn build(p: &TraegerPlan, source_date_epoch: Option<i64>) -> Result<Vec<u8>, XlsxError> {
    let doc = traegerplan(p);
    let mut book = Workbook::new();
    let created = ExcelDateTime::from_timestamp(creation_time(p.review.dokumentdatum(), source_date_epoch).clamp(0, 253_402_300_799))?;
    book.set_properties(
        &DocProperties::new()
            .set_title(clip(&doc.titel))
            .set_author(clip(p.traeger.name.trim()))
            .set_comment(format!("mep {}", env!("CARGO_PKG_VERSION")))
            .set_creation_datetime(&created),
    );
    let header = Format::new().set_bold().set_text_wrap().set_border_bottom(FormatBorder::Thin);
    let bold = Format::new().set_bold();
    let euro = Format::new().set_num_format("#,##0.00 \"€\"");
    let int = Format::new().set_num_format("#,##0");
    let text = Format::new().set_num_format("@").set_text_wrap();
    let mut used = Vec::new();
    for a in doc.abschnitte.iter().filter(|a| a.ebene == 2) {
        let tables: Vec<&Block> = a.bloecke.iter().filter(|b| matches!(b, Block::Tabelle { .. })).collect();
        if tables.is_empty() {
            continue;
        }
        let sheet = book.add_worksheet();
        sheet.set_name(sheet_name(&a.titel, &mut used))?;
        sheet.set_paper_size(9).set_landscape().set_print_fit_to_pages(1, 0);
        sheet.set_column_width(0, 32)?;
        let mut r: u32 = 0;
        sheet.write_string_with_format(r, 0, clip(&a.titel), &bold)?;
        r += 2;
        for b in tables {
            let Block::Tabelle { kopf, zeilen, summe, .. } = b else { continue };
            for (c, h) in (0u16..).zip(kopf) {
                sheet.write_string_with_format(r, c, clip(h), &header)?;
            }
            r += 1;
            for z in zeilen.iter().chain(summe.iter()) {
                for (c, cell) in (0u16..).zip(z) {
                    if cell.is_empty() {
                        continue;
                    }
                    if let Some(cents) = euro_cents(cell) {
                        sheet.write_number_with_format(r, c, cents as f64 / 100.0, &euro)?;
                    } else if let Some(n) = integer(cell).filter(|_| c > 0) {
                        sheet.write_number_with_format(r, c, n as f64, &int)?;
                    } else {
                        sheet.write_string_with_format(r, c, clip(cell), &text)?;
                    }
                }
                r += 1;
            }
            r += 1;
        }
    }
    book.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_numbers_become_numbers_and_texts_stay_texts() {
        assert_eq!(euro_cents("1.234,50 €"), Some(123_450));
        assert_eq!(euro_cents("-12,00 €"), Some(-1200));
        assert_eq!(euro_cents("mindestens 1.234,50 €, dazu Kosten noch offen"), None);
        assert_eq!(integer("1.234"), Some(1234));
        assert_eq!(integer("ca. 12"), None);
        assert_eq!(integer("2027"), Some(2027));
        assert_eq!(integer("1,5"), None);
    }
}
