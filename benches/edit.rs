//! The editor's server side on the largest example (Baden-Württemberg): one field change
//! (written into the text, read back, checked as `mep validate` does), the form page with the
//! most fields, and the JSON answer the page script gets. Times are medians over repeated runs.
//!
//! Run with `cargo bench --bench edit`.
#![allow(clippy::disallowed_macros)] // a benchmark reports on stdout

use std::path::Path;
use std::time::{Duration, Instant};

use mep::edit::{Options, Session, page};

fn median(mut ms: Vec<f64>) -> (f64, f64) {
    ms.sort_by(f64::total_cmp);
    (ms[ms.len() / 2], ms[ms.len() * 9 / 10])
}

fn time(mut f: impl FnMut(usize)) -> Vec<f64> {
    let mut out = Vec::new();
    let start = Instant::now();
    let mut i = 0;
    while start.elapsed() < Duration::from_secs(3) || out.len() < 20 {
        let t = Instant::now();
        f(i);
        out.push(t.elapsed().as_secs_f64() * 1000.0);
        i += 1;
    }
    out
}

fn main() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/gymnasium-baden-wuerttemberg.yaml");
    let options = Options {
        path: path.clone(),
        limits: mep::load::Limits::default(),
        choice: mep::profile::Choice::default(),
        markdown: mep::render::markdown::Templates::builtin(),
        typst: mep::render::pdf::Templates::embedded(),
        source_date_epoch: None,
    };
    let t = Instant::now();
    let mut s = Session::open(options).expect("example readable");
    println!("open (read + first check): {:.1} ms", t.elapsed().as_secs_f64() * 1000.0);
    let bytes = s.text().map_or(0, str::len);

    let (m, p90) = median(time(|i| {
        let n = (300 + i % 400).to_string();
        s.input("schule.schueler", &[n]).expect("accepted");
    }));
    println!("one field change (text edit + read back + full check), {bytes} bytes: median {m:.2} ms, p90 {p90:.2} ms");

    let (m, p90) = median(time(|i| {
        let text = format!("Beschreibung {i}");
        s.input("bedarf[3].begruendung", &[text]).expect("accepted");
    }));
    println!("one Markdown text in a list entry: median {m:.2} ms, p90 {p90:.2} ms");

    let biggest = page::pages().iter().max_by_key(|p| page::form_page(&s, p).len()).expect("pages");
    let (m, p90) = median(time(|_| {
        std::hint::black_box(page::form_page(&s, biggest));
    }));
    println!(
        "largest form page `/seite/{}` ({} KiB): median {m:.2} ms, p90 {p90:.2} ms",
        biggest.id,
        page::form_page(&s, biggest).len() / 1024
    );

    let (m, p90) = median(time(|_| {
        std::hint::black_box(page::findings_by_field(s.diagnostics()));
        std::hint::black_box(page::nav_counts(s.diagnostics()));
    }));
    println!("findings per field and page (the JSON answer's work): median {m:.3} ms, p90 {p90:.3} ms");
}
