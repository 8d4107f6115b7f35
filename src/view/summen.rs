//! The sums of a review as text, shared by the terminal report, Markdown and PDF: the investment per
//! Fördergegenstand and year (with a column for items of unknown year and open costs said as such)
//! and the split by funding source; and the cells of a school whose inputs are approximate or unknown.

use crate::model::{Euro, Kategorie};
use crate::review::Totals;
use crate::view::overview::{eur, investition};

/// Heading of the column of items whose year is not known.
pub const JAHR_UNBEKANNT: &str = "Jahr nicht bekannt";

/// Die Investitionstabelle der Übersicht: Kopfzeile, eine Zeile je Fördergegenstand und die Summenzeile.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvestTabelle {
    /// Spaltenköpfe: Fördergegenstand, die Jahre, bei Bedarf `Jahr nicht bekannt`, Summe.
    pub kopf: Vec<String>,
    /// Eine Zeile je Fördergegenstand mit Beträgen oder offenen Positionen.
    pub zeilen: Vec<Vec<String>>,
    /// Die Summenzeile.
    pub summe: Vec<String>,
}

/// A sum that is open while `open` items have no price: `Kosten noch offen` or `mindestens …`.
fn offen(e: Euro, open: usize) -> String {
    investition(e, usize::from(e.cents() != 0), open)
}

/// The same, with `ca.` when it includes an item of approximate count.
fn offen_ca(e: Euro, open: usize, approx: bool) -> String {
    crate::view::overview::investition_ca(e, usize::from(e.cents() != 0), open, approx)
}

/// The investment table over `years`; `None` when no plan has an item.
#[must_use]
pub fn invest_tabelle(t: &Totals, years: &[i32]) -> Option<InvestTabelle> {
    let unknown = !t.unknown_year.is_empty();
    let categories: Vec<Kategorie> = Kategorie::ALL
        .iter()
        .copied()
        .filter(|k| t.investment_by.contains_key(k) || t.unknown_year.contains_key(k) || t.open_by_category.contains_key(k))
        .collect();
    if categories.is_empty() {
        return None;
    }
    let mut kopf = vec!["Fördergegenstand".to_owned()];
    kopf.extend(years.iter().map(ToString::to_string));
    if unknown {
        kopf.push(JAHR_UNBEKANNT.to_owned());
    }
    kopf.push("Summe".to_owned());
    let dash = || "–".to_owned();
    let zeilen = categories
        .iter()
        .map(|k| {
            let by_year = t.investment_by.get(k);
            let mut cells = vec![k.label().to_owned()];
            let open = |y: &i32| t.open_by_year.get(k).and_then(|o| o.get(y)).copied().unwrap_or(0);
            cells.extend(years.iter().map(|y| match (by_year.and_then(|b| b.get(y)), open(y)) {
                (None, 0) => dash(),
                (e, n) => offen(e.copied().unwrap_or_default(), n),
            }));
            if unknown {
                cells.push(t.unknown_year.get(k).map_or_else(dash, |e| eur(*e)));
            }
            cells.push(offen(t.by_category.get(k).copied().unwrap_or_default(), t.open_by_category.get(k).copied().unwrap_or(0)));
            cells
        })
        .collect();
    let mut summe = vec!["Summe".to_owned()];
    let open = |y: &i32| t.open_by_year.values().filter_map(|o| o.get(y)).sum::<usize>();
    summe.extend(years.iter().map(|y| offen(t.by_year.get(y).copied().unwrap_or_default(), open(y))));
    if unknown {
        summe.push(eur(t.unknown_year.values().copied().sum()));
    }
    summe.push(crate::view::overview::investition_ca(t.investment, t.priced_items, t.open_items, t.approx.investment));
    Some(InvestTabelle { kopf, zeilen, summe })
}

/// The split of the investment by funding source, when some items are paid from other money:
/// `davon DigitalPakt` and `davon andere Mittel`, each open while items have no price.
#[must_use]
pub fn quellen(t: &Totals) -> Vec<(&'static str, String)> {
    if t.investment_other.cents() == 0 && t.open_items_other == 0 {
        return Vec::new();
    }
    vec![
        ("davon DigitalPakt", offen_ca(t.investment_digitalpakt, t.open_items_digitalpakt, t.approx.digitalpakt)),
        ("davon andere Mittel", offen_ca(t.investment_other, t.open_items_other, t.approx.other)),
    ]
}

/// What the financing is compared with: `Investitionen` or, when some items are paid otherwise,
/// `DigitalPakt-Investitionen`.
#[must_use]
pub fn verglichen(t: &Totals) -> &'static str {
    if quellen(t).is_empty() { "Investitionen" } else { "DigitalPakt-Investitionen" }
}

/// The pupils as the plan says it: `700`, `ca. 700` or `nicht bekannt`.
#[must_use]
pub fn pupils(a: crate::model::Angabe<u32>) -> String {
    match a {
        crate::model::Angabe::Bekannt(n) => n.to_string(),
        crate::model::Angabe::Ungefaehr(n) => crate::view::values::ca(&n.to_string()),
        crate::model::Angabe::Unbekannt => crate::view::values::NICHT_BEKANNT.to_owned(),
    }
}

/// Devices per pupil: `nicht bekannt` from an unknown input, `ca. …` from an approximate one.
#[must_use]
pub fn devices(f: &crate::review::Figures, text: impl Fn(crate::figures::Ratio) -> String) -> String {
    match f.exact.devices_per_pupil {
        _ if f.devices_unknown => crate::view::values::NICHT_BEKANNT.to_owned(),
        Some(r) if f.devices_approx => crate::view::values::ca(&text(r)),
        r => r.map_or_else(String::new, text),
    }
}
