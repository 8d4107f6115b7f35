//! The file structure: header, `startxref`, xref tables and xref streams, trailers,
//! indirect objects (also inside object streams) and one stream's data.
//!
//! Nothing is read ahead: objects are parsed when the attachment path asks for them.
//! The xref map grows only with entries actually present in the file, each one
//! counted against the object budget; claimed counts (`/Size`, `/N`, subsection
//! lengths) never size an allocation.

use std::collections::{BTreeMap, HashMap};

use super::inflate::{self, Failure};
use super::syntax::{Dict, Meter, Obj, Parser, is_space};
use super::{Fault, Limit};

/// Where an object lives.
#[derive(Clone, Copy, Debug)]
enum Entry {
    /// Deleted in a newer section; shadows older entries.
    Free,
    /// At this byte offset.
    Offset(usize),
    /// Inside object stream `.0`, at index `.1`.
    InStream(u32, u64),
}

/// Most xref sections followed through `/Prev` and `/XRefStm`.
const MAX_SECTIONS: usize = 64;
/// Most references followed from one object to the next (`a R` → `b R` → …).
const MAX_CHAIN: usize = 16;

/// A PDF opened for reading one attachment.
pub struct File<'a> {
    bytes: &'a [u8],
    xref: BTreeMap<u32, Entry>,
    /// The newest trailer dictionary.
    pub trailer: Dict,
    /// Objects visited and the limits of parsing.
    pub meter: Meter,
    /// Bytes decoded so far (streams inflated or copied) over the whole file.
    pub decoded: usize,
    /// The most bytes the whole file may decode.
    pub max_decoded: usize,
    object_streams: HashMap<u32, ObjectStream>,
    /// Lookups under way (a lookup inside a lookup, as for `/Length 5 0 R`).
    lookups: usize,
}

/// A decoded object stream and the offsets of its objects.
struct ObjectStream {
    data: Vec<u8>,
    offsets: Vec<usize>,
}

impl<'a> File<'a> {
    /// Opens the file: finds `startxref` and reads every xref section reachable from it.
    pub fn open(bytes: &'a [u8], meter: Meter, max_decoded: usize) -> Result<Self, Fault> {
        let mut file = Self {
            bytes,
            xref: BTreeMap::new(),
            trailer: Dict::default(),
            meter,
            decoded: 0,
            max_decoded,
            object_streams: HashMap::new(),
            lookups: 0,
        };
        let start = file
            .startxref()
            .ok_or_else(|| damaged("Das Verzeichnis der Objekte (startxref) fehlt; die Datei ist vermutlich abgeschnitten."))?;
        let mut queue = vec![start];
        let mut seen = Vec::new();
        let mut first = true;
        while let Some(offset) = queue.pop() {
            if seen.contains(&offset) {
                continue;
            }
            if seen.len() >= MAX_SECTIONS {
                return Err(Fault::Budget(Limit::Objects));
            }
            seen.push(offset);
            let trailer = file.section(offset)?;
            // `/Prev` is older than `/XRefStm`; the stack pops `/XRefStm` first.
            if let Some(prev) = trailer.get(b"Prev").and_then(Obj::as_int) {
                queue.push(to_offset(prev)?);
            }
            if let Some(stm) = trailer.get(b"XRefStm").and_then(Obj::as_int) {
                queue.push(to_offset(stm)?);
            }
            if first {
                file.trailer = trailer;
                first = false;
            }
        }
        Ok(file)
    }

    fn startxref(&self) -> Option<usize> {
        let tail_from = self.bytes.len().saturating_sub(2048);
        let tail = &self.bytes[tail_from..];
        let at = tail.windows(9).rposition(|w| w == b"startxref")? + tail_from + 9;
        let mut meter = Meter::new(4, 1);
        let offset = Parser::new(self.bytes, at, &mut meter).uint()?;
        usize::try_from(offset).ok().filter(|&o| o < self.bytes.len())
    }

    /// Reads one xref section (table or stream) at `offset`; returns its trailer.
    fn section(&mut self, offset: usize) -> Result<Dict, Fault> {
        if offset >= self.bytes.len() {
            return Err(damaged("Ein Verweis im Objektverzeichnis zeigt hinter das Dateiende."));
        }
        let mut p = Parser::new(self.bytes, offset, &mut self.meter);
        if p.eat(b"xref") {
            let (entries, pos) = table(&mut p)?;
            for (num, entry) in entries {
                self.xref.entry(num).or_insert(entry);
            }
            let mut p = Parser::new(self.bytes, pos, &mut self.meter);
            if !p.eat(b"trailer") {
                return Err(damaged("Nach dem Objektverzeichnis fehlt der Trailer."));
            }
            return match p.object(0)? {
                Obj::Dict(d) => Ok(d),
                _ => Err(damaged("Der Trailer ist kein Wörterbuch.")),
            };
        }
        let (dict, data) = self.indirect_at(offset)?;
        let data = data.ok_or_else(|| damaged("An der Stelle des Objektverzeichnisses steht weder `xref` noch ein Verzeichnis-Stream."))?;
        if dict.get(b"Type").and_then(Obj::as_name) != Some(b"XRef") {
            return Err(damaged("An der Stelle des Objektverzeichnisses steht weder `xref` noch ein Verzeichnis-Stream."));
        }
        let decoded = self.decode(&dict, data, self.max_decoded)?;
        self.xref_stream(&dict, &decoded)?;
        Ok(dict)
    }

    fn xref_stream(&mut self, dict: &Dict, data: &[u8]) -> Result<(), Fault> {
        let widths: Vec<usize> = match dict.get(b"W") {
            Some(Obj::Array(w)) if w.len() == 3 => {
                w.iter().map(|o| o.as_int().and_then(|i| usize::try_from(i).ok()).unwrap_or(99)).collect()
            }
            _ => return Err(damaged("Der Verzeichnis-Stream hat keine gültige Feldbreite (/W).")),
        };
        if widths.iter().any(|&w| w > 8) || widths.iter().sum::<usize>() == 0 {
            return Err(damaged("Der Verzeichnis-Stream hat keine gültige Feldbreite (/W)."));
        }
        let size = dict.get(b"Size").and_then(Obj::as_int).unwrap_or(0);
        let ranges: Vec<(i64, i64)> = match dict.get(b"Index") {
            Some(Obj::Array(items)) => {
                items.chunks(2).map(|c| (c[0].as_int().unwrap_or(-1), c.get(1).and_then(Obj::as_int).unwrap_or(-1))).collect()
            }
            _ => vec![(0, size)],
        };
        let row = widths.iter().sum::<usize>();
        let mut rows = data.chunks_exact(row);
        for (start, count) in ranges {
            let (Ok(start), Ok(count)) = (u32::try_from(start), u64::try_from(count)) else {
                return Err(damaged("Der Verzeichnis-Stream hat einen ungültigen Bereich (/Index)."));
            };
            for i in 0..count {
                let Some(r) = rows.next() else { return Ok(()) };
                self.meter.visit()?;
                let field = |n: usize| -> u64 {
                    let from: usize = widths[..n].iter().sum();
                    r[from..from + widths[n]].iter().fold(0u64, |v, &b| v << 8 | u64::from(b))
                };
                let kind = if widths[0] == 0 { 1 } else { field(0) };
                let entry = match kind {
                    0 => Entry::Free,
                    1 => Entry::Offset(usize::try_from(field(1)).unwrap_or(usize::MAX)),
                    2 => Entry::InStream(u32::try_from(field(1)).unwrap_or(u32::MAX), field(2)),
                    _ => continue,
                };
                let Some(num) = u32::try_from(i).ok().and_then(|i| start.checked_add(i)) else { break };
                self.xref.entry(num).or_insert(entry);
            }
        }
        Ok(())
    }

    /// Parses `n g obj <object> [stream]` at `offset`: the dictionary and, for a stream, its raw data.
    fn indirect_at(&mut self, offset: usize) -> Result<(Dict, Option<&'a [u8]>), Fault> {
        let (obj, data) = self.indirect_object(offset)?;
        match obj {
            Obj::Dict(d) => Ok((d, data)),
            _ if data.is_some() => Err(damaged("Ein Stream hat kein Wörterbuch.")),
            other => Ok((Dict(vec![(b"".to_vec(), other)]), None)),
        }
    }

    fn indirect_object(&mut self, offset: usize) -> Result<(Obj, Option<&'a [u8]>), Fault> {
        let bytes = self.bytes;
        let mut p = Parser::new(bytes, offset, &mut self.meter);
        if p.uint().is_none() || p.uint().is_none() || !p.eat(b"obj") {
            return Err(damaged("Ein Verweis im Objektverzeichnis zeigt nicht auf ein Objekt."));
        }
        let obj = p.object(0);
        let scanned = p.pos.saturating_sub(offset);
        let stream = p.eat(b"stream");
        let start = p.pos;
        self.meter.scan(scanned)?;
        let obj = obj?;
        if !stream {
            return Ok((obj, None));
        }
        let mut start = start;
        if bytes.get(start) == Some(&b'\r') {
            start += 1;
        }
        if bytes.get(start) == Some(&b'\n') {
            start += 1;
        }
        let Obj::Dict(dict) = &obj else { return Err(damaged("Ein Stream hat kein Wörterbuch.")) };
        let length = match dict.get(b"Length") {
            Some(Obj::Int(n)) => *n,
            Some(Obj::Ref(n, _)) => self.resolve_ref(*n, 0)?.as_int().unwrap_or(-1),
            _ => -1,
        };
        let end = usize::try_from(length).ok().and_then(|l| start.checked_add(l)).filter(|&e| e <= bytes.len());
        let Some(end) = end else { return Err(damaged("Ein Stream ist länger als die Datei; die Datei ist abgeschnitten.")) };
        let mut q = Parser::new(bytes, end, &mut self.meter);
        if !q.eat(b"endstream") {
            return Err(damaged("Ein Stream endet nicht mit `endstream`; seine Länge stimmt nicht oder die Datei ist beschädigt."));
        }
        Ok((obj, Some(&bytes[start..end])))
    }

    /// The object numbered `num`, references followed.
    pub fn resolve(&mut self, obj: &Obj) -> Result<Obj, Fault> {
        match obj {
            Obj::Ref(n, _) => self.resolve_ref(*n, 0),
            other => Ok(other.clone()),
        }
    }

    fn resolve_ref(&mut self, num: u32, chain: usize) -> Result<Obj, Fault> {
        self.meter.visit()?;
        // A stream's `/Length` may be a reference to a stream whose `/Length` is one, and so
        // on; the nesting of lookups is bounded like a chain, so the stack stays small.
        if chain > MAX_CHAIN || self.lookups >= MAX_CHAIN {
            return Err(Fault::Budget(Limit::Depth));
        }
        self.lookups += 1;
        let found = match self.xref.get(&num).copied() {
            None | Some(Entry::Free) => Ok(Obj::Null),
            Some(Entry::Offset(offset)) => self.indirect_object(offset).map(|(obj, _)| obj),
            Some(Entry::InStream(stream, index)) => self.in_object_stream(stream, index),
        };
        self.lookups -= 1;
        let obj = found?;
        match obj {
            Obj::Ref(n, _) => self.resolve_ref(n, chain + 1),
            other => Ok(other),
        }
    }

    /// The dictionary and raw data of stream object `num`.
    pub fn stream(&mut self, num: u32) -> Result<(Dict, &'a [u8]), Fault> {
        self.meter.visit()?;
        let Some(Entry::Offset(offset)) = self.xref.get(&num).copied() else {
            return Err(damaged("Der Anhang ist im Objektverzeichnis nicht als Stream verzeichnet."));
        };
        match self.indirect_at(offset)? {
            (dict, Some(data)) => Ok((dict, data)),
            _ => Err(damaged("Der Anhang ist kein Stream.")),
        }
    }

    fn in_object_stream(&mut self, stream: u32, index: u64) -> Result<Obj, Fault> {
        if !self.object_streams.contains_key(&stream) {
            let (dict, data) = self.stream(stream)?;
            let decoded = self.decode(&dict, data, self.max_decoded)?;
            let offsets = self.object_offsets(&dict, &decoded)?;
            self.object_streams.insert(stream, ObjectStream { data: decoded, offsets });
        }
        let Some(held) = self.object_streams.get(&stream) else { return Err(damaged("Ein Objekt-Stream fehlt.")) };
        let at = usize::try_from(index).ok().and_then(|i| held.offsets.get(i).copied()).filter(|&a| a < held.data.len());
        let Some(at) = at else { return Err(damaged("Ein Objekt-Stream ist fehlerhaft (Verzeichnis der Objekte).")) };
        let mut p = Parser::new(&held.data, at, &mut self.meter);
        let obj = p.object(0);
        let scanned = p.pos.saturating_sub(at);
        self.meter.scan(scanned)?;
        obj
    }

    /// The offsets of the objects in an object stream, read once from its header (`/N` pairs
    /// before `/First`); each pair counts as an object visited.
    fn object_offsets(&mut self, dict: &Dict, data: &[u8]) -> Result<Vec<usize>, Fault> {
        let n = dict.get(b"N").and_then(Obj::as_int).and_then(|n| u64::try_from(n).ok()).unwrap_or(0);
        let first = dict.get(b"First").and_then(Obj::as_int).and_then(|n| usize::try_from(n).ok());
        let Some(first) = first.filter(|&f| f <= data.len()) else {
            return Err(damaged("Ein Objekt-Stream ist fehlerhaft (/N oder /First)."));
        };
        let mut offsets = Vec::new();
        let mut p = Parser::new(&data[..first], 0, &mut self.meter);
        for _ in 0..n {
            let (Some(_), Some(off)) = (p.uint(), p.uint()) else { break };
            p.meter_visit()?;
            let at = usize::try_from(off).ok().and_then(|o| first.checked_add(o)).filter(|&a| a < data.len());
            offsets.push(at.unwrap_or(usize::MAX));
        }
        Ok(offsets)
    }

    /// Decodes a stream's data through its filters into at most `cap` bytes, counted against the file's budget.
    pub fn decode(&mut self, dict: &Dict, data: &[u8], cap: usize) -> Result<Vec<u8>, Fault> {
        let filters: Vec<Obj> = match dict.get(b"Filter") {
            None | Some(Obj::Null) => Vec::new(),
            Some(Obj::Array(items)) => items.clone(),
            Some(other) => vec![other.clone()],
        };
        let params = match dict.get(b"DecodeParms") {
            Some(Obj::Array(items)) => items.first().cloned(),
            other => other.cloned(),
        };
        let left = self.max_decoded.saturating_sub(self.decoded);
        let cap_here = cap.min(left);
        let out = match filters.as_slice() {
            [] => {
                if data.len() > cap_here {
                    return Err(too_large(cap, cap_here));
                }
                data.to_vec()
            }
            [Obj::Name(f)] if f == b"FlateDecode" || f == b"Fl" => {
                let raw = inflate::inflate(data, cap_here).map_err(|e| match e {
                    Failure::TooLarge => too_large(cap, cap_here),
                    Failure::Truncated => damaged("Ein komprimierter Stream ist abgeschnitten; er wird nicht teilweise gelesen."),
                    Failure::Corrupt(detail) => Fault::Corrupt(detail),
                })?;
                Self::unpredict(raw, params.as_ref())?
            }
            [Obj::Name(f), ..] if f == b"Crypt" => return Err(Fault::Encrypted),
            _ => {
                return Err(Fault::Unsupported(
                    filters.iter().map(|f| String::from_utf8_lossy(f.as_name().unwrap_or(b"?")).into_owned()).collect(),
                ));
            }
        };
        self.decoded += out.len();
        Ok(out)
    }

    fn unpredict(raw: Vec<u8>, params: Option<&Obj>) -> Result<Vec<u8>, Fault> {
        let Some(Obj::Dict(p)) = params else { return Ok(raw) };
        let get = |k: &[u8], d: i64| p.get(k).and_then(Obj::as_int).unwrap_or(d);
        match get(b"Predictor", 1) {
            1 => Ok(raw),
            10..=15 => {
                let dims = [get(b"Colors", 1), get(b"BitsPerComponent", 8), get(b"Columns", 1)]
                    .map(|v| usize::try_from(v).unwrap_or(0).min(1 << 16));
                inflate::unpredict_png(&raw, dims[0], dims[1], dims[2]).map_err(|e| match e {
                    Failure::Corrupt(d) => Fault::Corrupt(d),
                    _ => damaged("Ein Stream ist fehlerhaft (Prädiktor)."),
                })
            }
            other => Err(Fault::Unsupported(vec![format!("Predictor {other}")])),
        }
    }
}

fn too_large(cap: usize, cap_here: usize) -> Fault {
    if cap_here < cap { Fault::Budget(Limit::Decoded) } else { Fault::TooLarge(cap) }
}

fn damaged(what: &str) -> Fault {
    Fault::Damaged(what.to_owned())
}

fn to_offset(v: i64) -> Result<usize, Fault> {
    usize::try_from(v).map_err(|_| damaged("Ein Verweis im Objektverzeichnis ist negativ."))
}

/// Reads an xref table's subsections after `xref`; returns the entries and where the trailer starts.
fn table(p: &mut Parser<'_, '_>) -> Result<(Vec<(u32, Entry)>, usize), Fault> {
    let mut entries = Vec::new();
    loop {
        let at = p.pos;
        let (Some(start), Some(count)) = (p.uint(), p.uint()) else {
            p.pos = at;
            return Ok((entries, p.pos));
        };
        for i in 0..count {
            let (Some(offset), Some(_generation)) = (p.uint(), p.uint()) else {
                return Err(damaged("Das Objektverzeichnis (xref) ist abgeschnitten oder fehlerhaft."));
            };
            p.skip_space();
            let kind = p.buf.get(p.pos).copied();
            p.pos += 1;
            p.meter_visit()?;
            let Some(num) = u32::try_from(start.saturating_add(i)).ok() else { continue };
            let entry = match kind {
                Some(b'n') => Entry::Offset(usize::try_from(offset).unwrap_or(usize::MAX)),
                Some(b'f') => Entry::Free,
                _ => return Err(damaged("Das Objektverzeichnis (xref) ist abgeschnitten oder fehlerhaft.")),
            };
            entries.push((num, entry));
            if p.buf.get(p.pos).is_some_and(|&b| !is_space(b)) {
                return Err(damaged("Das Objektverzeichnis (xref) ist abgeschnitten oder fehlerhaft."));
            }
        }
    }
}
