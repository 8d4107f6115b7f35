//! PDF rendering: wall time and peak memory for the largest example, a batch of
//! 100 documents, and the typst compiler from PyPI on the same template and data.
//!
//! Run with `cargo bench --bench render_pdf`. Each measurement runs in a fresh
//! child process (this binary started again with `--einzeln` or `--stapel N`),
//! so peak memory (VmHWM) belongs to that measurement alone.
#![allow(clippy::disallowed_macros)] // a benchmark reports on stdout

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use mep::model::Plan;
use mep::render::pdf::{self, Job, Settings, Templates, data};
use mep::view::{Optionen, PlanView};

const LARGEST: &str = "examples/gymnasium-baden-wuerttemberg.yaml";
const EXAMPLES: &[&str] = &[LARGEST, "examples/grundschule-niedersachsen.yaml", "examples/berufskolleg-nordrhein-westfalen.yaml"];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn load(rel: &str) -> Plan {
    let path = root().join(rel);
    let bytes = std::fs::read(&path).expect("example readable");
    let checked = mep::check_plan(rel, &bytes, &mep::load::Limits::default());
    checked.value.expect("example loads")
}

fn job(plan: &Plan) -> Job {
    let view = PlanView::build(plan, &[], &Optionen { datei: "plan.yaml".to_owned(), entwurf: false });
    Job { data_json: data::to_json(&data::build(&view)), settings: Settings::for_stand(plan.dokumentdatum(), data::ident(&view), None) }
}

/// A `/proc/self/status` value in KiB (Linux only).
fn status_kib(key: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find_map(|l| l.strip_prefix(key).map(|v| v.trim().trim_end_matches(" kB").trim().parse().unwrap_or(0))))
        .unwrap_or(0)
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// Child: load, build and render the largest example once; print wall ms and peak KiB.
fn single() {
    let start = Instant::now();
    let plan = load(LARGEST);
    let j = job(&plan);
    let out = pdf::render(&Templates::embedded(), j.data_json, &j.settings).expect("renders");
    std::hint::black_box(&out.pdf);
    println!("{:.1} {} {}", start.elapsed().as_secs_f64() * 1000.0, status_kib("VmHWM:"), out.pages);
}

/// Child: render `n` different documents in parallel batches of 25; print RSS after each batch.
fn batch(n: usize) {
    let plans: Vec<Plan> = EXAMPLES.iter().map(|e| load(e)).collect();
    let templates = Templates::embedded();
    let start = Instant::now();
    let mut done = 0;
    let mut rss = Vec::new();
    while done < n {
        let jobs: Vec<Job> = (done..n.min(done + 25))
            .map(|i| {
                // Every document differs, so typst cannot reuse a whole earlier layout.
                let mut plan = plans[i % plans.len()].clone();
                plan.school.name = format!("{} {}", plan.school.name, i + 1);
                job(&plan)
            })
            .collect();
        done += jobs.len();
        for r in pdf::render_batch(&templates, jobs) {
            std::hint::black_box(r.expect("renders").pdf.len());
        }
        rss.push(format!("{}:{}", done, status_kib("VmRSS:") / 1024));
    }
    println!("{:.2} {} {}", start.elapsed().as_secs_f64(), status_kib("VmHWM:"), rss.join(","));
}

fn spawn(args: &[&str]) -> String {
    let exe = std::env::current_exe().expect("own path");
    let out = Command::new(exe).args(args).output().expect("child runs");
    assert!(out.status.success(), "child failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

/// The typst compiler from PyPI (`pip install typst`), if installed: same template and data.
fn peer() {
    let probe = Command::new("python3").args(["-c", "import typst; print(typst.__version__)"]).output();
    let Some(probe) = probe.ok().filter(|o| o.status.success()) else {
        println!("typst (PyPI): not installed (`pip install typst`), skipped");
        return;
    };
    let version = String::from_utf8_lossy(&probe.stdout).trim().to_owned();
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, text) in pdf::templates::EMBEDDED {
        std::fs::write(dir.path().join(name), text).expect("write template");
    }
    let plan = load(LARGEST);
    std::fs::write(dir.path().join("data.json"), job(&plan).data_json).expect("write data");
    let script = format!(
        "import typst,sys; typst.compile('{0}/plan.typ', output='{0}/out.pdf', root='{0}', ignore_system_fonts=True, pdf_standards=['a-2b','ua-1'], timestamp=1796083200)",
        dir.path().display()
    );
    let time = Path::new("/usr/bin/time");
    let mut walls = Vec::new();
    let mut peaks = Vec::new();
    for _ in 0..7 {
        let t = Instant::now();
        let out = if time.exists() {
            Command::new(time).args(["-f", "%M"]).args(["python3", "-c", &script]).output()
        } else {
            Command::new("python3").args(["-c", &script]).output()
        }
        .expect("python runs");
        walls.push(t.elapsed().as_secs_f64() * 1000.0);
        assert!(out.status.success(), "typst (PyPI) failed: {}", String::from_utf8_lossy(&out.stderr));
        if let Some(kib) = String::from_utf8_lossy(&out.stderr).lines().last().and_then(|l| l.trim().parse::<u64>().ok()) {
            peaks.push(kib);
        }
    }
    let mut base = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        let ok = Command::new("python3").args(["-c", "import typst"]).status().is_ok_and(|s| s.success());
        assert!(ok);
        base.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    println!(
        "typst {version} (PyPI, python3 -c typst.compile, same template + data.json, PDF/A-2b + UA-1), 7 runs: median {:.0} ms, peak RSS max {:.1} MiB; python3 + import typst alone: median {:.0} ms",
        median(&mut walls),
        peaks.iter().max().copied().unwrap_or(0) as f64 / 1024.0,
        median(&mut base)
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--einzeln") {
        single();
        return;
    }
    if args.first().map(String::as_str) == Some("--stapel") {
        batch(args.get(1).and_then(|n| n.parse().ok()).unwrap_or(100));
        return;
    }

    println!(
        "machine: {} CPUs available (shared machine: figures vary with other load)",
        std::thread::available_parallelism().map_or(1, usize::from)
    );

    // In-process, warm: the same document again and again (typst's caches cleared in between).
    let plan = load(LARGEST);
    let templates = Templates::embedded();
    let j = job(&plan);
    let mut warm = Vec::new();
    let mut pages = 0;
    for _ in 0..8 {
        typst::comemo::evict(0);
        let t = Instant::now();
        let out = pdf::render(&templates, j.data_json.clone(), &j.settings).expect("renders");
        warm.push(t.elapsed().as_secs_f64() * 1000.0);
        pages = out.pages;
    }
    println!("in-process, {LARGEST} ({pages} pages), caches cleared each run, 8 runs: median {:.0} ms", median(&mut warm));

    // One plan in a fresh process: load + check + data + fonts + compile + PDF export.
    let mut walls = Vec::new();
    let mut peaks = Vec::new();
    for _ in 0..7 {
        let line = spawn(&["--einzeln"]);
        let mut parts = line.split_whitespace();
        walls.push(parts.next().and_then(|v| v.parse().ok()).unwrap_or(0.0));
        peaks.push(parts.next().and_then(|v| v.parse::<u64>().ok()).unwrap_or(0));
    }
    println!(
        "one plan, fresh process (load, check, render, no process start), 7 runs: median {:.0} ms, peak RSS max {:.1} MiB",
        median(&mut walls),
        peaks.iter().max().copied().unwrap_or(0) as f64 / 1024.0
    );

    // 100 documents in one batch.
    let line = spawn(&["--stapel", "100"]);
    let mut parts = line.split_whitespace();
    let secs: f64 = parts.next().and_then(|v| v.parse().ok()).unwrap_or(0.0);
    let hwm: u64 = parts.next().and_then(|v| v.parse().ok()).unwrap_or(0);
    println!(
        "batch of 100 different plans (parallel, evict after each): {secs:.1} s = {:.0} ms per plan, peak RSS {:.0} MiB, RSS after n plans (n:MiB) {}",
        secs * 10.0,
        hwm as f64 / 1024.0,
        parts.next().unwrap_or("")
    );

    peer();
}
