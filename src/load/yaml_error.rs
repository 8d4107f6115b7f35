//! German diagnostics for errors of the YAML reader.

use serde_saphyr::Error;
use serde_saphyr::budget::BudgetBreach;

use crate::diag::{Diagnostic, Severity};
use crate::source::SourceFile;

/// Turns a reader error into one located diagnostic.
pub(super) fn to_diagnostic(err: &Error, source: &SourceFile) -> Diagnostic {
    let err = unwrap(err);
    let (code, message, help) = describe(err);
    let mut diag = Diagnostic::new(code, Severity::Fehler, "", message);
    if let Some(help) = help {
        diag = diag.help(help);
    }
    let loc = err.location().filter(|l| l.line() > 0);
    let location = match loc {
        Some(l) => source.location_at(l.line() as usize, l.column() as usize, 1),
        None => source.location(crate::source::Span { start: 0, end: 0 }),
    };
    diag.at(location)
}

fn unwrap(err: &Error) -> &Error {
    match err {
        Error::AliasError { error, .. } | Error::WithSnippet { error, .. } => unwrap(error),
        other => other,
    }
}

fn describe(err: &Error) -> (&'static str, String, Option<String>) {
    const BOMB: &str =
        "Die Datei enthält zu viele oder zu tief geschachtelte Verweise (Anker `&` / Alias `*`). Das sieht nach einer YAML-Bombe aus.";
    match err {
        Error::Budget { breach, .. } => {
            let (message, help) = match breach {
                BudgetBreach::Depth { depth } => (
                    format!("Die Daten sind zu tief verschachtelt (Tiefe {depth})."),
                    "Ein Plan braucht höchstens wenige Ebenen. Prüfen Sie die Einrückung.",
                ),
                BudgetBreach::Nodes { nodes } => (
                    format!("Die Datei enthält zu viele Einträge (über {nodes}, Verweise mitgezählt)."),
                    "Verwenden Sie Anker und Aliase (`&`, `*`) sparsam; ein Plan hat selten mehr als einige Tausend Einträge.",
                ),
                BudgetBreach::Aliases { aliases } => (
                    format!("Die Datei verwendet zu viele Aliase (`*…`, {aliases})."),
                    "Schreiben Sie Werte direkt aus, statt sie vielfach zu verweisen.",
                ),
                BudgetBreach::Documents { .. } => {
                    return (
                        "YAML-SYNTAX",
                        "Die Datei enthält mehrere YAML-Dokumente (`---`).".to_owned(),
                        Some("Eine Datei beschreibt genau einen Plan. Teilen Sie die Datei auf.".to_owned()),
                    );
                }
                other => (
                    format!("Die Datei überschreitet eine Sicherheitsgrenze des Lesers ({other:?})."),
                    "Kürzen Sie die Datei oder vereinfachen Sie Anker und Aliase.",
                ),
            };
            ("YAML-BUDGET", message, Some(help.to_owned()))
        }
        Error::AliasReplayLimitExceeded { .. }
        | Error::AliasExpansionLimitExceeded { .. }
        | Error::AliasReplayStackDepthExceeded { .. }
        | Error::AliasReplayCounterOverflow { .. } => {
            ("YAML-BUDGET", BOMB.to_owned(), Some("Schreiben Sie Werte direkt aus, statt sie vielfach zu verweisen.".to_owned()))
        }
        Error::DuplicateMappingKey { key, .. } => (
            "YAML-DOPPELT",
            match key {
                Some(k) => format!("Der Schlüssel `{k}` kommt hier ein zweites Mal vor."),
                None => "Ein Schlüssel kommt hier ein zweites Mal vor.".to_owned(),
            },
            Some("Jeder Schlüssel darf je Abschnitt nur einmal stehen. Löschen oder vereinen Sie die doppelte Angabe.".to_owned()),
        ),
        Error::MultipleDocuments { .. } => (
            "YAML-SYNTAX",
            "Die Datei enthält mehrere YAML-Dokumente (`---`).".to_owned(),
            Some("Eine Datei beschreibt genau einen Plan. Teilen Sie die Datei auf.".to_owned()),
        ),
        Error::UnknownAnchor { .. } => (
            "YAML-SYNTAX",
            "Verweis auf einen unbekannten Anker (`*name` ohne `&name`).".to_owned(),
            Some("Definieren Sie den Anker mit `&name` vor seiner ersten Verwendung oder schreiben Sie den Wert aus.".to_owned()),
        ),
        Error::InvalidUtf8Input => (
            "YAML-UTF8",
            "Die Datei ist nicht UTF-8-kodiert.".to_owned(),
            Some("Speichern Sie die Datei im Editor mit der Kodierung „UTF-8“.".to_owned()),
        ),
        Error::Eof { .. } => (
            "YAML-SYNTAX",
            "Die Datei endet mitten in einem Wert.".to_owned(),
            Some("Prüfen Sie, ob alle Klammern und Anführungszeichen geschlossen sind.".to_owned()),
        ),
        other => {
            let raw = other.without_snippet().to_string();
            let detail = raw.split(" at line ").next().unwrap_or(&raw).trim().to_owned();
            (
                "YAML-SYNTAX",
                format!("Die Datei ist kein gültiges YAML: {}.", german_detail(&detail)),
                Some(
                    "Häufige Ursachen: falsche Einrückung (nur Leerzeichen, keine Tabulatoren), ein fehlender Doppelpunkt nach dem Schlüssel, \
                     ein nicht geschlossenes Anführungszeichen oder ein `:` im Text – dann den Text in Anführungszeichen setzen."
                        .to_owned(),
                ),
            )
        }
    }
}

/// The parser's English reason, in German words a school administrator understands.
fn german_detail(raw: &str) -> String {
    let lower = raw.to_lowercase();
    let known: &[(&str, &str)] = &[
        ("recursion limit", "die Daten sind zu tief verschachtelt"),
        ("tab", "Tabulatorzeichen gefunden – YAML erlaubt zur Einrückung nur Leerzeichen"),
        ("quoted scalar", "ein Anführungszeichen ist nicht geschlossen oder nach dem Text in Anführungszeichen folgt weiterer Text"),
        ("expected ':'", "nach dem Schlüssel fehlt ein Doppelpunkt"),
        (
            "mapping values are not allowed",
            "ein Doppelpunkt steht an unerwarteter Stelle – Text mit „: “ bitte in Anführungszeichen setzen",
        ),
        ("indent", "die Einrückung passt nicht zur Ebene darüber"),
        ("flow sequence", "eine eckige Klammer `[` ist nicht geschlossen oder ein Komma fehlt"),
        ("flow mapping", "eine geschweifte Klammer `{` ist nicht geschlossen oder ein Komma fehlt"),
        ("block scalar", "ein mehrzeiliger Text (`|` oder `>`) ist falsch eingerückt"),
        (
            "did not find expected",
            "an dieser Stelle steht ein unerwartetes Zeichen – oft fehlt eine Klammer oder die Einrückung stimmt nicht",
        ),
    ];
    known
        .iter()
        .find(|(needle, _)| lower.contains(needle))
        .map_or_else(|| format!("der Aufbau ist an dieser Stelle fehlerhaft (Leser: {raw})"), |(_, german)| (*german).to_owned())
}
