//! A fast reader for the plain block YAML people write, in front of the full YAML parser.
//!
//! Most plans use a small part of YAML: block mappings and sequences, one-line plain and quoted
//! scalars, literal and folded block scalars and one-line flow collections. This reader builds a
//! small tree of borrowed text from the lines of such a file, and [`de`] hands it to serde with
//! the full parser's reading of scalars. At anything else (anchors, aliases, tags, empty values,
//! multi-line plain or quoted scalars, tabs in indentation, directives, more than one document,
//! unusual numbers, any serde error) it answers `None`, and the full parser reads the file and
//! reports what is wrong. So it never decides whether a file is valid; it only makes the common
//! valid file cheap. A test compares both readers on every YAML file of the repository and on
//! many thousand damaged copies of them: wherever this one answers, the full parser reads the
//! same value.

mod de;
#[cfg(test)]
mod tests;
mod text;

use std::borrow::Cow;

use serde::de::DeserializeOwned;

use super::Limits;
use text::{flow_key, is_dash, is_null, key_end, plain_len, printable, quoted, spaces};

/// Reads `text` as `T` if it is plain block YAML that deserialises without any error.
pub(super) fn read<T: DeserializeOwned>(text: &str, limits: &Limits) -> Option<T> {
    let root = tree(text, limits)?;
    T::deserialize(de::De(&root)).ok()
}

/// A node of the tree: text is borrowed from the file wherever it needs no decoding.
#[derive(Debug)]
enum Node<'a> {
    Map(Vec<(&'a str, Node<'a>)>),
    Seq(Vec<Node<'a>>),
    /// A plain scalar, whose type (number, boolean, text) depends on what is asked of it.
    Plain(&'a str),
    /// A quoted or block scalar: always text.
    Text(Cow<'a, str>),
}

/// The lines of `text` without their line breaks (`\n` or `\r\n`).
fn lines(text: &str) -> Vec<&str> {
    let mut lines = Vec::with_capacity(text.len() / 32);
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len())) {
        let line = &text[start..end];
        lines.push(line.strip_suffix('\r').unwrap_or(line));
        start = end + 1;
    }
    lines
}

/// The tree of `text`, or `None` where this reader does not answer.
fn tree<'a>(text: &'a str, limits: &Limits) -> Option<Node<'a>> {
    if !printable(text) {
        return None;
    }
    let mut r = Reader {
        lines: lines(text),
        at: 0,
        nodes: 0,
        scalar_bytes: 0,
        // Stay well inside the full parser's budgets, so that a file near a limit is read by it.
        max_depth: limits.max_depth / 2,
        max_nodes: limits.max_nodes / 2,
        max_scalar_bytes: limits.max_scalar_bytes / 2,
    };
    // Document markers and directives start at the first column, also inside block scalars.
    let marker = |l: &str| {
        l.starts_with('%')
            || ((l.starts_with("---") || l.starts_with("...")) && l.as_bytes().get(3).is_none_or(|b| matches!(b, b' ' | b'\t')))
    };
    if r.lines.iter().any(|l| marker(l)) {
        return None;
    }
    let (indent, _) = r.peek()?;
    let root = r.block(indent, 0)?;
    // Nothing may follow the root collection.
    if r.peek().is_some() {
        return None;
    }
    Some(root)
}

struct Reader<'a> {
    lines: Vec<&'a str>,
    /// The next line to read.
    at: usize,
    nodes: usize,
    scalar_bytes: usize,
    max_depth: usize,
    max_nodes: usize,
    max_scalar_bytes: usize,
}

impl<'a> Reader<'a> {
    /// Indentation and content of the next line that is not blank or a comment, which stays unread.
    fn peek(&mut self) -> Option<(usize, &'a str)> {
        while let Some(&line) = self.lines.get(self.at) {
            let indent = spaces(line);
            let content = &line[indent..];
            // Anything else, also a line of tabs, is structure (where a tab leaves the file to
            // the full parser).
            if !(content.is_empty() || content.starts_with('#')) {
                return Some((indent, content));
            }
            self.at += 1;
        }
        None
    }

    /// Counts a node against the budgets.
    fn count(&mut self, depth: usize) -> Option<()> {
        self.nodes += 1;
        (self.nodes <= self.max_nodes && depth <= self.max_depth).then_some(())
    }

    /// Counts a scalar's text against the budget.
    fn spend(&mut self, len: usize) -> Option<()> {
        self.scalar_bytes += len;
        (self.scalar_bytes <= self.max_scalar_bytes).then_some(())
    }

    fn text(&mut self, s: Cow<'a, str>) -> Option<Node<'a>> {
        self.spend(s.len())?;
        Some(Node::Text(s))
    }

    fn plain(&mut self, s: &'a str) -> Option<Node<'a>> {
        self.spend(s.len())?;
        Some(Node::Plain(s))
    }

    /// The collection whose first line is the next one, at column `indent`.
    fn block(&mut self, indent: usize, depth: usize) -> Option<Node<'a>> {
        let (_, content) = self.peek()?;
        if content.starts_with('\t') {
            return None;
        }
        if is_dash(content) { self.seq(indent, None, false, depth) } else { self.map(indent, None, depth) }
    }

    /// A block mapping with keys at `column`; `first` is its first entry when it starts on a line
    /// already read (`- key: value`).
    fn map(&mut self, column: usize, mut first: Option<&'a str>, depth: usize) -> Option<Node<'a>> {
        self.count(depth)?;
        let mut entries: Vec<(&'a str, Node<'a>)> = Vec::new();
        loop {
            let content = match first.take() {
                Some(c) => c,
                None => match self.peek() {
                    Some((indent, content)) if indent == column && !is_dash(content) => {
                        self.at += 1;
                        content
                    }
                    Some((indent, _)) if indent >= column => return None,
                    _ => break,
                },
            };
            let colon = key_end(content)?;
            let key = content[..colon].trim_end_matches(' ');
            if key.len() > 1024 || key.contains('\t') || key == "<<" || is_null(key) || entries.iter().any(|(k, _)| *k == key) {
                return None;
            }
            self.count(depth + 1)?;
            let rest = content[colon + 1..].trim_start_matches(' ');
            let value = self.value(rest, column, true, depth + 1)?;
            entries.push((key, value));
        }
        Some(Node::Map(entries))
    }

    /// A block sequence with dashes at `column`; `first` is its first item when it starts on a
    /// line already read. A compact sequence (`key:` with `- item` at the key's column) ends at the
    /// next key.
    fn seq(&mut self, column: usize, mut first: Option<&'a str>, compact: bool, depth: usize) -> Option<Node<'a>> {
        self.count(depth)?;
        let mut items = Vec::new();
        loop {
            let content = match first.take() {
                Some(c) => c,
                None => match self.peek() {
                    Some((indent, content)) if indent == column && is_dash(content) => {
                        self.at += 1;
                        content
                    }
                    Some((indent, _)) if indent > column || (indent == column && !compact) => return None,
                    _ => break,
                },
            };
            let after = &content[1..];
            let gap = spaces(after);
            let rest = &after[gap..];
            if rest.starts_with('\t') || is_dash(rest) {
                return None;
            }
            let item = if key_end(rest).is_some() {
                self.map(column + 1 + gap, Some(rest), depth + 1)?
            } else {
                self.count(depth + 1)?;
                self.value(rest, column, false, depth + 1)?
            };
            items.push(item);
        }
        Some(Node::Seq(items))
    }

    /// The value after a key's colon or an item's dash (`rest`, spaces skipped); `owner` is the
    /// column of the key or dash.
    fn value(&mut self, rest: &'a str, owner: usize, after_key: bool, depth: usize) -> Option<Node<'a>> {
        let Some(&first) = rest.as_bytes().first() else {
            return self.nested(owner, after_key, depth);
        };
        let (node, len) = match first {
            b'#' => return self.nested(owner, after_key, depth),
            b'|' | b'>' => return self.block_scalar(rest, owner),
            b'[' | b'{' => self.flow(rest, depth)?,
            b'"' | b'\'' => {
                let (s, len) = quoted(rest)?;
                (self.text(s)?, len)
            }
            _ => {
                let len = plain_len(rest, false)?;
                (self.plain(&rest[..len])?, len)
            }
        };
        let tail = &rest[len..];
        let comment = tail.trim_start_matches(' ');
        if !(comment.is_empty() || (comment.starts_with('#') && comment.len() < tail.len())) {
            return None;
        }
        // A deeper line after a one-line value would continue it (or be an error).
        if self.peek().is_some_and(|(indent, _)| indent > owner) {
            return None;
        }
        Some(node)
    }

    /// A value that starts on the next line: a deeper collection, or a compact sequence under a key.
    fn nested(&mut self, owner: usize, after_key: bool, depth: usize) -> Option<Node<'a>> {
        match self.peek()? {
            (indent, _) if indent > owner => self.block(indent, depth),
            (indent, content) if indent == owner && after_key && is_dash(content) => self.seq(indent, None, true, depth),
            // An empty value (null): left to the full parser.
            _ => None,
        }
    }

    /// A literal (`|`) or folded (`>`) block scalar with an optional chomping indicator.
    fn block_scalar(&mut self, header: &'a str, owner: usize) -> Option<Node<'a>> {
        let folded = header.starts_with('>');
        let mut h = &header[1..];
        let chomp = match h.as_bytes().first() {
            Some(b'-') => b'-',
            Some(b'+') => b'+',
            _ => b' ',
        };
        if chomp != b' ' {
            h = &h[1..];
        }
        let trimmed = h.trim_start_matches(' ');
        if !(trimmed.is_empty() || (trimmed.starts_with('#') && trimmed.len() < h.len())) {
            return None;
        }
        let (lines, trailing) = self.block_lines(owner)?;
        let mut out = String::new();
        let mut blank_run = 0usize;
        let mut started = false;
        for line in &lines {
            if line.is_empty() {
                blank_run += 1;
                continue;
            }
            if folded && line.starts_with([' ', '\t']) {
                return None;
            }
            // Leading blank lines are line breaks; between lines, a literal scalar keeps the
            // break and a folded one turns a single break into a space.
            let breaks = if !started || folded { blank_run } else { blank_run + 1 };
            if started && breaks == 0 {
                out.push(' ');
            }
            out.extend(std::iter::repeat_n('\n', breaks));
            started = true;
            blank_run = 0;
            out.push_str(line);
        }
        match chomp {
            b'-' => {}
            b'+' => out.extend(std::iter::repeat_n('\n', 1 + trailing)),
            _ => out.push('\n'),
        }
        self.text(Cow::Owned(out))
    }

    /// The content lines of a block scalar below its header (indentation removed, blank lines
    /// empty, no trailing blank lines) and the number of trailing blank lines.
    fn block_lines(&mut self, owner: usize) -> Option<(Vec<&'a str>, usize)> {
        let mut indent = None;
        let mut lines = Vec::new();
        let mut widest_blank = 0;
        while let Some(&line) = self.lines.get(self.at) {
            let n = spaces(line);
            let content = &line[n..];
            if content.is_empty() {
                widest_blank = widest_blank.max(n);
                if indent.is_some_and(|i| n > i) {
                    return None;
                }
                lines.push("");
            } else {
                match indent {
                    None if n > owner && !content.starts_with('\t') => indent = Some(n),
                    None => return None,
                    Some(i) if n >= i => {}
                    Some(_) if n > owner => return None,
                    Some(_) => break,
                }
                lines.push(&line[indent?..]);
            }
            self.at += 1;
        }
        let indent = indent?;
        if widest_blank > indent {
            return None;
        }
        let content = lines.iter().rposition(|l| !l.is_empty())? + 1;
        let trailing = lines.len() - content;
        lines.truncate(content);
        // The reader's position stays after the trailing blank lines; `peek` skips them anyway.
        Some((lines, trailing))
    }

    /// A flow collection on one line at the start of `s`; its node and length.
    fn flow(&mut self, s: &'a str, depth: usize) -> Option<(Node<'a>, usize)> {
        self.count(depth)?;
        let bytes = s.as_bytes();
        let map = bytes.first()? == &b'{';
        let close = if map { b'}' } else { b']' };
        let mut items = Vec::new();
        let mut entries: Vec<(&'a str, Node<'a>)> = Vec::new();
        let mut i = 1 + spaces(&s[1..]);
        if bytes.get(i) == Some(&close) {
            let node = if map { Node::Map(entries) } else { Node::Seq(items) };
            return Some((node, i + 1));
        }
        loop {
            let key = if map {
                let len = flow_key(&s[i..])?;
                let key = &s[i..i + len];
                if is_null(key) || key == "<<" || entries.iter().any(|(k, _)| *k == key) {
                    return None;
                }
                i += len + 1;
                i += spaces(&s[i..]);
                Some(key)
            } else {
                None
            };
            self.count(depth + 1)?;
            let (node, len) = match s.as_bytes().get(i)? {
                b'[' | b'{' => self.flow(&s[i..], depth + 1)?,
                b'"' | b'\'' => {
                    let (text, len) = quoted(&s[i..])?;
                    (self.text(text)?, len)
                }
                _ => {
                    let len = plain_len(&s[i..], true)?;
                    (self.plain(&s[i..i + len])?, len)
                }
            };
            match key {
                Some(k) => entries.push((k, node)),
                None => items.push(node),
            }
            i += len;
            i += spaces(&s[i..]);
            match *bytes.get(i)? {
                b',' => {
                    i += 1;
                    i += spaces(&s[i..]);
                    if matches!(bytes.get(i), Some(b']' | b'}')) {
                        return None;
                    }
                }
                c if c == close => {
                    let node = if map { Node::Map(entries) } else { Node::Seq(items) };
                    return Some((node, i + 1));
                }
                _ => return None,
            }
        }
    }
}
