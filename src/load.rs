//! From TOML text to a [`Plan`], keeping where everything was written.
//!
//! The loader walks toml's spanned document tree by hand rather than through serde, because it must report
//! every unknown key (with a suggestion), every wrong type and every unreadable date in one pass, each at its
//! own line and column.

use crate::diag::{Finding, RuleId, Severity, Span};
use crate::model::*;
use crate::schema;
use crate::source::Source;
use crate::split::Kind;
use crate::suggest::nearest;
use crate::when::{self, When};
use chrono::NaiveDate;
use toml::de::{DeTable, DeValue};

/// Text that is not TOML (or not text at all).
const INVALID_TOML: RuleId = RuleId::InvalidToml;
/// TOML that is not a plan: unknown keys, wrong types, unreadable dates.
const INVALID_PLAN: RuleId = RuleId::InvalidPlan;

type TSpanned<T> = toml::Spanned<T>;

/// Reads bytes as a plan source. Bytes that are not UTF-8 still give a source (with U+FFFD for the bad bytes,
/// so that the finding can show the line), and the finding that says why the file cannot be a plan.
pub fn decode(path: &std::path::Path, bytes: Vec<u8>) -> (Source, Option<Finding>) {
    match String::from_utf8(bytes) {
        Ok(text) => (Source::new(path, text), None),
        Err(e) => {
            let bytes = e.as_bytes();
            // Source drops a byte-order mark, so offsets in it start after one.
            let bom = if bytes.starts_with(b"\xEF\xBB\xBF") { 3 } else { 0 };
            let at = e.utf8_error().valid_up_to();
            let binary = bytes.iter().take(8192).any(|&b| b == 0);
            let help = "plan files are TOML, which is UTF-8 text; save the file as UTF-8 in your editor";
            let source = Source::new(path, String::from_utf8_lossy(bytes).into_owned());
            let finding = if binary {
                Finding::new(INVALID_TOML, Severity::Error, None, "this is a binary file, not a plan").help(help)
            } else {
                // The text before the bad byte is the same in the lossy copy, so the offset holds; the bad byte
                // became U+FFFD there.
                let message = format!("the file is not UTF-8 text: invalid byte 0x{:02X}", bytes[at]);
                let at = at.saturating_sub(bom);
                Finding::new(INVALID_TOML, Severity::Error, Some(at..at + '\u{fffd}'.len_utf8()), message)
                    .label("not UTF-8")
                    .help(help)
            };
            (source, Some(finding))
        }
    }
}

/// Reads only the `[lint]` table of a file (an `implan.toml`), checking it as strictly as a plan's.
pub fn load_lint_only(source: &Source) -> Result<crate::lint::Lint, Vec<Finding>> {
    let (doc, errors) = DeTable::parse_recoverable(&source.text);
    if let Some(e) = errors.into_iter().next() {
        let f = Finding::new(INVALID_TOML, Severity::Error, e.span(), format!("invalid TOML: {}", e.message().trim()));
        return Err(vec![f]);
    }
    let mut loader = Loader::new(source);
    let lint = loader.lint(doc.get_ref()).unwrap_or_default();
    if loader.errors.is_empty() { Ok(lint) } else { Err(loader.errors) }
}

/// Files from this size on are cut into pieces that are parsed in parallel (see [`crate::split`]). Below it,
/// parsing the whole file takes less than starting the threads.
pub const PIECES_FROM: usize = 1 << 20;
/// The least size of a piece: small enough that a large file makes many, large enough that each is worth a task.
pub const PIECE_SIZE: usize = 256 << 10;

/// Loads a plan. On failure, returns every problem found, not just the first.
pub fn load(source: &Source) -> Result<Plan, Vec<Finding>> {
    if source.text.len() >= PIECES_FROM
        && let Some(result) = load_in_pieces(source, PIECE_SIZE)
    {
        return result;
    }
    load_whole(source)
}

/// Loads a plan by parsing the whole file as one document.
pub fn load_whole(source: &Source) -> Result<Plan, Vec<Finding>> {
    let (doc, errors) = DeTable::parse_recoverable(&source.text);
    if !errors.is_empty() {
        let mut findings: Vec<Finding> = Vec::new();
        for e in errors {
            // toml gives its recursion limit no place; find where the nesting gets that deep.
            let span = e.span().or_else(|| deepest(&source.text)).unwrap_or(0..0);
            if findings.iter().any(|f| f.span.as_ref() == Some(&span)) {
                continue;
            }
            let message = e.message().trim().to_string();
            findings.push(
                Finding::new(INVALID_TOML, Severity::Error, Some(span), format!("invalid TOML: {message}"))
                    .help("see https://toml.io for the syntax; strings need quotes, tables are written [name]"),
            );
        }
        return Err(findings);
    }
    let mut loader = Loader::new(source);
    let plan = loader.document(doc.get_ref());
    loader.finish(plan)
}

/// Where keys and values first nest deeper than toml's parser follows (dotted keys, arrays and inline tables
/// together; its limit is 80), for the error that comes without a place.
fn deepest(text: &str) -> Option<Span> {
    use toml_parser::lexer::TokenKind as T;
    const LIMIT: usize = 80;
    let (mut brackets, mut dots) = (0usize, 0usize);
    for token in toml_parser::Source::new(text).lex() {
        match token.kind() {
            T::LeftSquareBracket | T::LeftCurlyBracket => brackets += 1,
            T::RightSquareBracket | T::RightCurlyBracket => brackets = brackets.saturating_sub(1),
            T::Dot => dots += 1,
            T::Newline | T::Equals | T::Comma => dots = 0,
            _ => {}
        }
        if brackets + dots > LIMIT {
            let span = token.span();
            return Some(span.start()..span.end());
        }
    }
    None
}

/// What loading one piece gave.
struct PieceLoad {
    phases: Vec<Phase>,
    errors: Vec<Finding>,
    hidden: Vec<crate::model::HiddenText>,
}

/// Loads a plan cut into pieces of at least `min_piece` bytes, parsed and loaded in parallel: the same plan
/// and the same findings as [`load_whole`], in less time and a fraction of the memory. `None` when the file
/// cannot be cut, or its pieces might not mean what the whole file means (then [`load_whole`] decides).
pub fn load_in_pieces(source: &Source, min_piece: usize) -> Option<Result<Plan, Vec<Finding>>> {
    use rayon::prelude::*;
    let split = crate::split::split(&source.text, min_piece)?;
    let mut loader = Loader::new(source);
    let plan = {
        let rest = split.rest(&source.text)?;
        let (doc, errors) = DeTable::parse_recoverable(&rest);
        let doc = doc.into_inner();
        // Phases or activities written anywhere but in the pieces: the pieces alone would not be the plan.
        if !errors.is_empty() || find(&doc, "phase").is_some() || find(&doc, "activity").is_some() {
            return None;
        }
        // Without a [plan] table the whole-file loader stops at that one error, before phases and activities.
        if !find(&doc, "plan").is_some_and(|(_, v)| matches!(v.get_ref(), DeValue::Table(_))) {
            return None;
        }
        loader.document(&doc)
    };
    let pieces = split.pieces;
    let agreement = loader.agreement.clone();
    // Each piece loads its activities straight into its own stretch of the plan's list, so that the list is
    // never copied: with 100,000 activities a copy is 50 MB more at the peak. The phases' activities come
    // first, then the top-level ones, as in the whole file.
    let mut slots: Vec<Option<Activity>> = Vec::new();
    slots.resize_with(pieces.iter().map(|p| p.activities).sum(), || None);
    let mut order: Vec<&crate::split::Piece> = pieces.iter().filter(|p| p.kind != Kind::Activities).collect();
    order.extend(pieces.iter().filter(|p| p.kind == Kind::Activities));
    let mut work = Vec::with_capacity(order.len());
    let mut free = slots.as_mut_slice();
    for piece in order {
        let (mine, others) = free.split_at_mut(piece.activities);
        work.push((piece, mine));
        free = others;
    }
    let loads: Vec<Option<PieceLoad>> = work
        .into_par_iter()
        .map(|(piece, slots)| {
            let (doc, errors) = DeTable::parse_recoverable(&source.text[piece.range.clone()]);
            let doc = doc.into_inner();
            // The cut is made only at `[[phase]]`, `[[phase.activity]]` and `[[activity]]` written with bare keys,
            // so a piece's one key is the one its kind says.
            if !errors.is_empty() || doc.len() != 1 {
                return None;
            }
            let mut l = Loader::new(source);
            l.agreement = agreement.clone();
            l.base = piece.range.start;
            l.phase_base = piece.phases_before;
            l.scan_hidden(&doc);
            let mut out = PieceLoad { phases: Vec::new(), errors: Vec::new(), hidden: Vec::new() };
            let mut activities = Vec::new();
            match piece.kind {
                Kind::Phases => out.phases = l.phases(&doc, &mut activities),
                Kind::PhaseActivities => {
                    // `[[phase.activity]]` alone makes `phase` a table holding only `activity`.
                    let index = piece.phases_before.checked_sub(1)?;
                    let (_, v) = find(&doc, "phase")?;
                    let DeValue::Table(phase) = v.get_ref() else { return None };
                    if phase.len() != 1 || find(phase, "activity").is_none() {
                        return None;
                    }
                    for (t, span) in l.tables(phase, "activity", "[[phase.activity]]") {
                        activities.extend(l.activity(t, span, Some(index)));
                    }
                }
                Kind::Activities => {
                    for (t, span) in l.tables(&doc, "activity", "[[activity]]") {
                        activities.extend(l.activity(t, span, None));
                    }
                }
            }
            // More activities than headers: some were inline tables. Rare enough to parse the whole file.
            if activities.len() > slots.len() {
                return None;
            }
            for (slot, a) in slots.iter_mut().zip(activities) {
                *slot = Some(a);
            }
            out.errors = l.errors;
            out.hidden = l.hidden;
            Some(out)
        })
        .collect();
    let mut phases = Vec::new();
    for piece in loads {
        let piece = piece?;
        phases.extend(piece.phases);
        loader.errors.extend(piece.errors);
        loader.hidden.extend(piece.hidden);
    }
    // Activities that did not load leave their slot empty (and an error behind). `filter_map` collects in
    // place, into the same allocation (`flatten` would copy).
    #[allow(clippy::filter_map_identity)]
    let activities: Vec<Activity> = slots.into_iter().filter_map(|a| a).collect();
    let plan = plan.map(|mut plan| {
        plan.phases = phases;
        plan.activities = activities;
        plan
    });
    Some(loader.finish(plan))
}

struct Loader<'s> {
    src: &'s Source,
    errors: Vec<Finding>,
    /// The agreement, once read: "første avtaleår" and "år 2 eller 3" are dates relative to it.
    agreement: Option<Agreement>,
    /// Where the parsed text starts in the file: a piece parsed on its own has spans relative to itself.
    base: usize,
    /// How many phases came before, in pieces parsed earlier: nested activities name their phase by index.
    phase_base: usize,
    /// Keys and strings with hidden characters, for `suspicious-text`.
    hidden: Vec<crate::model::HiddenText>,
}

type Entry<'a, 'i> = (&'a TSpanned<std::borrow::Cow<'i, str>>, &'a TSpanned<DeValue<'i>>);

fn find<'a, 'i>(t: &'a DeTable<'i>, key: &str) -> Option<Entry<'a, 'i>> {
    t.iter().find(|(k, _)| k.get_ref() == key)
}

fn article(v: &DeValue<'_>) -> &'static str {
    match v {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a number with decimals",
        DeValue::Boolean(_) => "true/false",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "a list",
        DeValue::Table(_) => "a table",
    }
}

fn valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(|c| c.is_alphanumeric())
        && chars.all(|c| c.is_alphanumeric() || c == '-' || c == '_' || c == '.')
}

impl<'s> Loader<'s> {
    fn new(src: &'s Source) -> Loader<'s> {
        Loader { src, errors: Vec::new(), agreement: None, base: 0, phase_base: 0, hidden: Vec::new() }
    }

    fn finish(mut self, plan: Option<Plan>) -> Result<Plan, Vec<Finding>> {
        match plan {
            Some(mut plan) if self.errors.is_empty() => {
                self.hidden.sort_by_key(|h| h.span.start);
                plan.hidden = self.hidden;
                Ok(plan)
            }
            _ => {
                let mut errors = self.errors;
                crate::diag::sort(&mut errors);
                Err(errors)
            }
        }
    }

    fn error(&mut self, span: Span, message: impl Into<String>, help: Option<String>) {
        self.errors.push(Finding::new(INVALID_PLAN, Severity::Error, Some(span), message).help_opt(help));
    }

    /// The first line of a span: a table's header rather than the whole table.
    /// Where a parsed item is in the file.
    fn at<T>(&self, item: &TSpanned<T>) -> Span {
        let span = item.span();
        span.start + self.base..span.end + self.base
    }

    fn head(&self, span: &Span) -> Span {
        let text = &self.src.text;
        let start = span.start.min(text.len());
        let end = text[start..span.end.min(text.len()).max(start)].find(['\n', '\r']).map_or(span.end, |i| start + i);
        start..end.max(start)
    }

    fn check_keys(&mut self, t: &DeTable<'_>, allowed: &[&str], what: &str) {
        for (k, _) in t.iter() {
            let key = k.get_ref().as_ref();
            if allowed.contains(&key) {
                continue;
            }
            let list = allowed.iter().map(|a| format!("'{a}'")).collect::<Vec<_>>().join(", ");
            let help = match nearest(key, allowed.iter().copied()) {
                Some(s) => format!("did you mean '{s}'? {what} takes {list}"),
                None => format!("{what} takes {list}"),
            };
            self.error(self.at(k), format!("unknown key '{key}' in {what}"), Some(help));
        }
    }

    fn type_error(&mut self, key: &str, v: &TSpanned<DeValue<'_>>, expected: &str) {
        let msg = format!("'{key}' must be {expected}, not {}", article(v.get_ref()));
        self.error(self.at(v), msg, None);
    }

    fn missing(&mut self, at: &Span, key: &str, what: &str, example: &str) {
        let span = self.head(at);
        self.error(span, format!("{what} has no '{key}'"), Some(format!("add it, for example: {key} = {example}")));
    }

    fn string(&mut self, t: &DeTable<'_>, key: &str) -> Option<Spanned<String>> {
        let (_, v) = find(t, key)?;
        match v.get_ref() {
            DeValue::String(s) => Some(Spanned::new(s.to_string(), self.at(v))),
            _ => {
                self.type_error(key, v, "a string (in quotes)");
                None
            }
        }
    }

    fn req_string(&mut self, t: &DeTable<'_>, key: &str, at: &Span, what: &str) -> Option<Spanned<String>> {
        if find(t, key).is_none() {
            self.missing(at, key, what, "\"…\"");
            return None;
        }
        self.string(t, key)
    }

    fn id(&mut self, t: &DeTable<'_>, at: &Span, what: &str) -> Option<Spanned<String>> {
        let id = self.req_string(t, "id", at, what)?;
        self.checked_id(id)
    }

    fn checked_id(&mut self, id: Spanned<String>) -> Option<Spanned<String>> {
        if valid_id(&id.value) {
            return Some(id);
        }
        let help = match slug(&id.value) {
            example if example.is_empty() => "use letters, digits, '-' and '_', such as \"rektor\"".to_string(),
            example => format!("use letters, digits, '-' and '_', for example \"{example}\""),
        };
        self.error(id.span.clone(), format!("'{}' is not a valid id", id.value), Some(help));
        None
    }

    /// A string or a list of strings, none of them blank (they name roles, goals, activities).
    fn string_list(&mut self, t: &DeTable<'_>, key: &str) -> Vec<Spanned<String>> {
        let list = self.raw_string_list(t, key);
        let (ok, blank): (Vec<_>, Vec<_>) = list.into_iter().partition(|s| !s.value.trim().is_empty());
        for b in blank {
            self.error(
                b.span,
                format!("'{key}' holds an empty name"),
                Some("remove it, or write the id it should name".into()),
            );
        }
        ok
    }

    fn raw_string_list(&mut self, t: &DeTable<'_>, key: &str) -> Vec<Spanned<String>> {
        let Some((_, v)) = find(t, key) else { return Vec::new() };
        match v.get_ref() {
            DeValue::String(s) => vec![Spanned::new(s.to_string(), self.at(v))],
            DeValue::Array(items) => {
                let mut out = Vec::with_capacity(items.len());
                for item in items.iter() {
                    match item.get_ref() {
                        DeValue::String(s) => out.push(Spanned::new(s.to_string(), self.at(item))),
                        _ => self.type_error(key, item, "a list of strings"),
                    }
                }
                out
            }
            _ => {
                self.type_error(key, v, "a string or a list of strings");
                Vec::new()
            }
        }
    }

    fn when_value(&mut self, key: &str, v: &TSpanned<DeValue<'_>>, period: bool) -> Option<Spanned<When>> {
        let parsed = match v.get_ref() {
            DeValue::String(s) => {
                if period {
                    when::parse_period(s)
                } else {
                    when::parse(s)
                }
            }
            DeValue::Datetime(dt) => datetime(dt),
            DeValue::Integer(i) => {
                match i
                    .as_str()
                    .parse::<i32>()
                    .ok()
                    .filter(|y| (when::FIRST_YEAR..=9999).contains(y))
                    .and_then(When::year)
                {
                    Some(w) => Ok(w),
                    None => Err(when::WhenError {
                        message: format!("{} is not a year", i.as_str()),
                        help: when::FORMS_HELP.into(),
                    }),
                }
            }
            _ => {
                self.type_error(key, v, "a date");
                return None;
            }
        };
        let parsed = match (parsed, v.get_ref()) {
            (Err(e), DeValue::String(s)) => match agreement_years(s) {
                Some((a, b)) => match &self.agreement {
                    Some(ag) => ag.years_span(a, b).ok_or(e),
                    None => Err(when::WhenError {
                        message: format!("'{s}' counts agreement years, but the plan has no [agreement]"),
                        help: "add [agreement] with start = \"…\" and years = …, or write a date".into(),
                    }),
                },
                None => Err(e),
            },
            (p, _) => p,
        };
        match parsed {
            Ok(w) => Some(Spanned::new(w, self.at(v))),
            Err(e) => {
                self.error(self.at(v), format!("cannot read '{key}': {}", e.message), Some(e.help));
                None
            }
        }
    }

    fn when(&mut self, t: &DeTable<'_>, key: &str) -> Option<Spanned<When>> {
        let (_, v) = find(t, key)?;
        self.when_value(key, v, false)
    }

    fn table<'a, 'i>(&mut self, t: &'a DeTable<'i>, key: &str) -> Option<(&'a DeTable<'i>, Span)> {
        let (_, v) = find(t, key)?;
        match v.get_ref() {
            DeValue::Table(tbl) => Some((tbl, self.at(v))),
            _ => {
                self.type_error(key, v, &format!("a table ([{key}])"));
                None
            }
        }
    }

    fn tables<'a, 'i>(&mut self, t: &'a DeTable<'i>, key: &str, header: &str) -> Vec<(&'a DeTable<'i>, Span)> {
        let Some((_, v)) = find(t, key) else { return Vec::new() };
        let mut out = Vec::new();
        match v.get_ref() {
            DeValue::Array(items) => {
                for item in items.iter() {
                    match item.get_ref() {
                        DeValue::Table(tbl) => out.push((tbl, self.at(item))),
                        _ => self.type_error(key, item, &format!("a table ({header})")),
                    }
                }
            }
            _ => self.type_error(key, v, &format!("a list of tables, each written {header}")),
        }
        out
    }

    /// Every key and string of a table, at any depth, with hidden characters. (toml nests no deeper than 80.)
    fn scan_hidden(&mut self, t: &DeTable<'_>) {
        for (k, v) in t.iter() {
            if let Some(h) = crate::model::HiddenText::find(k.get_ref(), self.at(k), true, false) {
                self.hidden.push(h);
            }
            self.scan_value(k.get_ref(), v);
        }
    }

    fn scan_value(&mut self, key: &str, v: &TSpanned<DeValue<'_>>) {
        match v.get_ref() {
            DeValue::String(s) => {
                if let Some(h) = crate::model::HiddenText::find(s, self.at(v), false, schema::is_free_text(key)) {
                    self.hidden.push(h);
                }
            }
            DeValue::Array(items) => items.iter().for_each(|i| self.scan_value(key, i)),
            DeValue::Table(t) => self.scan_hidden(t),
            _ => {}
        }
    }

    fn document(&mut self, doc: &DeTable<'_>) -> Option<Plan> {
        self.scan_hidden(doc);
        self.check_keys(doc, &schema::keys(&schema::DOCUMENT), "a plan file");
        let lint = self.lint(doc);
        self.agreement = self.agreement_table(doc);
        let budget = self.budget(doc);
        let Some((p, header)) = self.table(doc, "plan") else {
            if find(doc, "plan").is_none() {
                self.error(
                    0..0,
                    "this file has no [plan] table",
                    Some("a plan file starts with [plan] and its title, start and end; see docs/format.md".into()),
                );
            }
            return None;
        };
        let header = self.head(&header);
        self.check_keys(p, &schema::keys(&schema::PLAN), "[plan]");
        let title = self.req_string(p, "title", &header, "[plan]");
        if find(p, "start").is_none() {
            self.missing(&header, "start", "[plan]", "\"vår 2026\"");
        }
        if find(p, "end").is_none() {
            self.missing(&header, "end", "[plan]", "\"vår 2028\"");
        }
        let start = self.when(p, "start");
        let end = self.when(p, "end");
        if let (Some(s), Some(e)) = (&start, &end)
            && e.value.end < s.value.start
        {
            self.error(
                e.span.clone(),
                format!("the plan ends ({}) before it starts ({})", e.value.end, s.value.start),
                None,
            );
        }
        let lang = match self.string(p, "lang") {
            None => None,
            Some(l) => match Lang::parse(&l.value) {
                Some(lang) => Some(lang),
                None => {
                    let other = l.value.trim();
                    let msg = format!("unknown language '{other}'");
                    self.error(
                        l.span,
                        msg,
                        Some("write lang = \"nb\" (Norwegian Bokmål) or lang = \"en\" (English)".into()),
                    );
                    None
                }
            },
        };
        let org = self.string(p, "org").map(|s| s.value);
        let owner = self.string(p, "owner");
        let description = self.string(p, "description").map(|s| s.value);

        let roles = self.roles(doc);
        let (goal, subgoals) = self.goals(doc);
        let components = self.components(doc);
        let mut activities = Vec::new();
        let phases = self.phases(doc, &mut activities);
        for (t, span) in self.tables(doc, "activity", "[[activity]]") {
            if let Some(a) = self.activity(t, span, None) {
                activities.push(a);
            }
        }
        let recurring = self.recurring(doc);
        Some(Plan {
            title: title?,
            org,
            start: start?,
            end: end?,
            lang,
            owner,
            description,
            header,
            roles,
            goal,
            subgoals,
            components,
            phases,
            activities,
            recurring,
            lint,
            agreement: self.agreement.clone(),
            budget,
            hidden: Vec::new(),
        })
    }

    /// `[agreement]`: start (default: the plan's), years (absent: open-ended), extendable.
    fn agreement_table(&mut self, doc: &DeTable<'_>) -> Option<Agreement> {
        let (t, span) = self.table(doc, "agreement")?;
        self.check_keys(t, &schema::keys(&schema::AGREEMENT), "[agreement]");
        let start = match self.when(t, "start") {
            Some(s) => s,
            None => {
                let plan_start = find(doc, "plan")
                    .and_then(|(_, p)| p.get_ref().as_table().and_then(|p| find(p, "start")))
                    .and_then(|(_, v)| self.when_value("start", v, false));
                match plan_start {
                    Some(s) => s,
                    None => {
                        let head = self.head(&span);
                        self.error(head, "[agreement] has no 'start', and the plan's start cannot stand in", None);
                        return None;
                    }
                }
            }
        };
        let years = self.integer(t, "years", 1, 50).map(|n| n as u32);
        let extendable = match find(t, "extendable") {
            None => false,
            Some((_, v)) => match v.get_ref() {
                DeValue::Boolean(b) => *b,
                _ => {
                    self.type_error("extendable", v, "true or false");
                    false
                }
            },
        };
        // Read for its type only: the notes are for people.
        self.string(t, "notes");
        Some(Agreement { start, years, extendable })
    }

    /// A `[lint]` table: rule levels and rule options.
    fn lint(&mut self, doc: &DeTable<'_>) -> Option<crate::lint::Lint> {
        use crate::lint::{Level, Lint};
        let (t, _) = self.table(doc, "lint")?;
        self.check_keys(t, &schema::keys(&schema::LINT), "[lint]");
        let mut lint = Lint::default();
        if let Some((rules, _)) = self.table(t, "rules") {
            for (k, v) in rules.iter() {
                let Some(rule) = RuleId::parse(k.get_ref()) else {
                    let msg = RuleId::unknown_message(k.get_ref());
                    self.error(self.at(k), msg, Some("`implan rules` lists every rule id".into()));
                    continue;
                };
                let id = Spanned::new(rule, self.at(k));
                match v.get_ref() {
                    DeValue::String(s) => match Level::parse(s) {
                        Some(level) => lint.levels.push((id, level)),
                        None => self.error(
                            self.at(v),
                            format!("unknown level '{s}'"),
                            Some("write \"allow\", \"warn\" or \"error\"".into()),
                        ),
                    },
                    _ => self.type_error(id.value.as_str(), v, "\"allow\", \"warn\" or \"error\""),
                }
            }
        }
        if let Some((o, _)) = self.table(t, "options") {
            self.check_keys(o, &schema::keys(&schema::LINT_OPTIONS), "[lint.options]");
            lint.idle_gap_months = self.integer(o, "idle-gap-months", 1, 24).map(|n| n as usize);
            lint.cadence_tolerance = self.integer(o, "cadence-tolerance", 0, 12).map(|n| n as u32);
            lint.owner_overload_max = self.integer(o, "owner-overload-max", 1, 100).map(|n| n as usize);
            lint.autumn_break_week = self.integer(o, "autumn-break-week", 1, 53).map(|n| n as u32);
            lint.winter_break_week = self.integer(o, "winter-break-week", 1, 53).map(|n| n as u32);
            if let Some((_, v)) = find(o, "summer-months") {
                let mut months = Vec::new();
                let items: Vec<&TSpanned<DeValue<'_>>> = match v.get_ref() {
                    DeValue::Array(a) => a.iter().collect(),
                    _ => vec![v],
                };
                for item in items {
                    let m = match item.get_ref() {
                        DeValue::Integer(i) => i.as_str().parse::<u32>().ok().filter(|m| (1..=12).contains(m)),
                        DeValue::String(s) => when::month_word(&s.to_lowercase()),
                        _ => None,
                    };
                    match m {
                        Some(m) => months.push(m),
                        None => self.error(
                            self.at(item),
                            "not a month",
                            Some("write month numbers (7) or names (\"juli\")".into()),
                        ),
                    }
                }
                lint.summer_months = Some(months);
            }
        }
        Some(lint)
    }

    fn integer(&mut self, t: &DeTable<'_>, key: &str, min: i64, max: i64) -> Option<i64> {
        let (_, v) = find(t, key)?;
        match v.get_ref() {
            DeValue::Integer(i) => match i.as_str().parse::<i64>().ok().filter(|n| (min..=max).contains(n)) {
                Some(n) => Some(n),
                None => {
                    self.error(self.at(v), format!("'{key}' must be between {min} and {max}"), None);
                    None
                }
            },
            _ => {
                self.type_error(key, v, "a whole number");
                None
            }
        }
    }

    fn roles(&mut self, doc: &DeTable<'_>) -> Vec<Role> {
        let Some((t, _)) = self.table(doc, "roles") else { return Vec::new() };
        let mut roles = Vec::with_capacity(t.len());
        for (k, v) in t.iter() {
            let Some(id) = self.checked_id(Spanned::new(k.get_ref().to_string(), self.at(k))) else { continue };
            match v.get_ref() {
                DeValue::String(name) => {
                    roles.push(Role { id, name: name.to_string(), lead: None, members: Vec::new(), description: None })
                }
                DeValue::Table(r) => {
                    self.check_keys(r, &schema::keys(&schema::ROLE), "a role");
                    let what = format!("role '{}'", id.value);
                    let span = id.span.clone();
                    let name = self.req_string(r, "name", &span, &what);
                    let lead = self.string(r, "lead");
                    let members = self.string_list(r, "members");
                    let description = self.string(r, "description").map(|s| s.value);
                    if let Some(name) = name {
                        roles.push(Role { id, name: name.value, lead, members, description });
                    }
                }
                _ => self.type_error(&id.value, v, "the role's name, or a table with name, lead, members"),
            }
        }
        roles
    }

    fn goals(&mut self, doc: &DeTable<'_>) -> (Option<Goal>, Vec<SubGoal>) {
        let Some((t, span)) = self.table(doc, "goal") else { return (None, Vec::new()) };
        self.check_keys(t, &schema::keys(&schema::GOAL), "[goal]");
        let id = self.id(t, &span, "[goal]");
        let text = self.req_string(t, "text", &span, "[goal]");
        let goal = id.zip(text).map(|(id, text)| Goal { id, text: text.value });
        let mut subs = Vec::new();
        if let Some((s, _)) = self.table(t, "sub") {
            for (k, v) in s.iter() {
                let Some(id) = self.checked_id(Spanned::new(k.get_ref().to_string(), self.at(k))) else { continue };
                match v.get_ref() {
                    DeValue::String(text) => subs.push(SubGoal { id, text: text.to_string(), description: None }),
                    DeValue::Table(g) => {
                        self.check_keys(g, &schema::keys(&schema::SUB_GOAL), "a sub-goal");
                        let what = format!("sub-goal '{}'", id.value);
                        let at = id.span.clone();
                        if let Some(text) = self.req_string(g, "text", &at, &what) {
                            let description = self.string(g, "description").map(|s| s.value);
                            subs.push(SubGoal { id, text: text.value, description });
                        }
                    }
                    _ => self.type_error(&id.value, v, "the sub-goal's text, or a table with text"),
                }
            }
        }
        (goal, subs)
    }

    fn components(&mut self, doc: &DeTable<'_>) -> Vec<Component> {
        let mut out = Vec::new();
        for (t, span) in self.tables(doc, "component", "[[component]]") {
            self.check_keys(t, &schema::keys(&schema::COMPONENT), "a component");
            let id = self.id(t, &span, "a component");
            let name = self.req_string(t, "name", &span, "a component");
            let summary = self.string(t, "summary").map(|s| s.value);
            let contents = self.string_list(t, "contents").into_iter().map(|s| s.value).collect();
            if let (Some(id), Some(name)) = (id, name) {
                out.push(Component { id, name: name.value, summary, contents });
            }
        }
        out
    }

    fn phases(&mut self, doc: &DeTable<'_>, activities: &mut Vec<Activity>) -> Vec<Phase> {
        let mut out = Vec::new();
        for (t, span) in self.tables(doc, "phase", "[[phase]]") {
            self.check_keys(t, &schema::keys(&schema::PHASE), "a phase");
            let id = self.id(t, &span, "a phase");
            let what = match &id {
                Some(id) => format!("phase '{}'", id.value),
                None => "a phase".to_string(),
            };
            let name = self.req_string(t, "name", &span, &what);
            let label = self.req_string(t, "period", &span, &what);
            let start = self.when(t, "start");
            let end = self.when(t, "end");
            let goal = self.string(t, "goal").map(|s| s.value);
            let explicit = start.is_some() && end.is_some();
            let label_when = match &label {
                Some(l) if explicit => when::parse_period(&l.value).ok(),
                Some(l) => match when::parse_period(&l.value) {
                    Ok(w) => Some(w),
                    Err(e) => {
                        let help =
                            format!("{}; or keep the label and give the phase an explicit start and end", e.help);
                        self.error(
                            l.span.clone(),
                            format!("cannot read the phase's period: {}", e.message),
                            Some(help),
                        );
                        None
                    }
                },
                None => None,
            };
            let span_when = match (&start, &end, label_when) {
                (Some(s), Some(e), _) => {
                    Some(When { start: s.value.start, end: e.value.end, precision: s.value.precision, time: None })
                }
                (s, e, Some(l)) => Some(When {
                    start: s.as_ref().map_or(l.start, |s| s.value.start),
                    end: e.as_ref().map_or(l.end, |e| e.value.end),
                    ..l
                }),
                _ => None,
            };
            // With only one of start/end, the other comes from the label, and the two may cross.
            let mut span_when = span_when;
            if let Some(w) = span_when
                && w.end < w.start
            {
                let at = end.as_ref().or(start.as_ref()).map_or(span.clone(), |x| x.span.clone());
                let help = "give both start and end, or correct the one given so that it lies within the period";
                self.error(at, format!("the phase ends ({}) before it starts ({})", w.end, w.start), Some(help.into()));
                span_when = None;
            }
            let index = self.phase_base + out.len();
            for (a, aspan) in self.tables(t, "activity", "[[phase.activity]]") {
                if let Some(a) = self.activity(a, aspan, Some(index)) {
                    activities.push(a);
                }
            }
            if let (Some(id), Some(name), Some(label), Some(span_when)) = (id, name, label, span_when) {
                out.push(Phase { id, name: name.value, label, label_when, span: span_when, explicit, goal });
            } else {
                // Keep indexes of later phases aligned with `[[phase]]` order for the activities above.
                out.push(Phase {
                    id: Spanned::new(String::new(), span.clone()),
                    name: String::new(),
                    label: Spanned::new(String::new(), span.clone()),
                    label_when: None,
                    span: When::day(NaiveDate::MIN),
                    explicit: true,
                    goal: None,
                });
            }
        }
        out
    }

    fn activity(&mut self, t: &DeTable<'_>, span: Span, phase: Option<usize>) -> Option<Activity> {
        // "phase" is known in both places so that a nested one gets the clearer error below.
        let allowed = schema::keys(&schema::ACTIVITY);
        let what_table = if phase.is_some() { "an activity ([[phase.activity]])" } else { "an activity" };
        if phase.is_some() && find(t, "phase").is_some() {
            let (k, _) = find(t, "phase")?;
            self.error(
                self.at(k),
                "an activity written inside a phase cannot name another phase",
                Some("remove 'phase', or move the activity to the top level as [[activity]]".into()),
            );
        }
        self.check_keys(t, &allowed, what_table);
        let title = self.req_string(t, "title", &span, "an activity");
        let what = match &title {
            Some(t) => format!("activity '{}'", t.value),
            None => "an activity".to_string(),
        };
        let id = match find(t, "id") {
            Some(_) => self.string(t, "id").and_then(|id| self.checked_id(id)).map(|id| (id, false)),
            None => title.as_ref().and_then(|title| {
                let s = slug(&title.value);
                if s.is_empty() {
                    self.error(
                        title.span.clone(),
                        "cannot make an id from this title",
                        Some("give the activity an id".into()),
                    );
                    None
                } else {
                    Some((Spanned::new(s, title.span.clone()), true))
                }
            }),
        };
        if find(t, "when").is_none() {
            self.missing(&span, "when", &what, "\"mars 2026\"");
        }
        let when = self.when(t, "when");
        let end = self.when(t, "end");
        let duration = match self.string(t, "duration") {
            Some(d) => match when::parse_duration(&d.value) {
                Ok(dur) => Some((dur, d.span)),
                Err(e) => {
                    self.error(d.span, format!("cannot read 'duration': {}", e.message), Some(e.help));
                    None
                }
            },
            None => None,
        };
        let mut last_day = when.as_ref().map(|w| w.value.end);
        if let (Some(w), Some(e)) = (&when, &end) {
            if e.value.end < w.value.start {
                self.error(
                    e.span.clone(),
                    format!("the activity ends ({}) before it starts ({})", e.value.end, w.value.start),
                    None,
                );
            }
            last_day = Some(e.value.end.max(w.value.end));
        }
        if let Some((dur, dspan)) = &duration {
            if end.is_some() {
                self.error(dspan.clone(), "give either 'end' or 'duration', not both", None);
            } else if let Some(w) = &when {
                match dur.last_day(w.value.start) {
                    Some(d) => last_day = Some(d.max(w.value.end)),
                    None => self.error(dspan.clone(), "the duration runs past the end of the calendar", None),
                }
            }
        }
        let owners = self.string_list(t, "owner");
        let named_phase = if phase.is_none() { self.string(t, "phase") } else { None };
        let components = self.string_list(t, "components");
        let goals = self.string_list(t, "goals");
        let after = self.string_list(t, "after");
        let kind = self.string(t, "kind").map(|s| s.value);
        let tags = self.string_list(t, "tags").into_iter().map(|s| s.value).collect();
        let notes = self.string(t, "notes").map(|s| s.value);
        let places = self
            .integer(t, "places", 0, 100_000)
            .map(|n| Spanned::new(n as u32, find(t, "places").map_or(0..0, |(_, v)| self.at(v))));
        let participants = self.string_list(t, "participants");
        let cost = self.cost(t);
        let allow: Vec<Spanned<String>> = self.string_list(t, "allow");
        for a in &allow {
            if RuleId::parse(&a.value).is_none() {
                let msg = RuleId::unknown_message(&a.value);
                self.error(a.span.clone(), msg, Some("`implan rules` lists every rule id".into()));
            }
        }
        // The activity's extent, from its header to its last value, so findings inside it can be allowed.
        let extent_end = t.iter().map(|(_, v)| self.at(v).end).max().unwrap_or(span.end).max(span.start);
        let status_v = self.string(t, "status");
        let mut status = match &status_v {
            None => Status::Planned,
            Some(s) => match Status::parse(&s.value) {
                Some(st) => st,
                None => {
                    let help =
                        "write planned, in-progress, done or cancelled (or planlagt, pågår, gjennomført, avlyst)";
                    self.error(s.span.clone(), format!("unknown status '{}'", s.value), Some(help.into()));
                    Status::Planned
                }
            },
        };
        let done = match find(t, "done") {
            None => None,
            Some((_, v)) => match self.when_value("done", v, false) {
                Some(w) if w.value.precision == crate::when::Precision::Day => {
                    if status_v.is_none() {
                        status = Status::Done;
                    } else if status != Status::Done {
                        let msg = format!("a done date is given, but the status is '{}'", status.as_str());
                        self.error(w.span.clone(), msg, Some("set status = \"done\", or remove 'done'".into()));
                    }
                    Some(Spanned::new(w.value.start, w.span))
                }
                Some(w) => {
                    self.error(w.span, "'done' must be a day, such as 2026-03-12", None);
                    None
                }
                None => None,
            },
        };
        let phase = match (phase, named_phase) {
            (Some(i), _) => Some(PhaseRef::Nested(i)),
            (None, Some(p)) => Some(PhaseRef::Named(p)),
            (None, None) => None,
        };
        let (id, derived_id) = id?;
        Some(Activity {
            id,
            derived_id,
            title: title?,
            when: when?,
            last_day: last_day?,
            span: self.head(&span),
            extent: span.start..extent_end,
            allow,
            owners,
            phase,
            components,
            goals,
            after,
            kind,
            tags,
            places,
            cost,
            participants,
            status,
            done,
            notes,
        })
    }

    fn recurring(&mut self, doc: &DeTable<'_>) -> Vec<Recurring> {
        let mut out = Vec::new();
        // `[[recurring]]` reads better for cadences, `[[requirement]]` for deadlines and quotas; they are the same.
        let mut tables = self.tables(doc, "recurring", "[[recurring]]");
        tables.extend(self.tables(doc, "requirement", "[[requirement]]"));
        for (t, span) in tables {
            self.check_keys(t, &schema::keys(&schema::RECURRING), "a requirement");
            let id = self.id(t, &span, "a requirement");
            let what = match &id {
                Some(id) => format!("requirement '{}'", id.value),
                None => "a requirement".to_string(),
            };
            let title = self.req_string(t, "title", &span, &what);
            let kind = self.req_string(t, "kind", &span, &what);
            let owner = self.string(t, "owner");
            let from = self.when(t, "from");
            let until = self.when(t, "until");
            let notes = self.string(t, "notes").map(|s| s.value);
            let by = self.when(t, "by");
            let within = match find(t, "within") {
                Some((_, v)) => self.when_value("within", v, true),
                None => None,
            };
            let before = self.string(t, "before");
            let quota = self.spanned_integer(t, "quota");
            let quota_each = self.spanned_integer(t, "quota-each");
            let participants = self.string_list(t, "participants");
            let cost = self.cost(t);
            // A named survey brings its usual window and cadence; `months` and `every` override them.
            let survey = match self.string(t, "survey") {
                Some(s) => match crate::model::survey(&s.value) {
                    Some(sv) => Some((sv, s.span)),
                    None => {
                        let known = ["elevundersøkelsen", "foreldreundersøkelsen", "ungdata"];
                        let help = match nearest(&s.value, known) {
                            Some(k) => format!("did you mean '{k}'?"),
                            None => format!("implan knows {}", crate::suggest::quoted_list(&known)),
                        };
                        self.error(s.span, format!("unknown survey '{}'", s.value), Some(help));
                        None
                    }
                },
                None => None,
            };
            let mut window = survey
                .as_ref()
                .filter(|(sv, _)| !sv.months.is_empty())
                .map(|(sv, span)| Spanned::new(sv.months.to_vec(), span.clone()));
            if let Some((_, v)) = find(t, "months") {
                let items: Vec<&TSpanned<DeValue<'_>>> = match v.get_ref() {
                    DeValue::Array(a) => a.iter().collect(),
                    _ => vec![v],
                };
                let mut months = Vec::new();
                for item in items {
                    match item.get_ref() {
                        DeValue::Integer(i) if i.as_str().parse::<u32>().is_ok_and(|m| (1..=12).contains(&m)) => {
                            months.push(i.as_str().parse().unwrap_or(1))
                        }
                        DeValue::String(s) if when::month_word(&s.to_lowercase()).is_some() => {
                            months.push(when::month_word(&s.to_lowercase()).unwrap_or(1))
                        }
                        _ => self.error(
                            self.at(item),
                            "not a month",
                            Some("write month numbers (10) or names (\"oktober\")".into()),
                        ),
                    }
                }
                window = Some(Spanned::new(months, self.at(v)));
            }
            let checks = [
                "every",
                "count",
                "by",
                "within",
                "before",
                "quota",
                "quota-each",
                "participants",
                "survey",
                "months",
                "cost",
            ];
            let cadence = if find(t, "every").is_some() || find(t, "count").is_some() {
                self.cadence(t, &span, &what)
            } else if let Some((sv, sspan)) = &survey {
                Some(Spanned::new(Cadence::Every(sv.every), sspan.clone()))
            } else {
                if !checks.iter().any(|k| find(t, k).is_some()) {
                    let head = self.head(&span);
                    self.error(
                        head,
                        format!("{what} says nothing to check"),
                        Some("add how often (every = \"halvår\"), how many (count = \"4-8\", per = \"år\"), a deadline (by = …), a window (within = …), a quota or participants".into()),
                    );
                }
                if let Some(p) = self.string(t, "per") {
                    self.error(p.span, "'per' goes with 'count'", None);
                }
                None
            };
            if let (Some(id), Some(title), Some(kind)) = (id, title, kind) {
                out.push(Recurring {
                    id,
                    title: title.value,
                    kind,
                    owner,
                    cadence,
                    from,
                    until,
                    notes,
                    by,
                    within,
                    before,
                    quota,
                    quota_each,
                    participants,
                    window,
                    cost,
                });
            }
        }
        out
    }

    /// `cost = 300` (kroner, once) or `cost = { amount = 300, per = "sett", units = 40 }`.
    fn cost(&mut self, t: &DeTable<'_>) -> Option<Cost> {
        let (_, v) = find(t, "cost")?;
        let span = self.at(v);
        match v.get_ref() {
            DeValue::Integer(_) => {
                let amount = self.integer(t, "cost", 0, 1_000_000_000)? as u64;
                Some(Cost { amount, per: None, units: None, span })
            }
            DeValue::Table(c) => {
                self.check_keys(c, &schema::keys(&schema::COST), "a cost");
                if find(c, "amount").is_none() {
                    self.missing(&span, "amount", "the cost", "300");
                }
                let amount = self.integer(c, "amount", 0, 1_000_000_000)? as u64;
                let per = self.string(c, "per").map(|s| s.value);
                let units = self.integer(c, "units", 0, 1_000_000).map(|n| n as u32);
                Some(Cost { amount, per, units, span })
            }
            _ => {
                self.type_error(
                    "cost",
                    v,
                    "an amount in kroner (300) or a table { amount = 300, per = \"sett\", units = 40 }",
                );
                None
            }
        }
    }

    /// `[budget]`: total, years = { 2026 = 40000 }, currency.
    fn budget(&mut self, doc: &DeTable<'_>) -> Option<Budget> {
        let (t, _) = self.table(doc, "budget")?;
        self.check_keys(t, &schema::keys(&schema::BUDGET), "[budget]");
        let total = find(t, "total")
            .map(|(_, v)| self.at(v))
            .and_then(|s| self.integer(t, "total", 0, 1_000_000_000_000).map(|n| Spanned::new(n as u64, s)));
        let mut years = Vec::new();
        if let Some((y, _)) = self.table(t, "years") {
            for (k, v) in y.iter() {
                let Some(year) = k.get_ref().parse::<i32>().ok().filter(|y| (when::FIRST_YEAR..=9999).contains(y))
                else {
                    self.error(
                        self.at(k),
                        format!("'{}' is not a year", k.get_ref()),
                        Some("write years = { 2026 = 40000 }".into()),
                    );
                    continue;
                };
                match v.get_ref() {
                    DeValue::Integer(i) => match i.as_str().parse::<u64>() {
                        Ok(n) => years.push((year, Spanned::new(n, self.at(v)))),
                        Err(_) => self.error(self.at(v), "not an amount in kroner", None),
                    },
                    _ => self.type_error(k.get_ref(), v, "an amount in kroner"),
                }
            }
        }
        let currency = self.string(t, "currency").map_or("NOK".to_string(), |s| s.value);
        self.string(t, "notes");
        Some(Budget { total, years, currency })
    }

    fn spanned_integer(&mut self, t: &DeTable<'_>, key: &str) -> Option<Spanned<u32>> {
        let span = self.at(find(t, key)?.1);
        self.integer(t, key, 0, 100_000).map(|n| Spanned::new(n as u32, span))
    }

    fn cadence(&mut self, t: &DeTable<'_>, span: &Span, what: &str) -> Option<Spanned<Cadence>> {
        let every = self.string(t, "every");
        let count = find(t, "count");
        let per = self.string(t, "per");
        match (every, count) {
            (Some(_), Some((k, _))) => {
                self.error(self.at(k), format!("{what} has both 'every' and 'count'"), Some("keep one of them".into()));
                None
            }
            (None, None) => {
                let head = self.head(span);
                self.error(
                    head,
                    format!("{what} says neither how often ('every') nor how many ('count' and 'per')"),
                    Some("add, for example, every = \"halvår\", or count = \"4-8\" and per = \"år\"".into()),
                );
                None
            }
            (Some(e), None) => {
                if let Some(p) = &per {
                    self.error(p.span.clone(), "'per' goes with 'count', not with 'every'", None);
                }
                match parse_every(&e.value) {
                    Some(m) => Some(Spanned::new(Cadence::Every(m), e.span)),
                    None => {
                        let help =
                            "write \"6 months\", \"6 måneder\", \"halvår\", \"år\", \"yearly\", \"kvartal\", \"2 år\"";
                        self.error(
                            e.span,
                            format!("cannot read 'every': '{}' is not a length of time", e.value),
                            Some(help.into()),
                        );
                        None
                    }
                }
            }
            (None, Some((_, c))) => {
                let one = |v: &DeValue<'_>| match v {
                    DeValue::Integer(i) => i.as_str().parse::<u32>().ok().map(|n| (n, n)),
                    DeValue::String(s) => parse_count(s),
                    _ => None,
                };
                // A list gives each period its own count, the last repeating: [4, 2] is "4 in year 1, then 2".
                let parsed: Option<Vec<(u32, u32)>> = match c.get_ref() {
                    DeValue::Array(items) if !items.is_empty() => items.iter().map(|i| one(i.get_ref())).collect(),
                    v => one(v).map(|r| vec![r]),
                };
                let Some(counts) = parsed else {
                    let help = "write a number (4), a range (\"4-8\"), or one per period ([4, 2, 2])";
                    self.error(self.at(c), "cannot read 'count'", Some(help.into()));
                    return None;
                };
                let Some(per) = per else {
                    let head = self.head(span);
                    self.error(
                        head,
                        format!("{what} has 'count' but no 'per'"),
                        Some(
                            "add per = \"år\" (or avtaleår, skoleår, kalenderår, halvår, kvartal, måned, plan)".into(),
                        ),
                    );
                    return None;
                };
                match parse_period_word(&per.value) {
                    Some(p) => Some(Spanned::new(Cadence::Count { counts, per: p }, self.at(c))),
                    None => {
                        let help = "write \"år\", \"avtaleår\", \"skoleår\", \"kalenderår\", \"halvår\", \"kvartal\", \"måned\" or \"plan\" (or in English)";
                        self.error(per.span, format!("cannot read 'per': '{}'", per.value), Some(help.into()));
                        None
                    }
                }
            }
        }
    }
}

fn datetime(dt: &toml::value::Datetime) -> Result<When, when::WhenError> {
    let bad = |m: String| when::WhenError { message: m, help: when::FORMS_HELP.into() };
    let Some(d) = dt.date else {
        return Err(bad("a time of day alone is not a date".into()));
    };
    let date = NaiveDate::from_ymd_opt(d.year as i32, d.month as u32, d.day as u32)
        .ok_or_else(|| bad(format!("{:04}-{:02}-{:02} is not a day in the calendar", d.year, d.month, d.day)))?;
    if (d.year as i32) < when::FIRST_YEAR {
        return Err(bad(format!("the year {:04} is not a plausible year for a plan; write all four digits", d.year)));
    }
    let mut w = When::day(date);
    let Some(t) = dt.time else { return Ok(w) };
    let Some(time) = chrono::NaiveTime::from_hms_opt(t.hour as u32, t.minute as u32, t.second.unwrap_or(0) as u32)
    else {
        return Err(bad(format!("{:02}:{:02} is not a time of day", t.hour, t.minute)));
    };
    // A time with an offset is a moment anywhere; the plan's clock is Oslo's.
    let offset = match dt.offset {
        None => None,
        Some(toml::value::Offset::Z) => Some(0),
        Some(toml::value::Offset::Custom { minutes }) => Some(i32::from(minutes)),
    };
    match offset {
        None => w.time = Some((time, None)),
        Some(minutes) => {
            let oslo = when::oslo_from_offset(date.and_time(time), minutes)
                .ok_or_else(|| bad(format!("{date} {time} is outside the calendar")))?;
            w = When::day(oslo.date());
            w.time = Some((oslo.time(), None));
        }
    }
    Ok(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "[plan]\ntitle = \"T\"\nstart = \"vår 2026\"\nend = \"høst 2026\"\n";

    fn errors(text: &str) -> Vec<(usize, String, Option<String>)> {
        let src = Source::new("t.toml", text);
        match load(&src) {
            Ok(_) => Vec::new(),
            Err(f) => {
                f.into_iter().map(|f| (src.line_col(f.span.unwrap_or(0..0).start).line, f.message, f.help)).collect()
            }
        }
    }

    fn loads(text: &str) -> Plan {
        load(&Source::new("t.toml", text)).unwrap_or_else(|e| panic!("{e:#?}"))
    }

    #[test]
    fn bytes_that_are_not_utf8_are_found_where_they_are() {
        // After a byte-order mark (which the source drops): the bad byte is the third character of the text.
        let (source, finding) = decode(std::path::Path::new("t.toml"), b"\xEF\xBB\xBFab\xFFc".to_vec());
        assert_eq!(source.text, "ab\u{fffd}c");
        let f = finding.expect("a finding");
        assert_eq!((f.span, f.message.as_str()), (Some(2..5), "the file is not UTF-8 text: invalid byte 0xFF"));
        // A NUL byte among the first bytes says the file is binary.
        let (_, finding) = decode(std::path::Path::new("t.bin"), b"ab\0\xFF".to_vec());
        assert_eq!(finding.expect("a finding").message, "this is a binary file, not a plan");
        assert!(decode(std::path::Path::new("t.toml"), b"a = 1".to_vec()).1.is_none());
    }

    #[test]
    fn only_the_lint_table_is_read_from_a_configuration() {
        let lint = load_lint_only(&Source::new("implan.toml", "[lint.options]\nidle-gap-months = 4\n")).expect("valid");
        assert_eq!(lint.idle_gap_months, Some(4));
        let errors =
            load_lint_only(&Source::new("implan.toml", "[lint.options]\nidle-gap-months = \"four\"\n")).unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(load_lint_only(&Source::new("implan.toml", "[lint\n")).is_err());
    }

    #[test]
    fn nesting_too_deep_is_found_once_where_it_passes_the_limit() {
        let spans = |text: &str| -> Vec<_> {
            load(&Source::new("t.toml", format!("{HEAD}{text}"))).unwrap_err().into_iter().map(|f| f.span).collect()
        };
        let at = |offset: usize| Some(HEAD.len() + offset..HEAD.len() + offset + 1);
        // Arrays: toml places each error, at the bracket past its limit.
        let deep = format!("{}{}", "[".repeat(2000), "]".repeat(2000));
        assert_eq!(spans(&format!("a = {deep}\nb = {deep}\n")), [at(4 + 80), at(4 + 4001 + 4 + 80)]);
        // Dotted keys: toml gives no place, twice; the first place too deep is given once.
        let key = |k: &str| format!("{k}{}", format!(".{k}").repeat(200));
        assert_eq!(spans(&format!("{} = 1\n{} = 2\n", key("a"), key("b"))), [at(1 + 2 * 80)]);
    }

    #[test]
    fn ids_are_letters_digits_and_a_few_joiners() {
        for id in ["a", "møte-1", "fase_2", "v1.2", "Å"] {
            assert!(valid_id(id), "{id}");
        }
        for id in ["", "-a", ".a", "a b", "a/b", "a,b"] {
            assert!(!valid_id(id), "{id}");
        }
    }

    #[test]
    fn an_invalid_id_is_answered_with_one_that_would_do() {
        let help = |id: &str| {
            let src = Source::new("t.toml", id);
            let mut loader = Loader::new(&src);
            assert_eq!(loader.checked_id(Spanned::new(id.to_string(), 0..id.len())), None);
            loader.errors.remove(0).help.unwrap()
        };
        assert_eq!(help("Møte med FAU"), "use letters, digits, '-' and '_', for example \"mote-med-fau\"");
        assert_eq!(help("!!!"), "use letters, digits, '-' and '_', such as \"rektor\"");
    }

    #[test]
    fn a_plan_may_last_one_day_but_not_end_before_it_starts() {
        let plan = |start: &str, end: &str| format!("[plan]\ntitle = \"T\"\nstart = \"{start}\"\nend = \"{end}\"\n");
        assert_eq!(errors(&plan("2026-03-02", "2026-03-02")), []);
        let found = errors(&plan("2026-03-02", "2026-03-01"));
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "the plan ends (2026-03-01) before it starts (2026-03-02)");
    }

    #[test]
    fn an_agreement_says_whether_it_can_be_extended() {
        let agreement = |extendable: &str| {
            let text = format!("{HEAD}[agreement]\nstart = \"2026-01\"\nyears = 2\n{extendable}");
            loads(&text).agreement.expect("an agreement").extendable
        };
        assert!(agreement("extendable = true\n"));
        assert!(!agreement("extendable = false\n"));
        assert!(!agreement(""));
        assert_eq!(errors(&format!("{HEAD}[agreement]\nextendable = \"ja\"\n")).len(), 1);
    }

    #[test]
    fn a_phases_period_is_read_unless_start_and_end_both_replace_it() {
        let phase = |extra: &str| format!("{HEAD}[[phase]]\nid = \"p\"\nname = \"P\"\nperiod = \"Fase én\"\n{extra}");
        // A label only, or with one end given: it must be a period.
        for extra in ["", "start = \"mars 2026\"\n", "end = \"mai 2026\"\n"] {
            let found = errors(&phase(extra));
            assert!(found[0].1.starts_with("cannot read the phase's period"), "{extra}: {found:?}");
        }
        // Both given: the label is only a name.
        let p = loads(&phase("start = \"mars 2026\"\nend = \"mai 2026\"\n"));
        assert_eq!(
            (p.phases[0].span.start.to_string(), p.phases[0].span.end.to_string()),
            ("2026-03-01".into(), "2026-05-31".into())
        );
        // One end given: it replaces that end of the period; a phase of one day is a phase.
        let one = |extra: &str| {
            let p = loads(&format!("{HEAD}[[phase]]\nid = \"p\"\nname = \"P\"\nperiod = \"mars 2026\"\n{extra}"));
            (p.phases[0].span.start.to_string(), p.phases[0].span.end.to_string())
        };
        assert_eq!(one("end = \"2026-03-15\"\n"), ("2026-03-01".into(), "2026-03-15".into()));
        assert_eq!(one("end = \"2026-03-01\"\n"), ("2026-03-01".into(), "2026-03-01".into()));
    }

    #[test]
    fn an_activity_may_end_the_day_it_starts_and_is_done_on_a_day() {
        let activity = |extra: &str| format!("{HEAD}[[activity]]\ntitle = \"A\"\nwhen = \"2026-03-02\"\n{extra}");
        assert_eq!(errors(&activity("end = \"2026-03-02\"\n")), []);
        assert_eq!(
            errors(&activity("end = \"2026-03-01\"\n"))[0].1,
            "the activity ends (2026-03-01) before it starts (2026-03-02)"
        );
        assert_eq!(errors(&activity("done = 2026-03-03\n")), []);
        assert_eq!(errors(&activity("done = \"mars 2026\"\n"))[0].1, "'done' must be a day, such as 2026-03-12");
    }

    #[test]
    fn a_requirements_months_are_months() {
        let recurring = |months: &str| {
            format!("{HEAD}[[recurring]]\nid = \"r\"\ntitle = \"R\"\nkind = \"k\"\nevery = \"år\"\nmonths = {months}\n")
        };
        assert_eq!(errors(&recurring("[3, \"oktober\", 12]")), []);
        for bad in ["[13]", "[0]", "[\"oktobr\"]"] {
            assert_eq!(
                errors(&recurring(bad)).iter().map(|e| e.1.as_str()).collect::<Vec<_>>(),
                ["not a month"],
                "{bad}"
            );
        }
    }

    #[test]
    fn years_before_the_first_plausible_one_are_refused() {
        let activity = |when: &str| format!("{HEAD}[[activity]]\ntitle = \"A\"\nwhen = {when}\n");
        assert_eq!(errors(&activity("1000-01-01")), []);
        let found = errors(&activity("0999-12-31"));
        assert!(found[0].1.contains("the year 0999 is not a plausible year for a plan"), "{found:?}");
    }

    #[test]
    fn an_empty_list_of_counts_is_no_count() {
        let text =
            format!("{HEAD}[[requirement]]\nid = \"r\"\ntitle = \"R\"\nkind = \"k\"\ncount = []\nper = \"år\"\n");
        let found = errors(&text);
        assert_eq!(found.iter().map(|f| f.1.as_str()).collect::<Vec<_>>(), ["cannot read 'count'"], "{found:?}");
    }

    /// What a load gives, as text: the plan or the findings.
    fn outcome(result: Result<Plan, Vec<Finding>>) -> String {
        match result {
            Ok(plan) => format!("{plan:?}"),
            Err(findings) => format!("{findings:?}"),
        }
    }

    #[test]
    fn pieces_the_cut_cannot_take_whole_are_loaded_whole() {
        let phase = "[[phase]]\nid = \"p\"\nname = \"P\"\nperiod = \"vår 2026\"\n";
        let act = |t: &str| format!("[[phase.activity]]\ntitle = \"{t}\"\nwhen = \"mars 2026\"\n");
        for text in [
            // Activities written inline in a phase: more activities than headers.
            format!(
                "{HEAD}{phase}activity = [{{ title = \"A\", when = \"mars 2026\" }}, {{ title = \"B\", when = \"april 2026\" }}]\n"
            ),
            // A table of the phase after its activities: not the phase's activities alone.
            format!("{HEAD}{phase}{}{}[phase.extra]\nx = 1\n", act("A"), act("B")),
        ] {
            let source = Source::new("t.toml", text.as_str());
            let whole = outcome(load_whole(&source));
            let pieces = load_in_pieces(&source, 0).map(outcome);
            assert!(pieces.is_none_or(|p| p == whole), "{text}");
        }
    }

    #[test]
    fn a_findings_head_is_its_first_line() {
        let src = Source::new("t.toml", "x = 1\n[[activity]]\ntitle = \"A\"\r\nwhen = 1\n");
        let loader = Loader::new(&src);
        assert_eq!(loader.head(&(6..40)), 6..18);
        assert_eq!(loader.head(&(19..30)), 19..30);
        assert_eq!(loader.head(&(19..33)), 19..30);
        assert_eq!(loader.head(&(32..39)), 32..39);
        // A span past the end (from a longer file) ends at the last line's end.
        assert_eq!(loader.head(&(37..99)), 37..40);
    }

    #[test]
    fn the_deepest_nesting_is_found_where_it_passes_the_limit() {
        let at = |text: &str| deepest(text).map(|span| (span.start, text[span].to_string()));
        // Brackets and braces count alike; the 81st passes the limit.
        assert_eq!(at(&format!("a = {}", "[".repeat(80))), None);
        assert_eq!(at(&format!("a = {}{}", "[".repeat(40), "{".repeat(41))), Some((84, "{".to_string())));
        // Closed ones do not count.
        assert_eq!(at(&format!("a = {}", "[]".repeat(200))), None);
        // Dots in a key count too, and a key ends at a newline, `=` or `,`.
        assert_eq!(at(&format!("a{} = 1", ".b".repeat(81))), Some((161, ".".to_string())));
        assert_eq!(at(&"a.b.c.d.e.f.g.h = 1\n".repeat(30)), None);
        assert_eq!(at(&format!("x = {{ {} }}", "a.b.c.d = 1, ".repeat(30))), None);
        assert_eq!(at(&format!("x{}1{}", " = { a.b.c.d".repeat(25), " }".repeat(25))), None);
        // Together: 41 open braces and the 40th dot of a key inside them.
        let text = format!("a = {}b{} = 1", "{".repeat(41), ".b".repeat(40));
        assert_eq!(at(&text), Some((4 + 41 + 1 + 39 * 2, ".".to_string())));
    }

    #[test]
    fn toml_date_times_with_offsets_are_oslo_time() {
        let plan = loads(&format!(
            "{HEAD}[[activity]]\ntitle = \"A\"\nwhen = 2026-03-12T23:30:00Z\n[[activity]]\ntitle = \"B\"\nwhen = 2026-07-12T10:00:00-08:00\n[[activity]]\ntitle = \"C\"\nwhen = 2026-07-12T10:00:00\n"
        ));
        let shown: Vec<String> = plan
            .activities
            .iter()
            .map(|a| format!("{} {}", a.when.value.start, a.when.value.time.unwrap().0.format("%H:%M")))
            .collect();
        assert_eq!(shown, ["2026-03-13 00:30", "2026-07-12 20:00", "2026-07-12 10:00"]);
    }

    #[test]
    fn every_error_in_one_pass_with_its_line() {
        let e = errors(&format!(
            "{HEAD}lang = \"se\"\n[[activity]]\ntitle = \"A\"\nwhen = \"marts 2026\"\nownr = \"x\"\nstatus = 3\n"
        ));
        let lines: Vec<(usize, &str)> = e.iter().map(|(l, m, _)| (*l, m.as_str())).collect();
        assert_eq!(
            lines,
            [
                (5, "unknown language 'se'"),
                (8, "cannot read 'when': 'marts' is not a month or a school term"),
                (9, "unknown key 'ownr' in an activity"),
                (10, "'status' must be a string (in quotes), not an integer"),
            ]
        );
        assert!(e[2].2.as_deref().unwrap().starts_with("did you mean 'owner'?"));
    }

    #[test]
    fn missing_plan_and_required_keys() {
        assert_eq!(errors("")[0].1, "this file has no [plan] table");
        assert_eq!(
            errors("[plan]\ntitle = \"T\"\n").iter().map(|e| e.1.as_str()).collect::<Vec<_>>(),
            ["[plan] has no 'start'", "[plan] has no 'end'"]
        );
        let e = errors(&format!("{HEAD}[[activity]]\ntitle = \"A\"\n"));
        assert_eq!(e[0].1, "activity 'A' has no 'when'");
        assert_eq!(e[0].0, 5, "points at the [[activity]] header");
    }

    #[test]
    fn phases_with_one_explicit_end_and_crossing_dates() {
        let e = errors(&format!(
            "{HEAD}[[phase]]\nid = \"p\"\nname = \"P\"\nperiod = \"Vår 2025\"\nstart = \"mars 2026\"\n"
        ));
        assert_eq!(e[0].1, "the phase ends (2025-06-30) before it starts (2026-03-01)");
        let p = loads(&format!(
            "{HEAD}[[phase]]\nid = \"p\"\nname = \"P\"\nperiod = \"Vår 2026\"\nstart = \"mars 2026\"\n"
        ));
        assert_eq!(p.phases[0].span.start.to_string(), "2026-03-01");
        assert_eq!(p.phases[0].span.end.to_string(), "2026-06-30");
    }

    #[test]
    fn activities_inside_phases_and_derived_ids() {
        let p = loads(&format!(
            "{HEAD}[[phase]]\nid = \"p\"\nname = \"P\"\nperiod = \"Vår 2026\"\n[[phase.activity]]\ntitle = \"Oppstartsmøte i FAU\"\nwhen = \"mars 2026\"\nduration = \"3 dager\"\ndone = 2026-03-03\n"
        ));
        let a = &p.activities[0];
        assert_eq!(a.id.value, "oppstartsmote-i-fau");
        assert!(a.derived_id);
        assert_eq!(a.phase, Some(PhaseRef::Nested(0)));
        assert_eq!(a.status, Status::Done, "a done date alone means done");
        assert_eq!(a.last_day.to_string(), "2026-03-31", "a month plus 3 days still ends with the month");
        let e = errors(&format!(
            "{HEAD}[[phase]]\nid = \"p\"\nname = \"P\"\nperiod = \"Vår 2026\"\n[[phase.activity]]\ntitle = \"A\"\nwhen = \"mars 2026\"\nphase = \"q\"\n"
        ));
        assert_eq!(e[0].1, "an activity written inside a phase cannot name another phase");
    }

    #[test]
    fn contradictions_and_blanks() {
        let e = errors(&format!(
            "{HEAD}[[activity]]\ntitle = \"A\"\nwhen = \"mars 2026\"\nstatus = \"planlagt\"\ndone = 2026-03-03\nowner = [\"\"]\nduration = \"613566757 uker\"\n"
        ));
        let msgs: Vec<&str> = e.iter().map(|e| e.1.as_str()).collect();
        assert_eq!(
            msgs,
            [
                "a done date is given, but the status is 'planned'",
                "'owner' holds an empty name",
                "cannot read 'duration': '613566757 uker' is longer than 100 years"
            ]
        );
        let e = errors(&format!("{HEAD}[[activity]]\ntitle = \"A\"\nwhen = \"mars 2026\"\nend = \"februar 2026\"\n"));
        assert_eq!(e[0].1, "the activity ends (2026-02-28) before it starts (2026-03-01)");
        let e = errors("[plan]\ntitle = \"T\"\nstart = 12\nend = \"2026\"\n");
        assert_eq!(e[0].1, "cannot read 'start': 12 is not a year");
    }

    #[test]
    fn recurring_requirements_need_a_cadence() {
        let e = errors(&format!("{HEAD}[[recurring]]\nid = \"r\"\ntitle = \"R\"\nkind = \"k\"\n"));
        assert_eq!(e[0].1, "requirement 'r' says nothing to check");
        let e = errors(&format!("{HEAD}[[recurring]]\nid = \"r\"\ntitle = \"R\"\nkind = \"k\"\ncount = \"4-8\"\n"));
        assert_eq!(e[0].1, "requirement 'r' has 'count' but no 'per'");
        let p = loads(&format!(
            "{HEAD}[[recurring]]\nid = \"r\"\ntitle = \"R\"\nkind = \"k\"\ncount = \"4–8\"\nper = \"år\"\n"
        ));
        assert_eq!(
            p.recurring[0].cadence.as_ref().map(|c| c.value.clone()),
            Some(Cadence::Count { counts: vec![(4, 8)], per: CadencePeriod::Year })
        );
    }
}
