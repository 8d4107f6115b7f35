//! German text of numbers: grouped digits, decimals, money, shares, school years.
//!
//! A leaf module: every stage that words a number for people (rules, view, renderers)
//! formats it here, so all outputs print the same figures the same way.

use crate::figures::Ratio;

/// No-break space (U+00A0) between a number and its unit (`12,5 %`, `1.234,56 €`).
pub const NBSP: char = '\u{a0}';
/// Minus sign (U+2212) of negative numbers in documents.
pub const MINUS: char = '\u{2212}';

/// Groups the digits of a whole number with `.` as thousands separator: `1.234.567`; negative numbers get a real minus sign.
#[must_use]
pub fn de_int(n: i64) -> String {
    let mut out = String::new();
    if n < 0 {
        out.push(MINUS);
    }
    out.push_str(&group(n.unsigned_abs()));
    out
}

fn group(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// `10^places`, saturating.
#[must_use]
pub fn pow10(places: u32) -> i64 {
    10i64.saturating_pow(places)
}

/// Formats `value / 10^places` with `places` decimals, `,` as decimal mark and grouped thousands: `1.234,5`.
///
/// Zero never gets a sign (no `-0,0`); negative numbers get a real minus sign (U+2212).
#[must_use]
pub fn de_scaled(value: i64, places: u32) -> String {
    let (sign, whole, frac) = split_scaled(value, places);
    let mut out = String::new();
    if sign {
        out.push(MINUS);
    }
    out.push_str(&group(whole));
    if places > 0 {
        out.push(',');
        out.push_str(&frac);
    }
    out
}

/// Like [`de_scaled`] but for machine-read cells (CSV for German spreadsheets): no grouping, ASCII `-`.
#[must_use]
pub fn plain_scaled(value: i64, places: u32) -> String {
    let (sign, whole, frac) = split_scaled(value, places);
    let mut out = String::new();
    if sign {
        out.push('-');
    }
    out.push_str(&whole.to_string());
    if places > 0 {
        out.push(',');
        out.push_str(&frac);
    }
    out
}

fn split_scaled(value: i64, places: u32) -> (bool, u64, String) {
    let p = pow10(places).unsigned_abs();
    let abs = value.unsigned_abs();
    let frac = format!("{:0width$}", abs % p, width = places as usize);
    (value < 0, abs / p, frac)
}

/// Rounds `x × 10^places` half away from zero (as a whole number), saturating.
#[must_use]
pub fn round_scaled(x: f64, places: u32) -> i64 {
    if !x.is_finite() {
        return 0;
    }
    let factor = 10f64.powi(i32::try_from(places).unwrap_or(0));
    // `f64::round` rounds half away from zero; the small nudge absorbs binary noise (62.5 stored as 62.4999…).
    let scaled = x * factor;
    let nudged = scaled + scaled.signum() * 1e-9;
    nudged.round().clamp(-9.0e18, 9.0e18) as i64
}

/// Formats a decimal number with `places` decimals, rounded half away from zero: `1.234,5`.
#[must_use]
pub fn de_dec(x: f64, places: usize) -> String {
    if !x.is_finite() {
        return "–".to_owned();
    }
    let places = u32::try_from(places).unwrap_or(0);
    de_scaled(round_scaled(x, places), places)
}

/// Formats a fraction with `places` decimals, rounded half away from zero.
#[must_use]
pub fn de_ratio(r: Ratio, places: u32) -> String {
    de_scaled(r.scaled(pow10(places)), places)
}

/// Formats a fraction as a percentage with one decimal: `12,5 %`.
#[must_use]
pub fn de_share(r: Ratio) -> String {
    de_percent(r, 1)
}

/// Formats a fraction as a percentage with `places` decimals, rounded half away from zero: `63 %`.
#[must_use]
pub fn de_percent(r: Ratio, places: u32) -> String {
    format!("{}{NBSP}%", de_scaled(r.scaled(pow10(places).saturating_mul(100)), places))
}

/// A whole percentage from a rule parameter: `20 %` (U+00A0 before the sign).
#[must_use]
pub fn de_percent_whole(n: i64) -> String {
    format!("{}{NBSP}%", de_int(n))
}

/// A fraction for a CSV cell: `places` decimals, no grouping, no unit.
#[must_use]
pub fn csv_ratio(r: Ratio, places: u32) -> String {
    plain_scaled(r.scaled(pow10(places)), places)
}

/// A fraction as a percentage for a CSV cell: `62,5` (no unit).
#[must_use]
pub fn csv_percent(r: Ratio, places: u32) -> String {
    plain_scaled(r.scaled(pow10(places).saturating_mul(100)), places)
}

/// Formats euro cents as `1.234,56 €` (always two decimals, as in cost plans; U+00A0 before €, U+2212 for negative amounts).
#[must_use]
pub fn de_eur(cents: i64) -> String {
    format!("{}{NBSP}€", de_scaled(cents, 2))
}

/// Euro cents for a CSV cell: `1234,56` (no grouping, no unit).
#[must_use]
pub fn csv_eur(cents: i64) -> String {
    plain_scaled(cents, 2)
}

/// Formats a percentage with one decimal, rounded half away from zero: `12,5 %`.
#[must_use]
pub fn de_pct(percent: f64) -> String {
    format!("{}{NBSP}%", de_dec(percent, 1))
}

/// Names the school year that starts in `year`: `Schuljahr 2026/27`.
#[must_use]
pub fn schuljahr(year: i32) -> String {
    format!("Schuljahr {year}/{:02}", (year + 1).rem_euclid(100))
}

/// The text with its first letter in upper case ("der DigitalPakt …" at the start of a sentence).
#[must_use]
pub fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
}
