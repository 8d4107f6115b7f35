//! Serde over the fast reader's tree, reading scalars as the full parser does (YAML 1.2 core
//! schema, strict booleans). Where that reading is not certain the answer is an error, and the
//! full parser reads the file.

use std::fmt;

use serde::de::{self, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Visitor};
use serde::forward_to_deserialize_any;

use super::Node;
use super::text::is_null;

/// Any error: the file goes to the full parser, which says what is wrong.
#[derive(Debug)]
pub(super) struct Bail;

impl fmt::Display for Bail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not read by the fast reader")
    }
}

impl std::error::Error for Bail {}

impl de::Error for Bail {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Bail
    }
}

pub(super) struct De<'b, 'a>(pub(super) &'b Node<'a>);

impl De<'_, '_> {
    fn plain(&self) -> Result<&str, Bail> {
        match self.0 {
            Node::Plain(s) => Ok(s),
            _ => Err(Bail),
        }
    }
}

/// A whole decimal number without sign, leading zeros or separators.
fn unsigned(s: &str) -> Option<u64> {
    let ok = !s.is_empty() && s.len() <= 18 && s.bytes().all(|b| b.is_ascii_digit()) && (s == "0" || !s.starts_with('0'));
    if ok { s.parse().ok() } else { None }
}

/// A negative whole number (`-12`).
fn negative(s: &str) -> Option<i64> {
    let digits = s.strip_prefix('-')?;
    unsigned(digits).filter(|&n| n > 0).and_then(|n| i64::try_from(n).ok()).map(|n| -n)
}

/// A decimal fraction (`12.5`, `-0.25`): digits on both sides of the point, no exponent.
fn decimal(s: &str) -> Option<f64> {
    let (whole, frac) = s.strip_prefix('-').unwrap_or(s).split_once('.')?;
    let ok =
        (unsigned(whole).is_some() || whole == "0") && !frac.is_empty() && frac.len() <= 17 && frac.bytes().all(|b| b.is_ascii_digit());
    if ok { s.parse().ok() } else { None }
}

/// Whether a plain scalar that is not a number or boolean by the forms above is certainly text
/// to the full parser: it starts with a letter and is no special word, or it has a character
/// that no YAML or Rust number form contains (`2025/26`, `2027-Q1`), or it is a date-like run of
/// digits and dashes (`2027-03-31`).
fn certainly_text(s: &str) -> bool {
    let first = s.chars().next().unwrap_or(' ');
    let special = ["true", "false", "yes", "no", "on", "off", "y", "n", "null", "inf", "infinity", "nan"];
    if first.is_alphabetic() {
        return !special.iter().any(|w| s.eq_ignore_ascii_case(w));
    }
    // Number forms: digits, sign, point, exponent, radix prefixes with hex digits, underscores,
    // base-60 colons, `.inf` and `.nan`.
    let numeric = |c: char| {
        c.is_ascii_hexdigit() || matches!(c, '.' | '_' | '+' | '-' | ':' | 'x' | 'X' | 'o' | 'O' | 'i' | 'I' | 'n' | 'N' | 'f' | 'F')
    };
    if s.chars().any(|c| !numeric(c)) {
        return true;
    }
    first.is_ascii_digit() && s.bytes().all(|b| b.is_ascii_digit() || b == b'-') && s[1..].contains('-')
}

impl<'de> de::Deserializer<'de> for De<'_, '_> {
    type Error = Bail;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        match self.0 {
            Node::Map(entries) => visitor.visit_map(Entries { entries: entries.iter(), value: None }),
            Node::Seq(items) => visitor.visit_seq(Items(items.iter())),
            Node::Text(s) => visitor.visit_str(s),
            Node::Plain(s) => match *s {
                s if is_null(s) => Err(Bail),
                "true" => visitor.visit_bool(true),
                "false" => visitor.visit_bool(false),
                s => {
                    if let Some(n) = unsigned(s) {
                        visitor.visit_u64(n)
                    } else if let Some(n) = negative(s) {
                        visitor.visit_i64(n)
                    } else if let Some(x) = decimal(s) {
                        visitor.visit_f64(x)
                    } else if certainly_text(s) {
                        visitor.visit_str(s)
                    } else {
                        Err(Bail)
                    }
                }
            },
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        match self.plain()? {
            "true" => visitor.visit_bool(true),
            "false" => visitor.visit_bool(false),
            _ => Err(Bail),
        }
    }

    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        let s = self.plain()?;
        match (unsigned(s), negative(s)) {
            (Some(n), _) => visitor.visit_u64(n),
            (_, Some(n)) => visitor.visit_i64(n),
            _ => Err(Bail),
        }
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        let s = self.plain()?;
        if decimal(s).is_none() && unsigned(s).is_none() && negative(s).is_none() {
            return Err(Bail);
        }
        visitor.visit_f64(s.parse().map_err(|_| Bail)?)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        match self.0 {
            Node::Plain(s) if !is_null(s) => visitor.visit_str(s),
            Node::Text(s) => visitor.visit_str(s),
            _ => Err(Bail),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _name: &'static str, visitor: V) -> Result<V::Value, Bail> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        match self.0 {
            Node::Seq(items) => visitor.visit_seq(Items(items.iter())),
            _ => Err(Bail),
        }
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        match self.0 {
            Node::Map(entries) => visitor.visit_map(Entries { entries: entries.iter(), value: None }),
            _ => Err(Bail),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Bail> {
        self.deserialize_map(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Bail> {
        match self.0 {
            Node::Plain(s) if !is_null(s) => visitor.visit_enum(s.into_deserializer()),
            Node::Text(s) => visitor.visit_enum(s.as_ref().into_deserializer()),
            _ => Err(Bail),
        }
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        self.deserialize_str(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        visitor.visit_unit()
    }

    fn deserialize_unit<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Bail> {
        Err(Bail)
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(self, _name: &'static str, _visitor: V) -> Result<V::Value, Bail> {
        Err(Bail)
    }

    fn deserialize_char<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Bail> {
        Err(Bail)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Bail> {
        Err(Bail)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Bail> {
        Err(Bail)
    }

    fn deserialize_i128<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Bail> {
        Err(Bail)
    }

    fn deserialize_u128<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Bail> {
        Err(Bail)
    }

    forward_to_deserialize_any! { tuple tuple_struct }

    fn deserialize_i8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        self.deserialize_i64(visitor)
    }
    fn deserialize_i16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        self.deserialize_i64(visitor)
    }
    fn deserialize_i32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        self.deserialize_i64(visitor)
    }
    fn deserialize_u8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        self.deserialize_i64(visitor)
    }
    fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        self.deserialize_i64(visitor)
    }
    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        self.deserialize_i64(visitor)
    }
    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        self.deserialize_i64(visitor)
    }
    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        self.deserialize_f64(visitor)
    }
    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        self.deserialize_str(visitor)
    }
}

struct Items<'b, 'a>(std::slice::Iter<'b, Node<'a>>);

impl<'de> SeqAccess<'de> for Items<'_, '_> {
    type Error = Bail;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Bail> {
        self.0.next().map(|node| seed.deserialize(De(node))).transpose()
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

struct Entries<'b, 'a> {
    entries: std::slice::Iter<'b, (&'a str, Node<'a>)>,
    value: Option<&'b Node<'a>>,
}

impl<'de> MapAccess<'de> for Entries<'_, '_> {
    type Error = Bail;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Bail> {
        let Some((key, value)) = self.entries.next() else { return Ok(None) };
        self.value = Some(value);
        seed.deserialize(De(&Node::Plain(key))).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Bail> {
        seed.deserialize(De(self.value.take().ok_or(Bail)?))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}
