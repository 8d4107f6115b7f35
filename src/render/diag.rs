//! Findings for people: the rustc-like text with the source line and a caret.
//!
//! Styles are ANSI sequences from `anstyle`; the command line decides whether
//! they stay (terminal, `--color`, `NO_COLOR`, `CLICOLOR_FORCE`) or are left out.

use std::fmt::Write as _;

use anstyle::{AnsiColor, Style};

pub use crate::diag::sanitize;
use crate::diag::{Diagnostic, Severity};
use crate::source::SourceFile;

/// The styles of the text renderer; all plain when colour is off.
struct Styles {
    bold: Style,
    severity: Style,
    gutter: Style,
}

impl Styles {
    fn new(severity: Severity, colour: bool) -> Self {
        if !colour {
            return Self { bold: Style::new(), severity: Style::new(), gutter: Style::new() };
        }
        let colour_of = match severity {
            Severity::Fehler => AnsiColor::Red,
            Severity::Warnung => AnsiColor::Yellow,
            Severity::Hinweis => AnsiColor::Cyan,
        };
        Self {
            bold: Style::new().bold(),
            severity: Style::new().bold().fg_color(Some(colour_of.into())),
            gutter: Style::new().bold().fg_color(Some(AnsiColor::Blue.into())),
        }
    }
}

/// Renders one diagnostic like rustc: header, location, the source line with a caret, help.
#[must_use]
pub fn human(d: &Diagnostic, source: Option<&SourceFile>, colour: bool) -> String {
    let Styles { bold, severity: sev, gutter: blue } = Styles::new(d.severity, colour);
    let mut out = String::new();
    let _ = writeln!(out, "{sev}{}[{}]{sev:#}{bold}: {}{bold:#}", d.severity.label(), d.code, sanitize(&d.message));
    if let Some(loc) = &d.location {
        let width = loc.line.to_string().len();
        let pad = " ".repeat(width);
        let _ = writeln!(out, "{pad}{blue}-->{blue:#} {}:{}:{}", loc.file, loc.line, loc.column);
        if let Some(src) = source
            && let Some(text) = src.line_text(loc.line)
        {
            let line = sanitize(text);
            let caret_start = loc.column.saturating_sub(1).min(line.chars().count());
            let span_chars =
                src.text().get(loc.start..loc.end.max(loc.start)).map_or(1, |t| t.lines().next().unwrap_or("").chars().count());
            let carets = span_chars.clamp(1, line.chars().count().saturating_sub(caret_start).max(1));
            let (shown, caret_start, carets) = window(&line, caret_start, carets);
            let _ = writeln!(out, "{pad} {blue}|{blue:#}");
            let _ = writeln!(out, "{blue}{} |{blue:#} {shown}", loc.line);
            let _ = writeln!(out, "{pad} {blue}|{blue:#} {}{sev}{}{sev:#}", " ".repeat(caret_start), "^".repeat(carets));
        }
    } else if !d.path.is_empty() {
        let _ = writeln!(out, "  {blue}-->{blue:#} {}", d.path);
    }
    if let Some(help) = &d.help {
        let _ = writeln!(out, "  {bold}= Hilfe:{bold:#} {}", sanitize(help));
    }
    if let Some(url) = &d.source {
        let _ = writeln!(out, "  {bold}= Quelle:{bold:#} {url}");
    }
    out
}

/// Most characters of a source line shown under a finding; a longer line is cut around the caret.
const MAX_SHOWN: usize = 200;

/// The part of `line` shown under a finding, with the caret's start and width in it.
///
/// A line of a plan can be tens of thousands of characters long (one long text);
/// then only a window around the caret is shown, marked with `…` where cut.
fn window(line: &str, caret_start: usize, carets: usize) -> (String, usize, usize) {
    let len = line.chars().count();
    if len <= MAX_SHOWN {
        return (line.to_owned(), caret_start, carets);
    }
    let start = caret_start.saturating_sub(MAX_SHOWN / 4);
    let end = (start + MAX_SHOWN).min(len);
    let mut shown = String::new();
    if start > 0 {
        shown.push('…');
    }
    shown.extend(line.chars().skip(start).take(end - start));
    if end < len {
        shown.push('…');
    }
    let caret = caret_start - start + usize::from(start > 0);
    let width = carets.min(end.saturating_sub(caret_start)).max(1);
    (shown, caret, width)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_has_no_escape_sequences_and_colour_has_them() {
        let d = Diagnostic::new(&crate::load::codes::FORMAT_TYP, Severity::Warnung, "schule.name", "Text\u{1b}[2J").help("Hilfe");
        let plain = human(&d, None, false);
        assert!(!plain.contains('\u{1b}'), "{plain:?}");
        assert_eq!(plain, "Warnung[FORMAT-TYP]: Text\u{FFFD}[2J\n  --> schule.name\n  = Hilfe: Hilfe\n");
        assert!(human(&d, None, true).contains("\u{1b}[1m\u{1b}[33m"));
    }

    #[test]
    fn a_long_line_is_shown_as_a_window_around_the_caret() {
        assert_eq!(window("kurz", 1, 2), ("kurz".to_owned(), 1, 2));
        let line = format!("leitbild: {}", "ä".repeat(32_768));
        let (shown, caret, width) = window(&line, 10, 32_768);
        assert_eq!(shown.chars().count(), MAX_SHOWN + 1);
        assert!(shown.starts_with("leitbild: ä") && shown.ends_with('…'));
        assert_eq!((caret, width), (10, MAX_SHOWN - 10));
        let (shown, caret, width) = window(&line, 20_000, 1);
        assert!(shown.starts_with('…') && shown.ends_with('…'));
        assert_eq!((caret, width), (MAX_SHOWN / 4 + 1, 1));
    }
}
