//! Review throughput: `mep review --format csv` (release binary) on N synthetic school plans,
//! side by side with Python's libyaml loader (`yaml.CSafeLoader`) only loading the same files.
//!
//! A generator writes N valid plans of realistic size to a temporary directory,
//! varying the three examples (school name, Schulnummer, pupils, teachers, Schulträger). Both
//! programs then run under `/usr/bin/time -v` on the same folder, which reports CPU time
//! (user + system), wall time and peak memory; the benchmark prints both sides and the ratio
//! of their CPU times.
//!
//! PyYAML with its libyaml binding is installed once with pip into a virtual environment
//! beside the build (`$CARGO_TARGET_DIR/bench-venv`, or `MEP_BENCH_VENV`); the benchmark checks
//! `yaml.__with_libyaml__` and leaves the comparison out when the binding is missing.
//!
//! Run with `cargo build --release && cargo bench --bench review`.
//! Sizes: `MEP_BENCH_SIZES=1000,10000` (default). Binary: `MEP_BIN` or `target/release/mep`.
//! `MEP_BENCH_DIR=folder` writes the generated plans there (`folder/N/`, overwriting) and keeps them for profiling.
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

/// What `/usr/bin/time -v` reports about one run.
struct Run {
    /// Wall-clock seconds.
    wall: f64,
    /// CPU seconds, user + system, over all threads.
    cpu: f64,
    /// Peak resident set size in MB.
    rss: f64,
    /// Exit code of the measured program.
    code: i32,
}

/// Runs `program` under `/usr/bin/time -v` and reads its report.
fn measure(program: &Path, args: &[&std::ffi::OsStr]) -> Run {
    let t = Instant::now();
    let output = Command::new("/usr/bin/time").arg("-v").arg(program).args(args).output().expect("/usr/bin/time runs");
    let wall = t.elapsed().as_secs_f64();
    let stderr = String::from_utf8_lossy(&output.stderr);
    let field = |name: &str| -> f64 {
        stderr.lines().find_map(|l| l.trim().strip_prefix(name)).and_then(|v| v.trim().parse().ok()).unwrap_or(f64::NAN)
    };
    let cpu = field("User time (seconds): ") + field("System time (seconds): ");
    let rss = field("Maximum resident set size (kbytes): ") / 1024.0;
    let code = output.status.code().unwrap_or(-1);
    if code != 0 && code != 1 {
        println!("{} exited with {code}: {}", program.display(), stderr.lines().take(5).collect::<Vec<_>>().join(" | "));
    }
    Run { wall, cpu, rss, code }
}

/// Loads every `*.yaml` below a folder with libyaml through PyYAML, in sorted order, and keeps nothing.
const PYTHON_LOAD: &str = r#"
import os, sys, yaml
assert yaml.__with_libyaml__, "PyYAML has no libyaml binding"
paths = sorted(os.path.join(d, f) for d, _, fs in os.walk(sys.argv[1]) for f in fs if f.endswith(".yaml"))
for p in paths:
    with open(p, "rb") as f:
        yaml.load(f.read(), Loader=yaml.CSafeLoader)
print(len(paths))
"#;

/// The PyYAML version installed for the comparison (its wheels carry libyaml).
const PYYAML: &str = "pyyaml==6.0.3";

/// A Python with PyYAML and its libyaml binding, set up once in a virtual environment; `None` (with the reason printed) when that fails.
fn python_with_libyaml(target: &Path) -> Option<PathBuf> {
    let venv = std::env::var_os("MEP_BENCH_VENV").map_or_else(|| target.join("bench-venv"), PathBuf::from);
    let python = venv.join("bin/python");
    let has_libyaml = |python: &Path| {
        Command::new(python)
            .args(["-c", "import yaml, sys; sys.exit(0 if yaml.__with_libyaml__ else 3)"])
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if !has_libyaml(&python) {
        println!("setting up {PYYAML} in {}", venv.display());
        let created = Command::new("python3").arg("-m").arg("venv").arg(&venv).status().is_ok_and(|s| s.success());
        let installed = created
            && Command::new(&python)
                .args(["-m", "pip", "install", "--quiet", "--disable-pip-version-check", PYYAML])
                .status()
                .is_ok_and(|s| s.success());
        if !installed || !has_libyaml(&python) {
            println!("comparison skipped: PyYAML with libyaml (yaml.__with_libyaml__) could not be set up in {}", venv.display());
            return None;
        }
    }
    Some(python)
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
    println!("mep review --format csv, release binary {}, {cores} cores (shared machine: figures vary with other load)", exe.display());
    let python = python_with_libyaml(&target);

    // The generated plans must be valid, or the benchmark measures error reporting.
    let probe = tempfile::tempdir().expect("temp dir");
    generate(probe.path(), 6);
    for entry in walk(probe.path()) {
        let checked = mep::check_plan("plan.yaml", &std::fs::read(&entry).unwrap(), &mep::load::Limits::default());
        assert!(!mep::has_errors(&checked.diagnostics), "generated plan {} is invalid: {:?}", entry.display(), checked.diagnostics);
    }

    for n in sizes {
        let dir = tempfile::tempdir().expect("temp dir");
        let plans = std::env::var_os("MEP_BENCH_DIR").map_or_else(|| dir.path().join("plaene"), |d| Path::new(&d).join(n.to_string()));
        let t = Instant::now();
        let bytes = generate(&plans, n);
        let generated = t.elapsed().as_secs_f64();
        let out = dir.path().join("uebersicht.csv");
        let mep =
            measure(&exe, &["review".as_ref(), "--format".as_ref(), "csv".as_ref(), "-o".as_ref(), out.as_os_str(), plans.as_os_str()]);
        let rows = std::fs::read_to_string(&out).map_or(0, |s| s.lines().count().saturating_sub(1));
        assert_eq!(rows, n, "every plan is a row (exit code {})", mep.code);
        println!("{n:>6} plans ({:.0} MB YAML, generated in {generated:.1} s):", bytes as f64 / 1e6);
        println!(
            "  mep review:          CPU {:6.2} s, wall {:6.2} s, {:.0} plans/s, peak RSS {:.0} MB, exit {}",
            mep.cpu,
            mep.wall,
            n as f64 / mep.wall,
            mep.rss,
            mep.code
        );
        let Some(python) = &python else { continue };
        let py = measure(python, &["-c".as_ref(), PYTHON_LOAD.as_ref(), plans.as_os_str()]);
        assert_eq!(py.code, 0, "the Python loader ran through");
        println!(
            "  PyYAML CSafeLoader:  CPU {:6.2} s, wall {:6.2} s, {:.0} plans/s, peak RSS {:.0} MB (loading only)",
            py.cpu,
            py.wall,
            n as f64 / py.wall,
            py.rss
        );
        println!("  CPU mep / CSafeLoader: {:.2}", mep.cpu / py.cpu);
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
