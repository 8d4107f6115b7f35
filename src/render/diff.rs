//! `mep diff` for people (terminal, Markdown) and for tools (JSON).

use std::fmt::Write as _;

use anstyle::{AnsiColor, Style};
use serde_json::Value;

use crate::diff::words::{WordOp, Words};
use crate::diff::{Diff, DocKind, FieldChange, Finding, ItemChange, ItemKind, Money, Share, Side};
use crate::german::{MINUS, de_dec, de_eur, de_percent};
use crate::render::diag::sanitize;
use crate::render::mdsafe::escape;

/// Longest value shown whole in a `vorher → nachher` line; longer ones are cut with `…`.
const SHOWN_CHARS: usize = 200;

/// How text is marked: plain terminal, coloured terminal or Markdown.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    Plain,
    Colour,
    Markdown,
}

impl Mark {
    /// User text made safe for the output.
    fn text(self, s: &str) -> String {
        match self {
            Mark::Markdown => escape(&sanitize(s)),
            _ => sanitize(s),
        }
    }

    fn added(self, s: &str) -> String {
        match self {
            Mark::Plain => format!("{{+{s}+}}"),
            Mark::Colour => paint(AnsiColor::Green, &format!("{{+{s}+}}")),
            Mark::Markdown => format!("**{s}**"),
        }
    }

    fn removed(self, s: &str) -> String {
        match self {
            Mark::Plain => format!("[-{s}-]"),
            Mark::Colour => paint(AnsiColor::Red, &format!("[-{s}-]")),
            Mark::Markdown => format!("~~{s}~~"),
        }
    }

    fn heading(self, s: &str) -> String {
        match self {
            Mark::Plain => format!("{s}:"),
            Mark::Colour => {
                let b = Style::new().bold();
                format!("{b}{s}:{b:#}")
            }
            Mark::Markdown => format!("## {s}"),
        }
    }
}

fn paint(colour: AnsiColor, s: &str) -> String {
    let style = Style::new().fg_color(Some(colour.into()));
    format!("{style}{s}{style:#}")
}

/// The comparison for the terminal; `colour` marks added words green and removed ones red.
#[must_use]
pub fn text(diff: &Diff, colour: bool) -> String {
    report(diff, if colour { Mark::Colour } else { Mark::Plain })
}

/// The comparison as Markdown; every user value is escaped.
#[must_use]
pub fn markdown(diff: &Diff) -> String {
    report(diff, Mark::Markdown)
}

/// The comparison as pretty-printed JSON with a final newline (schema: `schemas/output/diff.schema.json`).
pub fn json(diff: &Diff) -> Result<String, serde_json::Error> {
    let mut s = serde_json::to_string_pretty(diff)?;
    s.push('\n');
    Ok(s)
}

fn report(diff: &Diff, m: Mark) -> String {
    let mut out = String::new();
    let what = if diff.kind == DocKind::Traeger { "Schulträger-Datei" } else { "Plan" };
    let title = format!("Vergleich {what}: {} → {}", m.text(&diff.old.file), m.text(&diff.new.file));
    let _ = writeln!(out, "{}\n", if m == Mark::Markdown { format!("# {title}") } else { title });
    let _ = writeln!(out, "{}\n", state_line(&diff.old, &diff.new, diff.kind, m));
    if diff.equal {
        let _ = writeln!(out, "Inhaltlich gleich: Die Dateien unterscheiden sich höchstens in Kommentaren, Reihenfolge und Schreibweise.");
        return out;
    }
    fields_block(&mut out, &diff.fields, m);
    items_block(&mut out, &diff.items, m);
    money_block(&mut out, &diff.money, &diff.shares, m);
    findings_block(&mut out, diff, m);
    let _ = writeln!(out, "{}", summary_line(diff));
    out
}

/// `Ergebnis: …` – one line that says what differs.
#[must_use]
pub fn summary_line(diff: &Diff) -> String {
    if diff.equal {
        return "Ergebnis: inhaltlich gleich.".to_owned();
    }
    let mut parts = Vec::new();
    if !diff.fields.is_empty() {
        parts.push(count(diff.fields.len(), "geänderte Angabe", "geänderte Angaben"));
    }
    for (kind, one, many) in [
        (ItemKind::Neu, "neuer Eintrag", "neue Einträge"),
        (ItemKind::Entfernt, "entfernter Eintrag", "entfernte Einträge"),
        (ItemKind::Geaendert, "geänderter Eintrag", "geänderte Einträge"),
        (ItemKind::Umbenannt, "umbenannter Eintrag", "umbenannte Einträge"),
    ] {
        let n = diff.items_of(kind).count();
        if n > 0 {
            parts.push(count(n, one, many));
        }
    }
    let f = &diff.findings;
    parts.push(format!("Befunde: {} behoben, {} neu, {} unverändert", f.resolved.len(), f.new.len(), f.unchanged.len()));
    format!("Ergebnis: inhaltlich verschieden – {}.", parts.join(", "))
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn state(side: &Side, kind: DocKind) -> String {
    let c = side.counts;
    let counts = format!("{}, {}", c.errors_de(), c.warnings_de());
    if kind == DocKind::Traeger {
        return format!("{} ({counts})", side.status.label());
    }
    if side.ready { format!("bereit zur Abgabe ({counts})") } else { format!("Entwurf ({counts})") }
}

fn state_line(old: &Side, new: &Side, kind: DocKind, m: Mark) -> String {
    let (a, b) = (state(old, kind), state(new, kind));
    let change = match (old.ready, new.ready) {
        (false, true) => " – jetzt ohne Fehler",
        (true, false) => " – wieder mit Fehlern",
        _ => "",
    };
    let line = format!("Stand: {a} → {b}{change}");
    if m == Mark::Markdown { format!("**{line}**") } else { line }
}

fn fields_block(out: &mut String, fields: &[FieldChange], m: Mark) {
    if fields.is_empty() {
        return;
    }
    let _ = writeln!(out, "{}", m.heading("Geänderte Angaben"));
    if m == Mark::Markdown {
        out.push('\n');
    }
    for f in fields {
        field_line(out, f, "", m);
    }
    out.push('\n');
}

fn field_line(out: &mut String, f: &FieldChange, indent: &str, m: Mark) {
    let bullet = if m == Mark::Markdown { "- " } else { "  " };
    let path = if m == Mark::Markdown { format!("`{}`", f.path.replace('`', "'")) } else { sanitize(&f.path) };
    let before = f.before.as_ref().map(|v| value(v, &f.path, m));
    let after = f.after.as_ref().map(|v| value(v, &f.path, m));
    match (&f.words, before, after) {
        (Some(words), _, _) => {
            let _ = writeln!(out, "{indent}{bullet}{path}: {}", word_diff(words, m));
        }
        (None, Some(b), Some(a)) => {
            let _ = writeln!(out, "{indent}{bullet}{path}: {b} → {a}");
        }
        (None, None, Some(a)) => {
            let _ = writeln!(out, "{indent}{bullet}{path}: neu {a}");
        }
        (None, Some(b), None) => {
            let _ = writeln!(out, "{indent}{bullet}{path}: entfernt (war {b})");
        }
        (None, None, None) => {}
    }
}

fn word_diff(words: &[Words], m: Mark) -> String {
    words
        .iter()
        .map(|w| {
            let t = m.text(&w.text);
            match w.op {
                WordOp::Gleich => t,
                WordOp::Neu => m.added(&t),
                WordOp::Entfernt => m.removed(&t),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A value as a German reader expects it: amounts in euro, decimals with a comma, `ja`/`nein`.
fn value(v: &Value, path: &str, m: Mark) -> String {
    match v {
        Value::String(s) => {
            let cut: String = s.chars().take(SHOWN_CHARS).collect();
            let more = if s.chars().count() > SHOWN_CHARS { "…" } else { "" };
            format!("„{}{more}“", m.text(&cut))
        }
        Value::Number(n) if path.ends_with("_eur") || path.ends_with("_eur_pro_jahr") => {
            n.as_f64().map_or_else(|| n.to_string(), |x| de_eur((x * 100.0).round() as i64))
        }
        Value::Number(n) => match (n.as_i64(), n.as_f64()) {
            (Some(i), _) => crate::german::de_int(i),
            (None, Some(x)) => de_dec(x, 2).trim_end_matches('0').trim_end_matches(',').to_owned(),
            _ => n.to_string(),
        },
        Value::Bool(b) => (if *b { "ja" } else { "nein" }).to_owned(),
        Value::Array(list) => list.iter().map(|x| value(x, path, m)).collect::<Vec<_>>().join(", "),
        Value::Null => "–".to_owned(),
        Value::Object(_) => m.text(&v.to_string()),
    }
}

fn items_block(out: &mut String, items: &[ItemChange], m: Mark) {
    if items.is_empty() {
        return;
    }
    let _ = writeln!(out, "{}", m.heading("Einträge"));
    if m == Mark::Markdown {
        out.push('\n');
    }
    let bullet = if m == Mark::Markdown { "- " } else { "  " };
    for item in items {
        let title = item.title.as_ref().map_or(String::new(), |t| format!(" „{}“", m.text(&clip(t, 60))));
        let key = m.text(&item.key);
        let head = match (&item.change, &item.old_key) {
            (ItemKind::Neu, _) => format!("{} {key}{title}: neu", item.label),
            (ItemKind::Entfernt, _) => format!("{} {key}{title}: entfernt", item.label),
            (ItemKind::Geaendert, _) => format!("{} {key}{title}: geändert", item.label),
            (ItemKind::Umbenannt, Some(old)) => format!("{} {}{title}: umbenannt in {key}", item.label, m.text(old)),
            (ItemKind::Umbenannt, None) => format!("{} {key}{title}: umbenannt", item.label),
        };
        let _ = writeln!(out, "{bullet}{head}");
        for f in &item.fields {
            field_line(out, f, "    ", m);
        }
    }
    out.push('\n');
}

fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n { s.to_owned() } else { format!("{}…", s.chars().take(n - 1).collect::<String>()) }
}

fn signed_eur(cents: i64) -> String {
    match cents.cmp(&0) {
        std::cmp::Ordering::Greater => format!("+{}", de_eur(cents)),
        std::cmp::Ordering::Less => format!("{MINUS}{}", de_eur(cents.saturating_neg())),
        std::cmp::Ordering::Equal => "±0".to_owned(),
    }
}

fn opt_eur(e: Option<crate::model::Euro>) -> String {
    e.map_or_else(|| "–".to_owned(), |x| de_eur(x.cents()))
}

fn money_block(out: &mut String, money: &[Money], shares: &[Share], m: Mark) {
    let changed: Vec<&Money> = money.iter().filter(|x| x.changed()).collect();
    let shares: Vec<&Share> = shares.iter().filter(|x| x.changed()).collect();
    if changed.is_empty() && shares.is_empty() {
        return;
    }
    let _ = writeln!(out, "{}", m.heading("Beträge (vorher → nachher)"));
    if m == Mark::Markdown {
        let _ = writeln!(out, "\n| Betrag | vorher | nachher | Differenz |\n|---|--:|--:|--:|");
        for x in &changed {
            let _ = writeln!(out, "| {} | {} | {} | {} |", x.label, opt_eur(x.before), opt_eur(x.after), signed_eur(x.difference.cents()));
        }
        for s in &shares {
            let _ = writeln!(out, "| {} | {} | {} | |", s.label, pct(s.exact.0), pct(s.exact.1));
        }
    } else {
        for x in &changed {
            let _ = writeln!(
                out,
                "  {:<48} {:>16} → {:>16}  ({})",
                x.label,
                opt_eur(x.before),
                opt_eur(x.after),
                signed_eur(x.difference.cents())
            );
        }
        for s in &shares {
            let _ = writeln!(out, "  {:<48} {:>16} → {:>16}", s.label, pct(s.exact.0), pct(s.exact.1));
        }
    }
    out.push('\n');
}

fn pct(r: Option<crate::figures::Ratio>) -> String {
    r.map_or_else(|| "–".to_owned(), |r| de_percent(r, 1))
}

fn findings_block(out: &mut String, diff: &Diff, m: Mark) {
    let f = &diff.findings;
    if f.resolved.is_empty() && f.new.is_empty() && f.unchanged.is_empty() {
        return;
    }
    let _ = writeln!(out, "{}", m.heading("Befunde"));
    if m == Mark::Markdown {
        out.push('\n');
    }
    for (label, list) in [("behoben", &f.resolved), ("neu", &f.new), ("unverändert", &f.unchanged)] {
        for x in list {
            let _ = writeln!(out, "{}", finding_line(label, x, m));
        }
    }
    out.push('\n');
}

fn finding_line(label: &str, f: &Finding, m: Mark) -> String {
    let item = if f.item.is_empty() { String::new() } else { format!(" ({})", m.text(&f.item)) };
    let bullet = if m == Mark::Markdown { "- " } else { "  " };
    format!("{bullet}{label}: {}[{}]{item} {}", f.severity.label(), f.code, m.text(&f.message))
}
