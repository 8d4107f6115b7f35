//! Key chains of typst templates: `daten.typ`'s bindings, lets, loops and the data helpers.

use typst::syntax::ast::AstNode;
use typst::syntax::{LinkedNode, SyntaxKind, ast};

use super::{Binding, Chain, Checked, Root, Scope, Step, lookup};

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
