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
