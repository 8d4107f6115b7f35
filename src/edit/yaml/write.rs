//! Edits as text: each change becomes one replacement of a byte range of the file, so that
//! everything else (comments, blank lines, key order, quoting, line breaks) stays as it was.
//!
//! The caller ([`super::apply`]) parses the result again and compares it with the intended
//! value before it is accepted.

use serde_json::Value;

use super::emit;
use super::scalar::{self, Ctx};
use super::tree::{self, Entry, Kind, Node, line_end, line_start};
use crate::edit::path::Seg;

mod remove;

/// One change of the document.
#[derive(Clone, Debug, PartialEq)]
pub enum Op {
    /// Sets the value at a path; missing mappings on the way are created.
    Set(Vec<Seg>, Value),
    /// Removes a key or a list item.
    Remove(Vec<Seg>),
    /// Appends an item to the list at a path (created when missing).
    Append(Vec<Seg>, Value),
    /// Swaps the list item at the index with the next one.
    SwapWithNext(Vec<Seg>, usize),
}

/// The schema's key order for the mapping at a path.
pub type Order<'a> = &'a dyn Fn(&[Seg]) -> Vec<String>;

/// A replacement of `text[start..end]`.
struct Splice {
    start: usize,
    end: usize,
    with: String,
}

/// The marker `mep init` leaves after numbers still to be filled in.
const PLACEHOLDER_COMMENT: &str = "# BITTE AUSFÜLLEN";

/// Applies one change to the text; `Err` (German) when the change cannot be placed.
pub fn apply(text: &str, op: &Op, order: Order<'_>, quote_all: bool) -> Result<String, String> {
    let root = tree::parse(text)?;
    let w = Writer { text, root: &root, lb: line_break(text), step: indent_step(&root, text), quote_all, order };
    let splice = match op {
        Op::Set(path, value) => w.set(path, value)?,
        Op::Remove(path) => w.remove(path)?,
        Op::Append(path, value) => {
            let len = match w.find(path).map(|n| &n.kind) {
                Some(Kind::Seq { items, .. }) => items.len(),
                _ => 0,
            };
            let mut item = path.clone();
            item.push(Seg::Index(len));
            w.set(&item, value)?
        }
        Op::SwapWithNext(path, i) => w.swap(path, *i)?,
    };
    let mut out = String::with_capacity(text.len() + splice.with.len());
    out.push_str(&text[..splice.start]);
    out.push_str(&splice.with);
    out.push_str(&text[splice.end..]);
    Ok(out)
}

/// The file's line break: CRLF when it has one, else LF.
fn line_break(text: &str) -> &'static str {
    if text.contains("\r\n") { "\r\n" } else { "\n" }
}

/// The indentation step of the file: how far the first nested block mapping is indented.
fn indent_step(root: &Node, text: &str) -> usize {
    if let Kind::Map { entries, .. } = &root.kind {
        for e in entries {
            if matches!(e.value.kind, Kind::Map { flow: false, .. }) {
                let step = column(text, e.value.start).saturating_sub(column(text, e.key_start));
                if (1..=8).contains(&step) {
                    return step;
                }
            }
        }
    }
    2
}

/// Column of a byte position (bytes from the line start; indentation is ASCII).
fn column(text: &str, at: usize) -> usize {
    at - line_start(text, at)
}

/// The byte after the line holding `at` (after its line break), and whether the text ends there without one.
fn after_line(text: &str, at: usize) -> (usize, bool) {
    let e = line_end(text, at);
    let rest = &text[e..];
    if rest.starts_with("\r\n") {
        (e + 2, false)
    } else if rest.starts_with(['\n', '\r']) {
        (e + 1, false)
    } else {
        (e, true)
    }
}

struct Writer<'a> {
    text: &'a str,
    root: &'a Node,
    lb: &'static str,
    step: usize,
    quote_all: bool,
    order: Order<'a>,
}

/// Where a node hangs: the key of its mapping entry, or the dash of its list item.
#[derive(Clone, Copy)]
enum Owner<'a> {
    Root,
    Entry(&'a Entry),
    Item { dash: usize },
}

impl<'a> Writer<'a> {
    /// The node at a path.
    fn find(&self, path: &[Seg]) -> Option<&'a Node> {
        self.walk(path).map(|(n, _, _)| n)
    }

    /// The node at a path, its owner and whether it sits inside a flow collection.
    fn walk(&self, path: &[Seg]) -> Option<(&'a Node, Owner<'a>, bool)> {
        let mut node = self.root;
        let mut owner = Owner::Root;
        let mut flow = false;
        for seg in path {
            flow |= matches!(node.kind, Kind::Map { flow: true, .. } | Kind::Seq { flow: true, .. });
            match (seg, &node.kind) {
                (Seg::Key(k), Kind::Map { entries, .. }) => {
                    let e = entries.iter().find(|e| &e.key == k)?;
                    owner = Owner::Entry(e);
                    node = &e.value;
                }
                (Seg::Index(i), Kind::Seq { items, flow: seq_flow }) => {
                    let item = items.get(*i)?;
                    owner = if *seq_flow { Owner::Item { dash: item.start } } else { Owner::Item { dash: self.dash_before(item) } };
                    node = item;
                }
                _ => return None,
            }
        }
        Some((node, owner, flow))
    }

    /// The position of the dash of a block list item.
    fn dash_before(&self, item: &Node) -> usize {
        self.text[..item.start].rfind('-').unwrap_or(item.start)
    }

    /// Columns of the lines that belong to a node hanging at this owner.
    fn child_indent(&self, owner: Owner<'_>) -> usize {
        match owner {
            Owner::Root => 0,
            Owner::Entry(e) => column(self.text, e.key_start) + self.step,
            Owner::Item { dash } => column(self.text, dash) + 2,
        }
    }

    fn scalar_text(&self, value: &Value, prefer: Option<tree::Style>, ctx: &Ctx) -> Option<String> {
        let prefer = if self.quote_all && matches!(value, Value::String(_)) { Some(tree::Style::Double) } else { prefer };
        scalar::render(value, prefer, ctx)
    }

    fn set(&self, path: &[Seg], value: &Value) -> Result<Splice, String> {
        if let Some((node, owner, flow)) = self.walk(path) {
            return self.replace(node, owner, flow, value);
        }
        // The deepest existing ancestor gets the missing part.
        let mut k = path.len();
        while k > 0 && self.find(&path[..k]).is_none() {
            k -= 1;
        }
        let mut nested = value.clone();
        for seg in path[k + 1..].iter().rev() {
            nested = match seg {
                Seg::Key(key) => {
                    let mut m = serde_json::Map::new();
                    m.insert(key.clone(), nested);
                    Value::Object(m)
                }
                Seg::Index(0) => Value::Array(vec![nested]),
                Seg::Index(_) => return Err("Ein Listeneintrag fehlt.".to_owned()),
            };
        }
        let (parent, owner, flow) = self.walk(&path[..k]).ok_or("Der Abschnitt fehlt.")?;
        match (&path[k], &parent.kind) {
            (Seg::Key(key), Kind::Map { .. }) => self.insert_key(parent, owner, flow, &path[..k], key, &nested),
            (Seg::Index(i), Kind::Seq { items, .. }) if *i == items.len() => self.append_item(parent, owner, flow, &nested),
            (seg, Kind::Scalar { .. }) => {
                // A null (`bestand:`) becomes the collection.
                let whole = match seg {
                    Seg::Key(key) => {
                        let mut m = serde_json::Map::new();
                        m.insert(key.clone(), nested);
                        Value::Object(m)
                    }
                    Seg::Index(0) => Value::Array(vec![nested]),
                    Seg::Index(_) => return Err("Ein Listeneintrag fehlt.".to_owned()),
                };
                self.replace(parent, owner, flow, &whole)
            }
            _ => Err("Diese Stelle der Datei hat eine andere Form als erwartet.".to_owned()),
        }
    }

    /// Replaces the value of an existing node.
    fn replace(&self, node: &Node, owner: Owner<'_>, flow: bool, value: &Value) -> Result<Splice, String> {
        if matches!(node.kind, Kind::Alias) {
            return Err("Der Wert ist ein Verweis (*Anker) und wird nur in der Textansicht geändert.".to_owned());
        }
        let indent = self.child_indent(owner);
        let ctx = Ctx { flow, indent, lb: self.lb };
        let is_collection = value.is_array() || value.is_object();
        // A scalar replaced by a scalar: in place, keeping the notation.
        if let (Kind::Scalar { style }, false) = (&node.kind, is_collection)
            && !node.is_empty_scalar()
        {
            let text = self.scalar_text(value, Some(*style), &ctx).ok_or("Wert nicht darstellbar")?;
            let mut end = node.end;
            let rest_of_line = &self.text[end..line_end(self.text, end)];
            if rest_of_line.trim() == PLACEHOLDER_COMMENT {
                end += rest_of_line.len();
            }
            return Ok(Splice { start: node.start, end, with: text });
        }
        // A list in flow notation stays in flow notation.
        if matches!(node.kind, Kind::Seq { flow: true, .. } | Kind::Map { flow: true, .. })
            && let Some(text) = emit::flow(value, self.lb)
        {
            return Ok(Splice { start: node.start, end: node.end, with: text });
        }
        // Anything else: everything after the key's colon (or the dash) is written anew.
        let from = match owner {
            Owner::Root => return Err("Die ganze Datei wird nur in der Textansicht ersetzt.".to_owned()),
            Owner::Entry(e) => self.text[e.key_end..].find(':').map(|c| e.key_end + c + 1).ok_or("Doppelpunkt fehlt")?,
            Owner::Item { dash } => dash + 1,
        };
        let end = if !node.is_empty_scalar() {
            node.end
        } else if self.text[from + self.blanks(from)..].starts_with('#') {
            // `key:   # comment`: the value goes before the comment, which stays.
            from
        } else {
            from + self.blanks(from)
        };
        let with = if flow {
            format!(" {}", emit::flow(value, self.lb).ok_or("Mehrzeiliger Text in einer Zeile in Klammern")?)
        } else if let Some(inline) = (!is_collection).then(|| self.scalar_text(value, None, &ctx)).flatten() {
            format!(" {inline}")
        } else {
            emit::after_colon(value, indent, self.lb)
        };
        Ok(Splice { start: from, end, with })
    }

    /// Blanks (spaces, tabs) from a position.
    fn blanks(&self, from: usize) -> usize {
        self.text[from..].bytes().take_while(|b| *b == b' ' || *b == b'\t').count()
    }

    fn insert_key(&self, map: &Node, owner: Owner<'_>, flow: bool, map_path: &[Seg], key: &str, value: &Value) -> Result<Splice, String> {
        let Kind::Map { entries, flow: map_flow } = &map.kind else { return Err("kein Abschnitt".to_owned()) };
        if *map_flow || flow {
            let item = format!("{key}: {}", emit::flow(value, self.lb).ok_or("Mehrzeiliger Text in einer Zeile in Klammern")?);
            return Ok(match entries.last() {
                Some(last) => {
                    Splice { start: last.value.end.max(last.key_end), end: last.value.end.max(last.key_end), with: format!(", {item}") }
                }
                None => Splice { start: map.start, end: map.end, with: format!("{{ {item} }}") },
            });
        }
        let Some(first) = entries.first() else { return Err("leerer Abschnitt".to_owned()) };
        let col = column(self.text, first.key_start);
        let pad = " ".repeat(col);
        let line = format!("{pad}{key}:{}", emit::after_colon(value, col + self.step, self.lb));
        let order = (self.order)(map_path);
        let rank = |k: &str| order.iter().position(|o| o == k);
        let mine = rank(key);
        // 1. Right after a commented-out example of the key (`# ziele:`), as `mep init` writes them.
        if let Some(at) = self.commented_example(map, owner, col, key) {
            return Ok(self.line_insert(at, &line));
        }
        // 2. After the nearest earlier sibling in schema order, with the comments that belong to it.
        let earlier = entries.iter().filter(|e| mine.is_some_and(|m| rank(&e.key).is_some_and(|r| r < m))).max_by_key(|e| rank(&e.key));
        if let Some(prev) = earlier {
            return Ok(self.line_insert(self.after_entry(prev, col), &line));
        }
        // 3. Before the nearest later sibling and the comment lines right above it.
        let later = entries.iter().filter(|e| mine.is_some_and(|m| rank(&e.key).is_some_and(|r| r > m))).min_by_key(|e| rank(&e.key));
        let next = later.unwrap_or(first);
        if mine.is_none() {
            let last = entries.last().unwrap_or(first);
            return Ok(self.line_insert(self.after_entry(last, col), &line));
        }
        let key_line = line_start(self.text, next.key_start);
        if self.text[key_line..next.key_start].trim().is_empty() {
            let mut at = key_line;
            while at > 0 {
                let prev_start = line_start(self.text, at - 1);
                if self.text[prev_start..at].trim_start().starts_with('#') && prev_start < at {
                    at = prev_start;
                } else {
                    break;
                }
            }
            Ok(self.line_insert(at, &line))
        } else {
            // The first key shares its line with a dash (`- id: B1`): the new key takes its place.
            let with = format!("{}{}{pad}", &line[col..], self.lb);
            Ok(Splice { start: next.key_start, end: next.key_start, with })
        }
    }

    /// A new line (without break) inserted at a line start `at` (or at the end of the text).
    fn line_insert(&self, at: usize, line: &str) -> Splice {
        if at >= self.text.len() && !self.text.is_empty() && !self.text.ends_with(['\n', '\r']) {
            return Splice { start: at, end: at, with: format!("{}{line}", self.lb) };
        }
        Splice { start: at, end: at, with: format!("{line}{}", self.lb) }
    }

    /// The line start after an entry and the comment lines indented under it.
    fn after_entry(&self, e: &Entry, col: usize) -> usize {
        let (mut at, _) = after_line(self.text, e.value.end.max(e.key_end));
        let mut probe = at;
        while probe < self.text.len() {
            let end = line_end(self.text, probe);
            let line = &self.text[probe..end];
            let (next, _) = after_line(self.text, probe);
            if line.trim().is_empty() {
                probe = next;
                continue;
            }
            let indent = line.len() - line.trim_start().len();
            if line.trim_start().starts_with('#') && indent > col {
                at = next;
                probe = next;
            } else {
                break;
            }
        }
        at
    }

    /// The line start after a commented-out example `# key:` at the key's column, within the mapping's region.
    fn commented_example(&self, map: &Node, owner: Owner<'_>, col: usize, key: &str) -> Option<usize> {
        let (from, to) = if let Owner::Root = owner {
            (0, self.text.len())
        } else {
            let Kind::Map { entries, .. } = &map.kind else { return None };
            let last = entries.last()?;
            (line_start(self.text, map.start), self.after_entry(last, col))
        };
        let mut at = from;
        while at < to {
            let end = line_end(self.text, at);
            let line = &self.text[at..end];
            let (next, _) = after_line(self.text, at);
            let indent = line.len() - line.trim_start().len();
            let body = line.trim_start();
            let commented = body.strip_prefix('#').map(|r| r.strip_prefix(' ').unwrap_or(r));
            if indent == col && commented.is_some_and(|c| c.strip_prefix(key).is_some_and(|r| r.starts_with(':'))) {
                // Take the example's deeper comment lines along.
                let mut after = next;
                while after < self.text.len() {
                    let e = line_end(self.text, after);
                    let l = &self.text[after..e];
                    let i = l.len() - l.trim_start().len();
                    let deeper = l.trim_start().strip_prefix('#').is_some_and(|r| r.starts_with("  ") || r.starts_with('\t'));
                    if i == col && deeper {
                        after = after_line(self.text, after).0;
                    } else {
                        break;
                    }
                }
                return Some(after);
            }
            if next <= at {
                break;
            }
            at = next;
        }
        None
    }

    fn append_item(&self, seq: &Node, owner: Owner<'_>, flow: bool, value: &Value) -> Result<Splice, String> {
        let Kind::Seq { items, flow: seq_flow } = &seq.kind else { return Err("keine Liste".to_owned()) };
        if *seq_flow || flow {
            return match (items.last(), emit::flow(value, self.lb)) {
                (Some(last), Some(text)) => Ok(Splice { start: last.end, end: last.end, with: format!(", {text}") }),
                (None, _) => self.replace(seq, owner, flow, &Value::Array(vec![value.clone()])),
                (Some(_), None) => Err("Die Liste steht in Klammern und kann diesen Eintrag nicht aufnehmen.".to_owned()),
            };
        }
        let last = items.last().ok_or("leere Liste")?;
        let dash = self.dash_before(&items[0]);
        let col = column(self.text, dash);
        let lines = emit::item_lines(value, col, self.lb).join(self.lb);
        Ok(self.line_insert(after_line(self.text, last.end).0, &lines))
    }
}
