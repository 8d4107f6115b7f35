//! The data the typst template reads from `/data.json`.
//!
//! Shape (documented for template authors in the README):
//! - `meta`: title, author, subject, keywords, Stand in German notation;
//! - `labels`: German names of every closed value (`labels.kategorie.wlan`);
//! - `plan`: the plan with its YAML keys; Markdown fields become `{"md": [...]}`
//!   trees (see [`super::markdown`]);
//! - `charts`: figures for the diagrams, with German-formatted amounts.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::{Value, json};

use super::markdown;
use crate::model::{
    AvvStatus, Betreiber, Betroffene, Dimension, DsfaStatus, Einwilligung, FortbildungsFormat, Geraetetyp, Gremium, Herkunft, Kategorie,
    Kostenart, Land, Nutzung, Plan, Programm, Rahmen, Schulform, ServerBegruendung, Zielgruppe, Zweck,
};

/// Everything the template reads.
#[derive(Debug, Serialize)]
pub struct PdfData {
    /// Document metadata.
    pub meta: Meta,
    /// German labels of closed values, by YAML key.
    pub labels: BTreeMap<&'static str, BTreeMap<&'static str, &'static str>>,
    /// The plan, Markdown fields as trees.
    pub plan: Value,
    /// Figures for the diagrams.
    pub charts: Charts,
}

/// Document metadata, also written into the PDF's info dictionary and XMP.
#[derive(Debug, Serialize)]
pub struct Meta {
    /// Document title.
    pub title: String,
    /// Author: the school.
    pub author: String,
    /// Subject line (typst's `description`).
    pub subject: String,
    /// Keywords.
    pub keywords: Vec<String>,
    /// `stand` as `01.12.2026`.
    pub stand: String,
    /// Planning period as `01.08.2026 – 31.07.2029`.
    pub zeitraum: String,
}

/// Figures for the diagrams.
#[derive(Debug, Serialize)]
pub struct Charts {
    /// Investment by Fördergegenstand and year.
    pub investition: Investment,
    /// Funding split.
    pub finanzierung: Vec<Share>,
    /// Curriculum hours by subject and competence area.
    pub kompetenzen: Heatmap,
    /// Devices by type before and after the plan.
    pub geraete: Vec<DeviceMix>,
}

/// Investment by Fördergegenstand and year.
#[derive(Debug, Serialize)]
pub struct Investment {
    /// The years, ascending.
    pub jahre: Vec<i32>,
    /// One row per Fördergegenstand that has items.
    pub kategorien: Vec<InvestmentRow>,
    /// Sum per year, in euro.
    pub je_jahr: Vec<f64>,
    /// Sum per year, formatted.
    pub je_jahr_text: Vec<String>,
    /// Grand total, formatted.
    pub summe_text: String,
}

/// One Fördergegenstand's investment per year.
#[derive(Debug, Serialize)]
pub struct InvestmentRow {
    /// YAML key.
    pub key: &'static str,
    /// German name.
    pub label: &'static str,
    /// Euro per year, aligned with [`Investment::jahre`].
    pub werte: Vec<f64>,
    /// Row total, formatted.
    pub summe_text: String,
}

/// A part of the funding.
#[derive(Debug, Serialize)]
pub struct Share {
    /// German name.
    pub label: &'static str,
    /// Amount in euro.
    pub eur: f64,
    /// Amount formatted.
    pub text: String,
    /// Share of the total in percent, formatted (`72,4 %`).
    pub anteil_text: String,
}

/// Hours by subject (rows) and competence area (columns).
#[derive(Debug, Serialize)]
pub struct Heatmap {
    /// Competence areas of the framework.
    pub bereiche: Vec<Area>,
    /// Subjects in the order they first appear.
    pub faecher: Vec<String>,
    /// Hours, `werte[fach][bereich]`.
    pub werte: Vec<Vec<f64>>,
    /// The largest cell value.
    pub max: f64,
}

/// A competence area.
#[derive(Debug, Serialize)]
pub struct Area {
    /// Number, e.g. `1`.
    pub id: String,
    /// German name.
    pub label: String,
}

/// Devices of one type before and after the plan.
#[derive(Debug, Serialize)]
pub struct DeviceMix {
    /// YAML key.
    pub key: &'static str,
    /// German name.
    pub label: &'static str,
    /// Count in the inventory.
    pub vorher: u64,
    /// Count after all planned purchases.
    pub nachher: u64,
}

/// Fields that hold Markdown, as paths into the plan's JSON (`[]` = every element).
const MARKDOWN_FIELDS: &[&[&str]] = &[
    &["schule", "profil"],
    &["leitbild"],
    &["bestand", "fortbildungsstand"],
    &["bestand", "prozesse"],
    &["einsatzszenarien", "[]", "beschreibung"],
    &["bedarf", "[]", "begruendung"],
];

/// Builds the template's data from a plan.
#[must_use]
pub fn build(plan: &Plan) -> PdfData {
    let mut value = serde_json::to_value(plan).unwrap_or(Value::Null);
    for path in MARKDOWN_FIELDS {
        convert_markdown(&mut value, path);
    }
    PdfData { meta: meta(plan), labels: labels(), plan: value, charts: charts(plan) }
}

/// Serialises the data for `/data.json`.
#[must_use]
pub fn to_json(data: &PdfData) -> Vec<u8> {
    serde_json::to_vec(data).unwrap_or_default()
}

/// A stable identifier of a school's plan across revisions.
#[must_use]
pub fn ident(plan: &Plan) -> String {
    format!("mep/{}/{}/{}", plan.land.key(), plan.school.number, plan.programme.key())
}

fn convert_markdown(value: &mut Value, path: &[&str]) {
    let Some((first, rest)) = path.split_first() else {
        if let Value::String(s) = value {
            let tree = markdown::to_tree(s);
            *value = json!({ "md": tree });
        }
        return;
    };
    match (*first, value) {
        ("[]", Value::Array(items)) => {
            for item in items {
                convert_markdown(item, rest);
            }
        }
        (key, Value::Object(map)) => {
            if let Some(v) = map.get_mut(key) {
                convert_markdown(v, rest);
            }
        }
        _ => {}
    }
}

fn meta(plan: &Plan) -> Meta {
    let school = &plan.school;
    Meta {
        title: format!("Medienentwicklungsplan {}", school.name),
        author: school.name.clone(),
        subject: format!("Medienentwicklungsplan nach {}, {}, Stand {}", plan.programme.label(), plan.land.label(), plan.as_of.de()),
        keywords: vec![
            "Medienentwicklungsplan".to_owned(),
            "DigitalPakt Schule".to_owned(),
            plan.land.label().to_owned(),
            school.kind.label().to_owned(),
            format!("Schulnummer {}", school.number),
        ],
        stand: plan.as_of.de(),
        zeitraum: format!("{} – {}", plan.period.von.de(), plan.period.bis.de()),
    }
}

macro_rules! label_table {
    ($map:ident, $($key:literal => $ty:ty),+ $(,)?) => {
        $( $map.insert($key, <$ty>::ALL.iter().map(|v| (v.key(), v.label())).collect()); )+
    };
}

fn labels() -> BTreeMap<&'static str, BTreeMap<&'static str, &'static str>> {
    let mut m = BTreeMap::new();
    label_table!(m,
        "programm" => Programm, "land" => Land, "schulform" => Schulform, "gremium" => Gremium,
        "dimension" => Dimension, "rahmen" => Rahmen, "kategorie" => Kategorie, "geraetetyp" => Geraetetyp,
        "nutzung" => Nutzung, "kostenart" => Kostenart, "server_begruendung" => ServerBegruendung,
        "herkunft" => Herkunft, "zweck" => Zweck, "betreiber" => Betreiber, "betroffene" => Betroffene,
        "avv" => AvvStatus, "dsfa" => DsfaStatus, "einwilligung" => Einwilligung,
        "zielgruppe" => Zielgruppe, "fortbildungsformat" => FortbildungsFormat,
    );
    m
}

fn charts(plan: &Plan) -> Charts {
    Charts { investition: investment(plan), finanzierung: funding(plan), kompetenzen: heatmap(plan), geraete: devices(plan) }
}

fn investment(plan: &Plan) -> Investment {
    let items: Vec<_> = plan.needs.iter().filter(|b| b.cost_kind == Kostenart::Investiv).collect();
    let mut jahre: Vec<i32> = items.iter().map(|b| b.year).collect();
    jahre.sort_unstable();
    jahre.dedup();
    let mut kategorien = Vec::new();
    let mut total_cents = 0i64;
    for kat in Kategorie::ALL {
        let mine: Vec<_> = items.iter().filter(|b| b.category == *kat).collect();
        if mine.is_empty() {
            continue;
        }
        let werte =
            jahre.iter().map(|y| mine.iter().filter(|b| b.year == *y).map(|b| b.total().cents()).sum::<i64>() as f64 / 100.0).collect();
        let cents: i64 = mine.iter().map(|b| b.total().cents()).sum();
        total_cents += cents;
        kategorien.push(InvestmentRow { key: kat.key(), label: kat.label(), werte, summe_text: eur_de(cents) });
    }
    let je_jahr_cents: Vec<i64> = jahre.iter().map(|y| items.iter().filter(|b| b.year == *y).map(|b| b.total().cents()).sum()).collect();
    Investment {
        je_jahr: je_jahr_cents.iter().map(|c| *c as f64 / 100.0).collect(),
        je_jahr_text: je_jahr_cents.iter().map(|c| eur_de(*c)).collect(),
        jahre,
        kategorien,
        summe_text: eur_de(total_cents),
    }
}

fn funding(plan: &Plan) -> Vec<Share> {
    let Some(f) = &plan.funding else { return Vec::new() };
    let parts = [("Fördermittel", f.requested), ("Eigenanteil des Schulträgers", f.own_share), ("Sonstige Mittel", f.other)];
    let total: i64 = parts.iter().map(|(_, e)| e.cents()).sum();
    parts
        .iter()
        .filter(|(_, e)| e.cents() > 0)
        .map(|(label, e)| Share {
            label,
            eur: e.eur(),
            text: eur_de(e.cents()),
            anteil_text: if total > 0 { percent_de(e.cents() as f64 / total as f64 * 100.0) } else { String::new() },
        })
        .collect()
}

/// Competence areas of each framework (first level of the ids).
fn areas(rahmen: Rahmen) -> &'static [(&'static str, &'static str)] {
    match rahmen {
        Rahmen::Kmk2016 => &[
            ("1", "Suchen, Verarbeiten und Aufbewahren"),
            ("2", "Kommunizieren und Kooperieren"),
            ("3", "Produzieren und Präsentieren"),
            ("4", "Schützen und sicher Agieren"),
            ("5", "Problemlösen und Handeln"),
            ("6", "Analysieren und Reflektieren"),
        ],
        Rahmen::MkrNrw => &[
            ("1", "Bedienen und Anwenden"),
            ("2", "Informieren und Recherchieren"),
            ("3", "Kommunizieren und Kooperieren"),
            ("4", "Produzieren und Präsentieren"),
            ("5", "Analysieren und Reflektieren"),
            ("6", "Problemlösen und Modellieren"),
        ],
        Rahmen::ByKompetenzrahmen => &[
            ("1", "Basiskompetenzen"),
            ("2", "Suchen und Verarbeiten"),
            ("3", "Kommunizieren und Kooperieren"),
            ("4", "Produzieren und Präsentieren"),
            ("5", "Analysieren und Reflektieren"),
        ],
    }
}

fn heatmap(plan: &Plan) -> Heatmap {
    let Some(cur) = &plan.curriculum else {
        return Heatmap { bereiche: Vec::new(), faecher: Vec::new(), werte: Vec::new(), max: 0.0 };
    };
    let bereiche: Vec<Area> = areas(cur.framework).iter().map(|(id, l)| Area { id: (*id).to_owned(), label: (*l).to_owned() }).collect();
    let mut faecher: Vec<String> = Vec::new();
    let mut werte: Vec<Vec<f64>> = Vec::new();
    for unit in &cur.units {
        let row = if let Some(i) = faecher.iter().position(|f| *f == unit.subject) {
            i
        } else {
            faecher.push(unit.subject.clone());
            werte.push(vec![0.0; bereiche.len()]);
            faecher.len() - 1
        };
        let mut hit: Vec<usize> =
            unit.competences.iter().filter_map(|c| bereiche.iter().position(|a| c.split('.').next() == Some(a.id.as_str()))).collect();
        hit.sort_unstable();
        hit.dedup();
        if hit.is_empty() {
            continue;
        }
        // A unit's hours are shared evenly among the areas it serves.
        let hours = f64::from(unit.hours.unwrap_or(1)) / hit.len() as f64;
        for col in hit {
            werte[row][col] += hours;
        }
    }
    let max = werte.iter().flatten().copied().fold(0.0, f64::max);
    Heatmap { bereiche, faecher, werte, max }
}

fn devices(plan: &Plan) -> Vec<DeviceMix> {
    let before = |t: Geraetetyp| -> u64 {
        plan.inventory.as_ref().map_or(0, |b| b.devices.iter().filter(|g| g.kind == t).map(|g| u64::from(g.count)).sum())
    };
    let added = |t: Geraetetyp| -> u64 { plan.needs.iter().filter(|b| b.device == t).map(|b| u64::from(b.count)).sum() };
    Geraetetyp::ALL
        .iter()
        .filter(|t| !matches!(t, Geraetetyp::Verkabelung | Geraetetyp::Lizenz | Geraetetyp::Sonstiges))
        .map(|t| DeviceMix { key: t.key(), label: t.label(), vorher: before(*t), nachher: before(*t) + added(*t) })
        .filter(|d| d.nachher > 0)
        .collect()
}

/// `1.234,56 €` (cents omitted when zero: `1.234 €`).
#[must_use]
pub fn eur_de(cents: i64) -> String {
    let neg = cents < 0;
    let abs = cents.unsigned_abs();
    let (euros, rest) = (abs / 100, abs % 100);
    let digits = euros.to_string();
    let mut grouped = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(ch);
    }
    let sign = if neg { "−" } else { "" };
    if rest == 0 { format!("{sign}{grouped} €") } else { format!("{sign}{grouped},{rest:02} €") }
}

/// `72,4 %`.
#[must_use]
pub fn percent_de(p: f64) -> String {
    format!("{p:.1} %").replace('.', ",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn euro_in_german_notation() {
        assert_eq!(eur_de(0), "0 €");
        assert_eq!(eur_de(123_456), "1.234,56 €");
        assert_eq!(eur_de(27_000_000), "270.000 €");
        assert_eq!(eur_de(100_000_000_000), "1.000.000.000 €");
        assert_eq!(eur_de(-150), "−1,50 €");
    }

    #[test]
    fn percent_with_comma() {
        assert_eq!(percent_de(72.44), "72,4 %");
    }
}
