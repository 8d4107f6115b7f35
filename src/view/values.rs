//! Value types of the view: raw values paired with their German display text.
//!
//! Every number a document shows comes with the text a German reader expects
//! (`1.234,56 €`, `31.03.2027`, `12,5 %`), so that all renderers print the
//! same figures and none re-implements German formatting.

use serde::{Serialize, Serializer};

use crate::model::{Angabe, Datum, Euro, Zeitraum};

/// Groups the digits of a whole number with `.` as thousands separator: `1.234.567`.
#[must_use]
pub fn de_int(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// Formats a decimal number with `places` decimals, `,` as decimal mark and grouped thousands: `1.234,5`.
#[must_use]
pub fn de_dec(x: f64, places: usize) -> String {
    if !x.is_finite() {
        return "–".to_owned();
    }
    let text = format!("{:.*}", places, x.abs());
    let (whole, frac) = text.split_once('.').unwrap_or((&text, ""));
    let whole: i64 = whole.parse().unwrap_or(0);
    let negative = x < 0.0 && text.bytes().any(|b| b.is_ascii_digit() && b != b'0');
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    out.push_str(&de_int(whole));
    if !frac.is_empty() {
        out.push(',');
        out.push_str(frac);
    }
    out
}

/// Formats euro cents as `1.234,56 €` (always two decimals, as in cost plans).
#[must_use]
pub fn de_eur(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    let whole = i64::try_from(abs / 100).unwrap_or(i64::MAX);
    format!("{sign}{},{:02} €", de_int(whole), abs % 100)
}

/// Formats a percentage with one decimal: `12,5 %`.
#[must_use]
pub fn de_pct(percent: f64) -> String {
    format!("{} %", de_dec(percent, 1))
}

/// Names the school year that starts in `year`: `Schuljahr 2026/27`.
#[must_use]
pub fn schuljahr(year: i32) -> String {
    format!("Schuljahr {year}/{:02}", (year + 1).rem_euclid(100))
}

/// An amount of money: cents and German text. Serialised as `{"cent": 123456, "text": "1.234,56 €"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Betrag {
    /// Amount in euro cents.
    pub cent: i64,
    /// German text, e.g. `1.234,56 €`.
    pub text: String,
}

impl Betrag {
    /// Builds the amount from cents.
    #[must_use]
    pub fn from_cents(cent: i64) -> Self {
        Self { cent, text: de_eur(cent) }
    }
}

impl From<Euro> for Betrag {
    fn from(e: Euro) -> Self {
        Self::from_cents(e.cents())
    }
}

/// A share in percent: `{"prozent": 12.5, "text": "12,5 %"}`; `prozent` is rounded to one decimal.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Anteil {
    /// Percentage, rounded to one decimal (12.5 means 12,5 %).
    pub prozent: f64,
    /// German text, e.g. `12,5 %`.
    pub text: String,
}

impl Anteil {
    /// The share `part / whole`, or `None` when `whole` is zero.
    #[must_use]
    pub fn of(part: f64, whole: f64) -> Option<Self> {
        (whole > 0.0 && part.is_finite()).then(|| {
            let prozent = (part / whole * 1000.0).round() / 10.0;
            Self { prozent, text: de_pct(prozent) }
        })
    }
}

/// A computed decimal figure: `{"wert": 16.67, "text": "16,7"}`; `wert` is rounded to `places` decimals.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Zahl {
    /// Value, rounded to the decimals shown.
    pub wert: f64,
    /// German text without unit, e.g. `16,7`.
    pub text: String,
}

impl Zahl {
    /// Rounds `x` to `places` decimals and formats it.
    #[must_use]
    pub fn new(x: f64, places: usize) -> Self {
        let factor = 10f64.powi(i32::try_from(places).unwrap_or(0));
        let wert = (x * factor).round() / factor;
        Self { wert, text: de_dec(wert, places) }
    }

    /// The quotient `a / b` rounded to `places`, or `None` when `b` is zero.
    #[must_use]
    pub fn ratio(a: f64, b: f64, places: usize) -> Option<Self> {
        (b > 0.0 && a.is_finite()).then(|| Self::new(a / b, places))
    }
}

/// A count the plan may state as `unbekannt`: `{"wert": 812, "text": "812"}` or
/// `{"wert": null, "text": "nicht bekannt"}`. Never printed as 0 when unknown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AngabeV {
    /// The count, `None` when the plan says `unbekannt`.
    pub wert: Option<u32>,
    /// German text: the count with thousands separator, or `nicht bekannt`.
    pub text: String,
}

/// Text for a fact the plan states as `unbekannt`.
pub const NICHT_BEKANNT: &str = "nicht bekannt";

impl From<Angabe<u32>> for AngabeV {
    fn from(a: Angabe<u32>) -> Self {
        match a.bekannt() {
            Some(n) => Self { wert: Some(n), text: de_int(i64::from(n)) },
            None => Self { wert: None, text: NICHT_BEKANNT.to_owned() },
        }
    }
}

/// A date: `{"iso": "2027-03-31", "text": "31.03.2027"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DatumV {
    /// ISO 8601 date.
    pub iso: String,
    /// German date, `31.03.2027`.
    pub text: String,
}

impl From<Datum> for DatumV {
    fn from(d: Datum) -> Self {
        Self { iso: d.to_string(), text: d.de() }
    }
}

/// A period with first and last day and German text (`01.08.2026 – 31.07.2029` or `1. Quartal 2027`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SpanneV {
    /// First day.
    pub von: DatumV,
    /// Last day.
    pub bis: DatumV,
    /// German text.
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

/// A value from a closed list: its YAML key and German label, `{"key": "gymnasium", "text": "Gymnasium"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Label {
    /// Key as written in YAML.
    pub key: &'static str,
    /// German label.
    pub text: &'static str,
}

/// Builds a [`Label`] from any choice type of the model.
macro_rules! label {
    ($v:expr) => {
        $crate::view::values::Label { key: $v.key(), text: $v.label() }
    };
}
pub(crate) use label;

/// A yes/no answer that may be missing: `{"wert": true, "text": "ja"}`; `wert` is `null` when not stated.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct JaNein {
    /// The answer, `None` when the plan does not say.
    pub wert: Option<bool>,
    /// `ja`, `nein` or `keine Angabe`.
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

/// Free text the plan declares as Markdown (CommonMark).
///
/// Serialised as `{"markdown": "..."}` so that every renderer can tell it from
/// plain text: plain strings are escaped, Markdown is converted (and for the
/// Markdown output, heading levels are shifted below the chapter and raw HTML
/// is neutralised).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Markdown(pub String);

impl Serialize for Markdown {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Markdown", 1)?;
        st.serialize_field("markdown", &self.0)?;
        st.end()
    }
}

impl Markdown {
    /// Wraps optional Markdown text, dropping blank text.
    #[must_use]
    pub fn opt(text: Option<&String>) -> Option<Self> {
        text.filter(|t| !t.trim().is_empty()).map(|t| Self(t.clone()))
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
        assert_eq!(de_int(-1_234_567), "-1.234.567");
        assert_eq!(de_eur(123_456), "1.234,56 €");
        assert_eq!(de_eur(5), "0,05 €");
        assert_eq!(de_eur(-150_000), "-1.500,00 €");
        assert_eq!(de_dec(12.345, 1), "12,3");
        assert_eq!(de_dec(1234.5, 2), "1.234,50");
        assert_eq!(de_dec(-0.04, 1), "0,0");
        assert_eq!(de_pct(12.5), "12,5 %");
        assert_eq!(schuljahr(2026), "Schuljahr 2026/27");
        assert_eq!(schuljahr(2099), "Schuljahr 2099/00");
    }

    #[test]
    fn shares_and_ratios() {
        assert_eq!(Anteil::of(1.0, 8.0).map(|a| a.text), Some("12,5 %".to_owned()));
        assert_eq!(Anteil::of(1.0, 0.0), None);
        assert_eq!(Zahl::ratio(500.0, 30.0, 1).map(|z| z.text), Some("16,7".to_owned()));
    }
}
