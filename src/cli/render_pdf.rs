//! `mep render --format pdf`: the PDF arm of `mep render`.
//!
//! `render` reads and checks the plans; this module turns them into PDFs in
//! parallel, writes each atomically and reports template problems located in
//! the template file (exit code 2: the tool's configuration is broken, not the plan).

use std::path::{Path, PathBuf};

use super::{EXIT_OK, EXIT_TOOL};
use crate::diag;
use crate::fsio;
use crate::model::Datum;
use crate::render::pdf::{self, Job, Settings, Standard, Templates, data};
use crate::view::PlanView;

/// Flags only the PDF format has.
#[derive(Clone, Debug, clap::Args)]
pub struct PdfArgs {
    /// PDF-Standard: `a-2b,ua-1` (Standard: archivierbar nach PDF/A-2b und barrierefrei nach PDF/UA-1), `a-2b`, `a-3b`, `ua-1` oder `none`.
    #[arg(long = "pdf-standard", value_name = "STANDARD", value_parser = parse_standard, default_value = "a-2b,ua-1", hide_default_value = true, help_heading = "Optionen")]
    pub pdf_standard: Standard,
}

fn parse_standard(s: &str) -> Result<Standard, String> {
    Standard::parse(s).ok_or_else(|| {
        format!("unbekannter PDF-Standard; erlaubt sind: {}", Standard::ALL.iter().map(|(_, k)| *k).collect::<Vec<_>>().join(", "))
    })
}

/// One document to produce.
pub struct Document {
    /// The input's name as shown to users.
    pub input: String,
    /// Output file; `None` writes to standard output.
    pub target: Option<PathBuf>,
    /// What to render.
    pub job: Job,
}

impl Document {
    /// Prepares a plan's PDF from its view; the creation time honours `SOURCE_DATE_EPOCH`.
    #[must_use]
    pub fn for_view(input: String, target: Option<PathBuf>, view: &PlanView, args: &PdfArgs) -> Self {
        let epoch = std::env::var("SOURCE_DATE_EPOCH").ok().and_then(|v| v.trim().parse::<i64>().ok());
        let stand = Datum::parse(&view.dokument.stand.iso).unwrap_or(Datum { jahr: 2000, monat: 1, tag: 1 });
        let mut settings = Settings::for_stand(stand, data::ident(view), epoch);
        settings.standard = args.pdf_standard;
        Self { input, target, job: Job { data_json: data::to_json(&data::build(view)), settings } }
    }

    /// Embeds the plan as written (YAML) and its view (JSON) as associated files (PDF/A-3b).
    pub fn attach_plan(&mut self, yaml: &str, view: &PlanView) {
        let attachments = &mut self.job.settings.attachments;
        attachments.push(pdf::Attachment::plan_yaml(yaml.as_bytes().to_vec()));
        if let Ok(json) = crate::render::json(view) {
            attachments.push(pdf::Attachment::view_json(json.into_bytes()));
        }
    }
}

/// The templates: embedded, or a directory's `*.typ` files over them.
pub fn templates(dir: Option<&Path>) -> Result<Templates, String> {
    match dir {
        Some(d) => Templates::with_dir(d).map_err(|e| e.message),
        None => Ok(Templates::embedded()),
    }
}

/// Renders all documents in parallel and writes them; returns the exit code.
#[must_use]
pub fn render_all(templates: &Templates, docs: Vec<Document>) -> u8 {
    let (meta, jobs): (Vec<_>, Vec<_>) = docs.into_iter().map(|d| ((d.input, d.target), d.job)).unzip();
    let results = pdf::render_batch(templates, jobs);
    let mut code = EXIT_OK;
    let mut reported_template = false;
    for ((input, target), result) in meta.into_iter().zip(results) {
        match result {
            Ok(out) => {
                print_template_diagnostics(templates, &out.warnings);
                match &target {
                    None => {
                        use std::io::Write;
                        let mut stdout = std::io::stdout().lock();
                        if let Err(e) = stdout.write_all(&out.pdf).and_then(|()| stdout.flush()) {
                            eprintln!("Fehler: Ausgabe nicht möglich: {}.", fsio::describe_io(&e));
                            code = EXIT_TOOL;
                        }
                    }
                    Some(path) => {
                        if let Err(e) = fsio::write_atomic(path, &out.pdf) {
                            eprintln!("Fehler: `{}` kann nicht geschrieben werden: {}.", path.display(), fsio::describe_io(&e));
                            code = EXIT_TOOL;
                        } else {
                            eprintln!("{} geschrieben ({} Seiten).", path.display(), out.pages);
                        }
                    }
                }
            }
            Err(diags) => {
                // A broken template fails every document the same way: show it once.
                if !reported_template {
                    print_template_diagnostics(templates, &diags);
                    reported_template = true;
                }
                eprintln!("{input}: kein PDF erzeugt – die PDF-Vorlage ist fehlerhaft.");
                code = EXIT_TOOL;
            }
        }
    }
    code
}

fn print_template_diagnostics(templates: &Templates, diags: &[diag::Diagnostic]) {
    for d in diags {
        let source = d.location.as_ref().and_then(|l| templates.source_file(&l.file));
        eprintln!("{}", crate::render::diag::human(d, source.as_ref(), false));
    }
}
