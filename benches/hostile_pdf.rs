//! Time and peak memory of `mep validate` (release binary) on hostile input: the generated
//! PDF fixtures of `tests/it/hostile.rs` and the fuzz corpus `tests/fixtures/robust/fuzz/`.
//!
//! Each file must validate within 2 s and 200 MB and end with exit code 0, 1 or 2; the
//! benchmark prints one line per file and fails otherwise.
//!
//! Run with `cargo build --release && cargo bench --bench hostile_pdf`.
//! Binary: `MEP_BIN` or `target/release/mep`.
#![allow(clippy::disallowed_macros)] // a benchmark reports on stdout

#[allow(dead_code)]
#[path = "../tests/it/pdfgen.rs"]
mod pdfgen;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// Longest run allowed, in seconds.
const MAX_SECONDS: f64 = 2.0;
/// Most memory allowed, in MB.
const MAX_MB: f64 = 200.0;

/// Wall time in seconds, peak RSS in MB and exit code of `mep validate FILE`.
fn measure(exe: &Path, file: &Path) -> (f64, f64, i32) {
    let t = Instant::now();
    let output = Command::new("/usr/bin/time").arg("-v").arg(exe).arg("validate").arg(file).output().expect("/usr/bin/time runs");
    let wall = t.elapsed().as_secs_f64();
    let stderr = String::from_utf8_lossy(&output.stderr);
    let rss_kb: f64 = stderr
        .lines()
        .find_map(|l| l.trim().strip_prefix("Maximum resident set size (kbytes): "))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(f64::NAN);
    let code = stderr
        .lines()
        .find_map(|l| l.trim().strip_prefix("Exit status: "))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or_else(|| output.status.code().unwrap_or(-1));
    (wall, rss_kb / 1024.0, code)
}

fn main() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| manifest.join("target"), PathBuf::from);
    let exe = std::env::var_os("MEP_BIN").map_or_else(|| target.join("release/mep"), PathBuf::from);
    if !exe.exists() || !Path::new("/usr/bin/time").exists() {
        println!("skipped: needs {} (cargo build --release) and /usr/bin/time", exe.display());
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let mut files = Vec::new();
    for case in pdfgen::cases() {
        let path = dir.path().join(case.name);
        std::fs::write(&path, &case.bytes).expect("written");
        files.push(path);
    }
    let corpus = manifest.join("tests/fixtures/robust/fuzz");
    let mut more: Vec<PathBuf> = std::fs::read_dir(&corpus).expect("corpus").filter_map(Result::ok).map(|e| e.path()).collect();
    more.sort();
    files.extend(more);
    println!("mep validate, release binary {}; limits {MAX_SECONDS} s, {MAX_MB} MB", exe.display());
    let mut failed = Vec::new();
    for file in &files {
        let (wall, mb, code) = measure(&exe, file);
        let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let size = std::fs::metadata(file).map_or(0, |m| m.len());
        println!("{name:<40} {size:>9} B  {wall:>6.2} s  {mb:>7.1} MB  exit {code}");
        if wall > MAX_SECONDS || mb.is_nan() || mb > MAX_MB || !(0..=2).contains(&code) {
            failed.push(name);
        }
    }
    assert!(failed.is_empty(), "over the limits or with a bad exit code: {failed:?}");
}
