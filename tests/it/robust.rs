//! Robustness: no panic, no hang, bounded output, German messages, right
//! positions. Inputs live in `tests/fixtures/robust/`; special files (FIFOs,
//! links) are made from them at test time, since git cannot hold them.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use mep::diag::Severity;
use mep::load::Limits;
use mep::profile::Choice;
use mep::render::markdown;
use mep::render::pdf::{self, Settings, Templates, data};
use mep::review::{self, Status};
use mep::view::{Optionen, PlanView};

use crate::support::{check_bytes, check_file, root};

fn fixture(rel: &str) -> PathBuf {
    root().join("tests/fixtures/robust").join(rel)
}

fn view_of(checked: &mep::Checked) -> PlanView {
    let plan = checked.value.as_ref().expect("plan loads");
    let entwurf = mep::has_errors(&checked.diagnostics);
    PlanView::build(plan, &checked.diagnostics, &Optionen { datei: "plan.yaml".to_owned(), entwurf })
}

fn pdf_of(checked: &mep::Checked) -> Result<pdf::Rendered, Vec<mep::diag::Diagnostic>> {
    let view = view_of(checked);
    let plan = checked.value.as_ref().expect("plan loads");
    pdf::render(
        &Templates::embedded(),
        data::to_json(&data::build(&view)),
        &Settings::for_stand(plan.dokumentdatum(), data::ident(&view), Some(0)),
    )
}

fn codes(checked: &mep::Checked) -> Vec<&str> {
    checked.diagnostics.iter().map(|d| d.code.as_str()).collect()
}

// 1 + 2: what validate accepts renders; what cannot be rendered is a located finding.

#[test]
fn a_very_long_text_is_a_finding_and_its_draft_renders_without_panic() {
    let checked = check_file(&fixture("fuzz/leitbild_32768_ae.yaml"));
    let d = checked.diagnostics.iter().find(|d| d.code == "TEXT-LAENGE" && !d.path.is_empty()).expect("too long");
    assert_eq!(d.severity, Severity::Fehler);
    assert_eq!(d.path, "leitbild");
    assert_eq!(d.location.as_ref().map(|l| l.line), Some(23), "points at the text");
    let out = pdf_of(&checked).expect("the draft renders");
    assert!(out.pdf.starts_with(b"%PDF"));
}

#[test]
fn a_text_longer_than_the_pdf_string_limit_is_refused_by_validate() {
    let checked = check_file(&fixture("fuzz/leitbild_32767_plus.yaml"));
    assert!(codes(&checked).contains(&"TEXT-LAENGE"), "{:?}", codes(&checked));
    pdf_of(&checked).expect("the draft renders");
}

#[test]
fn noncharacters_and_control_characters_are_located_findings_and_drafts_render() {
    for name in ["fuzz/leitbild_fffe.yaml", "fuzz/leitbild_steuerzeichen.yaml"] {
        let checked = check_file(&fixture(name));
        let d = checked.diagnostics.iter().find(|d| d.code == "TEXT-ZEICHEN").unwrap_or_else(|| panic!("{name}: {:?}", codes(&checked)));
        assert_eq!(d.severity, Severity::Fehler);
        assert_eq!(d.path, "leitbild");
        assert_eq!(d.location.as_ref().map(|l| l.line), Some(23), "{name}");
        assert!(d.message.contains("U+"), "{}", d.message);
        pdf_of(&checked).unwrap_or_else(|e| panic!("{name}: {e:?}"));
    }
    // A raw U+FFFF in the file is refused by the reader, in German.
    let checked = check_file(&fixture("fuzz/leitbild_ffff.yaml"));
    assert!(mep::has_errors(&checked.diagnostics));
    if checked.value.is_some() {
        pdf_of(&checked).expect("the draft renders");
    }
}

#[test]
fn characters_without_glyph_are_a_warning_and_the_plan_renders() {
    let checked = check_file(&fixture("fuzz/leitbild_emoji_privat.yaml"));
    let d = checked.diagnostics.iter().find(|d| d.code == "TEXT-SCHRIFT").expect("no glyph");
    assert_eq!(d.severity, Severity::Warnung);
    assert!(!mep::has_errors(&checked.diagnostics), "{:?}", codes(&checked));
    pdf_of(&checked).expect("renders");
}

#[test]
fn an_empty_heading_renders() {
    for name in ["fuzz/leitbild_raute.yaml", "fuzz/ueberschriften_leer.yaml"] {
        let checked = check_file(&fixture(name));
        assert!(!mep::has_errors(&checked.diagnostics), "{name}: {:?}", codes(&checked));
        pdf_of(&checked).unwrap_or_else(|e| panic!("{name}: {e:?}"));
    }
}

#[test]
fn one_bad_plan_among_many_does_not_fail_the_review_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let good = std::fs::read(root().join("tests/fixtures/valid/minimal.yaml")).unwrap();
    let bad = std::fs::read(fixture("fuzz/leitbild_fffe.yaml")).unwrap();
    for i in 0..49 {
        let text = String::from_utf8(good.clone()).unwrap().replace("12345678", &format!("{:08}", 10_000 + i));
        std::fs::write(dir.path().join(format!("plan-{i:02}.yaml")), text).unwrap();
    }
    // The bad plan's school name carries the noncharacter too, so it reaches the overview.
    let bad = String::from_utf8(bad).unwrap().replace("Grundschule Am Teich", "Grundschule \u{FFFE}\u{FFFF} Am Teich");
    std::fs::write(dir.path().join("plan-schlecht.yaml"), bad).unwrap();
    let files = review::discover(&[dir.path().to_path_buf()], None).unwrap();
    assert_eq!(files.len(), 50);
    let rows = review::check_all(&files, &Limits::default(), &Choice::default(), &|| {});
    let result = review::roll_up(None, rows, &Choice::default());
    let bad_row = result.rows.iter().find(|r| r.file.ends_with("plan-schlecht.yaml")).unwrap();
    assert_eq!(bad_row.status, Status::Fehler);
    let pdf = mep::render::review::pdf(&result, &Templates::embedded(), pdf::Standard::default(), Some(0)).expect("overview renders");
    assert!(pdf.starts_with(b"%PDF"));
}

// 3: the limits.

/// A plan right at the limits: every text field as long as allowed, up to the total.
#[test]
fn a_plan_at_the_text_limits_is_accepted_and_renders() {
    use mep::rules::textgrenzen as limits;
    let base = std::fs::read_to_string(root().join("tests/fixtures/valid/minimal.yaml")).unwrap();
    let field = "Wir lernen mit digitalen Medien. ".repeat(limits::MAX_FIELD_CHARS / 33);
    let text = base.replace("leitbild: Wir lernen mit und über digitale Medien.", &format!("leitbild: \"{field}\"")).replace(
        "fortbildungsstand: Die Hälfte des Kollegiums nutzt digitale Medien regelmäßig.",
        &format!("fortbildungsstand: \"{field}\""),
    );
    let checked = check_bytes("grenze.yaml", text.as_bytes());
    assert!(!codes(&checked).contains(&"TEXT-LAENGE"), "{:?}", codes(&checked));
    assert!(!mep::has_errors(&checked.diagnostics), "{:?}", codes(&checked));
    pdf_of(&checked).expect("renders");
}

#[test]
fn the_total_and_list_limits_are_findings() {
    use mep::rules::textgrenzen as limits;
    let base = std::fs::read_to_string(root().join("tests/fixtures/valid/minimal.yaml")).unwrap();
    // Total: many texts, each below the field limit.
    let long = "y".repeat(limits::MAX_FIELD_CHARS - 1);
    let goals = (0..=limits::MAX_TOTAL_CHARS / limits::MAX_FIELD_CHARS).fold(String::new(), |mut out, i| {
        let _ = writeln!(
            out,
            "  - {{ id: Z{}, dimension: unterricht, beschreibung: \"{long}\", indikator: x, ausgangswert: a, zielwert: b, termin: 2028-07-31 }}",
            i + 2
        );
        out
    });
    let text = base.replace("mediencurriculum:\n", &format!("{goals}mediencurriculum:\n"));
    let checked = check_bytes("gesamt.yaml", text.as_bytes());
    let total = checked.diagnostics.iter().find(|d| d.code == "TEXT-LAENGE").unwrap_or_else(|| panic!("{:?}", codes(&checked)));
    assert_eq!(total.path, "");
    assert!(total.message.contains("zusammen"), "{}", total.message);
    // A list longer than allowed.
    let many = (0..=limits::MAX_LIST_ENTRIES).fold(String::new(), |mut out, i| {
        let _ = writeln!(out, "    - {{ typ: beamer, anzahl: 1, anschaffungsjahr: {} }}", 2000 + i % 20);
        out
    });
    let text = base.replace("    - { typ: beamer, anzahl: 6, anschaffungsjahr: 2015 }\n", &many);
    let checked = check_bytes("liste.yaml", text.as_bytes());
    let list = checked.diagnostics.iter().find(|d| d.code == "TEXT-LAENGE").unwrap_or_else(|| panic!("{:?}", codes(&checked)));
    assert_eq!(list.path, "bestand.geraete");
    assert_eq!(list.location.as_ref().map(|l| l.line), Some(27), "the first entry");
    // Many lists, each within its limit, but too many entries together.
    let per_list = limits::MAX_LIST_ENTRIES;
    let devices = (0..per_list).fold(String::new(), |mut out, i| {
        let _ = writeln!(out, "    - {{ typ: beamer, anzahl: 1, anschaffungsjahr: {} }}", 2000 + i % 20);
        out
    });
    // `ziele` has one goal already.
    let goals = (1..per_list).fold(String::new(), |mut out, i| {
        let _ = writeln!(
            out,
            "  - {{ id: Z{}, dimension: unterricht, beschreibung: b, indikator: x, ausgangswert: a, zielwert: b, termin: 2028-07-31 }}",
            i + 2
        );
        out
    });
    let text = base
        .replace("    - { typ: beamer, anzahl: 6, anschaffungsjahr: 2015 }\n", &devices)
        .replace("mediencurriculum:\n", &format!("{goals}mediencurriculum:\n"));
    let checked = check_bytes("listen.yaml", text.as_bytes());
    let found: Vec<_> = checked.diagnostics.iter().filter(|d| d.code == "TEXT-LAENGE").collect();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].path, "");
    assert!(found[0].message.contains("Listen des Plans"), "{}", found[0].message);
}

// 4: batches stream.

#[test]
fn batches_hand_over_each_document_in_order_and_can_stop() {
    let checked = check_file(&root().join("tests/fixtures/valid/minimal.yaml"));
    let view = view_of(&checked);
    let plan = checked.value.as_ref().unwrap();
    let job = || pdf::Job {
        data_json: data::to_json(&data::build(&view)),
        settings: Settings::for_stand(plan.dokumentdatum(), data::ident(&view), Some(0)),
    };
    let mut seen = Vec::new();
    pdf::render_each(&Templates::embedded(), (0..5).map(|i| (i, job())), |i, r| {
        assert!(r.is_ok());
        seen.push(i);
        i < 2
    });
    assert_eq!(seen, vec![0, 1, 2], "in order, and nothing after a stop");
}

// 5: positions for every kind of line break.

#[test]
fn positions_are_right_for_lf_crlf_and_cr() {
    for (kind, code, line) in [("duplicate", "YAML-DOPPELT", 11), ("date", "FORMAT-DATUM", 37)] {
        for nl in ["lf", "crlf", "cr"] {
            let checked = check_file(&fixture(&format!("line_endings/{kind}_{nl}.yaml")));
            let d = checked.diagnostics.iter().find(|d| d.code == code).unwrap_or_else(|| panic!("{kind}_{nl}: {:?}", codes(&checked)));
            let loc = d.location.as_ref().expect("located");
            assert_eq!(loc.line, line, "{kind}_{nl}: {}", d.message);
            assert!(loc.column > 1, "{kind}_{nl}: column {}", loc.column);
        }
    }
}

// 6: German messages.

/// Words that only an English parser message or a Rust type name would bring in.
const FOREIGN: &[&str] = &[
    " expected",
    "invalid",
    "found ",
    "while ",
    "scalar",
    "mapping",
    "sequence",
    "unexpected",
    "could not",
    "cannot",
    "not allowed",
    "u64",
    "i64",
    "u32",
    "i32",
    "u8",
    "f64",
    "usize",
    "String",
    "Value",
    "serde",
    "Option<",
    "Vec<",
];

#[test]
fn every_yaml_syntax_variant_gets_a_german_message() {
    let dir = fixture("yaml");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let mut shown = Vec::new();
    for f in &files {
        let checked = check_file(f);
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        for d in checked.diagnostics.iter().filter(|d| d.code.as_str().starts_with("YAML-") || d.code.as_str().starts_with("FORMAT-")) {
            for word in FOREIGN {
                assert!(!d.message.contains(word), "{name}: English or a type name in the message: {}", d.message);
            }
            if let Some(help) = &d.help {
                let german_part = help.split("Meldung des YAML-Lesers:").next().unwrap_or("");
                for word in ["u64", "i64", "f64", "usize", "serde", "Value"] {
                    assert!(!help.contains(word), "{name}: type name in the help: {help}");
                }
                assert!(!german_part.contains(" expected"), "{name}: {help}");
            }
            let loc = d.location.as_ref().map(|l| format!("{}:{}", l.line, l.column)).unwrap_or_default();
            shown.push(format!("{name} {loc} [{}] {}", d.code, d.message));
        }
    }
    insta::assert_snapshot!(shown.join("\n"));
}

#[test]
fn template_errors_are_german_with_typst_text_as_detail() {
    let templates = Templates::with_dir(&root().join("tests/fixtures/typst-broken")).expect("template dir");
    let checked = check_file(&root().join("tests/fixtures/valid/minimal.yaml"));
    let view = view_of(&checked);
    let plan = checked.value.as_ref().unwrap();
    let err = pdf::render(
        &templates,
        data::to_json(&data::build(&view)),
        &Settings::for_stand(plan.dokumentdatum(), data::ident(&view), Some(0)),
    )
    .expect_err("broken template");
    let d = &err[0];
    assert!(d.message.starts_with("Fehler in der PDF-Vorlage: "), "{}", d.message);
    assert!(d.help.as_deref().unwrap_or("").starts_with("Meldung von typst: "), "{:?}", d.help);
}

// 7: template budgets.

fn tera_dir(template: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plan.md"), template).unwrap();
    dir
}

#[test]
fn a_markdown_template_cannot_hang_or_print_without_end() {
    let checked = check_file(&root().join("tests/fixtures/valid/minimal.yaml"));
    let view = view_of(&checked);
    let endless = "{% for i in range(end=100000) %}{% for j in range(end=100000) %}x{% endfor %}{% endfor %}";
    let dir = tera_dir(endless);
    let templates = markdown::Templates::with_dir(dir.path()).unwrap();
    // Output budget: stops at the cap.
    let err = markdown::render_budgeted(&view, &templates, markdown::Budget { time: Duration::from_mins(10), max_output_bytes: 1 << 20 })
        .unwrap_err();
    assert!(err.to_string().contains("größer als 1 MiB"), "{err}");
    // Time budget: abandoned, and the loop stops at its next write.
    let err =
        markdown::render_budgeted(&view, &templates, markdown::Budget { time: Duration::from_millis(50), max_output_bytes: usize::MAX })
            .unwrap_err();
    assert!(err.to_string().contains("nicht fertig"), "{err}");
}

#[test]
fn a_typst_template_cannot_produce_pages_without_end() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plan.typ"), "#for i in range(300) { pagebreak() }\n").unwrap();
    let templates = Templates::with_dir(dir.path()).unwrap();
    let checked = check_file(&root().join("tests/fixtures/valid/minimal.yaml"));
    let view = view_of(&checked);
    let plan = checked.value.as_ref().unwrap();
    let settings = Settings::for_stand(plan.dokumentdatum(), data::ident(&view), Some(0));
    let budget = pdf::Budget { max_pages: 100, ..pdf::Budget::default() };
    let err = pdf::render_budgeted(&templates, pdf::templates::MAIN, data::to_json(&data::build(&view)), &settings, budget).unwrap_err();
    assert_eq!(err[0].code, pdf::CODE_BUDGET);
    assert!(err[0].message.contains("301 Seiten"), "{}", err[0].message);
    // A slow template is abandoned after the time budget.
    std::fs::write(dir.path().join("plan.typ"), "#{ let s = 0; for i in range(3000) { for j in range(3000) { s += 1 } }; s }\n").unwrap();
    let templates = Templates::with_dir(dir.path()).unwrap();
    // The memory guard reads the resident memory of the whole process, which the tests running in
    // parallel share; it has its own test, so here only the time budget may end the run.
    let budget = pdf::Budget { time: Duration::from_millis(100), max_memory: u64::MAX, ..pdf::Budget::default() };
    let err = pdf::render_budgeted(&templates, pdf::templates::MAIN, data::to_json(&data::build(&view)), &settings, budget).unwrap_err();
    assert_eq!(err[0].code, pdf::CODE_BUDGET);
    assert!(err[0].message.contains("nicht fertig"), "{}", err[0].message);
}

/// The memory of a user's template is watched while it is set (the process's
/// resident memory, which Linux reports): past the budget, the document is abandoned.
#[cfg(target_os = "linux")]
#[test]
fn a_typst_template_cannot_take_memory_without_end() {
    let dir = tempfile::tempdir().unwrap();
    // Takes a second or more, far longer than the first look at the memory; the
    // abandoned compilation then ends on its own, so the test process stays small.
    std::fs::write(dir.path().join("plan.typ"), "#for i in range(20000) { [x]; pagebreak() }\n").unwrap();
    let templates = Templates::with_dir(dir.path()).unwrap();
    let checked = check_file(&root().join("tests/fixtures/valid/minimal.yaml"));
    let view = view_of(&checked);
    let plan = checked.value.as_ref().unwrap();
    let settings = Settings::for_stand(plan.dokumentdatum(), data::ident(&view), Some(0));
    // Below what the process holds already, so the first look ends it.
    let budget = pdf::Budget { time: Duration::from_mins(10), max_memory: 1 << 20, ..pdf::Budget::default() };
    let err = pdf::render_budgeted(&templates, pdf::templates::MAIN, data::to_json(&data::build(&view)), &settings, budget).unwrap_err();
    assert_eq!(err[0].code, pdf::CODE_BUDGET);
    assert!(err[0].message.contains("Arbeitsspeicher"), "{}", err[0].message);
}

// 8 + 9: special files.

fn mkfifo(path: &Path) -> bool {
    Command::new("mkfifo").arg(path).status().is_ok_and(|s| s.success())
}

/// Runs the binary, killing it when it has not ended after a generous while.
fn run_mep(args: &[&std::ffi::OsStr]) -> (Option<i32>, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_mep"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    for _ in 0..600 {
        if child.try_wait().unwrap().is_some() {
            let out = child.wait_with_output().unwrap();
            return (
                out.status.code(),
                String::from_utf8_lossy(&out.stdout).into_owned(),
                String::from_utf8_lossy(&out.stderr).into_owned(),
            );
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = child.kill();
    panic!("mep {args:?} hangs");
}

#[cfg(unix)]
#[test]
fn a_fifo_without_writer_does_not_block() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("plan.yaml");
    if !mkfifo(&fifo) {
        return;
    }
    let (code, _, err) = run_mep(&["validate".as_ref(), fifo.as_os_str()]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("keine gewöhnliche Datei"), "{err}");
}

#[cfg(unix)]
#[test]
fn review_lists_every_unreadable_entry_as_an_error_row_and_goes_on() {
    use std::os::unix::fs::{PermissionsExt, symlink};
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::copy(root().join("tests/fixtures/valid/minimal.yaml"), d.join("gut.yaml")).unwrap();
    symlink(d.join("schleife-b.yaml"), d.join("schleife-a.yaml")).unwrap();
    symlink(d.join("schleife-a.yaml"), d.join("schleife-b.yaml")).unwrap();
    symlink("/dev/zero", d.join("null.yaml")).unwrap();
    let fifo = mkfifo(&d.join("pipe.yaml"));
    let locked = d.join("gesperrt");
    std::fs::create_dir(&locked).unwrap();
    std::fs::copy(root().join("tests/fixtures/valid/minimal.yaml"), locked.join("innen.yaml")).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    // Under root every folder stays readable; then that part cannot be shown here.
    let locked_works = std::fs::read_dir(&locked).is_err();

    let files = review::discover(&[d.to_path_buf()], None).expect("the folder exists");
    let rows = review::check_all(&files, &Limits::default(), &Choice::default(), &|| {});
    let row = |name: &str| rows.iter().find(|r| r.file.ends_with(name)).unwrap_or_else(|| panic!("{name} has no row"));
    assert!(matches!(row("gut.yaml").status, Status::Ok | Status::Warnungen), "{:?}", row("gut.yaml").status);
    assert!(row("gut.yaml").error.is_none());
    for name in ["schleife-a.yaml", "schleife-b.yaml", "null.yaml"] {
        assert_eq!(row(name).status, Status::Unlesbar, "{name}");
        assert!(row(name).error.as_deref().is_some_and(|e| e.contains("kann nicht gelesen werden")), "{name}: {:?}", row(name).error);
    }
    assert!(row("schleife-a.yaml").error.as_deref().unwrap().contains("Verweisschleife"));
    assert!(row("null.yaml").error.as_deref().unwrap().contains("keine gewöhnliche Datei"));
    if fifo {
        assert!(row("pipe.yaml").error.as_deref().unwrap().contains("keine gewöhnliche Datei"));
    }
    if locked_works {
        assert!(row("gesperrt").error.as_deref().unwrap().contains("kann nicht durchsucht werden"));
    }
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();

    // The command goes on and reports the rows; unreadable entries make exit code 2.
    let (code, out, err) = run_mep(&["review".as_ref(), d.as_os_str()]);
    assert_eq!(code, Some(2), "{out}{err}");
    assert!(out.contains("gut.yaml") && out.contains("null.yaml"), "{out}");
}
