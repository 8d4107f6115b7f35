//! A fact that may be unknown: a value or the literal `unbekannt`.
//!
//! Real plans contain facts the school does not know yet (pupils of a future
//! school year, rooms after a building measure, bandwidth before the provider
//! answers). Writing `unbekannt` keeps the plan honest: the figure is reported
//! as a warning and printed as "nicht bekannt", never as 0.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize, Serializer};

use super::{Spanne, Zeitpunkt};

/// The literal that marks an unknown fact.
pub const UNBEKANNT: &str = "unbekannt";

/// Words that mark an approximate count (`ca. 700`), lower case, longest first.
const UNGEFAEHR_WOERTER: [&str; 6] = ["ungefähr", "circa", "knapp", "etwa", "rund", "ca."];

/// Pattern of an approximate count in the JSON Schema; the structure check recognises it.
pub const UNGEFAEHR_PATTERN: &str = "^(ca\\.|circa|etwa|rund|knapp|ungefähr) ?[0-9]{1,3}(\\.?[0-9]{3})*$";

/// A fact as far as the plan knows it: exact, approximate (`ca. 700`) or `unbekannt`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Angabe<T> {
    /// The value.
    Bekannt(T),
    /// An approximate value, written `ca. 700` or `etwa 700`; every figure derived from it is printed with "ca.".
    Ungefaehr(T),
    /// Written as `unbekannt`.
    Unbekannt,
}

impl<T: Copy> Angabe<T> {
    /// The value, exact or approximate; `None` when it is unknown.
    #[must_use]
    pub fn bekannt(self) -> Option<T> {
        match self {
            Self::Bekannt(v) | Self::Ungefaehr(v) => Some(v),
            Self::Unbekannt => None,
        }
    }

    /// The value when it is stated exactly.
    #[must_use]
    pub fn genau(self) -> Option<T> {
        match self {
            Self::Bekannt(v) => Some(v),
            Self::Ungefaehr(_) | Self::Unbekannt => None,
        }
    }
}

impl<T> Angabe<T> {
    /// Whether the plan says `unbekannt`.
    #[must_use]
    pub fn ist_unbekannt(&self) -> bool {
        matches!(self, Self::Unbekannt)
    }

    /// Whether the plan gives the value as approximate (`ca. 700`).
    #[must_use]
    pub fn ist_ungefaehr(&self) -> bool {
        matches!(self, Self::Ungefaehr(_))
    }
}

impl<T> From<T> for Angabe<T> {
    fn from(v: T) -> Self {
        Self::Bekannt(v)
    }
}

/// A value type that may stand in an [`Angabe`]; counts may also be approximate.
pub trait Wert: Sized {
    /// Whether `ca. 700` is allowed for this type.
    const UNGEFAEHR: bool = false;
    /// The value of an approximate text such as `ca. 700`.
    #[must_use]
    fn aus_schaetzung(_text: &str) -> Option<Self> {
        None
    }
    /// The value as written in YAML, for an approximate one after `ca. `.
    fn als_text(&self) -> String;
}

impl Wert for u32 {
    const UNGEFAEHR: bool = true;
    fn aus_schaetzung(text: &str) -> Option<Self> {
        schaetzung(text).and_then(|n| u32::try_from(n).ok())
    }
    fn als_text(&self) -> String {
        self.to_string()
    }
}

impl Wert for i32 {
    fn als_text(&self) -> String {
        self.to_string()
    }
}

impl Wert for Spanne {
    fn als_text(&self) -> String {
        format!("{} – {}", self.von, self.bis)
    }
}

impl Wert for Zeitpunkt {
    fn als_text(&self) -> String {
        self.to_string()
    }
}

/// The number in an approximate count: `ca. 700`, `etwa 1.200`, `rund 80` → 700, 1200, 80.
#[must_use]
pub fn schaetzung(text: &str) -> Option<u64> {
    let t = text.trim().to_lowercase();
    let rest = UNGEFAEHR_WOERTER.iter().find_map(|w| t.strip_prefix(w))?;
    let digits = rest.trim_start();
    let groups: Vec<&str> = digits.split('.').collect();
    let grouped = groups.len() > 1;
    let well_formed = groups.iter().enumerate().all(|(i, g)| {
        !g.is_empty() && g.bytes().all(|c| c.is_ascii_digit()) && (!grouped || if i == 0 { g.len() <= 3 } else { g.len() == 3 })
    });
    if !well_formed {
        return None;
    }
    groups.concat().parse().ok()
}

impl<T: Serialize + Wert> Serialize for Angabe<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Bekannt(v) => v.serialize(s),
            Self::Ungefaehr(v) => s.serialize_str(&format!("ca. {}", v.als_text())),
            Self::Unbekannt => s.serialize_str(UNBEKANNT),
        }
    }
}

impl<'de, T: Deserialize<'de> + Wert> Deserialize<'de> for Angabe<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        /// Either form as written; the structure check has already rejected other text.
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw<T> {
            Wert(T),
            Text(String),
        }
        match Raw::<T>::deserialize(d)? {
            Raw::Wert(v) => Ok(Self::Bekannt(v)),
            Raw::Text(t) if t == UNBEKANNT => Ok(Self::Unbekannt),
            Raw::Text(t) => match T::aus_schaetzung(&t) {
                Some(v) => Ok(Self::Ungefaehr(v)),
                None => Err(de::Error::invalid_value(de::Unexpected::Str(&t), &"einen Wert, `ca. 700` oder `unbekannt`")),
            },
        }
    }
}

impl<T: JsonSchema + Wert> JsonSchema for Angabe<T> {
    fn schema_name() -> Cow<'static, str> {
        format!("Angabe_{}", T::schema_name()).into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let value = generator.subschema_for::<T>();
        let unknown = json_schema!({
            "type": "string",
            "enum": [UNBEKANNT],
            "description": "Nicht bekannt: wird als Warnung gemeldet und als „nicht bekannt“ gedruckt, nie als 0."
        });
        if T::UNGEFAEHR {
            let approx = json_schema!({
                "type": "string",
                "pattern": UNGEFAEHR_PATTERN,
                "description": "Ungefähre Zahl, z. B. „ca. 700“ oder „etwa 700“: wird mit „ca.“ gedruckt, ebenso jede daraus berechnete Zahl.",
                "examples": ["ca. 700"]
            });
            json_schema!({ "anyOf": [value, approx, unknown] })
        } else {
            json_schema!({ "anyOf": [value, unknown] })
        }
    }
}

/// The document date when neither `stand` nor `planungszeitraum` is known: 1970-01-01, the
/// start of Unix time (as `SOURCE_DATE_EPOCH=0`), a date no real plan has.
pub const OHNE_DATUM: super::Datum = super::Datum { jahr: 1970, monat: 1, tag: 1 };

impl super::Plan {
    /// The date of the document for PDF and workbook metadata and typst's `today()`, one rule
    /// for every output: the day of `stand`; for a month (`2019-08`) its first day; for
    /// `stand: unbekannt` the first day of the planning period; when that is unknown as well
    /// [`OHNE_DATUM`]. Same input, same date.
    #[must_use]
    pub fn dokumentdatum(&self) -> super::Datum {
        match (self.as_of.bekannt(), self.period.bekannt()) {
            (Some(z), _) => z.erster_tag(),
            (None, Some(s)) => s.von,
            (None, None) => OHNE_DATUM,
        }
    }

    /// Every fact the plan writes as `unbekannt`: YAML path and German name, in document order.
    #[must_use]
    pub fn unbekannte_angaben(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        if self.as_of.ist_unbekannt() {
            out.push(("stand".to_owned(), "Stand des Plans".to_owned()));
        }
        if self.period.ist_unbekannt() {
            out.push(("planungszeitraum".to_owned(), "Planungszeitraum".to_owned()));
        }
        let mut later = Vec::new();
        let mut push = |path: &str, name: &str, a: Option<Angabe<u32>>| {
            if a.is_some_and(|a| a.ist_unbekannt()) {
                out.push((path.to_owned(), name.to_owned()));
            }
        };
        let s = &self.school;
        push("schule.schueler", "Zahl der Schülerinnen und Schüler", Some(s.pupils));
        push("schule.lehrkraefte", "Zahl der Lehrkräfte", Some(s.teachers));
        push("schule.klassen", "Zahl der Klassen", s.classes);
        push("schule.unterrichtsraeume", "Zahl der Unterrichtsräume", s.classrooms);
        if let Some(n) = self.inventory.as_ref().and_then(|b| b.network.as_ref()) {
            push("bestand.netz.internet_mbit", "Bandbreite des Internetanschlusses (Download)", n.internet_mbit);
            push("bestand.netz.upload_mbit", "Bandbreite des Internetanschlusses (Upload)", n.upload_mbit);
            push("bestand.netz.verkabelte_raeume", "Zahl der Räume mit Netzwerkverkabelung", n.wired_rooms);
            push("bestand.netz.wlan_raeume", "Zahl der Räume mit WLAN", n.wlan_rooms);
        }
        for (i, r) in self.room_types.iter().enumerate() {
            push(&format!("raumtypen[{i}].anzahl"), &format!("Zahl der Räume vom Typ „{}“", r.name), r.count);
        }
        for (i, g) in self.inventory.iter().flat_map(|b| &b.devices).enumerate() {
            push(&format!("bestand.geraete[{i}].anzahl"), &format!("Zahl der vorhandenen Geräte „{}“", g.kind.label()), Some(g.count));
        }
        for (i, b) in self.needs.iter().enumerate() {
            push(&format!("bedarf[{i}].anzahl"), &format!("Anzahl der Position {} ({})", b.id, b.name), Some(b.count));
            if b.year.ist_unbekannt() {
                later.push((format!("bedarf[{i}].jahr"), format!("Jahr der Beschaffung der Position {} ({})", b.id, b.name)));
            }
        }
        for (i, b) in self.approvals.iter().enumerate() {
            if b.date.ist_unbekannt() {
                later.push((format!("beschluesse[{i}].datum"), format!("Datum des Beschlusses ({})", b.body.label())));
            }
        }
        out.append(&mut later);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_unbekannt_parse() {
        let known: Angabe<u32> = serde_json::from_str("420").unwrap();
        assert_eq!(known.bekannt(), Some(420));
        let unknown: Angabe<u32> = serde_json::from_str("\"unbekannt\"").unwrap();
        assert_eq!(unknown.bekannt(), None);
        assert!(serde_json::from_str::<Angabe<u32>>("\"viele\"").is_err());
        assert_eq!(serde_json::to_string(&Angabe::<u32>::Unbekannt).unwrap(), "\"unbekannt\"");
        assert_eq!(serde_json::to_string(&Angabe::Bekannt(7u32)).unwrap(), "7");
        let approx: Angabe<u32> = serde_json::from_str("\"ca. 700\"").unwrap();
        assert_eq!(approx, Angabe::Ungefaehr(700));
        assert_eq!(serde_json::to_string(&approx).unwrap(), "\"ca. 700\"");
        assert!(serde_json::from_str::<Angabe<i32>>("\"ca. 2027\"").is_err());
    }

    #[test]
    fn approximate_counts() {
        assert_eq!(schaetzung("ca. 700"), Some(700));
        assert_eq!(schaetzung("ca.700"), Some(700));
        assert_eq!(schaetzung("etwa 1.200"), Some(1200));
        assert_eq!(schaetzung("Knapp 700"), Some(700));
        assert_eq!(schaetzung("etwa700"), Some(700));
        assert_eq!(schaetzung("ca. 1.20"), None);
        assert_eq!(schaetzung("ca. "), None);
        assert_eq!(schaetzung("700"), None);
    }
}
