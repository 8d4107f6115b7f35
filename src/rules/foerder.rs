//! What may be funded: Fördergegenstände, exclusions, mobile-device limits,
//! preconditions of devices (network, Einsatzszenario, justification).

use super::{Context, Findings, Quelle, Rule, Verlaesslichkeit::Amtlich, Verlaesslichkeit::Sekundaer};
use crate::diag::Severity::{Fehler, Hinweis};
use crate::model::{Bedarf, Euro, Geraetetyp, Kategorie, Kostenart, Nutzung};
use crate::profile::CapMode;

/// VV § 3 Abs. 1 Nr. 1–6 as mirrored 1:1 in the Bavarian dBIR Nr. 2.
pub(super) const DBIR: Quelle = Quelle {
    titel: "Richtlinie digitale Bildungsinfrastruktur (dBIR) Bayern, Nr. 2 – Fördergegenstände nach § 3 VV",
    url: "https://www.gesetze-bayern.de/Content/Document/BayVV_2230_1_1_1_2_4_K_12476-1",
    verlaesslichkeit: Amtlich,
};
const SH_FAQ_GERAETE: Quelle = Quelle {
    titel: "FAQ DigitalPakt Schleswig-Holstein: Obergrenzen mobiler Endgeräte (VV § 3 Abs. 1 Nr. 6 c)",
    url: "https://dpaktfaq.schleswig-holstein.de/?keyword=32&subView=portalFAQ&view=portal",
    verlaesslichkeit: Amtlich,
};
const MV_FAQ: Quelle = Quelle {
    titel: "FAQ DigitalPakt Mecklenburg-Vorpommern",
    url: "https://www.bildung-mv.de/schule-digital/digitalpakt-schule/faq/index.html?p1=l2",
    verlaesslichkeit: Amtlich,
};
const SH_ADMINFAQ: Quelle = Quelle {
    titel: "FAQ Schleswig-Holstein: nur Investitionen und unmittelbar verbundene, befristete Ausgaben (Art. 104c GG)",
    url: "https://adminfaq.schleswig-holstein.de/?questionID=4&subView=question&view=portal",
    verlaesslichkeit: Amtlich,
};
const BB_RL: Quelle = Quelle {
    titel: "Förderrichtlinie Brandenburg, Bedingungen für mobile Endgeräte (Wiedergabe)",
    url: "https://www.smarttech.com/de-DE/digital-pakt/brandenburg",
    verlaesslichkeit: Sekundaer,
};
pub(super) const BREMEN: Quelle = Quelle {
    titel: "Bremen: Förderung für digitale Bildungsinfrastruktur beantragen (Anlagen A–C, tabellarische Einsatzkonzepte)",
    url: "https://www.service.bremen.de/foerderung-fuer-digitale-bildungsinfrastruktur-an-schulen-beantragen-185297",
    verlaesslichkeit: Amtlich,
};
const NRW_TPEK: Quelle = Quelle {
    titel: "Medienzentrum Coesfeld: ohne technisch-pädagogisches Einsatzkonzept keine Förderung",
    url: "https://gl-plus.medienzentrum-coe.de/2020/02/14/digitalpakt",
    verlaesslichkeit: Sekundaer,
};

/// An item that needs a pedagogical reason: everything except the network itself.
fn is_device(b: &Bedarf) -> bool {
    !matches!(b.category, Kategorie::Vernetzung | Kategorie::Wlan)
}

/// Mobile end devices: by category or by device type.
fn is_mobile(b: &Bedarf) -> bool {
    b.category == Kategorie::MobileEndgeraete || b.device.mobil()
}

/// The total of the mobile items and of all items.
pub(super) fn mobile_totals(needs: &[Bedarf]) -> (Euro, Euro) {
    let mobile = needs.iter().filter(|b| is_mobile(b)).map(Bedarf::total).sum();
    let all = needs.iter().map(Bedarf::total).sum();
    (mobile, all)
}

/// Formats cents as German euros: `25.000,00 €`.
pub(super) fn eur(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let c = cents.unsigned_abs();
    let euros = (c / 100).to_string();
    let mut grouped = String::new();
    for (i, ch) in euros.chars().enumerate() {
        if i > 0 && (euros.len() - i).is_multiple_of(3) {
            grouped.push('.');
        }
        grouped.push(ch);
    }
    format!("{sign}{grouped},{:02} €", c % 100)
}

pub(super) static RULES: &[Rule] = &[
    Rule {
        code: "DP-FOERDERGEGENSTAND",
        title: "Gerät passt nicht zum Fördergegenstand",
        severity: Fehler,
        explanation: "Jede Bedarfsposition gehört zu einem der sechs Fördergegenstände der Verwaltungsvereinbarung (§ 3 Abs. 1 Nr. 1–6): \
Vernetzung, WLAN, Lehr-Lern-Infrastrukturen, Anzeige- und Interaktionsgeräte, digitale Arbeitsgeräte, schulgebundene mobile Endgeräte. \
`geraetetyp` und `kategorie` müssen zusammenpassen. Besonders wichtig: Tablets, Laptops und Notebooks sind mobile Endgeräte \
und zählen zu deren Obergrenze, auch wenn sie als Arbeitsgeräte eingetragen werden. \
Wählen Sie die Kategorie, zu der das Gerät gehört.",
        bad: "bedarf:\n  - id: B1\n    bezeichnung: Tablets für die Klassen 3 und 4\n    kategorie: arbeitsgeraete\n    geraetetyp: tablet\n    anzahl: 16\n    einzelpreis_eur: 450\n    jahr: 2027\n    szenarien: [S1]\n    begruendung: Recherche und Präsentation in Gruppen.\n",
        good: "bedarf:\n  - id: B1\n    bezeichnung: Tablets für die Klassen 3 und 4\n    kategorie: mobile_endgeraete\n    geraetetyp: tablet\n    anzahl: 16\n    einzelpreis_eur: 450\n    jahr: 2027\n    szenarien: [S1]\n    begruendung: Recherche und Präsentation in Gruppen.\n",
        sources: &[DBIR],
        check: Some(category_fits),
    },
    Rule {
        code: "DP-SMARTPHONE",
        title: "Smartphones sind nicht förderfähig",
        severity: Fehler,
        explanation: "Die Verwaltungsvereinbarung nimmt Smartphones ausdrücklich von den förderfähigen mobilen Endgeräten aus \
(§ 3 Abs. 1 Nr. 6: „Laptops, Notebooks und Tablets, ausgenommen Smartphones“). Planen Sie Tablets oder Laptops \
oder finanzieren Sie Smartphones aus anderen Mitteln und führen Sie sie nicht im Förderbedarf.",
        bad: "bedarf:\n  - id: B1\n    bezeichnung: Smartphones für Messungen im Sachunterricht\n    kategorie: mobile_endgeraete\n    geraetetyp: smartphone\n    anzahl: 10\n    einzelpreis_eur: 250\n    jahr: 2027\n    szenarien: [S1]\n    begruendung: Messwerte erfassen.\n",
        good: "bedarf:\n  - id: B1\n    bezeichnung: Tablets für Messungen im Sachunterricht\n    kategorie: mobile_endgeraete\n    geraetetyp: tablet\n    anzahl: 10\n    einzelpreis_eur: 400\n    jahr: 2027\n    szenarien: [S1]\n    begruendung: Messwerte erfassen.\n",
        sources: &[DBIR, MV_FAQ],
        check: Some(smartphones),
    },
    Rule {
        code: "DP-VERWALTUNG",
        title: "Geräte für die Verwaltung sind nicht förderfähig",
        severity: Fehler,
        explanation: "Gefördert wird die digitale Bildungsinfrastruktur für den Unterricht. Was hauptsächlich der Schulverwaltung dient \
(Sekretariat, Schulleitung, Verwaltungsnetz), ist ausgeschlossen (dBIR Nr. 2 Satz 1). Finanzieren Sie solche Positionen aus \
Mitteln des Schulträgers und führen Sie sie nicht im Förderbedarf – oder korrigieren Sie `nutzung`, wenn die Geräte im Unterricht eingesetzt werden.",
        bad: "bedarf:\n  - id: B1\n    bezeichnung: PCs für das Sekretariat\n    kategorie: arbeitsgeraete\n    geraetetyp: pc\n    anzahl: 2\n    einzelpreis_eur: 900\n    jahr: 2027\n    nutzung: verwaltung\n    szenarien: [S1]\n    begruendung: Ersatz alter Geräte.\n",
        good: "bedarf:\n  - id: B1\n    bezeichnung: PCs für den Informatikraum\n    kategorie: arbeitsgeraete\n    geraetetyp: pc\n    anzahl: 2\n    einzelpreis_eur: 900\n    jahr: 2027\n    nutzung: unterricht\n    szenarien: [S1]\n    begruendung: Programmieren im Wahlpflichtfach.\n",
        sources: &[DBIR],
        check: Some(administration),
    },
    Rule {
        code: "DP-SERVER",
        title: "Schulserver ohne zulässige Begründung",
        severity: Fehler,
        explanation: "Schulserver sind nur in zwei Fällen förderfähig (VV § 3 Abs. 1 Nr. 1): (aa) als Ausgleich unzureichender Bandbreite, \
wenn kein Anbieter binnen zwölf Monaten nach den übrigen Investitionen einen Glasfaseranschluss garantiert (`bandbreite`), \
oder (bb) wenn sie rechtlich vorgeschrieben sind (`rechtliche_vorgabe`) oder für besondere, etwa berufsbezogene Anwendungen gebraucht werden \
(`spezielle_anwendung`). Tragen Sie die zutreffende `server_begruendung` ein oder streichen Sie die Position.",
        bad: "bedarf:\n  - id: B1\n    bezeichnung: Schulserver\n    kategorie: vernetzung\n    geraetetyp: server\n    anzahl: 1\n    einzelpreis_eur: 6000\n    jahr: 2027\n",
        good: "bedarf:\n  - id: B1\n    bezeichnung: Pufferserver\n    kategorie: vernetzung\n    geraetetyp: server\n    anzahl: 1\n    einzelpreis_eur: 6000\n    jahr: 2027\n    server_begruendung: bandbreite\n",
        sources: &[DBIR],
        check: Some(servers),
    },
    Rule {
        code: "DP-LAUFENDE-KOSTEN",
        title: "Laufende Kosten im Förderbedarf",
        severity: Fehler,
        explanation: "Der DigitalPakt ist eine Finanzhilfe für Investitionen (Art. 104c GG). Laufende Kosten – Betrieb, Wartung, Support, \
Strom, Internetanschluss, jährliche Lizenzen – werden nicht gefördert. Führen Sie sie als Folgekosten unter \
`betrieb.folgekosten_eur_pro_jahr` und finanzieren Sie sie aus Mitteln des Schulträgers. Im DigitalPakt 2.0 könnten Wartungs- und \
Supportstrukturen förderfähig werden; bis zur Förderrichtlinie des Landes meldet das Profil dort nur eine Warnung.",
        bad: "bedarf:\n  - id: B1\n    bezeichnung: Wartungspauschale Netzwerk\n    kategorie: vernetzung\n    geraetetyp: sonstiges\n    anzahl: 3\n    einzelpreis_eur: 1200\n    jahr: 2027\n    kostenart: laufend\n",
        good: "bedarf:\n  - id: B1\n    bezeichnung: Netzwerkverkabelung Altbau\n    kategorie: vernetzung\n    geraetetyp: verkabelung\n    anzahl: 1\n    einzelpreis_eur: 3600\n    jahr: 2027\n    kostenart: investiv\n",
        sources: &[SH_ADMINFAQ],
        check: Some(running_costs),
    },
    Rule {
        code: "DP-MOBIL-OBERGRENZE",
        title: "Obergrenze für mobile Endgeräte überschritten",
        severity: Fehler,
        explanation: "Für allgemeinbildende Schulen begrenzt die Verwaltungsvereinbarung (§ 3 Abs. 1 Nr. 6 c) die Kosten mobiler Endgeräte: \
(aa) auf 20 % des Investitionsvolumens aller allgemeinbildenden Schulen eines Schulträgers oder (bb) auf 25.000 € je Schule. \
Wie beide Grenzen zusammenwirken, lesen die Länder verschieden: `alternativ` (Schleswig-Holstein: die günstigere Grenze gilt) \
oder `kumulativ` (Mecklenburg-Vorpommern: beide gelten). mep prüft je Schule mit dem Anteil am Bedarf dieser Schule; \
den Anteil über alle Schulen eines Trägers prüft die Sammelprüfung des Schulträgers. \
Verringern Sie die Zahl der Geräte, verteilen Sie die Beschaffung oder finanzieren Sie einen Teil aus anderen Mitteln.",
        bad: "bedarf:\n  - id: B1\n    bezeichnung: Tablets für alle Klassen\n    kategorie: mobile_endgeraete\n    geraetetyp: tablet\n    anzahl: 80\n    einzelpreis_eur: 450\n    jahr: 2027\n    szenarien: [S1]\n    begruendung: Eine Tablet-Klasse je Jahrgang.\n",
        good: "bedarf:\n  - id: B1\n    bezeichnung: Tablet-Koffer\n    kategorie: mobile_endgeraete\n    geraetetyp: tablet\n    anzahl: 32\n    einzelpreis_eur: 450\n    jahr: 2027\n    szenarien: [S1]\n    begruendung: Zwei Klassensätze im Wechsel.\n",
        sources: &[SH_FAQ_GERAETE, MV_FAQ],
        check: Some(mobile_cap),
    },
    Rule {
        code: "DP-MOBIL-BERUFLICH",
        title: "Obergrenze für mobile Endgeräte gilt nicht für berufliche Schulen",
        severity: Hinweis,
        explanation: "Die Obergrenzen für mobile Endgeräte (20 % beziehungsweise 25.000 € je Schule) gelten nur für allgemeinbildende Schulen. \
Eine berufliche Schule darf mehr mobile Endgeräte planen. Der Hinweis sagt Prüfenden, warum der Plan über der Grenze liegt \
und trotzdem keinen Fehler meldet.",
        bad: "schule:\n  schulform: berufliche_schule\nbedarf:\n  - id: B1\n    bezeichnung: Notebooks für die Fachklassen\n    kategorie: mobile_endgeraete\n    geraetetyp: notebook\n    anzahl: 60\n    einzelpreis_eur: 900\n    jahr: 2027\n    szenarien: [S1]\n    begruendung: CAD und Simulation im Lernfeldunterricht.\n",
        good: "schule:\n  schulform: berufliche_schule\nbedarf:\n  - id: B1\n    bezeichnung: Notebooks für eine Fachklasse\n    kategorie: mobile_endgeraete\n    geraetetyp: notebook\n    anzahl: 20\n    einzelpreis_eur: 900\n    jahr: 2027\n    szenarien: [S1]\n    begruendung: CAD und Simulation im Lernfeldunterricht.\n",
        sources: &[MV_FAQ],
        check: Some(mobile_vocational),
    },
    Rule {
        code: "DP-NETZ-VORAUSSETZUNG",
        title: "Mobile Endgeräte ohne WLAN",
        severity: Fehler,
        explanation: "Mobile Endgeräte werden nur gefördert, wenn die Schule die nötige Infrastruktur (Vernetzung, WLAN) schon hat \
oder der Schulträger sie beantragt hat (VV § 3 Abs. 1 Nr. 6 a). mep sucht dafür Räume mit WLAN unter `bestand.netz.wlan_raeume` \
oder eine WLAN-Position im `bedarf`. Tragen Sie den vorhandenen Ausbau ein oder planen Sie das WLAN mit.",
        bad: "bestand:\n  netz: { internet_mbit: 50, verkabelte_raeume: 2, wlan_raeume: 0 }\nbedarf:\n  - id: B1\n    bezeichnung: Tablet-Koffer\n    kategorie: mobile_endgeraete\n    geraetetyp: tablet\n    anzahl: 16\n    einzelpreis_eur: 450\n    jahr: 2027\n    szenarien: [S1]\n    begruendung: Recherche in Gruppen.\n",
        good: "bestand:\n  netz: { internet_mbit: 50, verkabelte_raeume: 2, wlan_raeume: 0 }\nbedarf:\n  - id: B1\n    bezeichnung: WLAN-Access-Points\n    kategorie: wlan\n    geraetetyp: access_point\n    anzahl: 10\n    einzelpreis_eur: 500\n    jahr: 2027\n  - id: B2\n    bezeichnung: Tablet-Koffer\n    kategorie: mobile_endgeraete\n    geraetetyp: tablet\n    anzahl: 16\n    einzelpreis_eur: 450\n    jahr: 2027\n    szenarien: [S1]\n    begruendung: Recherche in Gruppen.\n",
        sources: &[MV_FAQ, BB_RL],
        check: Some(network_first),
    },
    Rule {
        code: "DP-EINSATZSZENARIO",
        title: "Gerät ohne Einsatzszenario",
        severity: Fehler,
        explanation: "Geräte werden nur gefördert, wenn ein pädagogischer Bedarf sie verlangt und das technisch-pädagogische Einsatzkonzept \
der Schule ihn zeigt (VV § 3 Abs. 1 Nr. 6 b; in Bremen die tabellarischen Einsatzkonzepte, in NRW das TPEK). \
Verweisen Sie in `szenarien` auf mindestens ein Einsatzszenario aus `einsatzszenarien`. Netz und WLAN brauchen kein eigenes Szenario.",
        bad: "bedarf:\n  - id: B1\n    bezeichnung: Dokumentenkameras\n    kategorie: anzeige_interaktion\n    geraetetyp: dokumentenkamera\n    anzahl: 8\n    einzelpreis_eur: 300\n    jahr: 2027\n    begruendung: Arbeitsergebnisse zeigen.\n",
        good: "bedarf:\n  - id: B1\n    bezeichnung: Dokumentenkameras\n    kategorie: anzeige_interaktion\n    geraetetyp: dokumentenkamera\n    anzahl: 8\n    einzelpreis_eur: 300\n    jahr: 2027\n    szenarien: [S1]\n    begruendung: Arbeitsergebnisse zeigen.\n",
        sources: &[BREMEN, BB_RL, NRW_TPEK],
        check: Some(scenario_linked),
    },
    Rule {
        code: "DP-BEGRUENDUNG",
        title: "Gerät ohne pädagogische Begründung",
        severity: Fehler,
        explanation: "Jede Geräteposition braucht eine pädagogisch-didaktische Begründung (`begruendung`): wofür die Geräte im Unterricht \
gebraucht werden und warum in dieser Zahl. Sie ist Teil des technisch-pädagogischen Einsatzkonzepts, ohne das keine Förderung möglich ist.",
        bad: "bedarf:\n  - id: B1\n    bezeichnung: Dokumentenkameras\n    kategorie: anzeige_interaktion\n    geraetetyp: dokumentenkamera\n    anzahl: 8\n    einzelpreis_eur: 300\n    jahr: 2027\n    szenarien: [S1]\n",
        good: "bedarf:\n  - id: B1\n    bezeichnung: Dokumentenkameras\n    kategorie: anzeige_interaktion\n    geraetetyp: dokumentenkamera\n    anzahl: 8\n    einzelpreis_eur: 300\n    jahr: 2027\n    szenarien: [S1]\n    begruendung: Schülerarbeiten werden im Plenum besprochen.\n",
        sources: &[BREMEN, BB_RL, NRW_TPEK],
        check: Some(justified),
    },
];

/// Device types that fit a category.
fn fits(category: Kategorie, device: Geraetetyp) -> bool {
    use Geraetetyp as G;
    if device == G::Sonstiges {
        return true;
    }
    match category {
        Kategorie::Vernetzung => matches!(device, G::Switch | G::Verkabelung | G::Server | G::AccessPoint | G::Lizenz),
        Kategorie::Wlan => matches!(device, G::AccessPoint | G::Switch | G::Verkabelung | G::Lizenz),
        Kategorie::LehrLernInfrastruktur => matches!(device, G::Server | G::Lizenz),
        Kategorie::AnzeigeInteraktion => matches!(device, G::Display | G::Beamer | G::Dokumentenkamera | G::Lizenz),
        // Digital work equipment covers labs, e.g. network racks in vocational IT training.
        Kategorie::Arbeitsgeraete => matches!(device, G::Pc | G::Server | G::Switch | G::AccessPoint | G::Verkabelung | G::Lizenz),
        Kategorie::MobileEndgeraete => device.mobil(),
        Kategorie::Begleitmassnahmen => matches!(device, G::Elektroinstallation | G::Baumassnahme | G::Verkabelung | G::Sonstiges),
    }
}

fn category_fits(ctx: &Context<'_>, f: &mut Findings) {
    for (i, b) in ctx.plan.needs.iter().enumerate() {
        if !fits(b.category, b.device) {
            let help = if b.device.mobil() {
                "Tablets, Laptops und Notebooks gehören zu `mobile_endgeraete`.".to_owned()
            } else {
                let fitting: Vec<&str> = Kategorie::ALL.iter().filter(|k| fits(**k, b.device)).map(|k| k.key()).collect();
                format!("Passende Kategorien für `{}`: {}.", b.device.key(), fitting.join(", "))
            };
            f.at(
                format!("bedarf[{i}].kategorie"),
                format!("`{}` ({}) passt nicht zum Fördergegenstand „{}“.", b.id, b.device.label(), b.category.label()),
            )
            .with_help(help);
        }
    }
}

fn smartphones(ctx: &Context<'_>, f: &mut Findings) {
    for (i, b) in ctx.plan.needs.iter().enumerate() {
        if b.device == Geraetetyp::Smartphone {
            f.at(format!("bedarf[{i}].geraetetyp"), format!("`{}` plant Smartphones; sie sind von der Förderung ausgenommen.", b.id))
                .with_help("Planen Sie Tablets oder Laptops, oder finanzieren Sie die Smartphones aus anderen Mitteln.");
        }
    }
}

fn administration(ctx: &Context<'_>, f: &mut Findings) {
    for (i, b) in ctx.plan.needs.iter().enumerate() {
        if b.usage == Nutzung::Verwaltung {
            f.at(format!("bedarf[{i}].nutzung"), format!("`{}` dient hauptsächlich der Verwaltung und ist nicht förderfähig.", b.id))
                .with_help("Finanzieren Sie die Position aus Mitteln des Schulträgers oder korrigieren Sie `nutzung`.");
        }
    }
}

fn servers(ctx: &Context<'_>, f: &mut Findings) {
    for (i, b) in ctx.plan.needs.iter().enumerate() {
        if b.device == Geraetetyp::Server && b.server_reason.is_none() {
            f.at(format!("bedarf[{i}].geraetetyp"), format!("Der Schulserver `{}` hat keine zulässige Begründung.", b.id))
                .with_help("Ergänzen Sie `server_begruendung: bandbreite`, `rechtliche_vorgabe` oder `spezielle_anwendung`.");
        }
    }
}

fn running_costs(ctx: &Context<'_>, f: &mut Findings) {
    for (i, b) in ctx.plan.needs.iter().enumerate() {
        if b.cost_kind == Kostenart::Laufend {
            f.at(format!("bedarf[{i}].kostenart"), format!("`{}` sind laufende Kosten; sie werden nicht aus Fördermitteln bezahlt.", b.id))
                .with_help("Führen Sie den Betrag unter `betrieb.folgekosten_eur_pro_jahr` und streichen Sie die Position aus dem Bedarf.");
        }
    }
}

fn mobile_cap(ctx: &Context<'_>, f: &mut Findings) {
    let p = ctx.plan;
    if !p.school.kind.allgemeinbildend() {
        return;
    }
    let (mobile, all) = mobile_totals(&p.needs);
    if mobile.cents() == 0 {
        return;
    }
    let profile = ctx.profile;
    let cap = profile.mobile_cap_cents();
    let share = i64::from(profile.mobile_share_limit_percent());
    let over_cap = mobile.cents() > cap;
    let over_share = mobile.cents().saturating_mul(100) > all.cents().saturating_mul(share);
    let mode = profile.cap_mode();
    let violated = match mode {
        CapMode::Alternativ => over_cap && over_share,
        CapMode::Kumulativ => over_cap || over_share,
    };
    if !violated {
        return;
    }
    let percent = if all.cents() > 0 { mobile.cents() as f64 * 100.0 / all.cents() as f64 } else { 0.0 };
    let detail = match (over_cap, over_share) {
        (true, true) => format!("über {} je Schule und über {share} % des Bedarfs", eur(cap)),
        (true, false) => format!("über {} je Schule", eur(cap)),
        _ => format!("über {share} % des Bedarfs"),
    };
    let path = p.needs.iter().position(is_mobile).map_or_else(|| "bedarf".to_owned(), |i| format!("bedarf[{i}]"));
    let percent = format!("{percent:.1}").replace('.', ",");
    let message = format!(
        "Mobile Endgeräte kosten {} ({percent} % des Bedarfs von {}) – {detail}; die Grenzen gelten in {} {}.",
        eur(mobile.cents()),
        eur(all.cents()),
        profile.land_name(),
        mode.label()
    );
    let help = "Verringern Sie die Zahl der Geräte oder finanzieren Sie einen Teil aus anderen Mitteln; \
die Anteilsgrenze über alle Schulen des Trägers prüft die Sammelprüfung des Schulträgers.";
    let d = match &profile.parameter.mobil_modus {
        Some(param) => f.at_param(path, message, param),
        None => f.at(path, message),
    };
    d.with_help(help);
}

fn mobile_vocational(ctx: &Context<'_>, f: &mut Findings) {
    let p = ctx.plan;
    if p.school.kind.allgemeinbildend() {
        return;
    }
    let (mobile, _) = mobile_totals(&p.needs);
    if mobile.cents() > ctx.profile.mobile_cap_cents() {
        let path = p.needs.iter().position(is_mobile).map_or_else(|| "bedarf".to_owned(), |i| format!("bedarf[{i}]"));
        f.at(
            path,
            format!(
                "Mobile Endgeräte kosten {}, mehr als {} je Schule; die Obergrenze gilt nur für allgemeinbildende Schulen, nicht für diese berufliche Schule.",
                eur(mobile.cents()),
                eur(ctx.profile.mobile_cap_cents())
            ),
        );
    }
}

fn network_first(ctx: &Context<'_>, f: &mut Findings) {
    let p = ctx.plan;
    let has_wlan = p
        .inventory
        .as_ref()
        .and_then(|b| b.network.as_ref())
        .and_then(|n| n.wlan_rooms)
        .and_then(crate::model::Angabe::bekannt)
        .is_some_and(|n| n > 0);
    let plans_wlan = p.needs.iter().any(|b| b.category == Kategorie::Wlan);
    if has_wlan || plans_wlan {
        return;
    }
    for (i, b) in p.needs.iter().enumerate() {
        if is_mobile(b) {
            f.at(
                format!("bedarf[{i}]"),
                format!("`{}` plant mobile Endgeräte, aber die Schule hat laut Plan kein WLAN und plant keines.", b.id),
            )
            .with_help(
                "Tragen Sie die Räume mit WLAN unter `bestand.netz.wlan_raeume` ein oder planen Sie eine Position mit `kategorie: wlan`.",
            );
        }
    }
}

fn scenario_linked(ctx: &Context<'_>, f: &mut Findings) {
    for (i, b) in ctx.plan.needs.iter().enumerate() {
        if is_device(b) && b.scenarios.is_empty() {
            f.at(format!("bedarf[{i}]"), format!("`{}` ({}) verweist auf kein Einsatzszenario.", b.id, b.name))
                .with_help("Ergänzen Sie `szenarien: [S1]` mit der Kennung eines Einsatzszenarios.");
        }
    }
}

fn justified(ctx: &Context<'_>, f: &mut Findings) {
    for (i, b) in ctx.plan.needs.iter().enumerate() {
        if is_device(b) && b.justification.as_deref().is_none_or(|t| t.trim().is_empty()) {
            f.at(format!("bedarf[{i}]"), format!("`{}` ({}) hat keine pädagogische Begründung.", b.id, b.name))
                .with_help("Ergänzen Sie `begruendung:` – wofür die Geräte im Unterricht gebraucht werden und warum in dieser Zahl.");
        }
    }
}
