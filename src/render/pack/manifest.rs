//! The manifest of a template pack (`vorlagen.yaml`) and the template-data version.
//!
//! The manifest names the pack, its version and licence, the version of the template data
//! it was written for, and optionally a logo, colours and fonts. Template-data versions
//! follow one rule: additions to the data raise the minor version and keep old packs
//! working; removals and renames raise the major version, and a pack written for another
//! major version is refused with a message that names what changed.

use std::sync::LazyLock;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::load::{Limits, Loaded, Schema, load_document};

/// File name of the manifest inside a pack.
pub const MANIFEST: &str = "vorlagen.yaml";

/// The version of the template data (`/data.json` of the PDF, the view of the Markdown
/// templates) this build of mep provides: (major, minor).
pub const DATA_VERSION: (u32, u32) = (1, 2);

/// What changed with each major version of the template data, newest last: (major, change).
/// A pack written for an older major version is refused with the changes since then.
pub const MAJOR_CHANGES: &[(u32, &str)] = &[(1, "erste Fassung der Vorlagendaten (`meta`, `view`, `charts`)")];

/// Ein Vorlagenpaket: Name, Version, Lizenz, Datenversion, Logo, Farben und Schriften.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Vorlagenpaket (mep)", description = "Manifest eines Vorlagenpakets für `mep render --vorlagen ORDNER`.")]
pub struct Manifest {
    /// Name des Pakets, z. B. `Vorlagen des Kreises Lindenau`.
    pub name: String,
    /// Version des Pakets, z. B. `1.0.0`.
    pub version: String,
    /// Lizenz des Pakets als SPDX-Kennung, z. B. `EUPL-1.2`.
    pub lizenz: String,
    /// Version der Vorlagendaten, für die das Paket geschrieben ist, z. B. `"1.0"`.
    pub datenversion: String,
    /// Logo auf dem Deckblatt des PDF (PNG, SVG oder JPEG im Paket).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo: Option<Logo>,
    /// Farben des PDF.
    #[serde(default)]
    pub farben: Farben,
    /// Schriften im Paket; nur mit einer Lizenz, die das Einbetten erlaubt.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub schriften: Vec<Schrift>,
}

/// Das Logo des Pakets.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Logo {
    /// Bilddatei im Paket, z. B. `bilder/logo.png`.
    pub datei: String,
    /// Beschreibung des Bildes für Screenreader (PDF/UA), z. B. `Wappen des Kreises Lindenau`.
    pub alternativtext: String,
}

/// Farben als `#rrggbb`.
#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Farben {
    /// Farbe von Verweisen und Diagrammen, z. B. `"#1f5f8b"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub akzent: Option<String>,
    /// Farbe des Entwurfshinweises, z. B. `"#b5473f"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entwurf: Option<String>,
}

/// Eine Schriftdatei im Paket.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Schrift {
    /// Schriftdatei im Paket (`.otf` oder `.ttf`).
    pub datei: String,
    /// Lizenz der Schrift als SPDX-Kennung, z. B. `OFL-1.1`.
    pub lizenz: String,
}

/// Font licences that allow embedding the font in a document.
pub const EMBEDDABLE_FONT_LICENCES: &[&str] =
    &["OFL-1.1", "Apache-2.0", "MIT", "GPL-2.0-with-font-exception", "LPPL-1.3c", "Bitstream-Vera", "CC0-1.0"];

static MANIFEST_SCHEMA: LazyLock<Schema> = LazyLock::new(Schema::of::<Manifest>);

/// Reads a manifest under the input budgets, located diagnostics like a plan.
#[must_use]
pub fn read(name: &str, bytes: &[u8]) -> Loaded<Manifest> {
    load_document::<Manifest>(name, bytes, &Limits::default(), &MANIFEST_SCHEMA)
}

/// The parsed `major.minor` of a data version.
#[must_use]
pub fn parse_version(text: &str) -> Option<(u32, u32)> {
    let (major, minor) = text.trim().split_once('.')?;
    Some((major.parse().ok()?, minor.parse().ok()?))
}

/// Why the data version a pack was written for cannot be served, in German; `None` when it can.
#[must_use]
pub fn version_problem(written_for: &str) -> Option<String> {
    let (ours_major, ours_minor) = DATA_VERSION;
    let Some((major, minor)) = parse_version(written_for) else {
        return Some(format!(
            "`datenversion: {written_for}` ist keine Version der Form `1.0`; diese mep-Version liefert die Vorlagendaten {ours_major}.{ours_minor}."
        ));
    };
    if major == ours_major && minor <= ours_minor {
        return None;
    }
    if major == ours_major {
        return Some(format!(
            "Das Paket ist für die Vorlagendaten {major}.{minor} geschrieben, diese mep-Version liefert erst {ours_major}.{ours_minor}. \
             Aktualisieren Sie mep oder setzen Sie `datenversion: \"{ours_major}.{ours_minor}\"`, wenn das Paket keine neueren Daten braucht."
        ));
    }
    let changes: Vec<&str> =
        MAJOR_CHANGES.iter().filter(|(m, _)| *m > major.min(ours_major) && *m <= major.max(ours_major)).map(|(_, c)| *c).collect();
    let what = if changes.is_empty() { String::from("Schlüssel wurden entfernt oder umbenannt") } else { changes.join("; ") };
    Some(format!(
        "Das Paket ist für die Vorlagendaten {major}.{minor} geschrieben, diese mep-Version liefert {ours_major}.{ours_minor}; \
         zwischen den Hauptversionen hat sich geändert: {what}. Passen Sie die Vorlagen an (`mep vorlagen exportieren` zeigt die \
         aktuellen) und setzen Sie dann `datenversion: \"{ours_major}.{ours_minor}\"`."
    ))
}

/// Whether `text` is a colour `#rrggbb`.
#[must_use]
pub fn is_colour(text: &str) -> bool {
    text.len() == 7 && text.starts_with('#') && text[1..].chars().all(|c| c.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minor_additions_keep_packs_and_majors_refuse() {
        assert_eq!(version_problem("1.0"), None);
        assert!(version_problem("1.9").is_some_and(|m| m.contains("erst 1.2")));
        assert_eq!(version_problem("1.2"), None);
        assert!(version_problem("0.3").is_some_and(|m| m.contains("geändert")));
        assert!(version_problem("eins").is_some_and(|m| m.contains("keine Version")));
        assert!(is_colour("#1f5f8B") && !is_colour("1f5f8b") && !is_colour("#1f5f8"));
    }
}
