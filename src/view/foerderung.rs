//! What the programme says about the plan's running costs, and the Land facts a reader of the
//! finance and operation chapters needs: one place, so that Markdown and PDF say the same.

use schemars::JsonSchema;
use serde::Serialize;

use crate::model::Programm;
use crate::profile::{Belegt, Profile};

/// The sentences on running costs under the plan's programme, and the Land's known facts.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct FoerderungV {
    /// Label of the yearly follow-up costs, e.g. „Folgekosten je Jahr (nicht förderfähig)“ under the DigitalPakt 2019.
    pub folgekosten_bezeichnung: String,
    /// Who pays follow-up costs (operation, maintenance, support) and whether the programme funds them, one sentence.
    pub folgekosten_satz: String,
    /// Clause after „Darin enthalten sind laufende Kosten von … ;“ on whether running items are funded.
    pub laufende_kosten: String,
    /// How the Land passes the money to the Schulträger, with its source (finance chapter).
    pub zuweisung: Option<LandangabeV>,
    /// The Land's grant for maintenance and care of school IT, with its source (operation chapter).
    pub wartungszuschuss: Option<LandangabeV>,
}

/// A fact about the Land from the profile, with its source.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct LandangabeV {
    /// The fact, German text.
    pub text: String,
    /// URL of the source.
    pub quelle: String,
    /// Reliability of the source: `amtlich`, `Presse` or `sekundär`.
    pub verlaesslichkeit: String,
    /// Date of the source, `TT.MM.JJJJ`, when known.
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
