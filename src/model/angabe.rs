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

/// The literal that marks an unknown fact.
pub const UNBEKANNT: &str = "unbekannt";

/// A known value or the explicit statement that it is not known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Angabe<T> {
    /// The value.
    Bekannt(T),
    /// Written as `unbekannt`.
    Unbekannt,
}

impl<T: Copy> Angabe<T> {
    /// The value, or `None` when it is unknown.
    #[must_use]
    pub fn bekannt(self) -> Option<T> {
        match self {
            Self::Bekannt(v) => Some(v),
            Self::Unbekannt => None,
        }
    }
}

impl<T> Angabe<T> {
    /// Whether the plan says `unbekannt`.
    #[must_use]
    pub fn ist_unbekannt(&self) -> bool {
        matches!(self, Self::Unbekannt)
    }
}

impl<T> From<T> for Angabe<T> {
    fn from(v: T) -> Self {
        Self::Bekannt(v)
    }
}

impl<T: Serialize> Serialize for Angabe<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Bekannt(v) => v.serialize(s),
            Self::Unbekannt => s.serialize_str(UNBEKANNT),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Angabe<T> {
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
            Raw::Text(t) => Err(de::Error::invalid_value(de::Unexpected::Str(&t), &"eine Zahl oder `unbekannt`")),
        }
    }
}

impl<T: JsonSchema> JsonSchema for Angabe<T> {
    fn schema_name() -> Cow<'static, str> {
        format!("Angabe_{}", T::schema_name()).into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let value = generator.subschema_for::<T>();
        json_schema!({
            "anyOf": [
                value,
                {
                    "type": "string",
                    "enum": [UNBEKANNT],
                    "description": "Nicht bekannt: wird als Warnung gemeldet und als „nicht bekannt“ gedruckt, nie als 0."
                }
            ]
        })
    }
}

impl super::Plan {
    /// Every fact the plan writes as `unbekannt`: YAML path and German name, in document order.
    #[must_use]
    pub fn unbekannte_angaben(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
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
    }
}
