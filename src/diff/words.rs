//! Word-level difference of two texts: the longest common subsequence of their words.

use schemars::JsonSchema;
use serde::Serialize;

/// Largest table (words before × words after) compared word by word; longer texts are
/// compared by their common beginning and end only, so a hostile text costs no more.
const MAX_CELLS: usize = 4_000_000;

/// What happened to a run of words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum WordOp {
    /// In both texts.
    Gleich,
    /// Only in the new text.
    Neu,
    /// Only in the old text.
    Entfernt,
}

/// A run of words with the same fate, joined by single spaces.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Words {
    /// What happened to them.
    pub op: WordOp,
    /// The words.
    pub text: String,
}

/// The runs that turn `old` into `new`, word by word; line breaks and repeated blanks are no change.
#[must_use]
pub fn diff(old: &str, new: &str) -> Vec<Words> {
    let a: Vec<&str> = old.split_whitespace().collect();
    let b: Vec<&str> = new.split_whitespace().collect();
    let head = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let tail = a[head..].iter().rev().zip(b[head..].iter().rev()).take_while(|(x, y)| x == y).count();
    let (mid_a, mid_b) = (&a[head..a.len() - tail], &b[head..b.len() - tail]);
    let mut ops: Vec<(WordOp, &str)> = a[..head].iter().map(|w| (WordOp::Gleich, *w)).collect();
    if mid_a.len().saturating_mul(mid_b.len()) <= MAX_CELLS {
        ops.extend(lcs(mid_a, mid_b));
    } else {
        ops.extend(mid_a.iter().map(|w| (WordOp::Entfernt, *w)));
        ops.extend(mid_b.iter().map(|w| (WordOp::Neu, *w)));
    }
    ops.extend(a[a.len() - tail..].iter().map(|w| (WordOp::Gleich, *w)));
    let mut out: Vec<Words> = Vec::new();
    for (op, word) in ops {
        match out.last_mut() {
            Some(last) if last.op == op => {
                last.text.push(' ');
                last.text.push_str(word);
            }
            _ => out.push(Words { op, text: word.to_owned() }),
        }
    }
    out
}

/// The classic dynamic programme; removals before additions at each change.
fn lcs<'a>(old: &[&'a str], new: &[&'a str]) -> Vec<(WordOp, &'a str)> {
    let width = new.len() + 1;
    // common[row * width + col]: common words of old[row..] and new[col..].
    let mut common = vec![0u32; (old.len() + 1) * width];
    for row in (0..old.len()).rev() {
        for col in (0..new.len()).rev() {
            common[row * width + col] = if old[row] == new[col] {
                common[(row + 1) * width + col + 1] + 1
            } else {
                common[(row + 1) * width + col].max(common[row * width + col + 1])
            };
        }
    }
    let mut out = Vec::with_capacity(old.len() + new.len());
    let (mut row, mut col) = (0, 0);
    while row < old.len() && col < new.len() {
        if old[row] == new[col] {
            out.push((WordOp::Gleich, old[row]));
            row += 1;
            col += 1;
        } else if common[(row + 1) * width + col] >= common[row * width + col + 1] {
            out.push((WordOp::Entfernt, old[row]));
            row += 1;
        } else {
            out.push((WordOp::Neu, new[col]));
            col += 1;
        }
    }
    out.extend(old[row..].iter().map(|w| (WordOp::Entfernt, *w)));
    out.extend(new[col..].iter().map(|w| (WordOp::Neu, *w)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(runs: &[Words]) -> String {
        runs.iter()
            .map(|r| match r.op {
                WordOp::Gleich => r.text.clone(),
                WordOp::Neu => format!("{{+{}+}}", r.text),
                WordOp::Entfernt => format!("[-{}-]", r.text),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn changed_words_only() {
        let d = diff("Wir lernen mit digitalen Medien.", "Wir lernen mit und über digitale Medien.");
        assert_eq!(show(&d), "Wir lernen mit [-digitalen-] {+und über digitale+} Medien.");
    }

    #[test]
    fn reflowed_text_is_equal() {
        let d = diff("eins zwei\n  drei", "eins   zwei drei");
        assert_eq!(d, vec![Words { op: WordOp::Gleich, text: "eins zwei drei".to_owned() }]);
    }

    #[test]
    fn huge_texts_stay_cheap() {
        let a = "a ".repeat(5000);
        let b = "b ".repeat(5000);
        let d = diff(&a, &b);
        assert_eq!(d.len(), 2);
    }
}
