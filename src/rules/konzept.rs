//! Concept completeness as each Land requires it. These rules read their
//! requirements from the Land profile (`konzeptteile`, `kompetenzrahmen`,
//! `beschluesse`); where a Land requires nothing, they stay silent.

use super::{Context, Findings, Quelle, Rule, Verlaesslichkeit::Amtlich};
use crate::diag::Severity::{Fehler, Warnung};
use crate::model::Plan;
use crate::profile::Konzeptteil;

const LMZ_BW: Quelle = Quelle {
    titel: "Landesmedienzentrum Baden-Württemberg: Kriterien und Freigabeempfehlung für Medienentwicklungspläne",
    url: "https://www.lmz-bw.de/angebote/digitalpakt-schule/digitalpakt-2019-2024/kriterien-und-freigabeempfehlung",
    verlaesslichkeit: Amtlich,
};
const KM_BY: Quelle = Quelle {
    titel: "Bayerisches Kultusministerium: Medienkonzeptarbeit (Mediencurriculum, Fortbildungsplanung, Ausstattungsplan)",
    url: "https://km.bayern.de/gestalten/digitalisierung/unterrichten-in-der-digitalen-welt/medienkonzeptarbeit",
    verlaesslichkeit: Amtlich,
};
const MKR_NRW: Quelle = Quelle {
    titel: "Medienkompetenzrahmen NRW: Medienkonzept",
    url: "https://medienkompetenzrahmen.nrw/medienkonzept/",
    verlaesslichkeit: Amtlich,
};
const L_BANK: Quelle = Quelle {
    titel: "L-Bank: DigitalPakt Schule – MEP mit Freigabeempfehlung je Schule",
    url: "https://www.l-bank.de/produkte/finanzhilfen/digitalpakt.html",
    verlaesslichkeit: Amtlich,
};

pub(super) static RULES: &[Rule] = &[
    Rule {
        code: "LAND-KONZEPTTEILE",
        title: "Vom Land verlangter Teil des Medienkonzepts fehlt",
        severity: Fehler,
        explanation: "Die Länder verlangen unterschiedliche Teile des Konzepts. Das Landesprofil nennt sie unter `konzeptteile`, etwa \
Baden-Württemberg: Ist-Analyse zu Technik, Fortbildungsstand und schulischen Prozessen, Ziele, Zeitplan und Evaluation; \
Bayern: Mediencurriculum, Fortbildungsplanung und Ausstattungsplan; Nordrhein-Westfalen: Medienkonzept mit Mediencurriculum und TPEK. \
Jeder fehlende Teil wird einmal gemeldet, mit der Quelle des Landes. Welche Teile Ihr Land verlangt, zeigt `mep rules --land XX --format md`.",
        bad: "land: BY\nmediencurriculum: { rahmen: by-kompetenzrahmen, einheiten: [] }\n",
        good: "land: BY\nmediencurriculum:\n  rahmen: by-kompetenzrahmen\n  einheiten:\n    - { fach: Deutsch, jahrgang: 3, thema: Informationen suchen, kompetenzen: [\"2.1\"] }\n",
        sources: &[LMZ_BW, KM_BY, MKR_NRW],
        check: Some(parts),
    },
    Rule {
        code: "LAND-ZIELE-MESSBAR",
        title: "Ziel ohne Indikator, Zielwert oder Termin",
        severity: Fehler,
        explanation: "Wo das Land überprüfbare Ziele verlangt (Baden-Württemberg: „Evaluationskriterien und Messgrößen“), braucht jedes Ziel \
einen `indikator`, einen `zielwert` und einen `termin`. Nur so lässt sich später feststellen, ob es erreicht wurde.",
        bad: "land: BW\nziele:\n  - { id: Z1, dimension: unterricht, beschreibung: Digitale Medien werden in allen Fächern genutzt. }\n",
        good: "land: BW\nziele:\n  - id: Z1\n    dimension: unterricht\n    beschreibung: Digitale Medien werden in allen Fächern genutzt.\n    indikator: Anteil der Fächer mit Medienbausteinen\n    zielwert: \"100 %\"\n    termin: 2028-07-31\n",
        sources: &[LMZ_BW],
        check: Some(measurable_goals),
    },
    Rule {
        code: "LAND-EVALUATION",
        title: "Ziel ohne Evaluation",
        severity: Fehler,
        explanation: "Wo das Land eine Evaluation verlangt (Baden-Württemberg), muss jedes Ziel unter `evaluation` mindestens einmal vorkommen: \
mit Methode und Zeitpunkt. Ergänzen Sie für das genannte Ziel einen Eintrag.",
        bad: "land: BW\nevaluation: []\n",
        good: "land: BW\nevaluation:\n  - { ziel: Z1, methode: Befragung der Fachschaften, zeitpunkt: 2028-06-30 }\n",
        sources: &[LMZ_BW],
        check: Some(evaluated_goals),
    },
    Rule {
        code: "LAND-RAHMEN",
        title: "Mediencurriculum nicht auf den Kompetenzrahmen des Landes bezogen",
        severity: Fehler,
        explanation: "Nordrhein-Westfalen verlangt, dass das Mediencurriculum dem Medienkompetenzrahmen NRW zugeordnet ist; Bayern erwartet den \
Bezug auf den Kompetenzrahmen zur Medienbildung an bayerischen Schulen. Wählen Sie unter `mediencurriculum.rahmen` den Rahmen des Landes \
und ordnen Sie die Einheiten dessen Kompetenzen zu.",
        bad: "land: NW\nmediencurriculum:\n  rahmen: kmk-2016\n  einheiten:\n    - { fach: Deutsch, jahrgang: 5, thema: Informationen suchen, kompetenzen: [\"1.1\"] }\n",
        good: "land: NW\nmediencurriculum:\n  rahmen: mkr-nrw\n  einheiten:\n    - { fach: Deutsch, jahrgang: 5, thema: Informationen suchen, kompetenzen: [\"2.1\"] }\n",
        sources: &[MKR_NRW, KM_BY],
        check: Some(framework),
    },
    Rule {
        code: "LAND-BESCHLUESSE",
        title: "Vom Land verlangter Beschluss fehlt",
        severity: Warnung,
        explanation: "Manche Länder verlangen, dass ein Gremium den Plan beschlossen oder bestätigt hat: Baden-Württemberg die Freigabeempfehlung \
des Landesmedienzentrums oder eines Medienzentrums (spätestens mit dem Verwendungsnachweis), Nordrhein-Westfalen die Verabschiedung \
des Medienkonzepts in der Schulkonferenz. Tragen Sie den Beschluss mit Datum unter `beschluesse` ein, sobald er vorliegt.",
        bad: "land: NW\nbeschluesse:\n  - { gremium: lehrerkonferenz, datum: 2026-09-20 }\n",
        good: "land: NW\nbeschluesse:\n  - { gremium: lehrerkonferenz, datum: 2026-09-20 }\n  - { gremium: schulkonferenz, datum: 2026-09-30 }\n",
        sources: &[L_BANK, MKR_NRW],
        check: Some(approvals),
    },
];

/// Whether a part is present, and the YAML path to point at.
fn present(plan: &Plan, part: Konzeptteil) -> (bool, &'static str) {
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
        Konzeptteil::Ausstattungsplan => (!plan.needs.is_empty(), "bedarf"),
        Konzeptteil::Einsatzkonzept => (!plan.scenarios.is_empty(), "einsatzszenarien"),
        Konzeptteil::Zeitplan => (!plan.measures.is_empty(), "massnahmen"),
        Konzeptteil::Evaluation => (!plan.evaluation.is_empty(), "evaluation"),
        Konzeptteil::ZieleMessbar => (!plan.goals.is_empty(), "ziele"),
    }
}

fn wants(ctx: &Context<'_>, part: Konzeptteil) -> bool {
    ctx.profile.parameter.konzeptteile.as_ref().is_some_and(|k| k.wert.contains(&part))
}

fn parts(ctx: &Context<'_>, f: &mut Findings) {
    let Some(required) = &ctx.profile.parameter.konzeptteile else { return };
    for part in &required.wert {
        let (ok, path) = present(ctx.plan, *part);
        if !ok {
            let help = match part {
                Konzeptteil::IstAnalyse => {
                    "Ergänzen Sie unter `bestand` das Netz oder die Geräte, `fortbildungsstand` und `prozesse`.".to_owned()
                }
                _ => format!("Ergänzen Sie den Abschnitt `{path}`."),
            };
            f.at_param(path, format!("{} verlangt den Teil „{}“; er fehlt im Plan.", ctx.profile.land_name(), part.label()), required)
                .with_help(help);
        }
    }
}

fn measurable_goals(ctx: &Context<'_>, f: &mut Findings) {
    if !wants(ctx, Konzeptteil::ZieleMessbar) {
        return;
    }
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
            f.at(format!("ziele[{i}]"), format!("Dem Ziel `{}` fehlen {}.", z.id, missing.join(", ")))
                .with_help("Ein überprüfbares Ziel nennt, woran es gemessen wird, welcher Wert erreicht werden soll und bis wann.");
        }
    }
}

fn evaluated_goals(ctx: &Context<'_>, f: &mut Findings) {
    if !wants(ctx, Konzeptteil::Evaluation) {
        return;
    }
    for (i, z) in ctx.plan.goals.iter().enumerate() {
        if !ctx.plan.evaluation.iter().any(|e| e.goal == z.id) {
            f.at(format!("ziele[{i}].id"), format!("Für das Ziel `{}` ist keine Evaluation geplant.", z.id))
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
                ctx.profile.land_name(),
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
                format!("{} verlangt einen Beschluss oder eine Bestätigung: „{}“ fehlt.", ctx.profile.land_name(), body.label()),
                required,
            )
            .with_help(format!("Ergänzen Sie `- {{ gremium: {}, datum: JJJJ-MM-TT }}`, sobald er vorliegt.", body.key()));
        }
    }
}
