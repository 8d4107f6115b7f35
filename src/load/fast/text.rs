//! The text-level pieces of the fast reader: which characters it reads, where keys, plain
//! scalars and quoted scalars end on a line.

use std::borrow::Cow;

/// Whether the text has only characters YAML reads as printable and no line break other than
/// `\n` and `\r\n` (the full parser decides about the rest).
pub(super) fn printable(text: &str) -> bool {
    /// Bytes that need a closer look: controls (tab and line feed are fine), DEL, and the lead
    /// bytes of the few multi-byte characters that matter.
    const LOOK: [bool; 256] = {
        let mut t = [false; 256];
        let mut b = 0;
        while b < 0x20 {
            t[b] = b != b'\n' as usize && b != b'\t' as usize;
            b += 1;
        }
        t[0x7F] = true;
        t[0xC2] = true;
        t[0xE2] = true;
        t[0xEF] = true;
        t
    };
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if LOOK[b as usize] {
            let next = bytes.get(i + 1).copied();
            let third = bytes.get(i + 2).copied();
            let bad = match b {
                b'\r' => next != Some(b'\n'),
                // C1 controls and NEL (U+0080–U+009F).
                0xC2 => next.is_some_and(|c| c < 0xA0),
                // Line and paragraph separators (U+2028, U+2029).
                0xE2 => next == Some(0x80) && matches!(third, Some(0xA8 | 0xA9)),
                // Byte order mark inside the text, U+FFFE and U+FFFF.
                0xEF => matches!((next, third), (Some(0xBB), Some(0xBF)) | (Some(0xBF), Some(0xBE | 0xBF))),
                _ => true,
            };
            if bad {
                return false;
            }
        }
        i += 1;
    }
    true
}

pub(super) fn spaces(s: &str) -> usize {
    s.len() - s.trim_start_matches(' ').len()
}

/// Whether a line's content is a sequence entry (`- …` or a lone `-`).
pub(super) fn is_dash(content: &str) -> bool {
    content == "-" || content.starts_with("- ") || content.starts_with("-\t")
}

/// YAML's null spellings, and the words some YAML versions read as booleans.
pub(super) fn is_null(s: &str) -> bool {
    matches!(s, "" | "~" | "null" | "Null" | "NULL")
}

/// The position of the colon of a plain block key (`key: …` or `key:`), if the content is one.
pub(super) fn key_end(content: &str) -> Option<usize> {
    let bytes = content.as_bytes();
    if b"\"'?&*!|>%@`[]{},#:-".contains(bytes.first()?) {
        return None;
    }
    for i in 0..bytes.len() {
        match bytes[i] {
            b':' if bytes.get(i + 1).is_none_or(|&b| b == b' ') => return Some(i),
            b'#' if bytes[i - 1] == b' ' => return None,
            _ => {}
        }
    }
    None
}

/// The length of a plain key in a flow mapping, up to its colon (which must follow directly).
pub(super) fn flow_key(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    if b"\"'?&*!|>%@`[]{},#:-".contains(bytes.first()?) {
        return None;
    }
    for i in 0..bytes.len() {
        match bytes[i] {
            b':' if bytes.get(i + 1).is_none_or(|b| b" ,]}".contains(b)) => return Some(i),
            b',' | b'[' | b']' | b'{' | b'}' | b'#' | b' ' | b'\t' => return None,
            _ => {}
        }
    }
    None
}

/// The length of a one-line plain scalar at the start of `s`, up to a comment (and in a flow
/// collection up to `,`, `]` or `}`); `None` for what would start something else or continue it.
pub(super) fn plain_len(s: &str, in_flow: bool) -> Option<usize> {
    let bytes = s.as_bytes();
    if b"&*!%@`|>?[]{},#:\"'".contains(bytes.first()?) || (s.starts_with('-') && bytes.get(1).is_none_or(|&b| b == b' ' || b == b'\t')) {
        return None;
    }
    let mut end = bytes.len();
    for i in 0..bytes.len() {
        match bytes[i] {
            b'#' if bytes[i - 1] == b' ' => {
                end = i;
                break;
            }
            b':' if bytes.get(i + 1).is_none_or(|&b| b == b' ' || (in_flow && b",[]{}".contains(&b))) => return None,
            b',' | b'[' | b']' | b'{' | b'}' if in_flow => {
                end = i;
                break;
            }
            b'\t' => return None,
            _ => {}
        }
    }
    let len = s[..end].trim_end_matches(' ').len();
    (len > 0).then_some(len)
}

/// A one-line quoted scalar at the start of `s`: its text and length. Escapes outside the
/// common set leave the file to the full parser.
pub(super) fn quoted(s: &str) -> Option<(Cow<'_, str>, usize)> {
    let bytes = s.as_bytes();
    let quote = *bytes.first()?;
    let body = &s[1..];
    if quote == b'\'' {
        let mut i = 0;
        let b = body.as_bytes();
        while i < b.len() {
            if b[i] == b'\'' {
                if b.get(i + 1) == Some(&b'\'') {
                    i += 2;
                    continue;
                }
                let raw = &body[..i];
                let text = if raw.contains("''") { Cow::Owned(raw.replace("''", "'")) } else { Cow::Borrowed(raw) };
                return Some((text, i + 2));
            }
            i += 1;
        }
        return None;
    }
    let end = body.find(['"', '\\']).unwrap_or(body.len());
    if body.as_bytes().get(end) == Some(&b'"') {
        return Some((Cow::Borrowed(&body[..end]), end + 2));
    }
    let mut out = String::from(&body[..end]);
    let mut chars = body[end..].char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((Cow::Owned(out), end + i + 2)),
            '\\' => {
                let (_, e) = chars.next()?;
                let digits = match e {
                    '\\' | '"' | '/' => {
                        out.push(e);
                        0
                    }
                    'n' => {
                        out.push('\n');
                        0
                    }
                    't' => {
                        out.push('\t');
                        0
                    }
                    'x' => 2,
                    'u' => 4,
                    'U' => 8,
                    _ => return None,
                };
                if digits > 0 {
                    let mut code = 0u32;
                    for _ in 0..digits {
                        code = code * 16 + chars.next()?.1.to_digit(16)?;
                    }
                    out.push(char::from_u32(code)?);
                }
            }
            _ => out.push(c),
        }
    }
    None
}
