//! The terminal report of a review: one line per school, totals, then every error and warning.

use std::fmt::Write as _;

use crate::diag::Diagnostic;
use crate::model::Euro;
use crate::render::diag::sanitize;
use crate::review::{Review, Row, finding_counts, is_notable};
use crate::view::overview::{eur, figure_cells, opt, pct1, plural, share, years};

/// The terminal report: one line per school, totals, then every error and warning.
#[must_use]
pub fn text(review: &Review) -> String {
    text_width(review, None)
}

/// The terminal report with the school table fitted into `width` columns (a terminal's width):
/// less important columns are left out, then the school name is shortened; `None` shows all.
#[must_use]
pub fn text_width(review: &Review, width: Option<usize>) -> String {
    let mut out = String::new();
    let t = &review.totals;
    let title = match review.traeger.as_ref().and_then(|i| i.traeger.as_ref()) {
        Some(tr) => format!("Prüfübersicht {} – {}, {}", sanitize(&tr.name), tr.land.label(), tr.programme.label()),
        None => "Prüfübersicht".to_owned(),
    };
    let _ = writeln!(out, "{title}: {}\n", plural(t.files, "Plan", "Pläne"));
    table(&mut out, review, width);
    let _ = writeln!(out, "\nSummen über {}:", plural(t.loaded, "lesbaren Plan", "lesbare Pläne"));
    let _ = writeln!(out, "  Beantragt:         {:>15}", eur(t.requested));
    if let Some(budget) = t.budget {
        let _ = writeln!(out, "  Budget:            {:>15}", eur(budget));
        let rest = Euro(budget.cents() - t.requested.cents());
        let label = if rest.cents() < 0 { "Überschreitung:" } else { "Verbleibend:" };
        let _ = writeln!(out, "  {label:<18} {:>15}", eur(Euro(rest.cents().abs())));
    }
    let _ = writeln!(out, "  Eigenanteil:       {:>15}", eur(t.own_share));
    let _ = writeln!(out, "  Sonstige Mittel:   {:>15}", eur(t.other));
    let _ = writeln!(out, "  Finanzierung:      {:>15}", eur(t.financing()));
    let _ = writeln!(
        out,
        "  Investitionen:     {:>15}",
        crate::view::overview::investition_ca(t.investment, t.priced_items, t.open_items, t.approx.investment)
    );
    for (label, text) in crate::view::summen::quellen(t) {
        let _ = writeln!(out, "    {:<16} {text:>15}", format!("{label}:"));
    }
    let gap = t.financing_gap();
    if t.open_items > 0 {
        let _ = writeln!(out, "  Positionen ohne Preis: {}", t.open_items);
    }
    if t.open_items_digitalpakt > 0 {
        let _ = writeln!(out, "  Deckung:           {:>15}", crate::view::values::NICHT_BEKANNT);
    } else if gap.cents() != 0 {
        let label = if gap.cents() > 0 { "Überdeckung:" } else { "Unterdeckung:" };
        let _ = writeln!(out, "  {label:<18} {:>15}", eur(Euro(gap.cents().abs())));
    }
    let mobile_share = if t.open_items > 0 { None } else { share(t.mobile, t.investment) };
    let mobile = crate::view::overview::investition(t.mobile, usize::from(t.mobile.cents() != 0), t.open_items_mobile);
    let _ = writeln!(out, "  Mobile Endgeräte:  {mobile:>15}  ({})", opt(mobile_share, pct1));
    if let Some(tab) = crate::view::summen::invest_tabelle(t, &years(review)) {
        investment_table(&mut out, &tab);
    }
    if !t.running_costs.is_empty() {
        let costs: Vec<String> = t.running_costs.iter().map(|(y, e)| format!("{y}: {}", eur(*e))).collect();
        let _ = writeln!(out, "\n  Folgekosten je Jahr: {}", costs.join(", "));
    }
    let notable: Vec<&Diagnostic> = review.traeger_findings.iter().filter(|d| is_notable(d)).collect();
    if !notable.is_empty() {
        let _ = writeln!(out, "\nBefunde zum Schulträger:");
        for d in notable {
            let _ = writeln!(out, "  {}", one_line(d));
        }
    }
    let rows: Vec<&Row> = review.rows.iter().filter(|r| r.error.is_some() || r.diagnostics.iter().any(is_notable)).collect();
    if !rows.is_empty() {
        let _ = writeln!(out, "\nFehler und Warnungen je Plan:");
        for row in rows {
            let _ = writeln!(out, "  {} ({})", sanitize(&row.file), row.status.label());
            if let Some(e) = &row.error {
                let _ = writeln!(out, "    {}", sanitize(e));
            }
            for d in row.befunde().iter().filter(|d| is_notable(d)) {
                let _ = writeln!(out, "    {}", one_line(d));
            }
        }
    }
    if let Some(rounds) = &review.previous {
        out.push_str(&super::rounds::text(rounds));
    }
    let _ = writeln!(out, "\n{}", summary_line(review));
    out
}

/// The investment per Fördergegenstand and year, in columns (a blank line before it).
fn investment_table(out: &mut String, tab: &crate::view::summen::InvestTabelle) {
    out.push('\n');
    for (n, line) in std::iter::once(&tab.kopf).chain(&tab.zeilen).chain(std::iter::once(&tab.summe)).enumerate() {
        for (i, cell) in line.iter().enumerate() {
            let _ = match (n, i) {
                (0, 0) => write!(out, "  {:<36}", "Investitionen je Fördergegenstand"),
                (_, 0) => write!(out, "  {cell:<36}"),
                _ if i + 1 == line.len() => write!(out, " {cell:>15}"),
                _ => write!(out, " {cell:>14}"),
            };
        }
        out.push('\n');
    }
}

/// A column of the school table: heading, width, left-aligned, and when it goes (0 = never).
struct Column {
    head: &'static str,
    width: usize,
    left: bool,
    drop: u8,
}

const fn col(head: &'static str, width: usize, left: bool, drop: u8) -> Column {
    Column { head, width, left, drop }
}

/// The columns in order; `drop` says which go first when the terminal is narrow.
const COLUMNS: [Column; 13] = [
    col("Schule", 34, true, 0),
    col("Nr.", 10, true, 0),
    col("Status", 12, true, 0),
    col("F", 3, false, 0),
    col("W", 3, false, 0),
    col("beantragt", 15, false, 0),
    col("Eigenanteil", 14, false, 6),
    col("sonstige", 14, false, 1),
    col("Mobil", 7, false, 7),
    col("Geräte", 7, false, 3),
    col("WLAN", 6, false, 4),
    col("Fb-Std.", 8, false, 2),
    col("Stand", 10, false, 5),
];

/// Narrowest school name before columns are given up instead.
const MIN_NAME: usize = 20;

/// The visible columns and the name width for a terminal of `width` columns.
fn fit(width: Option<usize>) -> ([bool; 13], usize) {
    let mut shown = [true; 13];
    let mut name = COLUMNS[0].width;
    let Some(width) = width else { return (shown, name) };
    let used = |shown: &[bool; 13], name: usize| -> usize {
        COLUMNS.iter().zip(shown).skip(1).filter(|(_, s)| **s).map(|(c, _)| c.width + 1).sum::<usize>() + name
    };
    for level in 1..=7 {
        if used(&shown, name) <= width {
            break;
        }
        // The less telling figures go first, then the name gets shorter, then more columns go.
        if level == 5 {
            name = name.saturating_sub(used(&shown, name) - width).max(MIN_NAME);
            if used(&shown, name) <= width {
                break;
            }
        }
        for (i, c) in COLUMNS.iter().enumerate() {
            if c.drop == level {
                shown[i] = false;
            }
        }
    }
    (shown, name)
}

fn table(out: &mut String, review: &Review, width: Option<usize>) {
    let (shown, name_width) = fit(width);
    let line = |cells: &[String]| -> String {
        let mut parts = Vec::new();
        for (i, (c, cell)) in COLUMNS.iter().zip(cells).enumerate() {
            if !shown[i] {
                continue;
            }
            let w = if i == 0 { name_width } else { c.width };
            parts.push(if c.left { format!("{cell:<w$}") } else { format!("{cell:>w$}") });
        }
        parts.join(" ").trim_end().to_owned()
    };
    let heads: Vec<String> = COLUMNS.iter().map(|c| c.head.to_owned()).collect();
    let _ = writeln!(out, "{}", line(&heads));
    for row in &review.rows {
        let name = match &row.school {
            Some(s) => clip(&sanitize(&s.name), name_width),
            // A file path keeps its end: the file name tells more than the folder.
            None => clip_left(&sanitize(&row.file), name_width),
        };
        let number = row.school.as_ref().map_or(String::new(), |s| clip(&sanitize(&s.number), 10));
        let as_of = row.school.as_ref().map_or(String::new(), |s| crate::view::values::zeitpunkt_text(s.as_of));
        let [req, own, other, mobile, devices, wlan, hours] = row.figures.as_ref().map(figure_cells).unwrap_or_default();
        let counts = row.befund_counts();
        let cells = [
            name,
            number,
            row.status.label().to_owned(),
            counts.errors.to_string(),
            counts.warnings.to_string(),
            req,
            own,
            other,
            mobile,
            devices,
            wlan,
            hours,
            as_of,
        ];
        let _ = writeln!(out, "{}", line(&cells));
    }
    let hidden: Vec<&str> = COLUMNS.iter().zip(shown).filter(|(_, s)| !s).map(|(c, _)| c.head).collect();
    if !hidden.is_empty() {
        let _ = writeln!(
            out,
            "(Für die Breite des Terminals ausgeblendet: {}. Alle Spalten: breiteres Fenster oder --format md, csv, xlsx.)",
            hidden.join(", ")
        );
    }
}

/// One line per finding: `Fehler[CODE] file:line:column: message`.
fn one_line(d: &Diagnostic) -> String {
    let at = location_suffix(d);
    let at = if at.is_empty() { String::new() } else { format!(" {}:", sanitize(&at)) };
    format!("{}[{}]{at} {}", d.severity.label(), d.code, sanitize(&d.message))
}

fn clip_left(s: &str, width: usize) -> String {
    let n = s.chars().count();
    if n <= width { s.to_owned() } else { format!("…{}", s.chars().skip(n - (width - 1)).collect::<String>()) }
}

fn clip(s: &str, width: usize) -> String {
    if s.chars().count() <= width { s.to_owned() } else { format!("{}…", s.chars().take(width - 1).collect::<String>()) }
}

/// The last line of the terminal report.
#[must_use]
pub fn summary_line(review: &Review) -> String {
    let t = &review.totals;
    let c = finding_counts(review);
    let mut line = format!(
        "{} geprüft: {} ohne Befund{}, {} mit Warnungen, {} mit Fehlern",
        plural(t.files, "Plan", "Pläne"),
        t.without_findings,
        if t.ok > t.without_findings { format!(", {} nur mit Hinweisen", t.ok - t.without_findings) } else { String::new() },
        t.with_warnings,
        t.with_errors
    );
    if t.unreadable > 0 {
        line.push_str(&format!(" (davon {} nicht lesbar)", t.unreadable));
    }
    line.push_str(&format!("; insgesamt {}.", c.summary_de()));
    line
}

fn location_suffix(d: &Diagnostic) -> String {
    d.location.as_ref().map(|l| format!("{}:{}:{}", l.file, l.line, l.column)).unwrap_or_default()
}
