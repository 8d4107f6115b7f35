//! Review throughput: `mep review` (release binary) on N synthetic school plans.
//!
//! A generator writes N valid plans of realistic size to a temporary directory,
//! varying the three examples (school name, Schulnummer, pupils, teachers, Schulträger), then
//! runs the binary under `/usr/bin/time -v` and reports wall time and peak memory.
//!
//! Run with `cargo build --release && cargo bench --bench review`.
//! Sizes: `MEP_BENCH_SIZES=1000,10000` (default). Binary: `MEP_BIN` or `target/release/mep`.
#![allow(clippy::disallowed_macros)] // a benchmark reports on stdout

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// The examples the generator varies.
const EXAMPLES: &[&str] = &["grundschule-niedersachsen.yaml", "gymnasium-baden-wuerttemberg.yaml", "berufskolleg-nordrhein-westfalen.yaml"];

/// A small deterministic generator (xorshift), so every run writes the same plans.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A factor between 1 - spread and 1 + spread.
    fn factor(&mut self, spread: f64) -> f64 {
        let unit = (self.next() % 10_001) as f64 / 10_000.0;
        1.0 - spread + 2.0 * spread * unit
    }
}

const NAMES: &[&str] = &["Lindenhof", "Am Markt", "Nord", "Süd", "Am Hafen", "Waldweg", "Mühlenbach", "Sonnenberg", "Am Park", "Rosenhöhe"];

/// Replaces the value of the first `key:` line directly inside the top-level `block:`.
fn replace_in(text: &str, block: &str, key: &str, value: &str) -> String {
    let mut out = String::with_capacity(text.len() + 32);
    let mut inside = false;
    let mut done = false;
    for line in text.split_inclusive('\n') {
        if line.starts_with(&format!("{block}:")) {
            inside = true;
        } else if !line.starts_with(' ') && !line.trim().is_empty() && !line.starts_with('#') {
            inside = false;
        }
        if inside && !done && line.starts_with(&format!("  {key}:")) {
            let _ = writeln!(out, "  {key}: {value}");
            done = true;
        } else {
            out.push_str(line);
        }
    }
    out
}

fn plan(i: usize, examples: &[String], rng: &mut Rng) -> String {
    let base = &examples[i % examples.len()];
    let kind = ["Grundschule", "Gymnasium", "Berufskolleg"][i % examples.len()];
    let name = format!("{kind} {} {}", NAMES[rng.next() as usize % NAMES.len()], i);
    let mut text = replace_in(base, "schule", "name", &name);
    text = replace_in(&text, "schule", "schulnummer", &format!("\"{:08}\"", 10_000_000 + i));
    // About 40 schools per Schulträger, as in a mid-sized Kreis.
    text = replace_in(&text, "schultraeger", "name", &format!("Schulträger {:04}", i / 40));
    for key in ["schueler", "lehrkraefte"] {
        let current = text
            .lines()
            .skip_while(|l| !l.starts_with("schule:"))
            .find_map(|l| l.strip_prefix(&format!("  {key}: ")).and_then(|v| v.trim().parse::<f64>().ok()))
            .unwrap_or(100.0);
        // Only upwards: fewer teachers than a training's participants would be implausible.
        text = replace_in(&text, "schule", key, &format!("{}", (current * rng.factor(0.1) * 1.1).round()));
    }
    text
}

/// Writes `n` plans into `dir`, in subfolders of 500 like a Land-wide collection.
fn generate(dir: &Path, n: usize) -> u64 {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let examples: Vec<String> = EXAMPLES.iter().map(|e| std::fs::read_to_string(root.join(e)).expect("example readable")).collect();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut bytes = 0;
    for i in 0..n {
        let sub = dir.join(format!("traeger-{:03}", i / 500));
        if i % 500 == 0 {
            std::fs::create_dir_all(&sub).expect("temp dir writable");
        }
        let text = plan(i, &examples, &mut rng);
        bytes += text.len() as u64;
        std::fs::write(sub.join(format!("schule-{i:05}.yaml")), text).expect("temp dir writable");
    }
    bytes
}

/// Wall time in seconds and peak RSS in MB of one run, from `/usr/bin/time -v`.
fn measure(exe: &Path, dir: &Path, out: &Path) -> (f64, f64, i32) {
    let t = Instant::now();
    let output = Command::new("/usr/bin/time")
        .arg("-v")
        .arg(exe)
        .args(["review", "--format", "csv", "-o"])
        .arg(out)
        .arg(dir)
        .output()
        .expect("/usr/bin/time runs");
    let wall = t.elapsed().as_secs_f64();
    let stderr = String::from_utf8_lossy(&output.stderr);
    let rss_kb: f64 = stderr
        .lines()
        .find_map(|l| l.trim().strip_prefix("Maximum resident set size (kbytes): "))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(f64::NAN);
    (wall, rss_kb / 1024.0, output.status.code().unwrap_or(-1))
}

fn main() {
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"), PathBuf::from);
    let exe = std::env::var_os("MEP_BIN").map_or_else(|| target.join("release/mep"), PathBuf::from);
    if !exe.exists() || !Path::new("/usr/bin/time").exists() {
        println!("skipped: needs {} (cargo build --release) and /usr/bin/time", exe.display());
        return;
    }
    let sizes: Vec<usize> = std::env::var("MEP_BENCH_SIZES")
        .ok()
        .map_or_else(|| vec![1_000, 10_000], |s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect());
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    println!("mep review, release binary {}, {cores} cores (shared machine: figures vary with other load)", exe.display());

    // The generated plans must be valid, or the benchmark measures error reporting.
    let probe = tempfile::tempdir().expect("temp dir");
    generate(probe.path(), 6);
    for entry in walk(probe.path()) {
        let checked = mep::check_plan("plan.yaml", &std::fs::read(&entry).unwrap(), &mep::load::Limits::default());
        assert!(!mep::has_errors(&checked.diagnostics), "generated plan {} is invalid: {:?}", entry.display(), checked.diagnostics);
    }

    let mut first: Option<(usize, f64)> = None;
    for n in sizes {
        let dir = tempfile::tempdir().expect("temp dir");
        let plans = dir.path().join("plaene");
        let t = Instant::now();
        let bytes = generate(&plans, n);
        let generated = t.elapsed().as_secs_f64();
        let out = dir.path().join("uebersicht.csv");
        let (wall, rss, code) = measure(&exe, &plans, &out);
        let rows = std::fs::read_to_string(&out).map_or(0, |s| s.lines().count().saturating_sub(1));
        assert_eq!(rows, n, "every plan is a row (exit code {code})");
        print!(
            "{n:>6} plans ({:.0} MB YAML, generated in {generated:.1} s): wall {wall:.2} s, {:.0} plans/s, {:.2} ms per plan, peak RSS {rss:.0} MB, exit {code}",
            bytes as f64 / 1e6,
            n as f64 / wall,
            wall * 1000.0 / n as f64
        );
        if let Some((n0, w0)) = first {
            println!(", {:.1}× the plans in {:.1}× the time", n as f64 / n0 as f64, wall / w0);
        } else {
            println!();
            first = Some((n, wall));
        }
    }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out.sort();
    out
}
