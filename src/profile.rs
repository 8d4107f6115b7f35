//! Rule profiles: which rules apply, with which severity and parameters.
//!
//! A profile is data. The programme profiles (`digitalpakt-2019`,
//! `digitalpakt-2`) and the 16 Land overlays are embedded from
//! `schemas/profiles/`; a working group can layer its own file on top
//! (`mep validate --profile FILE`). Resolution order: programme → Land → file.
//! Every parameter carries its source, so a reviewer can see where a number
//! comes from.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::diag::{Diagnostic, Severity};
use crate::load::{Limits, Loaded, Schema, load_document, suggest};
use crate::model::{Datum, Euro, Gremium, Land, Plan, Programm, Rahmen, Spanne};
use crate::rules::{self, Verlaesslichkeit};

/// Verhältnis der beiden Obergrenzen für mobile Endgeräte (VV § 3 Abs. 1 Nr. 6 c).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum CapMode {
    /// Die günstigere Grenze gilt (Lesart Schleswig-Holstein).
    #[serde(rename = "alternativ")]
    Alternativ,
    /// Beide Grenzen gelten (Lesart Mecklenburg-Vorpommern).
    #[serde(rename = "kumulativ")]
    Kumulativ,
}

impl CapMode {
    /// The German word.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Alternativ => "alternativ",
            Self::Kumulativ => "kumulativ",
        }
    }
}

/// Einstellung einer Regel im Profil.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum Einstellung {
    /// Als Fehler melden.
    #[serde(rename = "fehler")]
    Fehler,
    /// Als Warnung melden.
    #[serde(rename = "warnung")]
    Warnung,
    /// Als Hinweis melden.
    #[serde(rename = "hinweis")]
    Hinweis,
    /// Nicht prüfen.
    #[serde(rename = "aus")]
    Aus,
}

impl Einstellung {
    /// The severity, or `None` when the rule is off.
    #[must_use]
    pub fn severity(self) -> Option<Severity> {
        match self {
            Self::Fehler => Some(Severity::Fehler),
            Self::Warnung => Some(Severity::Warnung),
            Self::Hinweis => Some(Severity::Hinweis),
            Self::Aus => None,
        }
    }
}

/// Ein Wert mit seiner Quelle.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Belegt<T> {
    /// Der Wert.
    pub wert: T,
    /// Adresse (URL) der Quelle.
    pub quelle: String,
    /// Verlässlichkeit der Quelle: `amtlich`, `Presse` oder `sekundär`.
    pub verlaesslichkeit: Verlaesslichkeit,
    /// Erläuterung, etwa zu einer unsicheren oder widersprüchlichen Quellenlage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anmerkung: Option<String>,
}

/// Teil des Medienkonzepts, den ein Land verlangt.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
pub enum Konzeptteil {
    /// Ist-Analyse: Technik, Fortbildungsstand und schulische Prozesse.
    #[serde(rename = "ist_analyse")]
    IstAnalyse,
    /// Mediencurriculum mit Unterrichtseinheiten.
    #[serde(rename = "mediencurriculum")]
    Mediencurriculum,
    /// Fortbildungsplanung.
    #[serde(rename = "fortbildungsplanung")]
    Fortbildungsplanung,
    /// Ausstattungsplan (Bedarf).
    #[serde(rename = "ausstattungsplan")]
    Ausstattungsplan,
    /// Technisch-pädagogisches Einsatzkonzept (Einsatzszenarien).
    #[serde(rename = "einsatzkonzept")]
    Einsatzkonzept,
    /// Umsetzungszeitplan (Maßnahmen mit Terminen und Verantwortlichen).
    #[serde(rename = "zeitplan")]
    Zeitplan,
    /// Evaluation je Ziel.
    #[serde(rename = "evaluation")]
    Evaluation,
    /// Ziele mit Indikator, Zielwert und Termin.
    #[serde(rename = "ziele_messbar")]
    ZieleMessbar,
}

impl Konzeptteil {
    /// The German name.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::IstAnalyse => "Ist-Analyse (Technik, Fortbildungsstand, Prozesse)",
            Self::Mediencurriculum => "Mediencurriculum",
            Self::Fortbildungsplanung => "Fortbildungsplanung",
            Self::Ausstattungsplan => "Ausstattungsplan",
            Self::Einsatzkonzept => "Technisch-pädagogisches Einsatzkonzept",
            Self::Zeitplan => "Umsetzungszeitplan",
            Self::Evaluation => "Evaluation je Ziel",
            Self::ZieleMessbar => "Ziele mit Indikator, Zielwert und Termin",
        }
    }
}

/// Parameter der Regeln. Nicht angegebene Werte erbt das Profil von der Ebene darunter.
#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Parameter {
    /// Mindest-Eigenanteil in Prozent der förderfähigen Gesamtkosten.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eigenanteil_min_prozent: Option<Belegt<u32>>,
    /// Mindest-Eigenanteil für finanzschwache Kommunen in Prozent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eigenanteil_min_finanzschwach_prozent: Option<Belegt<u32>>,
    /// Höchster Fördersatz in Prozent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub foerdersatz_max_prozent: Option<Belegt<u32>>,
    /// Höchstanteil mobiler Endgeräte an der Investition in Prozent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mobil_anteil_max_prozent: Option<Belegt<u32>>,
    /// Höchstbetrag für mobile Endgeräte je Schule in Euro.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mobil_max_je_schule_eur: Option<Belegt<Euro>>,
    /// Verhältnis der beiden Grenzen: `alternativ` (die günstigere gilt) oder `kumulativ` (beide gelten).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mobil_modus: Option<Belegt<CapMode>>,
    /// Zeitraum, in dem Maßnahmen liegen müssen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub foerderzeitraum: Option<Belegt<Spanne>>,
    /// Letzter Tag für Anträge.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub antragsfrist: Option<Belegt<Datum>>,
    /// Teile des Medienkonzepts, die das Land verlangt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub konzeptteile: Option<Belegt<Vec<Konzeptteil>>>,
    /// Kompetenzrahmen, auf den das Mediencurriculum Bezug nehmen soll.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kompetenzrahmen: Option<Belegt<Rahmen>>,
    /// Gremien, deren Beschluss oder Bestätigung der Plan tragen muss.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub beschluesse: Option<Belegt<Vec<Gremium>>>,
}

/// Beschreibende Angaben eines Landes (für Prüfende, nicht geprüft).
#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Angaben {
    /// Name des Konzepts im Land, z. B. Medienentwicklungsplan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub konzept: Option<Belegt<String>>,
    /// Wann das Konzept vorliegen muss.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub konzept_faellig: Option<Belegt<String>>,
    /// Bewilligungsstelle.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bewilligung: Option<Belegt<String>>,
    /// Verteilung der Mittel auf die Schulträger.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budgetformel: Option<Belegt<String>>,
    /// Mittel des Bundes für das Land.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bundesmittel: Option<Belegt<String>>,
}

/// Eine Profildatei: Programm, Land-Ergänzung oder eigene Anpassung einer Arbeitsgruppe.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Regelprofil (mep)",
    description = "Regelprofil für `mep validate --profile`: wählt Regeln, Schweregrade und Parameter."
)]
pub struct ProfilDatei {
    /// Kennung des Profils, z. B. `digitalpakt-2` oder `land-bw`.
    pub id: String,
    /// Titel.
    pub titel: String,
    /// Förderprogramm, für das das Profil gilt (Programmprofile und eigene Profile).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub programm: Option<Programm>,
    /// Land, für das das Profil gilt (Land-Ergänzungen).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub land: Option<Land>,
    /// Gesetzt, wenn das Profil vorläufig ist: der Grund.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vorlaeufig: Option<String>,
    /// Parameter der Regeln.
    #[serde(default)]
    pub parameter: Parameter,
    /// Parameter, die nur im DigitalPakt 2019–2024 gelten (Land-Ergänzungen: Fristen, Förderzeitraum).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub digitalpakt_2019: Option<Parameter>,
    /// Parameter, die nur im DigitalPakt 2.0 gelten.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub digitalpakt_2: Option<Parameter>,
    /// Beschreibende Angaben.
    #[serde(default)]
    pub angaben: Angaben,
    /// Schweregrad je Regel-Code: `fehler`, `warnung`, `hinweis` oder `aus`.
    #[serde(default)]
    pub regeln: BTreeMap<String, Einstellung>,
}

/// The embedded profile files: (file name, text).
static EMBEDDED_FILES: &[(&str, &str)] = &[
    ("schemas/profiles/digitalpakt-2019.yaml", include_str!("../schemas/profiles/digitalpakt-2019.yaml")),
    ("schemas/profiles/digitalpakt-2.yaml", include_str!("../schemas/profiles/digitalpakt-2.yaml")),
    ("schemas/profiles/laender/bw.yaml", include_str!("../schemas/profiles/laender/bw.yaml")),
    ("schemas/profiles/laender/by.yaml", include_str!("../schemas/profiles/laender/by.yaml")),
    ("schemas/profiles/laender/be.yaml", include_str!("../schemas/profiles/laender/be.yaml")),
    ("schemas/profiles/laender/bb.yaml", include_str!("../schemas/profiles/laender/bb.yaml")),
    ("schemas/profiles/laender/hb.yaml", include_str!("../schemas/profiles/laender/hb.yaml")),
    ("schemas/profiles/laender/hh.yaml", include_str!("../schemas/profiles/laender/hh.yaml")),
    ("schemas/profiles/laender/he.yaml", include_str!("../schemas/profiles/laender/he.yaml")),
    ("schemas/profiles/laender/mv.yaml", include_str!("../schemas/profiles/laender/mv.yaml")),
    ("schemas/profiles/laender/ni.yaml", include_str!("../schemas/profiles/laender/ni.yaml")),
    ("schemas/profiles/laender/nw.yaml", include_str!("../schemas/profiles/laender/nw.yaml")),
    ("schemas/profiles/laender/rp.yaml", include_str!("../schemas/profiles/laender/rp.yaml")),
    ("schemas/profiles/laender/sl.yaml", include_str!("../schemas/profiles/laender/sl.yaml")),
    ("schemas/profiles/laender/sn.yaml", include_str!("../schemas/profiles/laender/sn.yaml")),
    ("schemas/profiles/laender/st.yaml", include_str!("../schemas/profiles/laender/st.yaml")),
    ("schemas/profiles/laender/sh.yaml", include_str!("../schemas/profiles/laender/sh.yaml")),
    ("schemas/profiles/laender/th.yaml", include_str!("../schemas/profiles/laender/th.yaml")),
];

static PROFILE_SCHEMA: LazyLock<Schema> = LazyLock::new(Schema::of::<ProfilDatei>);

/// The embedded profiles, each loaded and validated like a user's file.
static EMBEDDED: LazyLock<Vec<Loaded<ProfilDatei>>> =
    LazyLock::new(|| EMBEDDED_FILES.iter().map(|(name, text)| load_profile(name, text.as_bytes(), &Limits::default())).collect());

/// The JSON Schema of a profile file.
#[must_use]
pub fn schema() -> &'static Schema {
    &PROFILE_SCHEMA
}

/// Where the JSON Schema of profile files is committed.
pub const SCHEMA_PATH: &str = "schemas/profile.schema.json";

/// The JSON Schema of a profile file as committed text (header keys first).
#[must_use]
pub fn schema_json() -> String {
    crate::init::schema_text(PROFILE_SCHEMA.as_json(), None)
}

/// Every embedded profile file with the findings of its validation (empty when sound).
#[must_use]
pub fn embedded() -> &'static [Loaded<ProfilDatei>] {
    &EMBEDDED
}

fn embedded_programme(p: Programm) -> Option<&'static ProfilDatei> {
    EMBEDDED.iter().filter_map(|l| l.value.as_ref()).find(|f| f.programm == Some(p) && f.land.is_none())
}

fn embedded_land(land: Land) -> Option<&'static ProfilDatei> {
    EMBEDDED.iter().filter_map(|l| l.value.as_ref()).find(|f| f.land == Some(land) && f.programm.is_none())
}

/// Loads a profile file and validates it: structure (like a plan), then rule codes and severities.
#[must_use]
pub fn load_profile(name: &str, bytes: &[u8], limits: &Limits) -> Loaded<ProfilDatei> {
    let mut loaded = load_document::<ProfilDatei>(name, bytes, limits, &PROFILE_SCHEMA);
    if let Some(file) = &loaded.value {
        let mut found = validate(file);
        for d in &mut found {
            loaded.source.locate(d);
        }
        loaded.diagnostics.append(&mut found);
        crate::diag::sort(&mut loaded.diagnostics);
        if crate::has_errors(&loaded.diagnostics) {
            loaded.value = None;
        }
    }
    loaded
}

/// Checks what the structure cannot: known rule codes, severities allowed by the sources.
fn validate(file: &ProfilDatei) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let codes: Vec<&str> = rules::all().iter().filter(|r| r.check.is_some()).map(|r| r.code).collect();
    for (code, setting) in &file.regeln {
        let path = format!("regeln.{code}");
        match rules::find(code) {
            Some(rule) if rule.check.is_some() => {
                if *setting == Einstellung::Fehler && rule.only_weak_sources() {
                    out.push(
                        Diagnostic::new(
                            "PROFIL-SCHWERE",
                            Severity::Fehler,
                            path,
                            format!(
                                "`{}` stützt sich nur auf Presse- oder Sekundärquellen und darf höchstens eine Warnung sein.",
                                rule.code
                            ),
                        )
                        .help("Schreiben Sie `warnung` oder ergänzen Sie zuerst eine amtliche Quelle in der Regel."),
                    );
                }
            }
            Some(rule) => out.push(
                Diagnostic::new(
                    "PROFIL-REGEL",
                    Severity::Fehler,
                    path,
                    format!("`{}` wird beim Einlesen geprüft und lässt sich nicht über ein Profil einstellen.", rule.code),
                )
                .help("Entfernen Sie den Eintrag."),
            ),
            None => {
                let help = match suggest(code, &codes) {
                    Some(s) => format!("Meinten Sie `{s}`? Alle Codes zeigt `mep rules`."),
                    None => "Alle Codes zeigt `mep rules`.".to_owned(),
                };
                out.push(Diagnostic::new("PROFIL-REGEL", Severity::Fehler, path, format!("Die Regel `{code}` gibt es nicht.")).help(help));
            }
        }
    }
    if let (Some(p), Some(_)) = (file.programm, file.land)
        && file.id.starts_with("land-")
    {
        out.push(Diagnostic::new(
            "PROFIL-REGEL",
            Severity::Fehler,
            "programm",
            format!("Eine Land-Ergänzung gilt für jedes Programm und nennt kein Programm (hier `{}`).", p.key()),
        ));
    }
    out
}

/// Built-in fallbacks, used only if a layer leaves a parameter open.
const DEFAULT_OWN_SHARE_PERCENT: u32 = 10;
const DEFAULT_MOBILE_SHARE_PERCENT: u32 = 20;
const DEFAULT_MOBILE_CAP_CENTS: i64 = 2_500_000;
const DEFAULT_FUNDING_PERCENT: u32 = 90;

/// The effective profile for one plan: programme + Land + optional file.
#[derive(Clone, Debug, Serialize)]
pub struct Profile {
    /// Programme whose rules apply.
    pub programm: Programm,
    /// Land whose overlay applies (`None` only for a programme-wide listing).
    pub land: Option<Land>,
    /// Ids of the layers, bottom first.
    pub layers: Vec<String>,
    /// Titles of the layers, bottom first.
    pub titles: Vec<String>,
    /// Reasons why a layer is provisional.
    pub provisional: Vec<String>,
    /// Merged parameters.
    pub parameter: Parameter,
    /// Merged descriptive data of the Land.
    pub angaben: Angaben,
    /// Merged rule settings.
    pub regeln: BTreeMap<String, Einstellung>,
}

/// What the user chose on the command line; resolved against each plan.
#[derive(Clone, Debug, Default)]
pub struct Choice {
    /// Forced programme (`--programm`).
    pub programm: Option<Programm>,
    /// Forced Land (`--land`).
    pub land: Option<Land>,
    /// A profile file layered on top (`--profile`).
    pub file: Option<ProfilDatei>,
}

impl Choice {
    /// The effective profile for a plan: forced values first, then the file's, then the plan's.
    #[must_use]
    pub fn resolve_for(&self, plan: &Plan) -> Profile {
        self.resolve(plan.programme, plan.land)
    }

    /// The effective profile for a programme and Land named in a document (a plan or `traeger.yaml`).
    #[must_use]
    pub fn resolve(&self, programme: Programm, land: Land) -> Profile {
        let file = self.file.as_ref();
        let programm = self.programm.or_else(|| file.and_then(|f| f.programm)).unwrap_or(programme);
        let land = self.land.or_else(|| file.and_then(|f| f.land)).unwrap_or(land);
        Profile::resolve_with(programm, land, file)
    }
}

impl Profile {
    /// The effective profile of a programme in a Land (embedded data only).
    #[must_use]
    pub fn resolve(programm: Programm, land: Land) -> Self {
        Self::resolve_with(programm, land, None)
    }

    /// The profile a plan selects by its own `programm` and `land`.
    #[must_use]
    pub fn for_plan(plan: &Plan) -> Self {
        Self::resolve(plan.programme, plan.land)
    }

    /// Programme → Land → file.
    #[must_use]
    pub fn resolve_with(programm: Programm, land: Land, file: Option<&ProfilDatei>) -> Self {
        Self::build(programm, Some(land), file)
    }

    /// Programme → file, without a Land overlay (for listing the programme's rules).
    #[must_use]
    pub fn resolve_programme(programm: Programm, file: Option<&ProfilDatei>) -> Self {
        Self::build(programm, None, file)
    }

    fn build(programm: Programm, land: Option<Land>, file: Option<&ProfilDatei>) -> Self {
        let mut p = Profile {
            programm,
            land,
            layers: Vec::new(),
            titles: Vec::new(),
            provisional: Vec::new(),
            parameter: Parameter::default(),
            angaben: Angaben::default(),
            regeln: BTreeMap::new(),
        };
        for layer in [embedded_programme(programm), land.and_then(embedded_land), file].into_iter().flatten() {
            p.apply(layer);
        }
        p
    }

    fn apply(&mut self, f: &ProfilDatei) {
        self.layers.push(f.id.clone());
        self.titles.push(f.titel.clone());
        if let Some(reason) = &f.vorlaeufig {
            self.provisional.push(reason.clone());
        }
        macro_rules! take {
            ($target:expr, $source:expr, $($field:ident),+) => {
                $( if let Some(v) = &$source.$field { $target.$field = Some(v.clone()); } )+
            };
        }
        let specific = match self.programm {
            Programm::Dp2019 => f.digitalpakt_2019.as_ref(),
            Programm::Dp2 => f.digitalpakt_2.as_ref(),
        };
        for params in std::iter::once(&f.parameter).chain(specific) {
            self.take_parameters(params);
        }
        take!(self.angaben, f.angaben, konzept, konzept_faellig, bewilligung, budgetformel, bundesmittel);
        for (code, setting) in &f.regeln {
            if let Some(rule) = rules::find(code) {
                self.regeln.insert(rule.code.to_owned(), *setting);
            }
        }
    }

    fn take_parameters(&mut self, p: &Parameter) {
        macro_rules! take {
            ($target:expr, $source:expr, $($field:ident),+) => {
                $( if let Some(v) = &$source.$field { $target.$field = Some(v.clone()); } )+
            };
        }
        take!(
            self.parameter,
            p,
            eigenanteil_min_prozent,
            eigenanteil_min_finanzschwach_prozent,
            foerdersatz_max_prozent,
            mobil_anteil_max_prozent,
            mobil_max_je_schule_eur,
            mobil_modus,
            foerderzeitraum,
            antragsfrist,
            konzeptteile,
            kompetenzrahmen,
            beschluesse
        );
    }

    /// A short German title, e.g. "DigitalPakt 2.0 (2025–2030), Baden-Württemberg", followed by the layers.
    #[must_use]
    pub fn title(&self) -> String {
        let mut t = match self.land {
            Some(l) => format!("{}, {}", self.programm.label(), l.label()),
            None => self.programm.label().to_owned(),
        };
        t.push_str(&format!(" ({})", self.layers.join(" + ")));
        t
    }

    /// The Land's name for messages, or "das Profil" without a Land.
    #[must_use]
    pub fn land_name(&self) -> &'static str {
        self.land.map_or("das Profil", Land::label)
    }

    /// Whether the programme profile is provisional.
    #[must_use]
    pub fn is_provisional(&self) -> bool {
        !self.provisional.is_empty()
    }

    /// The severity a rule has under this profile, or `None` when it is off.
    #[must_use]
    pub fn severity(&self, rule: &rules::Rule) -> Option<Severity> {
        match self.regeln.get(rule.code) {
            Some(setting) => setting.severity(),
            None => Some(rule.severity),
        }
    }

    /// Highest share of mobile devices in the investment, in percent (default 20).
    #[must_use]
    pub fn mobile_share_limit_percent(&self) -> u32 {
        self.parameter.mobil_anteil_max_prozent.as_ref().map_or(DEFAULT_MOBILE_SHARE_PERCENT, |b| b.wert)
    }

    /// Highest amount for mobile devices per school, in euro cents (default 25 000 €).
    #[must_use]
    pub fn mobile_cap_cents(&self) -> i64 {
        self.parameter.mobil_max_je_schule_eur.as_ref().map_or(DEFAULT_MOBILE_CAP_CENTS, |b| b.wert.cents())
    }

    /// How the two mobile-device limits combine (default: alternativ).
    #[must_use]
    pub fn cap_mode(&self) -> CapMode {
        self.parameter.mobil_modus.as_ref().map_or(CapMode::Alternativ, |b| b.wert)
    }

    /// Minimum Eigenanteil in percent of the total; `financially_weak` selects the reduced value where the Land has one.
    #[must_use]
    pub fn own_share_min_percent(&self, financially_weak: bool) -> u32 {
        let normal = self.parameter.eigenanteil_min_prozent.as_ref().map_or(DEFAULT_OWN_SHARE_PERCENT, |b| b.wert);
        match (&self.parameter.eigenanteil_min_finanzschwach_prozent, financially_weak) {
            (Some(weak), true) => weak.wert,
            _ => normal,
        }
    }

    /// Highest funding rate in percent (default 90).
    #[must_use]
    pub fn max_funding_percent(&self) -> u32 {
        self.parameter.foerdersatz_max_prozent.as_ref().map_or(DEFAULT_FUNDING_PERCENT, |b| b.wert)
    }
}
