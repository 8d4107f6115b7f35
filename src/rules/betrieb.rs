//! Operation, maintenance and support: who runs the equipment, and what it costs.

use super::{Context, Entry, Findings, Rule};
use crate::diag::Severity::Warnung;
use crate::model::Kategorie;
use crate::sources::{BREMEN, BY_JUGENDSCHUTZ, DBIR_4, DPS_TRAEGER, GG_104C, SN_DP2, ST_LEITLINIEN, VV_2019};

pub(super) static RULES: &[Entry] = &[
    (&DP_BETRIEB_SUPPORT, Some(support_levels)),
    (&DP_BETRIEB_BESTAETIGUNG, Some(confirmation)),
    (&DP_FOLGEKOSTEN, Some(running_costs_stated)),
    (&DP_ZWECKBINDUNG, Some(earmarking)),
    (&DP_JUGENDSCHUTZ, Some(youth_protection)),
];

/// `DP-BETRIEB-SUPPORT`: First- oder Second-Level-Support nicht benannt
pub static DP_BETRIEB_SUPPORT: Rule = Rule {
    code: "DP-BETRIEB-SUPPORT",
    title: "First- oder Second-Level-Support nicht benannt",
    severity: Warnung,
    explanation: "Betrieb, Wartung und IT-Support sicherzustellen ist Pflicht des Schulträgers, nicht der Schule: Die Länder prüfen, \
dass jeder Antragsteller (der Schulträger) ein Konzept für Betrieb, Support und Wartung hat (digitalpaktschule.de, Seite für Schulträger; \
Verwaltungsvereinbarung DigitalPakt Schule 2019, § 6 Abs. 3). Geprüft wird dieses Konzept deshalb in der Datei des Schulträgers \
(`mep uebersicht --traeger traeger.yaml`), nicht im Plan der Schule. Im Plan der Schule ist es eine Warnung: \
Er soll die zwei Ebenen nennen, damit Lehrkräfte wissen, an wen sie sich wenden – den First-Level-Support in der Schule \
(erste Anlaufstelle, einfache Störungen, Meldungen) und den Second-Level-Support beim Schulträger oder einem Dienstleister \
(Netz, Server, Geräte, Reparatur). Fehlt der Abschnitt `betrieb` ganz, meldet die Regel das einmal.",
    bad: "betrieb:\n  first_level: { verantwortlich: Medienbeauftragte der Schule, stunden_pro_woche: 2 }\n  bestaetigung_schultraeger: 2026-09-15\n  folgekosten_eur_pro_jahr: 3000\n",
    good: "betrieb:\n  first_level: { verantwortlich: Medienbeauftragte der Schule, stunden_pro_woche: 2 }\n  second_level: { verantwortlich: \"Gemeinde Teichdorf, IT\", reaktionszeit_stunden: 48 }\n  bestaetigung_schultraeger: 2026-09-15\n  folgekosten_eur_pro_jahr: 3000\n",
    sources: &[DPS_TRAEGER, VV_2019, BREMEN, ST_LEITLINIEN],
};

/// `DP-BETRIEB-BESTAETIGUNG`: Bestätigung des Schulträgers zu Betrieb und Support fehlt
pub static DP_BETRIEB_BESTAETIGUNG: Rule = Rule {
    code: "DP-BETRIEB-BESTAETIGUNG",
    title: "Bestätigung des Schulträgers zu Betrieb und Support fehlt",
    severity: Warnung,
    explanation: "Dass Wartung, Betrieb und IT-Support sichergestellt sind, bestätigt der Schulträger als Antragsteller \
(VV § 6 Abs. 3, in Bremen „Anlage C“); die Länder prüfen sein Konzept für Betrieb, Support und Wartung (digitalpaktschule.de, Seite für Schulträger). \
Geprüft wird das in der Datei des Schulträgers (`mep uebersicht --traeger traeger.yaml`); im Plan der Schule ist die fehlende Bestätigung eine Warnung. \
Tragen Sie das Datum der Bestätigung unter `betrieb.bestaetigung_schultraeger` ein, sobald der Schulträger sie gegeben hat.",
    bad: "betrieb:\n  first_level: { verantwortlich: Medienbeauftragte der Schule }\n  second_level: { verantwortlich: \"Gemeinde Teichdorf, IT\" }\n  folgekosten_eur_pro_jahr: 3000\n",
    good: "betrieb:\n  first_level: { verantwortlich: Medienbeauftragte der Schule }\n  second_level: { verantwortlich: \"Gemeinde Teichdorf, IT\" }\n  folgekosten_eur_pro_jahr: 3000\n  bestaetigung_schultraeger: 2026-09-15\n",
    sources: &[DPS_TRAEGER, VV_2019, BREMEN],
};

/// `DP-FOLGEKOSTEN`: Folgekosten nicht angegeben
pub static DP_FOLGEKOSTEN: Rule = Rule {
    code: "DP-FOLGEKOSTEN",
    title: "Folgekosten nicht angegeben",
    severity: Warnung,
    explanation: "Betrieb, Wartung, Ersatz und Lizenzen verursachen jedes Jahr Kosten. Im DigitalPakt Schule 2019 sind sie nicht förderfähig: \
Finanzhilfen nach Art. 104c GG gibt es nur für Investitionen, und der Schulträger sichert Wartung, Betrieb und IT-Support zu (VV § 6 Abs. 3). \
Ob Wartung und Support aus dem DigitalPakt 2.0 gefördert werden, regeln die noch ausstehenden Förderrichtlinien der Länder; angekündigt ist es. \
Ein Plan, der die Folgekosten nicht nennt, lässt offen, ob die Ausstattung nach der Beschaffung weiter betrieben werden kann. \
Tragen Sie die geschätzten jährlichen Kosten unter `betrieb.folgekosten_eur_pro_jahr` ein.",
    bad: "betrieb:\n  first_level: { verantwortlich: Medienbeauftragte der Schule }\n  second_level: { verantwortlich: \"Gemeinde Teichdorf, IT\" }\n  bestaetigung_schultraeger: 2026-09-15\n",
    good: "betrieb:\n  first_level: { verantwortlich: Medienbeauftragte der Schule }\n  second_level: { verantwortlich: \"Gemeinde Teichdorf, IT\" }\n  bestaetigung_schultraeger: 2026-09-15\n  folgekosten_eur_pro_jahr: 3000\n",
    sources: &[GG_104C, VV_2019, SN_DP2, ST_LEITLINIEN],
};

/// `DP-ZWECKBINDUNG`: Ersatz vor Ablauf der Zweckbindung geplant
pub static DP_ZWECKBINDUNG: Rule = Rule {
    code: "DP-ZWECKBINDUNG",
    title: "Ersatz vor Ablauf der Zweckbindung geplant",
    severity: Warnung,
    explanation: "Geförderte Ausstattung ist zweckgebunden: in der Regel fünf Jahre ab Inbetriebnahme, mobile Endgeräte drei Jahre, \
Vernetzung zehn Jahre (so die bayerische Richtlinie; andere Länder regeln es ähnlich). Ein Ersatzzyklus unter dieser Frist \
(`betrieb.ersatzzyklus_jahre`) plant den Ersatz, bevor die Zweckbindung endet; dann drohen Rückforderungen. \
Planen Sie den Ersatz nach Ablauf der Frist oder finanzieren Sie ihn aus eigenen Mitteln. \
Die Fristen stammen aus der bayerischen Richtlinie; mep prüft sie deshalb nur für Bayern im DigitalPakt 2019–2024.",
    bad: "land: BY\nprogramm: digitalpakt-2019\nbetrieb:\n  first_level: { verantwortlich: Medienbeauftragte der Schule }\n  second_level: { verantwortlich: \"Gemeinde Teichdorf, IT\" }\n  bestaetigung_schultraeger: 2026-09-15\n  folgekosten_eur_pro_jahr: 3000\n  ersatzzyklus_jahre: 4\n",
    good: "land: BY\nprogramm: digitalpakt-2019\nbetrieb:\n  first_level: { verantwortlich: Medienbeauftragte der Schule }\n  second_level: { verantwortlich: \"Gemeinde Teichdorf, IT\" }\n  bestaetigung_schultraeger: 2026-09-15\n  folgekosten_eur_pro_jahr: 3000\n  ersatzzyklus_jahre: 6\n",
    sources: &[DBIR_4],
};

/// `DP-JUGENDSCHUTZ`: Kein Jugendschutzfilter
pub static DP_JUGENDSCHUTZ: Rule = Rule {
    code: "DP-JUGENDSCHUTZ",
    title: "Kein Jugendschutzfilter",
    severity: Warnung,
    explanation: "Schulen müssen Schülerinnen und Schüler vor jugendgefährdenden Inhalten im Internet schützen – durch technische \
Vorkehrungen und durch Aufsicht. Steht `betrieb.jugendschutzfilter: false` oder fehlt die Angabe, sollen Prüfende nachfragen. \
Beschreiben Sie den Filter und die Regeln zur Aufsicht. Die Quelle ist eine bayerische Bekanntmachung; mep prüft die Regel deshalb nur für Bayern.",
    bad: "land: BY\nprogramm: digitalpakt-2019\nbetrieb:\n  first_level: { verantwortlich: Medienbeauftragte der Schule }\n  second_level: { verantwortlich: \"Gemeinde Teichdorf, IT\" }\n  bestaetigung_schultraeger: 2026-09-15\n  folgekosten_eur_pro_jahr: 3000\n  jugendschutzfilter: false\n",
    good: "land: BY\nprogramm: digitalpakt-2019\nbetrieb:\n  first_level: { verantwortlich: Medienbeauftragte der Schule }\n  second_level: { verantwortlich: \"Gemeinde Teichdorf, IT\" }\n  bestaetigung_schultraeger: 2026-09-15\n  folgekosten_eur_pro_jahr: 3000\n  jugendschutzfilter: true\n",
    sources: &[BY_JUGENDSCHUTZ],
};

fn earmarking(ctx: &Context<'_>, f: &mut Findings) {
    let p = ctx.plan;
    let Some(years) = p.operations.as_ref().and_then(|b| b.replacement_years) else { return };
    // The earmarking binds what the DigitalPakt pays for.
    let dp = || p.needs.iter().filter(|b| b.digitalpakt());
    let has_mobile = dp().any(|b| b.category == Kategorie::MobileEndgeraete);
    let has_other = dp().any(|b| !matches!(b.category, Kategorie::MobileEndgeraete | Kategorie::Vernetzung | Kategorie::Wlan));
    let limit = if has_other {
        5
    } else if has_mobile {
        3
    } else {
        return;
    };
    if years < limit {
        let what = if has_other { "geförderte Geräte" } else { "mobile Endgeräte" };
        f.at(
            "betrieb.ersatzzyklus_jahre",
            format!("Ein Ersatzzyklus von {years} Jahren liegt unter der Zweckbindung von {limit} Jahren für {what}."),
        )
        .with_help(format!("Planen Sie den Ersatz frühestens nach {limit} Jahren oder aus eigenen Mitteln."));
    }
}

fn youth_protection(ctx: &Context<'_>, f: &mut Findings) {
    if let Some(b) = &ctx.plan.operations
        && b.youth_filter != Some(true)
    {
        let path = if b.youth_filter.is_some() { "betrieb.jugendschutzfilter" } else { "betrieb" };
        f.at(path, "Ein Jugendschutzfilter ist laut Plan nicht eingerichtet.").with_help(
            "Beschreiben Sie den Filter und die Aufsicht und schreiben Sie `jugendschutzfilter: true`, sobald er eingerichtet ist.",
        );
    }
}

/// The help every operation finding ends with: the concept is the Schulträger's, checked in its file.
const TRAEGER_HILFE: &str = "Das Konzept für Betrieb, Support und Wartung ist Sache des Schulträgers als Antragsteller; \
geprüft wird es in seiner Datei (`mep uebersicht --traeger traeger.yaml`).";

fn support_levels(ctx: &Context<'_>, f: &mut Findings) {
    let Some(b) = &ctx.plan.operations else {
        f.at("", "Der Plan hat keinen Abschnitt `betrieb`: Wer in der Schule und beim Schulträger Support leistet, ist nicht beschrieben.")
            .with_help(format!(
                "Ergänzen Sie `betrieb:` mit `first_level`, `second_level` und `bestaetigung_schultraeger`. {TRAEGER_HILFE}"
            ));
        return;
    };
    if b.first_level.as_ref().is_none_or(|l| l.responsible.trim().is_empty()) {
        f.at("betrieb", "Der First-Level-Support in der Schule ist nicht benannt.").with_help(format!(
            "Ergänzen Sie `first_level: {{ verantwortlich: … }}`, z. B. die Medienbeauftragten der Schule. {TRAEGER_HILFE}"
        ));
    }
    if b.second_level.as_ref().is_none_or(|l| l.responsible.trim().is_empty()) {
        f.at("betrieb", "Der Second-Level-Support beim Schulträger oder Dienstleister ist nicht benannt.").with_help(format!(
            "Ergänzen Sie `second_level: {{ verantwortlich: … }}`, z. B. die IT-Abteilung des Schulträgers. {TRAEGER_HILFE}"
        ));
    }
}

fn confirmation(ctx: &Context<'_>, f: &mut Findings) {
    if let Some(b) = &ctx.plan.operations
        && b.provider_confirmation.is_none()
    {
        f.at("betrieb", "Die Bestätigung des Schulträgers zu Wartung, Betrieb und Support ist nicht datiert.").with_help(format!(
            "Tragen Sie das Datum unter `bestaetigung_schultraeger` ein, sobald der Schulträger bestätigt hat. {TRAEGER_HILFE}"
        ));
    }
}

fn running_costs_stated(ctx: &Context<'_>, f: &mut Findings) {
    if let Some(b) = &ctx.plan.operations
        && b.running_costs.is_none()
    {
        f.at("betrieb", "Die jährlichen Folgekosten sind nicht angegeben.")
            .with_help("Tragen Sie eine Schätzung unter `folgekosten_eur_pro_jahr` ein.");
    }
}
