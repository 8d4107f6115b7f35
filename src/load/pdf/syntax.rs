//! PDF objects from bytes: the lexer and a parser bounded in depth and in objects visited.

use super::Fault;

/// A PDF object, as far as the attachment path needs one.
#[derive(Clone, Debug, PartialEq)]
pub enum Obj {
    /// `null`, and anything this reader skips (reals, unknown keywords are errors).
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A real number; its value is never needed on this path.
    Real,
    /// A string's bytes, escapes resolved.
    Str(Vec<u8>),
    /// A name's bytes, `#xx` resolved.
    Name(Vec<u8>),
    /// An array.
    Array(Vec<Obj>),
    /// A dictionary.
    Dict(Dict),
    /// An indirect reference `n g R`.
    Ref(u32, u16),
}

/// A dictionary in file order; lookups are linear, dictionaries on this path are small.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Dict(pub Vec<(Vec<u8>, Obj)>);

impl Dict {
    /// The value of a key, if present.
    pub fn get(&self, key: &[u8]) -> Option<&Obj> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }
}

impl Obj {
    /// The integer, if this is one.
    pub fn as_int(&self) -> Option<i64> {
        if let Obj::Int(i) = self { Some(*i) } else { None }
    }

    /// The name, if this is one.
    pub fn as_name(&self) -> Option<&[u8]> {
        if let Obj::Name(n) = self { Some(n) } else { None }
    }
}

/// The running count of what parsing may still cost.
#[derive(Debug)]
pub struct Meter {
    /// Objects parsed or looked up so far, over the whole file.
    pub visited: usize,
    /// The most objects the whole file may cost.
    pub max_visited: usize,
    /// The deepest nesting of arrays and dictionaries.
    pub max_depth: usize,
    /// Bytes parsed so far: an object read twice counts twice.
    pub scanned: usize,
    /// The most bytes the whole file may cost to parse.
    pub max_scanned: usize,
}

impl Meter {
    /// Counts one object; fails when the file's budget is spent.
    pub fn visit(&mut self) -> Result<(), Fault> {
        self.visited += 1;
        if self.visited > self.max_visited { Err(Fault::Budget(super::Limit::Objects)) } else { Ok(()) }
    }

    /// Counts `bytes` parsed; fails when the file's budget is spent.
    pub fn scan(&mut self, bytes: usize) -> Result<(), Fault> {
        self.scanned = self.scanned.saturating_add(bytes);
        if self.scanned > self.max_scanned { Err(Fault::Budget(super::Limit::Scanned)) } else { Ok(()) }
    }

    /// A meter for tests and small local parses.
    #[must_use]
    pub fn new(max_visited: usize, max_depth: usize) -> Self {
        Self { visited: 0, max_visited, max_depth, scanned: 0, max_scanned: usize::MAX }
    }
}

/// Whitespace as the PDF standard defines it (ISO 32000-1, 7.2.2).
pub fn is_space(b: u8) -> bool {
    matches!(b, 0 | b'\t' | b'\n' | 0x0c | b'\r' | b' ')
}

fn is_delimiter(b: u8) -> bool {
    matches!(b, b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%')
}

fn is_regular(b: u8) -> bool {
    !is_space(b) && !is_delimiter(b)
}

/// A position in the file's bytes with the parser on it.
pub struct Parser<'a, 'm> {
    /// The bytes parsed.
    pub buf: &'a [u8],
    /// The current offset.
    pub pos: usize,
    meter: &'m mut Meter,
}

fn damaged(what: &str) -> Fault {
    Fault::Damaged(what.to_owned())
}

impl<'a, 'm> Parser<'a, 'm> {
    /// A parser at `pos`; an offset past the end (a damaged cross-reference entry) parses as the end.
    pub fn new(buf: &'a [u8], pos: usize, meter: &'m mut Meter) -> Self {
        Self { buf, pos: pos.min(buf.len()), meter }
    }

    /// Counts one object visited (an xref entry, say) against the budget.
    pub fn meter_visit(&mut self) -> Result<(), Fault> {
        self.meter.visit()
    }

    /// Skips whitespace and comments.
    pub fn skip_space(&mut self) {
        while let Some(&b) = self.buf.get(self.pos) {
            if is_space(b) {
                self.pos += 1;
            } else if b == b'%' {
                while self.buf.get(self.pos).is_some_and(|&c| c != b'\n' && c != b'\r') {
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    /// The next keyword or number token (regular characters).
    fn word(&mut self) -> &'a [u8] {
        self.skip_space();
        let start = self.pos;
        while self.buf.get(self.pos).is_some_and(|&b| is_regular(b)) {
            self.pos += 1;
        }
        self.buf.get(start..self.pos).unwrap_or_default()
    }

    /// Consumes `keyword` if it is the next token.
    pub fn eat(&mut self, keyword: &[u8]) -> bool {
        let at = self.pos;
        if self.word() == keyword {
            true
        } else {
            self.pos = at;
            false
        }
    }

    /// Reads an unsigned integer token.
    pub fn uint(&mut self) -> Option<u64> {
        let at = self.pos;
        let w = self.word();
        let n = (!w.is_empty() && w.len() <= 19 && w.iter().all(u8::is_ascii_digit))
            .then(|| w.iter().fold(0u64, |n, d| n * 10 + u64::from(d - b'0')));
        if n.is_none() {
            self.pos = at;
        }
        n
    }

    /// Parses one object; `depth` counts the enclosing arrays and dictionaries.
    pub fn object(&mut self, depth: usize) -> Result<Obj, Fault> {
        self.meter.visit()?;
        if depth > self.meter.max_depth {
            return Err(Fault::Budget(super::Limit::Depth));
        }
        self.skip_space();
        let Some(&b) = self.buf.get(self.pos) else { return Err(damaged("Die Datei endet mitten in einem Objekt.")) };
        match b {
            b'<' if self.buf.get(self.pos + 1) == Some(&b'<') => {
                self.pos += 2;
                self.dict(depth)
            }
            b'<' => {
                self.pos += 1;
                self.hex_string()
            }
            b'(' => {
                self.pos += 1;
                self.literal_string()
            }
            b'[' => {
                self.pos += 1;
                let mut items = Vec::new();
                loop {
                    self.skip_space();
                    match self.buf.get(self.pos) {
                        Some(b']') => {
                            self.pos += 1;
                            return Ok(Obj::Array(items));
                        }
                        None => return Err(damaged("Eine Liste ist nicht geschlossen.")),
                        Some(_) => items.push(self.object(depth + 1)?),
                    }
                }
            }
            b'/' => {
                self.pos += 1;
                Ok(Obj::Name(self.name()))
            }
            _ => self.atom(),
        }
    }

    fn dict(&mut self, depth: usize) -> Result<Obj, Fault> {
        let mut entries = Vec::new();
        loop {
            self.skip_space();
            match self.buf.get(self.pos) {
                Some(b'>') if self.buf.get(self.pos + 1) == Some(&b'>') => {
                    self.pos += 2;
                    return Ok(Obj::Dict(Dict(entries)));
                }
                Some(b'/') => {
                    self.pos += 1;
                    let key = self.name();
                    let value = self.object(depth + 1)?;
                    entries.push((key, value));
                }
                _ => return Err(damaged("Ein Wörterbuch (Dictionary) ist fehlerhaft oder nicht geschlossen.")),
            }
        }
    }

    fn name(&mut self) -> Vec<u8> {
        let mut out = Vec::new();
        while let Some(&b) = self.buf.get(self.pos) {
            if !is_regular(b) {
                break;
            }
            self.pos += 1;
            if b == b'#'
                && let Some(v) = self.buf.get(self.pos..self.pos + 2).and_then(hex_pair)
            {
                self.pos += 2;
                out.push(v);
            } else {
                out.push(b);
            }
        }
        out
    }

    fn hex_string(&mut self) -> Result<Obj, Fault> {
        let mut out = Vec::new();
        let mut high: Option<u8> = None;
        loop {
            let Some(&b) = self.buf.get(self.pos) else { return Err(damaged("Eine Zeichenkette ist nicht geschlossen.")) };
            self.pos += 1;
            let v = match b {
                b'>' => break,
                b'0'..=b'9' => b - b'0',
                b'a'..=b'f' => b - b'a' + 10,
                b'A'..=b'F' => b - b'A' + 10,
                _ if is_space(b) => continue,
                _ => return Err(damaged("Eine Zeichenkette in Hex-Schreibweise enthält ein fremdes Zeichen.")),
            };
            match high.take() {
                Some(h) => out.push(h << 4 | v),
                None => high = Some(v),
            }
        }
        if let Some(h) = high {
            out.push(h << 4);
        }
        Ok(Obj::Str(out))
    }

    fn literal_string(&mut self) -> Result<Obj, Fault> {
        let mut out = Vec::new();
        let mut open = 1usize;
        loop {
            let Some(&b) = self.buf.get(self.pos) else { return Err(damaged("Eine Zeichenkette ist nicht geschlossen.")) };
            self.pos += 1;
            match b {
                b'(' => {
                    open += 1;
                    out.push(b);
                }
                b')' => {
                    open -= 1;
                    if open == 0 {
                        return Ok(Obj::Str(out));
                    }
                    out.push(b);
                }
                b'\\' => self.escape(&mut out),
                _ => out.push(b),
            }
        }
    }

    fn escape(&mut self, out: &mut Vec<u8>) {
        let Some(&e) = self.buf.get(self.pos) else { return };
        self.pos += 1;
        match e {
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'\r' => {
                if self.buf.get(self.pos) == Some(&b'\n') {
                    self.pos += 1;
                }
            }
            b'\n' => {}
            b'0'..=b'7' => {
                let mut v = u32::from(e - b'0');
                for _ in 0..2 {
                    match self.buf.get(self.pos) {
                        Some(&d @ b'0'..=b'7') => {
                            v = v * 8 + u32::from(d - b'0');
                            self.pos += 1;
                        }
                        _ => break,
                    }
                }
                out.push((v & 0xff) as u8);
            }
            other => out.push(other),
        }
    }

    /// A number, a reference `n g R`, or a keyword.
    fn atom(&mut self) -> Result<Obj, Fault> {
        let w = self.word();
        match w {
            b"true" => return Ok(Obj::Bool(true)),
            b"false" => return Ok(Obj::Bool(false)),
            b"null" => return Ok(Obj::Null),
            _ => {}
        }
        if w.is_empty() {
            return Err(damaged("An einer Stelle steht kein gültiges Objekt."));
        }
        if let Some(n) = parse_int(w) {
            if let Ok(num) = u32::try_from(n) {
                let at = self.pos;
                if let Some(generation) = self.uint().and_then(|g| u16::try_from(g).ok())
                    && self.eat(b"R")
                {
                    return Ok(Obj::Ref(num, generation));
                }
                self.pos = at;
            }
            return Ok(Obj::Int(n));
        }
        if w.iter().all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+')) {
            return Ok(Obj::Real);
        }
        Err(damaged("An einer Stelle steht ein unbekanntes Schlüsselwort."))
    }
}

fn parse_int(w: &[u8]) -> Option<i64> {
    let (neg, digits) = match w.split_first() {
        Some((b'-', rest)) => (true, rest),
        Some((b'+', rest)) => (false, rest),
        _ => (false, w),
    };
    if digits.is_empty() || digits.len() > 18 || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let v = digits.iter().fold(0i64, |n, d| n * 10 + i64::from(d - b'0'));
    Some(if neg { -v } else { v })
}

fn hex_pair(pair: &[u8]) -> Option<u8> {
    let digit = |b: u8| (b as char).to_digit(16);
    Some((digit(pair[0])? * 16 + digit(pair[1])?) as u8)
}

#[cfg(test)]
mod tests {
    use super::{Dict, Meter, Obj, Parser};

    fn parse(text: &str) -> Obj {
        let mut meter = Meter::new(1000, 8);
        Parser::new(text.as_bytes(), 0, &mut meter).object(0).unwrap()
    }

    #[test]
    fn an_offset_past_the_end_is_no_object() {
        let mut meter = Meter::new(1000, 8);
        let mut p = Parser::new(b"1 0 obj", 900_015, &mut meter);
        assert_eq!(p.uint(), None);
        assert!(!p.eat(b"obj"));
    }

    #[test]
    fn objects_of_the_attachment_path() {
        let o = parse("<</Type/Filespec/F(plan.yaml)/EF<</F 12 0 R>>/Desc<FEFF0041>/N [1 -2 3.5 /A#20B]>>");
        let Obj::Dict(d) = o else { panic!("{o:?}") };
        assert_eq!(d.get(b"F"), Some(&Obj::Str(b"plan.yaml".to_vec())));
        assert_eq!(d.get(b"EF"), Some(&Obj::Dict(Dict(vec![(b"F".to_vec(), Obj::Ref(12, 0))]))));
        assert_eq!(d.get(b"Desc"), Some(&Obj::Str(vec![0xfe, 0xff, 0, 0x41])));
        assert_eq!(d.get(b"N"), Some(&Obj::Array(vec![Obj::Int(1), Obj::Int(-2), Obj::Real, Obj::Name(b"A B".to_vec())])));
    }

    #[test]
    fn string_escapes_and_nesting() {
        assert_eq!(parse(r"(a\(b\)c (d) \101\n)"), Obj::Str(b"a(b)c (d) A\n".to_vec()));
    }

    #[test]
    fn nesting_and_count_are_bounded() {
        let deep = "[".repeat(50) + &"]".repeat(50);
        let mut meter = Meter::new(1000, 8);
        assert!(Parser::new(deep.as_bytes(), 0, &mut meter).object(0).is_err());
        let wide = format!("[{}]", "0 ".repeat(5000));
        let mut meter = Meter::new(1000, 8);
        assert!(Parser::new(wide.as_bytes(), 0, &mut meter).object(0).is_err());
        assert_eq!(meter.visited, 1001);
    }
}
