//! Markdown as HTML for the preview: the document mep renders, shown in the page.
//!
//! Every text is escaped; raw HTML in the Markdown is shown as text (the renderer's own `<br>`
//! is the one tag let through); links keep only web and mail targets; images show their
//! alternative text. No script, style or attribute comes from the plan.

use pulldown_cmark::{Alignment, CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::html::esc;

/// Converts Markdown to safe HTML; headings are shifted by `shift` levels (at most `h6`).
#[must_use]
pub fn to_html(markdown: &str, shift: u8) -> String {
    let mut out = String::with_capacity(markdown.len() * 2);
    let mut in_head = false;
    let mut aligns: Vec<Alignment> = Vec::new();
    let mut cell = 0usize;
    let mut image_depth = 0usize;
    let mut links: Vec<bool> = Vec::new();
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph => out.push_str("<p>"),
                Tag::Heading { level, .. } => out.push_str(&format!("<h{}>", heading(level, shift))),
                Tag::BlockQuote(_) => out.push_str("<blockquote>"),
                Tag::CodeBlock(CodeBlockKind::Fenced(_) | CodeBlockKind::Indented) => out.push_str("<pre><code>"),
                Tag::List(Some(start)) => out.push_str(&format!(r#"<ol start="{start}">"#)),
                Tag::List(None) => out.push_str("<ul>"),
                Tag::Item => out.push_str("<li>"),
                Tag::Table(a) => {
                    aligns = a;
                    out.push_str("<table>");
                }
                Tag::TableHead => {
                    in_head = true;
                    cell = 0;
                    out.push_str("<thead><tr>");
                }
                Tag::TableRow => {
                    cell = 0;
                    out.push_str("<tr>");
                }
                Tag::TableCell => {
                    let t = if in_head { "th" } else { "td" };
                    let align = match aligns.get(cell) {
                        Some(Alignment::Right) => r#" class="rechts""#,
                        Some(Alignment::Center) => r#" class="mitte""#,
                        _ => "",
                    };
                    out.push_str(&format!("<{t}{align}>"));
                }
                Tag::Emphasis => out.push_str("<em>"),
                Tag::Strong => out.push_str("<strong>"),
                Tag::Strikethrough => out.push_str("<s>"),
                Tag::Link { dest_url, .. } => {
                    let safe = ["https://", "http://", "mailto:"].iter().any(|p| dest_url.starts_with(p));
                    links.push(safe);
                    if safe {
                        out.push_str(&format!(r#"<a href="{}" rel="noreferrer noopener">"#, esc(&dest_url)));
                    } else {
                        out.push_str("<span>");
                    }
                }
                Tag::Image { .. } => image_depth += 1,
                _ => {}
            },
            Event::End(end) => match end {
                TagEnd::Paragraph => out.push_str("</p>"),
                TagEnd::Heading(level) => out.push_str(&format!("</h{}>", heading(level, shift))),
                TagEnd::BlockQuote(_) => out.push_str("</blockquote>"),
                TagEnd::CodeBlock => out.push_str("</code></pre>"),
                TagEnd::List(true) => out.push_str("</ol>"),
                TagEnd::List(false) => out.push_str("</ul>"),
                TagEnd::Item => out.push_str("</li>"),
                TagEnd::Table => out.push_str("</tbody></table>"),
                TagEnd::TableHead => {
                    in_head = false;
                    out.push_str("</tr></thead><tbody>");
                }
                TagEnd::TableRow => out.push_str("</tr>"),
                TagEnd::TableCell => {
                    out.push_str(if in_head { "</th>" } else { "</td>" });
                    cell += 1;
                }
                TagEnd::Emphasis => out.push_str("</em>"),
                TagEnd::Strong => out.push_str("</strong>"),
                TagEnd::Strikethrough => out.push_str("</s>"),
                TagEnd::Link => out.push_str(if links.pop().unwrap_or(false) { "</a>" } else { "</span>" }),
                TagEnd::Image => image_depth = image_depth.saturating_sub(1),
                _ => {}
            },
            Event::Text(t) | Event::Code(t) if image_depth > 0 => out.push_str(&esc(&t)),
            Event::Text(t) => out.push_str(&esc(&t)),
            Event::Code(t) => out.push_str(&format!("<code>{}</code>", esc(&t))),
            Event::Html(t) | Event::InlineHtml(t) => {
                if t.trim().eq_ignore_ascii_case("<br>") {
                    out.push_str("<br>");
                } else {
                    out.push_str(&esc(&t));
                }
            }
            Event::SoftBreak => out.push('\n'),
            Event::HardBreak => out.push_str("<br>"),
            Event::Rule => out.push_str("<hr>"),
            _ => {}
        }
    }
    out
}

fn heading(level: HeadingLevel, shift: u8) -> u8 {
    (level as u8 + shift).min(6)
}

/// Splits rendered Markdown into chapters at its level-1 and level-2 headings: (title, Markdown).
#[must_use]
pub fn chapters(markdown: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut fence = false;
    for line in markdown.split_inclusive('\n') {
        if line.trim_start().starts_with("```") {
            fence = !fence;
        }
        let title = if fence { None } else { line.strip_prefix("# ").or_else(|| line.strip_prefix("## ")) };
        match title {
            Some(t) => out.push((t.trim().replace('\\', ""), line.to_owned())),
            None => match out.last_mut() {
                Some((_, body)) => body.push_str(line),
                None => out.push(("Anfang".to_owned(), line.to_owned())),
            },
        }
    }
    out.retain(|(_, body)| !body.trim().is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_from_the_plan_becomes_markup() {
        let html = to_html("# T\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1)) [y](https://a.example) ![bild](x.png) a<br>b", 1);
        assert!(html.contains("<h2>T</h2>"), "{html}");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("javascript:\""), "{html}");
        assert!(html.contains(r#"<a href="https://a.example" rel="noreferrer noopener">y</a>"#), "{html}");
        assert!(html.contains("<span>x</span>"), "{html}");
        assert!(html.contains("bild") && !html.contains("<img"), "{html}");
        assert!(html.contains("a<br>b"), "{html}");
    }

    #[test]
    fn chapters_split_at_headings() {
        let c = chapters("# Plan\n\nx\n\n## Ziele\n\n```\n## kein Titel\n```\n## Kosten\ny\n");
        let titles: Vec<&str> = c.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(titles, ["Plan", "Ziele", "Kosten"]);
    }
}
