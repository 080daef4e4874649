//! The `implan` command: parses arguments, calls the library, prints, and sets the exit code.

use clap::{Parser, Subcommand, ValueEnum};
use implan::check::{self, FileReport};
use implan::render;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "implan", version, about = "Check, print and follow implementation plans", long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check plan files for problems, like a compiler checks code
    ///
    /// Exit code 0: no errors (warnings allowed unless --deny warnings); 1: errors found; 2: usage error or a
    /// path that cannot be read.
    Check {
        /// Plan files, or directories to search for *.toml plan files
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Output format
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Treat findings of this kind as errors for the exit code (only "warnings")
        #[arg(long, value_name = "WHAT", value_parser = ["warnings"])]
        deny: Option<String>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// Findings with source snippets and carets, and a summary line
    Human,
    /// One JSON document with every finding and a summary
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check { paths, format, deny } => run_check(&paths, format, deny.is_some()),
    }
}

fn run_check(paths: &[PathBuf], format: Format, deny_warnings: bool) -> ExitCode {
    let files = match check::collect(paths) {
        Ok(files) => files,
        Err(e) => return usage_error(&e.to_string()),
    };
    if files.is_empty() {
        return usage_error("no plan files (*.toml) found under the given paths");
    }
    let mut reports: Vec<FileReport> = Vec::with_capacity(files.len());
    for file in &files {
        match check::check_file(file) {
            Ok(r) => reports.push(r),
            Err(e) => return usage_error(&e.to_string()),
        }
    }
    // A closed pipe (implan check … | head) is not an error worth reporting.
    let _ = match format {
        // Styled text goes through anstream, which strips the styles off a pipe or under NO_COLOR.
        Format::Human => write_all(anstream::stdout().lock(), &render::human(&reports)),
        Format::Json => write_all(std::io::stdout().lock(), &render::json(&reports)),
    };
    let summary = render::Summary::of(&reports);
    if summary.errors > 0 || (deny_warnings && summary.warnings > 0) { ExitCode::from(1) } else { ExitCode::SUCCESS }
}

fn write_all(mut out: impl Write, text: &str) -> std::io::Result<()> {
    out.write_all(text.as_bytes())?;
    out.flush()
}

fn usage_error(message: &str) -> ExitCode {
    let style = anstyle::Style::new().fg_color(Some(anstyle::AnsiColor::BrightRed.into())).bold();
    let _ = writeln!(anstream::stderr(), "{style}error{style:#}: {message}");
    ExitCode::from(2)
}
