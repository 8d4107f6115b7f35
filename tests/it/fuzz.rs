//! A structure-aware mutational fuzzer over load → validate → view → Markdown/JSON,
//! with a smaller share of PDFs and of runs of the `mep` binary.
//!
//! Seeds are the examples, the valid fixtures and the committed regression
//! corpus (`tests/fixtures/robust/fuzz/`). Each case mutates a seed either as a
//! value tree (hostile strings and numbers, changed types, removed keys,
//! repeated entries; written back as JSON, which is YAML) or as text (bytes,
//! lines, indentation, line endings). Properties checked for every case:
//!
//! - nothing panics and nothing hangs (each case runs under a watchdog);
//! - a plan without errors renders as Markdown, JSON and (for its share) PDF –
//!   whatever `validate` accepts, `render` renders;
//! - a draft (`--entwurf`) of a small plan with errors renders as PDF as well;
//! - the binary exits with 0, 1 or 2.
//!
//! `cargo test` runs a fixed-seed, bounded campaign. The long run:
//!
//! ```text
//! MEP_FUZZ_SECONDS=1800 cargo test --release --test it fuzz_long -- --ignored --nocapture
//! ```
//!
//! (`MEP_FUZZ_SEED` picks another seed.) A failing input is written to
//! `target/fuzz-funde/`; after the fix it belongs in the corpus.
//!
//! A second campaign ([`hostile_campaign`]) covers the other input surfaces:
//! PDFs built and mutated structurally (attachments, object and xref streams,
//! filters, truncation, encryption, byte flips) against the reader's budget and
//! German findings; `mep review` over mixed folders of YAML and PDF files with
//! xlsx output; and the wizard's standard input (`mep init --interaktiv`), whose
//! written plan must validate without text findings. The long run splits its
//! time between both campaigns.

use std::fmt::Write as _;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use mep::load::Limits;
use mep::render::markdown::{self, Templates as MdTemplates};
use mep::render::pdf::{self, Settings, Templates, data};
use mep::view::{Optionen, PlanView};
use serde_json::Value;

use crate::support::root;

/// A small, fast, seeded generator (xorshift64*): the same seed gives the same campaign.
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Self {
        Self(seed.max(1))
    }

    pub(crate) fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub(crate) fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next() % n as u64) as usize }
    }

    pub(crate) fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }

    pub(crate) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Strings that broke something once, or might.
pub(crate) fn hostile_string(rng: &mut Rng) -> String {
    const WORDS: &[&str] = &[
        "",
        "#",
        "# ",
        "##",
        "######",
        "* ",
        "- ",
        "1.",
        "> ",
        "```",
        "|a|b|\n|-|-|\n|1|2|",
        "[x](javascript:alert(1))",
        "<script>alert(1)</script>",
        "{{ schule.name }}",
        "{% for i in range(end=9) %}x{% endfor %}",
        "#set page(height: 1pt)",
        "#pagebreak()",
        "$x^2$",
        "\\",
        "\u{FFFE}",
        "\u{FFFF}",
        "\u{FDD0}",
        "\u{1}",
        "\u{7f}",
        "\u{85}",
        "\u{2028}",
        "\u{202E}rechts",
        "\u{200B}",
        "\u{AD}",
        "\u{FEFF}",
        "\u{E000}",
        "🙂",
        "👩‍👩‍👧",
        "漢字",
        "مدرسة",
        "ﷺ",
        "a\u{301}\u{301}\u{301}\u{301}",
        "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
        "ä",
        "ß",
        "€",
        "0",
        "-1",
        "1e400",
        "99999999999999999999",
        "true",
        "null",
        "~",
        "2026-02-30",
        "2027-Q5",
        "5-13",
        "\t",
        "\n\n\n",
        "  ",
    ];
    let base = (*rng.pick(WORDS)).to_owned();
    match rng.below(10) {
        0 => base.repeat(1 + rng.below(2_000)),
        1 => "ä".repeat(1 + rng.below(40_000)),
        2 => format!("{} {base} {}", "Wort".repeat(rng.below(50)), "Satz. ".repeat(rng.below(50))),
        3 => (0..=rng.below(20)).fold(String::new(), |mut out, _| {
            let _ = writeln!(out, "- {base}");
            out
        }),
        _ => base,
    }
}

fn hostile_number(rng: &mut Rng) -> Value {
    let choices: &[Value] = &[
        Value::from(0),
        Value::from(-1),
        Value::from(1),
        Value::from(i64::MAX),
        Value::from(u64::MAX),
        Value::from(i64::MIN),
        Value::from(0.5),
        Value::from(1e300),
        Value::from(-1e300),
        Value::from(4_294_967_296_u64),
        Value::from(65_536),
        Value::from(2_026),
        Value::from(99_999),
    ];
    rng.pick(choices).clone()
}

/// Every node's path in a value (as indices into maps and lists).
pub(crate) fn paths(value: &Value) -> Vec<Vec<Step>> {
    let mut out = Vec::new();
    let mut stack = vec![(Vec::new(), value)];
    while let Some((path, v)) = stack.pop() {
        match v {
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    let mut p = path.clone();
                    p.push(Step::Index(i));
                    stack.push((p, item));
                }
            }
            Value::Object(map) => {
                for (k, item) in map {
                    let mut p = path.clone();
                    p.push(Step::Key(k.clone()));
                    stack.push((p, item));
                }
            }
            _ => {}
        }
        out.push(path);
    }
    out
}

#[derive(Clone)]
pub(crate) enum Step {
    Key(String),
    Index(usize),
}

fn node<'a>(value: &'a mut Value, path: &[Step]) -> Option<&'a mut Value> {
    let mut v = value;
    for step in path {
        v = match step {
            Step::Key(k) => v.get_mut(k.as_str())?,
            Step::Index(i) => v.get_mut(*i)?,
        };
    }
    Some(v)
}

/// Mutates the value tree in place: one to three edits.
///
/// Most edits keep the node's kind (a text stays a text, a number a number), so
/// the plan still loads and the later stages are reached; the rest change it.
fn mutate_tree(value: &mut Value, rng: &mut Rng) {
    for _ in 0..=rng.below(3) {
        let all = paths(value);
        let path = rng.pick(&all).clone();
        let replacement = if rng.chance(4) {
            match rng.below(6) {
                0 => Some(Value::String(hostile_string(rng))),
                1 => Some(hostile_number(rng)),
                2 => Some(Value::Null),
                3 => Some(Value::Bool(rng.chance(2))),
                4 => Some(Value::Array(vec![Value::String(hostile_string(rng))])),
                _ => Some(serde_json::json!({ "x": hostile_string(rng) })),
            }
        } else {
            None
        };
        let Some(target) = node(value, &path) else { continue };
        if let Some(new) = replacement {
            *target = new;
            continue;
        }
        match target {
            Value::Number(_) => *target = hostile_number(rng),
            Value::Bool(b) => *b = !*b,
            Value::Array(items) if !items.is_empty() => {
                let i = rng.below(items.len());
                if rng.chance(2) {
                    items.remove(i);
                } else {
                    let bound = if rng.chance(8) { 600 } else { 3 };
                    let copies = 1 + rng.below(bound);
                    let item = items[i].clone();
                    items.extend(std::iter::repeat_n(item, copies));
                }
            }
            Value::Object(map) if !map.is_empty() => {
                let key = map.keys().nth(rng.below(map.len())).cloned().unwrap_or_default();
                if rng.chance(2) {
                    map.remove(&key);
                } else {
                    let v = map.get(&key).cloned().unwrap_or(Value::Null);
                    map.insert(format!("{key}_{}", rng.below(3)), v);
                }
            }
            // Texts, and empty lists and sections.
            _ => *target = Value::String(hostile_string(rng)),
        }
    }
}

/// Mutates the text: bytes, lines, indentation, line endings.
fn mutate_text(text: &str, rng: &mut Rng) -> Vec<u8> {
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    if lines.is_empty() {
        lines.push(String::new());
    }
    for _ in 0..=rng.below(3) {
        let i = rng.below(lines.len());
        match rng.below(9) {
            0 => {
                lines.remove(i);
                if lines.is_empty() {
                    lines.push(String::new());
                }
            }
            1 => {
                let l = lines[i].clone();
                lines.insert(i, l);
            }
            2 => {
                let j = rng.below(lines.len());
                lines.swap(i, j);
            }
            3 => lines[i] = format!("{}{}", if rng.chance(2) { " " } else { "\t" }, lines[i]),
            4 => {
                let trimmed = lines[i].trim_start().len();
                let cut = lines[i].len() - trimmed;
                lines[i].drain(..cut);
            }
            5 => {
                let s = hostile_string(rng).replace('\n', " ");
                lines[i].push_str(&s);
            }
            6 => {
                const TOKENS: &[&str] = &[
                    "&a",
                    "*a",
                    "<<: *a",
                    "!!str",
                    "!x",
                    "? ",
                    ": ",
                    "[",
                    "]",
                    "{",
                    "}",
                    ",",
                    "|",
                    ">",
                    "%YAML 1.2",
                    "---",
                    "...",
                    "'",
                    "\"",
                    "#",
                ];
                let t = *rng.pick(TOKENS);
                let at = rng.below(lines[i].len() + 1);
                let at = (0..=at).rev().find(|&k| lines[i].is_char_boundary(k)).unwrap_or(0);
                lines[i].insert_str(at, t);
            }
            7 => lines[i] = format!("{}anker: &a [1, 2]", lines[i].chars().take_while(|c| *c == ' ').collect::<String>()),
            _ => {
                let keep = rng.below(lines[i].len() + 1);
                let keep = (0..=keep).rev().find(|&k| lines[i].is_char_boundary(k)).unwrap_or(0);
                lines[i].truncate(keep);
            }
        }
    }
    let nl = *rng.pick(&["\n", "\n", "\n", "\r\n", "\r"]);
    let mut bytes = lines.join(nl).into_bytes();
    bytes.extend_from_slice(nl.as_bytes());
    if rng.chance(10) && !bytes.is_empty() {
        // A raw byte: invalid UTF-8 or a control character.
        let i = rng.below(bytes.len());
        bytes[i] = *rng.pick(&[0xFF, 0xC3, 0x00, 0x01, 0x0D, 0x85]);
    }
    if rng.chance(20) {
        bytes.splice(0..0, [0xEF, 0xBB, 0xBF]);
    }
    bytes
}

/// The seeds: examples, valid fixtures and the regression corpus.
pub(crate) fn seeds() -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for dir in ["examples", "tests/fixtures/valid", "tests/fixtures/robust/fuzz"] {
        let Ok(entries) = std::fs::read_dir(root().join(dir)) else { continue };
        let mut files: Vec<PathBuf> =
            entries.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "yaml")).collect();
        files.sort();
        for f in files {
            let bytes = std::fs::read(&f).expect("seed readable");
            out.push((crate::support::relative(&f), bytes));
        }
    }
    out
}

/// What one case is asked to do besides load, validate, view, Markdown and JSON.
#[derive(Clone, Copy)]
struct Extra {
    pdf: bool,
    /// Render drafts as PDF whatever their size (the corpus; a campaign keeps to small ones for speed).
    big_drafts: bool,
}

/// Runs the library pipeline on one input; `Err` describes a broken property.
fn pipeline(bytes: &[u8], extra: Extra) -> Result<(), String> {
    let checked = mep::check_plan("fuzz.yaml", bytes, &Limits::default());
    let Some(plan) = &checked.value else { return Ok(()) };
    let errors = mep::has_errors(&checked.diagnostics);
    let view = PlanView::build(plan, &checked.diagnostics, &Optionen { datei: "fuzz.yaml".to_owned(), entwurf: errors });
    let budget = markdown::Budget { time: Duration::from_secs(20), ..markdown::Budget::default() };
    markdown::render_budgeted(&view, &MdTemplates::builtin(), budget).map_err(|e| format!("Markdown: {e}"))?;
    mep::render::json(&view).map_err(|e| format!("JSON: {e}"))?;
    // A valid plan must render; a draft too, when small enough to be quick.
    if extra.pdf && (!errors || extra.big_drafts || bytes.len() < 64 * 1024) {
        let settings = Settings::for_stand(plan.dokumentdatum(), data::ident(&view), Some(0));
        let out = pdf::render(&Templates::embedded(), data::to_json(&data::build(&view)), &settings);
        typst::comemo::evict(10);
        if let Err(diags) = out {
            let shown: Vec<String> = diags.iter().map(|d| format!("{}: {}", d.code, d.message)).collect();
            return Err(format!("PDF ({}): {}", if errors { "Entwurf" } else { "gültiger Plan" }, shown.join("; ")));
        }
    }
    Ok(())
}

/// Runs one case on a watchdog thread: a panic or a hang is a finding.
fn run_case(bytes: Vec<u8>, extra: Extra, limit: Duration) -> Result<(), String> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let result = catch_unwind(AssertUnwindSafe(|| pipeline(&bytes, extra)));
        let _ = tx.send(result.unwrap_or_else(|p| {
            let msg = p.downcast_ref::<String>().cloned().or_else(|| p.downcast_ref::<&str>().map(|s| (*s).to_owned())).unwrap_or_default();
            Err(format!("panic: {msg}"))
        }));
    });
    match rx.recv_timeout(limit) {
        Ok(r) => r,
        Err(_) => Err(format!("hang: no result after {} s", limit.as_secs())),
    }
}

/// Runs the binary on one input file; its exit code must be 0, 1 or 2.
fn run_binary(bytes: &[u8], dir: &Path, format: &str) -> Result<(), String> {
    let file = dir.join("fall.yaml");
    std::fs::write(&file, bytes).map_err(|e| e.to_string())?;
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_mep"));
    match format {
        "validate" => cmd.arg("validate").arg(&file),
        f => cmd.args(["render", "--entwurf", "--format", f, "-o"]).arg(dir.join(format!("out.{f}"))).arg(&file),
    };
    let out = cmd.output().map_err(|e| e.to_string())?;
    match out.status.code() {
        Some(0..=2) => Ok(()),
        code => Err(format!("mep {format} ended with {code:?}: {}", String::from_utf8_lossy(&out.stderr).lines().last().unwrap_or(""))),
    }
}

/// Counts of a campaign.
#[derive(Debug, Default)]
struct Report {
    cases: usize,
    loaded: usize,
    valid: usize,
    pdfs: usize,
    binary_runs: usize,
    findings: Vec<String>,
}

/// One campaign: `cases` cases (or until `until`), every `pdf_every`-th with a PDF,
/// every `binary_every`-th also through the binary.
fn campaign(seed: u64, cases: usize, until: Option<Instant>, pdf_every: usize, binary_every: usize) -> Report {
    let seeds = seeds();
    assert!(seeds.len() >= 3, "seeds found");
    let trees: Vec<Option<Value>> =
        seeds.iter().map(|(_, b)| std::str::from_utf8(b).ok().and_then(|t| serde_saphyr::from_str::<Value>(t).ok())).collect();
    let mut rng = Rng::new(seed);
    let dir = tempfile::tempdir().expect("temp dir");
    let found_dir = root().join("target/fuzz-funde");
    let mut report = Report::default();
    for case in 0..cases {
        if until.is_some_and(|u| Instant::now() >= u) {
            break;
        }
        let i = rng.below(seeds.len());
        let bytes = match (&trees[i], rng.below(3)) {
            (Some(tree), 0 | 1) => {
                let mut tree = tree.clone();
                mutate_tree(&mut tree, &mut rng);
                serde_json::to_vec_pretty(&tree).expect("JSON")
            }
            _ => mutate_text(&String::from_utf8_lossy(&seeds[i].1), &mut rng),
        };
        let checked = mep::check_plan("fuzz.yaml", &bytes, &Limits::default());
        report.loaded += usize::from(checked.value.is_some());
        report.valid += usize::from(checked.value.is_some() && !mep::has_errors(&checked.diagnostics));
        let extra = Extra { pdf: case % pdf_every == 0, big_drafts: false };
        report.pdfs += usize::from(extra.pdf);
        let mut outcome = run_case(bytes.clone(), extra, Duration::from_secs(if extra.pdf { 120 } else { 30 }));
        if outcome.is_ok() && case % binary_every == 0 {
            report.binary_runs += 1;
            let format = *rng.pick(&["validate", "md", "json"]);
            outcome = run_binary(&bytes, dir.path(), format);
        }
        if let Err(why) = outcome {
            let _ = std::fs::create_dir_all(&found_dir);
            let name = found_dir.join(format!("fund-{seed}-{case}.yaml"));
            let _ = std::fs::write(&name, &bytes);
            report.findings.push(format!("case {case} (seed {}): {why} – input in {}", seeds[i].0, name.display()));
        }
        report.cases += 1;
    }
    report
}

#[test]
fn fuzz_fixed_seed_bounded() {
    let report = campaign(0x6d65_7000_0001, 240, None, 60, 40);
    assert!(report.findings.is_empty(), "{:#?}", report.findings);
    assert_eq!(report.cases, 240);
    // The mutations must still reach the deeper stages, or the campaign tests little.
    assert!(report.loaded > 36, "only {} of 240 cases loaded", report.loaded);
    assert!(report.valid > 5, "only {} of 240 cases were valid plans", report.valid);
}

/// Every committed regression input goes through the whole pipeline, PDF included.
#[test]
fn fuzz_corpus_regressions() {
    let dir = root().join("tests/fixtures/robust/fuzz");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir).expect("corpus").filter_map(Result::ok).map(|e| e.path()).collect();
    files.sort();
    assert!(!files.is_empty());
    for f in files {
        let bytes = std::fs::read(&f).expect("corpus file");
        if let Err(why) = run_case(bytes, Extra { pdf: true, big_drafts: true }, Duration::from_mins(5)) {
            panic!("{}: {why}", f.display());
        }
    }
}

#[test]
#[ignore = "long run: MEP_FUZZ_SECONDS=1800 cargo test --release --test it fuzz_long -- --ignored --nocapture"]
fn fuzz_long() {
    let seconds: u64 = std::env::var("MEP_FUZZ_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(60);
    let seed: u64 = std::env::var("MEP_FUZZ_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0x6d65_7000_0002);
    let start = Instant::now();
    let report = campaign(seed, usize::MAX, Some(start + Duration::from_secs(seconds / 2)), 25, 20);
    let hostile = hostile_campaign(seed, usize::MAX, Some(start + Duration::from_secs(seconds)));
    #[allow(clippy::disallowed_macros)] // the long run reports its counts
    {
        println!(
            "fuzz: seed {seed}, {:.0} s: {} cases, {} loaded, {} valid plans, {} with PDF, {} runs of the binary, {} findings",
            start.elapsed().as_secs_f64(),
            report.cases,
            report.loaded,
            report.valid,
            report.pdfs,
            report.binary_runs,
            report.findings.len()
        );
    }
    #[allow(clippy::disallowed_macros)] // the long run reports its counts
    {
        println!(
            "hostile: {} PDFs ({} read as plans, {} through the binary), {} reviews, {} wizard runs ({} plans written), {} findings",
            hostile.pdfs,
            hostile.plans_read,
            hostile.pdf_binary_runs,
            hostile.reviews,
            hostile.wizards,
            hostile.wizard_plans,
            hostile.findings.len()
        );
    }
    assert!(report.findings.is_empty(), "{:#?}", report.findings);
    assert!(hostile.findings.is_empty(), "{:#?}", hostile.findings);
}

/// Codes a PDF input may end in.
const PDF_CODES: &[&str] = &["PDF-ANHANG", "PDF-BESCHAEDIGT", "PDF-VERSCHLUESSELT", "PDF-LESEGRENZE", "YAML-GROESSE"];

/// English words of parser text that must not reach a user.
const ENGLISH: &[&str] = &["failed", "error", "invalid", "missing", "please", "unexpected"];

/// A PDF built from a random structure, then perhaps mutated at the byte level.
fn hostile_pdf(rng: &mut Rng, seeds: &[(String, Vec<u8>)]) -> Vec<u8> {
    use crate::pdfgen::{Pdf, lit, zlib};
    let plan = &seeds[rng.below(seeds.len())].1;
    let mut bytes = match rng.below(4) {
        0 => crate::pdfgen::with_plan(plan, rng.chance(2)),
        1 => {
            let cases = crate::pdfgen::cases();
            let small: Vec<_> = cases.into_iter().filter(|c| c.bytes.len() < 300_000).collect();
            small[rng.below(small.len())].bytes.clone()
        }
        _ => {
            let mut pdf = Pdf { xref_stream: rng.chance(2), ..Pdf::default() };
            let data = match rng.below(4) {
                0 => plan.clone(),
                1 => zlib(plan),
                2 => zlib(plan)[..rng.below(zlib(plan).len() + 1)].to_vec(),
                _ => zlib(&vec![b'#'; rng.below(8 << 20)]),
            };
            let filter =
                *rng.pick(&["", "/Filter/FlateDecode", "/Filter[/FlateDecode]", "/Filter/LZWDecode", "/Filter/Crypt", "/Filter/Fl"]);
            let size = if rng.chance(3) { format!("/Params<</Size {}>>", rng.below(plan.len() * 2 + 1)) } else { String::new() };
            let stream = pdf.add_stream(format!("<</Type/EmbeddedFile{filter}{size}>>"), data);
            let name = *rng.pick(&["plan.yaml", "PLAN.YML", "x.yaml", "plan.yaml\u{0}", "", "anhang.bin"]);
            let mut specs = String::new();
            let most = if rng.chance(4) { 5_000 } else { 3 };
            for _ in 0..=rng.below(most) {
                let spec = if rng.chance(2) {
                    pdf.add_packed(format!("<</Type/Filespec/F{}/EF<</F {stream} 0 R>>>>", lit(name)))
                } else {
                    pdf.add(format!("<</Type/Filespec/UF{}/EF<</UF {stream} 0 R>>>>", lit(name)))
                };
                specs.push_str(&format!("{spec} 0 R "));
            }
            let kid = pdf.reserve();
            let nested = "[".repeat(rng.below(100));
            pdf.set(kid, format!("<</Names[{} {specs}]/Kids[{kid} 0 R]>>", lit(name)));
            let root = pdf.catalog(&format!("/Names<</EmbeddedFiles {kid} 0 R>>/AF{nested}[{specs}]{}", "]".repeat(nested.len())));
            if rng.chance(8) {
                "/Encrypt<</Filter/Standard>>".clone_into(&mut pdf.trailer_extra);
            }
            pdf.write(root)
        }
    };
    // Byte-level damage: truncation, flips, spliced keywords.
    match rng.below(5) {
        0 => bytes.truncate(rng.below(bytes.len() + 1)),
        1 => {
            for _ in 0..=rng.below(8) {
                let i = rng.below(bytes.len());
                if let Some(b) = bytes.get_mut(i) {
                    *b = *rng.pick(&[b'0', b'9', b'[', b'<', b'(', b'R', 0xff, b' ', b'/']);
                }
            }
        }
        2 => {
            const WORDS: &[&[u8]] = &[b" 0 R", b"<<", b"stream", b"endstream", b"/Prev 0", b"xref", b"obj", b"/Length 99999999"];
            let word = *rng.pick(WORDS);
            let at = rng.below(bytes.len() + 1);
            bytes.splice(at..at, word.iter().copied());
        }
        _ => {}
    }
    bytes
}

/// Counts of the hostile campaign.
#[derive(Debug, Default)]
struct HostileReport {
    pdfs: usize,
    plans_read: usize,
    pdf_binary_runs: usize,
    reviews: usize,
    wizards: usize,
    wizard_plans: usize,
    findings: Vec<String>,
}

/// Checks one PDF through the library: the budget holds and a refusal is one German finding.
fn check_pdf(bytes: Vec<u8>) -> Result<bool, String> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let result = catch_unwind(AssertUnwindSafe(|| {
            let budget = mep::load::pdf::Budget::for_plan(Limits::default().max_bytes);
            let out = mep::load::pdf::read_plan(&bytes, &budget);
            let c = out.counters;
            if c.bytes_decoded > budget.max_decoded || c.objects_visited > budget.max_objects + 1 {
                return Err(format!("budget exceeded: {c:?}"));
            }
            let checked = mep::check_input("fuzz.pdf", &bytes, &Limits::default(), &mep::profile::Choice::default());
            for d in &checked.diagnostics {
                // The inflater's own text is allowed as the indented detail after the German message.
                let lower = d.message.split("Meldung des Entpackers:").next().unwrap_or(&d.message).to_lowercase();
                if let Some(w) = ENGLISH.iter().find(|w| lower.split(|c: char| !c.is_alphanumeric()).any(|x| x == **w)) {
                    return Err(format!("English `{w}` in {}: {}", d.code, d.message));
                }
            }
            match out.result {
                Ok(_) => Ok(true),
                Err(d) if PDF_CODES.contains(&d.code.as_str()) => Ok(false),
                Err(d) => Err(format!("unexpected code {}: {}", d.code, d.message)),
            }
        }));
        let _ = tx.send(result.unwrap_or_else(|_| Err("panic".to_owned())));
    });
    rx.recv_timeout(Duration::from_secs(30)).unwrap_or_else(|_| Err("hang: no result after 30 s".to_owned()))
}

/// Runs `mep init --interaktiv -` on `input`; a written plan must validate without text findings.
fn run_wizard(input: Vec<u8>, dir: &Path) -> Result<bool, String> {
    use std::io::Write as _;
    let mut child = Command::new(env!("CARGO_BIN_EXE_mep"))
        .args(["init", "--interaktiv", "-"])
        .env("SOURCE_DATE_EPOCH", "1767225600")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| e.to_string())?;
    let mut pipe = child.stdin.take().ok_or("no stdin")?;
    let feeder = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let out = child.wait_with_output().map_err(|e| e.to_string())?;
    let _ = feeder.join();
    let stderr = String::from_utf8_lossy(&out.stderr);
    if stderr.contains('\u{1b}') {
        return Err("raw escape echoed".to_owned());
    }
    match out.status.code() {
        Some(2) => Ok(false),
        Some(0) => {
            let plan = dir.join("wizard.yaml");
            std::fs::write(&plan, &out.stdout).map_err(|e| e.to_string())?;
            let checked = mep::check_plan("wizard.yaml", &out.stdout, &Limits::default());
            match checked.diagnostics.iter().find(|d| d.code.as_str().starts_with("TEXT-") || d.code.as_str().starts_with("YAML-")) {
                Some(d) => Err(format!("the wizard wrote a plan with {}: {}", d.code, d.message)),
                None => Ok(true),
            }
        }
        code => Err(format!("mep init ended with {code:?}: {}", stderr.lines().last().unwrap_or(""))),
    }
}

/// Wizard input: the eight answers, some replaced by hostile strings, odd bytes or endless lines.
fn wizard_input(rng: &mut Rng) -> Vec<u8> {
    let good = ["Grundschule Nord", "162437", "grundschule", "NI", "200", "15", "10", "Stadt Nord"];
    let mut out = Vec::new();
    for answer in good {
        for _ in 0..rng.below(3) {
            out.extend_from_slice(hostile_string(rng).as_bytes());
            out.push(b'\n');
        }
        if rng.chance(10) {
            out.extend(std::iter::repeat_n(*rng.pick(&[0u8, b'y', 0xff, 0x1b]), rng.below(3 << 20)));
        }
        if !rng.chance(15) {
            out.extend_from_slice(answer.as_bytes());
            out.push(b'\n');
        }
    }
    out
}

/// Runs `mep review` on a folder of a few YAML files and the PDFs next to them; exit 0, 1 or 2, and the file written unless 2.
fn run_review(rng: &mut Rng, seeds: &[(String, Vec<u8>)], dir: &Path) -> Result<(), String> {
    let folder = dir.join(format!("ordner-{}", rng.next()));
    std::fs::create_dir_all(&folder).map_err(|e| e.to_string())?;
    // Folders are searched for YAML only; PDFs are named one by one, as a Schulträger would.
    let mut pdfs = Vec::new();
    let mut has_yaml = false;
    for i in 0..=rng.below(4) {
        let (name, bytes) = if rng.chance(2) {
            (format!("s{i}.pdf"), hostile_pdf(rng, seeds))
        } else {
            (format!("s{i}\u{1b}.yaml"), mutate_text(&String::from_utf8_lossy(&seeds[rng.below(seeds.len())].1), rng))
        };
        if Path::new(&name).extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf")) {
            pdfs.push(folder.join(&name));
        } else {
            has_yaml = true;
        }
        std::fs::write(folder.join(name), bytes).map_err(|e| e.to_string())?;
    }
    let format = *rng.pick(&["csv", "xlsx", "md", "json"]);
    let out_file = dir.join(format!("uebersicht.{format}"));
    let _ = std::fs::remove_file(&out_file);
    let out = Command::new(env!("CARGO_BIN_EXE_mep"))
        .args(["review", "--format", format, "-o"])
        .arg(&out_file)
        .args(has_yaml.then_some(&folder))
        .args(&pdfs)
        .output()
        .map_err(|e| e.to_string())?;
    let _ = std::fs::remove_dir_all(&folder);
    match out.status.code() {
        Some(0 | 1) if out_file.is_file() => Ok(()),
        Some(0 | 1) => Err(format!("review --format {format} wrote nothing")),
        Some(2) => Err(format!("review --format {format} failed for the whole folder: {}", String::from_utf8_lossy(&out.stderr))),
        code => Err(format!("review ended with {code:?}")),
    }
}

/// The campaign over PDFs, review folders and wizard input.
fn hostile_campaign(seed: u64, cases: usize, until: Option<Instant>) -> HostileReport {
    let seeds = seeds();
    let mut rng = Rng::new(seed ^ 0x0068_6f73_7469_6c65);
    let dir = tempfile::tempdir().expect("temp dir");
    let found_dir = root().join("target/fuzz-funde");
    let mut report = HostileReport::default();
    for case in 0..cases {
        if until.is_some_and(|u| Instant::now() >= u) {
            break;
        }
        let (kind, bytes, outcome) = match case % 10 {
            0..=6 => {
                let bytes = hostile_pdf(&mut rng, &seeds);
                report.pdfs += 1;
                let mut outcome = check_pdf(bytes.clone()).map(|read| report.plans_read += usize::from(read));
                if outcome.is_ok() && case % 5 == 0 {
                    report.pdf_binary_runs += 1;
                    let file = dir.path().join("fall.pdf");
                    outcome = std::fs::write(&file, &bytes).map_err(|e| e.to_string()).and_then(|()| {
                        let out = Command::new(env!("CARGO_BIN_EXE_mep")).arg("validate").arg(&file).output().map_err(|e| e.to_string())?;
                        match out.status.code() {
                            Some(1 | 0) => Ok(()),
                            code => Err(format!("mep validate on a PDF ended with {code:?}")),
                        }
                    });
                }
                ("pdf", bytes, outcome)
            }
            7 | 8 => {
                let input = wizard_input(&mut rng);
                report.wizards += 1;
                let outcome = run_wizard(input.clone(), dir.path()).map(|wrote| report.wizard_plans += usize::from(wrote));
                ("wizard", input, outcome)
            }
            _ => {
                report.reviews += 1;
                ("review", Vec::new(), run_review(&mut rng, &seeds, dir.path()))
            }
        };
        if let Err(why) = outcome {
            let _ = std::fs::create_dir_all(&found_dir);
            let name = found_dir.join(format!("fund-{seed}-{case}.{kind}"));
            let _ = std::fs::write(&name, &bytes);
            report.findings.push(format!("case {case} ({kind}): {why} – input in {}", name.display()));
        }
    }
    report
}

#[test]
fn fuzz_hostile_fixed_seed_bounded() {
    let report = hostile_campaign(0x6d65_7000_0003, 60, None);
    assert!(report.findings.is_empty(), "{:#?}", report.findings);
    assert!(report.pdfs >= 40 && report.wizards >= 10 && report.reviews >= 5, "{report:?}");
    // The structure-aware mutations must still produce readable plans now and then.
    assert!(report.plans_read > 0, "{report:?}");
}
