//! Building a [`PlanView`] from a plan and its findings.

use super::foerderung::FoerderungV;
use super::values::{label, schuljahr};
use super::vokabular::{NICHT_BEKANNT, gremium, schulform};
use super::{
    AngabeV, AngebotV, AnlageV, Anzahl, BedarfV, BeschlussV, BestandV, Betrag, BetriebV, CurriculumV, DatenschutzV, DatumV, DimensionZiele,
    Dokument, EinheitV, EvaluationV, FortbildungV, GeraetV, Kennzahlen, KooperationV, Markdown, MassnahmeV, NetzV, Optionen, PersonV,
    PlanView, PlattformV, Pruefbericht, RaumtypV, SchuleV, SchultraegerV, SzenarioV, UnbekanntV, UnterschriftV, VIEW_VERSION, Vokabular,
    Zahl, ZielV, Zusammenfassung, ZusatzkapitelV,
};
use crate::diag::Diagnostic;
use crate::figures::Figures;
use crate::model::Plan;
use crate::profile::Profile;

/// A count with its noun in the right number: `keine Ziele`, `1 Ziel`, `5 Ziele`.
fn anzahl(n: usize, singular: &str, plural: &str) -> String {
    match n {
        0 => format!("keine {plural}"),
        1 => format!("1 {singular}"),
        n => format!("{} {plural}", super::values::de_int(i64::try_from(n).unwrap_or(i64::MAX))),
    }
}

/// The last component of a path as typed (`/tmp/x/plan.yaml` → `plan.yaml`), so that
/// documents do not depend on the folder they were rendered from.
#[must_use]
pub fn dateiname(datei: &str) -> String {
    datei.rsplit(['/', '\\']).find(|s| !s.is_empty()).unwrap_or(datei).to_owned()
}

fn person(p: &crate::model::Person) -> PersonV {
    PersonV { name: p.name.clone(), funktion: p.role.clone(), email: p.email.clone(), telefon: p.phone.clone() }
}

impl PlanView {
    /// Builds the view of a plan and its findings.
    #[must_use]
    pub fn build(plan: &Plan, diags: &[Diagnostic], opt: &Optionen) -> Self {
        Self::build_for(plan, &Profile::for_plan(plan), diags, opt)
    }

    /// Builds the view of a plan under a chosen profile (programme, Land, profile file), the one its findings came from.
    #[must_use]
    pub fn build_for(plan: &Plan, profile: &Profile, diags: &[Diagnostic], opt: &Optionen) -> Self {
        Self::build_with(plan, profile, &Figures::of(plan), diags, opt)
    }

    /// Builds the view of a plan from its profile, computed figures and findings, one chapter at a time.
    #[must_use]
    pub fn build_with(plan: &Plan, profile: &Profile, figures: &Figures, diags: &[Diagnostic], opt: &Optionen) -> Self {
        let massnahmen = massnahmen(plan, figures);
        Self {
            version: VIEW_VERSION,
            dokument: dokument(plan, opt),
            schule: schule(plan),
            schultraeger: schultraeger(plan),
            beschluesse: plan.approvals.iter().map(|b| BeschlussV { gremium: gremium(plan.land, b.body), datum: b.date.into() }).collect(),
            leitbild: Markdown::opt(plan.vision.as_ref()),
            bestand: bestand(plan),
            ziele: ziele(plan),
            mediencurriculum: mediencurriculum(plan),
            einsatzszenarien: einsatzszenarien(plan, figures),
            raumtypen: raumtypen(plan),
            bedarf: bedarf(plan, figures),
            plattformen: plattformen(plan),
            datenschutz: datenschutz(plan),
            fortbildung: fortbildung(plan),
            betrieb: betrieb(plan),
            zusammenfassung: zusammenfassung(plan, &massnahmen),
            massnahmen,
            evaluation: evaluation(plan),
            kooperationen: kooperationen(plan),
            angebote: angebote(plan),
            zusatzkapitel: zusatzkapitel(plan),
            literatur: plan.literature.iter().filter(|l| !l.trim().is_empty()).cloned().collect(),
            anlagen: anlagen(plan),
            unterschriften: unterschriften(plan),
            unbekannt: plan.unbekannte_angaben().into_iter().map(|(pfad, name)| UnbekanntV { pfad, name }).collect(),
            kennzahlen: Kennzahlen::from_figures(plan, figures),
            pruefbericht: Pruefbericht::of(&crate::rules::kosten_offen::als_fakten(diags, |i| plan.needs.get(i).map(|b| b.id.as_str()))),
            foerderung: FoerderungV::of(profile),
        }
    }
}

/// The school years from `von` to `bis`: `Schuljahr 2026/27`, or `Schuljahr 2026/27 bis 2028/29`.
fn schuljahre(von: i32, bis: i32) -> String {
    if von == bis { schuljahr(von) } else { format!("{} bis {}", schuljahr(von), schuljahr(bis).trim_start_matches("Schuljahr ")) }
}

/// The document's own data: file, vocabulary, programme, Land, dates, draft mark.
fn dokument(plan: &Plan, opt: &Optionen) -> Dokument {
    let schuljahre = match plan.period.bekannt() {
        None => NICHT_BEKANNT.to_owned(),
        Some(period) => schuljahre(period.von.schuljahr(), period.bis.schuljahr()),
    };
    Dokument {
        datei: dateiname(&opt.datei),
        vokabular: Vokabular::new(plan.land, plan.document_name, plan.curriculum.as_ref().map(|c| c.framework)),
        programm: label!(plan.programme),
        land: label!(plan.land),
        stand: plan.as_of.into(),
        datum: plan.dokumentdatum().into(),
        planungszeitraum: plan.period.into(),
        schuljahre,
        entwurf: opt.entwurf,
        entwurf_hinweis: if opt.entwurf { "ENTWURF – nicht förderfähig".to_owned() } else { String::new() },
    }
}

/// Chapter „Schule“.
fn schule(plan: &Plan) -> SchuleV {
    let s = &plan.school;
    SchuleV {
        name: s.name.clone(),
        schulnummer: s.number.clone(),
        schulform: schulform(plan.land, s.kind),
        anschrift: s.address.as_ref().map(|a| format!("{}, {} {}", a.street, a.plz, a.city)),
        schueler: s.pupils.into(),
        lehrkraefte: s.teachers.into(),
        klassen: s.classes.map(AngabeV::from),
        unterrichtsraeume: s.classrooms.map(AngabeV::from),
        ansprechperson: s.contact.as_ref().map(person),
        profil: Markdown::opt(s.profile.as_ref()),
    }
}

/// The Schulträger named in the plan.
fn schultraeger(plan: &Plan) -> Option<SchultraegerV> {
    plan.provider.as_ref().map(|t| SchultraegerV {
        name: t.name.clone(),
        ansprechperson: t.contact.as_ref().map(person),
        budget: t.budget.map(Betrag::from),
        finanzschwach: t.financially_weak.into(),
    })
}

/// Chapter „Bestand“: network, devices, training status, processes.
fn bestand(plan: &Plan) -> BestandV {
    let inv = plan.inventory.clone().unwrap_or_default();
    BestandV {
        netz: inv.network.as_ref().map(|n| NetzV {
            internet_mbit: n.internet_mbit.map(AngabeV::from),
            upload_mbit: n.upload_mbit.map(AngabeV::from),
            anschlussart: n.connection.map(|a| label!(a)),
            redundanz: n.redundancy.clone(),
            glasfaser: n.fibre.into(),
            verkabelte_raeume: n.wired_rooms.map(AngabeV::from),
            wlan_raeume: n.wlan_rooms.map(AngabeV::from),
            netztrennung: n.separated.into(),
        }),
        geraete: inv
            .devices
            .iter()
            .map(|g| GeraetV {
                typ: label!(g.kind),
                anzahl: g.count.into(),
                anschaffungsjahr: g.year,
                finanzierung: g.source.map(|h| label!(h)),
            })
            .collect(),
        geraete_summe: {
            let known = inv.devices.iter().filter_map(|g| g.count.bekannt()).map(u64::from).sum();
            let unknown = inv.devices.iter().filter(|g| g.count.ist_unbekannt()).count();
            Anzahl::menge(known, inv.devices.len() - unknown, unknown, inv.devices.iter().any(|g| g.count.ist_ungefaehr()))
        },
        fortbildungsstand: Markdown::opt(inv.training_status.as_ref()),
        prozesse: Markdown::opt(inv.processes.as_ref()),
    }
}

/// Chapter „Ziele“, each with the measures that serve it.
fn ziele(plan: &Plan) -> Vec<ZielV> {
    plan.goals
        .iter()
        .map(|z| ZielV {
            id: z.id.clone(),
            dimension: label!(z.dimension),
            beschreibung: z.description.clone(),
            indikator: z.indicator.clone(),
            ausgangswert: z.baseline.clone(),
            zielwert: z.target.clone(),
            termin: z.due.map(DatumV::from),
            massnahmen: plan.measures.iter().filter(|m| m.goals.contains(&z.id)).map(|m| m.id.clone()).collect(),
        })
        .collect()
}

/// Chapter „Mediencurriculum“.
fn mediencurriculum(plan: &Plan) -> Option<CurriculumV> {
    plan.curriculum.as_ref().map(|c| CurriculumV {
        rahmen: label!(c.framework),
        einheiten: c
            .units
            .iter()
            .map(|u| EinheitV {
                fach: u.subject.clone(),
                jahrgang: u.grade.to_string(),
                thema: u.topic.clone(),
                kompetenzen: u.competences.clone(),
                stunden: u.hours,
                werkzeuge: u.tools.clone(),
            })
            .collect(),
    })
}

/// Chapter „Einsatzszenarien“, each with its investment and the needs it asks for.
fn einsatzszenarien(plan: &Plan, figures: &Figures) -> Vec<SzenarioV> {
    plan.scenarios
        .iter()
        .map(|sz| SzenarioV {
            id: sz.id.clone(),
            titel: sz.title.clone(),
            beschreibung: Markdown::opt(sz.description.as_ref()),
            ziele: sz.goals.clone(),
            investition: super::kennzahlen::summe(
                &figures.investment,
                plan.needs.iter().enumerate().filter(|(_, b)| b.scenarios.contains(&sz.id)).map(|(j, _)| j),
            ),
            bedarf: plan.needs.iter().filter(|b| b.scenarios.contains(&sz.id)).map(|b| b.id.clone()).collect(),
        })
        .collect()
}

/// Chapter „Raumtypen“.
fn raumtypen(plan: &Plan) -> Vec<RaumtypV> {
    plan.room_types
        .iter()
        .map(|r| RaumtypV {
            bezeichnung: r.name.clone(),
            anzahl: r.count.map(AngabeV::from),
            ausstattung: r.equipment.clone(),
            beschreibung: Markdown::opt(r.description.as_ref()),
        })
        .collect()
}

/// Chapter „Bedarf“: every item with its sum and the measure that carries it.
fn bedarf(plan: &Plan, figures: &Figures) -> Vec<BedarfV> {
    plan.needs
        .iter()
        .enumerate()
        .map(|(i, b)| BedarfV {
            id: b.id.clone(),
            bezeichnung: b.name.clone(),
            kategorie: label!(b.category),
            geraetetyp: label!(b.device),
            anzahl: b.count.into(),
            einzelpreis: b.unit_price.map(Betrag::from),
            summe: figures.investment.items.get(i).copied().flatten().map(|c| Betrag::from_cents(c).ungefaehr(b.count.ist_ungefaehr())),
            massnahme: figures.measures.owner.get(i).copied().flatten().and_then(|m| plan.measures.get(m)).map(|m| m.id.clone()),
            jahr: b.year.into(),
            finanzierung: label!(b.herkunft()),
            nutzung: label!(b.usage),
            kostenart: label!(b.cost_kind),
            server_begruendung: b.server_reason.map(|r| label!(r)),
            szenarien: b.scenarios.clone(),
            begruendung: Markdown::opt(b.justification.as_ref()),
        })
        .collect()
}

/// Chapter „Plattformen“ with their data-protection documents.
fn plattformen(plan: &Plan) -> Vec<PlattformV> {
    plan.platforms
        .iter()
        .map(|p| PlattformV {
            name: p.name.clone(),
            zweck: label!(p.purpose),
            anbieter: p.vendor.clone(),
            betreiber: label!(p.operator),
            hosting_land: p.hosting_country.clone(),
            open_source: p.open_source.into(),
            daten: p.data.iter().map(|d| label!(d)).collect(),
            avv: p.avv.map(|x| label!(x)),
            dsfa: p.dsfa.map(|x| label!(x)),
            vvt: p.vvt.into(),
            einwilligung: p.consent.map(|x| label!(x)),
        })
        .collect()
}

/// Chapter „Datenschutz“.
fn datenschutz(plan: &Plan) -> Option<DatenschutzV> {
    plan.privacy.as_ref().map(|d| DatenschutzV {
        beauftragte_person: d.officer.as_ref().map(|o| o.name.clone()),
        kontakt: d.officer.as_ref().map(|o| o.contact.clone()),
        extern_bestellt: d.officer.as_ref().and_then(|o| o.external).into(),
        vvt: d.vvt.into(),
        nutzungsordnung: d.usage_policy.into(),
        loeschkonzept: d.deletion_policy.into(),
    })
}

/// Chapter „Fortbildung“ with the participant hours of each course.
fn fortbildung(plan: &Plan) -> Vec<FortbildungV> {
    plan.training
        .iter()
        .map(|t| {
            let hours = if t.hours.is_finite() { t.hours } else { 0.0 };
            FortbildungV {
                titel: t.title.clone(),
                zielgruppe: label!(t.audience),
                teilnehmende: t.participants.into(),
                stunden: Zahl::new(hours, 1),
                teilnehmerstunden: Zahl::new(hours * f64::from(t.participants), 1),
                format: label!(t.format),
                anbieter: t.provider.clone(),
                zeitraum: t.period.into(),
                kompetenzen: t.competences.clone(),
                bedarf: t.needs.clone(),
            }
        })
        .collect()
}

/// Chapter „Betrieb und Support“.
fn betrieb(plan: &Plan) -> Option<BetriebV> {
    plan.operations.as_ref().map(|b| BetriebV {
        first_level: b.first_level.as_ref().map(|f| f.responsible.clone()),
        first_level_stunden: b.first_level.as_ref().and_then(|f| f.hours_per_week).filter(|h| h.is_finite()).map(|h| Zahl::new(h, 1)),
        second_level: b.second_level.as_ref().map(|s| s.responsible.clone()),
        reaktionszeit_stunden: b.second_level.as_ref().and_then(|s| s.response_hours),
        wartungsvertrag: b.maintenance_contract.into(),
        ersatzzyklus_jahre: b.replacement_years,
        folgekosten_pro_jahr: b.running_costs.map(Betrag::from),
        jugendschutzfilter: b.youth_filter.into(),
        bestaetigung_schultraeger: b.provider_confirmation.map(DatumV::from),
    })
}

/// Chapter „Maßnahmen“: each with its investment, unpriced items and linked needs.
fn massnahmen(plan: &Plan, figures: &Figures) -> Vec<MassnahmeV> {
    plan.measures
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let row = figures.measures.rows.get(i);
            MassnahmeV {
                id: m.id.clone(),
                titel: m.title.clone(),
                ziele: m.goals.clone(),
                bedarf: m.needs.clone(),
                verantwortlich: m.responsible.clone(),
                beginn: m.start.into(),
                ende: m.end.into(),
                schuljahr: schuljahr(m.start.schuljahr()),
                schuljahre: schuljahre(m.start.schuljahr(), m.end.schuljahr()),
                investition: row
                    .map_or_else(|| Betrag::from_cents(0), |r| super::kennzahlen::summe(&figures.investment, r.own.iter().copied())),
                kosten_offen: row.map_or(0, |r| r.unpriced),
                verknuepft: row.map_or_else(Vec::new, |r| r.linked.iter().map(|&j| plan.needs[j].id.clone()).collect()),
            }
        })
        .collect()
}

/// Chapter „Evaluation“, each with the indicator of its goal.
fn evaluation(plan: &Plan) -> Vec<EvaluationV> {
    plan.evaluation
        .iter()
        .map(|e| EvaluationV {
            ziel: e.goal.clone(),
            indikator: plan.goals.iter().find(|z| z.id == e.goal).and_then(|z| z.indicator.clone()),
            methode: e.method.clone(),
            zeitpunkt: e.date.into(),
            verantwortlich: e.responsible.clone(),
        })
        .collect()
}

/// Chapter „Kooperationen“.
fn kooperationen(plan: &Plan) -> Vec<KooperationV> {
    plan.partners
        .iter()
        .map(|k| KooperationV { name: k.name.clone(), art: label!(k.kind), beschreibung: Markdown::opt(k.description.as_ref()) })
        .collect()
}

/// Chapter „Angebote“.
fn angebote(plan: &Plan) -> Vec<AngebotV> {
    plan.offers
        .iter()
        .map(|a| AngebotV {
            titel: a.title.clone(),
            art: label!(a.kind),
            zielgruppe: a.audience.clone(),
            turnus: a.frequency.clone(),
            beschreibung: Markdown::opt(a.description.as_ref()),
        })
        .collect()
}

/// The extra chapters, each with the id of the chapter it follows.
fn zusatzkapitel(plan: &Plan) -> Vec<ZusatzkapitelV> {
    plan.extra_chapters
        .iter()
        .map(|k| ZusatzkapitelV { titel: k.title.clone(), text: Markdown(k.text.clone()), nach: k.after.key().to_owned() })
        .collect()
}

/// The numbered list of attachments.
fn anlagen(plan: &Plan) -> Vec<AnlageV> {
    plan.attachments.iter().enumerate().map(|(i, a)| AnlageV { nummer: i + 1, titel: a.title.clone(), datei: a.file.clone() }).collect()
}

/// The signature lines.
fn unterschriften(plan: &Plan) -> Vec<UnterschriftV> {
    plan.signatures
        .iter()
        .map(|u| UnterschriftV {
            rolle: label!(u.role),
            name: u.name.clone(),
            funktion: u.function.clone(),
            ort: u.place.clone(),
            datum: u.date.map(DatumV::from),
        })
        .collect()
}

/// The summary at the front: scope, the five largest measures, goals per dimension.
fn zusammenfassung(plan: &Plan, massnahmen: &[MassnahmeV]) -> Zusammenfassung {
    let mut ranked: Vec<&MassnahmeV> = massnahmen.iter().filter(|m| m.investition.cent > 0).collect();
    ranked.sort_by_key(|m| std::cmp::Reverse(m.investition.cent));
    Zusammenfassung {
        umfang: format!(
            "{}, {} und {}",
            anzahl(plan.goals.len(), "Ziel", "Ziele"),
            anzahl(plan.needs.len(), "Bedarfsposition", "Bedarfspositionen"),
            anzahl(plan.measures.len(), "Maßnahme", "Maßnahmen")
        ),
        wichtigste_massnahmen: ranked.into_iter().take(5).cloned().collect(),
        ziele_je_dimension: crate::model::Dimension::ALL
            .iter()
            .map(|&d| DimensionZiele {
                dimension: label!(d),
                ziele: plan.goals.iter().filter(|z| z.dimension == d).map(|z| z.id.clone()).collect(),
            })
            .filter(|d| !d.ziele.is_empty())
            .collect(),
    }
}
