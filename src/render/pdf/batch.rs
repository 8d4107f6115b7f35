//! Running documents under a budget, one at a time or as a streamed batch.
//!
//! Each document is compiled on a thread of its own, and the caller waits for
//! it with a deadline. The waiting never happens on a rayon thread: typst
//! hands parts of its layout to rayon's pool, so a pool thread blocked on a
//! document would starve the very work it waits for.
//!
//! Templates of the user's (`--vorlagen`) are set one document at a time, and
//! while one is set the process's memory is watched (on Linux, from
//! `/proc/self/status`): typst's layout cannot be bounded from outside, so a
//! template that makes pages without end is stopped at [`Budget::max_memory`]
//! rather than by the system. The embedded templates are bounded by the text
//! limits of the plan instead.

use std::sync::mpsc;
use std::time::{Duration, Instant};

use super::{CODE_TEMPLATE, Rendered, Settings, Templates, budget_error, compile, file_id};
use crate::diag::{Diagnostic, Severity};

/// Time and size limits of one document.
///
/// The embedded templates stay far below them for every plan `mep validate`
/// accepts (about a second, a few dozen pages); they stop a template of the
/// user's that loops or produces pages without end. typst cannot be
/// interrupted: after the time budget the compilation is abandoned on its
/// thread, and `mep` ends with an error.
#[derive(Clone, Copy, Debug)]
pub struct Budget {
    /// Longest time for layout and PDF writing.
    pub time: Duration,
    /// Most pages a document may have; checked after layout, before the PDF is written.
    pub max_pages: usize,
    /// Most memory (resident, of the whole process) while a template of the user's is set.
    pub max_memory: u64,
}

impl Default for Budget {
    fn default() -> Self {
        Self { time: Duration::from_mins(1), max_pages: 2_000, max_memory: 1 << 30 }
    }
}

/// One document of a batch.
#[derive(Clone, Debug)]
pub struct Job {
    /// The JSON data.
    pub data_json: Vec<u8>,
    /// Its settings.
    pub settings: Settings,
}

impl Job {
    /// The PDF job of a plan's view: its data, dated by the plan's `stand` (or `SOURCE_DATE_EPOCH`),
    /// with a stable identifier. `mep render --format pdf` and the editor's export both start here.
    #[must_use]
    pub fn for_view(view: &crate::view::PlanView, standard: super::Standard, source_date_epoch: Option<i64>) -> Self {
        // `datum` follows the one rule of `Plan::dokumentdatum`; the view always holds a valid day there.
        let stand = crate::model::Datum::parse(&view.dokument.datum.iso).unwrap_or(crate::model::OHNE_DATUM);
        let mut settings = Settings::for_stand(stand, super::data::ident(view), source_date_epoch);
        settings.standard = standard;
        Self { data_json: super::data::to_json(&super::data::build(view)), settings }
    }
}

type Outcome = Result<Rendered, Vec<Diagnostic>>;

/// A document being compiled on its own thread.
struct Pending {
    rx: mpsc::Receiver<Outcome>,
    deadline: Instant,
    budget: Budget,
    own_templates: bool,
}

/// Starts one document on its own thread.
fn start(templates: &Templates, entry: &str, data_json: Vec<u8>, settings: &Settings, budget: Budget) -> Result<Pending, Vec<Diagnostic>> {
    let (Some(main), Some(data_id)) = (templates.entry_id(entry), file_id(super::DATA_PATH)) else {
        return Err(vec![Diagnostic::new(
            CODE_TEMPLATE,
            Severity::Fehler,
            "",
            format!("Die Vorlagen enthalten keine Hauptdatei `{entry}`."),
        )]);
    };
    let own_templates = templates.files().iter().any(|f| !f.embedded);
    let templates = templates.clone();
    let settings = settings.clone();
    let (tx, rx) = mpsc::channel();
    let worker = std::thread::Builder::new().name("mep-pdf".to_owned()).spawn(move || {
        let result = compile(&templates, main, data_id, super::text::sanitize_json(data_json), &settings, budget.max_pages);
        // The receiver may have given up (time budget); then nobody needs the result.
        let _ = tx.send(result);
    });
    if let Err(e) = worker {
        return Err(vec![budget_error(format!("Der PDF-Vorgang kann nicht gestartet werden: {}.", crate::fsio::describe_io(&e)))]);
    }
    Ok(Pending { rx, deadline: Instant::now() + budget.time, budget, own_templates })
}

/// How often the memory of a user's template is looked at.
const MEMORY_STEP: Duration = Duration::from_millis(50);

impl Pending {
    /// The document, or the reason there is none.
    fn wait(self) -> Outcome {
        loop {
            let left = self.deadline.saturating_duration_since(Instant::now());
            let step = if self.own_templates { left.min(MEMORY_STEP) } else { left };
            match self.rx.recv_timeout(step) {
                Err(mpsc::RecvTimeoutError::Timeout) if Instant::now() < self.deadline => {
                    if let Some(used) = resident_bytes().filter(|used| *used > self.budget.max_memory) {
                        return Err(vec![budget_error(format!(
                            "Das PDF braucht mehr als {} MiB Arbeitsspeicher ({} MiB belegt); der Vorgang wurde abgebrochen. \
                             Die eigene Vorlage (`--vorlagen`) erzeugt vermutlich Seiten oder Inhalte in einer Schleife.",
                            self.budget.max_memory >> 20,
                            used >> 20
                        ))]);
                    }
                }
                other => return self.outcome(other),
            }
        }
    }

    fn outcome(&self, received: Result<Outcome, mpsc::RecvTimeoutError>) -> Outcome {
        match received {
            Ok(result) => result,
            Err(mpsc::RecvTimeoutError::Timeout) => {
                let secs = self.budget.time.as_secs();
                let why = if self.own_templates {
                    "Die eigene Vorlage (`--vorlagen`) enthält vermutlich eine sehr lange oder endlose Schleife."
                } else {
                    "Die eingebauten Vorlagen brauchen für jeden gültigen Plan etwa eine Sekunde; der Plan enthält vermutlich \
                     sehr viel Text (siehe die Befunde zu TEXT-LAENGE)."
                };
                Err(vec![budget_error(format!("Das PDF ist nach {secs} Sekunden nicht fertig; der Vorgang wurde abgebrochen. {why}"))])
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => Err(vec![budget_error(
                "Beim Erzeugen des PDFs ist ein interner Fehler aufgetreten (Absturz in der Satz- oder PDF-Bibliothek). \
                 Bitte melden Sie den Fehler mit der Plan-Datei."
                    .to_owned(),
            )]),
        }
    }
}

/// The resident memory of the process, where the system tells it.
fn resident_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kib: u64 = line.trim_start_matches("VmRSS:").trim().trim_end_matches("kB").trim().parse().ok()?;
    Some(kib * 1024)
}

/// Renders one document under a [`Budget`].
///
/// The work runs on its own thread: a template that runs past the time budget
/// is abandoned (`Err` with [`super::CODE_BUDGET`]), and a panic inside typst or
/// the PDF writer becomes an error too instead of ending the process.
pub fn render_budgeted(templates: &Templates, entry: &str, data_json: Vec<u8>, settings: &Settings, budget: Budget) -> Outcome {
    start(templates, entry, data_json, settings, budget)?.wait()
}

/// Renders many documents in parallel, in input order.
///
/// Keeps every PDF in memory; for large batches use [`render_each`].
#[must_use]
pub fn render_batch(templates: &Templates, jobs: Vec<Job>) -> Vec<Outcome> {
    let mut out = Vec::with_capacity(jobs.len());
    render_each(templates, jobs.into_iter().map(|j| ((), j)), |(), r| {
        out.push(r);
        true
    });
    out
}

/// Renders documents in parallel and hands each result to `each` in input order,
/// as soon as its group is done; `each` returns `false` to stop the batch.
///
/// Jobs are taken from the iterator one group (as many as there are threads;
/// one with templates of the user's) at a time and every PDF is dropped after `each` has seen it, so memory stays
/// flat however many documents there are. typst memoises layout work in a
/// process-wide cache; it is trimmed after each group for the same reason.
pub fn render_each<T>(templates: &Templates, jobs: impl IntoIterator<Item = (T, Job)>, mut each: impl FnMut(T, Outcome) -> bool) {
    // A user's template is set alone, so its memory can be told apart.
    let own_templates = templates.files().iter().any(|f| !f.embedded);
    let width = if own_templates { 1 } else { rayon::current_num_threads().max(1) };
    let mut jobs = jobs.into_iter();
    loop {
        let started: Vec<(T, Result<Pending, Vec<Diagnostic>>)> = jobs
            .by_ref()
            .take(width)
            .map(|(tag, job)| (tag, start(templates, super::templates::MAIN, job.data_json, &job.settings, Budget::default())))
            .collect();
        if started.is_empty() {
            return;
        }
        let mut go_on = true;
        for (tag, pending) in started {
            if !go_on {
                // Stopped: the rest of the group is abandoned on its threads.
                continue;
            }
            let result = pending.and_then(Pending::wait);
            go_on = each(tag, result);
        }
        typst::comemo::evict(0);
        if !go_on {
            return;
        }
    }
}
