//! Needs without price: the plan is valid, but not yet ready for an application.

use super::{Context, Entry, Findings, Rule};
use crate::diag::Severity::Warnung;
use crate::sources::{SH_RL, VV_2019};

pub(super) static RULES: &[Entry] = &[(&DP_KOSTEN_OFFEN, Some(open_costs))];

/// `DP-KOSTEN-OFFEN`: Bedarf ohne Preis: Plan noch nicht antragsreif
pub static DP_KOSTEN_OFFEN: Rule = Rule {
    code: "DP-KOSTEN-OFFEN",
    title: "Bedarf ohne Preis: Plan noch nicht antragsreif",
    severity: Warnung,
    explanation: "Ein Ausstattungsplan darf zunächst qualitativ sein: Positionen ohne `einzelpreis_eur` sind gültig, \
erscheinen im Dokument mit „Kosten noch offen“ und zählen in keiner Summe mit (Investitionen, Finanzierung, Maßnahmen, Budget). \
Für den Antrag verlangt die Bewilligungsstelle aber eine Investitionsplanung mit Beträgen je Fördergegenstand. \
Solange ein Preis fehlt, ist der Plan noch nicht antragsreif. Tragen Sie den Preis je Stück (brutto) ein, \
sobald ein Angebot oder eine Kostenschätzung des Schulträgers vorliegt.",
    bad: "bedarf:\n  - id: B1\n    bezeichnung: Interaktive Displays\n    kategorie: anzeige_interaktion\n    geraetetyp: display\n    anzahl: 12\n    jahr: 2027\n    szenarien: [S1]\n    begruendung: Ergebnisse im Klassenraum zeigen.\n",
    good: "bedarf:\n  - id: B1\n    bezeichnung: Interaktive Displays\n    kategorie: anzeige_interaktion\n    geraetetyp: display\n    anzahl: 12\n    einzelpreis_eur: 4200\n    jahr: 2027\n    szenarien: [S1]\n    begruendung: Ergebnisse im Klassenraum zeigen.\n",
    sources: &[VV_2019, SH_RL],
};

fn open_costs(ctx: &Context<'_>, f: &mut Findings) {
    for &i in &ctx.figures.investment.unpriced {
        let Some(b) = ctx.plan.needs.get(i) else { continue };
        f.at(
            format!("bedarf[{i}]"),
            format!("Für `{}` ({}) ist noch kein Preis angegeben: Kosten noch offen, der Plan ist noch nicht antragsreif.", b.id, b.name),
        )
        .with_help("Ergänzen Sie `einzelpreis_eur:` (Preis je Stück, brutto), sobald ein Angebot oder eine Kostenschätzung vorliegt.");
    }
}
