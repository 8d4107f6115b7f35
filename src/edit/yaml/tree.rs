//! A thin syntax tree of a YAML text: every node with the byte range it occupies, its notation
//! (plain, quoted, block; flow or block collection) and, for mappings, the range of each key.
//!
//! Built from the same event parser as [`crate::source`]. The parser's own ranges are taken as
//! they are for scalars and flow collections; block scalars and block collections get their
//! extent from their content (the parser's range of a block scalar starts after its header and
//! runs into the next line; a block collection ends where the next token starts, after comments).

use serde_saphyr::granit_parser::{Event, Parser, ScalarStyle, StructureStyle};

/// How a scalar is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// `plain`
    Plain,
    /// `'single'`
    Single,
    /// `"double"`
    Double,
    /// `|` block
    Literal,
    /// `>` block
    Folded,
}

/// One node with its place in the text.
#[derive(Clone, Debug)]
pub struct Node {
    /// First byte (the indicator of a block scalar, the first key or dash of a block collection).
    pub start: usize,
    /// One past the last byte of the content (a block scalar's last content line, a collection's last child).
    pub end: usize,
    /// What the node is.
    pub kind: Kind,
}

/// The kinds of node.
#[derive(Clone, Debug)]
pub enum Kind {
    /// A scalar; an empty one (`key:` with nothing) has `start == end`.
    Scalar {
        /// Notation.
        style: Style,
    },
    /// A mapping.
    Map {
        /// Written `{ … }`.
        flow: bool,
        /// Entries in file order.
        entries: Vec<Entry>,
    },
    /// A sequence.
    Seq {
        /// Written `[ … ]`.
        flow: bool,
        /// Items in file order.
        items: Vec<Node>,
    },
    /// An alias `*name` (never edited in place).
    Alias,
}

/// One `key: value` of a mapping.
#[derive(Clone, Debug)]
pub struct Entry {
    /// The key as read.
    pub key: String,
    /// First byte of the key.
    pub key_start: usize,
    /// One past the key.
    pub key_end: usize,
    /// The value.
    pub value: Node,
}

impl Node {
    /// Whether this is an empty scalar (`key:` followed by nothing).
    #[must_use]
    pub fn is_empty_scalar(&self) -> bool {
        matches!(self.kind, Kind::Scalar { .. }) && self.start == self.end
    }

    /// Whether this is a block (not flow) collection.
    #[must_use]
    pub fn is_block_collection(&self) -> bool {
        matches!(self.kind, Kind::Map { flow: false, .. } | Kind::Seq { flow: false, .. })
    }

    /// The child at a key.
    #[must_use]
    pub fn entry(&self, key: &str) -> Option<&Entry> {
        match &self.kind {
            Kind::Map { entries, .. } => entries.iter().find(|e| e.key == key),
            _ => None,
        }
    }
}

/// Parses a text into its tree; `Err` when the text is no single YAML document the editor can place.
pub fn parse(text: &str) -> Result<Node, String> {
    let mut events = Vec::new();
    for next in Parser::new_from_str(text) {
        let (event, span) = next.map_err(|e| e.to_string())?;
        let start = span.start.byte_offset().unwrap_or(span.start.index());
        let end = span.end.byte_offset().unwrap_or(span.end.index()).max(start);
        match event {
            Event::Scalar(_, style, ..) => events.push(Ev::Scalar(style, start, end)),
            Event::MappingStart(style, ..) => events.push(Ev::MapStart(style == StructureStyle::Flow, start)),
            Event::SequenceStart(style, ..) => events.push(Ev::SeqStart(style == StructureStyle::Flow, start)),
            Event::MappingEnd | Event::SequenceEnd => events.push(Ev::End(end)),
            Event::Alias(_) => events.push(Ev::Alias(start, end)),
            Event::DocumentStart(..) => {
                if events.iter().any(|e| matches!(e, Ev::Doc)) {
                    return Err("mehrere YAML-Dokumente in einer Datei".to_owned());
                }
                events.push(Ev::Doc);
            }
            _ => {}
        }
    }
    let mut reader = Reader { text, events: events.into_iter().filter(|e| !matches!(e, Ev::Doc)).collect(), at: 0 };
    let root = reader.node(0, None)?;
    Ok(root)
}

enum Ev {
    Doc,
    Scalar(ScalarStyle, usize, usize),
    MapStart(bool, usize),
    SeqStart(bool, usize),
    End(usize),
    Alias(usize, usize),
}

struct Reader<'a> {
    text: &'a str,
    events: Vec<Ev>,
    at: usize,
}

impl Reader<'_> {
    /// Reads one node; `after` is where its owner (key or dash) ends, for block scalar headers.
    fn node(&mut self, depth: usize, after: Option<usize>) -> Result<Node, String> {
        if depth > 64 {
            return Err("zu tief verschachtelt".to_owned());
        }
        let ev = self.events.get(self.at).ok_or("unerwartetes Ende")?;
        self.at += 1;
        match *ev {
            Ev::Scalar(style, start, end) => Ok(self.scalar(style, start, end, after)),
            Ev::Alias(start, end) => Ok(Node { start, end, kind: Kind::Alias }),
            Ev::MapStart(flow, start) => {
                let mut entries = Vec::new();
                loop {
                    match self.events.get(self.at) {
                        Some(Ev::End(end)) => {
                            let end = *end;
                            self.at += 1;
                            let (start, end) =
                                if flow { (start, end) } else { block_extent(start, entries.last().map(|e: &Entry| e.value.end)) };
                            return Ok(Node { start, end, kind: Kind::Map { flow, entries } });
                        }
                        Some(Ev::Scalar(_, ks, ke)) => {
                            let (key_start, key_end) = (*ks, *ke);
                            self.at += 1;
                            let key = unquote_key(&self.text[key_start..key_end]);
                            let value = self.node(depth + 1, Some(key_end))?;
                            entries.push(Entry { key, key_start, key_end, value });
                        }
                        _ => return Err("Schlüssel, die selbst Listen oder Abschnitte sind, kann der Editor nicht bearbeiten".to_owned()),
                    }
                }
            }
            Ev::SeqStart(flow, start) => {
                let mut items: Vec<Node> = Vec::new();
                loop {
                    if let Some(Ev::End(end)) = self.events.get(self.at) {
                        let end = *end;
                        self.at += 1;
                        let (start, end) = if flow { (start, end) } else { block_extent(start, items.last().map(|n| n.end)) };
                        return Ok(Node { start, end, kind: Kind::Seq { flow, items } });
                    }
                    let dash = self.item_owner(flow, items.last().map_or(start, |n| n.end));
                    items.push(self.node(depth + 1, Some(dash))?);
                }
            }
            Ev::End(_) | Ev::Doc => Err("unerwartetes Ende eines Abschnitts".to_owned()),
        }
    }

    /// Where the owner of the next sequence item ends: one past its dash (block), or the previous position (flow).
    fn item_owner(&self, flow: bool, from: usize) -> usize {
        if flow {
            return from;
        }
        let next_start = match self.events.get(self.at) {
            Some(Ev::Scalar(_, s, _) | Ev::MapStart(_, s) | Ev::SeqStart(_, s) | Ev::Alias(s, _)) => *s,
            _ => from,
        };
        // The dash is the last `-` before the item's content.
        self.text[..next_start.min(self.text.len())].rfind('-').map_or(from, |d| d + 1)
    }

    fn scalar(&self, style: ScalarStyle, start: usize, end: usize, after: Option<usize>) -> Node {
        let style = match style {
            ScalarStyle::SingleQuoted => Style::Single,
            ScalarStyle::DoubleQuoted => Style::Double,
            ScalarStyle::Literal => Style::Literal,
            ScalarStyle::Folded => Style::Folded,
            ScalarStyle::Plain => Style::Plain,
        };
        if !matches!(style, Style::Literal | Style::Folded) {
            return Node { start, end, kind: Kind::Scalar { style } };
        }
        // The header (`|`, `>-`, `|2`) is the first indicator after the owner; the content ends
        // with its last line that holds more than blanks.
        let from = after.unwrap_or(0).min(start);
        let indicator = if style == Style::Literal { '|' } else { '>' };
        let header = self.text[from..start].find(indicator).map_or(start, |i| from + i);
        let body = &self.text[start.min(self.text.len())..end.min(self.text.len())];
        let last = body.trim_end_matches([' ', '\t', '\r', '\n']).len();
        let content_end = if last == 0 {
            // An empty block: the header line is all there is.
            line_end(self.text, header)
        } else {
            line_end(self.text, start + last)
        };
        Node { start: header, end: content_end, kind: Kind::Scalar { style } }
    }
}

/// The extent of a block collection: from its first child to the end of its last.
fn block_extent(start: usize, last_end: Option<usize>) -> (usize, usize) {
    (start, last_end.unwrap_or(start).max(start))
}

/// The end of the line holding `at` (before its line break).
#[must_use]
pub fn line_end(text: &str, at: usize) -> usize {
    let at = at.min(text.len());
    text[at..].find(['\n', '\r']).map_or(text.len(), |i| at + i)
}

/// The start of the line holding `at`.
#[must_use]
pub fn line_start(text: &str, at: usize) -> usize {
    let at = at.min(text.len());
    text[..at].rfind(['\n', '\r']).map_or(0, |i| i + 1)
}

/// The key as written, without quotes (keys of plans are plain; quoted ones are read simply).
fn unquote_key(raw: &str) -> String {
    let raw = raw.trim();
    if let Some(inner) = raw.strip_prefix('"').and_then(|r| r.strip_suffix('"')) {
        return inner.replace("\\\"", "\"").replace("\\\\", "\\");
    }
    if let Some(inner) = raw.strip_prefix('\'').and_then(|r| r.strip_suffix('\'')) {
        return inner.replace("''", "'");
    }
    raw.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(text: &str, n: &Node) -> String {
        text[n.start..n.end].to_owned()
    }

    #[test]
    fn extents() {
        let text =
            "a: 1\nb:\n  c: x   # c\n  d: |\n    eins\n    zwei\n\n  # Ende\ne:\n  - p: 1\n    q: \"2\"\n\n  - {r: 3}\nf: [x, y]\ng:\n";
        let root = parse(text).unwrap();
        let b = &root.entry("b").unwrap().value;
        assert_eq!(show(text, b), "c: x   # c\n  d: |\n    eins\n    zwei");
        assert_eq!(show(text, &b.entry("d").unwrap().value), "|\n    eins\n    zwei");
        let e = &root.entry("e").unwrap().value;
        assert_eq!(show(text, e), "- p: 1\n    q: \"2\"\n\n  - {r: 3}");
        let Kind::Seq { items, .. } = &e.kind else { panic!() };
        assert_eq!(show(text, &items[0]), "p: 1\n    q: \"2\"");
        assert_eq!(show(text, &items[1]), "{r: 3}");
        assert_eq!(show(text, &root.entry("f").unwrap().value), "[x, y]");
        assert!(root.entry("g").unwrap().value.is_empty_scalar());
    }

    #[test]
    fn refuses_several_documents() {
        assert!(parse("a: 1\n---\nb: 2\n").is_err());
    }
}
