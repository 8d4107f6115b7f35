//! A loaded input file: its text, line table and the YAML position of every value.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde_saphyr::granit_parser::{Event, Parser};

use crate::diag::{Diagnostic, Location};

mod quick;

/// Byte range in the source text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// Where a YAML node and its key sit in the text.
#[derive(Clone, Copy, Debug)]
struct NodeSpans {
    key: Option<Span>,
    value: Span,
}

/// The text of one input file with a path-to-position index.
#[derive(Debug)]
pub struct SourceFile {
    name: String,
    text: String,
    line_starts: Vec<usize>,
    /// Whether the text is YAML the loader accepted, so it may be indexed.
    yaml: bool,
    /// Path → position, built on the first lookup: valid plans never need it.
    nodes: OnceLock<HashMap<String, NodeSpans>>,
}

impl SourceFile {
    /// Wraps a text; the path index stays empty until [`SourceFile::index_yaml`].
    #[must_use]
    pub fn new(name: impl Into<String>, text: String) -> Self {
        let line_starts = line_starts(&text);
        Self { name: name.into(), text, line_starts, yaml: false, nodes: OnceLock::new() }
    }

    /// File name as given by the user.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The whole text.
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Text of line `line` (from 1), without its line break.
    #[must_use]
    pub fn line_text(&self, line: usize) -> Option<&str> {
        let start = *self.line_starts.get(line.checked_sub(1)?)?;
        let end = self.line_starts.get(line).map_or(self.text.len(), |&e| e);
        Some(self.text[start..end].trim_end_matches(['\n', '\r']))
    }

    /// Location of a byte range.
    #[must_use]
    pub fn location(&self, span: Span) -> Location {
        let start = floor_char_boundary(&self.text, span.start.min(self.text.len()));
        let end = floor_char_boundary(&self.text, span.end.clamp(start, self.text.len()));
        let line_idx = self.line_starts.partition_point(|&s| s <= start).saturating_sub(1);
        let column = self.text[self.line_starts[line_idx]..start].chars().count() + 1;
        Location { file: self.name.clone(), line: line_idx + 1, column, start, end }
    }

    /// Location of a 1-based line and column (as reported by the YAML parser).
    #[must_use]
    pub fn location_at(&self, line: usize, column: usize, len: usize) -> Location {
        let line_idx = line.saturating_sub(1).min(self.line_starts.len() - 1);
        let line_start = self.line_starts[line_idx];
        let line_text = self.line_text(line_idx + 1).unwrap_or("");
        let byte_in_line: usize = line_text.chars().take(column.saturating_sub(1)).map(char::len_utf8).sum();
        let start = line_start + byte_in_line;
        Location {
            file: self.name.clone(),
            line: line_idx + 1,
            column: column.max(1),
            start,
            end: floor_char_boundary(&self.text, (start + len).min(self.text.len())),
        }
    }

    /// Marks the text as YAML whose node positions may be looked up by path
    /// (`bedarf[2].anzahl`); the index is built on the first lookup.
    ///
    /// Call only on text the budgeted loader has accepted: the walk itself is
    /// iterative, but the parser must not see unbounded input.
    pub fn index_yaml(&mut self) {
        self.yaml = true;
    }

    fn nodes(&self) -> &HashMap<String, NodeSpans> {
        // Most plans are plain block YAML, which a line scan indexes at a fraction of a parse.
        self.nodes.get_or_init(|| {
            if self.yaml {
                quick::index(&self.text, &self.line_starts, None).unwrap_or_else(|| build_index(&self.text))
            } else {
                HashMap::new()
            }
        })
    }
}

/// Records the position of every YAML node by its path.
fn build_index(text: &str) -> HashMap<String, NodeSpans> {
    let mut nodes = HashMap::new();
    let mut stack: Vec<Frame> = Vec::new();
    let mut parser = Parser::new_from_str(text);
    let mut root_seen = false;
    while let Some(Ok((event, span))) = parser.next() {
        let start = span.start.byte_offset().unwrap_or(span.start.index());
        let end = span.end.byte_offset().unwrap_or(span.end.index());
        let here = Span { start, end: end.max(start) };
        match event {
            Event::Scalar(value, ..) => {
                if let Some(Frame::Map { pending_key, key_span, .. }) = stack.last_mut()
                    && pending_key.is_none()
                {
                    *pending_key = Some(value.into_owned());
                    *key_span = Some(here);
                    continue;
                }
                if let Some((path, key)) = next_path(&mut stack, &mut root_seen) {
                    nodes.insert(path, NodeSpans { key, value: here });
                }
            }
            Event::Alias(_) => {
                if let Some(Frame::Map { pending_key, .. }) = stack.last_mut()
                    && pending_key.is_none()
                {
                    *pending_key = Some(String::from("*"));
                    continue;
                }
                if let Some((path, key)) = next_path(&mut stack, &mut root_seen) {
                    nodes.insert(path, NodeSpans { key, value: here });
                }
            }
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                let is_map = matches!(event, Event::MappingStart(..));
                let (path, key) = if let Some(Frame::Map { pending_key: pending @ None, .. }) = stack.last_mut() {
                    // A complex key: track it so the structure stays balanced, but do not index it.
                    *pending = Some(String::from("?"));
                    (None, None)
                } else {
                    match next_path(&mut stack, &mut root_seen) {
                        Some((p, k)) => (Some(p), k),
                        None => (None, None),
                    }
                };
                stack.push(if is_map {
                    Frame::Map { path, key, start: here.start, pending_key: None, key_span: None }
                } else {
                    Frame::Seq { path, key, start: here.start, index: 0 }
                });
            }
            Event::MappingEnd | Event::SequenceEnd => {
                if let Some(frame) = stack.pop() {
                    let (path, key, start) = match frame {
                        Frame::Map { path, key, start, .. } | Frame::Seq { path, key, start, .. } => (path, key, start),
                    };
                    if let Some(path) = path {
                        nodes.insert(path, NodeSpans { key, value: Span { start, end: here.end.max(start) } });
                    }
                }
            }
            _ => {}
        }
    }
    nodes
}

impl SourceFile {
    /// Fills in the location of a diagnostic from its path, falling back to the
    /// nearest ancestor that exists in the file (e.g. for a missing field).
    pub fn locate(&self, diag: &mut Diagnostic) {
        self.locate_in(self.nodes(), diag);
    }

    /// Locates every diagnostic like [`Self::locate`]. For a few findings in a file whose full
    /// index is not built yet, an index of just their paths is built, which costs little more
    /// than one scan of the lines.
    pub fn locate_all(&self, diags: &mut [Diagnostic]) {
        /// Up to this many findings are located without the full index.
        const FEW: usize = 16;
        let wanted: Vec<String> = diags.iter().filter(|d| d.location.is_none()).map(|d| d.path.clone()).collect();
        if wanted.is_empty() {
            return;
        }
        if self.yaml
            && self.nodes.get().is_none()
            && wanted.len() <= FEW
            && let Some(nodes) = quick::index(&self.text, &self.line_starts, Some(&wanted))
        {
            for d in diags {
                self.locate_in(&nodes, d);
            }
            return;
        }
        for d in diags {
            self.locate(d);
        }
    }

    fn locate_in(&self, nodes: &HashMap<String, NodeSpans>, diag: &mut Diagnostic) {
        if diag.location.is_some() {
            return;
        }
        let mut path = diag.path.as_str();
        let mut exact = true;
        loop {
            if let Some(node) = nodes.get(path) {
                // Missing values point at their parent's key; present values at the value.
                let span = if exact { node.value } else { node.key.unwrap_or(node.value) };
                let span = if exact && span.start == span.end { node.key.unwrap_or(span) } else { span };
                diag.location = Some(self.location(self.first_line_of(span)));
                return;
            }
            match parent_path(path) {
                Some(p) => {
                    path = p;
                    exact = false;
                }
                None => break,
            }
        }
        diag.location = Some(self.location(Span { start: 0, end: 0 }));
    }

    /// The raw text of a plain scalar at `path`, as written in the file.
    #[must_use]
    pub fn scalar_text(&self, path: &str) -> Option<&str> {
        let span = self.nodes().get(path)?.value;
        let text = self.text.get(span.start..span.end)?.trim();
        let plain = !text.is_empty() && !text.contains('\n') && !text.starts_with(['"', '\'', '*', '&', '!', '[', '{', '|', '>']);
        plain.then_some(text)
    }

    /// Every scalar value with its path, as written (unordered).
    pub fn scalar_paths(&self) -> impl Iterator<Item = (&str, &str)> {
        self.nodes().iter().filter_map(|(path, n)| Some((path.as_str(), self.text.get(n.value.start..n.value.end)?)))
    }

    /// The span of a key, if the path names a mapping entry.
    #[must_use]
    pub fn key_span(&self, path: &str) -> Option<Span> {
        self.nodes().get(path).and_then(|n| n.key)
    }

    /// Clips a span to its first line so carets stay on the shown line.
    fn first_line_of(&self, span: Span) -> Span {
        let end = self.text[span.start.min(self.text.len())..].find(['\n', '\r']).map_or(span.end, |nl| span.end.min(span.start + nl));
        Span { start: span.start, end: end.max(span.start) }
    }
}

enum Frame {
    Map { path: Option<String>, key: Option<Span>, start: usize, pending_key: Option<String>, key_span: Option<Span> },
    Seq { path: Option<String>, key: Option<Span>, start: usize, index: usize },
}

/// Path and key span of the node that starts now, advancing the parent frame.
fn next_path(stack: &mut [Frame], root_seen: &mut bool) -> Option<(String, Option<Span>)> {
    match stack.last_mut() {
        None => {
            if *root_seen {
                return None;
            }
            *root_seen = true;
            Some((String::new(), None))
        }
        Some(Frame::Map { path, pending_key, key_span, .. }) => {
            let key = pending_key.take()?;
            let parent = path.as_deref()?;
            Some((join_key(parent, &key), key_span.take()))
        }
        Some(Frame::Seq { path, index, .. }) => {
            let i = *index;
            *index += 1;
            let parent = path.as_deref()?;
            Some((format!("{parent}[{i}]"), None))
        }
    }
}

/// Joins a map key onto a path: `schule` + `name` → `schule.name`.
#[must_use]
pub fn join_key(parent: &str, key: &str) -> String {
    if parent.is_empty() { key.to_owned() } else { format!("{parent}.{key}") }
}

/// The parent of a path: `bedarf[2].anzahl` → `bedarf[2]` → `bedarf` → ``.
#[must_use]
pub fn parent_path(path: &str) -> Option<&str> {
    if path.is_empty() {
        return None;
    }
    let cut = path.rfind(['.', '[']).unwrap_or(0);
    Some(&path[..cut])
}

/// Byte offsets where lines start. Line breaks are those of YAML 1.2, which the
/// parser counts too: LF, CRLF and a lone CR. NEL (U+0085) and the Unicode line
/// and paragraph separators are ordinary characters in YAML 1.2, so they do not
/// start a line here either, and positions agree with the parser's.
fn line_starts(text: &str) -> Vec<usize> {
    if !text.contains('\r') {
        return std::iter::once(0).chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1)).collect();
    }
    let bytes = text.as_bytes();
    let mut starts = vec![0];
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                starts.push(i + 2);
                i += 1;
            }
            b'\n' | b'\r' => starts.push(i + 1),
            _ => {}
        }
        i += 1;
    }
    starts
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests;
