//! The overview chapter of a review in Markdown; every user value escaped.

use std::fmt::Write as _;

use crate::render::mdsafe;
use crate::review::Review;
use crate::view::overview::{Block, overview};

/// The overview chapter of a kommunaler Medienentwicklungsplan, in Markdown; every user value escaped.
#[must_use]
pub fn markdown(review: &Review) -> String {
    let doc = overview(review);
    let mut out = format!("# {}\n\n", mdsafe::escape(&doc.titel));
    for a in &doc.abschnitte {
        let _ = write!(out, "{} {}", "#".repeat(usize::from(a.ebene)), mdsafe::escape(&a.titel));
        if let Some(file) = &a.datei {
            let _ = write!(out, " (`{}`)", file.replace('`', "'"));
        }
        out.push_str("\n\n");
        for b in &a.bloecke {
            md_block(&mut out, b);
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn md_block(out: &mut String, block: &Block) {
    match block {
        Block::Absatz { saetze } => {
            for s in saetze {
                let _ = writeln!(out, "{}", mdsafe::escape(s));
            }
            out.push('\n');
        }
        Block::Tabelle { kopf, rechts, zeilen, summe } => {
            let row = |cells: &[String]| {
                let inner: Vec<String> = cells.iter().map(|c| if c.is_empty() { " ".to_owned() } else { format!(" {c} ") }).collect();
                format!("|{}|", inner.join("|"))
            };
            let escaped = |cells: &[String]| cells.iter().map(|c| mdsafe::escape(c)).collect::<Vec<_>>();
            let _ = writeln!(out, "{}", row(&escaped(kopf)));
            let _ = writeln!(out, "|{}", rechts.iter().map(|&r| if r { "--:|" } else { "---|" }).collect::<String>());
            for z in zeilen {
                let _ = writeln!(out, "{}", row(&escaped(z)));
            }
            if let Some(sum) = summe {
                let mut cells = escaped(sum);
                if let Some(first) = cells.first_mut() {
                    *first = format!("**{first}**");
                }
                let _ = writeln!(out, "{}", row(&cells));
            }
            out.push('\n');
        }
        Block::Befunde { liste } => {
            for b in liste {
                if b.code.is_empty() {
                    let _ = writeln!(out, "- **{}:** {}", b.schwere, mdsafe::escape(&b.text));
                } else {
                    let at = b.zeile.map(|l| format!(" (Zeile {l})")).unwrap_or_default();
                    let _ = writeln!(out, "- **{}** {}{at}: {}", b.schwere, b.code, mdsafe::escape(&b.text));
                }
            }
            out.push('\n');
        }
    }
}
