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
pub mod fortbildung;
pub mod konzept;
pub mod kosten_offen;
pub mod pdf;
pub mod placeholder;
pub mod plan;
pub mod plausibel;
pub mod profil;
pub mod textgrenzen;
pub mod traeger;
pub mod traegerplan;
mod walk;

use std::sync::LazyLock;

pub use curriculum::{Area, Competence, Framework, framework as curriculum_framework};

use crate::diag::{Diagnostic, Severity};
use crate::figures::Figures;
use crate::model::{Land, Plan};
use crate::profile::{Belegt, Profile};

pub use traeger::{CrossFinding, SchoolFacts, Target, check_schools};

pub use crate::diag::Rule;
pub use crate::sources::{Quelle, Verlaesslichkeit};

/// What a check sees.
pub struct Context<'a> {
    /// The plan under check.
    pub plan: &'a Plan,
    /// The effective profile: programme, Land, parameters, severities.
    pub profile: &'a Profile,
    /// Every figure of the plan, computed once.
    pub figures: &'a Figures,
    /// Every text and list of the plan, walked once for the text rules.
    items: std::cell::OnceCell<walk::Items>,
}

impl Context<'_> {
    /// Every text and list of the plan with its path, in document order.
    pub(in crate::rules) fn items(&self) -> impl Iterator<Item = walk::Item<'_>> {
        self.walked().iter()
    }

    /// The texts of the plan with a character that is not plainly printable, with their paths.
    pub(in crate::rules) fn unusual_texts(&self) -> impl Iterator<Item = (&str, &str)> {
        self.walked().unusual_texts()
    }

    /// The one walk of the plan, made on first use.
    fn walked(&self) -> &walk::Items {
        self.items.get_or_init(|| walk::Items::of(self.plan))
    }
}

/// A check function: reads the context, reports findings.
pub type CheckFn = fn(&Context<'_>, &mut Findings);

/// A code of this registry with its check, if it has one: a family lists its codes as entries.
pub type Entry = (&'static Rule, Option<CheckFn>);

impl Rule {
    /// A collector for findings of this rule with the given severity, citing sources for the Land.
    #[must_use]
    pub fn findings(&'static self, severity: Severity, land: Option<Land>) -> Findings {
        Findings { rule: self, severity, land, out: Vec::new() }
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
        let mut d = Diagnostic::new(self.rule, self.severity, path, message);
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

/// The families of codes with checks; add a family by adding its `RULES` slice here.
static FAMILIES: &[&[Entry]] = &[
    plan::RULES,
    placeholder::RULES,
    profil::RULES,
    pdf::RULES,
    foerder::RULES,
    finanzen::RULES,
    betrieb::RULES,
    fortbildung::RULES,
    konzept::RULES,
    kosten_offen::RULES,
    curriculum::RULES,
    datenschutz::RULES,
    traeger::RULES,
    traegerplan::RULES,
    angaben::RULES,
    textgrenzen::RULES,
    plausibel::RULES,
];

/// Every code with its check, sorted by code: the families above and the codes of the loader.
static REGISTRY: LazyLock<Vec<Entry>> = LazyLock::new(|| {
    let loader = crate::load::codes::RULES.iter().map(|r| (*r, None));
    let mut all: Vec<Entry> = FAMILIES.iter().flat_map(|f| f.iter().copied()).chain(loader).collect();
    all.sort_by_key(|(r, _)| r.code);
    all
});

static RULES_ONLY: LazyLock<Vec<&'static Rule>> = LazyLock::new(|| REGISTRY.iter().map(|(r, _)| *r).collect());

/// Every rule, sorted by code.
#[must_use]
pub fn all() -> &'static [&'static Rule] {
    &RULES_ONLY
}

/// The check of a rule, if it checks a loaded plan.
#[must_use]
pub fn check_of(rule: &Rule) -> Option<CheckFn> {
    REGISTRY.iter().find(|(r, _)| std::ptr::eq(*r, rule)).and_then(|(_, c)| *c)
}

/// The rule with this code, for codes a user typed (`mep explain`, profile files).
#[must_use]
pub fn find(code: &str) -> Option<&'static Rule> {
    RULES_ONLY.iter().copied().find(|r| r.code.eq_ignore_ascii_case(code))
}

/// Whether a profile may set the severity of a rule: rules that check a plan, and the cross-school rules.
#[must_use]
pub fn is_adjustable(rule: &Rule) -> bool {
    check_of(rule).is_some() || traeger::RULES.iter().chain(traegerplan::RULES).any(|(r, _)| std::ptr::eq(*r, rule))
}

/// Runs every check on a loaded plan under the profile the plan selects itself.
#[must_use]
pub fn check(plan: &Plan) -> Vec<Diagnostic> {
    check_with(plan, &Profile::for_plan(plan))
}

/// How far a profile's parameters lower a rule's severity (`None`: not at all).
type CapFn = fn(&Profile) -> Option<Severity>;

/// Rules whose severity a profile parameter lowers, with the function that says how far.
static CAPS: &[(&Rule, CapFn)] = &[(&fortbildung::DP_FORTBILDUNG_PLAN, fortbildung::cap)];

/// The severity a rule's findings get under a profile: the profile's setting, lowered where a
/// parameter of the profile says so (e.g. a training plan that is due only later is a warning);
/// `None` when the profile switches the rule off.
#[must_use]
pub fn severity_under(rule: &Rule, profile: &Profile) -> Option<Severity> {
    let set = profile.severity(rule)?;
    let cap = CAPS.iter().find(|(r, _)| *r == rule).and_then(|(_, cap)| cap(profile));
    Some(cap.map_or(set, |c| set.max(c))) // Fehler < Warnung < Hinweis
}

/// Rules that check only against a profile parameter, with the parameters they read: without any
/// of them in the profile, the rule checks nothing there (and the rule list says so).
pub static NEEDS_PARAMETER: &[(&Rule, &[&str])] = &[
    (&konzept::LAND_KONZEPTTEILE, &["konzeptteile"]),
    (&konzept::LAND_ZIELE_MESSBAR, &["konzeptteile"]),
    (&konzept::LAND_EVALUATION, &["konzeptteile"]),
    (&konzept::LAND_RAHMEN, &["kompetenzrahmen"]),
    (&konzept::LAND_BESCHLUESSE, &["beschluesse"]),
    (&finanzen::DP_FOERDERZEITRAUM, &["foerderzeitraum"]),
    (&finanzen::DP_ANTRAGSFRIST, &["antragsfrist"]),
    (&finanzen::DP_EIGENANTEIL, &["eigenanteil_min_prozent", "kofinanzierung_min_prozent", "eigenanteil_min_finanzschwach_prozent"]),
];

/// Whether a rule can find anything under a profile: `false` for a rule that reads only profile
/// parameters none of which the profile has.
#[must_use]
pub fn checks_anything(rule: &Rule, profile: &Profile) -> bool {
    let has_parameter =
        NEEDS_PARAMETER.iter().find(|(r, _)| *r == rule).is_none_or(|(_, keys)| keys.iter().any(|k| profile.parameter.is_set(k)));
    // Two rules read one part of the concept each: without that part in the list they find nothing.
    let part = if rule == &konzept::LAND_ZIELE_MESSBAR {
        Some(crate::profile::Konzeptteil::ZieleMessbar)
    } else if rule == &konzept::LAND_EVALUATION {
        Some(crate::profile::Konzeptteil::Evaluation)
    } else {
        None
    };
    has_parameter && part.is_none_or(|part| profile.parameter.konzeptteile.as_ref().is_some_and(|k| k.wert.contains(&part)))
}

/// Runs every check the profile switches on, with the profile's severities.
#[must_use]
pub fn check_with(plan: &Plan, profile: &Profile) -> Vec<Diagnostic> {
    let figures = Figures::of(plan);
    let ctx = Context { plan, profile, figures: &figures, items: std::cell::OnceCell::new() };
    let mut out = Vec::new();
    for (rule, check) in REGISTRY.iter() {
        if let (Some(check), Some(severity)) = (check, severity_under(rule, profile)) {
            let mut f = rule.findings(severity, profile.land);
            check(&ctx, &mut f);
            out.append(&mut f.out);
        }
    }
    out
}
