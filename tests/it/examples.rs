//! Every bundled example is a complete plan without errors.

use crate::support::{check_file, render, root};

#[test]
fn examples_validate_without_errors() {
    let mut seen = 0;
    for entry in std::fs::read_dir(root().join("examples")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "yaml") {
            seen += 1;
            let checked = check_file(&path);
            assert!(!mep::has_errors(&checked.diagnostics), "{}:\n{}", path.display(), render(&checked));
            assert!(checked.value.is_some());
            // Their texts are within the limits and every character has a glyph in the PDF.
            let text =
                checked.diagnostics.iter().filter(|d| d.code.as_str().starts_with("TEXT-")).map(|d| d.message.as_str()).collect::<Vec<_>>();
            assert!(text.is_empty(), "{}: {text:?}", path.display());
        }
    }
    assert!(seen >= 3, "expected at least three examples, found {seen}");
}
