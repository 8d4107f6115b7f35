//! The export buttons: PDF and Excel next to the plan, through the same library calls as
//! `mep render --format pdf` and `--format xlsx`; a plan with errors becomes a labelled draft.

use std::path::{Path, PathBuf};

use crate::diag::Counts;
use crate::load::Limits;
use crate::profile::Choice;
use crate::view::{Optionen, PlanView};

/// The output formats of the export buttons.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// PDF/A-2b with PDF/UA-1.
    Pdf,
    /// The cost plan as an Excel workbook.
    Xlsx,
}

impl Format {
    /// From the address part (`pdf`, `xlsx`).
    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "pdf" => Some(Self::Pdf),
            "xlsx" => Some(Self::Xlsx),
            _ => None,
        }
    }

    fn extension(self) -> &'static str {
        match self {
            Self::Pdf => "pdf",
            Self::Xlsx => "xlsx",
        }
    }
}

/// Everything an export needs, copied out of the session so that the page stays usable meanwhile.
pub struct Snapshot {
    /// The plan file.
    pub path: PathBuf,
    /// The plan's text in the editor.
    pub text: String,
    /// Input limits.
    pub limits: Limits,
    /// Rule profile.
    pub choice: Choice,
    /// PDF templates.
    pub typst: crate::render::pdf::Templates,
    /// `SOURCE_DATE_EPOCH`.
    pub source_date_epoch: Option<i64>,
}

/// The view of a plan as `mep render` builds it; a plan with errors is a draft.
pub fn view(name: &str, text: &str, limits: &Limits, choice: &Choice) -> Result<(PlanView, Counts, crate::Checked), String> {
    let checked = crate::check_plan_for(name, text.as_bytes(), limits, choice);
    let counts = Counts::of(&checked.diagnostics);
    let view =
        PlanView::of_checked(&checked, choice, &Optionen { datei: name.to_owned(), entwurf: counts.errors > 0 }).ok_or_else(|| {
            format!("Der Plan kann noch nicht ausgegeben werden: Die Datei kann nicht gelesen werden ({}).", counts.errors_de())
        })?;
    Ok((view, counts, checked))
}

/// Writes the document next to the plan; returns the German note for the page.
pub fn export(s: &Snapshot, format: Format) -> Result<String, String> {
    let name = s.path.display().to_string();
    let (view, counts, checked) = view(&name, &s.text, &s.limits, &s.choice)?;
    let wanted = s.path.with_extension(format.extension());
    let target = crate::fsio::output_target(&wanted, &[s.path.as_path()])?;
    let (bytes, pages) = match format {
        Format::Pdf => {
            let job = crate::render::pdf::Job::for_view(&view, crate::render::pdf::Standard::default(), s.source_date_epoch);
            let out = crate::render::pdf::render(&s.typst, job.data_json, &job.settings).map_err(|diags| {
                format!("Das PDF konnte nicht erzeugt werden: {}", diags.first().map_or("unbekannter Fehler", |d| d.message.as_str()))
            })?;
            (out.pdf, Some(out.pages))
        }
        Format::Xlsx => {
            let row = crate::review::row_of(&s.path, &name, checked);
            (crate::render::xlsx::plan(&row, s.source_date_epoch)?, None)
        }
    };
    crate::fsio::write_atomic(&target, &bytes)
        .map_err(|e| format!("`{}` kann nicht geschrieben werden: {}.", target.display(), crate::fsio::describe_io(&e)))?;
    let mut parts = Vec::new();
    if let Some(p) = pages {
        parts.push(format!("{p} Seiten"));
    }
    if counts.errors > 0 {
        parts.push(format!("als ENTWURF mit {}", counts.errors_de()));
    }
    Ok(format!("`{}` geschrieben ({}).", shown(&wanted), if parts.is_empty() { "fertig".to_owned() } else { parts.join(", ") }))
}

fn shown(p: &Path) -> String {
    p.display().to_string()
}
