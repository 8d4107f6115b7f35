//! Structure check: walks a YAML value against the JSON Schema generated from
//! the Rust model and reports *every* unknown key, missing field, wrong type
//! and unknown value at once, with "meinten Sie …?" suggestions.
//!
//! serde alone stops at the first problem; this pass lets a user fix a file in
//! one round. Whatever passes here deserializes with serde.

use std::sync::LazyLock;

use serde_json::{Map, Value};

use super::codes;
use crate::diag::{Diagnostic, Rule, Severity};
use crate::model::{Datum, Jahrgang, Plan, Quartal, Traeger, UNGEFAEHR_PATTERN, ZEITPUNKT_PATTERN, Zeitpunkt, schaetzung};
use crate::source::{SourceFile, join_key};

/// A JSON Schema used to check documents.
#[derive(Debug)]
pub struct Schema {
    root: Value,
}

static PLAN_SCHEMA: LazyLock<Schema> = LazyLock::new(Schema::of::<Plan>);
static TRAEGER_SCHEMA: LazyLock<Schema> = LazyLock::new(Schema::of::<Traeger>);

impl Schema {
    /// The schema of a type, generated from its Rust definition.
    #[must_use]
    pub fn of<T: schemars::JsonSchema>() -> Self {
        Self { root: schemars::schema_for!(T).to_value() }
    }

    /// The schema of a school plan.
    #[must_use]
    pub fn plan() -> &'static Schema {
        &PLAN_SCHEMA
    }

    /// The schema of a Schulträger file (`mep review --traeger`).
    #[must_use]
    pub fn traeger() -> &'static Schema {
        &TRAEGER_SCHEMA
    }

    /// The schema as JSON.
    #[must_use]
    pub fn as_json(&self) -> &Value {
        &self.root
    }

    fn resolve<'a>(&'a self, schema: &'a Value) -> &'a Value {
        let mut s = schema;
        for _ in 0..16 {
            match s.get("$ref").and_then(Value::as_str) {
                Some(r) => match r.strip_prefix("#/$defs/").and_then(|n| self.root.get("$defs")?.get(n)) {
                    Some(target) => s = target,
                    None => return s,
                },
                None => return s,
            }
        }
        s
    }
}

/// Checks `value` against `schema`, pushing diagnostics with YAML paths.
///
/// Numbers and booleans written where text is expected (`plz: 70000`) are
/// turned into the text exactly as written in the file, so leading zeros survive.
pub fn check_structure(schema: &Schema, value: &mut Value, source: &SourceFile, out: &mut Vec<Diagnostic>) {
    let mut walker = Walker { schema, source, out };
    let mut path = String::new();
    walker.check(&schema.root, value, &mut path);
}

struct Walker<'a> {
    schema: &'a Schema,
    source: &'a SourceFile,
    out: &'a mut Vec<Diagnostic>,
}

impl Walker<'_> {
    fn error(&mut self, code: &'static Rule, path: &str, message: String, help: Option<String>) {
        let mut d = Diagnostic::new(code, Severity::Fehler, path, message);
        d.help = help;
        self.out.push(d);
    }

    fn check(&mut self, schema: &Value, value: &mut Value, path: &mut String) {
        let schema = self.schema.resolve(schema);
        if let Some(alts) = schema.get("anyOf").or_else(|| schema.get("oneOf")).and_then(Value::as_array) {
            self.check_alternatives(schema, alts, value, path);
            return;
        }
        if let Some(allowed) = schema.get("enum").and_then(Value::as_array) {
            if !allowed.contains(value) {
                let options: Vec<&Value> = allowed.iter().collect();
                self.bad_choice(&options, value, path);
            }
            return;
        }
        if let Some(c) = schema.get("const") {
            if c != value {
                self.bad_choice(&[c], value, path);
            }
            return;
        }
        let types = types_of(schema);
        if types.is_empty() {
            return;
        }
        if !types.iter().any(|t| matches_type(t, value)) {
            if types.contains(&"string") && (value.is_number() || value.is_boolean()) {
                let raw = self.source.scalar_text(path).map_or_else(|| value.to_string(), str::to_owned);
                *value = Value::String(raw);
            } else {
                self.wrong_type(schema, &types, value, path);
                return;
            }
        }
        match value {
            Value::Object(map) => self.check_object(schema, map, path),
            Value::Array(items) => {
                if let Some(item_schema) = schema.get("items") {
                    for (i, item) in items.iter_mut().enumerate() {
                        let len = path.len();
                        path.push_str(&format!("[{i}]"));
                        self.check(item_schema, item, path);
                        path.truncate(len);
                    }
                }
            }
            Value::Number(n) => self.check_number(schema, n, path),
            Value::String(s) => self.check_string(schema, s, path),
            _ => {}
        }
    }

    fn check_alternatives(&mut self, schema: &Value, alts: &[Value], value: &mut Value, path: &mut String) {
        // An enum written as oneOf of consts (schemars does this for documented variants).
        let consts: Vec<&Value> = alts.iter().filter_map(|a| self.schema.resolve(a).get("const")).collect();
        if consts.len() == alts.len() {
            if !consts.contains(&&*value) {
                self.bad_choice(&consts, value, path);
            }
            return;
        }
        // `Option<T>` comes as `anyOf: [T, null]`: check T in place, without trial copies.
        let non_null: Vec<&Value> = alts.iter().filter(|a| types_of(self.schema.resolve(a)) != ["null"]).collect();
        if non_null.len() + 1 == alts.len() {
            if !value.is_null() && non_null.len() == 1 {
                self.check(non_null[0], value, path);
                return;
            }
            if value.is_null() {
                return;
            }
        }
        if self.number_or_word(alts, value, path) {
            return;
        }
        let mut best: Option<(usize, Vec<Diagnostic>, Value)> = None;
        for alt in alts {
            let mut trial = value.clone();
            let mut scratch = Vec::new();
            let mut w = Walker { schema: self.schema, source: self.source, out: &mut scratch };
            w.check(alt, &mut trial, path);
            if scratch.is_empty() {
                *value = trial;
                return;
            }
            // Prefer the alternative whose type fits, then the one with fewest complaints.
            // A fractional number written for a whole one still has the right kind of value.
            let fits = types_of(self.schema.resolve(alt)).iter().any(|t| matches_type(t, value) || (*t == "integer" && value.is_number()));
            let score = scratch.len() + if fits { 0 } else { 1000 };
            if best.as_ref().is_none_or(|(s, ..)| score < *s) {
                best = Some((score, scratch, trial));
            }
        }
        if let Some((score, diags, _)) = best {
            if score >= 1000 {
                let expected: Vec<String> = alts.iter().map(|a| describe_schema(self.schema.resolve(a))).collect();
                let description = schema.get("description").and_then(Value::as_str).map(str::to_owned);
                self.error(
                    &codes::FORMAT_TYP,
                    path,
                    format!(
                        "`{}` hat die falsche Art von Wert: erwartet {}, gefunden {}.",
                        shown(path),
                        expected.join(" oder "),
                        describe_value(value)
                    ),
                    description,
                );
            } else {
                self.out.extend(diags);
            }
        }
    }

    /// A number that may also be a fixed word (`schueler: unbekannt`): text that is not close to
    /// the word is reported as a wrong number, with the word named in the help. Returns whether it reported.
    fn number_or_word(&mut self, alts: &[Value], value: &Value, path: &str) -> bool {
        let Value::String(text) = value else { return false };
        let resolved: Vec<&Value> = alts.iter().map(|a| self.schema.resolve(a)).collect();
        let Some(number) = resolved.iter().find(|a| types_of(a).iter().any(|t| matches!(*t, "integer" | "number"))) else { return false };
        let words: Vec<&str> =
            resolved.iter().filter_map(|a| a.get("enum").and_then(Value::as_array)).flatten().filter_map(Value::as_str).collect();
        if words.is_empty() || words.contains(&text.as_str()) || suggest(text, &words).is_some() {
            return false;
        }
        let approx = resolved.iter().any(|a| a.get("pattern").and_then(Value::as_str) == Some(UNGEFAEHR_PATTERN));
        if approx && schaetzung(text).is_some() {
            return false;
        }
        let mut scratch = Vec::new();
        let mut trial = value.clone();
        let mut w = Walker { schema: self.schema, source: self.source, out: &mut scratch };
        w.check(number, &mut trial, &mut path.to_owned());
        let word = words.join("` oder `");
        for mut d in scratch {
            let help = d.help.take().unwrap_or_default();
            let ungefaehr = if approx { " Ist er nur ungefähr bekannt, schreiben Sie z. B. `ca. 700`." } else { "" };
            d.help = Some(format!("{help} Ist der Wert nicht bekannt, schreiben Sie `{word}`.{ungefaehr}").trim_start().to_owned());
            self.out.push(d);
        }
        true
    }

    fn check_object(&mut self, schema: &Value, map: &mut Map<String, Value>, path: &mut String) {
        let empty = Map::new();
        let props = schema.get("properties").and_then(Value::as_object).unwrap_or(&empty);
        let closed = schema.get("additionalProperties") == Some(&Value::Bool(false));
        if closed {
            for key in map.keys() {
                if !props.contains_key(key) {
                    let names: Vec<&str> = props.keys().map(String::as_str).collect();
                    let key_path = join_key(path, key);
                    let mut help = suggest(key, &names).map(|s| format!("Meinten Sie `{s}`? ")).unwrap_or_default();
                    help.push_str(&format!("Erlaubt sind: {}.", names.join(", ")));
                    let mut d = Diagnostic::new(
                        &codes::FORMAT_UNBEKANNT,
                        Severity::Fehler,
                        &key_path,
                        format!("Unbekannter Schlüssel `{key}` in {}.", section(path)),
                    )
                    .help(help);
                    if let Some(span) = self.source.key_span(&key_path) {
                        d = d.at(self.source.location(span));
                    }
                    self.out.push(d);
                }
            }
        }
        if let Some(required) = schema.get("required").and_then(Value::as_array) {
            for name in required.iter().filter_map(Value::as_str) {
                if !map.contains_key(name) {
                    // The property's own description and example come first (a `$ref` may carry them beside it).
                    let desc = props
                        .get(name)
                        .and_then(|p| p.get("description").or_else(|| self.schema.resolve(p).get("description")))
                        .and_then(Value::as_str);
                    let example = props
                        .get(name)
                        .map(|p| if p.get("examples").is_some() { example_value(p) } else { example_value(self.schema.resolve(p)) })
                        .unwrap_or_default();
                    let mut help = format!("Ergänzen Sie `{name}: {example}`");
                    if let Some(desc) = desc {
                        help.push_str(&format!(" ({})", desc.trim_end_matches('.')));
                    }
                    help.push('.');
                    self.error(
                        &codes::FORMAT_PFLICHT,
                        &join_key(path, name),
                        format!("Pflichtangabe `{name}` fehlt in {}.", section(path)),
                        Some(help),
                    );
                }
            }
        }
        for (key, child) in map.iter_mut() {
            if let Some(prop) = props.get(key) {
                let len = path.len();
                *path = join_key(path, key);
                self.check(prop, child, path);
                path.truncate(len);
            }
        }
    }

    fn check_number(&mut self, schema: &Value, n: &serde_json::Number, path: &str) {
        let v = n.as_f64().unwrap_or(0.0);
        let (min, max) = bounds(schema);
        if let Some(min) = min
            && v < min
        {
            let message = if min == 0.0 {
                format!("`{}` darf nicht negativ sein (gefunden: {}).", shown(path), n)
            } else {
                format!("`{}` muss mindestens {} sein (gefunden: {}).", shown(path), fmt_num(min), n)
            };
            self.error(&codes::FORMAT_BEREICH, path, message, None);
        } else if let Some(max) = max
            && v > max
        {
            self.error(
                &codes::FORMAT_BEREICH,
                path,
                format!("`{}` darf höchstens {} sein (gefunden: {}).", shown(path), fmt_num(max), n),
                None,
            );
        }
    }

    fn check_string(&mut self, schema: &Value, s: &str, path: &str) {
        let format = schema.get("format").and_then(Value::as_str);
        let pattern = schema.get("pattern").and_then(Value::as_str);
        match (format, pattern) {
            (Some("date"), _) if Datum::parse(s).is_none() => self.error(
                &codes::FORMAT_DATUM,
                path,
                format!("`{}` ist kein gültiges Datum: „{s}“.", shown(path)),
                Some("Schreiben Sie Daten als JJJJ-MM-TT, z. B. 2027-03-31, und prüfen Sie, ob es den Tag gibt.".to_owned()),
            ),
            (_, Some(ZEITPUNKT_PATTERN)) if Zeitpunkt::parse(s).is_none() => {
                let hint = Zeitpunkt::iso_of_german(s).map(|iso| format!("Meinten Sie {iso}? ")).unwrap_or_default();
                self.error(
                    &codes::FORMAT_DATUM,
                    path,
                    format!("`{}` ist kein gültiges Datum: „{s}“.", shown(path)),
                    Some(format!(
                        "{hint}Schreiben Sie einen Tag als JJJJ-MM-TT (2027-03-31), nur den Monat als JJJJ-MM (2019-08) oder `unbekannt`."
                    )),
                );
            }
            (_, Some(UNGEFAEHR_PATTERN)) if schaetzung(s).is_none() => self.error(
                &codes::FORMAT_TYP,
                path,
                format!("`{}` ist keine ungefähre Zahl: „{s}“.", shown(path)),
                Some("Schreiben Sie eine Zahl (700), eine ungefähre Zahl (`ca. 700`) oder `unbekannt`.".to_owned()),
            ),
            (_, Some(p)) if p.contains("-Q[1-4]") && Quartal::parse(s).is_none() => self.error(
                &codes::FORMAT_DATUM,
                path,
                format!("`{}` ist kein gültiges Quartal: „{s}“.", shown(path)),
                Some("Schreiben Sie Quartale als JJJJ-QN, z. B. 2027-Q1.".to_owned()),
            ),
            (_, Some(p)) if p.starts_with("^(1[0-3]") && Jahrgang::parse(s).is_none() => self.error(
                &codes::FORMAT_WERT,
                path,
                format!("`{}` ist keine gültige Jahrgangsangabe: „{s}“.", shown(path)),
                Some("Schreiben Sie eine Jahrgangsstufe (5) oder eine Spanne in Anführungszeichen (\"5-6\").".to_owned()),
            ),
            _ => {}
        }
    }

    fn bad_choice(&mut self, options: &[&Value], value: &Value, path: &str) {
        let names: Vec<String> = options.iter().map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned)).collect();
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        let given = value.as_str().map_or_else(|| value.to_string(), str::to_owned);
        let mut help = suggest(&given, &refs).map(|s| format!("Meinten Sie `{s}`? ")).unwrap_or_default();
        help.push_str(&format!("Erlaubt sind: {}.", refs.join(", ")));
        self.error(&codes::FORMAT_WERT, path, format!("Unbekannter Wert `{given}` für `{}`.", shown(path)), Some(help));
    }

    fn wrong_type(&mut self, schema: &Value, types: &[&str], value: &Value, path: &str) {
        let expected: Vec<&str> = types.iter().filter(|t| **t != "null").map(|t| type_name(t)).collect();
        if value.is_null() {
            let mut help = "Tragen Sie hinter dem Doppelpunkt einen Wert ein oder entfernen Sie die Zeile.".to_owned();
            if let Some(desc) = schema.get("description").and_then(Value::as_str) {
                help = format!("{help} ({desc})");
            }
            self.error(
                &codes::FORMAT_TYP,
                path,
                format!("`{}` hat keinen Wert; erwartet {}.", shown(path), expected.join(" oder ")),
                Some(help),
            );
            return;
        }
        let help = match value {
            Value::String(s) if types.contains(&"number") || types.contains(&"integer") => Some(if looks_german_number(s) {
                let meant = german_number(s).map(|n| format!("Meinten Sie {n}? ")).unwrap_or_default();
                format!(
                    "{meant}Schreiben Sie Zahlen ohne Anführungszeichen, ohne Tausenderpunkt und ohne €-Zeichen; Dezimaltrennzeichen ist der Punkt, z. B. 4500.50."
                )
            } else {
                "Schreiben Sie hier eine Zahl ohne Anführungszeichen.".to_owned()
            }),
            Value::String(s) if types.contains(&"boolean") => Some(format!(
                "Schreiben Sie `true` (ja) oder `false` (nein){}.",
                if matches!(s.to_lowercase().as_str(), "ja" | "nein" | "yes" | "no" | "on" | "off" | "y" | "n") {
                    " statt „".to_owned() + s + "“"
                } else {
                    String::new()
                }
            )),
            Value::Number(_) if types.contains(&"integer") => Some("Hier ist eine ganze Zahl ohne Nachkommastellen gefragt.".to_owned()),
            Value::String(_) | Value::Number(_) | Value::Bool(_) if types.contains(&"array") => {
                Some("Schreiben Sie eine Liste, z. B. `[Z1, Z2]` oder untereinander mit `- ` am Zeilenanfang.".to_owned())
            }
            _ => schema.get("description").and_then(Value::as_str).map(str::to_owned),
        };
        self.error(
            &codes::FORMAT_TYP,
            path,
            format!("`{}` muss {} sein, gefunden: {}.", shown(path), expected.join(" oder "), describe_value(value)),
            help,
        );
    }
}

fn types_of(schema: &Value) -> Vec<&str> {
    match schema.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

fn matches_type(t: &str, value: &Value) -> bool {
    match t {
        "null" => value.is_null(),
        "boolean" => value.is_boolean(),
        "integer" => value.is_i64() || value.is_u64(),
        "number" => value.is_number(),
        "string" => value.is_string(),
        "array" => value.is_array(),
        "object" => value.is_object(),
        _ => true,
    }
}

fn bounds(schema: &Value) -> (Option<f64>, Option<f64>) {
    let mut min = schema.get("minimum").and_then(Value::as_f64);
    let mut max = schema.get("maximum").and_then(Value::as_f64);
    let (fmin, fmax) = match schema.get("format").and_then(Value::as_str) {
        Some("uint8") => (0.0, f64::from(u8::MAX)),
        Some("uint16") => (0.0, f64::from(u16::MAX)),
        Some("uint32") => (0.0, f64::from(u32::MAX)),
        Some("int32") => (f64::from(i32::MIN), f64::from(i32::MAX)),
        _ => (f64::NEG_INFINITY, f64::INFINITY),
    };
    if fmin.is_finite() {
        min = Some(min.map_or(fmin, |m| m.max(fmin)));
        max = Some(max.map_or(fmax, |m| m.min(fmax)));
    }
    (min, max)
}

fn type_name(t: &str) -> &'static str {
    match t {
        "boolean" => "ein Wahrheitswert (true oder false)",
        "integer" => "eine ganze Zahl",
        "number" => "eine Zahl",
        "string" => "ein Text",
        "array" => "eine Liste",
        "object" => "ein Abschnitt mit Schlüsseln",
        _ => "ein Wert",
    }
}

fn describe_schema(schema: &Value) -> String {
    let types = types_of(schema);
    let base: Vec<&str> = types.iter().filter(|t| **t != "null").map(|t| type_name(t)).collect();
    let mut s = base.join(" oder ");
    if let Some(ex) = schema.get("examples").and_then(Value::as_array).and_then(|e| e.first()) {
        s.push_str(&format!(" (z. B. {ex})"));
    }
    s
}

fn describe_value(value: &Value) -> String {
    match value {
        Value::Null => "kein Wert".to_owned(),
        Value::Bool(b) => format!("Wahrheitswert {b}"),
        Value::Number(n) => format!("Zahl {n}"),
        Value::String(s) => {
            let short: String = s.chars().take(40).collect();
            let ell = if s.chars().count() > 40 { "…" } else { "" };
            format!("Text „{short}{ell}“")
        }
        Value::Array(_) => "eine Liste".to_owned(),
        Value::Object(_) => "ein Abschnitt mit Schlüsseln".to_owned(),
    }
}

fn example_value(schema: &Value) -> String {
    if let Some(ex) = schema.get("examples").and_then(Value::as_array).and_then(|e| e.first()) {
        return ex.as_str().map_or_else(|| ex.to_string(), str::to_owned);
    }
    if let Some(alts) = schema.get("oneOf").or_else(|| schema.get("anyOf")).and_then(Value::as_array)
        && let Some(c) = alts.first().and_then(|a| a.get("const")).and_then(Value::as_str)
    {
        return c.to_owned();
    }
    match types_of(schema).first().copied() {
        Some("integer" | "number") => "0".to_owned(),
        Some("boolean") => "true".to_owned(),
        Some("array") => "[]".to_owned(),
        Some("object") => "{ … }".to_owned(),
        _ => "…".to_owned(),
    }
}

fn looks_german_number(s: &str) -> bool {
    let t = s.trim().trim_end_matches('€').trim();
    !t.is_empty() && t.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',' || c == ' ') && t.chars().any(|c| c.is_ascii_digit())
}

/// The number meant by German text such as `2.480,50 €` or `2480,5`, written as YAML wants it (`2480.5`).
fn german_number(s: &str) -> Option<String> {
    let t: String = s.trim().trim_end_matches('€').chars().filter(|c| !c.is_whitespace()).collect();
    let (int, frac) = t.split_once(',').unwrap_or((&t, ""));
    let groups: Vec<&str> = int.split('.').collect();
    let grouped_ok = groups.len() == 1 || (groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3));
    if !grouped_ok
        || groups.iter().any(|g| g.is_empty() || !g.bytes().all(|c| c.is_ascii_digit()))
        || !frac.bytes().all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let frac = frac.trim_end_matches('0');
    Some(if frac.is_empty() { groups.concat() } else { format!("{}.{frac}", groups.concat()) })
}

fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 { format!("{v:.0}") } else { v.to_string().replace('.', ",") }
}

/// The path as shown to users; the document root is called "die Datei".
fn shown(path: &str) -> &str {
    if path.is_empty() { "Datei" } else { path }
}

fn section(path: &str) -> String {
    if path.is_empty() { "der obersten Ebene".to_owned() } else { format!("`{path}`") }
}

/// The closest allowed name to a misspelt one, if any is close enough.
#[must_use]
pub fn suggest<'a>(given: &str, allowed: &[&'a str]) -> Option<&'a str> {
    // Names and ids are short; a long text is no misspelling, and the distance costs the product of the lengths.
    const LONGEST: usize = 64;
    if given.chars().count() > LONGEST {
        return None;
    }
    let lower = given.to_lowercase();
    let folded = fold_umlauts(&lower);
    allowed
        .iter()
        .filter(|a| a.chars().count() <= LONGEST)
        .map(|a| {
            let al = a.to_lowercase();
            let d = strsim::damerau_levenshtein(&folded, &fold_umlauts(&al)).min(strsim::damerau_levenshtein(&lower, &al));
            (d, *a)
        })
        .filter(|(d, a)| *d <= (a.chars().count() / 3).max(2))
        .min_by_key(|(d, a)| (*d, *a))
        .map(|(_, a)| a)
        .or_else(|| {
            // A shortened key such as `raeume` for `unterrichtsraeume`.
            (folded.chars().count() >= 4)
                .then(|| allowed.iter().copied().find(|a| fold_umlauts(&a.to_lowercase()).contains(&folded)))
                .flatten()
        })
}

fn fold_umlauts(s: &str) -> String {
    s.replace('ä', "ae").replace('ö', "oe").replace('ü', "ue").replace('ß', "ss").replace('-', "_")
}

#[cfg(test)]
mod tests {
    use super::suggest;

    #[test]
    fn suggestions_are_close_and_fold_umlauts() {
        assert_eq!(suggest("schuler", &["schueler", "name"]), Some("schueler"));
        assert_eq!(suggest("schüler", &["schueler", "name"]), Some("schueler"));
        assert_eq!(suggest("bw", &["BW", "BY"]), Some("BW"));
        assert_eq!(suggest("völlig_anders", &["name", "ort"]), None);
        assert_eq!(suggest("raeume", &["klassen", "unterrichtsraeume"]), Some("unterrichtsraeume"));
    }
}
