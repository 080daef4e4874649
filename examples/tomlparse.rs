//! Reads a file and parses it with toml's spanned parser, nothing else: the floor for `implan check` in
//! `benches/run.sh`. Exits 1 if the file is not TOML.

fn main() -> std::process::ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: tomlparse FILE");
        return std::process::ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: cannot read '{path}': {e}");
            return std::process::ExitCode::from(2);
        }
    };
    let (doc, errors) = toml::de::DeTable::parse_recoverable(&text);
    println!("{} top-level keys, {} errors", doc.get_ref().len(), errors.len());
    std::process::ExitCode::from(u8::from(!errors.is_empty()))
}
