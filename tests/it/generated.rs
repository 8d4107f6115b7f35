//! Generated files committed to the repository are current.
//!
//! One command refreshes all of them (schemas, output schemas, the README rule list, the rule
//! examples): `MEP_UPDATE=1 cargo test --test it`. Review the diff and commit it.

use mep::rules::catalog;

use crate::support::root;

const REFRESH: &str = "run `MEP_UPDATE=1 cargo test --test it` and commit the result";

fn updating() -> bool {
    std::env::var_os("MEP_UPDATE").is_some()
}

/// Every generated file: path relative to the repository and its wanted text.
fn generated() -> Vec<(String, String)> {
    let mut files = vec![
        (mep::init::SCHEMA_PATH.to_owned(), mep::init::schema_json()),
        (mep::init::TRAEGER_SCHEMA_PATH.to_owned(), mep::init::traeger_schema_json()),
        (mep::profile::SCHEMA_PATH.to_owned(), mep::profile::schema_json()),
    ];
    files.push((mep::render::pack::reference::PATH.to_owned(), mep::render::pack::reference::markdown()));
    for (name, text) in mep::render::output_schema::all() {
        files.push((format!("{}/{name}", mep::render::output_schema::DIR), text));
    }
    files
}

#[test]
fn generated_files_are_current() {
    let mut stale = Vec::new();
    for (rel, text) in generated() {
        let path = root().join(&rel);
        if updating() {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &text).unwrap();
        }
        if std::fs::read_to_string(&path).unwrap_or_default() != text {
            stale.push(rel);
        }
    }
    assert!(stale.is_empty(), "stale: {stale:?}; {REFRESH}");
}

/// Replaces the text between two markers of a committed file with `wanted`, or reports it stale.
fn section_is_current(rel: &str, start: &str, end: &str, wanted: &str) {
    let path = root().join(rel);
    let text = std::fs::read_to_string(&path).unwrap();
    let (Some(a), Some(b)) = (text.find(start), text.find(end)) else { panic!("{rel} lacks the markers {start}") };
    if &text[a + start.len()..b] != wanted {
        assert!(updating(), "{rel}: the section after {start} is stale; {REFRESH}");
        std::fs::write(&path, format!("{}{wanted}{}", &text[..a + start.len()], &text[b..])).unwrap();
    }
}

#[test]
fn profile_parameter_table_is_current() {
    section_is_current(
        "schemas/profiles/README.md",
        "<!-- parameter:start -->\n",
        "<!-- parameter:end -->",
        &mep::profile::markdown_table(),
    );
}

const START: &str = "<!-- regeln:start -->\n";
const END: &str = "<!-- regeln:end -->";

/// Checks (or with `MEP_UPDATE` rewrites) the part of the README between `start` and `end`.
fn readme_part_is_current(start: &str, end: &str, wanted: &str) {
    let path = root().join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let (Some(a), Some(b)) = (readme.find(start), readme.find(end)) else { panic!("README lacks the markers {start}") };
    let current = &readme[a + start.len()..b];
    if current != wanted {
        assert!(updating(), "README part {start} is stale; {REFRESH}");
        let updated = format!("{}{wanted}{}", &readme[..a + start.len()], &readme[b..]);
        std::fs::write(&path, updated).unwrap();
    }
}

#[test]
fn readme_rule_list_is_current() {
    readme_part_is_current(START, END, &format!("\n{}\n", catalog::markdown(None)));
}

#[test]
fn readme_table_of_names_is_current() {
    let table = mep::cli::names::table_markdown(&mep::cli::command());
    readme_part_is_current("<!-- namen:start -->\n", "<!-- namen:end -->", &format!("\n{table}\n"));
}

#[test]
fn schemas_describe_what_they_must() {
    assert!(mep::init::schema_json().contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\""));
    assert!(mep::init::traeger_schema_json().contains("\"budget_eur\""));
    assert!(mep::profile::schema_json().contains("\"regeln\""));
    for (name, text) in mep::render::output_schema::all() {
        assert!(text.contains("\"version\""), "{name} describes the version field");
    }
    for l in mep::profile::embedded() {
        let text = std::fs::read_to_string(root().join(l.source.name())).unwrap();
        assert!(text.starts_with("# yaml-language-server: $schema="), "{} lacks the schema modeline", l.source.name());
    }
}

#[test]
fn output_schemas_require_their_key_fields() {
    let all = mep::render::output_schema::all();
    for (name, fields) in [
        ("review.schema.json", &["version", "rows", "totals"][..]),
        ("rules.schema.json", &["version", "regeln"][..]),
        ("view.schema.json", &["version", "dokument", "schule"][..]),
    ] {
        let schema: serde_json::Value = serde_json::from_str(&all.iter().find(|(n, _)| *n == name).unwrap().1).unwrap();
        let required: Vec<&str> = schema["required"].as_array().unwrap().iter().filter_map(|v| v.as_str()).collect();
        for field in fields {
            assert!(required.contains(field), "{name}: {field} missing in {required:?}");
        }
    }
}
