//! The `mep` command.
//!
//! Every write goes through `mep::cli::output`, which ends quietly (exit code 0) when the
//! reader has gone away and with exit code 2 and a German message on any other write error.

fn main() -> std::process::ExitCode {
    mep::cli::run(std::env::args_os())
}
