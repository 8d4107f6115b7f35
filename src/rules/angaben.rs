//! Facts written as `unbekannt`, plans without goals and measures, and investive
//! Begleitmaßnahmen that need a network measure.

use super::{Context, Entry, Findings, Rule};
use crate::diag::Severity::{Fehler, Warnung};
use crate::model::Kategorie;
use crate::sources::SH_FAQ_BEGLEIT;

pub(super) static RULES: &[Entry] = &[
    (&PLAN_UNBEKANNT, Some(unknown_facts)),
    (&PLAN_OHNE_KONZEPT, Some(no_concept)),
    (&PLAN_ZIELE_OHNE_UMSETZUNG, Some(goals_only)),
    (&DP_BEGLEITMASSNAHME, Some(accompanying)),
];

/// `PLAN-OHNE-KONZEPT`: Plan ohne Ziele und ohne Maßnahmen
pub static PLAN_OHNE_KONZEPT: Rule = Rule {
    code: "PLAN-OHNE-KONZEPT",
    title: "Plan ohne Ziele und ohne Maßnahmen",
    severity: Fehler,
    explanation: "Ein Medienentwicklungsplan beschreibt, wohin die Schule will (`ziele`) und wie sie dorthin kommt (`massnahmen`). \
Ein Plan ohne beides ist eine leere Vorlage, in keinem Förderprogramm ein Medienentwicklungsplan; `mep render` erzeugt ihn nur als \
Entwurf (`--entwurf`). Das gilt auch für eine frische Vorlage aus `mep init`. Tragen Sie mindestens ein Ziel und eine Maßnahme ein.",
    bad: "ziele: []\nmassnahmen: []\n",
    good: "ziele:\n  - { id: Z1, dimension: unterricht, beschreibung: Alle Klassen arbeiten mit digitalen Medien. }\nmassnahmen:\n  - { id: M1, titel: WLAN ausbauen, ziele: [Z1], verantwortlich: Schulträger, beginn: 2027-01-01, ende: 2027-06-30 }\n",
    sources: &[],
};

/// `PLAN-ZIELE-OHNE-UMSETZUNG`: Ziele ohne Bedarf und ohne Maßnahmen
pub static PLAN_ZIELE_OHNE_UMSETZUNG: Rule = Rule {
    code: "PLAN-ZIELE-OHNE-UMSETZUNG",
    title: "Ziele ohne Bedarf und ohne Maßnahmen",
    severity: Warnung,
    explanation: "Der Plan nennt Ziele, aber weder einen Ausstattungsbedarf (`bedarf`) noch Maßnahmen (`massnahmen`), die zu ihnen führen. \
Ergänzen Sie, was die Schule tun will, um die Ziele zu erreichen.",
    bad: "ziele:\n  - { id: Z1, dimension: unterricht, beschreibung: Alle Klassen arbeiten mit digitalen Medien. }\nbedarf: []\nmassnahmen: []\n",
    good: "ziele:\n  - { id: Z1, dimension: unterricht, beschreibung: Alle Klassen arbeiten mit digitalen Medien. }\nmassnahmen:\n  - { id: M1, titel: WLAN ausbauen, ziele: [Z1], verantwortlich: Schulträger, beginn: 2027-01-01, ende: 2027-06-30 }\n",
    sources: &[],
};

/// `PLAN-UNBEKANNT`: Angabe ist als unbekannt markiert
pub static PLAN_UNBEKANNT: Rule = Rule {
    code: "PLAN-UNBEKANNT",
    title: "Angabe ist als unbekannt markiert",
    severity: Warnung,
    explanation: "Zahlen, die die Schule noch nicht kennt (Schülerzahl eines künftigen Schuljahrs, Räume nach einem Umbau, \
Bandbreite vor der Zusage des Anbieters), dürfen als `unbekannt` eingetragen werden, statt einen Wert zu erfinden. \
Das Dokument druckt dann „nicht bekannt“, nie 0, und Kennzahlen, die auf der Angabe beruhen, entfallen. \
Tragen Sie die Zahl nach, sobald sie bekannt ist; für einen Förderantrag sollte sie bekannt sein.",
    bad: "schule:\n  name: Grundschule Teichdorf\n  schulnummer: \"123456\"\n  schulform: grundschule\n  schueler: unbekannt\n  lehrkraefte: 14\n",
    good: "schule:\n  name: Grundschule Teichdorf\n  schulnummer: \"123456\"\n  schulform: grundschule\n  schueler: 210\n  lehrkraefte: 14\n",
    sources: &[],
};

/// `DP-BEGLEITMASSNAHME`: Investive Begleitmaßnahme ohne Vernetzung oder WLAN
pub static DP_BEGLEITMASSNAHME: Rule = Rule {
    code: "DP-BEGLEITMASSNAHME",
    title: "Investive Begleitmaßnahme ohne Vernetzung oder WLAN",
    severity: Warnung,
    explanation: "Nur für Schleswig-Holstein im DigitalPakt 2019–2024 belegt (FAQ des Landes): Elektroarbeiten und bauliche Maßnahmen \
sind dort nur als investive Begleitmaßnahme förderfähig, in unmittelbarem und notwendigem Zusammenhang mit einer geförderten Maßnahme, \
etwa der Vernetzung oder dem WLAN; mep prüft die Regel deshalb nur dort. Enthält der Bedarf Positionen der Kategorie `begleitmassnahmen`, \
aber keine Position der Kategorien `vernetzung` oder `wlan`, fehlt dieser Zusammenhang im Plan. Nennen Sie die Netzmaßnahme, der die \
Arbeiten dienen, oder finanzieren Sie die Arbeiten aus anderen Mitteln.",
    bad: "land: SH\nprogramm: digitalpakt-2019\nbedarf:\n  - { id: B1, bezeichnung: Elektroinstallation für Displays, kategorie: begleitmassnahmen, geraetetyp: elektroinstallation, anzahl: 1, einzelpreis_eur: 8000, jahr: 2027 }\n",
    good: "land: SH\nprogramm: digitalpakt-2019\nbedarf:\n  - { id: B1, bezeichnung: Strukturierte Verkabelung, kategorie: vernetzung, geraetetyp: verkabelung, anzahl: 1, einzelpreis_eur: 40000, jahr: 2027 }\n  - { id: B2, bezeichnung: Elektroinstallation für Netzwerkschränke, kategorie: begleitmassnahmen, geraetetyp: elektroinstallation, anzahl: 1, einzelpreis_eur: 8000, jahr: 2027 }\n",
    sources: &[SH_FAQ_BEGLEIT],
};

fn unknown_facts(ctx: &Context<'_>, f: &mut Findings) {
    for (path, name) in ctx.plan.unbekannte_angaben() {
        f.at(path, format!("{name}: als unbekannt eingetragen; das Dokument druckt „nicht bekannt“."))
            .with_help("Tragen Sie die Zahl nach, sobald sie bekannt ist.");
    }
}

fn no_concept(ctx: &Context<'_>, f: &mut Findings) {
    let p = ctx.plan;
    if p.goals.is_empty() && p.measures.is_empty() {
        f.at("ziele", "Der Plan enthält weder Ziele noch Maßnahmen; er ist noch kein Medienentwicklungsplan.")
            .with_help("Tragen Sie unter `ziele` mindestens ein Ziel und unter `massnahmen` die Schritte dorthin ein.");
    }
}

fn goals_only(ctx: &Context<'_>, f: &mut Findings) {
    let p = ctx.plan;
    if !p.goals.is_empty() && p.needs.is_empty() && p.measures.is_empty() {
        f.at("ziele", "Der Plan nennt Ziele, aber keinen Bedarf und keine Maßnahmen, die zu ihnen führen.")
            .with_help("Ergänzen Sie `massnahmen` (und, wo Ausstattung nötig ist, `bedarf`).");
    }
}

fn accompanying(ctx: &Context<'_>, f: &mut Findings) {
    let p = ctx.plan;
    if p.needs.iter().any(|b| matches!(b.category, Kategorie::Vernetzung | Kategorie::Wlan)) {
        return;
    }
    // A funding rule: accompanying works paid from other money are the Schulträger's affair.
    for (i, b) in p.needs.iter().enumerate().filter(|(_, b)| b.category == Kategorie::Begleitmassnahmen && b.digitalpakt()) {
        f.at(
            format!("bedarf[{i}].kategorie"),
            format!("„{}“ ist eine investive Begleitmaßnahme, der Plan enthält aber keine Vernetzung und kein WLAN.", b.name),
        )
        .with_help("Ergänzen Sie die Netzmaßnahme (Kategorie `vernetzung` oder `wlan`), der die Arbeiten dienen.");
    }
}
