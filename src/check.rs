//! Checking files: finding the plan files under the given paths, loading and checking each one.

use crate::diag::{Finding, Severity};
use crate::source::Source;
use std::io;
use std::path::{Path, PathBuf};

/// The result of checking one file.
#[derive(Debug, Clone)]
pub struct FileReport {
    pub path: PathBuf,
    /// The text (with U+FFFD for bytes that are not UTF-8); findings' spans index into it.
    pub source: Option<Source>,
    pub findings: Vec<Finding>,
}

impl FileReport {
    pub fn count(&self, severity: Severity) -> usize {
        self.findings.iter().filter(|f| f.severity == severity).count()
    }
}

/// A path that could not be read, with the reason.
#[derive(Debug)]
pub struct ReadError {
    pub path: PathBuf,
    pub error: io::Error,
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "cannot read '{}': {}", self.path.display(), self.error)
    }
}

/// TOML files in a directory tree that are tool configuration, never plans.
const NOT_PLANS: &[&str] = &[
    "Cargo.toml",
    "implan.toml",
    "pyproject.toml",
    "rustfmt.toml",
    ".rustfmt.toml",
    "taplo.toml",
    ".taplo.toml",
    "clippy.toml",
];

/// The plan files named by `paths`: files as given, directories searched for `*.toml`, in a stable order.
pub fn collect(paths: &[PathBuf]) -> Result<Vec<PathBuf>, ReadError> {
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|error| ReadError { path: path.clone(), error })?;
        if !meta.is_dir() {
            if seen.insert(path.clone()) {
                out.push(path.clone());
            }
            continue;
        }
        let mut found = Vec::new();
        let walker = walkdir::WalkDir::new(path).follow_links(true).into_iter().filter_entry(|e| {
            // Hidden folders (.git, .github) hold no plans.
            e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.')
        });
        for entry in walker {
            let entry = entry.map_err(|e| ReadError {
                path: e.path().map_or_else(|| path.clone(), Path::to_path_buf),
                error: e.into_io_error().unwrap_or_else(|| io::Error::other("a symbolic link loops")),
            })?;
            let name = entry.file_name().to_string_lossy();
            if entry.file_type().is_file() && name.ends_with(".toml") && !NOT_PLANS.contains(&name.as_ref()) {
                found.push(entry.into_path());
            }
        }
        found.sort();
        // The same file named twice (a file and its directory, say) is checked once.
        found.retain(|f| seen.insert(f.clone()));
        out.extend(found);
    }
    Ok(out)
}

/// Checks the text of one plan: loader errors if it does not load, else every rule's findings.
pub fn check_source(source: &Source) -> Vec<Finding> {
    match crate::load::load(source) {
        Ok(plan) => crate::rules::run(&plan, source),
        Err(findings) => findings,
    }
}

/// Reads and checks one file. Only a file that cannot be read at all is an `Err`.
pub fn check_file(path: &Path) -> Result<FileReport, ReadError> {
    let bytes = std::fs::read(path).map_err(|error| ReadError { path: path.to_path_buf(), error })?;
    let (source, not_text) = crate::load::decode(path, bytes);
    let findings = match not_text {
        Some(finding) => vec![finding],
        None => check_source(&source),
    };
    Ok(FileReport { path: path.to_path_buf(), source: Some(source), findings })
}
