//! How a command ends: an [`Exit`] code, or an [`Error`] that carries its German message.
//!
//! Commands return [`Result<Exit>`](Result): `Ok` when they did their job (the code says whether
//! the inputs had errors), `Err` when they stopped early. Every helper that can stop a command
//! returns [`Error`], so command functions use `?`; [`Error::report`] prints the message once,
//! in [`super::run`] or where a loop over several files goes on after one failed.

use std::fmt::Display;

use super::output;

/// The exit code of a run; the larger one wins when several files end differently.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum Exit {
    /// 0: everything fine (warnings allowed).
    #[default]
    Ok,
    /// 1: at least one input has errors.
    Input,
    /// 2: the tool could not do its job (unreadable file, bad arguments, full disk).
    Tool,
}

impl Exit {
    /// The number the process ends with.
    #[must_use]
    pub fn code(self) -> u8 {
        match self {
            Exit::Ok => 0,
            Exit::Input => 1,
            Exit::Tool => 2,
        }
    }
}

impl From<Exit> for std::process::ExitCode {
    fn from(exit: Exit) -> Self {
        Self::from(exit.code())
    }
}

/// Why a command stopped early: a German message still to print (or none), and the exit code.
#[derive(Debug, PartialEq, Eq)]
#[must_use]
pub struct Error {
    /// The message, printed as `Fehler: …` on standard error; `None` when everything is said already.
    message: Option<String>,
    /// The exit code of the run.
    exit: Exit,
}

/// The result of a command or of a step that may stop it.
pub type Result<T = Exit> = std::result::Result<T, Error>;

impl Error {
    /// The tool could not do its job (exit code 2); `message` is German and ends with a full stop.
    pub fn tool(message: impl Display) -> Self {
        Self { message: Some(message.to_string()), exit: Exit::Tool }
    }

    /// A wrong use of the command line (exit code 2), with the hint where help is.
    pub fn usage(message: impl Display, command: &str) -> Self {
        Self::tool(format_args!("{message}\n\nHilfe anzeigen: mep {command} --hilfe"))
    }

    /// Stops with `exit` and nothing more to say: the findings are printed already, or the reader went away.
    pub fn quiet(exit: Exit) -> Self {
        Self { message: None, exit }
    }

    /// The exit code this error ends the run with.
    #[must_use]
    pub fn exit(&self) -> Exit {
        self.exit
    }

    /// The message, if one is still to be printed.
    #[must_use]
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// Prints the message (if any) on standard error and returns the exit code.
    #[must_use]
    pub fn report(self) -> Exit {
        if let Some(message) = &self.message {
            output::error(message);
        }
        self.exit
    }
}

/// Ends a run: the exit code of `result`, after printing the message of an error.
pub fn finish(result: Result) -> Exit {
    result.unwrap_or_else(Error::report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_worse_exit_wins() {
        assert_eq!(Exit::Ok.max(Exit::Input).max(Exit::Ok), Exit::Input);
        assert_eq!(Exit::Tool.max(Exit::Input), Exit::Tool);
        assert_eq!([Exit::Ok, Exit::Input, Exit::Tool].map(Exit::code), [0, 1, 2]);
    }

    #[test]
    fn errors_carry_message_and_code() {
        let e = Error::usage("`-o DATEI` geht nur mit einer Eingabedatei.", "erstellen");
        assert_eq!(e.exit(), Exit::Tool);
        assert_eq!(e.message(), Some("`-o DATEI` geht nur mit einer Eingabedatei.\n\nHilfe anzeigen: mep erstellen --hilfe"));
        let closed = Error::quiet(Exit::Ok);
        assert_eq!((closed.message(), closed.exit()), (None, Exit::Ok));
        assert_eq!(finish(Ok(Exit::Input)), Exit::Input);
        assert_eq!(finish(Err(Error::quiet(Exit::Ok))), Exit::Ok);
    }
}
