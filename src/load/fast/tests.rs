//! The fast reader against the full parser: wherever the fast reader answers, the full parser
//! reads the same value, on every YAML file of the repository and on damaged copies of them.

use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::read;
use crate::load::{Limits, yaml_options};
use crate::model::{Plan, Traeger};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every YAML file of the repository outside build directories.
fn yaml_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![root().to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if path.is_dir() {
                if !name.starts_with('.') && name != "target" {
                    stack.push(path);
                }
            } else if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml")) {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// Checks that both readers agree on `text` as `T` wherever the fast reader answers; whether it answered.
fn agree<T: DeserializeOwned + Serialize>(text: &str, what: &str) -> bool {
    let limits = Limits::default();
    let Some(fast) = read::<T>(text, &limits) else { return false };
    let full = serde_saphyr::from_str_with_options::<T>(text, yaml_options(&limits));
    let fast = serde_json::to_value(&fast).unwrap();
    match full {
        Ok(full) => assert_eq!(fast, serde_json::to_value(&full).unwrap(), "the readers differ on {what}:\n{text}"),
        Err(e) => panic!("the fast reader accepts what the full parser refuses ({e}) in {what}:\n{text}"),
    }
    true
}

/// Checks one text as a plan, a Schulträger file and a generic value; how many readings the
/// fast reader answered.
fn check(text: &str, what: &str) -> usize {
    usize::from(agree::<Plan>(text, what)) + usize::from(agree::<Traeger>(text, what)) + usize::from(agree::<serde_json::Value>(text, what))
}

#[test]
fn both_readers_agree_on_every_yaml_file_of_the_repository() {
    let files = yaml_files();
    assert!(files.len() > 100, "too few YAML files found: {}", files.len());
    let mut answered = 0;
    for path in &files {
        let Ok(text) = std::fs::read_to_string(path) else { continue };
        answered += check(&text, &path.display().to_string());
    }
    // The reader must not be dead code: most files are plain block YAML.
    assert!(answered > files.len() / 2, "the fast reader answered only {answered} readings of {} files", files.len());
    for example in std::fs::read_dir(root().join("examples")).unwrap() {
        let path = example.unwrap().path();
        if path.extension().is_some_and(|e| e == "yaml") {
            let text = std::fs::read_to_string(&path).unwrap();
            assert!(read::<Plan>(&text, &Limits::default()).is_some(), "the fast reader does not read {}", path.display());
        }
    }
}

/// Pieces that change how YAML reads a line.
const PIECES: &[&str] = &[
    ":", ": ", " ", "-", "- ", "#", " #", "\t", "'", "\"", "|", ">", "|-", ">+", "[", "]", "{", "}", ",", "&a ", "*a", "!", "!!str ", "~",
    "null", "\n", "\r", "  ", "\n- ", "\n  ", "0x1F", "1e3", ".inf", "yes", "True", "\\", "\\u00e4", "?", "? ", "%", "@", "`", "---\n",
    "...", "<<: ", "0", "007", "-0", "1_000", "+1", "2.5", "\u{85}", "\u{feff}", "\u{2028}", "ä", "''", "\"\"",
];

/// A small deterministic generator (xorshift), so that a failure repeats.
struct Rng(u64);

impl Rng {
    fn next(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// One random change: a piece inserted, a few characters removed, or a line removed, repeated,
/// indented or swapped with the next.
fn damage(text: &str, rng: &mut Rng) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let i = rng.next(lines.len());
    match rng.next(6) {
        0 | 1 => {
            let line = &mut lines[i];
            let at = (0..=line.len()).filter(|&k| line.is_char_boundary(k)).nth(rng.next(line.chars().count() + 1)).unwrap_or(0);
            line.insert_str(at, PIECES[rng.next(PIECES.len())]);
        }
        2 => {
            let line = &mut lines[i];
            let chars: Vec<char> = line.chars().collect();
            if !chars.is_empty() {
                let from = rng.next(chars.len());
                let to = (from + 1 + rng.next(3)).min(chars.len());
                *line = chars[..from].iter().chain(&chars[to..]).collect();
            }
        }
        3 => {
            if rng.next(2) == 0 {
                lines.remove(i);
            } else {
                let copy = lines[i].clone();
                lines.insert(i, copy);
            }
        }
        4 => {
            let line = &mut lines[i];
            match rng.next(3) {
                0 => line.insert(0, ' '),
                1 => line.insert_str(0, "  "),
                _ => {
                    if line.starts_with(' ') {
                        line.remove(0);
                    }
                }
            }
        }
        _ => {
            if i + 1 < lines.len() {
                lines.swap(i, i + 1);
            }
        }
    }
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

/// Prints a campaign's figures (seen with `--nocapture`).
#[allow(clippy::disallowed_macros)] // a test's report, not program output
fn report(line: &str) {
    eprintln!("{line}");
}

#[test]
fn both_readers_agree_on_damaged_copies_of_the_examples() {
    let cases: usize = std::env::var("MEP_FAST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(120);
    let seed = std::env::var("MEP_FAST_SEED").ok().and_then(|v| v.parse().ok()).unwrap_or(0x5EED_2026_u64);
    let mut examples: Vec<PathBuf> = std::fs::read_dir(root().join("examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    examples.sort();
    examples.push(root().join("tests/fixtures/valid/teilweise-bekannt.yaml"));
    let texts: Vec<String> = examples.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect();
    let mut rng = Rng(seed);
    let (mut answered, mut plans) = (0, 0);
    for case in 0..cases {
        let mut text = texts[case % texts.len()].clone();
        for _ in 0..=rng.next(3) {
            text = damage(&text, &mut rng);
        }
        answered += usize::from(agree::<serde_json::Value>(&text, &format!("case {case} (seed {seed})")));
        plans += usize::from(agree::<Plan>(&text, &format!("case {case} (seed {seed})")));
    }
    report(&format!("{cases} damaged copies: the fast reader answered {answered} as values and {plans} as plans"));
    // Many changes keep the file valid (a space in a text), so the fast reader must answer often.
    assert!(answered > cases / 5, "the fast reader answered only {answered} of {cases} damaged copies");
}

/// Forms the fast reader reads, each checked against the full parser and against the value meant.
#[test]
fn block_scalars_quotes_and_flow_read_as_yaml_says() {
    let cases: &[(&str, serde_json::Value)] = &[
        ("a: |\n  x\n  y\n\n\nb: 1\n", serde_json::json!({"a": "x\ny\n", "b": 1})),
        ("a: |-\n  x\n\n  y\n", serde_json::json!({"a": "x\n\ny"})),
        ("a: |+\n  x\n\n\nb: 1\n", serde_json::json!({"a": "x\n\n\n", "b": 1})),
        ("a: >\n  x\n  y\n\n  z\n", serde_json::json!({"a": "x y\nz\n"})),
        ("a: >-\n\n  x\n  y\n", serde_json::json!({"a": "\nx y"})),
        ("- |\n  # kein Kommentar\n- b\n", serde_json::json!(["# kein Kommentar\n", "b"])),
        ("a: \"x\\\"y\\u00e4\\n\" # c\nb: 'it''s'\n", serde_json::json!({"a": "x\"yä\n", "b": "it's"})),
        (
            "a: { von: 2026-08-01, bis: [1, -2, 2.5, \"x, y\"] }\n",
            serde_json::json!({"a": {"von": "2026-08-01", "bis": [1, -2, 2.5, "x, y"]}}),
        ),
        ("k:\n- a: 1\n  b: x # c\n- 2027-Q1\nl: true\n", serde_json::json!({"k": [{"a": 1, "b": "x"}, "2027-Q1"], "l": true})),
        ("a: 2025/26\nb: https://x.de/#a\nc: 5-6\nd: 0\n", serde_json::json!({"a": "2025/26", "b": "https://x.de/#a", "c": "5-6", "d": 0})),
        ("a:\r\n  - x\r\n  - z\r\n", serde_json::json!({"a": ["x", "z"]})),
    ];
    for (text, meant) in cases {
        let value = read::<serde_json::Value>(text, &Limits::default());
        assert_eq!(value.as_ref(), Some(meant), "{text:?}");
        assert!(agree::<serde_json::Value>(text, text));
    }
}

/// Forms left to the full parser: they mean something else in YAML, are errors, or read in ways
/// this reader does not take on.
#[test]
fn other_yaml_is_left_to_the_full_parser() {
    let cases = [
        "a: &x 1\nb: *x\n",
        "a: !!str 5\n",
        "a:\nb: 1\n",
        "a: ~\n",
        "a: null\n",
        "a: yes\n",
        "a: 0x1F\n",
        "a: 1e3\n",
        "a: .inf\n",
        "a: 007\n",
        "a: 1_000\n",
        "a: 10:30\n",
        "a: b\n  c\n",
        "a: \"b\n  c\"\n",
        "a: 1\na: 2\n",
        "---\na: 1\n",
        "a: 1\n...\n",
        "a: 1\n--- \nb: 2\n",
        "%YAML 1.2\n---\na: 1\n",
        "a:\n\t- 1\n",
        "a: b\tc\n",
        "a: |2\n   x\n",
        "a: >\n  x\n    y\n",
        "a: |\n\n    \n  x\n",
        "a: [1, 2,]\n",
        "a: [1,, 2]\n",
        "a: [x: 1]\n",
        "a: {b}\n",
        "a: [1,\n  2]\n",
        "a: \"\\q\"\n",
        "a: 'x' y\n",
        "a: b: c\n",
        "? a\n: 1\n",
        "<<: {a: 1}\n",
        "a: 1\n  b: 2\n",
        "- a\nb: 1\n",
        "a:\n  - x\n y: 1\n",
        "a: \u{85}\n",
        "a: x\u{2028}y\n",
        "a: 1\r",
        "plain text\n",
        "",
    ];
    for text in cases {
        assert!(read::<serde_json::Value>(text, &Limits::default()).is_none(), "the fast reader answered on {text:?}");
    }
}
