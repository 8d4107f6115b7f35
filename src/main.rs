//! The `mep` command.

fn main() -> std::process::ExitCode {
    mep::cli::run(std::env::args_os())
}
