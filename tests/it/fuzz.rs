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
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Self(seed.max(1))
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next() % n as u64) as usize }
    }

    fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Strings that broke something once, or might.
fn hostile_string(rng: &mut Rng) -> String {
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
fn paths(value: &Value) -> Vec<Vec<Step>> {
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
enum Step {
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
fn seeds() -> Vec<(String, Vec<u8>)> {
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
    let report = campaign(seed, usize::MAX, Some(start + Duration::from_secs(seconds)), 25, 20);
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
    assert!(report.findings.is_empty(), "{:#?}", report.findings);
}
