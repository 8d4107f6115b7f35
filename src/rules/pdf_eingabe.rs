//! Codes raised while reading a plan out of a PDF; the reader lives in [`crate::load::pdf`].

use super::Rule;
use crate::diag::Severity::Fehler;

/// PDF input codes.
pub(super) static RULES: &[&Rule] = &[&PDF_ANHANG, &PDF_BESCHAEDIGT, &PDF_VERSCHLUESSELT, &PDF_LESEGRENZE];

/// `PDF-ANHANG`: Kein Plan im PDF
pub static PDF_ANHANG: Rule = Rule {
    code: "PDF-ANHANG",
    title: "Kein Plan im PDF",
    severity: Fehler,
    explanation: "`mep validate`, `mep render` und `mep review` lesen aus einer PDF-Datei den Plan, der als Anhang `plan.yaml` \
eingebettet ist. Das tut `mep render --format pdf --pdf-standard a-3b`; andere PDFs (auch PDF/A-2b aus `mep`) tragen keinen Plan. \
Die Meldung nennt die Anhänge, die die Datei hat. Prüfen Sie in diesem Fall die YAML-Datei des Plans.",
    bad: "# plan.pdf, erzeugt mit --pdf-standard a-2b (ohne Anhang)\n",
    good: "# plan.pdf, erzeugt mit --pdf-standard a-3b (Anhang plan.yaml)\n",
    sources: &[],
    check: None,
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
    good: "# plan.pdf, vollständig, aus mep render --format pdf --pdf-standard a-3b\n",
    sources: &[],
    check: None,
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
    good: "# plan.pdf ohne Kennwort, aus mep render --format pdf --pdf-standard a-3b\n",
    sources: &[],
    check: None,
};

/// `PDF-LESEGRENZE`: Sicherheitsgrenze des PDF-Lesers überschritten
pub static PDF_LESEGRENZE: Rule = Rule {
    code: "PDF-LESEGRENZE",
    title: "Sicherheitsgrenze des PDF-Lesers überschritten",
    severity: Fehler,
    explanation: "mep liest aus einer PDF-Datei nur, was zum Plan führt, und das unter festen Grenzen für die ganze Datei: \
höchstens 500 000 gelesene Objekte, höchstens das Vierfache der Dateigrenze (`--max-groesse`, mindestens 1 MiB) an entpackten \
Bytes, höchstens das Sechzehnfache (mindestens 16 MiB) an gelesenen Bytes und höchstens 64 Ebenen Verschachtelung. So kann eine präparierte Datei (etwa eine „ZIP-Bombe“ im Anhang) weder Speicher \
noch Rechenzeit aufbrauchen. Ein von `mep render` erzeugtes PDF bleibt weit darunter.",
    bad: "# plan.pdf mit einem Anhang, der sich auf 1 GB entpackt\n",
    good: "# plan.pdf aus mep render --format pdf --pdf-standard a-3b\n",
    sources: &[],
    check: None,
};

#[cfg(test)]
mod tests {
    #[test]
    fn every_code_of_the_pdf_reader_is_registered() {
        for code in crate::load::pdf::CODES {
            assert!(super::super::find(code).is_some_and(|r| r.code == *code), "{code} is not registered");
        }
    }
}
