//! Placeholders left from `mep init`: text still reading "BITTE AUSFÜLLEN".

use super::walk::Item;
use super::{Context, Entry, Findings, Rule};
use crate::diag::Severity::Warnung;
use crate::model::PLACEHOLDER;

pub(super) static RULES: &[Entry] = &[(&PLAN_PLATZHALTER, Some(placeholders))];

/// `PLAN-PLATZHALTER`: Platzhalter nicht ausgefüllt
pub static PLAN_PLATZHALTER: Rule = Rule {
    code: "PLAN-PLATZHALTER",
    title: "Platzhalter nicht ausgefüllt",
    severity: Warnung,
    explanation: "`mep anlegen` schreibt in Pflichtangaben, die es nicht kennt, den Platzhalter „BITTE AUSFÜLLEN“. \
Solange er im Plan steht, ist der Plan nicht fertig. Ersetzen Sie den Platzhalter durch die richtige Angabe.",
    bad: "schule:\n  name: \"BITTE AUSFÜLLEN: Name der Schule\"\n",
    good: "schule:\n  name: Grundschule am Markt\n",
    sources: &[],
};

fn placeholders(ctx: &Context<'_>, f: &mut Findings) {
    ctx.items().for_each(|item| {
        if let Item::Text { path, text } = item
            && text.contains(PLACEHOLDER)
        {
            f.at(path, format!("`{path}` enthält noch den Platzhalter „{PLACEHOLDER}“."))
                .with_help("Ersetzen Sie den Platzhalter durch die richtige Angabe.");
        }
    });
}
