//! Markdown free text → a JSON tree that the typst template renders.
//!
//! No typst source is generated: every run of user text ends up as a JSON
//! string, and `templates/typst/markdown.typ` turns the tree into content with
//! ordinary function calls. Whatever the text contains (`#read(..)`, `]`, `$`),
//! typst only ever sees it as a string value.
//!
//! The tree is bounded: containers nested deeper than [`MAX_DEPTH`] are
//! flattened to plain text, so neither this walk nor the template's recursion
//! can be driven arbitrarily deep by the input.

use pulldown_cmark::{Alignment, Event, Options, Parser, Tag};
use serde::Serialize;

/// Containers deeper than this are flattened to text.
pub const MAX_DEPTH: usize = 8;

/// A block of a Markdown text.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "t", rename_all = "lowercase")]
pub enum Block {
    /// A paragraph.
    Par {
        /// Inline content.
        c: Vec<Inline>,
    },
    /// Text without paragraph spacing (items of tight lists).
    Plain {
        /// Inline content.
        c: Vec<Inline>,
    },
    /// A heading; levels count from 1 within the text.
    Heading {
        /// Level, 1 for the text's highest heading.
        level: u8,
        /// Inline content.
        c: Vec<Inline>,
    },
    /// A bullet or numbered list.
    List {
        /// Whether items are numbered.
        ordered: bool,
        /// The first number of a numbered list.
        start: u64,
        /// Each item's blocks.
        items: Vec<Vec<Block>>,
    },
    /// A block quote.
    Quote {
        /// Quoted blocks.
        c: Vec<Block>,
    },
    /// Preformatted text.
    Code {
        /// The text, verbatim.
        v: String,
    },
    /// A table with a header row.
    Table {
        /// Column alignment: `left`, `center`, `right` or `auto`.
        align: Vec<&'static str>,
        /// Header cells.
        head: Vec<Vec<Inline>>,
        /// Body rows of cells.
        rows: Vec<Vec<Vec<Inline>>>,
    },
    /// A thematic break.
    Rule,
}

/// Inline content of a Markdown text.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "t", rename_all = "lowercase")]
pub enum Inline {
    /// Literal text.
    Text {
        /// The text.
        v: String,
    },
    /// Inline code.
    Code {
        /// The code, verbatim.
        v: String,
    },
    /// Strong emphasis.
    Strong {
        /// Content.
        c: Vec<Inline>,
    },
    /// Emphasis.
    Emph {
        /// Content.
        c: Vec<Inline>,
    },
    /// Struck-out text.
    Strike {
        /// Content.
        c: Vec<Inline>,
    },
    /// A link to a web or mail address.
    Link {
        /// Target (`http`, `https` or `mailto` only).
        url: String,
        /// Link text.
        c: Vec<Inline>,
    },
    /// A hard line break.
    Br,
}

/// Parses Markdown into blocks.
#[must_use]
pub fn to_tree(markdown: &str) -> Vec<Block> {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    let events: Vec<Event<'_>> = Parser::new_ext(markdown, options).collect();
    let top_level = events
        .iter()
        .filter_map(|e| match e {
            Event::Start(Tag::Heading { level, .. }) => Some(*level as u8),
            _ => None,
        })
        .min()
        .unwrap_or(1);
    let mut b =
        Builder { stack: vec![Frame::Blocks { blocks: Vec::new(), pending: Vec::new(), kind: BlockKind::Doc }], top_level, last_level: 0 };
    for event in events {
        b.event(event);
    }
    // Events are balanced, so only the document frame is left; close defensively anyway.
    while b.stack.len() > 1 {
        b.close();
    }
    match b.stack.pop() {
        Some(Frame::Blocks { mut blocks, pending, .. }) => {
            flush(&mut blocks, pending);
            blocks
        }
        _ => Vec::new(),
    }
}

/// Which block container a [`Frame::Blocks`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum BlockKind {
    Doc,
    Item,
    Quote,
}

/// Which inline container a [`Frame::Inlines`] is.
#[derive(Clone, Debug, PartialEq, Eq)]
enum InlineKind {
    Par,
    Heading(u8),
    Strong,
    Emph,
    Strike,
    Link(Option<String>),
    Cell,
}

/// A container under construction.
enum Frame {
    Blocks {
        kind: BlockKind,
        blocks: Vec<Block>,
        pending: Vec<Inline>,
    },
    Inlines {
        kind: InlineKind,
        c: Vec<Inline>,
    },
    List {
        ordered: bool,
        start: u64,
        items: Vec<Vec<Block>>,
    },
    Code {
        v: String,
    },
    Table {
        align: Vec<&'static str>,
        head: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
    },
    Row {
        head: bool,
        cells: Vec<Vec<Inline>>,
    },
    /// A container that adds nothing of its own (e.g. an image: its alt text stays).
    Pass,
    /// A subtree beyond [`MAX_DEPTH`], collected as text; `open` counts nested starts.
    Flat {
        text: String,
        open: usize,
    },
}

/// A finished node on its way to the enclosing container.
enum Node {
    Inline(Inline),
    Block(Block),
    Item(Vec<Block>),
    Cell(Vec<Inline>),
    Row { head: bool, cells: Vec<Vec<Inline>> },
}

/// Whether inline content shows any visible text.
fn has_text(c: &[Inline]) -> bool {
    c.iter().any(|i| match i {
        Inline::Text { v } | Inline::Code { v } => !v.trim().is_empty(),
        Inline::Strong { c } | Inline::Emph { c } | Inline::Strike { c } | Inline::Link { c, .. } => has_text(c),
        Inline::Br => false,
    })
}

struct Builder {
    stack: Vec<Frame>,
    top_level: u8,
    /// Level of the previous heading, so none is skipped (PDF/UA forbids it).
    last_level: u8,
}

impl Builder {
    fn event(&mut self, event: Event<'_>) {
        if let Some(Frame::Flat { text, open }) = self.stack.last_mut() {
            match event {
                Event::Start(_) => *open += 1,
                Event::End(_) => {
                    *open -= 1;
                    if *open == 0 {
                        self.close();
                    }
                }
                Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                    text.push_str(&t);
                }
                Event::FootnoteReference(t) => text.push_str(&format!("[^{t}]")),
                Event::SoftBreak | Event::HardBreak | Event::Rule => text.push(' '),
                Event::TaskListMarker(done) => text.push_str(if done { "☑ " } else { "☐ " }),
            }
            return;
        }
        match event {
            Event::Start(tag) => self.open(tag),
            Event::End(_) => self.close(),
            Event::Text(t) => {
                if let Some(Frame::Code { v }) = self.stack.last_mut() {
                    v.push_str(&t);
                } else {
                    self.deliver(Node::Inline(Inline::Text { v: t.into_string() }));
                }
            }
            Event::Html(t) | Event::InlineHtml(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                self.deliver(Node::Inline(Inline::Text { v: t.into_string() }));
            }
            Event::Code(t) => self.deliver(Node::Inline(Inline::Code { v: t.into_string() })),
            Event::FootnoteReference(t) => self.deliver(Node::Inline(Inline::Text { v: format!("[^{t}]") })),
            Event::SoftBreak => self.deliver(Node::Inline(Inline::Text { v: " ".to_owned() })),
            Event::HardBreak => self.deliver(Node::Inline(Inline::Br)),
            Event::Rule => self.deliver(Node::Block(Block::Rule)),
            Event::TaskListMarker(done) => {
                self.deliver(Node::Inline(Inline::Text { v: if done { "☑ " } else { "☐ " }.to_owned() }));
            }
        }
    }

    fn open(&mut self, tag: Tag<'_>) {
        if self.stack.len() > MAX_DEPTH {
            self.stack.push(Frame::Flat { text: String::new(), open: 1 });
            return;
        }
        let frame = match tag {
            Tag::Paragraph | Tag::HtmlBlock | Tag::MetadataBlock(_) | Tag::DefinitionListTitle => {
                Frame::Inlines { kind: InlineKind::Par, c: Vec::new() }
            }
            Tag::Heading { level, .. } => {
                let shifted = (level as u8).saturating_sub(self.top_level).saturating_add(1);
                let level = shifted.min(self.last_level.saturating_add(1));
                self.last_level = level;
                Frame::Inlines { kind: InlineKind::Heading(level), c: Vec::new() }
            }
            Tag::BlockQuote(_) | Tag::FootnoteDefinition(_) | Tag::DefinitionListDefinition => {
                Frame::Blocks { kind: BlockKind::Quote, blocks: Vec::new(), pending: Vec::new() }
            }
            // The info string (a language) is dropped: the code is shown verbatim, never highlighted.
            Tag::CodeBlock(_) => Frame::Code { v: String::new() },
            Tag::List(start) => Frame::List { ordered: start.is_some(), start: start.unwrap_or(1), items: Vec::new() },
            Tag::Item => Frame::Blocks { kind: BlockKind::Item, blocks: Vec::new(), pending: Vec::new() },
            Tag::Table(align) => Frame::Table {
                align: align
                    .iter()
                    .map(|a| match a {
                        Alignment::None => "auto",
                        Alignment::Left => "left",
                        Alignment::Center => "center",
                        Alignment::Right => "right",
                    })
                    .collect(),
                head: Vec::new(),
                rows: Vec::new(),
            },
            Tag::TableHead => Frame::Row { head: true, cells: Vec::new() },
            Tag::TableRow => Frame::Row { head: false, cells: Vec::new() },
            Tag::TableCell => Frame::Inlines { kind: InlineKind::Cell, c: Vec::new() },
            Tag::Emphasis => Frame::Inlines { kind: InlineKind::Emph, c: Vec::new() },
            Tag::Strong => Frame::Inlines { kind: InlineKind::Strong, c: Vec::new() },
            Tag::Strikethrough => Frame::Inlines { kind: InlineKind::Strike, c: Vec::new() },
            Tag::Link { dest_url, .. } => {
                let url = dest_url.trim();
                let safe = ["http://", "https://", "mailto:"].iter().any(|p| url.len() > p.len() && url.starts_with(p));
                Frame::Inlines { kind: InlineKind::Link(safe.then(|| url.to_owned())), c: Vec::new() }
            }
            Tag::Image { .. } | Tag::Superscript | Tag::Subscript | Tag::DefinitionList => Frame::Pass,
        };
        self.stack.push(frame);
    }

    /// Finishes the innermost container and hands it to the one around it.
    fn close(&mut self) {
        let Some(frame) = self.stack.pop() else { return };
        let node = match frame {
            Frame::Blocks { kind, mut blocks, pending } => {
                flush(&mut blocks, pending);
                match kind {
                    BlockKind::Quote => Node::Block(Block::Quote { c: blocks }),
                    BlockKind::Item => Node::Item(blocks),
                    BlockKind::Doc => {
                        // Never pushed above the root; keep the content if it ever is.
                        Node::Block(Block::Quote { c: blocks })
                    }
                }
            }
            Frame::Inlines { kind, c } => match kind {
                InlineKind::Par => Node::Block(Block::Par { c }),
                InlineKind::Heading(level) if !has_text(&c) => {
                    // An empty heading (`#` alone) has nothing to show, and typst refuses it:
                    // drop it, and let the next heading take its level so none is skipped.
                    self.last_level = level.saturating_sub(1);
                    return;
                }
                InlineKind::Heading(level) => Node::Block(Block::Heading { level, c }),
                InlineKind::Strong => Node::Inline(Inline::Strong { c }),
                InlineKind::Emph => Node::Inline(Inline::Emph { c }),
                InlineKind::Strike => Node::Inline(Inline::Strike { c }),
                InlineKind::Link(Some(url)) => {
                    let c = if c.is_empty() { vec![Inline::Text { v: url.clone() }] } else { c };
                    Node::Inline(Inline::Link { url, c })
                }
                InlineKind::Link(None) => {
                    // Not a web or mail address: keep the text, drop the target.
                    for inline in c {
                        self.deliver(Node::Inline(inline));
                    }
                    return;
                }
                InlineKind::Cell => Node::Cell(c),
            },
            Frame::List { ordered, start, items } => Node::Block(Block::List { ordered, start, items }),
            Frame::Code { v } => Node::Block(Block::Code { v: v.strip_suffix('\n').unwrap_or(&v).to_owned() }),
            Frame::Table { align, head, rows } => Node::Block(Block::Table { align, head, rows }),
            Frame::Row { head, cells } => Node::Row { head, cells },
            Frame::Pass => return,
            Frame::Flat { text, .. } => Node::Inline(Inline::Text { v: text }),
        };
        self.deliver(node);
    }

    /// Adds a finished node to the innermost container that can hold it.
    fn deliver(&mut self, node: Node) {
        let Some(frame) = self.stack.iter_mut().rev().find(|f| !matches!(f, Frame::Pass)) else { return };
        match frame {
            Frame::Blocks { blocks, pending, .. } => match node {
                Node::Inline(i) => pending.push(i),
                Node::Block(b) => {
                    flush(blocks, std::mem::take(pending));
                    blocks.push(b);
                }
                Node::Item(mut item) => {
                    flush(blocks, std::mem::take(pending));
                    blocks.append(&mut item);
                }
                Node::Cell(c) => pending.extend(c),
                Node::Row { cells, .. } => pending.extend(cells.into_iter().flatten()),
            },
            Frame::Inlines { c, .. } => match node {
                Node::Inline(i) => c.push(i),
                Node::Block(b) => {
                    if !c.is_empty() {
                        c.push(Inline::Text { v: " ".to_owned() });
                    }
                    c.extend(block_inlines(b));
                }
                Node::Item(item) => {
                    for b in item {
                        c.extend(block_inlines(b));
                    }
                }
                Node::Cell(cell) => c.extend(cell),
                Node::Row { cells, .. } => c.extend(cells.into_iter().flatten()),
            },
            Frame::List { items, .. } => match node {
                Node::Item(item) => items.push(item),
                Node::Block(b) => items.push(vec![b]),
                Node::Inline(i) => items.push(vec![Block::Plain { c: vec![i] }]),
                Node::Cell(c) => items.push(vec![Block::Plain { c }]),
                Node::Row { cells, .. } => items.push(vec![Block::Plain { c: cells.into_iter().flatten().collect() }]),
            },
            Frame::Code { v } => {
                if let Node::Inline(Inline::Text { v: t } | Inline::Code { v: t }) = node {
                    v.push_str(&t);
                }
            }
            Frame::Table { head, rows, .. } => {
                if let Node::Row { head: is_head, cells } = node {
                    if is_head {
                        *head = cells;
                    } else {
                        rows.push(cells);
                    }
                }
            }
            Frame::Row { cells, .. } => match node {
                Node::Cell(c) => cells.push(c),
                Node::Inline(i) => cells.push(vec![i]),
                Node::Block(b) => cells.push(block_inlines(b)),
                Node::Item(item) => cells.push(item.into_iter().flat_map(block_inlines).collect()),
                Node::Row { cells: more, .. } => cells.extend(more),
            },
            Frame::Flat { text, .. } => {
                if let Node::Inline(i) = node {
                    text.push_str(&inline_text(&i));
                }
            }
            Frame::Pass => {}
        }
    }
}

/// Moves pending inline content into a `Plain` block.
fn flush(blocks: &mut Vec<Block>, pending: Vec<Inline>) {
    if !pending.is_empty() {
        blocks.push(Block::Plain { c: pending });
    }
}

/// The inline content of a block that must live inside a line (e.g. a list in a table cell).
fn block_inlines(block: Block) -> Vec<Inline> {
    match block {
        Block::Par { c } | Block::Plain { c } | Block::Heading { c, .. } => c,
        Block::Code { v } => vec![Inline::Code { v }],
        Block::Rule => Vec::new(),
        Block::Quote { c } => c.into_iter().flat_map(block_inlines).collect(),
        Block::List { items, .. } => items.into_iter().flatten().flat_map(block_inlines).collect(),
        Block::Table { head, rows, .. } => head.into_iter().chain(rows.into_iter().flatten()).flatten().collect(),
    }
}

/// The plain text of an inline node.
fn inline_text(inline: &Inline) -> String {
    match inline {
        Inline::Text { v } | Inline::Code { v } => v.clone(),
        Inline::Strong { c } | Inline::Emph { c } | Inline::Strike { c } | Inline::Link { c, .. } => c.iter().map(inline_text).collect(),
        Inline::Br => " ".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(v: &str) -> Inline {
        Inline::Text { v: v.to_owned() }
    }

    #[test]
    fn paragraphs_and_emphasis() {
        let tree = to_tree("Ein **fetter** und *kursiver* Satz.\n\nZweiter Absatz.");
        assert_eq!(
            tree,
            vec![
                Block::Par {
                    c: vec![
                        text("Ein "),
                        Inline::Strong { c: vec![text("fetter")] },
                        text(" und "),
                        Inline::Emph { c: vec![text("kursiver")] },
                        text(" Satz.")
                    ]
                },
                Block::Par { c: vec![text("Zweiter Absatz.")] },
            ]
        );
    }

    #[test]
    fn tight_list_items_are_plain_and_one_list() {
        let tree = to_tree("- eins\n- zwei\n");
        assert_eq!(
            tree,
            vec![Block::List {
                ordered: false,
                start: 1,
                items: vec![vec![Block::Plain { c: vec![text("eins")] }], vec![Block::Plain { c: vec![text("zwei")] }]]
            }]
        );
    }

    #[test]
    fn ordered_list_keeps_its_start() {
        let tree = to_tree("3. drei\n4. vier\n");
        assert!(matches!(&tree[0], Block::List { ordered: true, start: 3, items } if items.len() == 2));
    }

    #[test]
    fn headings_are_shifted_to_start_at_one() {
        let tree = to_tree("### Oben\n\n#### Darunter\n");
        assert_eq!(tree, vec![Block::Heading { level: 1, c: vec![text("Oben")] }, Block::Heading { level: 2, c: vec![text("Darunter")] }]);
    }

    #[test]
    fn empty_headings_are_dropped_without_skipping_a_level() {
        assert_eq!(to_tree("#"), vec![]);
        assert_eq!(to_tree("#   \n\ntext"), vec![Block::Par { c: vec![text("text")] }]);
        let tree = to_tree("# A\n\n##\n\n### C");
        let levels: Vec<u8> = tree.iter().filter_map(|b| if let Block::Heading { level, .. } = b { Some(*level) } else { None }).collect();
        assert_eq!(levels, vec![1, 2]);
    }

    #[test]
    fn heading_levels_never_skip() {
        let tree = to_tree("# Eins\n\n#### Vier\n\n## Zwei\n");
        let levels: Vec<u8> = tree.iter().filter_map(|b| if let Block::Heading { level, .. } = b { Some(*level) } else { None }).collect();
        assert_eq!(levels, vec![1, 2, 2]);
    }

    #[test]
    fn table_keeps_head_rows_and_alignment() {
        let tree = to_tree("| a | b |\n|:--|--:|\n| 1 | 2 |\n| 3 | 4 |\n");
        assert_eq!(
            tree,
            vec![Block::Table {
                align: vec!["left", "right"],
                head: vec![vec![text("a")], vec![text("b")]],
                rows: vec![vec![vec![text("1")], vec![text("2")]], vec![vec![text("3")], vec![text("4")]]],
            }]
        );
    }

    #[test]
    fn only_web_and_mail_links_keep_their_target() {
        let tree = to_tree("[gut](https://example.org) [böse](javascript:alert(1)) [datei](/etc/passwd)");
        let Block::Par { c } = &tree[0] else { panic!("paragraph expected: {tree:?}") };
        assert_eq!(c[0], Inline::Link { url: "https://example.org".to_owned(), c: vec![text("gut")] });
        assert_eq!(c[2], text("böse"));
        assert_eq!(c[4], text("datei"));
    }

    #[test]
    fn typst_syntax_stays_text() {
        let hostile = "#read(\"/etc/passwd\") ] [ $x$ #panic(\"x\") #import \"/plan.typ\": *";
        let tree = to_tree(hostile);
        let Block::Par { c } = &tree[0] else { panic!("paragraph expected: {tree:?}") };
        let all: String = c.iter().map(inline_text).collect();
        assert_eq!(all, "#read(\"/etc/passwd\") ] [ $x$ #panic(\"x\") #import \"/plan.typ\": *");
    }

    #[test]
    fn images_and_html_become_text() {
        let tree = to_tree("![Alternativtext](/etc/passwd) <b>fett</b>");
        let Block::Par { c } = &tree[0] else { panic!("paragraph expected: {tree:?}") };
        let all: String = c.iter().map(inline_text).collect();
        assert_eq!(all, "Alternativtext <b>fett</b>");
    }

    fn depth(blocks: &[Block]) -> usize {
        blocks
            .iter()
            .map(|b| match b {
                Block::Quote { c } => 1 + depth(c),
                Block::List { items, .. } => 1 + items.iter().map(|i| depth(i)).max().unwrap_or(0),
                _ => 1,
            })
            .max()
            .unwrap_or(0)
    }

    #[test]
    fn deep_nesting_is_flattened() {
        let deep = format!("{}tief", "> ".repeat(10_000));
        let tree = to_tree(&deep);
        assert!(depth(&tree) <= MAX_DEPTH + 1, "depth {}", depth(&tree));
        let json = serde_json::to_string(&tree).unwrap_or_default();
        assert!(json.contains("tief"));
    }

    #[test]
    fn code_is_verbatim() {
        let tree = to_tree("```typst\n#read(\"/etc/passwd\")\n```\n");
        assert_eq!(tree, vec![Block::Code { v: "#read(\"/etc/passwd\")".to_owned() }]);
    }
}
