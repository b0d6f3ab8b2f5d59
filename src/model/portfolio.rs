//! Indicators of success and the portfolio of communities (guidebook chapter 2; domain
//! reference §3.6 and user task 18): what a social learning team looks at across every
//! community it supports.
//!
//! # Indicators
//!
//! The `org_indicators` catalogue lists organisation-level indicators. Six of them (see
//! [`COMPUTED_INDICATORS`]) are computed from the workspace's own records whenever the
//! community has the records they need; otherwise, and for every other indicator (sponsor
//! engagement, requests from outside, anything a workspace adds), the latest value entered by
//! hand is shown. Every reading says where its value comes from.
//!
//! | Indicator | Computed from | Met when |
//! |---|---|---|
//! | `leadership_depth` | memberships | 2+ members hold leader-type roles and the core group is not empty |
//! | `participation_spread` | memberships | 3+ levels have members and someone moved between levels in the last 12 months |
//! | `rhythm_sustained` | the rhythm planner | 3+ occurrences planned in the next 3 months (about monthly) |
//! | `learning_agenda_active` | the learning agenda | at least one topic has an owner |
//! | `repertoire_growing` | the repertoire | an item was added in the last 12 months |
//! | `leaders_trained` | leaders' plans | every leader has done at least one capacity-building step |
//!
//! # Portfolio
//!
//! [`portfolio_rows`] gives one row per community: organisations, stage, last health score,
//! participation spread, leaders' capacity-building status, warnings (roles and participation)
//! and the date of the last recorded activity, with sorting, filtering and the counts the
//! charts show.

use chrono::{Datelike, Days, NaiveDate};

use super::catalogue::{CatalogueKind, Catalogues};
use super::ids::Id;
use super::limits::{too_long, SHORT_MAX};
use super::organisation::{IndicatorValue, StepStatus};
use super::participation;
use super::rhythm::occurrence_dates;
use super::roles::{
    core_group, leader_plan, leader_status, leader_type_members, long_date, overloaded_people, record_id_taken,
    role_warnings_given, LeaderStatus, PersonRoles, PlanState, RoleWarningKind, OVERLOAD_THRESHOLD,
};
use super::words::{fold, percent};
use super::workspace::{fresh_id, Community, FieldError, FieldErrors, ModelError, ModelResult, Timestamp, Workspace};

/// The indicators computed from the workspace when the community has the records they need.
pub const COMPUTED_INDICATORS: [&str; 6] = [
    "leadership_depth",
    "participation_spread",
    "rhythm_sustained",
    "learning_agenda_active",
    "repertoire_growing",
    "leaders_trained",
];

/// Occurrences in the next quarter that make a rhythm "sustained": about one a month.
pub const RHYTHM_MIN_PER_QUARTER: usize = 3;

/// Participation levels with members that make a "spread".
pub const SPREAD_MIN_LEVELS: usize = 3;

/// True for an indicator the app computes (when it can).
pub fn is_computed(indicator: &Id) -> bool {
    COMPUTED_INDICATORS.contains(&indicator.as_str())
}

/// Whether an indicator is met.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IndicatorStatus {
    Met,
    NotMet,
    /// A value entered by hand: the app does not judge free text.
    Recorded,
    /// No value at all.
    Missing,
}

impl IndicatorStatus {
    pub fn label(self) -> &'static str {
        match self {
            IndicatorStatus::Met => "Met",
            IndicatorStatus::NotMet => "Not met",
            IndicatorStatus::Recorded => "Recorded",
            IndicatorStatus::Missing => "No value",
        }
    }
}

/// Where a reading's value comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadingSource {
    /// Computed from the workspace: "from 14 memberships".
    Computed(String),
    /// The latest value entered by hand.
    Manual {
        value_id: Id,
        on: NaiveDate,
        source: String,
    },
    /// No value. For a computed indicator, what the community lacks to compute it: "no
    /// planned activities in the rhythm planner".
    Missing { lacking: Option<&'static str> },
}

/// One indicator's value for one community.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndicatorReading {
    pub indicator_id: Id,
    /// The value in words: "2 of 3 topics have an owner", or the text entered.
    pub value: String,
    pub status: IndicatorStatus,
    pub source: ReadingSource,
}

impl IndicatorReading {
    /// Where the value comes from, in words: "computed from 14 memberships", "entered by
    /// hand on 3 March 2026: Sponsor's review", "no value yet".
    pub fn source_text(&self) -> String {
        match &self.source {
            ReadingSource::Computed(from) => format!("computed {from}"),
            ReadingSource::Manual { on, source, .. } if source.trim().is_empty() => {
                format!("entered by hand on {}", long_date(*on))
            }
            ReadingSource::Manual { on, source, .. } => format!("entered by hand on {}: {source}", long_date(*on)),
            ReadingSource::Missing { lacking: None } => "no value yet: enter one by hand".into(),
            ReadingSource::Missing { lacking: Some(l) } => {
                format!("not computed yet ({l}); enter a value by hand until then")
            }
        }
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn status(met: bool) -> IndicatorStatus {
    if met {
        IndicatorStatus::Met
    } else {
        IndicatorStatus::NotMet
    }
}

/// A computed value with its status and where it comes from; `None` when the community
/// lacks the records to compute it.
fn computed(
    ws: &Workspace,
    c: &Community,
    indicator: &str,
    today: NaiveDate,
) -> Option<(String, IndicatorStatus, String)> {
    let cats = &ws.catalogues;
    let year_ago = today.checked_sub_days(Days::new(365)).unwrap_or(NaiveDate::MIN);
    let members = c.memberships.len();
    let from_members = format!("from {}", plural(members, "membership", "memberships"));
    match indicator {
        "leadership_depth" => {
            if members == 0 {
                return None;
            }
            let leaders = leader_type_members(c).len();
            let core = core_group(cats, c).len();
            Some((
                format!(
                    "{} in leading roles; core group of {core}",
                    plural(leaders, "member", "members")
                ),
                status(leaders > 1 && core > 0),
                from_members,
            ))
        }
        "participation_spread" => {
            if members == 0 {
                return None;
            }
            let levels = cats.get(CatalogueKind::ParticipationLevels);
            let used = levels
                .iter()
                .filter(|l| c.memberships.iter().any(|m| m.level_id == l.id))
                .count();
            let moves = c
                .memberships
                .iter()
                .flat_map(|m| m.history.iter())
                .filter(|h| h.from_level_id.is_some() && h.on > year_ago && h.on <= today)
                .count();
            Some((
                format!(
                    "Members at {used} of {} levels; {} between levels in the last 12 months",
                    levels.len(),
                    plural(moves, "move", "moves")
                ),
                status(used >= SPREAD_MIN_LEVELS && moves > 0),
                from_members,
            ))
        }
        "rhythm_sustained" => {
            let acts = &c.cultivation.activities;
            if acts.is_empty() {
                return None;
            }
            let end = today.checked_add_days(Days::new(90)).unwrap_or(NaiveDate::MAX);
            let mut next: Vec<NaiveDate> = acts.iter().flat_map(|a| occurrence_dates(a, today, end)).collect();
            next.sort();
            let first = next
                .first()
                .map(|d| format!("; next on {}", long_date(*d)))
                .unwrap_or_default();
            Some((
                format!(
                    "{} in the next 3 months{first}",
                    plural(next.len(), "occurrence", "occurrences")
                ),
                status(next.len() >= RHYTHM_MIN_PER_QUARTER),
                format!(
                    "from {} in the rhythm planner",
                    plural(acts.len(), "planned activity", "planned activities")
                ),
            ))
        }
        "learning_agenda_active" => {
            let topics = &c.cultivation.forming.agenda;
            if topics.is_empty() {
                return None;
            }
            let owned = topics.iter().filter(|t| t.owner_id.is_some()).count();
            Some((
                format!("{owned} of {} with an owner", plural(topics.len(), "topic", "topics")),
                status(owned > 0),
                format!(
                    "from {} on the learning agenda",
                    plural(topics.len(), "topic", "topics")
                ),
            ))
        }
        "repertoire_growing" => {
            if c.practice.is_empty() {
                return None;
            }
            let recent = c
                .practice
                .iter()
                .filter(|r| r.added_on > year_ago && r.added_on <= today)
                .count();
            Some((
                format!(
                    "{} added in the last 12 months ({} in all)",
                    plural(recent, "item", "items"),
                    c.practice.len()
                ),
                status(recent > 0),
                format!("from {} in the repertoire", plural(c.practice.len(), "item", "items")),
            ))
        }
        "leaders_trained" => {
            let leaders = leader_type_members(c);
            if leaders.is_empty() {
                return None;
            }
            let trained = leaders
                .iter()
                .filter(|m| {
                    leader_plan(ws, &m.person_id).is_some_and(|p| p.steps.iter().any(|s| s.status == StepStatus::Done))
                })
                .count();
            let plans = leaders
                .iter()
                .filter(|m| leader_plan(ws, &m.person_id).is_some())
                .count();
            Some((
                format!(
                    "{trained} of {} done a capacity-building step",
                    plural(leaders.len(), "leader has", "leaders have")
                ),
                status(trained == leaders.len()),
                format!(
                    "from the plans of {} ({plans} with a plan)",
                    plural(leaders.len(), "leader", "leaders")
                ),
            ))
        }
        _ => None,
    }
}

/// What a community lacks when a computed indicator cannot be computed.
fn lacking(indicator: &str) -> Option<&'static str> {
    Some(match indicator {
        "leadership_depth" | "participation_spread" => "no members yet",
        "rhythm_sustained" => "no activities in the rhythm planner",
        "learning_agenda_active" => "no topics on the learning agenda",
        "repertoire_growing" => "nothing in the repertoire",
        "leaders_trained" => "nobody in a leading role",
        _ => return None,
    })
}

/// The latest value entered by hand for an indicator: the latest date, and of values on the
/// same day the one entered last.
pub fn latest_manual<'a>(c: &'a Community, indicator: &Id) -> Option<&'a IndicatorValue> {
    c.stewardship
        .indicator_values
        .iter()
        .enumerate()
        .filter(|(_, v)| &v.indicator_id == indicator)
        .max_by_key(|(i, v)| (v.on, *i))
        .map(|(_, v)| v)
}

/// The indicator's reading for the community on `today`: computed when it is one of
/// [`COMPUTED_INDICATORS`] and the community has the records it needs, else the latest value
/// entered by hand, else missing.
pub fn indicator_value(ws: &Workspace, c: &Community, indicator: &Id, today: NaiveDate) -> IndicatorReading {
    if let Some((value, status, from)) = computed(ws, c, indicator.as_str(), today) {
        return IndicatorReading {
            indicator_id: indicator.clone(),
            value,
            status,
            source: ReadingSource::Computed(from),
        };
    }
    match latest_manual(c, indicator) {
        Some(v) => IndicatorReading {
            indicator_id: indicator.clone(),
            value: v.value.clone(),
            status: IndicatorStatus::Recorded,
            source: ReadingSource::Manual {
                value_id: v.id.clone(),
                on: v.on,
                source: v.source.clone(),
            },
        },
        None => IndicatorReading {
            indicator_id: indicator.clone(),
            value: String::new(),
            status: IndicatorStatus::Missing,
            source: ReadingSource::Missing {
                lacking: lacking(indicator.as_str()),
            },
        },
    }
}

/// Every indicator of the catalogue for the community, in catalogue order.
pub fn readings(ws: &Workspace, c: &Community, today: NaiveDate) -> Vec<IndicatorReading> {
    ws.catalogues
        .get(CatalogueKind::OrgIndicators)
        .iter()
        .map(|e| indicator_value(ws, c, &e.id, today))
        .collect()
}

/// The form for a value entered by hand.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndicatorDraft {
    pub indicator_id: Id,
    pub on: NaiveDate,
    pub value: String,
    pub source: String,
}

impl IndicatorDraft {
    /// Indicator from the catalogue; date not after `today`; value required; value and source
    /// at most [`SHORT_MAX`] characters.
    pub fn problems(&self, ws: &Workspace, today: NaiveDate) -> FieldErrors {
        let mut e = Vec::new();
        if !ws.catalogues.contains(CatalogueKind::OrgIndicators, &self.indicator_id) {
            e.push(FieldError::new("indicator_id", "Choose an indicator"));
        }
        if self.on > today {
            e.push(FieldError::new("on", "The date cannot be in the future"));
        }
        if self.value.trim().is_empty() {
            e.push(FieldError::new("value", "Enter the value"));
        } else if let Some(m) = too_long(&self.value, SHORT_MAX) {
            e.push(FieldError::new("value", format!("Value {m}")));
        }
        if let Some(m) = too_long(&self.source, SHORT_MAX) {
            e.push(FieldError::new("source", format!("Source {m}")));
        }
        e
    }
}

impl Workspace {
    /// Records a value entered by hand. The date may not be after `now`'s date (with a day of
    /// slack for time zones ahead of UTC).
    pub fn add_indicator_value(
        &mut self,
        community: &Id,
        id: Id,
        draft: &IndicatorDraft,
        now: Timestamp,
    ) -> ModelResult {
        let e = draft.problems(self, now.date_naive() + Days::new(1));
        if !e.is_empty() {
            return Err(ModelError::Invalid(e));
        }
        fresh_id(record_id_taken(self, &id), &id)?;
        self.with_community(community, now, |c| {
            c.stewardship.indicator_values.push(IndicatorValue {
                id,
                indicator_id: draft.indicator_id.clone(),
                on: draft.on,
                value: draft.value.trim().to_string(),
                source: draft.source.trim().to_string(),
            });
            Ok(())
        })
    }

    pub fn delete_indicator_value(&mut self, community: &Id, id: &Id, now: Timestamp) -> ModelResult {
        self.with_community(community, now, |c| {
            let n = c.stewardship.indicator_values.len();
            c.stewardship.indicator_values.retain(|v| &v.id != id);
            if n == c.stewardship.indicator_values.len() {
                return Err(ModelError::NotFound("That value no longer exists".into()));
            }
            Ok(())
        })
    }
}

// ----- the portfolio -----

/// Members at one participation level.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LevelCount {
    pub level_id: Id,
    pub label: String,
    pub count: usize,
}

/// How a community's members spread over the participation levels.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spread {
    /// One per catalogue level, centre first (empty ones included), then any level no longer
    /// in the catalogue.
    pub levels: Vec<LevelCount>,
    pub total: usize,
    /// The share of members at the two innermost levels (core and active), 0–100; `None`
    /// without members.
    pub engaged_percent: Option<u8>,
}

/// The participation spread of a community.
pub fn spread(cats: &Catalogues, c: &Community) -> Spread {
    let levels: Vec<LevelCount> = participation::rings(cats, c)
        .into_iter()
        .map(|r| LevelCount {
            label: cats.label(CatalogueKind::ParticipationLevels, &r.level_id),
            level_id: r.level_id,
            count: r.members.len(),
        })
        .collect();
    let total = c.memberships.len();
    let inner: Vec<&Id> = cats
        .get(CatalogueKind::ParticipationLevels)
        .iter()
        .take(2)
        .map(|l| &l.id)
        .collect();
    let engaged = c.memberships.iter().filter(|m| inner.contains(&&m.level_id)).count();
    Spread {
        levels,
        total,
        engaged_percent: percent(engaged, total).map(|p| p as u8),
    }
}

/// A community's last health check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HealthReading {
    pub on: NaiveDate,
    /// 0–100, `None` when nothing was scored.
    pub score: Option<u8>,
}

/// Health bands for the chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum HealthBand {
    /// 75 and above.
    Strong,
    /// 50 to 74.
    Fair,
    /// Below 50.
    Weak,
    /// No health check, or nothing scored.
    NotChecked,
}

impl HealthBand {
    pub const ALL: [HealthBand; 4] = [
        HealthBand::Strong,
        HealthBand::Fair,
        HealthBand::Weak,
        HealthBand::NotChecked,
    ];

    pub fn of(score: Option<u8>) -> HealthBand {
        match score {
            Some(s) if s >= 75 => HealthBand::Strong,
            Some(s) if s >= 50 => HealthBand::Fair,
            Some(_) => HealthBand::Weak,
            None => HealthBand::NotChecked,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            HealthBand::Strong => "Strong (75–100)",
            HealthBand::Fair => "Fair (50–74)",
            HealthBand::Weak => "Weak (below 50)",
            HealthBand::NotChecked => "Not checked",
        }
    }

    /// A short key for CSS classes and test ids.
    pub fn key(self) -> &'static str {
        match self {
            HealthBand::Strong => "strong",
            HealthBand::Fair => "fair",
            HealthBand::Weak => "weak",
            HealthBand::NotChecked => "none",
        }
    }
}

/// One of the community's leaders and their capacity-building status.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeaderLine {
    pub person_id: Id,
    pub name: String,
    /// Labels of the leader-type roles held in this community.
    pub roles: Vec<String>,
    /// Holds a leading role (not only the core group member role).
    pub leads: bool,
    pub status: LeaderStatus,
}

/// The latest recorded activity of a community.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LastActivity {
    pub on: NaiveDate,
    /// What happened, in words: "level change", "health check".
    pub what: String,
}

/// The latest dated thing recorded for a community up to `today`: members joining or moving,
/// repertoire added, stage changes, health checks, indicator values, principle reflections,
/// charters, maturity assessments, onboarding steps, technology profiles and decisions, the
/// structure chooser, a transformation, and occurrences of planned activities that have
/// already taken place. Dates after `today` (plans) do not count.
pub fn last_activity(c: &Community, today: NaiveDate) -> Option<LastActivity> {
    let k = &c.cultivation;
    let s = &c.stewardship;
    let mut dates: Vec<(NaiveDate, String)> = Vec::new();
    for m in &c.memberships {
        for h in &m.history {
            let what = if h.from_level_id.is_some() {
                "level change"
            } else {
                "member joined"
            };
            dates.push((h.on, what.into()));
        }
        dates.push((m.joined_on, "member joined".into()));
    }
    dates.extend(c.practice.iter().map(|r| (r.added_on, "repertoire item added".into())));
    dates.extend(k.stage_history.iter().map(|h| (h.on, "stage change".into())));
    dates.extend(s.health_checks.iter().map(|h| (h.on, "health check".into())));
    dates.extend(
        s.indicator_values
            .iter()
            .map(|v| (v.on, "indicator value entered".into())),
    );
    dates.extend(s.structure_choice.iter().map(|x| (x.on, "structure chooser".into())));
    dates.extend(c.principles.iter().map(|p| (p.on, "principle reflection".into())));
    dates.extend(k.charters.iter().map(|x| (x.on, "charter saved".into())));
    dates.extend(k.maturity.iter().map(|x| (x.on, "maturity assessment".into())));
    dates.extend(k.onboarding.iter().map(|x| (x.on, "onboarding step".into())));
    dates.extend(k.transformation.iter().map(|x| (x.on, "transformation".into())));
    dates.extend(
        c.technology
            .profiles
            .iter()
            .map(|x| (x.on, "orientation profile".into())),
    );
    dates.extend(
        c.technology
            .decisions
            .iter()
            .map(|x| (x.on, "technology decision".into())),
    );
    for a in &k.activities {
        if let Some(d) = occurrence_dates(a, a.starts_on, today).last() {
            dates.push((*d, a.title.clone()));
        }
    }
    dates
        .into_iter()
        .filter(|(d, _)| *d <= today)
        .enumerate()
        // The latest date; on a tie, the first recorded source.
        .max_by_key(|(i, (d, _))| (*d, std::cmp::Reverse(*i)))
        .map(|(_, (on, what))| LastActivity { on, what })
}

/// One community in the portfolio.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PortfolioRow {
    pub community_id: Id,
    pub name: String,
    pub organisation_ids: Vec<Id>,
    pub organisations: Vec<String>,
    pub stage_id: Id,
    pub stage: String,
    /// Position of the stage in the catalogue; `None` for a stage no longer in it.
    pub stage_rank: Option<usize>,
    pub health: Option<HealthReading>,
    pub spread: Spread,
    pub leaders: Vec<LeaderLine>,
    /// Role warnings, then participation warnings.
    pub warnings: Vec<Warning>,
    pub last_activity: Option<LastActivity>,
}

impl PortfolioRow {
    pub fn health_band(&self) -> HealthBand {
        HealthBand::of(self.health.as_ref().and_then(|h| h.score))
    }

    /// The leaders' mean share of capacity-building steps done (0–100), counting a leader
    /// without a plan as 0; `None` without leaders.
    pub fn leaders_percent(&self) -> Option<u8> {
        if self.leaders.is_empty() {
            return None;
        }
        let sum: usize = self
            .leaders
            .iter()
            .map(|l| usize::from(l.status.percent().unwrap_or(0)))
            .sum();
        Some((sum / self.leaders.len()) as u8)
    }

    /// The leaders' status in a few words: "2 leaders: 1 in progress, 1 without a plan".
    pub fn leader_summary(&self) -> String {
        if self.leaders.is_empty() {
            return "No leaders".into();
        }
        let count = |s: PlanState| self.leaders.iter().filter(|l| l.status.state == s).count();
        let parts: Vec<String> = [
            (PlanState::Done, "done"),
            (PlanState::InProgress, "in progress"),
            (PlanState::NotStarted, "not started"),
            (PlanState::NoPlan, "without a plan"),
        ]
        .into_iter()
        .filter_map(|(s, word)| {
            let n = count(s);
            (n > 0).then(|| format!("{n} {word}"))
        })
        .collect();
        format!(
            "{}: {}",
            plural(self.leaders.len(), "leader", "leaders"),
            parts.join(", ")
        )
    }
}

/// A warning in the portfolio: a few words for the table, and the full sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    pub short: String,
    pub message: String,
}

/// The warnings for a community in the portfolio: its role warnings, then its participation
/// warnings, leaving out "nobody at the core level" when a role warning already says the
/// core group is empty. None for a community that has ended or changed form.
pub fn community_warnings(ws: &Workspace, c: &Community) -> Vec<Warning> {
    if c.cultivation.transformation.is_some() {
        return Vec::new();
    }
    community_warnings_given(ws, c, &overloaded_people(ws, OVERLOAD_THRESHOLD))
}

/// [`community_warnings`] given the workspace's overloaded people
/// (`overloaded_people(ws, OVERLOAD_THRESHOLD)`), computed once for the whole portfolio.
pub fn community_warnings_given(ws: &Workspace, c: &Community, overloaded: &[PersonRoles]) -> Vec<Warning> {
    let cats = &ws.catalogues;
    if c.cultivation.transformation.is_some() {
        return Vec::new();
    }
    let roles = role_warnings_given(ws, c, overloaded);
    let core_said = roles.iter().any(|w| {
        matches!(
            w.kind,
            RoleWarningKind::CoreGroupEmpty | RoleWarningKind::SinglePointOfFailure { .. } | RoleWarningKind::NoMembers
        )
    });
    let core_level = cats.get(CatalogueKind::ParticipationLevels).first().map(|l| &l.id);
    let in_core = c.memberships.iter().filter(|m| Some(&m.level_id) == core_level).count();
    let mut out: Vec<Warning> = roles
        .into_iter()
        .map(|w| Warning {
            short: w.short,
            message: w.message,
        })
        .collect();
    if core_said && in_core == 0 {
        return out;
    }
    out.extend(participation::warnings(cats, c));
    out
}

/// One row per community, in workspace order.
pub fn portfolio_rows(ws: &Workspace, today: NaiveDate) -> Vec<PortfolioRow> {
    let cats = &ws.catalogues;
    // Overload spans the workspace: find it once, not once per community.
    let overloaded = overloaded_people(ws, OVERLOAD_THRESHOLD);
    ws.communities
        .iter()
        .map(|c| {
            let mut leaders: Vec<LeaderLine> = leader_type_members(c)
                .into_iter()
                .map(|m| LeaderLine {
                    person_id: m.person_id.clone(),
                    name: ws.person_name(&m.person_id),
                    roles: m
                        .role_ids
                        .iter()
                        .filter(|r| super::roles::is_leader_type_role(r))
                        .map(|r| cats.label(CatalogueKind::Roles, r))
                        .collect(),
                    leads: m.role_ids.iter().any(super::roles::is_leading_role),
                    status: leader_status(ws, &m.person_id, today),
                })
                .collect();
            // Those who lead first, then the core group, each by name.
            leaders.sort_by_cached_key(|l| (!l.leads, l.name.to_lowercase()));
            PortfolioRow {
                community_id: c.id.clone(),
                name: c.name.clone(),
                organisation_ids: c.organisation_ids.clone(),
                organisations: c.organisation_ids.iter().map(|o| ws.organisation_name(o)).collect(),
                stage_id: c.lifecycle_stage_id.clone(),
                stage: cats.label(CatalogueKind::LifecycleStages, &c.lifecycle_stage_id),
                stage_rank: cats
                    .get(CatalogueKind::LifecycleStages)
                    .iter()
                    .position(|s| s.id == c.lifecycle_stage_id),
                health: c.stewardship.health_checks.last().map(|h| HealthReading {
                    on: h.on,
                    score: h.score(),
                }),
                spread: spread(cats, c),
                leaders,
                warnings: community_warnings_given(ws, c, &overloaded),
                last_activity: last_activity(c, today),
            }
        })
        .collect()
}

/// A column the portfolio sorts by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKey {
    Name,
    /// Catalogue order of the stages.
    Stage,
    /// The last health score.
    Health,
    /// The number of members.
    Participation,
    /// The leaders' mean share of capacity-building steps done.
    Leaders,
    /// The number of warnings.
    Warnings,
    LastActivity,
}

impl SortKey {
    pub const ALL: [SortKey; 7] = [
        SortKey::Name,
        SortKey::Stage,
        SortKey::Health,
        SortKey::Participation,
        SortKey::Leaders,
        SortKey::Warnings,
        SortKey::LastActivity,
    ];

    pub fn label(self) -> &'static str {
        match self {
            SortKey::Name => "Community",
            SortKey::Stage => "Stage",
            SortKey::Health => "Health",
            SortKey::Participation => "Participation",
            SortKey::Leaders => "Leaders",
            SortKey::Warnings => "Warnings",
            SortKey::LastActivity => "Last activity",
        }
    }

    /// What the sort orders by, for the printed summary: "sorted by health score".
    pub fn describes(self) -> &'static str {
        match self {
            SortKey::Name => "community name",
            SortKey::Stage => "stage",
            SortKey::Health => "last health score",
            SortKey::Participation => "number of members",
            SortKey::Leaders => "leaders' capacity-building progress",
            SortKey::Warnings => "number of warnings",
            SortKey::LastActivity => "last activity date",
        }
    }
}

/// A row's value for a sort key; `None` (no value) always sorts last.
fn sort_value(row: &PortfolioRow, key: SortKey) -> Option<i64> {
    match key {
        SortKey::Name => Some(0),
        SortKey::Stage => row.stage_rank.map(|r| r as i64),
        SortKey::Health => row.health.as_ref().and_then(|h| h.score).map(i64::from),
        SortKey::Participation => Some(row.spread.total as i64),
        SortKey::Leaders => row.leaders_percent().map(i64::from),
        SortKey::Warnings => Some(row.warnings.len() as i64),
        SortKey::LastActivity => row.last_activity.as_ref().map(|a| i64::from(a.on.num_days_from_ce())),
    }
}

/// Sorts rows by `key`, ascending or descending; rows without a value go last either way,
/// and ties are broken by name (A to Z).
pub fn sort_rows(rows: &mut [PortfolioRow], key: SortKey, ascending: bool) {
    rows.sort_by(|a, b| {
        let by_name = a.name.to_lowercase().cmp(&b.name.to_lowercase());
        let primary = match (sort_value(a, key), sort_value(b, key)) {
            (Some(x), Some(y)) => {
                if ascending {
                    x.cmp(&y)
                } else {
                    y.cmp(&x)
                }
            }
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        };
        let name = if key == SortKey::Name && !ascending {
            by_name.reverse()
        } else {
            by_name
        };
        primary.then(name)
    });
}

/// What the portfolio shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PortfolioFilter {
    pub organisation_id: Option<Id>,
    pub stage_id: Option<Id>,
    pub warnings_only: bool,
    /// Matched, ignoring case, against the community's name, organisations, stage and
    /// leaders' names.
    pub text: String,
}

impl PortfolioFilter {
    pub fn is_empty(&self) -> bool {
        self.organisation_id.is_none() && self.stage_id.is_none() && !self.warnings_only && self.text.trim().is_empty()
    }

    pub fn matches(&self, row: &PortfolioRow) -> bool {
        if let Some(o) = &self.organisation_id {
            if !row.organisation_ids.contains(o) {
                return false;
            }
        }
        if let Some(s) = &self.stage_id {
            if &row.stage_id != s {
                return false;
            }
        }
        if self.warnings_only && row.warnings.is_empty() {
            return false;
        }
        // As the people search: case and accents ignored ("reseau" finds "Réseau").
        let text = fold(self.text.trim());
        if text.is_empty() {
            return true;
        }
        std::iter::once(&row.name)
            .chain(row.organisations.iter())
            .chain(std::iter::once(&row.stage))
            .chain(row.leaders.iter().map(|l| &l.name))
            .any(|s| fold(s).contains(&text))
    }

    /// The filters in words, for the printed view: `["Organisation: Harbour Bank",
    /// "Stage: Maturing", "With warnings only", "Text: “guild”"]`; empty when none applies.
    pub fn describe(&self, ws: &Workspace) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(o) = &self.organisation_id {
            out.push(format!("Organisation: {}", ws.organisation_name(o)));
        }
        if let Some(s) = &self.stage_id {
            out.push(format!(
                "Stage: {}",
                ws.catalogues.label(CatalogueKind::LifecycleStages, s)
            ));
        }
        if self.warnings_only {
            out.push("With warnings only".into());
        }
        if !self.text.trim().is_empty() {
            out.push(format!("Text: “{}”", self.text.trim()));
        }
        out
    }
}

/// The rows the filter lets through, in their order.
pub fn filter_rows(rows: &[PortfolioRow], filter: &PortfolioFilter) -> Vec<PortfolioRow> {
    rows.iter().filter(|r| filter.matches(r)).cloned().collect()
}

/// A bar of a chart: what it counts and how many.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bar {
    pub key: String,
    pub label: String,
    pub count: usize,
}

/// Communities per stage, in catalogue order (empty stages included), then any stage no
/// longer in the catalogue.
pub fn count_by_stage(cats: &Catalogues, rows: &[PortfolioRow]) -> Vec<Bar> {
    let mut out: Vec<Bar> = cats
        .get(CatalogueKind::LifecycleStages)
        .iter()
        .map(|s| Bar {
            key: s.id.to_string(),
            label: s.label.clone(),
            count: rows.iter().filter(|r| r.stage_id == s.id).count(),
        })
        .collect();
    for r in rows.iter().filter(|r| r.stage_rank.is_none()) {
        match out.iter_mut().find(|b| b.key == r.stage_id.as_str()) {
            Some(b) => b.count += 1,
            None => out.push(Bar {
                key: r.stage_id.to_string(),
                label: r.stage.clone(),
                count: 1,
            }),
        }
    }
    out
}

/// Communities per health band, strongest first, "not checked" last (empty bands included).
pub fn count_by_health(rows: &[PortfolioRow]) -> Vec<Bar> {
    HealthBand::ALL
        .into_iter()
        .map(|b| Bar {
            key: b.key().into(),
            label: b.label().into(),
            count: rows.iter().filter(|r| r.health_band() == b).count(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn health_bands_have_clear_edges() {
        assert_eq!(HealthBand::of(Some(100)), HealthBand::Strong);
        assert_eq!(HealthBand::of(Some(75)), HealthBand::Strong);
        assert_eq!(HealthBand::of(Some(74)), HealthBand::Fair);
        assert_eq!(HealthBand::of(Some(50)), HealthBand::Fair);
        assert_eq!(HealthBand::of(Some(49)), HealthBand::Weak);
        assert_eq!(HealthBand::of(Some(0)), HealthBand::Weak);
        assert_eq!(HealthBand::of(None), HealthBand::NotChecked);
    }

    #[test]
    fn every_computed_indicator_is_in_the_default_catalogue() {
        let cats = Catalogues::default();
        for id in COMPUTED_INDICATORS {
            assert!(cats.contains(CatalogueKind::OrgIndicators, &Id::new(id)), "{id}");
        }
    }

    #[test]
    fn rows_sharing_one_overload_list_equal_the_per_community_warnings() {
        use crate::model::roles::reference;
        use crate::model::sample::sample_workspace;
        let today = NaiveDate::from_ymd_opt(2026, 3, 1).expect("date");
        let mut overload_warnings = 0;
        for ws in [sample_workspace(), reference::crowded_workspace()] {
            let rows = portfolio_rows(&ws, today);
            assert_eq!(rows.len(), ws.communities.len());
            let overloaded = reference::overloaded_people(&ws, OVERLOAD_THRESHOLD);
            for (row, c) in rows.iter().zip(&ws.communities) {
                assert_eq!(row.community_id, c.id);
                // Each community on its own, overload recomputed for it.
                assert_eq!(row.warnings, community_warnings(&ws, c), "{} {}", ws.name, c.id);
                assert_eq!(
                    row.warnings,
                    community_warnings_given(&ws, c, &overloaded),
                    "{} {}",
                    ws.name,
                    c.id
                );
                // The role warnings lead the row's warnings, as the reference gives them.
                let roles = reference::role_warnings_with(&ws, c, OVERLOAD_THRESHOLD);
                let shorts: Vec<&str> = row
                    .warnings
                    .iter()
                    .take(roles.len())
                    .map(|w| w.short.as_str())
                    .collect();
                let expected: Vec<&str> = roles.iter().map(|w| w.short.as_str()).collect();
                assert_eq!(shorts, expected, "{} {}", ws.name, c.id);
                overload_warnings += roles
                    .iter()
                    .filter(|w| matches!(w.kind, RoleWarningKind::Overloaded { .. }))
                    .count();
            }
        }
        assert!(overload_warnings > 3, "{overload_warnings} overload warnings");
    }

    /// Times the portfolio of size M (issue #9). Run in release:
    /// `cargo test --release --lib -- --ignored --nocapture portfolio_of_size_m_timing`.
    #[test]
    #[ignore]
    fn portfolio_of_size_m_timing() {
        use crate::model::generate::{generate, Sizes};
        let ws = generate(1, Sizes::named("M").expect("size M"));
        let today = NaiveDate::from_ymd_opt(2026, 3, 1).expect("date");
        let start = std::time::Instant::now();
        let rows = portfolio_rows(&ws, today);
        let took = start.elapsed();
        println!("portfolio_rows, size M: {} rows in {took:?}", rows.len());
        assert_eq!(rows.len(), ws.communities.len());
        let start = std::time::Instant::now();
        let warnings: usize = ws.communities.iter().map(|c| community_warnings(&ws, c).len()).sum();
        println!(
            "community_warnings one community at a time, size M: {warnings} warnings in {:?}",
            start.elapsed()
        );
        let start = std::time::Instant::now();
        let counts = ws.membership_counts();
        println!(
            "membership_counts, size M: {} people in {:?}",
            counts.len(),
            start.elapsed()
        );
        let start = std::time::Instant::now();
        let scanned: usize = ws.people.iter().map(|p| ws.memberships_of(&p.id).count()).sum();
        println!(
            "memberships_of per person, size M: {scanned} memberships in {:?}",
            start.elapsed()
        );
        assert_eq!(counts.values().sum::<usize>(), scanned);
    }
}
