//! The editor's state: the plan's text in memory, its findings, and the file on disk.
//!
//! The text in memory is the form's state: every change is made in it ([`crate::edit::yaml`])
//! and checked at once with the same library call as `mep validate`. The file is written only
//! by [`Session::save`], atomically, and never over a file that changed on disk since it was
//! read (another program, another tab).

use std::path::{Path, PathBuf};

use serde_json::Value;

use super::form::schema::{self, Field, Widget};
use super::form::value::{self, Input};
use super::path::{self, Seg};
use super::yaml::{self, Op};
use crate::diag::{Counts, Diagnostic};
use crate::load::Limits;
use crate::profile::Choice;

/// What a session is set up with.
#[derive(Clone)]
pub struct Options {
    /// The plan file (it may not exist yet).
    pub path: PathBuf,
    /// Input limits (`--max-groesse`); also the request body limit.
    pub limits: Limits,
    /// The rule profile (`--land`, `--programm`, `--profile`).
    pub choice: Choice,
    /// Markdown templates for the preview (`--templates`).
    pub markdown: crate::render::markdown::Templates,
    /// Typst templates for the PDF (`--templates`).
    pub typst: crate::render::pdf::Templates,
    /// `SOURCE_DATE_EPOCH`, for reproducible dates.
    pub source_date_epoch: Option<i64>,
}

/// Why saving did not happen.
#[derive(Debug, PartialEq, Eq)]
pub enum SaveError {
    /// The file changed on disk since it was read; nothing was written.
    Conflict,
    /// Nothing to save yet (no plan created).
    Empty,
    /// Writing failed (German message).
    Io(String),
}

/// The editor's state for one plan file.
pub struct Session {
    /// Settings.
    pub options: Options,
    /// The file's bytes when last read or written; `None` when there was no file.
    base: Option<Vec<u8>>,
    /// The plan's text in the editor; `None` until a new plan is created.
    text: Option<String>,
    /// The text read as YAML, when it can be.
    value: Option<Value>,
    /// Findings of the text, located and sorted.
    diagnostics: Vec<Diagnostic>,
    /// Counts of the findings.
    counts: Counts,
    /// A note for the page (last save or export), in German.
    pub notice: Option<String>,
}

impl Session {
    /// Reads the plan file (a missing one starts a new plan); `Err` (German) when it cannot be read.
    pub fn open(options: Options) -> Result<Self, String> {
        let base = match crate::fsio::read_bounded(&options.path, options.limits.max_bytes) {
            Ok(bytes) => Some(bytes),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => {
                return Err(format!("Datei `{}` kann nicht gelesen werden: {}.", options.path.display(), crate::fsio::describe_io(&e)));
            }
        };
        let mut s = Self { options, base: None, text: None, value: None, diagnostics: Vec::new(), counts: Counts::default(), notice: None };
        s.take_base(base);
        Ok(s)
    }

    fn take_base(&mut self, base: Option<Vec<u8>>) {
        self.text = base.as_ref().map(|b| {
            let b = b.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(b);
            String::from_utf8_lossy(b).into_owned()
        });
        self.base = base;
        self.recheck();
    }

    /// The plan file.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.options.path
    }

    /// The file name as shown (as given on the command line).
    #[must_use]
    pub fn name(&self) -> String {
        self.options.path.display().to_string()
    }

    /// The text in the editor, if a plan exists.
    #[must_use]
    pub fn text(&self) -> Option<&str> {
        self.text.as_deref()
    }

    /// The text read as YAML, if it can be (else the text view is shown).
    #[must_use]
    pub fn value(&self) -> Option<&Value> {
        self.value.as_ref()
    }

    /// The findings, located and sorted as `mep validate` prints them.
    #[must_use]
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// The counts of the findings.
    #[must_use]
    pub fn counts(&self) -> Counts {
        self.counts
    }

    /// Whether the editor holds changes the file does not have.
    #[must_use]
    pub fn dirty(&self) -> bool {
        match (&self.text, &self.base) {
            (Some(t), Some(b)) => t.as_bytes() != b.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(b),
            (Some(_), None) => true,
            (None, _) => false,
        }
    }

    /// Checks the text again: the same call as `mep validate`.
    fn recheck(&mut self) {
        let Some(text) = &self.text else {
            self.value = None;
            self.diagnostics.clear();
            self.counts = Counts::default();
            return;
        };
        let checked = crate::check_plan_for(&self.name(), text.as_bytes(), &self.options.limits, &self.options.choice);
        self.value = crate::load::yaml_value(text, &self.options.limits).ok().filter(Value::is_object);
        self.counts = Counts::of(&checked.diagnostics);
        self.diagnostics = checked.diagnostics;
    }

    /// Starts a new plan from the `mep init` skeleton (nothing is written yet).
    pub fn create(&mut self, answers: &crate::init::Answers) {
        let today = crate::init::today(self.options.source_date_epoch);
        let reference = crate::init::schema_reference(&self.options.path);
        self.text = Some(crate::init::skeleton(answers, today, &reference));
        self.notice = None;
        self.recheck();
    }

    /// Replaces the whole text (the text view).
    pub fn set_text(&mut self, text: &str) -> Result<(), String> {
        if text.len() > self.options.limits.max_bytes {
            return Err("Der Text ist größer als erlaubt.".to_owned());
        }
        self.text = Some(text.replace("\r\n", "\n").replace('\n', line_break(self.text.as_deref())));
        self.notice = None;
        self.recheck();
        Ok(())
    }

    /// Applies one change to the text (see [`crate::edit::yaml::apply`]).
    pub fn apply(&mut self, op: &Op) -> Result<(), String> {
        let (Some(text), Some(value)) = (&self.text, &self.value) else {
            return Err("Der Plan kann nicht gelesen werden; bitte in der Textansicht korrigieren.".to_owned());
        };
        let form = schema::plan();
        let order = |p: &[Seg]| form.order(p);
        let (new_text, _) = yaml::apply(text, value, op, &order, &self.options.limits)?;
        self.text = Some(new_text);
        self.notice = None;
        self.recheck();
        Ok(())
    }

    /// Applies what a field sent, if it differs from what the field shows; returns whether it changed anything.
    pub fn input(&mut self, path: &str, values: &[String]) -> Result<bool, String> {
        let segs = path::parse(path).ok_or("Unbekanntes Feld.")?;
        let field = schema::plan().at(&segs).ok_or("Unbekanntes Feld.")?;
        let current = self.value.as_ref().and_then(|v| path::get(v, &segs));
        let shown = super::form::html::display(field, current);
        let normalised: Vec<String> = values.iter().map(|v| v.replace("\r\n", "\n")).collect();
        if same_input(&shown, &normalised) {
            return Ok(false);
        }
        match value::read(field, &normalised, current) {
            Input::Set(v) => self.apply(&Op::Set(segs, v))?,
            Input::Remove => {
                if current.is_none() {
                    return Ok(false);
                }
                self.apply(&Op::Remove(segs.clone()))?;
                self.drop_empty_parents(&segs)?;
            }
        }
        Ok(true)
    }

    /// After a key was removed: optional mappings left empty are removed too.
    fn drop_empty_parents(&mut self, segs: &[Seg]) -> Result<(), String> {
        let mut at = segs.len() - 1;
        while at > 0 {
            let parent = &segs[..at];
            let empty = self
                .value
                .as_ref()
                .and_then(|v| path::get(v, parent))
                .is_some_and(|v| v.as_object().is_some_and(serde_json::Map::is_empty));
            let optional = schema::plan().at(parent).is_some_and(|f| !f.required) && matches!(parent.last(), Some(Seg::Key(_)));
            if !(empty && optional) {
                break;
            }
            self.apply(&Op::Remove(parent.to_vec()))?;
            at -= 1;
        }
        Ok(())
    }

    /// A new entry for the list at a path: with the next free id when the entries have ids.
    #[must_use]
    pub fn new_item(&self, list: &[Seg]) -> Option<Value> {
        let field = schema::plan().at(list)?;
        let Widget::List(item) = &field.widget else { return None };
        let existing = self.value.as_ref().and_then(|v| path::get(v, list)).and_then(Value::as_array).cloned().unwrap_or_default();
        Some(new_entry(item, &existing))
    }

    /// Saves the text to the file, atomically, unless the file changed on disk meanwhile.
    pub fn save(&mut self) -> Result<(), SaveError> {
        let text = self.text.clone().ok_or(SaveError::Empty)?;
        if self.disk_changed() {
            return Err(SaveError::Conflict);
        }
        let path = self.options.path.clone();
        let written = if self.base.is_some() {
            crate::fsio::write_atomic(&path, text.as_bytes())
        } else {
            crate::fsio::write_new(&path, text.as_bytes())
        };
        written.map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                SaveError::Conflict
            } else {
                SaveError::Io(format!("`{}` kann nicht geschrieben werden: {}.", path.display(), crate::fsio::describe_io(&e)))
            }
        })?;
        // A plan whose `$schema` names a schema file next to it gets that file (as `mep init` does).
        let _ = crate::init::write_schema_next_to(&path, &text);
        self.base = Some(text.into_bytes());
        Ok(())
    }

    /// Whether the file on disk differs from the one read or written last.
    #[must_use]
    pub fn disk_changed(&self) -> bool {
        self.disk() != self.base
    }

    /// The file's bytes now (`None` when missing or unreadable).
    #[must_use]
    pub fn disk(&self) -> Option<Vec<u8>> {
        crate::fsio::read_bounded(&self.options.path, self.options.limits.max_bytes).ok()
    }

    /// Reads the file again and drops the editor's changes.
    pub fn reload(&mut self) {
        let base = self.disk();
        self.notice = None;
        self.take_base(base);
    }
}

/// Whether the submitted values are what the field shows (checked boxes in any order).
fn same_input(shown: &[String], sent: &[String]) -> bool {
    fn norm(v: &[String]) -> (&str, Vec<&str>) {
        let mut rest: Vec<&str> = v.iter().skip(1).map(String::as_str).collect();
        rest.sort_unstable();
        (v.first().map_or("", String::as_str), rest)
    }
    norm(shown) == norm(sent)
}

/// The line break of a text (CRLF when it has one).
fn line_break(text: Option<&str>) -> &'static str {
    if text.is_some_and(|t| t.contains("\r\n")) { "\r\n" } else { "\n" }
}

/// A new list entry: the next free id (`B4` after `B1`–`B3`), else the first required field empty.
#[must_use]
pub fn new_entry(item: &Field, existing: &[Value]) -> Value {
    let mut map = serde_json::Map::new();
    let Widget::Group(fields) = &item.widget else { return Value::String(String::new()) };
    if fields.iter().any(|f| f.key == "id") {
        let ids: Vec<&str> = existing.iter().filter_map(|v| v.get("id")?.as_str()).collect();
        let example = fields
            .iter()
            .find(|f| f.key == "id")
            .and_then(|f| f.examples.first().cloned().or_else(|| f.help.split_once("z. B. ").map(|(_, e)| e.to_owned())))
            .unwrap_or_default();
        let prefix: String = ids.first().map_or(example.as_str(), |id| id).chars().take_while(|c| c.is_alphabetic()).collect();
        let prefix = if prefix.is_empty() { "E".to_owned() } else { prefix };
        let mut n = ids.len() + 1;
        while ids.contains(&format!("{prefix}{n}").as_str()) {
            n += 1;
        }
        map.insert("id".to_owned(), Value::String(format!("{prefix}{n}")));
    } else if let Some(first) = fields.iter().find(|f| f.required).or_else(|| fields.first()) {
        map.insert(first.key.clone(), Value::String(String::new()));
    }
    Value::Object(map)
}
