//! CSV exports for spreadsheet users: one table per kind of record, written so that Excel,
//! LibreOffice, Numbers and Google Sheets all open it as the same rows and columns.
//!
//! The format (RFC 4180, with two additions for spreadsheets):
//! - Fields are separated by commas and records end with CRLF (`\r\n`), the line end
//!   RFC 4180 prescribes.
//! - A field is quoted when it contains a comma, a double quote, a CR or an LF (or starts or
//!   ends with a space, which some programs would trim); a double quote inside a quoted field
//!   is doubled. A line break typed into a note stays inside its cell.
//! - The file is UTF-8 and starts with a byte order mark (U+FEFF, the bytes EF BB BF).
//!   Excel on Windows opens a `.csv` without a BOM in the computer's legacy code page
//!   (Windows-1252 in much of Europe and America), which turns "Zoë" into "ZoÃ«" and
//!   "Łukasz" into mojibake; with the BOM it reads UTF-8. The other programs accept the BOM.
//! - A text cell that starts with `=`, `+`, `-`, `@`, a tab or a CR gets a leading
//!   apostrophe, so a spreadsheet never runs something typed into the app (or merged from a
//!   participant's file) as a formula (OWASP "CSV injection"). Dates, times, numbers and
//!   ids are written as they are.
//!
//! Each export is a variant of [`Export`] and one function building its [`Table`]; adding an
//! export (meetings and attendance, indicators and observations, stories) is one variant and
//! one function.

use std::borrow::Cow;

use super::catalogue::CatalogueKind;
use super::ids::Id;
use super::rhythm::{repeat_label, schedule_label};
use super::workspace::Workspace;

/// The byte order mark every file starts with (see the module documentation for why).
pub const BOM: char = '\u{feff}';
/// The line end of every record, header included.
pub const CRLF: &str = "\r\n";
/// The MIME type to download the files with.
pub const MIME: &str = "text/csv;charset=utf-8";
/// Joins several values in one cell ("Facilitator; Coordinator").
pub const LIST_SEPARATOR: &str = "; ";

/// A table to write: a header row and rows of the same length.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    pub columns: Vec<&'static str>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new(columns: &[&'static str]) -> Self {
        Table {
            columns: columns.to_vec(),
            rows: Vec::new(),
        }
    }

    /// Adds a row; a short row is padded with empty cells and a long one cut to the header,
    /// so every record has the same number of fields.
    pub fn push(&mut self, mut row: Vec<String>) {
        row.resize(self.columns.len(), String::new());
        self.rows.push(row);
    }

    /// The whole file: BOM, header, rows, each record ending in CRLF.
    pub fn to_csv(&self) -> String {
        let mut out = String::new();
        out.push(BOM);
        write_record(&mut out, self.columns.iter().copied());
        for row in &self.rows {
            write_record(&mut out, row.iter().map(String::as_str));
        }
        out
    }
}

fn write_record<'a>(out: &mut String, fields: impl Iterator<Item = &'a str>) {
    for (i, f) in fields.enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&field(f));
    }
    out.push_str(CRLF);
}

/// One field as RFC 4180 writes it: as it is, or in double quotes with inner quotes doubled
/// when it holds a comma, a quote, a CR or an LF, or starts or ends with a space.
pub fn field(value: &str) -> Cow<'_, str> {
    let needs_quotes = value.contains([',', '"', '\r', '\n']) || value.starts_with(' ') || value.ends_with(' ');
    if needs_quotes {
        Cow::Owned(format!("\"{}\"", value.replace('"', "\"\"")))
    } else {
        Cow::Borrowed(value)
    }
}

/// A cell of free text: as typed, except that a leading `=`, `+`, `-`, `@`, tab or CR gets
/// an apostrophe in front, so a spreadsheet shows it as text instead of running it.
pub fn text(value: &str) -> String {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_string()
    }
}

/// The exports on offer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Export {
    People,
    Memberships,
    Activities,
}

impl Export {
    pub const ALL: [Export; 3] = [Export::People, Export::Memberships, Export::Activities];

    /// The file-name part: `cultivate-<workspace>-<key>-<date>.csv`.
    pub fn key(self) -> &'static str {
        match self {
            Export::People => "people",
            Export::Memberships => "members",
            Export::Activities => "activities",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Export::People => "People",
            Export::Memberships => "Members per community",
            Export::Activities => "Planned activities",
        }
    }

    /// What one row is, for the download list.
    pub fn description(self) -> &'static str {
        match self {
            Export::People => "One row per person: contact details, organisation and the communities they belong to.",
            Export::Memberships => {
                "One row per membership: community, person, participation level, roles and leadership groups, dates."
            }
            Export::Activities => {
                "One row per activity of each community's rhythm planner: schedule, format and place."
            }
        }
    }

    pub fn table(self, ws: &Workspace) -> Table {
        match self {
            Export::People => people(ws),
            Export::Memberships => memberships(ws),
            Export::Activities => activities(ws),
        }
    }

    /// Rows the export would have now (for "12 rows" next to the button).
    pub fn row_count(self, ws: &Workspace) -> usize {
        match self {
            Export::People => ws.people.len(),
            Export::Memberships => ws.communities.iter().map(|c| c.memberships.len()).sum(),
            Export::Activities => ws.communities.iter().map(|c| c.cultivation.activities.len()).sum(),
        }
    }
}

fn organisation_name(ws: &Workspace, id: Option<&Id>) -> String {
    id.and_then(|id| ws.organisations.iter().find(|o| &o.id == id))
        .map(|o| text(&o.name))
        .unwrap_or_default()
}

fn labels(ws: &Workspace, kind: CatalogueKind, ids: &[Id]) -> String {
    let all: Vec<String> = ids.iter().map(|id| ws.catalogues.label(kind, id)).collect();
    text(&all.join(LIST_SEPARATOR))
}

/// Everyone in the workspace, in the order they were added.
pub fn people(ws: &Workspace) -> Table {
    let mut t = Table::new(&[
        "Name",
        "Email",
        "Organisation",
        "Title",
        "Communities",
        "Notes",
        "Person id",
    ]);
    for p in &ws.people {
        let communities: Vec<&str> = ws
            .communities
            .iter()
            .filter(|c| c.memberships.iter().any(|m| m.person_id == p.id))
            .map(|c| c.name.as_str())
            .collect();
        t.push(vec![
            text(&p.name),
            text(&p.email),
            organisation_name(ws, p.organisation_id.as_ref()),
            text(&p.title),
            text(&communities.join(LIST_SEPARATOR)),
            text(&p.notes),
            p.id.to_string(),
        ]);
    }
    t
}

/// Every membership, community by community.
pub fn memberships(ws: &Workspace) -> Table {
    let mut t = Table::new(&[
        "Community",
        "Name",
        "Email",
        "Organisation",
        "Level",
        "Roles",
        "Leadership groups",
        "Joined on",
        "At this level since",
        "Community id",
        "Person id",
    ]);
    for c in &ws.communities {
        for m in &c.memberships {
            let person = ws.people.iter().find(|p| p.id == m.person_id);
            let since = m.history.last().map(|h| h.on).unwrap_or(m.joined_on);
            t.push(vec![
                text(&c.name),
                person.map(|p| text(&p.name)).unwrap_or_default(),
                person.map(|p| text(&p.email)).unwrap_or_default(),
                organisation_name(ws, person.and_then(|p| p.organisation_id.as_ref())),
                text(&ws.catalogues.label(CatalogueKind::ParticipationLevels, &m.level_id)),
                labels(ws, CatalogueKind::Roles, &m.role_ids),
                labels(ws, CatalogueKind::LeadershipGroups, &m.leadership_group_ids),
                m.joined_on.to_string(),
                since.to_string(),
                c.id.to_string(),
                m.person_id.to_string(),
            ]);
        }
    }
    t
}

/// Every activity of the rhythm planners, community by community.
pub fn activities(ws: &Workspace) -> Table {
    let mut t = Table::new(&[
        "Community",
        "Title",
        "Type",
        "First date",
        "Start time",
        "Duration (minutes)",
        "Repeats",
        "Until",
        "Schedule",
        "Feel",
        "Mode",
        "Location",
        "Notes",
        "Community id",
        "Activity id",
    ]);
    for c in &ws.communities {
        for a in &c.cultivation.activities {
            t.push(vec![
                text(&c.name),
                text(&a.title),
                a.activity_type_id
                    .as_ref()
                    .map(|id| text(&ws.catalogues.label(CatalogueKind::ActivityTypes, id)))
                    .unwrap_or_default(),
                a.starts_on.to_string(),
                a.start_time.format("%H:%M").to_string(),
                a.duration_minutes.to_string(),
                repeat_label(a.repeat, a.starts_on),
                a.until.map(|d| d.to_string()).unwrap_or_default(),
                schedule_label(a),
                a.feel.label().to_string(),
                a.mode.label().to_string(),
                text(&a.location),
                text(&a.notes),
                c.id.to_string(),
                a.id.to_string(),
            ]);
        }
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::sample::sample_workspace;

    fn body(csv: &str) -> &str {
        csv.strip_prefix(BOM).expect("starts with the BOM")
    }

    #[test]
    fn plain_fields_are_written_as_they_are() {
        assert_eq!(field("Amara Okafor"), "Amara Okafor");
        assert_eq!(field(""), "");
        assert!(matches!(field("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn a_comma_quotes_the_field() {
        assert_eq!(field("Okafor, Amara"), "\"Okafor, Amara\"");
    }

    #[test]
    fn a_quote_is_doubled_inside_quotes() {
        assert_eq!(field(r#"The "harbour" group"#), r#""The ""harbour"" group""#);
        assert_eq!(field("\""), "\"\"\"\"");
    }

    #[test]
    fn line_breaks_stay_inside_a_quoted_field() {
        assert_eq!(field("line one\nline two"), "\"line one\nline two\"");
        assert_eq!(field("line one\r\nline two"), "\"line one\r\nline two\"");
        assert_eq!(field("cr\ronly"), "\"cr\ronly\"");
    }

    #[test]
    fn leading_or_trailing_spaces_are_kept_by_quoting() {
        assert_eq!(field(" padded "), "\" padded \"");
        assert_eq!(field("inner space"), "inner space");
    }

    #[test]
    fn non_ascii_names_are_written_unchanged_in_utf8_after_a_bom() {
        let mut t = Table::new(&["Name"]);
        for name in ["Zoë Müller", "Łukasz Żółć", "Ngozi Ọkọnkwọ", "李小龍", "Ólafur 🌱"] {
            t.push(vec![text(name)]);
        }
        let csv = t.to_csv();
        assert!(csv.as_bytes().starts_with(&[0xEF, 0xBB, 0xBF]), "UTF-8 BOM first");
        assert_eq!(
            body(&csv),
            "Name\r\nZoë Müller\r\nŁukasz Żółć\r\nNgozi Ọkọnkwọ\r\n李小龍\r\nÓlafur 🌱\r\n"
        );
    }

    #[test]
    fn every_record_ends_in_crlf_and_none_has_a_bare_lf_outside_quotes() {
        let mut t = Table::new(&["A", "B"]);
        t.push(vec!["1".into(), "two\nlines".into()]);
        t.push(vec!["3".into(), "4".into()]);
        assert_eq!(body(&t.to_csv()), "A,B\r\n1,\"two\nlines\"\r\n3,4\r\n");
    }

    #[test]
    fn a_whole_record_mixes_the_cases() {
        let mut t = Table::new(&["Name", "Notes", "Email"]);
        t.push(vec![
            text("Dr. Ana \"Ani\" García, PhD"),
            text("Met at the café;\nfollow up"),
            text("ana@example.org"),
        ]);
        assert_eq!(
            body(&t.to_csv()),
            "Name,Notes,Email\r\n\"Dr. Ana \"\"Ani\"\" García, PhD\",\"Met at the café;\nfollow up\",ana@example.org\r\n"
        );
    }

    #[test]
    fn rows_are_padded_or_cut_to_the_header() {
        let mut t = Table::new(&["A", "B", "C"]);
        t.push(vec!["1".into()]);
        t.push(vec!["1".into(), "2".into(), "3".into(), "4".into()]);
        assert_eq!(body(&t.to_csv()), "A,B,C\r\n1,,\r\n1,2,3\r\n");
    }

    #[test]
    fn formulas_are_neutralised_in_text_cells() {
        assert_eq!(text("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
        assert_eq!(text("+1 555"), "'+1 555");
        assert_eq!(text("-3"), "'-3");
        assert_eq!(text("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(text("\tx"), "'\tx");
        assert_eq!(text("a=b"), "a=b");
        assert_eq!(text(""), "");
        // Quoting still applies to the neutralised text.
        assert_eq!(field(&text("=1,2")), "\"'=1,2\"");
    }

    /// Splits a CSV body into records and fields the way a spreadsheet reads it (RFC 4180),
    /// so the tests check what a user would see, not only the bytes.
    fn parse(csv: &str) -> Vec<Vec<String>> {
        let mut records = Vec::new();
        let mut record = Vec::new();
        let mut field = String::new();
        let mut chars = body(csv).chars().peekable();
        let mut quoted = false;
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => field.push(c),
                (false, '"') => quoted = true,
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
        assert!(field.is_empty() && record.is_empty(), "the last record ends in CRLF");
        records
    }

    #[test]
    fn the_exports_of_the_sample_read_back_as_rows_of_the_header_width() {
        let ws = sample_workspace();
        for export in Export::ALL {
            let t = export.table(&ws);
            assert_eq!(t.rows.len(), export.row_count(&ws), "{export:?}");
            assert!(!t.rows.is_empty(), "{export:?} has rows in the sample");
            let records = parse(&t.to_csv());
            assert_eq!(records.len(), t.rows.len() + 1, "{export:?}");
            assert!(records.iter().all(|r| r.len() == t.columns.len()), "{export:?}");
            assert_eq!(records[0], t.columns.iter().map(|c| c.to_string()).collect::<Vec<_>>());
            assert_eq!(&records[1..], &t.rows[..], "{export:?} reads back exactly");
        }
    }

    #[test]
    fn people_lists_contact_details_and_communities() {
        let mut ws = sample_workspace();
        let p = &mut ws.people[0];
        p.name = "Zoë \"Z\" Okafor, Jr.".into();
        p.notes = "=cmd|' /C calc'!A0\nsecond line".into();
        let id = p.id.clone();
        let t = people(&ws);
        let row = t
            .rows
            .iter()
            .find(|r| r[6] == id.to_string())
            .expect("row of the person");
        assert_eq!(row[0], "Zoë \"Z\" Okafor, Jr.");
        assert_eq!(row[5], "'=cmd|' /C calc'!A0\nsecond line");
        let expected: Vec<&str> = ws
            .communities
            .iter()
            .filter(|c| c.memberships.iter().any(|m| m.person_id == id))
            .map(|c| c.name.as_str())
            .collect();
        assert_eq!(row[4], expected.join(LIST_SEPARATOR));
        let records = parse(&t.to_csv());
        assert!(records.iter().any(|r| r[0] == "Zoë \"Z\" Okafor, Jr."));
    }

    #[test]
    fn memberships_name_levels_roles_and_dates() {
        let ws = sample_workspace();
        let t = memberships(&ws);
        let c = &ws.communities[0];
        let m = &c.memberships[0];
        let row = t
            .rows
            .iter()
            .find(|r| r[9] == c.id.to_string() && r[10] == m.person_id.to_string())
            .expect("row of the first membership");
        assert_eq!(row[0], c.name);
        assert_eq!(
            row[4],
            ws.catalogues.label(CatalogueKind::ParticipationLevels, &m.level_id)
        );
        assert_eq!(row[7], m.joined_on.format("%Y-%m-%d").to_string());
        assert_eq!(
            t.rows.len(),
            ws.communities.iter().map(|c| c.memberships.len()).sum::<usize>()
        );
    }

    #[test]
    fn activities_give_iso_dates_times_and_minutes() {
        let ws = sample_workspace();
        let t = activities(&ws);
        let (c, a) = ws
            .communities
            .iter()
            .find_map(|c| c.cultivation.activities.first().map(|a| (c, a)))
            .expect("the sample plans activities");
        let row = t.rows.iter().find(|r| r[14] == a.id.to_string()).expect("row");
        assert_eq!(row[0], c.name);
        assert_eq!(row[3], a.starts_on.format("%Y-%m-%d").to_string());
        assert_eq!(row[4], a.start_time.format("%H:%M").to_string());
        assert_eq!(row[5], a.duration_minutes.to_string());
    }

    #[test]
    fn an_empty_workspace_gives_headers_only() {
        let ws = Workspace::new(Id::new("w"), "Empty", chrono::DateTime::default());
        for export in Export::ALL {
            let csv = export.table(&ws).to_csv();
            assert_eq!(parse(&csv).len(), 1, "{export:?}");
            assert!(csv.ends_with(CRLF));
        }
    }
}
