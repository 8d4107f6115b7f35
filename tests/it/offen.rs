//! Never a false zero, in every output: over generated plans with unpriced items, unknown and
//! approximate counts, unknown years, several funding sources and an unknown planning period, every
//! figure that depends on an open or unknown input says so – `Kosten noch offen`, `nicht bekannt` or
//! `mindestens …` – in the plan view JSON, the typst data (no PDF is rendered), the Markdown document,
//! the review CSV (schools and items) and the cells of the review workbook, read back from the file.
//!
//! Runs [`crate::figures::cases`] plans per `cargo test` (48); `MEP_PROPTEST_CASES=2000 cargo test
//! --test it offen` runs a longer campaign.

use std::collections::BTreeMap;
use std::process::Command;

use mep::render::markdown::{self, Templates};
use mep::render::pdf::data;
use mep::view::{Optionen, PlanView};
use proptest::prelude::*;
use serde_json::Value;

use crate::figures::{Generated, Item, SOURCES, cases, generated, yaml};
use crate::support::check_bytes;

/// Whether a text says that (part of) its figure is open or unknown.
fn says_open(text: &str) -> bool {
    text.contains("Kosten noch offen") || text.starts_with("mindestens ") || text.starts_with("nicht bekannt")
}

/// A check with its context, so that a failure names the output, the figure and the plan.
fn check(ok: bool, what: &str, text: &str, plan: &str) {
    assert!(ok, "{what}: „{text}“\n--- plan ---\n{plan}");
}

/// The German label of an item's Fördergegenstand, as the outputs print it.
fn category_label(key: &str) -> &'static str {
    mep::model::Kategorie::ALL.iter().find(|k| k.key() == key).map_or("", |k| k.label())
}

/// Every place of one plan that depends on its open items: per Fördergegenstand, year and source.
struct Open<'a> {
    items: &'a [Item],
}

impl Open<'_> {
    fn any(&self, pred: impl Fn(&Item) -> bool) -> bool {
        self.items.iter().any(|i| i.open() && pred(i))
    }

    fn total(&self) -> bool {
        self.any(|_| true)
    }

    fn year(&self, year: Option<i32>) -> bool {
        self.any(|i| year_of(i) == year)
    }

    fn category(&self, key: &str) -> bool {
        self.any(|i| i.category_key() == key)
    }

    fn cell(&self, key: &str, year: Option<i32>) -> bool {
        self.any(|i| i.category_key() == key && year_of(i) == year)
    }
}

fn year_of(i: &Item) -> Option<i32> {
    (!i.year_unknown).then_some(i.year)
}

fn text_of(v: &Value) -> &str {
    v["text"].as_str().unwrap_or_default()
}

/// The plan view (what `render --format json` writes and the typst data carries as `view`).
fn view_says_it(v: &Value, g: &Generated, open: &Open<'_>, plan: &str) {
    let inv = &v["kennzahlen"]["investition"];
    check(says_open(text_of(&inv["gesamt"])) == open.total(), "view: Investitionen gesamt", text_of(&inv["gesamt"]), plan);
    // A sum with an item of approximate count says `ca.`.
    let approx = g.items.iter().any(|i| i.count_kind == 1 && !i.open());
    check(text_of(&inv["gesamt"]).contains("ca. ") == approx, "view: approximate total", text_of(&inv["gesamt"]), plan);
    for j in inv["je_jahr"].as_array().unwrap() {
        let year = j["jahr"].as_i64().and_then(|y| i32::try_from(y).ok());
        check(says_open(text_of(&j["summe"])) == open.year(year), "view: Investitionen je Jahr", text_of(&j["summe"]), plan);
    }
    let unknown_year = g.items.iter().any(|i| i.year_unknown);
    check(inv["jahr_unbekannt"].is_null() != unknown_year, "view: row of unknown year", &inv["jahr_unbekannt"].to_string(), plan);
    if unknown_year {
        let t = text_of(&inv["jahr_unbekannt"]);
        check(says_open(t) == open.year(None), "view: Jahr nicht bekannt", t, plan);
    }
    let years: Vec<Option<i32>> = inv["jahre"].as_array().unwrap().iter().map(|y| y.as_i64().and_then(|y| i32::try_from(y).ok())).collect();
    for c in inv["je_kategorie"].as_array().unwrap() {
        let key = c["kategorie"]["key"].as_str().unwrap();
        check(says_open(text_of(&c["summe"])) == open.category(key), &format!("view: category {key}"), text_of(&c["summe"]), plan);
        for (y, cell) in years.iter().zip(c["je_jahr"].as_array().unwrap()) {
            check(says_open(text_of(cell)) == open.cell(key, *y), &format!("view: {key} in {y:?}"), text_of(cell), plan);
        }
    }
    for q in inv["je_finanzierung"].as_array().unwrap() {
        let label = q["finanzierung"]["text"].as_str().unwrap();
        let expected = open.any(|i| SOURCES[i.source].1 == label);
        check(says_open(text_of(&q["summe"])) == expected, &format!("view: source {label}"), text_of(&q["summe"]), plan);
    }
    for (b, it) in v["bedarf"].as_array().unwrap().iter().zip(&g.items) {
        check(b["summe"].is_null() == it.open(), "view: item sum", &b["summe"].to_string(), plan);
        check(says_open(text_of(&b["anzahl"])) == (it.count_kind == 2), "view: item count", text_of(&b["anzahl"]), plan);
        check(text_of(&b["anzahl"]).starts_with("ca. ") == (it.count_kind == 1), "view: approximate count", text_of(&b["anzahl"]), plan);
    }
    if g.pupils == 2 {
        for key in ["je_schueler_vorhanden", "je_schueler_geplant", "schueler_je_geraet_vorhanden", "schueler_je_geraet_geplant"] {
            let z = &v["kennzahlen"]["geraete"][key];
            check(z.is_null() || text_of(z) == "nicht bekannt", &format!("view: {key}"), &z.to_string(), plan);
        }
    }
    if g.period_unknown && g.running.is_some() {
        let s = text_of(&v["kennzahlen"]["folgekosten"]["summe"]);
        check(s == "nicht bekannt", "view: Folgekosten over an unknown period", s, plan);
    }
}

/// The typst data's own part: the investment table of the PDF.
fn typst_says_it(d: &Value, open: &Open<'_>, plan: &str) {
    let inv = &d["charts"]["investition"];
    check(says_open(inv["summe_text"].as_str().unwrap()) == open.total(), "typst: total", &inv["summe_text"].to_string(), plan);
    let years: Vec<Option<i32>> = inv["jahre"].as_array().unwrap().iter().map(|y| y.as_i64().and_then(|y| i32::try_from(y).ok())).collect();
    for row in inv["kategorien"].as_array().unwrap() {
        let key = row["key"].as_str().unwrap();
        let total = row["summe_text"].as_str().unwrap();
        check(says_open(total) == open.category(key), &format!("typst: {key}"), total, plan);
        for (y, cell) in years.iter().zip(row["werte_text"].as_array().unwrap()) {
            let cell = cell.as_str().unwrap();
            check(says_open(cell) == open.cell(key, *y), &format!("typst: {key} in {y:?}"), cell, plan);
        }
        if let Some(cell) = row["unbekannt_text"].as_str() {
            check(says_open(cell) == open.cell(key, None), &format!("typst: {key}, year unknown"), cell, plan);
        }
    }
}

/// The Markdown document.
fn markdown_says_it(md: &str, g: &Generated, open: &Open<'_>, plan: &str) {
    let line = |start: &str| md.lines().find(|l| l.starts_with(start)).unwrap_or_default().to_owned();
    check(!g.items.is_empty() || !md.contains("Kosten noch offen"), "md: nothing open without items", "", plan);
    if !g.items.is_empty() {
        let total = line("| Investitionen gesamt |");
        check(says_open(total.split('|').nth(2).unwrap_or_default().trim()) == open.total(), "md: Investitionen gesamt", &total, plan);
    }
    for (n, it) in g.items.iter().enumerate() {
        // The row of the table „Positionen“ (the one naming the Fördergegenstand), not the scenario's.
        let prefix = format!("| B{n} | Position {n}");
        let label = format!("| {} |", category_label(it.category_key()));
        let row = md.lines().find(|l| l.starts_with(&prefix) && l.contains(&label)).unwrap_or_default();
        check(row.contains("Kosten noch offen") == it.open(), "md: item row", row, plan);
        check(row.contains("nicht bekannt") == (it.count_kind == 2 || it.year_unknown), "md: item count or year", row, plan);
    }
    let unknown_row = md.lines().any(|l| l.starts_with("| Jahr nicht bekannt |"));
    check(unknown_row == g.items.iter().any(|i| i.year_unknown), "md: row „Jahr nicht bekannt“", "", plan);
    // A plan without items invests 0 € (a stated zero); with open items the sentence never says 0.
    check(!md.contains("0,00\u{a0}€ + Kosten"), "md: no zero plus open costs", "", plan);
    check(!open.total() || !md.contains("Investitionen von 0,00"), "md: no false zero", "", plan);
}

/// One review CSV row split into its cells (no generated text contains `;` or a quote).
fn csv_rows(bytes: &[u8]) -> Vec<Vec<String>> {
    let text = String::from_utf8(bytes.to_vec()).unwrap();
    text.trim_start_matches('\u{feff}').lines().skip(1).map(|l| l.split(';').map(str::to_owned).collect()).collect()
}

/// Column index of a heading.
fn col(headings: &[&str], name: &str) -> usize {
    headings.iter().position(|h| *h == name).unwrap_or_else(|| panic!("column {name}"))
}

/// The review CSV, both tables.
fn csv_says_it(review: &mep::review::Review, g: &Generated, open: &Open<'_>, plan: &str) {
    let schools: Vec<&str> = mep::render::review::CSV_COLUMNS.iter().map(|(h, _)| *h).collect();
    let row = &csv_rows(&mep::render::review::csv(review))[0];
    let cell = |name: &str| row[col(&schools, name)].as_str();
    check(says_open(cell("Investitionen (EUR)")) == open.total(), "csv: Investitionen", cell("Investitionen (EUR)"), plan);
    let approx = g.items.iter().any(|i| i.count_kind == 1 && !i.open());
    check(cell("Investitionen (EUR)").contains("ca. ") == approx, "csv: approximate Investitionen", cell("Investitionen (EUR)"), plan);
    let dp = open.any(Item::digitalpakt);
    check(says_open(cell("Investitionen DigitalPakt (EUR)")) == dp, "csv: DigitalPakt", cell("Investitionen DigitalPakt (EUR)"), plan);
    let other = open.any(|i| !i.digitalpakt());
    check(
        says_open(cell("Investitionen andere Mittel (EUR)")) == other,
        "csv: andere Mittel",
        cell("Investitionen andere Mittel (EUR)"),
        plan,
    );
    let mobile = open.any(|i| i.category_key() == "mobile_endgeraete");
    check(says_open(cell("Mobile Endgeräte (EUR)")) == mobile, "csv: Mobile Endgeräte", cell("Mobile Endgeräte (EUR)"), plan);
    let n = g.items.iter().filter(|i| i.open()).count().to_string();
    check(cell("Positionen ohne Preis") == n, "csv: Positionen ohne Preis", cell("Positionen ohne Preis"), plan);
    if g.pupils == 2 {
        check(cell("Schüler") == "nicht bekannt", "csv: Schüler", cell("Schüler"), plan);
        check(cell("Geräte je Schüler") == "nicht bekannt", "csv: Geräte je Schüler", cell("Geräte je Schüler"), plan);
    }
    let items = mep::render::review::CSV_ITEM_COLUMNS;
    for (r, it) in csv_rows(&mep::render::review::csv_items(review)).iter().zip(&g.items) {
        let cell = |name: &str| r[col(items, name)].as_str();
        check((cell("Summe (EUR)") == "Kosten noch offen") == it.open(), "csv item: Summe", cell("Summe (EUR)"), plan);
        check((cell("Jahr") == "nicht bekannt") == it.year_unknown, "csv item: Jahr", cell("Jahr"), plan);
        check((cell("Anzahl") == "nicht bekannt") == (it.count_kind == 2), "csv item: Anzahl", cell("Anzahl"), plan);
        // The last cell: the measures before it may contain a quoted `;`.
        let source = r.last().map_or("", String::as_str);
        check(source == SOURCES[it.source].1, "csv item: Finanzierung", source, plan);
    }
}

/// The cells of one sheet of a workbook, by (row, column) from 0, read with `unzip` (an independent
/// reader): shared strings resolved, numbers as written.
fn sheet_cells(book: &std::path::Path, sheet: usize) -> BTreeMap<(u32, u32), String> {
    let part = |name: &str| {
        let out = Command::new("unzip").arg("-p").arg(book).arg(name).output().expect("unzip runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let unescape =
        |s: &str| s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&");
    let shared: Vec<String> = part("xl/sharedStrings.xml")
        .split("<si>")
        .skip(1)
        .map(|si| {
            let t = si.split("</si>").next().unwrap_or_default();
            let inner = t.split_once('>').map_or("", |(_, rest)| rest);
            unescape(inner.split("</t>").next().unwrap_or_default())
        })
        .collect();
    let xml = part(&format!("xl/worksheets/sheet{sheet}.xml"));
    let mut cells = BTreeMap::new();
    for c in xml.split("<c r=\"").skip(1) {
        let (reference, rest) = c.split_once('"').unwrap();
        let head = rest.split_once('>').map_or("", |(h, _)| h);
        let Some(value) = rest.split("<v>").nth(1).and_then(|v| v.split("</v>").next()) else { continue };
        let letters: String = reference.chars().take_while(char::is_ascii_uppercase).collect();
        let column = letters.bytes().fold(0u32, |n, b| n * 26 + u32::from(b - b'A' + 1)) - 1;
        let row: u32 = reference[letters.len()..].parse::<u32>().unwrap() - 1;
        let text = if head.contains("t=\"s\"") { shared[value.parse::<usize>().unwrap()].clone() } else { value.to_owned() };
        cells.insert((row, column), text);
    }
    cells
}

/// The review workbook, written to a file and read back.
fn xlsx_says_it(review: &mep::review::Review, g: &Generated, open: &Open<'_>, plan: &str) {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("uebersicht.xlsx");
    std::fs::write(&book, mep::render::xlsx::review(review, None).unwrap()).unwrap();
    let schools = sheet_cells(&book, 1);
    let headings: Vec<&str> = mep::render::review::CSV_COLUMNS.iter().map(|(h, _)| *h).collect();
    let at = |name: &str| schools.get(&(1, u32::try_from(col(&headings, name)).unwrap())).cloned().unwrap_or_default();
    let total = at("Investitionen (EUR)");
    check(says_open(&total) == open.total(), "xlsx Schulen: Investitionen", &total, plan);
    if open.total() {
        check(total.parse::<f64>().is_err(), "xlsx Schulen: an open sum is no number", &total, plan);
    }
    let items = sheet_cells(&book, 2);
    let item_col = |name: &str| u32::try_from(col(mep::render::review::CSV_ITEM_COLUMNS, name)).unwrap();
    for (r, it) in (1u32..).zip(&g.items) {
        let sum = items.get(&(r, item_col("Summe (EUR)"))).cloned().unwrap_or_default();
        check((sum == "Kosten noch offen") == it.open(), "xlsx Positionen: Summe", &sum, plan);
        let year = items.get(&(r, item_col("Jahr"))).cloned().unwrap_or_default();
        check((year == "nicht bekannt") == it.year_unknown, "xlsx Positionen: Jahr", &year, plan);
    }
    let sums = sheet_cells(&book, 3);
    let header: Vec<String> = sums.range((0, 0)..(1, 0)).map(|(_, v)| v.clone()).collect();
    let priced_unknown_year = g.items.iter().any(|i| i.year_unknown && !i.open());
    check(
        header.iter().any(|h| h == "Jahr nicht bekannt") == priced_unknown_year,
        "xlsx Summen: column of unknown year",
        &header.join("|"),
        plan,
    );
    if let Some(last) = sums.keys().map(|(r, _)| *r).max().filter(|&r| r > 0) {
        let grand = sums.range((last, 0)..(last + 1, 0)).last().map(|(_, v)| v.clone()).unwrap_or_default();
        check(says_open(&grand) == open.total(), "xlsx Summen: Gesamt", &grand, plan);
        for (r, key) in (1..last).filter_map(|r| Some((r, sums.get(&(r, 0))?))) {
            let row_total = sums.range((r, 0)..(r + 1, 0)).last().map(|(_, v)| v.clone()).unwrap_or_default();
            let category = g.items.iter().find(|i| category_label(i.category_key()) == key).map(Item::category_key).unwrap_or_default();
            check(says_open(&row_total) == open.category(category), &format!("xlsx Summen: {key}"), &row_total, plan);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn every_output_says_what_is_open(g in generated()) {
        let plan = yaml(&g);
        let checked = check_bytes("generiert.yaml", plan.as_bytes());
        let p = checked.value.as_ref().expect("generated plans load");
        let open = Open { items: &g.items };
        let view = PlanView::build(p, &checked.diagnostics, &Optionen { datei: "generiert.yaml".to_owned(), entwurf: true });
        view_says_it(&serde_json::to_value(&view).unwrap(), &g, &open, &plan);
        let typst = serde_json::from_slice::<Value>(&data::to_json(&data::build(&view))).unwrap();
        view_says_it(&typst["view"], &g, &open, &plan);
        typst_says_it(&typst, &open, &plan);
        markdown_says_it(&markdown::render(&view, &Templates::builtin()).expect("renders"), &g, &open, &plan);
        let row = mep::review::row_of(std::path::Path::new("generiert.yaml"), "generiert.yaml", check_bytes("generiert.yaml", plan.as_bytes()));
        let review = mep::review::roll_up(None, vec![row], &mep::profile::Choice::default());
        csv_says_it(&review, &g, &open, &plan);
        xlsx_says_it(&review, &g, &open, &plan);
    }
}

// ---------------------------------------------------------------- the partly known fixture

const TEILWEISE: &str = "tests/fixtures/valid/teilweise-bekannt.yaml";

/// Every cell of the fixture's own workbook (`mep erstellen --format xlsx`), sheet by sheet, as read back.
#[test]
fn workbook_cells_of_the_partly_known_plan() {
    let path = crate::support::root().join(TEILWEISE);
    let checked = crate::support::check_file(&path);
    let row = mep::review::row_of(&path, "teilweise-bekannt.yaml", checked);
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("plan.xlsx");
    std::fs::write(&book, mep::render::xlsx::plan(&row, None).unwrap()).unwrap();
    let mut text = String::new();
    for (sheet, name) in [(1, "Schulen"), (2, "Positionen"), (3, "Summen")] {
        text.push_str(&format!("== {name}\n"));
        for ((r, c), v) in sheet_cells(&book, sheet) {
            text.push_str(&format!("R{}C{}: {v}\n", r + 1, c + 1));
        }
    }
    for said in ["Kosten noch offen", "Jahr nicht bekannt", "ca. 210", "Schulträger"] {
        assert!(text.contains(said), "the workbook says „{said}“");
    }
    insta::assert_snapshot!("xlsx_teilweise_bekannt", text);
}

/// The text of the fixture's real PDF (one typst run), read back with poppler's `pdftotext`.
#[test]
fn pdf_text_of_the_partly_known_plan() {
    use mep::render::pdf::{self, Settings, Templates as PdfTemplates};
    let checked = crate::support::check_file(&crate::support::root().join(TEILWEISE));
    let plan = checked.value.as_ref().unwrap();
    let view = PlanView::build(plan, &checked.diagnostics, &Optionen { datei: "teilweise-bekannt.yaml".to_owned(), entwurf: false });
    let settings = Settings::for_stand(plan.dokumentdatum(), data::ident(&view), None);
    let out = pdf::render(&PdfTemplates::embedded(), data::to_json(&data::build(&view)), &settings).expect("renders");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plan.pdf");
    std::fs::write(&file, &out.pdf).unwrap();
    let run = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&file)
        .arg("-")
        .output()
        .expect("`pdftotext` (Debian package poppler-utils) is needed for the PDF tests");
    assert!(run.status.success());
    // Reading order, one text line per line, spaces collapsed: stable against layout details.
    let lines: Vec<String> = String::from_utf8_lossy(&run.stdout)
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect();
    let text = lines.join("\n") + "\n";
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    // Narrow table columns hyphenate (`Jahr nicht be­ kannt` in the column head), so this looks for the start.
    for said in ["Kosten noch offen", "Jahr nicht be", "ca. 210", "Finanzierung: Schulträger", "davon Schulträger"] {
        assert!(flat.contains(said), "the PDF says „{said}“");
    }
    insta::assert_snapshot!("pdf_text_teilweise_bekannt", text);
}

// ---------------------------------------------------------------- open costs as one fact, funding rules per source

/// The fixture with every price removed: three DigitalPakt items and the city's server without price.
fn all_unpriced() -> String {
    let text = std::fs::read_to_string(crate::support::root().join(TEILWEISE)).unwrap();
    let kept: Vec<&str> = text.lines().filter(|l| !l.trim_start().starts_with("einzelpreis_eur:")).collect();
    kept.join("\n") + "\n"
}

#[test]
fn open_costs_are_one_fact_for_readers_and_one_finding_per_item_in_json() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.yaml");
    std::fs::write(&plan, all_unpriced()).unwrap();
    let mep = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_mep")).args(args).arg(&plan).env_remove("SOURCE_DATE_EPOCH").output().unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let fact = "4 Positionen ohne Preis: `B1` (Zeile ";
    let text = mep(&["pruefen"]);
    assert_eq!(text.matches("[DP-KOSTEN-OFFEN]").count(), 1, "{text}");
    assert!(text.contains(fact) && text.contains("`B4` (Zeile "), "{text}");
    let json: Value = serde_json::from_str(&mep(&["pruefen", "--format", "json"])).unwrap();
    let located = json["files"][0]["diagnostics"].as_array().unwrap().iter().filter(|d| d["code"] == "DP-KOSTEN-OFFEN").count();
    assert_eq!(located, 4, "one located finding per item in the JSON");
    // The text counts facts: the JSON's warnings minus the three merged into the first.
    let warnings = json["summary"]["warnings"].as_u64().unwrap();
    assert!(text.contains(&format!("{} Warnungen", warnings - 3)), "{text}");
    let review = mep(&["uebersicht"]);
    assert_eq!(review.matches("[DP-KOSTEN-OFFEN]").count(), 1, "{review}");
    assert!(review.contains(fact), "{review}");
    let md = mep(&["erstellen", "--entwurf", "-o", "-"]);
    let rows: Vec<&str> = md.lines().filter(|l| l.contains("| DP-KOSTEN-OFFEN |")).collect();
    assert_eq!(rows.len(), 1, "the Prüfbericht lists one fact: {rows:?}");
    assert!(rows[0].contains(fact), "{}", rows[0]);
}

#[test]
fn funding_rules_look_at_digitalpakt_items_only() {
    // A server without a permitted reason and without training, and mobile devices far over the cap: findings
    // while the DigitalPakt pays, none when the Schulträger does (the city's server B3 of the fixture).
    let extra = "  - { id: B5, bezeichnung: Tablets, kategorie: mobile_endgeraete, geraetetyp: tablet, anzahl: 200, einzelpreis_eur: 500, jahr: 2027, szenarien: [S1], begruendung: Unterricht }\n";
    let base =
        std::fs::read_to_string(crate::support::root().join(TEILWEISE)).unwrap().replace("raumtypen:\n", &format!("{extra}raumtypen:\n"));
    let dp = base.replace("    finanzierung: schultraeger\n  - id: B4", "  - id: B4");
    let city = base.replace("begruendung: Unterricht }", "begruendung: Unterricht, finanzierung: schultraeger }");
    let codes = |yaml: &str| -> Vec<String> {
        let checked = check_bytes("plan.yaml", yaml.as_bytes());
        assert!(checked.value.is_some(), "{:?}", checked.diagnostics);
        checked.diagnostics.iter().map(|d| d.code.as_str().to_owned()).collect()
    };
    let (paid_by_dp, paid_by_city) = (codes(&dp), codes(&city));
    for code in ["DP-SERVER", "DP-MOBIL-OBERGRENZE", "DP-FORTBILDUNG-ABDECKUNG"] {
        assert!(paid_by_dp.iter().any(|c| c == code), "{code} while the DigitalPakt pays: {paid_by_dp:?}");
        assert!(!paid_by_city.iter().any(|c| c == code), "no {code} when the Schulträger pays: {paid_by_city:?}");
    }
}

#[test]
fn an_unpriced_digitalpakt_item_leaves_the_coverage_open_and_no_zero_in_the_finding() {
    let checked = check_bytes("plan.yaml", all_unpriced().as_bytes());
    let sums: Vec<&str> =
        checked.diagnostics.iter().filter(|d| d.code.as_str() == "DP-FINANZIERUNG-SUMME").map(|d| d.message.as_str()).collect();
    assert!(sums.is_empty(), "the Bedarf is not known, so no difference to it: {sums:?}");
    // Funding below what is already priced is certainly short.
    let short =
        std::fs::read_to_string(crate::support::root().join(TEILWEISE)).unwrap().replace("beantragt_eur: 22500", "beantragt_eur: 2500");
    let checked = check_bytes("plan.yaml", short.as_bytes());
    let found: Vec<&str> =
        checked.diagnostics.iter().filter(|d| d.code.as_str() == "DP-FINANZIERUNG-SUMME").map(|d| d.message.as_str()).collect();
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("schon 25.000,00") && found[0].contains("Kosten noch offen sind"), "{}", found[0]);
}
