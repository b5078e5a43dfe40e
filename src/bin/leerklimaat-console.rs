//! The console twin of `leerklimaat` for Windows, where the game itself is built without a console
//! window: the same commands (check-deck, merge, export, simulate), whose output then shows in the
//! terminal they were typed in. Built with `--features console`; elsewhere `leerklimaat` is both.

#[path = "../cli.rs"]
mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
