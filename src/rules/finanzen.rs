//! Money and dates: the financing adds up, the Eigenanteil reaches the Land
//! minimum, the grant fits the Schulträger's budget, measures lie in the
//! programme window.

use super::foerder::eur;
use super::{Context, Entry, Findings, Rule};
use crate::diag::Severity::{self, Fehler, Hinweis};
use crate::sources::{BY_DBIR_BUDGET, DBIR_4, DETMOLD, HESSEN, HIB_2024, KOELN, NRW_RL, SH_PM, SH_RL, VV_2019};

pub(super) static RULES: &[Entry] = &[
    (&DP_FINANZIERUNG_SUMME, Some(sums)),
    (&DP_EIGENANTEIL, Some(own_share)),
    (&DP_BUDGET, Some(budget)),
    (&DP_FOERDERZEITRAUM, Some(programme_window)),
    (&DP_ANTRAGSFRIST, Some(deadline)),
];

/// `DP-FINANZIERUNG-SUMME`: Finanzierung deckt den Bedarf nicht auf den Cent
pub static DP_FINANZIERUNG_SUMME: Rule = Rule {
    code: "DP-FINANZIERUNG-SUMME",
    title: "Finanzierung deckt den Bedarf nicht auf den Cent",
    severity: Fehler,
    explanation: "Der Finanzierungsplan muss den Bedarf genau decken: beantragte Fördermittel + Eigenanteil + sonstige Mittel \
= Summe aller Bedarfspositionen, die der DigitalPakt bezahlt (Anzahl × Einzelpreis; Positionen ohne `finanzierung` oder mit \
`finanzierung: digitalpakt`), auf den Cent. Positionen aus anderen Mitteln (`finanzierung: schultraeger` usw.) zählen nicht mit. \
Eine Differenz zeigt einen Rechen- oder Übertragungsfehler, den die Bewilligungsstelle zurückweist. Solange DigitalPakt-Positionen \
keinen Preis haben, ist der Bedarf nicht bekannt; dann meldet die Regel nur eine Finanzierung, die schon unter den bekannten Kosten \
liegt. Fehlt `finanzierung` ganz, obwohl Bedarf geplant ist, meldet die Regel das einmal.",
    bad: "finanzierung:\n  beantragt_eur: 22500\n  eigenanteil_eur: 2000\n  sonstige_mittel_eur: 0\n",
    good: "finanzierung:\n  beantragt_eur: 22500\n  eigenanteil_eur: 2500\n  sonstige_mittel_eur: 0\n",
    sources: &[],
};

/// `DP-EIGENANTEIL`: Eigenanteil unter dem Mindestanteil des Landes
pub static DP_EIGENANTEIL: Rule = Rule {
    code: "DP-EIGENANTEIL",
    title: "Eigenanteil unter dem Mindestanteil des Landes",
    severity: Fehler,
    explanation: "Im DigitalPakt 2019–2024 trägt der Bund höchstens 90 %, Länder und Kommunen mindestens 10 % (Verwaltungsvereinbarung). \
Manche Länder verlangen mehr: Schleswig-Holstein 15 % vom Schulträger (entfällt für finanzschwache Kommunen, `schultraeger.finanzschwach: true`); \
Hessen 25 % von Land und Schulträger zusammen – mep vergleicht dort die Summe aus Eigenanteil und sonstigen Mitteln (mit den Landesmitteln) \
und meldet höchstens eine Warnung, weil Landesmittel auch in den beantragten Mitteln stecken können; Thüringen fördert bis zu 100 %. \
mep rechnet Eigenanteil und sonstige Mittel zusammen und vergleicht sie mit dem Mindestanteil des Profils an der Bedarfssumme. \
Für den DigitalPakt 2.0 ist kein Mindestanteil je Plan bekannt: die 10 bis 30 % der Bundestagsmeldung sind der Anteil der Länder am Programm; \
dort prüft die Regel nichts, solange kein Profil einen Wert nennt. Erhöhen Sie den Eigenanteil und senken Sie die beantragten Mittel entsprechend.",
    bad: "programm: digitalpakt-2019\nfinanzierung:\n  beantragt_eur: 24000\n  eigenanteil_eur: 1000\n  sonstige_mittel_eur: 0\n",
    good: "programm: digitalpakt-2019\nfinanzierung:\n  beantragt_eur: 22500\n  eigenanteil_eur: 2500\n  sonstige_mittel_eur: 0\n",
    sources: &[VV_2019, DETMOLD, SH_PM, HESSEN],
};

/// `DP-BUDGET`: Beantragte Mittel über dem Budget des Schulträgers
pub static DP_BUDGET: Rule = Rule {
    code: "DP-BUDGET",
    title: "Beantragte Mittel über dem Budget des Schulträgers",
    severity: Fehler,
    explanation: "Länder verteilen ihre Mittel als Budget auf die Schulträger (belegt für Nordrhein-Westfalen nach Anlage 2 der Richtlinie \
und für Bayern als Höchstbetrag je Schulaufwandsträger). Die Regel vergleicht mit dem Budget, das der Plan selbst nennt: \
ist unter `schultraeger.budget_eur` das für diese Schule verfügbare Budget eingetragen, dürfen die beantragten Fördermittel es nicht übersteigen. \
Kürzen Sie den Bedarf, verschieben Sie Positionen in ein späteres Jahr oder klären Sie das Budget mit dem Schulträger.",
    bad: "schultraeger:\n  name: Gemeinde Teichdorf\n  budget_eur: 20000\n",
    good: "schultraeger:\n  name: Gemeinde Teichdorf\n  budget_eur: 60000\n",
    sources: &[NRW_RL, BY_DBIR_BUDGET],
};

/// `DP-FOERDERZEITRAUM`: Maßnahme außerhalb des Förderzeitraums
pub static DP_FOERDERZEITRAUM: Rule = Rule {
    code: "DP-FOERDERZEITRAUM",
    title: "Maßnahme außerhalb des Förderzeitraums",
    severity: Fehler,
    explanation: "Maßnahmen müssen im Förderzeitraum des Programms liegen. Im DigitalPakt 2019–2024 darf keine Maßnahme vor dem 17.05.2019 \
beginnen; laufende Vorhaben werden bis Ende 2025 finanziert, in Baden-Württemberg, Rheinland-Pfalz und Sachsen nur bis Ende 2024. \
Für den DigitalPakt 2.0 ist „1. Januar 2025 bis 2030“ nur aus der Presse bekannt; dort meldet die Regel höchstens eine Warnung. \
Geprüft werden Beginn und Ende der Maßnahmen und die Beschaffungsjahre des Bedarfs.",
    bad: "massnahmen:\n  - { id: M1, titel: WLAN-Ausbau, bedarf: [B1], verantwortlich: Schulträger, beginn: 2024-08-01, ende: 2024-12-20 }\n",
    good: "massnahmen:\n  - { id: M1, titel: WLAN-Ausbau, bedarf: [B1], verantwortlich: Schulträger, beginn: 2026-11-01, ende: 2027-03-31 }\n",
    sources: &[HIB_2024, DBIR_4],
};

/// `DP-ANTRAGSFRIST`: Antragsfrist des Landes abgelaufen
pub static DP_ANTRAGSFRIST: Rule = Rule {
    code: "DP-ANTRAGSFRIST",
    title: "Antragsfrist des Landes abgelaufen",
    severity: Hinweis,
    explanation: "Im DigitalPakt 2019–2024 sind die Antragsfristen aller Länder abgelaufen (2020 bis 2023). Ein Plan mit einem späteren Stand \
kann nur noch für Verwendungsnachweis und Zweckbindung dienen. Für neue Vorhaben wählen Sie `programm: digitalpakt-2`.",
    bad: "programm: digitalpakt-2019\nstand: 2026-10-15\n",
    good: "programm: digitalpakt-2\nstand: 2026-10-15\n",
    sources: &[SH_RL, KOELN],
};

fn sums(ctx: &Context<'_>, f: &mut Findings) {
    let need = ctx.figures.investment.digitalpakt;
    let Some(fin) = &ctx.figures.funding else {
        if need > 0 {
            f.at("", format!("Der Plan sieht Bedarf von {} vor, aber keinen Abschnitt `finanzierung`.", eur(need)))
                .with_help("Ergänzen Sie `finanzierung:` mit `beantragt_eur`, `eigenanteil_eur` und `sonstige_mittel_eur`.");
        }
        return;
    };
    if ctx.figures.investment.digitalpakt_open > 0 {
        // The DigitalPakt part is a lower bound: only a funding below it is certainly wrong.
        if fin.total < need {
            f.at(
                "finanzierung",
                format!(
                    "Beantragt + Eigenanteil + sonstige Mittel = {}, die DigitalPakt-Positionen mit Preis kosten schon {}; dazu kommen Positionen, deren Kosten noch offen sind.",
                    eur(fin.total),
                    eur(need)
                ),
            )
            .with_help("Erhöhen Sie die Finanzierung, sobald alle Preise feststehen; die Summe muss allen DigitalPakt-Positionen entsprechen.");
        }
        return;
    }
    if fin.difference != 0 {
        let diff = fin.difference;
        let (word, amount) = if diff > 0 { ("mehr", diff) } else { ("weniger", -diff) };
        f.at(
            "finanzierung",
            format!(
                "Beantragt + Eigenanteil + sonstige Mittel = {}, der Bedarf beträgt {} – {} {word} als der Bedarf.",
                eur(fin.total),
                eur(need),
                eur(amount)
            ),
        )
        .with_help("Gleichen Sie die Beträge an: die Summe der Finanzierung muss der Summe aller Bedarfspositionen entsprechen.");
    }
}

fn own_share(ctx: &Context<'_>, f: &mut Findings) {
    let p = ctx.plan;
    let Some(fin) = &ctx.figures.funding else { return };
    let need = ctx.figures.investment.digitalpakt;
    if need == 0 {
        return;
    }
    let own = fin.own_share.saturating_add(fin.other);
    let weak = p.provider.as_ref().is_some_and(|t| t.financially_weak);
    let reaches = |min: u32| own.saturating_mul(100) >= need.saturating_mul(i64::from(min));
    let required = |min: u32| (need.saturating_mul(i64::from(min)) + 99) / 100;
    let pct = |min: u32| crate::german::de_percent_whole(i64::from(min));
    if let Some(param) = ctx.profile.own_share_min(weak)
        && !reaches(param.wert)
    {
        let min = param.wert;
        let message = format!(
            "Eigenanteil und sonstige Mittel ({}) erreichen nicht den Mindestanteil von {} {} ({} von {}).",
            eur(own),
            pct(min),
            ctx.profile.where_from(param),
            eur(required(min)),
            if ctx.figures.investment.digitalpakt_open > 0 { format!("mindestens {}", eur(need)) } else { eur(need) }
        );
        let help = format!(
            "Erhöhen Sie den Eigenanteil um {} und senken Sie die beantragten Mittel um denselben Betrag.",
            eur(required(min) - own)
        );
        f.at_param("finanzierung.eigenanteil_eur", message, param).with_help(help);
    }
    // Where the Land's minimum covers Land and Schulträger together (Hessen), the plan shows the Land's
    // money only if it is listed under `sonstige_mittel_eur`; a shortfall may be Land money inside the grant.
    if let Some(param) = &ctx.profile.parameter.kofinanzierung_min_prozent
        && !reaches(param.wert)
    {
        let min = param.wert;
        let message = format!(
            "Land und Schulträger tragen {} zusammen mindestens {} ({} von {}); im Plan stehen als Eigenanteil und sonstige Mittel nur {}.",
            ctx.profile.where_from(param),
            pct(min),
            eur(required(min)),
            eur(need),
            eur(own)
        );
        let d = f.at_param("finanzierung.sonstige_mittel_eur", message, param);
        // The Land's share may be part of the requested grant, which the plan does not split: never more than a warning.
        if d.severity == Severity::Fehler {
            d.severity = Severity::Warnung;
        }
        d.with_help(
            "Weisen Sie die Landesmittel unter `sonstige_mittel_eur` aus (nicht in `beantragt_eur`) oder erhöhen Sie den Eigenanteil.",
        );
    }
}

fn budget(ctx: &Context<'_>, f: &mut Findings) {
    // The same figure the document's budget line shows.
    let Some(b) = &ctx.figures.budget else { return };
    if let (true, Some(requested), Some(rest)) = (b.overdrawn(), b.requested, b.remaining) {
        f.at(
            "finanzierung.beantragt_eur",
            format!(
                "Beantragt sind {}, das Budget des Schulträgers für diese Schule beträgt {} – Fehlbetrag {}.",
                eur(requested),
                eur(b.budget),
                eur(rest.saturating_neg())
            ),
        )
        .with_help("Kürzen Sie den Bedarf, verschieben Sie Positionen oder klären Sie `schultraeger.budget_eur` mit dem Schulträger.");
    }
}

fn programme_window(ctx: &Context<'_>, f: &mut Findings) {
    let Some(window) = &ctx.profile.parameter.foerderzeitraum else { return };
    let (von, bis) = (window.wert.von, window.wert.bis);
    let span = format!("{} bis {}", von.de(), bis.de());
    let programme = ctx.profile.programm.label();
    let p = ctx.plan;
    for (i, m) in p.measures.iter().enumerate() {
        if m.start < von {
            f.at_param(
                format!("massnahmen[{i}].beginn"),
                format!("Die Maßnahme `{}` beginnt ({}) vor dem Förderzeitraum {programme}, {span}.", m.id, m.start.de()),
                window,
            )
            .with_help("Maßnahmen, die vor dem Förderzeitraum begonnen haben, sind nicht förderfähig.");
        }
        if m.end > bis {
            f.at_param(
                format!("massnahmen[{i}].ende"),
                format!("Die Maßnahme `{}` endet ({}) nach dem Förderzeitraum {programme}, {span}.", m.id, m.end.de()),
                window,
            )
            .with_help("Planen Sie den Abschluss innerhalb des Förderzeitraums.");
        }
    }
    for (i, b) in p.needs.iter().enumerate().filter(|(_, b)| b.digitalpakt()) {
        let Some(year) = b.year.bekannt() else { continue };
        if year < von.jahr || year > bis.jahr {
            f.at_param(
                format!("bedarf[{i}].jahr"),
                format!("Das Beschaffungsjahr {year} von `{}` liegt außerhalb des Förderzeitraums {programme}, {span}.", b.id),
                window,
            );
        }
    }
}

fn deadline(ctx: &Context<'_>, f: &mut Findings) {
    let Some(frist) = &ctx.profile.parameter.antragsfrist else { return };
    let p = ctx.plan;
    // A month counts from its first day, so that only a plan certainly after the deadline is reported.
    let Some(stand) = p.as_of.bekannt() else { return };
    if stand.erster_tag() > frist.wert {
        f.at_param(
            "stand",
            format!(
                "Die Antragsfrist für {} {} endete am {}; der Plan hat den Stand {}.",
                ctx.profile.programm.label(),
                ctx.profile.where_from(frist),
                frist.wert.de(),
                stand.de()
            ),
            frist,
        )
        .with_help("Für neue Vorhaben gilt der DigitalPakt 2.0: `programm: digitalpakt-2`.");
    }
}
