//! Scalars as text: each value written so that it reads back as meant.
//!
//! A string is written plain only when the loader reads the plain text back as that same
//! string (`no`, `0123`, `2.480`, `true`, `~` and `2027-03-31` are not all strings in every
//! reader, so the check is made by the loader itself); otherwise it is quoted. The notation of
//! the value it replaces is kept where it can be (single quotes stay single, a `|` block stays a
//! block).

use serde_json::Value;

use super::tree::Style;
use crate::load::Limits;

/// Where a scalar is written.
#[derive(Clone, Copy, Debug)]
pub struct Ctx {
    /// Inside `[ … ]` or `{ … }`: no blocks, and `,[]{}` need quotes.
    pub flow: bool,
    /// Columns of indentation for the lines of a block scalar.
    pub indent: usize,
    /// The file's line break.
    pub lb: &'static str,
}

/// The text of a scalar value (string, number, boolean, null); `None` for collections.
#[must_use]
pub fn render(value: &Value, prefer: Option<Style>, ctx: &Ctx) -> Option<String> {
    match value {
        Value::Null => Some("null".to_owned()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Number(n) => Some(n.to_string()),
        Value::String(s) => Some(render_string(s, prefer, ctx)),
        Value::Array(_) | Value::Object(_) => None,
    }
}

/// The text of a string.
#[must_use]
pub fn render_string(s: &str, prefer: Option<Style>, ctx: &Ctx) -> String {
    let multiline = s.contains('\n');
    let block_wanted = !ctx.flow && (multiline || matches!(prefer, Some(Style::Literal | Style::Folded)));
    if block_wanted && let Some(block) = literal_block(s, ctx.indent, ctx.lb) {
        return block;
    }
    match prefer {
        Some(Style::Single) => {
            if let Some(q) = single_quoted(s) {
                return q;
            }
        }
        Some(Style::Double) => return double_quoted(s),
        _ => {}
    }
    if plain_ok(s, ctx.flow) { s.to_owned() } else { double_quoted(s) }
}

/// Whether a string may stand plain: safe characters, and the loader reads it back as itself.
#[must_use]
pub fn plain_ok(s: &str, flow: bool) -> bool {
    let Some(first) = s.chars().next() else { return false };
    if s.len() > 200 || s.trim() != s || s.contains(['\n', '\r', '\t']) || s.chars().any(char::is_control) {
        return false;
    }
    if !(first.is_alphanumeric() || matches!(first, '(' | '/' | '.' | '+' | '€' | '§' | '$' | '_' | '=' | '^' | '~' | ';')) {
        return false;
    }
    if s.contains(": ") || s.contains(" #") || s.ends_with(':') || s.contains(['\u{feff}', '\u{2028}', '\u{2029}', '\u{85}']) {
        return false;
    }
    if flow && s.contains([',', '[', ']', '{', '}']) {
        return false;
    }
    // YAML 1.1 readers take these as booleans, nulls or numbers (`no`, `0123`, `1e3`, `0x1F`).
    if ["y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"].contains(&s.to_ascii_lowercase().as_str()) {
        return false;
    }
    let unsigned = s.trim_start_matches(['+', '-']);
    if unsigned.starts_with(|c: char| c.is_ascii_digit() || c == '.')
        && unsigned.chars().all(|c| c.is_ascii_hexdigit() || matches!(c, '.' | '_' | 'x' | 'X' | 'o' | 'O' | '+' | '-'))
        && !unsigned.contains('-')
    {
        return false;
    }
    let probe = if flow { format!("[{s}]") } else { format!("k: {s}") };
    let limits = Limits::default();
    match crate::load::yaml_value(&probe, &limits) {
        Ok(Value::Object(m)) if !flow => m.get("k") == Some(&Value::String(s.to_owned())),
        Ok(Value::Array(a)) if flow => a.len() == 1 && a[0] == Value::String(s.to_owned()),
        _ => false,
    }
}

/// `"…"` with every character that needs it escaped (the same quoting `mep anlegen` writes).
#[must_use]
pub fn double_quoted(s: &str) -> String {
    crate::init::yaml_quote(s)
}

/// `'…'`, when the text has no line break or control character.
#[must_use]
pub fn single_quoted(s: &str) -> Option<String> {
    if s.chars().any(|c| c.is_control() || matches!(c, '\u{feff}' | '\u{2028}' | '\u{2029}')) {
        return None;
    }
    Some(format!("'{}'", s.replace('\'', "''")))
}

/// A literal block (`|`, `|-`), when the text can be one: no carriage return or control
/// character, at most one final line break, and no line that is only blanks.
#[must_use]
pub fn literal_block(s: &str, indent: usize, lb: &str) -> Option<String> {
    if s.is_empty() || s.contains('\r') || s.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        return None;
    }
    if s.contains(['\u{feff}', '\u{2028}', '\u{2029}', '\u{85}']) {
        return None;
    }
    let (body, chomp) = match s.strip_suffix('\n') {
        Some(b) if b.ends_with('\n') => return None,
        Some(b) => (b, ""),
        None => (s, "-"),
    };
    let lines: Vec<&str> = body.split('\n').collect();
    if lines.iter().any(|l| !l.is_empty() && l.trim_matches([' ', '\t']).is_empty()) || lines.iter().any(|l| l.ends_with(' ')) {
        return None;
    }
    // A first line that starts with a blank would need an indentation indicator relative to
    // the parent's indentation; such rare texts are quoted instead.
    if lines.iter().find(|l| !l.is_empty()).is_none_or(|l| l.starts_with([' ', '\t'])) {
        return None;
    }
    let mut out = String::from("|");
    out.push_str(chomp);
    let pad = " ".repeat(indent.max(1));
    for line in lines {
        out.push_str(lb);
        if !line.is_empty() {
            out.push_str(&pad);
            out.push_str(line);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const BLOCK: Ctx = Ctx { flow: false, indent: 4, lb: "\n" };
    const FLOW: Ctx = Ctx { flow: true, indent: 4, lb: "\n" };

    #[test]
    fn strings_that_other_readers_misread_are_quoted() {
        for s in [
            "no", "yes", "on", "off", "true", "null", "~", "0123", "2.480", "12", "1e3", "", " a", "a ", "a: b", "a #b", "- x", "#x", "@x",
            "`x", "x:", "*x", "&x", "!x", "%x", "'x", "\"x", "?", "0x1F",
        ] {
            let r = render_string(s, Some(Style::Plain), &BLOCK);
            assert!(r.starts_with('"'), "{s:?} → {r}");
        }
        for s in ["Grundschule am Markt", "Z1", "2027-03-31", "Müller-Lüdenscheidt", "B 12", "Stadt Musterstadt, Amt 40"] {
            assert_eq!(render_string(s, Some(Style::Plain), &BLOCK), s);
        }
        assert_eq!(render_string("a, b", None, &FLOW), "\"a, b\"");
        assert_eq!(render_string("it's", Some(Style::Single), &BLOCK), "'it''s'");
        assert_eq!(render_string("x\u{7}", Some(Style::Single), &BLOCK), "\"x\\u0007\"");
    }

    #[test]
    fn multiline_text_becomes_a_literal_block() {
        assert_eq!(render_string("eins\nzwei\n", None, &BLOCK), "|\n    eins\n    zwei");
        assert_eq!(render_string("eins\n\nzwei", None, &BLOCK), "|-\n    eins\n\n    zwei");
        assert_eq!(render_string("  eingerückt\nx", None, &BLOCK), "\"  eingerückt\\nx\"");
        assert_eq!(render_string("a\n\n", None, &BLOCK), "\"a\\n\\n\"");
        assert_eq!(render_string("a\nb", None, &FLOW), "\"a\\nb\"");
        assert_eq!(render_string("eins\nzwei", None, &Ctx { lb: "\r\n", ..BLOCK }), "|-\r\n    eins\r\n    zwei");
    }
}
