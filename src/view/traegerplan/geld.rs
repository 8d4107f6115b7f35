//! Chapters on money: the summary with its cost overview, and the financial plan over the term.

use super::{MINDESTENS, betrag, mittel_zelle, para, section, table, zelle};
use crate::figures::traeger::{Kosten, YearCosts};
use crate::model::{Angabe, Mittelquelle};
use crate::review::traegerplan::TraegerPlan;
use crate::view::overview::{Abschnitt, Block};
use crate::view::values::{Betrag, de_eur};

fn sum_years(years: &[YearCosts], k: impl Fn(&YearCosts) -> Kosten) -> Kosten {
    years.iter().fold(Kosten::default(), |a, y| a.plus(k(y)))
}

fn cents(c: i64) -> Kosten {
    Kosten { cents: c, priced: usize::from(c != 0), open: 0 }
}

/// The cost overview: one row per year of the term with the money and the difference.
fn cost_overview(p: &TraegerPlan) -> Block {
    let f = &p.figures;
    let mut zeilen = Vec::new();
    for (y, m) in f.total.years.iter().zip(&f.money) {
        let diff = if m.named && m.total.open == 0 && y.total.open == 0 { de_eur(m.total.cents - y.total.cents) } else { "–".to_owned() };
        zeilen.push(vec![
            y.year.to_string(),
            de_eur(y.investive),
            zelle(y.operating.plus(y.replacement).plus_cents(y.running_items)),
            zelle(y.total),
            if m.named { mittel_zelle(m.total) } else { "keine genannt".to_owned() },
            diff,
        ]);
    }
    let years = &f.total.years;
    let total = sum_years(years, |y| y.total);
    let money = f.money.iter().fold(Kosten::default(), |a, m| a.plus(m.total));
    let summe = vec![
        "Laufzeit".to_owned(),
        de_eur(years.iter().map(|y| y.investive).sum()),
        zelle(sum_years(years, |y| y.operating.plus(y.replacement).plus_cents(y.running_items))),
        zelle(total),
        mittel_zelle(money),
        String::new(),
    ];
    table(
        &["Jahr", "Investitionen der Schulen", "Betrieb, Ersatz und laufende Posten", "Kosten", "Mittel", "Mittel − Kosten"],
        1,
        zeilen,
        Some(summe),
    )
}

/// „Zusammenfassung“ with the cost overview.
pub(super) fn zusammenfassung(p: &TraegerPlan) -> Abschnitt {
    let t = &p.traeger;
    let f = &p.figures;
    let tot = &f.total;
    let (first, last) = (f.years.first().copied().unwrap_or(0), f.years.last().copied().unwrap_or(0));
    let mut saetze = vec![format!(
        "Der Schulträger {} ({}) legt diesen Medienentwicklungsplan für {} Schulen im Förderprogramm „{}“ vor; er umfasst die Jahre {first} bis {last}.",
        t.name.trim(),
        t.land.label(),
        tot.schools + tot.missing,
        t.programme.label()
    )];
    if tot.missing > 0 {
        saetze.push(format!("Von {} Schulen liegt noch kein lesbarer Plan vor; ihre Zahlen fehlen in allen Summen.", tot.missing));
    }
    let invest: i64 = tot.years.iter().map(|y| y.investive).sum::<i64>() + tot.outside_term.investive + tot.investive_unknown_year;
    saetze.push(format!(
        "Die Schulen planen Investitionen von {}; beantragt werden {} Fördermittel bei einem Eigenanteil von {} und sonstigen Mitteln von {}.",
        Betrag::summe(invest, tot.priced_items, tot.open_items).text,
        de_eur(tot.funding[0]),
        de_eur(tot.funding[1]),
        de_eur(tot.funding[2])
    ));
    if !t.standards().is_empty() {
        saetze.push(format!(
            "Um alle Schulen auf den Ausstattungsstandard zu bringen, bleibt darüber hinaus ein Bedarf von {}.",
            betrag(tot.gap_cost)
        ));
    }
    let total = sum_years(&tot.years, |y| y.total);
    saetze.push(format!("Über die Laufzeit kosten Investitionen, Betrieb und Ersatz zusammen {}.", betrag(total)));
    if !f.missing_parameters.is_empty() {
        saetze.push("Nicht alle Kosten sind berechenbar, weil Kostenparameter fehlen; der Finanzplan nennt sie.".to_owned());
    }
    if let Some(b) = t.betrieb() {
        saetze.push(format!("Betrieb und Support regelt das Konzept „{}“.", b.reference.trim()));
    }
    section(2, "Zusammenfassung", vec![para(saetze.join(" ")), cost_overview(p), para(MINDESTENS)])
}

/// „Ressourcen und Finanzplan“: costs per year by kind, money per year by source, funding of the plans, parameters.
pub(super) fn finanzplan(p: &TraegerPlan) -> Abschnitt {
    let f = &p.figures;
    let t = &p.traeger;
    let years = &f.total.years;
    let mut kopf: Vec<String> = vec!["Kostenart".to_owned()];
    kopf.extend(years.iter().map(|y| y.year.to_string()));
    kopf.push("Summe".to_owned());
    let row = |label: &str, k: &dyn Fn(&YearCosts) -> Kosten| {
        let mut r = vec![label.to_owned()];
        r.extend(years.iter().map(|y| zelle(k(y))));
        r.push(zelle(sum_years(years, k)));
        r
    };
    let zeilen = vec![
        row("Investitionen der Schulen", &|y| cents(y.investive)),
        row("Laufende Posten der Pläne", &|y| cents(y.running_items)),
        row("Betriebskosten (Kostenparameter)", &|y| y.operating),
        row("Ersatz (Kostenparameter)", &|y| y.replacement),
    ];
    let summe = row("Kosten", &|y| y.total);
    let kopf_ref: Vec<&str> = kopf.iter().map(String::as_str).collect();
    let costs = table(&kopf_ref, 1, zeilen, Some(summe));
    let own: Vec<String> =
        years.iter().filter(|y| y.school_running != 0).map(|y| format!("{}: {}", y.year, de_eur(y.school_running))).collect();
    let own = if own.is_empty() {
        "Die Pläne der Schulen nennen für die Laufzeit keine eigenen Folgekosten.".to_owned()
    } else {
        format!("Zum Vergleich, nicht addiert – Folgekosten, die die Schulen in ihren Plänen selbst schätzen: {}.", own.join("; "))
    };
    let mut money_rows = Vec::new();
    for (i, q) in Mittelquelle::ALL.iter().enumerate() {
        let mut r = vec![q.label().to_owned()];
        r.extend(f.money.iter().map(|m| mittel_zelle(m.by_source[i])));
        r.push(mittel_zelle(f.money.iter().fold(Kosten::default(), |a, m| a.plus(m.by_source[i]))));
        money_rows.push(r);
    }
    let mut money_sum = vec!["Mittel".to_owned()];
    money_sum.extend(f.money.iter().map(|m| mittel_zelle(m.total)));
    money_sum.push(mittel_zelle(f.money.iter().fold(Kosten::default(), |a, m| a.plus(m.total))));
    let mut money_kopf = vec!["Quelle".to_owned()];
    money_kopf.extend(f.years.iter().map(ToString::to_string));
    money_kopf.push("Summe".to_owned());
    let money_kopf: Vec<&str> = money_kopf.iter().map(String::as_str).collect();
    let mut bloecke = vec![
        para(
            "Kosten je Haushaltsjahr der Laufzeit: die Investitionen und laufenden Posten aus den Plänen der Schulen (im Jahr ihrer Beschaffung), dazu Betriebskosten und Ersatz aus dem Bestand jedes Jahres und den Kostenparametern des Schulträgers (Ersatz = Bestand × Preis ÷ Ersatzzyklus). Die Folgekosten, die die Schulen selbst schätzen, stehen zum Vergleich darunter; sie sind nicht addiert, weil die Kostenparameter denselben Betrieb bewerten.",
        ),
        costs,
        para(MINDESTENS),
        para(own),
    ];
    if t.money().is_empty() {
        let why = if t.money.is_some() { "gibt die Mittel als „unbekannt“ an" } else { "nennt keine Mittel („mittel“)" };
        bloecke.push(para(format!("Die Schulträger-Datei {why}; Kosten und Mittel lassen sich nicht vergleichen.")));
    } else {
        bloecke.push(para("Mittel je Haushaltsjahr und Quelle laut Schulträger-Datei:"));
        bloecke.push(table(&money_kopf, 1, money_rows, Some(money_sum)));
        if f.money_outside_term.priced + f.money_outside_term.open > 0 {
            bloecke
                .push(para(format!("Außerhalb der Laufzeit nennt die Datei weitere Mittel von {}.", mittel_zelle(f.money_outside_term))));
        }
    }
    let tot = &f.total;
    bloecke.push(para(format!(
        "Finanzierung laut Plänen der Schulen: beantragte Fördermittel {}, Eigenanteil {}, sonstige Mittel {}; Fördermittelbudget des Schulträgers („budget_eur“) {}.",
        de_eur(tot.funding[0]),
        de_eur(tot.funding[1]),
        de_eur(tot.funding[2]),
        de_eur(t.budget.cents())
    )));
    bloecke.push(parameters(p));
    if t.cost_parameters().is_empty() {
        // `parameters` has said that nothing is computed.
    } else if f.missing_parameters.is_empty() {
        bloecke.push(para("Für alle Gerätetypen in Bestand und Lücke sind Preis, Ersatzzyklus und Betriebskosten angegeben."));
    } else {
        let list: Vec<String> = f
            .missing_parameters
            .iter()
            .map(|(k, m)| format!("{}: {}", k.label(), m.iter().map(|x| format!("„{x}“")).collect::<Vec<_>>().join(", ")))
            .collect();
        bloecke.push(para(format!(
            "Nicht berechnet, weil der Schulträger keine Werte angibt (mep setzt keine eigenen ein) – {}. Die betroffenen Summen stehen als „mindestens“ oder „Kosten noch offen“.",
            list.join("; ")
        )));
    }
    section(2, "Ressourcen und Finanzplan", bloecke)
}

fn param_text(a: Option<Angabe<crate::model::Euro>>) -> String {
    match a {
        Some(Angabe::Bekannt(e) | Angabe::Ungefaehr(e)) => de_eur(e.cents()),
        Some(Angabe::Unbekannt) => "nicht bekannt".to_owned(),
        None => "nicht angegeben".to_owned(),
    }
}

fn parameters(p: &TraegerPlan) -> Block {
    let rows: Vec<Vec<String>> = p
        .traeger
        .cost_parameters()
        .iter()
        .map(|k| {
            vec![
                k.kind.label().to_owned(),
                param_text(k.price),
                match k.cycle_years {
                    Some(Angabe::Bekannt(y) | Angabe::Ungefaehr(y)) => format!("{y} Jahre"),
                    Some(Angabe::Unbekannt) => "nicht bekannt".to_owned(),
                    None => "nicht angegeben".to_owned(),
                },
                param_text(k.running_eur),
            ]
        })
        .collect();
    if rows.is_empty() {
        return para(
            "Die Schulträger-Datei nennt keine Kostenparameter („kostenparameter“); Betriebskosten, Ersatz und die Kosten der Lücke sind deshalb nicht berechnet.",
        );
    }
    table(&["Gerätetyp", "Einzelpreis", "Ersatzzyklus", "Betriebskosten je Gerät und Jahr"], 1, rows, None)
}
