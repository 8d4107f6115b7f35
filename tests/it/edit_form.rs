//! The forms follow the schema: every kind of node has a widget (also shapes the schema does
//! not have yet), every widget reads back exactly what it shows, and every input has a label.

use mep::edit::form::html::{self as widgets, Ctx};
use mep::edit::form::schema::{self, Field, Widget};
use mep::edit::form::value::{self, Input};
use serde_json::{Value, json};

#[test]
fn every_node_of_the_plan_schema_has_a_widget() {
    let unsupported = schema::plan().unsupported("");
    assert!(unsupported.is_empty(), "schema nodes without a widget: {unsupported:#?}");
    let Widget::Group(top) = &schema::plan().widget else { panic!("the plan is a mapping") };
    assert!(top.len() > 20, "every section of format 1 is a field");
    let kinds: std::collections::BTreeSet<&str> = collect(schema::plan()).into_iter().collect();
    for kind in ["Group", "List", "Tags", "Multi", "RefList", "RefChoice", "Choice", "Flag", "Scalar", "Alternatives"] {
        assert!(kinds.contains(kind), "the plan uses the widget {kind}: {kinds:?}");
    }
}

fn collect(f: &Field) -> Vec<&'static str> {
    let mut out = vec![match &f.widget {
        Widget::Group(_) => "Group",
        Widget::List(_) => "List",
        Widget::Tags(_) => "Tags",
        Widget::Multi(_) => "Multi",
        Widget::RefList(_) => "RefList",
        Widget::RefChoice(_) => "RefChoice",
        Widget::Choice(_) => "Choice",
        Widget::Flag => "Flag",
        Widget::Scalar(_) => "Scalar",
        Widget::Alternatives(_) => "Alternatives",
        Widget::Unsupported(_) => "Unsupported",
    }];
    match &f.widget {
        Widget::Group(fs) | Widget::Alternatives(fs) => fs.iter().for_each(|c| out.extend(collect(c))),
        Widget::List(item) => out.extend(collect(item)),
        _ => {}
    }
    out
}

/// Shapes announced for the format (approximate counts, month dates, `unbekannt` elsewhere,
/// financing per need, an Ist/Soll marker, extra chapters) get widgets without any change here.
#[test]
fn future_schema_shapes_need_no_editor_change() {
    let s = json!({
        "type": "object",
        "properties": {
            "schueler": {"description": "Anzahl, ungefähr (`ca. 700`) oder `unbekannt`.", "anyOf": [
                {"type": "integer", "minimum": 0},
                {"type": "string", "pattern": "^ca\\. [0-9]+$"},
                {"type": "string", "enum": ["unbekannt"], "enumDescriptions": ["Nicht bekannt"]}]},
            "seit": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$", "description": "Monat, z. B. 2019-08."},
            "bedarf": {"type": "array", "items": {"$ref": "#/$defs/Bedarf"}, "description": "Bedarf."},
            "kapitel": {"type": "array", "description": "Weitere Kapitel.", "items": {"type": "object", "required": ["titel"], "properties": {
                "titel": {"type": "string", "description": "Titel."},
                "text": {"type": ["string", "null"], "contentMediaType": "text/markdown", "description": "Text (Markdown)."}}}}
        },
        "$defs": {"Bedarf": {"type": "object", "properties": {
            "id": {"type": "string", "description": "Kennung, z. B. B1."},
            "anzahl": {"anyOf": [{"type": "integer"}, {"type": "string", "enum": ["unbekannt"]}], "description": "Anzahl."},
            "stand": {"type": "string", "enum": ["ist", "soll"], "enumDescriptions": ["vorhanden", "geplant"], "description": "Ist oder Soll."},
            "finanzierung": {"type": "array", "description": "Finanzierung.", "items": {"type": "object", "properties": {
                "quelle": {"type": "string", "enum": ["digitalpakt", "land"], "description": "Quelle."},
                "betrag_eur": {"type": ["number", "null"], "description": "Betrag."}}}}}}}
    });
    let form = schema::build(&s);
    assert!(form.unsupported("").is_empty(), "{:?}", form.unsupported(""));
    let at = |p: &str| form.at(&mep::edit::path::parse(p).unwrap()).unwrap().widget.clone();
    let Widget::Scalar(count) = at("schueler") else { panic!() };
    assert_eq!(count.consts.len(), 1);
    assert_eq!(value::scalar(&count.kinds, "ca. 700"), json!("ca. 700"));
    assert_eq!(value::scalar(&count.kinds, "700"), json!(700));
    assert!(matches!(at("bedarf[0].finanzierung"), Widget::List(_)));
    assert!(matches!(at("bedarf[0].stand"), Widget::Choice(_)));
    assert!(matches!(at("bedarf[0].anzahl"), Widget::Scalar(_)));
    let Widget::Scalar(md) = at("kapitel[0].text") else { panic!() };
    assert!(md.markdown);
    let value = json!({"schueler": "unbekannt", "seit": "2019-08", "bedarf": [{"id": "B1", "anzahl": "unbekannt", "stand": "soll", "finanzierung": [{"quelle": "land", "betrag_eur": 1.5}]}], "kapitel": [{"titel": "Anhang", "text": "**fett**\n"}]});
    let html = render(&form, &value);
    for needle in [
        r#"name="schueler" value="unbekannt""#,
        r#"name="bedarf[0].finanzierung[0].quelle""#,
        r#"<textarea id="f-kapitel-0-text""#,
        r#"value="1,5""#,
    ] {
        assert!(html.contains(needle) || needle.contains("schueler"), "{needle} in the form");
    }
    assert!(html.contains(r#"name="schueler" value="unbekannt" data-feld"#) && html.contains(" checked"), "unbekannt is a checked box");
    assert_reads_back(&form, &value, "");
}

fn render(form: &Field, value: &Value) -> String {
    let findings = std::collections::BTreeMap::new();
    let ids = mep::edit::page::ids(Some(value));
    let ctx = Ctx { findings: &findings, ids: &ids };
    let mut out = String::new();
    let Widget::Group(fields) = &form.widget else { panic!() };
    widgets::fields_of(&mut out, &ctx, fields, "", Some(value));
    out
}

/// What a widget shows, sent back unchanged, is the value it showed.
fn assert_reads_back(f: &Field, v: &Value, at: &str) {
    match (&f.widget, v) {
        (Widget::Group(fields), Value::Object(map)) => {
            for c in fields {
                if let Some(child) = map.get(&c.key) {
                    assert_reads_back(c, child, &format!("{at}.{}", c.key));
                }
            }
        }
        (Widget::List(item), Value::Array(items)) => {
            for (i, x) in items.iter().enumerate() {
                assert_reads_back(item, x, &format!("{at}[{i}]"));
            }
        }
        (Widget::Alternatives(alts), _) => {
            let alt = &alts[widgets::active_alternative(alts, Some(v))];
            let inner = Field { widget: alt.widget.clone(), ..f.clone() };
            assert_reads_back(&inner, v, at);
        }
        (_, Value::Null) => {}
        _ => {
            let shown = widgets::display(f, Some(v));
            assert_eq!(value::read(f, &shown, Some(v)), Input::Set(v.clone()), "{at}: {shown:?}");
        }
    }
}

/// The examples, and the valid fixtures with the partly known shapes (`ca. 700`, `unbekannt`,
/// a month as `stand`, `finanzierung`, room standards with `zustand`).
#[test]
fn every_example_reads_back_what_the_form_shows() {
    let root = crate::support::root();
    let mut seen = 0;
    for dir in ["examples", "tests/fixtures/valid"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "yaml") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let value = mep::load::yaml_value(&text, &mep::load::Limits::default()).unwrap();
            assert_reads_back(schema::plan(), &value, &path.display().to_string());
            seen += 1;
        }
    }
    assert!(seen > 5, "examples and fixtures found: {seen}");
}

#[test]
fn every_input_has_a_label_and_its_help() {
    let text = std::fs::read_to_string(crate::support::root().join("examples/gymnasium-baden-wuerttemberg.yaml")).unwrap();
    let value = mep::load::yaml_value(&text, &mep::load::Limits::default()).unwrap();
    let html = render(schema::plan(), &value);
    let mut inputs = 0;
    for tag in ["<input type=\"text\" id=\"", "<select id=\"", "<textarea id=\"", "<input type=\"checkbox\" id=\""] {
        for part in html.split(tag).skip(1) {
            let id = &part[..part.find('"').unwrap()];
            inputs += 1;
            assert!(html.contains(&format!(r#"for="{id}""#)), "label for {id}");
            let own = &part[..part.find('>').unwrap()];
            if !tag.contains("checkbox") {
                assert!(own.contains(&format!(r#"aria-describedby="h-{id} b-{id}""#)), "help and findings of {id}");
            }
        }
    }
    assert!(inputs > 200, "the BW example fills many fields: {inputs}");
    let ids: Vec<&str> = html.split(" id=\"").skip(1).map(|p| &p[..p.find('"').unwrap()]).collect();
    let unique: std::collections::BTreeSet<&&str> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "ids are unique");
}
