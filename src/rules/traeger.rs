//! Checks across the schools of one Schulträger (`mep review`): the mobile-device
//! share over all allgemeinbildende schools, the Träger budget, duplicate
//! Schulnummern, Land and programme of each school, and expected schools
//! without a plan.
//!
//! These rules see many plans at once, so they have no per-plan check
//! (`check: None`); [`check_schools`] runs them on small per-school facts.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::{Findings, Quelle, Rule, Verlaesslichkeit};
use crate::diag::Diagnostic;
use crate::diag::Severity::{Fehler, Warnung};
use crate::model::{Euro, Land, Programm, Traeger};
use crate::profile::{CapMode, Choice, Profile};
use crate::view::values::{de_eur, de_share};

const SH_FAQ: Quelle = Quelle {
    titel: "Schleswig-Holstein, FAQ DigitalPakt Schule: Obergrenzen für mobile Endgeräte (VV § 3 Abs. 1 Nr. 6 Buchst. c)",
    url: "https://dpaktfaq.schleswig-holstein.de/?keyword=32&subView=portalFAQ&view=portal",
    verlaesslichkeit: Verlaesslichkeit::Amtlich,
};

const MV_FAQ: Quelle = Quelle {
    titel: "Mecklenburg-Vorpommern, FAQ DigitalPakt Schule: mobile Endgeräte",
    url: "https://www.bildung-mv.de/schule-digital/digitalpakt-schule/faq/index.html?p1=l2",
    verlaesslichkeit: Verlaesslichkeit::Amtlich,
};

const NRW_RL: Quelle = Quelle {
    titel: "Richtlinie DigitalPakt NRW (RdErl. 11.09.2019, BASS 11-02 Nr. 34): Budget je Schulträger nach Anlage 2",
    url: "https://bass.schul-welt.de/18679.htm",
    verlaesslichkeit: Verlaesslichkeit::Amtlich,
};

const BY_DBIR: Quelle = Quelle {
    titel: "Bayern, Richtlinie digitale Bildungsinfrastruktur (dBIR): Höchstbetrag je Schulaufwandsträger",
    url: "https://www.bayernportal.de/dokumente/leistung/8109063914101",
    verlaesslichkeit: Verlaesslichkeit::Amtlich,
};

const HB_ANTRAG: Quelle = Quelle {
    titel: "Bremen, Förderung digitaler Bildungsinfrastruktur beantragen: Medienkonzepte der Schulen als Antragsbestandteil",
    url: "https://www.service.bremen.de/foerderung-fuer-digitale-bildungsinfrastruktur-an-schulen-beantragen-185297",
    verlaesslichkeit: Verlaesslichkeit::Amtlich,
};

const BW_LBANK: Quelle = Quelle {
    titel: "L-Bank, DigitalPakt Schule: Medienentwicklungsplan je Schule",
    url: "https://www.l-bank.de/produkte/finanzhilfen/digitalpakt.html",
    verlaesslichkeit: Verlaesslichkeit::Amtlich,
};

pub(super) static RULES: &[Rule] = &[
    Rule {
        code: "TRAEGER-MOBIL-ANTEIL",
        title: "Mobile Endgeräte über 20 % der Investitionen des Schulträgers",
        severity: Fehler,
        explanation: "Für allgemeinbildende Schulen begrenzt die Verwaltungsvereinbarung (§ 3 Abs. 1 Nr. 6 Buchst. c) die Kosten \
schulgebundener mobiler Endgeräte: (aa) höchstens 20 % des Gesamtinvestitionsvolumens aller allgemeinbildenden Schulen eines \
Schulträgers oder (bb) höchstens 25.000 € je Schule. Die meisten Länder lesen das als Alternative – es gilt die günstigere Grenze, \
nicht ausgeschöpfte Beträge einer Schule lassen sich aber nicht auf andere Schulen übertragen. Mecklenburg-Vorpommern verlangt beide \
Grenzen zugleich. `mep review` prüft die 20-%-Grenze über alle allgemeinbildenden Schulen eines Schulträgers; im alternativen Modus \
meldet es nur, wenn zugleich eine Schule mehr als 25.000 € für mobile Endgeräte plant. Berufliche Schulen zählen nicht mit. \
Grenzen, Modus und Schweregrad kommen aus dem Profil des Landes – wie bei `DP-MOBIL-OBERGRENZE`, der Prüfung je Schule: \
Für den DigitalPakt 2.0 sind noch keine Obergrenzen veröffentlicht; dort ist der Befund eine Warnung.",
        bad: "# Summe aller allgemeinbildenden Schulen: 400.000 € Investitionen, davon 120.000 € Tablets (30 %)\n",
        good: "# Summe aller allgemeinbildenden Schulen: 400.000 € Investitionen, davon 70.000 € Tablets (17,5 %)\n",
        sources: &[SH_FAQ, MV_FAQ],
        check: None,
    },
    Rule {
        code: "TRAEGER-BUDGET",
        title: "Beantragte Mittel über dem Budget des Schulträgers",
        severity: Fehler,
        explanation: "Die Länder weisen jedem Schulträger ein Budget (Höchstbetrag) zu. Die Summe der in allen Plänen beantragten \
Fördermittel (`finanzierung.beantragt_eur`) darf das Budget aus `traeger.yaml` (`budget_eur`) nicht übersteigen.",
        bad: "# traeger.yaml: budget_eur: 500000 – Summe beantragt_eur aller Pläne: 540.000 €\n",
        good: "# traeger.yaml: budget_eur: 500000 – Summe beantragt_eur aller Pläne: 480.000 €\n",
        sources: &[NRW_RL, BY_DBIR],
        check: None,
    },
    Rule {
        code: "TRAEGER-SCHULNUMMER-DOPPELT",
        title: "Schulnummer doppelt",
        severity: Fehler,
        explanation: "Zwei Pläne – oder zwei Einträge unter `schulen` in `traeger.yaml` – tragen dieselbe Schulnummer. \
Meist ist ein Plan doppelt abgelegt (etwa ein alter Stand neben dem neuen) oder die Nummer wurde aus einer Vorlage übernommen. \
Die Summen der Übersicht zählen die Schule dann zweimal.",
        bad: "# a.yaml: schulnummer: \"99123\"\n# b.yaml: schulnummer: \"99123\"\n",
        good: "# a.yaml: schulnummer: \"99123\"\n# b.yaml: schulnummer: \"99124\"\n",
        sources: &[],
        check: None,
    },
    Rule {
        code: "TRAEGER-LAND",
        title: "Schule in einem anderen Land als der Schulträger",
        severity: Fehler,
        explanation: "Jeder Plan wird nach den Regeln seines Landes (`land`) geprüft. Nennt ein Plan ein anderes Land als \
`traeger.yaml`, ist entweder das Land im Plan falsch oder der Plan gehört nicht zu diesem Schulträger.",
        bad: "# traeger.yaml: land: NI – plan.yaml: land: NW\n",
        good: "# traeger.yaml: land: NI – plan.yaml: land: NI\n",
        sources: &[],
        check: None,
    },
    Rule {
        code: "TRAEGER-PROGRAMM",
        title: "Plan für ein anderes Förderprogramm als der Schulträger",
        severity: Fehler,
        explanation: "Alle Pläne eines Antrags folgen demselben Förderprogramm. Nennt ein Plan unter `programm` ein anderes \
Programm als `traeger.yaml`, gelten für ihn andere Regeln und seine Beträge gehören nicht in dieselbe Summe.",
        bad: "# traeger.yaml: programm: digitalpakt-2 – plan.yaml: programm: digitalpakt-2019\n",
        good: "# traeger.yaml: programm: digitalpakt-2 – plan.yaml: programm: digitalpakt-2\n",
        sources: &[],
        check: None,
    },
    Rule {
        code: "TRAEGER-PLAN-FEHLT",
        title: "Erwartete Schule ohne Plan",
        severity: Fehler,
        explanation: "Für jede Schule, für die der Schulträger Mittel beantragt, ist ein eigenes Medien- bzw. Einsatzkonzept \
vorzulegen. `traeger.yaml` listet unter `schulen` die Schulen, von denen ein Plan erwartet wird; zu dieser Schulnummer wurde \
unter den geprüften Dateien kein lesbarer Plan gefunden. Prüfen Sie, ob die Datei fehlt, nicht gelesen werden konnte oder eine \
andere Schulnummer trägt.",
        bad: "# traeger.yaml: schulen: [{ schulnummer: \"99123\", name: … }] – kein Plan mit dieser Schulnummer\n",
        good: "# traeger.yaml: schulen: [{ schulnummer: \"99123\", name: … }] – plaene/99123.yaml mit schulnummer: \"99123\"\n",
        sources: &[HB_ANTRAG, BW_LBANK],
        check: None,
    },
    Rule {
        code: "TRAEGER-SCHULE-UNERWARTET",
        title: "Plan einer Schule, die der Schulträger nicht erwartet",
        severity: Warnung,
        explanation: "Der Plan trägt eine Schulnummer, die in `traeger.yaml` unter `schulen` nicht vorkommt. Vielleicht fehlt \
die Schule in der Liste, die Schulnummer ist falsch geschrieben oder der Plan liegt im falschen Ordner.",
        bad: "# traeger.yaml: schulen: [99123, 99124] – plan.yaml: schulnummer: \"99125\"\n",
        good: "# traeger.yaml: schulen: [99123, 99124, 99125] – plan.yaml: schulnummer: \"99125\"\n",
        sources: &[],
        check: None,
    },
];

/// What the cross-school checks need to know about one readable plan.
#[derive(Clone, Copy, Debug)]
pub struct SchoolFacts<'a> {
    /// File name as shown to the user.
    pub file: &'a str,
    /// Schulnummer.
    pub number: &'a str,
    /// Name of the school.
    pub name: &'a str,
    /// Name of the Schulträger named in the plan, if any.
    pub provider: Option<&'a str>,
    /// Land.
    pub land: Land,
    /// Funding programme.
    pub programme: Programm,
    /// Whether the school is allgemeinbildend.
    pub general: bool,
    /// Total investment (investive needs).
    pub investment: Euro,
    /// Investment in mobile end devices.
    pub mobile: Euro,
    /// Requested funding.
    pub requested: Euro,
}

/// Where a cross-school finding points.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Target {
    /// The Schulträger file; the diagnostic's path is a path in it.
    Traeger,
    /// The plan at this index of the facts; the path is a path in that plan.
    Plan(usize),
    /// All plans of a Träger named in the plans (no `traeger.yaml`); no file.
    Gruppe,
}

/// One finding of a cross-school rule.
#[derive(Clone, Debug)]
pub struct CrossFinding {
    /// The file the finding belongs to.
    pub target: Target,
    /// The finding.
    pub diagnostic: Diagnostic,
}

fn findings(code: &str) -> Findings {
    let rule = super::find(code).unwrap_or(&RULES[0]);
    Findings { rule, severity: rule.severity, out: Vec::new() }
}

fn push(out: &mut Vec<CrossFinding>, target: Target, f: Findings) {
    out.extend(f.out.into_iter().map(|diagnostic| CrossFinding { target, diagnostic }));
}

/// Runs every cross-school rule on the facts of the readable plans.
///
/// With a Träger file all plans belong to that Träger; without one, plans are
/// grouped by the Schulträger they name, and only the mobile-device share is checked.
/// Limits and severities come from the profile `choice` selects for the Träger's programme and Land.
#[must_use]
pub fn check_schools(traeger: Option<&Traeger>, schools: &[SchoolFacts<'_>], choice: &Choice) -> Vec<CrossFinding> {
    let mut out = Vec::new();
    duplicate_numbers(traeger, schools, &mut out);
    if let Some(t) = traeger {
        if t.format != 1 {
            let mut f = findings("FORMAT-VERSION");
            f.at("format", format!("Formatversion {} ist unbekannt; diese Version von mep liest Format 1.", t.format))
                .with_help("Schreiben Sie `format: 1`.");
            push(&mut out, Target::Traeger, f);
        }
        let all: Vec<usize> = (0..schools.len()).collect();
        mobile_share(&choice.resolve(t.programme, t.land), Target::Traeger, &t.name, &all, schools, &mut out);
        budget(t, schools, &mut out);
        land_and_programme(t, schools, &mut out);
        expected(t, schools, &mut out);
    } else {
        let mut groups: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (i, s) in schools.iter().enumerate() {
            if let Some(p) = s.provider.map(str::trim).filter(|p| !p.is_empty()) {
                groups.entry(p).or_default().push(i);
            }
        }
        for (name, members) in groups {
            let first = &schools[members[0]];
            mobile_share(&choice.resolve(first.programme, first.land), Target::Gruppe, name, &members, schools, &mut out);
        }
    }
    out
}

fn duplicate_numbers(traeger: Option<&Traeger>, schools: &[SchoolFacts<'_>], out: &mut Vec<CrossFinding>) {
    let mut first: HashMap<&str, usize> = HashMap::new();
    for (i, s) in schools.iter().enumerate() {
        let number = s.number.trim();
        match first.get(number) {
            Some(&j) => {
                let mut f = findings("TRAEGER-SCHULNUMMER-DOPPELT");
                f.at(
                    "schule.schulnummer",
                    format!("Die Schulnummer {number} steht auch im Plan `{}` ({}).", schools[j].file, schools[j].name),
                )
                .with_help("Entfernen Sie den doppelten Plan oder korrigieren Sie die Schulnummer.");
                push(out, Target::Plan(i), f);
            }
            None => {
                first.insert(number, i);
            }
        }
    }
    if let Some(t) = traeger {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        let mut f = findings("TRAEGER-SCHULNUMMER-DOPPELT");
        for (i, e) in t.schools.iter().enumerate() {
            let number = e.number.trim();
            if let Some(&j) = seen.get(number) {
                f.at(format!("schulen[{i}].schulnummer"), format!("Die Schulnummer {number} steht schon an Eintrag {} der Liste.", j + 1))
                    .with_help("Führen Sie jede Schule nur einmal auf.");
            } else {
                seen.insert(number, i);
            }
        }
        push(out, Target::Traeger, f);
    }
}

fn mobile_share(
    profile: &Profile,
    target: Target,
    provider: &str,
    members: &[usize],
    schools: &[SchoolFacts<'_>],
    out: &mut Vec<CrossFinding>,
) {
    // The cross-school share is the other half of the per-school cap and follows its profile setting.
    let Some(severity) = super::find("DP-MOBIL-OBERGRENZE").and_then(|r| profile.severity(r)) else { return };
    let general: Vec<&SchoolFacts<'_>> = members.iter().map(|&i| &schools[i]).filter(|s| s.general).collect();
    let investment: Euro = general.iter().map(|s| s.investment).sum();
    let mobile: Euro = general.iter().map(|s| s.mobile).sum();
    let limit = i64::from(profile.mobile_share_limit_percent());
    if investment.cents() == 0 || mobile.cents().saturating_mul(100) <= investment.cents().saturating_mul(limit) {
        return;
    }
    let mode = profile.cap_mode();
    let cap = Euro(profile.mobile_cap_cents());
    let over_school: Vec<&&SchoolFacts<'_>> = general.iter().filter(|s| s.mobile > cap).collect();
    if mode == CapMode::Alternativ && over_school.is_empty() {
        // Every school stays within the per-school amount; the more favourable limit applies.
        return;
    }
    let mut f = findings("TRAEGER-MOBIL-ANTEIL");
    f.severity = severity;
    let share = crate::figures::Ratio::of(mobile.cents(), investment.cents()).map_or_else(|| "–".to_owned(), de_share);
    let mut message = format!(
        "Mobile Endgeräte kosten an den {} allgemeinbildenden Schulen von {provider} {} von {} Investitionen, also {} – mehr als {}.",
        general.len(),
        de_eur(mobile.cents()),
        de_eur(investment.cents()),
        share,
        crate::view::values::de_percent_whole(limit)
    );
    if mode == CapMode::Alternativ {
        let names: Vec<String> = over_school.iter().map(|s| format!("{} ({})", s.name, de_eur(s.mobile.cents()))).collect();
        message.push_str(&format!(" Die Grenze von {} je Schule hilft nicht: darüber liegen {}.", de_eur(cap.cents()), names.join(", ")));
    } else {
        message.push_str(&format!(" In {} gelten beide Grenzen zugleich.", profile.land_name()));
    }
    let help = "Verschieben Sie Endgeräte in spätere Jahre, senken Sie ihre Anzahl oder planen Sie mehr Infrastruktur (Vernetzung, WLAN, Anzeigegeräte).";
    let d = match profile.parameter.mobil_modus.as_ref() {
        Some(param) => f.at_param("", message, param),
        None => f.at("", message),
    };
    d.with_help(help);
    push(out, target, f);
}

fn budget(t: &Traeger, schools: &[SchoolFacts<'_>], out: &mut Vec<CrossFinding>) {
    let requested: Euro = schools.iter().map(|s| s.requested).sum();
    if requested > t.budget {
        let mut f = findings("TRAEGER-BUDGET");
        f.at(
            "budget_eur",
            format!(
                "Die {} Pläne beantragen zusammen {}, das Budget des Schulträgers beträgt {} ({} zu viel).",
                schools.len(),
                de_eur(requested.cents()),
                de_eur(t.budget.cents()),
                de_eur(requested.cents() - t.budget.cents())
            ),
        )
        .with_help("Kürzen Sie beantragte Mittel in einzelnen Plänen oder prüfen Sie das Budget in `traeger.yaml`.");
        push(out, Target::Traeger, f);
    }
}

fn land_and_programme(t: &Traeger, schools: &[SchoolFacts<'_>], out: &mut Vec<CrossFinding>) {
    for (i, s) in schools.iter().enumerate() {
        if s.land != t.land {
            let mut f = findings("TRAEGER-LAND");
            f.at(
                "land",
                format!(
                    "Der Plan nennt das Land {} ({}), der Schulträger {} liegt in {}.",
                    s.land.key(),
                    s.land.label(),
                    t.name,
                    t.land.label()
                ),
            )
            .with_help(format!("Schreiben Sie `land: {}` oder prüfen Sie, ob der Plan zu diesem Schulträger gehört.", t.land.key()));
            push(out, Target::Plan(i), f);
        }
        if s.programme != t.programme {
            let mut f = findings("TRAEGER-PROGRAMM");
            f.at(
                "programm",
                format!("Der Plan folgt dem Programm „{}“, der Schulträger beantragt nach „{}“.", s.programme.label(), t.programme.label()),
            )
            .with_help(format!("Schreiben Sie `programm: {}`.", t.programme.key()));
            push(out, Target::Plan(i), f);
        }
    }
}

fn expected(t: &Traeger, schools: &[SchoolFacts<'_>], out: &mut Vec<CrossFinding>) {
    if t.schools.is_empty() {
        return;
    }
    let present: HashMap<&str, usize> = schools.iter().enumerate().map(|(i, s)| (s.number.trim(), i)).collect();
    let mut missing = findings("TRAEGER-PLAN-FEHLT");
    for (i, e) in t.schools.iter().enumerate() {
        if !present.contains_key(e.number.trim()) {
            missing
                .at(format!("schulen[{i}]"), format!("Für die Schule {} ({}) liegt kein lesbarer Plan vor.", e.name, e.number.trim()))
                .with_help("Legen Sie den Plan der Schule zu den geprüften Dateien oder prüfen Sie die Schulnummer im Plan.");
        }
    }
    push(out, Target::Traeger, missing);
    let listed: HashSet<&str> = t.schools.iter().map(|e| e.number.trim()).collect();
    for (i, s) in schools.iter().enumerate() {
        if !listed.contains(s.number.trim()) {
            let mut f = findings("TRAEGER-SCHULE-UNERWARTET");
            f.at(
                "schule.schulnummer",
                format!("Die Schulnummer {} ({}) steht nicht in der Liste der Schulen von {}.", s.number.trim(), s.name, t.name),
            )
            .with_help("Ergänzen Sie die Schule unter `schulen` in `traeger.yaml` oder korrigieren Sie die Schulnummer.");
            push(out, Target::Plan(i), f);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Severity;

    fn school(number: &'static str, general: bool, investment: i64, mobile: i64) -> SchoolFacts<'static> {
        SchoolFacts {
            file: "plan.yaml",
            number,
            name: number,
            provider: Some("Stadt A"),
            land: Land::Ni,
            programme: Programm::Dp2019,
            general,
            investment: Euro(investment * 100),
            mobile: Euro(mobile * 100),
            requested: Euro(0),
        }
    }

    fn mobile_findings(land: Land, schools: &mut [SchoolFacts<'static>]) -> Vec<Diagnostic> {
        for s in schools.iter_mut() {
            s.land = land;
        }
        check_schools(None, schools, &Choice::default())
            .into_iter()
            .filter(|f| f.diagnostic.code == "TRAEGER-MOBIL-ANTEIL")
            .map(|f| f.diagnostic)
            .collect()
    }

    #[test]
    fn a_share_within_20_percent_passes() {
        assert!(mobile_findings(Land::Mv, &mut [school("1", true, 100_000, 30_000), school("2", true, 100_000, 0)]).is_empty());
    }

    #[test]
    fn the_per_school_limit_saves_an_alternative_land_but_not_a_cumulative_one() {
        let mut schools = [school("1", true, 50_000, 20_000), school("2", true, 50_000, 20_000)];
        assert!(mobile_findings(Land::Ni, &mut schools).is_empty(), "each school ≤ 25.000 €: the more favourable limit applies");
        let found = mobile_findings(Land::Mv, &mut schools);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Fehler);
        assert!(found[0].message.contains("40,0\u{a0}%"), "{}", found[0].message);
    }

    #[test]
    fn both_limits_broken_fails_everywhere() {
        let mut schools = [school("1", true, 50_000, 30_000), school("2", true, 50_000, 10_000)];
        assert_eq!(mobile_findings(Land::Ni, &mut schools).len(), 1);
    }

    #[test]
    fn vocational_schools_do_not_count() {
        let mut schools = [school("1", true, 100_000, 10_000), school("2", false, 100_000, 90_000)];
        assert!(mobile_findings(Land::Mv, &mut schools).is_empty());
    }

    #[test]
    fn digitalpakt_2_only_warns() {
        let mut schools = [school("1", true, 50_000, 30_000)];
        schools[0].programme = Programm::Dp2;
        let found = mobile_findings(Land::Mv, &mut schools);
        assert_eq!(found[0].severity, Severity::Warnung);
    }

    #[test]
    fn schools_of_different_traeger_are_not_mixed() {
        let mut schools = [school("1", true, 100_000, 40_000), school("2", true, 100_000, 0)];
        schools[1].provider = Some("Stadt B");
        let found = mobile_findings(Land::Mv, &mut schools);
        assert_eq!(found.len(), 1, "Stadt A alone is at 40 %");
        assert!(found[0].message.contains("Stadt A"));
    }
}
