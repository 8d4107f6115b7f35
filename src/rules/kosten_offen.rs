//! Needs without price: the plan is valid, but not yet ready for an application.

use super::{Context, Findings, Quelle, Rule, Verlaesslichkeit::Amtlich};
use crate::diag::Severity::Warnung;

const SH_INVESTITIONSPLAN: Quelle = Quelle {
    titel: "Landesprogramm DigitalPakt Schleswig-Holstein: Investitionsplanung je Schule und Fördergegenstand",
    url: "https://grantway.induct.net/grant/ministerium-fr-allgemeine-und-berufliche-bildung-wissenschaft-forschung-und-kultur/landesprogramm-digitalpakt-sh-ffentliche-schulen/rA6ywvGB7WKokEWOjd0R9M2E",
    verlaesslichkeit: Amtlich,
};

pub(super) static RULES: &[Rule] = &[Rule {
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
    sources: &[SH_INVESTITIONSPLAN],
    check: Some(open_costs),
}];

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
