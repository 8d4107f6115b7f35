//! The view: a validated [`Plan`](crate::model::Plan) plus its findings, turned into the data every renderer prints.
//!
//! [`PlanView`] is the one contract between the plan and the renderers
//! (Markdown, PDF, JSON). It carries every chapter's data in document order,
//! the Land's chapter titles, all computed figures ([`Kennzahlen`]) and the
//! Prüfbericht. Conventions (documented for users in `docs/vorlagendaten.md`):
//!
//! - keys are German like the input format, because template authors address them;
//! - money is [`Betrag`] (`cent` + `text`), dates [`DatumV`] (`iso` + `text`),
//!   shares [`Anteil`] (`prozent` + `text`), other figures [`Zahl`] (`wert` + `text`);
//! - values from closed lists are [`Label`] (`key` + `text`);
//! - free text declared as Markdown is [`Markdown`] (`{"markdown": "..."}`); every other
//!   string is plain text that a renderer must escape;
//! - lists keep the order of the input; computed lists have a documented fixed order.
//!
//! The doc comments of the view's types and fields are German on purpose: they are the
//! descriptions of the view schema (`schemas/output/view.schema.json`) and of the reference page
//! for template authors (`docs/vorlagendaten.md`, generated from that schema), so each field is
//! described once, for the people who write templates.

mod build;
mod finanzierung;
pub mod foerderung;
mod folgekosten;
mod geraete;
pub mod kennzahlen;
mod markdown;
pub mod overview;
mod pruefbericht;
pub mod rounds;
pub mod summen;
pub mod traegerplan;
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
    ZusatzkapitelV,
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

/// Die Vorlagendaten eines Plans: alles, was Markdown- und PDF-Vorlagen drucken.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct PlanView {
    /// Version des Aufbaus dieser Daten (steigt bei jeder inkompatiblen Änderung).
    pub version: u32,
    /// Angaben zum Dokument: Datei, Wortwahl des Landes, Programm, Stand, Entwurf.
    pub dokument: Dokument,
    /// Die Schule.
    pub schule: SchuleV,
    /// Der Schulträger (fehlt, wenn der Plan keinen nennt).
    pub schultraeger: Option<SchultraegerV>,
    /// Beschlüsse und Bestätigungen, in der Reihenfolge des Plans.
    pub beschluesse: Vec<BeschlussV>,
    /// Leitbild (Markdown).
    pub leitbild: Option<Markdown>,
    /// Ist-Analyse: Netz, vorhandene Geräte, Fortbildungsstand, Prozesse.
    pub bestand: BestandV,
    /// Ziele, in der Reihenfolge des Plans.
    pub ziele: Vec<ZielV>,
    /// Mediencurriculum: Rahmen und Einheiten (die Matrizen stehen unter `kennzahlen.curriculum`).
    pub mediencurriculum: Option<CurriculumV>,
    /// Einsatzszenarien mit den Bedarfspositionen, die ihnen dienen.
    pub einsatzszenarien: Vec<SzenarioV>,
    /// Raumtypen mit ihrer Standardausstattung.
    pub raumtypen: Vec<RaumtypV>,
    /// Bedarfspositionen (Ausstattung).
    pub bedarf: Vec<BedarfV>,
    /// Plattformen und Dienste.
    pub plattformen: Vec<PlattformV>,
    /// Datenschutz (fehlt, wenn der Plan nichts dazu sagt).
    pub datenschutz: Option<DatenschutzV>,
    /// Fortbildungen.
    pub fortbildung: Vec<FortbildungV>,
    /// Betrieb, Wartung und Support.
    pub betrieb: Option<BetriebV>,
    /// Maßnahmen.
    pub massnahmen: Vec<MassnahmeV>,
    /// Evaluation: je Ziel Methode, Zeitpunkt und Verantwortliche.
    pub evaluation: Vec<EvaluationV>,
    /// Kooperationspartner.
    pub kooperationen: Vec<KooperationV>,
    /// Angebote außerhalb des Unterrichts (Elternabende, Medienscouts, AGs).
    pub angebote: Vec<AngebotV>,
    /// Literatur, ein Eintrag je Titel (Klartext).
    pub literatur: Vec<String>,
    /// Anlagen.
    pub anlagen: Vec<AnlageV>,
    /// Unterschriftszeilen.
    pub unterschriften: Vec<UnterschriftV>,
    /// Zusatzkapitel, in der Reihenfolge des Plans; die Vorlagen setzen jedes nach dem Kapitel, das `nach` nennt
    /// (Markdown: `zusatzkapitel.md`, PDF: `zusatzkapitel.typ`).
    pub zusatzkapitel: Vec<ZusatzkapitelV>,
    /// Angaben, die der Plan als `unbekannt` einträgt: YAML-Pfad und deutscher Name.
    pub unbekannt: Vec<UnbekanntV>,
    /// Berechnete Kennzahlen (Summen, Anteile, Matrizen, Zeitplan); jede Zahl mit fertigem deutschem Text.
    pub kennzahlen: Kennzahlen,
    /// Auswahl für die einseitige Zusammenfassung.
    pub zusammenfassung: Zusammenfassung,
    /// Prüfbericht: alle Befunde zum Plan.
    pub pruefbericht: Pruefbericht,
    /// Was das Förderprogramm zu laufenden Kosten sagt, und bekannte Angaben des Landes zu Mitteln und Wartung.
    pub foerderung: foerderung::FoerderungV,
}

/// Angaben zum Dokument.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Dokument {
    /// Name der Plandatei.
    pub datei: String,
    /// Name des Dokuments und Kapiteltitel in der Wortwahl des Landes.
    pub vokabular: Vokabular,
    /// Förderprogramm.
    pub programm: Label,
    /// Land.
    pub land: Label,
    /// Stand des Plans.
    pub stand: DatumV,
    /// Datum des Dokuments (Metadaten von PDF und Arbeitsmappe): der Tag von `stand`; bei einem Monat dessen erster Tag;
    /// bei `stand: unbekannt` der erste Tag des Planungszeitraums.
    pub datum: DatumV,
    /// Planungszeitraum.
    pub planungszeitraum: SpanneV,
    /// Schuljahre des Planungszeitraums, z. B. `Schuljahr 2026/27 bis 2028/29`.
    pub schuljahre: String,
    /// Ob das Dokument ein Entwurf ist (trotz Fehlern gesetzt).
    pub entwurf: bool,
    /// Hinweis auf Entwürfen (`ENTWURF – nicht förderfähig`), sonst leer.
    pub entwurf_hinweis: String,
}

/// Auswahl für die einseitige Zusammenfassung.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Zusammenfassung {
    /// Umfang des Plans als Satzteil: `5 Ziele, 1 Bedarfsposition und keine Maßnahmen`.
    pub umfang: String,
    /// Bis zu fünf Maßnahmen mit der größten Investition (bei Gleichstand in der Reihenfolge des Plans).
    pub wichtigste_massnahmen: Vec<MassnahmeV>,
    /// Ziele je Handlungsfeld, in der Reihenfolge der Handlungsfelder.
    pub ziele_je_dimension: Vec<DimensionZiele>,
}

/// Die Ziele eines Handlungsfelds.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct DimensionZiele {
    /// Handlungsfeld.
    pub dimension: Label,
    /// Kennungen der Ziele.
    pub ziele: Vec<String>,
}

/// Eine Angabe, die der Plan als `unbekannt` einträgt.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct UnbekanntV {
    /// YAML-Pfad, z. B. `schule.schueler`.
    pub pfad: String,
    /// Deutscher Name, z. B. `Zahl der Schülerinnen und Schüler`.
    pub name: String,
}
