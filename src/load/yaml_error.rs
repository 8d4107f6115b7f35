//! German diagnostics for errors of the YAML reader.

use serde_saphyr::Error;
use serde_saphyr::budget::BudgetBreach;

use super::codes;
use crate::diag::{Diagnostic, Rule, Severity};
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

fn describe(err: &Error) -> (&'static Rule, String, Option<String>) {
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
                        &codes::YAML_SYNTAX,
                        "Die Datei enthält mehrere YAML-Dokumente (`---`).".to_owned(),
                        Some("Eine Datei beschreibt genau einen Plan. Teilen Sie die Datei auf.".to_owned()),
                    );
                }
                _ => (
                    "Die Datei überschreitet eine Sicherheitsgrenze des Lesers (zu viele Einträge, Verweise oder Text).".to_owned(),
                    "Kürzen Sie die Datei oder vereinfachen Sie Anker und Aliase.",
                ),
            };
            (&codes::YAML_BUDGET, message, Some(help.to_owned()))
        }
        Error::AliasReplayLimitExceeded { .. }
        | Error::AliasExpansionLimitExceeded { .. }
        | Error::AliasReplayStackDepthExceeded { .. }
        | Error::AliasReplayCounterOverflow { .. } => {
            (&codes::YAML_BUDGET, BOMB.to_owned(), Some("Schreiben Sie Werte direkt aus, statt sie vielfach zu verweisen.".to_owned()))
        }
        Error::DuplicateMappingKey { key, .. } => (
            &codes::YAML_DOPPELT,
            match key {
                Some(k) => format!("Der Schlüssel `{k}` kommt hier ein zweites Mal vor."),
                None => "Ein Schlüssel kommt hier ein zweites Mal vor.".to_owned(),
            },
            Some("Jeder Schlüssel darf je Abschnitt nur einmal stehen. Löschen oder vereinen Sie die doppelte Angabe.".to_owned()),
        ),
        Error::MultipleDocuments { .. } => (
            &codes::YAML_SYNTAX,
            "Die Datei enthält mehrere YAML-Dokumente (`---`).".to_owned(),
            Some("Eine Datei beschreibt genau einen Plan. Teilen Sie die Datei auf.".to_owned()),
        ),
        Error::UnknownAnchor { .. } => (
            &codes::YAML_SYNTAX,
            "Verweis auf einen unbekannten Anker (`*name` ohne `&name`).".to_owned(),
            Some("Definieren Sie den Anker mit `&name` vor seiner ersten Verwendung oder schreiben Sie den Wert aus.".to_owned()),
        ),
        Error::InvalidUtf8Input => (
            &codes::YAML_UTF8,
            "Die Datei ist nicht UTF-8-kodiert.".to_owned(),
            Some("Speichern Sie die Datei im Editor mit der Kodierung „UTF-8“.".to_owned()),
        ),
        Error::Eof { .. } => (
            &codes::YAML_SYNTAX,
            "Die Datei endet mitten in einem Wert.".to_owned(),
            Some("Prüfen Sie, ob alle Klammern und Anführungszeichen geschlossen sind.".to_owned()),
        ),
        other => known_variant(other).unwrap_or_else(|| {
            let raw = other.without_snippet().to_string();
            let detail = raw.split(" at line ").next().unwrap_or(&raw).trim().to_owned();
            let (german, known) = german_detail(&detail);
            let mut help =
                "Häufige Ursachen: falsche Einrückung (nur Leerzeichen, keine Tabulatoren), ein fehlender Doppelpunkt nach dem Schlüssel, \
                 ein nicht geschlossenes Anführungszeichen oder ein `:` im Text – dann den Text in Anführungszeichen setzen."
                    .to_owned();
            if !known {
                help.push_str(&format!(" Meldung des YAML-Lesers: „{}“.", without_type_names(&detail)));
            }
            (&codes::YAML_SYNTAX, format!("Die Datei ist kein gültiges YAML: {german}."), Some(help))
        }),
    }
}

/// German texts for the reader's errors that need no parsing of its English text.
fn known_variant(err: &Error) -> Option<(&'static Rule, String, Option<String>)> {
    const TAGS: &str = "Typangaben mit `!` (YAML-Tags wie `!!str` oder `!eigen`) werden nicht unterstützt.";
    const TAGS_HELP: &str = "Entfernen Sie die Angabe mit `!`; schreiben Sie Text bei Bedarf in Anführungszeichen.";
    let syntax = |message: &str, help: &str| Some((&codes::YAML_SYNTAX, message.to_owned(), Some(help.to_owned())));
    let value = |message: &str, help: &str| Some((&codes::FORMAT_TYP, message.to_owned(), Some(help.to_owned())));
    match err {
        Error::MergeKeyNotAllowed { .. } | Error::MergeValueNotMapOrSeqOfMaps { .. } => syntax(
            "Zusammenführungen mit `<<:` werden nicht unterstützt.",
            "Schreiben Sie die Angaben direkt in den Abschnitt, statt sie mit `<<: *name` zu übernehmen.",
        ),
        Error::InvalidBinaryBase64 { .. } | Error::BinaryNotUtf8 { .. } | Error::BytesNotSupportedMissingBinaryTag { .. } => {
            syntax("Binärdaten (`!!binary`) werden nicht unterstützt.", "Ein Plan enthält nur Text, Zahlen, Daten und Listen.")
        }
        Error::TaggedScalarCannotDeserializeIntoString { .. } | Error::TaggedEnumMismatch { .. } => syntax(TAGS, TAGS_HELP),
        Error::CyclicInclude { .. } | Error::UnsupportedIncludeForm { .. } | Error::ResolverError { .. } => {
            syntax("Das Einbinden anderer Dateien (`!include`) wird nicht unterstützt.", "Ein Plan steht vollständig in einer Datei.")
        }
        Error::RecursiveReferencesRequireWeakTypes { .. } | Error::AliasError { .. } => syntax(
            "Ein Verweis (`*name`) zeigt auf sich selbst oder ist nicht auflösbar.",
            "Schreiben Sie den Wert direkt aus, statt ihn zu verweisen.",
        ),
        Error::InvalidBooleanStrict { .. } => value(
            "Ein Wahrheitswert ist ungültig.",
            "Schreiben Sie `true` (ja) oder `false` (nein); `ja`, `yes`, `on` und ähnliche Schreibweisen gelten nicht.",
        ),
        Error::NonFiniteFloat { .. } => value(
            "Unendlich oder „keine Zahl“ (`.inf`, `.nan`) ist als Zahl nicht erlaubt.",
            "Tragen Sie eine gewöhnliche Zahl ein, z. B. 4500 oder 4500.50.",
        ),
        Error::InvalidScalar { ty, .. } => value(
            &format!("Der Wert ist keine gültige Angabe: erwartet {}.", german_type(ty)),
            "Zahlen stehen ohne Anführungszeichen, ohne Tausenderpunkt und ohne €-Zeichen; ganze Zahlen ohne Nachkommastellen, höchstens 18 Stellen.",
        ),
        Error::InvalidCharNull { .. } | Error::InvalidCharNotSingleScalar { .. } | Error::NullIntoString { .. } => {
            value("Hier fehlt ein Wert.", "Tragen Sie hinter dem Doppelpunkt einen Wert ein oder entfernen Sie die Zeile.")
        }
        Error::SerdeInvalidType { .. } | Error::SerdeInvalidValue { .. } | Error::SerdeInvalidLength { .. } => value(
            "Der Wert hat hier die falsche Art (z. B. eine Liste statt eines Textes, ein Schlüssel, der kein Text ist).",
            "Vergleichen Sie die Stelle mit den Beispielen im Ordner `examples/`; Schlüssel sind immer einfache Wörter wie `name:`.",
        ),
        Error::SerdeUnknownVariant { variant, .. } => {
            value(&format!("Unbekannter Wert `{variant}`."), "Die erlaubten Werte nennt `mep schema` bzw. die Beschreibung des Formats.")
        }
        Error::SerdeUnknownField { field, .. } => Some((
            &codes::FORMAT_UNBEKANNT,
            format!("Unbekannter Schlüssel `{field}`."),
            Some("Prüfen Sie die Schreibweise des Schlüssels.".to_owned()),
        )),
        Error::SerdeMissingField { field, .. } => {
            Some((&codes::FORMAT_PFLICHT, format!("Pflichtangabe `{field}` fehlt."), Some(format!("Ergänzen Sie `{field}: …`."))))
        }
        Error::ExpectedStringKeyForExternallyTaggedEnum { .. }
        | Error::ExternallyTaggedEnumExpectedScalarOrMapping { .. }
        | Error::UnexpectedValueForUnitEnumVariant { .. }
        | Error::UnexpectedValueForUnit { .. }
        | Error::ExpectedEmptyMappingForUnitStruct { .. }
        | Error::ExpectedMappingEndAfterEnumVariantValue { .. }
        | Error::SerdeVariantId { .. } => {
            value("Der Wert hat hier die falsche Form.", "Vergleichen Sie die Stelle mit den Beispielen im Ordner `examples/`.")
        }
        Error::UnexpectedSequenceEnd { .. }
        | Error::UnexpectedMappingEnd { .. }
        | Error::ContainerEndMismatch { .. }
        | Error::UnexpectedContainerEndWhileSkippingNode { .. }
        | Error::UnexpectedContainerEndWhileReadingKeyNode { .. }
        | Error::Unexpected { .. }
        | Error::ValueRequestedBeforeKey { .. } => syntax(
            "Der Aufbau ist an dieser Stelle fehlerhaft: eine Liste oder ein Abschnitt endet unerwartet.",
            "Prüfen Sie Einrückung, Klammern und Bindestriche der Listeneinträge.",
        ),
        Error::FoldedBlockScalarMustIndentContent { .. } => syntax(
            "Ein mehrzeiliger Text (`>` oder `|`) ist nicht eingerückt.",
            "Rücken Sie die Zeilen des Textes weiter ein als den Schlüssel davor.",
        ),
        Error::InternalDepthUnderflow { .. } | Error::InternalRecursionStackEmpty { .. } | Error::InternalSeedReusedForMapKey { .. } => {
            syntax(
                "Der YAML-Leser ist an dieser Stelle in einen inneren Fehler geraten.",
                "Vereinfachen Sie die Stelle (Anker, Aliase, Klammern) und melden Sie den Fall bitte mit der Datei.",
            )
        }
        Error::InvalidOptions { .. } => syntax("Der YAML-Leser ist falsch eingestellt.", "Bitte melden Sie den Fehler."),
        _ => None,
    }
}

/// A Rust type name of the reader's messages in German words.
fn german_type(ty: &str) -> &'static str {
    match ty {
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize" => "eine ganze Zahl ab 0 (nicht zu groß)",
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => "eine ganze Zahl (nicht zu groß)",
        "f32" | "f64" => "eine Zahl",
        "bool" => "ein Wahrheitswert (true oder false)",
        "char" => "ein einzelnes Zeichen",
        _ => "ein anderer Wert",
    }
}

/// The reader's English text with Rust type names replaced by German words.
fn without_type_names(raw: &str) -> String {
    let mut out = Vec::new();
    for word in raw.split(' ') {
        let core = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '_' && c != ':');
        let replaced = match core {
            "u8" | "u16" | "u32" | "u64" | "u128" | "usize" | "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => Some("Ganzzahl"),
            "f32" | "f64" => Some("Zahl"),
            "String" | "str" => Some("Text"),
            "bool" => Some("Wahrheitswert"),
            c if c.contains("::") || c.starts_with("Option") || c.starts_with("Vec") || c == "Value" => Some("Wert"),
            _ => None,
        };
        out.push(match replaced {
            Some(r) => word.replace(core, r),
            None => word.to_owned(),
        });
    }
    out.join(" ")
}

/// The parser's English reason, in German words a school administrator understands,
/// and whether the reason was recognised.
fn german_detail(raw: &str) -> (String, bool) {
    let lower = raw.to_lowercase();
    let known: &[(&str, &str)] = &[
        ("recursion limit", "die Daten sind zu tief verschachtelt"),
        ("control character", "die Datei enthält ein unsichtbares Steuerzeichen – löschen Sie es oder schreiben Sie die Zeile neu"),
        ("invalid character", "die Datei enthält ein Zeichen, das in YAML nicht stehen darf (z. B. ein Steuerzeichen)"),
        ("non-printable", "die Datei enthält ein nicht druckbares Zeichen – löschen Sie es oder schreiben Sie die Zeile neu"),
        ("tab", "Tabulatorzeichen gefunden – YAML erlaubt zur Einrückung nur Leerzeichen"),
        (
            "directive",
            "eine Anweisung mit `%` (z. B. `%YAML`, `%TAG`) wird nicht unterstützt oder steht an falscher Stelle – löschen Sie die Zeile",
        ),
        ("version", "eine Anweisung `%YAML` nennt eine nicht unterstützte Version – löschen Sie die Zeile"),
        ("handle", "eine Typangabe mit `!` verwendet ein unbekanntes Kürzel – entfernen Sie die Angabe mit `!`"),
        ("tag", "eine Typangabe mit `!` (YAML-Tag) wird nicht unterstützt – entfernen Sie sie"),
        ("anchor", "ein Anker (`&name`) oder Verweis (`*name`) ist fehlerhaft"),
        ("alias", "ein Verweis (`*name`) ist fehlerhaft"),
        (
            "escape",
            "eine Escape-Folge mit `\\` in Anführungszeichen ist ungültig – schreiben Sie `\\\\` für einen Backslash oder nutzen Sie einfache Anführungszeichen",
        ),
        ("unclosed quote", "ein Anführungszeichen ist nicht geschlossen"),
        ("quoted scalar", "ein Anführungszeichen ist nicht geschlossen oder nach dem Text in Anführungszeichen folgt weiterer Text"),
        ("unclosed bracket", "eine Klammer ist nicht geschlossen"),
        ("expected ':'", "nach dem Schlüssel fehlt ein Doppelpunkt"),
        (
            "mapping values are not allowed",
            "ein Doppelpunkt steht an unerwarteter Stelle – Text mit „: “ bitte in Anführungszeichen setzen",
        ),
        ("simple key", "ein Schlüssel ist zu lang oder erstreckt sich über mehrere Zeilen"),
        (
            "reserved",
            "ein Wert beginnt mit `@` oder `` ` `` – diese Zeichen sind in YAML reserviert; setzen Sie den Text in Anführungszeichen",
        ),
        ("indent", "die Einrückung passt nicht zur Ebene darüber"),
        ("flow sequence", "eine eckige Klammer `[` ist nicht geschlossen oder ein Komma fehlt"),
        ("flow mapping", "eine geschweifte Klammer `{` ist nicht geschlossen oder ein Komma fehlt"),
        ("block scalar", "ein mehrzeiliger Text (`|` oder `>`) ist falsch eingerückt"),
        ("block sequence", "ein Listeneintrag (`- `) steht an unerwarteter Stelle"),
        ("block mapping", "ein Schlüssel steht an unerwarteter Stelle – prüfen Sie die Einrückung"),
        ("document", "Anfang oder Ende eines YAML-Dokuments (`---`, `...`) steht an unerwarteter Stelle"),
        ("key", "ein Schlüssel ist leer, keine einfache Angabe (z. B. eine Liste) oder steht an unerwarteter Stelle"),
        ("invalid type", "der Wert hat hier die falsche Art"),
        ("invalid value", "der Wert ist hier nicht erlaubt"),
        (
            "did not find expected",
            "an dieser Stelle steht ein unerwartetes Zeichen – oft fehlt eine Klammer oder die Einrückung stimmt nicht",
        ),
        ("unexpected", "an dieser Stelle steht ein unerwartetes Zeichen"),
    ];
    known
        .iter()
        .find(|(needle, _)| lower.contains(needle))
        .map_or_else(|| ("der Aufbau ist an dieser Stelle fehlerhaft".to_owned(), false), |(_, german)| ((*german).to_owned(), true))
}

#[cfg(test)]
mod tests {
    use super::{german_type, without_type_names};

    #[test]
    fn type_names_become_words() {
        assert_eq!(without_type_names("invalid type: string, expected u64"), "invalid type: string, expected Ganzzahl");
        assert_eq!(without_type_names("expected serde_json::Value here"), "expected Wert here");
        assert_eq!(german_type("f64"), "eine Zahl");
    }
}
