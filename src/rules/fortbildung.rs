//! Teacher training: a plan exists, new equipment is prepared by training, the volume per teacher.

use std::collections::BTreeSet;

use super::{Context, Entry, Findings, Rule};
use crate::diag::Severity::{self, Fehler, Hinweis, Warnung};
use crate::model::Kategorie;
use crate::profile::{Faelligkeit, Konzeptteil, Profile};
use crate::sources::{DPS_QUALI, NI_PORTAL};

/// Categories whose devices or platforms teachers must learn to use.
const NEEDS_TRAINING: &[Kategorie] =
    &[Kategorie::LehrLernInfrastruktur, Kategorie::AnzeigeInteraktion, Kategorie::Arbeitsgeraete, Kategorie::MobileEndgeraete];

pub(super) static RULES: &[Entry] =
    &[(&DP_FORTBILDUNG_PLAN, Some(plan_exists)), (&DP_FORTBILDUNG_ABDECKUNG, Some(coverage)), (&DP_FORTBILDUNG_UMFANG, Some(volume))];

/// `DP-FORTBILDUNG-PLAN`: Keine Fortbildungsplanung
pub static DP_FORTBILDUNG_PLAN: Rule = Rule {
    code: "DP-FORTBILDUNG-PLAN",
    title: "Keine Fortbildungsplanung",
    severity: Fehler,
    explanation: "„Keine Förderung ohne Qualifizierung“: zum Plan gehört eine bedarfsgerechte Fortbildungsplanung für das Kollegium. \
Tragen Sie unter `fortbildung` mindestens eine Fortbildung mit Zielgruppe, Teilnehmenden, Stunden und Zeitraum ein. \
Wann sie vorliegen muss, ist ein Parameter des Profils (`fortbildungsplanung_faellig`) mit Quelle: `beim_antrag` macht das Fehlen \
zum Fehler, `zum_programmende` (Hessen: das vollständige Medienbildungskonzept) oder `nach_abschluss` (Niedersachsen) zur Warnung.",
    bad: "fortbildung: []\n",
    good: "fortbildung:\n  - titel: Einführung in die interaktiven Displays\n    zielgruppe: alle_lehrkraefte\n    teilnehmende: 15\n    stunden: 3\n    format: schilf\n    zeitraum: 2027-Q2\n    bedarf: [B1, B2]\n",
    sources: &[DPS_QUALI, NI_PORTAL],
};

/// `DP-FORTBILDUNG-ABDECKUNG`: Neue Geräteart ohne vorbereitende Fortbildung
pub static DP_FORTBILDUNG_ABDECKUNG: Rule = Rule {
    code: "DP-FORTBILDUNG-ABDECKUNG",
    title: "Neue Geräteart ohne vorbereitende Fortbildung",
    severity: Warnung,
    explanation: "Jede neue Art von Geräten oder Plattformen, die der Plan beschafft (Lehr-Lern-Infrastruktur, Anzeige- und Interaktionsgeräte, \
Arbeitsgeräte, mobile Endgeräte), soll durch mindestens eine Fortbildung vorbereitet sein. mep erkennt das am Verweis `fortbildung[].bedarf` \
auf eine Bedarfsposition dieser Kategorie. Ergänzen Sie den Verweis oder planen Sie eine passende Fortbildung.",
    bad: "fortbildung:\n  - titel: WLAN und Netzwerk für Medienbeauftragte\n    zielgruppe: medienbeauftragte\n    teilnehmende: 2\n    stunden: 6\n    format: extern\n    zeitraum: 2027-Q2\n    bedarf: [B1]\n",
    good: "fortbildung:\n  - titel: Einführung in die interaktiven Displays\n    zielgruppe: alle_lehrkraefte\n    teilnehmende: 15\n    stunden: 3\n    format: schilf\n    zeitraum: 2027-Q2\n    bedarf: [B1, B2]\n",
    sources: &[DPS_QUALI, NI_PORTAL],
};

/// `DP-FORTBILDUNG-UMFANG`: Fortbildung erreicht nicht das ganze Kollegium
pub static DP_FORTBILDUNG_UMFANG: Rule = Rule {
    code: "DP-FORTBILDUNG-UMFANG",
    title: "Fortbildung erreicht nicht das ganze Kollegium",
    severity: Hinweis,
    explanation: "Der Hinweis zeigt den Umfang der Fortbildungsplanung je Lehrkraft (Teilnehmende × Stunden, geteilt durch die Zahl der Lehrkräfte) \
und erscheint, wenn die geplanten Fortbildungen zusammen weniger Plätze haben, als die Schule Lehrkräfte hat. \
Das kann gewollt sein (etwa Fortbildungen nur für Medienbeauftragte); Prüfende sehen so, wie breit das Kollegium qualifiziert wird.",
    bad: "fortbildung:\n  - titel: Einführung in die interaktiven Displays\n    zielgruppe: medienbeauftragte\n    teilnehmende: 2\n    stunden: 6\n    format: extern\n    zeitraum: 2027-Q2\n    bedarf: [B1, B2]\n",
    good: "fortbildung:\n  - titel: Einführung in die interaktiven Displays\n    zielgruppe: alle_lehrkraefte\n    teilnehmende: 15\n    stunden: 3\n    format: schilf\n    zeitraum: 2027-Q2\n    bedarf: [B1, B2]\n",
    sources: &[DPS_QUALI],
};

/// A training plan due only after the application is at most a warning when missing.
pub(super) fn cap(profile: &Profile) -> Option<Severity> {
    profile.parameter.fortbildungsplanung_faellig.as_ref().filter(|due| due.wert != Faelligkeit::BeimAntrag).map(|_| Warnung)
}

fn plan_exists(ctx: &Context<'_>, f: &mut Findings) {
    if !ctx.plan.training.is_empty() {
        return;
    }
    let also = match ctx.profile.parameter.konzeptteile.as_ref().filter(|k| k.wert.contains(&Konzeptteil::Fortbildungsplanung)) {
        Some(parts) => format!(" {} verlangt sie auch als Teil des Konzepts.", crate::german::capitalized(&ctx.profile.who(parts))),
        None => String::new(),
    };
    let help = "Ergänzen Sie unter `fortbildung` mindestens eine Fortbildung für das Kollegium.";
    match &ctx.profile.parameter.fortbildungsplanung_faellig {
        None => {
            f.at("fortbildung", format!("Der Plan enthält keine Fortbildung.{also}")).with_help(help);
        }
        Some(due) if due.wert == Faelligkeit::BeimAntrag => {
            f.at_param(
                "fortbildung",
                format!("Der Plan enthält keine Fortbildung; die Fortbildungsplanung ist {} fällig.{also}", due.wert.label()),
                due,
            )
            .with_help(help);
        }
        Some(due) => {
            f.at_param(
                "fortbildung",
                format!("Der Plan enthält keine Fortbildung; die Fortbildungsplanung ist erst {} fällig.{also}", due.wert.label()),
                due,
            )
            .with_help(format!("{help} Spätestens {} muss sie vorliegen.", due.wert.label()));
        }
    }
}

fn coverage(ctx: &Context<'_>, f: &mut Findings) {
    let p = ctx.plan;
    if p.training.is_empty() {
        return; // DP-FORTBILDUNG-PLAN reports the missing plan
    }
    let prepared: BTreeSet<Kategorie> =
        p.training.iter().flat_map(|t| t.needs.iter()).filter_map(|id| p.needs.iter().find(|b| &b.id == id)).map(|b| b.category).collect();
    let mut reported = BTreeSet::new();
    // A funding rule: items paid from other money are the Schulträger's affair.
    for (i, b) in p.needs.iter().enumerate().filter(|(_, b)| b.digitalpakt()) {
        if NEEDS_TRAINING.contains(&b.category) && !prepared.contains(&b.category) && reported.insert(b.category) {
            f.at(
                format!("bedarf[{i}].kategorie"),
                format!("Für „{}“ (etwa `{}`) ist keine Fortbildung geplant, die darauf vorbereitet.", b.category.label(), b.id),
            )
            .with_help(format!(
                "Verweisen Sie in einer Fortbildung mit `bedarf: [{}]` auf die Position oder planen Sie eine eigene Fortbildung.",
                b.id
            ));
        }
    }
}

fn volume(ctx: &Context<'_>, f: &mut Findings) {
    let p = ctx.plan;
    let Some(teachers) = p.school.teachers.bekannt() else { return };
    if p.training.is_empty() || teachers == 0 {
        return;
    }
    let places: u32 = p.training.iter().map(|t| t.participants).sum();
    if places >= teachers {
        return;
    }
    let hours: f64 = p.training.iter().map(|t| f64::from(t.participants) * t.hours).sum();
    let per_teacher = format!("{:.1}", hours / f64::from(teachers)).replace('.', ",");
    f.at(
        "fortbildung",
        format!(
            "Die Fortbildungen haben zusammen {places} Plätze für {teachers} Lehrkräfte; das sind im Mittel {per_teacher} Stunden je Lehrkraft."
        ),
    )
    .with_help("Planen Sie, wenn gewollt, eine Fortbildung für alle Lehrkräfte (`zielgruppe: alle_lehrkraefte`).");
}
