//! Transcripts of the command line (`tests/cmd/*.toml`).

#[test]
fn cli_transcripts() {
    trycmd::TestCases::new().case("tests/cmd/*.toml");
}

#[cfg(unix)]
mod output {
    use std::process::{Command, Stdio};

    use crate::support::root;

    const PLAN: &str = "examples/grundschule-niedersachsen.yaml";
    const PLANS: &str = "tests/fixtures/review/traeger/plaene";

    fn mep() -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_mep"));
        cmd.current_dir(root()).env_remove("SOURCE_DATE_EPOCH");
        cmd
    }

    /// Every command that writes to standard output, with arguments that succeed.
    fn writers() -> Vec<Vec<&'static str>> {
        vec![
            vec!["validate", PLAN],
            vec!["validate", "--format", "json", PLAN],
            vec!["schema"],
            vec!["init", "-"],
            vec!["rules"],
            vec!["explain", "DP-MOBIL-OBERGRENZE"],
            vec!["review", "--format", "json", PLANS],
            vec!["review", "--format", "csv", PLANS],
            vec!["review", "--format", "md", PLANS, "-o", "-"],
            vec!["render", PLAN, "-o", "-"],
            vec!["completions", "bash"],
        ]
    }

    #[test]
    fn a_full_device_is_exit_code_2_with_a_german_message() {
        for args in writers() {
            let full = std::fs::File::options().write(true).open("/dev/full").expect("/dev/full exists on Linux");
            let out = mep().args(&args).stdout(full).output().unwrap();
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
            assert!(err.contains("Fehler: Die Ausgabe kann nicht geschrieben werden"), "{args:?}: {err}");
            assert!(!err.contains("panicked"), "{args:?}: {err}");
        }
    }

    #[test]
    fn a_reader_that_went_away_ends_quietly_with_0() {
        for args in writers() {
            let mut child = mep().args(&args).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
            drop(child.stdout.take());
            let out = child.wait_with_output().unwrap();
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(0), "{args:?}: {err}");
            assert!(!err.contains("panicked") && !err.contains("Fehler"), "{args:?}: {err}");
        }
    }

    #[test]
    fn the_questions_of_the_wizard_go_to_standard_error() {
        let mut child =
            mep().args(["init", "--interaktiv", "-"]).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
        let answers = "Grundschule am Markt\n123456\ngrundschule\nNW\n210\n14\n9\nStadt Musterstadt\n";
        std::io::Write::write_all(child.stdin.as_mut().unwrap(), answers.as_bytes()).unwrap();
        let out = child.wait_with_output().unwrap();
        let (plan, questions) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
        assert_eq!(out.status.code(), Some(0), "{questions}");
        assert!(plan.contains("name: \"Grundschule am Markt\"") || plan.contains("name: Grundschule am Markt"), "{plan}");
        assert!(!plan.contains("Name der Schule:"), "{plan}");
        assert!(questions.contains("Name der Schule:"), "{questions}");
    }
}

/// The language rule: every command and long flag answers to a German and an English name.
mod names {
    use clap::parser::ValueSource;
    use mep::cli::names::{self, Pair, SAME_IN_BOTH};

    fn tree() -> clap::Command {
        mep::cli::command()
    }

    /// The command path of a pair below `mep` (`mep pruefen` → `["pruefen"]`).
    fn path(pair: &Pair) -> Vec<String> {
        pair.command.split_whitespace().skip(1).map(str::to_owned).collect()
    }

    /// The command at `path`.
    fn find(path: &[String]) -> clap::Command {
        path.iter().fold(tree(), |cmd, name| cmd.find_subcommand(name).unwrap_or_else(|| panic!("no command {name}")).clone())
    }

    /// A value the flag accepts: its first possible value, or a number that is also a path.
    fn value_for(arg: &clap::Arg) -> String {
        match arg.get_long() {
            Some("pdf-standard") => "a-2b".to_owned(),
            _ => arg.get_possible_values().first().map_or_else(|| "1".to_owned(), |v| v.get_name().to_owned()),
        }
    }

    /// Positional values so that the command's required arguments are there.
    fn positionals(cmd: &clap::Command) -> Vec<String> {
        cmd.get_positionals().filter(|a| a.is_required_set()).map(|_| "plan.yaml".to_owned()).collect()
    }

    #[test]
    fn every_command_and_flag_has_a_german_and_an_english_name() {
        let pairs = names::pairs(&tree());
        assert!(pairs.iter().filter(|p| p.is_command).count() >= 9, "the walk sees the commands: {pairs:?}");
        assert!(pairs.iter().filter(|p| !p.is_command).count() >= 25, "the walk sees the flags: {pairs:?}");
        for p in &pairs {
            let german = &p.german;
            assert!(german.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'), "{p:?}: written without umlauts");
            assert!(p.hidden.is_empty(), "{p:?}: an English name is shown, never hidden");
            if SAME_IN_BOTH.contains(&german.as_str()) {
                assert!(p.english.is_empty(), "{p:?}: same in both languages, no alias");
            } else {
                assert_eq!(p.english.len(), 1, "{p:?}: exactly one English name");
                assert_ne!(&p.english[0], german, "{p:?}");
            }
        }
        for same in SAME_IN_BOTH {
            assert!(pairs.iter().any(|p| p.german == *same), "{same} in SAME_IN_BOTH is used");
        }
    }

    #[test]
    fn every_command_answers_to_both_names_and_is_shown_by_its_german_one() {
        for p in names::pairs(&tree()).into_iter().filter(|p| p.is_command) {
            for name in std::iter::once(&p.german).chain(&p.english) {
                let mut argv: Vec<String> = vec!["mep".into()];
                argv.extend(path(&p));
                argv.extend([name.clone(), "--hilfe".into()]);
                let err = tree().try_get_matches_from(&argv).expect_err("--hilfe shows the help");
                assert_eq!(err.kind(), clap::error::ErrorKind::DisplayHelp, "{argv:?}: {err}");
                let help = err.render().to_string();
                assert!(help.contains(&format!("Aufruf: {} {}", p.command, p.german)), "{argv:?} shows the German usage:\n{help}");
            }
        }
    }

    #[test]
    fn every_long_flag_answers_to_both_names() {
        for p in names::pairs(&tree()).into_iter().filter(|p| !p.is_command) {
            let path = path(&p);
            let cmd = find(&path);
            let arg = cmd.get_arguments().find(|a| a.get_long() == Some(p.german.as_str())).unwrap().clone();
            for name in std::iter::once(&p.german).chain(&p.english) {
                let mut argv: Vec<String> = vec!["mep".into()];
                argv.extend(path.clone());
                argv.push(format!("--{name}"));
                if arg.get_action().takes_values() {
                    argv.push(value_for(&arg));
                }
                argv.extend(positionals(&cmd));
                // Other required options (`mep traegerplan --traeger`) get a value too.
                for other in cmd.get_arguments().filter(|a| a.is_required_set() && !a.is_positional() && a.get_id() != arg.get_id()) {
                    argv.push(format!("--{}", other.get_long().unwrap_or_default()));
                    argv.push(value_for(other));
                }
                if path.is_empty() {
                    // A flag of `mep` itself needs a command after it.
                    argv.extend(["regeln".into()]);
                }
                let parsed = tree().try_get_matches_from(&argv);
                match parsed {
                    Ok(mut m) => {
                        for sub in &path {
                            m = m.subcommand_matches(sub).unwrap_or_else(|| panic!("{argv:?}: {sub}")).clone();
                        }
                        assert_eq!(m.value_source(arg.get_id().as_str()), Some(ValueSource::CommandLine), "{argv:?}");
                    }
                    Err(e) => {
                        let shown = [clap::error::ErrorKind::DisplayHelp, clap::error::ErrorKind::DisplayVersion];
                        assert!(shown.contains(&e.kind()), "{argv:?}: {e}");
                    }
                }
            }
        }
    }

    #[test]
    fn help_man_page_and_completions_show_the_german_name_first() {
        let help = mep::cli::names::german_help(&tree().render_help().to_string());
        assert!(!help.contains("alias"), "{help}");
        let commands: Vec<Pair> = names::pairs(&tree()).into_iter().filter(|p| p.is_command && p.command == "mep").collect();
        for (i, p) in commands.iter().enumerate() {
            let at = help.find(&format!("\n  {} ", p.german)).unwrap_or_else(|| panic!("{} has a line:\n{help}", p.german));
            let end = commands.get(i + 1).and_then(|next| help.find(&format!("\n  {} ", next.german))).unwrap_or(help.len());
            for english in &p.english {
                let note = help[at..end].find(&format!("[auch: {english}]"));
                assert!(note.is_some(), "{english} is noted after {}:\n{help}", p.german);
                assert!(!help.contains(&format!("\n  {english} ")), "{english} has no line of its own:\n{help}");
            }
        }
        let run = |args: &[&str]| {
            let out = std::process::Command::new(env!("CARGO_BIN_EXE_mep")).args(args).output().unwrap();
            assert_eq!(out.status.code(), Some(0), "{args:?}");
            String::from_utf8(out.stdout).unwrap()
        };
        let man = run(&["handbuch"]);
        let (pruefen, validate) = (man.find("pruefen").unwrap(), man.find("validate").unwrap());
        assert!(pruefen < validate, "the man page names pruefen first");
        assert!(man.contains("mep\\-pruefen(1)\nPrüft") && man.contains("[auch: validate]"), "{man}");
        let page = run(&["handbuch", "erstellen"]);
        assert!(page.contains("\\fB\\-\\-vorlagen\\fR") && page.contains("[auch: \\-\\-templates]"), "{page}");
        let bash = run(&["completions", "bash"]);
        for word in ["pruefen", "validate", "--vorlagen", "--templates", "--ueberschreiben", "--force"] {
            assert!(bash.contains(word), "bash completion offers {word}");
        }
        assert!(bash.find("pruefen").unwrap() < bash.find("validate").unwrap(), "bash completion offers pruefen first");
        assert_eq!(run(&["handbuch", "pruefen"]), run(&["man", "validate"]), "both names give the same page");
    }

    /// The „Meinten Sie …?“ of a text, if any.
    fn suggestion(text: &str) -> Option<String> {
        let start = text.find("Meinten Sie `")? + "Meinten Sie `".len();
        Some(text[start..start + text[start..].find('`')?].to_owned())
    }

    #[test]
    fn land_and_programm_follow_the_same_rule_on_the_command_line_as_in_yaml() {
        let minimal = std::fs::read_to_string(crate::support::root().join("tests/fixtures/valid/minimal.yaml")).unwrap();
        let mut cases: Vec<(&str, &str, bool)> = mep::model::Land::ALL.iter().map(|l| ("land", l.key(), true)).collect();
        cases.extend(mep::model::Programm::ALL.iter().map(|p| ("programm", p.key(), true)));
        cases.extend(
            [("land", "sh"), ("land", "nrw"), ("land", "Bayern"), ("programm", "digitalpakt2"), ("programm", "DigitalPakt-2019")]
                .map(|(k, v)| (k, v, false)),
        );
        for (key, value, ok) in cases {
            let yaml = minimal.lines().map(|l| if l.starts_with(&format!("{key}:")) { format!("{key}: {value}") } else { l.to_owned() });
            let yaml: String = yaml.map(|l| l + "\n").collect();
            let checked = mep::check_plan("plan.yaml", yaml.as_bytes(), &mep::load::Limits::default());
            let in_yaml = checked.diagnostics.iter().find(|d| d.path == key);
            let on_cli = tree().try_get_matches_from(["mep", "pruefen", &format!("--{key}"), value, "plan.yaml"]);
            assert_eq!(in_yaml.is_none(), ok, "{key}: {value} in YAML: {in_yaml:?}");
            assert_eq!(on_cli.is_ok(), ok, "--{key} {value}");
            if let (Some(d), Err(e)) = (in_yaml, on_cli) {
                let cli_text = e.get(clap::error::ContextKind::SuggestedValue).map(ToString::to_string);
                assert_eq!(suggestion(d.help.as_deref().unwrap_or_default()), cli_text, "--{key} {value}");
            }
        }
    }
}
