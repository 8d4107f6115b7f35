//! The `mep` command.

fn main() -> std::process::ExitCode {
    quiet_on_closed_stdout();
    mep::cli::run(std::env::args_os())
}

/// Ends the process quietly when standard output is closed early (`mep --help | head -1`).
///
/// Rust ignores SIGPIPE, so `print!` to a closed pipe panics; the reader has
/// stopped listening, which is not a failure of `mep` worth a panic message.
fn quiet_on_closed_stdout() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let message = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or("");
        if message.starts_with("failed printing to stdout") && message.contains("os error 32") {
            std::process::exit(0);
        }
        default(info);
    }));
}
