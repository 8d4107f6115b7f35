//! The Schulträger's own Medienentwicklungsplan (`mep traegerplan`): a review with a Träger file,
//! the figures of [`crate::figures::traeger`] and the plausibility findings on them.

use std::path::Path;

use super::Review;
use crate::diag::{self, Diagnostic};
use crate::figures::traeger::{PlanFacts, TraegerFigures};
use crate::model::Traeger;
use crate::profile::Choice;
use crate::rules;

/// A review of all plans of a Träger with the figures of its own plan.
#[derive(Clone, Debug)]
pub struct TraegerPlan {
    /// The loaded Träger file.
    pub traeger: Traeger,
    /// The review: rows, Träger findings (file problems, cross-school rules, the Betrieb concept), totals.
    pub review: Review,
    /// Every figure of the Träger's plan.
    pub figures: TraegerFigures,
    /// The plausibility findings, located in the Träger file.
    pub plausibility: Vec<Diagnostic>,
}

impl TraegerPlan {
    /// Whether the Träger file, a plan or the Träger's plan has an error (exit code 1).
    #[must_use]
    pub fn has_errors(&self) -> bool {
        self.review.has_errors() || diag::has_errors(&self.plausibility)
    }

    /// Computes the Träger's plan; `None` when the review has no loaded Träger file.
    /// `traeger_file` is read again to locate the plausibility findings.
    #[must_use]
    pub fn of(review: Review, traeger_file: Option<&Path>, choice: &Choice) -> Option<Self> {
        let t = review.traeger.as_ref()?.traeger.as_ref()?;
        let plans: Vec<PlanFacts<'_>> = review
            .rows
            .iter()
            .filter_map(|r| {
                let s = r.school.as_ref()?;
                Some(PlanFacts { file: &r.file, number: &s.number, name: &s.name, input: r.input.as_deref()? })
            })
            .collect();
        let figures = TraegerFigures::of(t, &plans);
        let t = t.clone();
        let profile = choice.resolve(t.programme, t.land);
        let mut plausibility: Vec<Diagnostic> =
            rules::traegerplan::plausibility(&t, &figures, &profile).into_iter().map(|c| c.diagnostic).collect();
        if let Some(path) = traeger_file {
            let name = review.traeger.as_ref().map_or_else(String::new, |i| i.file.clone());
            let mut located: Vec<Diagnostic> = plausibility.iter().filter(|d| !d.path.is_empty()).cloned().collect();
            super::locate_in_file(path, &name, &mut located);
            let mut it = located.into_iter();
            for d in plausibility.iter_mut().filter(|d| !d.path.is_empty()) {
                if let Some(l) = it.next() {
                    *d = l;
                }
            }
        }
        diag::sort(&mut plausibility);
        Some(Self { traeger: t, review, figures, plausibility })
    }
}
