//! Plausibility checks a reviewer would do by eye, computed from structured data only (never by
//! reading prose): a counted equipment target against what is owned and planned, a goal's deadline
//! against the measures that serve it, and – only where a source gives a figure – the bandwidth.

use super::{Context, Entry, Findings, Rule};
use crate::diag::Severity::{Hinweis, Warnung};
use crate::german::de_int;
use crate::model::{Angabe, Ausstattungsziel, Bezugsgroesse, Land, Plan};
use crate::sources::HH_GBIT;

pub(super) static RULES: &[Entry] =
    &[(&PLAUS_AUSSTATTUNGSZIEL, Some(equipment_targets)), (&PLAUS_ZIELTERMIN, Some(goal_deadlines)), (&PLAUS_BANDBREITE, Some(bandwidth))];

/// `PLAUS-AUSSTATTUNGSZIEL`: Ausstattungsziel mit Bestand und Bedarf nicht erreichbar
pub static PLAUS_AUSSTATTUNGSZIEL: Rule = Rule {
    code: "PLAUS-AUSSTATTUNGSZIEL",
    title: "Ausstattungsziel mit Bestand und Bedarf nicht erreichbar",
    severity: Warnung,
    explanation: "Plausibilitätsprüfung: Ein Ziel kann ein zählbares Ausstattungsziel tragen (`ausstattungsziel: { geraetetyp, je, anzahl, auf }`), \
etwa ein interaktives Display je Unterrichtsraum. mep rechnet aus, wie viele Geräte das bei der Zahl der Unterrichtsräume, \
Schülerinnen und Schüler oder Lehrkräfte der Schule sind, und vergleicht das mit den vorhandenen (`bestand.geraete`) und den \
geplanten Geräten dieses Typs (`bedarf`). Reichen beide zusammen nicht, verspricht das Ziel mehr, als der Plan beschafft. \
Beschaffen Sie die fehlenden Geräte, nennen Sie vorhandene im Bestand oder passen Sie das Ziel an. \
Ist eine der Zahlen `unbekannt`, prüft mep nichts.",
    bad: "ziele:\n  - id: Z1\n    dimension: technik\n    beschreibung: Jeder Unterrichtsraum hat ein interaktives Display.\n    indikator: Räume mit Display\n    zielwert: \"10 von 10\"\n    termin: 2028-07-31\n    ausstattungsziel: { geraetetyp: display, je: unterrichtsraum, anzahl: 1 }\n",
    good: "ziele:\n  - id: Z1\n    dimension: technik\n    beschreibung: Jeder Unterrichtsraum hat ein interaktives Display.\n    indikator: Räume mit Display\n    zielwert: \"10 von 10\"\n    termin: 2028-07-31\n    ausstattungsziel: { geraetetyp: display, je: unterrichtsraum, anzahl: 1, auf: 2 }\n",
    sources: &[],
};

/// `PLAUS-ZIELTERMIN`: Zieltermin vor dem Ende der zugehörigen Maßnahmen
pub static PLAUS_ZIELTERMIN: Rule = Rule {
    code: "PLAUS-ZIELTERMIN",
    title: "Zieltermin vor dem Ende der zugehörigen Maßnahmen",
    severity: Warnung,
    explanation: "Plausibilitätsprüfung: Ein Ziel soll bis zu seinem `termin` erreicht sein. Eine Maßnahme, die dieses Ziel unterstützt \
(`massnahmen[].ziele`), aber erst danach endet, kann dazu nicht mehr beitragen. Verlegen Sie den Zieltermin hinter das Ende der Maßnahme \
oder ziehen Sie die Maßnahme vor.",
    bad: "ziele:\n  - id: Z1\n    dimension: unterricht\n    beschreibung: Digitale Medien werden in allen Fächern genutzt.\n    indikator: Anteil der Fächer mit Medienbausteinen\n    zielwert: \"100 %\"\n    termin: 2027-01-31\nmassnahmen:\n  - { id: M1, titel: WLAN-Ausbau, ziele: [Z1], bedarf: [B1], verantwortlich: Schulträger, beginn: 2026-11-01, ende: 2027-03-31 }\n",
    good: "ziele:\n  - id: Z1\n    dimension: unterricht\n    beschreibung: Digitale Medien werden in allen Fächern genutzt.\n    indikator: Anteil der Fächer mit Medienbausteinen\n    zielwert: \"100 %\"\n    termin: 2027-06-30\nmassnahmen:\n  - { id: M1, titel: WLAN-Ausbau, ziele: [Z1], bedarf: [B1], verantwortlich: Schulträger, beginn: 2026-11-01, ende: 2027-03-31 }\n",
    sources: &[],
};

/// `PLAUS-BANDBREITE`: Internetanschluss unter der Empfehlung des Landes
pub static PLAUS_BANDBREITE: Rule = Rule {
    code: "PLAUS-BANDBREITE",
    title: "Internetanschluss unter der Empfehlung des Landes",
    severity: Hinweis,
    explanation: "Plausibilitätsprüfung: Nur wo eine Quelle eine Zahl nennt, vergleicht mep die Bandbreite des Internetanschlusses \
(`bestand.netz.internet_mbit`) damit. Für Hamburg wird 1 Gbit/s je Unterrichtsraum als Ausbaustand berichtet (Presse); hat der Anschluss \
der ganzen Schule weniger als 1.000 Mbit/s, erreicht kein Raum diesen Wert. Für andere Länder ist keine solche Zahl belegt; \
dort prüft mep die Bandbreite nicht.",
    bad: "land: HH\nbestand:\n  netz: { internet_mbit: 250, glasfaser: true, verkabelte_raeume: 10, wlan_raeume: 4, netztrennung: true }\n  geraete:\n    - { typ: beamer, anzahl: 6, anschaffungsjahr: 2015 }\n  fortbildungsstand: Die Hälfte des Kollegiums nutzt digitale Medien regelmäßig.\n  prozesse: Vertretungsplan und Elternbriefe laufen über die Bildungscloud.\n",
    good: "land: HH\nbestand:\n  netz: { internet_mbit: 1000, glasfaser: true, verkabelte_raeume: 10, wlan_raeume: 4, netztrennung: true }\n  geraete:\n    - { typ: beamer, anzahl: 6, anschaffungsjahr: 2015 }\n  fortbildungsstand: Die Hälfte des Kollegiums nutzt digitale Medien regelmäßig.\n  prozesse: Vertretungsplan und Elternbriefe laufen über die Bildungscloud.\n",
    sources: &[HH_GBIT],
};

/// How many units of the reference the school has (`None` when unknown or not stated).
fn units(plan: &Plan, per: Bezugsgroesse) -> Option<u32> {
    match per {
        Bezugsgroesse::Unterrichtsraum => plan.school.classrooms.and_then(Angabe::bekannt),
        Bezugsgroesse::Schueler => plan.school.pupils.bekannt(),
        Bezugsgroesse::Lehrkraft => plan.school.teachers.bekannt(),
    }
}

/// Devices the target asks for: `anzahl` per `auf` units, rounded up.
fn required(target: &Ausstattungsziel, units: u32) -> u64 {
    let per = u64::from(target.per_units.max(1));
    (u64::from(units) * u64::from(target.count)).div_ceil(per)
}

/// "1 Interaktives Display je Unterrichtsraum", "1 Tablet auf 3 Schülerinnen oder Schüler".
fn promise(target: &Ausstattungsziel) -> String {
    let per = match (target.per, target.per_units) {
        (Bezugsgroesse::Unterrichtsraum, 1) => "je Unterrichtsraum".to_owned(),
        (Bezugsgroesse::Schueler, 1) => "je Schülerin oder Schüler".to_owned(),
        (Bezugsgroesse::Lehrkraft, 1) => "je Lehrkraft".to_owned(),
        (Bezugsgroesse::Unterrichtsraum, n) => format!("auf {} Unterrichtsräume", de_int(i64::from(n))),
        (Bezugsgroesse::Schueler, n) => format!("auf {} Schülerinnen und Schüler", de_int(i64::from(n))),
        (Bezugsgroesse::Lehrkraft, n) => format!("auf {} Lehrkräfte", de_int(i64::from(n))),
    };
    format!("{} × {} {per}", de_int(i64::from(target.count)), target.device.label())
}

fn unit_name(per: Bezugsgroesse) -> &'static str {
    match per {
        Bezugsgroesse::Unterrichtsraum => "Unterrichtsräumen",
        Bezugsgroesse::Schueler => "Schülerinnen und Schülern",
        Bezugsgroesse::Lehrkraft => "Lehrkräften",
    }
}

fn equipment_targets(ctx: &Context<'_>, f: &mut Findings) {
    for (i, goal) in ctx.plan.goals.iter().enumerate() {
        let Some(target) = goal.equipment_target else { continue };
        let Some(units) = units(ctx.plan, target.per) else { continue };
        let Some((_, owned, planned)) = ctx.figures.devices.by_type.iter().find(|(t, _, _)| *t == target.device) else { continue };
        if owned.unknown > 0 || planned.unknown > 0 {
            continue;
        }
        let need = required(&target, units);
        let have = owned.sum + planned.sum;
        if have < need {
            let n = |v: u64| de_int(i64::try_from(v).unwrap_or(i64::MAX));
            f.at(
                format!("ziele[{i}].ausstattungsziel"),
                format!(
                    "Plausibilitätsprüfung: Ziel {} verspricht {}, bei {} {} also {} Geräte; vorhanden sind {}, geplant {} – es fehlen {}.",
                    goal.id,
                    promise(&target),
                    n(u64::from(units)),
                    unit_name(target.per),
                    n(need),
                    n(owned.sum),
                    n(planned.sum),
                    n(need - have),
                ),
            )
            .with_help(format!(
                "Planen Sie {} weitere Geräte vom Typ `{}` unter `bedarf` ein, tragen Sie vorhandene unter `bestand.geraete` ein oder passen Sie das Ziel an.",
                n(need - have),
                target.device.key()
            ));
        }
    }
}

fn goal_deadlines(ctx: &Context<'_>, f: &mut Findings) {
    for (i, goal) in ctx.plan.goals.iter().enumerate() {
        let Some(due) = goal.due else { continue };
        let late: Vec<_> = ctx.plan.measures.iter().filter(|m| m.goals.iter().any(|g| g == &goal.id) && m.end > due).collect();
        let Some(last) = late.iter().max_by_key(|m| m.end) else { continue };
        let names: Vec<String> = late.iter().map(|m| format!("{} (Ende {})", m.id, m.end.de())).collect();
        f.at(
            format!("ziele[{i}].termin"),
            format!(
                "Plausibilitätsprüfung: Ziel {} soll bis {} erreicht sein, aber {} erst danach: {}.",
                goal.id,
                due.de(),
                if late.len() == 1 { "die zugehörige Maßnahme endet" } else { "die zugehörigen Maßnahmen enden" },
                names.join(", ")
            ),
        )
        .with_help(format!("Legen Sie den Zieltermin auf {} oder später, oder ziehen Sie die Maßnahme vor.", last.end.de()));
    }
}

fn bandwidth(ctx: &Context<'_>, f: &mut Findings) {
    const HH_MBIT: u32 = 1000;
    if ctx.profile.land != Some(Land::Hh) {
        return;
    }
    let Some(mbit) = ctx.plan.inventory.as_ref().and_then(|b| b.network.as_ref()).and_then(|n| n.internet_mbit).and_then(Angabe::bekannt)
    else {
        return;
    };
    if mbit < HH_MBIT {
        f.at(
            "bestand.netz.internet_mbit",
            format!(
                "Plausibilitätsprüfung: Der Internetanschluss hat {} Mbit/s; für Hamburg wird 1 Gbit/s je Unterrichtsraum berichtet (Presse), mit weniger als 1.000 Mbit/s für die ganze Schule erreicht kein Raum diesen Wert.",
                de_int(i64::from(mbit))
            ),
        )
        .with_help("Prüfen Sie, ob ein schnellerer Anschluss geplant ist, und nennen Sie ihn im Plan.");
    }
}
