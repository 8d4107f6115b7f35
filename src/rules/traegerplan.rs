//! Checks of the Schulträger's own plan: the binding Betrieb/Support concept of the
//! Antragsteller (`mep uebersicht --traeger`, `mep traegerplan`) and the plausibility
//! findings of `mep traegerplan` (a school below the standard with nothing planned,
//! running costs without money, a year whose costs exceed its money).
//!
//! The Betrieb check runs on the Träger file alone ([`check_betrieb`]); the plausibility
//! findings are computed by the figures stage (`crate::figures::traeger`) from the same
//! numbers the document prints. None of them has a per-plan check (`check: None`).

use super::{CrossFinding, Entry, Findings, Rule, Target};
use crate::diag::Severity::{Fehler, Hinweis, Warnung};
use crate::figures::traeger::{Kosten, TraegerFigures};
use crate::german::de_eur;
use crate::model::{Angabe, Supportebene, Traeger};
use crate::profile::Profile;
use crate::sources::{BREMEN, DPS_TRAEGER, VV_2019};

pub(super) static RULES: &[Entry] = &[
    (&TRAEGER_BETRIEB_FEHLT, None),
    (&TRAEGER_BETRIEB_UNVOLLSTAENDIG, None),
    (&TRAEGER_STANDARD_LUECKE, None),
    (&TRAEGER_BETRIEBSKOSTEN_OHNE_MITTEL, None),
    (&TRAEGER_JAHR_UEBER_MITTEL, None),
];

/// `TRAEGER-BETRIEB-FEHLT`: Betriebs- und Supportkonzept des Schulträgers fehlt
pub static TRAEGER_BETRIEB_FEHLT: Rule = Rule {
    code: "TRAEGER-BETRIEB-FEHLT",
    title: "Betriebs- und Supportkonzept des Schulträgers fehlt",
    severity: Fehler,
    explanation: "Antragsteller im DigitalPakt ist der Schulträger. Die Länder prüfen bei ihm, dass Betrieb, Wartung und IT-Support \
der geförderten Ausstattung sichergestellt sind (digitalpaktschule.de, Seite für Schulträger; Verwaltungsvereinbarung 2019, § 6 Abs. 3). \
Dieses Konzept gehört deshalb in die Schulträger-Datei, nicht in den Plan jeder Schule: Abschnitt `betrieb` mit Bezeichnung, Datum, \
Unterschrift und dem Supportmodell. Fehlt der Abschnitt oder steht dort `unbekannt`, meldet `mep uebersicht --traeger` einen Fehler beim Schulträger.",
    bad: "# traeger.yaml ohne Abschnitt betrieb\nformat: 1\nname: Stadt Musterstadt\nland: NI\nprogramm: digitalpakt-2\nbudget_eur: 400000\n",
    good: "# traeger.yaml\nbetrieb:\n  konzept: IT-Betriebs- und Supportkonzept der Schulen\n  datum: 2026-05-12\n  unterzeichnet_von: M. Muster, Bürgermeisterin\n  support:\n    - { ebene: first_level, wer: Medienbeauftragte der Schulen, erbracht_durch: schule }\n    - { ebene: second_level, wer: IT-Abteilung der Stadt, erbracht_durch: eigenes_personal, reaktionszeit_stunden: 24 }\n",
    sources: &[DPS_TRAEGER, VV_2019],
};

/// `TRAEGER-BETRIEB-UNVOLLSTAENDIG`: Betriebs- und Supportkonzept des Schulträgers unvollständig
pub static TRAEGER_BETRIEB_UNVOLLSTAENDIG: Rule = Rule {
    code: "TRAEGER-BETRIEB-UNVOLLSTAENDIG",
    title: "Betriebs- und Supportkonzept des Schulträgers unvollständig",
    severity: Fehler,
    explanation: "Ein Konzept, das die Länder beim Antragsteller prüfen können, nennt sich selbst (Bezeichnung oder Aktenzeichen), \
ist datiert und unterzeichnet und beschreibt das Supportmodell: wer den First-Level-Support in der Schule und wer den Second-Level-Support \
beim Schulträger oder einem Dienstleister leistet, ob mit eigenem Personal oder per Vertrag. In Bremen ist diese Bestätigung die „Anlage C“ \
des Antrags. Die Regel meldet jede fehlende Angabe einzeln; eine Reaktionszeit ist empfohlen, aber nicht verlangt.",
    bad: "betrieb:\n  konzept: IT-Supportkonzept\n  datum: unbekannt\n  support:\n    - { ebene: first_level, wer: Medienbeauftragte, erbracht_durch: schule }\n",
    good: "betrieb:\n  konzept: IT-Supportkonzept\n  datum: 2026-05-12\n  unterzeichnet_von: M. Muster, Bürgermeisterin\n  support:\n    - { ebene: first_level, wer: Medienbeauftragte, erbracht_durch: schule }\n    - { ebene: second_level, wer: IT-Abteilung der Stadt, erbracht_durch: eigenes_personal }\n",
    sources: &[DPS_TRAEGER, VV_2019, BREMEN],
};

/// `TRAEGER-STANDARD-LUECKE`: Schule unter dem Ausstattungsstandard, nichts geplant (Plausibilität)
pub static TRAEGER_STANDARD_LUECKE: Rule = Rule {
    code: "TRAEGER-STANDARD-LUECKE",
    title: "Schule unter dem Ausstattungsstandard, nichts geplant (Plausibilität)",
    severity: Hinweis,
    explanation: "Plausibilitätsprüfung ohne Förderregel: Der Schulträger setzt in `ausstattungsstandards` einen Ausstattungsschlüssel je \
Schulform. Liegt eine Schule mit Bestand und Plan unter diesem Standard, und ihr Plan sieht für den Gerätetyp nichts vor, bleibt die Lücke \
über die Laufzeit offen. `mep traegerplan` nennt Schule, Gerätetyp und Lücke; sie ist ein Hinweis, denn der Standard ist eine Setzung \
des Schulträgers, keine Förderbedingung.",
    bad: "# Standard Grundschule: 1 Tablet je 4 Schüler – Schule mit 210 Schülern, 0 Tablets, keine Tablets im Bedarf\n",
    good: "# dieselbe Schule plant 53 Tablets (bedarf) oder der Standard wird angepasst\n",
    sources: &[],
};

/// `TRAEGER-BETRIEBSKOSTEN-OHNE-MITTEL`: Laufende Kosten ohne Mittel (Plausibilität)
pub static TRAEGER_BETRIEBSKOSTEN_OHNE_MITTEL: Rule = Rule {
    code: "TRAEGER-BETRIEBSKOSTEN-OHNE-MITTEL",
    title: "Laufende Kosten ohne Mittel (Plausibilität)",
    severity: Warnung,
    explanation: "Plausibilitätsprüfung ohne Förderregel: In einem Jahr der Laufzeit entstehen laufende Kosten (Folgekosten der Schulen, \
Betriebskosten und Ersatz nach den Kostenparametern), aber die Schulträger-Datei nennt unter `mittel` für dieses Jahr keine Mittel, \
die für den Betrieb verwendet werden können (Eigenmittel, Landesmittel oder Mittel mit `zweck: betrieb`). Betrieb und Support \
sichert der Schulträger zu; ohne Mittel bleibt offen, wie.",
    bad: "mittel:\n  - { jahr: 2027, quelle: digitalpakt, betrag_eur: 250000, zweck: investition }\n",
    good: "mittel:\n  - { jahr: 2027, quelle: digitalpakt, betrag_eur: 250000, zweck: investition }\n  - { jahr: 2027, quelle: eigenmittel, betrag_eur: 90000 }\n",
    sources: &[],
};

/// `TRAEGER-JAHR-UEBER-MITTEL`: Kosten eines Jahres über den Mitteln (Plausibilität)
pub static TRAEGER_JAHR_UEBER_MITTEL: Rule = Rule {
    code: "TRAEGER-JAHR-UEBER-MITTEL",
    title: "Kosten eines Jahres über den Mitteln (Plausibilität)",
    severity: Warnung,
    explanation: "Plausibilitätsprüfung ohne Förderregel: Die Kosten eines Haushaltsjahres (Investitionen der Schulen in diesem Jahr, \
laufende Kosten, Betriebskosten und Ersatz nach den Kostenparametern) übersteigen die Mittel, die `mittel` für dieses Jahr nennt. \
Gemeldet wird nur, wenn für das Jahr Mittel genannt und alle genannten Beträge bekannt sind; Kosten, die offen sind, machen die Summe zu \
einer Untergrenze, die Meldung sagt dann „mindestens“.",
    bad: "# 2027: Kosten 420.000 €, mittel 2027: 340.000 €\n",
    good: "# 2027: Kosten 320.000 €, mittel 2027: 340.000 €\n",
    sources: &[],
};

/// A collector for a rule with the severity the profile gives it.
pub(crate) fn findings(rule: &'static Rule, profile: &Profile) -> Option<Findings> {
    let severity = profile.severity(rule)?;
    Some(rule.findings(severity, profile.land))
}

/// `TRAEGER-BETRIEB-FEHLT` and `TRAEGER-BETRIEB-UNVOLLSTAENDIG` on the Träger file.
#[must_use]
pub fn check_betrieb(t: &Traeger, profile: &Profile) -> Vec<CrossFinding> {
    let mut out = Vec::new();
    let Some(b) = t.betrieb() else {
        if let Some(mut f) = findings(&TRAEGER_BETRIEB_FEHLT, profile) {
            let (path, what) = match t.operations {
                Some(_) => ("betrieb", "steht als `unbekannt`"),
                None => ("", "fehlt"),
            };
            f.at(path, format!("Das Betriebs-, Wartungs- und Supportkonzept des Schulträgers {} {what}.", t.name.trim()))
                .with_help("Ergänzen Sie in der Schulträger-Datei `betrieb:` mit `konzept`, `datum`, `unterzeichnet_von` und `support` (first_level, second_level).");
            push(&mut out, f);
        }
        return out;
    };
    let Some(mut f) = findings(&TRAEGER_BETRIEB_UNVOLLSTAENDIG, profile) else { return out };
    if b.reference.trim().is_empty() {
        f.at("betrieb.konzept", "Das Konzept hat keine Bezeichnung.").with_help("Nennen Sie Titel oder Aktenzeichen des Konzepts.");
    }
    if b.date.ist_unbekannt() {
        f.at("betrieb.datum", "Das Konzept ist nicht datiert.")
            .with_help("Tragen Sie das Datum des Konzepts ein (`2026-05-12` oder `2026-05`).");
    }
    if b.signatory.as_deref().is_none_or(|s| s.trim().is_empty()) {
        f.at("betrieb", "Es ist nicht angegeben, wer das Konzept für den Schulträger unterzeichnet hat.")
            .with_help("Ergänzen Sie `unterzeichnet_von: Name, Funktion`.");
    }
    for (level, key) in [(Supportebene::First, "first_level"), (Supportebene::Second, "second_level")] {
        let named = b.levels.iter().any(|l| l.level == level && !l.who.trim().is_empty());
        if !named {
            f.at("betrieb.support", format!("Das Supportmodell nennt keinen {}.", level.label())).with_help(format!(
                "Ergänzen Sie unter `support` eine Zeile `{{ ebene: {key}, wer: …, erbracht_durch: eigenes_personal | vertrag | schule }}`."
            ));
        }
    }
    for (i, l) in b.levels.iter().enumerate() {
        if matches!(l.by, Angabe::Unbekannt) {
            f.at(
                format!("betrieb.support[{i}].erbracht_durch"),
                format!("Beim {} ist offen, ob eigenes Personal oder ein Vertrag ihn trägt.", l.level.label()),
            )
            .with_help("Schreiben Sie `erbracht_durch: eigenes_personal`, `vertrag` oder `schule`.");
        }
    }
    push(&mut out, f);
    out
}

fn push(out: &mut Vec<CrossFinding>, f: Findings) {
    out.extend(f.into_diagnostics().into_iter().map(|diagnostic| CrossFinding { target: Target::Traeger, diagnostic }));
}

/// The plausibility findings of the Träger's plan, computed from its figures.
#[must_use]
pub fn plausibility(t: &Traeger, f: &TraegerFigures, profile: &Profile) -> Vec<CrossFinding> {
    let mut out = Vec::new();
    if let Some(mut found) = findings(&TRAEGER_STANDARD_LUECKE, profile) {
        standard_gaps(t, f, &mut found);
        push(&mut out, found);
    }
    if let Some(mut found) = findings(&TRAEGER_BETRIEBSKOSTEN_OHNE_MITTEL, profile) {
        operation_without_money(t, f, &mut found);
        push(&mut out, found);
    }
    if let Some(mut found) = findings(&TRAEGER_JAHR_UEBER_MITTEL, profile) {
        years_over_money(f, &mut found);
        push(&mut out, found);
    }
    out
}

fn standard_gaps(t: &Traeger, f: &TraegerFigures, found: &mut Findings) {
    for s in &f.schools {
        let Some(sf) = &s.figures else { continue };
        let index = t.standards().iter().position(|st| st.kind == sf.kind && st.track.is_none());
        for g in &sf.gaps {
            let (Some(gap), Some(0)) = (g.gap.exact(), g.planned.exact()) else { continue };
            if gap == 0 {
                continue;
            }
            let path = index.map_or_else(String::new, |i| format!("ausstattungsstandards[{i}]"));
            found
                .at(
                    path,
                    format!(
                        "Plausibilität: {} ({}) liegt beim Gerätetyp „{}“ um {} Geräte unter dem Standard und plant keine.",
                        s.name.trim(),
                        s.number,
                        g.kind.label(),
                        gap
                    ),
                )
                .with_help("Ergänzen Sie den Bedarf im Plan der Schule, oder passen Sie den Standard für diese Schulform an.");
        }
    }
}

fn operation_without_money(t: &Traeger, f: &TraegerFigures, found: &mut Findings) {
    let running = |i: usize| {
        let y = &f.total.years[i];
        y.operating.plus(y.replacement).plus_cents(y.running_items)
    };
    if t.money().is_empty() {
        let any = (0..f.total.years.len()).any(|i| running(i).cents > 0);
        if any {
            found
                .at("", "Plausibilität: Laufende Kosten und Ersatz fallen an, aber die Schulträger-Datei nennt keine Mittel (`mittel`).")
                .with_help("Tragen Sie unter `mittel` je Haushaltsjahr ein, aus welcher Quelle Betrieb und Ersatz bezahlt werden.");
        }
        return;
    }
    for (i, m) in f.money.iter().enumerate() {
        let cost = running(i);
        if cost.cents > 0 && m.for_operation.priced == 0 && m.for_operation.open == 0 {
            found
                .at(
                    "mittel",
                    format!(
                        "Plausibilität: {} fallen {} an laufenden Kosten und Ersatz an, aber für den Betrieb sind keine Mittel genannt.",
                        m.year,
                        at_least(cost)
                    ),
                )
                .with_help(format!("Ergänzen Sie unter `mittel` Eigenmittel oder Mittel mit `zweck: betrieb` für {}.", m.year));
        }
    }
}

fn years_over_money(f: &TraegerFigures, found: &mut Findings) {
    for (m, y) in f.money.iter().zip(&f.total.years) {
        if !m.named || m.total.open > 0 || y.total.cents <= m.total.cents {
            continue;
        }
        found
            .at(
                "mittel",
                format!(
                    "Plausibilität: {} kosten die Pläne {}, genannt sind Mittel von {} ({} zu wenig).",
                    m.year,
                    at_least(y.total),
                    de_eur(m.total.cents),
                    de_eur(y.total.cents - m.total.cents)
                ),
            )
            .with_help("Verschieben Sie Maßnahmen in ein anderes Jahr oder erhöhen Sie die Mittel dieses Jahres.");
    }
}

fn at_least(k: Kosten) -> String {
    if k.open > 0 { format!("mindestens {}", de_eur(k.cents)) } else { de_eur(k.cents) }
}
