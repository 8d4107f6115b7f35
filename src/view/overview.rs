//! The overview chapter of a review, independent of the output format: the sentences and
//! tables that Markdown and PDF render (and the figure cells the terminal table shows).

use std::collections::BTreeSet;

use serde::Serialize;

use crate::diag::Diagnostic;
use crate::figures::Ratio;
use crate::model::{Euro, Programm};
use crate::review::{Figures, Review, Row, Totals, is_notable};
use crate::view::values::{de_eur, de_percent, de_ratio};

/// An amount in euro as every document of mep shows it (`1.234,50 €`).
#[must_use]
pub fn eur(e: Euro) -> String {
    de_eur(e.cents())
}

/// An investment sum as text: `Kosten noch offen` or `mindestens …, dazu Kosten noch offen` while items are unpriced.
#[must_use]
pub fn investition(e: Euro, priced: usize, open: usize) -> String {
    crate::view::Betrag::summe(e.cents(), priced, open).text
}

/// An investment sum as [`investition`] says it, with `ca.` when it includes an item of approximate count.
#[must_use]
pub fn investition_ca(e: Euro, priced: usize, open: usize, approx: bool) -> String {
    crate::view::Betrag::summe(e.cents(), priced, open).ungefaehr(approx && priced > 0).text
}

/// A school's figures as the seven cells of the overview: beantragt, Eigenanteil, sonstige Mittel,
/// mobile share, devices per pupil, WLAN coverage, training hours per teacher.
#[must_use]
pub fn figure_cells(f: &Figures) -> [String; 7] {
    let x = &f.exact;
    [
        eur(f.requested),
        eur(f.own_share),
        eur(f.other),
        opt(x.mobile_share, pct1),
        devices_cell(f),
        opt(x.wlan_coverage, |r| de_percent(r, 0)),
        opt(x.training_hours_per_teacher, |r| de_ratio(r, 1)),
    ]
}

/// Devices per pupil as a cell: `–` when there is nothing to divide by, `ca. …` or `nicht bekannt` as the inputs say.
fn devices_cell(f: &Figures) -> String {
    let text = crate::view::summen::devices(f, |r| de_ratio(r, 2));
    if text.is_empty() { "–".to_owned() } else { text }
}

/// An optional figure as text, or `–`; every text rounds once, from the exact fraction.
#[must_use]
pub fn opt(x: Option<Ratio>, text: impl Fn(Ratio) -> String) -> String {
    x.map_or_else(|| "–".to_owned(), text)
}

/// A share as a percentage with one decimal (`12,5 %`).
#[must_use]
pub fn pct1(r: Ratio) -> String {
    de_percent(r, 1)
}

/// `part` as an exact share of `whole`, when `whole` is positive.
#[must_use]
pub fn share(part: Euro, whole: Euro) -> Option<Ratio> {
    Ratio::of(part.cents(), whole.cents())
}

/// `1 Plan`, `2 Pläne`.
#[must_use]
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The years of the investment table: years with priced or open items.
#[must_use]
pub fn years(review: &Review) -> Vec<i32> {
    let t = &review.totals;
    let set: BTreeSet<i32> = t.by_year.keys().chain(t.open_by_year.values().flat_map(|y| y.keys())).copied().collect();
    set.into_iter().collect()
}

/// The school's name, or the file name of an unreadable plan.
#[must_use]
pub fn display_name(row: &Row) -> &str {
    row.school.as_ref().map_or(row.file.as_str(), |s| s.name.as_str())
}

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

pub(crate) fn section(ebene: u8, titel: impl Into<String>, bloecke: Vec<Block>) -> Abschnitt {
    Abschnitt { ebene, titel: titel.into(), datei: None, bloecke }
}

pub(crate) fn para(saetze: Vec<String>) -> Block {
    Block::Absatz { saetze }
}

pub(crate) fn befund(d: &Diagnostic) -> Befund {
    Befund {
        schwere: d.severity.label(),
        code: d.code.code.to_owned(),
        zeile: d.location.as_ref().map(|l| l.line),
        text: d.message.clone(),
    }
}

/// Builds the overview chapter of a review, one section at a time.
#[must_use]
pub fn overview(review: &Review) -> Overview {
    let titel = match traeger_of(review) {
        Some(tr) => format!("Medienentwicklungsplan {}: Übersicht der Schulen", tr.name.trim()),
        None => "Übersicht der Medienentwicklungspläne".to_owned(),
    };
    let mut abschnitte =
        vec![ueberblick(review), schulen(review), investitionen(review), finanzierung(&review.totals), folgekosten(review)];
    if let Some(r) = &review.previous {
        abschnitte.push(section(2, "Änderungen gegenüber der Vorrunde", super::rounds::changes(r)));
    }
    abschnitte.extend(pruefergebnis(review));
    Overview { titel, abschnitte }
}

/// The Schulträger's own data, when a readable `traeger.yaml` was given.
fn traeger_of(review: &Review) -> Option<&crate::model::Traeger> {
    review.traeger.as_ref().and_then(|i| i.traeger.as_ref())
}

/// Section „Überblick“: who submits how many plans, the sums, the budget, the dates and the check result.
fn ueberblick(review: &Review) -> Abschnitt {
    let t = &review.totals;
    let plans = plural(t.files, "Medienentwicklungsplan", "Medienentwicklungspläne");
    let mut saetze = vec![match traeger_of(review) {
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
        investition_ca(t.investment, t.priced_items, t.open_items, t.approx.investment),
        investition(t.mobile, usize::from(t.mobile.cents() != 0), t.open_items_mobile),
        // A share of a sum with open costs would be a share of a lower bound.
        if t.open_items > 0 { crate::view::values::NICHT_BEKANNT.to_owned() } else { opt(share(t.mobile, t.investment), pct1) },
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
    let dates = || review.rows.iter().filter_map(|r| r.school.as_ref().and_then(|s| s.as_of.bekannt()).map(|z| (z.erster_tag(), z)));
    if let (Some(first), Some(last)) = (dates().min_by_key(|d| d.0), dates().max_by_key(|d| d.0)) {
        saetze.push(if first == last {
            format!("Alle Pläne tragen den Stand {}.", first.1.de())
        } else {
            let von = if matches!(first.1, crate::model::Zeitpunkt::Tag(_)) { "vom" } else { "von" };
            format!("Die Pläne tragen Stände {von} {} bis {}.", first.1.de(), last.1.de())
        });
    }
    let result = format!(
        "Prüfergebnis: {}, {} mit Warnungen, {} mit Fehlern{}.",
        without_findings(t),
        t.with_warnings,
        t.with_errors,
        if t.unreadable > 0 { format!(" (davon {} nicht lesbar)", t.unreadable) } else { String::new() }
    );
    section(2, "Überblick", vec![para(saetze), para(vec![result])])
}

/// Section „Schulen“: one row per plan with its status and figures, and the sums.
fn schulen(review: &Review) -> Abschnitt {
    let t = &review.totals;
    let kopf: Vec<String> = [
        "Schule",
        "Schulnummer",
        "Stand",
        "Prüfung",
        "Fehler",
        "Warnungen",
        "Beantragt",
        "Eigenanteil",
        "Sonstige Mittel",
        "Anteil mobiler Endgeräte",
        "Geräte je Schüler/in",
        "WLAN-Abdeckung",
        "Fortbildungsstunden je Lehrkraft",
    ]
    .map(str::to_owned)
    .to_vec();
    let rechts = (0..kopf.len()).map(|i| i >= 4).collect();
    let zeilen = review.rows.iter().map(school_row).collect();
    let mut summe = vec!["Summe".to_owned()];
    summe.extend(std::iter::repeat_n(String::new(), 5));
    summe.extend([eur(t.requested), eur(t.own_share), eur(t.other), opt(share(t.mobile, t.investment), pct1)]);
    summe.extend(std::iter::repeat_n(String::new(), 3));
    section(
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
    )
}

/// The cells of one plan in the table „Schulen“.
fn school_row(row: &Row) -> Vec<String> {
    let mut cells = match &row.school {
        Some(s) => vec![s.name.clone(), s.number.clone(), crate::view::values::zeitpunkt_text(s.as_of)],
        None => vec![row.file.clone(), String::new(), String::new()],
    };
    let counts = row.befund_counts();
    cells.extend([row.status.label().to_owned(), counts.errors.to_string(), counts.warnings.to_string()]);
    match &row.figures {
        Some(f) => cells.extend(figure_cells(f)),
        None => cells.extend(std::iter::repeat_n("–".to_owned(), 7)),
    }
    cells
}

/// Section „Investitionen nach Fördergegenstand und Jahr“.
fn investitionen(review: &Review) -> Abschnitt {
    let t = &review.totals;
    let years = years(review);
    let invest = match crate::view::summen::invest_tabelle(t, &years) {
        None => para(vec!["Die Pläne enthalten keine investiven Bedarfspositionen.".to_owned()]),
        Some(tab) => {
            let rechts = (0..tab.kopf.len()).map(|i| i > 0).collect();
            Block::Tabelle { kopf: tab.kopf, rechts, zeilen: tab.zeilen, summe: Some(tab.summe) }
        }
    };
    section(2, "Investitionen nach Fördergegenstand und Jahr", vec![invest])
}

/// Section „Finanzierung“: the sources, whether they cover the investment, and the budget.
fn finanzierung(t: &Totals) -> Abschnitt {
    let mut zeilen: Vec<Vec<String>> =
        crate::view::summen::quellen(t).into_iter().map(|(label, text)| vec![format!("Investitionen {label}"), text]).collect();
    zeilen.extend([
        vec!["Beantragte Fördermittel".to_owned(), eur(t.requested)],
        vec!["Eigenanteil".to_owned(), eur(t.own_share)],
        vec!["Sonstige Mittel".to_owned(), eur(t.other)],
    ]);
    let kopf = vec!["Posten".to_owned(), "Betrag".to_owned()];
    let summe = Some(vec!["Summe".to_owned(), eur(t.financing())]);
    let gap = t.financing_gap();
    let (was, dp) = (crate::view::summen::verglichen(t), eur(t.investment_digitalpakt));
    let covered = match gap.cents().cmp(&0) {
        _ if t.open_items_digitalpakt > 0 => format!(
            "Ob die Finanzierung die {was} deckt, ist noch nicht bekannt: {} {} ohne Preis (Kosten noch offen).",
            t.open_items_digitalpakt,
            if t.open_items_digitalpakt == 1 { "Position ist" } else { "Positionen sind" }
        ),
        std::cmp::Ordering::Equal => format!("Die Finanzierung deckt die {was} von {dp} genau."),
        std::cmp::Ordering::Greater => format!("Die Finanzierung übersteigt die {was} von {dp} um {}.", eur(gap)),
        std::cmp::Ordering::Less => format!("Der Finanzierung fehlen {} zu den {was} von {dp}.", eur(Euro(-gap.cents()))),
    };
    let mut bloecke = vec![Block::Tabelle { kopf, rechts: vec![false, true], zeilen, summe }, para(vec![covered])];
    if let Some(budget) = t.budget {
        let rest = budget.cents() - t.requested.cents();
        bloecke.push(Block::Tabelle {
            kopf: vec!["Budget".to_owned(), "Betrag".to_owned()],
            rechts: vec![false, true],
            zeilen: vec![
                vec!["Budget des Schulträgers".to_owned(), eur(budget)],
                if rest >= 0 {
                    vec!["Verbleibendes Budget".to_owned(), eur(Euro(rest))]
                } else {
                    vec!["Überschreitung des Budgets".to_owned(), eur(Euro(-rest))]
                },
            ],
            summe: None,
        });
    }
    section(2, "Finanzierung", bloecke)
}

/// Section „Folgekosten“: running costs per year, which the Schulträger carries; whether the
/// programme funds maintenance and support is said per programme of the plans.
fn folgekosten(review: &Review) -> Abschnitt {
    let t = &review.totals;
    let programmes: BTreeSet<Programm> = review.rows.iter().filter_map(|r| r.school.as_ref().map(|s| s.programme)).collect();
    let mut satz = String::from("Betrieb, Wartung, Support und Lizenzen trägt der Schulträger");
    if programmes.contains(&Programm::Dp2019) {
        satz.push_str("; im DigitalPakt Schule 2019–2024 sind sie nicht förderfähig");
    }
    satz.push('.');
    if programmes.contains(&Programm::Dp2) {
        satz.push(' ');
        satz.push_str(super::foerderung::DP2_WARTUNG);
    }
    let bloecke = if t.running_costs.is_empty() {
        vec![para(vec!["Die Pläne nennen keine Folgekosten.".to_owned()])]
    } else {
        vec![
            para(vec![format!("{satz} Die Pläne nennen je Jahr des Planungszeitraums:")]),
            Block::Tabelle {
                kopf: vec!["Jahr".to_owned(), "Folgekosten".to_owned()],
                rechts: vec![false, true],
                zeilen: t.running_costs.iter().map(|(y, e)| vec![y.to_string(), eur(*e)]).collect(),
                summe: None,
            },
        ]
    };
    section(2, "Folgekosten", bloecke)
}

/// Section „Prüfergebnis“ and one subsection per Schulträger or plan with errors or warnings.
fn pruefergebnis(review: &Review) -> Vec<Abschnitt> {
    let notable: Vec<Befund> = review.traeger_findings.iter().filter(|d| is_notable(d)).map(befund).collect();
    let rows: Vec<&Row> = review.rows.iter().filter(|r| r.error.is_some() || r.diagnostics.iter().any(is_notable)).collect();
    let empty = notable.is_empty() && rows.is_empty();
    let mut abschnitte = vec![section(
        2,
        "Prüfergebnis",
        if empty { vec![para(vec!["Kein Plan enthält Fehler oder Warnungen.".to_owned()])] } else { Vec::new() },
    )];
    if !notable.is_empty() {
        abschnitte.push(section(3, "Schulträger", vec![Block::Befunde { liste: notable }]));
    }
    for row in rows {
        let mut liste: Vec<Befund> =
            row.error.iter().map(|e| Befund { schwere: "Fehler", code: String::new(), zeile: None, text: e.clone() }).collect();
        liste.extend(row.befunde().iter().filter(|d| is_notable(d)).map(befund));
        abschnitte.push(Abschnitt {
            ebene: 3,
            titel: display_name(row).to_owned(),
            datei: Some(row.file.clone()),
            bloecke: vec![Block::Befunde { liste }],
        });
    }
    abschnitte
}

/// `2 Pläne ohne Befund` and, when some have only hints, `, 1 nur mit Hinweisen`.
#[must_use]
pub fn without_findings(t: &Totals) -> String {
    let mut text = format!("{} ohne Befund", plural(t.without_findings, "Plan", "Pläne"));
    let hints_only = t.ok - t.without_findings;
    if hints_only > 0 {
        text.push_str(&format!(", {hints_only} nur mit Hinweisen"));
    }
    text
}
