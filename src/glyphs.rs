//! The embedded fonts, and which characters a PDF can show with them.
//!
//! A leaf module: the rules (`TEXT-ZEICHEN`, `TEXT-SCHRIFT`) and the PDF
//! renderer ask the same question here, so a plan `mep validate` accepts has
//! only characters the PDF can show.

use std::sync::LazyLock;

use typst::foundations::Bytes;
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;

/// The embedded fonts with their index, parsed once per process.
pub struct FontStore {
    /// Metadata typst uses to pick a font.
    book: LazyHash<FontBook>,
    /// The parsed faces, indexed like `book`.
    fonts: Vec<Font>,
}

impl FontStore {
    fn embedded() -> Self {
        let fonts: Vec<Font> = typst_assets::fonts().flat_map(|data| Font::iter(Bytes::new(data))).collect();
        Self { book: LazyHash::new(FontBook::from_fonts(&fonts)), fonts }
    }

    /// How many font faces are embedded.
    #[must_use]
    pub fn len(&self) -> usize {
        self.fonts.len()
    }

    /// Whether no font is embedded (only when typst-assets was built without fonts).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.fonts.is_empty()
    }

    /// The index typst picks fonts from.
    #[must_use]
    pub fn book(&self) -> &LazyHash<FontBook> {
        &self.book
    }

    /// Every embedded face, in the order of [`Self::book`].
    #[must_use]
    pub fn all(&self) -> &[Font] {
        &self.fonts
    }

    /// The face at `index` of [`Self::book`].
    #[must_use]
    pub fn font(&self, index: usize) -> Option<Font> {
        self.fonts.get(index).cloned()
    }

    /// Whether some embedded font has a glyph for `c` (typst falls back across all of them).
    #[must_use]
    pub fn covers(&self, c: char) -> bool {
        self.fonts.iter().any(|f| f.info().coverage.contains(u32::from(c)))
    }
}

/// The fonts shared by every document of the process.
pub static FONTS: LazyLock<FontStore> = LazyLock::new(FontStore::embedded);

/// Why a character cannot appear in the PDF.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unprintable {
    /// A Unicode noncharacter (U+FFFE, U+FFFF, U+FDD0–U+FDEF, …).
    Noncharacter,
    /// A control character other than line feed and tab, or U+FEFF (an invisible byte-order mark
    /// inside a text, which PDF/UA forbids).
    Control,
    /// A private-use or unassigned-looking character no embedded font has a glyph for.
    NoGlyph,
}

impl Unprintable {
    /// A German description for findings.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Unprintable::Noncharacter => "ein Unicode-Nichtzeichen",
            Unprintable::Control => "ein Steuerzeichen",
            Unprintable::NoGlyph => "ein Zeichen, das keine eingebettete Schrift darstellen kann",
        }
    }
}

/// Whether `c` cannot appear in the PDF, and why.
#[must_use]
#[inline]
pub fn unprintable(c: char) -> Option<Unprintable> {
    // Printable ASCII and Latin-1 to Latin Extended-B, most characters of a plan, first.
    let u = u32::from(c);
    if (0x20..0x7F).contains(&u) || (0xA0..0x0250).contains(&u) {
        return None;
    }
    unusual(c)
}

/// Whether every character of `text` passes [`unprintable`]'s first tests (printable ASCII, line
/// feed, tab, U+00A0 to U+024F, general punctuation, €), read from the bytes without decoding:
/// most texts of a plan.
/// `false` says only that the characters must be looked at one by one.
#[must_use]
pub fn plainly_printable(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        i += match b[i] {
            0x20..=0x7E | b'\n' | b'\t' => 1,
            // U+00A0–U+00BF, U+00C0–U+023F, U+0240–U+024F as UTF-8.
            0xC2 if b.get(i + 1).is_some_and(|&c| c >= 0xA0) => 2,
            0xC3..=0xC8 => 2,
            0xC9 if b.get(i + 1).is_some_and(|&c| c < 0x90) => 2,
            // General punctuation U+2000–U+206F without the line and paragraph separators, and €.
            0xE2 => match (b.get(i + 1), b.get(i + 2)) {
                (Some(0x80), Some(c)) if !matches!(c, 0xA8 | 0xA9) => 3,
                (Some(0x81), Some(c)) if *c <= 0xAF => 3,
                (Some(0x82), Some(0xAC)) => 3,
                _ => return false,
            },
            _ => return false,
        };
    }
    true
}

/// [`unprintable`] for the characters outside its first test.
fn unusual(c: char) -> Option<Unprintable> {
    let u = u32::from(c);
    if (0xFDD0..=0xFDEF).contains(&u) || u & 0xFFFE == 0xFFFE {
        return Some(Unprintable::Noncharacter);
    }
    if (c.is_control() && c != '\n' && c != '\t') || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}') {
        return Some(Unprintable::Control);
    }
    // Latin, punctuation and the common symbols are in every embedded font.
    if u < 0x0250 || (0x2000..=0x206F).contains(&u) || c == '€' {
        return None;
    }
    if is_ignorable(u) {
        return None;
    }
    (!FONTS.covers(c)).then_some(Unprintable::NoGlyph)
}

/// Format characters that are not drawn at all (zero-width space and joiners, soft hyphen, BOM, variation selectors).
fn is_ignorable(u: u32) -> bool {
    matches!(u, 0x00AD | 0x034F | 0x061C | 0x180B..=0x180F | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F | 0xFE00..=0xFE0F | 0xFEFF)
        || (0xE0100..=0xE01EF).contains(&u)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte test never passes a character that the character test would report, and passes
    /// the whole range it is meant for.
    #[test]
    fn the_byte_test_agrees_with_the_character_test() {
        for c in (0..0x3000).filter_map(char::from_u32) {
            let text = format!("a{c}b");
            if plainly_printable(&text) {
                assert_eq!(unprintable(c), None, "U+{:04X}", u32::from(c));
            }
            let meant = matches!(u32::from(c), 0x20..=0x7E | 0x0A | 0x09 | 0xA0..=0x024F | 0x2000..=0x2027 | 0x202A..=0x206F | 0x20AC);
            assert_eq!(plainly_printable(&text), meant, "U+{:04X}", u32::from(c));
        }
        assert!(plainly_printable("Schülerinnen und Schüler, Ärger, Straße – „nein“: 5 €"));
        assert!(!plainly_printable("Zeile\u{2028}Zeile"));
        assert!(!plainly_printable("Lächeln 🙂"));
    }
}
