//! The sponsor report: for one community or across the portfolio, for a period and an
//! audience. It holds highlights, the value-creation matrix, the indicators' charts, the
//! selected stories, the gaps and next steps, and the latest reflection if asked for.
//!
//! Consent is applied here, in the model: a story appears (by title, text or name) only
//! when its consent is at least as wide as the report's audience, whatever the selection
//! says. Stories left out are counted, never described.
//!
//! [`render_markdown`] and [`render_html`] write the report as text. The HTML is one
//! self-contained file: inline CSS (print styles included), SVG charts with tables of their
//! values, no scripts, a Content-Security-Policy that forbids any, and every text from the
//! workspace escaped.

use chrono::NaiveDate;

use super::super::catalogue::CatalogueKind;
use super::super::evaluation::{Consent, IndicatorKind, StoryStatus, Verification};
use super::super::ids::Id;
use super::super::workspace::{Community, Workspace};
use super::chart::{layout, ChartLayout, HEIGHT, WIDTH};
use super::derived::{on_target, series, Point};
use super::matrix::{value_matrix, Matrix};
use super::{fmt_number, with_unit};

/// One community, or every community of the workspace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReportScope {
    Community(Id),
    Portfolio,
}

/// What the report covers and who may read it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportOptions {
    pub audience: Consent,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The stories chosen for the report; `None` takes every story the audience may read.
    /// A chosen story the audience may not read is left out all the same.
    pub story_ids: Option<Vec<Id>>,
    /// Whether the latest reflection is included.
    pub include_reflection: bool,
}

/// An indicator's chart data.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartData {
    pub indicator_id: Id,
    pub name: String,
    pub cycle: String,
    pub unit: String,
    pub qualitative: bool,
    /// "Computed from the workspace" or the indicator's source.
    pub source: String,
    pub target: Option<f64>,
    pub points: Vec<Point>,
    /// The period's figure in words.
    pub figure: String,
    pub on_target: Option<bool>,
    pub notes: Vec<(NaiveDate, String)>,
}

impl ChartData {
    pub fn layout(&self, from: NaiveDate, to: NaiveDate) -> ChartLayout {
        layout(&self.points, self.target, &self.unit, from, to)
    }
}

/// A story as the report tells it.
#[derive(Clone, Debug, PartialEq)]
pub struct StoryDigest {
    pub id: Id,
    pub title: String,
    pub teller: String,
    pub told_on: NaiveDate,
    pub status: StoryStatus,
    pub verification: Verification,
    pub consent: Consent,
    pub follow_up_on: Option<NaiveDate>,
    /// (cycle label, text), in the cycles' order; the start cycle is marked by `start`.
    pub steps: Vec<(String, String)>,
    pub start: String,
    pub meetings: Vec<String>,
    pub repertoire: Vec<String>,
    pub indicators: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ReflectionDigest {
    pub on: NaiveDate,
    pub achieved: String,
    pub challenges: String,
    pub decisions: String,
    pub stage: Option<String>,
}

/// One community's part of the report.
#[derive(Clone, Debug, PartialEq)]
pub struct CommunitySection {
    pub id: Id,
    pub name: String,
    pub stage: String,
    pub highlights: Vec<String>,
    pub matrix: Matrix,
    pub charts: Vec<ChartData>,
    pub stories: Vec<StoryDigest>,
    pub gaps: Vec<String>,
    pub next_steps: Vec<String>,
    pub reflection: Option<ReflectionDigest>,
    /// Stories of the period the audience may not read.
    pub withheld_stories: usize,
}

/// The whole report.
#[derive(Clone, Debug, PartialEq)]
pub struct SponsorReport {
    pub title: String,
    pub workspace: String,
    pub audience: Consent,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub generated_on: NaiveDate,
    pub portfolio: bool,
    pub sections: Vec<CommunitySection>,
    /// Portfolio only: communities with no evaluation records at all, by name.
    pub without_records: Vec<String>,
    /// The cycles' labels, for the portfolio overview's columns.
    pub cycles: Vec<String>,
}

impl SponsorReport {
    /// A file name stem: "value-report-frontline-negotiators-circle-2026-11-28".
    pub fn file_stem(&self) -> String {
        let name = if self.portfolio || self.sections.len() != 1 {
            "portfolio".to_string()
        } else {
            slug(&self.sections[0].name)
        };
        format!("value-report-{name}-{}", self.generated_on)
    }
}

fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.to_lowercase().chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let t = out.trim_matches('-');
    if t.is_empty() {
        "community".into()
    } else {
        t.chars().take(60).collect()
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Builds the report for `scope`. `today` dates it.
pub fn build_report(ws: &Workspace, scope: &ReportScope, opts: &ReportOptions, today: NaiveDate) -> SponsorReport {
    let communities: Vec<&Community> = match scope {
        ReportScope::Community(id) => ws.community(id).into_iter().collect(),
        ReportScope::Portfolio => ws.communities.iter().collect(),
    };
    let portfolio = matches!(scope, ReportScope::Portfolio);
    let mut without_records = Vec::new();
    let mut sections = Vec::new();
    for c in communities {
        let ev = &c.evaluation;
        if portfolio
            && ev.indicators.is_empty()
            && ev.stories.is_empty()
            && ev.plans.is_empty()
            && ev.reflections.is_empty()
        {
            without_records.push(c.name.clone());
            continue;
        }
        sections.push(section(ws, c, opts));
    }
    let title = match (portfolio, sections.first()) {
        (false, Some(s)) => format!("Value created by {}", s.name),
        _ => format!("Value created across {}", ws.name),
    };
    SponsorReport {
        title,
        workspace: ws.name.clone(),
        audience: opts.audience,
        from: opts.from,
        to: opts.to,
        generated_on: today,
        portfolio,
        sections,
        without_records,
        cycles: ws
            .catalogues
            .get(CatalogueKind::ValueCycles)
            .iter()
            .map(|e| e.label.clone())
            .collect(),
    }
}

fn section(ws: &Workspace, c: &Community, opts: &ReportOptions) -> CommunitySection {
    let cats = &ws.catalogues;
    let ev = &c.evaluation;
    let (from, to) = (opts.from, opts.to);
    let in_period = |d: NaiveDate| d >= from && d <= to;
    let readable: Vec<_> = ev
        .stories
        .iter()
        .filter(|s| in_period(s.told_on) && s.consent.allows(opts.audience))
        .collect();
    let chosen: Vec<_> = readable
        .iter()
        .filter(|s| opts.story_ids.as_ref().is_none_or(|ids| ids.contains(&s.id)))
        .copied()
        .collect();
    let mut matrix = value_matrix(cats, c, from, to, opts.audience);
    // The matrix shows the chosen stories only, so that the report never cites a story it
    // does not tell.
    for row in &mut matrix.rows {
        row.stories.retain(|s| chosen.iter().any(|x| x.id == s.id));
    }
    let withheld_stories = ev
        .stories
        .iter()
        .filter(|s| in_period(s.told_on) && !s.consent.allows(opts.audience))
        .count();
    matrix.withheld_stories = withheld_stories;

    let charts: Vec<ChartData> = {
        let mut inds: Vec<_> = ev.indicators.iter().collect();
        inds.sort_by_key(|i| super::cycle_rank(cats, &i.cycle_id));
        inds.into_iter()
            .map(|i| {
                let s = series(cats, c, i, from, to);
                ChartData {
                    indicator_id: i.id.clone(),
                    name: i.name.clone(),
                    cycle: cats.label(CatalogueKind::ValueCycles, &i.cycle_id),
                    unit: i.unit.clone(),
                    qualitative: i.kind == IndicatorKind::Qualitative,
                    source: if i.derived.is_some() {
                        "Computed from the workspace".into()
                    } else {
                        i.source.clone()
                    },
                    target: i.target.map(|t| t.0),
                    figure: if s.has_data() {
                        s.figure_text(&i.unit)
                    } else {
                        "no data in this period".into()
                    },
                    on_target: on_target(i, &s),
                    points: s.points,
                    notes: s.notes,
                }
            })
            .collect()
    };

    let stories: Vec<StoryDigest> = {
        let mut list = chosen.clone();
        list.sort_by_key(|s| std::cmp::Reverse(s.told_on));
        list.into_iter()
            .map(|s| StoryDigest {
                id: s.id.clone(),
                title: s.title.clone(),
                teller: match &s.teller_id {
                    Some(p) => ws.person_name(p),
                    None => s.teller_name.clone(),
                },
                told_on: s.told_on,
                status: s.status,
                verification: s.verification,
                consent: s.consent,
                follow_up_on: s.follow_up_on,
                steps: s
                    .steps
                    .iter()
                    .map(|st| (cats.label(CatalogueKind::ValueCycles, &st.cycle_id), st.text.clone()))
                    .collect(),
                start: cats.label(CatalogueKind::ValueCycles, &s.start_cycle_id),
                meetings: s
                    .meeting_ids
                    .iter()
                    .filter_map(|m| c.facilitation.meetings.iter().find(|x| &x.id == m))
                    .map(|m| format!("{} ({})", m.title, m.on))
                    .collect(),
                repertoire: s
                    .repertoire_item_ids
                    .iter()
                    .filter_map(|r| c.practice.iter().find(|x| &x.id == r))
                    .map(|r| r.title.clone())
                    .collect(),
                indicators: s
                    .indicator_ids
                    .iter()
                    .filter_map(|i| ev.indicators.iter().find(|x| &x.id == i))
                    .map(|i| i.name.clone())
                    .collect(),
            })
            .collect()
    };

    // Highlights: what happened, in figures a sponsor can read at a glance.
    let mut highlights = Vec::new();
    let held: Vec<_> = c
        .facilitation
        .meetings
        .iter()
        .filter(|m| in_period(m.on))
        .filter_map(|m| m.record.as_ref())
        .collect();
    if !held.is_empty() {
        let people: usize = held
            .iter()
            .map(|r| r.attendee_ids.len() + r.guests.iter().filter(|g| !g.trim().is_empty()).count())
            .sum();
        let harvest: usize = held.iter().map(|r| r.harvest.len()).sum();
        highlights.push(format!(
            "{} recorded, with {} in all and {} harvested.",
            plural(held.len(), "meeting", "meetings"),
            plural(people, "attendance", "attendances"),
            plural(harvest, "insight or resource", "insights and resources")
        ));
    }
    if !chosen.is_empty() {
        let realised = chosen.iter().filter(|s| s.status == StoryStatus::Realised).count();
        let corroborated = chosen
            .iter()
            .filter(|s| s.verification == Verification::Corroborated)
            .count();
        highlights.push(format!(
            "{} in this report: {} realised, {} aspirational; {} corroborated.",
            plural(chosen.len(), "value-creation story", "value-creation stories"),
            realised,
            chosen.len() - realised,
            corroborated
        ));
    }
    for ch in charts.iter().filter(|ch| ch.on_target == Some(true)) {
        highlights.push(format!(
            "{} reached its target: {} against {}.",
            ch.name,
            ch.figure,
            with_unit(ch.target.unwrap_or_default(), &ch.unit)
        ));
    }
    let with = matrix.cycles_with_evidence();
    highlights.push(format!("Evidence in {with} of the {} value cycles.", matrix.rows.len()));

    let gaps: Vec<String> = matrix.gaps().map(|(r, g)| g.message(&r.label)).collect();
    let mut next_steps: Vec<String> = matrix.gaps().map(|(r, g)| g.next_step(&r.label)).collect();
    for s in chosen.iter().filter(|s| s.status == StoryStatus::Aspirational) {
        if let Some(f) = s.follow_up_on {
            next_steps.push(format!("Follow up the story “{}” by {f}.", s.title));
        }
    }
    let private_due = ev
        .stories
        .iter()
        .filter(|s| {
            s.status == StoryStatus::Aspirational && !chosen.iter().any(|x| x.id == s.id) && s.follow_up_on.is_some()
        })
        .count();
    if private_due > 0 {
        next_steps.push(format!(
            "Follow up {} not shown in this report.",
            plural(private_due, "more aspirational story", "more aspirational stories")
        ));
    }
    for ch in charts.iter().filter(|ch| ch.on_target == Some(false)) {
        next_steps.push(format!(
            "{}: {} against a target of {}.",
            ch.name,
            ch.figure,
            with_unit(ch.target.unwrap_or_default(), &ch.unit)
        ));
    }

    let reflection = if opts.include_reflection {
        super::ops::latest_reflection(c).map(|r| ReflectionDigest {
            on: r.on,
            achieved: r.achieved.clone(),
            challenges: r.challenges.clone(),
            decisions: r.decisions.clone(),
            stage: r
                .stage_id
                .as_ref()
                .map(|s| cats.label(CatalogueKind::LifecycleStages, s)),
        })
    } else {
        None
    };

    CommunitySection {
        id: c.id.clone(),
        name: c.name.clone(),
        stage: cats.label(CatalogueKind::LifecycleStages, &c.lifecycle_stage_id),
        highlights,
        matrix,
        charts,
        stories,
        gaps,
        next_steps,
        reflection,
        withheld_stories,
    }
}

// ----- Markdown -----

/// Escapes text for Markdown: characters that would start formatting, a link, a table
/// cell or raw HTML are backslash-escaped, so text from the workspace reads as typed.
pub fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for line in s.lines() {
        if !out.is_empty() {
            out.push('\n');
        }
        let trimmed = line.trim_start();
        let lead = &line[..line.len() - trimmed.len()];
        out.push_str(lead);
        // A line that would start a list, a heading or a quote.
        let mut chars = trimmed.chars().peekable();
        if matches!(trimmed.chars().next(), Some('-' | '+' | '=' | '>')) {
            out.push('\\');
        } else {
            let digits: String = trimmed.chars().take_while(|c| c.is_ascii_digit()).collect();
            if !digits.is_empty() && matches!(trimmed[digits.len()..].chars().next(), Some('.' | ')')) {
                out.push_str(&digits);
                out.push('\\');
                for _ in 0..digits.len() {
                    chars.next();
                }
            }
        }
        for c in chars {
            if matches!(
                c,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' | '!' | '&'
            ) {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

/// One line of text for a table cell or a list item: line breaks become spaces.
fn md_inline(s: &str) -> String {
    md_escape(&s.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// The report as Markdown.
pub fn render_markdown(r: &SponsorReport) -> String {
    let mut o = String::new();
    let line = |o: &mut String, s: &str| {
        o.push_str(s);
        o.push('\n');
    };
    line(&mut o, &format!("# {}", md_inline(&r.title)));
    line(&mut o, "");
    line(
        &mut o,
        &format!(
            "Period {} to {} · Audience: {} · Prepared on {} with Cultivate from the workspace “{}”.",
            r.from,
            r.to,
            r.audience.audience_label(),
            r.generated_on,
            md_inline(&r.workspace)
        ),
    );
    line(&mut o, "");
    line(&mut o, "Value is followed across the value-creation cycles (Wenger-Trayner value-creation framework): indicators give breadth, stories show how activities led to results.");
    if r.portfolio {
        line(&mut o, "");
        line(&mut o, "## Portfolio overview");
        line(&mut o, "");
        line(&mut o, "Cycles with evidence in the period, per community.");
        line(&mut o, "");
        let mut head = String::from("| Community |");
        let mut rule = String::from("|---|");
        for c in &r.cycles {
            head.push_str(&format!(" {} |", md_inline(c)));
            rule.push_str("---|");
        }
        line(&mut o, &head);
        line(&mut o, &rule);
        for s in &r.sections {
            let mut row = format!("| {} |", md_inline(&s.name));
            for mr in &s.matrix.rows {
                row.push_str(if mr.has_evidence() { " yes |" } else { " — |" });
            }
            line(&mut o, &row);
        }
        if !r.without_records.is_empty() {
            line(&mut o, "");
            line(
                &mut o,
                &format!(
                    "No evaluation records yet: {}.",
                    r.without_records
                        .iter()
                        .map(|n| md_inline(n))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            );
        }
    }
    for s in &r.sections {
        let h = "##";
        let sub = if r.portfolio { "###" } else { "##" };
        if r.portfolio {
            line(&mut o, "");
            line(&mut o, &format!("{h} {} ({})", md_inline(&s.name), md_inline(&s.stage)));
        }
        line(&mut o, "");
        line(&mut o, &format!("{sub} Highlights"));
        line(&mut o, "");
        for hl in &s.highlights {
            line(&mut o, &format!("- {}", md_inline(hl)));
        }
        line(&mut o, "");
        line(&mut o, &format!("{sub} Value-creation matrix"));
        line(&mut o, "");
        line(&mut o, "| Cycle | Aspiration | Indicators | Stories | Gaps |");
        line(&mut o, "|---|---|---|---|---|");
        for mr in &s.matrix.rows {
            let asp = mr
                .aspiration
                .as_ref()
                .map(|a| md_inline(&a.text))
                .unwrap_or_else(|| "—".into());
            let inds = if mr.indicators.is_empty() {
                "—".to_string()
            } else {
                mr.indicators
                    .iter()
                    .map(|i| format!("{}: {}", md_inline(&i.name), md_inline(&i.figure)))
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            let sts = if mr.stories.is_empty() {
                "—".to_string()
            } else {
                mr.stories
                    .iter()
                    .map(|st| {
                        format!(
                            "{}{}",
                            md_inline(&st.title),
                            if st.intended { " (intended)" } else { "" }
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            let gaps = if mr.gaps.is_empty() {
                "—".to_string()
            } else {
                mr.gaps
                    .iter()
                    .map(|g| md_inline(&g.message(&mr.label)))
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            line(
                &mut o,
                &format!("| {} | {asp} | {inds} | {sts} | {gaps} |", md_inline(&mr.label)),
            );
        }
        if s.withheld_stories > 0 {
            line(&mut o, "");
            line(
                &mut o,
                &format!(
                    "{} of this period {} not shown: {} consent does not extend to this audience.",
                    plural(s.withheld_stories, "story", "stories"),
                    if s.withheld_stories == 1 { "is" } else { "are" },
                    if s.withheld_stories == 1 { "its" } else { "their" }
                ),
            );
        }
        if !s.charts.is_empty() {
            line(&mut o, "");
            line(&mut o, &format!("{sub} Indicators"));
            for ch in &s.charts {
                line(&mut o, "");
                line(
                    &mut o,
                    &format!(
                        "**{}** ({}) — {}",
                        md_inline(&ch.name),
                        md_inline(&ch.cycle),
                        md_inline(&ch.figure)
                    ),
                );
                let mut about = Vec::new();
                if let Some(t) = ch.target {
                    about.push(format!("target {}", md_inline(&with_unit(t, &ch.unit))));
                }
                if !ch.source.trim().is_empty() {
                    about.push(format!("source: {}", md_inline(&ch.source)));
                }
                if !about.is_empty() {
                    line(&mut o, "");
                    line(&mut o, &about.join(" · "));
                }
                if !ch.points.is_empty() {
                    line(&mut o, "");
                    line(&mut o, "| Date | Value | What |");
                    line(&mut o, "|---|---|---|");
                    for p in &ch.points {
                        line(
                            &mut o,
                            &format!(
                                "| {} | {} | {} |",
                                p.on,
                                md_inline(&with_unit(p.value, &ch.unit)),
                                md_inline(&p.label)
                            ),
                        );
                    }
                }
                for (d, t) in &ch.notes {
                    if ch.qualitative {
                        line(&mut o, "");
                        line(&mut o, &format!("- {d}: {}", md_inline(t)));
                    }
                }
            }
        }
        line(&mut o, "");
        line(&mut o, &format!("{sub} Value-creation stories"));
        if s.stories.is_empty() {
            line(&mut o, "");
            line(&mut o, "No stories are selected for this report.");
        }
        for st in &s.stories {
            line(&mut o, "");
            line(&mut o, &format!("{}# {}", sub, md_inline(&st.title)));
            line(&mut o, "");
            let mut meta = format!(
                "Told by {} on {} · {} · {} · {} · starts in {}",
                md_inline(&st.teller),
                st.told_on,
                st.status.label(),
                st.verification.label(),
                st.consent.label(),
                md_inline(&st.start)
            );
            if let (StoryStatus::Aspirational, Some(f)) = (st.status, st.follow_up_on) {
                meta.push_str(&format!(" · follow up by {f}"));
            }
            line(&mut o, &meta);
            for (cycle, text) in &st.steps {
                line(&mut o, "");
                line(
                    &mut o,
                    &format!("*{}.* {}", md_inline(cycle), md_escape(text).replace('\n', "  \n")),
                );
            }
            let links = [
                ("Came from", &st.meetings),
                ("Used", &st.repertoire),
                ("Evidence", &st.indicators),
            ];
            for (what, list) in links {
                if !list.is_empty() {
                    line(&mut o, "");
                    line(
                        &mut o,
                        &format!(
                            "{what}: {}",
                            list.iter().map(|x| md_inline(x)).collect::<Vec<_>>().join("; ")
                        ),
                    );
                }
            }
        }
        if !s.gaps.is_empty() {
            line(&mut o, "");
            line(&mut o, &format!("{sub} Gaps"));
            line(&mut o, "");
            for g in &s.gaps {
                line(&mut o, &format!("- {}", md_inline(g)));
            }
        }
        if !s.next_steps.is_empty() {
            line(&mut o, "");
            line(&mut o, &format!("{sub} Next steps"));
            line(&mut o, "");
            for n in &s.next_steps {
                line(&mut o, &format!("- {}", md_inline(n)));
            }
        }
        if let Some(rf) = &s.reflection {
            line(&mut o, "");
            line(&mut o, &format!("{sub} Reflection of {}", rf.on));
            for (what, text) in [
                ("What we have achieved", &rf.achieved),
                ("Challenges ahead", &rf.challenges),
                ("Decisions", &rf.decisions),
            ] {
                if !text.trim().is_empty() {
                    line(&mut o, "");
                    line(&mut o, &format!("*{what}.* {}", md_escape(text).replace('\n', "  \n")));
                }
            }
        }
    }
    o
}

// ----- HTML -----

/// Escapes text for HTML content and attribute values.
pub fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Escaped text with its line breaks kept.
fn html_text(s: &str) -> String {
    html_escape(s.trim()).replace('\n', "<br>")
}

const CSS: &str = r#"
:root{--ink:#1d2521;--muted:#55605a;--line:#cfd8d2;--accent:#2f6b4f;--gap:#8a3b12;--soft:#f2f6f3}
*{box-sizing:border-box}
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);margin:0;background:#fff}
main{max-width:60rem;margin:0 auto;padding:2rem 1.25rem 4rem}
h1{font-size:1.9rem;line-height:1.2;margin:0 0 .5rem}
h2{font-size:1.4rem;margin:2.2rem 0 .6rem;border-bottom:2px solid var(--accent);padding-bottom:.2rem}
h3{font-size:1.15rem;margin:1.6rem 0 .4rem}
h4{font-size:1rem;margin:1.2rem 0 .3rem}
.meta,.muted{color:var(--muted)}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.92rem}
th,td{border:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}
thead th{background:var(--soft)}
.gap{color:var(--gap);font-weight:600}
.yes{color:var(--accent);font-weight:600}
.chart{margin:.75rem 0 1.25rem;break-inside:avoid}
.chart svg{width:100%;max-width:560px;height:auto;display:block}
.story{border-left:4px solid var(--accent);padding:.2rem 0 .2rem 1rem;margin:1rem 0;break-inside:avoid}
.story dt{font-weight:600;margin-top:.4rem}
.story dd{margin:0 0 .2rem}
.tag{display:inline-block;border:1px solid var(--line);border-radius:999px;padding:0 .5rem;font-size:.8rem;margin-right:.25rem}
.note{background:var(--soft);padding:.6rem .8rem;border-radius:6px}
footer{margin-top:3rem;font-size:.85rem;color:var(--muted)}
@media print{
  @page{size:A4;margin:16mm 14mm}
  body{font-size:11pt}
  main{max-width:none;padding:0}
  h2{break-after:avoid}
  h3,h4{break-after:avoid}
  table,tr{break-inside:avoid}
  a{color:inherit;text-decoration:none}
}
"#;

fn svg_chart(ch: &ChartData, from: NaiveDate, to: NaiveDate, id: &str) -> String {
    let l = ch.layout(from, to);
    let (x0, y0, x1, y1) = l.plot;
    let mut s = format!(
        "<svg viewBox=\"0 0 {WIDTH} {HEIGHT}\" role=\"img\" aria-labelledby=\"{id}-t\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"{id}-t\">{}</title>",
        html_escape(&format!("{}: {} (the table below lists the values)", ch.name, ch.figure))
    );
    for (y, label) in &l.y_ticks {
        s.push_str(&format!(
            "<line x1=\"{x0}\" x2=\"{x1}\" y1=\"{y:.1}\" y2=\"{y:.1}\" stroke=\"#dde4df\"/><text x=\"{}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"end\" fill=\"#55605a\">{}</text>",
            x0 - 6.0,
            y + 4.0,
            html_escape(label)
        ));
    }
    s.push_str(&format!(
        "<line x1=\"{x0}\" x2=\"{x1}\" y1=\"{y1}\" y2=\"{y1}\" stroke=\"#55605a\"/>"
    ));
    for (i, (x, label)) in l.x_ticks.iter().enumerate() {
        let anchor = if i == 0 { "start" } else { "end" };
        s.push_str(&format!(
            "<text x=\"{x:.1}\" y=\"{}\" font-size=\"11\" text-anchor=\"{anchor}\" fill=\"#55605a\">{}</text>",
            y1 + 18.0,
            html_escape(label)
        ));
    }
    if let Some((ty, label)) = &l.target {
        s.push_str(&format!(
            "<line x1=\"{x0}\" x2=\"{x1}\" y1=\"{ty:.1}\" y2=\"{ty:.1}\" stroke=\"#8a3b12\" stroke-dasharray=\"6 4\" stroke-width=\"1.5\"/><text x=\"{x1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"end\" fill=\"#8a3b12\">{}</text>",
            ty - 5.0,
            html_escape(label)
        ));
    }
    if l.points.len() > 1 {
        s.push_str(&format!(
            "<polyline points=\"{}\" fill=\"none\" stroke=\"#2f6b4f\" stroke-width=\"2\"/>",
            l.polyline()
        ));
    }
    for (x, y, tip) in &l.points {
        s.push_str(&format!(
            "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"4\" fill=\"#2f6b4f\"><title>{}</title></circle>",
            html_escape(tip)
        ));
    }
    let _ = y0;
    s.push_str("</svg>");
    s
}

/// The report as one self-contained HTML file.
pub fn render_html(r: &SponsorReport) -> String {
    let e = html_escape;
    let mut o = String::new();
    o.push_str("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    o.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n");
    o.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    o.push_str(&format!(
        "<title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n",
        e(&r.title)
    ));
    o.push_str(&format!("<h1>{}</h1>\n", e(&r.title)));
    o.push_str(&format!(
        "<p class=\"meta\">Period {} to {} · Audience: <strong>{}</strong> · Prepared on {} with Cultivate from the workspace “{}”.</p>\n",
        r.from,
        r.to,
        e(r.audience.audience_label()),
        r.generated_on,
        e(&r.workspace)
    ));
    o.push_str("<p>Value is followed across the value-creation cycles (Wenger-Trayner value-creation framework): indicators give breadth, stories show how activities led to results.</p>\n");
    if r.portfolio {
        o.push_str("<h2>Portfolio overview</h2>\n<p class=\"muted\">Cycles with evidence in the period, per community.</p>\n<table>\n<thead><tr><th scope=\"col\">Community</th>");
        for c in &r.cycles {
            o.push_str(&format!("<th scope=\"col\">{}</th>", e(c)));
        }
        o.push_str("</tr></thead>\n<tbody>\n");
        for s in &r.sections {
            o.push_str(&format!("<tr><th scope=\"row\">{}</th>", e(&s.name)));
            for mr in &s.matrix.rows {
                o.push_str(if mr.has_evidence() {
                    "<td class=\"yes\">yes</td>"
                } else {
                    "<td>—</td>"
                });
            }
            o.push_str("</tr>\n");
        }
        o.push_str("</tbody>\n</table>\n");
        if !r.without_records.is_empty() {
            o.push_str(&format!(
                "<p class=\"muted\">No evaluation records yet: {}.</p>\n",
                r.without_records.iter().map(|n| e(n)).collect::<Vec<_>>().join(", ")
            ));
        }
    }
    for (si, s) in r.sections.iter().enumerate() {
        let (h, sub) = if r.portfolio { ("h2", "h3") } else { ("h2", "h2") };
        let item = if r.portfolio { "h4" } else { "h3" };
        if r.portfolio {
            o.push_str(&format!(
                "<{h}>{} <span class=\"muted\">({})</span></{h}>\n",
                e(&s.name),
                e(&s.stage)
            ));
        }
        o.push_str(&format!("<{sub}>Highlights</{sub}>\n<ul>\n"));
        for hl in &s.highlights {
            o.push_str(&format!("<li>{}</li>\n", e(hl)));
        }
        o.push_str("</ul>\n");
        o.push_str(&format!("<{sub}>Value-creation matrix</{sub}>\n<table>\n<thead><tr><th scope=\"col\">Cycle</th><th scope=\"col\">Aspiration</th><th scope=\"col\">Indicators</th><th scope=\"col\">Stories</th><th scope=\"col\">Gaps</th></tr></thead>\n<tbody>\n"));
        for mr in &s.matrix.rows {
            let asp = mr.aspiration.as_ref().map(|a| {
                let who = if a.stakeholders.trim().is_empty() {
                    String::new()
                } else {
                    format!("<br><span class=\"muted\">For {}</span>", e(&a.stakeholders))
                };
                format!("{}{who}", html_text(&a.text))
            });
            let inds = mr
                .indicators
                .iter()
                .map(|i| format!("{}: {}", e(&i.name), e(&i.figure)))
                .collect::<Vec<_>>()
                .join("<br>");
            let sts = mr
                .stories
                .iter()
                .map(|st| {
                    format!(
                        "{}{}",
                        e(&st.title),
                        if st.intended {
                            " <span class=\"muted\">(intended)</span>"
                        } else {
                            ""
                        }
                    )
                })
                .collect::<Vec<_>>()
                .join("<br>");
            let gaps = mr
                .gaps
                .iter()
                .map(|g| e(&g.message(&mr.label)))
                .collect::<Vec<_>>()
                .join("<br>");
            let dash = |s: String| if s.is_empty() { "—".to_string() } else { s };
            o.push_str(&format!(
                "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td><td class=\"gap\">{}</td></tr>\n",
                e(&mr.label),
                dash(asp.unwrap_or_default()),
                dash(inds),
                dash(sts),
                gaps
            ));
        }
        o.push_str("</tbody>\n</table>\n");
        if s.withheld_stories > 0 {
            o.push_str(&format!(
                "<p class=\"note\">{} of this period {} not shown: {} consent does not extend to this audience.</p>\n",
                e(&plural(s.withheld_stories, "story", "stories")),
                if s.withheld_stories == 1 { "is" } else { "are" },
                if s.withheld_stories == 1 { "its" } else { "their" }
            ));
        }
        if !s.charts.is_empty() {
            o.push_str(&format!("<{sub}>Indicators</{sub}>\n"));
            for (ci, ch) in s.charts.iter().enumerate() {
                o.push_str(&format!(
                    "<div class=\"chart\">\n<{item}>{} <span class=\"muted\">· {}</span></{item}>\n<p>{}",
                    e(&ch.name),
                    e(&ch.cycle),
                    e(&ch.figure)
                ));
                if let Some(t) = ch.target {
                    o.push_str(&format!(" · target {}", e(&with_unit(t, &ch.unit))));
                }
                if !ch.source.trim().is_empty() {
                    o.push_str(&format!(" · <span class=\"muted\">source: {}</span>", e(&ch.source)));
                }
                o.push_str("</p>\n");
                if !ch.qualitative && !ch.points.is_empty() {
                    o.push_str(&svg_chart(ch, r.from, r.to, &format!("c{si}-{ci}")));
                    o.push_str("\n<table>\n<caption class=\"muted\">Values</caption>\n<thead><tr><th scope=\"col\">Date</th><th scope=\"col\">Value</th><th scope=\"col\">What</th></tr></thead>\n<tbody>\n");
                    for p in &ch.points {
                        o.push_str(&format!(
                            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                            p.on,
                            e(&with_unit(p.value, &ch.unit)),
                            e(&p.label)
                        ));
                    }
                    o.push_str("</tbody>\n</table>\n");
                }
                if ch.qualitative && !ch.notes.is_empty() {
                    o.push_str("<ul>\n");
                    for (d, t) in &ch.notes {
                        o.push_str(&format!("<li><strong>{d}</strong>: {}</li>\n", html_text(t)));
                    }
                    o.push_str("</ul>\n");
                }
                o.push_str("</div>\n");
            }
        }
        o.push_str(&format!("<{sub}>Value-creation stories</{sub}>\n"));
        if s.stories.is_empty() {
            o.push_str("<p class=\"muted\">No stories are selected for this report.</p>\n");
        }
        for st in &s.stories {
            o.push_str(&format!(
                "<article class=\"story\">\n<{item}>{}</{item}>\n<p class=\"meta\">Told by {} on {}",
                e(&st.title),
                e(&st.teller),
                st.told_on
            ));
            if let (StoryStatus::Aspirational, Some(f)) = (st.status, st.follow_up_on) {
                o.push_str(&format!(" · follow up by {f}"));
            }
            o.push_str("</p>\n<p>");
            for t in [st.status.label(), st.verification.label(), st.consent.label()] {
                o.push_str(&format!("<span class=\"tag\">{}</span>", e(t)));
            }
            o.push_str(&format!(
                "<span class=\"tag\">starts in {}</span></p>\n<dl>\n",
                e(&st.start)
            ));
            for (cycle, text) in &st.steps {
                o.push_str(&format!("<dt>{}</dt><dd>{}</dd>\n", e(cycle), html_text(text)));
            }
            for (what, list) in [
                ("Came from", &st.meetings),
                ("Used", &st.repertoire),
                ("Evidence", &st.indicators),
            ] {
                if !list.is_empty() {
                    o.push_str(&format!(
                        "<dt>{what}</dt><dd>{}</dd>\n",
                        list.iter().map(|x| e(x)).collect::<Vec<_>>().join("; ")
                    ));
                }
            }
            o.push_str("</dl>\n</article>\n");
        }
        if !s.gaps.is_empty() {
            o.push_str(&format!("<{sub}>Gaps</{sub}>\n<ul>\n"));
            for g in &s.gaps {
                o.push_str(&format!("<li>{}</li>\n", e(g)));
            }
            o.push_str("</ul>\n");
        }
        if !s.next_steps.is_empty() {
            o.push_str(&format!("<{sub}>Next steps</{sub}>\n<ul>\n"));
            for n in &s.next_steps {
                o.push_str(&format!("<li>{}</li>\n", e(n)));
            }
            o.push_str("</ul>\n");
        }
        if let Some(rf) = &s.reflection {
            o.push_str(&format!("<{sub}>Reflection of {}</{sub}>\n<dl>\n", rf.on));
            for (what, text) in [
                ("What we have achieved", &rf.achieved),
                ("Challenges ahead", &rf.challenges),
                ("Decisions", &rf.decisions),
            ] {
                if !text.trim().is_empty() {
                    o.push_str(&format!(
                        "<dt><strong>{what}</strong></dt><dd>{}</dd>\n",
                        html_text(text)
                    ));
                }
            }
            o.push_str("</dl>\n");
        }
    }
    o.push_str(&format!(
        "<footer>Prepared with Cultivate on {}. Stories appear only with their tellers' consent for this audience.</footer>\n</main>\n</body>\n</html>\n",
        r.generated_on
    ));
    let _ = fmt_number;
    o
}
