//! Reading one value of a table: strings, ids, lists, dates, tables, whole numbers.

use super::loader::{Loader, TSpanned, find};
use crate::diag::Span;
use crate::lang::Text;
use crate::messages::load as m;
use crate::model::*;
use crate::schema;
use crate::when::{self, When};
use chrono::NaiveDate;
use toml::de::{DeTable, DeValue};

/// The least and the greatest whole number `key` of `table` takes: the schema is the one list of keys and
/// bounds, so the loader checks what editors are told.
pub(super) fn bounds(table: &schema::Table, key: &str) -> (i64, i64) {
    fn of(value: &schema::Value) -> Option<(i64, i64)> {
        match value {
            schema::Value::Integer { min, max } => Some((*min, *max)),
            schema::Value::AnyOf(values) => values.iter().find_map(of),
            _ => None,
        }
    }
    // Every key the loader reads as a whole number has its bounds in the schema; a test loads each one.
    table
        .keys
        .iter()
        .find(|k| k.name == key)
        .and_then(|k| of(&k.value))
        .unwrap_or_else(|| panic!("the schema gives '{key}' no bounds"))
}

/// Whether `id` is an id as the format allows one: a letter or digit, then letters, digits, `-`, `_` and `.`.
pub(crate) fn valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(|c| c.is_alphanumeric())
        && chars.all(|c| c.is_alphanumeric() || c == '-' || c == '_' || c == '.')
}

impl Loader<'_> {
    pub(super) fn string(&mut self, t: &DeTable<'_>, key: &str) -> Option<Spanned<String>> {
        let (_, v) = find(t, key)?;
        match v.get_ref() {
            DeValue::String(s) => Some(Spanned::new(s.to_string(), self.at(v))),
            _ => {
                self.type_error(key, v, &m::a_string_in_quotes());
                None
            }
        }
    }

    pub(super) fn req_string(&mut self, t: &DeTable<'_>, key: &str, at: Span, what: &Text) -> Option<Spanned<String>> {
        if find(t, key).is_none() {
            self.missing(t, at, key, what, "\"…\"");
            return None;
        }
        self.string(t, key)
    }

    pub(super) fn id(&mut self, t: &DeTable<'_>, at: Span, what: &Text) -> Option<Spanned<String>> {
        let id = self.req_string(t, "id", at, what)?;
        self.checked_id(id)
    }

    pub(super) fn checked_id(&mut self, id: Spanned<String>) -> Option<Spanned<String>> {
        if valid_id(&id.value) {
            return Some(id);
        }
        let example = slug(&id.value);
        let help = m::id_help(Some(example.as_str()).filter(|e| !e.is_empty()));
        self.error(id.span, m::invalid_id(&id.value), Some(help));
        None
    }

    /// A string or a list of strings, none of them blank (they name roles, goals, activities).
    pub(super) fn string_list(&mut self, t: &DeTable<'_>, key: &str) -> Vec<Spanned<String>> {
        let list = self.raw_string_list(t, key);
        let (ok, blank): (Vec<_>, Vec<_>) = list.into_iter().partition(|s| !s.value.trim().is_empty());
        for b in blank {
            self.error(b.span, m::empty_name(key), Some(m::empty_name_help()));
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
                        _ => self.type_error(key, item, &m::a_list_of_strings()),
                    }
                }
                out
            }
            _ => {
                self.type_error(key, v, &m::a_string_or_a_list());
                Vec::new()
            }
        }
    }

    pub(super) fn when_value(&mut self, key: &str, v: &TSpanned<DeValue<'_>>, period: bool) -> Option<Spanned<When>> {
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
                    None => Err(when::WhenError { message: m::not_a_year(i.as_str()), help: forms_help() }),
                }
            }
            _ => {
                self.type_error(key, v, &m::a_date());
                return None;
            }
        };
        let parsed = match (parsed, v.get_ref()) {
            (Err(e), DeValue::String(s)) => match agreement_years(s) {
                Some((a, b)) => match &self.agreement {
                    Some(ag) => ag.years_span(a, b).ok_or(e),
                    None => Err(when::WhenError {
                        message: m::agreement_years_without_agreement(s),
                        help: m::agreement_help(),
                    }),
                },
                None => Err(e),
            },
            (p, _) => p,
        };
        match parsed {
            Ok(w) => Some(Spanned::new(w, self.at(v))),
            Err(e) => {
                self.error(self.at(v), m::cannot_read(key, &e.message), Some(e.help));
                None
            }
        }
    }

    pub(super) fn when(&mut self, t: &DeTable<'_>, key: &str) -> Option<Spanned<When>> {
        let (_, v) = find(t, key)?;
        self.when_value(key, v, false)
    }

    pub(super) fn table<'a, 'i>(&mut self, t: &'a DeTable<'i>, key: &str) -> Option<(&'a DeTable<'i>, Span)> {
        let (_, v) = find(t, key)?;
        match v.get_ref() {
            DeValue::Table(tbl) => Some((tbl, self.at(v))),
            _ => {
                self.type_error(key, v, &m::a_table_written(&format!("[{key}]")));
                None
            }
        }
    }

    pub(super) fn tables<'a, 'i>(
        &mut self,
        t: &'a DeTable<'i>,
        key: &str,
        header: &str,
    ) -> Vec<(&'a DeTable<'i>, Span)> {
        let Some((_, v)) = find(t, key) else { return Vec::new() };
        let mut out = Vec::new();
        match v.get_ref() {
            DeValue::Array(items) => {
                for item in items.iter() {
                    match item.get_ref() {
                        DeValue::Table(tbl) => out.push((tbl, self.at(item))),
                        _ => self.type_error(key, item, &m::a_table_written(header)),
                    }
                }
            }
            _ => self.type_error(key, v, &m::a_list_of_tables(header)),
        }
        out
    }

    /// true or false.
    pub(super) fn boolean(&mut self, t: &DeTable<'_>, key: &str) -> Option<bool> {
        let (_, v) = find(t, key)?;
        match v.get_ref() {
            DeValue::Boolean(b) => Some(*b),
            _ => {
                self.type_error(key, v, &m::true_or_false());
                None
            }
        }
    }

    /// A whole number within the bounds the schema gives `key` in `table`.
    pub(super) fn integer(&mut self, t: &DeTable<'_>, key: &str, table: &schema::Table) -> Option<i64> {
        let (_, v) = find(t, key)?;
        let (min, max) = bounds(table, key);
        match v.get_ref() {
            DeValue::Integer(i) => match i.as_str().parse::<i64>().ok().filter(|n| (min..=max).contains(n)) {
                Some(n) => Some(n),
                None => {
                    self.error(self.at(v), m::between(key, min, max), None);
                    None
                }
            },
            _ => {
                self.type_error(key, v, &m::a_whole_number());
                None
            }
        }
    }

    pub(super) fn spanned_integer(
        &mut self,
        t: &DeTable<'_>,
        key: &str,
        table: &schema::Table,
    ) -> Option<Spanned<u32>> {
        let span = self.at(find(t, key)?.1);
        self.integer(t, key, table).map(|n| Spanned::new(n as u32, span))
    }
}

fn forms_help() -> Text {
    crate::messages::when::forms_help()
}

fn datetime(dt: &toml::value::Datetime) -> Result<When, when::WhenError> {
    let bad = |message: Text| when::WhenError { message, help: forms_help() };
    let Some(d) = dt.date else {
        return Err(bad(m::time_without_date()));
    };
    let date = NaiveDate::from_ymd_opt(d.year as i32, d.month as u32, d.day as u32)
        .ok_or_else(|| bad(m::not_a_calendar_day(&format!("{:04}-{:02}-{:02}", d.year, d.month, d.day))))?;
    if (d.year as i32) < when::FIRST_YEAR {
        return Err(bad(m::implausible_year(i64::from(d.year))));
    }
    let mut w = When::day(date);
    let Some(t) = dt.time else { return Ok(w) };
    let Some(time) = chrono::NaiveTime::from_hms_opt(t.hour as u32, t.minute as u32, t.second.unwrap_or(0) as u32)
    else {
        return Err(bad(m::not_a_time_of_day(&format!("{:02}:{:02}", t.hour, t.minute))));
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
                .ok_or_else(|| bad(m::moment_outside_calendar(date, time)))?;
            w = When::day(oslo.date());
            w.time = Some((oslo.time(), None));
        }
    }
    Ok(w)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::testing::{HEAD, errors, loads};
    use crate::source::Source;

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
            assert_eq!(loader.checked_id(Spanned::new(id.to_string(), Span::from(0..id.len()))), None);
            loader.errors.remove(0).help.unwrap()
        };
        assert_eq!(help("Møte med FAU").en(), "use letters, digits, '-' and '_', for example \"mote-med-fau\"");
        assert_eq!(help("!!!").en(), "use letters, digits, '-' and '_', such as \"rektor\"");
    }

    #[test]
    fn years_before_the_first_plausible_one_are_refused() {
        let activity = |when: &str| format!("{HEAD}[[activity]]\ntitle = \"A\"\nwhen = {when}\n");
        assert_eq!(errors(&activity("1000-01-01")), []);
        let found = errors(&activity("0999-12-31"));
        assert!(found[0].1.contains("the year 0999 is not a plausible year for a plan"), "{found:?}");
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
    fn whole_numbers_are_held_to_the_bounds_of_the_schema() {
        let activity = format!("{HEAD}[[activity]]\ntitle = \"A\"\nwhen = \"mars 2026\"\n");
        let requirement = format!("{HEAD}[[recurring]]\nid = \"r\"\ntitle = \"R\"\nkind = \"k\"\n");
        let cases: [(&str, i64, i64, String); 15] = [
            ("years", 1, 50, format!("{HEAD}[agreement]\nyears = N\n")),
            ("idle-gap-months", 1, 24, format!("{HEAD}[lint.options]\nidle-gap-months = N\n")),
            ("cadence-tolerance", 0, 12, format!("{HEAD}[lint.options]\ncadence-tolerance = N\n")),
            ("owner-overload-max", 1, 100, format!("{HEAD}[lint.options]\nowner-overload-max = N\n")),
            ("autumn-break-week", 1, 53, format!("{HEAD}[lint.options]\nautumn-break-week = N\n")),
            ("winter-break-week", 1, 53, format!("{HEAD}[lint.options]\nwinter-break-week = N\n")),
            ("places", 0, 100_000, format!("{activity}places = N\n")),
            ("cost", 0, 1_000_000_000, format!("{activity}cost = N\n")),
            ("amount", 0, 1_000_000_000, format!("{activity}cost = {{ amount = N }}\n")),
            ("units", 0, 1_000_000, format!("{activity}cost = {{ amount = 1, units = N }}\n")),
            ("quota", 0, 100_000, format!("{requirement}quota = N\n")),
            ("quota-each", 0, 100_000, format!("{requirement}quota-each = N\n")),
            ("cost", 0, 1_000_000_000, format!("{requirement}every = \"år\"\ncost = N\n")),
            ("total", 0, 1_000_000_000_000, format!("{HEAD}[budget]\ntotal = N\n")),
            ("step", 1, 100, format!("{HEAD}[[component]]\nid = \"c\"\nname = \"C\"\nstep = N\n")),
        ];
        for (key, min, max, text) in cases {
            let with = |n: i64| errors(&text.replace('N', &n.to_string())).into_iter().map(|e| e.1).collect::<Vec<_>>();
            assert_eq!(with(min), Vec::<String>::new(), "{key} = {min}");
            assert_eq!(with(max), Vec::<String>::new(), "{key} = {max}");
            for n in [min - 1, max + 1] {
                assert_eq!(with(n), [format!("'{key}' must be between {min} and {max}")], "{key} = {n}");
            }
        }
    }
}
