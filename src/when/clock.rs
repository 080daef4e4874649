//! Times of day: "10:00", "10:00-11:30", ISO 8601 times with offsets, and Oslo's clock (CET/CEST), which every
//! time in a plan is read in.

use super::{WhenError, err, last_day_of_month};
use crate::messages::when as msg;
use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime};
use std::cmp::Ordering;

fn parse_time(s: &str) -> Option<NaiveTime> {
    let s = s.trim();
    let (h, m) = match s.split_once([':', '.']) {
        Some((h, m)) => (h, m),
        None => (s, "00"),
    };
    if h.is_empty() || h.len() > 2 || m.len() != 2 {
        return None;
    }
    NaiveTime::from_hms_opt(h.parse().ok()?, m.parse().ok()?, 0)
}

/// The last Sunday of a month.
fn last_sunday(year: i32, month: u32) -> Option<NaiveDate> {
    let last = last_day_of_month(year, month)?;
    last.checked_sub_days(chrono::Days::new(u64::from(last.weekday().num_days_from_sunday())))
}

/// A moment given in UTC as Norway's clocks show it: CET (UTC+1), and CEST (UTC+2) from 01:00 UTC on the last
/// Sunday of March to 01:00 UTC on the last Sunday of October. That is the EU rule Norway has kept since 1996;
/// implan uses it for every year.
pub(crate) fn oslo_from_utc(utc: NaiveDateTime) -> Option<NaiveDateTime> {
    let y = utc.year();
    let summer_from = last_sunday(y, 3)?.and_hms_opt(1, 0, 0)?;
    let summer_to = last_sunday(y, 10)?.and_hms_opt(1, 0, 0)?;
    let hours = if (summer_from..summer_to).contains(&utc) { 2 } else { 1 };
    utc.checked_add_signed(chrono::TimeDelta::hours(hours))
}

/// A date and time written with a UTC offset (`2026-03-12T23:30:00Z`, `…T10:00:00-08:00`), as the same moment on
/// Oslo's clock: a plan's times are Norwegian, and the day may change (23:30 UTC in March is 00:30 the next day).
/// `None` past the year 9999, which no plan reaches.
pub(crate) fn oslo_from_offset(local: NaiveDateTime, offset_minutes: i32) -> Option<NaiveDateTime> {
    oslo_from_utc(local.checked_sub_signed(chrono::TimeDelta::minutes(i64::from(offset_minutes)))?)
        .filter(|t| t.year() <= 9999)
}

/// The time of an ISO date-time after its `T`: `10:00`, `10:00:00`, `10:00:00.5`, with an offset `Z`, `+01:00`,
/// `-0800` or `+01`. Returns the time and the offset in minutes east of UTC.
pub(super) fn parse_iso_time(t: &str) -> Result<(NaiveTime, Option<i32>), WhenError> {
    let bad = || err(msg::not_an_iso_time(t));
    let (time, offset) = if let Some(time) = t.strip_suffix('z') {
        (time, Some(0))
    } else if let Some(at) = t.get(5..).and_then(|rest| rest.find(['+', '-'])).map(|i| i + 5) {
        let (sign, zone) = (if t.as_bytes()[at] == b'-' { -1 } else { 1 }, &t[at + 1..]);
        let digits: String = zone.chars().filter(|c| *c != ':').collect();
        if !matches!(digits.len(), 2 | 4) || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let hours: i32 = digits[..2].parse().map_err(|_| bad())?;
        let minutes: i32 = digits.get(2..).filter(|m| !m.is_empty()).map_or(Ok(0), str::parse).map_err(|_| bad())?;
        if hours > 23 || minutes > 59 {
            return Err(bad());
        }
        (&t[..at], Some(sign * (hours * 60 + minutes)))
    } else {
        (t, None)
    };
    // Seconds (and their fractions) are read and dropped: plans count in minutes.
    let (hm, seconds) = (time.get(..5).ok_or_else(bad)?, &time[5.min(time.len())..]);
    let seconds_ok = seconds.is_empty()
        || (seconds.starts_with(':')
            && seconds[1..].split_once('.').map_or(seconds[1..].len() == 2, |(s, f)| s.len() == 2 && !f.is_empty())
            && seconds[1..].bytes().all(|b| b.is_ascii_digit() || b == b'.'));
    match parse_time(hm) {
        Some(time) if seconds_ok => Ok((time, offset)),
        _ => Err(bad()),
    }
}

/// A time as messages write it: `09:30`.
fn hm(t: NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

/// `10:00`, `10:00-10:30`, `10-10.30`, `kl. 10:00`.
pub(super) fn parse_time_range(s: &str) -> Result<(NaiveTime, Option<NaiveTime>), WhenError> {
    let s = s.trim();
    let s = s.strip_prefix("kl.").or_else(|| s.strip_prefix("kl")).unwrap_or(s).trim();
    let bad = || err(msg::not_a_time(s));
    match s.split_once(['-', '–', '—']) {
        Some((a, b)) => {
            let (a, b) = (parse_time(a).ok_or_else(bad)?, parse_time(b).ok_or_else(bad)?);
            match b.cmp(&a) {
                Ordering::Greater => Ok((a, Some(b))),
                Ordering::Equal => Err(err(msg::empty_time_range(&hm(a)))),
                Ordering::Less => Err(err(msg::time_range_backwards(&hm(b), &hm(a)))),
            }
        }
        None => Ok((parse_time(s).ok_or_else(bad)?, None)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_digits_only() {
        let time = |s: &str| parse_time(s).map(|t| t.format("%H:%M").to_string());
        assert_eq!(
            [time("9"), time("09.30"), time(" 10:00 ")],
            [Some("09:00".into()), Some("09:30".into()), Some("10:00".into())]
        );
        for bad in ["", ":30", "009:00", "10:0", "10:000", "24:00", "10:60"] {
            assert_eq!(time(bad), None, "{bad}");
        }
    }

    #[test]
    fn iso_times_with_offsets_and_seconds() {
        let t = |s: &str| parse_iso_time(s).map(|(t, o)| (t.format("%H:%M").to_string(), o)).ok();
        assert_eq!(t("10:00z"), Some(("10:00".into(), Some(0))));
        assert_eq!(t("10:00+23:59"), Some(("10:00".into(), Some(23 * 60 + 59))));
        assert_eq!(t("10:00-01:30"), Some(("10:00".into(), Some(-90))));
        assert_eq!(t("10:00:00.5+0100"), Some(("10:00".into(), Some(60))));
        assert_eq!(t("10:00:30"), Some(("10:00".into(), None)));
        for bad in ["10:00+24:00", "10:00+01:60", "10:00+1", "10:00:00.", "10:00:5", "10:00:5.5", "10:00:0a", "10"] {
            assert_eq!(t(bad), None, "{bad}");
        }
    }

    #[test]
    fn time_ranges_run_forwards() {
        assert!(parse_time_range("10:00-10:01").is_ok());
        // The Norwegian messages' examples.
        assert!(parse_time_range("10.00").is_ok() && parse_time_range("kl. 10.00–10.30").is_ok());
        assert_eq!(
            parse_time_range("10:00-10:00").unwrap_err().message.en(),
            "the time range 10:00-10:00 is empty: it ends when it starts"
        );
        assert_eq!(
            parse_time_range("10:00-09:59").unwrap_err().message.en(),
            "the time range ends at 09:59 before it starts at 10:00"
        );
    }

    #[test]
    fn summer_time_starts_and_ends_at_one_utc_on_the_last_sundays() {
        let utc = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
        let oslo = |s: &str| oslo_from_utc(utc(s)).unwrap().format("%Y-%m-%d %H:%M").to_string();
        assert_eq!(oslo("2026-03-29 00:59"), "2026-03-29 01:59");
        assert_eq!(oslo("2026-03-29 01:00"), "2026-03-29 03:00");
        assert_eq!(oslo("2026-10-25 00:59"), "2026-10-25 02:59");
        assert_eq!(oslo("2026-10-25 01:00"), "2026-10-25 02:00");
        assert_eq!(oslo("2027-03-28 01:00"), "2027-03-28 03:00");
        assert_eq!(oslo("9999-12-31 23:30"), "+10000-01-01 00:30");
    }
}
