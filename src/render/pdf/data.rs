//! The data the typst template reads from `/data.json`.
//!
//! Shape (documented for template authors in the README):
//! - `meta`: title, author, subject, keywords, Stand in German notation;
//! - `view`: the [`PlanView`] exactly as `docs/vorlagendaten.md` describes it,
//!   except that every Markdown value `{"markdown": "..."}` arrives as a tree
//!   `{"md": [...]}` (see [`super::markdown`]);
//! - `charts`: figures for the diagrams, with German-formatted amounts.

use serde::Serialize;
use serde_json::{Value, json};

use super::markdown;
use crate::view::PlanView;
use crate::view::values::de_int;

/// Everything the template reads.
#[derive(Debug, Serialize)]
pub struct PdfData {
    /// Document metadata.
    pub meta: Meta,
    /// The plan view, Markdown values as trees.
    pub view: Value,
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
    /// Sum of the items whose year is unknown, formatted; absent when there are none.
    pub jahr_unbekannt_text: Option<String>,
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
    /// The same, formatted (`–` for nothing).
    pub werte_text: Vec<String>,
    /// Row total, formatted.
    pub summe_text: String,
    /// Sum of the row's items whose year is unknown, formatted (`–` for nothing); absent when the plan has no such item.
    pub unbekannt_text: Option<String>,
}

/// A part of the funding.
#[derive(Debug, Serialize)]
pub struct Share {
    /// Key of the part (`foerdermittel`, `eigenanteil`, `sonstige`): its colour in every document.
    pub key: &'static str,
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
    /// The same hours as German text (`1.200`), `texte[fach][bereich]`.
    pub texte: Vec<Vec<String>>,
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
    /// `vorher` as German text (`1.200`).
    pub vorher_text: String,
    /// `nachher` as German text.
    pub nachher_text: String,
}

/// Builds the template's data from a plan's view.
#[must_use]
pub fn build(view: &PlanView) -> PdfData {
    let mut value = serde_json::to_value(view).unwrap_or(Value::Null);
    convert_markdown(&mut value);
    PdfData { meta: meta(view), view: value, charts: charts(view) }
}

/// Serialises the data for `/data.json`.
#[must_use]
pub fn to_json(data: &PdfData) -> Vec<u8> {
    serde_json::to_vec(data).unwrap_or_default()
}

/// A stable identifier of a school's plan across revisions.
#[must_use]
pub fn ident(view: &PlanView) -> String {
    format!("mep/{}/{}/{}", view.dokument.land.key, view.schule.schulnummer, view.dokument.programm.key)
}

/// Replaces every `{"markdown": text}` by `{"md": tree}`, at any depth.
fn convert_markdown(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if map.len() == 1
                && let Some(Value::String(text)) = map.get("markdown")
            {
                let tree = markdown::to_tree(text);
                *value = json!({ "md": tree });
                return;
            }
            map.values_mut().for_each(convert_markdown);
        }
        Value::Array(items) => items.iter_mut().for_each(convert_markdown),
        _ => {}
    }
}

fn meta(view: &PlanView) -> Meta {
    let doc = &view.dokument;
    let kind = doc.vokabular.dokument;
    let school = &view.schule;
    Meta {
        title: format!("{kind} {}", school.name),
        author: school.name.clone(),
        subject: format!("{kind} nach {}, {}, Stand {}", doc.programm.text, doc.land.text, doc.stand.text),
        keywords: vec![
            kind.to_owned(),
            "DigitalPakt Schule".to_owned(),
            doc.land.text.to_owned(),
            school.schulform.text.to_owned(),
            format!("Schulnummer {}", school.schulnummer),
        ],
        stand: doc.stand.text.clone(),
        zeitraum: doc.planungszeitraum.text.clone(),
    }
}

fn charts(view: &PlanView) -> Charts {
    Charts { investition: investment(view), finanzierung: funding(view), kompetenzen: heatmap(view), geraete: devices(view) }
}

fn investment(view: &PlanView) -> Investment {
    let inv = &view.kennzahlen.investition;
    let kategorien = inv
        .je_kategorie
        .iter()
        .filter(|k| k.positionen > 0)
        .map(|k| InvestmentRow {
            key: k.kategorie.key,
            label: k.kategorie.text,
            werte: k.je_jahr.iter().map(|b| b.cent as f64 / 100.0).collect(),
            werte_text: k.je_jahr.iter().map(cell).collect(),
            summe_text: k.summe.text.clone(),
            unbekannt_text: k.jahr_unbekannt.as_ref().map(cell),
        })
        .collect();
    Investment {
        jahre: inv.jahre.clone(),
        kategorien,
        je_jahr: inv.je_jahr.iter().map(|j| j.summe.cent as f64 / 100.0).collect(),
        je_jahr_text: inv.je_jahr.iter().map(|j| j.summe.text.clone()).collect(),
        summe_text: inv.gesamt.text.clone(),
        jahr_unbekannt_text: inv.jahr_unbekannt.as_ref().map(|b| b.text.clone()),
    }
}

/// A cell of the investment table: `–` for nothing, else the amount as the view says it
/// (an open cell says `Kosten noch offen`, never `–`).
fn cell(b: &crate::view::Betrag) -> String {
    if b.cent == 0 && !b.offen { "–".to_owned() } else { b.text.clone() }
}

fn funding(view: &PlanView) -> Vec<Share> {
    let Some(f) = &view.kennzahlen.finanzierung else { return Vec::new() };
    [
        ("foerdermittel", "Fördermittel", &f.foerdermittel, &f.foerdermittel_anteil),
        ("eigenanteil", "Eigenanteil des Schulträgers", &f.eigenanteil, &f.eigenanteil_anteil),
        ("sonstige", "Sonstige Mittel", &f.sonstige, &f.sonstige_anteil),
    ]
    .into_iter()
    .filter(|(_, _, b, _)| b.cent > 0)
    .map(|(key, label, b, share)| Share {
        key,
        label,
        eur: b.cent as f64 / 100.0,
        text: b.text.clone(),
        anteil_text: share.as_ref().map(|a| a.text.clone()).unwrap_or_default(),
    })
    .collect()
}

fn heatmap(view: &PlanView) -> Heatmap {
    let Some(cur) = &view.kennzahlen.curriculum else {
        return Heatmap { bereiche: Vec::new(), faecher: Vec::new(), werte: Vec::new(), texte: Vec::new(), max: 0.0 };
    };
    let werte: Vec<Vec<f64>> = cur.faecher.iter().map(|f| f.zellen.iter().map(|z| z.stunden as f64).collect()).collect();
    let texte = cur.faecher.iter().map(|f| f.zellen.iter().map(|z| count(z.stunden)).collect()).collect();
    let max = werte.iter().flatten().copied().fold(0.0, f64::max);
    Heatmap {
        bereiche: cur.bereiche.iter().map(|b| Area { id: b.id.clone(), label: b.name.clone() }).collect(),
        faecher: cur.faecher.iter().map(|f| f.name.clone()).collect(),
        werte,
        texte,
        max,
    }
}

fn devices(view: &PlanView) -> Vec<DeviceMix> {
    view.kennzahlen
        .geraete
        .je_typ
        .iter()
        .filter(|g| !matches!(g.typ.key, "verkabelung" | "lizenz" | "sonstiges" | "elektroinstallation" | "baumassnahme"))
        .map(|g| DeviceMix {
            key: g.typ.key,
            label: g.typ.text,
            vorher: g.vorher.wert,
            nachher: g.nachher.wert,
            vorher_text: g.vorher.text.clone(),
            nachher_text: g.nachher.text.clone(),
        })
        .collect()
}

/// A count as German text, with the formatting of every other document of mep.
fn count(n: u64) -> String {
    de_int(i64::try_from(n).unwrap_or(i64::MAX))
}
