//! Needs without price: the plan is valid, but not yet ready for an application.

use super::{Context, Entry, Findings, Rule};
use crate::diag::Diagnostic;
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

/// How many item ids a merged open-cost finding names before it says how many more there are.
const NAMED: usize = 10;

/// The findings as facts for a reader: every `DP-KOSTEN-OFFEN` of one plan merged into one finding
/// at the place of the first (`7 Positionen ohne Preis: B1, B2, …`), the others left out; every other
/// finding as it is. `id_of` gives the `bedarf` id of an item index. One open item stays as it is.
///
/// The located findings themselves (JSON, form editor) stay one per item; terminal summaries, the
/// Prüfbericht and the review list and count these facts.
#[must_use]
pub fn als_fakten<'a>(diags: &[Diagnostic], id_of: impl Fn(usize) -> Option<&'a str>) -> Vec<Diagnostic> {
    let open: Vec<&Diagnostic> = diags.iter().filter(|d| ist_kosten_offen(d)).collect();
    if open.len() < 2 {
        return diags.to_vec();
    }
    let named: Vec<String> = open
        .iter()
        .take(NAMED)
        .map(|d| {
            let id = item_index(&d.path).and_then(&id_of).map_or_else(|| d.path.clone(), |id| format!("`{id}`"));
            match &d.location {
                Some(l) => format!("{id} (Zeile {})", l.line),
                None => id,
            }
        })
        .collect();
    let more = open.len() - named.len();
    let list = if more == 0 { named.join(", ") } else { format!("{} und {more} weitere", named.join(", ")) };
    let mut merged = open[0].clone();
    merged.message = format!("{} Positionen ohne Preis: {list}. Kosten noch offen, der Plan ist noch nicht antragsreif.", open.len());
    let mut out = Vec::with_capacity(diags.len() - open.len() + 1);
    let mut placed = false;
    for d in diags {
        if !ist_kosten_offen(d) {
            out.push(d.clone());
        } else if !placed {
            out.push(merged.clone());
            placed = true;
        }
    }
    out
}

/// Whether `d` is a `DP-KOSTEN-OFFEN` finding.
#[must_use]
pub fn ist_kosten_offen(d: &Diagnostic) -> bool {
    d.code.code == DP_KOSTEN_OFFEN.code
}

/// The item index of a path `bedarf[3]`.
fn item_index(path: &str) -> Option<usize> {
    path.strip_prefix("bedarf[")?.strip_suffix(']')?.parse().ok()
}
