//! Checks across the schools of one Schulträger (`mep review`): the mobile-device
//! share over all allgemeinbildende schools, the Träger budget, duplicate
//! Schulnummern, Land and programme of each school, and expected schools
//! without a plan.
//!
//! These rules see many plans at once, so they have no per-plan check
//! (`check: None`); [`check_schools`] runs them on small per-school facts.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::plan::FORMAT_VERSION;
use super::{Entry, Findings, Rule};
use crate::diag::Diagnostic;
use crate::diag::Severity::{Fehler, Warnung};
use crate::german::{de_eur, de_share};
use crate::model::{Euro, Land, Programm, Traeger};
use crate::profile::{CapMode, Choice, Profile};
use crate::sources::{BREMEN, BY_DBIR_BUDGET, DPS_QUALI, DPS_TRAEGER, L_BANK, MV_FAQ, NRW_RL, SH_FAQ_GERAETE, VV_2019};

pub(super) static RULES: &[Entry] = &[
    (&TRAEGER_MOBIL_ANTEIL, None),
    (&TRAEGER_BUDGET, None),
    (&TRAEGER_SCHULNUMMER_DOPPELT, None),
    (&TRAEGER_LAND, None),
    (&TRAEGER_PROGRAMM, None),
    (&TRAEGER_PLAN_FEHLT, None),
    (&TRAEGER_SCHULE_UNERWARTET, None),
];

/// `TRAEGER-MOBIL-ANTEIL`: Mobile Endgeräte über 20 % der Investitionen des Schulträgers
pub static TRAEGER_MOBIL_ANTEIL: Rule = Rule {
    code: "TRAEGER-MOBIL-ANTEIL",
    title: "Mobile Endgeräte über 20 % der Investitionen des Schulträgers",
    severity: Fehler,
    explanation: "Für allgemeinbildende Schulen begrenzt die Verwaltungsvereinbarung (§ 3 Abs. 1 Nr. 6 Buchst. c) die Kosten \
schulgebundener mobiler Endgeräte: (aa) höchstens 20 % des Gesamtinvestitionsvolumens aller allgemeinbildenden Schulen eines \
Schulträgers oder (bb) höchstens 25.000 € je Schule. Die meisten Länder lesen das als Alternative – es gilt die günstigere Grenze, \
nicht ausgeschöpfte Beträge einer Schule lassen sich aber nicht auf andere Schulen übertragen. Mecklenburg-Vorpommern verlangt beide \
Grenzen zugleich. `mep uebersicht` prüft die 20-%-Grenze über alle allgemeinbildenden Schulen eines Schulträgers; im alternativen Modus \
meldet es nur, wenn zugleich eine Schule mehr als 25.000 € für mobile Endgeräte plant. Berufliche Schulen zählen nicht mit. \
Grenzen, Modus und Schweregrad kommen aus dem Profil des Landes – wie bei `DP-MOBIL-OBERGRENZE`, der Prüfung je Schule: \
Für den DigitalPakt 2.0 sind noch keine Obergrenzen veröffentlicht; dort ist der Befund eine Warnung.",
    bad: "# Summe aller allgemeinbildenden Schulen: 400.000 € Investitionen, davon 120.000 € Tablets (30 %)\n",
    good: "# Summe aller allgemeinbildenden Schulen: 400.000 € Investitionen, davon 70.000 € Tablets (17,5 %)\n",
    sources: &[VV_2019, SH_FAQ_GERAETE, MV_FAQ],
};

/// `TRAEGER-BUDGET`: Beantragte Mittel über dem Budget des Schulträgers
pub static TRAEGER_BUDGET: Rule = Rule {
    code: "TRAEGER-BUDGET",
    title: "Beantragte Mittel über dem Budget des Schulträgers",
    severity: Fehler,
    explanation: "Die Länder weisen jedem Schulträger ein Budget (Höchstbetrag) zu. Die Summe der in allen Plänen beantragten \
Fördermittel (`finanzierung.beantragt_eur`) darf das Budget aus `traeger.yaml` (`budget_eur`) nicht übersteigen.",
    bad: "# traeger.yaml: budget_eur: 500000 – Summe beantragt_eur aller Pläne: 540.000 €\n",
    good: "# traeger.yaml: budget_eur: 500000 – Summe beantragt_eur aller Pläne: 480.000 €\n",
    sources: &[DPS_TRAEGER, NRW_RL, BY_DBIR_BUDGET],
};

/// `TRAEGER-SCHULNUMMER-DOPPELT`: Schulnummer doppelt
pub static TRAEGER_SCHULNUMMER_DOPPELT: Rule = Rule {
    code: "TRAEGER-SCHULNUMMER-DOPPELT",
    title: "Schulnummer doppelt",
    severity: Fehler,
    explanation: "Zwei Pläne – oder zwei Einträge unter `schulen` in `traeger.yaml` – tragen dieselbe Schulnummer. \
Meist ist ein Plan doppelt abgelegt (etwa ein alter Stand neben dem neuen) oder die Nummer wurde aus einer Vorlage übernommen. \
Die Summen der Übersicht zählen die Schule dann zweimal.",
    bad: "# a.yaml: schulnummer: \"99123\"\n# b.yaml: schulnummer: \"99123\"\n",
    good: "# a.yaml: schulnummer: \"99123\"\n# b.yaml: schulnummer: \"99124\"\n",
    sources: &[],
};

/// `TRAEGER-LAND`: Schule in einem anderen Land als der Schulträger
pub static TRAEGER_LAND: Rule = Rule {
    code: "TRAEGER-LAND",
    title: "Schule in einem anderen Land als der Schulträger",
    severity: Fehler,
    explanation: "Jeder Plan wird nach den Regeln seines Landes (`land`) geprüft. Nennt ein Plan ein anderes Land als \
`traeger.yaml`, ist entweder das Land im Plan falsch oder der Plan gehört nicht zu diesem Schulträger.",
    bad: "# traeger.yaml: land: NI – plan.yaml: land: NW\n",
    good: "# traeger.yaml: land: NI – plan.yaml: land: NI\n",
    sources: &[],
};

/// `TRAEGER-PROGRAMM`: Plan für ein anderes Förderprogramm als der Schulträger
pub static TRAEGER_PROGRAMM: Rule = Rule {
    code: "TRAEGER-PROGRAMM",
    title: "Plan für ein anderes Förderprogramm als der Schulträger",
    severity: Fehler,
    explanation: "Alle Pläne eines Antrags folgen demselben Förderprogramm. Nennt ein Plan unter `programm` ein anderes \
Programm als `traeger.yaml`, gelten für ihn andere Regeln und seine Beträge gehören nicht in dieselbe Summe.",
    bad: "# traeger.yaml: programm: digitalpakt-2 – plan.yaml: programm: digitalpakt-2019\n",
    good: "# traeger.yaml: programm: digitalpakt-2 – plan.yaml: programm: digitalpakt-2\n",
    sources: &[],
};

/// `TRAEGER-PLAN-FEHLT`: Erwartete Schule ohne Plan
pub static TRAEGER_PLAN_FEHLT: Rule = Rule {
    code: "TRAEGER-PLAN-FEHLT",
    title: "Erwartete Schule ohne Plan",
    severity: Fehler,
    explanation: "Für jede Schule, für die der Schulträger Mittel beantragt, ist ein eigenes Medien- bzw. Einsatzkonzept \
vorzulegen. `traeger.yaml` listet unter `schulen` die Schulen, von denen ein Plan erwartet wird; zu dieser Schulnummer wurde \
unter den geprüften Dateien kein lesbarer Plan gefunden. Prüfen Sie, ob die Datei fehlt, nicht gelesen werden konnte oder eine \
andere Schulnummer trägt.",
    bad: "# traeger.yaml: schulen: [{ schulnummer: \"99123\", name: … }] – kein Plan mit dieser Schulnummer\n",
    good: "# traeger.yaml: schulen: [{ schulnummer: \"99123\", name: … }] – plaene/99123.yaml mit schulnummer: \"99123\"\n",
    sources: &[DPS_QUALI, BREMEN, L_BANK],
};

/// `TRAEGER-SCHULE-UNERWARTET`: Plan einer Schule, die der Schulträger nicht erwartet
pub static TRAEGER_SCHULE_UNERWARTET: Rule = Rule {
    code: "TRAEGER-SCHULE-UNERWARTET",
    title: "Plan einer Schule, die der Schulträger nicht erwartet",
    severity: Warnung,
    explanation: "Der Plan trägt eine Schulnummer, die in `traeger.yaml` unter `schulen` nicht vorkommt. Vielleicht fehlt \
die Schule in der Liste, die Schulnummer ist falsch geschrieben oder der Plan liegt im falschen Ordner.",
    bad: "# traeger.yaml: schulen: [99123, 99124] – plan.yaml: schulnummer: \"99125\"\n",
    good: "# traeger.yaml: schulen: [99123, 99124, 99125] – plan.yaml: schulnummer: \"99125\"\n",
    sources: &[],
};

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

/// A collector for a cross-school rule with the severity the profile gives it (a profile may switch it off).
fn findings(rule: &'static Rule, profile: &Profile) -> Findings {
    let severity = profile.severity(rule).unwrap_or(rule.severity);
    rule.findings(severity, profile.land)
}

fn push(out: &mut Vec<CrossFinding>, target: Target, f: Findings, profile: &Profile, rule: &'static Rule) {
    if profile.severity(rule).is_some() {
        out.extend(f.into_diagnostics().into_iter().map(|diagnostic| CrossFinding { target, diagnostic }));
    }
}

/// Runs every cross-school rule on the facts of the readable plans.
///
/// With a Träger file all plans belong to that Träger; without one, plans are
/// grouped by the Schulträger they name, and only the mobile-device share is checked.
/// Limits and severities come from the profile `choice` selects for the Träger's programme and Land.
#[must_use]
pub fn check_schools(traeger: Option<&Traeger>, schools: &[SchoolFacts<'_>], choice: &Choice) -> Vec<CrossFinding> {
    let mut out = Vec::new();
    let first = schools.first().map(|s| (s.programme, s.land));
    let profile = match (traeger, first) {
        (Some(t), _) => Some(choice.resolve(t.programme, t.land)),
        (None, Some((programme, land))) => Some(choice.resolve(programme, land)),
        (None, None) => None,
    };
    if let Some(profile) = &profile {
        duplicate_numbers(traeger, schools, profile, &mut out);
    }
    if let (Some(t), Some(profile)) = (traeger, &profile) {
        if t.format != 1 {
            let mut f = FORMAT_VERSION.findings(FORMAT_VERSION.severity, Some(t.land));
            f.at("format", format!("Formatversion {} ist unbekannt; diese Version von mep liest Format 1.", t.format))
                .with_help("Schreiben Sie `format: 1`.");
            out.extend(f.into_diagnostics().into_iter().map(|diagnostic| CrossFinding { target: Target::Traeger, diagnostic }));
        }
        let all: Vec<usize> = (0..schools.len()).collect();
        mobile_share(profile, Target::Traeger, &t.name, &all, schools, &mut out);
        budget(t, schools, profile, &mut out);
        land_and_programme(t, schools, profile, &mut out);
        expected(t, schools, profile, &mut out);
    } else if traeger.is_none() {
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

fn duplicate_numbers(traeger: Option<&Traeger>, schools: &[SchoolFacts<'_>], profile: &Profile, out: &mut Vec<CrossFinding>) {
    let mut first: HashMap<&str, usize> = HashMap::new();
    for (i, s) in schools.iter().enumerate() {
        let number = s.number.trim();
        match first.get(number) {
            Some(&j) => {
                let mut f = findings(&TRAEGER_SCHULNUMMER_DOPPELT, profile);
                f.at(
                    "schule.schulnummer",
                    format!("Die Schulnummer {number} steht auch im Plan `{}` ({}).", schools[j].file, schools[j].name),
                )
                .with_help("Entfernen Sie den doppelten Plan oder korrigieren Sie die Schulnummer.");
                push(out, Target::Plan(i), f, profile, &TRAEGER_SCHULNUMMER_DOPPELT);
            }
            None => {
                first.insert(number, i);
            }
        }
    }
    if let Some(t) = traeger {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        let mut f = findings(&TRAEGER_SCHULNUMMER_DOPPELT, profile);
        for (i, e) in t.schools.iter().enumerate() {
            let number = e.number.trim();
            if let Some(&j) = seen.get(number) {
                f.at(format!("schulen[{i}].schulnummer"), format!("Die Schulnummer {number} steht schon an Eintrag {} der Liste.", j + 1))
                    .with_help("Führen Sie jede Schule nur einmal auf.");
            } else {
                seen.insert(number, i);
            }
        }
        push(out, Target::Traeger, f, profile, &TRAEGER_SCHULNUMMER_DOPPELT);
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
    if profile.severity(&TRAEGER_MOBIL_ANTEIL).is_none() {
        return;
    }
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
    let mut f = findings(&TRAEGER_MOBIL_ANTEIL, profile);
    let share = crate::figures::Ratio::of(mobile.cents(), investment.cents()).map_or_else(String::new, de_share);
    let mut message = format!(
        "Mobile Endgeräte kosten an den {} allgemeinbildenden Schulen von {provider} {} von {} Investitionen, also {} – mehr als {}.",
        general.len(),
        de_eur(mobile.cents()),
        de_eur(investment.cents()),
        share,
        crate::german::de_percent_whole(limit)
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
    push(out, target, f, profile, &TRAEGER_MOBIL_ANTEIL);
}

fn budget(t: &Traeger, schools: &[SchoolFacts<'_>], profile: &Profile, out: &mut Vec<CrossFinding>) {
    let requested: Euro = schools.iter().map(|s| s.requested).sum();
    if requested > t.budget {
        let mut f = findings(&TRAEGER_BUDGET, profile);
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
        push(out, Target::Traeger, f, profile, &TRAEGER_BUDGET);
    }
}

fn land_and_programme(t: &Traeger, schools: &[SchoolFacts<'_>], profile: &Profile, out: &mut Vec<CrossFinding>) {
    for (i, s) in schools.iter().enumerate() {
        if s.land != t.land {
            let mut f = findings(&TRAEGER_LAND, profile);
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
            push(out, Target::Plan(i), f, profile, &TRAEGER_LAND);
        }
        if s.programme != t.programme {
            let mut f = findings(&TRAEGER_PROGRAMM, profile);
            f.at(
                "programm",
                format!("Der Plan folgt dem Programm „{}“, der Schulträger beantragt nach „{}“.", s.programme.label(), t.programme.label()),
            )
            .with_help(format!("Schreiben Sie `programm: {}`.", t.programme.key()));
            push(out, Target::Plan(i), f, profile, &TRAEGER_PROGRAMM);
        }
    }
}

fn expected(t: &Traeger, schools: &[SchoolFacts<'_>], profile: &Profile, out: &mut Vec<CrossFinding>) {
    if t.schools.is_empty() {
        return;
    }
    let present: HashMap<&str, usize> = schools.iter().enumerate().map(|(i, s)| (s.number.trim(), i)).collect();
    let mut missing = findings(&TRAEGER_PLAN_FEHLT, profile);
    for (i, e) in t.schools.iter().enumerate() {
        if !present.contains_key(e.number.trim()) {
            missing
                .at(format!("schulen[{i}]"), format!("Für die Schule {} ({}) liegt kein lesbarer Plan vor.", e.name, e.number.trim()))
                .with_help("Legen Sie den Plan der Schule zu den geprüften Dateien oder prüfen Sie die Schulnummer im Plan.");
        }
    }
    push(out, Target::Traeger, missing, profile, &TRAEGER_PLAN_FEHLT);
    let listed: HashSet<&str> = t.schools.iter().map(|e| e.number.trim()).collect();
    for (i, s) in schools.iter().enumerate() {
        if !listed.contains(s.number.trim()) {
            let mut f = findings(&TRAEGER_SCHULE_UNERWARTET, profile);
            f.at(
                "schule.schulnummer",
                format!("Die Schulnummer {} ({}) steht nicht in der Liste der Schulen von {}.", s.number.trim(), s.name, t.name),
            )
            .with_help("Ergänzen Sie die Schule unter `schulen` in `traeger.yaml` oder korrigieren Sie die Schulnummer.");
            push(out, Target::Plan(i), f, profile, &TRAEGER_SCHULE_UNERWARTET);
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
            .filter(|f| *f.diagnostic.code == TRAEGER_MOBIL_ANTEIL)
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
