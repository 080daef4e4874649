//! Every word in the reader's language: `check`, `rules`, `explain` and each view in Bokmål, Nynorsk and English
//! (reviewed snapshots), and the language chosen as the README says: `--lang`, the plan's `lang`, the locale,
//! Bokmål.

mod common;

use common::{TempDir, command, root, stdout};

const LANGS: [&str; 3] = ["nb", "nn", "en"];
const AS_WRITTEN: &str = "examples/beiarn-as-written.toml";
const BEIARN: &str = "plans/beiarn-omni.toml";
const TODAY: &str = "2026-11-23";

fn run(args: &[&str]) -> std::process::Output {
    command(args).output().expect("the implan binary runs")
}

fn run_with_locale(args: &[&str], lang: &str) -> std::process::Output {
    command(args).env("LANG", lang).output().expect("the implan binary runs")
}

#[test]
fn check_speaks_each_language() {
    for lang in LANGS {
        let o = run(&["check", "--lang", lang, "--today", TODAY, AS_WRITTEN]);
        assert_eq!(o.status.code(), Some(1), "{lang}");
        insta::assert_snapshot!(format!("check_beiarn_{lang}"), stdout(&o));
    }
}

#[test]
fn the_nynorsk_mistakes_are_told_in_nynorsk() {
    let o = run(&["check", "--today", TODAY, "examples/nynorsk-mistakes.toml"]);
    assert_eq!(o.status.code(), Some(1));
    insta::assert_snapshot!("check_nynorsk_mistakes", stdout(&o));
}

#[test]
fn machine_formats_keep_their_ids_and_carry_the_message_in_the_language() {
    let json = |lang: &str| common::json(&run(&["check", "--format", "json", "--lang", lang, AS_WRITTEN]));
    let (nb, en) = (json("nb"), json("en"));
    assert_eq!(nb["version"], 1);
    let rules = |j: &serde_json::Value| -> Vec<String> {
        j["findings"].as_array().unwrap().iter().map(|f| f["rule"].as_str().unwrap().to_owned()).collect()
    };
    assert_eq!(rules(&nb), rules(&en), "the same findings, the same stable ids");
    assert_ne!(nb["findings"][0]["message"], en["findings"][0]["message"]);
    let sarif = common::json(&run(&["check", "--format", "sarif", "--lang", "nn", AS_WRITTEN]));
    let driver = &sarif["runs"][0]["tool"]["driver"];
    let cadence = driver["rules"].as_array().unwrap().iter().find(|r| r["id"] == "cadence").unwrap();
    let nn = implan::rules::by_id("cadence").unwrap();
    assert_eq!(cadence["fullDescription"]["text"], nn.summary.nn);
    assert_eq!(cadence["help"]["markdown"], nn.doc.nn);
}

#[test]
fn each_file_speaks_its_own_language_unless_told() {
    let both = ["check", "--today", TODAY, AS_WRITTEN, "examples/nynorsk-mistakes.toml"];
    let text = stdout(&run(&both));
    assert!(text.contains("feil[invalid-plan]: ukjend"), "the Nynorsk plan's findings are Nynorsk: {text}");
    assert!(text.contains("ukjent rolle"), "Beiarn's are Bokmål: {text}");
    let mut told = both.to_vec();
    told.extend(["--lang", "en"]);
    let text = stdout(&run(&told));
    assert!(text.contains("unknown role") && !text.contains("ukjent") && !text.contains("ukjend"), "{text}");
}

#[test]
fn a_plan_without_lang_takes_the_locale_then_bokmal() {
    let tmp = TempDir::new("languages-locale");
    let text = std::fs::read_to_string(root().join(AS_WRITTEN)).unwrap().replace("lang = \"nb\"\n", "");
    let plan = tmp.write("plan.toml", text.as_bytes());
    let summary = |locale: &str| {
        let out = stdout(&run_with_locale(&["check", "--today", TODAY, &plan], locale));
        out.lines().last().unwrap_or_default().to_owned()
    };
    assert!(summary("nn_NO.UTF-8").starts_with("kontrollerte 1 fil: "), "{}", summary("nn_NO.UTF-8"));
    assert!(summary("en_GB.UTF-8").starts_with("checked 1 file: "), "{}", summary("en_GB.UTF-8"));
    assert!(summary("C.UTF-8").starts_with("kontrollerte 1 fil: "), "{}", summary("C.UTF-8"));
}

#[test]
fn an_implan_toml_gives_its_folder_a_language() {
    let tmp = TempDir::new("languages-folder");
    let text = std::fs::read_to_string(root().join(AS_WRITTEN)).unwrap().replace("lang = \"nb\"\n", "");
    let plan = tmp.write("plan.toml", text.as_bytes());
    tmp.write("implan.toml", b"lang = \"nn\"\n");
    let checked = stdout(&run(&["check", "--today", TODAY, &plan]));
    assert!(checked.ends_with("kontrollerte 1 fil: 10 feil, 9 åtvaringar\n"), "{checked}");
    let status = stdout(&run(&["status", "--today", TODAY, &plan]));
    assert!(status.contains("Noverande fase"), "{status}");
    // The plan's own lang is stronger, and --lang stronger still.
    let own = tmp.write("own.toml", text.replace("[plan]\n", "[plan]\nlang = \"en\"\n").as_bytes());
    assert!(stdout(&run(&["check", "--today", TODAY, &own])).ends_with("checked 1 file: 10 errors, 9 warnings\n"));
    let told = stdout(&run(&["check", "--today", TODAY, "--lang", "nb", &plan]));
    assert!(told.ends_with("kontrollerte 1 fil: 10 feil, 9 advarsler\n"), "{told}");
}

#[test]
fn rules_and_explain_speak_each_language() {
    for lang in LANGS {
        insta::assert_snapshot!(
            format!("explain_unknown_role_{lang}"),
            stdout(&run(&["explain", "unknown-role", "--lang", lang]))
        );
    }
    let nn = stdout(&run(&["rules", "--lang", "nn"]));
    for r in implan::rules::ALL {
        assert!(nn.contains(r.summary.nn.split_whitespace().next().unwrap()), "{}: {nn}", r.id);
    }
}

#[test]
fn every_view_speaks_each_language() {
    let views: [&[&str]; 5] = [
        &["schedule", "--width", "80"],
        &["timeline", "--width", "80"],
        &["checklist", "--by", "role"],
        &["status"],
        &["schedule", "--costs"],
    ];
    for lang in LANGS {
        for v in views {
            let mut args = v.to_vec();
            args.extend([BEIARN, "--today", TODAY, "--lang", lang]);
            let o = run(&args);
            assert_eq!(o.status.code(), Some(0), "{args:?}");
            insta::assert_snapshot!(format!("{}_{lang}", v.join("_").replace("--", "")), stdout(&o));
        }
    }
}

/// The words a reader sees in an SVG picture or an HTML page: every text node, one per line, in order (an SVG's
/// `<title>` tooltips included), so that a snapshot reads as the picture's or page's words.
fn words_of(markup: &str) -> String {
    let doc = scraper::Html::parse_document(markup);
    let mut lines: Vec<String> = Vec::new();
    for node in doc.root_element().descendants() {
        if let Some(text) = node.value().as_text() {
            let inside_style = node.parent().and_then(|p| p.value().as_element()).is_some_and(|e| e.name() == "style");
            let text = text.trim();
            if text.is_empty() || inside_style {
                continue;
            }
            // For the text of a turned `<text>` piece that follows another piece of its line, what joins it to
            // that piece: nothing where it continues a word (it starts at its point), else a space.
            let glue = node.parent().and_then(|piece| {
                let element = piece.value().as_element()?;
                let turned = element.name() == "text" && element.attr("transform").is_some();
                let after_piece = piece.prev_sibling()?.value().as_element().is_some_and(|e| e.name() == "text");
                (turned && after_piece).then_some(if element.attr("text-anchor") == Some("start") { "" } else { " " })
            });
            match glue {
                // The årshjul sets a line in turned pieces: a reader reads them as the one line they make.
                Some(glue) if !lines.is_empty() => {
                    let last = lines.last_mut().unwrap();
                    last.push_str(glue);
                    last.push_str(text);
                }
                _ => lines.push(text.to_owned()),
            }
        }
    }
    lines.join("\n")
}

#[test]
fn the_pictures_and_the_report_speak_each_language() {
    let progress = "examples/beiarn-progress.toml";
    for lang in LANGS {
        for what in ["gantt", "wheel", "report"] {
            let o = run(&[what, progress, "--today", TODAY, "--lang", lang]);
            assert_eq!(o.status.code(), Some(0), "{what} {lang}");
            insta::assert_snapshot!(format!("{what}_words_{lang}"), words_of(&stdout(&o)));
        }
    }
}
