//! The rule registry: every diagnostic code with its title, default severity,
//! German explanation, sources and (for checks on a loaded plan) the check.
//!
//! One registry feeds `validate`, `explain`, `rules`, the README rule list and
//! the tests. Codes are stable forever: rename a title, never a code.

pub mod angaben;
pub mod betrieb;
pub mod catalog;
pub mod curriculum;
pub mod datenschutz;
pub mod finanzen;
pub mod foerder;
pub mod format;
pub mod fortbildung;
pub mod konzept;
pub mod pdf_eingabe;
pub mod kosten_offen;
pub mod placeholder;
pub mod plan;
pub mod profil;
pub mod sources;
pub mod textgrenzen;
pub mod traeger;

use std::sync::LazyLock;

pub use curriculum::{Area, Competence, Framework, framework as curriculum_framework};

use serde::Serialize;

use crate::diag::{Diagnostic, Severity};
use crate::figures::Figures;
use crate::model::{Land, Plan};
use crate::profile::{Belegt, Profile};

pub use traeger::{CrossFinding, SchoolFacts, Target, check_schools};

pub use sources::{Quelle, Verlaesslichkeit};

/// What a check sees.
pub struct Context<'a> {
    /// The plan under check.
    pub plan: &'a Plan,
    /// The effective profile: programme, Land, parameters, severities.
    pub profile: &'a Profile,
    /// Every figure of the plan, computed once.
    pub figures: &'a Figures,
}

/// A check function: reads the context, reports findings.
pub type CheckFn = fn(&Context<'_>, &mut Findings);

/// One rule of the catalogue.
#[derive(Serialize)]
pub struct Rule {
    /// Stable code.
    pub code: &'static str,
    /// Short German title.
    pub title: &'static str,
    /// Default severity.
    pub severity: Severity,
    /// German explanation: what, why, how to fix (Markdown).
    pub explanation: &'static str,
    /// A YAML snippet that triggers the rule.
    pub bad: &'static str,
    /// A YAML snippet that passes.
    pub good: &'static str,
    /// Sources, best first.
    pub sources: &'static [Quelle],
    /// The check, or `None` for findings raised while loading.
    #[serde(skip)]
    pub check: Option<CheckFn>,
}

impl Rule {
    /// Whether the rule rests only on press or secondary sources (then it may be at most a warning).
    #[must_use]
    pub fn only_weak_sources(&self) -> bool {
        !self.sources.is_empty() && self.sources.iter().all(|s| s.verlaesslichkeit != Verlaesslichkeit::Amtlich)
    }

    /// The sources cited for plans of a Land: nationwide ones and that Land's own (all of them without a Land).
    pub fn sources_for(&self, land: Option<Land>) -> impl Iterator<Item = &'static Quelle> + use<> {
        let sources: &'static [Quelle] = self.sources;
        sources.iter().filter(move |q| q.applies_to(land))
    }

    /// A collector for findings of this rule with the given severity, citing sources for the Land.
    #[must_use]
    pub fn findings(&'static self, severity: Severity, land: Option<Land>) -> Findings {
        Findings { rule: self, severity, land, out: Vec::new() }
    }

    /// One finding of this rule with its default severity (for codes raised outside a check: loading, profiles).
    #[must_use]
    pub fn diagnostic(&self, path: impl Into<String>, message: impl Into<String>) -> Diagnostic {
        let mut d = Diagnostic::new(self.code, self.severity, path, message);
        d.source = self.sources.iter().find(|q| q.nationwide()).map(|q| q.url.to_owned());
        d
    }
}

impl std::fmt::Debug for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rule").field("code", &self.code).finish_non_exhaustive()
    }
}

/// Collects the findings of one rule with its code, severity and source filled in.
pub struct Findings {
    rule: &'static Rule,
    severity: Severity,
    land: Option<Land>,
    out: Vec<Diagnostic>,
}

impl Findings {
    /// The severity findings of this rule get under the current profile.
    #[must_use]
    pub fn severity(&self) -> Severity {
        self.severity
    }

    /// Changes the severity of the findings reported from now on.
    pub fn set_severity(&mut self, severity: Severity) {
        self.severity = severity;
    }

    /// The findings collected so far.
    #[must_use]
    pub fn into_diagnostics(self) -> Vec<Diagnostic> {
        self.out
    }

    /// Reports a finding at a YAML path; returns it for adding help.
    pub fn at(&mut self, path: impl Into<String>, message: impl Into<String>) -> &mut Diagnostic {
        let mut d = Diagnostic::new(self.rule.code, self.severity, path, message);
        d.source = self.rule.sources_for(self.land).next().map(|s| s.url.to_owned());
        let index = self.out.len();
        self.out.push(d);
        &mut self.out[index]
    }

    /// Reports a finding that rests on a profile parameter: the parameter's source is cited,
    /// and a parameter from a press or secondary source yields at most a warning.
    pub fn at_param<T>(&mut self, path: impl Into<String>, message: impl Into<String>, param: &Belegt<T>) -> &mut Diagnostic {
        let weak = !param.binding();
        let d = self.at(path, message);
        d.source = Some(param.quelle.clone());
        if weak && d.severity == Severity::Fehler {
            d.severity = Severity::Warnung;
        }
        d
    }
}

impl Diagnostic {
    /// Sets the help text in place.
    pub fn with_help(&mut self, help: impl Into<String>) -> &mut Self {
        self.help = Some(help.into());
        self
    }
}

/// The rule families; add a family by adding its `RULES` slice here.
static FAMILIES: &[&[&Rule]] = &[
    format::RULES,
    plan::RULES,
    placeholder::RULES,
    profil::RULES,
    foerder::RULES,
    finanzen::RULES,
    betrieb::RULES,
    fortbildung::RULES,
    konzept::RULES,
    kosten_offen::RULES,
    curriculum::RULES,
    datenschutz::RULES,
    traeger::RULES,
    angaben::RULES,
    textgrenzen::RULES,
    pdf_eingabe::RULES,
];

static REGISTRY: LazyLock<Vec<&'static Rule>> = LazyLock::new(|| {
    let mut all: Vec<&'static Rule> = FAMILIES.iter().flat_map(|f| f.iter().copied()).collect();
    all.sort_by_key(|r| r.code);
    all
});

/// Every rule, sorted by code.
#[must_use]
pub fn all() -> &'static [&'static Rule] {
    &REGISTRY
}

/// The rule with this code, for codes a user typed (`mep explain`, profile files).
#[must_use]
pub fn find(code: &str) -> Option<&'static Rule> {
    REGISTRY.iter().copied().find(|r| r.code.eq_ignore_ascii_case(code))
}

/// Whether a profile may set the severity of a rule: rules that check a plan, and the cross-school rules.
#[must_use]
pub fn is_adjustable(rule: &Rule) -> bool {
    rule.check.is_some() || traeger::RULES.iter().any(|r| std::ptr::eq(*r, rule))
}

/// Runs every check on a loaded plan under the profile the plan selects itself.
#[must_use]
pub fn check(plan: &Plan) -> Vec<Diagnostic> {
    check_with(plan, &Profile::for_plan(plan))
}

/// Runs every check the profile switches on, with the profile's severities.
#[must_use]
pub fn check_with(plan: &Plan, profile: &Profile) -> Vec<Diagnostic> {
    let figures = Figures::of(plan);
    let ctx = Context { plan, profile, figures: &figures };
    let mut out = Vec::new();
    for rule in all() {
        if let (Some(check), Some(severity)) = (rule.check, profile.severity(rule)) {
            let mut f = rule.findings(severity, profile.land);
            check(&ctx, &mut f);
            out.append(&mut f.out);
        }
    }
    out
}
