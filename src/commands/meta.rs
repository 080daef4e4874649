//! What implan prints about itself: shell completions, the manual page, the JSON Schema of plan files.

use super::{Console, Error, Exit};
use crate::cli::{Cli, CompletionsArgs, ManArgs, ShellArg};
use crate::escape;
use crate::messages::commands as m;
use clap::CommandFactory;

/// The shell code that sets up completion: by default clap_complete's registration, which runs `implan` (as
/// found on PATH) at each TAB under `COMPLETE=SHELL`, answered by [`super::complete::command`]; with `--static`
/// a script of its own that knows the subcommands and options only.
pub(super) fn completions(args: CompletionsArgs, console: &mut dyn Console) -> Result<Exit, Error> {
    let mut buf = Vec::new();
    if args.static_script {
        clap_complete::generate(clap_complete::Shell::from(args.shell), &mut Cli::command(), "implan", &mut buf);
    } else {
        registrar(args.shell).write_registration("COMPLETE", "implan", "implan", "implan", &mut buf)?;
    }
    console.out(&String::from_utf8_lossy(&buf), false)?;
    Ok(Exit::Success)
}

fn registrar(shell: ShellArg) -> &'static dyn clap_complete::env::EnvCompleter {
    use clap_complete::env;
    match shell {
        ShellArg::Bash => &env::Bash,
        ShellArg::Elvish => &env::Elvish,
        ShellArg::Fish => &env::Fish,
        ShellArg::Powershell => &env::Powershell,
        ShellArg::Zsh => &env::Zsh,
    }
}

/// The manual: implan's page on standard output, or with `--dir` every page written into that folder.
pub(super) fn man(args: ManArgs, console: &mut dyn Console) -> Result<Exit, Error> {
    let pages = manual_pages()?;
    let Some(dir) = args.dir else {
        console.out(&String::from_utf8_lossy(&pages[0].1), false)?;
        return Ok(Exit::Success);
    };
    let shown = escape::path(&dir);
    std::fs::create_dir_all(&dir)
        .map_err(|e| Error::Usage(m::cannot_make_folder(&shown, &crate::write::describe(&e))))?;
    for (name, page) in &pages {
        crate::write::write_file(&dir.join(name), page, crate::write::WriteOptions::replace())
            .map_err(|e| Error::Usage(e.text()))?;
    }
    let lang = super::lang_or_locale(None);
    console.out(&format!("{}\n", m::wrote_pages(pages.len(), &shown).get(lang)), false)?;
    Ok(Exit::Success)
}

/// Every manual page, as (file name, roff): implan's first, then one per subcommand and per nested subcommand
/// (`implan-export-ics.1`), named as clap_mangen names them and as the SUBCOMMANDS sections refer to them; a
/// subcommand's page refers back to its parent's under SEE ALSO. The `help` subcommand gets none: its page
/// would repeat `--help`.
fn manual_pages() -> Result<Vec<(String, Vec<u8>)>, Error> {
    use clap_mangen::roff::{Roff, bold, roman};
    fn add(cmd: &clap::Command, parent: Option<&str>, pages: &mut Vec<(String, Vec<u8>)>) -> Result<(), Error> {
        // Every page's footer names implan and its version (clap_mangen would give a subcommand's name alone).
        let man = clap_mangen::Man::new(cmd.clone()).source(format!("implan {}", env!("CARGO_PKG_VERSION")));
        let mut page = Vec::new();
        man.render(&mut page).map_err(|e| Error::Usage(m::cannot_render_manual(&e.to_string())))?;
        if let Some(parent) = parent {
            let mut see_also = Roff::new();
            see_also.control("SH", ["SEE ALSO"]).text([bold(parent), roman("(1)")]);
            page.extend_from_slice(see_also.to_roff().as_bytes());
        }
        pages.push((man.get_filename(), page));
        let name = cmd.get_display_name().unwrap_or_else(|| cmd.get_name());
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
            add(sub, Some(name), pages)?;
        }
        Ok(())
    }
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    let mut pages = Vec::new();
    add(&cmd, None, &mut pages)?;
    Ok(pages)
}

pub(super) fn schema(console: &mut dyn Console) -> Result<Exit, Error> {
    console.out(&crate::export::json_schema::json_schema_string(), false)?;
    Ok(Exit::Success)
}
