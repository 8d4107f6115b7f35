//! `mep vorlagen exportieren|pruefen`: template packs written out and checked.
//!
//! `exportieren` writes the built-in templates as a starting pack (manifest, Markdown and typst
//! chapters). `pruefen` reads a pack like `render --vorlagen` does and reports every finding
//! it can locate: the manifest (syntax, keys, data version, logo, colours, fonts), files that
//! cannot be read or are of no known kind, chapter files no template uses, template syntax
//! errors; then it renders every bundled example (and the plans given) with the pack, to
//! Markdown and PDF, and reports each failure with its template file.

use std::path::{Path, PathBuf};

use super::Config;
use super::error::{Error, Exit, Result};
use super::output;
use crate::diag::{Diagnostic, Severity};
use crate::render::pack::{Pack, keys, kind_of, manifest};
use crate::render::{markdown, pdf};
use crate::source::{SourceFile, Span};
use crate::view::{Optionen, PlanView};
use typst::syntax::DiagSpanKind;

/// The examples shipped with mep, rendered by `pruefen`: (name, YAML).
const EXAMPLES: &[(&str, &str)] = &[
    ("berufskolleg-nordrhein-westfalen.yaml", include_str!("../../examples/berufskolleg-nordrhein-westfalen.yaml")),
    ("grundschule-niedersachsen.yaml", include_str!("../../examples/grundschule-niedersachsen.yaml")),
    ("gymnasium-baden-wuerttemberg.yaml", include_str!("../../examples/gymnasium-baden-wuerttemberg.yaml")),
    ("realschule-bayern.yaml", include_str!("../../examples/realschule-bayern.yaml")),
];

/// Arbeiten mit Vorlagenpaketen.
#[derive(Debug, clap::Subcommand)]
pub enum Args {
    /// Schreibt die eingebauten Vorlagen als Vorlagenpaket in einen neuen Ordner (Manifest, Markdown- und PDF-Kapitel).
    #[command(
        name = "exportieren",
        visible_alias = "export",
        help_template = super::TEMPLATE,
        override_usage = "mep vorlagen exportieren <ORDNER>",
        after_help = "Beispiel:\n  mep vorlagen exportieren meine-vorlagen\n\nExit-Codes: 0 = geschrieben, 2 = Ordner nicht leer oder nicht beschreibbar."
    )]
    Exportieren {
        /// Neuer oder leerer Ordner für das Paket.
        #[arg(value_name = "ORDNER", help_heading = "Argumente")]
        dir: PathBuf,
    },
    /// Prüft ein Vorlagenpaket und setzt alle mitgelieferten Beispiele (und die angegebenen Pläne) damit als Markdown und PDF.
    #[command(
        name = "pruefen",
        visible_alias = "check",
        help_template = super::TEMPLATE,
        override_usage = "mep vorlagen pruefen <ORDNER> [PLAN]...",
        after_help = "Beispiele:\n  mep vorlagen pruefen meine-vorlagen\n  mep vorlagen pruefen meine-vorlagen plaene/*.yaml\n\nExit-Codes: 0 = keine Befunde, 1 = Befunde im Paket, 2 = Aufruf- oder Werkzeugfehler."
    )]
    Pruefen {
        /// Der Ordner des Pakets.
        #[arg(value_name = "ORDNER", help_heading = "Argumente")]
        dir: PathBuf,
        /// Weitere Pläne, die mit dem Paket gesetzt werden.
        #[arg(value_name = "PLAN", help_heading = "Argumente")]
        plans: Vec<PathBuf>,
    },
}

/// Runs `mep vorlagen …`; returns the exit code.
pub fn run(args: &Args, config: &Config) -> Result {
    match args {
        Args::Exportieren { dir } => export(dir, config),
        Args::Pruefen { dir, plans } => check(dir, plans, config),
    }
}

/// The manifest a fresh export starts with.
fn starting_manifest() -> String {
    let (major, minor) = manifest::DATA_VERSION;
    format!(
        "# Vorlagenpaket für mep: `mep erstellen --vorlagen DIESER-ORDNER plan.yaml`, prüfen mit `mep vorlagen pruefen DIESER-ORDNER`.\n\
         # Jede Datei ersetzt das gleichnamige eingebaute Kapitel (Markdown: *.md, PDF: *.typ); Dateien, die Sie nicht ändern,\n\
         # können Sie löschen. Die Daten der Vorlagen beschreibt docs/vorlagendaten.md.\n\
         name: Eigene Vorlagen\n\
         version: 1.0.0\n\
         lizenz: EUPL-1.2\n\
         datenversion: \"{major}.{minor}\"   # Version der Vorlagendaten, für die das Paket geschrieben ist\n\
         # logo: {{ datei: logo.png, alternativtext: Wappen des Schulträgers }}   # PNG, SVG oder JPEG im Paket\n\
         farben:\n  akzent: \"#1f5f8b\"     # Verweise\n  entwurf: \"#b5473f\"    # Entwurfshinweis\n"
    )
}

fn export(dir: &Path, config: &Config) -> Result {
    let occupied = std::fs::read_dir(dir).is_ok_and(|mut d| d.next().is_some());
    if occupied {
        return Err(Error::tool(format_args!(
            "Der Ordner `{}` ist nicht leer; `mep vorlagen exportieren` schreibt nur in einen neuen oder leeren Ordner.",
            dir.display()
        )));
    }
    let mut files: Vec<(String, String)> = vec![
        (manifest::MANIFEST.to_owned(), starting_manifest()),
        (crate::render::pack::wortlaut::FILE.to_owned(), crate::render::pack::wortlaut::EMBEDDED.to_owned()),
    ];
    files.extend(markdown::EMBEDDED.iter().map(|(n, t)| ((*n).to_owned(), explained(n, t))));
    files.extend(pdf::templates::EMBEDDED.iter().map(|(n, t)| ((*n).to_owned(), explained(n, t))));
    for (name, text) in &files {
        let path = dir.join(name);
        let made = path.parent().map_or(Ok(()), std::fs::create_dir_all).and_then(|()| crate::fsio::write_new(&path, text.as_bytes()));
        if let Err(e) = made {
            return Err(Error::tool(format_args!("`{}` kann nicht geschrieben werden: {}.", path.display(), crate::fsio::describe_io(&e))));
        }
    }
    output::status(config.quiet, format_args!("Vorlagenpaket mit {} Dateien in `{}` geschrieben.", files.len(), dir.display()));
    Ok(Exit::Ok)
}

/// A built-in chapter as exported: a comment at its top names every data field it reads, with
/// its description, so that a working group sees what it can use. The comment prints nothing.
fn explained(name: &str, text: &str) -> String {
    let daten = pdf::templates::EMBEDDED.iter().find(|(n, _)| *n == "daten.typ").map_or("", |(_, t)| *t);
    let is_md = std::path::Path::new(name).extension().is_some_and(|e| e == "md");
    let read = if is_md { keys::check_tera(text).read } else { keys::check_typst(text, daten, name == "daten.typ").read };
    if read.is_empty() || name.starts_with("review") || name == "daten.typ" {
        return text.to_owned();
    }
    let lines: Vec<String> = read.iter().map(|(path, what)| format!("{path} – {what}")).collect();
    if is_md {
        let body = lines.iter().map(|l| format!("   {}", l.replace("#}", "# }"))).collect::<Vec<_>>().join("\n");
        format!("{{#- Daten dieses Kapitels (alle Felder beschreibt docs/vorlagendaten.md):\n{body}\n-#}}\n{text}")
    } else {
        let body = lines.iter().map(|l| format!("//   {l}")).collect::<Vec<_>>().join("\n");
        format!("// Daten dieses Kapitels (alle Felder beschreibt docs/vorlagendaten.md):\n{body}\n\n{text}")
    }
}

/// Reads a pack for `render`/`review`: its findings are printed; an error is exit code 2.
pub fn load_pack(dir: &Path, config: &Config) -> Result<(markdown::Templates, pdf::Templates)> {
    let pack = Pack::read(dir).map_err(Error::tool)?;
    let findings = pack_findings(&pack);
    print(&pack, &findings, config);
    if findings.iter().any(|d| d.severity == Severity::Fehler) {
        return Err(Error::tool(format_args!(
            "Das Vorlagenpaket `{}` ist nicht verwendbar; Einzelheiten: `mep vorlagen pruefen {}`.",
            dir.display(),
            dir.display()
        )));
    }
    let typst = pdf::Templates::from_pack(&pack).map_err(|e| Error::tool(e.message))?;
    Ok((markdown::Templates::from_pack(&pack), typst))
}

fn finding(severity: Severity, file: &str, message: String) -> Diagnostic {
    let mut d = Diagnostic::new(&crate::rules::pdf::VORLAGEN_PAKET, severity, "", message);
    d.location = Some(SourceFile::new(file.to_owned(), String::new()).location(Span { start: 0, end: 0 }));
    d
}

/// Everything found without rendering: manifest, refused and unknown files, unused chapters, syntax.
fn pack_findings(pack: &Pack) -> Vec<Diagnostic> {
    let mut out = pack.findings.clone();
    for (name, why) in &pack.refused {
        out.push(finding(Severity::Fehler, &pack.folder.display(name), why.clone()));
    }
    for name in &pack.other {
        let why = "mep verwendet nur `vorlagen.yaml`, `wortlaut.yaml`, Markdown- (`.md`) und typst-Vorlagen (`.typ`), Bilder (PNG, SVG, JPEG) \
                   und Schriften (`.otf`, `.ttf`).";
        out.push(finding(Severity::Warnung, &pack.folder.display(name), format!("Unbekannte Datei: {why}")));
    }
    let listed: Vec<&str> = pack.manifest.iter().flat_map(|m| m.schriften.iter().map(|f| f.datei.as_str())).collect();
    for (name, _) in pack.fonts.iter().filter(|(n, _)| !listed.contains(&n.as_str())) {
        out.push(finding(
            Severity::Warnung,
            &pack.folder.display(name),
            "Die Schrift steht nicht unter `schriften` im Manifest und wird nicht verwendet; tragen Sie sie dort mit ihrer Lizenz ein \
             (`schriften: [{ datei: …, lizenz: OFL-1.1 }]`)."
                .to_owned(),
        ));
    }
    out.extend(unused(pack));
    out.extend(typst_syntax(pack));
    out.extend(tera_syntax(pack));
    out.extend(unknown_keys(pack));
    out
}

/// Every data key a template of the pack reads that the template data does not have, located.
fn unknown_keys(pack: &Pack) -> Vec<Diagnostic> {
    let builtin_daten = pdf::templates::EMBEDDED.iter().find(|(n, _)| *n == "daten.typ").map_or("", |(_, t)| *t);
    let daten = pack.typst.iter().find(|(n, _)| n == "daten.typ").map_or(builtin_daten, |(_, t)| t.as_str());
    let md = pack.markdown.iter().map(|(n, t)| (n.as_str(), t.as_str()));
    let typ = pack.typst.iter().map(|(n, t)| (n.as_str(), t.as_str()));
    let (found, _) = keys::check_templates(md, typ, daten);
    found
        .into_iter()
        .map(|(name, unknown)| {
            let text = pack.markdown.iter().chain(&pack.typst).find(|(n, _)| *n == name).map(|(_, t)| t.clone()).unwrap_or_default();
            let file = SourceFile::new(pack.folder.display(&name), text);
            let mut d = Diagnostic::new(&crate::rules::pdf::VORLAGEN_SCHLUESSEL, Severity::Fehler, "", unknown.message);
            d.location = Some(file.location(Span { start: unknown.span.start, end: unknown.span.end }));
            d
        })
        .collect()
}

/// Chapter files that replace no built-in file and that no template includes or imports.
fn unused(pack: &Pack) -> Vec<Diagnostic> {
    let builtin: Vec<&str> = markdown::EMBEDDED.iter().map(|(n, _)| *n).chain(pdf::templates::EMBEDDED.iter().map(|(n, _)| *n)).collect();
    let texts: Vec<&str> = pack.markdown.iter().chain(&pack.typst).map(|(_, t)| t.as_str()).collect();
    let mut out = Vec::new();
    for (name, _) in pack.markdown.iter().chain(&pack.typst) {
        let quoted = format!("\"{name}\"");
        if builtin.contains(&name.as_str()) || texts.iter().any(|t| t.contains(&quoted)) {
            continue;
        }
        let near = builtin
            .iter()
            .filter(|b| kind_of(b) == kind_of(name))
            .max_by(|a, b| strsim::jaro_winkler(a, name).total_cmp(&strsim::jaro_winkler(b, name)));
        let hint = match near {
            Some(n) if strsim::jaro_winkler(n, name) > 0.9 => format!(" Meinten Sie `{n}`?"),
            _ => String::new(),
        };
        out.push(finding(
            Severity::Fehler,
            &pack.folder.display(name),
            format!("Die Datei ersetzt kein eingebautes Kapitel und wird von keiner Vorlage eingebunden, sie bliebe unbenutzt.{hint}"),
        ));
    }
    out
}

/// The first syntax error of the pack's Markdown (tera) files together with the built-in ones, located.
fn tera_syntax(pack: &Pack) -> Option<Diagnostic> {
    let e = markdown::check_syntax(&markdown::Templates::from_pack(pack)).err()?;
    let (message, name, span) = match e.kind() {
        tera::ErrorKind::SyntaxError(report) => {
            (report.message().to_owned(), report.filename().to_owned(), Some((report.span().start_line, report.span().start_col + 1)))
        }
        _ => report_place(&e.to_string()),
    };
    let text = pack.markdown.iter().find(|(n, _)| *n == name).map(|(_, t)| t.clone());
    let file = SourceFile::new(pack.folder.display(&name), text.clone().unwrap_or_default());
    let location = match (text, span) {
        (Some(_), Some((line, column))) => file.location_at(line, column, 1),
        _ => file.location(Span { start: 0, end: 0 }),
    };
    let mut d = Diagnostic::new(
        &crate::rules::pdf::MARKDOWN_VORLAGE,
        Severity::Fehler,
        "",
        format!("Syntaxfehler in der Markdown-Vorlage (tera: {message})."),
    );
    d.location = Some(location);
    Some(d)
}

/// The first line of a tera report and the place its first `--> name:line:column` names.
fn report_place(report: &str) -> (String, String, Option<(usize, usize)>) {
    let first = report.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or(report).to_owned();
    let place = report.split("--> ").nth(1).and_then(|rest| rest.split_whitespace().next()).and_then(|p| {
        let mut parts = p.rsplitn(3, ':');
        let column: usize = parts.next()?.parse().ok()?;
        let line: usize = parts.next()?.parse().ok()?;
        Some((parts.next()?.to_owned(), line, column))
    });
    match place {
        Some((name, line, column)) => (first, name, Some((line, column + 1))),
        None => (first, String::new(), None),
    }
}

/// Syntax errors of the pack's typst files, located.
fn typst_syntax(pack: &Pack) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (name, text) in &pack.typst {
        let source = typst::syntax::Source::detached(text.clone());
        let file = SourceFile::new(pack.folder.display(name), text.clone());
        for error in source.root().errors_and_warnings().0 {
            let range = match error.span.get() {
                DiagSpanKind::Number { num, sub_range, .. } => source.range(num, sub_range).unwrap_or(0..0),
                DiagSpanKind::Range { range, .. } => range,
                DiagSpanKind::Detached => 0..0,
            };
            let mut d = Diagnostic::new(
                &crate::rules::pdf::PDF_VORLAGE,
                Severity::Fehler,
                "",
                format!("Syntaxfehler in der PDF-Vorlage: {} (typst: {}).", pdf::german_typst(&error.message), error.message),
            );
            d.location = Some(file.location(Span { start: range.start, end: range.end }));
            out.push(d);
        }
    }
    out
}

fn print(pack: &Pack, findings: &[Diagnostic], config: &Config) {
    for d in findings {
        let source = d.location.as_ref().and_then(|l| {
            let name = l.file.strip_prefix(&format!("{}/", pack.folder.shown().display())).unwrap_or(&l.file);
            let text = pack.markdown.iter().chain(&pack.typst).find(|(n, _)| n == name).map(|(_, t)| t.clone());
            text.map(|t| SourceFile::new(l.file.clone(), t)).or_else(|| {
                let manifest = pack.manifest_source.as_ref().filter(|s| s.name() == l.file)?;
                Some(SourceFile::new(manifest.name().to_owned(), manifest.text().to_owned()))
            })
        });
        output::stderr(format_args!("{}\n", crate::render::diag::human(d, source.as_ref(), config.colour_err)));
    }
}

fn check(dir: &Path, plans: &[PathBuf], config: &Config) -> Result {
    let pack = Pack::read(dir).map_err(Error::tool)?;
    if pack.manifest.is_none() && pack.findings.is_empty() {
        output::status(
            config.quiet,
            format_args!("Hinweis: `{}` hat kein Manifest `vorlagen.yaml`; `mep vorlagen exportieren` legt eines an.", dir.display()),
        );
    }
    let findings = pack_findings(&pack);
    print(&pack, &findings, config);
    if findings.iter().any(|d| d.severity == Severity::Fehler) {
        output::stderr(format_args!(
            "{}: {} Befunde; die Beispiele werden erst mit einem fehlerfreien Paket gesetzt.\n",
            dir.display(),
            findings.len()
        ));
        return Ok(Exit::Input);
    }
    let typst = pdf::Templates::from_pack(&pack).map_err(|e| Error::tool(e.message))?;
    let md = markdown::Templates::from_pack(&pack);
    let mut inputs: Vec<(String, Vec<u8>)> = EXAMPLES.iter().map(|(n, t)| (format!("examples/{n}"), t.as_bytes().to_vec())).collect();
    for path in plans {
        match crate::fsio::read_bounded(path, crate::load::Limits::default().max_bytes) {
            Ok(bytes) => inputs.push((path.display().to_string(), bytes)),
            Err(e) => {
                return Err(Error::tool(format_args!(
                    "Datei `{}` kann nicht gelesen werden: {}.",
                    path.display(),
                    crate::fsio::describe_io(&e)
                )));
            }
        }
    }
    let mut failed = 0;
    for (name, bytes) in &inputs {
        failed += render_with(name, bytes, &md, &typst, config);
    }
    if failed > 0 {
        output::stderr(format_args!(
            "{}: {failed} von {} Dokumenten ließen sich mit dem Paket nicht setzen.\n",
            dir.display(),
            inputs.len() * 2
        ));
        return Ok(Exit::Input);
    }
    output::status(config.quiet, format_args!("{}: keine Befunde; {} Pläne als Markdown und PDF gesetzt.", dir.display(), inputs.len()));
    Ok(Exit::Ok)
}

/// Renders one plan as Markdown and PDF with the pack; returns the number of failures (0–2).
fn render_with(name: &str, bytes: &[u8], md: &markdown::Templates, typst: &pdf::Templates, config: &Config) -> usize {
    let checked = crate::check_plan(name, bytes, &crate::load::Limits::default());
    let Some(plan) = checked.value.as_ref() else {
        output::error(format_args!("{name}: Der Plan lässt sich nicht lesen; `mep pruefen {name}` zeigt warum."));
        return 2;
    };
    let view = PlanView::build(plan, &checked.diagnostics, &Optionen { datei: name.to_owned(), entwurf: true });
    let mut failed = 0;
    if let Err(e) = markdown::render(&view, md) {
        output::stderr(format_args!("{name} (Markdown): {e}\n"));
        failed += 1;
    }
    let stand = crate::model::Datum::parse(&view.dokument.stand.iso).unwrap_or(crate::model::Datum { jahr: 2000, monat: 1, tag: 1 });
    let settings = pdf::Settings::for_stand(stand, pdf::data::ident(&view), config.source_date_epoch);
    if let Err(diags) = pdf::render(typst, pdf::data::to_json(&pdf::data::build(&view)), &settings) {
        output::stderr(format_args!("{name} (PDF):\n"));
        super::render_pdf::print_template_diagnostics(typst, &diags, config);
        failed += 1;
    }
    failed
}
