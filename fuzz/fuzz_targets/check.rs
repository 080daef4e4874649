//! Any bytes as a plan file: decoding, checking and rendering never panic, every span lies in the text on
//! character boundaries, and the piecewise loader gives exactly what the whole-file loader gives.
#![no_main]

use implan::check::FileReport;
use implan::diag::Span;
use implan::lang::Lang;
use implan::source::Source;
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fn assert_span_ok(source: &Source, span: Span, what: &str) {
    let text = &source.text;
    assert!(span.start <= span.end, "{what}: span {span:?} is reversed");
    assert!(span.end <= text.len(), "{what}: span {span:?} is past the end of the text ({} bytes)", text.len());
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: span {span:?} does not lie on character boundaries"
    );
}

fuzz_target!(|data: &[u8]| {
    let path = Path::new("fuzz.toml");
    let (source, not_text) = implan::load::decode(path, data.to_vec());
    if let Some(f) = &not_text
        && let Some(span) = f.span
    {
        assert_span_ok(&source, span, f.rule.as_str());
    }
    // The CLI checks only text; the library takes any String, so the lossy text of non-UTF-8 input is checked
    // too.
    let findings = implan::check::check_source(&source);
    for f in &findings {
        let span = f.span.unwrap_or_else(|| panic!("finding without a span: {f:?}"));
        assert_span_ok(&source, span, f.rule.as_str());
        for (related, _) in &f.related {
            assert_span_ok(&source, *related, f.rule.as_str());
        }
    }

    let whole = implan::load::load_whole(&source);
    if let Some(pieces) = implan::load::load_in_pieces(&source, 0) {
        let (p, w) = (format!("{pieces:?}"), format!("{whole:?}"));
        assert!(p == w, "load_in_pieces differs from load_whole\npieces: {p}\nwhole:  {w}");
    }

    let findings = match not_text {
        Some(f) => vec![f],
        None => findings,
    };
    // Every language: a message's words differ, and so do the places where plan text lands in them.
    for lang in [Lang::Nb, Lang::Nn, Lang::En] {
        let report =
            FileReport { path: path.to_path_buf(), source: Some(source.clone()), findings: findings.clone(), lang };
        let reports = [report];
        let _ = implan::render::human(&reports, &[], lang);
        let _ = implan::render::json(&reports, &[], lang);
        let _ = implan::render::concise(&reports, &[], lang);
        let _ = implan::render::github(&reports, &[], lang);
        let _ = implan::render::sarif(&reports, &[], lang);
    }
});
