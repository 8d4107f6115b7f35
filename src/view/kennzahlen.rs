//! Computed figures of one plan, usable on their own (e.g. by a Schulträger roll-up).
//!
//! Definitions (also in `docs/planview.md`):
//! - investment = Σ `anzahl × einzelpreis_eur` over `bedarf`; `investiv` and `laufend` split it by `kostenart`;
//! - mobile devices = items of category `mobile_endgeraete` (sum) and items whose `geraetetyp` is a mobile device (count);
//! - pupil devices = tablets, laptops, notebooks and PCs; existing ones exclude teachers' loan devices,
//!   planned ones count `bedarf` items used for `unterricht`;
//! - training hours = participants × hours per participant; an area is counted once per training;
//! - curriculum hours go in full to every competence area a unit touches (once per area);
//! - half-years run 1 August – 31 January and 1 February – 31 July;
//! - Folgekosten per calendar year of the planning period = `betrieb.folgekosten_eur_pro_jahr`
//!   plus `bedarf` items of `kostenart: laufend` in that year.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::values::{Anteil, Betrag, DatumV, Label, Zahl, label, schuljahr};
use super::vokabular::{Bereich, bereich, bereich_id, bereiche};
use crate::model::{Angabe, Datum, Geraetetyp, Herkunft, Jahrgang, Kategorie, Kostenart, Nutzung, Plan, Rahmen};

/// Most half-years the timeline shows; longer plans are cut (and flagged) to keep output bounded.
pub const MAX_HALBJAHRE: usize = 24;
/// Most calendar years the Folgekosten table shows.
pub const MAX_JAHRE: usize = 12;

/// Every computed figure of one plan.
#[derive(Clone, Debug, PartialEq, Serialize)]
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
    /// Computes every figure of `plan`.
    #[must_use]
    pub fn of(plan: &Plan) -> Self {
        let investition = Investition::of(plan);
        Self {
            finanzierung: plan.funding.as_ref().map(|f| FinanzierungK::of(f, &investition)),
            mobile_endgeraete: Mobil::of(plan, &investition),
            geraete: Geraete::of(plan),
            netz: NetzK::of(plan),
            fortbildung: FortbildungK::of(plan),
            curriculum: plan.curriculum.as_ref().map(|c| CurriculumK::of(c.framework, &c.units)),
            zeitplan: Zeitplan::of(plan),
            folgekosten: Folgekosten::of(plan),
            investition,
        }
    }
}

/// Investment totals.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Investition {
    /// Sum of all `bedarf` items.
    pub gesamt: Betrag,
    /// Sum of items with `kostenart: investiv`.
    pub investiv: Betrag,
    /// Sum of items with `kostenart: laufend` (not fundable).
    pub laufend: Betrag,
    /// Years that have items, ascending.
    pub jahre: Vec<i32>,
    /// One row per Fördergegenstand (all six, in the order of the Verwaltungsvereinbarung).
    pub je_kategorie: Vec<KategorieSumme>,
    /// One row per year in `jahre`.
    pub je_jahr: Vec<JahrSumme>,
    /// Schulträger budget and what remains of it after all items.
    pub budget: Option<Budget>,
}

/// Investment in one Fördergegenstand.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct KategorieSumme {
    /// The Fördergegenstand.
    pub kategorie: Label,
    /// Number of `bedarf` items.
    pub positionen: usize,
    /// Sum.
    pub summe: Betrag,
    /// Share of the total investment.
    pub anteil: Option<Anteil>,
    /// Sum per year, aligned with [`Investition::jahre`].
    pub je_jahr: Vec<Betrag>,
}

/// Investment in one year.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct JahrSumme {
    /// Calendar year.
    pub jahr: i32,
    /// Sum.
    pub summe: Betrag,
    /// Share of the total investment.
    pub anteil: Option<Anteil>,
}

/// The Schulträger's budget against the investment.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Budget {
    /// Budget for this school.
    pub budget: Betrag,
    /// Budget minus total investment (negative when exceeded).
    pub rest: Betrag,
    /// Total investment as a share of the budget.
    pub ausschoepfung: Option<Anteil>,
}

impl Investition {
    fn of(plan: &Plan) -> Self {
        let total = |pred: &dyn Fn(&crate::model::Bedarf) -> bool| -> i64 {
            plan.needs.iter().filter(|b| pred(b)).map(|b| b.total().cents()).fold(0i64, i64::saturating_add)
        };
        let gesamt = total(&|_| true);
        let jahre: Vec<i32> = plan.needs.iter().map(|b| b.year).collect::<BTreeSet<_>>().into_iter().collect();
        let je_kategorie = Kategorie::ALL
            .iter()
            .map(|&k| {
                let summe = total(&|b| b.category == k);
                KategorieSumme {
                    kategorie: label!(k),
                    positionen: plan.needs.iter().filter(|b| b.category == k).count(),
                    summe: Betrag::from_cents(summe),
                    anteil: Anteil::of(summe as f64, gesamt as f64),
                    je_jahr: jahre.iter().map(|&j| Betrag::from_cents(total(&|b| b.category == k && b.year == j))).collect(),
                }
            })
            .collect();
        let je_jahr = jahre
            .iter()
            .map(|&j| {
                let summe = total(&|b| b.year == j);
                JahrSumme { jahr: j, summe: Betrag::from_cents(summe), anteil: Anteil::of(summe as f64, gesamt as f64) }
            })
            .collect();
        let budget = plan.provider.as_ref().and_then(|p| p.budget).map(|b| Budget {
            budget: b.into(),
            rest: Betrag::from_cents(b.cents().saturating_sub(gesamt)),
            ausschoepfung: Anteil::of(gesamt as f64, b.cents() as f64),
        });
        Self {
            gesamt: Betrag::from_cents(gesamt),
            investiv: Betrag::from_cents(total(&|b| b.cost_kind == Kostenart::Investiv)),
            laufend: Betrag::from_cents(total(&|b| b.cost_kind == Kostenart::Laufend)),
            jahre,
            je_kategorie,
            je_jahr,
            budget,
        }
    }
}

/// The funding split from `finanzierung`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FinanzierungK {
    /// Requested grant.
    pub foerdermittel: Betrag,
    /// The Schulträger's own share.
    pub eigenanteil: Betrag,
    /// Other money.
    pub sonstige: Betrag,
    /// Sum of the three.
    pub gesamt: Betrag,
    /// Grant as a share of `gesamt`.
    pub foerdermittel_anteil: Option<Anteil>,
    /// Own share as a share of `gesamt`.
    pub eigenanteil_anteil: Option<Anteil>,
    /// Other money as a share of `gesamt`.
    pub sonstige_anteil: Option<Anteil>,
    /// `gesamt` minus the total investment (0 when the funding covers the plan exactly).
    pub differenz: Betrag,
}

impl FinanzierungK {
    fn of(f: &crate::model::Finanzierung, inv: &Investition) -> Self {
        let gesamt = f.requested.cents().saturating_add(f.own_share.cents()).saturating_add(f.other.cents());
        let share = |c: i64| Anteil::of(c as f64, gesamt as f64);
        Self {
            foerdermittel: f.requested.into(),
            eigenanteil: f.own_share.into(),
            sonstige: f.other.into(),
            gesamt: Betrag::from_cents(gesamt),
            foerdermittel_anteil: share(f.requested.cents()),
            eigenanteil_anteil: share(f.own_share.cents()),
            sonstige_anteil: share(f.other.cents()),
            differenz: Betrag::from_cents(gesamt.saturating_sub(inv.gesamt.cent)),
        }
    }
}

/// Mobile end devices in the plan.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Mobil {
    /// Sum of items of the category `mobile_endgeraete`.
    pub summe: Betrag,
    /// That sum as a share of the total investment.
    pub anteil: Option<Anteil>,
    /// Number of planned mobile devices (tablets, laptops, notebooks, smartphones).
    pub anzahl: u64,
}

impl Mobil {
    fn of(plan: &Plan, inv: &Investition) -> Self {
        let summe = plan
            .needs
            .iter()
            .filter(|b| b.category == Kategorie::MobileEndgeraete)
            .map(|b| b.total().cents())
            .fold(0i64, i64::saturating_add);
        Self {
            summe: Betrag::from_cents(summe),
            anteil: Anteil::of(summe as f64, inv.gesamt.cent as f64),
            anzahl: plan.needs.iter().filter(|b| b.device.mobil()).map(|b| u64::from(b.count)).sum(),
        }
    }
}

/// Pupil devices.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Geraete {
    /// Existing pupil devices (tablets, laptops, notebooks, PCs; without teachers' loan devices).
    pub vorhanden: u64,
    /// Planned additional pupil devices (`bedarf` used for `unterricht`).
    pub geplant: u64,
    /// Existing plus planned.
    pub gesamt: u64,
    /// Existing devices per pupil.
    pub je_schueler_vorhanden: Option<Zahl>,
    /// Devices per pupil after the plan.
    pub je_schueler_geplant: Option<Zahl>,
    /// Pupils per existing device.
    pub schueler_je_geraet_vorhanden: Option<Zahl>,
    /// Pupils per device after the plan.
    pub schueler_je_geraet_geplant: Option<Zahl>,
}

fn schuelergeraet(t: Geraetetyp) -> bool {
    matches!(t, Geraetetyp::Tablet | Geraetetyp::Laptop | Geraetetyp::Notebook | Geraetetyp::Pc)
}

impl Geraete {
    fn of(plan: &Plan) -> Self {
        let vorhanden: u64 = plan
            .inventory
            .iter()
            .flat_map(|b| &b.devices)
            .filter(|g| schuelergeraet(g.kind) && g.source != Some(Herkunft::LeihgeraeteLehrkraefte))
            .map(|g| u64::from(g.count))
            .sum();
        let geplant: u64 =
            plan.needs.iter().filter(|b| schuelergeraet(b.device) && b.usage == Nutzung::Unterricht).map(|b| u64::from(b.count)).sum();
        let gesamt = vorhanden + geplant;
        let pupils = f64::from(plan.school.pupils.bekannt().unwrap_or(0));
        Self {
            vorhanden,
            geplant,
            gesamt,
            je_schueler_vorhanden: Zahl::ratio(vorhanden as f64, pupils, 2),
            je_schueler_geplant: Zahl::ratio(gesamt as f64, pupils, 2),
            schueler_je_geraet_vorhanden: Zahl::ratio(pupils, vorhanden as f64, 1),
            schueler_je_geraet_geplant: Zahl::ratio(pupils, gesamt as f64, 1),
        }
    }
}

/// Network figures.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NetzK {
    /// Rooms with WLAN.
    pub wlan_raeume: Option<u32>,
    /// Classrooms (Unterrichtsräume).
    pub unterrichtsraeume: Option<u32>,
    /// Rooms with WLAN / classrooms.
    pub wlan_abdeckung: Option<Anteil>,
    /// Internet bandwidth in Mbit/s.
    pub internet_mbit: Option<u32>,
    /// Bandwidth per class in Mbit/s.
    pub bandbreite_je_klasse: Option<Zahl>,
}

impl NetzK {
    fn of(plan: &Plan) -> Self {
        let netz = plan.inventory.as_ref().and_then(|b| b.network.as_ref());
        let wlan_raeume = netz.and_then(|n| n.wlan_rooms).and_then(Angabe::bekannt);
        let internet_mbit = netz.and_then(|n| n.internet_mbit).and_then(Angabe::bekannt);
        let unterrichtsraeume = plan.school.classrooms.and_then(Angabe::bekannt);
        Self {
            wlan_raeume,
            unterrichtsraeume,
            wlan_abdeckung: wlan_raeume.zip(unterrichtsraeume).and_then(|(w, r)| Anteil::of(f64::from(w), f64::from(r))),
            internet_mbit,
            bandbreite_je_klasse: internet_mbit
                .zip(plan.school.classes.and_then(Angabe::bekannt))
                .and_then(|(m, k)| Zahl::ratio(f64::from(m), f64::from(k), 1)),
        }
    }
}

/// Training hours.
#[derive(Clone, Debug, PartialEq, Serialize)]
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
#[derive(Clone, Debug, PartialEq, Serialize)]
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
    fn of(plan: &Plan) -> Self {
        let rahmen = plan.curriculum.as_ref().map_or(Rahmen::Kmk2016, |c| c.framework);
        let hours = |t: &crate::model::Fortbildung| f64::from(t.participants) * if t.hours.is_finite() { t.hours } else { 0.0 };
        let total: f64 = plan.training.iter().map(hours).sum();
        let mut per: BTreeMap<String, (f64, usize)> = BTreeMap::new();
        for t in &plan.training {
            let areas: BTreeSet<String> = t.competences.iter().map(|c| bereich_id(c).to_owned()).filter(|a| !a.is_empty()).collect();
            for a in areas {
                let e = per.entry(a).or_default();
                e.0 += hours(t);
                e.1 += 1;
            }
        }
        let found: BTreeSet<String> = per.keys().cloned().collect();
        let je_kompetenzbereich = areas_with(rahmen, &found)
            .into_iter()
            .map(|b| {
                let (h, n) = per.get(&b.id).copied().unwrap_or_default();
                BereichStunden { bereich: b, stunden: Zahl::new(h, 1), anzahl: n }
            })
            .collect();
        Self {
            rahmen: label!(rahmen),
            stunden_gesamt: Zahl::new(total, 1),
            stunden_je_lehrkraft: Zahl::ratio(total, f64::from(plan.school.teachers.bekannt().unwrap_or(0)), 1),
            je_kompetenzbereich,
        }
    }
}

/// Curriculum matrices: subject × area and grade × area.
#[derive(Clone, Debug, PartialEq, Serialize)]
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
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MatrixZeile {
    /// Row label: the subject, or the grade (`5`, `5–6`).
    pub name: String,
    /// One cell per area, aligned with [`CurriculumK::bereiche`].
    pub zellen: Vec<Zelle>,
    /// Lesson hours of the row's units (each unit once).
    pub stunden: u64,
}

/// One cell of a curriculum matrix.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
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
                BereichStunden { bereich: b.clone(), stunden: Zahl::new(h as f64, 0), anzahl: idx.len() }
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
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
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Zeitplan {
    /// Half-years from the start of the planning period (or the first measure) to its end (or the last measure).
    pub halbjahre: Vec<Halbjahr>,
    /// One row per measure: in which half-years it runs, aligned with `halbjahre`.
    pub massnahmen: Vec<ZeitplanZeile>,
    /// Whether the timeline was cut at [`MAX_HALBJAHRE`].
    pub gekuerzt: bool,
}

/// One measure in the timeline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
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
        let first = plan.measures.iter().map(|m| half_index(m.start)).chain([half_index(plan.period.von)]).min().unwrap_or(0);
        let last = plan.measures.iter().map(|m| half_index(m.end)).chain([half_index(plan.period.bis)]).max().unwrap_or(first);
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

/// Running costs (never funded) per calendar year of the planning period.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Folgekosten {
    /// `betrieb.folgekosten_eur_pro_jahr`.
    pub pro_jahr: Option<Betrag>,
    /// One row per calendar year of the planning period (at most [`MAX_JAHRE`]).
    pub je_jahr: Vec<FolgekostenJahr>,
    /// Sum over the rows.
    pub summe: Betrag,
}

/// Running costs of one year.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FolgekostenJahr {
    /// Calendar year.
    pub jahr: i32,
    /// Yearly operating costs from `betrieb`.
    pub betrieb: Betrag,
    /// `bedarf` items of `kostenart: laufend` in this year.
    pub laufende_positionen: Betrag,
    /// Both together.
    pub summe: Betrag,
}

impl Folgekosten {
    fn of(plan: &Plan) -> Self {
        let pro_jahr = plan.operations.as_ref().and_then(|b| b.running_costs);
        let yearly = pro_jahr.map_or(0, crate::model::Euro::cents);
        let first = plan.period.von.jahr;
        let last = plan.period.bis.jahr.max(first);
        let je_jahr: Vec<FolgekostenJahr> = (first..=last)
            .take(MAX_JAHRE)
            .map(|jahr| {
                let laufend = plan
                    .needs
                    .iter()
                    .filter(|b| b.cost_kind == Kostenart::Laufend && b.year == jahr)
                    .map(|b| b.total().cents())
                    .fold(0i64, i64::saturating_add);
                FolgekostenJahr {
                    jahr,
                    betrieb: Betrag::from_cents(yearly),
                    laufende_positionen: Betrag::from_cents(laufend),
                    summe: Betrag::from_cents(yearly.saturating_add(laufend)),
                }
            })
            .collect();
        let summe = je_jahr.iter().map(|j| j.summe.cent).fold(0i64, i64::saturating_add);
        Self { pro_jahr: pro_jahr.map(Betrag::from), je_jahr, summe: Betrag::from_cents(summe) }
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
