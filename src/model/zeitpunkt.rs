//! A point in time as precise as the plan knows it: a day or a month.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer, de};

use super::types::{Datum, days_in_month};

/// A point in time as precise as the plan knows it: a day `2027-03-31` or a month `2019-08`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Zeitpunkt {
    /// A calendar day.
    Tag(Datum),
    /// A calendar month, written `2019-08`.
    Monat {
        /// Year.
        jahr: i32,
        /// Month 1–12.
        monat: u8,
    },
}

/// German month names, January first.
const MONATE: [&str; 12] =
    ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"];

impl Zeitpunkt {
    /// Parses `YYYY-MM-DD` or `YYYY-MM`.
    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        if let Some(d) = Datum::parse(s) {
            return Some(Self::Tag(d));
        }
        let (y, m) = s.split_once('-')?;
        if y.len() != 4 || m.len() != 2 || !y.bytes().chain(m.bytes()).all(|c| c.is_ascii_digit()) {
            return None;
        }
        let monat = m.parse::<u8>().ok().filter(|m| (1..=12).contains(m))?;
        Some(Self::Monat { jahr: y.parse().ok()?, monat })
    }

    /// The ISO form of a German `08/2019` or `8/2019` (month/year), for a "Meinten Sie …?" hint.
    #[must_use]
    pub fn iso_of_german(s: &str) -> Option<String> {
        let (m, y) = s.trim().split_once(['/', '.'])?;
        let monat = m.trim().parse::<u8>().ok().filter(|m| (1..=12).contains(m))?;
        let y = y.trim();
        (y.len() == 4 && y.bytes().all(|c| c.is_ascii_digit())).then(|| format!("{y}-{monat:02}"))
    }

    /// The year.
    #[must_use]
    pub fn jahr(self) -> i32 {
        match self {
            Self::Tag(d) => d.jahr,
            Self::Monat { jahr, .. } => jahr,
        }
    }

    /// The first day: the day itself, or the first of the month.
    #[must_use]
    pub fn erster_tag(self) -> Datum {
        match self {
            Self::Tag(d) => d,
            Self::Monat { jahr, monat } => Datum { jahr, monat, tag: 1 },
        }
    }

    /// The last day: the day itself, or the last of the month.
    #[must_use]
    pub fn letzter_tag(self) -> Datum {
        match self {
            Self::Tag(d) => d,
            Self::Monat { jahr, monat } => Datum { jahr, monat, tag: days_in_month(jahr, monat) },
        }
    }

    /// German notation: `31.03.2027` or `August 2019`.
    #[must_use]
    pub fn de(self) -> String {
        match self {
            Self::Tag(d) => d.de(),
            Self::Monat { jahr, monat } => format!("{} {jahr:04}", MONATE[usize::from(monat.clamp(1, 12) - 1)]),
        }
    }
}

impl fmt::Display for Zeitpunkt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Tag(d) => d.fmt(f),
            Self::Monat { jahr, monat } => write!(f, "{jahr:04}-{monat:02}"),
        }
    }
}

impl Serialize for Zeitpunkt {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Zeitpunkt {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Zeitpunkt::parse(&s).ok_or_else(|| de::Error::custom(format!("ungültiges Datum `{s}`")))
    }
}

/// Pattern of a [`Zeitpunkt`] in the JSON Schema; the structure check recognises it.
pub const ZEITPUNKT_PATTERN: &str = "^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$";

impl JsonSchema for Zeitpunkt {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Zeitpunkt".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": ZEITPUNKT_PATTERN,
            "description": "Datum nach ISO 8601 (2027-03-31) oder nur Monat (2019-08)",
            "examples": ["2027-03-31", "2019-08"]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_in_time_are_days_or_months() {
        assert_eq!(Zeitpunkt::parse("2019-08"), Some(Zeitpunkt::Monat { jahr: 2019, monat: 8 }));
        assert_eq!(Zeitpunkt::parse("2019-08-31").map(Zeitpunkt::letzter_tag), Datum::new(2019, 8, 31));
        assert_eq!(Zeitpunkt::parse("2028-02").map(Zeitpunkt::letzter_tag), Datum::new(2028, 2, 29));
        assert!(Zeitpunkt::parse("2019-13").is_none());
        assert!(Zeitpunkt::parse("08/2019").is_none());
        assert_eq!(Zeitpunkt::iso_of_german("08/2019").as_deref(), Some("2019-08"));
        assert_eq!(Zeitpunkt::iso_of_german("8.2019").as_deref(), Some("2019-08"));
        assert_eq!(Zeitpunkt::parse("2019-08").map(Zeitpunkt::de).as_deref(), Some("August 2019"));
        assert_eq!(Zeitpunkt::parse("2019-08").map(|z| z.to_string()).as_deref(), Some("2019-08"));
    }
}
