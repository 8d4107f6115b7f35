//! Validation throughput: in-process checks of the largest example per second on
//! one core, and wall time of `mep validate` on one file including process start.
//!
//! Run with `cargo bench --bench validate`.
#![allow(clippy::disallowed_macros)] // a benchmark reports on stdout

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// Milliseconds per run of `f`, repeated for about one second.
fn per_run(mut f: impl FnMut()) -> f64 {
    let mut runs = 0u32;
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(1) {
        f();
        runs += 1;
    }
    start.elapsed().as_secs_f64() * 1000.0 / f64::from(runs)
}

/// Where the time of one check goes: the YAML parser alone (events, nothing kept), the typed
/// load, the load with the structure check and positions, and the whole check with all rules.
fn stages(bytes: &[u8], limits: &mep::load::Limits) {
    let text = std::str::from_utf8(bytes).expect("UTF-8");
    let parse = per_run(|| {
        std::hint::black_box(serde_saphyr::from_str::<serde::de::IgnoredAny>(text).expect("parses"));
    });
    let typed = per_run(|| {
        std::hint::black_box(serde_saphyr::from_str::<mep::model::Plan>(text).expect("typed"));
    });
    let load = per_run(|| {
        let loaded = mep::load::load_plan("plan.yaml", bytes, limits);
        std::hint::black_box(&loaded);
    });
    let check = per_run(|| {
        std::hint::black_box(mep::check_plan("plan.yaml", bytes, limits));
    });
    let loaded = mep::load::load_plan("plan.yaml", bytes, limits);
    let plan = loaded.value.expect("valid");
    let profile = mep::profile::Choice::default().resolve_for(&plan);
    let profile_time = per_run(|| {
        std::hint::black_box(mep::profile::Choice::default().resolve_for(&plan));
    });
    let rules = per_run(|| {
        std::hint::black_box(mep::rules::check_with(&plan, &profile));
    });
    let found = mep::rules::check_with(&plan, &profile);
    let positions = per_run(|| {
        let mut source = mep::source::SourceFile::new("plan.yaml", text.to_owned());
        source.index_yaml();
        let mut found = found.clone();
        source.locate_all(&mut found);
        std::hint::black_box(found);
    });
    println!(
        "stages, ms per plan: serde-saphyr alone (IgnoredAny) {parse:.3} · serde-saphyr typed {typed:.3} · load_plan (fast reader) {load:.3} · \
         profile {profile_time:.3} · rules {rules:.3} ({} findings) · positions of the findings {positions:.3} · whole check {check:.3}",
        found.len()
    );
}

fn main() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/gymnasium-baden-wuerttemberg.yaml");
    let bytes = std::fs::read(&path).expect("example readable");
    let limits = mep::load::Limits::default();

    // Warm up the schema and registry caches.
    let first = mep::check_plan("plan.yaml", &bytes, &limits);
    assert!(!mep::has_errors(&first.diagnostics), "the benchmark input must be valid");

    let mut runs = 0u32;
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(3) {
        let checked = mep::check_plan("plan.yaml", &bytes, &limits);
        std::hint::black_box(&checked);
        runs += 1;
    }
    let elapsed = start.elapsed();
    println!(
        "in-process: {runs} checks of {} ({} bytes) in {:.2} s = {:.0} plans/s on one core, {:.3} ms per plan",
        path.file_name().unwrap().to_string_lossy(),
        bytes.len(),
        elapsed.as_secs_f64(),
        f64::from(runs) / elapsed.as_secs_f64(),
        elapsed.as_secs_f64() * 1000.0 / f64::from(runs)
    );

    stages(&bytes, &limits);

    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"), Into::into);
    let exe = std::env::var_os("MEP_BIN").map_or_else(|| target.join("release/mep"), Into::into);
    if exe.exists() {
        let mut times: Vec<f64> = (0..30)
            .map(|_| {
                let t = Instant::now();
                let status = Command::new(&exe).arg("validate").arg(&path).output().expect("binary runs").status;
                assert!(status.success());
                t.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        times.sort_by(f64::total_cmp);
        println!(
            "process: `mep validate` on one file, 30 runs: median {:.1} ms, min {:.1} ms, max {:.1} ms",
            times[15], times[0], times[29]
        );
    } else {
        println!("process: skipped, no binary at {} (set MEP_BIN or run `cargo build --release`)", exe.display());
    }
}
