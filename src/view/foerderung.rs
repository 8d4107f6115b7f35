//! What the programme says about the plan's running costs, and the Land facts a reader of the
//! finance and operation chapters needs: one place, so that Markdown and PDF say the same.

use schemars::JsonSchema;
use serde::Serialize;

use crate::model::Programm;
use crate::profile::{Belegt, Profile};

/// Was das Förderprogramm zu laufenden Kosten sagt, und bekannte Angaben des Landes zu Mitteln und Wartung.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct FoerderungV {
    /// Bezeichnung der jährlichen Folgekosten, z. B. „Folgekosten je Jahr (nicht förderfähig)“ im DigitalPakt 2019.
    pub folgekosten_bezeichnung: String,
    /// Ein Satz: wer die Folgekosten (Betrieb, Wartung, Support) trägt und ob das Programm sie fördert.
    pub folgekosten_satz: String,
    /// Satzteil nach „Darin enthalten sind laufende Kosten von …;“: ob laufende Positionen gefördert werden.
    pub laufende_kosten: String,
    /// Wie das Land die Mittel an die Schulträger gibt, mit Quelle (Kapitel Finanzierung); sonst leer.
    pub zuweisung: Option<LandangabeV>,
    /// Zuschuss des Landes für Wartung und Pflege der Schul-IT, mit Quelle (Kapitel Betrieb); sonst leer.
    pub wartungszuschuss: Option<LandangabeV>,
}

/// Eine Angabe des Landes aus dem Profil, mit Quelle.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct LandangabeV {
    /// Die Angabe.
    pub text: String,
    /// Adresse (URL) der Quelle.
    pub quelle: String,
    /// Verlässlichkeit der Quelle: `amtlich`, `Presse` oder `sekundär`.
    pub verlaesslichkeit: String,
    /// Datum der Quelle (`TT.MM.JJJJ`), wenn bekannt.
    pub datum: Option<String>,
}

/// The DigitalPakt 2.0 sentence: maintenance and support are announced as fundable, the Länder's rules are pending.
pub const DP2_WARTUNG: &str = "Ob Wartung und Support aus dem DigitalPakt 2.0 gefördert werden, regeln die noch ausstehenden \
Förderrichtlinien der Länder; angekündigt ist es.";

impl FoerderungV {
    /// The programme's wording and the Land facts of a profile.
    #[must_use]
    pub fn of(profile: &Profile) -> Self {
        let (bezeichnung, satz, laufend) = match profile.programm {
            Programm::Dp2019 => (
                "Folgekosten je Jahr (nicht förderfähig)".to_owned(),
                "Folgekosten trägt der Schulträger; sie sind nicht aus Fördermitteln finanzierbar.".to_owned(),
                "sie sind nicht förderfähig.".to_owned(),
            ),
            Programm::Dp2 => (
                "Folgekosten je Jahr".to_owned(),
                format!("Folgekosten trägt der Schulträger. {DP2_WARTUNG}"),
                "ob sie gefördert werden, regeln die noch ausstehenden Förderrichtlinien der Länder.".to_owned(),
            ),
        };
        Self {
            folgekosten_bezeichnung: bezeichnung,
            folgekosten_satz: satz,
            laufende_kosten: laufend,
            zuweisung: profile.angaben.zuweisung.as_ref().map(LandangabeV::of),
            wartungszuschuss: profile.angaben.wartungszuschuss.as_ref().map(LandangabeV::of),
        }
    }
}

impl LandangabeV {
    fn of(b: &Belegt<String>) -> Self {
        Self {
            text: b.wert.clone(),
            quelle: b.quelle.clone(),
            verlaesslichkeit: b.verlaesslichkeit.label().to_owned(),
            datum: b.datum.map(crate::model::Datum::de),
        }
    }
}

impl super::PlanView {
    /// The view of a checked plan under the profile its findings were computed with (`None` when the
    /// plan could not be loaded): one function for `mep erstellen` and the editor, so that the
    /// Prüfbericht of a document equals `mep pruefen` with the same options.
    #[must_use]
    pub fn of_checked(checked: &crate::Checked, choice: &crate::profile::Choice, opt: &super::Optionen) -> Option<Self> {
        let plan = checked.value.as_ref()?;
        Some(Self::build_for(plan, &choice.resolve_for(plan), &checked.diagnostics, opt))
    }
}
