//! Time stamps as the sessions write them.

/// The current time as `YYYY-MM-DD HH:MM` in the computer's own time zone: a workshop at 10:00 in
/// Utrecht reads 10:00 in the reports, the file names and the list of past sessions.
pub fn now_stamp() -> String {
    stamp_in(jiff::Timestamp::now(), &jiff::tz::TimeZone::system())
}

/// Formats a moment as `YYYY-MM-DD HH:MM` in a time zone.
pub fn stamp_in(at: jiff::Timestamp, zone: &jiff::tz::TimeZone) -> String {
    at.to_zoned(zone.clone())
        .strftime("%Y-%m-%d %H:%M")
        .to_string()
}

/// Formats seconds since 1970 as `YYYY-MM-DD HH:MM` in UTC (for simulated sessions, which must be the
/// same on every machine).
pub fn stamp_from_unix(secs: u64) -> String {
    let at = i64::try_from(secs)
        .ok()
        .and_then(|s| jiff::Timestamp::from_second(s).ok())
        .unwrap_or(jiff::Timestamp::UNIX_EPOCH);
    stamp_in(at, &jiff::tz::TimeZone::UTC)
}
