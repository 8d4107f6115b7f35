//! The hermetic typst `World`: embedded fonts, a fixed date, in-memory files only.
//!
//! Nothing here touches the file system or the network. The template files and
//! the data file are handed in as bytes; every other path, and every package
//! import, is refused. The date typst sees is the plan's `stand`, so the same
//! plan gives the same document on any day.

use std::collections::HashMap;
use std::sync::LazyLock;

use typst::diag::{FileError, FileResult, PackageError};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};

use crate::glyphs::FONTS;
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

/// The standard library without `sys.inputs`: data reaches a template only as a file.
static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::builder().build()));

/// The interned id of a project path such as `/plan.typ`.
///
/// Ids are interned for the life of the process (at most 2^16), so only the
/// fixed template and data paths are ever turned into ids.
pub(crate) fn file_id(path: &str) -> Option<FileId> {
    Some(RootedPath::new(VirtualRoot::Project, VirtualPath::new(path).ok()?).intern())
}

/// One document's world: the template sources, the data file and a date.
pub struct PlanWorld {
    /// The entry template.
    main: FileId,
    /// Template files, parsed.
    sources: HashMap<FileId, Source>,
    /// Non-source files (the data JSON).
    files: HashMap<FileId, Bytes>,
    /// What `datetime.today()` returns.
    today: Option<Datetime>,
    /// A pack's fonts after the embedded ones, with the book of both; `None` without pack fonts.
    extra: Option<(LazyHash<FontBook>, Vec<Font>)>,
}

impl PlanWorld {
    /// Builds a world from parsed template sources, the entry id and the date.
    pub(crate) fn new(main: FileId, sources: &[Source], today: Option<Datetime>) -> Self {
        Self { main, sources: sources.iter().map(|s| (s.id(), s.clone())).collect(), files: HashMap::new(), today, extra: None }
    }

    /// Adds a pack's fonts after the embedded ones (typst picks them by family name).
    pub(crate) fn with_fonts(mut self, fonts: &[Font]) -> Self {
        if !fonts.is_empty() {
            let all: Vec<Font> = FONTS.all().iter().chain(fonts).cloned().collect();
            self.extra = Some((LazyHash::new(FontBook::from_fonts(&all)), fonts.to_vec()));
        }
        self
    }

    /// Adds an in-memory file, e.g. `/data.json`.
    pub(crate) fn with_file(mut self, id: FileId, data: Vec<u8>) -> Self {
        self.files.insert(id, Bytes::new(data));
        self
    }
}

impl World for PlanWorld {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.extra.as_ref().map_or_else(|| FONTS.book(), |(book, _)| book)
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if let Some(source) = self.sources.get(&id) {
            return Ok(source.clone());
        }
        let bytes = self.file(id)?;
        let text = std::str::from_utf8(bytes.as_slice()).map_err(|_| FileError::InvalidUtf8)?;
        Ok(Source::new(id, text.to_owned()))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if let VirtualRoot::Package(spec) = id.root() {
            return Err(FileError::Package(PackageError::NotFound(spec.clone())));
        }
        if let Some(source) = self.sources.get(&id) {
            return Ok(Bytes::from_string(source.clone()));
        }
        match self.files.get(&id) {
            Some(bytes) => Ok(bytes.clone()),
            None => Err(FileError::NotFound(id.vpath().get_with_slash().into())),
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        match index.checked_sub(FONTS.len()) {
            None => FONTS.font(index),
            Some(i) => self.extra.as_ref().and_then(|(_, fonts)| fonts.get(i).cloned()),
        }
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        self.today
    }
}
