//! The view: a validated [`Plan`] plus its findings, turned into the data every renderer prints.
//!
//! [`PlanView`] is the one contract between the plan and the renderers
//! (Markdown, PDF, JSON). It carries every chapter's data in document order,
//! the Land's chapter titles, all computed figures ([`Kennzahlen`]) and the
//! Prüfbericht. Conventions (documented for users in `docs/planview.md`):
//!
//! - keys are German like the input format, because template authors address them;
//! - money is [`Betrag`] (`cent` + `text`), dates [`DatumV`] (`iso` + `text`),
//!   shares [`Anteil`] (`prozent` + `text`), other figures [`Zahl`] (`wert` + `text`);
//! - values from closed lists are [`Label`] (`key` + `text`);
//! - free text declared as Markdown is [`Markdown`] (`{"markdown": "..."}`); every other
//!   string is plain text that a renderer must escape;
//! - lists keep the order of the input; computed lists have a documented fixed order.

pub mod kennzahlen;
pub mod values;
pub mod vokabular;

use serde::Serialize;

pub use kennzahlen::Kennzahlen;
pub use values::{Anteil, Anzahl, Betrag, DatumV, JaNein, Label, Markdown, SpanneV, Zahl};
pub use vokabular::{Kapitel, Kapitelliste, Vokabular};

use crate::diag::{Counts, Diagnostic, Severity};
use crate::figures::Figures;
use crate::model::Plan;
use values::{label, schuljahr};

/// Version of the view's shape; raised on any incompatible change.
pub const VIEW_VERSION: u32 = 1;

/// How a view is built.
#[derive(Clone, Debug, Default)]
pub struct Optionen {
    /// File name shown in the Prüfbericht and the metadata.
    pub datei: String,
    /// Render as a draft (the plan may have errors).
    pub entwurf: bool,
}

/// Everything a renderer needs to print one plan.
#[derive(Clone, Debug, Serialize)]
pub struct PlanView {
    /// Shape version, [`VIEW_VERSION`].
    pub version: u32,
    /// Metadata, Land vocabulary and draft state.
    pub dokument: Dokument,
    /// The school.
    pub schule: SchuleV,
    /// The Schulträger.
    pub schultraeger: Option<SchultraegerV>,
    /// Approvals, in input order.
    pub beschluesse: Vec<BeschlussV>,
    /// Vision (Markdown).
    pub leitbild: Option<Markdown>,
    /// Ist-Analyse.
    pub bestand: BestandV,
    /// Goals.
    pub ziele: Vec<ZielV>,
    /// Curriculum units (the matrices are in [`Kennzahlen::curriculum`]).
    pub mediencurriculum: Option<CurriculumV>,
    /// Usage scenarios with the items that serve them.
    pub einsatzszenarien: Vec<SzenarioV>,
    /// Equipment items.
    pub bedarf: Vec<BedarfV>,
    /// Platforms.
    pub plattformen: Vec<PlattformV>,
    /// Data protection.
    pub datenschutz: Option<DatenschutzV>,
    /// Trainings.
    pub fortbildung: Vec<FortbildungV>,
    /// Operation and support.
    pub betrieb: Option<BetriebV>,
    /// Measures.
    pub massnahmen: Vec<MassnahmeV>,
    /// Evaluation.
    pub evaluation: Vec<EvaluationV>,
    /// Computed figures.
    pub kennzahlen: Kennzahlen,
    /// The one-page summary's selections.
    pub zusammenfassung: Zusammenfassung,
    /// Every finding.
    pub pruefbericht: Pruefbericht,
}

/// Metadata of the document.
#[derive(Clone, Debug, Serialize)]
pub struct Dokument {
    /// Name of the input file.
    pub datei: String,
    /// Document name and chapter titles in the Land's wording.
    pub vokabular: Vokabular,
    /// Funding programme.
    pub programm: Label,
    /// Land.
    pub land: Label,
    /// Date of this version.
    pub stand: DatumV,
    /// Planning period.
    pub planungszeitraum: SpanneV,
    /// School years the period touches, e.g. `Schuljahr 2026/27 bis 2028/29`.
    pub schuljahre: String,
    /// Whether this is a draft (rendered despite errors).
    pub entwurf: bool,
    /// Banner text for drafts (`ENTWURF – nicht förderfähig`), empty otherwise.
    pub entwurf_hinweis: String,
}

/// The school.
#[derive(Clone, Debug, Serialize)]
pub struct SchuleV {
    /// Name.
    pub name: String,
    /// Land's school number.
    pub schulnummer: String,
    /// School type.
    pub schulform: Label,
    /// Address on one line, e.g. `Schillerstraße 1, 70000 Musterstadt`.
    pub anschrift: Option<String>,
    /// Pupils.
    pub schueler: u32,
    /// Teachers.
    pub lehrkraefte: u32,
    /// Classes.
    pub klassen: Option<u32>,
    /// Classrooms.
    pub unterrichtsraeume: Option<u32>,
    /// Contact person.
    pub ansprechperson: Option<PersonV>,
    /// Profile (Markdown).
    pub profil: Option<Markdown>,
}

/// A contact person.
#[derive(Clone, Debug, Serialize)]
pub struct PersonV {
    /// Name.
    pub name: String,
    /// Function.
    pub funktion: Option<String>,
    /// E-mail.
    pub email: Option<String>,
    /// Phone.
    pub telefon: Option<String>,
}

/// The Schulträger.
#[derive(Clone, Debug, Serialize)]
pub struct SchultraegerV {
    /// Name.
    pub name: String,
    /// Contact person.
    pub ansprechperson: Option<PersonV>,
    /// Budget for this school.
    pub budget: Option<Betrag>,
    /// Financially weak municipality.
    pub finanzschwach: JaNein,
}

/// An approval.
#[derive(Clone, Debug, Serialize)]
pub struct BeschlussV {
    /// Body.
    pub gremium: Label,
    /// Date.
    pub datum: DatumV,
}

/// Ist-Analyse.
#[derive(Clone, Debug, Serialize)]
pub struct BestandV {
    /// Network (absent when the plan says nothing about it).
    pub netz: Option<NetzV>,
    /// Existing devices, in input order.
    pub geraete: Vec<GeraetV>,
    /// Sum of existing devices.
    pub geraete_summe: Anzahl,
    /// Staff competence survey (Markdown).
    pub fortbildungsstand: Option<Markdown>,
    /// Processes (Markdown).
    pub prozesse: Option<Markdown>,
}

/// Network.
#[derive(Clone, Debug, Serialize)]
pub struct NetzV {
    /// Bandwidth in Mbit/s.
    pub internet_mbit: Option<u32>,
    /// Fibre.
    pub glasfaser: JaNein,
    /// Wired rooms.
    pub verkabelte_raeume: Option<u32>,
    /// Rooms with WLAN.
    pub wlan_raeume: Option<u32>,
    /// Networks separated.
    pub netztrennung: JaNein,
}

/// Existing devices of one type.
#[derive(Clone, Debug, Serialize)]
pub struct GeraetV {
    /// Type.
    pub typ: Label,
    /// Count.
    pub anzahl: Anzahl,
    /// Year of purchase.
    pub anschaffungsjahr: Option<i32>,
    /// How they were paid.
    pub finanzierung: Option<Label>,
}

/// A goal.
#[derive(Clone, Debug, Serialize)]
pub struct ZielV {
    /// Id.
    pub id: String,
    /// Dimension.
    pub dimension: Label,
    /// Description.
    pub beschreibung: String,
    /// Indicator.
    pub indikator: Option<String>,
    /// Baseline.
    pub ausgangswert: Option<String>,
    /// Target value.
    pub zielwert: Option<String>,
    /// Due date.
    pub termin: Option<DatumV>,
    /// Ids of measures serving the goal.
    pub massnahmen: Vec<String>,
}

/// The curriculum.
#[derive(Clone, Debug, Serialize)]
pub struct CurriculumV {
    /// Framework.
    pub rahmen: Label,
    /// Units, in input order.
    pub einheiten: Vec<EinheitV>,
}

/// A curriculum unit.
#[derive(Clone, Debug, Serialize)]
pub struct EinheitV {
    /// Subject.
    pub fach: String,
    /// Grade or range as text (`5`, `5–6`).
    pub jahrgang: String,
    /// Topic.
    pub thema: String,
    /// Competence ids.
    pub kompetenzen: Vec<String>,
    /// Lesson hours.
    pub stunden: Option<u32>,
    /// Tools.
    pub werkzeuge: Vec<String>,
}

/// A usage scenario.
#[derive(Clone, Debug, Serialize)]
pub struct SzenarioV {
    /// Id.
    pub id: String,
    /// Title.
    pub titel: String,
    /// Description (Markdown).
    pub beschreibung: Option<Markdown>,
    /// Goal ids.
    pub ziele: Vec<String>,
    /// Ids of `bedarf` items that name this scenario.
    pub bedarf: Vec<String>,
    /// Sum of those items (an item may serve several scenarios; these sums overlap).
    pub investition: Betrag,
}

/// An equipment item.
#[derive(Clone, Debug, Serialize)]
pub struct BedarfV {
    /// Id.
    pub id: String,
    /// Name.
    pub bezeichnung: String,
    /// Fördergegenstand.
    pub kategorie: Label,
    /// Device type.
    pub geraetetyp: Label,
    /// Count.
    pub anzahl: Anzahl,
    /// Unit price; `None` while the costs are open ("Kosten noch offen").
    pub einzelpreis: Option<Betrag>,
    /// Count × unit price; `None` while the costs are open.
    pub summe: Option<Betrag>,
    /// Id of the measure the item's cost belongs to (the first measure that lists it).
    pub massnahme: Option<String>,
    /// Year.
    pub jahr: i32,
    /// Usage.
    pub nutzung: Label,
    /// Cost kind.
    pub kostenart: Label,
    /// Reason for a school server.
    pub server_begruendung: Option<Label>,
    /// Scenario ids.
    pub szenarien: Vec<String>,
    /// Pedagogical justification (Markdown).
    pub begruendung: Option<Markdown>,
}

/// A platform.
#[derive(Clone, Debug, Serialize)]
pub struct PlattformV {
    /// Name.
    pub name: String,
    /// Purpose.
    pub zweck: Label,
    /// Vendor.
    pub anbieter: Option<String>,
    /// Operator.
    pub betreiber: Label,
    /// Hosting country code.
    pub hosting_land: Option<String>,
    /// Open source.
    pub open_source: JaNein,
    /// Whose data, as labels.
    pub daten: Vec<Label>,
    /// AVV status.
    pub avv: Option<Label>,
    /// DSFA status.
    pub dsfa: Option<Label>,
    /// VVT entry.
    pub vvt: JaNein,
    /// Consent status.
    pub einwilligung: Option<Label>,
}

/// Data protection.
#[derive(Clone, Debug, Serialize)]
pub struct DatenschutzV {
    /// Officer's name.
    pub beauftragte_person: Option<String>,
    /// Officer's contact.
    pub kontakt: Option<String>,
    /// Officer appointed externally.
    pub extern_bestellt: JaNein,
    /// VVT exists.
    pub vvt: JaNein,
    /// Usage policy exists.
    pub nutzungsordnung: JaNein,
    /// Deletion policy exists.
    pub loeschkonzept: JaNein,
}

/// A training.
#[derive(Clone, Debug, Serialize)]
pub struct FortbildungV {
    /// Title.
    pub titel: String,
    /// Audience.
    pub zielgruppe: Label,
    /// Participants.
    pub teilnehmende: Anzahl,
    /// Hours per participant.
    pub stunden: Zahl,
    /// Participants × hours.
    pub teilnehmerstunden: Zahl,
    /// Format.
    pub format: Label,
    /// Provider.
    pub anbieter: Option<String>,
    /// Period.
    pub zeitraum: SpanneV,
    /// Competence ids.
    pub kompetenzen: Vec<String>,
    /// Item ids.
    pub bedarf: Vec<String>,
}

/// Operation and support.
#[derive(Clone, Debug, Serialize)]
pub struct BetriebV {
    /// First-level responsible.
    pub first_level: Option<String>,
    /// First-level hours per week.
    pub first_level_stunden: Option<Zahl>,
    /// Second-level responsible.
    pub second_level: Option<String>,
    /// Second-level response time in hours.
    pub reaktionszeit_stunden: Option<u32>,
    /// Maintenance contract.
    pub wartungsvertrag: JaNein,
    /// Replacement cycle in years.
    pub ersatzzyklus_jahre: Option<u32>,
    /// Running costs per year.
    pub folgekosten_pro_jahr: Option<Betrag>,
    /// Youth protection filter.
    pub jugendschutzfilter: JaNein,
    /// Date the Schulträger confirmed operation.
    pub bestaetigung_schultraeger: Option<DatumV>,
}

/// A measure.
#[derive(Clone, Debug, Serialize)]
pub struct MassnahmeV {
    /// Id.
    pub id: String,
    /// Title.
    pub titel: String,
    /// Goal ids.
    pub ziele: Vec<String>,
    /// Item ids.
    pub bedarf: Vec<String>,
    /// Responsible.
    pub verantwortlich: String,
    /// Start.
    pub beginn: DatumV,
    /// End.
    pub ende: DatumV,
    /// School year of the start, e.g. `Schuljahr 2026/27`.
    pub schuljahr: String,
    /// Cost of the items that belong to this measure (each item belongs to the first measure that lists it).
    pub investition: Betrag,
    /// Items of this measure without price.
    pub kosten_offen: usize,
    /// Items this measure lists whose cost belongs to an earlier measure (linked, not added).
    pub verknuepft: Vec<String>,
}

/// Evaluation of a goal.
#[derive(Clone, Debug, Serialize)]
pub struct EvaluationV {
    /// Goal id.
    pub ziel: String,
    /// The goal's indicator, when the goal exists.
    pub indikator: Option<String>,
    /// Method.
    pub methode: String,
    /// Date.
    pub zeitpunkt: DatumV,
    /// Responsible.
    pub verantwortlich: Option<String>,
}

/// Selections for the one-page summary.
#[derive(Clone, Debug, Serialize)]
pub struct Zusammenfassung {
    /// Up to five measures with the largest linked investment (ties in input order).
    pub wichtigste_massnahmen: Vec<MassnahmeV>,
    /// Goals per dimension, in the order of the dimensions.
    pub ziele_je_dimension: Vec<DimensionZiele>,
}

/// Goals of one dimension.
#[derive(Clone, Debug, Serialize)]
pub struct DimensionZiele {
    /// Dimension.
    pub dimension: Label,
    /// Goal ids.
    pub ziele: Vec<String>,
}

/// Every finding about the plan.
#[derive(Clone, Debug, Serialize)]
pub struct Pruefbericht {
    /// Number of errors.
    pub fehler: usize,
    /// Number of warnings.
    pub warnungen: usize,
    /// Number of hints.
    pub hinweise: usize,
    /// All findings, sorted by position.
    pub eintraege: Vec<BefundV>,
    /// Only the errors (what keeps a draft from being fundable).
    pub offene_fehler: Vec<BefundV>,
}

/// One finding.
#[derive(Clone, Debug, Serialize)]
pub struct BefundV {
    /// Code.
    pub code: String,
    /// Severity.
    pub schwere: Label,
    /// Message.
    pub meldung: String,
    /// YAML path.
    pub pfad: String,
    /// Position `datei:zeile:spalte`, when located.
    pub ort: Option<String>,
    /// Line.
    pub zeile: Option<usize>,
    /// Column.
    pub spalte: Option<usize>,
    /// How to fix it.
    pub hilfe: Option<String>,
    /// Source URL of the rule.
    pub quelle: Option<String>,
}

fn severity_label(s: Severity) -> Label {
    match s {
        Severity::Fehler => Label { key: "fehler", text: "Fehler" },
        Severity::Warnung => Label { key: "warnung", text: "Warnung" },
        Severity::Hinweis => Label { key: "hinweis", text: "Hinweis" },
    }
}

impl From<&Diagnostic> for BefundV {
    fn from(d: &Diagnostic) -> Self {
        Self {
            code: d.code.clone(),
            schwere: severity_label(d.severity),
            meldung: d.message.clone(),
            pfad: d.path.clone(),
            ort: d.location.as_ref().map(|l| format!("{}:{}:{}", l.file, l.line, l.column)),
            zeile: d.location.as_ref().map(|l| l.line),
            spalte: d.location.as_ref().map(|l| l.column),
            hilfe: d.help.clone(),
            quelle: d.source.clone(),
        }
    }
}

impl Pruefbericht {
    /// Collects the findings.
    #[must_use]
    pub fn of(diags: &[Diagnostic]) -> Self {
        let c = Counts::of(diags);
        Self {
            fehler: c.errors,
            warnungen: c.warnings,
            hinweise: c.hints,
            eintraege: diags.iter().map(BefundV::from).collect(),
            offene_fehler: diags.iter().filter(|d| d.severity == Severity::Fehler).map(BefundV::from).collect(),
        }
    }
}

fn person(p: &crate::model::Person) -> PersonV {
    PersonV { name: p.name.clone(), funktion: p.role.clone(), email: p.email.clone(), telefon: p.phone.clone() }
}

impl PlanView {
    /// Builds the view of a plan and its findings.
    #[must_use]
    pub fn build(plan: &Plan, diags: &[Diagnostic], opt: &Optionen) -> Self {
        Self::build_with(plan, &Figures::of(plan), diags, opt)
    }

    /// Builds the view of a plan from its computed figures and its findings.
    #[must_use]
    pub fn build_with(plan: &Plan, figures: &Figures, diags: &[Diagnostic], opt: &Optionen) -> Self {
        let kennzahlen = Kennzahlen::from_figures(plan, figures);
        let (sj_von, sj_bis) = (plan.period.von.schuljahr(), plan.period.bis.schuljahr());
        let schuljahre = if sj_von == sj_bis {
            schuljahr(sj_von)
        } else {
            format!("{} bis {}", schuljahr(sj_von), schuljahr(sj_bis).trim_start_matches("Schuljahr "))
        };
        let dokument = Dokument {
            datei: opt.datei.clone(),
            vokabular: Vokabular::of(plan.land),
            programm: label!(plan.programme),
            land: label!(plan.land),
            stand: plan.as_of.into(),
            planungszeitraum: SpanneV::new(plan.period.von, plan.period.bis),
            schuljahre,
            entwurf: opt.entwurf,
            entwurf_hinweis: if opt.entwurf { "ENTWURF – nicht förderfähig".to_owned() } else { String::new() },
        };
        let s = &plan.school;
        let schule = SchuleV {
            name: s.name.clone(),
            schulnummer: s.number.clone(),
            schulform: label!(s.kind),
            anschrift: s.address.as_ref().map(|a| format!("{}, {} {}", a.street, a.plz, a.city)),
            schueler: s.pupils,
            lehrkraefte: s.teachers,
            klassen: s.classes,
            unterrichtsraeume: s.classrooms,
            ansprechperson: s.contact.as_ref().map(person),
            profil: Markdown::opt(s.profile.as_ref()),
        };
        let schultraeger = plan.provider.as_ref().map(|t| SchultraegerV {
            name: t.name.clone(),
            ansprechperson: t.contact.as_ref().map(person),
            budget: t.budget.map(Betrag::from),
            finanzschwach: t.financially_weak.into(),
        });
        let inv = plan.inventory.clone().unwrap_or_default();
        let bestand = BestandV {
            netz: inv.network.as_ref().map(|n| NetzV {
                internet_mbit: n.internet_mbit,
                glasfaser: n.fibre.into(),
                verkabelte_raeume: n.wired_rooms,
                wlan_raeume: n.wlan_rooms,
                netztrennung: n.separated.into(),
            }),
            geraete: inv
                .devices
                .iter()
                .map(|g| GeraetV {
                    typ: label!(g.kind),
                    anzahl: g.count.into(),
                    anschaffungsjahr: g.year,
                    finanzierung: g.source.map(|h| label!(h)),
                })
                .collect(),
            geraete_summe: Anzahl::new(inv.devices.iter().map(|g| u64::from(g.count)).sum()),
            fortbildungsstand: Markdown::opt(inv.training_status.as_ref()),
            prozesse: Markdown::opt(inv.processes.as_ref()),
        };
        let ziele = plan
            .goals
            .iter()
            .map(|z| ZielV {
                id: z.id.clone(),
                dimension: label!(z.dimension),
                beschreibung: z.description.clone(),
                indikator: z.indicator.clone(),
                ausgangswert: z.baseline.clone(),
                zielwert: z.target.clone(),
                termin: z.due.map(DatumV::from),
                massnahmen: plan.measures.iter().filter(|m| m.goals.contains(&z.id)).map(|m| m.id.clone()).collect(),
            })
            .collect();
        let mediencurriculum = plan.curriculum.as_ref().map(|c| CurriculumV {
            rahmen: label!(c.framework),
            einheiten: c
                .units
                .iter()
                .map(|u| EinheitV {
                    fach: u.subject.clone(),
                    jahrgang: u.grade.to_string(),
                    thema: u.topic.clone(),
                    kompetenzen: u.competences.clone(),
                    stunden: u.hours,
                    werkzeuge: u.tools.clone(),
                })
                .collect(),
        });
        let einsatzszenarien = plan
            .scenarios
            .iter()
            .enumerate()
            .map(|(i, sz)| {
                let bedarf: Vec<String> = plan.needs.iter().filter(|b| b.scenarios.contains(&sz.id)).map(|b| b.id.clone()).collect();
                SzenarioV {
                    id: sz.id.clone(),
                    titel: sz.title.clone(),
                    beschreibung: Markdown::opt(sz.description.as_ref()),
                    ziele: sz.goals.clone(),
                    investition: Betrag::from_cents(figures.scenarios.get(i).copied().unwrap_or(0)),
                    bedarf,
                }
            })
            .collect();
        let bedarf = plan
            .needs
            .iter()
            .enumerate()
            .map(|(i, b)| BedarfV {
                id: b.id.clone(),
                bezeichnung: b.name.clone(),
                kategorie: label!(b.category),
                geraetetyp: label!(b.device),
                anzahl: b.count.into(),
                einzelpreis: b.unit_price.map(Betrag::from),
                summe: figures.investment.items.get(i).copied().flatten().map(Betrag::from_cents),
                massnahme: figures.measures.owner.get(i).copied().flatten().and_then(|m| plan.measures.get(m)).map(|m| m.id.clone()),
                jahr: b.year,
                nutzung: label!(b.usage),
                kostenart: label!(b.cost_kind),
                server_begruendung: b.server_reason.map(|r| label!(r)),
                szenarien: b.scenarios.clone(),
                begruendung: Markdown::opt(b.justification.as_ref()),
            })
            .collect();
        let plattformen = plan
            .platforms
            .iter()
            .map(|p| PlattformV {
                name: p.name.clone(),
                zweck: label!(p.purpose),
                anbieter: p.vendor.clone(),
                betreiber: label!(p.operator),
                hosting_land: p.hosting_country.clone(),
                open_source: p.open_source.into(),
                daten: p.data.iter().map(|d| label!(d)).collect(),
                avv: p.avv.map(|x| label!(x)),
                dsfa: p.dsfa.map(|x| label!(x)),
                vvt: p.vvt.into(),
                einwilligung: p.consent.map(|x| label!(x)),
            })
            .collect();
        let datenschutz = plan.privacy.as_ref().map(|d| DatenschutzV {
            beauftragte_person: d.officer.as_ref().map(|o| o.name.clone()),
            kontakt: d.officer.as_ref().map(|o| o.contact.clone()),
            extern_bestellt: d.officer.as_ref().and_then(|o| o.external).into(),
            vvt: d.vvt.into(),
            nutzungsordnung: d.usage_policy.into(),
            loeschkonzept: d.deletion_policy.into(),
        });
        let fortbildung = plan
            .training
            .iter()
            .map(|t| {
                let hours = if t.hours.is_finite() { t.hours } else { 0.0 };
                FortbildungV {
                    titel: t.title.clone(),
                    zielgruppe: label!(t.audience),
                    teilnehmende: t.participants.into(),
                    stunden: Zahl::new(hours, 1),
                    teilnehmerstunden: Zahl::new(hours * f64::from(t.participants), 1),
                    format: label!(t.format),
                    anbieter: t.provider.clone(),
                    zeitraum: t.period.into(),
                    kompetenzen: t.competences.clone(),
                    bedarf: t.needs.clone(),
                }
            })
            .collect();
        let betrieb = plan.operations.as_ref().map(|b| BetriebV {
            first_level: b.first_level.as_ref().map(|f| f.responsible.clone()),
            first_level_stunden: b.first_level.as_ref().and_then(|f| f.hours_per_week).filter(|h| h.is_finite()).map(|h| Zahl::new(h, 1)),
            second_level: b.second_level.as_ref().map(|s| s.responsible.clone()),
            reaktionszeit_stunden: b.second_level.as_ref().and_then(|s| s.response_hours),
            wartungsvertrag: b.maintenance_contract.into(),
            ersatzzyklus_jahre: b.replacement_years,
            folgekosten_pro_jahr: b.running_costs.map(Betrag::from),
            jugendschutzfilter: b.youth_filter.into(),
            bestaetigung_schultraeger: b.provider_confirmation.map(DatumV::from),
        });
        let massnahmen: Vec<MassnahmeV> = plan
            .measures
            .iter()
            .enumerate()
            .map(|(i, m)| MassnahmeV {
                id: m.id.clone(),
                titel: m.title.clone(),
                ziele: m.goals.clone(),
                bedarf: m.needs.clone(),
                verantwortlich: m.responsible.clone(),
                beginn: m.start.into(),
                ende: m.end.into(),
                schuljahr: schuljahr(m.start.schuljahr()),
                investition: Betrag::from_cents(figures.measures.rows.get(i).map_or(0, |r| r.cost)),
                kosten_offen: figures.measures.rows.get(i).map_or(0, |r| r.unpriced),
                verknuepft: figures
                    .measures
                    .rows
                    .get(i)
                    .map_or_else(Vec::new, |r| r.linked.iter().map(|&j| plan.needs[j].id.clone()).collect()),
            })
            .collect();
        let evaluation = plan
            .evaluation
            .iter()
            .map(|e| EvaluationV {
                ziel: e.goal.clone(),
                indikator: plan.goals.iter().find(|z| z.id == e.goal).and_then(|z| z.indicator.clone()),
                methode: e.method.clone(),
                zeitpunkt: e.date.into(),
                verantwortlich: e.responsible.clone(),
            })
            .collect();
        let mut ranked: Vec<&MassnahmeV> = massnahmen.iter().filter(|m| m.investition.cent > 0).collect();
        ranked.sort_by_key(|m| std::cmp::Reverse(m.investition.cent));
        let zusammenfassung = Zusammenfassung {
            wichtigste_massnahmen: ranked.into_iter().take(5).cloned().collect(),
            ziele_je_dimension: crate::model::Dimension::ALL
                .iter()
                .map(|&d| DimensionZiele {
                    dimension: label!(d),
                    ziele: plan.goals.iter().filter(|z| z.dimension == d).map(|z| z.id.clone()).collect(),
                })
                .filter(|d| !d.ziele.is_empty())
                .collect(),
        };
        Self {
            version: VIEW_VERSION,
            dokument,
            schule,
            schultraeger,
            beschluesse: plan.approvals.iter().map(|b| BeschlussV { gremium: label!(b.body), datum: b.date.into() }).collect(),
            leitbild: Markdown::opt(plan.vision.as_ref()),
            bestand,
            ziele,
            mediencurriculum,
            einsatzszenarien,
            bedarf,
            plattformen,
            datenschutz,
            fortbildung,
            betrieb,
            massnahmen,
            evaluation,
            kennzahlen,
            zusammenfassung,
            pruefbericht: Pruefbericht::of(diags),
        }
    }
}
