//! Every text and every list of a plan with its YAML path, without building a value tree.
//!
//! The text rules look at the plan as JSON sees it: every string (enum words and dates
//! included) and every list, with paths like `bedarf[2].bezeichnung`. Serialising the plan
//! into a `serde_json::Value` for that copies every string and allocates a node per value,
//! on every plan of a review. This walk is a [`serde::Serializer`] that visits the same
//! strings and lists in the same order and with the same paths as that value tree would
//! hold them, borrowing each string and keeping one path buffer.

use std::fmt::{self, Display};

use serde::Serialize;
use serde::ser;

use key::KeyWriter;

pub(super) use items::Items;

mod items;
mod key;

/// What the walk meets, in document order.
pub(super) enum Item<'a> {
    /// A string value.
    Text {
        /// Its YAML path.
        path: &'a str,
        /// The text.
        text: &'a str,
    },
    /// A list, reported after its entries.
    List {
        /// Its YAML path.
        path: &'a str,
        /// Number of entries.
        len: usize,
        /// Entries that are mappings (a need, a goal …), not plain values.
        sections: usize,
    },
}

/// Calls `visit` for every string and every list of `value`, as `serde_json::to_value` would hold them.
///
/// A value JSON cannot hold (a map with keys that are not text) ends the walk early, as
/// `serde_json::to_value` would fail on it; the model has no such value.
pub(super) fn walk<T: Serialize + ?Sized>(value: &T, visit: impl FnMut(Item<'_>)) {
    let mut walker = Walker { path: String::new(), visit, scratch: String::new() };
    let _ = value.serialize(&mut walker);
}

struct Walker<F> {
    /// Path of the value being serialised.
    path: String,
    visit: F,
    /// Reused buffer for values written with `collect_str` (dates).
    scratch: String,
}

/// What a value turned out to be: only mappings count as sections of a list.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Mapping,
    Other,
}

/// The walk stopped: the value has a shape JSON cannot hold.
#[derive(Debug)]
pub(super) struct Stop;

impl Display for Stop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("value has no JSON form")
    }
}

impl std::error::Error for Stop {}

impl ser::Error for Stop {
    fn custom<M: Display>(_: M) -> Self {
        Stop
    }
}

impl<F: FnMut(Item<'_>)> Walker<F> {
    fn text(&mut self, text: &str) -> Kind {
        (self.visit)(Item::Text { path: &self.path, text });
        Kind::Other
    }

    /// Serialises `value` one level down at `.key`, then restores the path.
    fn at_key<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<Kind, Stop> {
        let len = self.path.len();
        if len > 0 {
            self.path.push('.');
        }
        self.path.push_str(key);
        let kind = value.serialize(&mut *self);
        self.path.truncate(len);
        kind
    }

    /// Serialises `value` one level down at `[index]`, then restores the path.
    fn at_index<T: Serialize + ?Sized>(&mut self, index: usize, value: &T) -> Result<Kind, Stop> {
        let len = self.path.len();
        self.path.push('[');
        push_number(&mut self.path, index);
        self.path.push(']');
        let kind = value.serialize(&mut *self);
        self.path.truncate(len);
        kind
    }
}

/// Appends a decimal number without a temporary string.
fn push_number(out: &mut String, n: usize) {
    use std::fmt::Write as _;
    let _ = write!(out, "{n}");
}

/// A list being walked; a variant's list (`{variant: [..]}`) also undoes the variant's path segment.
pub(super) struct Seq<'w, F> {
    walker: &'w mut Walker<F>,
    len: usize,
    sections: usize,
    /// Path length to restore at the end, for a variant's list.
    restore: Option<usize>,
}

impl<F: FnMut(Item<'_>)> Seq<'_, F> {
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Stop> {
        if self.walker.at_index(self.len, value)? == Kind::Mapping {
            self.sections += 1;
        }
        self.len += 1;
        Ok(())
    }

    fn finish(self) -> Kind {
        let walker = self.walker;
        (walker.visit)(Item::List { path: &walker.path, len: self.len, sections: self.sections });
        if let Some(len) = self.restore {
            walker.path.truncate(len);
            // The variant wraps the list in a mapping.
            return Kind::Mapping;
        }
        Kind::Other
    }
}

/// A mapping or struct being walked.
pub(super) struct Map<'w, F> {
    walker: &'w mut Walker<F>,
    /// The key of the entry whose value comes next.
    key: String,
    /// Path length to restore at the end, for a variant's struct.
    restore: Option<usize>,
}

impl<F> Map<'_, F> {
    fn finish(self) -> Kind {
        if let Some(len) = self.restore {
            self.walker.path.truncate(len);
        }
        Kind::Mapping
    }
}

impl<'w, F: FnMut(Item<'_>)> Walker<F> {
    fn seq(&'w mut self, restore: Option<usize>) -> Seq<'w, F> {
        Seq { walker: self, len: 0, sections: 0, restore }
    }

    fn map(&'w mut self, restore: Option<usize>) -> Map<'w, F> {
        Map { walker: self, key: String::new(), restore }
    }

    /// Enters `.variant` for a variant that wraps its content in a mapping; returns the length to restore.
    fn enter_variant(&mut self, variant: &str) -> usize {
        let len = self.path.len();
        if len > 0 {
            self.path.push('.');
        }
        self.path.push_str(variant);
        len
    }
}

macro_rules! other {
    ($($name:ident: $ty:ty),*) => {
        $(fn $name(self, _: $ty) -> Result<Kind, Stop> {
            Ok(Kind::Other)
        })*
    };
}

impl<'w, F: FnMut(Item<'_>)> ser::Serializer for &'w mut Walker<F> {
    type Ok = Kind;
    type Error = Stop;
    type SerializeSeq = Seq<'w, F>;
    type SerializeTuple = Seq<'w, F>;
    type SerializeTupleStruct = Seq<'w, F>;
    type SerializeTupleVariant = Seq<'w, F>;
    type SerializeMap = Map<'w, F>;
    type SerializeStruct = Map<'w, F>;
    type SerializeStructVariant = Map<'w, F>;

    other!(serialize_bool: bool, serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64,
        serialize_i128: i128, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32, serialize_u64: u64,
        serialize_u128: u128, serialize_f32: f32, serialize_f64: f64, serialize_unit_struct: &'static str);

    fn serialize_char(self, v: char) -> Result<Kind, Stop> {
        Ok(self.text(v.encode_utf8(&mut [0; 4])))
    }

    fn serialize_str(self, v: &str) -> Result<Kind, Stop> {
        Ok(self.text(v))
    }

    fn collect_str<T: Display + ?Sized>(self, value: &T) -> Result<Kind, Stop> {
        use std::fmt::Write as _;
        let mut scratch = std::mem::take(&mut self.scratch);
        scratch.clear();
        let _ = write!(scratch, "{value}");
        let kind = self.text(&scratch);
        self.scratch = scratch;
        Ok(kind)
    }

    fn serialize_bytes(self, v: &[u8]) -> Result<Kind, Stop> {
        // JSON holds bytes as a list of numbers.
        (self.visit)(Item::List { path: &self.path, len: v.len(), sections: 0 });
        Ok(Kind::Other)
    }

    fn serialize_none(self) -> Result<Kind, Stop> {
        Ok(Kind::Other)
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Kind, Stop> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<Kind, Stop> {
        Ok(Kind::Other)
    }

    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result<Kind, Stop> {
        Ok(self.text(variant))
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Result<Kind, Stop> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<Kind, Stop> {
        self.at_key(variant, value)?;
        Ok(Kind::Mapping)
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Seq<'w, F>, Stop> {
        Ok(self.seq(None))
    }

    fn serialize_tuple(self, _: usize) -> Result<Seq<'w, F>, Stop> {
        Ok(self.seq(None))
    }

    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Seq<'w, F>, Stop> {
        Ok(self.seq(None))
    }

    fn serialize_tuple_variant(self, _: &'static str, _: u32, variant: &'static str, _: usize) -> Result<Seq<'w, F>, Stop> {
        let restore = self.enter_variant(variant);
        Ok(self.seq(Some(restore)))
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Map<'w, F>, Stop> {
        Ok(self.map(None))
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Map<'w, F>, Stop> {
        Ok(self.map(None))
    }

    fn serialize_struct_variant(self, _: &'static str, _: u32, variant: &'static str, _: usize) -> Result<Map<'w, F>, Stop> {
        let restore = self.enter_variant(variant);
        Ok(self.map(Some(restore)))
    }
}

impl<F: FnMut(Item<'_>)> ser::SerializeSeq for Seq<'_, F> {
    type Ok = Kind;
    type Error = Stop;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Stop> {
        self.element(value)
    }

    fn end(self) -> Result<Kind, Stop> {
        Ok(self.finish())
    }
}

impl<F: FnMut(Item<'_>)> ser::SerializeTuple for Seq<'_, F> {
    type Ok = Kind;
    type Error = Stop;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Stop> {
        self.element(value)
    }

    fn end(self) -> Result<Kind, Stop> {
        Ok(self.finish())
    }
}

impl<F: FnMut(Item<'_>)> ser::SerializeTupleStruct for Seq<'_, F> {
    type Ok = Kind;
    type Error = Stop;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Stop> {
        self.element(value)
    }

    fn end(self) -> Result<Kind, Stop> {
        Ok(self.finish())
    }
}

impl<F: FnMut(Item<'_>)> ser::SerializeTupleVariant for Seq<'_, F> {
    type Ok = Kind;
    type Error = Stop;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Stop> {
        self.element(value)
    }

    fn end(self) -> Result<Kind, Stop> {
        Ok(self.finish())
    }
}

impl<F: FnMut(Item<'_>)> ser::SerializeMap for Map<'_, F> {
    type Ok = Kind;
    type Error = Stop;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Stop> {
        self.key.clear();
        key.serialize(KeyWriter(&mut self.key))
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Stop> {
        let key = std::mem::take(&mut self.key);
        let result = self.walker.at_key(&key, value);
        self.key = key;
        result.map(drop)
    }

    fn end(self) -> Result<Kind, Stop> {
        Ok(self.finish())
    }
}

impl<F: FnMut(Item<'_>)> ser::SerializeStruct for Map<'_, F> {
    type Ok = Kind;
    type Error = Stop;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Stop> {
        self.walker.at_key(key, value).map(drop)
    }

    fn end(self) -> Result<Kind, Stop> {
        Ok(self.finish())
    }
}

impl<F: FnMut(Item<'_>)> ser::SerializeStructVariant for Map<'_, F> {
    type Ok = Kind;
    type Error = Stop;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Stop> {
        self.walker.at_key(key, value).map(drop)
    }

    fn end(self) -> Result<Kind, Stop> {
        Ok(self.finish())
    }
}

#[cfg(test)]
mod tests;
