//! The rule registry: every diagnostic code with its title, default severity,
//! German explanation, sources and (for checks on a loaded plan) the check.
//!
//! One registry feeds `validate`, `explain`, `rules`, the README rule list and
//! the tests. Codes are stable forever: rename a title, never a code.

mod format;
mod placeholder;
mod plan;
mod traeger;

use std::sync::LazyLock;

use serde::Serialize;

use crate::diag::{Diagnostic, Severity};
use crate::model::Plan;

pub use traeger::{CrossFinding, MobilModus, SchoolFacts, Target, check_schools};

/// How far a source can be trusted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Verlaesslichkeit {
    /// Official: Bund, Land, ministry, legal portal, Förderbank.
    #[serde(rename = "amtlich")]
    Amtlich,
    /// Press or news agency.
    #[serde(rename = "Presse")]
    Presse,
    /// Secondary: vendors, blogs, consultants.
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
    /// Reports a finding at a YAML path; returns it for adding help.
    pub fn at(&mut self, path: impl Into<String>, message: impl Into<String>) -> &mut Diagnostic {
        let mut d = Diagnostic::new(self.rule.code, self.severity, path, message);
        d.source = self.rule.sources.first().map(|s| s.url.to_owned());
        let index = self.out.len();
        self.out.push(d);
        &mut self.out[index]
    }
}

impl Diagnostic {
    /// Sets the help text in place.
    pub fn with_help(&mut self, help: impl Into<String>) -> &mut Self {
        self.help = Some(help.into());
        self
    }
}

static REGISTRY: LazyLock<Vec<&'static Rule>> = LazyLock::new(|| {
    let mut all: Vec<&'static Rule> = format::RULES.iter().chain(plan::RULES).chain(placeholder::RULES).chain(traeger::RULES).collect();
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

/// Runs every check on a loaded plan.
#[must_use]
pub fn check(plan: &Plan) -> Vec<Diagnostic> {
    let ctx = Context { plan };
    let mut out = Vec::new();
    for rule in all() {
        if let Some(check) = rule.check {
            let mut f = Findings { rule, severity: rule.severity, out: Vec::new() };
            check(&ctx, &mut f);
            out.append(&mut f.out);
        }
    }
    out
}
