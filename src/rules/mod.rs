//! The rule registry: every diagnostic code with its title, default severity,
//! German explanation, sources and (for checks on a loaded plan) the check.
//!
//! One registry feeds `validate`, `explain`, `rules`, the README rule list and
//! the tests. Codes are stable forever: rename a title, never a code.

mod angaben;
mod betrieb;
pub mod catalog;
mod curriculum;
mod datenschutz;
mod finanzen;
mod foerder;
mod format;
mod fortbildung;
mod konzept;
mod placeholder;
mod plan;
mod profil;
mod traeger;

use std::sync::LazyLock;

pub use curriculum::{Area, Competence, Framework, framework as curriculum_framework};

use serde::{Deserialize, Serialize};

use crate::diag::{Diagnostic, Severity};
use crate::model::Plan;
use crate::profile::{Belegt, Profile};

pub use traeger::{CrossFinding, SchoolFacts, Target, check_schools};

/// Verlässlichkeit einer Quelle.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub enum Verlaesslichkeit {
    /// Amtlich: Bund, Land, Ministerium, Rechtsportal, Förderbank.
    #[serde(rename = "amtlich")]
    Amtlich,
    /// Presse oder Nachrichtenagentur.
    #[serde(rename = "Presse")]
    Presse,
    /// Sekundär: Anbieter, Blogs, Beratung.
    #[serde(rename = "sekundär")]
    Sekundaer,
}

impl Verlaesslichkeit {
    /// The German word.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Amtlich => "amtlich",
            Self::Presse => "Presse",
            Self::Sekundaer => "sekundär",
        }
    }
}

/// A source a rule rests on.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Quelle {
    /// Short title of the document.
    pub titel: &'static str,
    /// URL.
    pub url: &'static str,
    /// Reliability.
    pub verlaesslichkeit: Verlaesslichkeit,
}

/// What a check sees.
pub struct Context<'a> {
    /// The plan under check.
    pub plan: &'a Plan,
    /// The effective profile: programme, Land, parameters, severities.
    pub profile: &'a Profile,
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
    out: Vec<Diagnostic>,
}

impl Findings {
    /// The severity findings of this rule get under the current profile.
    #[must_use]
    pub fn severity(&self) -> Severity {
        self.severity
    }

    /// Reports a finding at a YAML path; returns it for adding help.
    pub fn at(&mut self, path: impl Into<String>, message: impl Into<String>) -> &mut Diagnostic {
        let mut d = Diagnostic::new(self.rule.code, self.severity, path, message);
        d.source = self.rule.sources.first().map(|s| s.url.to_owned());
        let index = self.out.len();
        self.out.push(d);
        &mut self.out[index]
    }

    /// Reports a finding that rests on a profile parameter: the parameter's source is cited,
    /// and a parameter from a press or secondary source yields at most a warning.
    pub fn at_param<T>(&mut self, path: impl Into<String>, message: impl Into<String>, param: &Belegt<T>) -> &mut Diagnostic {
        let weak = param.verlaesslichkeit != Verlaesslichkeit::Amtlich;
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
static FAMILIES: &[&[Rule]] = &[
    format::RULES,
    plan::RULES,
    placeholder::RULES,
    profil::RULES,
    foerder::RULES,
    finanzen::RULES,
    betrieb::RULES,
    fortbildung::RULES,
    konzept::RULES,
    curriculum::RULES,
    datenschutz::RULES,
    traeger::RULES,
    angaben::RULES,
];

static REGISTRY: LazyLock<Vec<&'static Rule>> = LazyLock::new(|| {
    let mut all: Vec<&'static Rule> = FAMILIES.iter().flat_map(|f| f.iter()).collect();
    all.sort_by_key(|r| r.code);
    all
});

/// Every rule, sorted by code.
#[must_use]
pub fn all() -> &'static [&'static Rule] {
    &REGISTRY
}

/// The rule with this code.
#[must_use]
pub fn find(code: &str) -> Option<&'static Rule> {
    REGISTRY.iter().copied().find(|r| r.code.eq_ignore_ascii_case(code))
}

/// Runs every check on a loaded plan under the profile the plan selects itself.
#[must_use]
pub fn check(plan: &Plan) -> Vec<Diagnostic> {
    check_with(plan, &Profile::for_plan(plan))
}

/// Runs every check the profile switches on, with the profile's severities.
#[must_use]
pub fn check_with(plan: &Plan, profile: &Profile) -> Vec<Diagnostic> {
    let ctx = Context { plan, profile };
    let mut out = Vec::new();
    for rule in all() {
        if let (Some(check), Some(severity)) = (rule.check, profile.severity(rule)) {
            let mut f = Findings { rule, severity, out: Vec::new() };
            check(&ctx, &mut f);
            out.append(&mut f.out);
        }
    }
    out
}
