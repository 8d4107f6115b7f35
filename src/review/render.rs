//! Renderers of a [`Review`]: terminal table, Markdown chapter, CSV for German Excel, JSON.
//!
//! Every function returns the whole document; the command line prints or writes it.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use serde::Serialize;

use super::{Figures, Review, Row, finding_counts, is_notable};
use crate::diag::{Diagnostic, sanitize};
use crate::figures::Ratio;
use crate::model::{Datum, Euro, Kategorie};
use crate::render::mdsafe;
use crate::render::pdf;
use crate::view::values::{self, csv_percent, csv_ratio, de_eur, de_percent, de_ratio};

/// Version of the JSON document of `mep review --format json`.
pub const JSON_VERSION: u32 = 1;

/// The CSV columns, in order, with their German heading and meaning (documented in the README).
pub const CSV_COLUMNS: &[(&str, &str)] = &[
    ("Datei", "Pfad der Plan-Datei, wie beim Aufruf angegeben"),
    ("Schulnummer", "`schule.schulnummer`"),
    ("Schule", "`schule.name`"),
    ("Schulform", "`schule.schulform`, ausgeschrieben"),
    ("Land", "`land`, ausgeschrieben"),
    ("Programm", "`programm`, ausgeschrieben"),
    ("Schulträger", "`schultraeger.name` im Plan"),
    ("Stand", "`stand`, TT.MM.JJJJ"),
    ("Status", "ok, Warnungen oder Fehler"),
    ("Fehler", "Anzahl der Fehler"),
    ("Warnungen", "Anzahl der Warnungen"),
    ("Hinweise", "Anzahl der Hinweise"),
    ("Schüler", "`schule.schueler`"),
    ("Lehrkräfte", "`schule.lehrkraefte`"),
    ("Beantragt (EUR)", "`finanzierung.beantragt_eur`"),
    ("Eigenanteil (EUR)", "`finanzierung.eigenanteil_eur`"),
    ("Investitionen (EUR)", "Summe aller Bedarfspositionen (Anzahl × Einzelpreis)"),
    ("Mobile Endgeräte (EUR)", "Summe der Positionen der Kategorie `mobile_endgeraete`"),
    ("Anteil mobiler Endgeräte (%)", "Mobile Endgeräte geteilt durch Investitionen"),
    (
        "Geräte je Schüler",
        "Schülergeräte (Tablets, Laptops, Notebooks, PCs), vorhanden und für den Unterricht geplant, je Schülerin oder Schüler",
    ),
    ("WLAN-Abdeckung (%)", "`bestand.netz.wlan_raeume` geteilt durch `schule.unterrichtsraeume`"),
    ("Fortbildungsstunden je Lehrkraft", "Summe aus Teilnehmenden × Stunden aller Fortbildungen geteilt durch die Lehrkräfte"),
];

// ---------------------------------------------------------------- German numbers

/// An amount in euro as every document of mep shows it (`1.234,50 €`).
fn eur(e: Euro) -> String {
    de_eur(e.cents())
}

/// A school's figures as the six cells of the overview: beantragt, Eigenanteil, mobile share,
/// devices per pupil, WLAN coverage, training hours per teacher.
fn figure_cells(f: &Figures) -> [String; 6] {
    let x = &f.exact;
    [
        eur(f.requested),
        eur(f.own_share),
        opt(x.mobile_share, |r| de_percent(r, 1)),
        opt(x.devices_per_pupil, |r| de_ratio(r, 2)),
        opt(x.wlan_coverage, |r| de_percent(r, 0)),
        opt(x.training_hours_per_teacher, |r| de_ratio(r, 1)),
    ]
}

fn opt(x: Option<Ratio>, text: impl Fn(Ratio) -> String) -> String {
    x.map_or_else(|| "–".to_owned(), text)
}

fn pct1(r: Ratio) -> String {
    de_percent(r, 1)
}

fn share(part: Euro, whole: Euro) -> Option<Ratio> {
    Ratio::of(part.cents(), whole.cents())
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The years of the investment table.
fn years(review: &Review) -> Vec<i32> {
    let set: BTreeSet<i32> = review.totals.by_year.keys().copied().collect();
    set.into_iter().collect()
}

fn location_suffix(d: &Diagnostic) -> String {
    d.location.as_ref().map(|l| format!("{}:{}:{}", l.file, l.line, l.column)).unwrap_or_default()
}

fn display_name(row: &Row) -> &str {
    row.school.as_ref().map_or(row.file.as_str(), |s| s.name.as_str())
}

// ---------------------------------------------------------------- terminal

/// The terminal report: one line per school, totals, then every error and warning.
#[must_use]
pub fn text(review: &Review) -> String {
    let mut out = String::new();
    let t = &review.totals;
    let title = match review.traeger.as_ref().and_then(|i| i.traeger.as_ref()) {
        Some(tr) => format!("Prüfübersicht {} – {}, {}", sanitize(&tr.name), tr.land.label(), tr.programme.label()),
        None => "Prüfübersicht".to_owned(),
    };
    let _ = writeln!(out, "{title}: {}\n", plural(t.files, "Plan", "Pläne"));
    let _ = writeln!(
        out,
        "{:<34} {:<10} {:<9} {:>3} {:>3} {:>15} {:>14} {:>7} {:>7} {:>6} {:>8} {:>10}",
        "Schule", "Nr.", "Status", "F", "W", "beantragt", "Eigenanteil", "Mobil", "Geräte", "WLAN", "Fb-Std.", "Stand"
    );
    for row in &review.rows {
        let name = match &row.school {
            Some(s) => clip(&sanitize(&s.name), 34),
            // A file path keeps its end: the file name tells more than the folder.
            None => clip_left(&sanitize(&row.file), 34),
        };
        let number = row.school.as_ref().map_or(String::new(), |s| clip(&sanitize(&s.number), 10));
        let as_of = row.school.as_ref().map_or(String::new(), |s| s.as_of.de());
        let [req, own, mobile, devices, wlan, hours] = row.figures.as_ref().map(figure_cells).unwrap_or_default();
        let line = format!(
            "{name:<34} {number:<10} {:<9} {:>3} {:>3} {req:>15} {own:>14} {mobile:>7} {devices:>7} {wlan:>6} {hours:>8} {as_of:>10}",
            row.status.label(),
            row.counts.errors,
            row.counts.warnings,
        );
        let _ = writeln!(out, "{}", line.trim_end());
    }
    let _ = writeln!(out, "\nSummen über {}:", plural(t.loaded, "lesbaren Plan", "lesbare Pläne"));
    let _ = writeln!(out, "  Beantragt:         {:>15}", eur(t.requested));
    if let Some(budget) = t.budget {
        let _ = writeln!(out, "  Budget:            {:>15}", eur(budget));
        let rest = Euro(budget.cents() - t.requested.cents());
        let label = if rest.cents() < 0 { "Überschreitung:" } else { "Verbleibend:" };
        let _ = writeln!(out, "  {label:<18} {:>15}", eur(Euro(rest.cents().abs())));
    }
    let _ = writeln!(out, "  Eigenanteil:       {:>15}", eur(t.own_share));
    let _ = writeln!(out, "  Investitionen:     {:>15}", eur(t.investment));
    let _ = writeln!(out, "  Mobile Endgeräte:  {:>15}  ({})", eur(t.mobile), opt(share(t.mobile, t.investment), pct1));
    let years = years(review);
    if !years.is_empty() {
        let _ = write!(out, "\n  {:<36}", "Investitionen je Fördergegenstand");
        for y in &years {
            let _ = write!(out, " {y:>14}");
        }
        let _ = writeln!(out, " {:>15}", "Summe");
        for (category, by_year) in &t.investment_by {
            let _ = write!(out, "  {:<36}", category.label());
            for y in &years {
                let _ = write!(out, " {:>14}", by_year.get(y).map_or_else(|| "–".to_owned(), |e| eur(*e)));
            }
            let _ = writeln!(out, " {:>15}", eur(t.by_category.get(category).copied().unwrap_or_default()));
        }
        let _ = write!(out, "  {:<36}", "Summe");
        for y in &years {
            let _ = write!(out, " {:>14}", eur(t.by_year.get(y).copied().unwrap_or_default()));
        }
        let _ = writeln!(out, " {:>15}", eur(t.investment));
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
            for d in row.diagnostics.iter().filter(|d| is_notable(d)) {
                let _ = writeln!(out, "    {}", one_line(d));
            }
        }
    }
    let _ = writeln!(out, "\n{}", summary_line(review));
    out
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
        "{} geprüft: {} ohne Befund, {} mit Warnungen, {} mit Fehlern",
        plural(t.files, "Plan", "Pläne"),
        t.ok,
        t.with_warnings,
        t.with_errors
    );
    if t.unreadable > 0 {
        line.push_str(&format!(" (davon {} nicht lesbar)", t.unreadable));
    }
    line.push_str(&format!("; insgesamt {}.", c.summary_de()));
    line
}

// ---------------------------------------------------------------- Markdown

/// One block of the overview chapter.
#[derive(Clone, Debug, Serialize)]
#[serde(tag = "art", rename_all = "lowercase")]
pub enum Block {
    /// A paragraph; its sentences are lines in Markdown and flow together in the PDF.
    Absatz {
        /// The sentences, plain text.
        saetze: Vec<String>,
    },
    /// A table; numeric columns are right-aligned.
    Tabelle {
        /// Column headings.
        kopf: Vec<String>,
        /// Per column: right-aligned.
        rechts: Vec<bool>,
        /// Rows of plain-text cells.
        zeilen: Vec<Vec<String>>,
        /// A total row, its first cell set in bold.
        summe: Option<Vec<String>>,
    },
    /// A list of findings.
    Befunde {
        /// The findings.
        liste: Vec<Befund>,
    },
}

/// One finding in the overview.
#[derive(Clone, Debug, Serialize)]
pub struct Befund {
    /// Fehler, Warnung or Hinweis.
    pub schwere: &'static str,
    /// Rule code; empty for a file that could not be read.
    pub code: String,
    /// Line in the file, when located.
    pub zeile: Option<usize>,
    /// The message, plain text.
    pub text: String,
}

/// A section of the overview chapter.
#[derive(Clone, Debug, Serialize)]
pub struct Abschnitt {
    /// Heading level below the chapter title: 2 or 3.
    pub ebene: u8,
    /// Heading, plain text.
    pub titel: String,
    /// The file a per-school section is about.
    pub datei: Option<String>,
    /// Content.
    pub bloecke: Vec<Block>,
}

/// The overview chapter of a kommunaler Medienentwicklungsplan, independent of the output format:
/// Markdown and PDF render the same sentences and tables.
#[derive(Clone, Debug, Serialize)]
pub struct Overview {
    /// Chapter title, plain text.
    pub titel: String,
    /// The sections in order.
    pub abschnitte: Vec<Abschnitt>,
}

fn section(ebene: u8, titel: impl Into<String>, bloecke: Vec<Block>) -> Abschnitt {
    Abschnitt { ebene, titel: titel.into(), datei: None, bloecke }
}

fn para(saetze: Vec<String>) -> Block {
    Block::Absatz { saetze }
}

fn befund(d: &Diagnostic) -> Befund {
    Befund { schwere: d.severity.label(), code: d.code.clone(), zeile: d.location.as_ref().map(|l| l.line), text: d.message.clone() }
}

/// Builds the overview chapter of a review.
#[must_use]
pub fn overview(review: &Review) -> Overview {
    let t = &review.totals;
    let traeger = review.traeger.as_ref().and_then(|i| i.traeger.as_ref());
    let titel = match traeger {
        Some(tr) => format!("Medienentwicklungsplan {}: Übersicht der Schulen", tr.name.trim()),
        None => "Übersicht der Medienentwicklungspläne".to_owned(),
    };
    let plans = plural(t.files, "Medienentwicklungsplan", "Medienentwicklungspläne");
    let mut saetze = vec![match traeger {
        Some(tr) => format!(
            "Der Schulträger {} ({}) legt im Förderprogramm „{}“ {plans} seiner Schulen vor.",
            tr.name.trim(),
            tr.land.label(),
            tr.programme.label()
        ),
        None => format!("Diese Übersicht fasst {plans} zusammen."),
    }];
    saetze.push(format!(
        "Zusammen planen die Schulen Investitionen von {}; davon entfallen {} ({}) auf mobile Endgeräte. \
Beantragt werden {} Fördermittel bei einem Eigenanteil von {}.",
        eur(t.investment),
        eur(t.mobile),
        opt(share(t.mobile, t.investment), pct1),
        eur(t.requested),
        eur(t.own_share)
    ));
    if let Some(budget) = t.budget {
        let rest = budget.cents() - t.requested.cents();
        saetze.push(if rest >= 0 {
            format!(
                "Das Budget des Schulträgers von {} ist damit zu {} ausgeschöpft; {} bleiben frei.",
                eur(budget),
                opt(share(t.requested, budget), pct1),
                eur(Euro(rest))
            )
        } else {
            format!("Das Budget des Schulträgers von {} wird um {} überschritten.", eur(budget), eur(Euro(-rest)))
        });
    }
    let dates = || review.rows.iter().filter_map(|r| r.school.as_ref().map(|s| s.as_of));
    if let (Some(first), Some(last)) = (dates().min(), dates().max()) {
        saetze.push(if first == last {
            format!("Alle Pläne tragen den Stand vom {}.", first.de())
        } else {
            format!("Die Pläne tragen Stände vom {} bis {}.", first.de(), last.de())
        });
    }
    let result = format!(
        "Prüfergebnis: {} ohne Befund, {} mit Warnungen, {} mit Fehlern{}.",
        plural(t.ok, "Plan", "Pläne"),
        t.with_warnings,
        t.with_errors,
        if t.unreadable > 0 { format!(" (davon {} nicht lesbar)", t.unreadable) } else { String::new() }
    );
    let mut abschnitte = vec![section(2, "Überblick", vec![para(saetze), para(vec![result])])];

    let kopf: Vec<String> = [
        "Schule",
        "Schulnummer",
        "Stand",
        "Prüfung",
        "Fehler",
        "Warnungen",
        "Beantragt",
        "Eigenanteil",
        "Anteil mobiler Endgeräte",
        "Geräte je Schüler/in",
        "WLAN-Abdeckung",
        "Fortbildungsstunden je Lehrkraft",
    ]
    .map(str::to_owned)
    .to_vec();
    let rechts = (0..kopf.len()).map(|i| i >= 4).collect();
    let zeilen = review
        .rows
        .iter()
        .map(|row| {
            let mut cells = match &row.school {
                Some(s) => vec![s.name.clone(), s.number.clone(), s.as_of.de()],
                None => vec![row.file.clone(), String::new(), String::new()],
            };
            cells.extend([row.status.label().to_owned(), row.counts.errors.to_string(), row.counts.warnings.to_string()]);
            match &row.figures {
                Some(f) => cells.extend(figure_cells(f)),
                None => cells.extend(std::iter::repeat_n("–".to_owned(), 6)),
            }
            cells
        })
        .collect();
    let mut summe = vec!["Summe".to_owned()];
    summe.extend(std::iter::repeat_n(String::new(), 5));
    summe.extend([eur(t.requested), eur(t.own_share), opt(share(t.mobile, t.investment), pct1)]);
    summe.extend(std::iter::repeat_n(String::new(), 3));
    abschnitte.push(section(
        2,
        "Schulen",
        vec![
            Block::Tabelle { kopf, rechts, zeilen, summe: Some(summe) },
            para(vec![
                "Anteil mobiler Endgeräte: Positionen der Kategorie „Schulgebundene mobile Endgeräte“ am gesamten Bedarf. \
Geräte je Schüler/in: vorhandene und für den Unterricht geplante Tablets, Laptops, Notebooks und PCs. WLAN-Abdeckung: Unterrichtsräume mit WLAN. \
Fortbildungsstunden: geplante Teilnahmestunden je Lehrkraft."
                    .to_owned(),
            ]),
        ],
    ));

    let years = years(review);
    let invest = if years.is_empty() {
        para(vec!["Die Pläne enthalten keine investiven Bedarfspositionen.".to_owned()])
    } else {
        let mut kopf = vec!["Fördergegenstand".to_owned()];
        kopf.extend(years.iter().map(ToString::to_string));
        kopf.push("Summe".to_owned());
        let rechts = (0..kopf.len()).map(|i| i > 0).collect();
        let zeilen = Kategorie::ALL
            .iter()
            .filter_map(|category| {
                let by_year = t.investment_by.get(category)?;
                let mut cells = vec![category.label().to_owned()];
                cells.extend(years.iter().map(|y| by_year.get(y).map_or_else(|| "–".to_owned(), |e| eur(*e))));
                cells.push(eur(t.by_category.get(category).copied().unwrap_or_default()));
                Some(cells)
            })
            .collect();
        let mut summe = vec!["Summe".to_owned()];
        summe.extend(years.iter().map(|y| eur(t.by_year.get(y).copied().unwrap_or_default())));
        summe.push(eur(t.investment));
        Block::Tabelle { kopf, rechts, zeilen, summe: Some(summe) }
    };
    abschnitte.push(section(2, "Investitionen nach Fördergegenstand und Jahr", vec![invest]));

    let mut zeilen = vec![vec!["Beantragte Fördermittel".to_owned(), eur(t.requested)], vec!["Eigenanteil".to_owned(), eur(t.own_share)]];
    if let Some(budget) = t.budget {
        zeilen.push(vec!["Budget des Schulträgers".to_owned(), eur(budget)]);
        let rest = budget.cents() - t.requested.cents();
        zeilen.push(if rest >= 0 {
            vec!["Verbleibendes Budget".to_owned(), eur(Euro(rest))]
        } else {
            vec!["Überschreitung des Budgets".to_owned(), eur(Euro(-rest))]
        });
    }
    let kopf = vec!["Posten".to_owned(), "Betrag".to_owned()];
    abschnitte.push(section(2, "Finanzierung", vec![Block::Tabelle { kopf, rechts: vec![false, true], zeilen, summe: None }]));

    let folgekosten = if t.running_costs.is_empty() {
        vec![para(vec!["Die Pläne nennen keine Folgekosten.".to_owned()])]
    } else {
        vec![
            para(vec![
                "Betrieb, Wartung, Support und Lizenzen sind nicht förderfähig; der Schulträger trägt sie aus eigenen Mitteln. \
Die Pläne nennen je Jahr des Planungszeitraums:"
                    .to_owned(),
            ]),
            Block::Tabelle {
                kopf: vec!["Jahr".to_owned(), "Folgekosten".to_owned()],
                rechts: vec![false, true],
                zeilen: t.running_costs.iter().map(|(y, e)| vec![y.to_string(), eur(*e)]).collect(),
                summe: None,
            },
        ]
    };
    abschnitte.push(section(2, "Folgekosten", folgekosten));

    let notable: Vec<Befund> = review.traeger_findings.iter().filter(|d| is_notable(d)).map(befund).collect();
    let rows: Vec<&Row> = review.rows.iter().filter(|r| r.error.is_some() || r.diagnostics.iter().any(is_notable)).collect();
    let empty = notable.is_empty() && rows.is_empty();
    abschnitte.push(section(
        2,
        "Prüfergebnis",
        if empty { vec![para(vec!["Kein Plan enthält Fehler oder Warnungen.".to_owned()])] } else { Vec::new() },
    ));
    if !notable.is_empty() {
        abschnitte.push(section(3, "Schulträger", vec![Block::Befunde { liste: notable }]));
    }
    for row in rows {
        let mut liste: Vec<Befund> =
            row.error.iter().map(|e| Befund { schwere: "Fehler", code: String::new(), zeile: None, text: e.clone() }).collect();
        liste.extend(row.diagnostics.iter().filter(|d| is_notable(d)).map(befund));
        abschnitte.push(Abschnitt {
            ebene: 3,
            titel: display_name(row).to_owned(),
            datei: Some(row.file.clone()),
            bloecke: vec![Block::Befunde { liste }],
        });
    }
    Overview { titel, abschnitte }
}

/// The overview chapter of a kommunaler Medienentwicklungsplan, in Markdown; every user value escaped.
#[must_use]
pub fn markdown(review: &Review) -> String {
    let doc = overview(review);
    let mut out = format!("# {}\n\n", mdsafe::escape(&doc.titel));
    for a in &doc.abschnitte {
        let _ = write!(out, "{} {}", "#".repeat(usize::from(a.ebene)), mdsafe::escape(&a.titel));
        if let Some(file) = &a.datei {
            let _ = write!(out, " (`{}`)", file.replace('`', "'"));
        }
        out.push_str("\n\n");
        for b in &a.bloecke {
            md_block(&mut out, b);
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn md_block(out: &mut String, block: &Block) {
    match block {
        Block::Absatz { saetze } => {
            for s in saetze {
                let _ = writeln!(out, "{}", mdsafe::escape(s));
            }
            out.push('\n');
        }
        Block::Tabelle { kopf, rechts, zeilen, summe } => {
            let row = |cells: &[String]| {
                let inner: Vec<String> = cells.iter().map(|c| if c.is_empty() { " ".to_owned() } else { format!(" {c} ") }).collect();
                format!("|{}|", inner.join("|"))
            };
            let escaped = |cells: &[String]| cells.iter().map(|c| mdsafe::escape(c)).collect::<Vec<_>>();
            let _ = writeln!(out, "{}", row(&escaped(kopf)));
            let _ = writeln!(out, "|{}", rechts.iter().map(|&r| if r { "--:|" } else { "---|" }).collect::<String>());
            for z in zeilen {
                let _ = writeln!(out, "{}", row(&escaped(z)));
            }
            if let Some(sum) = summe {
                let mut cells = escaped(sum);
                if let Some(first) = cells.first_mut() {
                    *first = format!("**{first}**");
                }
                let _ = writeln!(out, "{}", row(&cells));
            }
            out.push('\n');
        }
        Block::Befunde { liste } => {
            for b in liste {
                if b.code.is_empty() {
                    let _ = writeln!(out, "- **{}:** {}", b.schwere, mdsafe::escape(&b.text));
                } else {
                    let at = b.zeile.map(|l| format!(" (Zeile {l})")).unwrap_or_default();
                    let _ = writeln!(out, "- **{}** {}{at}: {}", b.schwere, b.code, mdsafe::escape(&b.text));
                }
            }
            out.push('\n');
        }
    }
}

// ---------------------------------------------------------------- CSV

/// One row per school for German Excel: `;` separator, decimal comma, UTF-8 with BOM, CRLF line ends.
///
/// Fields are quoted per RFC 4180 when they contain `;`, `"` or a line break. A text cell
/// that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`,
/// so Excel never reads it as a formula.
#[must_use]
pub fn csv(review: &Review) -> Vec<u8> {
    let mut out = String::from("\u{FEFF}");
    let header: Vec<String> = CSV_COLUMNS.iter().map(|(h, _)| csv_field(h)).collect();
    out.push_str(&header.join(";"));
    out.push_str("\r\n");
    for row in &review.rows {
        let mut cells: Vec<String> = vec![csv_text(&row.file)];
        match &row.school {
            Some(s) => cells.extend([
                csv_text(&s.number),
                csv_text(&s.name),
                csv_text(s.kind.label()),
                csv_text(s.land.label()),
                csv_text(s.programme.label()),
                csv_text(s.provider.as_deref().unwrap_or("")),
                s.as_of.de(),
            ]),
            None => cells.extend(std::iter::repeat_n(String::new(), 7)),
        }
        cells.extend([
            row.status.label().to_owned(),
            row.counts.errors.to_string(),
            row.counts.warnings.to_string(),
            row.counts.hints.to_string(),
        ]);
        match (&row.school, &row.figures) {
            (Some(s), Some(f)) => cells.extend([
                s.pupils.to_string(),
                s.teachers.to_string(),
                csv_eur(f.requested),
                csv_eur(f.own_share),
                csv_eur(f.investment),
                csv_eur(f.mobile),
                csv_opt(f.exact.mobile_share, |r| csv_percent(r, 1)),
                csv_opt(f.exact.devices_per_pupil, |r| csv_ratio(r, 2)),
                csv_opt(f.exact.wlan_coverage, |r| csv_percent(r, 1)),
                csv_opt(f.exact.training_hours_per_teacher, |r| csv_ratio(r, 1)),
            ]),
            _ => cells.extend(std::iter::repeat_n(String::new(), 10)),
        }
        out.push_str(&cells.join(";"));
        out.push_str("\r\n");
    }
    out.into_bytes()
}

fn csv_eur(e: Euro) -> String {
    values::csv_eur(e.cents())
}

fn csv_opt(x: Option<Ratio>, text: impl Fn(Ratio) -> String) -> String {
    x.map(text).unwrap_or_default()
}

/// A user text cell: guarded against formulas, then quoted as needed.
fn csv_text(text: &str) -> String {
    let guarded = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}") } else { text.to_owned() };
    csv_field(&guarded)
}

fn csv_field(text: &str) -> String {
    if text.contains([';', '"', '\n', '\r']) { format!("\"{}\"", text.replace('"', "\"\"")) } else { text.to_owned() }
}

// ---------------------------------------------------------------- PDF

#[derive(Serialize)]
struct PdfMeta {
    title: String,
    author: String,
    subject: String,
    keywords: Vec<String>,
    stand: String,
}

#[derive(Serialize)]
struct PdfDoc {
    meta: PdfMeta,
    overview: Overview,
}

/// The overview chapter as a PDF (landscape A4, PDF/A-2b and PDF/UA-1 by default) through the typst pipeline.
///
/// The document is dated with the newest `stand` of the plans, so the same plans give the same bytes;
/// `source_date_epoch` overrides the creation time. `Err` holds template problems.
pub fn pdf(review: &Review, standard: pdf::Standard, source_date_epoch: Option<i64>) -> Result<Vec<u8>, Vec<Diagnostic>> {
    let doc = overview(review);
    let stand =
        review.rows.iter().filter_map(|r| r.school.as_ref().map(|s| s.as_of)).max().unwrap_or(Datum { jahr: 2000, monat: 1, tag: 1 });
    let author = review.traeger_name().map_or_else(|| "mep".to_owned(), |n| n.trim().to_owned());
    let data = PdfDoc {
        meta: PdfMeta {
            title: doc.titel.clone(),
            subject: "Übersicht der Medienentwicklungspläne der Schulen (mep review)".to_owned(),
            keywords: vec!["Medienentwicklungsplan".to_owned(), "DigitalPakt Schule".to_owned(), "Schulträger".to_owned()],
            stand: stand.de(),
            author,
        },
        overview: doc,
    };
    let json = serde_json::to_vec(&data)
        .map_err(|e| vec![Diagnostic::new(pdf::CODE_TEMPLATE, crate::diag::Severity::Fehler, "", format!("Daten für das PDF: {e}"))])?;
    let mut settings = pdf::Settings::for_stand(stand, format!("mep-review {}", data.meta.title), source_date_epoch);
    settings.standard = standard;
    pdf::render_entry(&pdf::Templates::embedded(), pdf::templates::REVIEW_MAIN, json, &settings).map(|r| r.pdf)
}

// ---------------------------------------------------------------- JSON

#[derive(Serialize)]
struct JsonDoc<'a> {
    version: u32,
    #[serde(flatten)]
    review: &'a Review,
}

/// The whole review as one pretty-printed JSON document with a final newline.
pub fn json(review: &Review) -> serde_json::Result<String> {
    let mut text = serde_json::to_string_pretty(&JsonDoc { version: JSON_VERSION, review })?;
    text.push('\n');
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_euros_have_a_decimal_comma_and_no_grouping() {
        assert_eq!(csv_eur(Euro(123_456_705)), "1234567,05");
        assert_eq!(csv_eur(Euro(0)), "0,00");
    }

    #[test]
    fn csv_cells_are_guarded_and_quoted() {
        assert_eq!(csv_text("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_text("-1"), "'-1");
        assert_eq!(csv_text("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_text("Schule; Nord"), "\"Schule; Nord\"");
        assert_eq!(csv_text("Zeile\nzwei"), "\"Zeile\nzwei\"");
        assert_eq!(csv_text("Grundschule"), "Grundschule");
    }
}
