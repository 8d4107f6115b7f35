//! Value types of the view: raw values paired with their German display text.
//!
//! Every number a document shows comes with the text a German reader expects
//! (`1.234,56 €`, `31.03.2027`, `12,5 %`), so that all renderers print the
//! same figures and none re-implements German formatting.

use schemars::JsonSchema;
use serde::Serialize;

pub use super::vokabular::{ca, mindestens, mindestens_kosten};
use crate::figures::Ratio;
use crate::german::pow10;
use crate::model::{Angabe, Datum, Euro, Spanne, Zeitpunkt, Zeitraum};

pub use super::vokabular::{KOSTEN_OFFEN, NICHT_BEKANNT};

pub use crate::german::{
    MINUS, NBSP, csv_eur, csv_percent, csv_ratio, de_dec, de_eur, de_int, de_pct, de_percent, de_percent_whole, de_ratio, de_scaled,
    de_share, plain_scaled, round_scaled, schuljahr,
};

/// Ein Geldbetrag: Cent und deutscher Text, `{"cent": 123456, "text": "1.234,56 €", "offen": false}`.
///
/// Eine Summe über Positionen, von denen manche keinen Preis (oder keine Anzahl) haben, ist `offen`: `cent` ist dann der
/// bekannte Teil, und `text` sagt das (`mindestens 12.400,00 €, dazu Kosten noch offen` oder
/// `Kosten noch offen`, wenn keine Position der Summe einen Preis hat). Sie wird nie als 0 gedruckt.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Betrag {
    /// Betrag in Euro-Cent; bei einer offenen Summe der bekannte Teil.
    pub cent: i64,
    /// Text, z. B. `1.234,56 €`, `Kosten noch offen` oder `mindestens 1.234,56 €, dazu Kosten noch offen`; negative Beträge mit dem Minuszeichen U+2212.
    pub text: String,
    /// Ob die Summe Positionen mit offenen Kosten enthält (dann ist `cent` eine Untergrenze).
    pub offen: bool,
}

impl Betrag {
    /// Builds the amount from cents.
    #[must_use]
    pub fn from_cents(cent: i64) -> Self {
        Self { cent, text: de_eur(cent), offen: false }
    }

    /// A sum of `cent` over `priced` items, with `open` further items whose costs are open.
    #[must_use]
    pub fn summe(cent: i64, priced: usize, open: usize) -> Self {
        match (priced, open) {
            (_, 0) => Self::from_cents(cent),
            (0, _) => Self { cent, text: KOSTEN_OFFEN.to_owned(), offen: true },
            _ => Self { cent, text: mindestens_kosten(&de_eur(cent)), offen: true },
        }
    }
}

impl Betrag {
    /// The same amount marked approximate when `ungefaehr` (`ca. 1.234,56 €`, or
    /// `mindestens ca. …, dazu Kosten noch offen`): it includes an item of approximate count.
    #[must_use]
    pub fn ungefaehr(mut self, ungefaehr: bool) -> Self {
        if ungefaehr {
            let amount = ca(&de_eur(self.cent));
            self.text = if self.offen { mindestens_kosten(&amount) } else { amount };
        }
        self
    }
}

impl From<Euro> for Betrag {
    fn from(e: Euro) -> Self {
        Self::from_cents(e.cents())
    }
}

/// Ein Anteil in Prozent: `{"prozent": 12.5, "text": "12,5 %"}`; `prozent` ist auf eine Nachkommastelle gerundet.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct Anteil {
    /// Prozentwert, auf eine Nachkommastelle gerundet (12.5 bedeutet 12,5 %).
    pub prozent: f64,
    /// Text, z. B. `12,5 %` (mit geschütztem Leerzeichen vor `%`).
    pub text: String,
}

impl Anteil {
    /// The exact share `r`, rounded half away from zero to one decimal of a percent.
    #[must_use]
    pub fn of(r: Ratio) -> Self {
        Self { prozent: r.percent(1), text: de_share(r) }
    }

    /// The share, when there is one.
    #[must_use]
    pub fn opt(r: Option<Ratio>) -> Option<Self> {
        r.map(Self::of)
    }
}

/// Eine berechnete Zahl: `{"wert": 16.7, "text": "16,7"}`; `wert` ist auf die gezeigten Nachkommastellen gerundet.
/// Aus einer unbekannten Angabe berechnet ist sie `{"wert": null, "text": "nicht bekannt"}`; aus einer
/// ungefähren beginnt ihr Text mit `ca.`.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct Zahl {
    /// Wert, auf die gezeigten Nachkommastellen gerundet; `none`, wenn eine Angabe unbekannt ist.
    pub wert: Option<f64>,
    /// Text ohne Einheit, z. B. `16,7`, `ca. 16,7` oder `nicht bekannt`.
    pub text: String,
}

impl Zahl {
    /// A figure computed from an unknown input.
    #[must_use]
    pub fn unbekannt() -> Self {
        Self { wert: None, text: NICHT_BEKANNT.to_owned() }
    }

    /// The same figure marked approximate when `ungefaehr` (`ca. 16,7`).
    #[must_use]
    pub fn ungefaehr(mut self, ungefaehr: bool) -> Self {
        if ungefaehr && self.wert.is_some() {
            self.text = ca(&self.text);
        }
        self
    }

    /// Rounds `x` to `places` decimals and formats it.
    #[must_use]
    pub fn new(x: f64, places: usize) -> Self {
        let places = u32::try_from(places).unwrap_or(0);
        Self::scaled(round_scaled(x, places), places)
    }

    /// The exact fraction `r` rounded half away from zero to `places` decimals.
    #[must_use]
    pub fn of_ratio(r: Ratio, places: u32) -> Self {
        Self::scaled(r.scaled(pow10(places)), places)
    }

    /// The number `value / 10^places`, shown with `places` decimals.
    #[must_use]
    pub fn scaled(value: i64, places: u32) -> Self {
        Self { wert: Some(value as f64 / pow10(places) as f64), text: de_scaled(value, places) }
    }

    /// Hundredths of a unit (e.g. of an hour), rounded half away from zero to `places` decimals.
    #[must_use]
    pub fn hundredths(value: i64, places: u32) -> Self {
        Self::of_ratio(Ratio { num: value, den: 100 }, places)
    }
}

/// Eine Anzahl: `{"wert": 2140, "text": "2.140"}`, damit beide Dokumente sie gleich drucken.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Anzahl {
    /// Die Anzahl.
    pub wert: u64,
    /// Text mit Tausenderpunkten, z. B. `2.140`.
    pub text: String,
}

impl Anzahl {
    /// Formats a count.
    #[must_use]
    pub fn new(wert: u64) -> Self {
        Self { wert, text: de_int(i64::try_from(wert).unwrap_or(i64::MAX)) }
    }

    /// A sum of counts of which `unknown` parts are `unbekannt` and some may be approximate:
    /// `nicht bekannt` when nothing is known, `mindestens 12` when a part is, `ca. 12` when a part is approximate.
    #[must_use]
    pub fn menge(wert: u64, known: usize, unknown: usize, approx: bool) -> Self {
        let plain = Self::new(wert);
        let text = match (known, unknown) {
            (_, 0) if approx => ca(&plain.text),
            (_, 0) => plain.text,
            (0, _) => NICHT_BEKANNT.to_owned(),
            _ => mindestens(&plain.text),
        };
        Self { wert, text }
    }
}

impl From<u32> for Anzahl {
    fn from(n: u32) -> Self {
        Self::new(u64::from(n))
    }
}

/// Eine Anzahl, die der Plan als `unbekannt` angeben darf: `{"wert": 812, "text": "812"}` oder
/// `{"wert": null, "text": "nicht bekannt"}`. Unbekannt wird nie als 0 gedruckt.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct AngabeV {
    /// Die Anzahl; `none`, wenn der Plan `unbekannt` sagt.
    pub wert: Option<u32>,
    /// Text: die Anzahl mit Tausenderpunkt, `ca. 30` oder `nicht bekannt`.
    pub text: String,
}

impl From<Angabe<u32>> for AngabeV {
    fn from(a: Angabe<u32>) -> Self {
        match a {
            Angabe::Bekannt(n) => Self { wert: Some(n), text: de_int(i64::from(n)) },
            Angabe::Ungefaehr(n) => Self { wert: Some(n), text: ca(&de_int(i64::from(n))) },
            Angabe::Unbekannt => Self { wert: None, text: NICHT_BEKANNT.to_owned() },
        }
    }
}

/// `stand` or a decision date as printed: `31.03.2027`, `August 2019` or `nicht bekannt`.
#[must_use]
pub fn zeitpunkt_text(a: Angabe<Zeitpunkt>) -> String {
    DatumV::from(a).text
}

/// A count as printed in reports and tables: `30`, `ca. 30` or `nicht bekannt`.
#[must_use]
pub fn angabe_text(a: Angabe<u32>) -> String {
    AngabeV::from(a).text
}

/// A year as printed: `2027` or `nicht bekannt`.
#[must_use]
pub fn jahr_text(a: Angabe<i32>) -> String {
    JahrV::from(a).text
}

/// Ein Jahr, das der Plan als `unbekannt` angeben darf: `{"wert": 2027, "text": "2027"}` oder `{"wert": null, "text": "nicht bekannt"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct JahrV {
    /// Das Jahr; `none`, wenn der Plan `unbekannt` sagt.
    pub wert: Option<i32>,
    /// Das Jahr als Text (ohne Tausenderpunkt) oder `nicht bekannt`.
    pub text: String,
}

impl From<Angabe<i32>> for JahrV {
    fn from(a: Angabe<i32>) -> Self {
        match a.bekannt() {
            Some(y) => Self { wert: Some(y), text: y.to_string() },
            None => Self { wert: None, text: NICHT_BEKANNT.to_owned() },
        }
    }
}

impl From<Angabe<Zeitpunkt>> for DatumV {
    /// `iso` is the form written in the plan (`2027-03-31`, `2019-08` or `unbekannt`).
    fn from(a: Angabe<Zeitpunkt>) -> Self {
        match a.bekannt() {
            Some(z) => Self { iso: z.to_string(), text: z.de() },
            None => Self { iso: crate::model::UNBEKANNT.to_owned(), text: NICHT_BEKANNT.to_owned() },
        }
    }
}

impl From<Angabe<Spanne>> for SpanneV {
    fn from(a: Angabe<Spanne>) -> Self {
        if let Some(s) = a.bekannt() {
            Self::new(s.von, s.bis)
        } else {
            let unknown = || DatumV { iso: crate::model::UNBEKANNT.to_owned(), text: NICHT_BEKANNT.to_owned() };
            Self { von: unknown(), bis: unknown(), text: NICHT_BEKANNT.to_owned() }
        }
    }
}

/// Ein Datum: `{"iso": "2027-03-31", "text": "31.03.2027"}`; ein Stand oder Beschlussdatum kann auch
/// ein Monat sein (`{"iso": "2019-08", "text": "August 2019"}`) oder unbekannt (`{"iso": "unbekannt", "text": "nicht bekannt"}`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct DatumV {
    /// Datum nach ISO 8601 (`2027-03-31`), wie im Plan geschrieben.
    pub iso: String,
    /// Deutsches Datum, `31.03.2027`.
    pub text: String,
}

impl From<Datum> for DatumV {
    fn from(d: Datum) -> Self {
        Self { iso: d.to_string(), text: d.de() }
    }
}

/// Ein Zeitraum mit erstem und letztem Tag und Text (`01.08.2026 – 31.07.2029` oder `1. Quartal 2027`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct SpanneV {
    /// Erster Tag.
    pub von: DatumV,
    /// Letzter Tag.
    pub bis: DatumV,
    /// Text.
    pub text: String,
}

impl SpanneV {
    /// Builds the period from two dates.
    #[must_use]
    pub fn new(von: Datum, bis: Datum) -> Self {
        Self { text: format!("{} – {}", von.de(), bis.de()), von: von.into(), bis: bis.into() }
    }
}

impl From<Zeitraum> for SpanneV {
    fn from(z: Zeitraum) -> Self {
        match z {
            Zeitraum::Quartal(q) => Self { von: q.von().into(), bis: q.bis().into(), text: format!("{}. Quartal {}", q.quartal, q.jahr) },
            Zeitraum::Spanne(s) => Self::new(s.von, s.bis),
        }
    }
}

/// Ein Wert aus einer festen Liste: Schlüssel im YAML und deutsche Bezeichnung, `{"key": "gymnasium", "text": "Gymnasium"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Label {
    /// Schlüssel, wie er im YAML steht.
    pub key: &'static str,
    /// Deutsche Bezeichnung.
    pub text: &'static str,
}

/// Builds a [`Label`] from any choice type of the model.
macro_rules! label {
    ($v:expr) => {
        $crate::view::values::Label { key: $v.key(), text: $v.label() }
    };
}
pub(crate) use label;

/// Eine Ja-nein-Angabe, die fehlen darf: `{"wert": true, "text": "ja"}`; `wert` ist `none`, wenn der Plan nichts sagt.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct JaNein {
    /// Die Antwort; `none`, wenn der Plan nichts sagt.
    pub wert: Option<bool>,
    /// `ja`, `nein` oder `keine Angabe`.
    pub text: &'static str,
}

impl From<Option<bool>> for JaNein {
    fn from(wert: Option<bool>) -> Self {
        let text = match wert {
            Some(true) => "ja",
            Some(false) => "nein",
            None => "keine Angabe",
        };
        Self { wert, text }
    }
}

impl From<bool> for JaNein {
    fn from(b: bool) -> Self {
        Some(b).into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_numbers() {
        assert_eq!(de_int(0), "0");
        assert_eq!(de_int(999), "999");
        assert_eq!(de_int(1000), "1.000");
        assert_eq!(de_int(-1_234_567), "\u{2212}1.234.567");
        assert_eq!(de_eur(123_456), "1.234,56\u{a0}€");
        assert_eq!(de_eur(5), "0,05\u{a0}€");
        assert_eq!(de_eur(-150_000), "\u{2212}1.500,00\u{a0}€");
        assert_eq!(de_eur(0), "0,00\u{a0}€");
        assert_eq!(de_dec(12.345, 1), "12,3");
        assert_eq!(de_dec(1234.5, 2), "1.234,50");
        assert_eq!(de_dec(-0.04, 1), "0,0");
        assert_eq!(de_pct(12.5), "12,5\u{a0}%");
        assert_eq!(schuljahr(2026), "Schuljahr 2026/27");
        assert_eq!(schuljahr(2099), "Schuljahr 2099/00");
    }

    #[test]
    fn shares_and_ratios() {
        assert_eq!(Anteil::of(Ratio { num: 1, den: 8 }).text, "12,5\u{a0}%");
        assert_eq!(Anteil::opt(Ratio::of(1, 0)), None);
        assert_eq!(Zahl::of_ratio(Ratio { num: 500, den: 30 }, 1).text, "16,7");
        // Half away from zero, in documents and CSV alike: 62,5 % → 63 %, 0,125 → 0,13.
        assert_eq!(de_percent(Ratio { num: 5, den: 8 }, 0), "63\u{a0}%");
        assert_eq!(csv_percent(Ratio { num: 5, den: 8 }, 1), "62,5");
        assert_eq!(de_dec(0.125, 2), "0,13");
        assert_eq!(de_dec(62.5, 0), "63");
        assert_eq!(de_dec(-0.04, 1), "0,0");
        assert_eq!(plain_scaled(-4, 2), "-0,04");
        assert_eq!(csv_ratio(Ratio { num: -1, den: 1000 }, 1), "0,0");
        assert_eq!(Anzahl::new(2140).text, "2.140");
    }
}
