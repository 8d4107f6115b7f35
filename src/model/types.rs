//! Value types of the input format: dates, quarters, money, grade ranges.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer, de};

/// A calendar date, written `2027-03-31` in the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Datum {
    /// Year, e.g. 2027.
    pub jahr: i32,
    /// Month 1–12.
    pub monat: u8,
    /// Day of month 1–31.
    pub tag: u8,
}

impl Datum {
    /// The calendar date `days` days after 1970-01-01 (proleptic Gregorian; civil-from-days after H. Hinnant).
    #[must_use]
    pub fn from_days_since_epoch(days: i64) -> Datum {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Datum { jahr: year, monat: month, tag: day }
    }

    /// Builds a date after checking that it exists in the calendar.
    #[must_use]
    pub fn new(jahr: i32, monat: u8, tag: u8) -> Option<Self> {
        if !(1..=12).contains(&monat) || tag == 0 || tag > days_in_month(jahr, monat) {
            return None;
        }
        Some(Self { jahr, monat, tag })
    }

    /// Parses strict ISO 8601 `YYYY-MM-DD`.
    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let digits = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = s.get(r)?;
            if part.bytes().all(|c| c.is_ascii_digit()) { part.parse().ok() } else { None }
        };
        Self::new(i32::try_from(digits(0..4)?).ok()?, u8::try_from(digits(5..7)?).ok()?, u8::try_from(digits(8..10)?).ok()?)
    }

    /// Days since 0000-03-01, for differences and ordering across months.
    #[must_use]
    pub fn day_number(self) -> i64 {
        let (y, m) = if self.monat <= 2 {
            (i64::from(self.jahr) - 1, i64::from(self.monat) + 12)
        } else {
            (i64::from(self.jahr), i64::from(self.monat))
        };
        365 * y + y / 4 - y / 100 + y / 400 + (153 * (m - 3) + 2) / 5 + i64::from(self.tag)
    }

    /// The German school year (starting 1 August) this date falls in, as its first calendar year.
    #[must_use]
    pub fn schuljahr(self) -> i32 {
        if self.monat >= 8 { self.jahr } else { self.jahr - 1 }
    }

    /// German notation `31.03.2027`.
    #[must_use]
    pub fn de(self) -> String {
        format!("{:02}.{:02}.{:04}", self.tag, self.monat, self.jahr)
    }
}

pub(super) fn days_in_month(jahr: i32, monat: u8) -> u8 {
    match monat {
        2 if (jahr % 4 == 0 && jahr % 100 != 0) || jahr % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Datum {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.jahr, self.monat, self.tag)
    }
}

impl Serialize for Datum {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Datum {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Datum::parse(&s).ok_or_else(|| de::Error::custom(format!("ungültiges Datum `{s}`")))
    }
}

impl JsonSchema for Datum {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Datum".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "format": "date",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            "description": "Datum nach ISO 8601, z. B. 2027-03-31",
            "examples": ["2027-03-31"]
        })
    }
}

/// A calendar quarter, written `2027-Q1`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quartal {
    /// Year.
    pub jahr: i32,
    /// Quarter 1–4.
    pub quartal: u8,
}

impl Quartal {
    /// Parses `YYYY-QN`.
    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        let (y, q) = s.split_once("-Q")?;
        if y.len() != 4 || !y.bytes().all(|c| c.is_ascii_digit()) || q.len() != 1 {
            return None;
        }
        let quartal = q.parse::<u8>().ok().filter(|q| (1..=4).contains(q))?;
        Some(Self { jahr: y.parse().ok()?, quartal })
    }

    /// First day of the quarter.
    #[must_use]
    pub fn von(self) -> Datum {
        Datum { jahr: self.jahr, monat: self.quartal * 3 - 2, tag: 1 }
    }

    /// Last day of the quarter.
    #[must_use]
    pub fn bis(self) -> Datum {
        let monat = self.quartal * 3;
        Datum { jahr: self.jahr, monat, tag: days_in_month(self.jahr, monat) }
    }
}

impl fmt::Display for Quartal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-Q{}", self.jahr, self.quartal)
    }
}

/// A period: either a quarter `2027-Q1` or explicit `{ von, bis }`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Zeitraum {
    /// A calendar quarter.
    Quartal(Quartal),
    /// An explicit period.
    Spanne(Spanne),
}

impl Zeitraum {
    /// First day.
    #[must_use]
    pub fn von(self) -> Datum {
        match self {
            Zeitraum::Quartal(q) => q.von(),
            Zeitraum::Spanne(s) => s.von,
        }
    }
    /// Last day.
    #[must_use]
    pub fn bis(self) -> Datum {
        match self {
            Zeitraum::Quartal(q) => q.bis(),
            Zeitraum::Spanne(s) => s.bis,
        }
    }
}

/// An explicit period with first and last day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Spanne {
    /// Erster Tag des Zeitraums.
    pub von: Datum,
    /// Letzter Tag des Zeitraums.
    pub bis: Datum,
}

impl Serialize for Zeitraum {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Zeitraum::Quartal(q) => s.collect_str(q),
            Zeitraum::Spanne(sp) => sp.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for Zeitraum {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Text(String),
            Spanne(Spanne),
        }
        match Raw::deserialize(d)? {
            Raw::Text(t) => Quartal::parse(&t).map(Zeitraum::Quartal).ok_or_else(|| de::Error::custom(format!("ungültiges Quartal `{t}`"))),
            Raw::Spanne(s) => Ok(Zeitraum::Spanne(s)),
        }
    }
}

impl JsonSchema for Zeitraum {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Zeitraum".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let spanne = generator.subschema_for::<Spanne>();
        schemars::json_schema!({
            "description": "Quartal wie 2027-Q1 oder Zeitraum { von: 2027-01-01, bis: 2027-03-31 }",
            "anyOf": [
                { "type": "string", "pattern": "^[0-9]{4}-Q[1-4]$", "examples": ["2027-Q1"] },
                spanne
            ]
        })
    }
}

/// An amount of money in euro, held in whole cents.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Euro(pub i64);

impl Euro {
    /// Amount in cents.
    #[must_use]
    pub fn cents(self) -> i64 {
        self.0
    }
    /// Amount as a floating-point euro value.
    #[must_use]
    pub fn eur(self) -> f64 {
        self.0 as f64 / 100.0
    }
}

impl std::ops::Add for Euro {
    type Output = Euro;
    fn add(self, rhs: Euro) -> Euro {
        Euro(self.0.saturating_add(rhs.0))
    }
}

impl std::iter::Sum for Euro {
    fn sum<I: Iterator<Item = Euro>>(iter: I) -> Euro {
        iter.fold(Euro(0), |a, b| a + b)
    }
}

impl Serialize for Euro {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.0 % 100 == 0 { s.serialize_i64(self.0 / 100) } else { s.serialize_f64(self.eur()) }
    }
}

impl<'de> Deserialize<'de> for Euro {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = f64::deserialize(d)?;
        // Same bounds as the schema (`minimum: 0`), so typed and schema checks agree.
        if !v.is_finite() || !(0.0..=1e13).contains(&v) {
            return Err(de::Error::custom("Betrag außerhalb des zulässigen Bereichs"));
        }
        Ok(Euro((v * 100.0).round() as i64))
    }
}

impl JsonSchema for Euro {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Euro".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "number",
            "minimum": 0,
            "description": "Betrag in Euro als Zahl, z. B. 4500 oder 4500.50",
            "examples": [4500]
        })
    }
}

/// A grade (`5`) or a range of grades (`"5-6"`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Jahrgang {
    /// First grade.
    pub von: u8,
    /// Last grade (equal to `von` for a single grade).
    pub bis: u8,
}

impl fmt::Display for Jahrgang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.von == self.bis { write!(f, "{}", self.von) } else { write!(f, "{}–{}", self.von, self.bis) }
    }
}

impl Jahrgang {
    /// Parses `5`, `5-6` or `11-13`.
    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        let (a, b) = s.split_once('-').unwrap_or((s, s));
        let von = a.trim().parse().ok()?;
        let bis = b.trim().parse().ok()?;
        (von <= bis && Self::valid(von) && Self::valid(bis)).then_some(Self { von, bis })
    }

    /// Grades run from 1 to 13.
    fn valid(grade: u8) -> bool {
        (1..=13).contains(&grade)
    }
}

impl Serialize for Jahrgang {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.von == self.bis { s.serialize_u8(self.von) } else { s.collect_str(&format_args!("{}-{}", self.von, self.bis)) }
    }
}

impl<'de> Deserialize<'de> for Jahrgang {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Zahl(u8),
            Text(String),
        }
        match Raw::deserialize(d)? {
            Raw::Zahl(n) if Self::valid(n) => Ok(Self { von: n, bis: n }),
            Raw::Zahl(n) => Err(de::Error::custom(format!("ungültiger Jahrgang {n}"))),
            Raw::Text(t) => Jahrgang::parse(&t).ok_or_else(|| de::Error::custom(format!("ungültiger Jahrgang `{t}`"))),
        }
    }
}

impl JsonSchema for Jahrgang {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Jahrgang".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Jahrgangsstufe (5) oder Spanne in Anführungszeichen (\"5-6\")",
            "anyOf": [
                { "type": "integer", "minimum": 1, "maximum": 13 },
                { "type": "string", "pattern": "^(1[0-3]|[1-9])-(1[0-3]|[1-9])$" }
            ],
            "examples": [5, "5-6"]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_strictly() {
        assert_eq!(Datum::parse("2027-03-31"), Datum::new(2027, 3, 31));
        assert!(Datum::parse("2027-02-29").is_none());
        assert!(Datum::parse("2028-02-29").is_some());
        assert!(Datum::parse("2027-3-31").is_none());
        assert!(Datum::parse("2027-13-01").is_none());
        assert!(Datum::parse("２027-03-31").is_none());
    }

    #[test]
    fn day_numbers_order_dates() {
        let a = Datum::parse("2026-12-31").unwrap();
        let b = Datum::parse("2027-01-01").unwrap();
        assert_eq!(b.day_number() - a.day_number(), 1);
    }

    #[test]
    fn quarters_have_bounds() {
        let q = Quartal::parse("2027-Q1").unwrap();
        assert_eq!(q.von().to_string(), "2027-01-01");
        assert_eq!(q.bis().to_string(), "2027-03-31");
        assert!(Quartal::parse("2027-Q5").is_none());
    }

    #[test]
    fn grade_ranges_parse() {
        assert_eq!(Jahrgang::parse("5-6"), Some(Jahrgang { von: 5, bis: 6 }));
        assert!(Jahrgang::parse("6-5").is_none());
    }
}
