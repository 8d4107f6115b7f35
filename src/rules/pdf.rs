//! Codes raised while setting a PDF: template errors, the PDF standards, time and page budgets.
//! They are raised by [`crate::render::pdf`] and have no check on a plan.

use super::{Entry, Rule};
use crate::diag::Severity::Fehler;

pub(super) static RULES: &[Entry] = &[
    (&PDF_VORLAGE, None),
    (&PDF_STANDARD, None),
    (&PDF_GRENZE, None),
    (&VORLAGEN_PAKET, None),
    (&VORLAGEN_SCHLUESSEL, None),
    (&MARKDOWN_VORLAGE, None),
];

/// `PDF-VORLAGE`: Fehler in der PDF-Vorlage
pub static PDF_VORLAGE: Rule = Rule {
    code: "PDF-VORLAGE",
    title: "Fehler in der PDF-Vorlage",
    severity: Fehler,
    explanation: "Die Satzvorlage (typst) des PDFs meldet einen Fehler oder einen Hinweis. Mit den mitgelieferten Vorlagen tritt das \
nur bei einem Fehler in mep auf; meist stammt der Fehler aus einer eigenen Vorlage (`--vorlagen ORDNER`). Die Meldung nennt Datei, \
Zeile und Spalte in der Vorlage und die Originalmeldung von typst. Beheben Sie die Stelle in der Vorlage oder lassen Sie \
`--vorlagen` weg, um die mitgelieferten Vorlagen zu verwenden.",
    bad: "# templates/plan.typ mit einem Tippfehler: #let x = (\n",
    good: "# templates/plan.typ ohne Fehler\n",
    sources: &[],
};

/// `PDF-STANDARD`: PDF erfüllt den gewählten Standard nicht
pub static PDF_STANDARD: Rule = Rule {
    code: "PDF-STANDARD",
    title: "PDF erfüllt den gewählten Standard nicht",
    severity: Fehler,
    explanation: "mep erzeugt das PDF archivierbar (PDF/A) und barrierefrei (PDF/UA). Bevor die Datei geschrieben wird, prüft die \
Satzbibliothek, ob das Dokument den gewählten Standards (`--pdf-standard`) entspricht; hier ist das nicht der Fall, z. B. weil ein \
Text Zeichen enthält, die PDF/UA verbietet, oder eine eigene Vorlage ein Bild ohne Alternativtext setzt. Die Meldung nennt den Grund. \
Beheben Sie ihn im Plan oder in der Vorlage; zum Ausprobieren hilft `--pdf-standard none`.",
    bad: "# eine eigene Vorlage mit #image(\"logo.png\") ohne alt-Text\n",
    good: "# #image(\"logo.png\", alt: \"Logo des Schulträgers\")\n",
    sources: &[],
};

/// `PDF-GRENZE`: PDF-Erzeugung über ihrer Grenze abgebrochen
pub static PDF_GRENZE: Rule = Rule {
    code: "PDF-GRENZE",
    title: "PDF-Erzeugung über ihrer Grenze abgebrochen",
    severity: Fehler,
    explanation: "Ein Dokument darf höchstens 60 Sekunden Satzzeit, 2 000 Seiten und (bei eigenen Vorlagen) 1 GiB Speicher brauchen; \
so kann eine fehlerhafte Vorlage oder eine übergroße Eingabe den Rechner nicht blockieren. Diese Grenze wurde überschritten, oder die \
Satzbibliothek ist mit einem internen Fehler abgebrochen. Ein echter Plan bleibt weit darunter: Prüfen Sie eigene Vorlagen auf \
Endlosschleifen und sehr lange Texte im Plan (`mep pruefen` meldet Texte über den Grenzen).",
    bad: "# eine Vorlage mit #for i in range(1000000) [#pagebreak()]\n",
    good: "# die mitgelieferten Vorlagen\n",
    sources: &[],
};

/// `VORLAGEN-PAKET`: Vorlagenpaket nicht verwendbar
pub static VORLAGEN_PAKET: Rule = Rule {
    code: "VORLAGEN-PAKET",
    title: "Vorlagenpaket nicht verwendbar",
    severity: Fehler,
    explanation: "Ein Vorlagenpaket (`--vorlagen ORDNER` mit der Datei `vorlagen.yaml`) beschreibt sich selbst: Name, Version, Lizenz, \
die Version der Vorlagendaten, für die es geschrieben ist, und wahlweise Logo, Farben und Schriften. mep verwendet ein Paket nur, wenn \
diese Angaben stimmen: Die Datenversion muss zur mep-Version passen (gleiche Hauptversion; Ergänzungen der Daten erhöhen nur die \
Nebenversion), das Logo muss als PNG-, SVG- oder JPEG-Datei im Paket liegen (höchstens 2 MiB, keine Verknüpfung nach außen), Farben \
haben die Form `#1f5f8b`, und eine Schrift braucht eine Lizenz, die das Einbetten erlaubt. `mep vorlagen pruefen ORDNER` zeigt alle \
Befunde eines Pakets mit Zeile und Spalte.",
    bad: "datenversion: \"0.9\"\nlogo: { datei: ../wappen.png, alternativtext: Wappen }\n",
    good: "datenversion: \"1.0\"\nlogo: { datei: bilder/wappen.png, alternativtext: Wappen des Kreises }\n",
    sources: &[],
};

/// `VORLAGEN-SCHLUESSEL`: Vorlage liest ein Feld, das die Daten nicht haben
pub static VORLAGEN_SCHLUESSEL: Rule = Rule {
    code: "VORLAGEN-SCHLUESSEL",
    title: "Vorlage liest ein Feld, das die Daten nicht haben",
    severity: Fehler,
    explanation: "`mep vorlagen pruefen` liest jede Vorlage eines Pakets, ohne etwas zu setzen, und prüft jeden Schlüssel, den sie aus \
den Vorlagendaten liest (`schule.anschrift`, `{{ z.beschreibung }}` in einer Schleife über `ziele`, `feld(traeger, \"name\")`), \
gegen die Beschreibung der Daten. So fällt ein Tippfehler auch in einem Zweig auf, den kein Beispielplan erreicht. Die Meldung nennt \
Datei, Zeile und Spalte, die Felder, die es an dieser Stelle gibt, und einen ähnlichen Namen. Alle Felder beschreibt \
docs/vorlagendaten.md.",
    bad: "#schule.anschrif\n",
    good: "#schule.anschrift\n",
    sources: &[],
};

/// `MARKDOWN-VORLAGE`: Syntaxfehler in einer Markdown-Vorlage
pub static MARKDOWN_VORLAGE: Rule = Rule {
    code: "MARKDOWN-VORLAGE",
    title: "Syntaxfehler in einer Markdown-Vorlage",
    severity: Fehler,
    explanation: "Eine Markdown-Vorlage eines Vorlagenpakets (`*.md`, Vorlagensprache tera) lässt sich nicht lesen, z. B. weil ein \
`{% if %}` nicht mit `%}` endet oder ein `{% endif %}` fehlt. `mep vorlagen pruefen` liest jede Markdown-Vorlage, bevor es etwas \
setzt, und nennt Datei, Zeile und Spalte mit der Meldung von tera. Beheben Sie die Stelle oder löschen Sie die Datei, dann gilt \
die eingebaute.",
    bad: "{% if ziele -%\n",
    good: "{% if ziele -%}\n",
    sources: &[],
};
