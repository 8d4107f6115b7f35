//! The chapter types of [`PlanView`](super::PlanView), in document order.

use schemars::JsonSchema;
use serde::Serialize;

use super::{AngabeV, Anzahl, Betrag, DatumV, JaNein, JahrV, Label, Markdown, SpanneV, Zahl};

/// The school.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct SchuleV {
    /// Name.
    pub name: String,
    /// Land's school number.
    pub schulnummer: String,
    /// School type.
    pub schulform: Label,
    /// Address on one line, e.g. `Schillerstraße 1, 70000 Musterstadt`.
    pub anschrift: Option<String>,
    /// Pupils (text `nicht bekannt` when the plan says `unbekannt`).
    pub schueler: AngabeV,
    /// Teachers.
    pub lehrkraefte: AngabeV,
    /// Classes.
    pub klassen: Option<AngabeV>,
    /// Classrooms.
    pub unterrichtsraeume: Option<AngabeV>,
    /// Contact person.
    pub ansprechperson: Option<PersonV>,
    /// Profile (Markdown).
    pub profil: Option<Markdown>,
}

/// A contact person.
#[derive(Clone, Debug, Serialize, JsonSchema)]
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
#[derive(Clone, Debug, Serialize, JsonSchema)]
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
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct BeschlussV {
    /// Body.
    pub gremium: Label,
    /// Date.
    pub datum: DatumV,
}

/// Ist-Analyse.
#[derive(Clone, Debug, Serialize, JsonSchema)]
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
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct NetzV {
    /// Download bandwidth in Mbit/s.
    pub internet_mbit: Option<AngabeV>,
    /// Upload bandwidth in Mbit/s.
    pub upload_mbit: Option<AngabeV>,
    /// Kind of connection.
    pub anschlussart: Option<Label>,
    /// Fallback of the connection.
    pub redundanz: Option<String>,
    /// Fibre.
    pub glasfaser: JaNein,
    /// Wired rooms.
    pub verkabelte_raeume: Option<AngabeV>,
    /// Rooms with WLAN.
    pub wlan_raeume: Option<AngabeV>,
    /// Networks separated.
    pub netztrennung: JaNein,
}

/// Existing devices of one type.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct GeraetV {
    /// Type.
    pub typ: Label,
    /// Count.
    pub anzahl: AngabeV,
    /// Year of purchase.
    pub anschaffungsjahr: Option<i32>,
    /// How they were paid.
    pub finanzierung: Option<Label>,
}

/// A goal.
#[derive(Clone, Debug, Serialize, JsonSchema)]
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
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct CurriculumV {
    /// Framework.
    pub rahmen: Label,
    /// Units, in input order.
    pub einheiten: Vec<EinheitV>,
}

/// A curriculum unit.
#[derive(Clone, Debug, Serialize, JsonSchema)]
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
#[derive(Clone, Debug, Serialize, JsonSchema)]
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
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct BedarfV {
    /// Id.
    pub id: String,
    /// Name.
    pub bezeichnung: String,
    /// Fördergegenstand.
    pub kategorie: Label,
    /// Device type.
    pub geraetetyp: Label,
    /// Count (`nicht bekannt` or `ca. 30` as the plan says).
    pub anzahl: AngabeV,
    /// Unit price; `None` while the costs are open ("Kosten noch offen").
    pub einzelpreis: Option<Betrag>,
    /// Count × unit price; `None` while the costs are open.
    pub summe: Option<Betrag>,
    /// Id of the measure the item's cost belongs to (the first measure that lists it).
    pub massnahme: Option<String>,
    /// Year of purchase (`nicht bekannt` when the plan says `unbekannt`).
    pub jahr: JahrV,
    /// Where the money comes from (`finanzierung`; DigitalPakt unless the plan says otherwise).
    pub finanzierung: Label,
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
#[derive(Clone, Debug, Serialize, JsonSchema)]
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
#[derive(Clone, Debug, Serialize, JsonSchema)]
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
#[derive(Clone, Debug, Serialize, JsonSchema)]
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
#[derive(Clone, Debug, Serialize, JsonSchema)]
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
#[derive(Clone, Debug, Serialize, JsonSchema)]
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
    /// School years the measure touches: `Schuljahr 2026/27`, or `Schuljahr 2026/27 bis 2027/28`
    /// for a measure that spans more than one.
    pub schuljahre: String,
    /// Cost of the items that belong to this measure (each item belongs to the first measure that lists it).
    pub investition: Betrag,
    /// Items of this measure without price.
    pub kosten_offen: usize,
    /// Items this measure lists whose cost belongs to an earlier measure (linked, not added).
    pub verknuepft: Vec<String>,
}

/// Evaluation of a goal.
#[derive(Clone, Debug, Serialize, JsonSchema)]
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

/// A room type with its standard equipment.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct RaumtypV {
    /// Name, e.g. `Klassenraum`.
    pub bezeichnung: String,
    /// Number of rooms.
    pub anzahl: Option<AngabeV>,
    /// Equipment every room of this type gets.
    pub ausstattung: Vec<String>,
    /// Description (Markdown).
    pub beschreibung: Option<Markdown>,
}

/// A partner of the school.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct KooperationV {
    /// Name.
    pub name: String,
    /// Kind of partner.
    pub art: Label,
    /// What the cooperation is about (Markdown).
    pub beschreibung: Option<Markdown>,
}

/// An activity outside lessons (parents' evening, Medienscouts, AG).
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct AngebotV {
    /// Title.
    pub titel: String,
    /// Kind.
    pub art: Label,
    /// Audience.
    pub zielgruppe: Option<String>,
    /// How often.
    pub turnus: Option<String>,
    /// Description (Markdown).
    pub beschreibung: Option<Markdown>,
}

/// An attachment.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct AnlageV {
    /// Number in the list of attachments, from 1.
    pub nummer: usize,
    /// Title.
    pub titel: String,
    /// File name or where to find it.
    pub datei: Option<String>,
}

/// A signature line.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct UnterschriftV {
    /// Who signs.
    pub rolle: Label,
    /// Name.
    pub name: String,
    /// Function.
    pub funktion: Option<String>,
    /// Place.
    pub ort: Option<String>,
    /// Date, when already signed.
    pub datum: Option<DatumV>,
}
