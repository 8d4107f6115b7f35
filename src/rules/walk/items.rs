//! The items of one walk, kept for every rule that reads them all: the plan is walked once per
//! check, not once per text rule.

use std::ops::Range;

use serde::Serialize;

use super::{Item, walk};

/// Every text and list of a value, in walk order; paths and texts share one buffer.
pub(in crate::rules) struct Items {
    buffer: String,
    entries: Vec<Entry>,
}

enum Entry {
    /// `plain`: every character passes [`crate::glyphs::plainly_printable`].
    Text {
        path: Range<usize>,
        text: Range<usize>,
        plain: bool,
    },
    List {
        path: Range<usize>,
        len: usize,
        sections: usize,
    },
}

impl Items {
    /// Walks `value` once.
    pub(in crate::rules) fn of<T: Serialize + ?Sized>(value: &T) -> Self {
        let mut buffer = String::new();
        let mut entries = Vec::new();
        let mut keep = |s: &str| {
            let start = buffer.len();
            buffer.push_str(s);
            start..buffer.len()
        };
        walk(value, |item| match item {
            Item::Text { path, text } => {
                let plain = crate::glyphs::plainly_printable(text);
                entries.push(Entry::Text { path: keep(path), text: keep(text), plain });
            }
            Item::List { path, len, sections } => entries.push(Entry::List { path: keep(path), len, sections }),
        });
        Self { buffer, entries }
    }

    /// The items as the walk met them.
    pub(in crate::rules) fn iter(&self) -> impl Iterator<Item = Item<'_>> {
        self.entries.iter().map(|e| match e {
            Entry::Text { path, text, .. } => Item::Text { path: &self.buffer[path.clone()], text: &self.buffer[text.clone()] },
            Entry::List { path, len, sections } => Item::List { path: &self.buffer[path.clone()], len: *len, sections: *sections },
        })
    }

    /// The texts with a character that is not plainly printable, with their paths.
    pub(in crate::rules) fn unusual_texts(&self) -> impl Iterator<Item = (&str, &str)> {
        self.entries.iter().filter_map(|e| match e {
            Entry::Text { path, text, plain: false } => Some((&self.buffer[path.clone()], &self.buffer[text.clone()])),
            _ => None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The kept items are the walk's items, in its order.
    #[test]
    fn the_kept_items_are_the_walk() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/gymnasium-baden-wuerttemberg.yaml");
        let loaded = crate::load::load_plan("plan.yaml", &std::fs::read(path).unwrap(), &crate::load::Limits::default());
        let plan = loaded.value.unwrap();
        let describe = |item: Item<'_>| match item {
            Item::Text { path, text } => format!("{path} = {text}"),
            Item::List { path, len, sections } => format!("{path} [{len}, {sections}]"),
        };
        let mut walked = Vec::new();
        walk(&plan, |item| walked.push(describe(item)));
        let items = Items::of(&plan);
        let kept: Vec<String> = items.iter().map(describe).collect();
        assert!(walked.len() > 100);
        assert_eq!(kept, walked);
        let unusual: Vec<(&str, &str)> = items.unusual_texts().collect();
        let expected: Vec<(&str, &str)> = items
            .iter()
            .filter_map(|item| match item {
                Item::Text { path, text } if !crate::glyphs::plainly_printable(text) => Some((path, text)),
                _ => None,
            })
            .collect();
        assert_eq!(unusual, expected);
    }

    /// Exactly the texts with a character outside the plain range are handed to the character
    /// rules, with their paths.
    #[test]
    fn unusual_texts_are_those_with_a_character_to_look_at() {
        let value = serde_json::json!({
            "leitbild": "Wir lernen gern 🙂",
            "schule": { "name": "Schule am Markt – Süd", "profil": "Zeile\u{2028}Zeile" },
            "ziele": [{ "titel": "Lesen", "text": "Straße\u{FEFF}" }, { "titel": "Rechnen" }],
        });
        let items = Items::of(&value);
        let unusual: Vec<(&str, &str)> = items.unusual_texts().collect();
        assert_eq!(
            unusual,
            [("leitbild", "Wir lernen gern 🙂"), ("schule.profil", "Zeile\u{2028}Zeile"), ("ziele[0].text", "Straße\u{FEFF}")]
        );
    }
}
