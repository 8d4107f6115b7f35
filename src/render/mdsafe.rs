//! Markdown safety: escaping plain values and containing Markdown free text.
//!
//! Plain values (names, titles, descriptions) must print literally wherever a
//! template puts them: in a table cell, a heading, a list item or a paragraph.
//! [`escape`] backslash-escapes every character with Markdown meaning, turns
//! line breaks into `<br>` (the only raw HTML the output contains) and guards
//! the constructs that only matter at the start of a line.
//!
//! Fields declared as Markdown pass through [`markdown_block`]: their headings
//! move below the chapter's level, raw HTML is shown as text, images become
//! their alternative text, links keep only web and mail targets, and an
//! unclosed code fence is closed so it cannot swallow the rest of the document.

use std::io;
use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// Escapes a plain value for any inline position in Markdown (GFM), including table cells.
#[must_use]
pub fn escape(input: &str) -> String {
    let text = input.replace("\r\n", "\n").replace('\r', "\n");
    guard_line_start(&escape_inline(text.trim()))
}

/// Escapes like [`escape`] but keeps leading and trailing spaces and does not guard the start of
/// a line: for pieces of one sentence (the shared wording's filter `satz`), which the caller
/// joins and then guards with [`guard_start`].
#[must_use]
pub fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("<br>"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '!' | '#' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '\t' => out.push(' '),
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Guards the constructs that only matter at the start of a line (`1.`, `-`, `#` …) in text
/// whose pieces were escaped with [`escape_inline`].
#[must_use]
pub fn guard_start(text: &str) -> String {
    guard_line_start(text)
}

/// Escapes a plain value like [`escape`] but prints text between pairs of backticks
/// (`` `schule.schueler` `` in a diagnostic) as code spans instead of escaped backticks.
///
/// A value with an odd number of backticks is escaped as a whole.
#[must_use]
pub fn escape_with_code(input: &str) -> String {
    let parts: Vec<&str> = input.split('`').collect();
    if parts.len() < 3 || parts.len().is_multiple_of(2) {
        return escape(input);
    }
    let mut out = String::with_capacity(input.len() + 8);
    for (i, part) in parts.iter().enumerate() {
        if i % 2 == 1 && !part.trim().is_empty() {
            let code: String = part.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
            out.push('`');
            out.push_str(&code.replace('|', "\\|"));
            out.push('`');
        } else {
            // Keep the spaces around code spans: escape the trimmed text, then put them back.
            let lead = &part[..part.len() - part.trim_start().len()];
            let trail = &part[part.trim_end().len()..];
            let inner = escape(part);
            if !inner.is_empty() {
                out.push_str(&lead.replace(['\n', '\r', '\t'], " "));
                out.push_str(&inner);
                out.push_str(&trail.replace(['\n', '\r', '\t'], " "));
            } else if !part.is_empty() {
                out.push(' ');
            }
        }
    }
    out.trim().to_owned()
}

/// Escapes list markers, thematic breaks and setext underlines at the start of a value.
///
/// They only act when followed by a space, the end, or (for `-`, `+`, `=`) the same character,
/// so ordinary values like `-5 %` or `01.03.2027` stay unescaped.
fn guard_line_start(s: &str) -> String {
    let b = s.as_bytes();
    let ends_marker = |i: usize| matches!(b.get(i), None | Some(b' ' | b'\t'));
    if let Some(&c @ (b'-' | b'+' | b'=')) = b.first()
        && (ends_marker(1) || b.get(1) == Some(&c))
    {
        return format!("\\{s}");
    }
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if (1..=9).contains(&digits) && matches!(b.get(digits), Some(b'.' | b')')) && ends_marker(digits + 1) {
        return format!("{}\\{}", &s[..digits], &s[digits..]);
    }
    s.to_owned()
}

/// The escape function registered with tera for `.md` templates.
pub fn escape_write(input: &str, out: &mut dyn io::Write) -> io::Result<()> {
    out.write_all(escape(input).as_bytes())
}

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS
}

/// One replacement of a byte range of the source.
struct Edit {
    range: Range<usize>,
    text: String,
}

fn level_number(l: HeadingLevel) -> usize {
    match l {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

fn allowed_link(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    match lower.split_once(':') {
        // Relative targets and fragments have no scheme; a colon after a slash or `#` is not a scheme.
        None => true,
        Some((scheme, _)) if scheme.contains(['/', '#', '?']) => true,
        Some((scheme, _)) => matches!(scheme, "http" | "https" | "mailto"),
    }
}

/// Converts a Markdown free-text field for embedding below a heading of level `top - 1`.
///
/// The field's own level-1 headings become level `top` (at most 6), deeper ones follow.
#[must_use]
pub fn markdown_block(input: &str, top: usize) -> String {
    let src = input.replace("\r\n", "\n").replace('\r', "\n");
    let shift = top.clamp(1, 6) - 1;
    let mut protected: Vec<Edit> = Vec::new();
    let mut headings: Vec<Edit> = Vec::new();
    let mut unclosed_fence: Option<String> = None;
    let mut skip_until: usize = 0;
    let mut alt: Option<(Range<usize>, String)> = None;
    let mut link: Option<(Range<usize>, String)> = None;
    for (event, range) in Parser::new_ext(&src, options()).into_offset_iter() {
        if let Some((_, text)) = alt.as_mut() {
            match &event {
                Event::End(TagEnd::Image) => {
                    let (r, text) = alt.take().unwrap_or_default();
                    let shown = if text.trim().is_empty() { "Bild".to_owned() } else { format!("Bild: {}", text.trim()) };
                    protected.push(Edit { range: r, text: format!("*{}*", escape(&shown)) });
                }
                Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => text.push_str(t),
                _ => {}
            }
            continue;
        }
        if let Some((_, text)) = link.as_mut() {
            match &event {
                Event::End(TagEnd::Link) => {
                    let (r, text) = link.take().unwrap_or_default();
                    protected.push(Edit { range: r, text: escape(&text) });
                }
                Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => text.push_str(t),
                _ => {}
            }
            continue;
        }
        if range.start < skip_until {
            continue;
        }
        match event {
            Event::Html(t) | Event::InlineHtml(t) => {
                protected.push(Edit { range, text: t.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;") });
            }
            Event::Start(Tag::Image { .. }) => alt = Some((range, String::new())),
            Event::Start(Tag::Link { dest_url, .. }) if !allowed_link(&dest_url) => link = Some((range, String::new())),
            Event::Start(Tag::Heading { level, .. }) => {
                let n = (level_number(level) + shift).min(6);
                let text = &src[range.clone()];
                let hashes = text.bytes().take_while(|&b| b == b'#').count();
                if hashes > 0 {
                    headings.push(Edit { range: range.start..range.start + hashes, text: "#".repeat(n) });
                } else if let Some(nl) = text.trim_end_matches('\n').rfind('\n') {
                    // Setext heading: put the ATX marker in front, join its lines, drop the underline.
                    headings.push(Edit { range: range.start..range.start, text: format!("{} ", "#".repeat(n)) });
                    for (i, _) in text[..nl].match_indices('\n') {
                        headings.push(Edit { range: range.start + i..range.start + i + 1, text: " ".to_owned() });
                    }
                    let end = range.start + text.trim_end_matches('\n').len();
                    headings.push(Edit { range: range.start + nl..end, text: String::new() });
                }
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(_))) if range.end >= src.len() => {
                let text = &src[range.clone()];
                let opening = text.trim_start();
                let fence_char = opening.chars().next().unwrap_or('`');
                let fence_len = opening.chars().take_while(|&c| c == fence_char).count().max(3);
                let last = text.trim_end().lines().last().unwrap_or("").trim();
                let closed =
                    text.trim_end().lines().count() > 1 && last.chars().all(|c| c == fence_char) && last.chars().count() >= fence_len;
                if !closed {
                    unclosed_fence = Some(fence_char.to_string().repeat(fence_len));
                }
                skip_until = range.end;
            }
            Event::Start(Tag::CodeBlock(_)) => skip_until = range.end,
            _ => {}
        }
    }
    let mut edits = merge(protected, headings);
    edits.sort_by_key(|e| std::cmp::Reverse((e.range.start, e.range.end)));
    let mut out = src.clone();
    for e in edits {
        out.replace_range(e.range, &e.text);
    }
    let mut out = out.trim_end().to_owned();
    if let Some(fence) = unclosed_fence {
        out.push('\n');
        out.push_str(&fence);
    }
    out.push('\n');
    out
}

/// Keeps every protected edit and the heading edits that do not overlap one.
fn merge(protected: Vec<Edit>, headings: Vec<Edit>) -> Vec<Edit> {
    let overlaps = |a: &Range<usize>, b: &Range<usize>| a.start < b.end && b.start < a.end;
    let mut kept: Vec<Edit> = Vec::new();
    for e in protected {
        if !kept.iter().any(|k| overlaps(&k.range, &e.range)) {
            kept.push(e);
        }
    }
    let fixed = kept.len();
    for h in headings {
        let blocked = kept[..fixed].iter().any(|k| {
            if h.range.is_empty() { k.range.start < h.range.start && h.range.start < k.range.end } else { overlaps(&k.range, &h.range) }
        });
        if !blocked {
            kept.push(h);
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_inline_markup() {
        assert_eq!(escape("a|b"), "a\\|b");
        assert_eq!(escape("x\ny"), "x<br>y");
        assert_eq!(escape("<script>"), "\\<script\\>");
        assert_eq!(escape("# Titel"), "\\# Titel");
        assert_eq!(escape("- Punkt"), "\\- Punkt");
        assert_eq!(escape("1. Punkt"), "1\\. Punkt");
        assert_eq!(escape("Dr. A. Beispiel"), "Dr. A. Beispiel");
        assert_eq!(escape("01.03.2027"), "01.03.2027");
        assert_eq!(escape("-5 %"), "-5 %");
        assert_eq!(escape("---"), "\\---");
    }

    #[test]
    fn keeps_code_spans_in_messages() {
        assert_eq!(escape_with_code("`schule.schueler` fehlt in *Datei*."), "`schule.schueler` fehlt in \\*Datei\\*.");
        assert_eq!(escape_with_code("Wert `a|b` und `c`"), "Wert `a\\|b` und `c`");
        assert_eq!(escape_with_code("ein ` einzelnes"), "ein \\` einzelnes");
    }

    #[test]
    fn shifts_headings() {
        assert_eq!(markdown_block("# A\n\ntext\n\n## B\n", 4), "#### A\n\ntext\n\n##### B\n");
        assert_eq!(markdown_block("A\n===\n\ntext", 3), "### A\n\ntext\n");
        assert_eq!(markdown_block("###### tief", 3), "###### tief\n");
    }

    #[test]
    fn neutralises_html_and_images() {
        let out = markdown_block("Text <script>alert(1)</script> und ![Logo](https://x.example/a.png)", 3);
        assert!(!out.contains("<script"), "{out}");
        assert!(out.contains("&lt;script&gt;"), "{out}");
        assert!(out.contains("*Bild: Logo*"), "{out}");
        assert!(!out.contains("x.example"), "{out}");
    }

    #[test]
    fn closes_open_fences() {
        assert_eq!(markdown_block("```\ncode", 3), "```\ncode\n```\n");
        assert_eq!(markdown_block("```\ncode\n```", 3), "```\ncode\n```\n");
    }

    #[test]
    fn drops_script_links() {
        let out = markdown_block("[klick](javascript:alert(1)) und [web](https://example.org)", 3);
        assert!(!out.contains("javascript"), "{out}");
        assert!(out.contains("[web](https://example.org)"), "{out}");
    }
}
