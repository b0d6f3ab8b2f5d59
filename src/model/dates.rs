//! Faster reading of the dates and times in a file, for `#[serde(deserialize_with = ...)]`.
//!
//! chrono reads a date through its general format parser, about a fifth of the cost of
//! reading a date-heavy file in the browser (a workspace of 2,000 people holds some 40,000
//! dates and times). These functions read the forms the app itself writes (`2026-03-05`,
//! `2026-03-05T09:30:00Z`, `2026-03-05T09:30:00.123Z`, `09:30:00`) directly, and hand anything
//! else to chrono unchanged, so every value reads exactly as before, errors included. Writing
//! is chrono's own. Every date and time field of the file's records names one of these; a
//! field that did not would still read correctly, only more slowly.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, NaiveDate, NaiveTime, Timelike, Utc};
use serde::de::{self, Deserialize, Deserializer, Visitor};

/// A date, `YYYY-MM-DD`.
pub fn day<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    d.deserialize_str(DAY)
}

/// An optional date (`null` for none).
pub fn day_opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    Ok(Option::<Day>::deserialize(d)?.map(|x| x.0))
}

/// A moment in UTC, RFC 3339.
pub fn stamp<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
    d.deserialize_str(STAMP)
}

/// An optional moment (`null` for none).
pub fn stamp_opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
    Ok(Option::<Stamp>::deserialize(d)?.map(|x| x.0))
}

/// A wall-clock time, `HH:MM:SS`.
pub fn time<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveTime, D::Error> {
    d.deserialize_str(TIME)
}

struct Day(NaiveDate);
struct Stamp(DateTime<Utc>);

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        day(d).map(Day)
    }
}

impl<'de> Deserialize<'de> for Stamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        stamp(d).map(Stamp)
    }
}

/// Reads a string on the fast path `fast` when it can, else with chrono's `FromStr` (the
/// parse chrono's own `Deserialize` uses). It says what it expects in chrono's words, so a
/// wrong type reads the same.
struct FastVisitor<T> {
    expecting: &'static str,
    fast: fn(&[u8]) -> Option<T>,
}

const DAY: FastVisitor<NaiveDate> = FastVisitor {
    expecting: "a formatted date string",
    fast: parse_day,
};
const STAMP: FastVisitor<DateTime<Utc>> = FastVisitor {
    expecting: "an RFC 3339 formatted date and time string",
    fast: parse_stamp,
};
const TIME: FastVisitor<NaiveTime> = FastVisitor {
    expecting: "a formatted time string",
    fast: parse_hms,
};

impl<T: FromStr<Err = chrono::ParseError>> Visitor<'_> for FastVisitor<T> {
    type Value = T;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.expecting)
    }
    fn visit_str<E: de::Error>(self, s: &str) -> Result<T, E> {
        match (self.fast)(s.as_bytes()) {
            Some(v) => Ok(v),
            None => s.parse().map_err(E::custom),
        }
    }
}

/// The number written by `digits` (ASCII digits only), or `None`.
fn number(digits: &[u8]) -> Option<u32> {
    digits
        .iter()
        .try_fold(0_u32, |n, &b| b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0')))
}

/// `YYYY-MM-DD` exactly, a real date; `None` for anything else.
fn parse_day(s: &[u8]) -> Option<NaiveDate> {
    if s.len() != 10 || s[4] != b'-' || s[7] != b'-' {
        return None;
    }
    let year = i32::try_from(number(&s[..4])?).ok()?;
    NaiveDate::from_ymd_opt(year, number(&s[5..7])?, number(&s[8..10])?)
}

/// `HH:MM:SS` exactly, a real time (no leap second); `None` for anything else.
fn parse_hms(s: &[u8]) -> Option<NaiveTime> {
    if s.len() != 8 || s[2] != b':' || s[5] != b':' {
        return None;
    }
    NaiveTime::from_hms_opt(number(&s[..2])?, number(&s[3..5])?, number(&s[6..8])?)
}

/// `YYYY-MM-DDTHH:MM:SS`, then an optional fraction of 1 to 9 digits, then `Z` or `+00:00`;
/// `None` for anything else (another offset, a leap second, a space for the `T`).
fn parse_stamp(s: &[u8]) -> Option<DateTime<Utc>> {
    if s.len() < 20 || s[10] != b'T' {
        return None;
    }
    let date = parse_day(&s[..10])?;
    let time = parse_hms(&s[11..19])?;
    let rest = &s[19..];
    let (nanos, zone) = match rest.first() {
        Some(b'.') => {
            let digits = rest[1..].iter().take_while(|b| b.is_ascii_digit()).count();
            if !(1..=9).contains(&digits) {
                return None;
            }
            let n = number(&rest[1..1 + digits])? * 10_u32.pow(9 - digits as u32);
            (n, &rest[1 + digits..])
        }
        _ => (0, rest),
    };
    if zone != b"Z" && zone != b"+00:00" {
        return None;
    }
    Some(date.and_time(time.with_nanosecond(nanos)?).and_utc())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::de::value::{Error, StrDeserializer};
    use serde::de::IntoDeserializer;

    fn de(s: &str) -> StrDeserializer<'_, Error> {
        s.into_deserializer()
    }

    /// What chrono's own `Deserialize` makes of `s`, errors as text.
    fn chrono_day(s: &str) -> Result<NaiveDate, String> {
        NaiveDate::deserialize(de(s)).map_err(|e| e.to_string())
    }
    fn chrono_stamp(s: &str) -> Result<DateTime<Utc>, String> {
        DateTime::<Utc>::deserialize(de(s)).map_err(|e| e.to_string())
    }
    fn chrono_time(s: &str) -> Result<NaiveTime, String> {
        NaiveTime::deserialize(de(s)).map_err(|e| e.to_string())
    }

    #[test]
    fn the_apps_own_forms_take_the_fast_path_and_read_as_chrono_reads_them() {
        for s in ["2026-03-05", "0001-01-01", "9999-12-31", "2024-02-29"] {
            assert!(parse_day(s.as_bytes()).is_some(), "{s}");
            assert_eq!(day(de(s)).map_err(|e| e.to_string()), chrono_day(s), "{s}");
        }
        for s in [
            "2026-03-05T09:30:00Z",
            "2026-03-05T09:30:00.1Z",
            "2026-03-05T09:30:00.123Z",
            "2026-03-05T09:30:00.123456789Z",
            "2026-03-05T23:59:59.000001+00:00",
        ] {
            assert!(parse_stamp(s.as_bytes()).is_some(), "{s}");
            assert_eq!(stamp(de(s)).map_err(|e| e.to_string()), chrono_stamp(s), "{s}");
        }
        for s in ["09:30:00", "00:00:00", "23:59:59"] {
            assert!(parse_hms(s.as_bytes()).is_some(), "{s}");
            assert_eq!(time(de(s)).map_err(|e| e.to_string()), chrono_time(s), "{s}");
        }
    }

    #[test]
    fn anything_else_is_chronos_to_read_or_refuse_in_its_own_words() {
        let days = [
            "2026-02-30",
            "2026-13-01",
            "2026-3-5",
            "26-03-05",
            "2026/03/05",
            "",
            "2026-03-05 ",
            " 2026-03-05",
            "+2026-03-05",
            "2026-03-0x",
            "２０２６-03-05",
        ];
        for s in days {
            assert_eq!(day(de(s)).map_err(|e| e.to_string()), chrono_day(s), "{s:?}");
        }
        let stamps = [
            "2026-03-05T09:30:00",
            "2026-03-05 09:30:00Z",
            "2026-03-05t09:30:00z",
            "2026-03-05T09:30:00+02:00",
            "2026-03-05T09:30:00.Z",
            "2026-03-05T09:30:00.1234567891Z",
            "2026-03-05T23:59:60Z",
            "2026-03-05T24:00:00Z",
            "2026-02-30T09:30:00Z",
            "2026-03-05T09:30Z",
            "2026-03-05",
            "",
        ];
        for s in stamps {
            assert_eq!(stamp(de(s)).map_err(|e| e.to_string()), chrono_stamp(s), "{s:?}");
        }
        for s in ["09:30", "9:30:00", "24:00:00", "09:30:60", "09:30:00.5", "", "09-30-00"] {
            assert_eq!(time(de(s)).map_err(|e| e.to_string()), chrono_time(s), "{s:?}");
        }
    }

    #[test]
    fn optional_dates_read_null_as_none_and_a_wrong_type_as_chrono_says() {
        let none: Option<NaiveDate> = day_opt(serde_json::Value::Null).unwrap();
        assert_eq!(none, None);
        let some = day_opt(serde_json::json!("2026-03-05")).unwrap();
        assert_eq!(some, NaiveDate::from_ymd_opt(2026, 3, 5));
        let stamp_none = stamp_opt(serde_json::Value::Null).unwrap();
        assert_eq!(stamp_none, None);
        let wrong = day(serde_json::json!(20260305)).unwrap_err().to_string();
        let theirs = NaiveDate::deserialize(serde_json::json!(20260305))
            .unwrap_err()
            .to_string();
        assert_eq!(wrong, theirs);
        let wrong = stamp(serde_json::json!(true)).unwrap_err().to_string();
        let theirs = DateTime::<Utc>::deserialize(serde_json::json!(true))
            .unwrap_err()
            .to_string();
        assert_eq!(wrong, theirs);
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn any_moment_the_app_writes_reads_back_the_same_both_ways(
            secs in -62_135_596_800_i64..253_402_300_799,
            nanos in 0_u32..1_000_000_000,
            days in 0_i32..3_652_059,
        ) {
            let t = DateTime::from_timestamp(secs, nanos).unwrap();
            let written = serde_json::to_value(t).unwrap();
            proptest::prop_assert_eq!(stamp(written.clone()).unwrap(), t);
            proptest::prop_assert_eq!(stamp(written.clone()).unwrap(), DateTime::<Utc>::deserialize(written).unwrap());
            let d = NaiveDate::from_num_days_from_ce_opt(days + 1).unwrap();
            let written = serde_json::to_value(d).unwrap();
            proptest::prop_assert_eq!(day(written).unwrap(), d);
            let hms = t.time().with_nanosecond(0).unwrap();
            proptest::prop_assert_eq!(time(serde_json::to_value(hms).unwrap()).unwrap(), hms);
        }

        #[test]
        fn any_short_text_reads_as_chrono_reads_it(s in "[0-9T:Z.+ -]{0,32}") {
            proptest::prop_assert_eq!(day(de(&s)).map_err(|e| e.to_string()), chrono_day(&s));
            proptest::prop_assert_eq!(stamp(de(&s)).map_err(|e| e.to_string()), chrono_stamp(&s));
            proptest::prop_assert_eq!(time(de(&s)).map_err(|e| e.to_string()), chrono_time(&s));
        }

        /// Text shaped like the app's dates and times, digits out of range too (a 13th month,
        /// a 31st of February, hour 24, second 60), fractions of 0 to 11 digits and other
        /// offsets: mostly on the fast path, where it must agree with chrono, refusals included.
        #[test]
        fn date_shaped_text_reads_as_chrono_reads_it(
            s in "[0-9]{4}-[01][0-9]-[0-3][0-9](T[0-2][0-9]:[0-6][0-9]:[0-6][0-9](\\.[0-9]{0,11})?(Z|[+-][01][0-9]:[0-6][0-9])?)?",
            t in "[0-2][0-9]:[0-6][0-9]:[0-6][0-9]",
        ) {
            proptest::prop_assert_eq!(day(de(&s)).map_err(|e| e.to_string()), chrono_day(&s));
            proptest::prop_assert_eq!(stamp(de(&s)).map_err(|e| e.to_string()), chrono_stamp(&s));
            proptest::prop_assert_eq!(time(de(&t)).map_err(|e| e.to_string()), chrono_time(&t));
        }
    }
}
