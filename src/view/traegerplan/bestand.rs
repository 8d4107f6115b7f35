//! Chapters on the schools: their concepts as the basis, the status quo, Soll against the standards, the annex.

use super::{MINDESTENS, anzahl, para, section, table, zelle};
use crate::figures::traeger::{NetCheck, SchoolFigures, Totals};
use crate::model::{Bezug, Geraetetyp, Schulform};
use crate::review::traegerplan::TraegerPlan;
use crate::view::overview::{Abschnitt, Block};
use crate::view::values::{de_eur, de_percent, de_ratio, zeitpunkt_text};

/// „Die Medienkonzepte der Schulen als Grundlage“: which plans there are, their status; missing plans as such.
pub(super) fn grundlage(p: &TraegerPlan) -> Abschnitt {
    let mut zeilen = Vec::new();
    for row in &p.review.rows {
        let (name, number, kind, stand) = match &row.school {
            Some(s) => (s.name.clone(), s.number.clone(), s.kind.label().to_owned(), zeitpunkt_text(s.as_of)),
            None => (row.file.clone(), String::new(), String::new(), String::new()),
        };
        zeilen.push(vec![name, number, kind, stand, row.status.label().to_owned()]);
    }
    for s in p.figures.schools.iter().filter(|s| s.figures.is_none()) {
        zeilen.push(vec![s.name.clone(), s.number.clone(), String::new(), String::new(), "Plan fehlt (TRAEGER-PLAN-FEHLT)".to_owned()]);
    }
    let t = &p.figures.total;
    let mut saetze = format!(
        "Grundlage dieses Plans sind die Medienentwicklungspläne (Medienkonzepte) von {} Schulen. Jede Schule beschreibt darin ihr \
pädagogisches Konzept, ihren Bestand und ihren Bedarf; der Schulträger bündelt sie zu Standards, Supportmodell und Finanzplan.",
        t.schools
    );
    if t.missing > 0 {
        saetze.push_str(&format!(
            " Für {} erwartete Schulen liegt kein lesbarer Plan vor; sie erscheinen in keiner Summe, ihre Zahlen sind nicht bekannt.",
            t.missing
        ));
    }
    section(
        2,
        "Die Medienkonzepte der Schulen als Grundlage",
        vec![para(saetze), table(&["Schule", "Schulnummer", "Schulform", "Stand", "Prüfung"], 9, zeilen, None)],
    )
}

fn net_text(c: NetCheck) -> &'static str {
    match c {
        NetCheck::OhneStandard => "kein Standard",
        NetCheck::Unbekannt => "nicht bekannt",
        NetCheck::Erfuellt => "erfüllt",
        NetCheck::Darunter => "darunter",
    }
}

fn status_cells(f: &SchoolFigures) -> Vec<String> {
    vec![
        anzahl(f.pupils),
        anzahl(f.classrooms),
        anzahl(f.pupil_devices),
        f.pupils_per_device.map_or_else(|| "–".to_owned(), |r| de_ratio(r, 1)),
        f.internet_mbit.map_or_else(|| "nicht bekannt".to_owned(), |m| format!("{m} Mbit/s")),
        f.wlan_coverage.map_or_else(|| "nicht bekannt".to_owned(), |r| de_percent(r, 0)),
    ]
}

fn totals_status(t: &Totals) -> Vec<String> {
    let ratio = match (t.pupils.exact(), t.pupil_devices.exact()) {
        (Some(p), Some(d)) if d > 0 => crate::figures::Ratio::of(i64::try_from(p).unwrap_or(0), i64::try_from(d).unwrap_or(1)),
        _ => None,
    };
    vec![
        anzahl(t.pupils),
        anzahl(t.classrooms),
        anzahl(t.pupil_devices),
        ratio.map_or_else(|| "–".to_owned(), |r| de_ratio(r, 1)),
        String::new(),
        String::new(),
    ]
}

/// „Bestandsaufnahme“: per school and per Schulform; platforms with their data-protection state.
pub(super) fn bestandsaufnahme(p: &TraegerPlan) -> Abschnitt {
    let kopf = [
        "Schule",
        "Schulform",
        "Schüler/innen",
        "Unterrichtsräume",
        "Schülergeräte",
        "Schüler/innen je Gerät",
        "Internet",
        "WLAN-Abdeckung",
    ];
    let mut zeilen = Vec::new();
    for s in &p.figures.schools {
        let mut row = vec![s.name.clone()];
        if let Some(f) = &s.figures {
            row.push(f.kind.label().to_owned());
            row.extend(status_cells(f));
        } else {
            row.push("Plan fehlt".to_owned());
            row.extend(std::iter::repeat_n("nicht bekannt".to_owned(), 6));
        }
        zeilen.push(row);
    }
    let mut summe = vec!["Alle Schulen".to_owned(), String::new()];
    summe.extend(totals_status(&p.figures.total));
    let kind_rows: Vec<Vec<String>> = p
        .figures
        .by_kind
        .iter()
        .map(|(k, t)| {
            let mut row = vec![k.label().to_owned(), t.schools.to_string()];
            row.extend(totals_status(t).into_iter().take(4));
            row
        })
        .collect();
    let mut platforms = Vec::new();
    for s in &p.figures.schools {
        for pf in s.figures.iter().flat_map(|f| &f.platforms) {
            platforms.push(vec![
                s.name.clone(),
                pf.name.clone(),
                pf.purpose.label().to_owned(),
                pf.operator.label().to_owned(),
                pf.avv.map_or("nicht angegeben", |a| a.label()).to_owned(),
                pf.dsfa.map_or("nicht angegeben", |a| a.label()).to_owned(),
            ]);
        }
    }
    let mut bloecke = vec![
        para(
            "Bestand nach den Plänen der Schulen: Schülergeräte sind vorhandene Tablets, Laptops, Notebooks und PCs ohne Leihgeräte für Lehrkräfte. Was ein Plan als „unbekannt“ angibt, steht hier als „nicht bekannt“; Summen mit unbekannten Teilen als „mindestens“.",
        ),
        table(&kopf, 2, zeilen, Some(summe)),
        section_title("Nach Schulform"),
        table(
            &["Schulform", "Schulen", "Schüler/innen", "Unterrichtsräume", "Schülergeräte", "Schüler/innen je Gerät"],
            1,
            kind_rows,
            None,
        ),
        section_title("Plattformen und Datenschutz"),
    ];
    bloecke.push(if platforms.is_empty() {
        para("Die Pläne nennen keine Plattformen.")
    } else {
        table(&["Schule", "Plattform", "Zweck", "Betreiber", "AVV", "DSFA"], 9, platforms, None)
    });
    section(2, "Bestandsaufnahme", bloecke)
}

/// A bold paragraph that heads a table inside a section.
fn section_title(text: &str) -> Block {
    para(format!("{text}:"))
}

fn schluessel(count: u32, per: u32, basis: Bezug) -> String {
    let what = match basis {
        Bezug::Unterrichtsraum => {
            if per == 1 {
                "Unterrichtsraum"
            } else {
                "Unterrichtsräume"
            }
        }
        Bezug::Schueler => {
            if per == 1 {
                "Schüler/in"
            } else {
                "Schüler/innen"
            }
        }
        Bezug::Lehrkraft => {
            if per == 1 {
                "Lehrkraft"
            } else {
                "Lehrkräfte"
            }
        }
    };
    if per == 1 { format!("{count} je {what}") } else { format!("{count} je {per} {what}") }
}

/// „Ausstattungsstandards und Soll-Ist-Vergleich“.
pub(super) fn soll(p: &TraegerPlan) -> Abschnitt {
    let t = &p.traeger;
    if t.standards().is_empty() {
        let why = if t.standards.is_some() { "gibt sie als „unbekannt“ an" } else { "nennt keine („ausstattungsstandards“)" };
        return section(
            2,
            "Ausstattungsstandards und Soll-Ist-Vergleich",
            vec![para(format!("Die Schulträger-Datei {why}; ein Soll-Ist-Vergleich ist deshalb nicht möglich."))],
        );
    }
    let mut std_rows = Vec::new();
    for st in t.standards() {
        let form = match &st.track {
            Some(b) => format!("{} ({})", st.kind.label(), b.trim()),
            None => st.kind.label().to_owned(),
        };
        for d in &st.devices {
            std_rows.push(vec![form.clone(), d.kind.label().to_owned(), schluessel(d.count, d.per, d.basis)]);
        }
        if let Some(n) = &st.network {
            if let Some(m) = n.bandwidth_mbit {
                std_rows.push(vec![form.clone(), "Internetanschluss".to_owned(), format!("mindestens {m} Mbit/s je Schule")]);
            }
            if let Some(w) = n.wlan_percent {
                std_rows.push(vec![form.clone(), "WLAN".to_owned(), format!("{w} % der Unterrichtsräume")]);
            }
        }
    }
    let mut gap_rows = Vec::new();
    let mut net_rows = Vec::new();
    for s in &p.figures.schools {
        let Some(f) = &s.figures else {
            gap_rows.push(vec![
                s.name.clone(),
                "Plan fehlt".to_owned(),
                String::new(),
                String::new(),
                String::new(),
                "nicht bekannt".to_owned(),
                String::new(),
            ]);
            continue;
        };
        for g in &f.gaps {
            gap_rows.push(gap_cells(&s.name, g));
        }
        net_rows.push(vec![s.name.clone(), net_text(f.bandwidth_check).to_owned(), net_text(f.wlan_check).to_owned()]);
    }
    let kind_rows: Vec<Vec<String>> = p
        .figures
        .by_kind
        .iter()
        .flat_map(|(k, tot): &(Schulform, Totals)| tot.gaps.values().map(move |g| gap_cells(k.label(), g)))
        .collect();
    let tracks = t.standards().iter().filter(|s| s.track.is_some()).count();
    let mut bloecke = vec![
        para(
            "Der Schulträger setzt je Schulform einen Ausstattungsschlüssel. Soll = Schlüssel × Bezugsgröße der Schule (aufgerundet); Lücke = Soll − Bestand − im Plan der Schule vorgesehene Geräte, nie unter null. Bewertet wird die Lücke mit dem Einzelpreis aus den Kostenparametern; ohne Preis bleiben die Kosten offen.",
        ),
        table(&["Schulform", "Ausstattung", "Schlüssel"], 9, std_rows, None),
        section_title("Lücke je Schule"),
        table(&["Schule", "Gerätetyp", "Soll", "Bestand", "geplant", "Lücke", "Kosten der Lücke"], 2, gap_rows, None),
        section_title("Lücke je Schulform"),
        table(
            &["Schulform", "Gerätetyp", "Soll", "Bestand", "geplant", "Lücke", "Kosten der Lücke"],
            2,
            kind_rows,
            Some(vec![
                "Alle Schulen".to_owned(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                zelle(p.figures.total.gap_cost),
            ]),
        ),
        para(MINDESTENS),
        section_title("Netz nach Standard"),
        table(&["Schule", "Bandbreite", "WLAN-Abdeckung"], 9, net_rows, None),
    ];
    if tracks > 0 {
        bloecke.push(para(format!(
            "{tracks} Standards gelten nur für einen Bildungsgang. Die Pläne nennen keine Schülerzahlen je Bildungsgang; diese Standards stehen in der Tabelle, in die Lücke gehen sie nicht ein."
        )));
    }
    section(2, "Ausstattungsstandards und Soll-Ist-Vergleich", bloecke)
}

fn gap_cells(name: &str, g: &crate::figures::traeger::Gap) -> Vec<String> {
    vec![name.to_owned(), g.kind.label().to_owned(), anzahl(g.soll), anzahl(g.existing), anzahl(g.planned), anzahl(g.gap), zelle(g.cost)]
}

/// „Anhang: Schulen“: per school a compact table of its key figures.
pub(super) fn anhang(p: &TraegerPlan) -> Vec<Abschnitt> {
    let mut out = vec![section(
        2,
        "Anhang: Kennzahlen je Schule",
        vec![para("Je Schule die wichtigsten Zahlen aus ihrem Plan und aus dem Vergleich mit den Standards."), para(MINDESTENS)],
    )];
    for s in &p.figures.schools {
        let mut a = section(3, &format!("{} ({})", s.name.trim(), s.number), Vec::new());
        a.datei.clone_from(&s.file);
        a.bloecke.push(match &s.figures {
            None => para("Für diese Schule liegt kein lesbarer Plan vor (TRAEGER-PLAN-FEHLT); ihre Zahlen sind nicht bekannt."),
            Some(f) => table(&["Kennzahl", "Wert"], 1, key_figures(f), None),
        });
        out.push(a);
    }
    out
}

fn key_figures(f: &SchoolFigures) -> Vec<Vec<String>> {
    let invest: i64 = f.years.iter().map(|y| y.investive).sum::<i64>() + f.outside_term.investive + f.investive_unknown_year;
    let total = |k: fn(&crate::figures::traeger::YearCosts) -> crate::figures::traeger::Kosten| {
        f.years.iter().fold(crate::figures::traeger::Kosten::default(), |a, y| a.plus(k(y)))
    };
    let mut rows = vec![
        vec!["Schulform".to_owned(), f.kind.label().to_owned()],
        vec!["Schüler/innen".to_owned(), anzahl(f.pupils)],
        vec!["Lehrkräfte".to_owned(), anzahl(f.teachers)],
        vec!["Unterrichtsräume".to_owned(), anzahl(f.classrooms)],
        vec!["Schülergeräte (Bestand)".to_owned(), anzahl(f.pupil_devices)],
        vec!["Investitionen laut Plan".to_owned(), crate::view::values::Betrag::summe(invest, f.priced_items, f.open_items).text],
        vec!["Beantragte Fördermittel".to_owned(), de_eur(f.funding[0])],
        vec!["Betriebskosten in der Laufzeit".to_owned(), zelle(total(|y| y.operating))],
        vec!["Ersatz in der Laufzeit".to_owned(), zelle(total(|y| y.replacement))],
        vec!["Kosten der Lücke zum Standard".to_owned(), if f.gaps.is_empty() { "kein Standard".to_owned() } else { zelle(f.gap_cost) }],
        vec!["Fortbildungen".to_owned(), f.trainings.len().to_string()],
    ];
    for g in f.gaps.iter().filter(|g| g.kind != Geraetetyp::Sonstiges) {
        rows.push(vec![format!("Lücke {}", g.kind.label()), anzahl(g.gap)]);
    }
    rows
}
