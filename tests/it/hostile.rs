//! Hostile input: PDFs made to exhaust the reader, template folders with links out,
//! the wizard fed endless or odd input. Every hostile file is generated here.

use std::fmt::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};

use mep::load::pdf::{Budget, read_plan};

use crate::pdfgen::{self, Pdf};
use crate::support::root;

/// Words of English parser or library text that must never reach a user.
const ENGLISH: &[&str] = &["failed", "error", "invalid", "missing", "lopdf", "please", "unexpected", "stream did not"];

fn budget() -> Budget {
    Budget::for_plan(mep::load::Limits::default().max_bytes)
}

#[test]
fn every_hostile_pdf_gets_its_finding_within_the_budget() {
    let budget = budget();
    for case in pdfgen::cases() {
        let out = read_plan(&case.bytes, &budget);
        let c = out.counters;
        let Err(finding) = out.result else { panic!("{}: read a plan", case.name) };
        assert_eq!(finding.code.as_str(), case.code, "{}: {}", case.name, finding.message);
        assert!(finding.message.contains(case.phrase), "{}: {}", case.name, finding.message);
        assert!(c.bytes_decoded <= budget.max_decoded, "{}: {c:?}", case.name);
        assert!(c.objects_visited <= budget.max_objects + 1, "{}: {c:?}", case.name);
        assert!(c.bytes_scanned <= budget.max_scanned + case.bytes.len(), "{}: {c:?}", case.name);
    }
}

/// Found by the long fuzz run: a cross-reference offset far past the end of the file.
#[test]
fn regressions_from_the_fuzz_runs_are_damaged_pdfs_not_panics() {
    let dir = root().join("tests/fixtures/robust/pdf");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().filter_map(Result::ok).map(|e| e.path()).collect();
    files.sort();
    assert!(!files.is_empty());
    for f in files {
        let bytes = std::fs::read(&f).unwrap();
        let out = read_plan(&bytes, &budget());
        let Err(finding) = out.result else { panic!("{}: read a plan", f.display()) };
        assert_eq!(finding.code.as_str(), "PDF-BESCHAEDIGT", "{}: {}", f.display(), finding.message);
        no_english(&finding.message);
    }
}

#[test]
fn a_stream_behind_many_references_is_decoded_once_or_not_at_all() {
    let by_name = |n: &str| pdfgen::cases().into_iter().find(|c| c.name == n).unwrap();
    // No plan among 20 000 specifications of one 5 MiB stream: nothing is decoded.
    let out = read_plan(&by_name("viele-verweise.pdf").bytes, &budget());
    assert_eq!(out.counters.bytes_decoded, 0, "{:?}", out.counters);
    assert!(out.result.unwrap_err().message.contains("und mindestens 990 weitere"));
    // The same, every specification named `plan.yaml`: the one chosen stream is decoded once.
    let mut pdf = Pdf::default();
    let stream = pdf.add_stream("<</Type/EmbeddedFile/Filter/FlateDecode>>", pdfgen::zlib(pdfgen::PLAN.as_bytes()));
    let mut specs = String::new();
    for _ in 0..20_000 {
        let spec = pdf.add(format!("<</F(plan.yaml)/EF<</F {stream} 0 R>>>>"));
        let _ = write!(specs, "{spec} 0 R ");
    }
    let root = pdf.catalog(&format!("/AF[{specs}]"));
    let out = read_plan(&pdf.write(root), &budget());
    assert_eq!(out.result.unwrap().data, pdfgen::PLAN.as_bytes());
    assert_eq!(out.counters.bytes_decoded, pdfgen::PLAN.len());
    // One big object referenced 100 000 times is parsed once.
    let out = read_plan(&by_name("ein-objekt-oft.pdf").bytes, &budget());
    assert!(out.counters.bytes_scanned < 3 << 20, "{:?}", out.counters);
}

#[test]
fn plans_in_xref_tables_and_in_object_streams_are_read() {
    for xref_stream in [false, true] {
        let out = read_plan(&pdfgen::with_plan(pdfgen::PLAN.as_bytes(), xref_stream), &budget());
        let plan = out.result.unwrap_or_else(|d| panic!("xref stream {xref_stream}: {}", d.message));
        assert_eq!((plan.name.as_str(), plan.data.as_slice()), ("plan.yaml", pdfgen::PLAN.as_bytes()));
        assert!(out.counters.objects_visited < 100, "{:?}", out.counters);
    }
}

#[test]
fn a_pdf_cut_anywhere_is_never_read_as_a_plan() {
    let mut plan: String = (0..300).fold(String::new(), |mut s, i| {
        let _ = writeln!(s, "# Zeile {i}");
        s
    });
    plan.push_str("format: 1\n");
    for xref_stream in [false, true] {
        let whole = pdfgen::with_plan(plan.as_bytes(), xref_stream);
        for cut in (1..whole.len()).step_by(97) {
            let out = read_plan(&whole[..cut], &budget());
            if let Ok(p) = out.result {
                assert_eq!(p.data, plan.as_bytes(), "cut at {cut} gave a partial plan");
            }
        }
    }
}

fn mep(args: &[&str], dir: &Path) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_mep")).args(args).current_dir(dir).env("NO_COLOR", "1").output().expect("mep runs");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

/// No English outside the marked detail: an inflater's own text may follow
/// „Meldung des Entpackers:“ (indented under the German message), nowhere else.
fn no_english(text: &str) {
    let german: String = text.lines().map(|l| l.split("Meldung des Entpackers:").next().unwrap_or(l)).collect::<Vec<_>>().join("\n");
    let lower = german.to_lowercase();
    for word in ENGLISH {
        assert!(!lower.contains(word), "English text `{word}` in: {text}");
    }
}

#[test]
fn the_binary_refuses_hostile_pdfs_in_german_with_exit_code_1() {
    let dir = tempfile::tempdir().unwrap();
    for case in pdfgen::cases() {
        std::fs::write(dir.path().join(case.name), &case.bytes).unwrap();
        let (code, stdout, stderr) = mep(&["validate", case.name], dir.path());
        assert_eq!(code, 1, "{}: {stdout}{stderr}", case.name);
        assert!(stdout.contains(case.code) || stderr.contains(case.code), "{}: {stdout}{stderr}", case.name);
        no_english(&format!("{stdout}{stderr}"));
    }
}

#[test]
fn review_of_yaml_and_hostile_pdfs_reports_each_and_keeps_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let plans = dir.path().join("plaene");
    std::fs::create_dir(&plans).unwrap();
    std::fs::copy(root().join("examples/grundschule-niedersachsen.yaml"), plans.join("a.yaml")).unwrap();
    for case in pdfgen::cases().into_iter().filter(|c| ["bombe.pdf", "verschluesselt.pdf", "halbe-datei.pdf"].contains(&c.name)) {
        std::fs::write(plans.join(case.name), &case.bytes).unwrap();
    }
    // Folders are searched for YAML only (a rendered PDF next to its plan must not count twice);
    // PDFs are named one by one.
    for format in ["csv", "xlsx", "md"] {
        let out = format!("uebersicht.{format}");
        let args =
            ["review", "--format", format, "-o", &out, "plaene", "plaene/bombe.pdf", "plaene/verschluesselt.pdf", "plaene/halbe-datei.pdf"];
        let (code, stdout, stderr) = mep(&args, dir.path());
        assert!(code == 0 || code == 1, "{format}: {code} {stdout}{stderr}");
        assert!(dir.path().join(&out).is_file(), "{format}: {stderr}");
        no_english(&stderr);
    }
    let csv = std::fs::read_to_string(dir.path().join("uebersicht.csv")).unwrap();
    for name in ["a.yaml", "bombe.pdf", "verschluesselt.pdf", "halbe-datei.pdf"] {
        assert!(csv.contains(name), "{name} missing in {csv}");
    }
}

#[test]
fn pdf_is_told_by_its_header_alone_in_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(root().join("examples/grundschule-niedersachsen.yaml")).unwrap();
    std::fs::write(dir.path().join("plan.yaml"), format!("# Archiviert auch als %PDF-1.7 (PDF/A-3b)\n{text}")).unwrap();
    let (code, stdout, stderr) = mep(&["validate", "plan.yaml"], dir.path());
    assert_eq!(code, 0, "{stdout}{stderr}");
    let (code, _, stderr) = mep(&["render", "-o", "plan.md", "plan.yaml"], dir.path());
    assert_eq!(code, 0, "{stderr}");
    let (code, _, stderr) = mep(&["review", "--format", "csv", "-o", "r.csv", "plan.yaml"], dir.path());
    assert_eq!(code, 0, "{stderr}");
    // And a PDF (after the whitespace the standard allows) is a PDF everywhere.
    std::fs::write(dir.path().join("leer.pdf"), b"\r\n%PDF-1.7\n%%EOF\n").unwrap();
    for args in [&["validate", "leer.pdf"][..], &["render", "-o", "x.md", "leer.pdf"][..]] {
        let (code, stdout, stderr) = mep(args, dir.path());
        assert_eq!(code, 1, "{args:?}: {stdout}{stderr}");
        assert!(format!("{stdout}{stderr}").contains("PDF-BESCHAEDIGT"), "{args:?}: {stdout}{stderr}");
    }
}

#[cfg(unix)]
#[test]
fn template_folders_do_not_read_through_links_out() {
    let dir = tempfile::tempdir().unwrap();
    let secret = dir.path().join("geheim.txt");
    std::fs::write(&secret, "GEHEIMNIS-4711").unwrap();
    std::fs::copy(root().join("examples/grundschule-niedersachsen.yaml"), dir.path().join("plan.yaml")).unwrap();
    // Markdown: a template that includes a link to the secret.
    let md = dir.path().join("md");
    std::fs::create_dir(&md).unwrap();
    std::fs::write(md.join("plan.md"), "{% include \"raus.md\" %}\n").unwrap();
    std::os::unix::fs::symlink(&secret, md.join("raus.md")).unwrap();
    let (code, stdout, stderr) = mep(&["render", "--templates", "md", "-o", "-", "plan.yaml"], dir.path());
    assert_eq!(code, 2, "{stdout}{stderr}");
    assert!(!stdout.contains("GEHEIMNIS") && !stderr.contains("GEHEIMNIS"));
    assert!(stderr.contains("außerhalb des Ordners"), "{stderr}");
    // typst: a template that reads a linked file.
    let typ = dir.path().join("typ");
    std::fs::create_dir(&typ).unwrap();
    std::fs::write(typ.join("plan.typ"), "#read(\"raus.typ\")\n").unwrap();
    std::os::unix::fs::symlink(&secret, typ.join("raus.typ")).unwrap();
    let (code, _, stderr) = mep(&["render", "--format", "pdf", "--templates", "typ", "-o", "x.pdf", "plan.yaml"], dir.path());
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("außerhalb des Ordners"), "{stderr}");
    assert!(!dir.path().join("x.pdf").exists());
    // A linked subfolder is refused too; a link inside the folder is fine.
    std::fs::remove_file(md.join("raus.md")).unwrap();
    std::os::unix::fs::symlink(dir.path(), md.join("oben")).unwrap();
    let (code, _, stderr) = mep(&["render", "--templates", "md", "-o", "-", "plan.yaml"], dir.path());
    assert_eq!(code, 2, "{stderr}");
    std::fs::remove_file(md.join("oben")).unwrap();
    std::fs::write(md.join("teil.md"), "Aus dem Ordner.\n").unwrap();
    std::os::unix::fs::symlink(md.join("teil.md"), md.join("innen.md")).unwrap();
    std::fs::write(md.join("plan.md"), "{% include \"innen.md\" %}\n").unwrap();
    let (code, stdout, stderr) = mep(&["render", "--templates", "md", "-o", "-", "plan.yaml"], dir.path());
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("Aus dem Ordner."), "{stdout}");
}

fn init(dir: &Path, stdin: impl std::io::Read + Send + 'static) -> (i32, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_mep"))
        .args(["init", "--interaktiv", "plan.yaml"])
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("SOURCE_DATE_EPOCH", "1767225600")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("mep runs");
    let mut pipe = child.stdin.take().unwrap();
    let mut stdin = stdin;
    // The child may stop reading early; a broken pipe is expected then.
    let feeder = std::thread::spawn(move || {
        let _ = std::io::copy(&mut stdin, &mut pipe);
    });
    let out = child.wait_with_output().unwrap();
    let _ = feeder.join();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn the_wizard_survives_endless_and_odd_input_and_writes_only_valid_plans() {
    let dir = tempfile::tempdir().unwrap();
    // `< /dev/zero`: one endless line.
    let (code, stderr) = init(dir.path(), std::io::Read::take(std::io::repeat(0), 64 << 20));
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("länger als 1 MiB") && stderr.contains("nichts geschrieben"), "{stderr}");
    assert!(!dir.path().join("plan.yaml").exists());
    // `yes |`: endless invalid answers.
    let (code, stderr) = init(dir.path(), std::io::Cursor::new("y\n".repeat(1 << 20)));
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("5-mal ungültig"), "{stderr}");
    assert!(!dir.path().join("plan.yaml").exists());
    // Odd characters are refused and not echoed raw; then a valid name is written and validates.
    let script = "Schule\u{2028}Nord\n\u{feff}Schule\nSchule\u{fdd0}\nSchule \u{1b}[31mrot\nGrundschule Nord\n162437\ngrundschule\nNI\n200\n15\n10\nStadt Nord\n";
    let (code, stderr) = init(dir.path(), std::io::Cursor::new(script));
    assert_eq!(code, 0, "{stderr}");
    assert!(!stderr.contains('\u{1b}'), "{stderr}");
    assert_eq!(stderr.matches("Ungültig").count(), 4, "{stderr}");
    let (code, stdout, stderr) = mep(&["validate", "plan.yaml"], dir.path());
    assert_ne!(code, 2, "{stdout}{stderr}");
    assert!(!format!("{stdout}{stderr}").contains("TEXT-ZEICHEN"), "{stdout}{stderr}");
}
