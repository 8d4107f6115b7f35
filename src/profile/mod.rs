//! Rule profiles: which rules apply, with which severity and parameters.
//!
//! A profile is data. The programme profiles (`digitalpakt-2019`,
//! `digitalpakt-2`) and the 16 Land overlays are embedded from
//! `schemas/profiles/`; a working group can layer its own file on top
//! (`mep validate --profile FILE`). Resolution order: programme → Land → file.
//! A Land overlay holds its values per programme: what is known only for the
//! DigitalPakt 2019 never reaches a plan of the DigitalPakt 2.0.
//! Every parameter carries its source, so a reviewer can see where a number
//! comes from.

mod embedded;
mod file;
mod parameter;
mod types;

use std::collections::BTreeMap;

use serde::Serialize;

pub use embedded::embedded;
pub use file::{Abschnitt, ProfilDatei, SCHEMA_PATH, read_profile, schema, schema_json};
pub use parameter::{ANGABEN, Angaben, Declared, PARAMETERS, ParamRow, Parameter, markdown_table};
pub use types::{Belegt, CapMode, Einstellung, Faelligkeit, Herkunft, Konzeptteil};

use crate::diag::Rule;
use crate::diag::Severity;
use crate::model::{Datum, Land, Plan, Programm};

/// Built-in fallbacks of the mobile-device limits (VV 2019), used only if a user's layer leaves them open.
const DEFAULT_MOBILE_SHARE_PERCENT: u32 = 20;
const DEFAULT_MOBILE_CAP_CENTS: i64 = 2_500_000;

/// The effective profile for one plan: programme + Land + optional file.
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct Profile {
    /// Programme whose rules apply.
    pub programm: Programm,
    /// Land whose overlay applies (`None` only for a programme-wide listing).
    pub land: Option<Land>,
    /// Ids of the layers, bottom first.
    pub layers: Vec<String>,
    /// Titles of the layers, bottom first.
    pub titles: Vec<String>,
    /// Reasons why a layer is provisional: what is agreed and what is pending.
    pub provisional: Vec<String>,
    /// Date of the newest source of the provisional layers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stand: Option<Datum>,
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
            stand: None,
            parameter: Parameter::default(),
            angaben: Angaben::default(),
            regeln: BTreeMap::new(),
        };
        let layers = [
            (embedded::programme(programm), Herkunft::Programm),
            (land.and_then(embedded::land), Herkunft::Land),
            (file, Herkunft::Datei(file.map(|f| f.titel.clone()).unwrap_or_default())),
        ];
        for (layer, herkunft) in layers {
            if let Some(layer) = layer {
                p.apply(layer, &herkunft);
            }
        }
        p
    }

    fn apply(&mut self, f: &ProfilDatei, herkunft: &Herkunft) {
        self.layers.push(f.id.clone());
        self.titles.push(f.titel.clone());
        if let Some(reason) = &f.vorlaeufig {
            self.provisional.push(reason.clone());
            self.stand = self.stand.max(f.stand);
        }
        // A Land overlay speaks only per programme; other files may also hold values for every programme.
        let general = (!f.is_land_overlay()).then_some((&f.parameter, &f.angaben, &f.regeln));
        let specific = f.section(self.programm).map(|s| (&s.parameter, &s.angaben, &s.regeln));
        for (parameter, angaben, regeln) in general.into_iter().chain(specific) {
            self.parameter.merge(parameter, herkunft);
            self.angaben.merge(angaben, herkunft);
            for (code, setting) in regeln {
                // Codes were checked when the file was read (`rules::profil`); the registry is upper case.
                self.regeln.insert(code.to_ascii_uppercase(), *setting);
            }
        }
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

    /// Who asks for a value, as the subject of a sentence: the Land ("Hessen"), the programme
    /// ("der DigitalPakt Schule 2019–2024") or the profile file ("das Profil „Kreis Teichdorf“").
    #[must_use]
    pub fn who<T>(&self, value: &Belegt<T>) -> String {
        match &value.herkunft {
            Herkunft::Land => self.land_name().to_owned(),
            Herkunft::Programm => format!("der {}", self.programm.label()),
            Herkunft::Datei(titel) => format!("das Profil „{}“", titel.trim()),
        }
    }

    /// Where a value is asked for, completing a sentence: "in Hessen", "im DigitalPakt Schule
    /// 2019–2024", "im Profil „Kreis Teichdorf“".
    #[must_use]
    pub fn where_from<T>(&self, value: &Belegt<T>) -> String {
        match &value.herkunft {
            Herkunft::Land => format!("in {}", self.land_name()),
            Herkunft::Programm => format!("im {}", self.programm.label()),
            Herkunft::Datei(titel) => format!("im Profil „{}“", titel.trim()),
        }
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
    pub fn severity(&self, rule: &Rule) -> Option<Severity> {
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

    /// The Schulträger's minimum share (Eigenanteil and other money), with its source; `financially_weak`
    /// selects the reduced value where the Land has one. `None` where the profile knows no such minimum.
    #[must_use]
    pub fn own_share_min(&self, financially_weak: bool) -> Option<&Belegt<u32>> {
        let p = &self.parameter;
        match (&p.eigenanteil_min_finanzschwach_prozent, financially_weak) {
            (Some(weak), true) => Some(weak),
            _ => p.eigenanteil_min_prozent.as_ref(),
        }
    }

    /// Minimum Eigenanteil in percent of the total, if the profile has one.
    #[must_use]
    pub fn own_share_min_percent(&self, financially_weak: bool) -> Option<u32> {
        self.own_share_min(financially_weak).map(|b| b.wert)
    }

    /// Highest funding rate in percent, if the profile has one.
    #[must_use]
    pub fn max_funding_percent(&self) -> Option<u32> {
        self.parameter.foerdersatz_max_prozent.as_ref().map(|b| b.wert)
    }
}
