//! The figures of one plan as text: a thin layer over [`crate::figures::Figures`].
//!
//! Every number is computed once in `figures` (cents, counts, exact fractions);
//! this module only pairs each with its German text (through [`super::values`])
//! and adds labels. Definitions are in `figures` and in `docs/planview.md`.

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

/// Every computed figure of one plan.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct Kennzahlen {
    /// Investment totals.
    pub investition: Investition,
    /// Funding split (when `finanzierung` is given).
    pub finanzierung: Option<FinanzierungK>,
    /// Mobile end devices.
    pub mobile_endgeraete: Mobil,
    /// Pupil devices, existing and planned.
    pub geraete: Geraete,
    /// Network figures.
    pub netz: NetzK,
    /// Training hours.
    pub fortbildung: FortbildungK,
    /// Curriculum matrices (when `mediencurriculum` is given).
    pub curriculum: Option<CurriculumK>,
    /// Measures by school half-year.
    pub zeitplan: Zeitplan,
    /// Running costs per year.
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

/// Investment totals.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct Investition {
    /// Sum of all `bedarf` items (`Kosten noch offen` or `mindestens …` while items are unpriced).
    pub gesamt: Betrag,
    /// The investment as a phrase for running text: `Investitionen von 12.400,00 €`,
    /// `Investitionen, deren Kosten noch offen sind` or `Investitionen von mindestens …, dazu Kosten noch offen`.
    pub satz: String,
    /// Sum of the items whose year is `unbekannt` (they are in no row of `je_jahr`); absent when there are none.
    pub jahr_unbekannt: Option<Betrag>,
    /// Sum of items with `kostenart: investiv`.
    pub investiv: Betrag,
    /// Sum of items with `kostenart: laufend` (not fundable).
    pub laufend: Betrag,
    /// Number of items without price ("Kosten noch offen"); they are in no sum.
    pub offene_positionen: usize,
    /// Sum of the items no measure lists.
    pub ohne_massnahme: Betrag,
    /// Years that have items, ascending.
    pub jahre: Vec<i32>,
    /// One row per Fördergegenstand (all six, in the order of the Verwaltungsvereinbarung).
    pub je_kategorie: Vec<KategorieSumme>,
    /// One row per year in `jahre`.
    pub je_jahr: Vec<JahrSumme>,
    /// Schulträger budget and what remains of it after all items.
    pub budget: Option<Budget>,
    /// One row per funding source that has items (`bedarf[].finanzierung`, default DigitalPakt), in the
    /// order of the input format's list.
    pub je_finanzierung: Vec<QuelleSumme>,
    /// Whether some items are paid from other money than the DigitalPakt (then documents show the split).
    pub aufgeteilt: bool,
    /// Sum of the items the DigitalPakt pays for: the part `finanzierung` must cover and the funding rules check.
    pub digitalpakt: Betrag,
    /// Number of DigitalPakt items without price: while there are any, the coverage is not known.
    pub digitalpakt_offen: usize,
}

/// Investment paid from one source.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct QuelleSumme {
    /// The source (`bedarf[].finanzierung`).
    pub finanzierung: Label,
    /// Number of `bedarf` items.
    pub positionen: usize,
    /// Number of those without price.
    pub offen: usize,
    /// Sum of the items (`Kosten noch offen` or `mindestens …` while some have no price).
    pub summe: Betrag,
    /// Share of the total investment (absent while costs are open).
    pub anteil: Option<Anteil>,
}

/// Investment in one Fördergegenstand.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct KategorieSumme {
    /// The Fördergegenstand.
    pub kategorie: Label,
    /// Number of `bedarf` items.
    pub positionen: usize,
    /// Number of those without price.
    pub offen: usize,
    /// Sum of the priced items.
    pub summe: Betrag,
    /// Share of the total investment.
    pub anteil: Option<Anteil>,
    /// Sum per year, aligned with [`Investition::jahre`].
    pub je_jahr: Vec<Betrag>,
    /// Sum of the items whose year is `unbekannt`; absent when the plan has no such item.
    pub jahr_unbekannt: Option<Betrag>,
}

/// Investment in one year.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct JahrSumme {
    /// Calendar year.
    pub jahr: i32,
    /// Sum.
    pub summe: Betrag,
    /// Share of the total investment.
    pub anteil: Option<Anteil>,
}

/// The Schulträger's Fördermittel budget for the school against the requested funding (`finanzierung.beantragt_eur`).
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct Budget {
    /// Budget for this school (`schultraeger.budget_eur`).
    pub budget: Betrag,
    /// Requested funding, when `finanzierung` is given.
    pub beantragt: Option<Betrag>,
    /// Budget minus requested funding (negative when overdrawn; then `DP-BUDGET` reports it).
    pub rest: Option<Betrag>,
    /// How much the requested funding exceeds the budget (only when overdrawn).
    pub fehlbetrag: Option<Betrag>,
    /// Requested funding as a share of the budget.
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

/// Training hours.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct FortbildungK {
    /// Framework the competence ids refer to (the curriculum's, else KMK 2016).
    pub rahmen: Label,
    /// Participant hours in total (participants × hours).
    pub stunden_gesamt: Zahl,
    /// Participant hours per teacher of the school.
    pub stunden_je_lehrkraft: Option<Zahl>,
    /// Participant hours per competence area.
    pub je_kompetenzbereich: Vec<BereichStunden>,
}

/// Hours in one competence area.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct BereichStunden {
    /// The area.
    pub bereich: Bereich,
    /// Hours.
    pub stunden: Zahl,
    /// Number of trainings or units that touch the area.
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

/// Curriculum matrices: subject × area and grade × area.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct CurriculumK {
    /// The framework.
    pub rahmen: Label,
    /// Columns of both matrices.
    pub bereiche: Vec<Bereich>,
    /// One row per subject (in order of first appearance).
    pub faecher: Vec<MatrixZeile>,
    /// One row per grade or grade range as written (ascending).
    pub jahrgaenge: Vec<MatrixZeile>,
    /// Lesson hours in total (each unit once).
    pub stunden_gesamt: u64,
    /// Number of units.
    pub einheiten: usize,
    /// Units and hours per area (each unit once per area).
    pub je_bereich: Vec<BereichStunden>,
}

/// One row of a curriculum matrix.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct MatrixZeile {
    /// Row label: the subject, or the grade (`5`, `5–6`).
    pub name: String,
    /// One cell per area, aligned with [`CurriculumK::bereiche`].
    pub zellen: Vec<Zelle>,
    /// Lesson hours of the row's units (each unit once).
    pub stunden: u64,
}

/// One cell of a curriculum matrix.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Zelle {
    /// Units touching the area.
    pub einheiten: usize,
    /// Their lesson hours.
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

/// A school half-year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Halbjahr {
    /// Stable key, e.g. `2026/27-1`.
    pub schluessel: String,
    /// German name, e.g. `1. Halbjahr 2026/27`.
    pub text: String,
    /// Short German name for table headers, e.g. `1. Hj. 26/27`.
    pub kurz: String,
    /// First day.
    pub von: DatumV,
    /// Last day.
    pub bis: DatumV,
    /// Ids of the measures running in this half-year.
    pub massnahmen: Vec<String>,
}

/// Measures by school half-year.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct Zeitplan {
    /// Half-years from the start of the planning period (or the first measure) to its end (or the last measure).
    pub halbjahre: Vec<Halbjahr>,
    /// One row per measure: in which half-years it runs, aligned with `halbjahre`.
    pub massnahmen: Vec<ZeitplanZeile>,
    /// Whether the timeline was cut at [`MAX_HALBJAHRE`].
    pub gekuerzt: bool,
}

/// One measure in the timeline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct ZeitplanZeile {
    /// Measure id.
    pub id: String,
    /// Title.
    pub titel: String,
    /// Whether the measure runs in each half-year.
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
