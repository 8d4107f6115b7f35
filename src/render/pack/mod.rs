//! Template packs: a folder with a manifest (`vorlagen.yaml`), chapters in either format,
//! and assets (PNG, SVG, JPEG) the PDF can use.
//!
//! A pack is read once, through [`crate::contained::Folder`] (contained, size-limited), into memory:
//! the Markdown chapters, the typst files and the images. A folder without a manifest is read
//! the same way, as the template folders of earlier versions (`--templates DIR`).

pub mod keys;
pub mod manifest;
pub mod reference;
pub mod wortlaut;

use manifest::Manifest;

use crate::contained::{Folder, Limits};
use crate::diag::Diagnostic;
use crate::source::SourceFile;

/// Largest template text file of a pack.
const MAX_TEXT_BYTES: usize = 1024 * 1024;

/// Largest image of a pack.
pub const MAX_IMAGE_BYTES: usize = 2 * 1024 * 1024;

/// Largest font file of a pack.
pub const MAX_FONT_BYTES: usize = 8 * 1024 * 1024;

/// Most files in a pack, and the deepest subfolder read.
const MAX_FILES: usize = 200;
const MAX_DEPTH: usize = 4;

/// Most bytes read from one pack.
const MAX_TOTAL_BYTES: usize = 32 * 1024 * 1024;

/// The kinds of file a pack holds, by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The manifest `vorlagen.yaml`.
    Manifest,
    /// The shared wording `wortlaut.yaml`.
    Wortlaut,
    /// A Markdown (tera) template, `*.md`.
    Markdown,
    /// A typst template, `*.typ`.
    Typst,
    /// An image, `*.png`, `*.svg`, `*.jpg`, `*.jpeg`.
    Image,
    /// A font, `*.otf`, `*.ttf`.
    Font,
    /// Anything else: not used by mep.
    Other,
}

/// The kind of the file `name`.
#[must_use]
pub fn kind_of(name: &str) -> Kind {
    if name == manifest::MANIFEST {
        return Kind::Manifest;
    }
    if name == wortlaut::FILE {
        return Kind::Wortlaut;
    }
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    match ext.as_str() {
        "md" => Kind::Markdown,
        "typ" => Kind::Typst,
        "png" | "svg" | "jpg" | "jpeg" => Kind::Image,
        "otf" | "ttf" => Kind::Font,
        _ => Kind::Other,
    }
}

/// A template pack read into memory.
#[derive(Debug)]
pub struct Pack {
    /// The folder.
    pub folder: Folder,
    /// The manifest, when the folder has one that could be read.
    pub manifest: Option<Manifest>,
    /// The manifest's text, for locating findings.
    pub manifest_source: Option<SourceFile>,
    /// Findings about the manifest (syntax, unknown keys, data version, logo, colours).
    pub findings: Vec<Diagnostic>,
    /// The pack's shared wording (`wortlaut.yaml`) as the templates read it, when it has one.
    pub wortlaut: Option<serde_json::Value>,
    /// Markdown templates: relative name and text.
    pub markdown: Vec<(String, String)>,
    /// typst templates: relative name and text.
    pub typst: Vec<(String, String)>,
    /// Images: relative name and bytes, each checked to be what its name says.
    pub images: Vec<(String, Vec<u8>)>,
    /// Font files: relative name and bytes (used only when the manifest lists them with a licence that allows embedding).
    pub fonts: Vec<(String, Vec<u8>)>,
    /// Files that could not be used: name and German reason (outside the folder, too large, not an image …).
    pub refused: Vec<(String, String)>,
    /// Files of no kind mep uses.
    pub other: Vec<String>,
}

impl Pack {
    /// Reads the folder `dir`; `Err` when the folder itself cannot be read.
    pub fn read(dir: &std::path::Path) -> Result<Self, String> {
        let limits =
            Limits { max_file_bytes: MAX_FONT_BYTES, max_total_bytes: MAX_TOTAL_BYTES, max_files: MAX_FILES, max_depth: MAX_DEPTH };
        let folder = Folder::open(dir, limits).map_err(|e| e.message)?;
        let names = folder.entries().map_err(|e| e.message)?;
        let mut pack = Self {
            folder,
            manifest: None,
            manifest_source: None,
            findings: Vec::new(),
            wortlaut: None,
            markdown: Vec::new(),
            typst: Vec::new(),
            images: Vec::new(),
            fonts: Vec::new(),
            refused: Vec::new(),
            other: Vec::new(),
        };
        for name in names {
            pack.take(&name);
        }
        pack.check_manifest();
        Ok(pack)
    }

    /// Reads one file of the folder into its place.
    fn take(&mut self, name: &str) {
        let kind = kind_of(name);
        let limit = match kind {
            Kind::Image => MAX_IMAGE_BYTES,
            Kind::Font => MAX_FONT_BYTES,
            _ => MAX_TEXT_BYTES,
        };
        if kind == Kind::Other {
            // Not read, but a link that leads outside the pack is refused all the same.
            match self.folder.resolve(name) {
                Ok(_) => self.other.push(name.to_owned()),
                Err(why) => self.refused.push((name.to_owned(), why.message)),
            }
            return;
        }
        let bytes = match self.folder.read_at_most(name, limit) {
            Ok(b) => b,
            Err(why) => return self.refused.push((name.to_owned(), why.message)),
        };
        if kind == Kind::Font {
            let faces = typst::text::Font::iter(typst::foundations::Bytes::new(bytes.clone())).count();
            if faces == 0 {
                let why = format!("`{}` ist keine lesbare Schriftdatei (OpenType oder TrueType).", self.folder.display(name));
                return self.refused.push((name.to_owned(), why));
            }
            return self.fonts.push((name.to_owned(), bytes));
        }
        if kind == Kind::Image {
            match image_problem(name, &bytes) {
                None => self.images.push((name.to_owned(), bytes)),
                Some(why) => self.refused.push((name.to_owned(), format!("`{}`: {why}", self.folder.display(name)))),
            }
            return;
        }
        let Ok(text) = String::from_utf8(bytes) else {
            let why = format!("`{}` ist keine UTF-8-Textdatei.", self.folder.display(name));
            return self.refused.push((name.to_owned(), why));
        };
        match kind {
            Kind::Manifest => {
                let loaded = manifest::read(&self.folder.display(name), text.as_bytes());
                self.findings.extend(loaded.diagnostics);
                self.manifest = loaded.value;
                self.manifest_source = Some(loaded.source);
            }
            Kind::Wortlaut => {
                let loaded = wortlaut::read(&self.folder.display(name), text.as_bytes());
                self.findings.extend(loaded.diagnostics);
                self.wortlaut = loaded.value.as_ref().map(wortlaut::completed);
            }
            Kind::Markdown => self.markdown.push((name.to_owned(), text)),
            _ => self.typst.push((name.to_owned(), text)),
        }
    }

    /// Checks what the manifest's structure cannot show: data version, logo file, colours, font licences.
    fn check_manifest(&mut self) {
        let Some(m) = self.manifest.clone() else { return };
        let mut problems: Vec<(&str, String)> = Vec::new();
        if let Some(why) = manifest::version_problem(&m.datenversion) {
            problems.push(("datenversion", why));
        }
        if let Some(logo) = m.logo.as_ref().filter(|l| !self.images.iter().any(|(n, _)| *n == l.datei)) {
            let why = self.refused.iter().find(|(n, _)| *n == logo.datei).map_or_else(
                || format!("Die Logodatei `{}` liegt nicht im Paket (erlaubt: PNG, SVG, JPEG).", logo.datei),
                |(_, why)| why.clone(),
            );
            problems.push(("logo.datei", why));
        }
        for (key, colour) in [("farben.akzent", &m.farben.akzent), ("farben.entwurf", &m.farben.entwurf)] {
            if let Some(c) = colour.as_ref().filter(|c| !manifest::is_colour(c)) {
                problems.push((key, format!("Die Farbe `{c}` ist keine Farbe der Form `#1f5f8b`.")));
            }
        }
        for font in &m.schriften {
            if !self.fonts.iter().any(|(n, _)| *n == font.datei) {
                let why = self.refused.iter().find(|(n, _)| *n == font.datei).map_or_else(
                    || format!("Die Schriftdatei `{}` liegt nicht im Paket (erlaubt: `.otf`, `.ttf`).", font.datei),
                    |(_, why)| why.clone(),
                );
                problems.push(("schriften", why));
            }
            if !manifest::EMBEDDABLE_FONT_LICENCES.contains(&font.lizenz.as_str()) {
                problems.push((
                    "schriften",
                    format!(
                        "Die Schrift `{}` hat die Lizenz `{}`, die das Einbetten in Dokumente nicht sicher erlaubt; erlaubt sind: {}.",
                        font.datei,
                        font.lizenz,
                        manifest::EMBEDDABLE_FONT_LICENCES.join(", ")
                    ),
                ));
            }
        }
        for (key, why) in problems {
            let mut d = Diagnostic::new(&crate::rules::pdf::VORLAGEN_PAKET, crate::diag::Severity::Fehler, key, why);
            if let Some(source) = &self.manifest_source {
                source.locate(&mut d);
            }
            self.findings.push(d);
        }
    }

    /// The settings the PDF template reads from `/vorlagen.json`: logo, colours and font families.
    #[must_use]
    pub fn pdf_settings(&self) -> serde_json::Value {
        let mut settings = pdf_settings(self.manifest.as_ref());
        let mut families: Vec<String> = Vec::new();
        for (_, bytes) in self.usable_fonts() {
            for font in typst::text::Font::iter(typst::foundations::Bytes::new(bytes.to_vec())) {
                let family = font.info().family.clone();
                if !families.contains(&family) {
                    families.push(family);
                }
            }
        }
        settings["schriften"] = serde_json::json!(families);
        settings
    }

    /// The font files the manifest lists with a licence that allows embedding them: name and bytes.
    #[must_use]
    pub fn usable_fonts(&self) -> Vec<(&str, &[u8])> {
        let Some(m) = &self.manifest else { return Vec::new() };
        m.schriften
            .iter()
            .filter(|f| manifest::EMBEDDABLE_FONT_LICENCES.contains(&f.lizenz.as_str()))
            .filter_map(|f| self.fonts.iter().find(|(n, _)| *n == f.datei))
            .map(|(n, b)| (n.as_str(), b.as_slice()))
            .collect()
    }
}

/// The settings of `/vorlagen.json` for a manifest, or the built-in ones without.
#[must_use]
pub fn pdf_settings(manifest: Option<&Manifest>) -> serde_json::Value {
    let akzent = manifest.and_then(|m| m.farben.akzent.clone()).unwrap_or_else(|| "#1f5f8b".to_owned());
    let entwurf = manifest.and_then(|m| m.farben.entwurf.clone()).unwrap_or_else(|| "#b5473f".to_owned());
    let logo = manifest
        .and_then(|m| m.logo.as_ref())
        .map(|l| serde_json::json!({ "pfad": format!("/{}", l.datei), "alternativtext": l.alternativtext }));
    serde_json::json!({
        "name": manifest.map(|m| m.name.clone()),
        "logo": logo,
        "farben": { "akzent": akzent, "entwurf": entwurf },
        "schriften": [],
    })
}

/// Why the bytes of the image `name` are not the image its name says, in German; `None` when they are.
#[must_use]
pub fn image_problem(name: &str, bytes: &[u8]) -> Option<String> {
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    let ok = match ext.as_str() {
        "png" => bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
        "jpg" | "jpeg" => bytes.starts_with(&[0xFF, 0xD8, 0xFF]),
        "svg" => std::str::from_utf8(bytes).is_ok_and(|t| {
            let head = t.trim_start_matches('\u{feff}').trim_start();
            (head.starts_with("<?xml") || head.starts_with("<svg") || head.starts_with("<!--")) && t.contains("<svg")
        }),
        _ => false,
    };
    if ok {
        None
    } else {
        Some(format!("Der Inhalt ist kein {}-Bild; erlaubt sind PNG, SVG und JPEG, jeweils höchstens 2 MiB.", ext.to_ascii_uppercase()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images_are_checked_by_content() {
        assert_eq!(image_problem("a.png", b"\x89PNG\r\n\x1a\nrest"), None);
        assert!(image_problem("a.png", b"GIF89a").is_some());
        assert_eq!(image_problem("a.JPG", &[0xFF, 0xD8, 0xFF, 0xE0]), None);
        assert_eq!(image_problem("a.svg", b"<?xml version=\"1.0\"?><svg/>"), None);
        assert!(image_problem("a.svg", b"<html><svg/></html>").is_some());
        assert_eq!(kind_of("vorlagen.yaml"), Kind::Manifest);
        assert_eq!(kind_of("review/uebersicht.md"), Kind::Markdown);
        assert_eq!(kind_of("bilder/Logo.PNG"), Kind::Image);
    }
}
