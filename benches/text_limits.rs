//! PDF time against text length: the measurement behind the limits of the rule
//! `TEXT-LAENGE` (`src/rules/textgrenzen.rs`).
//!
//! Run with `cargo bench --bench text_limits`. For each case the smallest
//! example plan gets more text, and the PDF is rendered three times in
//! process (typst's caches cleared in between); the median is printed.
//!
//! - one long field: `leitbild` with n characters of ordinary prose;
//! - one long paragraph without any break (the worst case for line breaking);
//! - text spread over many fields: n characters over goals of 2 000 characters;
//! - many list entries: n needs (`bedarf`) with short texts;
//! - the worst accepted plan: the longest list and the whole text budget in fields of the
//!   longest length.
#![allow(clippy::disallowed_macros)] // a benchmark reports on stdout

use std::fmt::Write as _;
use std::time::Instant;

use mep::load::Limits;
use mep::render::pdf::{self, Settings, Templates, data};
use mep::rules::textgrenzen::{MAX_LIST_ENTRIES, MAX_TOTAL_CHARS, MAX_TOTAL_ENTRIES};
use mep::view::{Optionen, PlanView};

fn base() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/valid/minimal.yaml")).expect("fixture")
}

const PROSE: &str = "Die Schule nutzt digitale Medien im Unterricht aller Fächer, um selbstständiges Lernen zu fördern. ";

fn prose(n: usize) -> String {
    PROSE.repeat(n / PROSE.chars().count() + 1).chars().take(n).collect()
}

fn with_leitbild(text: &str) -> String {
    base().replace("leitbild: Wir lernen mit und über digitale Medien.", &format!("leitbild: {}", serde_json::to_string(text).unwrap()))
}

fn with_goals(total: usize) -> String {
    with_goals_of(&base(), total, 2_000)
}

/// `yaml` with goals of `per` characters each, `total` characters in all.
fn with_goals_of(yaml: &str, total: usize, per: usize) -> String {
    let goals = (0..total.div_ceil(per)).fold(String::new(), |mut out, i| {
        let _ = writeln!(
            out,
            "  - {{ id: Z{}, dimension: unterricht, beschreibung: {}, indikator: x, ausgangswert: a, zielwert: b, termin: 2028-07-31 }}",
            i + 2,
            serde_json::to_string(&prose(per)).unwrap()
        );
        out
    });
    yaml.replace("mediencurriculum:\n", &format!("{goals}mediencurriculum:\n"))
}

fn with_needs(n: usize) -> String {
    with_needs_of(&base(), n)
}

fn with_needs_of(yaml: &str, n: usize) -> String {
    let needs = (0..n).fold(String::new(), |mut out, i| {
        let _ = writeln!(
            out,
            "  - {{ id: N{i}, bezeichnung: Tablet {i}, kategorie: mobile_endgeraete, geraetetyp: tablet, anzahl: 1, einzelpreis_eur: 400, jahr: 2027, szenarien: [S1], begruendung: Für die Arbeit in Gruppen. }}"
        );
        out
    });
    // The needs go at the end of the `bedarf` list, which `plattformen` follows.
    yaml.replace("plattformen:\n", &format!("{needs}plattformen:\n"))
}

/// Median milliseconds of three renders, the page count, the errors and the text-limit findings.
fn time_pdf(yaml: &str) -> (f64, usize, usize, usize) {
    let checked = mep::check_plan("mess.yaml", yaml.as_bytes(), &Limits::default());
    let errors = checked.diagnostics.iter().filter(|d| d.severity == mep::diag::Severity::Fehler).count();
    let limits = checked.diagnostics.iter().filter(|d| d.code.as_str().starts_with("TEXT-")).count();
    let plan = checked.value.as_ref().expect("plan loads");
    let view = PlanView::build(plan, &checked.diagnostics, &Optionen { datei: "mess.yaml".to_owned(), entwurf: errors > 0 });
    let json = data::to_json(&data::build(&view));
    let settings = Settings::for_stand(plan.dokumentdatum(), data::ident(&view), Some(0));
    let templates = Templates::embedded();
    let mut times = Vec::new();
    let mut pages = 0;
    for _ in 0..3 {
        typst::comemo::evict(0);
        let t = Instant::now();
        let out = pdf::render(&templates, json.clone(), &settings).expect("renders");
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        pages = out.pages;
    }
    times.sort_by(f64::total_cmp);
    (times[1], pages, errors, limits)
}

fn main() {
    println!("machine: {} CPUs (shared; figures vary with other load)", std::thread::available_parallelism().map_or(1, usize::from));
    let report = |what: &str, n: usize, yaml: String| {
        let (ms, pages, errors, limits) = time_pdf(&yaml);
        println!("{what:<38} n = {n:>7}: {ms:>7.0} ms, {pages:>3} pages, {errors} errors from validate ({limits} of them TEXT-*)");
    };
    report("minimal plan", 0, base());
    for n in [2_000, 5_000, 10_000, 16_000, 32_000] {
        report("leitbild, prose (chars)", n, with_leitbild(&prose(n)));
    }
    for n in [2_000, 5_000, 10_000, 16_000] {
        report("leitbild, one word without break", n, with_leitbild(&"ä".repeat(n)));
    }
    for n in [20_000, 40_000, 60_000, 100_000, 200_000] {
        report("goals, 2 000 chars each (total chars)", n, with_goals(n));
    }
    for n in [50, 100, 200, 250, 500, 1_000] {
        report("needs (entries)", n, with_needs(n));
    }
    // About the worst plan validate accepts: the longest list of needs, goals up to the
    // number of entries, and the rest of the text budget spread over the goals.
    let listed = with_needs_of(&base(), MAX_LIST_ENTRIES);
    let goals = MAX_TOTAL_ENTRIES - MAX_LIST_ENTRIES - 15;
    let used = 2_000 + MAX_LIST_ENTRIES * 120 + goals * 10;
    let rest = MAX_TOTAL_CHARS.saturating_sub(used);
    let worst = with_goals_of(&listed, rest, rest.div_ceil(goals).max(1));
    report("at the limits: entries + text", MAX_TOTAL_ENTRIES, worst);
}
