#![cfg(not(target_arch = "wasm32"))]
//! The CSV exports of meetings, attendance, indicators and stories, proved natively on the
//! sample workspace: the headers, the number of rows (counted here from the records, not
//! with the export's own count), named cells of known rows, and hostile text (comma, quote,
//! line break, non-ASCII, a leading `=`) read back exactly by an RFC 4180 reader after the
//! leading apostrophe that keeps a spreadsheet from running it.

use chrono::{Datelike, NaiveDate, TimeZone, Utc};
use cultivate::model::csv::{self, Export, Table, BOM};
use cultivate::model::evaluation::{DerivedMeasure, Indicator, IndicatorKind};
use cultivate::model::sample::sample_workspace;
use cultivate::model::*;

/// Comma, quotes, a line break, non-ASCII letters and a formula's leading `=`.
const HOSTILE: &str = "=Zoë «Ñandú», \"quoted\"\nline 2";
/// How a spreadsheet reads [`HOSTILE`] back: as text, behind an apostrophe.
const HOSTILE_READ: &str = "'=Zoë «Ñandú», \"quoted\"\nline 2";
/// How [`HOSTILE`] is written in the file.
const HOSTILE_WRITTEN: &str = "\"'=Zoë «Ñandú», \"\"quoted\"\"\nline 2\"";

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

fn id(s: &str) -> Id {
    Id::new(s)
}

/// Splits a CSV file into records and fields as RFC 4180 reads them, checking the BOM,
/// CRLF record ends and that no bare LF ends a record.
fn parse(csv: &str) -> Vec<Vec<String>> {
    let body = csv.strip_prefix(BOM).expect("starts with the BOM");
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = body.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => {
                assert!(field.is_empty(), "a quote opens a field only at its start");
                quoted = true;
            }
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'), "CR is followed by LF");
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, '\n') => panic!("bare LF outside quotes"),
            (false, c) => field.push(c),
        }
    }
    assert!(!quoted, "every quoted field is closed");
    assert!(field.is_empty() && record.is_empty(), "the last record ends in CRLF");
    records
}

/// The file written and read back: the header and the rows, every record of the header's
/// width, and the rows equal to the table's cells.
fn read_back(t: &Table) -> (Vec<String>, Vec<Vec<String>>) {
    let mut records = parse(&t.to_csv());
    assert!(
        records.iter().all(|r| r.len() == t.columns.len()),
        "every record has the header width"
    );
    let rows = records.split_off(1);
    assert_eq!(rows, t.rows, "the cells read back exactly");
    (records.remove(0), rows)
}

/// A row's cell by column name.
fn cell<'a>(header: &[String], row: &'a [String], column: &str) -> &'a str {
    let i = header
        .iter()
        .position(|h| h == column)
        .unwrap_or_else(|| panic!("no column {column}"));
    &row[i]
}

fn row_with<'a>(header: &[String], rows: &'a [Vec<String>], column: &str, value: &str) -> &'a [String] {
    rows.iter()
        .find(|r| cell(header, r, column) == value)
        .unwrap_or_else(|| panic!("no row with {column} = {value}"))
}

fn community<'a>(ws: &'a Workspace, c: &str) -> &'a Community {
    ws.community(&id(c)).expect("sample community")
}

fn community_mut<'a>(ws: &'a mut Workspace, c: &str) -> &'a mut Community {
    ws.communities
        .iter_mut()
        .find(|x| x.id.as_str() == c)
        .expect("sample community")
}

fn person_name(ws: &Workspace, p: &str) -> String {
    ws.people
        .iter()
        .find(|x| x.id.as_str() == p)
        .expect("sample person")
        .name
        .clone()
}

fn cat(ws: &Workspace, kind: CatalogueKind, entry: &str) -> String {
    ws.catalogues
        .entry(kind, &id(entry))
        .expect("catalogue entry")
        .label
        .clone()
}

// ----- meetings -----

#[test]
fn meetings_give_one_row_per_meeting_with_its_counts() {
    let ws = sample_workspace();
    let t = Export::Meetings.table(&ws);
    let (header, rows) = read_back(&t);
    assert_eq!(
        header,
        [
            "Community",
            "Title",
            "Date",
            "Start time",
            "End time",
            "Duration (minutes)",
            "Agenda (minutes)",
            "Formats",
            "Activity types",
            "Status",
            "Agenda blocks",
            "Attendees",
            "Guests",
            "Harvest items",
            "Follow-ups open",
            "Follow-ups done",
            "Purpose",
            "Location",
            "Record notes",
            "Community id",
            "Meeting id",
        ]
    );
    let meetings: Vec<_> = ws.communities.iter().flat_map(|c| &c.facilitation.meetings).collect();
    assert!(meetings.len() >= 4, "the sample has meetings");
    assert_eq!(rows.len(), meetings.len());
    assert_eq!(Export::Meetings.row_count(&ws), meetings.len());

    let clinic = row_with(&header, &rows, "Meeting id", "mt-s1");
    assert_eq!(cell(&header, clinic, "Community"), community(&ws, "c-security").name);
    assert_eq!(
        cell(&header, clinic, "Title"),
        "Champions' clinic: secrets in pipelines"
    );
    assert_eq!(cell(&header, clinic, "Date"), "2025-12-10");
    assert_eq!(cell(&header, clinic, "Start time"), "14:00");
    assert_eq!(cell(&header, clinic, "End time"), "15:30");
    assert_eq!(cell(&header, clinic, "Duration (minutes)"), "90");
    assert_eq!(cell(&header, clinic, "Agenda (minutes)"), "90");
    let formats: Vec<String> = ["check_in_and_news", "case_clinic", "show_and_tell", "harvest_and_close"]
        .iter()
        .map(|f| cat(&ws, CatalogueKind::MeetingFormats, f))
        .collect();
    assert_eq!(cell(&header, clinic, "Formats"), formats.join("; "));
    assert_eq!(cell(&header, clinic, "Status"), "Recorded");
    assert_eq!(cell(&header, clinic, "Agenda blocks"), "4");
    assert_eq!(cell(&header, clinic, "Attendees"), "6");
    assert_eq!(cell(&header, clinic, "Guests"), "1");
    assert_eq!(cell(&header, clinic, "Harvest items"), "4");
    assert_eq!(cell(&header, clinic, "Follow-ups open"), "2");
    assert_eq!(cell(&header, clinic, "Follow-ups done"), "1");
    assert_eq!(
        cell(&header, clinic, "Location"),
        "https://meet.example.org/security-champions"
    );

    let cafe = row_with(&header, &rows, "Meeting id", "mt-s2");
    assert_eq!(cell(&header, cafe, "Status"), "Designed");
    assert_eq!(cell(&header, cafe, "Attendees"), "0");
    assert_eq!(cell(&header, cafe, "Follow-ups open"), "0");
    // A community's meetings are in date order.
    let security: Vec<&str> = rows
        .iter()
        .filter(|r| cell(&header, r, "Community id") == "c-security")
        .map(|r| cell(&header, r, "Meeting id"))
        .collect();
    assert_eq!(security, ["mt-s1", "mt-s2"]);
}

#[test]
fn a_hostile_meeting_title_and_a_missing_format_are_written_safely() {
    let mut ws = sample_workspace();
    let m = community_mut(&mut ws, "c-security")
        .facilitation
        .meetings
        .iter_mut()
        .find(|m| m.id.as_str() == "mt-s1")
        .expect("meeting");
    m.title = HOSTILE.into();
    m.blocks[0].format_id = Some(id("no-such-format"));
    m.run = None;
    let t = csv::meetings(&ws);
    assert!(
        t.to_csv().contains(HOSTILE_WRITTEN),
        "quoted, quotes doubled, apostrophe first"
    );
    let (header, rows) = read_back(&t);
    let row = row_with(&header, &rows, "Meeting id", "mt-s1");
    assert_eq!(cell(&header, row, "Title"), HOSTILE_READ);
    assert_eq!(
        cell(&header, row, "Formats"),
        ["case_clinic", "show_and_tell", "harvest_and_close"]
            .map(|f| cat(&ws, CatalogueKind::MeetingFormats, f))
            .join("; "),
        "a format that is not in the catalogue is left out, not shown as its id"
    );
}

// ----- attendance -----

#[test]
fn attendance_lists_members_with_their_level_on_the_day_and_guests() {
    let mut ws = sample_workspace();
    // Nadia moves to another level after the clinic: the export gives the level she had on
    // the day of the meeting, not today's.
    let clinic_day = d(2025, 12, 10);
    let levels: Vec<Id> = ws
        .catalogues
        .get(CatalogueKind::ParticipationLevels)
        .iter()
        .map(|e| e.id.clone())
        .collect();
    let ms = community_mut(&mut ws, "c-security")
        .memberships
        .iter_mut()
        .find(|m| m.person_id.as_str() == "p-nadia")
        .expect("Nadia is a member");
    let then = ms
        .history
        .iter()
        .rev()
        .find(|h| h.on <= clinic_day)
        .expect("a member before the clinic")
        .to_level_id
        .clone();
    let later = levels.iter().find(|l| **l != then).expect("another level").clone();
    ms.history.push(LevelChange {
        on: d(2026, 1, 5),
        from_level_id: Some(ms.level_id.clone()),
        to_level_id: later.clone(),
        reason: String::new(),
    });
    ms.level_id = later;
    assert!(validate_workspace(&ws).is_empty(), "{:?}", validate_workspace(&ws));

    let t = Export::Attendance.table(&ws);
    let (header, rows) = read_back(&t);
    assert_eq!(
        header,
        [
            "Community",
            "Meeting",
            "Date",
            "Name",
            "Attended as",
            "Email",
            "Organisation",
            "Level on the day",
            "Community id",
            "Meeting id",
            "Person id",
        ]
    );
    let expected: usize = ws
        .communities
        .iter()
        .flat_map(|c| &c.facilitation.meetings)
        .filter_map(|m| m.record.as_ref())
        .map(|r| r.attendee_ids.len() + r.guests.len())
        .sum();
    assert_eq!(expected, 6 + 1 + 3, "the sample's clinic and peer circle");
    assert_eq!(rows.len(), expected);
    assert_eq!(Export::Attendance.row_count(&ws), expected);

    let nadia = rows
        .iter()
        .find(|r| cell(&header, r, "Person id") == "p-nadia" && cell(&header, r, "Meeting id") == "mt-s1")
        .expect("Nadia at the clinic");
    assert_eq!(cell(&header, nadia, "Name"), person_name(&ws, "p-nadia"));
    assert_eq!(cell(&header, nadia, "Attended as"), "Member");
    assert_eq!(cell(&header, nadia, "Date"), "2025-12-10");
    assert_eq!(
        cell(&header, nadia, "Meeting"),
        "Champions' clinic: secrets in pipelines"
    );
    assert_eq!(
        cell(&header, nadia, "Level on the day"),
        ws.catalogues.label(CatalogueKind::ParticipationLevels, &then)
    );
    let p = ws.people.iter().find(|p| p.id.as_str() == "p-nadia").expect("Nadia");
    assert_eq!(cell(&header, nadia, "Email"), p.email);

    let guest = row_with(&header, &rows, "Name", "Priya Raman (cloud platform team)");
    assert_eq!(cell(&header, guest, "Attended as"), "Guest");
    assert_eq!(cell(&header, guest, "Meeting id"), "mt-s1");
    assert_eq!(cell(&header, guest, "Email"), "");
    assert_eq!(cell(&header, guest, "Level on the day"), "");
    assert_eq!(cell(&header, guest, "Person id"), "");
}

#[test]
fn hostile_names_and_a_missing_person_are_written_safely_in_attendance() {
    let mut ws = sample_workspace();
    ws.people
        .iter_mut()
        .find(|p| p.id.as_str() == "p-kofi")
        .expect("Kofi")
        .name = HOSTILE.into();
    let rec = community_mut(&mut ws, "c-negotiators")
        .facilitation
        .meetings
        .iter_mut()
        .find(|m| m.id.as_str() == "mt-n1")
        .and_then(|m| m.record.as_mut())
        .expect("the peer circle's record");
    rec.guests.push(format!("{HOSTILE} (guest)"));
    rec.attendee_ids.push(id("p-gone"));
    let t = csv::attendance(&ws);
    let (header, rows) = read_back(&t);
    let kofi = row_with(&header, &rows, "Person id", "p-kofi");
    assert_eq!(cell(&header, kofi, "Name"), HOSTILE_READ);
    let guest = rows
        .iter()
        .find(|r| cell(&header, r, "Attended as") == "Guest" && cell(&header, r, "Meeting id") == "mt-n1")
        .expect("the guest row");
    assert_eq!(cell(&header, guest, "Name"), format!("{HOSTILE_READ} (guest)"));
    let gone = row_with(&header, &rows, "Person id", "p-gone");
    assert_eq!(
        cell(&header, gone, "Name"),
        "",
        "an unknown person has no name, not a panic"
    );
    assert_eq!(cell(&header, gone, "Level on the day"), "");
}

// ----- indicators -----

/// The rows a computed indicator has, counted from the records: one per recorded meeting
/// for attendance; one per month from the first to the last dated record for the others.
fn computed_rows(c: &Community, m: DerivedMeasure) -> usize {
    let recorded = || c.facilitation.meetings.iter().filter(|mt| mt.record.is_some());
    let dates: Vec<NaiveDate> = match m {
        DerivedMeasure::Attendance => return recorded().count(),
        DerivedMeasure::ActiveMembers => recorded().map(|mt| mt.on).collect(),
        DerivedMeasure::RepertoireItemsAdded => c.practice.iter().map(|r| r.added_on).collect(),
        DerivedMeasure::FollowUpsDone => recorded()
            .flat_map(|mt| mt.record.as_ref().into_iter().flat_map(|r| &r.follow_ups))
            .filter_map(|f| f.done_on)
            .collect(),
        DerivedMeasure::MovesTowardsCore => panic!("not in the sample"),
    };
    match (dates.iter().min(), dates.iter().max()) {
        (Some(a), Some(b)) => ((b.year() * 12 + b.month() as i32) - (a.year() * 12 + a.month() as i32) + 1) as usize,
        _ => 0,
    }
}

#[test]
fn indicators_give_one_row_per_observation_and_computed_value() {
    let ws = sample_workspace();
    let t = Export::Indicators.table(&ws);
    let (header, rows) = read_back(&t);
    assert_eq!(
        header,
        [
            "Community",
            "Plan period",
            "Indicator",
            "Value cycle",
            "Kind",
            "Unit",
            "Target",
            "Date",
            "Value",
            "Note",
            "Source",
            "Entered how",
            "Community id",
            "Indicator id",
            "Observation id",
        ]
    );
    let mut expected = 0;
    for c in &ws.communities {
        for i in &c.evaluation.indicators {
            let stored = c
                .evaluation
                .observations
                .iter()
                .filter(|o| o.indicator_id == i.id)
                .count();
            let computed = i.derived.map_or(0, |m| computed_rows(c, m));
            expected += (stored + computed).max(1);
        }
    }
    assert!(expected >= 20, "the sample has indicators with observations");
    assert_eq!(rows.len(), expected);
    assert_eq!(Export::Indicators.row_count(&ws), expected);

    // An indicator entered by hand: its observations by date, in its plan's period.
    let useful: Vec<&Vec<String>> = rows
        .iter()
        .filter(|r| cell(&header, r, "Indicator id") == "ind-n-useful")
        .collect();
    assert_eq!(
        useful.iter().map(|r| cell(&header, r, "Value")).collect::<Vec<_>>(),
        ["72", "78", "85", "81"]
    );
    let nov = useful[2];
    assert_eq!(cell(&header, nov, "Community"), community(&ws, "c-negotiators").name);
    assert_eq!(cell(&header, nov, "Plan period"), "2025-07-01 to 2026-06-30");
    assert_eq!(cell(&header, nov, "Indicator"), "Sessions rated useful");
    assert_eq!(
        cell(&header, nov, "Value cycle"),
        cat(&ws, CatalogueKind::ValueCycles, "immediate")
    );
    assert_eq!(cell(&header, nov, "Kind"), "Quantitative");
    assert_eq!(cell(&header, nov, "Unit"), "%");
    assert_eq!(cell(&header, nov, "Target"), "80");
    assert_eq!(cell(&header, nov, "Date"), "2025-11-30");
    assert_eq!(cell(&header, nov, "Note"), "Two new members joined the circle");
    assert_eq!(cell(&header, nov, "Source"), "Pulse survey, November");
    assert_eq!(cell(&header, nov, "Entered how"), "Entered by hand");
    assert_eq!(cell(&header, nov, "Observation id"), "obs-n-u3");

    // A qualitative one: no value, the observation in words.
    let briefing = row_with(&header, &rows, "Observation id", "obs-n-b1");
    assert_eq!(cell(&header, briefing, "Value"), "");
    assert_eq!(cell(&header, briefing, "Kind"), "Qualitative");
    assert!(cell(&header, briefing, "Note").starts_with("Heads of mission"));

    // A computed one: one row per recorded meeting, members and guests counted.
    let clinic = row_with(&header, &rows, "Indicator id", "ind-s-attendance");
    assert_eq!(cell(&header, clinic, "Date"), "2025-12-10");
    assert_eq!(cell(&header, clinic, "Value"), "7");
    assert_eq!(cell(&header, clinic, "Note"), "Champions' clinic: secrets in pipelines");
    assert_eq!(cell(&header, clinic, "Entered how"), "Computed");
    assert_eq!(cell(&header, clinic, "Observation id"), "");
    assert_eq!(
        cell(&header, clinic, "Plan period"),
        "",
        "the security plan does not collect attendance"
    );
    let done = row_with(&header, &rows, "Indicator id", "ind-n-follow-ups");
    assert_eq!(
        (cell(&header, done, "Date"), cell(&header, done, "Value")),
        ("2026-01-31", "1")
    );
}

#[test]
fn an_indicator_without_observations_has_one_row_and_hostile_text_is_safe() {
    let mut ws = sample_workspace();
    let ev = &mut community_mut(&mut ws, "c-negotiators").evaluation;
    ev.indicators.push(Indicator {
        id: id("ind-hostile"),
        cycle_id: id("no-such-cycle"),
        name: HOSTILE.into(),
        unit: "-".into(),
        kind: IndicatorKind::Quantitative,
        source: String::new(),
        target: None,
        derived: None,
        description: String::new(),
    });
    let obs = ev
        .observations
        .iter_mut()
        .find(|o| o.id.as_str() == "obs-n-c2")
        .expect("observation");
    obs.text = HOSTILE.into();
    obs.value = evaluation::Number::new(-2.5);
    let t = csv::indicators(&ws);
    let (header, rows) = read_back(&t);
    let lone: Vec<_> = rows
        .iter()
        .filter(|r| cell(&header, r, "Indicator id") == "ind-hostile")
        .collect();
    assert_eq!(lone.len(), 1);
    let lone = lone[0];
    assert_eq!(cell(&header, lone, "Indicator"), HOSTILE_READ);
    assert_eq!(
        cell(&header, lone, "Value cycle"),
        "",
        "a missing cycle is empty, not its id"
    );
    assert_eq!(cell(&header, lone, "Unit"), "'-");
    for column in [
        "Date",
        "Value",
        "Note",
        "Source",
        "Entered how",
        "Observation id",
        "Plan period",
    ] {
        assert_eq!(cell(&header, lone, column), "", "{column}");
    }
    let obs = row_with(&header, &rows, "Observation id", "obs-n-c2");
    assert_eq!(cell(&header, obs, "Note"), HOSTILE_READ);
    assert_eq!(cell(&header, obs, "Value"), "-2.5", "a number is written as a number");
}

#[test]
fn imported_observations_say_so() {
    let mut ws = sample_workspace();
    let today = d(2026, 1, 12);
    let mut n = 0;
    let mut new_id = || {
        n += 1;
        Id::new(format!("imp-{n}"))
    };
    let t0 = Utc.with_ymd_and_hms(2026, 1, 12, 10, 0, 0).single().expect("time");
    ws.import_observations_csv(
        &id("c-negotiators"),
        "indicator,date,value,note\nind-n-useful,2026-01-10,90,\"Zoë, «Ñandú»\"\n",
        "pulse.csv",
        today,
        &mut new_id,
        t0,
    )
    .expect("imported");
    let (header, rows) = read_back(&csv::indicators(&ws));
    let row = row_with(&header, &rows, "Observation id", "imp-1");
    assert_eq!(cell(&header, row, "Entered how"), "Imported from CSV");
    assert_eq!(cell(&header, row, "Note"), "Zoë, «Ñandú»");
    assert_eq!(cell(&header, row, "Value"), "90");
    assert_eq!(cell(&header, row, "Date"), "2026-01-10");
}

// ----- stories -----

#[test]
fn stories_have_a_column_per_value_cycle_and_keep_every_consent_level() {
    let ws = sample_workspace();
    let t = Export::Stories.table(&ws);
    let (header, rows) = read_back(&t);
    let mut expected_header: Vec<String> = [
        "Community",
        "Title",
        "Teller",
        "Told on",
        "Status",
        "Follow up on",
        "Starts in",
        "Cycles",
    ]
    .map(String::from)
    .to_vec();
    let cycles: Vec<String> = ws
        .catalogues
        .get(CatalogueKind::ValueCycles)
        .iter()
        .map(|e| e.label.clone())
        .collect();
    assert_eq!(cycles.len(), 8, "the value-creation cycles of the catalogue");
    expected_header.extend(cycles.iter().cloned());
    expected_header.extend(
        [
            "Verification",
            "Consent",
            "Meetings",
            "Repertoire items",
            "Indicators",
            "Community id",
            "Story id",
        ]
        .map(String::from),
    );
    assert_eq!(header, expected_header);
    let stories: usize = ws.communities.iter().map(|c| c.evaluation.stories.len()).sum();
    assert_eq!(stories, 5, "four negotiators' stories and one security story");
    assert_eq!(rows.len(), stories);
    assert_eq!(Export::Stories.row_count(&ws), stories);

    let grid = row_with(&header, &rows, "Story id", "story-n-grid");
    assert_eq!(
        cell(&header, grid, "Title"),
        "The planning grid at the northern checkpoint"
    );
    assert_eq!(cell(&header, grid, "Teller"), person_name(&ws, "p-ivan"));
    assert_eq!(cell(&header, grid, "Told on"), "2025-12-18");
    assert_eq!(cell(&header, grid, "Status"), "Realised");
    assert_eq!(cell(&header, grid, "Starts in"), cycles[0]);
    assert_eq!(cell(&header, grid, "Cycles"), cycles[..4].join("; "));
    assert!(cell(&header, grid, &cycles[2]).starts_with("I filled in the grid with my team"));
    assert_eq!(cell(&header, grid, &cycles[4]), "", "no transformative step");
    assert_eq!(cell(&header, grid, "Verification"), "Corroborated");
    assert_eq!(cell(&header, grid, "Consent"), "Shareable in the organisation");
    assert_eq!(cell(&header, grid, "Meetings"), "Peer circle: access at checkpoints");
    let r_n1 = &community(&ws, "c-negotiators")
        .practice
        .iter()
        .find(|r| r.id.as_str() == "r-n1")
        .expect("r-n1")
        .title;
    assert_eq!(cell(&header, grid, "Repertoire items"), r_n1.as_str());
    assert_eq!(
        cell(&header, grid, "Indicators"),
        "Days of humanitarian access gained; Planning grid used before negotiations"
    );

    let call = row_with(&header, &rows, "Story id", "story-n-call");
    assert_eq!(cell(&header, call, "Teller"), "A field coordinator (guest)");
    assert_eq!(cell(&header, call, "Consent"), "Public");
    let river = row_with(&header, &rows, "Story id", "story-n-river");
    assert_eq!(
        cell(&header, river, "Consent"),
        "Private to the community",
        "private stories are exported, marked"
    );
    assert_eq!(cell(&header, river, "Starts in"), cycles[2]);
    let convoy = row_with(&header, &rows, "Story id", "story-n-convoy");
    assert_eq!(cell(&header, convoy, "Status"), "Aspirational");
    assert_eq!(cell(&header, convoy, "Follow up on"), "2026-01-05");
    assert!(Export::Stories.description().contains("Consent column"));
}

#[test]
fn hostile_story_text_a_renamed_cycle_and_dangling_links_are_written_safely() {
    let mut ws = sample_workspace();
    let immediate = ws
        .catalogues
        .get(CatalogueKind::ValueCycles)
        .first()
        .expect("a cycle")
        .id
        .clone();
    ws.catalogues.get_mut(CatalogueKind::ValueCycles)[0].label = "=Immediate, «value»".into();
    let s = community_mut(&mut ws, "c-negotiators")
        .evaluation
        .stories
        .iter_mut()
        .find(|s| s.id.as_str() == "story-n-call")
        .expect("story");
    s.title = HOSTILE.into();
    s.teller_name = HOSTILE.into();
    s.steps
        .iter_mut()
        .find(|st| st.cycle_id == immediate)
        .expect("step")
        .text = HOSTILE.into();
    s.meeting_ids = vec![id("no-such-meeting"), id("mt-n1")];
    s.teller_id = Some(id("p-gone"));
    let t = csv::stories(&ws);
    assert!(t.to_csv().contains(HOSTILE_WRITTEN));
    let (header, rows) = read_back(&t);
    assert!(
        header.contains(&"'=Immediate, «value»".to_string()),
        "the header is neutralised too"
    );
    let row = row_with(&header, &rows, "Story id", "story-n-call");
    assert_eq!(cell(&header, row, "Title"), HOSTILE_READ);
    assert_eq!(
        cell(&header, row, "Teller"),
        HOSTILE_READ,
        "an unknown teller id falls back to the name"
    );
    assert_eq!(cell(&header, row, "'=Immediate, «value»"), HOSTILE_READ);
    assert_eq!(cell(&header, row, "Meetings"), "Peer circle: access at checkpoints");
    assert!(cell(&header, row, "Cycles").starts_with("'=Immediate, «value»; "));
}

// ----- the download list -----

#[test]
fn the_exports_are_grouped_under_headings_in_the_order_of_all() {
    let groups = Export::groups();
    assert_eq!(
        groups.iter().map(|(g, _)| *g).collect::<Vec<_>>(),
        ["People and communities", "Activities and meetings", "Evaluation"]
    );
    let flat: Vec<Export> = groups.iter().flat_map(|(_, e)| e.iter().copied()).collect();
    assert_eq!(flat, Export::ALL);
    let mut keys: Vec<&str> = Export::ALL.iter().map(|e| e.key()).collect();
    keys.sort_unstable();
    keys.dedup();
    assert_eq!(keys.len(), Export::ALL.len(), "file names differ");
}
