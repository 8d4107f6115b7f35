//! The view: a validated [`Plan`](crate::model::Plan) plus its findings, turned into the data every renderer prints.
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

mod build;
mod finanzierung;
mod folgekosten;
mod geraete;
pub mod kennzahlen;
mod markdown;
pub mod overview;
mod pruefbericht;
pub mod rounds;
pub mod summen;
mod types;
pub mod values;
pub mod vokabular;

use schemars::JsonSchema;
use serde::Serialize;

pub use kennzahlen::Kennzahlen;
pub use markdown::Markdown;
pub use pruefbericht::{BefundV, Pruefbericht};
pub use types::{
    AngebotV, AnlageV, BedarfV, BeschlussV, BestandV, BetriebV, CurriculumV, DatenschutzV, EinheitV, EvaluationV, FortbildungV, GeraetV,
    KooperationV, MassnahmeV, NetzV, PersonV, PlattformV, RaumtypV, SchuleV, SchultraegerV, SzenarioV, UnterschriftV, ZielV,
};
pub use values::{AngabeV, Anteil, Anzahl, Betrag, DatumV, JaNein, JahrV, Label, SpanneV, Zahl};
pub use vokabular::{Grammatik, Kapitel, Kapitelliste, Vokabular};

/// Version of the view's shape; raised on any incompatible change.
pub const VIEW_VERSION: u32 = 3;

/// How a view is built.
#[derive(Clone, Debug, Default)]
pub struct Optionen {
    /// File name shown in the Prüfbericht and the metadata.
    pub datei: String,
    /// Render as a draft (the plan may have errors).
    pub entwurf: bool,
}

/// Everything a renderer needs to print one plan.
#[derive(Clone, Debug, Serialize, JsonSchema)]
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
    /// Room types with their standard equipment.
    pub raumtypen: Vec<RaumtypV>,
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
    /// Partners.
    pub kooperationen: Vec<KooperationV>,
    /// Activities outside lessons.
    pub angebote: Vec<AngebotV>,
    /// Literature, one entry per item.
    pub literatur: Vec<String>,
    /// Attachments.
    pub anlagen: Vec<AnlageV>,
    /// Signature lines.
    pub unterschriften: Vec<UnterschriftV>,
    /// Facts the plan states as `unbekannt`, as `Label`-like pairs of YAML path and German name.
    pub unbekannt: Vec<UnbekanntV>,
    /// Computed figures.
    pub kennzahlen: Kennzahlen,
    /// The one-page summary's selections.
    pub zusammenfassung: Zusammenfassung,
    /// Every finding.
    pub pruefbericht: Pruefbericht,
}

/// Metadata of the document.
#[derive(Clone, Debug, Serialize, JsonSchema)]
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
    /// The document date (PDF and workbook metadata): the day of `stand`; for a month its first day;
    /// for `stand: unbekannt` the first day of the planning period; else 1970-01-01.
    pub datum: DatumV,
    /// Planning period.
    pub planungszeitraum: SpanneV,
    /// School years the period touches, e.g. `Schuljahr 2026/27 bis 2028/29`.
    pub schuljahre: String,
    /// Whether this is a draft (rendered despite errors).
    pub entwurf: bool,
    /// Banner text for drafts (`ENTWURF – nicht förderfähig`), empty otherwise.
    pub entwurf_hinweis: String,
}

/// Selections for the one-page summary.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Zusammenfassung {
    /// What the plan comprises, with German plurals: `5 Ziele, 1 Bedarfsposition und keine Maßnahmen`.
    pub umfang: String,
    /// Up to five measures with the largest linked investment (ties in input order).
    pub wichtigste_massnahmen: Vec<MassnahmeV>,
    /// Goals per dimension, in the order of the dimensions.
    pub ziele_je_dimension: Vec<DimensionZiele>,
}

/// Goals of one dimension.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct DimensionZiele {
    /// Dimension.
    pub dimension: Label,
    /// Goal ids.
    pub ziele: Vec<String>,
}

/// A fact the plan states as `unbekannt`.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct UnbekanntV {
    /// YAML path, e.g. `schule.schueler`.
    pub pfad: String,
    /// German name, e.g. `Zahl der Schülerinnen und Schüler`.
    pub name: String,
}
