//! Text limits: whatever `mep validate` accepts, `mep render` renders.
//!
//! Every text of the plan must be showable in the PDF and short enough to be
//! set in about a second. The limits were chosen by measurement (see
//! `benches/text_limits.rs`); the characters come from
//! [`crate::glyphs`]; the PDF renderer repairs them in drafts.

use super::walk::Item;
use super::{Context, Entry, Findings, Rule};
use crate::diag::Severity::{Fehler, Warnung};
use crate::glyphs::{Unprintable, unprintable};

// Measured with `cargo bench --bench text_limits` (release, 2 shared cores): the
// minimal plan takes about 0,2 s; one paragraph of 5 000 characters 0,26 s (10 000:
// 0,62 s, line breaking grows faster than the text); 20 000 characters over many
// fields 0,43 s (40 000: 0,74 s); 100 needs 0,55 s, 200 needs 0,79 s (500: 1,7 s).
// The examples have at most 95 list entries that are sections and 21 000 characters.

/// Longest single text (one field), in characters.
pub const MAX_FIELD_CHARS: usize = 5_000;

/// Most characters of text in the whole plan.
pub const MAX_TOTAL_CHARS: usize = 30_000;

/// Most entries in one list (`bedarf`, `ziele`, …).
pub const MAX_LIST_ENTRIES: usize = 100;

/// Most list entries that are sections (a need, a goal, a measure …) in the whole plan;
/// each is a row or a block in the document.
pub const MAX_TOTAL_ENTRIES: usize = 200;

pub(super) static RULES: &[Entry] =
    &[(&TEXT_LAENGE, Some(check_length)), (&TEXT_ZEICHEN, Some(check_characters)), (&TEXT_SCHRIFT, Some(check_glyphs))];

/// `TEXT-LAENGE`: Text oder Liste zu lang für das Dokument
pub static TEXT_LAENGE: Rule = Rule {
    code: "TEXT-LAENGE",
    title: "Text oder Liste zu lang für das Dokument",
    severity: Fehler,
    explanation: "Ein einzelner Text des Plans darf höchstens 5 000 Zeichen haben (etwa eineinhalb Druckseiten), alle Texte \
zusammen höchstens 30 000 Zeichen; eine Liste darf höchstens 100 Einträge haben, alle Listen zusammen höchstens 200 Einträge \
mit eigenen Angaben (Bedarfe, Ziele, Maßnahmen usw.). Mit diesen Grenzen entsteht das PDF jedes gültigen \
Plans in etwa einer Sekunde; längere Texte machen den Satz sehr langsam, und die PDF-Bibliothek kann einzelne Texte über \
32 767 Zeichen gar nicht schreiben. Kürzen Sie den Text, teilen Sie ihn auf mehrere Abschnitte auf oder verweisen Sie auf \
ein ergänzendes Dokument.",
    bad: "leitbild: \"<ein Text mit mehr als 5 000 Zeichen>\"\n",
    good: "leitbild: |\n  Wir lernen mit und über digitale Medien.\n",
    sources: &[],
};

/// `TEXT-ZEICHEN`: Unzulässiges Zeichen im Text
pub static TEXT_ZEICHEN: Rule = Rule {
    code: "TEXT-ZEICHEN",
    title: "Unzulässiges Zeichen im Text",
    severity: Fehler,
    explanation: "Texte dürfen keine Steuerzeichen (außer Zeilenumbruch und Tabulator) und keine Unicode-Nichtzeichen \
wie U+FFFE oder U+FFFF enthalten. Solche Zeichen entstehen meist beim Kopieren aus anderen Programmen oder durch eine falsche \
Kodierung; sie sind unsichtbar und lassen sich im PDF nicht darstellen. Die Meldung nennt die Stelle und den Code des Zeichens; \
löschen Sie das Zeichen oder schreiben Sie den Text an dieser Stelle neu.",
    bad: "leitbild: \"Wir lernen\\uFFFE mit digitalen Medien.\"\n",
    good: "leitbild: \"Wir lernen mit digitalen Medien.\"\n",
    sources: &[],
};

/// `TEXT-SCHRIFT`: Zeichen ohne Darstellung im PDF
pub static TEXT_SCHRIFT: Rule = Rule {
    code: "TEXT-SCHRIFT",
    title: "Zeichen ohne Darstellung im PDF",
    severity: Warnung,
    explanation: "Für dieses Zeichen enthält keine der eingebetteten Schriften ein Zeichenbild (z. B. Emojis oder Zeichen aus \
dem privaten Bereich von Unicode). Im PDF erscheint an seiner Stelle ein Ersatzzeichen (�); Markdown und JSON behalten es. \
Schreiben Sie das Zeichen aus oder ersetzen Sie es durch ein gewöhnliches.",
    bad: "leitbild: \"Wir lernen gern 🙂\"\n",
    good: "leitbild: \"Wir lernen gern.\"\n",
    sources: &[],
};

fn check_length(ctx: &Context<'_>, f: &mut Findings) {
    let mut total = 0;
    let mut lists = Vec::new();
    let mut sections = 0;
    ctx.items().for_each(|item| match item {
        Item::Text { path, text } => {
            let n = text.chars().count();
            total += n;
            if n > MAX_FIELD_CHARS {
                f.at(path, format!("Der Text `{path}` ist {} Zeichen lang; erlaubt sind höchstens {}.", de(n), de(MAX_FIELD_CHARS)))
                    .with_help(
                        "Kürzen Sie den Text oder teilen Sie ihn auf; für ausführliche Darstellungen verweisen Sie auf eine Anlage.",
                    );
            }
        }
        Item::List { path, len, sections: s } => {
            sections += s;
            if len > MAX_LIST_ENTRIES {
                lists.push((path.to_owned(), len));
            }
        }
    });
    if total > MAX_TOTAL_CHARS {
        f.at("", format!("Die Texte des Plans haben zusammen {} Zeichen; erlaubt sind höchstens {}.", de(total), de(MAX_TOTAL_CHARS)))
            .with_help("Kürzen Sie die längsten Texte; ein Medienentwicklungsplan bleibt so lesbar und das PDF entsteht zügig.");
    }
    lists.sort();
    for (path, n) in lists {
        f.at(&path, format!("Die Liste `{path}` hat {} Einträge; erlaubt sind höchstens {}.", de(n), de(MAX_LIST_ENTRIES)))
            .with_help("Fassen Sie gleichartige Einträge zusammen (z. B. eine Zeile mit `anzahl` statt vieler einzelner).");
    }
    if sections > MAX_TOTAL_ENTRIES {
        f.at(
            "",
            format!(
                "Die Listen des Plans haben zusammen {} Einträge mit eigenen Angaben; erlaubt sind höchstens {}.",
                de(sections),
                de(MAX_TOTAL_ENTRIES)
            ),
        )
        .with_help("Fassen Sie gleichartige Einträge zusammen (z. B. eine Zeile mit `anzahl` statt vieler einzelner).");
    }
}

fn check_characters(ctx: &Context<'_>, f: &mut Findings) {
    report_characters(ctx, f, |why| why != Unprintable::NoGlyph);
}

fn check_glyphs(ctx: &Context<'_>, f: &mut Findings) {
    report_characters(ctx, f, |why| why == Unprintable::NoGlyph);
}

/// One finding per text: the first offending character, and how many there are.
fn report_characters(ctx: &Context<'_>, f: &mut Findings, wanted: impl Fn(Unprintable) -> bool) {
    ctx.unusual_texts().for_each(|(path, text)| {
        let mut bad = text.chars().enumerate().filter_map(|(i, c)| unprintable(c).filter(|w| wanted(*w)).map(|w| (i, c, w)));
        let Some((i, c, why)) = bad.next() else { return };
        let more = bad.count();
        let others = match more {
            0 => String::new(),
            1 => " (und 1 weiteres)".to_owned(),
            n => format!(" (und {n} weitere)"),
        };
        f.at(path, format!("`{path}` enthält {} (U+{:04X}) an Zeichen {}{others}.", why.label(), u32::from(c), i + 1)).with_help(
            match why {
                Unprintable::NoGlyph => "Im PDF erscheint ein Ersatzzeichen. Ersetzen Sie das Zeichen durch ein gewöhnliches.",
                _ => "Löschen Sie das unsichtbare Zeichen; es entsteht oft beim Kopieren aus anderen Programmen.",
            },
        );
    });
}

/// A count with German thousands separators.
fn de(n: usize) -> String {
    crate::german::de_int(i64::try_from(n).unwrap_or(i64::MAX))
}
