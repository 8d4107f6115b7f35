//! Key chains of tera (Markdown) templates: the view's top-level keys, `for` and `set`.

use serde_json::Value;

use super::{Binding, Chain, Checked, Root, Scope, Step, VIEW, lookup};

/// Words of tera expressions that are never names of data.
const TERA_WORDS: &[&str] =
    &["and", "or", "not", "in", "is", "if", "elif", "else", "for", "set", "set_global", "true", "false", "none", "loop", "defined"];

/// Checks a Markdown (tera) template against the view and the wording.
#[must_use]
pub fn check_tera(text: &str) -> Checked {
    let mut scope: Scope = view_keys().into_iter().map(|k| (k.clone(), Binding::Place(Root::View, vec![Step::Key(k)]))).collect();
    scope.push(("wortlaut".to_owned(), Binding::Place(Root::Wortlaut, Vec::new())));
    let mut frames: Vec<usize> = Vec::new();
    let mut out = Checked::default();
    for (start, inner) in tera_tags(text) {
        let trimmed = inner.trim_start_matches('-').trim_start();
        let lead = inner.len() - trimmed.len();
        let word = trimmed.split_whitespace().next().unwrap_or("");
        match word {
            "for" => {
                let depth = scope.len();
                tera_for(trimmed, start + lead, &mut scope, &mut out);
                frames.push(depth);
            }
            "endfor" => {
                if let Some(depth) = frames.pop() {
                    scope.truncate(depth);
                }
            }
            "set" | "set_global" => tera_set(trimmed, start + lead, &mut scope, &mut out),
            _ => tera_expression(inner, start, &scope, &mut out),
        }
    }
    out
}

/// The top-level keys of the view.
fn view_keys() -> Vec<String> {
    VIEW.get("properties").and_then(Value::as_object).map(|p| p.keys().cloned().collect()).unwrap_or_default()
}

/// The expression tags of a tera template: (byte offset of the inside, inside text), comments left out.
fn tera_tags(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(found) = text[at..].find('{') {
        let open = at + found;
        let close = match text.get(open + 1..open + 2) {
            Some("{") => "}}",
            Some("%") => "%}",
            Some("#") => "#}",
            _ => {
                at = open + 1;
                continue;
            }
        };
        let Some(end) = text[open + 2..].find(close) else { break };
        if close != "#}" {
            out.push((open + 2, &text[open + 2..open + 2 + end]));
        }
        at = open + 2 + end + 2;
    }
    out
}

/// `for x in <chain>` / `for k, v in <chain>`: binds the element, checks the chain.
fn tera_for(tag: &str, offset: usize, scope: &mut Scope, out: &mut Checked) {
    let Some(in_at) = tag.find(" in ") else { return };
    let names: Vec<String> = tag[3..in_at].split(',').map(|n| n.trim().to_owned()).collect();
    let expr_at = in_at + 4;
    tera_expression(&tag[expr_at..], offset + expr_at, scope, out);
    let element = tera_chains(&tag[expr_at..], offset + expr_at, scope).into_iter().next().filter(|(at, _)| *at == 0).map(|(_, mut c)| {
        c.push(Step::Item, None);
        c.binding()
    });
    let single = names.len() == 1;
    for name in names {
        scope.push((name, if single { element.clone().unwrap_or(Binding::Unknown) } else { Binding::Unknown }));
    }
}

/// `set x = <chain>`: binds `x` to the chain's place.
fn tera_set(tag: &str, offset: usize, scope: &mut Scope, out: &mut Checked) {
    let word = tag.split_whitespace().next().unwrap_or("");
    let Some(eq) = tag.find('=') else { return };
    let name = tag[word.len()..eq].trim().to_owned();
    let expr = &tag[eq + 1..];
    let lead = expr.len() - expr.trim_start().len();
    tera_expression(expr, offset + eq + 1, scope, out);
    let place = tera_chains(expr, offset + eq + 1, scope).into_iter().next().filter(|(at, _)| *at == lead).map(|(_, c)| c.binding());
    scope.push((name, place.unwrap_or(Binding::Unknown)));
}

fn tera_expression(expr: &str, offset: usize, scope: &Scope, out: &mut Checked) {
    for (_, chain) in tera_chains(expr, offset, scope) {
        chain.check(out);
    }
}

/// The key chains in a tera expression whose first name is in scope: (offset in `expr`, chain).
fn tera_chains(expr: &str, offset: usize, scope: &Scope) -> Vec<(usize, Chain)> {
    let bytes = expr.as_bytes();
    let is_ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut out = Vec::new();
    let mut i = 0;
    let mut quote: Option<u8> = None;
    while i < bytes.len() {
        let b = bytes[i];
        if let Some(q) = quote {
            quote = if b == q { None } else { Some(q) };
            i += 1;
            continue;
        }
        if matches!(b, b'"' | b'\'' | b'`') {
            quote = Some(b);
            i += 1;
            continue;
        }
        if !is_ident(b) || (i > 0 && (is_ident(bytes[i - 1]) || bytes[i - 1] == b'.')) || b.is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && is_ident(bytes[i]) {
            i += 1;
        }
        let name = &expr[start..i];
        let before = expr[..start].trim_end();
        let after = expr[i..].trim_start();
        let is_filter_or_kwarg = before.ends_with('|') || (after.starts_with('=') && !after.starts_with("==")) || after.starts_with('(');
        if TERA_WORDS.contains(&name) || is_filter_or_kwarg {
            continue;
        }
        let Some(mut chain) = lookup(scope, name).and_then(Chain::from_binding) else { continue };
        loop {
            let dot = if expr[i..].starts_with("?.") { 2 } else { usize::from(expr[i..].starts_with('.')) };
            if dot == 0 {
                break;
            }
            let from = i + dot;
            let mut end = from;
            while end < bytes.len() && is_ident(bytes[end]) {
                end += 1;
            }
            if end == from || expr[end..].trim_start().starts_with('(') {
                break;
            }
            chain.push(Step::Key(expr[from..end].to_owned()), Some(offset + from..offset + end));
            i = end;
        }
        out.push((start, chain));
    }
    out
}
