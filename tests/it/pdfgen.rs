//! Builds small PDFs in memory for the hostile-input tests and the fuzzer: attachments
//! (plain or compressed), name trees, `/AF`, object streams, xref tables or xref streams,
//! encryption markers. Nothing big is committed; every hostile file is made in the test.

use std::fmt::Write as _;
use std::io::Write as _;

/// zlib-compresses `data`.
pub fn zlib(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(data).expect("in memory");
    e.finish().expect("in memory")
}

/// zlib-compresses `n` copies of `byte` without holding them in memory.
pub fn zlib_repeat(byte: u8, n: usize) -> Vec<u8> {
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    let chunk = vec![byte; 1 << 20];
    let mut left = n;
    while left > 0 {
        let k = left.min(chunk.len());
        e.write_all(&chunk[..k]).expect("in memory");
        left -= k;
    }
    e.finish().expect("in memory")
}

/// One indirect object: its body, and for a stream its data (already encoded).
#[derive(Clone, Debug)]
pub struct Object {
    /// The dictionary or other object, as PDF text.
    pub body: String,
    /// Stream data, if a stream; `/Length` is added to the dictionary.
    pub stream: Option<Vec<u8>>,
    /// Put inside an object stream instead of at the top level (not for streams).
    pub packed: bool,
}

/// A PDF under construction; object `n` is `objects[n - 1]`.
#[derive(Clone, Debug, Default)]
pub struct Pdf {
    /// The objects, numbered from 1.
    pub objects: Vec<Object>,
    /// Extra trailer entries, e.g. `/Encrypt 9 0 R`.
    pub trailer_extra: String,
    /// Write an xref stream (and pack objects marked `packed` into an object stream).
    pub xref_stream: bool,
}

impl Pdf {
    /// Adds an object; returns its number.
    pub fn add(&mut self, body: impl Into<String>) -> usize {
        self.objects.push(Object { body: body.into(), stream: None, packed: false });
        self.objects.len()
    }

    /// Adds an object that goes into the object stream when [`Pdf::xref_stream`] is set.
    pub fn add_packed(&mut self, body: impl Into<String>) -> usize {
        self.objects.push(Object { body: body.into(), stream: None, packed: true });
        self.objects.len()
    }

    /// Adds a stream object with dictionary entries `dict` (without `/Length`).
    pub fn add_stream(&mut self, dict: impl Into<String>, data: Vec<u8>) -> usize {
        self.objects.push(Object { body: dict.into(), stream: Some(data), packed: false });
        self.objects.len()
    }

    /// Reserves a number and returns it; fill it later with [`Pdf::set`].
    pub fn reserve(&mut self) -> usize {
        self.add("null")
    }

    /// Replaces the body of object `n`.
    pub fn set(&mut self, n: usize, body: impl Into<String>) {
        self.objects[n - 1].body = body.into();
    }

    /// A catalog (with an empty page tree) and the given entries; returns the catalog's number.
    pub fn catalog(&mut self, entries: &str) -> usize {
        let pages = self.pages();
        self.add(format!("<</Type/Catalog/Pages {pages} 0 R{entries}>>"))
    }

    fn pages(&mut self) -> usize {
        self.add("<</Type/Pages/Kids[]/Count 0>>")
    }

    /// Writes the file with object `root` as the catalog.
    pub fn write(&self, root: usize) -> Vec<u8> {
        let mut out = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec();
        let mut offsets = vec![None; self.objects.len() + 1];
        let use_objstm = self.xref_stream && self.objects.iter().any(|o| o.packed);
        let packed: Vec<usize> =
            if use_objstm { (1..=self.objects.len()).filter(|&n| self.objects[n - 1].packed).collect() } else { Vec::new() };
        for (i, o) in self.objects.iter().enumerate() {
            let n = i + 1;
            if packed.contains(&n) {
                continue;
            }
            offsets[n] = Some(out.len());
            write_object(&mut out, n, o);
        }
        let mut size = self.objects.len() + 1;
        let objstm = if packed.is_empty() {
            None
        } else {
            let mut header = String::new();
            let mut body = String::new();
            for &n in &packed {
                let _ = write!(header, "{n} {} ", body.len());
                body.push_str(&self.objects[n - 1].body);
                body.push('\n');
            }
            let data = zlib(format!("{header}{body}").as_bytes());
            let num = size;
            size += 1;
            offsets.push(Some(out.len()));
            let obj = Object {
                body: format!("<</Type/ObjStm/N {}/First {}/Filter/FlateDecode", packed.len(), header.len()),
                stream: Some(data),
                packed: false,
            };
            write_object(&mut out, num, &obj);
            Some(num)
        };
        let xref_at = out.len();
        if self.xref_stream {
            let num = size;
            size += 1;
            let mut rows = Vec::new();
            for n in 0..size {
                let (kind, a, b): (u8, usize, usize) = match (offsets.get(n).copied().flatten(), packed.iter().position(|&p| p == n)) {
                    _ if n == num => (1, xref_at, 0),
                    (_, Some(index)) => (2, objstm.unwrap_or(0), index),
                    (Some(off), None) => (1, off, 0),
                    (None, None) => (0, 0, 0),
                };
                rows.push(kind);
                rows.extend_from_slice(&(a as u32).to_be_bytes());
                rows.extend_from_slice(&(b as u16).to_be_bytes());
            }
            let obj = Object {
                body: format!("<</Type/XRef/Size {size}/W[1 4 2]/Root {root} 0 R/Filter/FlateDecode{}", self.trailer_extra),
                stream: Some(zlib(&rows)),
                packed: false,
            };
            write_object(&mut out, num, &obj);
        } else {
            let mut table = format!("xref\n0 {size}\n0000000000 65535 f \n");
            for offset in offsets.iter().take(size).skip(1) {
                match offset {
                    Some(off) => {
                        let _ = writeln!(table, "{off:010} 00000 n ");
                    }
                    None => table.push_str("0000000000 00001 f \n"),
                }
            }
            let _ = write!(table, "trailer\n<</Size {size}/Root {root} 0 R{}>>\n", self.trailer_extra);
            out.extend_from_slice(table.as_bytes());
        }
        out.extend_from_slice(format!("startxref\n{xref_at}\n%%EOF\n").as_bytes());
        out
    }
}

fn write_object(out: &mut Vec<u8>, n: usize, o: &Object) {
    match &o.stream {
        None => out.extend_from_slice(format!("{n} 0 obj\n{}\nendobj\n", o.body).as_bytes()),
        Some(data) => {
            let dict = o.body.strip_suffix(">>").unwrap_or(&o.body);
            out.extend_from_slice(format!("{n} 0 obj\n{dict}/Length {}>>\nstream\n", data.len()).as_bytes());
            out.extend_from_slice(data);
            out.extend_from_slice(b"\nendstream\nendobj\n");
        }
    }
}

/// A PDF string literal for `s` (ASCII names only).
pub fn lit(s: &str) -> String {
    format!("({})", s.replace('\\', "\\\\").replace('(', "\\(").replace(')', "\\)"))
}

/// A PDF like `mep render --pdf-standard a-3b` writes it, as far as the reader cares: the plan
/// compressed as `plan.yaml` in the names tree and in `/AF`.
pub fn with_plan(plan: &[u8], xref_stream: bool) -> Vec<u8> {
    let mut pdf = Pdf { xref_stream, ..Pdf::default() };
    let stream = pdf.add_stream(
        format!("<</Type/EmbeddedFile/Subtype/application#2Fx-yaml/Params<</Size {}>>/Filter/FlateDecode>>", plan.len()),
        zlib(plan),
    );
    let spec = pdf
        .add_packed(format!("<</Type/Filespec/F{0}/UF{0}/AFRelationship/Source/EF<</F {stream} 0 R/UF {stream} 0 R>>>>", lit("plan.yaml")));
    let names = pdf.add_packed(format!("<</Names[{} {spec} 0 R]>>", lit("plan.yaml")));
    let root = pdf.catalog(&format!("/Names<</EmbeddedFiles {names} 0 R>>/AF[{spec} 0 R]"));
    pdf.write(root)
}

/// A hostile or damaged PDF, the code its finding must carry, and why it is hostile.
pub struct Case {
    /// File name for the case.
    pub name: &'static str,
    /// The file.
    pub bytes: Vec<u8>,
    /// The code of the finding `mep validate` must give.
    pub code: &'static str,
    /// A phrase the German message must contain.
    pub phrase: &'static str,
}

/// A small valid plan, as the attachment of the cases that need one.
pub const PLAN: &str = "# Plan im PDF\nformat: 1\n";

/// The classes of hostile PDFs, each made here (none is committed).
#[allow(clippy::too_many_lines)] // one list of cases reads best in one piece
pub fn cases() -> Vec<Case> {
    let mut out = Vec::new();
    // A decompression bomb: 256 KiB that inflate to 256 MiB.
    {
        let mut pdf = Pdf::default();
        let stream = pdf.add_stream("<</Type/EmbeddedFile/Filter/FlateDecode>>", zlib_repeat(b' ', 256 << 20));
        let spec = pdf.add(format!("<</Type/Filespec/F(plan.yaml)/EF<</F {stream} 0 R>>>>"));
        let root = pdf.catalog(&format!("/AF[{spec} 0 R]"));
        out.push(Case { name: "bombe.pdf", bytes: pdf.write(root), code: "YAML-GROESSE", phrase: "größer als erlaubt" });
    }
    // One 5 MiB stream referenced by 20 000 file specifications (the 116 KB file).
    {
        let mut pdf = Pdf::default();
        let stream = pdf.add_stream("<</Type/EmbeddedFile/Filter/FlateDecode>>", zlib_repeat(b'x', 5 << 20));
        let mut specs = String::new();
        for i in 0..20_000 {
            let spec = pdf.add(format!("<</Type/Filespec/F(anhang{i}.bin)/EF<</F {stream} 0 R>>>>"));
            let _ = write!(specs, "{spec} 0 R ");
        }
        let root = pdf.catalog(&format!("/AF[{specs}]"));
        out.push(Case { name: "viele-verweise.pdf", bytes: pdf.write(root), code: "PDF-ANHANG", phrase: "weitere" });
    }
    // An object stream holding a huge array on the attachment path (the 259 KB file).
    {
        let mut pdf = Pdf { xref_stream: true, ..Pdf::default() };
        let huge = pdf.add_packed(format!("[{}]", "0 ".repeat(2_000_000)));
        let root = pdf.catalog(&format!("/AF {huge} 0 R"));
        out.push(Case { name: "objektstrom-riesig.pdf", bytes: pdf.write(root), code: "PDF-LESEGRENZE", phrase: "Objekte" });
    }
    // The same array uncompressed: 4 MB of `0 `.
    {
        let mut pdf = Pdf::default();
        let huge = pdf.add(format!("[{}]", "0 ".repeat(2_000_000)));
        let root = pdf.catalog(&format!("/AF {huge} 0 R"));
        out.push(Case { name: "feld-riesig.pdf", bytes: pdf.write(root), code: "PDF-LESEGRENZE", phrase: "Objekte" });
    }
    // One big dictionary referenced 100 000 times: parsing it again each time would be quadratic.
    {
        let mut pdf = Pdf::default();
        let big = pdf.add(format!("<</Type/Filespec/F({})>>", "a".repeat(1 << 20)));
        let refs = format!("{big} 0 R ").repeat(100_000);
        let root = pdf.catalog(&format!("/AF[{refs}]"));
        out.push(Case { name: "ein-objekt-oft.pdf", bytes: pdf.write(root), code: "PDF-ANHANG", phrase: "keinen Plan" });
    }
    // Nesting 100 000 levels deep.
    {
        let mut pdf = Pdf::default();
        let deep = pdf.add(format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)));
        let root = pdf.catalog(&format!("/AF {deep} 0 R"));
        out.push(Case { name: "tief.pdf", bytes: pdf.write(root), code: "PDF-LESEGRENZE", phrase: "Ebenen" });
    }
    // Streams whose `/Length` is a reference to the next such stream, 20 000 deep: the lookups
    // nest, and without a bound the stack would overflow.
    {
        let mut pdf = Pdf::default();
        let first = pdf.objects.len() + 1;
        for k in 0..20_000 {
            pdf.add(format!("<</Length {} 0 R>>\nstream\nab\nendstream", first + k + 1));
        }
        pdf.add("2");
        let spec = pdf.add(format!("<</Type/Filespec/F(plan.yaml)/EF<</F {first} 0 R>>>>"));
        let root = pdf.catalog(&format!("/AF[{spec} 0 R]"));
        out.push(Case { name: "laenge-kette.pdf", bytes: pdf.write(root), code: "PDF-LESEGRENZE", phrase: "Ebenen" });
    }
    // A name tree whose node is its own kid.
    {
        let mut pdf = Pdf::default();
        let node = pdf.reserve();
        pdf.set(node, format!("<</Kids[{node} 0 R {node} 0 R]>>"));
        let root = pdf.catalog(&format!("/Names<</EmbeddedFiles {node} 0 R>>"));
        out.push(Case { name: "baum-zyklus.pdf", bytes: pdf.write(root), code: "PDF-ANHANG", phrase: "keinen Plan" });
    }
    let whole = with_plan(PLAN.as_bytes(), false);
    out.push(Case { name: "halbe-datei.pdf", bytes: whole[..whole.len() / 2].to_vec(), code: "PDF-BESCHAEDIGT", phrase: "abgeschnitten" });
    // A compressed attachment cut short, inside an intact file.
    {
        let plan: String = (0..400).fold(String::new(), |mut s, i| {
            let _ = writeln!(s, "# Zeile {i} des Plans mit etwas Text");
            s
        });
        let packed = zlib(plan.as_bytes());
        let mut pdf = Pdf::default();
        let stream = pdf.add_stream("<</Type/EmbeddedFile/Filter/FlateDecode>>", packed[..packed.len() / 2].to_vec());
        let spec = pdf.add(format!("<</Type/Filespec/F(plan.yaml)/EF<</F {stream} 0 R>>>>"));
        let root = pdf.catalog(&format!("/AF[{spec} 0 R]"));
        out.push(Case { name: "anhang-abgeschnitten.pdf", bytes: pdf.write(root), code: "PDF-BESCHAEDIGT", phrase: "abgeschnitten" });
    }
    // The declared size disagrees with the data.
    {
        let mut pdf = Pdf::default();
        let stream = pdf.add_stream(format!("<</Type/EmbeddedFile/Params<</Size {}>>>>", PLAN.len() + 100), PLAN.as_bytes().to_vec());
        let spec = pdf.add(format!("<</Type/Filespec/F(plan.yaml)/EF<</F {stream} 0 R>>>>"));
        let root = pdf.catalog(&format!("/AF[{spec} 0 R]"));
        out.push(Case { name: "groesse-falsch.pdf", bytes: pdf.write(root), code: "PDF-BESCHAEDIGT", phrase: "angegeben sind" });
    }
    // Corrupt compressed data.
    {
        let mut packed = zlib(PLAN.repeat(20).as_bytes());
        for b in packed.iter_mut().skip(2).take(8) {
            *b = 0xff;
        }
        let mut pdf = Pdf::default();
        let stream = pdf.add_stream("<</Type/EmbeddedFile/Filter/FlateDecode>>", packed);
        let spec = pdf.add(format!("<</Type/Filespec/F(plan.yaml)/EF<</F {stream} 0 R>>>>"));
        let root = pdf.catalog(&format!("/AF[{spec} 0 R]"));
        out.push(Case { name: "anhang-kaputt.pdf", bytes: pdf.write(root), code: "PDF-BESCHAEDIGT", phrase: "Entpackers" });
    }
    // A filter this reader does not decode.
    {
        let mut pdf = Pdf::default();
        let stream = pdf.add_stream("<</Type/EmbeddedFile/Filter/LZWDecode>>", b"\x80\x0b\x60\x50".to_vec());
        let spec = pdf.add(format!("<</Type/Filespec/F(plan.yaml)/EF<</F {stream} 0 R>>>>"));
        let root = pdf.catalog(&format!("/AF[{spec} 0 R]"));
        out.push(Case { name: "lzw.pdf", bytes: pdf.write(root), code: "PDF-BESCHAEDIGT", phrase: "LZWDecode" });
    }
    // Encrypted (the dictionary is only named; the reader must stop at the trailer).
    {
        let mut pdf = Pdf::default();
        let stream = pdf.add_stream("<</Type/EmbeddedFile>>", PLAN.as_bytes().to_vec());
        let spec = pdf.add(format!("<</Type/Filespec/F(plan.yaml)/EF<</F {stream} 0 R>>>>"));
        let enc = pdf.add("<</Filter/Standard/V 2/R 3/Length 128/P -4/O<00>/U<00>>>");
        let root = pdf.catalog(&format!("/AF[{spec} 0 R]"));
        pdf.trailer_extra = format!("/Encrypt {enc} 0 R/ID[<01><01>]");
        out.push(Case { name: "verschluesselt.pdf", bytes: pdf.write(root), code: "PDF-VERSCHLUESSELT", phrase: "verschlüsselt" });
    }
    // No attachment at all.
    {
        let mut pdf = Pdf::default();
        let root = pdf.catalog("");
        out.push(Case { name: "ohne-anhang.pdf", bytes: pdf.write(root), code: "PDF-ANHANG", phrase: "keinen Plan" });
    }
    // Only the header.
    out.push(Case { name: "nur-kopf.pdf", bytes: b"%PDF-1.7\n".to_vec(), code: "PDF-BESCHAEDIGT", phrase: "startxref" });
    out
}
