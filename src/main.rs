//! The program: the game window, or one of its commands (see `cli`). A Windows release build opens no
//! console window beside the game; `leerklimaat-console.exe` is the same program for the command line.
#![cfg_attr(all(windows, not(debug_assertions)), windows_subsystem = "windows")]

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
