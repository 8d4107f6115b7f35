//! The figures of one plan as text: a thin layer over [`crate::figures::Figures`].
//!
//! Every number is computed once in `figures` (cents, counts, exact fractions);
//! this module only pairs each with its German text (through [`super::values`])
//! and adds labels. Definitions are in `figures` and in `docs/vorlagendaten.md`.

use std::collections::{BTreeMap, BTreeSet};

use schemars::JsonSchema;
use serde::Serialize;

use super::values::{Anteil, Betrag, DatumV, Label, Zahl, label, schuljahr};
use super::vokabular::{Bereich, KOSTEN_OFFEN, bereich, bereich_id, bereiche};
use crate::figures::{Figures, Ratio};
use crate::model::{Datum, Jahrgang, Kostenart, Plan, Rahmen};

pub use super::finanzierung::FinanzierungK;
pub use super::folgekosten::{Folgekosten, FolgekostenJahr};
pub use super::geraete::{Geraete, GeraeteTyp, Mobil, NetzK};

/// Most half-years the timeline shows; longer plans are cut (and flagged) to keep output bounded.
pub const MAX_HALBJAHRE: usize = 24;
/// Most calendar years the Folgekosten table shows.
pub const MAX_JAHRE: usize = crate::figures::MAX_JAHRE;

/// Alle berechneten Kennzahlen eines Plans.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct Kennzahlen {
    /// Investitionssummen.
    pub investition: Investition,
    /// Aufteilung der Finanzierung (wenn der Plan `finanzierung` angibt).
    pub finanzierung: Option<FinanzierungK>,
    /// Mobile Endgeräte: Position der Kategorie `mobile_endgeraete` oder eines mobilen Gerätetyps (Tablet, Laptop, Notebook, Smartphone).
    pub mobile_endgeraete: Mobil,
    /// Schülergeräte (Tablets, Laptops, Notebooks, PCs), vorhanden und geplant.
    pub geraete: Geraete,
    /// Kennzahlen des Netzes.
    pub netz: NetzK,
    /// Fortbildungsstunden.
    pub fortbildung: FortbildungK,
    /// Matrizen des Mediencurriculums (wenn der Plan eines enthält).
    pub curriculum: Option<CurriculumK>,
    /// Maßnahmen je Schulhalbjahr (1. August – 31. Januar, 1. Februar – 31. Juli).
    pub zeitplan: Zeitplan,
    /// Folgekosten je Jahr.
    pub folgekosten: Folgekosten,
}

impl Kennzahlen {
    /// Computes every figure of `plan` and gives it text.
    #[must_use]
    pub fn of(plan: &Plan) -> Self {
        Self::from_figures(plan, &Figures::of(plan))
    }

    /// Gives the computed figures of `plan` their text.
    #[must_use]
    pub fn from_figures(plan: &Plan, f: &Figures) -> Self {
        Self {
            investition: Investition::of(plan, f),
            finanzierung: f.funding.as_ref().map(|fin| {
                let approx = plan.needs.iter().zip(&f.investment.approx).any(|(b, &a)| a && b.digitalpakt());
                FinanzierungK::of(fin, f.investment.digitalpakt_open > 0, approx)
            }),
            mobile_endgeraete: Mobil::of(plan, f),
            geraete: Geraete::of(f),
            netz: NetzK::of(f),
            fortbildung: FortbildungK::of(plan, f),
            curriculum: plan.curriculum.as_ref().map(|c| CurriculumK::of(c.framework, &c.units)),
            zeitplan: Zeitplan::of(plan),
            folgekosten: Folgekosten::of(f),
        }
    }
}

/// Investitionssummen.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct Investition {
    /// Summe aller Bedarfspositionen, Σ Anzahl × Einzelpreis (`Kosten noch offen` oder `mindestens …`, solange Positionen ohne Preis sind).
    pub gesamt: Betrag,
    /// Die Investition als Satzteil für Fließtext: `Investitionen von 12.400,00 €`,
    /// `Investitionen, deren Kosten noch offen sind` oder `Investitionen von mindestens …, dazu Kosten noch offen`.
    pub satz: String,
    /// Summe der Positionen, deren Jahr `unbekannt` ist (sie stehen in keiner Zeile von `je_jahr`); `none`, wenn es keine gibt.
    pub jahr_unbekannt: Option<Betrag>,
    /// Summe der Positionen mit `kostenart: investiv`.
    pub investiv: Betrag,
    /// Summe der Positionen mit `kostenart: laufend` (nicht förderfähig).
    pub laufend: Betrag,
    /// Zahl der Positionen ohne Preis („Kosten noch offen“); sie stehen in keiner Summe.
    pub offene_positionen: usize,
    /// Summe der Positionen, die keine Maßnahme nennt; Σ `massnahmen[].investition` + `ohne_massnahme` = `gesamt`.
    pub ohne_massnahme: Betrag,
    /// Jahre mit Positionen, aufsteigend.
    pub jahre: Vec<i32>,
    /// Eine Zeile je Fördergegenstand (alle sechs, in der Reihenfolge der Verwaltungsvereinbarung).
    pub je_kategorie: Vec<KategorieSumme>,
    /// Eine Zeile je Jahr aus `jahre`.
    pub je_jahr: Vec<JahrSumme>,
    /// Fördermittel-Budget des Schulträgers gegen die beantragten Fördermittel (nie gegen die Investition).
    pub budget: Option<Budget>,
    /// Eine Zeile je Finanzierungsquelle mit Positionen (`bedarf[].finanzierung`, sonst DigitalPakt), in der
    /// Reihenfolge der Liste des Eingabeformats.
    pub je_finanzierung: Vec<QuelleSumme>,
    /// Ob Positionen aus anderen Mitteln als dem DigitalPakt bezahlt werden (dann zeigen die Dokumente die Aufteilung).
    pub aufgeteilt: bool,
    /// Summe der Positionen, die der DigitalPakt bezahlt: der Teil, den `finanzierung` decken muss und den die Förderregeln prüfen.
    pub digitalpakt: Betrag,
    /// Zahl der DigitalPakt-Positionen ohne Preis: solange es sie gibt, ist die Deckung nicht bekannt.
    pub digitalpakt_offen: usize,
}

/// Investition aus einer Finanzierungsquelle.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct QuelleSumme {
    /// Die Quelle (`bedarf[].finanzierung`).
    pub finanzierung: Label,
    /// Zahl der Bedarfspositionen.
    pub positionen: usize,
    /// Zahl der Positionen davon ohne Preis.
    pub offen: usize,
    /// Summe der Positionen (`Kosten noch offen` oder `mindestens …`, solange Positionen ohne Preis sind).
    pub summe: Betrag,
    /// Anteil an der gesamten Investition (fehlt, solange Kosten offen sind).
    pub anteil: Option<Anteil>,
}

/// Investition in einen Fördergegenstand.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct KategorieSumme {
    /// Der Fördergegenstand.
    pub kategorie: Label,
    /// Zahl der Bedarfspositionen.
    pub positionen: usize,
    /// Zahl davon ohne Preis.
    pub offen: usize,
    /// Summe der Positionen mit Preis.
    pub summe: Betrag,
    /// Anteil an der gesamten Investition.
    pub anteil: Option<Anteil>,
    /// Summe je Jahr, in der Reihenfolge von `investition.jahre`.
    pub je_jahr: Vec<Betrag>,
    /// Summe der Positionen, deren Jahr `unbekannt` ist; fehlt, wenn der Plan keine solche Position hat.
    pub jahr_unbekannt: Option<Betrag>,
}

/// Investition in einem Jahr.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct JahrSumme {
    /// Kalenderjahr.
    pub jahr: i32,
    /// Summe.
    pub summe: Betrag,
    /// Anteil an der gesamten Investition.
    pub anteil: Option<Anteil>,
}

/// Das Fördermittel-Budget des Schulträgers für die Schule gegen die beantragten Fördermittel (`finanzierung.beantragt_eur`).
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct Budget {
    /// Budget für diese Schule (`schultraeger.budget_eur`).
    pub budget: Betrag,
    /// Beantragte Fördermittel, wenn der Plan `finanzierung` angibt.
    pub beantragt: Option<Betrag>,
    /// Budget minus beantragte Fördermittel (negativ, wenn überzogen; dann meldet `DP-BUDGET` einen Fehler).
    pub rest: Option<Betrag>,
    /// Um wie viel die beantragten Fördermittel das Budget übersteigen (nur wenn überzogen).
    pub fehlbetrag: Option<Betrag>,
    /// Ausschöpfung: beantragte Fördermittel als Anteil am Budget.
    pub ausschoepfung: Option<Anteil>,
}

/// The sum of the items `which` (indices into `bedarf`), open while one of them has no price or count,
/// approximate (`ca.`) while one of them has an approximate count.
#[must_use]
pub fn summe(inv: &crate::figures::Investment, which: impl Iterator<Item = usize>) -> Betrag {
    let (mut cent, mut priced, mut open, mut approx) = (0_i64, 0, 0, false);
    for i in which {
        match inv.items.get(i) {
            Some(Some(c)) => {
                cent = cent.saturating_add(*c);
                priced += 1;
                approx |= inv.approx.get(i).copied().unwrap_or(false);
            }
            Some(None) => open += 1,
            None => {}
        }
    }
    Betrag::summe(cent, priced, open).ungefaehr(approx)
}

impl Investition {
    fn of(plan: &Plan, f: &Figures) -> Self {
        let inv = &f.investment;
        let idx = |pred: &dyn Fn(&crate::model::Bedarf) -> bool| -> Betrag {
            summe(inv, plan.needs.iter().enumerate().filter(|(_, b)| pred(b)).map(|(i, _)| i))
        };
        // A share of a sum with open costs would be a share of a lower bound: it is left out.
        let open = !inv.unpriced.is_empty();
        let share = |s: i64| if open { None } else { Anteil::opt(inv.share(s)) };
        let je_kategorie = inv
            .by_category
            .iter()
            .map(|c| KategorieSumme {
                kategorie: label!(c.category),
                positionen: c.items,
                offen: c.unpriced,
                summe: idx(&|b| b.category == c.category),
                anteil: share(c.total),
                je_jahr: inv.years.iter().map(|&y| idx(&|b| b.category == c.category && b.year.bekannt() == Some(y))).collect(),
                jahr_unbekannt: (!inv.unknown_year.is_empty()).then(|| idx(&|b| b.category == c.category && b.year.ist_unbekannt())),
            })
            .collect();
        let je_jahr = inv
            .years
            .iter()
            .zip(&inv.by_year)
            .map(|(&jahr, &s)| JahrSumme { jahr, summe: idx(&|b| b.year.bekannt() == Some(jahr)), anteil: share(s) })
            .collect();
        let gesamt = idx(&|_| true);
        let satz = match (gesamt.offen, inv.unpriced.len() == plan.needs.len()) {
            (true, true) => format!("Investitionen, deren {KOSTEN_OFFEN} sind"),
            _ => format!("Investitionen von {}", gesamt.text),
        };
        let budget = f.budget.as_ref().map(|b| Budget {
            budget: Betrag::from_cents(b.budget),
            beantragt: b.requested.map(Betrag::from_cents),
            rest: b.remaining.map(Betrag::from_cents),
            fehlbetrag: b.remaining.filter(|r| *r < 0).map(|r| Betrag::from_cents(r.saturating_neg())),
            ausschoepfung: Anteil::opt(b.used),
        });
        let je_finanzierung = inv
            .by_source
            .iter()
            .map(|q| QuelleSumme {
                finanzierung: label!(q.source),
                positionen: q.items.len(),
                offen: q.unpriced,
                summe: summe(inv, q.items.iter().copied()),
                anteil: share(q.total),
            })
            .collect();
        Self {
            aufgeteilt: inv.by_source.iter().any(|q| q.source != crate::model::Herkunft::Digitalpakt),
            digitalpakt: idx(&crate::model::Bedarf::digitalpakt),
            digitalpakt_offen: inv.digitalpakt_open,
            je_finanzierung,
            satz,
            jahr_unbekannt: (!inv.unknown_year.is_empty()).then(|| summe(inv, inv.unknown_year.iter().copied())),
            gesamt,
            investiv: idx(&|b| b.cost_kind == Kostenart::Investiv),
            laufend: idx(&|b| b.cost_kind == Kostenart::Laufend),
            offene_positionen: inv.unpriced.len(),
            ohne_massnahme: summe(inv, f.measures.unassigned_items.iter().copied()),
            jahre: inv.years.clone(),
            je_kategorie,
            je_jahr,
            budget,
        }
    }
}

/// Fortbildungsstunden.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct FortbildungK {
    /// Kompetenzrahmen der Kompetenzkennungen (der des Mediencurriculums, sonst KMK 2016).
    pub rahmen: Label,
    /// Teilnehmendenstunden insgesamt (Σ Teilnehmende × Stunden).
    pub stunden_gesamt: Zahl,
    /// Teilnehmendenstunden je Lehrkraft der Schule.
    pub stunden_je_lehrkraft: Option<Zahl>,
    /// Teilnehmendenstunden je Kompetenzbereich (eine Fortbildung zählt in jedem Bereich, den ihre Kompetenzen berühren).
    pub je_kompetenzbereich: Vec<BereichStunden>,
}

/// Stunden in einem Kompetenzbereich.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct BereichStunden {
    /// Der Bereich.
    pub bereich: Bereich,
    /// Stunden.
    pub stunden: Zahl,
    /// Zahl der Fortbildungen oder Einheiten, die den Bereich berühren.
    pub anzahl: usize,
}

/// Ordered keys of areas: numeric ids first, then others by text.
fn area_key(id: &str) -> (u64, String) {
    (id.parse::<u64>().unwrap_or(u64::MAX), id.to_owned())
}

/// Known areas of `rahmen` plus any other ids that occur, ordered.
fn areas_with(rahmen: Rahmen, found: &BTreeSet<String>) -> Vec<Bereich> {
    let mut ids: BTreeSet<(u64, String)> = (1..=bereiche(rahmen).len()).map(|n| area_key(&n.to_string())).collect();
    for id in found {
        ids.insert(area_key(id));
    }
    ids.into_iter().map(|(_, id)| bereich(rahmen, &id)).collect()
}

impl FortbildungK {
    fn of(plan: &Plan, f: &Figures) -> Self {
        let rahmen = plan.curriculum.as_ref().map_or(Rahmen::Kmk2016, |c| c.framework);
        let t = &f.training;
        let found: BTreeSet<String> = t.per_area.keys().cloned().collect();
        let je_kompetenzbereich = areas_with(rahmen, &found)
            .into_iter()
            .map(|b| {
                let (h, n) = t.per_area.get(&b.id).copied().unwrap_or_default();
                BereichStunden { bereich: b, stunden: Zahl::hundredths(h, 1), anzahl: n }
            })
            .collect();
        Self {
            rahmen: label!(rahmen),
            stunden_gesamt: Zahl::hundredths(t.total, 1),
            stunden_je_lehrkraft: t.per_teacher().map(|r| Zahl::of_ratio(Ratio { num: r.num, den: r.den.saturating_mul(100) }, 1)),
            je_kompetenzbereich,
        }
    }
}

/// Matrizen des Mediencurriculums: Fach × Bereich und Jahrgang × Bereich.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct CurriculumK {
    /// Der Kompetenzrahmen.
    pub rahmen: Label,
    /// Spalten beider Matrizen: die Bereiche des Rahmens und jeder weitere verwendete Bereich.
    pub bereiche: Vec<Bereich>,
    /// Eine Zeile je Fach (in der Reihenfolge des ersten Vorkommens).
    pub faecher: Vec<MatrixZeile>,
    /// Eine Zeile je Jahrgang oder Jahrgangsbereich wie geschrieben (aufsteigend).
    pub jahrgaenge: Vec<MatrixZeile>,
    /// Unterrichtsstunden insgesamt (jede Einheit einmal).
    pub stunden_gesamt: u64,
    /// Zahl der Einheiten.
    pub einheiten: usize,
    /// Einheiten und Stunden je Bereich (jede Einheit einmal je Bereich).
    pub je_bereich: Vec<BereichStunden>,
}

/// Eine Zeile einer Curriculum-Matrix.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct MatrixZeile {
    /// Beschriftung der Zeile: das Fach oder der Jahrgang (`5`, `5–6`).
    pub name: String,
    /// Eine Zelle je Bereich, in der Reihenfolge von `bereiche`.
    pub zellen: Vec<Zelle>,
    /// Unterrichtsstunden der Einheiten der Zeile (jede Einheit einmal).
    pub stunden: u64,
}

/// Eine Zelle einer Curriculum-Matrix.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Zelle {
    /// Einheiten, die den Bereich berühren.
    pub einheiten: usize,
    /// Deren Unterrichtsstunden.
    pub stunden: u64,
}

impl CurriculumK {
    /// Computes the matrices of a list of units.
    #[must_use]
    pub fn of(rahmen: Rahmen, units: &[crate::model::Einheit]) -> Self {
        let unit_areas: Vec<BTreeSet<String>> =
            units.iter().map(|u| u.competences.iter().map(|c| bereich_id(c).to_owned()).filter(|a| !a.is_empty()).collect()).collect();
        let found: BTreeSet<String> = unit_areas.iter().flatten().cloned().collect();
        let bereiche = areas_with(rahmen, &found);
        let build = |rows: Vec<(String, Vec<usize>)>| -> Vec<MatrixZeile> {
            rows.into_iter()
                .map(|(name, idx)| {
                    let zellen = bereiche
                        .iter()
                        .map(|b| {
                            let mut z = Zelle::default();
                            for &i in idx.iter().filter(|&&i| unit_areas[i].contains(&b.id)) {
                                z.einheiten += 1;
                                z.stunden += u64::from(units[i].hours.unwrap_or(0));
                            }
                            z
                        })
                        .collect();
                    let stunden = idx.iter().map(|&i| u64::from(units[i].hours.unwrap_or(0))).sum();
                    MatrixZeile { name, zellen, stunden }
                })
                .collect()
        };
        let mut subjects: Vec<(String, Vec<usize>)> = Vec::new();
        for (i, u) in units.iter().enumerate() {
            let name = u.subject.trim();
            match subjects.iter_mut().find(|(n, _)| n == name) {
                Some((_, v)) => v.push(i),
                None => subjects.push((name.to_owned(), vec![i])),
            }
        }
        let mut grades: BTreeMap<Jahrgang, Vec<usize>> = BTreeMap::new();
        for (i, u) in units.iter().enumerate() {
            grades.entry(u.grade).or_default().push(i);
        }
        let je_bereich = bereiche
            .iter()
            .map(|b| {
                let idx: Vec<usize> = (0..units.len()).filter(|&i| unit_areas[i].contains(&b.id)).collect();
                let h: u64 = idx.iter().map(|&i| u64::from(units[i].hours.unwrap_or(0))).sum();
                BereichStunden { bereich: b.clone(), stunden: Zahl::scaled(i64::try_from(h).unwrap_or(i64::MAX), 0), anzahl: idx.len() }
            })
            .collect();
        Self {
            rahmen: label!(rahmen),
            faecher: build(subjects),
            jahrgaenge: build(grades.into_iter().map(|(g, v)| (g.to_string(), v)).collect()),
            stunden_gesamt: units.iter().map(|u| u64::from(u.hours.unwrap_or(0))).sum(),
            einheiten: units.len(),
            je_bereich,
            bereiche,
        }
    }
}

/// Ein Schulhalbjahr.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Halbjahr {
    /// Fester Schlüssel, z. B. `2026/27-1`.
    pub schluessel: String,
    /// Name, z. B. `1. Halbjahr 2026/27`.
    pub text: String,
    /// Kurzname für Tabellenköpfe, z. B. `1. Hj. 26/27`.
    pub kurz: String,
    /// Erster Tag.
    pub von: DatumV,
    /// Letzter Tag.
    pub bis: DatumV,
    /// Kennungen der Maßnahmen, die in diesem Halbjahr laufen.
    pub massnahmen: Vec<String>,
}

/// Maßnahmen je Schulhalbjahr (1. August – 31. Januar, 1. Februar – 31. Juli).
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct Zeitplan {
    /// Halbjahre vom Beginn des Planungszeitraums (oder der ersten Maßnahme) bis zu seinem Ende (oder der letzten Maßnahme); höchstens 24.
    pub halbjahre: Vec<Halbjahr>,
    /// Eine Zeile je Maßnahme: in welchen Halbjahren sie läuft, in der Reihenfolge von `halbjahre`.
    pub massnahmen: Vec<ZeitplanZeile>,
    /// Ob der Zeitplan nach 24 Halbjahren gekürzt wurde.
    pub gekuerzt: bool,
}

/// Eine Maßnahme im Zeitplan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct ZeitplanZeile {
    /// Kennung der Maßnahme.
    pub id: String,
    /// Titel.
    pub titel: String,
    /// Ob die Maßnahme im jeweiligen Halbjahr läuft.
    pub aktiv: Vec<bool>,
}

/// Index of the half-year a date falls in: school year × 2 + (0 for Aug–Jan, 1 for Feb–Jul).
fn half_index(d: Datum) -> i64 {
    i64::from(d.schuljahr()) * 2 + i64::from(u8::from((2..=7).contains(&d.monat)))
}

fn half_bounds(index: i64) -> (Datum, Datum) {
    let year = i32::try_from(index.div_euclid(2)).unwrap_or(i32::MAX - 1);
    if index.rem_euclid(2) == 0 {
        (Datum { jahr: year, monat: 8, tag: 1 }, Datum { jahr: year + 1, monat: 1, tag: 31 })
    } else {
        (Datum { jahr: year + 1, monat: 2, tag: 1 }, Datum { jahr: year + 1, monat: 7, tag: 31 })
    }
}

impl Zeitplan {
    fn of(plan: &Plan) -> Self {
        let period = plan.period.bekannt();
        let first = plan.measures.iter().map(|m| half_index(m.start)).chain(period.map(|p| half_index(p.von))).min();
        let last = plan.measures.iter().map(|m| half_index(m.end)).chain(period.map(|p| half_index(p.bis))).max();
        // Without measures and without a known planning period there is no half-year to show.
        let (first, last) = (first.unwrap_or(0), last.unwrap_or(-1));
        let count = usize::try_from(last.saturating_sub(first).saturating_add(1)).unwrap_or(0);
        let gekuerzt = count > MAX_HALBJAHRE;
        let indices: Vec<i64> = (first..).take(count.min(MAX_HALBJAHRE)).collect();
        let runs = |m: &crate::model::Massnahme, i: i64| half_index(m.start) <= i && i <= half_index(m.end);
        let halbjahre = indices
            .iter()
            .map(|&i| {
                let (von, bis) = half_bounds(i);
                let sj = von.schuljahr();
                let n = i.rem_euclid(2) + 1;
                Halbjahr {
                    schluessel: format!("{sj}/{:02}-{n}", (sj + 1).rem_euclid(100)),
                    text: format!("{n}. Halbjahr {}", schuljahr(sj).trim_start_matches("Schuljahr ")),
                    kurz: format!("{n}. Hj. {:02}/{:02}", sj.rem_euclid(100), (sj + 1).rem_euclid(100)),
                    von: von.into(),
                    bis: bis.into(),
                    massnahmen: plan.measures.iter().filter(|m| runs(m, i)).map(|m| m.id.clone()).collect(),
                }
            })
            .collect();
        let massnahmen = plan
            .measures
            .iter()
            .map(|m| ZeitplanZeile { id: m.id.clone(), titel: m.title.clone(), aktiv: indices.iter().map(|&i| runs(m, i)).collect() })
            .collect();
        Self { halbjahre, massnahmen, gekuerzt }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_years_split_at_february_and_august() {
        let d = |s| Datum::parse(s).unwrap();
        assert_eq!(half_index(d("2026-08-01")), 2026 * 2);
        assert_eq!(half_index(d("2027-01-31")), 2026 * 2);
        assert_eq!(half_index(d("2027-02-01")), 2026 * 2 + 1);
        assert_eq!(half_index(d("2027-07-31")), 2026 * 2 + 1);
        assert_eq!(half_bounds(2026 * 2 + 1).0, d("2027-02-01"));
    }
}
