//! Consistency checks of format 1: unique ids, resolvable references,
//! coherent dates, plausible numbers, well-formed e-mail addresses.

use std::collections::HashMap;

use validator::ValidateEmail;

use super::{Context, Entry, Findings, Rule};
use crate::diag::Severity::{Fehler, Warnung};
use crate::load::suggest;
use crate::model::{Angabe, Datum, Plan};

pub(super) static RULES: &[Entry] = &[
    (&FORMAT_VERSION, Some(format_version)),
    (&PLAN_ID_DOPPELT, Some(unique_ids)),
    (&PLAN_VERWEIS, Some(references)),
    (&PLAN_ZEITRAUM, Some(periods)),
    (&PLAN_AUSSERHALB, Some(inside_period)),
    (&PLAN_JAHR, Some(years)),
    (&PLAN_EMAIL, Some(emails)),
    (&PLAN_LEER, Some(blank_texts)),
    (&PLAN_PLAUSIBEL, Some(plausible)),
    (&PLAN_LANDESCODE, Some(country_codes)),
];

/// `FORMAT-VERSION`: Unbekannte Formatversion
pub static FORMAT_VERSION: Rule = Rule {
    code: "FORMAT-VERSION",
    title: "Unbekannte Formatversion",
    severity: Fehler,
    explanation: "`format` gibt die Version des Eingabeformats an. Diese Version von mep kennt nur Format 1.",
    bad: "format: 2\n",
    good: "format: 1\n",
    sources: &[],
};

/// `PLAN-ID-DOPPELT`: Kennung doppelt vergeben
pub static PLAN_ID_DOPPELT: Rule = Rule {
    code: "PLAN-ID-DOPPELT",
    title: "Kennung doppelt vergeben",
    severity: Fehler,
    explanation: "Ziele, Einsatzszenarien, Bedarfspositionen und Maßnahmen tragen eine Kennung (`id`), auf die andere Einträge verweisen. \
Innerhalb eines Abschnitts muss jede Kennung eindeutig sein, sonst ist ein Verweis mehrdeutig.",
    bad: "ziele:\n  - { id: Z1, ... }\n  - { id: Z1, ... }\n",
    good: "ziele:\n  - { id: Z1, ... }\n  - { id: Z2, ... }\n",
    sources: &[],
};

/// `PLAN-VERWEIS`: Verweis ins Leere
pub static PLAN_VERWEIS: Rule = Rule {
    code: "PLAN-VERWEIS",
    title: "Verweis ins Leere",
    severity: Fehler,
    explanation: "Ein Eintrag verweist auf eine Kennung, die es nicht gibt – etwa ein Einsatzszenario auf ein Ziel `Z7`, \
das nicht unter `ziele` steht. Prüfen Sie die Schreibweise oder legen Sie den fehlenden Eintrag an.",
    bad: "ziele:\n  - { id: Z1, ... }\neinsatzszenarien:\n  - { id: S1, ziele: [Z2], ... }\n",
    good: "ziele:\n  - { id: Z1, ... }\neinsatzszenarien:\n  - { id: S1, ziele: [Z1], ... }\n",
    sources: &[],
};

/// `PLAN-ZEITRAUM`: Zeitraum endet vor seinem Beginn
pub static PLAN_ZEITRAUM: Rule = Rule {
    code: "PLAN-ZEITRAUM",
    title: "Zeitraum endet vor seinem Beginn",
    severity: Fehler,
    explanation: "Bei jedem Zeitraum muss der Beginn vor dem Ende liegen: `planungszeitraum.von` vor `bis`, \
`beginn` einer Maßnahme nicht nach ihrem `ende`.",
    bad: "planungszeitraum: { von: 2029-07-31, bis: 2026-08-01 }\n",
    good: "planungszeitraum: { von: 2026-08-01, bis: 2029-07-31 }\n",
    sources: &[],
};

/// `PLAN-AUSSERHALB`: Termin außerhalb des Planungszeitraums
pub static PLAN_AUSSERHALB: Rule = Rule {
    code: "PLAN-AUSSERHALB",
    title: "Termin außerhalb des Planungszeitraums",
    severity: Fehler,
    explanation: "Maßnahmen, Fortbildungen, Evaluationen, Zieltermine und Beschaffungsjahre müssen im `planungszeitraum` liegen. \
Was außerhalb liegt, gehört in einen anderen Plan – oder der Planungszeitraum ist zu eng gewählt.",
    bad: "planungszeitraum: { von: 2026-08-01, bis: 2029-07-31 }\nmassnahmen:\n  - { id: M1, beginn: 2030-01-01, ende: 2030-06-30, ... }\n",
    good: "planungszeitraum: { von: 2026-08-01, bis: 2029-07-31 }\nmassnahmen:\n  - { id: M1, beginn: 2027-01-01, ende: 2027-06-30, ... }\n",
    sources: &[],
};

/// `PLAN-JAHR`: Unplausible Jahreszahl
pub static PLAN_JAHR: Rule = Rule {
    code: "PLAN-JAHR",
    title: "Unplausible Jahreszahl",
    severity: Fehler,
    explanation: "Jahreszahlen müssen plausibel sein: der Stand des Plans zwischen 2015 und 2100, Anschaffungsjahre vorhandener Geräte \
nicht nach dem Stand des Plans und nicht vor 1990.",
    bad: "bestand:\n  geraete:\n    - { typ: beamer, anzahl: 10, anschaffungsjahr: 2104 }\n",
    good: "bestand:\n  geraete:\n    - { typ: beamer, anzahl: 10, anschaffungsjahr: 2014 }\n",
    sources: &[],
};

/// `PLAN-EMAIL`: E-Mail-Adresse ungültig
pub static PLAN_EMAIL: Rule = Rule {
    code: "PLAN-EMAIL",
    title: "E-Mail-Adresse ungültig",
    severity: Fehler,
    explanation: "Eine Angabe, die eine E-Mail-Adresse sein soll, hat nicht die Form `name@domain.de`.",
    bad: "ansprechperson: { name: A. Beispiel, email: sl(at)example.org }\n",
    good: "ansprechperson: { name: A. Beispiel, email: sl@example.org }\n",
    sources: &[],
};

/// `PLAN-LEER`: Leere Angabe
pub static PLAN_LEER: Rule = Rule {
    code: "PLAN-LEER",
    title: "Leere Angabe",
    severity: Fehler,
    explanation: "Ein Name, Titel oder eine Kennung besteht nur aus Leerzeichen. Tragen Sie einen Text ein.",
    bad: "schule:\n  name: \"  \"\n",
    good: "schule:\n  name: Grundschule am Markt\n",
    sources: &[],
};

/// `PLAN-PLAUSIBEL`: Unplausible Angabe
pub static PLAN_PLAUSIBEL: Rule = Rule {
    code: "PLAN-PLAUSIBEL",
    title: "Unplausible Angabe",
    severity: Warnung,
    explanation: "Zahlen widersprechen einander: etwa mehr Räume mit WLAN als Unterrichtsräume, mehr Teilnehmende einer Fortbildung \
als Lehrkräfte, eine Bedarfsposition mit Anzahl 0 oder Preis 0 €, eine Schule ohne Schülerinnen und Schüler. \
Das ist kein Formfehler, aber ein Prüfer wird nachfragen.",
    bad: "schule: { unterrichtsraeume: 20, ... }\nbestand:\n  netz: { wlan_raeume: 35 }\n",
    good: "schule: { unterrichtsraeume: 38, ... }\nbestand:\n  netz: { wlan_raeume: 35 }\n",
    sources: &[],
};

/// `PLAN-LANDESCODE`: Ländercode ungültig
pub static PLAN_LANDESCODE: Rule = Rule {
    code: "PLAN-LANDESCODE",
    title: "Ländercode ungültig",
    severity: Fehler,
    explanation: "`hosting_land` nennt das Land des Rechenzentrums als zweistelligen Code nach ISO 3166-1 in Großbuchstaben, \
etwa `DE`, `AT`, `IE` oder `US`.",
    bad: "plattformen:\n  - { name: Moodle, hosting_land: Deutschland, ... }\n",
    good: "plattformen:\n  - { name: Moodle, hosting_land: DE, ... }\n",
    sources: &[],
};

fn format_version(ctx: &Context<'_>, f: &mut Findings) {
    if ctx.plan.format != 1 {
        f.at("format", format!("Formatversion {} ist unbekannt; diese Version von mep liest Format 1.", ctx.plan.format))
            .with_help("Schreiben Sie `format: 1`.");
    }
}

/// The id lists of a plan, with their YAML section names.
fn id_lists(plan: &Plan) -> [(&'static str, Vec<&str>); 4] {
    [
        ("ziele", plan.goals.iter().map(|z| z.id.as_str()).collect()),
        ("einsatzszenarien", plan.scenarios.iter().map(|s| s.id.as_str()).collect()),
        ("bedarf", plan.needs.iter().map(|b| b.id.as_str()).collect()),
        ("massnahmen", plan.measures.iter().map(|m| m.id.as_str()).collect()),
    ]
}

fn unique_ids(ctx: &Context<'_>, f: &mut Findings) {
    for (section, ids) in id_lists(ctx.plan) {
        let mut first: HashMap<&str, usize> = HashMap::new();
        for (i, id) in ids.iter().enumerate() {
            if let Some(&j) = first.get(id) {
                f.at(format!("{section}[{i}].id"), format!("Die Kennung `{id}` ist in `{section}` schon an Eintrag {} vergeben.", j + 1))
                    .with_help("Vergeben Sie eine eigene Kennung, z. B. mit der nächsten freien Nummer.");
            } else {
                first.insert(id, i);
            }
        }
    }
}

fn references(ctx: &Context<'_>, f: &mut Findings) {
    let p = ctx.plan;
    let [goals, scenarios, needs, _] = id_lists(p);
    let mut check = |path: String, target: &(&str, Vec<&str>), id: &str| {
        if !target.1.contains(&id) {
            let help = match suggest(id, &target.1) {
                Some(s) => format!("Meinten Sie `{s}`? Vorhanden in `{}`: {}.", target.0, list(&target.1)),
                None => format!("Vorhanden in `{}`: {}.", target.0, list(&target.1)),
            };
            f.at(path, format!("`{id}` verweist auf keinen Eintrag in `{}`.", target.0)).with_help(help);
        }
    };
    for (i, s) in p.scenarios.iter().enumerate() {
        for (j, z) in s.goals.iter().enumerate() {
            check(format!("einsatzszenarien[{i}].ziele[{j}]"), &goals, z);
        }
    }
    for (i, b) in p.needs.iter().enumerate() {
        for (j, s) in b.scenarios.iter().enumerate() {
            check(format!("bedarf[{i}].szenarien[{j}]"), &scenarios, s);
        }
    }
    for (i, t) in p.training.iter().enumerate() {
        for (j, b) in t.needs.iter().enumerate() {
            check(format!("fortbildung[{i}].bedarf[{j}]"), &needs, b);
        }
    }
    for (i, m) in p.measures.iter().enumerate() {
        for (j, z) in m.goals.iter().enumerate() {
            check(format!("massnahmen[{i}].ziele[{j}]"), &goals, z);
        }
        for (j, b) in m.needs.iter().enumerate() {
            check(format!("massnahmen[{i}].bedarf[{j}]"), &needs, b);
        }
    }
    for (i, e) in p.evaluation.iter().enumerate() {
        check(format!("evaluation[{i}].ziel"), &goals, &e.goal);
    }
}

fn list(ids: &[&str]) -> String {
    if ids.is_empty() {
        return "(keine)".to_owned();
    }
    let mut shown: Vec<&str> = ids.iter().take(12).copied().collect();
    if ids.len() > 12 {
        shown.push("…");
    }
    shown.join(", ")
}

fn periods(ctx: &Context<'_>, f: &mut Findings) {
    let p = ctx.plan;
    if let Some(period) = p.period.bekannt()
        && period.von >= period.bis
    {
        f.at(
            "planungszeitraum.bis",
            format!("Der Planungszeitraum endet ({}) nicht nach seinem Beginn ({}).", period.bis.de(), period.von.de()),
        )
        .with_help("`von` ist der erste, `bis` der letzte Tag des Planungszeitraums.");
    }
    for (i, m) in p.measures.iter().enumerate() {
        if m.start > m.end {
            f.at(
                format!("massnahmen[{i}].ende"),
                format!("Die Maßnahme `{}` endet ({}) vor ihrem Beginn ({}).", m.id, m.end.de(), m.start.de()),
            );
        }
    }
    for (i, t) in p.training.iter().enumerate() {
        if t.period.von() > t.period.bis() {
            f.at(format!("fortbildung[{i}].zeitraum.bis"), format!("Die Fortbildung „{}“ endet vor ihrem Beginn.", t.title));
        }
    }
}

fn inside_period(ctx: &Context<'_>, f: &mut Findings) {
    let p = ctx.plan;
    let Some(period) = p.period.bekannt() else { return };
    let (von, bis) = (period.von, period.bis);
    if von >= bis {
        return; // PLAN-ZEITRAUM already reports the period itself
    }
    let span = format!("{} bis {}", von.de(), bis.de());
    let mut outside = |path: String, what: String, d: Datum| {
        if d < von || d > bis {
            f.at(path, format!("{what} ({}) liegt außerhalb des Planungszeitraums {span}.", d.de()))
                .with_help("Verschieben Sie den Termin in den Planungszeitraum oder passen Sie `planungszeitraum` an.");
        }
    };
    for (i, m) in p.measures.iter().enumerate() {
        outside(format!("massnahmen[{i}].beginn"), format!("Der Beginn der Maßnahme `{}`", m.id), m.start);
        outside(format!("massnahmen[{i}].ende"), format!("Das Ende der Maßnahme `{}`", m.id), m.end);
    }
    for (i, e) in p.evaluation.iter().enumerate() {
        outside(format!("evaluation[{i}].zeitpunkt"), format!("Die Evaluation von `{}`", e.goal), e.date);
    }
    for (i, z) in p.goals.iter().enumerate() {
        if let Some(due) = z.due {
            outside(format!("ziele[{i}].termin"), format!("Der Termin von Ziel `{}`", z.id), due);
        }
    }
    for (i, t) in p.training.iter().enumerate() {
        outside(format!("fortbildung[{i}].zeitraum"), format!("Die Fortbildung „{}“", t.title), t.period.von());
    }
    for (i, b) in p.needs.iter().enumerate() {
        let Some(year) = b.year.bekannt() else { continue };
        if year < von.jahr || year > bis.jahr {
            f.at(
                format!("bedarf[{i}].jahr"),
                format!("Das Beschaffungsjahr {year} von `{}` liegt außerhalb des Planungszeitraums {span}.", b.id),
            )
            .with_help("Wählen Sie ein Jahr im Planungszeitraum.");
        }
    }
}

fn years(ctx: &Context<'_>, f: &mut Findings) {
    let p = ctx.plan;
    let stand = p.as_of.bekannt().map(crate::model::Zeitpunkt::jahr);
    if let Some(jahr) = stand
        && !(2015..=2100).contains(&jahr)
    {
        f.at("stand", format!("Das Jahr {jahr} ist als Stand eines Plans unplausibel."));
    }
    if let Some(inv) = &p.inventory {
        for (i, g) in inv.devices.iter().enumerate() {
            // Without a known `stand`, only the lower bound applies.
            let last = stand.unwrap_or(i32::MAX);
            if let Some(y) = g.year
                && (y < 1990 || y > last)
            {
                f.at(
                    format!("bestand.geraete[{i}].anschaffungsjahr"),
                    match stand {
                        Some(last) => format!("Das Anschaffungsjahr {y} ist unplausibel (erlaubt: 1990 bis {last}, dem Jahr des Stands)."),
                        None => format!("Das Anschaffungsjahr {y} ist unplausibel (erlaubt: ab 1990)."),
                    },
                );
            }
        }
    }
    for (i, b) in p.needs.iter().enumerate() {
        if let Some(year) = b.year.bekannt()
            && !(2015..=2100).contains(&year)
        {
            f.at(format!("bedarf[{i}].jahr"), format!("Das Beschaffungsjahr {year} ist unplausibel."));
        }
    }
}

fn emails(ctx: &Context<'_>, f: &mut Findings) {
    let p = ctx.plan;
    let mut check = |path: &str, value: &str| {
        if !value.validate_email() {
            f.at(path, format!("„{value}“ ist keine gültige E-Mail-Adresse."))
                .with_help("Schreiben Sie die Adresse in der Form name@domain.de.");
        }
    };
    if let Some(email) = p.school.contact.as_ref().and_then(|c| c.email.as_deref()) {
        check("schule.ansprechperson.email", email);
    }
    if let Some(email) = p.provider.as_ref().and_then(|t| t.contact.as_ref()).and_then(|c| c.email.as_deref()) {
        check("schultraeger.ansprechperson.email", email);
    }
    if let Some(dsb) = p.privacy.as_ref().and_then(|d| d.officer.as_ref())
        && dsb.contact.contains('@')
    {
        check("datenschutz.beauftragte_person.kontakt", &dsb.contact);
    }
}

fn blank_texts(ctx: &Context<'_>, f: &mut Findings) {
    let p = ctx.plan;
    let mut texts: Vec<(String, &str)> =
        vec![("schule.name".into(), p.school.name.as_str()), ("schule.schulnummer".into(), p.school.number.as_str())];
    if let Some(t) = &p.provider {
        texts.push(("schultraeger.name".into(), &t.name));
    }
    for (i, z) in p.goals.iter().enumerate() {
        texts.push((format!("ziele[{i}].id"), &z.id));
        texts.push((format!("ziele[{i}].beschreibung"), &z.description));
    }
    for (i, s) in p.scenarios.iter().enumerate() {
        texts.push((format!("einsatzszenarien[{i}].id"), &s.id));
        texts.push((format!("einsatzszenarien[{i}].titel"), &s.title));
    }
    for (i, b) in p.needs.iter().enumerate() {
        texts.push((format!("bedarf[{i}].id"), &b.id));
        texts.push((format!("bedarf[{i}].bezeichnung"), &b.name));
    }
    for (i, pl) in p.platforms.iter().enumerate() {
        texts.push((format!("plattformen[{i}].name"), &pl.name));
    }
    for (i, t) in p.training.iter().enumerate() {
        texts.push((format!("fortbildung[{i}].titel"), &t.title));
    }
    for (i, m) in p.measures.iter().enumerate() {
        texts.push((format!("massnahmen[{i}].id"), &m.id));
        texts.push((format!("massnahmen[{i}].titel"), &m.title));
        texts.push((format!("massnahmen[{i}].verantwortlich"), &m.responsible));
    }
    for (path, text) in texts {
        if text.trim().is_empty() {
            f.at(path, "Die Angabe ist leer.").with_help("Tragen Sie einen Text ein.");
        }
    }
}

fn plausible(ctx: &Context<'_>, f: &mut Findings) {
    let p = ctx.plan;
    let s = &p.school;
    if s.pupils.bekannt() == Some(0) {
        f.at("schule.schueler", "Die Schule hat laut Plan keine Schülerinnen und Schüler.");
    }
    if s.teachers.bekannt() == Some(0) {
        f.at("schule.lehrkraefte", "Die Schule hat laut Plan keine Lehrkräfte.");
    }
    if let (Some(rooms), Some(net)) = (s.classrooms.and_then(Angabe::bekannt), p.inventory.as_ref().and_then(|i| i.network.as_ref())) {
        for (key, value) in [("wlan_raeume", net.wlan_rooms), ("verkabelte_raeume", net.wired_rooms)] {
            if let Some(v) = value.and_then(Angabe::bekannt)
                && v > rooms
            {
                f.at(format!("bestand.netz.{key}"), format!("{v} Räume sind mehr als die {rooms} Unterrichtsräume der Schule."))
                    .with_help("Zählen Sie nur Unterrichtsräume oder erhöhen Sie `schule.unterrichtsraeume`.");
            }
        }
    }
    let teachers = s.teachers.bekannt().unwrap_or(0);
    for (i, t) in p.training.iter().enumerate() {
        if teachers > 0 && t.participants > teachers {
            f.at(
                format!("fortbildung[{i}].teilnehmende"),
                format!("{} Teilnehmende sind mehr als die {teachers} Lehrkräfte der Schule.", t.participants),
            );
        }
        if t.hours <= 0.0 {
            f.at(format!("fortbildung[{i}].stunden"), "Eine Fortbildung ohne Stunden zählt nicht zur Fortbildungsplanung.");
        }
    }
    for (i, b) in p.needs.iter().enumerate() {
        if b.count.bekannt() == Some(0) {
            f.at(format!("bedarf[{i}].anzahl"), format!("Die Bedarfsposition `{}` hat die Anzahl 0.", b.id));
        }
        if b.unit_price.is_some_and(|p| p.cents() == 0) {
            f.at(format!("bedarf[{i}].einzelpreis_eur"), format!("Die Bedarfsposition `{}` kostet 0 €.", b.id));
        }
    }
}

fn country_codes(ctx: &Context<'_>, f: &mut Findings) {
    for (i, pl) in ctx.plan.platforms.iter().enumerate() {
        if let Some(code) = &pl.hosting_country
            && !(code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase()))
        {
            f.at(format!("plattformen[{i}].hosting_land"), format!("„{code}“ ist kein Ländercode nach ISO 3166-1."))
                .with_help("Schreiben Sie zwei Großbuchstaben, z. B. DE für Deutschland oder IE für Irland.");
        }
    }
}
