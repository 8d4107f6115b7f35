//! The chapter types of [`PlanView`](super::PlanView), in document order.

use schemars::JsonSchema;
use serde::Serialize;

use super::{AngabeV, Anzahl, Betrag, DatumV, JaNein, JahrV, Label, Markdown, SpanneV, Zahl};

/// Die Schule.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct SchuleV {
    /// Name.
    pub name: String,
    /// Schulnummer des Landes.
    pub schulnummer: String,
    /// Schulform in der Wortwahl des Landes (z. B. `Berufskolleg` in NW).
    pub schulform: Label,
    /// Anschrift in einer Zeile, z. B. `Schillerstraße 1, 70000 Musterstadt`.
    pub anschrift: Option<String>,
    /// Schülerinnen und Schüler (Text `nicht bekannt`, wenn der Plan `unbekannt` sagt).
    pub schueler: AngabeV,
    /// Lehrkräfte.
    pub lehrkraefte: AngabeV,
    /// Klassen.
    pub klassen: Option<AngabeV>,
    /// Unterrichtsräume.
    pub unterrichtsraeume: Option<AngabeV>,
    /// Ansprechperson.
    pub ansprechperson: Option<PersonV>,
    /// Schulprofil (Markdown).
    pub profil: Option<Markdown>,
}

/// Eine Ansprechperson.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct PersonV {
    /// Name.
    pub name: String,
    /// Funktion.
    pub funktion: Option<String>,
    /// E-Mail-Adresse.
    pub email: Option<String>,
    /// Telefonnummer.
    pub telefon: Option<String>,
}

/// Der Schulträger (fehlt, wenn der Plan keinen nennt).
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct SchultraegerV {
    /// Name.
    pub name: String,
    /// Ansprechperson.
    pub ansprechperson: Option<PersonV>,
    /// Fördermittel-Budget des Schulträgers für diese Schule.
    pub budget: Option<Betrag>,
    /// Finanzschwache Kommune.
    pub finanzschwach: JaNein,
}

/// Ein Beschluss oder eine Bestätigung.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct BeschlussV {
    /// Gremium oder Stelle (in der Wortwahl des Landes, z. B. Gesamtkonferenz in NI).
    pub gremium: Label,
    /// Datum.
    pub datum: DatumV,
}

/// Ist-Analyse: Netz, vorhandene Geräte, Fortbildungsstand, Prozesse.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct BestandV {
    /// Netz und Internetanschluss (fehlt, wenn der Plan nichts dazu sagt).
    pub netz: Option<NetzV>,
    /// Vorhandene Geräte, in der Reihenfolge des Plans.
    pub geraete: Vec<GeraetV>,
    /// Summe der vorhandenen Geräte.
    pub geraete_summe: Anzahl,
    /// Fortbildungsstand des Kollegiums (Markdown).
    pub fortbildungsstand: Option<Markdown>,
    /// Prozesse und Zuständigkeiten (Markdown).
    pub prozesse: Option<Markdown>,
}

/// Netz und Internetanschluss.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct NetzV {
    /// Bandbreite im Download in Mbit/s.
    pub internet_mbit: Option<AngabeV>,
    /// Bandbreite im Upload in Mbit/s.
    pub upload_mbit: Option<AngabeV>,
    /// Art des Anschlusses.
    pub anschlussart: Option<Label>,
    /// Ausfallsicherung des Anschlusses.
    pub redundanz: Option<String>,
    /// Glasfaseranschluss.
    pub glasfaser: JaNein,
    /// Verkabelte Räume.
    pub verkabelte_raeume: Option<AngabeV>,
    /// Räume mit WLAN.
    pub wlan_raeume: Option<AngabeV>,
    /// Pädagogisches Netz und Verwaltungsnetz getrennt.
    pub netztrennung: JaNein,
}

/// Vorhandene Geräte eines Typs.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct GeraetV {
    /// Gerätetyp.
    pub typ: Label,
    /// Anzahl.
    pub anzahl: AngabeV,
    /// Anschaffungsjahr.
    pub anschaffungsjahr: Option<i32>,
    /// Wie sie finanziert wurden.
    pub finanzierung: Option<Label>,
}

/// Ein Ziel.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct ZielV {
    /// Kennung.
    pub id: String,
    /// Handlungsfeld.
    pub dimension: Label,
    /// Beschreibung.
    pub beschreibung: String,
    /// Indikator.
    pub indikator: Option<String>,
    /// Ausgangswert.
    pub ausgangswert: Option<String>,
    /// Zielwert.
    pub zielwert: Option<String>,
    /// Termin.
    pub termin: Option<DatumV>,
    /// Kennungen der Maßnahmen, die dem Ziel dienen.
    pub massnahmen: Vec<String>,
}

/// Das Mediencurriculum.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct CurriculumV {
    /// Kompetenzrahmen.
    pub rahmen: Label,
    /// Einheiten, in der Reihenfolge des Plans.
    pub einheiten: Vec<EinheitV>,
}

/// Eine Einheit des Mediencurriculums.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct EinheitV {
    /// Fach.
    pub fach: String,
    /// Jahrgang oder Jahrgänge als Text (`5`, `5–6`).
    pub jahrgang: String,
    /// Thema.
    pub thema: String,
    /// Kennungen der Kompetenzen (z. B. `1.2`).
    pub kompetenzen: Vec<String>,
    /// Unterrichtsstunden.
    pub stunden: Option<u32>,
    /// Werkzeuge.
    pub werkzeuge: Vec<String>,
}

/// Ein Einsatzszenario.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct SzenarioV {
    /// Kennung.
    pub id: String,
    /// Titel.
    pub titel: String,
    /// Beschreibung (Markdown).
    pub beschreibung: Option<Markdown>,
    /// Kennungen der Ziele.
    pub ziele: Vec<String>,
    /// Kennungen der Bedarfspositionen, die dieses Szenario nennen.
    pub bedarf: Vec<String>,
    /// Summe dieser Positionen (eine Position kann mehreren Szenarien dienen; diese Summen überschneiden sich und werden nie addiert).
    pub investition: Betrag,
}

/// Eine Bedarfsposition.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct BedarfV {
    /// Kennung.
    pub id: String,
    /// Name.
    pub bezeichnung: String,
    /// Fördergegenstand.
    pub kategorie: Label,
    /// Gerätetyp.
    pub geraetetyp: Label,
    /// Anzahl (`nicht bekannt` oder `ca. 30`, wie der Plan sagt).
    pub anzahl: AngabeV,
    /// Einzelpreis; `none`, solange die Kosten offen sind (Dokumente drucken „Kosten noch offen“).
    pub einzelpreis: Option<Betrag>,
    /// Anzahl × Einzelpreis; `none`, solange die Kosten offen sind.
    pub summe: Option<Betrag>,
    /// Kennung der Maßnahme, zu der die Kosten der Position gehören (die erste Maßnahme, die sie nennt).
    pub massnahme: Option<String>,
    /// Jahr der Anschaffung (`nicht bekannt`, wenn der Plan `unbekannt` sagt).
    pub jahr: JahrV,
    /// Woher das Geld kommt (`finanzierung`; DigitalPakt, wenn der Plan nichts anderes sagt).
    pub finanzierung: Label,
    /// Nutzung.
    pub nutzung: Label,
    /// Kostenart (investiv oder laufend).
    pub kostenart: Label,
    /// Begründung für einen Server in der Schule.
    pub server_begruendung: Option<Label>,
    /// Kennungen der Einsatzszenarien.
    pub szenarien: Vec<String>,
    /// Pädagogische Begründung (Markdown).
    pub begruendung: Option<Markdown>,
}

/// Eine Plattform oder ein Dienst.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct PlattformV {
    /// Name.
    pub name: String,
    /// Zweck.
    pub zweck: Label,
    /// Anbieter.
    pub anbieter: Option<String>,
    /// Betreiber.
    pub betreiber: Label,
    /// Land des Hostings (Ländercode).
    pub hosting_land: Option<String>,
    /// Open Source.
    pub open_source: JaNein,
    /// Wessen Daten verarbeitet werden.
    pub daten: Vec<Label>,
    /// Stand des Auftragsverarbeitungsvertrags (AVV).
    pub avv: Option<Label>,
    /// Stand der Datenschutz-Folgenabschätzung (DSFA).
    pub dsfa: Option<Label>,
    /// Eintrag im Verzeichnis der Verarbeitungstätigkeiten (VVT).
    pub vvt: JaNein,
    /// Stand der Einwilligungen.
    pub einwilligung: Option<Label>,
}

/// Datenschutz (fehlt, wenn der Plan nichts dazu sagt).
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct DatenschutzV {
    /// Name der oder des Datenschutzbeauftragten.
    pub beauftragte_person: Option<String>,
    /// Kontakt der oder des Datenschutzbeauftragten.
    pub kontakt: Option<String>,
    /// Extern bestellt.
    pub extern_bestellt: JaNein,
    /// Verzeichnis der Verarbeitungstätigkeiten liegt vor.
    pub vvt: JaNein,
    /// Nutzungsordnung liegt vor.
    pub nutzungsordnung: JaNein,
    /// Löschkonzept liegt vor.
    pub loeschkonzept: JaNein,
}

/// Eine Fortbildung.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct FortbildungV {
    /// Titel.
    pub titel: String,
    /// Zielgruppe.
    pub zielgruppe: Label,
    /// Teilnehmende.
    pub teilnehmende: Anzahl,
    /// Stunden je Person.
    pub stunden: Zahl,
    /// Teilnehmendenstunden (Teilnehmende × Stunden).
    pub teilnehmerstunden: Zahl,
    /// Format.
    pub format: Label,
    /// Anbieter.
    pub anbieter: Option<String>,
    /// Zeitraum.
    pub zeitraum: SpanneV,
    /// Kennungen der Kompetenzen (z. B. `1.2`).
    pub kompetenzen: Vec<String>,
    /// Kennungen der Bedarfspositionen.
    pub bedarf: Vec<String>,
}

/// Betrieb, Wartung und Support.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct BetriebV {
    /// Zuständig für den First-Level-Support.
    pub first_level: Option<String>,
    /// Stunden je Woche für den First-Level-Support.
    pub first_level_stunden: Option<Zahl>,
    /// Zuständig für den Second-Level-Support.
    pub second_level: Option<String>,
    /// Reaktionszeit des Second-Level-Supports in Stunden.
    pub reaktionszeit_stunden: Option<u32>,
    /// Wartungsvertrag.
    pub wartungsvertrag: JaNein,
    /// Ersatzzyklus in Jahren.
    pub ersatzzyklus_jahre: Option<u32>,
    /// Folgekosten je Jahr.
    pub folgekosten_pro_jahr: Option<Betrag>,
    /// Jugendschutzfilter.
    pub jugendschutzfilter: JaNein,
    /// Datum, an dem der Schulträger den Betrieb bestätigt hat.
    pub bestaetigung_schultraeger: Option<DatumV>,
}

/// Eine Maßnahme.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct MassnahmeV {
    /// Kennung.
    pub id: String,
    /// Titel.
    pub titel: String,
    /// Kennungen der Ziele.
    pub ziele: Vec<String>,
    /// Kennungen der Bedarfspositionen.
    pub bedarf: Vec<String>,
    /// Verantwortlich.
    pub verantwortlich: String,
    /// Beginn.
    pub beginn: DatumV,
    /// Ende.
    pub ende: DatumV,
    /// Schuljahr des Beginns, z. B. `Schuljahr 2026/27`.
    pub schuljahr: String,
    /// School years the measure touches: `Schuljahr 2026/27`, or `Schuljahr 2026/27 bis 2027/28`
    /// for a measure that spans more than one.
    pub schuljahre: String,
    /// Kosten der Positionen, die zu dieser Maßnahme gehören (jede Position gehört zur ersten Maßnahme, die sie nennt).
    pub investition: Betrag,
    /// Zahl der Positionen dieser Maßnahme ohne Preis.
    pub kosten_offen: usize,
    /// Positionen, die diese Maßnahme nennt, deren Kosten aber zu einer früheren Maßnahme gehören (verknüpft, nicht addiert).
    pub verknuepft: Vec<String>,
}

/// Evaluation eines Ziels.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct EvaluationV {
    /// Kennung des Ziels.
    pub ziel: String,
    /// Indikator des Ziels, wenn es das Ziel gibt.
    pub indikator: Option<String>,
    /// Methode.
    pub methode: String,
    /// Datum.
    pub zeitpunkt: DatumV,
    /// Verantwortlich.
    pub verantwortlich: Option<String>,
}

/// Ein Raumtyp mit seiner Standardausstattung.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct RaumtypV {
    /// Bezeichnung, z. B. `Klassenraum`.
    pub bezeichnung: String,
    /// Zahl der Räume.
    pub anzahl: Option<AngabeV>,
    /// Ausstattung, die jeder Raum dieses Typs erhält.
    pub ausstattung: Vec<String>,
    /// Beschreibung (Markdown).
    pub beschreibung: Option<Markdown>,
}

/// Ein Kooperationspartner der Schule.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct KooperationV {
    /// Name.
    pub name: String,
    /// Art des Partners.
    pub art: Label,
    /// Worum es in der Kooperation geht (Markdown).
    pub beschreibung: Option<Markdown>,
}

/// Ein Angebot außerhalb des Unterrichts (Elternabend, Medienscouts, AG).
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct AngebotV {
    /// Titel.
    pub titel: String,
    /// Art.
    pub art: Label,
    /// Zielgruppe.
    pub zielgruppe: Option<String>,
    /// Turnus.
    pub turnus: Option<String>,
    /// Beschreibung (Markdown).
    pub beschreibung: Option<Markdown>,
}

/// Eine Anlage.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct AnlageV {
    /// Nummer in der Liste der Anlagen, ab 1.
    pub nummer: usize,
    /// Titel.
    pub titel: String,
    /// Dateiname oder Fundort.
    pub datei: Option<String>,
}

/// Eine Unterschriftszeile.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct UnterschriftV {
    /// Wer unterschreibt.
    pub rolle: Label,
    /// Name.
    pub name: String,
    /// Funktion.
    pub funktion: Option<String>,
    /// Ort.
    pub ort: Option<String>,
    /// Datum, wenn schon unterschrieben.
    pub datum: Option<DatumV>,
}

/// Ein Zusatzkapitel des Plans.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct ZusatzkapitelV {
    /// Überschrift.
    pub titel: String,
    /// Text (Markdown).
    pub text: Markdown,
    /// Kennung des Kapitels, nach dem es steht (ein Schlüssel von `dokument.vokabular.kapitel`, z. B. `ziele`).
    pub nach: String,
}
