//! A quick position index for the block YAML people write: one pass over the lines, no parser.
//!
//! It understands block mappings and sequences (also sequences not indented under their key),
//! plain and quoted one-line scalars, block scalars (`|`, `>`) and one-line flow collections.
//! At anything else (anchors, tags, multi-line flow or quoted scalars, continuation lines, empty
//! values, document markers, tabs) it gives up with `None`, and the full parser builds the index.
//! A test proves that both agree on every example, fixture and fuzz input where this one answers.

use std::collections::HashMap;

use super::{NodeSpans, Span, join_key};

/// The index of `text`, or `None` when the text uses YAML this scanner does not read.
/// With `wanted`, only those paths and their ancestors are recorded, and no path is built for
/// a node outside them; once every wanted path is found, the scan stops. Such an index serves
/// [`super::SourceFile::locate`]: its spans start where the full index's do, but a collection
/// found before its end spans only its first line.
pub(super) fn index(text: &str, line_starts: &[usize], wanted: Option<&[String]>) -> Option<HashMap<String, NodeSpans>> {
    let mut missing: Vec<&str> = wanted.unwrap_or_default().iter().map(String::as_str).collect();
    missing.sort_unstable();
    missing.dedup();
    let mut s = Scanner {
        missing: missing.len(),
        nodes: HashMap::new(),
        stack: Vec::new(),
        pending: None,
        block_scalar: None,
        continuation: None,
        root_done: false,
        wanted,
    };
    for (i, &start) in line_starts.iter().enumerate() {
        let end = line_starts.get(i + 1).map_or(text.len(), |&e| e);
        let line = text[start..end].trim_end_matches(['\n', '\r']);
        s.line(start, line)?;
        if s.wanted.is_some() && s.missing == 0 {
            return Some(s.nodes);
        }
    }
    if s.pending.is_some() || s.block_scalar.as_ref().is_some_and(|(_, node)| node.is_some()) {
        return None;
    }
    while let Some(block) = s.stack.pop() {
        s.close(block);
    }
    Some(s.nodes)
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Map,
    Seq,
}

/// An open block collection.
struct Block {
    kind: Kind,
    /// Column of its keys or dashes.
    indent: usize,
    /// `None` for a node that is neither wanted nor an ancestor of a wanted one.
    path: Option<String>,
    key: Option<Span>,
    start: usize,
    end: usize,
    /// Index of the next item (sequences).
    next: usize,
}

/// A key or item whose value starts on a later line.
struct Pending {
    path: Option<String>,
    key: Option<Span>,
    /// Column of the key or of the dash.
    column: usize,
    item: bool,
}

/// A node whose position is known only at its first line of content: its path and key.
type Waiting = Option<(Option<String>, Option<Span>)>;

struct Scanner<'w> {
    nodes: HashMap<String, NodeSpans>,
    stack: Vec<Block>,
    pending: Option<Pending>,
    /// Inside a block scalar: lines indented deeper than this column belong to it; the node
    /// is recorded at its first line of content (where the parser places it).
    block_scalar: Option<(usize, Waiting)>,
    /// After a one-line scalar: a deeper line than this column would continue it.
    continuation: Option<usize>,
    root_done: bool,
    wanted: Option<&'w [String]>,
    /// Wanted paths not found yet.
    missing: usize,
}

/// Whether a node at `path` is recorded (and its children get paths).
fn keep(wanted: Option<&[String]>, path: &str) -> bool {
    wanted.is_none_or(|w| {
        w.iter()
            .any(|p| p.starts_with(path) && (p.len() == path.len() || path.is_empty() || matches!(p.as_bytes()[path.len()], b'.' | b'[')))
    })
}

impl Scanner<'_> {
    /// The path of a child of `parent`, if it is recorded.
    fn child(&self, parent: Option<&str>, make: impl FnOnce(&str) -> String) -> Option<String> {
        let path = make(parent?);
        keep(self.wanted, &path).then_some(path)
    }

    fn record(&mut self, path: Option<String>, spans: NodeSpans) {
        if let Some(path) = path {
            if self.wanted.is_some_and(|w| w.contains(&path)) && !self.nodes.contains_key(&path) {
                self.missing -= 1;
            }
            self.nodes.insert(path, spans);
        }
    }

    /// Opens a collection; a wanted one is recorded at once with its first line (and again, whole,
    /// when it closes), so that the scan may stop before its end.
    fn push(&mut self, block: Block) {
        if let Some(path) = &block.path
            && self.wanted.is_some_and(|w| w.contains(path))
        {
            self.record(Some(path.clone()), NodeSpans { key: block.key, value: Span { start: block.start, end: block.end } });
        }
        self.stack.push(block);
    }

    fn line(&mut self, at: usize, line: &str) -> Option<()> {
        let column = line.len() - line.trim_start_matches(' ').len();
        let rest = &line[column..];
        if let Some((owner, node)) = &mut self.block_scalar {
            if rest.is_empty() || column > *owner {
                if !rest.is_empty()
                    && let Some((path, key)) = node.take()
                {
                    self.record(path, NodeSpans { key, value: Span { start: at + column, end: at + line.len() } });
                }
                return Some(());
            }
            if node.is_some() {
                // An empty block scalar: the parser places it elsewhere.
                return None;
            }
            self.block_scalar = None;
        }
        if rest.starts_with('\t') {
            return None;
        }
        if rest.is_empty() || rest.starts_with('#') {
            return Some(());
        }
        if column == 0 && (rest.starts_with("---") || rest.starts_with("...") || rest.starts_with('%')) {
            return None;
        }
        if self.continuation.take().is_some_and(|owner| column > owner) {
            return None;
        }
        let dash = is_dash(rest);
        if let Some(p) = self.pending.take() {
            let nested = column > p.column || (column == p.column && dash && !p.item);
            if !nested {
                return None;
            }
            let kind = if dash { Kind::Seq } else { Kind::Map };
            self.push(Block { kind, indent: column, path: p.path, key: p.key, start: at + column, end: at + line.len(), next: 0 });
        }
        while let Some(top) = self.stack.last() {
            if top.indent > column || (top.indent == column && top.kind == Kind::Seq && !dash) {
                let block = self.stack.pop()?;
                self.close(block);
            } else {
                break;
            }
        }
        if self.stack.is_empty() {
            if self.root_done {
                return None;
            }
            self.root_done = true;
            let kind = if dash { Kind::Seq } else { Kind::Map };
            self.push(Block {
                kind,
                indent: column,
                path: Some(String::new()),
                key: None,
                start: at + column,
                end: at + line.len(),
                next: 0,
            });
        }
        let top = self.stack.last_mut()?;
        if top.indent != column {
            return None;
        }
        top.end = at + line.len();
        match top.kind {
            Kind::Seq => self.item(at, line, column),
            Kind::Map => self.entry(at, line, column),
        }
    }

    /// `- value`, `- key: value` or `-` with the value below.
    fn item(&mut self, at: usize, line: &str, column: usize) -> Option<()> {
        if !is_dash(&line[column..]) {
            return None;
        }
        let top = self.stack.last_mut()?;
        let index = top.next;
        top.next += 1;
        let path = self.child(self.stack.last()?.path.as_deref(), |p| format!("{p}[{index}]"));
        let after = &line[column + 1..];
        let value_column = column + 1 + (after.len() - after.trim_start_matches(' ').len());
        let value = &line[value_column..];
        if value.is_empty() || value.starts_with('#') {
            self.pending = Some(Pending { path, key: None, column, item: true });
            return Some(());
        }
        if is_dash(value) || value.starts_with('\t') {
            return None;
        }
        if key_end(value).is_some() {
            self.push(Block {
                kind: Kind::Map,
                indent: value_column,
                path,
                key: None,
                start: at + value_column,
                end: at + line.len(),
                next: 0,
            });
            return self.entry(at, line, value_column);
        }
        self.value(at, line, value_column, path, None, column)
    }

    /// `key: value` or `key:` with the value below.
    fn entry(&mut self, at: usize, line: &str, column: usize) -> Option<()> {
        let rest = &line[column..];
        let colon = key_end(rest)?;
        let key = rest[..colon].trim_end_matches(' ');
        let key_span = Span { start: at + column, end: at + column + key.len() };
        let path = self.child(self.stack.last()?.path.as_deref(), |p| join_key(p, key));
        let after = &rest[colon + 1..];
        let value_column = column + colon + 1 + (after.len() - after.trim_start_matches(' ').len());
        let value = &line[value_column..];
        if value.is_empty() || value.starts_with('#') {
            self.pending = Some(Pending { path, key: Some(key_span), column, item: false });
            return Some(());
        }
        self.value(at, line, value_column, path, Some(key_span), column)
    }

    /// A value that starts on this line at `column`; `owner` is the column of its key or dash.
    fn value(&mut self, at: usize, line: &str, column: usize, path: Option<String>, key: Option<Span>, owner: usize) -> Option<()> {
        let rest = &line[column..];
        match rest.as_bytes().first()? {
            b'|' | b'>' => {
                // Chomping indicators only: an explicit indentation moves where the content starts.
                let header = rest[1..].split(" #").next().unwrap_or("").trim_end_matches(' ');
                if !matches!(header, "" | "-" | "+") {
                    return None;
                }
                self.block_scalar = Some((owner, Some((path, key))));
                return Some(());
            }
            b'[' | b'{' => {
                let end = flow(self, at + column, rest, path, key)?;
                trailing(&rest[end..])?;
            }
            _ => {
                let len = scalar(rest, false)?;
                trailing(&rest[len..])?;
                self.record(path, NodeSpans { key, value: Span { start: at + column, end: at + column + len } });
            }
        }
        self.continuation = Some(owner);
        Some(())
    }

    fn close(&mut self, block: Block) {
        self.record(block.path, NodeSpans { key: block.key, value: Span { start: block.start, end: block.end } });
    }
}

/// Whether a line's content is a sequence entry (`- …` or a lone `-`).
fn is_dash(rest: &str) -> bool {
    rest == "-" || rest.starts_with("- ")
}

/// The byte position of the colon of a plain block key (`key: …` or `key:`), if the text is one.
fn key_end(rest: &str) -> Option<usize> {
    let first = *rest.as_bytes().first()?;
    if b"\"'?&*!|>%@`[]{},#".contains(&first) || is_dash(rest) {
        return None;
    }
    let bytes = rest.as_bytes();
    for i in 0..bytes.len() {
        match bytes[i] {
            b':' if bytes.get(i + 1).is_none_or(|&b| b == b' ') => return Some(i),
            b'#' if i > 0 && bytes[i - 1] == b' ' => return None,
            _ => {}
        }
    }
    None
}

/// Only spaces or a comment may follow a value on its line.
fn trailing(rest: &str) -> Option<()> {
    let t = rest.trim_start_matches(' ');
    (t.is_empty() || (t.starts_with('#') && t.len() < rest.len())).then_some(())
}

/// The length of a one-line scalar at the start of `rest`: quoted, or plain up to a comment
/// (and, inside a flow collection, up to `,`, `]` or `}`).
fn scalar(rest: &str, in_flow: bool) -> Option<usize> {
    let bytes = rest.as_bytes();
    match bytes.first()? {
        b'"' => {
            let mut i = 1;
            while i < bytes.len() {
                match bytes[i] {
                    b'\\' => i += 2,
                    b'"' => return Some(i + 1),
                    _ => i += 1,
                }
            }
            None
        }
        b'\'' => {
            let mut i = 1;
            while i < bytes.len() {
                if bytes[i] == b'\'' {
                    if bytes.get(i + 1) == Some(&b'\'') {
                        i += 2;
                        continue;
                    }
                    return Some(i + 1);
                }
                i += 1;
            }
            None
        }
        b'&' | b'*' | b'!' | b'%' | b'@' | b'`' | b'|' | b'>' | b'?' | b'[' | b'{' | b']' | b'}' | b',' | b'#' => None,
        b'-' if bytes.get(1).is_none_or(|&b| b == b' ') => None,
        _ => {
            let mut end = bytes.len();
            for i in 0..bytes.len() {
                let c = bytes[i];
                if c == b'#' && i > 0 && bytes[i - 1] == b' ' {
                    end = i;
                    break;
                }
                if c == b':' && bytes.get(i + 1).is_none_or(|&b| b == b' ' || (in_flow && b",[]{}".contains(&b))) {
                    return None;
                }
                if in_flow && b",[]{}".contains(&c) {
                    end = i;
                    break;
                }
            }
            let len = rest[..end].trim_end_matches([' ', '\t']).len();
            (len > 0).then_some(len)
        }
    }
}

/// Indexes a one-line flow collection starting at `rest` (absolute offset `at`); returns its length.
fn flow(s: &mut Scanner, at: usize, rest: &str, path: Option<String>, key: Option<Span>) -> Option<usize> {
    let bytes = rest.as_bytes();
    let close = match bytes.first()? {
        b'[' => b']',
        b'{' => b'}',
        _ => return None,
    };
    let mut i = 1;
    let mut index = 0;
    loop {
        i += spaces(&rest[i..]);
        if *bytes.get(i)? == close {
            s.record(path, NodeSpans { key, value: Span { start: at, end: at + i + 1 } });
            return Some(i + 1);
        }
        let (child, child_key) = if close == b'}' {
            let len = flow_key(&rest[i..])?;
            let name = &rest[i..i + len];
            let key_span = Span { start: at + i, end: at + i + len };
            i += len;
            if bytes.get(i) != Some(&b':') {
                return None;
            }
            i += 1;
            i += spaces(&rest[i..]);
            (s.child(path.as_deref(), |p| join_key(p, name)), Some(key_span))
        } else {
            let i = index;
            index += 1;
            (s.child(path.as_deref(), |p| format!("{p}[{i}]")), None)
        };
        let len = match bytes.get(i)? {
            b'[' | b'{' => flow(s, at + i, &rest[i..], child, child_key)?,
            _ => {
                let len = scalar(&rest[i..], true)?;
                s.record(child, NodeSpans { key: child_key, value: Span { start: at + i, end: at + i + len } });
                len
            }
        };
        i += len;
        i += spaces(&rest[i..]);
        match *bytes.get(i)? {
            b',' => i += 1,
            c if c == close => {}
            _ => return None,
        }
    }
}

/// The length of a plain key in a flow mapping, up to its colon.
fn flow_key(rest: &str) -> Option<usize> {
    let bytes = rest.as_bytes();
    if b"\"'?&*!|>%@`[]{},#-".contains(bytes.first()?) {
        return None;
    }
    for i in 0..bytes.len() {
        match bytes[i] {
            b':' if bytes.get(i + 1).is_none_or(|b| b" ,]}".contains(b)) => {
                let len = rest[..i].trim_end_matches(' ').len();
                return (len > 0).then_some(len);
            }
            b',' | b'[' | b']' | b'{' | b'}' | b'#' => return None,
            _ => {}
        }
    }
    None
}

fn spaces(rest: &str) -> usize {
    rest.len() - rest.trim_start_matches(' ').len()
}
