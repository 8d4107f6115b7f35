//! Review: many school plans → one roll-up for the Schulträger.
//!
//! 1. [`discover`]: files and directories → a sorted list of YAML files; entries that
//!    cannot be read stay in the list and become rows with status Fehler
//! 2. [`check_all`]: each file, in parallel, → a small [`Row`]; the parsed plan is
//!    dropped at once, so memory grows with the number of rows, not of plans
//! 3. [`roll_up`]: rows + optional `traeger.yaml` → cross-school rules and totals ([`Review`])
//! 4. [`crate::render::review`]: the review → terminal table, Markdown, CSV, JSON or PDF

mod check;
mod discover;
mod figures;
pub mod positionen;
pub mod rounds;
pub mod traegerplan;

pub use check::{check_all, check_all_lean, check_file, is_traeger_file, row_of};
pub use figures::{Approx, Exact, Figures};

use std::collections::BTreeMap;

use std::path::{Path, PathBuf};

use schemars::JsonSchema;
use serde::Serialize;

use crate::diag::{self, Counts, Diagnostic, Severity};
use crate::fsio;
use crate::load::Loaded;
use crate::model::{Datum, Euro, Kategorie, Land, Programm, Schulform, Traeger};
use crate::profile::Choice;
use crate::rules::{self, CrossFinding, SchoolFacts, Target};
use crate::source::SourceFile;

pub use discover::{DiscoverError, discover};

pub use crate::diag::Status;

/// Master data of a school, taken from its plan.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct School {
    /// Name.
    pub name: String,
    /// Schulnummer.
    pub number: String,
    /// Schulform.
    pub kind: Schulform,
    /// Land.
    pub land: Land,
    /// Funding programme.
    pub programme: Programm,
    /// Schulträger named in the plan.
    pub provider: Option<String>,
    /// `stand` as the plan writes it (a day, a month or `unbekannt`).
    pub as_of: crate::model::Angabe<crate::model::Zeitpunkt>,
    /// The document date by the one rule of [`crate::model::Plan::dokumentdatum`].
    pub datum: Datum,
    /// Pupils (`None` when the plan says `unbekannt`).
    pub pupils: Option<u32>,
    /// Pupils as the plan says it (exact, `ca. 700` or `unbekannt`), for the text of tables; not in the JSON.
    #[serde(skip)]
    pub pupils_given: crate::model::Angabe<u32>,
    /// Teachers (`None` when the plan says `unbekannt`).
    pub teachers: Option<u32>,
}

/// One reviewed file: the small row kept per school.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Row {
    /// File name as shown to the user.
    pub file: String,
    /// Path to read the file again (for locating cross-school findings).
    #[serde(skip)]
    pub path: PathBuf,
    /// Overall status.
    pub status: Status,
    /// Findings by severity.
    pub counts: Counts,
    /// Why the file could not be read at all (then there are no diagnostics).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// The school, when the plan could be loaded.
    pub school: Option<School>,
    /// The figures, when the plan could be loaded.
    pub figures: Option<Figures>,
    /// The facts of the plan for the Schulträger's own plan (`mep traegerplan`; not part of the JSON report).
    #[serde(skip)]
    pub input: Option<Box<crate::figures::traeger::SchoolInput>>,
    /// The plan's Bedarf items, compact, for the per-item tables (not part of the JSON report).
    #[serde(skip)]
    pub positions: Vec<positionen::Position>,
    /// Every finding in this file, located and sorted.
    pub diagnostics: Vec<Diagnostic>,
}

impl Row {
    /// The findings as a reader sees them: the open costs of the plan as one fact
    /// ([`rules::kosten_offen::als_fakten`]); the JSON report keeps one finding per item.
    #[must_use]
    pub fn befunde(&self) -> Vec<Diagnostic> {
        rules::kosten_offen::als_fakten(&self.diagnostics, |i| self.positions.get(i).map(|p| p.id.as_str()))
    }

    /// The findings of [`Row::befunde`] by severity.
    #[must_use]
    pub fn befund_counts(&self) -> Counts {
        Counts::of(&self.befunde())
    }

    pub(crate) fn update_status(&mut self) {
        self.counts = Counts::of(&self.diagnostics);
        self.status = if self.error.is_some() { Status::Unlesbar } else { Status::of(self.counts) };
    }
}

/// The Schulträger of a review, from `traeger.yaml`.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct TraegerInfo {
    /// File name as given.
    pub file: String,
    /// The loaded file, when it has no errors.
    #[serde(flatten)]
    pub traeger: Option<Traeger>,
}

/// Totals over all readable plans.
#[derive(Clone, Debug, Default, Serialize, JsonSchema)]
pub struct Totals {
    /// Files reviewed.
    pub files: usize,
    /// Plans that could be loaded (their figures are in the sums).
    pub loaded: usize,
    /// Files with status ok (hints allowed).
    pub ok: usize,
    /// Files read without any finding, not even a hint ("ohne Befund").
    pub without_findings: usize,
    /// Files with status Warnungen.
    pub with_warnings: usize,
    /// Files with status Fehler or unlesbar.
    pub with_errors: usize,
    /// Files that could not be read at all.
    pub unreadable: usize,
    /// Σ requested funding.
    pub requested: Euro,
    /// Σ own share.
    pub own_share: Euro,
    /// Σ other money.
    pub other: Euro,
    /// Σ investment.
    pub investment: Euro,
    /// Σ items without price or count over all plans ("Kosten noch offen").
    pub open_items: usize,
    /// Σ items with a price over all plans.
    pub priced_items: usize,
    /// Σ investment the DigitalPakt pays for: what the financing must cover.
    pub investment_digitalpakt: Euro,
    /// Σ DigitalPakt items without price or count.
    pub open_items_digitalpakt: usize,
    /// Σ mobile items without price or count.
    pub open_items_mobile: usize,
    /// Σ investment paid from other money.
    pub investment_other: Euro,
    /// Σ items paid from other money without price or count.
    pub open_items_other: usize,
    /// Which sums include an item of approximate count; not in the JSON.
    #[serde(skip)]
    pub approx: figures::Approx,
    /// Σ priced items of unknown year per Fördergegenstand.
    pub unknown_year: BTreeMap<Kategorie, Euro>,
    /// Σ items without price or count per Fördergegenstand.
    pub open_by_category: BTreeMap<Kategorie, usize>,
    /// Σ items without price or count per Fördergegenstand and (known) year.
    pub open_by_year: BTreeMap<Kategorie, BTreeMap<i32, usize>>,
    /// Σ mobile end devices.
    pub mobile: Euro,
    /// Budget of the Schulträger, when known.
    pub budget: Option<Euro>,
    /// Investment per Fördergegenstand and year.
    pub investment_by: BTreeMap<Kategorie, BTreeMap<i32, Euro>>,
    /// Investment per Fördergegenstand.
    pub by_category: BTreeMap<Kategorie, Euro>,
    /// Investment per year.
    pub by_year: BTreeMap<i32, Euro>,
    /// Running costs per year.
    pub running_costs: BTreeMap<i32, Euro>,
}

impl Totals {
    /// Σ financing: requested + own share + other money.
    #[must_use]
    pub fn financing(&self) -> Euro {
        self.requested + self.own_share + self.other
    }

    /// Financing minus the DigitalPakt investment: 0 when the money covers it exactly, negative when it falls short.
    #[must_use]
    pub fn financing_gap(&self) -> Euro {
        // Callers check `open_items_digitalpakt` first: with open costs the gap is not known.
        Euro(self.financing().cents() - self.investment_digitalpakt.cents())
    }
}

/// A finished review: every row, the Träger findings and the totals.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Review {
    /// The Schulträger file, if one was given.
    pub traeger: Option<TraegerInfo>,
    /// Findings about the Träger as a whole: problems in `traeger.yaml` and cross-school rules
    /// that concern no single plan.
    pub traeger_findings: Vec<Diagnostic>,
    /// One row per file, in the order reviewed.
    pub rows: Vec<Row>,
    /// Totals.
    pub totals: Totals,
    /// This round against the previous one (`mep review --vorher`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous: Option<rounds::Rounds>,
}

impl Review {
    /// The document date of the review: the latest document date of its plans
    /// ([`crate::model::Plan::dokumentdatum`]), else [`crate::model::OHNE_DATUM`].
    #[must_use]
    pub fn dokumentdatum(&self) -> Datum {
        self.rows.iter().filter_map(|r| r.school.as_ref().map(|s| s.datum)).max().unwrap_or(crate::model::OHNE_DATUM)
    }

    /// Whether any file or the Träger has an error (exit code 1).
    #[must_use]
    pub fn has_errors(&self) -> bool {
        self.rows.iter().any(|r| r.status == Status::Fehler) || crate::diag::has_errors(&self.traeger_findings)
    }

    /// Whether any file could not be read at all (exit code 2).
    #[must_use]
    pub fn has_unreadable(&self) -> bool {
        self.rows.iter().any(|r| r.error.is_some())
    }

    /// The name of the Schulträger, when the Träger file could be loaded.
    #[must_use]
    pub fn traeger_name(&self) -> Option<&str> {
        self.traeger.as_ref()?.traeger.as_ref().map(|t| t.name.as_str())
    }
}

/// Runs the cross-school rules and adds up the rows.
///
/// `traeger` is the loaded Träger file with its name; its findings and the
/// cross-school findings that concern it are located in it.
#[must_use]
pub fn roll_up(traeger: Option<Loaded<Traeger>>, mut rows: Vec<Row>, choice: &Choice) -> Review {
    let mut traeger_findings = Vec::new();
    let (info, source) = match traeger {
        Some(loaded) => {
            traeger_findings.extend(loaded.diagnostics);
            (Some(TraegerInfo { file: loaded.source.name().to_owned(), traeger: loaded.value }), Some(loaded.source))
        }
        None => (None, None),
    };
    let t = info.as_ref().and_then(|i| i.traeger.as_ref());

    let facts_rows: Vec<usize> = (0..rows.len()).filter(|&i| rows[i].school.is_some()).collect();
    let cross = {
        let facts: Vec<SchoolFacts<'_>> = facts_rows
            .iter()
            .filter_map(|&i| {
                let row = &rows[i];
                let (s, f) = (row.school.as_ref()?, row.figures.as_ref()?);
                Some(SchoolFacts {
                    file: &row.file,
                    number: &s.number,
                    name: &s.name,
                    provider: s.provider.as_deref(),
                    land: s.land,
                    programme: s.programme,
                    general: s.kind.allgemeinbildend(),
                    // The mobile-device limits apply to what the DigitalPakt pays for.
                    investment: f.investment_digitalpakt,
                    mobile: f.mobile_digitalpakt,
                    requested: f.requested,
                })
            })
            .collect();
        let mut cross = rules::check_schools(t, &facts, choice);
        if let Some(t) = t {
            cross.extend(rules::traegerplan::check_betrieb(t, &choice.resolve(t.programme, t.land)));
        }
        cross
    };
    let mut per_row: BTreeMap<usize, Vec<Diagnostic>> = BTreeMap::new();
    for CrossFinding { target, mut diagnostic } in cross {
        match target {
            Target::Plan(i) => per_row.entry(facts_rows[i]).or_default().push(diagnostic),
            Target::Traeger => {
                // A finding about the Träger as a whole (empty path) has no place in the file.
                if let Some(src) = source.as_ref().filter(|_| !diagnostic.path.is_empty()) {
                    src.locate(&mut diagnostic);
                }
                traeger_findings.push(diagnostic);
            }
            Target::Gruppe => traeger_findings.push(diagnostic),
        }
    }
    for (i, mut found) in per_row {
        let row = &mut rows[i];
        locate_in_file(&row.path, &row.file, &mut found);
        row.diagnostics.append(&mut found);
        diag::sort(&mut row.diagnostics);
        row.update_status();
    }
    diag::sort(&mut traeger_findings);
    let totals = add_up(&rows, t.map(|t| t.budget));
    Review { traeger: info, traeger_findings, rows, totals, previous: None }
}

/// Locates findings in a plan by reading it again; only plans with cross-school findings pay for this.
pub(crate) fn locate_in_file(path: &Path, name: &str, found: &mut [Diagnostic]) {
    // Bounded and refusing special files: the file may have changed since it was checked.
    let Ok(bytes) = fsio::read_bounded(path, 64 * 1024 * 1024) else { return };
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let Ok(text) = String::from_utf8(bytes.to_vec()) else { return };
    let mut source = SourceFile::new(name, text);
    source.index_yaml();
    for d in found {
        source.locate(d);
    }
}

fn add_up(rows: &[Row], budget: Option<Euro>) -> Totals {
    let mut t = Totals { files: rows.len(), budget, ..Totals::default() };
    for row in rows {
        match row.status {
            Status::Ok => t.ok += 1,
            Status::Warnungen => t.with_warnings += 1,
            Status::Fehler | Status::Unlesbar => t.with_errors += 1,
        }
        if row.error.is_none() && row.diagnostics.is_empty() {
            t.without_findings += 1;
        }
        if row.error.is_some() {
            t.unreadable += 1;
        }
        let Some(f) = &row.figures else { continue };
        t.loaded += 1;
        t.requested = t.requested + f.requested;
        t.own_share = t.own_share + f.own_share;
        t.other = t.other + f.other;
        t.investment = t.investment + f.investment;
        t.open_items += f.open_items;
        t.priced_items += f.priced_items;
        t.investment_digitalpakt = t.investment_digitalpakt + f.investment_digitalpakt;
        t.open_items_digitalpakt += f.open_items_digitalpakt;
        t.investment_other = t.investment_other + f.investment_other;
        t.open_items_other += f.open_items_other;
        t.approx = t.approx.or(f.approx);
        t.open_items_mobile += f.open_items_mobile;
        for (&category, &amount) in &f.unknown_year {
            let c = t.unknown_year.entry(category).or_default();
            *c = *c + amount;
            let c = t.by_category.entry(category).or_default();
            *c = *c + amount;
        }
        for (&category, &n) in &f.open_by_category {
            *t.open_by_category.entry(category).or_default() += n;
        }
        for (&category, years) in &f.open_by_year {
            for (&year, &n) in years {
                *t.open_by_year.entry(category).or_default().entry(year).or_default() += n;
            }
        }
        t.mobile = t.mobile + f.mobile;
        for (&category, years) in &f.investment_by {
            for (&year, &amount) in years {
                let cell = t.investment_by.entry(category).or_default().entry(year).or_default();
                *cell = *cell + amount;
                let c = t.by_category.entry(category).or_default();
                *c = *c + amount;
                let y = t.by_year.entry(year).or_default();
                *y = *y + amount;
            }
        }
        for (&year, &amount) in &f.running_costs {
            let cell = t.running_costs.entry(year).or_default();
            *cell = *cell + amount;
        }
    }
    t
}

/// Counts of findings over all rows and the Träger, the open costs of a plan as one ([`Row::befunde`]).
#[must_use]
pub fn finding_counts(review: &Review) -> Counts {
    let mut c = Counts::of(&review.traeger_findings);
    for row in &review.rows {
        let r = row.befund_counts();
        c.errors += r.errors;
        c.warnings += r.warnings;
        c.hints += r.hints;
    }
    c
}

/// Whether a finding is shown in the short lists of the reports (errors and warnings).
#[must_use]
pub fn is_notable(d: &Diagnostic) -> bool {
    d.severity != Severity::Hinweis
}
