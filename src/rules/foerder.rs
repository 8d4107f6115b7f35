//! What may be funded: Fördergegenstände, exclusions, mobile-device limits,
//! preconditions of devices (network, Einsatzszenario, justification).

use super::{Context, Entry, Findings, Rule};
use crate::diag::Severity::{Fehler, Hinweis, Warnung};
use crate::figures::ist_mobil;
use crate::model::{Bedarf, Geraetetyp, Kategorie, Kostenart, Nutzung};
use crate::profile::CapMode;
use crate::sources::{BB_RL, BREMEN, DBIR, GG_104C, MV_FAQ, NRW_TPEK, SH_ADMINFAQ, SH_FAQ_GERAETE, VV_2019};

/// VV § 3 Abs. 1 Nr. 1–6 as mirrored 1:1 in the Bavarian dBIR Nr. 2.
/// An item that needs a pedagogical reason: everything except the network itself.
/// Whether a need buys devices that are used in lessons (and so needs a scenario and a reason):
/// not networks, cabling, electrical or building work.
fn is_device(b: &Bedarf) -> bool {
    !matches!(b.category, Kategorie::Vernetzung | Kategorie::Wlan | Kategorie::Begleitmassnahmen)
        && !matches!(b.device, Geraetetyp::Elektroinstallation | Geraetetyp::Baumassnahme | Geraetetyp::Verkabelung)
}

/// Formats cents as German euros: `25.000,00 €`.
pub(super) fn eur(cents: i64) -> String {
    crate::german::de_eur(cents)
}

pub(super) static RULES: &[Entry] = &[
    (&DP_FOERDERGEGENSTAND, Some(category_fits)),
    (&DP_SMARTPHONE, Some(smartphones)),
    (&DP_VERWALTUNG, Some(administration)),
    (&DP_SERVER, Some(servers)),
    (&DP_LAUFENDE_KOSTEN, Some(running_costs)),
    (&DP_MOBIL_OBERGRENZE, Some(mobile_cap)),
    (&DP_MOBIL_BERUFLICH, Some(mobile_vocational)),
    (&DP_NETZ_VORAUSSETZUNG, Some(network_first)),
    (&DP_EINSATZSZENARIO, Some(scenario_linked)),
    (&DP_BEGRUENDUNG, Some(justified)),
];

/// `DP-FOERDERGEGENSTAND`: Gerät passt nicht zum Fördergegenstand
pub static DP_FOERDERGEGENSTAND: Rule = Rule {
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
    sources: &[VV_2019, DBIR],
};

/// `DP-SMARTPHONE`: Smartphones sind nicht förderfähig
pub static DP_SMARTPHONE: Rule = Rule {
    code: "DP-SMARTPHONE",
    title: "Smartphones sind nicht förderfähig",
    severity: Fehler,
    explanation: "Die Verwaltungsvereinbarung nimmt Smartphones ausdrücklich von den förderfähigen mobilen Endgeräten aus \
(§ 3 Abs. 1 Nr. 6: „Laptops, Notebooks und Tablets, ausgenommen Smartphones“). Planen Sie Tablets oder Laptops \
oder finanzieren Sie Smartphones aus anderen Mitteln und führen Sie sie nicht im Förderbedarf.",
    bad: "bedarf:\n  - id: B1\n    bezeichnung: Smartphones für Messungen im Sachunterricht\n    kategorie: mobile_endgeraete\n    geraetetyp: smartphone\n    anzahl: 10\n    einzelpreis_eur: 250\n    jahr: 2027\n    szenarien: [S1]\n    begruendung: Messwerte erfassen.\n",
    good: "bedarf:\n  - id: B1\n    bezeichnung: Tablets für Messungen im Sachunterricht\n    kategorie: mobile_endgeraete\n    geraetetyp: tablet\n    anzahl: 10\n    einzelpreis_eur: 400\n    jahr: 2027\n    szenarien: [S1]\n    begruendung: Messwerte erfassen.\n",
    sources: &[VV_2019, DBIR, MV_FAQ],
};

/// `DP-VERWALTUNG`: Geräte für die Verwaltung sind nicht förderfähig
pub static DP_VERWALTUNG: Rule = Rule {
    code: "DP-VERWALTUNG",
    title: "Geräte für die Verwaltung sind nicht förderfähig",
    severity: Fehler,
    explanation: "Gefördert wird die digitale Bildungsinfrastruktur für den Unterricht. Was hauptsächlich der Schulverwaltung dient \
(Sekretariat, Schulleitung, Verwaltungsnetz), ist ausgeschlossen (dBIR Nr. 2 Satz 1). Finanzieren Sie solche Positionen aus \
Mitteln des Schulträgers und führen Sie sie nicht im Förderbedarf – oder korrigieren Sie `nutzung`, wenn die Geräte im Unterricht eingesetzt werden.",
    bad: "bedarf:\n  - id: B1\n    bezeichnung: PCs für das Sekretariat\n    kategorie: arbeitsgeraete\n    geraetetyp: pc\n    anzahl: 2\n    einzelpreis_eur: 900\n    jahr: 2027\n    nutzung: verwaltung\n    szenarien: [S1]\n    begruendung: Ersatz alter Geräte.\n",
    good: "bedarf:\n  - id: B1\n    bezeichnung: PCs für den Informatikraum\n    kategorie: arbeitsgeraete\n    geraetetyp: pc\n    anzahl: 2\n    einzelpreis_eur: 900\n    jahr: 2027\n    nutzung: unterricht\n    szenarien: [S1]\n    begruendung: Programmieren im Wahlpflichtfach.\n",
    sources: &[VV_2019, DBIR],
};

/// `DP-SERVER`: Schulserver ohne zulässige Begründung
pub static DP_SERVER: Rule = Rule {
    code: "DP-SERVER",
    title: "Schulserver ohne zulässige Begründung",
    severity: Fehler,
    explanation: "Schulserver sind nur in zwei Fällen förderfähig (VV § 3 Abs. 1 Nr. 1): (aa) als Ausgleich unzureichender Bandbreite, \
wenn kein Anbieter binnen zwölf Monaten nach den übrigen Investitionen einen Glasfaseranschluss garantiert (`bandbreite`), \
oder (bb) wenn sie rechtlich vorgeschrieben sind (`rechtliche_vorgabe`) oder für besondere, etwa berufsbezogene Anwendungen gebraucht werden \
(`spezielle_anwendung`). Tragen Sie die zutreffende `server_begruendung` ein oder streichen Sie die Position.",
    bad: "bedarf:\n  - id: B1\n    bezeichnung: Schulserver\n    kategorie: vernetzung\n    geraetetyp: server\n    anzahl: 1\n    einzelpreis_eur: 6000\n    jahr: 2027\n",
    good: "bedarf:\n  - id: B1\n    bezeichnung: Pufferserver\n    kategorie: vernetzung\n    geraetetyp: server\n    anzahl: 1\n    einzelpreis_eur: 6000\n    jahr: 2027\n    server_begruendung: bandbreite\n",
    sources: &[VV_2019, DBIR],
};

/// `DP-LAUFENDE-KOSTEN`: Laufende Kosten im Förderbedarf
pub static DP_LAUFENDE_KOSTEN: Rule = Rule {
    code: "DP-LAUFENDE-KOSTEN",
    title: "Laufende Kosten im Förderbedarf",
    severity: Fehler,
    explanation: "Der DigitalPakt ist eine Finanzhilfe für Investitionen (Art. 104c GG). Laufende Kosten – Betrieb, Wartung, Support, \
Strom, Internetanschluss, jährliche Lizenzen – werden nicht gefördert. Führen Sie sie als Folgekosten unter \
`betrieb.folgekosten_eur_pro_jahr` und finanzieren Sie sie aus Mitteln des Schulträgers. Im DigitalPakt 2.0 könnten Wartungs- und \
Supportstrukturen förderfähig werden; bis zur Förderrichtlinie des Landes meldet das Profil dort nur eine Warnung.",
    bad: "bedarf:\n  - id: B1\n    bezeichnung: Wartungspauschale Netzwerk\n    kategorie: vernetzung\n    geraetetyp: sonstiges\n    anzahl: 3\n    einzelpreis_eur: 1200\n    jahr: 2027\n    kostenart: laufend\n",
    good: "bedarf:\n  - id: B1\n    bezeichnung: Netzwerkverkabelung Altbau\n    kategorie: vernetzung\n    geraetetyp: verkabelung\n    anzahl: 1\n    einzelpreis_eur: 3600\n    jahr: 2027\n    kostenart: investiv\n",
    sources: &[GG_104C, SH_ADMINFAQ],
};

/// `DP-MOBIL-OBERGRENZE`: Obergrenze für mobile Endgeräte überschritten
pub static DP_MOBIL_OBERGRENZE: Rule = Rule {
    code: "DP-MOBIL-OBERGRENZE",
    title: "Obergrenze für mobile Endgeräte überschritten",
    severity: Fehler,
    explanation: "Für allgemeinbildende Schulen begrenzt die Verwaltungsvereinbarung (§ 3 Abs. 1 Nr. 6 c) die Kosten mobiler Endgeräte: \
(aa) auf 20 % des Investitionsvolumens aller allgemeinbildenden Schulen eines Schulträgers oder (bb) auf 25.000 € je Schule. \
Wie beide Grenzen zusammenwirken, lesen die Länder verschieden: `alternativ` (Schleswig-Holstein: die günstigere Grenze gilt) \
oder `kumulativ` (Mecklenburg-Vorpommern: beide gelten). Der Anteil von 20 % gilt für alle allgemeinbildenden Schulen eines Trägers zusammen; \
ein einzelner Plan zeigt nur seinen eigenen Anteil. Deshalb meldet mep je Schule eine Warnung, wenn beide Grenzen überschritten scheinen, \
und einen Fehler nur dort, wo die Grenze je Schule selbst Bedingung ist (kumulative Lesart: mehr als 25.000 € an einer Schule). \
Den Anteil über alle Schulen eines Trägers prüft `mep uebersicht` (`TRAEGER-MOBIL-ANTEIL`). Im DigitalPakt 2.0 sind die Grenzen aus dem DigitalPakt 2019 \
nur übernommen; dort ist jeder Befund höchstens eine Warnung. \
Verringern Sie die Zahl der Geräte, verteilen Sie die Beschaffung oder finanzieren Sie einen Teil aus anderen Mitteln.",
    bad: "bedarf:\n  - id: B1\n    bezeichnung: Tablets für alle Klassen\n    kategorie: mobile_endgeraete\n    geraetetyp: tablet\n    anzahl: 80\n    einzelpreis_eur: 450\n    jahr: 2027\n    szenarien: [S1]\n    begruendung: Eine Tablet-Klasse je Jahrgang.\n",
    good: "bedarf:\n  - id: B1\n    bezeichnung: Tablet-Koffer\n    kategorie: mobile_endgeraete\n    geraetetyp: tablet\n    anzahl: 32\n    einzelpreis_eur: 450\n    jahr: 2027\n    szenarien: [S1]\n    begruendung: Zwei Klassensätze im Wechsel.\n",
    sources: &[VV_2019, SH_FAQ_GERAETE, MV_FAQ],
};

/// `DP-MOBIL-BERUFLICH`: Obergrenze für mobile Endgeräte gilt nicht für berufliche Schulen
pub static DP_MOBIL_BERUFLICH: Rule = Rule {
    code: "DP-MOBIL-BERUFLICH",
    title: "Obergrenze für mobile Endgeräte gilt nicht für berufliche Schulen",
    severity: Hinweis,
    explanation: "Die Obergrenzen für mobile Endgeräte (20 % beziehungsweise 25.000 € je Schule) gelten nur für allgemeinbildende Schulen. \
Eine berufliche Schule darf mehr mobile Endgeräte planen. Der Hinweis sagt Prüfenden, warum der Plan über der Grenze liegt \
und trotzdem keinen Fehler meldet.",
    bad: "schule:\n  schulform: berufliche_schule\nbedarf:\n  - id: B1\n    bezeichnung: Notebooks für die Fachklassen\n    kategorie: mobile_endgeraete\n    geraetetyp: notebook\n    anzahl: 60\n    einzelpreis_eur: 900\n    jahr: 2027\n    szenarien: [S1]\n    begruendung: CAD und Simulation im Lernfeldunterricht.\n",
    good: "schule:\n  schulform: berufliche_schule\nbedarf:\n  - id: B1\n    bezeichnung: Notebooks für eine Fachklasse\n    kategorie: mobile_endgeraete\n    geraetetyp: notebook\n    anzahl: 20\n    einzelpreis_eur: 900\n    jahr: 2027\n    szenarien: [S1]\n    begruendung: CAD und Simulation im Lernfeldunterricht.\n",
    sources: &[VV_2019, MV_FAQ],
};

/// `DP-NETZ-VORAUSSETZUNG`: Mobile Endgeräte ohne WLAN
pub static DP_NETZ_VORAUSSETZUNG: Rule = Rule {
    code: "DP-NETZ-VORAUSSETZUNG",
    title: "Mobile Endgeräte ohne WLAN",
    severity: Fehler,
    explanation: "Mobile Endgeräte werden nur gefördert, wenn die Schule die nötige Infrastruktur (Vernetzung, WLAN) schon hat \
oder der Schulträger sie beantragt hat (VV § 3 Abs. 1 Nr. 6 a). mep sucht dafür Räume mit WLAN unter `bestand.netz.wlan_raeume` \
oder eine WLAN-Position im `bedarf`. Tragen Sie den vorhandenen Ausbau ein oder planen Sie das WLAN mit.",
    bad: "bestand:\n  netz: { internet_mbit: 50, verkabelte_raeume: 2, wlan_raeume: 0 }\nbedarf:\n  - id: B1\n    bezeichnung: Tablet-Koffer\n    kategorie: mobile_endgeraete\n    geraetetyp: tablet\n    anzahl: 16\n    einzelpreis_eur: 450\n    jahr: 2027\n    szenarien: [S1]\n    begruendung: Recherche in Gruppen.\n",
    good: "bestand:\n  netz: { internet_mbit: 50, verkabelte_raeume: 2, wlan_raeume: 0 }\nbedarf:\n  - id: B1\n    bezeichnung: WLAN-Access-Points\n    kategorie: wlan\n    geraetetyp: access_point\n    anzahl: 10\n    einzelpreis_eur: 500\n    jahr: 2027\n  - id: B2\n    bezeichnung: Tablet-Koffer\n    kategorie: mobile_endgeraete\n    geraetetyp: tablet\n    anzahl: 16\n    einzelpreis_eur: 450\n    jahr: 2027\n    szenarien: [S1]\n    begruendung: Recherche in Gruppen.\n",
    sources: &[VV_2019, MV_FAQ, BB_RL],
};

/// `DP-EINSATZSZENARIO`: Gerät ohne Einsatzszenario
pub static DP_EINSATZSZENARIO: Rule = Rule {
    code: "DP-EINSATZSZENARIO",
    title: "Gerät ohne Einsatzszenario",
    severity: Fehler,
    explanation: "Geräte werden nur gefördert, wenn ein pädagogischer Bedarf sie verlangt und das technisch-pädagogische Einsatzkonzept \
der Schule ihn zeigt (VV § 3 Abs. 1 Nr. 6 b; in Bremen die tabellarischen Einsatzkonzepte, in NRW das TPEK). \
Verweisen Sie in `szenarien` auf mindestens ein Einsatzszenario aus `einsatzszenarien`. Netz und WLAN brauchen kein eigenes Szenario.",
    bad: "bedarf:\n  - id: B1\n    bezeichnung: Dokumentenkameras\n    kategorie: anzeige_interaktion\n    geraetetyp: dokumentenkamera\n    anzahl: 8\n    einzelpreis_eur: 300\n    jahr: 2027\n    begruendung: Arbeitsergebnisse zeigen.\n",
    good: "bedarf:\n  - id: B1\n    bezeichnung: Dokumentenkameras\n    kategorie: anzeige_interaktion\n    geraetetyp: dokumentenkamera\n    anzahl: 8\n    einzelpreis_eur: 300\n    jahr: 2027\n    szenarien: [S1]\n    begruendung: Arbeitsergebnisse zeigen.\n",
    sources: &[VV_2019, BREMEN, BB_RL, NRW_TPEK],
};

/// `DP-BEGRUENDUNG`: Gerät ohne pädagogische Begründung
pub static DP_BEGRUENDUNG: Rule = Rule {
    code: "DP-BEGRUENDUNG",
    title: "Gerät ohne pädagogische Begründung",
    severity: Fehler,
    explanation: "Jede Geräteposition braucht eine pädagogisch-didaktische Begründung (`begruendung`): wofür die Geräte im Unterricht \
gebraucht werden und warum in dieser Zahl. Sie ist Teil des technisch-pädagogischen Einsatzkonzepts, ohne das keine Förderung möglich ist.",
    bad: "bedarf:\n  - id: B1\n    bezeichnung: Dokumentenkameras\n    kategorie: anzeige_interaktion\n    geraetetyp: dokumentenkamera\n    anzahl: 8\n    einzelpreis_eur: 300\n    jahr: 2027\n    szenarien: [S1]\n",
    good: "bedarf:\n  - id: B1\n    bezeichnung: Dokumentenkameras\n    kategorie: anzeige_interaktion\n    geraetetyp: dokumentenkamera\n    anzahl: 8\n    einzelpreis_eur: 300\n    jahr: 2027\n    szenarien: [S1]\n    begruendung: Schülerarbeiten werden im Plenum besprochen.\n",
    sources: &[VV_2019, BREMEN, BB_RL, NRW_TPEK],
};

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

/// The items the DigitalPakt pays for (`finanzierung` absent or `digitalpakt`), with their index:
/// funding rules apply to these only; items paid otherwise are the Schulträger's own affair.
fn dp_items(plan: &crate::model::Plan) -> impl Iterator<Item = (usize, &crate::model::Bedarf)> {
    plan.needs.iter().enumerate().filter(|(_, b)| b.digitalpakt())
}

fn category_fits(ctx: &Context<'_>, f: &mut Findings) {
    for (i, b) in dp_items(ctx.plan) {
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
    for (i, b) in dp_items(ctx.plan) {
        if b.device == Geraetetyp::Smartphone {
            f.at(format!("bedarf[{i}].geraetetyp"), format!("`{}` plant Smartphones; sie sind von der Förderung ausgenommen.", b.id))
                .with_help("Planen Sie Tablets oder Laptops, oder finanzieren Sie die Smartphones aus anderen Mitteln.");
        }
    }
}

fn administration(ctx: &Context<'_>, f: &mut Findings) {
    for (i, b) in dp_items(ctx.plan) {
        if b.usage == Nutzung::Verwaltung {
            f.at(format!("bedarf[{i}].nutzung"), format!("`{}` dient hauptsächlich der Verwaltung und ist nicht förderfähig.", b.id))
                .with_help("Finanzieren Sie die Position aus Mitteln des Schulträgers oder korrigieren Sie `nutzung`.");
        }
    }
}

fn servers(ctx: &Context<'_>, f: &mut Findings) {
    for (i, b) in dp_items(ctx.plan) {
        if b.device == Geraetetyp::Server && b.server_reason.is_none() {
            f.at(format!("bedarf[{i}].geraetetyp"), format!("Der Schulserver `{}` hat keine zulässige Begründung.", b.id))
                .with_help("Ergänzen Sie `server_begruendung: bandbreite`, `rechtliche_vorgabe` oder `spezielle_anwendung`.");
        }
    }
}

fn running_costs(ctx: &Context<'_>, f: &mut Findings) {
    for (i, b) in dp_items(ctx.plan) {
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
    // The limits apply to what the DigitalPakt pays for; items paid otherwise are the Schulträger's affair.
    let (mobile, all) = (ctx.figures.mobile.digitalpakt, ctx.figures.investment.digitalpakt);
    if mobile == 0 {
        return;
    }
    let profile = ctx.profile;
    let cap = profile.mobile_cap_cents();
    let share = i64::from(profile.mobile_share_limit_percent());
    let over_cap = mobile > cap;
    let over_share = mobile.saturating_mul(100) > all.saturating_mul(share);
    let mode = profile.cap_mode();
    let violated = match mode {
        CapMode::Alternativ => over_cap && over_share,
        CapMode::Kumulativ => over_cap || over_share,
    };
    if !violated {
        return;
    }
    // The 20 % share applies to the Träger's total over all its allgemeinbildende schools; one plan
    // shows only its own share. Only the per-school amount in the cumulative reading is a condition
    // this plan alone breaks – everything else is a warning for the reviewer.
    let per_school_condition = mode == CapMode::Kumulativ && over_cap;
    let percent = crate::figures::Ratio::of(mobile, all).map_or_else(|| "–".to_owned(), crate::german::de_share);
    let limit = crate::german::de_percent_whole(share);
    let detail = match (over_cap, over_share) {
        (true, true) => format!("über {} je Schule und über {limit} des Bedarfs", eur(cap)),
        (true, false) => format!("über {} je Schule", eur(cap)),
        _ => format!("über {limit} des Bedarfs"),
    };
    let path = ctx.figures.mobile.first.map_or_else(|| "bedarf".to_owned(), |i| format!("bedarf[{i}]"));
    let mut message = format!(
        "Mobile Endgeräte kosten {} ({percent} des Bedarfs von {}) – {detail}; die Grenzen gelten in {} {}.",
        eur(mobile),
        eur(all),
        profile.land_name(),
        mode.label()
    );
    if !per_school_condition {
        message.push_str(&format!(
            " Der Anteil von {limit} gilt für alle allgemeinbildenden Schulen des Schulträgers zusammen; ob er eingehalten ist, zeigt erst `mep uebersicht`."
        ));
    }
    let help = "Verringern Sie die Zahl der Geräte oder finanzieren Sie einen Teil aus anderen Mitteln; \
die Anteilsgrenze über alle Schulen des Trägers prüft die Sammelprüfung des Schulträgers.";
    let d = match &profile.parameter.mobil_modus {
        Some(param) => f.at_param(path, message, param),
        None => f.at(path, message),
    };
    if !per_school_condition && d.severity == Fehler {
        d.severity = Warnung;
    }
    d.with_help(help);
}

fn mobile_vocational(ctx: &Context<'_>, f: &mut Findings) {
    let p = ctx.plan;
    if p.school.kind.allgemeinbildend() {
        return;
    }
    let mobile = ctx.figures.mobile.digitalpakt;
    if mobile > ctx.profile.mobile_cap_cents() {
        let path = ctx.figures.mobile.first.map_or_else(|| "bedarf".to_owned(), |i| format!("bedarf[{i}]"));
        f.at(
            path,
            format!(
                "Mobile Endgeräte kosten {}, mehr als {} je Schule; die Obergrenze gilt nur für allgemeinbildende Schulen, nicht für diese berufliche Schule.",
                eur(mobile),
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
    for (i, b) in dp_items(p) {
        if ist_mobil(b) {
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
    for (i, b) in dp_items(ctx.plan) {
        if is_device(b) && b.scenarios.is_empty() {
            f.at(format!("bedarf[{i}]"), format!("`{}` ({}) verweist auf kein Einsatzszenario.", b.id, b.name))
                .with_help("Ergänzen Sie `szenarien: [S1]` mit der Kennung eines Einsatzszenarios.");
        }
    }
}

fn justified(ctx: &Context<'_>, f: &mut Findings) {
    for (i, b) in dp_items(ctx.plan) {
        if is_device(b) && b.justification.as_deref().is_none_or(|t| t.trim().is_empty()) {
            f.at(format!("bedarf[{i}]"), format!("`{}` ({}) hat keine pädagogische Begründung.", b.id, b.name))
                .with_help("Ergänzen Sie `begruendung:` – wofür die Geräte im Unterricht gebraucht werden und warum in dieser Zahl.");
        }
    }
}
