//! `mep erstellen --format pdf`: the PDF arm of `mep erstellen` (`render`).
//!
//! `render` reads and checks the plans; this module turns them into PDFs in
//! parallel, writes each atomically and reports template problems located in
//! the template file (exit code 2: the tool's configuration is broken, not the plan).

use super::Config;
use super::error::Exit;
use super::output::{self, Dest};
use crate::diag;
use crate::render::pdf::{self, Job, Standard, Templates};
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
    /// Where the PDF goes.
    pub dest: Dest,
    /// What to render.
    pub job: Job,
}

impl Document {
    /// Prepares a plan's PDF from its view; the creation time honours `SOURCE_DATE_EPOCH`.
    #[must_use]
    pub fn for_view(input: String, dest: Dest, view: &PlanView, args: &PdfArgs, config: &Config) -> Self {
        Self { input, dest, job: Job::for_view(view, args.pdf_standard, config.source_date_epoch) }
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

/// Renders the documents in parallel groups and writes each as soon as its group
/// is done; returns the exit code.
///
/// Documents are pulled from `docs` only when a group starts, so neither the
/// prepared data nor the finished PDFs pile up: memory stays flat over
/// thousands of plans.
#[must_use]
pub fn render_all(templates: &Templates, docs: impl IntoIterator<Item = Document>, config: &Config) -> Exit {
    let mut code = Exit::Ok;
    let mut reported_template = false;
    let own_templates = templates.files().iter().any(|f| !f.embedded);
    let jobs = docs.into_iter().map(|d| ((d.input, d.dest), d.job));
    pdf::render_each(templates, jobs, |(input, dest), result| {
        match result {
            Ok(out) => {
                print_template_diagnostics(templates, &out.warnings, config);
                match output::write(&dest, &out.pdf) {
                    Err(e) => code = code.max(e.report()),
                    Ok(()) => {
                        if let Dest::File(path) = &dest {
                            output::status(config.quiet, format_args!("{} geschrieben ({} Seiten).", path.display(), out.pages));
                        }
                    }
                }
                true
            }
            Err(diags) => {
                code = Exit::Tool;
                let budget = diags.iter().any(|d| d.code == pdf::CODE_BUDGET);
                if budget && !own_templates {
                    // The embedded templates: a problem of this one plan; the others go on.
                    print_template_diagnostics(templates, &diags, config);
                    output::stderr(format_args!("{input}: kein PDF erzeugt.\n"));
                    return true;
                }
                // A broken template fails every document the same way: show it once.
                if !reported_template {
                    print_template_diagnostics(templates, &diags, config);
                    reported_template = true;
                }
                output::stderr(format_args!("{input}: kein PDF erzeugt – die PDF-Vorlage ist fehlerhaft.\n"));
                // A template that runs out of time or memory would do so for every plan: stop here.
                !budget
            }
        }
    });
    code
}

/// Template findings on standard error, each located in its template file when possible.
pub fn print_template_diagnostics(templates: &Templates, diags: &[diag::Diagnostic], config: &Config) {
    for d in diags {
        let source = d.location.as_ref().and_then(|l| templates.source_file(&l.file));
        output::stderr(format_args!("{}\n", crate::render::diag::human(d, source.as_ref(), config.colour_err)));
    }
}
