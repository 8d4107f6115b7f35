//! Removing a key or a list item, and swapping two list items: each one text replacement that
//! takes whole lines in block style and one element with its separator in flow style.

use serde_json::Value;

use super::tree::{Kind, line_end, line_start};
use super::{Splice, Writer, after_line};
use crate::edit::path::Seg;

impl Writer<'_> {
    /// Removes the key or item at `path`; the last one of its collection leaves an empty collection.
    pub(super) fn remove(&self, path: &[Seg]) -> Result<Splice, String> {
        let (last, parent_path) = path.split_last().ok_or("Die ganze Datei wird nicht gelöscht.")?;
        let (parent, owner, flow) = self.walk(parent_path).ok_or("Der Abschnitt fehlt.")?;
        match (last, &parent.kind) {
            (Seg::Key(key), Kind::Map { entries, flow: map_flow }) => {
                let i = entries.iter().position(|e| &e.key == key).ok_or("Der Eintrag fehlt.")?;
                if entries.len() == 1 {
                    return self.replace(parent, owner, flow, &Value::Object(serde_json::Map::new()));
                }
                let e = &entries[i];
                if *map_flow {
                    return Ok(Self::flow_remove(
                        i,
                        &entries.iter().map(|e| (e.key_start, e.value.end.max(e.key_end))).collect::<Vec<_>>(),
                    ));
                }
                let start = line_start(self.text, e.key_start);
                if self.text[start..e.key_start].trim().is_empty() {
                    let (end, _) = after_line(self.text, e.value.end.max(e.key_end));
                    Ok(Splice { start, end, with: String::new() })
                } else {
                    let next = entries.get(i + 1).ok_or("Der Eintrag teilt seine Zeile mit einem Listenstrich.")?;
                    Ok(Splice { start: e.key_start, end: next.key_start, with: String::new() })
                }
            }
            (Seg::Index(i), Kind::Seq { items, flow: seq_flow }) => {
                let item = items.get(*i).ok_or("Der Eintrag fehlt.")?;
                if items.len() == 1 {
                    return self.replace(parent, owner, flow, &Value::Array(Vec::new()));
                }
                if *seq_flow {
                    return Ok(Self::flow_remove(*i, &items.iter().map(|n| (n.start, n.end)).collect::<Vec<_>>()));
                }
                let start = line_start(self.text, self.dash_before(item));
                let (end, _) = after_line(self.text, item.end);
                Ok(Splice { start, end, with: String::new() })
            }
            _ => Err("Der Eintrag fehlt.".to_owned()),
        }
    }

    /// Removes element `i` of a flow collection with one of its separators.
    fn flow_remove(i: usize, ranges: &[(usize, usize)]) -> Splice {
        if i > 0 {
            Splice { start: ranges[i - 1].1, end: ranges[i].1, with: String::new() }
        } else {
            Splice { start: ranges[0].0, end: ranges[1].0, with: String::new() }
        }
    }

    /// Swaps list item `i` with the next one, moving their whole lines (or elements in flow style).
    pub(super) fn swap(&self, path: &[Seg], i: usize) -> Result<Splice, String> {
        let node = self.find(path).ok_or("Die Liste fehlt.")?;
        let Kind::Seq { items, flow } = &node.kind else { return Err("keine Liste".to_owned()) };
        let (a, b) = (items.get(i).ok_or("Eintrag fehlt")?, items.get(i + 1).ok_or("Eintrag fehlt")?);
        let (ra, rb) = if *flow {
            ((a.start, a.end), (b.start, b.end))
        } else {
            let ra = (line_start(self.text, self.dash_before(a)), line_end(self.text, a.end));
            let rb = (line_start(self.text, self.dash_before(b)), line_end(self.text, b.end));
            (ra, rb)
        };
        if ra.1 > rb.0 {
            return Err("Die Einträge teilen sich eine Zeile.".to_owned());
        }
        let with = format!("{}{}{}", &self.text[rb.0..rb.1], &self.text[ra.1..rb.0], &self.text[ra.0..ra.1]);
        Ok(Splice { start: ra.0, end: rb.1, with })
    }
}
