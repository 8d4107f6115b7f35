//! `mep traegerplan` on N generated schools of one Schulträger: JSON, xlsx and PDF, each timed
//! under `/usr/bin/time -v` (wall time and peak memory of the whole process, reading and checking
//! every plan included).
//!
//! The generator varies the three plans of `examples/schultraeger-lindenau/` (name, Schulnummer,
//! pupils, teachers, classrooms) and writes a Träger file that expects every school and carries the
//! example's standards, cost parameters and money. Deterministic: the same N gives the same files.
//!
//! Run with `cargo bench --bench traegerplan` (it uses `MEP_BIN`, else `target/release/mep`, else
//! `target/debug/mep`; the report names which). Sizes: `MEP_BENCH_SIZES=500` (default).
//! Goals (issue 26): 500 schools to JSON and xlsx within 10 s and 300 MB each, to PDF within 60 s.
#![allow(clippy::disallowed_macros)] // a benchmark reports on stdout

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

const DIR: &str = "examples/schultraeger-lindenau";
const PLANS: &[&str] = &["grundschule-nord.yaml", "oberschule-mitte.yaml", "gymnasium-am-wall.yaml"];

/// Replaces the first line that starts with `prefix` (after trimming) by `prefix value`, keeping its indentation.
fn set(text: &str, prefix: &str, value: &str) -> String {
    let mut done = false;
    let mut out = String::with_capacity(text.len() + 16);
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if !done && trimmed.starts_with(prefix) {
            let indent = &line[..line.len() - trimmed.len()];
            let _ = writeln!(out, "{indent}{prefix} {value}");
            done = true;
        } else {
            out.push_str(line);
        }
    }
    out
}

fn generate(root: &Path, n: usize, out: &Path) -> PathBuf {
    let bases: Vec<String> = PLANS.iter().map(|p| std::fs::read_to_string(root.join(DIR).join(p)).expect("example plan")).collect();
    let plans = out.join("plaene");
    std::fs::create_dir_all(&plans).unwrap();
    let mut schools = String::from("schulen:\n");
    for i in 0..n {
        let base = &bases[i % bases.len()];
        let number = format!("{}", 20_000 + i);
        let name = format!("Schule {i}");
        let mut text = set(base, "schulnummer:", &format!("\"{number}\""));
        text = set(&text, "name:", &name);
        let spread = u32::try_from(i % 7).unwrap_or(0);
        text = set(&text, "schueler:", &(200 + 37 * spread).to_string());
        text = set(&text, "unterrichtsraeume:", &(10 + 3 * spread).to_string());
        std::fs::write(plans.join(format!("schule-{i:04}.yaml")), text).unwrap();
        let _ = writeln!(schools, "  - {{ schulnummer: \"{number}\", name: {name} }}");
    }
    let traeger = std::fs::read_to_string(root.join(DIR).join("traeger.yaml")).expect("example Träger file");
    let head_end = traeger.find("schulen:").unwrap();
    let rest = &traeger[head_end..];
    let after = rest.find("\nbetrieb:").map_or("", |k| &rest[k + 1..]);
    let text = format!("{}{}{}", &traeger[..head_end], schools, after).replace("budget_eur: 400000", "budget_eur: 100000000");
    let file = out.join("traeger.yaml");
    std::fs::write(&file, text).unwrap();
    file
}

fn binary(root: &Path) -> (PathBuf, &'static str) {
    if let Ok(b) = std::env::var("MEP_BIN") {
        return (PathBuf::from(b), "MEP_BIN");
    }
    let target = std::env::var("CARGO_TARGET_DIR").map_or_else(|_| root.join("target"), PathBuf::from);
    let release = target.join("release/mep");
    if release.exists() { (release, "release") } else { (target.join("debug/mep"), "debug") }
}

/// Wall time in seconds and peak memory in MB from `/usr/bin/time -v`.
fn measure(bin: &Path, args: &[&str]) -> (f64, f64, i32) {
    let out = Command::new("/usr/bin/time").arg("-v").arg(bin).args(args).output().expect("/usr/bin/time runs");
    let err = String::from_utf8_lossy(&out.stderr);
    let field = |key: &str| err.lines().find_map(|l| l.trim().strip_prefix(key)).map_or("0", str::trim).to_owned();
    let wall = field("Elapsed (wall clock) time (h:mm:ss or m:ss):");
    let seconds = wall.split(':').fold(0.0, |acc, part| acc * 60.0 + part.parse::<f64>().unwrap_or(0.0));
    let kb: f64 = field("Maximum resident set size (kbytes):").parse().unwrap_or(0.0);
    (seconds, kb / 1024.0, out.status.code().unwrap_or(-1))
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let (bin, kind) = binary(&root);
    let sizes: Vec<usize> =
        std::env::var("MEP_BENCH_SIZES").ok().map_or_else(|| vec![500], |s| s.split(',').filter_map(|x| x.trim().parse().ok()).collect());
    println!("mep traegerplan, {kind} binary {}", bin.display());
    for n in sizes {
        let dir = tempfile::tempdir().unwrap();
        let traeger = generate(&root, n, dir.path());
        let plans = dir.path().join("plaene");
        for (format, goal) in [("json", 10.0), ("xlsx", 10.0), ("pdf", 60.0), ("md", 10.0)] {
            let out = dir.path().join(format!("plan.{format}"));
            let args = [
                "traegerplan",
                "--still",
                "--traeger",
                traeger.to_str().unwrap(),
                plans.to_str().unwrap(),
                "--format",
                format,
                "-o",
                out.to_str().unwrap(),
            ];
            let (s, mb, code) = measure(&bin, &args);
            let size = std::fs::metadata(&out).map_or(0, |m| m.len());
            println!(
                "{n:>5} schools  {format:<4}  {s:>7.2} s  {mb:>7.1} MB  exit {code}  {size:>9} bytes  (goal ≤ {goal} s{})",
                if format == "pdf" { "" } else { ", ≤ 300 MB" }
            );
        }
    }
}
