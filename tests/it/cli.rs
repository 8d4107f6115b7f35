//! Transcripts of the command line (`tests/cmd/*.toml`).

#[test]
fn cli_transcripts() {
    trycmd::TestCases::new().case("tests/cmd/*.toml");
}
