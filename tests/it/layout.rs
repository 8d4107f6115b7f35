//! The layout of `src/`: the graph of top-level modules has no cycle, and files stay small.
//!
//! The graph is read from the source: every `crate::NAME` outside comments in a file under
//! `src/NAME/` or `src/NAME.rs` is an edge; `crate::item` of the crate root (a re-export or a
//! function of `lib.rs`) is an edge to `lib`, whose own edges are the module paths `lib.rs` uses,
//! so that no edge hides behind a re-export. Test code (`tests.rs`, everything after
//! `#[cfg(test)]`) may reach anywhere and is not read.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::support::root;

type Graph = BTreeMap<String, BTreeSet<String>>;

fn module_of(rel: &Path) -> String {
    let first = rel.components().next().map(|c| c.as_os_str().to_string_lossy().into_owned()).unwrap_or_default();
    match first.as_str() {
        "lib.rs" | "main.rs" => "lib".to_owned(),
        f => f.trim_end_matches(".rs").to_owned(),
    }
}

/// The lines of a file that are not test code and not comments.
fn code_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).take_while(|l| *l != "#[cfg(test)]").filter(|l| !l.starts_with("//"))
}

/// The names a path continues with after `prefix` (`crate::`, or a module name in `lib.rs`).
fn names_after<'a>(line: &'a str, prefix: &str) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(at) = rest.find(prefix) {
        let boundary = rest[..at].chars().next_back().is_none_or(|c| !(c.is_alphanumeric() || c == '_' || c == ':'));
        rest = &rest[at + prefix.len()..];
        if !boundary {
            continue;
        }
        if let Some(group) = rest.strip_prefix('{') {
            out.extend(group.split('}').next().unwrap_or("").split(',').map(|n| n.trim().split("::").next().unwrap_or("").trim()));
        } else {
            out.push(rest.split(|c: char| !(c.is_alphanumeric() || c == '_')).next().unwrap_or(""));
        }
    }
    out.retain(|n| !n.is_empty());
    out
}

fn collect(dir: &Path, src: &Path, top: &BTreeSet<String>, graph: &mut Graph) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect(&path, src, top, graph);
            continue;
        }
        let rel = path.strip_prefix(src).unwrap();
        if path.extension().is_none_or(|e| e != "rs") || path.file_name().is_some_and(|n| n == "tests.rs" || n == "main.rs") {
            continue;
        }
        let from = module_of(rel);
        let text = std::fs::read_to_string(&path).unwrap();
        let edges = graph.entry(from.clone()).or_default();
        for line in code_lines(&text) {
            let mut names = names_after(line, "crate::");
            if from == "lib" {
                // The crate root names its modules without `crate::`.
                for m in top {
                    if !line.starts_with("pub mod ") && !line.starts_with("mod ") {
                        names.extend(names_after(line, &format!("{m}::")).into_iter().map(|_| m.as_str()));
                    }
                }
            }
            for name in names {
                let to = if top.contains(name) { name.to_owned() } else { "lib".to_owned() };
                if to != from {
                    edges.insert(to);
                }
            }
        }
    }
}

fn graph() -> Graph {
    let src = root().join("src");
    let top: BTreeSet<String> =
        std::fs::read_dir(&src).unwrap().map(|e| module_of(Path::new(&e.unwrap().file_name()))).filter(|m| m != "lib").collect();
    let mut graph = Graph::new();
    collect(&src, &src, &top, &mut graph);
    graph
}

/// A cycle in `graph`, if there is one (depth-first search).
fn find_cycle(graph: &Graph) -> Option<Vec<String>> {
    fn visit(n: &str, graph: &Graph, path: &mut Vec<String>, done: &mut BTreeSet<String>) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|p| p == n) {
            let mut cycle = path[i..].to_vec();
            cycle.push(n.to_owned());
            return Some(cycle);
        }
        if done.contains(n) {
            return None;
        }
        path.push(n.to_owned());
        for m in graph.get(n).into_iter().flatten() {
            if let Some(c) = visit(m, graph, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(n.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    graph.keys().find_map(|n| visit(n, graph, &mut Vec::new(), &mut done))
}

#[test]
fn the_top_level_modules_form_no_cycle() {
    let graph = graph();
    assert!(graph["cli"].contains("render") && graph["render"].contains("view"), "the reader sees the edges: {graph:?}");
    assert!(graph["lib"].contains("rules") && graph["review"].contains("lib"), "the reader sees edges through the crate root: {graph:?}");
    if let Some(cycle) = find_cycle(&graph) {
        panic!("import cycle between top-level modules: {}", cycle.join(" -> "));
    }
}

#[test]
fn the_cycle_finder_finds_cycles() {
    let mut g = Graph::new();
    g.entry("a".into()).or_default().insert("b".into());
    g.entry("b".into()).or_default().insert("c".into());
    assert_eq!(find_cycle(&g), None);
    g.entry("c".into()).or_default().insert("a".into());
    assert_eq!(find_cycle(&g), Some(vec!["a".into(), "b".into(), "c".into(), "a".into()]));
}

/// Files stay under this many lines unless they are listed in [`LONG`].
const LIMIT: usize = 450;

/// Files known to be longer than [`LIMIT`], each with its ceiling: a listed file that grows past
/// its ceiling fails, so growth is a decision (raise the ceiling in the same commit, or split the
/// file). The list only shrinks: a file back under [`LIMIT`] must leave it, and a ceiling more than
/// [`SLACK`] lines above the file must come down to it.
const LONG: &[(&str, usize)] = &[
    // Issue 22 added `finanzierung` and typed unknowns to the model, open sums and device counts to the
    // figures' text, and month dates and approximate counts to the structure check; the device and
    // Folgekosten figures have moved out of `view/kennzahlen.rs`, the investment figures are next. Issue 24 added the
    // schema annotations the form editor reads (`contentMediaType` for Markdown, `x-verweis` for ids).
    // Issue 26 declares the Schulträger plan's sections (`model/traeger_teile.rs`) and re-exports them;
    // issue 21 added `zusatzkapitel`; issue 23 moved goals and their equipment target to `model/ziel.rs`.
    ("model/mod.rs", 929),
    ("view/kennzahlen.rs", 522),
    ("render/pdf/markdown.rs", 602),
    ("load/structure.rs", 586),
    ("rules/traeger.rs", 459),
];

/// How far a ceiling may stay above its file before it has to come down.
const SLACK: usize = 20;

/// Every Rust file under `src/` with its line count, relative path with `/`.
fn source_files() -> Vec<(String, usize)> {
    let src = root().join("src");
    let mut files = Vec::new();
    let mut stack = vec![src.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let rel = path.strip_prefix(&src).unwrap().to_string_lossy().replace('\\', "/");
                files.push((rel, std::fs::read_to_string(&path).unwrap().lines().count()));
            }
        }
    }
    files.sort();
    files
}

/// The problems of `files` against `LIMIT` and `long`, one sentence each.
fn length_problems(files: &[(String, usize)], long: &[(&str, usize)]) -> Vec<String> {
    let mut problems = Vec::new();
    for (rel, lines) in files {
        match long.iter().find(|(name, _)| name == rel) {
            None if *lines > LIMIT => problems.push(format!("{rel} has {lines} lines (limit {LIMIT}): split it by job")),
            Some((_, ceiling)) if lines > ceiling => {
                problems.push(format!("{rel} has {lines} lines, its ceiling is {ceiling}: split it, or raise the ceiling in LONG"));
            }
            Some(_) if *lines <= LIMIT => problems.push(format!("{rel} has {lines} lines, under {LIMIT}: remove it from LONG")),
            Some((_, ceiling)) if ceiling - lines > SLACK => {
                problems.push(format!("{rel} has {lines} lines: lower its ceiling in LONG from {ceiling} to {lines}"));
            }
            _ => {}
        }
    }
    for (name, _) in long {
        if !files.iter().any(|(rel, _)| rel == name) {
            problems.push(format!("{name} is listed in LONG but does not exist: remove it"));
        }
    }
    problems
}

#[test]
fn source_files_stay_under_their_line_limits() {
    let problems = length_problems(&source_files(), LONG);
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn the_line_limits_catch_growth() {
    let long = [("big.rs", 600)];
    let files = |big: usize, other: usize| vec![("big.rs".to_owned(), big), ("other.rs".to_owned(), other)];
    assert!(length_problems(&files(600, LIMIT), &long).is_empty());
    assert_eq!(length_problems(&files(601, 10), &long).len(), 1, "a listed file past its ceiling");
    assert_eq!(length_problems(&files(600, LIMIT + 1), &long).len(), 1, "an unlisted file past the limit");
    assert_eq!(length_problems(&files(LIMIT, 10), &long).len(), 1, "a listed file back under the limit");
    assert_eq!(length_problems(&files(600 - SLACK - 1, 10), &long).len(), 1, "a ceiling far above its file");
    assert_eq!(length_problems(&[], &long).len(), 1, "a listed file that is gone");
}
