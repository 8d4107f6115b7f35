use super::{Budget, is_pdf, read_plan, text_string};

#[test]
fn the_header_decides_not_a_mention() {
    assert!(is_pdf(b"%PDF-1.7\n"));
    assert!(is_pdf(b"\r\n \t\x0c\0%PDF-2.0"));
    assert!(!is_pdf(b"# siehe %PDF-1.7\nschule: {}\n"));
    assert!(!is_pdf(b"\xEF\xBB\xBF%PDF-1.7"));
    assert!(!is_pdf(b""));
}

#[test]
fn text_strings_in_three_encodings() {
    assert_eq!(text_string(b"plan.yaml"), "plan.yaml");
    assert_eq!(text_string(&[0xfe, 0xff, 0, b'p', 0, 0xfc]), "pü");
    assert_eq!(text_string(&[0xef, 0xbb, 0xbf, b'a', 0xc3, 0xbc]), "aü");
    assert_eq!(text_string(&[0xfe, 0xff, 0xd8, 0]).chars().count(), 1);
}

#[test]
fn a_minimal_file_with_a_plain_attachment() {
    let body = "schule: {}\n";
    let mut pdf = String::from("%PDF-1.7\n");
    let mut offsets = Vec::new();
    let mut obj = |pdf: &mut String, text: String| {
        offsets.push(pdf.len());
        pdf.push_str(&text);
    };
    obj(&mut pdf, "1 0 obj\n<</Type/Catalog/Names<</EmbeddedFiles<</Names[(plan.yaml) 2 0 R]>>>>>>\nendobj\n".into());
    obj(&mut pdf, "2 0 obj\n<</Type/Filespec/F(plan.yaml)/EF<</F 3 0 R>>>>\nendobj\n".into());
    obj(&mut pdf, format!("3 0 obj\n<</Length {}/Params<</Size {}>>>>\nstream\n{body}\nendstream\nendobj\n", body.len(), body.len()));
    let xref = pdf.len();
    pdf.push_str(&format!("xref\n0 {}\n0000000000 65535 f \n", offsets.len() + 1));
    for o in &offsets {
        pdf.push_str(&format!("{o:010} 00000 n \n"));
    }
    pdf.push_str(&format!("trailer\n<</Size 4/Root 1 0 R>>\nstartxref\n{xref}\n%%EOF\n"));
    let out = read_plan(pdf.as_bytes(), &Budget::for_plan(1 << 20));
    let plan = out.result.unwrap();
    assert_eq!((plan.name.as_str(), plan.data.as_slice()), ("plan.yaml", body.as_bytes()));
    assert_eq!(out.counters.bytes_decoded, body.len());
    assert!(out.counters.objects_visited > 0 && out.counters.objects_visited < 60, "{:?}", out.counters);
}
