//! Data protection for platforms and the school: AVV, DSFA, VVT, third countries,
//! the data-protection officer, US cloud suites with pupils' data, consent.

use super::{Context, Entry, Findings, Rule};
use crate::diag::Severity::Warnung;
use crate::model::{AvvStatus, Betreiber, Betroffene, DsfaStatus, Einwilligung, Plattform, Zweck};
use crate::sources::{
    ADEQUACY, BY_VOLLZBEK, DSGVO_ART_6_8, DSGVO_ART_28, DSGVO_ART_30, DSGVO_ART_35, DSGVO_ART_37, DSGVO_ART_38, DSGVO_ART_44, DSK_MS365,
    KOMMUNAL_EDV, KULTUS_BW, LERNSAX, NI_DSB, NI_LERNPLATTFORMEN, NI_TABLETS,
};

/// EU and EEA member states (ISO 3166-1 alpha-2).
const EU_EWR: &[&str] = &[
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL",
    "PT", "RO", "SE", "SI", "SK", "IS", "LI", "NO",
];

/// Third countries with a general adequacy decision (Art. 45). The United States are left out on purpose:
/// their decision (Data Privacy Framework) covers only certified companies and is contested.
const ADEQUATE: &[&str] = &["AD", "AR", "CA", "CH", "FO", "GB", "GG", "IL", "IM", "JE", "JP", "KR", "NZ", "UY"];

fn personal(pl: &Plattform) -> bool {
    !pl.data.is_empty()
}

fn pupils(pl: &Plattform) -> bool {
    pl.data.contains(&Betroffene::Schueler)
}

pub(super) static RULES: &[Entry] = &[
    (&DS_AVV, Some(avv)),
    (&DS_DSFA, Some(dsfa)),
    (&DS_VVT, Some(vvt)),
    (&DS_DRITTLAND, Some(third_country)),
    (&DS_DSB, Some(officer)),
    (&DS_DSB_KONFLIKT, Some(officer_conflict)),
    (&DS_CLOUD_DSK, Some(us_suites)),
    (&DS_EINWILLIGUNG, Some(consent)),
];

/// `DS-AVV`: Kein Vertrag zur Auftragsverarbeitung
pub static DS_AVV: Rule = Rule {
    code: "DS-AVV",
    title: "Kein Vertrag zur Auftragsverarbeitung",
    severity: Warnung,
    explanation: "Verarbeitet ein anderer als die Schule personenbezogene Daten in ihrem Auftrag – Anbieter, Land, Schulträger oder \
kommunales Rechenzentrum –, braucht es einen Vertrag zur Auftragsverarbeitung nach Art. 28 DSGVO. Das Akzeptieren von AGB genügt nicht. \
Tragen Sie `avv: unterzeichnet` ein, sobald der Vertrag vorliegt (`in_vorbereitung`, solange er verhandelt wird). Das ist eine gesetzliche Pflicht der Schule nach der DSGVO, keine Bedingung des Förderprogramms: mep meldet eine Warnung, die `mep erstellen` nicht aufhält.",
    bad: "plattformen:\n  - { name: Lern-App, zweck: lernplattform, betreiber: anbieter, hosting_land: DE, daten: [schueler], avv: fehlt, dsfa: durchgefuehrt, vvt: true }\n",
    good: "plattformen:\n  - { name: Lern-App, zweck: lernplattform, betreiber: anbieter, hosting_land: DE, daten: [schueler], avv: unterzeichnet, dsfa: durchgefuehrt, vvt: true }\n",
    sources: &[DSGVO_ART_28, BY_VOLLZBEK, KULTUS_BW],
};

/// `DS-DSFA`: Datenschutz-Folgenabschätzung fehlt
pub static DS_DSFA: Rule = Rule {
    code: "DS-DSFA",
    title: "Datenschutz-Folgenabschätzung fehlt",
    severity: Warnung,
    explanation: "Lernplattformen, Videokonferenzen und Geräteverwaltung (MDM) für Tablet-Klassen verarbeiten viele Daten von Schülerinnen \
und Schülern; sie sind typische Fälle für eine Datenschutz-Folgenabschätzung nach Art. 35 DSGVO. Dokumentieren Sie unter `dsfa`, \
ob sie durchgeführt ist oder in Arbeit. Für andere Plattformen mit Daten von Schülerinnen und Schülern meldet die Regel nur eine fehlende Angabe. Das ist eine gesetzliche Pflicht der Schule nach der DSGVO, keine Bedingung des Förderprogramms: mep meldet eine Warnung, die `mep erstellen` nicht aufhält.",
    bad: "plattformen:\n  - { name: Lern-App, zweck: lernplattform, betreiber: anbieter, hosting_land: DE, daten: [schueler], avv: unterzeichnet, dsfa: nicht_erforderlich, vvt: true }\n",
    good: "plattformen:\n  - { name: Lern-App, zweck: lernplattform, betreiber: anbieter, hosting_land: DE, daten: [schueler], avv: unterzeichnet, dsfa: in_arbeit, vvt: true }\n",
    sources: &[DSGVO_ART_35, NI_LERNPLATTFORMEN, NI_TABLETS],
};

/// `DS-VVT`: Kein Eintrag im Verzeichnis von Verarbeitungstätigkeiten
pub static DS_VVT: Rule = Rule {
    code: "DS-VVT",
    title: "Kein Eintrag im Verzeichnis von Verarbeitungstätigkeiten",
    severity: Warnung,
    explanation: "Jede Verarbeitung personenbezogener Daten gehört in das Verzeichnis von Verarbeitungstätigkeiten (Art. 30 DSGVO): \
jede Plattform mit Daten braucht `vvt: true`, und die Schule führt das Verzeichnis (`datenschutz.vvt: true`). Das ist eine gesetzliche Pflicht der Schule nach der DSGVO, keine Bedingung des Förderprogramms: mep meldet eine Warnung, die `mep erstellen` nicht aufhält.",
    bad: "plattformen:\n  - { name: Lern-App, zweck: lernplattform, betreiber: anbieter, hosting_land: DE, daten: [schueler], avv: unterzeichnet, dsfa: durchgefuehrt, vvt: false }\n",
    good: "plattformen:\n  - { name: Lern-App, zweck: lernplattform, betreiber: anbieter, hosting_land: DE, daten: [schueler], avv: unterzeichnet, dsfa: durchgefuehrt, vvt: true }\n",
    sources: &[DSGVO_ART_30, LERNSAX],
};

/// `DS-DRITTLAND`: Hosting außerhalb von EU und EWR
pub static DS_DRITTLAND: Rule = Rule {
    code: "DS-DRITTLAND",
    title: "Hosting außerhalb von EU und EWR",
    severity: Warnung,
    explanation: "Werden personenbezogene Daten außerhalb der EU und des EWR gespeichert, ist das nur mit einem Angemessenheitsbeschluss \
der EU-Kommission (Art. 45 DSGVO) oder geeigneten Garantien zulässig. Länder mit allgemeinem Angemessenheitsbeschluss (etwa die Schweiz, \
das Vereinigte Königreich, Japan) meldet mep nicht; die USA schon, weil ihr Beschluss nur für zertifizierte Unternehmen gilt. \
Prüfende sollen das sehen. Dokumentieren Sie die Grundlage oder wählen Sie ein Angebot mit Hosting in der EU.",
    bad: "plattformen:\n  - { name: Lern-App, zweck: lernplattform, betreiber: anbieter, hosting_land: US, daten: [schueler], avv: unterzeichnet, dsfa: durchgefuehrt, vvt: true }\n",
    good: "plattformen:\n  - { name: Lern-App, zweck: lernplattform, betreiber: anbieter, hosting_land: DE, daten: [schueler], avv: unterzeichnet, dsfa: durchgefuehrt, vvt: true }\n",
    sources: &[DSGVO_ART_44, ADEQUACY],
};

/// `DS-DSB`: Keine datenschutzbeauftragte Person benannt
pub static DS_DSB: Rule = Rule {
    code: "DS-DSB",
    title: "Keine datenschutzbeauftragte Person benannt",
    severity: Warnung,
    explanation: "Jede öffentliche Schule braucht eine Datenschutzbeauftragte oder einen Datenschutzbeauftragten (Art. 37 DSGVO); \
sie können für mehrere Schulen gemeinsam oder extern bestellt sein, dürfen aber nicht der Schulleitung angehören oder die IT administrieren. \
Tragen Sie Name und Kontakt unter `datenschutz.beauftragte_person` ein. Das ist eine gesetzliche Pflicht der Schule nach der DSGVO, keine Bedingung des Förderprogramms: mep meldet eine Warnung, die `mep erstellen` nicht aufhält.",
    bad: "datenschutz:\n  vvt: true\n  nutzungsordnung: true\n",
    good: "datenschutz:\n  beauftragte_person: { name: C. Schutz, kontakt: dsb@example.org, extern: true }\n  vvt: true\n  nutzungsordnung: true\n",
    sources: &[DSGVO_ART_37, NI_DSB],
};

/// `DS-DSB-KONFLIKT`: Datenschutzbeauftragte Person in einer unvereinbaren Rolle
pub static DS_DSB_KONFLIKT: Rule = Rule {
    code: "DS-DSB-KONFLIKT",
    title: "Datenschutzbeauftragte Person in einer unvereinbaren Rolle",
    severity: Warnung,
    explanation: "Die oder der Datenschutzbeauftragte kontrolliert die Verarbeitung und darf deshalb weder der Schulleitung angehören \
noch die IT der Schule betreuen (Interessenkonflikt, Art. 38 Abs. 6 DSGVO). mep vergleicht den Namen unter \
`datenschutz.beauftragte_person` mit der Ansprechperson der Schule, wenn sie die Schulleitung ist, und mit dem First-Level-Support.",
    bad: "datenschutz:\n  beauftragte_person: { name: A. Beispiel, kontakt: dsb@example.org }\n  vvt: true\n",
    good: "datenschutz:\n  beauftragte_person: { name: C. Schutz, kontakt: dsb@example.org, extern: true }\n  vvt: true\n",
    sources: &[DSGVO_ART_38, NI_DSB],
};

/// `DS-CLOUD-DSK`: Microsoft 365 oder Google Workspace mit Daten von Schülerinnen und Schülern
pub static DS_CLOUD_DSK: Rule = Rule {
    code: "DS-CLOUD-DSK",
    title: "Microsoft 365 oder Google Workspace mit Daten von Schülerinnen und Schülern",
    severity: Warnung,
    explanation: "Die Datenschutzkonferenz hat am 24./25.11.2022 festgestellt, dass der datenschutzkonforme Einsatz von Microsoft 365 \
auf Grundlage des damaligen Datenschutznachtrags nicht nachgewiesen werden kann, „insbesondere an Schulen“. Für Google Workspace for Education \
gibt es vergleichbare Bedenken. Eine Neubewertung ist nicht veröffentlicht. Die Warnung macht Prüfende auf den Punkt aufmerksam: \
Dokumentieren Sie die Haltung Ihres Landes, die Datenschutz-Folgenabschätzung und mögliche Alternativen.",
    bad: "plattformen:\n  - { name: Microsoft 365, zweck: office, anbieter: Microsoft, betreiber: anbieter, hosting_land: IE, daten: [schueler, lehrkraefte], avv: unterzeichnet, dsfa: durchgefuehrt, vvt: true }\n",
    good: "plattformen:\n  - { name: Microsoft 365, zweck: office, anbieter: Microsoft, betreiber: anbieter, hosting_land: IE, daten: [lehrkraefte], avv: unterzeichnet, dsfa: durchgefuehrt, vvt: true }\n",
    sources: &[DSK_MS365, KOMMUNAL_EDV],
};

/// `DS-EINWILLIGUNG`: Einwilligung fehlt
pub static DS_EINWILLIGUNG: Rule = Rule {
    code: "DS-EINWILLIGUNG",
    title: "Einwilligung fehlt",
    severity: Warnung,
    explanation: "Wo keine gesetzliche Grundlage die Verarbeitung erlaubt – in Niedersachsen etwa bei Tablet-Klassen, deren zusätzliche Daten \
nicht „erforderlich“ im Sinne des Schulgesetzes sind –, braucht es die Einwilligung der Betroffenen (bei Kindern unter 16 der Eltern) \
und eine echte Alternative für alle, die nicht einwilligen. Steht `einwilligung: fehlt`, ist die Plattform so nicht nutzbar. \
Holen Sie die Einwilligungen ein (`eingeholt`) oder planen Sie es (`geplant`). Das ist eine gesetzliche Pflicht der Schule nach der DSGVO, keine Bedingung des Förderprogramms: mep meldet eine Warnung, die `mep erstellen` nicht aufhält.",
    bad: "plattformen:\n  - { name: Lern-App, zweck: lernplattform, betreiber: anbieter, hosting_land: DE, daten: [schueler], avv: unterzeichnet, dsfa: durchgefuehrt, vvt: true, einwilligung: fehlt }\n",
    good: "plattformen:\n  - { name: Lern-App, zweck: lernplattform, betreiber: anbieter, hosting_land: DE, daten: [schueler], avv: unterzeichnet, dsfa: durchgefuehrt, vvt: true, einwilligung: eingeholt }\n",
    sources: &[DSGVO_ART_6_8, NI_TABLETS],
};

fn avv(ctx: &Context<'_>, f: &mut Findings) {
    for (i, pl) in ctx.plan.platforms.iter().enumerate() {
        if pl.operator == Betreiber::Schule || !personal(pl) {
            continue;
        }
        if matches!(pl.avv, None | Some(AvvStatus::Fehlt | AvvStatus::NichtErforderlich)) {
            let path = if pl.avv.is_some() { format!("plattformen[{i}].avv") } else { format!("plattformen[{i}]") };
            f.at(path, format!("„{}“ wird von {} betrieben und verarbeitet personenbezogene Daten, aber ein Vertrag zur Auftragsverarbeitung liegt nicht vor.", pl.name, operator(pl.operator)))
                .with_help("Schließen Sie einen Vertrag nach Art. 28 DSGVO und tragen Sie `avv: unterzeichnet` ein (`in_vorbereitung`, solange er verhandelt wird).");
        }
    }
}

fn operator(b: Betreiber) -> &'static str {
    match b {
        Betreiber::Land => "dem Land",
        Betreiber::Schultraeger => "dem Schulträger",
        Betreiber::Anbieter => "einem Anbieter",
        Betreiber::Schule => "der Schule",
    }
}

fn dsfa(ctx: &Context<'_>, f: &mut Findings) {
    for (i, pl) in ctx.plan.platforms.iter().enumerate() {
        if !pupils(pl) {
            continue;
        }
        let typical = matches!(pl.purpose, Zweck::Lernplattform | Zweck::Videokonferenz | Zweck::Mdm);
        let missing = match pl.dsfa {
            None | Some(DsfaStatus::Fehlt) => true,
            Some(DsfaStatus::NichtErforderlich) => typical,
            Some(DsfaStatus::Durchgefuehrt | DsfaStatus::InArbeit) => false,
        };
        if missing {
            let path = if pl.dsfa.is_some() { format!("plattformen[{i}].dsfa") } else { format!("plattformen[{i}]") };
            f.at(
                path,
                format!(
                    "Für „{}“ ({}) mit Daten von Schülerinnen und Schülern ist keine Datenschutz-Folgenabschätzung dokumentiert.",
                    pl.name,
                    pl.purpose.label()
                ),
            )
            .with_help("Führen Sie eine Datenschutz-Folgenabschätzung durch und tragen Sie `dsfa: durchgefuehrt` oder `in_arbeit` ein.");
        }
    }
}

fn vvt(ctx: &Context<'_>, f: &mut Findings) {
    let p = ctx.plan;
    let mut any = false;
    for (i, pl) in p.platforms.iter().enumerate() {
        if personal(pl) {
            any = true;
            if pl.vvt != Some(true) {
                let path = if pl.vvt.is_some() { format!("plattformen[{i}].vvt") } else { format!("plattformen[{i}]") };
                f.at(
                    path,
                    format!(
                        "„{}“ verarbeitet personenbezogene Daten, steht aber nicht im Verzeichnis von Verarbeitungstätigkeiten.",
                        pl.name
                    ),
                )
                .with_help("Legen Sie einen Eintrag im Verzeichnis an und schreiben Sie `vvt: true`.");
            }
        }
    }
    if any
        && let Some(ds) = &p.privacy
        && ds.vvt == Some(false)
    {
        f.at("datenschutz.vvt", "Die Schule führt laut Plan kein Verzeichnis von Verarbeitungstätigkeiten.")
            .with_help("Legen Sie das Verzeichnis an (Muster stellen die Länder bereit) und schreiben Sie `vvt: true`.");
    }
}

fn third_country(ctx: &Context<'_>, f: &mut Findings) {
    for (i, pl) in ctx.plan.platforms.iter().enumerate() {
        if let Some(code) = &pl.hosting_country
            && personal(pl)
            && code.len() == 2
            && !EU_EWR.contains(&code.as_str())
            && !ADEQUATE.contains(&code.as_str())
        {
            f.at(format!("plattformen[{i}].hosting_land"), format!("„{}“ speichert personenbezogene Daten in {code}, außerhalb von EU und EWR.", pl.name))
                .with_help("Dokumentieren Sie den Angemessenheitsbeschluss oder die Garantien nach Art. 44 ff. DSGVO oder wählen Sie Hosting in der EU.");
        }
    }
}

fn officer(ctx: &Context<'_>, f: &mut Findings) {
    match &ctx.plan.privacy {
        None => {
            f.at("", "Der Plan hat keinen Abschnitt `datenschutz`; eine datenschutzbeauftragte Person ist nicht benannt.")
                .with_help("Ergänzen Sie `datenschutz: { beauftragte_person: { name: …, kontakt: … } }`.");
        }
        Some(ds) if ds.officer.as_ref().is_none_or(|o| o.name.trim().is_empty()) => {
            f.at("datenschutz", "Eine datenschutzbeauftragte Person ist nicht benannt.")
                .with_help("Ergänzen Sie `beauftragte_person: { name: …, kontakt: … }`.");
        }
        Some(_) => {}
    }
}

fn officer_conflict(ctx: &Context<'_>, f: &mut Findings) {
    let p = ctx.plan;
    let Some(dsb) = p.privacy.as_ref().and_then(|d| d.officer.as_ref()) else { return };
    let name = dsb.name.trim().to_lowercase();
    if name.is_empty() {
        return;
    }
    let head = p
        .school
        .contact
        .as_ref()
        .filter(|c| c.role.as_deref().is_some_and(|r| r.to_lowercase().contains("schulleit")))
        .is_some_and(|c| c.name.trim().to_lowercase() == name);
    let admin = p.operations.as_ref().and_then(|b| b.first_level.as_ref()).is_some_and(|l| l.responsible.trim().to_lowercase() == name);
    if head || admin {
        let role = if head { "die Schulleitung" } else { "für den First-Level-Support verantwortlich" };
        f.at(
            "datenschutz.beauftragte_person.name",
            format!("{} ist zugleich {role}; das ist mit der Aufgabe der oder des Datenschutzbeauftragten unvereinbar.", dsb.name),
        )
        .with_help("Benennen Sie eine andere Person, etwa eine gemeinsame oder externe Datenschutzbeauftragte.");
    }
}

/// Whether a platform is Microsoft 365 or Google Workspace, by its name or vendor.
fn us_suite(pl: &Plattform) -> Option<&'static str> {
    let text = format!("{} {}", pl.name, pl.vendor.as_deref().unwrap_or("")).to_lowercase();
    if text.contains("microsoft")
        || text.contains("office 365")
        || text.contains("m365")
        || text.contains("ms 365")
        || text.contains("teams")
    {
        Some("Microsoft 365")
    } else if text.contains("google") {
        Some("Google Workspace")
    } else {
        None
    }
}

fn us_suites(ctx: &Context<'_>, f: &mut Findings) {
    for (i, pl) in ctx.plan.platforms.iter().enumerate() {
        if let Some(suite) = us_suite(pl)
            && pupils(pl)
        {
            let name = if pl.name.contains(suite) { format!("„{}“", pl.name) } else { format!("„{}“ ({suite})", pl.name) };
            f.at(format!("plattformen[{i}].daten"), format!("{name} verarbeitet Daten von Schülerinnen und Schülern; die Datenschutzkonferenz hält den datenschutzkonformen Einsatz an Schulen nicht für nachgewiesen (Festlegung vom 24./25.11.2022)."))
                .with_help("Dokumentieren Sie die Haltung Ihres Landes, die Datenschutz-Folgenabschätzung und geprüfte Alternativen.");
        }
    }
}

fn consent(ctx: &Context<'_>, f: &mut Findings) {
    for (i, pl) in ctx.plan.platforms.iter().enumerate() {
        if personal(pl) && pl.consent == Some(Einwilligung::Fehlt) {
            f.at(format!("plattformen[{i}].einwilligung"), format!("Für „{}“ sind Einwilligungen nötig, liegen aber nicht vor.", pl.name))
                .with_help("Holen Sie die Einwilligungen ein (bei Kindern unter 16 der Eltern) und bieten Sie eine Alternative an.");
        }
    }
}
