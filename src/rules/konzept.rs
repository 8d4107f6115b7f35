//! Concept completeness as each Land requires it. These rules read their
//! requirements from the Land profile (`konzeptteile`, `kompetenzrahmen`,
//! `beschluesse`); where a Land requires nothing, they stay silent.

use super::{Context, Entry, Findings, Rule};
use crate::diag::Severity::{Fehler, Warnung};
use crate::german::capitalized;
use crate::model::Plan;
use crate::profile::Konzeptteil;
use crate::rules::fortbildung::DP_FORTBILDUNG_PLAN;
use crate::sources::{KM_BY, L_BANK, LMZ_BW, MKR_NRW};

pub(super) static RULES: &[Entry] = &[
    (&LAND_KONZEPTTEILE, Some(parts)),
    (&LAND_ZIELE_MESSBAR, Some(measurable_goals)),
    (&LAND_EVALUATION, Some(evaluated_goals)),
    (&LAND_RAHMEN, Some(framework)),
    (&LAND_BESCHLUESSE, Some(approvals)),
];

/// `LAND-KONZEPTTEILE`: Vom Land verlangter Teil des Medienkonzepts fehlt
pub static LAND_KONZEPTTEILE: Rule = Rule {
    code: "LAND-KONZEPTTEILE",
    title: "Vom Land verlangter Teil des Medienkonzepts fehlt",
    severity: Fehler,
    explanation: "Die Länder verlangen unterschiedliche Teile des Konzepts. Das Landesprofil nennt sie unter `konzeptteile`, etwa \
Baden-Württemberg: Ist-Analyse zu Technik, Fortbildungsstand und schulischen Prozessen, Ziele, Zeitplan und Evaluation; \
Bayern: Mediencurriculum, Fortbildungsplanung und Ausstattungsplan; Nordrhein-Westfalen: Medienkonzept mit Mediencurriculum und TPEK. \
Ein Teil zählt als vorhanden, wenn der Plan ihn in seiner Struktur hat (etwa `bedarf` für den Ausstattungsplan) \
oder ihn im Text beschreibt (etwa ein qualitativer Ausstattungsplan im Leitbild oder in einem Einsatzszenario, eingeleitet mit seinem Namen). \
Jeder fehlende Teil wird einmal gemeldet, mit der Quelle des Landes; fehlt die Fortbildung ganz, meldet das nur `DP-FORTBILDUNG-PLAN`. Welche Teile Ihr Land verlangt, zeigt `mep regeln --land XX --format md`.",
    bad: "land: BY\nprogramm: digitalpakt-2019\nmediencurriculum: { rahmen: by-kompetenzrahmen, einheiten: [] }\n",
    good: "land: BY\nprogramm: digitalpakt-2019\nmediencurriculum:\n  rahmen: by-kompetenzrahmen\n  einheiten:\n    - { fach: Deutsch, jahrgang: 3, thema: Informationen suchen, kompetenzen: [\"2.1\"] }\n",
    sources: &[LMZ_BW, KM_BY, MKR_NRW],
};

/// `LAND-ZIELE-MESSBAR`: Ziel ohne Indikator, Zielwert oder Termin
pub static LAND_ZIELE_MESSBAR: Rule = Rule {
    code: "LAND-ZIELE-MESSBAR",
    title: "Ziel ohne Indikator, Zielwert oder Termin",
    severity: Fehler,
    explanation: "Wo das Land überprüfbare Ziele verlangt (Baden-Württemberg: „Evaluationskriterien und Messgrößen“), braucht jedes Ziel \
einen `indikator`, einen `zielwert` und einen `termin`. Nur so lässt sich später feststellen, ob es erreicht wurde.",
    bad: "land: BW\nprogramm: digitalpakt-2019\nziele:\n  - { id: Z1, dimension: unterricht, beschreibung: Digitale Medien werden in allen Fächern genutzt. }\n",
    good: "land: BW\nprogramm: digitalpakt-2019\nziele:\n  - id: Z1\n    dimension: unterricht\n    beschreibung: Digitale Medien werden in allen Fächern genutzt.\n    indikator: Anteil der Fächer mit Medienbausteinen\n    zielwert: \"100 %\"\n    termin: 2028-07-31\n",
    sources: &[LMZ_BW],
};

/// `LAND-EVALUATION`: Ziel ohne Evaluation
pub static LAND_EVALUATION: Rule = Rule {
    code: "LAND-EVALUATION",
    title: "Ziel ohne Evaluation",
    severity: Fehler,
    explanation: "Wo das Land eine Evaluation verlangt (Baden-Württemberg), muss jedes Ziel unter `evaluation` mindestens einmal vorkommen: \
mit Methode und Zeitpunkt. Ergänzen Sie für das genannte Ziel einen Eintrag.",
    bad: "land: BW\nprogramm: digitalpakt-2019\nevaluation: []\n",
    good: "land: BW\nprogramm: digitalpakt-2019\nevaluation:\n  - { ziel: Z1, methode: Befragung der Fachschaften, zeitpunkt: 2028-06-30 }\n",
    sources: &[LMZ_BW],
};

/// `LAND-RAHMEN`: Mediencurriculum nicht auf den Kompetenzrahmen des Landes bezogen
pub static LAND_RAHMEN: Rule = Rule {
    code: "LAND-RAHMEN",
    title: "Mediencurriculum nicht auf den Kompetenzrahmen des Landes bezogen",
    severity: Fehler,
    explanation: "Nordrhein-Westfalen verlangt, dass das Mediencurriculum dem Medienkompetenzrahmen NRW zugeordnet ist; Bayern erwartet den \
Bezug auf den Kompetenzrahmen zur Medienbildung an bayerischen Schulen. Wählen Sie unter `mediencurriculum.rahmen` den Rahmen des Landes \
und ordnen Sie die Einheiten dessen Kompetenzen zu.",
    bad: "land: NW\nprogramm: digitalpakt-2019\nmediencurriculum:\n  rahmen: kmk-2016\n  einheiten:\n    - { fach: Deutsch, jahrgang: 5, thema: Informationen suchen, kompetenzen: [\"1.1\"] }\n",
    good: "land: NW\nprogramm: digitalpakt-2019\nmediencurriculum:\n  rahmen: mkr-nrw\n  einheiten:\n    - { fach: Deutsch, jahrgang: 5, thema: Informationen suchen, kompetenzen: [\"2.1\"] }\n",
    sources: &[MKR_NRW, KM_BY],
};

/// `LAND-BESCHLUESSE`: Vom Land verlangter Beschluss fehlt
pub static LAND_BESCHLUESSE: Rule = Rule {
    code: "LAND-BESCHLUESSE",
    title: "Vom Land verlangter Beschluss fehlt",
    severity: Warnung,
    explanation: "Manche Länder verlangen, dass ein Gremium den Plan beschlossen oder bestätigt hat: Baden-Württemberg die Freigabeempfehlung \
des Landesmedienzentrums oder eines Medienzentrums (spätestens mit dem Verwendungsnachweis), Nordrhein-Westfalen die Verabschiedung \
des Medienkonzepts in der Schulkonferenz. Tragen Sie den Beschluss mit Datum unter `beschluesse` ein, sobald er vorliegt.",
    bad: "land: NW\nprogramm: digitalpakt-2019\nbeschluesse:\n  - { gremium: lehrerkonferenz, datum: 2026-09-20 }\n",
    good: "land: NW\nprogramm: digitalpakt-2019\nbeschluesse:\n  - { gremium: lehrerkonferenz, datum: 2026-09-20 }\n  - { gremium: schulkonferenz, datum: 2026-09-30 }\n",
    sources: &[L_BANK, MKR_NRW],
};

/// Whether a part is present in the plan's structure, and the YAML path to point at.
fn structured(plan: &Plan, part: Konzeptteil) -> (bool, &'static str) {
    match part {
        Konzeptteil::IstAnalyse => (
            plan.inventory.as_ref().is_some_and(|b| {
                (b.network.is_some() || !b.devices.is_empty())
                    && b.training_status.as_deref().is_some_and(|t| !t.trim().is_empty())
                    && b.processes.as_deref().is_some_and(|t| !t.trim().is_empty())
            }),
            "bestand",
        ),
        Konzeptteil::Mediencurriculum => (plan.curriculum.as_ref().is_some_and(|c| !c.units.is_empty()), "mediencurriculum"),
        Konzeptteil::Fortbildungsplanung => (!plan.training.is_empty(), "fortbildung"),
        // Needs (priced or not) or planned room standards (`zustand: soll`) make an Ausstattungsplan.
        Konzeptteil::Ausstattungsplan => {
            (!plan.needs.is_empty() || plan.room_types.iter().any(|r| r.state == Some(crate::model::Raumzustand::Soll)), "bedarf")
        }
        Konzeptteil::Einsatzkonzept => (!plan.scenarios.is_empty(), "einsatzszenarien"),
        Konzeptteil::Zeitplan => (!plan.measures.is_empty(), "massnahmen"),
        Konzeptteil::Evaluation => (!plan.evaluation.is_empty(), "evaluation"),
        Konzeptteil::ZieleMessbar => (!plan.goals.is_empty(), "ziele"),
    }
}

/// Words by which a written part of the concept names itself.
fn names(part: Konzeptteil) -> &'static [&'static str] {
    match part {
        Konzeptteil::IstAnalyse => &["ist-analyse", "bestandsaufnahme", "ist-stand"],
        Konzeptteil::Mediencurriculum => &["mediencurriculum", "medienkompetenzrahmen", "kompetenzrahmen"],
        Konzeptteil::Fortbildungsplanung => &["fortbildungsplan", "fortbildungskonzept", "qualifizierungskonzept", "qualifizierungsplan"],
        Konzeptteil::Ausstattungsplan => &["ausstattungsplan", "ausstattungskonzept", "ausstattungsszenario", "ausstattungsplanung"],
        Konzeptteil::Einsatzkonzept => &["einsatzkonzept", "tpek", "ptek"],
        Konzeptteil::Zeitplan => &["zeitplan", "umsetzungsplan", "zeitleiste"],
        Konzeptteil::Evaluation => &["evaluation", "evaluieren"],
        Konzeptteil::ZieleMessbar => &[],
    }
}

/// The plan's own texts (Markdown) in which a written concept part may stand.
fn texts(plan: &Plan) -> impl Iterator<Item = &str> {
    let inventory = plan.inventory.as_ref();
    plan.vision
        .as_deref()
        .into_iter()
        .chain(inventory.and_then(|b| b.training_status.as_deref()))
        .chain(inventory.and_then(|b| b.processes.as_deref()))
        .chain(plan.scenarios.iter().filter_map(|s| s.description.as_deref()))
        .chain(plan.goals.iter().map(|z| z.description.as_str()))
}

/// Whether the plan's text holds the part: its name followed by content (a qualitative part in prose).
fn written(plan: &Plan, part: Konzeptteil) -> bool {
    let words = names(part);
    !words.is_empty()
        && texts(plan).any(|t| {
            let lower = t.to_lowercase();
            words.iter().any(|w| lower.find(w).is_some_and(|at| lower[at..].split_whitespace().count() >= 8))
        })
}

fn wants(ctx: &Context<'_>, part: Konzeptteil) -> bool {
    ctx.profile.parameter.konzeptteile.as_ref().is_some_and(|k| k.wert.contains(&part))
}

fn parts(ctx: &Context<'_>, f: &mut Findings) {
    let Some(required) = &ctx.profile.parameter.konzeptteile else { return };
    for part in &required.wert {
        let (ok, path) = structured(ctx.plan, *part);
        if ok || written(ctx.plan, *part) {
            continue;
        }
        // A plan without training is reported once, by the rule for the training plan, where that rule is on.
        if *part == Konzeptteil::Fortbildungsplanung && ctx.profile.severity(&DP_FORTBILDUNG_PLAN).is_some() {
            continue;
        }
        let help = match part {
            Konzeptteil::IstAnalyse => {
                "Ergänzen Sie unter `bestand` das Netz oder die Geräte, `fortbildungsstand` und `prozesse`.".to_owned()
            }
            _ => format!(
                "Ergänzen Sie den Abschnitt `{path}` oder beschreiben Sie den Teil unter einer Überschrift „{}“ im Text des Plans (etwa im Leitbild).",
                part.label()
            ),
        };
        f.at_param(
            path,
            format!("{} verlangt den Teil „{}“; er fehlt im Plan.", capitalized(&ctx.profile.who(required)), part.label()),
            required,
        )
        .with_help(help);
    }
}

fn measurable_goals(ctx: &Context<'_>, f: &mut Findings) {
    let Some(required) = ctx.profile.parameter.konzeptteile.as_ref().filter(|_| wants(ctx, Konzeptteil::ZieleMessbar)) else { return };
    for (i, z) in ctx.plan.goals.iter().enumerate() {
        let blank = |t: &Option<String>| t.as_deref().is_none_or(|t| t.trim().is_empty());
        let mut missing = Vec::new();
        if blank(&z.indicator) {
            missing.push("`indikator`");
        }
        if blank(&z.target) {
            missing.push("`zielwert`");
        }
        if z.due.is_none() {
            missing.push("`termin`");
        }
        if !missing.is_empty() {
            f.at_param(format!("ziele[{i}]"), format!("Dem Ziel `{}` fehlen {}.", z.id, missing.join(", ")), required)
                .with_help("Ein überprüfbares Ziel nennt, woran es gemessen wird, welcher Wert erreicht werden soll und bis wann.");
        }
    }
}

fn evaluated_goals(ctx: &Context<'_>, f: &mut Findings) {
    let Some(required) = ctx.profile.parameter.konzeptteile.as_ref().filter(|_| wants(ctx, Konzeptteil::Evaluation)) else { return };
    for (i, z) in ctx.plan.goals.iter().enumerate() {
        if !ctx.plan.evaluation.iter().any(|e| e.goal == z.id) {
            f.at_param(format!("ziele[{i}].id"), format!("Für das Ziel `{}` ist keine Evaluation geplant.", z.id), required)
                .with_help(format!("Ergänzen Sie unter `evaluation` einen Eintrag `{{ ziel: {}, methode: …, zeitpunkt: … }}`.", z.id));
        }
    }
}

fn framework(ctx: &Context<'_>, f: &mut Findings) {
    let (Some(wanted), Some(curriculum)) = (&ctx.profile.parameter.kompetenzrahmen, &ctx.plan.curriculum) else { return };
    if curriculum.framework != wanted.wert {
        f.at_param(
            "mediencurriculum.rahmen",
            format!(
                "{} erwartet das Mediencurriculum im „{}“; der Plan verwendet „{}“.",
                capitalized(&ctx.profile.who(wanted)),
                wanted.wert.label(),
                curriculum.framework.label()
            ),
            wanted,
        )
        .with_help(format!("Schreiben Sie `rahmen: {}` und ordnen Sie die Einheiten dessen Kompetenzen zu.", wanted.wert.key()));
    }
}

fn approvals(ctx: &Context<'_>, f: &mut Findings) {
    let Some(required) = &ctx.profile.parameter.beschluesse else { return };
    for body in &required.wert {
        if !ctx.plan.approvals.iter().any(|b| b.body == *body) {
            f.at_param(
                "beschluesse",
                format!(
                    "{} verlangt einen Beschluss oder eine Bestätigung: „{}“ fehlt.",
                    capitalized(&ctx.profile.who(required)),
                    body.label()
                ),
                required,
            )
            .with_help(format!("Ergänzen Sie `- {{ gremium: {}, datum: JJJJ-MM-TT }}`, sobald er vorliegt.", body.key()));
        }
    }
}
