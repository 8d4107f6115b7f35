//! Codes raised while reading a profile file (`--profile`).

use super::Rule;
use crate::diag::Severity::Fehler;

/// Profile codes; their checks live in [`crate::profile`].
pub(super) static RULES: &[&Rule] = &[&PROFIL_REGEL, &PROFIL_SCHWERE];

/// `PROFIL-REGEL`: Unbekannte oder nicht einstellbare Regel im Profil
pub static PROFIL_REGEL: Rule = Rule {
    code: "PROFIL-REGEL",
    title: "Unbekannte oder nicht einstellbare Regel im Profil",
    severity: Fehler,
    explanation: "Ein Profil stellt unter `regeln` den Schweregrad einzelner Regeln ein. Der Code muss eine Regel sein, die mep kennt \
und die einen Plan prüft (Codes des Einlesens wie `YAML-SYNTAX` lassen sich nicht abschalten). Ein Tippfehler im Code darf nicht still \
übergangen werden, sonst gilt die Einstellung nicht. Die Meldung nennt den ähnlichsten Code; alle Codes zeigt `mep rules`. \
Eine Land-Ergänzung (`id: land-…`) nennt kein `programm`; sie gibt ihre Werte je Programm unter `digitalpakt-2019:` und `digitalpakt-2:` an, damit kein Wert des einen Programms im anderen gilt.",
    bad: "id: arbeitsgruppe-kreis\ntitel: Profil der Arbeitsgruppe\nregeln:\n  DP-SMARTPHON: warnung\n",
    good: "id: arbeitsgruppe-kreis\ntitel: Profil der Arbeitsgruppe\nregeln:\n  DP-SMARTPHONE: warnung\n",
    sources: &[],
    check: None,
};

/// `PROFIL-SCHWERE`: Schweregrad zu hoch für die Quellenlage
pub static PROFIL_SCHWERE: Rule = Rule {
    code: "PROFIL-SCHWERE",
    title: "Schweregrad zu hoch für die Quellenlage",
    severity: Fehler,
    explanation: "Eine Regel, die sich nur auf Presse- oder Sekundärquellen stützt, darf höchstens eine Warnung melden: \
ein Fehler bedeutet „nicht förderfähig“ und braucht eine amtliche Grundlage. Ein Profil kann eine solche Regel deshalb nicht auf `fehler` setzen. \
Ergänzen Sie zuerst eine amtliche Quelle in der Regel oder belassen Sie es bei `warnung`.",
    bad: "id: arbeitsgruppe-kreis\ntitel: Profil der Arbeitsgruppe\nregeln:\n  DS-CLOUD-DSK: fehler\n",
    good: "id: arbeitsgruppe-kreis\ntitel: Profil der Arbeitsgruppe\nregeln:\n  DS-CLOUD-DSK: warnung\n",
    sources: &[],
    check: None,
};
