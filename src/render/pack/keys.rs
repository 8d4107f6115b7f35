//! The static key check: every data key a template uses must exist in the template data.
//!
//! `mep vorlagen pruefen` runs it before rendering anything, so a key typo is found in every
//! chapter, also in branches that no example reaches (`{% if betrieb %}` on a plan without
//! `betrieb`). It follows the names the templates bind to the data and checks the keys read
//! from them against the JSON Schema of the view ([`crate::view::PlanView`]) and of the shared
//! wording ([`super::wortlaut::Wortlaut`]):
//!
//! - **typst**: `daten.typ` binds `json("/data.json")` and `json("/wortlaut.json")`; every
//!   `let` of a key chain (`#let schule = view.schule`), every `for x in <chain>` and the
//!   helpers `feld(container, "schluessel")`, `kapitel-titel("schluessel")` and
//!   `anhang-titel("schluessel")` carry the place in the data along. The chapter files see the
//!   names `daten.typ` binds at its top level (they import it with `*`).
//! - **tera** (Markdown): the top-level keys of the view and `wortlaut` are names; so is every
//!   `{% for x in <chain> %}` (until its `endfor`) and `{% set x = <chain> %}`.
//!
//! Names whose place in the data is not known (function parameters, results of methods) are
//! not followed: the check finds no false keys, and the render of the examples catches the rest.

use std::ops::Range;
use std::sync::LazyLock;

use serde_json::Value;
use typst::syntax::ast::AstNode;
use typst::syntax::{LinkedNode, SyntaxKind, ast};

/// A key a template reads that the data does not have.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownKey {
    /// Byte range of the key in the template text.
    pub span: Range<usize>,
    /// German message: the key path, the keys that exist there and a suggestion.
    pub message: String,
}

/// The result of checking one template.
#[derive(Clone, Debug, Default)]
pub struct Checked {
    /// Keys the data does not have.
    pub unknown: Vec<UnknownKey>,
    /// How many key paths were checked.
    pub checked: usize,
}

/// Which data a name stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Root {
    /// `/data.json`: `meta`, `view`, `charts`.
    Data,
    /// The view ([`crate::view::PlanView`]).
    View,
    /// The shared wording.
    Wortlaut,
}

/// One step into the data: a key, or an element of a list.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Step {
    Key(String),
    Item,
}

/// What a name in scope stands for: a place in the data, or something not followed.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Binding {
    Place(Root, Vec<Step>),
    Unknown,
}

/// Names in scope, innermost last.
type Scope = Vec<(String, Binding)>;

fn lookup<'s>(scope: &'s Scope, name: &str) -> Option<&'s Binding> {
    scope.iter().rev().find(|(n, _)| n == name).map(|(_, b)| b)
}

fn schema_value<T: schemars::JsonSchema>() -> Value {
    let schema = schemars::generate::SchemaSettings::draft2020_12().for_serialize().into_generator().into_root_schema_for::<T>();
    serde_json::to_value(schema).unwrap_or_default()
}

static VIEW: LazyLock<Value> = LazyLock::new(schema_value::<crate::view::PlanView>);
static WORTLAUT: LazyLock<Value> = LazyLock::new(schema_value::<super::wortlaut::Wortlaut>);

/// The schema nodes `node` stands for: `$ref` followed, `anyOf`/`oneOf`/`allOf` flattened.
fn alternatives<'a>(node: &'a Value, schema: &'a Value, out: &mut Vec<&'a Value>) {
    if let Some(name) = node.get("$ref").and_then(Value::as_str).and_then(|r| r.strip_prefix("#/$defs/")) {
        if let Some(def) = schema.get("$defs").and_then(|d| d.get(name)) {
            alternatives(def, schema, out);
        }
        return;
    }
    for key in ["anyOf", "oneOf", "allOf"] {
        if let Some(list) = node.get(key).and_then(Value::as_array) {
            list.iter().for_each(|n| alternatives(n, schema, out));
            return;
        }
    }
    out.push(node);
}

/// Whether a schema node accepts any key (no properties declared, not a scalar).
fn open(node: &Value) -> bool {
    node.get("properties").is_none() && node.get("type").is_none() && node.get("items").is_none()
}

/// Where `steps` leads from `root`; `Err((index of the step that fails, keys there))`.
fn resolve(root: Root, steps: &[Step]) -> Result<(), (usize, Vec<String>)> {
    let (schema, start) = match root {
        Root::Data => match steps.first() {
            None => return Ok(()),
            Some(Step::Key(k)) if k == "view" => return resolve(Root::View, &steps[1..]).map_err(|(i, keys)| (i + 1, keys)),
            Some(Step::Key(k)) if k == "meta" || k == "charts" => return Ok(()),
            Some(_) => return Err((0, vec!["charts".to_owned(), "meta".to_owned(), "view".to_owned()])),
        },
        Root::View => (&*VIEW, 0),
        Root::Wortlaut => (&*WORTLAUT, 0),
    };
    let mut nodes = vec![schema];
    for (i, step) in steps.iter().enumerate().skip(start) {
        let mut alts = Vec::new();
        nodes.iter().for_each(|n| alternatives(n, schema, &mut alts));
        alts.retain(|a| a.get("type").and_then(Value::as_str) != Some("null"));
        if alts.iter().any(|a| open(a)) {
            return Ok(());
        }
        let next: Vec<&Value> = match step {
            Step::Key(k) => alts.iter().filter_map(|a| a.get("properties").and_then(|p| p.get(k.as_str()))).collect(),
            Step::Item => alts.iter().filter_map(|a| a.get("items")).collect(),
        };
        if next.is_empty() {
            let mut keys: Vec<String> =
                alts.iter().filter_map(|a| a.get("properties").and_then(Value::as_object)).flat_map(|p| p.keys().cloned()).collect();
            keys.sort();
            keys.dedup();
            return Err((i, keys));
        }
        nodes = next;
    }
    Ok(())
}

/// The message for a key path that fails at step `at`.
fn message(root: Root, steps: &[Step], at: usize, keys: &[String]) -> String {
    let mut shown = match root {
        Root::Data => String::from("daten"),
        Root::View => String::from("view"),
        Root::Wortlaut => String::from("wortlaut"),
    };
    for step in &steps[..at] {
        match step {
            Step::Key(k) => {
                shown.push('.');
                shown.push_str(k);
            }
            Step::Item => shown.push_str("[]"),
        }
    }
    let Some(Step::Key(wrong)) = steps.get(at) else {
        return format!("`{shown}` ist keine Liste; über sie kann nicht gezählt werden.");
    };
    if keys.is_empty() {
        return format!("`{shown}` hat keine Felder, die Vorlage liest aber `{wrong}` daraus.");
    }
    let near = keys.iter().map(|k| (strsim::jaro_winkler(k, wrong), k)).filter(|(s, _)| *s > 0.8).max_by(|a, b| a.0.total_cmp(&b.0));
    let hint = near.map(|(_, k)| format!(" Meinten Sie `{k}`?")).unwrap_or_default();
    format!(
        "Die Vorlagendaten haben kein Feld `{wrong}` unter `{shown}`.{hint} Vorhanden: {}. Die Felder beschreibt docs/vorlagendaten.md.",
        keys.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ")
    )
}

/// A key path read by a template: the binding it starts from and each step with its place.
struct Chain {
    root: Root,
    steps: Vec<Step>,
    /// Byte range of each step, parallel to `steps`; the bound prefix has no place of its own.
    spans: Vec<Option<Range<usize>>>,
}

impl Chain {
    fn from_binding(binding: &Binding) -> Option<Self> {
        match binding {
            Binding::Place(root, steps) => Some(Self { root: *root, steps: steps.clone(), spans: vec![None; steps.len()] }),
            Binding::Unknown => None,
        }
    }

    fn push(&mut self, step: Step, span: Option<Range<usize>>) {
        // `daten.view` is the view: named so in messages.
        if self.root == Root::Data && self.steps.is_empty() && step == Step::Key("view".to_owned()) {
            self.root = Root::View;
            return;
        }
        self.steps.push(step);
        self.spans.push(span);
    }

    fn binding(&self) -> Binding {
        Binding::Place(self.root, self.steps.clone())
    }

    /// Checks the chain into `out`; a failing step without a place of its own is left to the binding's check.
    fn check(&self, out: &mut Checked) {
        out.checked += 1;
        if let Err((at, keys)) = resolve(self.root, &self.steps)
            && let Some(Some(span)) = self.spans.get(at)
            && !out.unknown.iter().any(|u| u.span == *span)
        {
            out.unknown.push(UnknownKey { span: span.clone(), message: message(self.root, &self.steps, at, &keys) });
        }
    }
}

/// Templates that read other data than the plan view: the review overview of `mep uebersicht`.
fn reads_the_view(name: &str) -> bool {
    !name.starts_with("review/") && name != "review.typ"
}

/// Checks a set of templates (name, text); `daten` is the `daten.typ` the typst files import.
/// Returns the unknown keys per file (in the order given) and the number of key paths checked.
#[must_use]
pub fn check_templates<'a>(
    markdown: impl IntoIterator<Item = (&'a str, &'a str)>,
    typst: impl IntoIterator<Item = (&'a str, &'a str)>,
    daten: &str,
) -> (Vec<(String, UnknownKey)>, usize) {
    let mut found = Vec::new();
    let mut checked = 0;
    let md = markdown.into_iter().filter(|(n, _)| reads_the_view(n)).map(|(n, t)| (n, check_tera(t)));
    let typ = typst.into_iter().filter(|(n, _)| reads_the_view(n)).map(|(n, t)| (n, check_typst(t, daten, n == "daten.typ")));
    for (name, result) in md.chain(typ) {
        checked += result.checked;
        found.extend(result.unknown.into_iter().map(|u| (name.to_owned(), u)));
    }
    (found, checked)
}

// ---------------------------------------------------------------------------------------------
// typst

/// The names `daten.typ` (`text`) binds at its top level, to start every other file's scope.
#[must_use]
fn typst_globals(daten: &str) -> Scope {
    let root = typst::syntax::parse(daten);
    let mut scope = Scope::new();
    let mut ignored = Checked::default();
    walk_typst(&LinkedNode::new(&root), &mut scope, &mut ignored);
    scope
}

/// Checks a typst template; `daten` is the text of the `daten.typ` it imports.
#[must_use]
pub fn check_typst(text: &str, daten: &str, is_daten: bool) -> Checked {
    let mut scope = if is_daten { Scope::new() } else { typst_globals(daten) };
    let root = typst::syntax::parse(text);
    let mut out = Checked::default();
    walk_typst(&LinkedNode::new(&root), &mut scope, &mut out);
    out
}

fn walk_typst(node: &LinkedNode, scope: &mut Scope, out: &mut Checked) {
    match node.kind() {
        SyntaxKind::ForLoop => return walk_for(node, scope, out),
        SyntaxKind::Closure => return walk_closure(node, scope, out),
        SyntaxKind::FieldAccess | SyntaxKind::FuncCall => {
            let is_method = node.kind() == SyntaxKind::FieldAccess
                && node.parent_kind() == Some(SyntaxKind::FuncCall)
                && node.parent().and_then(|p| p.children().next()).is_some_and(|c| c.range() == node.range());
            if !is_method && let Some(chain) = typst_chain(node, scope) {
                chain.check(out);
            }
        }
        _ => {}
    }
    let depth = scope.len();
    for child in node.children() {
        walk_typst(&child, scope, out);
        if child.kind() == SyntaxKind::LetBinding {
            bind_let(&child, scope);
        }
    }
    // Names a block binds end with it; the top level keeps them (they are the file's globals).
    if node.kind() != SyntaxKind::Markup || node.parent().is_some() {
        scope.truncate(depth);
    }
}

/// `let name = <init>`: `name` stands for the place `init` leads to, or for something unknown.
fn bind_let(node: &LinkedNode, scope: &mut Scope) {
    let Some(binding) = node.get().cast::<ast::LetBinding>() else { return };
    let names: Vec<String> = binding.kind().bindings().iter().map(|i| i.get().to_string()).collect();
    let place = match binding.kind() {
        ast::LetBindingKind::Normal(ast::Pattern::Normal(ast::Expr::Ident(_))) => {
            node.children().filter(|c| c.kind() != SyntaxKind::Ident).find_map(|c| init_binding(&c, scope))
        }
        _ => None,
    };
    for name in names {
        scope.push((name, place.clone().unwrap_or(Binding::Unknown)));
    }
}

/// The binding of a `let` initialiser: `json("/data.json")`, `json("/wortlaut.json")` or a key chain.
fn init_binding(node: &LinkedNode, scope: &Scope) -> Option<Binding> {
    if node.kind() == SyntaxKind::FuncCall
        && let Some(call) = node.get().cast::<ast::FuncCall>()
        && let ast::Expr::Ident(callee) = call.callee()
        && callee.get() == "json"
    {
        let path = call.args().items().find_map(|a| match a {
            ast::Arg::Pos(ast::Expr::Str(s)) => Some(s.get()),
            _ => None,
        })?;
        return match path.as_str() {
            "/data.json" => Some(Binding::Place(Root::Data, Vec::new())),
            "/wortlaut.json" => Some(Binding::Place(Root::Wortlaut, Vec::new())),
            _ => None,
        };
    }
    if matches!(node.kind(), SyntaxKind::FieldAccess | SyntaxKind::FuncCall | SyntaxKind::Ident) {
        return typst_chain(node, scope).map(|c| c.binding());
    }
    None
}

/// `for x in <chain> { … }`: `x` stands for an element of the list the chain leads to.
fn walk_for(node: &LinkedNode, scope: &mut Scope, out: &mut Checked) {
    let Some(for_loop) = node.get().cast::<ast::ForLoop>() else { return };
    let iterable = for_loop.iterable().to_untyped();
    let mut element = None;
    for child in node.children() {
        if std::ptr::eq(child.get(), iterable) {
            walk_typst(&child, scope, out);
            element = typst_chain(&child, scope).map(|mut c| {
                c.push(Step::Item, None);
                c.binding()
            });
        }
    }
    let depth = scope.len();
    for name in for_loop.pattern().bindings() {
        let single = matches!(for_loop.pattern(), ast::Pattern::Normal(_));
        let binding = if single { element.clone().unwrap_or(Binding::Unknown) } else { Binding::Unknown };
        scope.push((name.get().to_string(), binding));
    }
    for child in node.children() {
        if std::ptr::eq(child.get(), for_loop.body().to_untyped()) {
            walk_typst(&child, scope, out);
        }
    }
    scope.truncate(depth);
}

/// A function: its parameters stand for something unknown inside its body.
fn walk_closure(node: &LinkedNode, scope: &mut Scope, out: &mut Checked) {
    let depth = scope.len();
    if let Some(closure) = node.get().cast::<ast::Closure>() {
        for param in closure.params().children() {
            let names = match param {
                ast::Param::Pos(p) => p.bindings(),
                ast::Param::Named(n) => vec![n.name()],
                ast::Param::Spread(s) => s.sink_ident().into_iter().collect(),
            };
            scope.extend(names.into_iter().map(|n| (n.get().to_string(), Binding::Unknown)));
        }
    }
    for child in node.children() {
        if child.kind() != SyntaxKind::Params {
            walk_typst(&child, scope, out);
        }
    }
    scope.truncate(depth);
}

/// The key chain `node` reads: `name.a.b`, `feld(<chain>, "key")`, `kapitel-titel("key")`.
fn typst_chain(node: &LinkedNode, scope: &Scope) -> Option<Chain> {
    match node.kind() {
        SyntaxKind::Ident => lookup(scope, node.get().leaf_text()).and_then(Chain::from_binding),
        SyntaxKind::FieldAccess => {
            let mut children = node.children().filter(|c| !c.kind().is_trivia());
            let target = children.next()?;
            let field = children.find(|c| c.kind() == SyntaxKind::Ident)?;
            let mut chain = typst_chain(&target, scope)?;
            chain.push(Step::Key(field.get().leaf_text().to_string()), Some(field.range()));
            Some(chain)
        }
        SyntaxKind::FuncCall => helper_chain(node, scope),
        SyntaxKind::Parenthesized => {
            node.children().find(|c| !c.kind().is_trivia() && c.kind() != SyntaxKind::LeftParen).and_then(|c| typst_chain(&c, scope))
        }
        _ => None,
    }
}

/// The key chain of a call of one of the data helpers of `daten.typ`.
fn helper_chain(node: &LinkedNode, scope: &Scope) -> Option<Chain> {
    let callee = node.children().next()?;
    if callee.kind() != SyntaxKind::Ident {
        return None;
    }
    let args = node.children().find(|c| c.kind() == SyntaxKind::Args)?;
    let positional: Vec<LinkedNode> = args
        .children()
        .filter(|c| {
            !c.kind().is_trivia()
                && !matches!(c.kind(), SyntaxKind::LeftParen | SyntaxKind::RightParen | SyntaxKind::Comma | SyntaxKind::Named)
        })
        .collect();
    let string = |n: &LinkedNode| n.get().cast::<ast::Str>().map(|s| (s.get().to_string(), n.range()));
    match callee.get().leaf_text().as_str() {
        "feld" => {
            let [container, key] = positional.as_slice() else { return None };
            let (key, span) = string(key)?;
            let mut chain = typst_chain(container, scope)?;
            chain.push(Step::Key(key), Some(span));
            Some(chain)
        }
        "kapitel-titel" | "anhang-titel" => {
            let (key, span) = string(positional.first()?)?;
            let mut chain = Chain::from_binding(lookup(scope, "vokabular")?)?;
            chain.push(Step::Key("kapitel".to_owned()), None);
            chain.push(Step::Key(key), Some(span));
            Some(chain)
        }
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------------
// tera

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

#[cfg(test)]
mod tests {
    use super::*;

    const DATEN: &str = include_str!("../../../templates/typst/daten.typ");

    #[test]
    fn typst_keys_are_followed_through_lets_loops_and_helpers() {
        let text = "#import \"daten.typ\": *\n#schule.anschrif\n#for z in view.ziele [#z.beschreibung #z.beschreibng]\n\
                    #let b = kennzahlen.investition.budget\n#feld(b, \"fehlbetrg\") #kapitel-titel(\"zieele\")\n\
                    #let f(schule) = schule.egal\n#view.ziele.len()\n#wortlaut.leer.ziel\n";
        let checked = check_typst(text, DATEN, false);
        let bad: Vec<&str> = checked.unknown.iter().map(|u| &text[u.span.clone()]).collect();
        assert_eq!(bad, ["anschrif", "beschreibng", "\"fehlbetrg\"", "\"zieele\"", "ziel"]);
        assert!(checked.unknown[0].message.contains("Meinten Sie `anschrift`?"), "{}", checked.unknown[0].message);
    }

    #[test]
    fn every_key_the_built_in_templates_read_is_in_the_data() {
        let md = crate::render::markdown::EMBEDDED.iter().copied();
        let typ = crate::render::pdf::templates::EMBEDDED.iter().copied();
        let (found, checked) = check_templates(md, typ, DATEN);
        assert!(found.is_empty(), "{found:#?}");
        assert!(checked > 400, "only {checked} key paths checked");
        // A typo inside a loop of each family is found at its place.
        for (file, text, from, to) in [
            ("ziele.typ", include_str!("../../../templates/typst/ziele.typ"), "ziel.beschreibung", "ziel.beschreibungx"),
            ("ziele.md", include_str!("../../../templates/markdown/ziele.md"), "z.beschreibung", "z.beschreibungx"),
            ("finanzierung.typ", include_str!("../../../templates/typst/finanzierung.typ"), "budget, \"rest\"", "budget, \"restx\""),
        ] {
            assert!(text.contains(from), "{file}");
            let broken = text.replacen(from, to, 1);
            let result = if file.ends_with(".md") { check_tera(&broken) } else { check_typst(&broken, DATEN, false) };
            assert_eq!(result.unknown.len(), 1, "{file}: {:?}", result.unknown);
        }
    }

    #[test]
    fn tera_keys_are_followed_through_loops_and_sets() {
        let text = "{{ schule.anschrif }} {% for z in ziele -%}{{ z.id | sonst(text=\"x\") }}{{ z.idd }}{% endfor %}\
                    {{ z.egal }} {% set k = kennzahlen.investition %}{{ k.gesamtt.text }}{# schule.kommentar #}\
                    {{ kennzahlen.fortbildung.stunden_je_lehrkraft?.txt }} {{ \"schule.text\" }}";
        let checked = check_tera(text);
        let bad: Vec<&str> = checked.unknown.iter().map(|u| &text[u.span.clone()]).collect();
        assert_eq!(bad, ["anschrif", "idd", "gesamtt", "txt"]);
    }
}
