//! The typst templates: embedded at build time, overridable from a directory.

use std::path::Path;

use typst::syntax::{FileId, Source};

use super::world::file_id;
use crate::render::pack;
use crate::source::SourceFile;

/// The entry template.
pub const MAIN: &str = "plan.typ";

macro_rules! embedded {
    ($($name:literal),+ $(,)?) => {
        /// The templates shipped with mep: (file name, text). `plan.typ` includes one file per chapter,
        /// named like the Markdown chapter; `stil.typ` holds the look, `daten.typ` the access to the data.
        pub const EMBEDDED: &[(&str, &str)] = &[$(($name, include_str!(concat!("../../../templates/typst/", $name)))),+];
    };
}

embedded!(
    "plan.typ",
    "stil.typ",
    "daten.typ",
    "entwurf.typ",
    "deckblatt.typ",
    "zusammenfassung.typ",
    "schulprofil.typ",
    "leitbild.typ",
    "ist-analyse.typ",
    "ziele.typ",
    "mediencurriculum.typ",
    "einsatzkonzept.typ",
    "ausstattung.typ",
    "datenschutz.typ",
    "fortbildung.typ",
    "betrieb.typ",
    "zeitplan.typ",
    "finanzierung.typ",
    "evaluation.typ",
    "abschluss.typ",
    "anhang-bestand.typ",
    "anhang-matrix.typ",
    "anhang-pruefbericht.typ",
    "markdown.typ",
    "charts.typ",
    "review.typ",
    "anhaenge.typ",
    "traegerplan.typ",
    "zusatzkapitel.typ",
);

/// The entry template of the Schulträger overview (`mep review --format pdf`).
pub const REVIEW_MAIN: &str = "review.typ";

/// The entry template of the Schulträger's own plan (`mep traegerplan --format pdf`).
pub const TRAEGERPLAN_MAIN: &str = "traegerplan.typ";

/// Path of the pack's settings (logo, colours) inside the typst world, read by `stil.typ`.
pub const SETTINGS_PATH: &str = "/vorlagen.json";

/// Path of the shared wording inside the typst world, read by `daten.typ`.
pub const WORDING_PATH: &str = "/wortlaut.json";

/// Where embedded templates are shown to come from in diagnostics.
const EMBEDDED_DIR: &str = "templates/typst";

/// Largest template file read from a directory.
const MAX_FILE_BYTES: usize = 1024 * 1024;

/// Most template files read from a directory.
const MAX_FILES: usize = 64;

/// One template file.
#[derive(Clone, Debug)]
pub struct TemplateFile {
    /// File name inside the template set, e.g. `plan.typ`.
    pub name: String,
    /// Where the text came from, as shown to users (`vorlagen/plan.typ`).
    pub origin: String,
    /// Whether the file is one of the embedded templates.
    pub embedded: bool,
    /// The parsed source.
    source: Source,
}

impl TemplateFile {
    /// The template text.
    #[must_use]
    pub fn text(&self) -> &str {
        self.source.text()
    }
}

/// A complete set of templates, ready to compile.
#[derive(Clone, Debug)]
pub struct Templates {
    files: Vec<TemplateFile>,
    /// Images of a pack, served to typst under `/NAME` (checked PNG, SVG or JPEG).
    assets: Vec<(String, Vec<u8>)>,
    /// The pack's settings (logo, colours), served as `/vorlagen.json`.
    settings: Vec<u8>,
    /// The shared wording, served as `/wortlaut.json`.
    wortlaut: Vec<u8>,
    /// A pack's fonts (listed in its manifest with a licence that allows embedding).
    fonts: Vec<typst::text::Font>,
}

/// A template directory that cannot be used.
#[derive(Debug)]
pub struct TemplateDirError {
    /// German description for users.
    pub message: String,
}

impl Templates {
    /// The embedded templates.
    #[must_use]
    pub fn embedded() -> Self {
        let settings = serde_json::to_vec(&pack::pdf_settings(None)).unwrap_or_default();
        let wortlaut = serde_json::to_vec(&pack::wortlaut::builtin()).unwrap_or_default();
        let mut t = Self { files: Vec::new(), assets: Vec::new(), settings, wortlaut, fonts: Vec::new() };
        for (name, text) in EMBEDDED {
            t.insert(name, format!("{EMBEDDED_DIR}/{name}"), (*text).to_owned(), true);
        }
        t
    }

    /// The embedded templates with every `*.typ` file of `dir` put over them.
    ///
    /// A file named like an embedded one replaces it; other files are added
    /// and can be imported by the templates (`#import "teil.typ": *`).
    ///
    /// The folder is read through [`crate::contained::Folder`]: a `.typ` file that leads
    /// outside it (a symbolic link to a system file, say) refuses the whole folder.
    pub fn with_dir(dir: &Path) -> Result<Self, TemplateDirError> {
        let fail = |e: crate::contained::FolderError| TemplateDirError { message: e.message };
        let limits = crate::contained::Limits { max_file_bytes: MAX_FILE_BYTES, max_files: MAX_FILES, max_depth: 0, ..Default::default() };
        let folder = crate::contained::Folder::open(dir, limits).map_err(fail)?;
        let mut t = Self::embedded();
        for name in folder.files("typ").map_err(fail)? {
            let text = folder.read_text(&name).map_err(fail)?;
            let shown = folder.display(&name);
            if file_id(&format!("/{name}")).is_none() {
                return Err(TemplateDirError { message: format!("Vorlage `{shown}`: Dateiname nicht verwendbar.") });
            }
            t.insert(&name, shown, text, false);
        }
        Ok(t)
    }

    /// The embedded templates with a pack's typst files over them, its images and its settings.
    ///
    /// The pack was read through its contained folder; what could not be read is in
    /// [`pack::Pack::refused`] and not used here.
    pub fn from_pack(pack: &pack::Pack) -> Result<Self, TemplateDirError> {
        let mut t = Self::embedded();
        for (name, text) in &pack.typst {
            if file_id(&format!("/{name}")).is_none() {
                return Err(TemplateDirError { message: format!("Vorlage `{}`: Dateiname nicht verwendbar.", pack.folder.display(name)) });
            }
            t.insert(name, pack.folder.display(name), text.clone(), false);
        }
        t.assets.clone_from(&pack.images);
        t.fonts = pack
            .usable_fonts()
            .into_iter()
            .flat_map(|(_, bytes)| typst::text::Font::iter(typst::foundations::Bytes::new(bytes.to_vec())))
            .collect();
        t.settings = serde_json::to_vec(&pack.pdf_settings()).unwrap_or_default();
        if let Some(w) = &pack.wortlaut {
            t.wortlaut = serde_json::to_vec(w).unwrap_or_default();
        }
        Ok(t)
    }

    /// The files typst reads besides the templates and the data: the pack's images and `/vorlagen.json`.
    pub(crate) fn extra_files(&self) -> impl Iterator<Item = (String, &[u8])> {
        let settings =
            [(SETTINGS_PATH.to_owned(), self.settings.as_slice()), (WORDING_PATH.to_owned(), self.wortlaut.as_slice())].into_iter();
        settings.chain(self.assets.iter().map(|(name, bytes)| (format!("/{name}"), bytes.as_slice())))
    }

    fn insert(&mut self, name: &str, origin: String, text: String, embedded: bool) {
        let Some(id) = file_id(&format!("/{name}")) else { return };
        let file = TemplateFile { name: name.to_owned(), origin, embedded, source: Source::new(id, text) };
        match self.files.iter_mut().find(|f| f.name == name) {
            Some(slot) => *slot = file,
            None => self.files.push(file),
        }
    }

    /// The pack's fonts, for the world.
    pub(crate) fn fonts(&self) -> &[typst::text::Font] {
        &self.fonts
    }

    /// All files of the set.
    #[must_use]
    pub fn files(&self) -> &[TemplateFile] {
        &self.files
    }

    /// The file typst knows under `id`.
    pub(crate) fn by_id(&self, id: FileId) -> Option<&TemplateFile> {
        self.files.iter().find(|f| f.source.id() == id)
    }

    /// The parsed sources, for the world.
    pub(crate) fn sources(&self) -> Vec<Source> {
        self.files.iter().map(|f| f.source.clone()).collect()
    }

    /// The id of the entry file `name`.
    pub(crate) fn entry_id(&self, name: &str) -> Option<FileId> {
        self.files.iter().find(|f| f.name == name).map(|f| f.source.id())
    }

    /// A template as a [`SourceFile`] named by its origin, for showing diagnostics with the line.
    #[must_use]
    pub fn source_file(&self, origin: &str) -> Option<SourceFile> {
        self.files.iter().find(|f| f.origin == origin).map(|f| SourceFile::new(f.origin.clone(), f.text().to_owned()))
    }
}
