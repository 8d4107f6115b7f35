//! Excel workbooks (`.xlsx`) of a review (`mep review --format xlsx`) or of one plan
//! (`mep render --format xlsx`).
//!
//! Three sheets, German names, each with a frozen header row and an autofilter, printed A4 landscape,
//! one page wide, with the header row repeated on every page:
//! - „Schulen“: one row per school, the columns of the CSV overview;
//! - „Positionen“: one row per Bedarf item (Schulnummer, Schule, Kennung, Fördergegenstand,
//!   Bezeichnung, Anzahl, Einzelpreis, Summe, Jahr, Maßnahme, Finanzierung);
//! - „Summen“: investment per Fördergegenstand (rows) and year (columns, and `Jahr nicht bekannt`
//!   when items have no year), with totals.
//!
//! A cell whose sum includes items without price is text (`Kosten noch offen`, `mindestens …`), never a
//! lower bound posing as the sum.
//!
//! Schulnummern are text cells (leading zeros stay), euros are numbers with a euro format.
//! Cells hold values only, no formulas. The bytes depend only on the input: the
//! document's creation time is fixed by the caller (the plans' `stand` or `SOURCE_DATE_EPOCH`).

use std::collections::{BTreeMap, BTreeSet};

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatBorder, Workbook, Worksheet, XlsxError};

use super::review::CSV_COLUMNS;
use crate::model::{Angabe, Datum, Euro, Kategorie, Zeitpunkt};
use crate::review::positionen::Position;
use crate::review::{Review, Row};
use crate::view::values;

/// Name of the sheet with one row per school.
pub const SHEET_SCHOOLS: &str = "Schulen";
/// Name of the sheet with one row per Bedarf item.
pub const SHEET_ITEMS: &str = "Positionen";
/// Name of the sheet with the sums per Fördergegenstand and year.
pub const SHEET_SUMS: &str = "Summen";
/// Name of the sheet with the changes against the previous round (`mep review --vorher`).
pub const SHEET_CHANGES: &str = "Änderungen";

/// Columns of the sheet „Positionen“, in order.
pub const ITEM_COLUMNS: &[&str] = &[
    "Schulnummer",
    "Schule",
    "Kennung",
    "Fördergegenstand",
    "Bezeichnung",
    "Anzahl",
    "Einzelpreis (EUR)",
    "Summe (EUR)",
    "Jahr",
    "Maßnahme",
    "Finanzierung",
];

/// Excel's longest text cell, in UTF-16 code units (a character outside the Basic
/// Multilingual Plane, such as U+1D54F, counts twice).
const MAX_CELL_UNITS: usize = 32_767;

/// What a workbook shows, independent of where it comes from.
struct Input<'a> {
    title: String,
    author: String,
    rows: &'a [Row],
    sums: Sums<'a>,
    changes: Option<&'a crate::review::rounds::Rounds>,
    created: i64,
}

/// The investment per Fördergegenstand and year of a plan or a review, with what is open.
#[derive(Clone, Copy)]
struct Sums<'a> {
    by: &'a BTreeMap<Kategorie, BTreeMap<i32, Euro>>,
    unknown_year: &'a BTreeMap<Kategorie, Euro>,
    open_by_year: &'a BTreeMap<Kategorie, BTreeMap<i32, usize>>,
    open_by_category: &'a BTreeMap<Kategorie, usize>,
}

/// The creation time of a document as of `stand`: `stand` at 00:00 UTC, or `source_date_epoch`
/// (the same rule as for PDF).
pub(crate) fn creation_time(stand: Datum, source_date_epoch: Option<i64>) -> i64 {
    super::pdf::Settings::for_stand(stand, String::new(), source_date_epoch).timestamp
}

/// The workbook of a review.
pub fn review(review: &Review, source_date_epoch: Option<i64>) -> Result<Vec<u8>, String> {
    let stand = review.dokumentdatum();
    let author = review.traeger_name().map_or_else(|| "mep".to_owned(), |n| n.trim().to_owned());
    write(&Input {
        title: "Übersicht der Medienentwicklungspläne".to_owned(),
        author,
        rows: &review.rows,
        sums: Sums {
            by: &review.totals.investment_by,
            unknown_year: &review.totals.unknown_year,
            open_by_year: &review.totals.open_by_year,
            open_by_category: &review.totals.open_by_category,
        },
        changes: review.previous.as_ref(),
        created: creation_time(stand, source_date_epoch),
    })
}

/// The workbook of one plan: its cost plan in the same three sheets.
pub fn plan(row: &Row, source_date_epoch: Option<i64>) -> Result<Vec<u8>, String> {
    let empty = crate::review::Figures::default();
    let f = row.figures.as_ref().unwrap_or(&empty);
    let sums =
        Sums { by: &f.investment_by, unknown_year: &f.unknown_year, open_by_year: &f.open_by_year, open_by_category: &f.open_by_category };
    let (title, stand) = match &row.school {
        Some(s) => (format!("Kostenplan – {}", s.name.trim()), s.datum),
        None => ("Kostenplan".to_owned(), crate::model::OHNE_DATUM),
    };
    let author = row.school.as_ref().and_then(|s| s.provider.as_deref()).map_or_else(|| "mep".to_owned(), |n| n.trim().to_owned());
    write(&Input { title, author, rows: std::slice::from_ref(row), sums, changes: None, created: creation_time(stand, source_date_epoch) })
}

fn write(input: &Input<'_>) -> Result<Vec<u8>, String> {
    build(input).map_err(|e| format!("Die Excel-Datei kann nicht erzeugt werden: {e}"))
}

/// The cell formats of a workbook.
struct Formats {
    header: Format,
    text: Format,
    euro: Format,
    int: Format,
    year: Format,
    dec1: Format,
    dec2: Format,
    date: Format,
    total: Format,
    total_euro: Format,
}

impl Formats {
    fn new() -> Self {
        let euro = "#,##0.00 \"€\"";
        Self {
            header: Format::new().set_bold().set_text_wrap().set_border_bottom(FormatBorder::Thin),
            text: Format::new().set_num_format("@"),
            euro: Format::new().set_num_format(euro),
            int: Format::new().set_num_format("#,##0"),
            year: Format::new().set_num_format("0"),
            dec1: Format::new().set_num_format("0.0"),
            dec2: Format::new().set_num_format("0.00"),
            date: Format::new().set_num_format("dd.mm.yyyy"),
            total: Format::new().set_bold().set_border_top(FormatBorder::Thin),
            total_euro: Format::new().set_bold().set_border_top(FormatBorder::Thin).set_num_format(euro),
        }
    }
}

fn build(input: &Input<'_>) -> Result<Vec<u8>, XlsxError> {
    let fmt = Formats::new();
    let mut book = Workbook::new();
    let created = ExcelDateTime::from_timestamp(input.created.clamp(0, 253_402_300_799))?;
    book.set_properties(
        &DocProperties::new()
            .set_title(clip(&input.title))
            .set_author(clip(&input.author))
            .set_comment(format!("mep {}", env!("CARGO_PKG_VERSION")))
            .set_creation_datetime(&created),
    );
    schools(book.add_worksheet(), input.rows, &fmt)?;
    items(book.add_worksheet(), input.rows, &fmt)?;
    sums(book.add_worksheet(), input.sums, &fmt)?;
    if let Some(rounds) = input.changes {
        changes(book.add_worksheet(), rounds, &fmt)?;
    }
    book.save_to_buffer()
}

/// Header row, frozen, with an autofilter over `rows` data rows.
fn header(sheet: &mut Worksheet, name: &str, columns: &[&str], rows: u32, fmt: &Formats) -> Result<(), XlsxError> {
    sheet.set_name(name)?;
    for (col, title) in (0u16..).zip(columns) {
        sheet.write_string_with_format(0, col, *title, &fmt.header)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    // Printed: A4 landscape, all columns on one page wide, the header row on every page.
    sheet.set_paper_size(9).set_landscape().set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(0, 0)?;
    let last_col = u16::try_from(columns.len().saturating_sub(1)).unwrap_or(0);
    sheet.autofilter(0, 0, rows, last_col)?;
    Ok(())
}

/// A text cell; Excel limits a cell to 32 767 UTF-16 code units, the unit this cut counts in.
pub(crate) fn clip(text: &str) -> String {
    let mut units = 0;
    for (i, c) in text.char_indices() {
        units += c.len_utf16();
        if units > MAX_CELL_UNITS {
            return text[..i].to_owned();
        }
    }
    text.to_owned()
}

fn text(sheet: &mut Worksheet, row: u32, col: u16, value: &str, fmt: &Formats) -> Result<(), XlsxError> {
    if !value.is_empty() {
        sheet.write_string_with_format(row, col, clip(value), &fmt.text)?;
    }
    Ok(())
}

fn euro(sheet: &mut Worksheet, row: u32, col: u16, value: Option<Euro>, format: &Format) -> Result<(), XlsxError> {
    if let Some(e) = value {
        sheet.write_number_with_format(row, col, e.cents() as f64 / 100.0, format)?;
    }
    Ok(())
}

/// A sum `(value, open, approx)` as a number, or as text while `open` items have no price
/// (`Kosten noch offen`, `mindestens …, dazu Kosten noch offen`) or it includes an item of approximate
/// count (`ca. …`).
fn euro_open(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    (value, open, approx): (Euro, usize, bool),
    fmt: &Formats,
) -> Result<(), XlsxError> {
    if open == 0 && !(approx && value.cents() != 0) {
        euro(sheet, row, col, Some(value), &fmt.euro)
    } else {
        text(sheet, row, col, &crate::view::overview::investition_ca(value, usize::from(value.cents() != 0), open, approx), fmt)
    }
}

/// An amount, or the text "Kosten noch offen" while the price or count is open.
fn euro_or_open(sheet: &mut Worksheet, row: u32, col: u16, value: Option<Euro>, fmt: &Formats) -> Result<(), XlsxError> {
    match value {
        Some(_) => euro(sheet, row, col, value, &fmt.euro),
        None => text(sheet, row, col, values::KOSTEN_OFFEN, fmt),
    }
}

fn number(sheet: &mut Worksheet, row: u32, col: u16, value: Option<f64>, format: &Format) -> Result<(), XlsxError> {
    if let Some(v) = value.filter(|v| v.is_finite()) {
        sheet.write_number_with_format(row, col, v, format)?;
    }
    Ok(())
}

fn schools(sheet: &mut Worksheet, rows: &[Row], fmt: &Formats) -> Result<(), XlsxError> {
    let columns: Vec<&str> = CSV_COLUMNS.iter().map(|(h, _)| *h).collect();
    header(sheet, SHEET_SCHOOLS, &columns, rows.len() as u32, fmt)?;
    for (r, row) in (1u32..).zip(rows) {
        text(sheet, r, 0, &row.file, fmt)?;
        if let Some(s) = &row.school {
            text(sheet, r, 1, &s.number, fmt)?;
            text(sheet, r, 2, &s.name, fmt)?;
            text(sheet, r, 3, s.kind.label(), fmt)?;
            text(sheet, r, 4, s.land.label(), fmt)?;
            text(sheet, r, 5, s.programme.label(), fmt)?;
            text(sheet, r, 6, s.provider.as_deref().unwrap_or(""), fmt)?;
            match s.as_of.bekannt() {
                Some(Zeitpunkt::Tag(day)) => {
                    if let Ok(d) = ExcelDateTime::from_ymd(u16::try_from(day.jahr).unwrap_or(1900), day.monat, day.tag) {
                        sheet.write_datetime_with_format(r, 7, &d, &fmt.date)?;
                    }
                }
                // A month or an unknown `stand` is text, never a made-up day.
                _ => text(sheet, r, 7, &crate::view::values::zeitpunkt_text(s.as_of), fmt)?,
            }
        }
        text(sheet, r, 8, row.status.label(), fmt)?;
        number(sheet, r, 9, Some(row.counts.errors as f64), &fmt.int)?;
        number(sheet, r, 10, Some(row.counts.warnings as f64), &fmt.int)?;
        number(sheet, r, 11, Some(row.counts.hints as f64), &fmt.int)?;
        if let (Some(s), Some(f)) = (&row.school, &row.figures) {
            match s.pupils_given {
                Angabe::Bekannt(n) => number(sheet, r, 12, Some(f64::from(n)), &fmt.int)?,
                other => text(sheet, r, 12, &crate::view::summen::pupils(other), fmt)?,
            }
            number(sheet, r, 13, s.teachers.map(f64::from), &fmt.int)?;
            euro(sheet, r, 14, Some(f.requested), &fmt.euro)?;
            euro(sheet, r, 15, Some(f.own_share), &fmt.euro)?;
            euro(sheet, r, 16, Some(f.other), &fmt.euro)?;
            euro_open(sheet, r, 17, (f.investment, f.open_items, f.approx.investment), fmt)?;
            euro_open(sheet, r, 18, (f.mobile, f.open_items_mobile, false), fmt)?;
            if f.open_items > 0 {
                text(sheet, r, 19, values::NICHT_BEKANNT, fmt)?;
            } else {
                number(sheet, r, 19, f.mobile_share, &fmt.dec1)?;
            }
            if f.devices_unknown || f.devices_approx {
                text(sheet, r, 20, &crate::view::summen::devices(f, |x| values::de_ratio(x, 2)), fmt)?;
            } else {
                number(sheet, r, 20, f.devices_per_pupil, &fmt.dec2)?;
            }
            number(sheet, r, 21, f.wlan_coverage, &fmt.dec1)?;
            number(sheet, r, 22, f.training_hours_per_teacher, &fmt.dec1)?;
            euro_open(sheet, r, 23, (f.investment_digitalpakt, f.open_items_digitalpakt, f.approx.digitalpakt), fmt)?;
            euro_open(sheet, r, 24, (f.investment_other, f.open_items_other, f.approx.other), fmt)?;
            number(sheet, r, 25, Some(f.open_items as f64), &fmt.int)?;
        }
    }
    sheet.autofit();
    Ok(())
}

/// The sheet „Änderungen“ (`mep review --vorher`): one row per school of either round.
fn changes(sheet: &mut Worksheet, rounds: &crate::review::rounds::Rounds, fmt: &Formats) -> Result<(), XlsxError> {
    use super::review::rounds::{COLUMNS, Cell, cells};
    header(sheet, SHEET_CHANGES, &COLUMNS, rounds.schools.len() as u32, fmt)?;
    for (r, school) in (1u32..).zip(&rounds.schools) {
        for (c, cell) in (0u16..).zip(cells(school)) {
            match cell {
                Cell::Text(t) => text(sheet, r, c, &t, fmt)?,
                Cell::Count(n) => number(sheet, r, c, Some(n as f64), &fmt.int)?,
                Cell::Euro(e) => euro(sheet, r, c, Some(e), &fmt.euro)?,
                Cell::Empty => {}
            }
        }
    }
    sheet.autofit();
    Ok(())
}

fn items(sheet: &mut Worksheet, rows: &[Row], fmt: &Formats) -> Result<(), XlsxError> {
    let count: usize = rows.iter().filter(|r| r.school.is_some()).map(|r| r.positions.len()).sum();
    header(sheet, SHEET_ITEMS, ITEM_COLUMNS, count as u32, fmt)?;
    let mut r = 1u32;
    for row in rows {
        let Some(school) = &row.school else { continue };
        for p in &row.positions {
            item(sheet, r, &school.number, &school.name, p, fmt)?;
            r += 1;
        }
    }
    sheet.autofit();
    Ok(())
}

fn item(sheet: &mut Worksheet, r: u32, number: &str, school: &str, p: &Position, fmt: &Formats) -> Result<(), XlsxError> {
    text(sheet, r, 0, number, fmt)?;
    text(sheet, r, 1, school, fmt)?;
    text(sheet, r, 2, &p.id, fmt)?;
    text(sheet, r, 3, p.category.label(), fmt)?;
    text(sheet, r, 4, &p.name, fmt)?;
    match p.count {
        Angabe::Bekannt(n) => sheet.write_number_with_format(r, 5, f64::from(n), &fmt.int).map(|_| ())?,
        other => text(sheet, r, 5, &values::angabe_text(other), fmt)?,
    }
    euro_or_open(sheet, r, 6, p.unit_price, fmt)?;
    match p.total {
        // Derived from an approximate count: the sum says so.
        Some(total) if p.count.ist_ungefaehr() => text(sheet, r, 7, &values::ca(&values::de_eur(total.cents())), fmt)?,
        total => euro_or_open(sheet, r, 7, total, fmt)?,
    }
    match p.year.bekannt() {
        Some(y) => sheet.write_number_with_format(r, 8, f64::from(y), &fmt.year).map(|_| ())?,
        None => text(sheet, r, 8, values::NICHT_BEKANNT, fmt)?,
    }
    text(sheet, r, 9, &p.measures, fmt)?;
    text(sheet, r, 10, p.source.label(), fmt)?;
    Ok(())
}

fn sums(sheet: &mut Worksheet, sums: Sums<'_>, fmt: &Formats) -> Result<(), XlsxError> {
    let years: Vec<i32> = sums
        .by
        .values()
        .flat_map(|y| y.keys())
        .chain(sums.open_by_year.values().flat_map(|y| y.keys()))
        .copied()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let unknown = !sums.unknown_year.is_empty();
    let mut columns: Vec<String> = vec!["Fördergegenstand".to_owned()];
    columns.extend(years.iter().map(i32::to_string));
    if unknown {
        columns.push(crate::view::summen::JAHR_UNBEKANNT.to_owned());
    }
    columns.push("Gesamt".to_owned());
    let columns: Vec<&str> = columns.iter().map(String::as_str).collect();
    let categories: Vec<Kategorie> = Kategorie::ALL
        .iter()
        .copied()
        .filter(|c| sums.by.contains_key(c) || sums.unknown_year.contains_key(c) || sums.open_by_category.contains_key(c))
        .collect();
    header(sheet, SHEET_SUMS, &columns, categories.len() as u32, fmt)?;
    let total_col = u16::try_from(columns.len() - 1).unwrap_or(u16::MAX);
    let open_in = |c: Option<&Kategorie>, year: i32| -> usize {
        sums.open_by_year.iter().filter(|(k, _)| c.is_none_or(|c| c == *k)).filter_map(|(_, y)| y.get(&year)).sum()
    };
    let (mut per_year, mut grand, mut grand_unknown) = (BTreeMap::<i32, Euro>::new(), Euro(0), Euro(0));
    for (r, category) in (1u32..).zip(&categories) {
        text(sheet, r, 0, category.label(), fmt)?;
        let mut line = Euro(0);
        for (col, year) in (1u16..).zip(&years) {
            let amount = sums.by.get(category).and_then(|y| y.get(year)).copied().unwrap_or_default();
            euro_open(sheet, r, col, (amount, open_in(Some(category), *year), false), fmt)?;
            line = line + amount;
            let y = per_year.entry(*year).or_default();
            *y = *y + amount;
        }
        if unknown {
            let amount = sums.unknown_year.get(category).copied().unwrap_or_default();
            euro(sheet, r, total_col - 1, Some(amount), &fmt.euro)?;
            line = line + amount;
            grand_unknown = grand_unknown + amount;
        }
        euro_open(sheet, r, total_col, (line, sums.open_by_category.get(category).copied().unwrap_or(0), false), fmt)?;
        grand = grand + line;
    }
    let r = categories.len() as u32 + 1;
    sheet.write_string_with_format(r, 0, "Gesamt", &fmt.total)?;
    let total_cell = |sheet: &mut Worksheet, col: u16, amount: Euro, open: usize| -> Result<(), XlsxError> {
        if open == 0 {
            euro(sheet, r, col, Some(amount), &fmt.total_euro)
        } else {
            let t = crate::view::overview::investition(amount, usize::from(amount.cents() != 0), open);
            sheet.write_string_with_format(r, col, clip(&t), &fmt.total).map(|_| ())
        }
    };
    for (col, year) in (1u16..).zip(&years) {
        total_cell(sheet, col, per_year.get(year).copied().unwrap_or_default(), open_in(None, *year))?;
    }
    if unknown {
        total_cell(sheet, total_col - 1, grand_unknown, 0)?;
    }
    total_cell(sheet, total_col, grand, sums.open_by_category.values().sum())?;
    sheet.autofit();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{MAX_CELL_UNITS, clip};

    #[test]
    fn cells_are_cut_in_utf16_units() {
        assert_eq!(clip("Schule"), "Schule");
        let astral = "\u{1D54F}".repeat(20_000);
        let cut = clip(&astral);
        assert_eq!(cut.encode_utf16().count(), MAX_CELL_UNITS - 1, "a pair is never split");
        assert_eq!(clip(&"a".repeat(40_000)).len(), MAX_CELL_UNITS);
    }
}
