//! Memory of a large PDF batch: `mep render --format pdf` over many plans.
//!
//! Run with `cargo bench --bench pdf_batch` (release build); `-- 200` renders
//! 200 plans instead of 1 000. The bench writes the plans (the three examples
//! with numbered school names, so no two documents are alike) into a temporary
//! folder, starts the `mep` binary on all of them and samples its resident
//! memory (VmRSS, Linux) while it runs. It prints RSS at the start and each
//! time another tenth of the PDFs is on disk, and the peak (VmHWM).
#![allow(clippy::disallowed_macros)] // a benchmark reports on stdout

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const EXAMPLES: &[&str] = &[
    "examples/gymnasium-baden-wuerttemberg.yaml",
    "examples/grundschule-niedersachsen.yaml",
    "examples/berufskolleg-nordrhein-westfalen.yaml",
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A `/proc/<pid>/status` value in KiB.
fn status_kib(pid: u32, key: &str) -> Option<u64> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    text.lines().find_map(|l| l.strip_prefix(key).and_then(|v| v.trim().trim_end_matches(" kB").trim().parse().ok()))
}

fn pdfs_in(dir: &Path) -> usize {
    std::fs::read_dir(dir).map_or(0, |d| d.filter_map(Result::ok).filter(|e| e.path().extension().is_some_and(|x| x == "pdf")).count())
}

fn main() {
    let n: usize = std::env::args().skip(1).find_map(|a| a.parse().ok()).unwrap_or(1_000);
    let dir = tempfile::tempdir().expect("temp dir");
    let texts: Vec<String> = EXAMPLES.iter().map(|e| std::fs::read_to_string(root().join(e)).expect("example")).collect();
    let mut files = Vec::with_capacity(n);
    for i in 0..n {
        let text = &texts[i % texts.len()];
        // Number the school, so every document differs.
        let numbered = text.replacen("  name: ", &format!("  name: Nr. {} ", i + 1), 1);
        let path = dir.path().join(format!("plan-{i:04}.yaml"));
        std::fs::write(&path, numbered).expect("write plan");
        files.push(path);
    }
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_mep"))
        .args(["render", "--format", "pdf"])
        .args(&files)
        .env("SOURCE_DATE_EPOCH", "0")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("mep starts");
    let pid = child.id();
    let marks: Vec<usize> = (0..=10).map(|q| n * q / 10).collect();
    let mut next = 0;
    let mut curve = Vec::new();
    let mut peak = 0;
    let mut max_rss = 0;
    loop {
        if let Some(rss) = status_kib(pid, "VmRSS:") {
            max_rss = max_rss.max(rss);
            peak = status_kib(pid, "VmHWM:").unwrap_or(peak).max(peak);
            let done = pdfs_in(dir.path());
            while next < marks.len() && done >= marks[next] {
                curve.push((marks[next], rss / 1024, start.elapsed().as_secs_f64()));
                next += 1;
            }
        }
        if child.try_wait().expect("wait").is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let status = child.wait().expect("mep ends");
    let written = pdfs_in(dir.path());
    println!(
        "mep render --format pdf, {n} plans: exit {:?}, {written} PDFs written, {:.0} s, peak RSS (VmHWM) {} MiB, largest sampled RSS {} MiB",
        status.code(),
        start.elapsed().as_secs_f64(),
        peak / 1024,
        max_rss / 1024
    );
    println!("RSS after n PDFs written (n: MiB at s):");
    for (count, mib, secs) in curve {
        println!("  {count:>5}: {mib:>5} MiB at {secs:>6.1} s");
    }
}
