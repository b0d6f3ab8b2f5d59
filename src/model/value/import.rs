//! CSV import of observations, for figures exported from elsewhere (platform analytics, a
//! survey tool, a spreadsheet).
//!
//! The file has a header row naming its columns, in any order and any letter case:
//! `indicator` (the indicator's name or id), `date` (`YYYY-MM-DD`, or a date-time starting
//! with one) and `value`, and optionally `note` and `source`. Other columns are ignored and
//! listed in the preview. Fields are separated by commas (or semicolons, when the header has
//! no comma), may be quoted with `"` to hold commas, quotes (doubled) and line breaks, and
//! the file may start with a byte order mark.
//!
//! The import is all or nothing: every bad row is reported with its line number and why,
//! and the workspace changes only when there is none. A row identical to an observation
//! already stored is skipped (and counted), so importing an overlapping export twice does
//! not count anything twice.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::super::evaluation::{Indicator, IndicatorKind, Number, Observation};
use super::super::ids::Id;
use super::super::limits::{too_long, LONG_MAX, SHORT_MAX};
use super::super::workspace::{fresh_id, Community, FieldError, ModelError, ModelResult, Timestamp, Workspace};
use super::{fmt_number, parse_date, parse_number};

/// A problem with the file: the line it starts on (1 is the header) and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowProblem {
    pub line: usize,
    pub message: String,
}

impl RowProblem {
    fn new(line: usize, message: impl Into<String>) -> Self {
        RowProblem {
            line,
            message: message.into(),
        }
    }
}

/// One row ready to import.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportRow {
    pub line: usize,
    pub indicator_id: Id,
    pub on: NaiveDate,
    pub value: Option<Number>,
    pub text: String,
    pub source: String,
}

/// What an import will do (or did).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportPreview {
    pub rows: Vec<ImportRow>,
    /// Lines identical to an observation already stored, skipped.
    pub already_recorded: Vec<usize>,
    /// Columns of the header the import does not use.
    pub ignored_columns: Vec<String>,
    /// Per indicator (in the community's order): its name and how many rows it gets.
    pub per_indicator: Vec<(String, usize)>,
}

/// A record of the file with the line it starts on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    pub line: usize,
    pub fields: Vec<String>,
}

/// Splits CSV text into records (RFC 4180 with a choice of separator). Blank lines are
/// skipped. Fails on a quoted field that is never closed or text right after a closing
/// quote.
pub fn parse_csv(text: &str, sep: char) -> Result<Vec<Record>, RowProblem> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    let mut line = 1;
    let mut fields: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut start = 1;
    let mut in_record = false;
    while let Some(ch) = chars.next() {
        if !in_record {
            start = line;
            in_record = true;
        }
        match ch {
            '"' if field.is_empty() => {
                let opened = line;
                loop {
                    match chars.next() {
                        None => {
                            return Err(RowProblem::new(
                                opened,
                                "a quoted field is never closed (a \" is missing)",
                            ))
                        }
                        Some('"') if chars.peek() == Some(&'"') => {
                            chars.next();
                            field.push('"');
                        }
                        Some('"') => break,
                        Some('\r') => {
                            if chars.peek() == Some(&'\n') {
                                chars.next();
                            }
                            line += 1;
                            field.push('\n');
                        }
                        Some('\n') => {
                            line += 1;
                            field.push('\n');
                        }
                        Some(c) => field.push(c),
                    }
                }
                match chars.peek() {
                    None | Some('\r') | Some('\n') => {}
                    Some(c) if *c == sep => {}
                    Some(_) => {
                        return Err(RowProblem::new(line, "unexpected text after a closing quote"));
                    }
                }
            }
            c if c == sep => {
                fields.push(std::mem::take(&mut field));
            }
            '\r' | '\n' => {
                if ch == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                fields.push(std::mem::take(&mut field));
                if !(fields.len() == 1 && fields[0].is_empty()) {
                    out.push(Record {
                        line: start,
                        fields: std::mem::take(&mut fields),
                    });
                }
                fields.clear();
                in_record = false;
                line += 1;
            }
            c => field.push(c),
        }
    }
    if in_record {
        fields.push(field);
        if !(fields.len() == 1 && fields[0].is_empty()) {
            out.push(Record { line: start, fields });
        }
    }
    Ok(out)
}

/// The separator of a file: a comma, or a semicolon when the first line has semicolons and
/// no comma (spreadsheets in locales with a decimal comma write those).
fn separator(text: &str) -> char {
    let first = text.lines().next().unwrap_or("");
    if !first.contains(',') && first.contains(';') {
        ';'
    } else {
        ','
    }
}

#[derive(Clone, Copy)]
enum Col {
    Indicator,
    Date,
    Value,
    Note,
    Source,
}

fn column(name: &str) -> Option<Col> {
    match name.trim().to_lowercase().replace([' ', '-'], "_").as_str() {
        "indicator" | "indicator_id" | "indicator_name" => Some(Col::Indicator),
        "date" | "on" | "day" => Some(Col::Date),
        "value" | "count" => Some(Col::Value),
        "note" | "notes" | "text" | "comment" => Some(Col::Note),
        "source" => Some(Col::Source),
        _ => None,
    }
}

/// A date from a file: `YYYY-MM-DD`, or a date-time that starts with one.
fn file_date(s: &str) -> Option<NaiveDate> {
    let t = s.trim();
    parse_date(t).or_else(|| {
        let (d, rest) = t.split_at_checked(10)?;
        (rest.starts_with('T') || rest.starts_with(' '))
            .then(|| parse_date(d))
            .flatten()
    })
}

fn find_indicator<'a>(c: &'a Community, key: &str) -> Option<&'a Indicator> {
    let k = key.trim();
    let lower = k.to_lowercase();
    c.evaluation.indicators.iter().find(|i| i.id.as_str() == k).or_else(|| {
        c.evaluation
            .indicators
            .iter()
            .find(|i| i.name.trim().to_lowercase() == lower)
    })
}

/// Checks a CSV file of observations for the community: what it would import, or every
/// problem by line. Nothing changes.
pub fn preview_observations_csv(c: &Community, text: &str, today: NaiveDate) -> Result<ImportPreview, Vec<RowProblem>> {
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err(vec![RowProblem::new(1, "the file is empty")]);
    }
    let records = parse_csv(text, separator(text.trim_start_matches('\u{feff}'))).map_err(|p| vec![p])?;
    let Some((header, rows)) = records.split_first() else {
        return Err(vec![RowProblem::new(1, "the file is empty")]);
    };
    let mut problems = Vec::new();
    let mut cols: Vec<Option<Col>> = Vec::new();
    let mut ignored = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, name) in header.fields.iter().enumerate() {
        let key = name.trim().to_lowercase();
        if let Some(first) = seen.get(&key) {
            problems.push(RowProblem::new(
                header.line,
                format!(
                    "the column '{}' appears twice (columns {} and {})",
                    name.trim(),
                    first + 1,
                    i + 1
                ),
            ));
        } else {
            seen.insert(key, i);
        }
        let col = column(name);
        if col.is_none() && !name.trim().is_empty() {
            ignored.push(name.trim().to_string());
        }
        cols.push(col);
    }
    let at = |want: fn(&Col) -> bool| cols.iter().position(|c| c.as_ref().is_some_and(want));
    let (ci, cd, cv) = (
        at(|c| matches!(c, Col::Indicator)),
        at(|c| matches!(c, Col::Date)),
        at(|c| matches!(c, Col::Value)),
    );
    let (cn, cs) = (at(|c| matches!(c, Col::Note)), at(|c| matches!(c, Col::Source)));
    let missing: Vec<&str> = [("indicator", ci), ("date", cd), ("value", cv)]
        .iter()
        .filter(|(_, c)| c.is_none())
        .map(|(n, _)| *n)
        .collect();
    if !missing.is_empty() {
        problems.push(RowProblem::new(
            header.line,
            format!(
                "the header lacks the column{} {} (it needs indicator, date and value)",
                if missing.len() == 1 { "" } else { "s" },
                missing.join(", ")
            ),
        ));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let (ci, cd, cv) = (ci.unwrap_or(0), cd.unwrap_or(0), cv.unwrap_or(0));
    if rows.is_empty() {
        return Err(vec![RowProblem::new(header.line, "the file has a header but no rows")]);
    }
    let mut out = ImportPreview {
        ignored_columns: ignored,
        ..Default::default()
    };
    let mut in_file: HashMap<(Id, NaiveDate), usize> = HashMap::new();
    for r in rows {
        let line = r.line;
        if r.fields.len() != header.fields.len() {
            problems.push(RowProblem::new(
                line,
                format!("has {} fields; the header has {}", r.fields.len(), header.fields.len()),
            ));
            continue;
        }
        let get = |i: usize| r.fields[i].trim().to_string();
        let mut bad = Vec::new();
        let key = get(ci);
        let ind = if key.is_empty() {
            bad.push("the indicator is empty".to_string());
            None
        } else {
            match find_indicator(c, &key) {
                None => {
                    bad.push(format!("no indicator called '{key}' in this community"));
                    None
                }
                Some(i) if i.derived.is_some() => {
                    bad.push(format!(
                        "'{}' is computed from the workspace; its values cannot be imported",
                        i.name
                    ));
                    None
                }
                Some(i) => Some(i),
            }
        };
        let raw_date = get(cd);
        let on = match file_date(&raw_date) {
            None if raw_date.is_empty() => {
                bad.push("the date is empty".into());
                None
            }
            None => {
                bad.push(format!("'{raw_date}' is not a date (use YYYY-MM-DD)"));
                None
            }
            Some(d) if d > today => {
                bad.push(format!("the date {d} is in the future"));
                None
            }
            Some(d) => Some(d),
        };
        let raw_value = get(cv);
        let note = cn.map(get).unwrap_or_default();
        let source = cs.map(get).unwrap_or_default();
        let mut value = None;
        let mut text = note.clone();
        if let Some(i) = ind {
            match i.kind {
                IndicatorKind::Quantitative => match parse_number(&raw_value) {
                    Ok(n) => value = Some(n),
                    Err(_) if raw_value.is_empty() => {
                        bad.push(format!("the value is empty; '{}' needs a number", i.name))
                    }
                    Err(_) => bad.push(format!(
                        "'{raw_value}' is not a number; '{}' needs one (use a point for decimals)",
                        i.name
                    )),
                },
                IndicatorKind::Qualitative => {
                    text = match (raw_value.is_empty(), note.is_empty()) {
                        (true, true) => {
                            bad.push(format!("the value is empty; say what was observed for '{}'", i.name));
                            String::new()
                        }
                        (false, true) => raw_value.clone(),
                        (true, false) => note.clone(),
                        (false, false) => format!("{raw_value} — {note}"),
                    };
                }
            }
        }
        if let Some(m) = too_long(&text, LONG_MAX) {
            bad.push(format!("the note {m}"));
        }
        if let Some(m) = too_long(&source, SHORT_MAX) {
            bad.push(format!("the source {m}"));
        }
        if let (Some(i), Some(on)) = (ind, on) {
            if let Some(first) = in_file.get(&(i.id.clone(), on)) {
                bad.push(format!(
                    "a second row for '{}' on {on} (the first is on line {first})",
                    i.name
                ));
            } else {
                in_file.insert((i.id.clone(), on), line);
            }
            if bad.is_empty() {
                let stored: Vec<_> = c
                    .evaluation
                    .observations
                    .iter()
                    .filter(|o| o.indicator_id == i.id && o.on == on)
                    .collect();
                if stored.iter().any(|o| o.value == value && o.text.trim() == text.trim()) {
                    out.already_recorded.push(line);
                    continue;
                }
                if let Some(o) = stored.first() {
                    let was = o
                        .value
                        .map(|v| fmt_number(v.0))
                        .unwrap_or_else(|| format!("“{}”", o.text));
                    bad.push(format!(
                        "'{}' already has a different observation on {on} ({was}); delete it first or correct the row",
                        i.name
                    ));
                }
            }
        }
        if !bad.is_empty() {
            problems.push(RowProblem::new(line, bad.join("; ")));
            continue;
        }
        if let (Some(i), Some(on)) = (ind, on) {
            out.rows.push(ImportRow {
                line,
                indicator_id: i.id.clone(),
                on,
                value,
                text,
                source,
            });
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    out.per_indicator = c
        .evaluation
        .indicators
        .iter()
        .map(|i| {
            (
                i.name.clone(),
                out.rows.iter().filter(|r| r.indicator_id == i.id).count(),
            )
        })
        .filter(|(_, n)| *n > 0)
        .collect();
    Ok(out)
}

impl Workspace {
    /// Imports a CSV file of observations into a community, all or nothing. `new_id` gives a
    /// fresh id per row. Problems come back as the form error `file`, one per bad row,
    /// "Line 4: ...".
    pub fn import_observations_csv(
        &mut self,
        community: &Id,
        text: &str,
        file_name: &str,
        today: NaiveDate,
        new_id: &mut dyn FnMut() -> Id,
        now: Timestamp,
    ) -> ModelResult<ImportPreview> {
        let c = self
            .community(community)
            .ok_or_else(|| ModelError::NotFound("That community no longer exists".into()))?;
        let preview = preview_observations_csv(c, text, today).map_err(problems_to_error)?;
        if preview.rows.is_empty() {
            return Err(ModelError::Refused(
                "Nothing to import: every row is already recorded".into(),
            ));
        }
        let mut obs = Vec::new();
        for r in &preview.rows {
            let id = new_id();
            fresh_id(self.id_in_use(&id) || obs.iter().any(|o: &Observation| o.id == id), &id)?;
            let from_file = format!("imported from {}", file_name.trim());
            let source = if r.source.is_empty() {
                from_file
            } else {
                format!("{} ({from_file})", r.source)
            };
            obs.push(Observation {
                id,
                indicator_id: r.indicator_id.clone(),
                on: r.on,
                value: r.value,
                text: r.text.clone(),
                source: source.chars().take(SHORT_MAX).collect(),
            });
        }
        self.with_community(community, now, |c| {
            c.evaluation.observations.extend(obs);
            Ok(())
        })?;
        Ok(preview)
    }
}

/// The problems as form errors on the field `file`.
pub fn problems_to_error(problems: Vec<RowProblem>) -> ModelError {
    ModelError::Invalid(
        problems
            .into_iter()
            .map(|p| FieldError::new("file", format!("Line {}: {}", p.line, p.message)))
            .collect(),
    )
}
