//! Codes raised while reading a file: YAML syntax, budgets, structure, the plan inside a PDF.

use crate::diag::Rule;
use crate::diag::Severity::Fehler;

/// Load-time codes, raised by [`crate::load`]; the registry in [`crate::rules`] lists them.
pub static RULES: &[&Rule] = &[
    &YAML_SYNTAX,
    &YAML_BUDGET,
    &YAML_DOPPELT,
    &YAML_UTF8,
    &YAML_LEER,
    &YAML_GROESSE,
    &FORMAT_UNBEKANNT,
    &FORMAT_PFLICHT,
    &FORMAT_TYP,
    &FORMAT_WERT,
    &FORMAT_BEREICH,
    &FORMAT_DATUM,
    &FORMAT_BETRAG,
    &PDF_ANHANG,
    &PDF_BESCHAEDIGT,
    &PDF_VERSCHLUESSELT,
    &PDF_LESEGRENZE,
];

/// `YAML-SYNTAX`: Die Datei ist kein gültiges YAML
pub static YAML_SYNTAX: Rule = Rule {
    code: "YAML-SYNTAX",
    title: "Die Datei ist kein gültiges YAML",
    severity: Fehler,
    explanation: "Die Datei lässt sich nicht lesen. Meist ist die Einrückung falsch (nur Leerzeichen, keine Tabulatoren), \
nach einem Schlüssel fehlt der Doppelpunkt, ein Anführungszeichen ist nicht geschlossen oder ein Text enthält `: ` \
und steht nicht in Anführungszeichen. Die Meldung zeigt die Stelle, an der das Lesen scheiterte; der Fehler liegt dort oder kurz davor.",
    bad: "schule:\n  name: \"Grundschule am Markt\n",
    good: "schule:\n  name: \"Grundschule am Markt\"\n",
    sources: &[],
};

/// `YAML-BUDGET`: Sicherheitsgrenze des Lesers überschritten
pub static YAML_BUDGET: Rule = Rule {
    code: "YAML-BUDGET",
    title: "Sicherheitsgrenze des Lesers überschritten",
    severity: Fehler,
    explanation: "mep liest jede Datei mit festen Grenzen für Verschachtelungstiefe, Anzahl der Einträge und Verweise \
(Anker `&` und Aliase `*`). So kann eine präparierte Datei („YAML-Bombe“) weder Speicher noch Rechenzeit aufbrauchen. \
Ein echter Plan bleibt weit unter diesen Grenzen. Schreiben Sie Werte direkt aus, statt sie vielfach zu verweisen.",
    bad: "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n",
    good: "schule:\n  name: Grundschule am Markt\n",
    sources: &[],
};

/// `YAML-DOPPELT`: Schlüssel doppelt
pub static YAML_DOPPELT: Rule = Rule {
    code: "YAML-DOPPELT",
    title: "Schlüssel doppelt",
    severity: Fehler,
    explanation: "Ein Schlüssel steht im selben Abschnitt zweimal. Welcher Wert gelten soll, wäre Zufall; \
deshalb ist das ein Fehler. Löschen oder vereinen Sie die doppelte Angabe.",
    bad: "schule:\n  schueler: 250\n  schueler: 260\n",
    good: "schule:\n  schueler: 260\n",
    sources: &[],
};

/// `YAML-UTF8`: Datei nicht UTF-8-kodiert
pub static YAML_UTF8: Rule = Rule {
    code: "YAML-UTF8",
    title: "Datei nicht UTF-8-kodiert",
    severity: Fehler,
    explanation: "mep erwartet Dateien in UTF-8. Ältere Editoren speichern unter Windows oft in „ANSI“ (Windows-1252); \
dann werden Umlaute falsch gelesen. Speichern Sie die Datei mit der Kodierung UTF-8. Ein UTF-8-BOM am Anfang ist erlaubt.",
    bad: "name: Gr\\xFCnschule   # Byte 0xFC: „ü“ in Windows-1252\n",
    good: "name: Grünschule\n",
    sources: &[],
};

/// `YAML-LEER`: Datei leer
pub static YAML_LEER: Rule = Rule {
    code: "YAML-LEER",
    title: "Datei leer",
    severity: Fehler,
    explanation: "Die Datei enthält keine Daten. Erzeugen Sie mit `mep anlegen` eine kommentierte Vorlage oder kopieren Sie ein Beispiel aus `examples/`.",
    bad: "# nur ein Kommentar\n",
    good: "format: 1\nprogramm: digitalpakt-2\n",
    sources: &[],
};

/// `YAML-GROESSE`: Datei zu groß
pub static YAML_GROESSE: Rule = Rule {
    code: "YAML-GROESSE",
    title: "Datei zu groß",
    severity: Fehler,
    explanation: "Die Datei ist größer als die Obergrenze (5 MiB, änderbar mit `--max-groesse`). Ein Plan ist üblicherweise kleiner als 100 KB; \
vermutlich wurde die falsche Datei gewählt.",
    bad: "# eine 6 MiB große Datei\n",
    good: "# eine Datei unter 5 MiB\n",
    sources: &[],
};

/// `FORMAT-UNBEKANNT`: Unbekannter Schlüssel
pub static FORMAT_UNBEKANNT: Rule = Rule {
    code: "FORMAT-UNBEKANNT",
    title: "Unbekannter Schlüssel",
    severity: Fehler,
    explanation: "Der Schlüssel gehört nicht zum Eingabeformat. Meist ist er falsch geschrieben oder steht im falschen Abschnitt. \
Ein Tippfehler darf nie still übergangen werden, sonst fehlt die Angabe im Plan. Die Meldung nennt den ähnlichsten erlaubten Schlüssel \
und alle erlaubten Schlüssel an dieser Stelle. Schlüssel werden ohne Umlaute geschrieben (`schueler`, nicht `schüler`).",
    bad: "schule:\n  schüler: 250\n",
    good: "schule:\n  schueler: 250\n",
    sources: &[],
};

/// `FORMAT-PFLICHT`: Pflichtangabe fehlt
pub static FORMAT_PFLICHT: Rule = Rule {
    code: "FORMAT-PFLICHT",
    title: "Pflichtangabe fehlt",
    severity: Fehler,
    explanation: "Eine Angabe, ohne die der Plan nicht verarbeitet werden kann, fehlt. Die Meldung nennt den Schlüssel und ein Beispiel.",
    bad: "schule:\n  name: Grundschule am Markt\n",
    good: "schule:\n  name: Grundschule am Markt\n  schulnummer: \"12345\"\n  schulform: grundschule\n  schueler: 250\n  lehrkraefte: 18\n",
    sources: &[],
};

/// `FORMAT-TYP`: Falsche Art von Wert
pub static FORMAT_TYP: Rule = Rule {
    code: "FORMAT-TYP",
    title: "Falsche Art von Wert",
    severity: Fehler,
    explanation: "Der Wert hat die falsche Art: etwa Text, wo eine Zahl stehen muss, oder eine einzelne Angabe, wo eine Liste erwartet wird. \
Zahlen stehen ohne Anführungszeichen, ohne Tausenderpunkt und ohne €-Zeichen; Dezimaltrennzeichen ist der Punkt. \
Ja/Nein-Angaben werden `true` oder `false` geschrieben.",
    bad: "schule:\n  schueler: \"ca. 250\"\n",
    good: "schule:\n  schueler: 250\n",
    sources: &[],
};

/// `FORMAT-WERT`: Unbekannter Wert
pub static FORMAT_WERT: Rule = Rule {
    code: "FORMAT-WERT",
    title: "Unbekannter Wert",
    severity: Fehler,
    explanation: "Der Wert gehört nicht zu den erlaubten Werten dieses Feldes. Die Meldung nennt den ähnlichsten erlaubten Wert und alle erlaubten Werte.",
    bad: "schule:\n  schulform: gymnasim\n",
    good: "schule:\n  schulform: gymnasium\n",
    sources: &[],
};

/// `FORMAT-BEREICH`: Zahl außerhalb des erlaubten Bereichs
pub static FORMAT_BEREICH: Rule = Rule {
    code: "FORMAT-BEREICH",
    title: "Zahl außerhalb des erlaubten Bereichs",
    severity: Fehler,
    explanation: "Anzahlen und Beträge dürfen nicht negativ sein; manche Zahlen haben eine Obergrenze.",
    bad: "bedarf:\n  - id: B1\n    anzahl: -3\n",
    good: "bedarf:\n  - id: B1\n    anzahl: 3\n",
    sources: &[],
};

/// `FORMAT-DATUM`: Ungültiges Datum
pub static FORMAT_DATUM: Rule = Rule {
    code: "FORMAT-DATUM",
    title: "Ungültiges Datum",
    severity: Fehler,
    explanation: "Daten werden nach ISO 8601 als JJJJ-MM-TT geschrieben (`2027-03-31`), Quartale als JJJJ-QN (`2027-Q1`). \
Der Tag muss im Kalender existieren.",
    bad: "stand: 31.03.2027\n",
    good: "stand: 2027-03-31\n",
    sources: &[],
};

/// `FORMAT-BETRAG`: Betrag mit deutschem Tausenderpunkt
pub static FORMAT_BETRAG: Rule = Rule {
    code: "FORMAT-BETRAG",
    title: "Betrag mit deutschem Tausenderpunkt",
    severity: Fehler,
    explanation: "Beträge stehen ohne Tausenderpunkt; Dezimaltrennzeichen ist der Punkt. `einzelpreis_eur: 2.480`, wie man es \
in einer deutschen Tabelle schreibt, läse YAML als 2,48 €. Ein Betrag mit genau drei Stellen nach dem Punkt ist deshalb ein Fehler \
an diesem Wert; die Meldung nennt den gemeinten Betrag („Meinten Sie 2480?“). Cent-Beträge haben zwei Nachkommastellen (`2480.50`).",
    bad: "bedarf:\n  - id: B1\n    einzelpreis_eur: 2.480\n",
    good: "bedarf:\n  - id: B1\n    einzelpreis_eur: 2480\n",
    sources: &[],
};

/// `PDF-ANHANG`: Kein lesbarer Plan in der PDF-Datei
pub static PDF_ANHANG: Rule = Rule {
    code: "PDF-ANHANG",
    title: "Kein lesbarer Plan in der PDF-Datei",
    severity: Fehler,
    explanation: "`mep pruefen`, `mep uebersicht` und `mep erstellen` lesen auch ein archiviertes PDF/A-3b, in das `mep erstellen --format pdf \
--pdf-standard a-3b` den Plan als Anhang `plan.yaml` eingebettet hat. Diese PDF-Datei enthält keinen solchen Anhang; die Meldung \
nennt die Anhänge, die sie hat. Eine beschädigte, verschlüsselte oder präparierte Datei hat eigene Codes (`PDF-BESCHAEDIGT`, \
`PDF-VERSCHLUESSELT`, `PDF-LESEGRENZE`). Prüfen Sie die Originaldatei des Plans (YAML) oder erzeugen Sie das PDF neu mit \
`--pdf-standard a-3b`; ein PDF aus einem anderen Programm enthält keinen prüfbaren Plan.",
    bad: "# plan.pdf ohne Anhang plan.yaml\n",
    good: "# plan.pdf aus mep erstellen --format pdf --pdf-standard a-3b\n",
    sources: &[],
};

/// `PDF-BESCHAEDIGT`: PDF-Datei oder Anhang beschädigt
pub static PDF_BESCHAEDIGT: Rule = Rule {
    code: "PDF-BESCHAEDIGT",
    title: "PDF-Datei oder Anhang beschädigt",
    severity: Fehler,
    explanation: "Die PDF-Datei lässt sich nicht bis zum Plan lesen: Sie ist abgeschnitten (etwa bei einer unvollständigen \
Übertragung), ihr Objektverzeichnis ist fehlerhaft, der komprimierte Anhang ist verfälscht oder mit einem Verfahren kodiert, \
das mep nicht liest. Ein beschädigter Anhang wird nie teilweise gelesen und geprüft, denn ein halber Plan sähe wie ein \
unvollständiger aus. Lassen Sie sich die Datei erneut schicken oder prüfen Sie die YAML-Datei des Plans. Eine \
ursprüngliche Meldung des Entpackers steht eingerückt unter der deutschen Meldung.",
    bad: "# plan.pdf, nach der Hälfte abgeschnitten\n",
    good: "# plan.pdf, vollständig, aus mep erstellen --format pdf --pdf-standard a-3b\n",
    sources: &[],
};

/// `PDF-VERSCHLUESSELT`: PDF-Datei verschlüsselt
pub static PDF_VERSCHLUESSELT: Rule = Rule {
    code: "PDF-VERSCHLUESSELT",
    title: "PDF-Datei verschlüsselt",
    severity: Fehler,
    explanation: "Die PDF-Datei ist verschlüsselt (auch ein Kennwort nur gegen Ändern oder Drucken verschlüsselt den Inhalt). \
Ihr Anhang lässt sich ohne Schlüssel nicht lesen, und ein archiviertes PDF/A darf ohnehin nicht verschlüsselt sein. \
Lassen Sie sich die Datei unverschlüsselt oder gleich die YAML-Datei des Plans schicken.",
    bad: "# plan.pdf, mit einem Kennwort geschützt\n",
    good: "# plan.pdf ohne Kennwort, aus mep erstellen --format pdf --pdf-standard a-3b\n",
    sources: &[],
};

/// `PDF-LESEGRENZE`: Sicherheitsgrenze des PDF-Lesers überschritten
pub static PDF_LESEGRENZE: Rule = Rule {
    code: "PDF-LESEGRENZE",
    title: "Sicherheitsgrenze des PDF-Lesers überschritten",
    severity: Fehler,
    explanation: "mep liest aus einer PDF-Datei nur, was zum Plan führt, und das unter festen Grenzen für die ganze Datei: \
höchstens 500 000 gelesene Objekte, höchstens das Vierfache der Dateigrenze (`--max-groesse`, mindestens 1 MiB) an entpackten \
Bytes, höchstens das Sechzehnfache (mindestens 16 MiB) an gelesenen Bytes und höchstens 64 Ebenen Verschachtelung. So kann eine präparierte Datei (etwa eine „ZIP-Bombe“ im Anhang) weder Speicher \
noch Rechenzeit aufbrauchen. Ein von `mep erstellen` erzeugtes PDF bleibt weit darunter.",
    bad: "# plan.pdf mit einem Anhang, der sich auf 1 GB entpackt\n",
    good: "# plan.pdf aus mep erstellen --format pdf --pdf-standard a-3b\n",
    sources: &[],
};
