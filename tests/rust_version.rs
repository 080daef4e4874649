//! The Rust version the package says it needs (`rust-version` in Cargo.toml, and the README's set-up) is at least
//! what every crate it builds with says it needs. CI cannot download an older toolchain to try, so the claim is
//! checked against the crates' own manifests, through `cargo metadata`.

use std::process::Command;

/// "1.85", "1.85.0" as comparable numbers.
fn version(v: &str) -> (u32, u32, u32) {
    let mut parts = v.split('.').map(|p| p.parse::<u32>().unwrap_or_else(|_| panic!("not a version: {v}")));
    (parts.next().unwrap_or(0), parts.next().unwrap_or(0), parts.next().unwrap_or(0))
}

/// The platform the tests run on, as rustc names it ("x86_64-unknown-linux-gnu").
fn host_triple() -> String {
    let out = Command::new("rustc").arg("-vV").output().expect("rustc runs");
    let text = String::from_utf8(out.stdout).expect("rustc -vV is UTF-8");
    let host = text.lines().find_map(|l| l.strip_prefix("host: ")).expect("rustc -vV names the host");
    host.to_string()
}

#[test]
fn no_dependency_needs_a_newer_rust_than_the_package_says() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    // Only this machine's platform: offline, cargo can read only the manifests of crates it has fetched, and a
    // build fetches only those of the platform it builds for (not, say, Android's `android_system_properties`).
    let host = host_triple();
    let out = Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--locked", "--offline", "--filter-platform", &host])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo metadata runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).expect("cargo metadata is JSON");
    let packages = meta["packages"].as_array().expect("packages");
    let by_id = |id: &str| packages.iter().find(|p| p["id"] == id).expect("a package of the graph");
    let root = meta["resolve"]["root"].as_str().expect("a root package");
    let ours = version(by_id(root)["rust_version"].as_str().expect("Cargo.toml states rust-version"));
    let nodes = meta["resolve"]["nodes"].as_array().expect("the resolved graph");
    let node = |id: &str| nodes.iter().find(|n| n["id"] == id).expect("a node");
    // What the library and the binary build with: normal and build dependencies, at any depth (not dev ones,
    // which only the tests need).
    let mut seen = std::collections::BTreeSet::new();
    let mut todo = vec![root.to_string()];
    while let Some(id) = todo.pop() {
        if !seen.insert(id.clone()) {
            continue;
        }
        for dep in node(&id)["deps"].as_array().expect("deps") {
            let builds =
                dep["dep_kinds"].as_array().expect("kinds").iter().any(|k| k["kind"].is_null() || k["kind"] == "build");
            if builds {
                todo.push(dep["pkg"].as_str().expect("pkg").to_string());
            }
        }
    }
    assert!(seen.len() > 20, "the whole graph is walked: {}", seen.len());
    let newer: Vec<String> = seen
        .iter()
        .map(|id| by_id(id))
        .filter_map(|p| Some((p["name"].as_str()?, p["rust_version"].as_str()?)))
        .filter(|(_, v)| version(v) > ours)
        .map(|(n, v)| format!("{n} needs {v}"))
        .collect();
    assert_eq!(newer, Vec::<String>::new(), "rust-version {ours:?} is too low");
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README");
    let said = format!("With a Rust toolchain ({}.{} or newer)", ours.0, ours.1);
    assert!(readme.contains(&said), "the README's set-up says the same version: {said}");
}
