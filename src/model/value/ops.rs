//! The evaluation forms' drafts and the operations on the records: value-creation plans,
//! indicators, observations, stories and reflections. Every operation checks its draft
//! first (the messages are the form's inline errors) and keeps the workspace valid.

use chrono::NaiveDate;

use super::super::catalogue::CatalogueKind;
use super::super::evaluation::{
    Aspiration, Collection, Consent, DerivedMeasure, Indicator, IndicatorKind, Observation, Reflection, Story,
    StoryStatus, StoryStep, ValuePlan, Verification,
};
use super::super::ids::Id;
use super::super::limits::{too_long, LONG_MAX, NAME_MAX, SHORT_MAX};
use super::super::workspace::{
    dedup, fresh_id, Community, FieldError, FieldErrors, ModelError, ModelResult, Timestamp, Workspace,
};
use super::{cycle_rank, parse_date, parse_number};

fn len(e: &mut FieldErrors, field: &'static str, value: &str, max: usize, what: &str) {
    if let Some(m) = too_long(value, max) {
        e.push(FieldError::new(field, format!("{what} {m}")));
    }
}

fn required(e: &mut FieldErrors, field: &'static str, value: &str, what: &str) {
    if value.trim().is_empty() {
        e.push(FieldError::new(field, format!("{what} is required")));
    } else {
        len(e, field, value, NAME_MAX, what);
    }
}

/// A date field: required, `YYYY-MM-DD`, and not after `today` when given.
fn date(
    e: &mut FieldErrors,
    field: &'static str,
    value: &str,
    what: &str,
    not_after: Option<NaiveDate>,
) -> Option<NaiveDate> {
    if value.trim().is_empty() {
        e.push(FieldError::new(field, format!("Enter the {what}")));
        return None;
    }
    match parse_date(value) {
        None => {
            e.push(FieldError::new(
                field,
                format!("The {what} must be a date (YYYY-MM-DD)"),
            ));
            None
        }
        Some(d) if not_after.is_some_and(|t| d > t) => {
            e.push(FieldError::new(field, format!("The {what} cannot be in the future")));
            None
        }
        Some(d) => Some(d),
    }
}

fn invalid(e: FieldErrors) -> ModelResult {
    if e.is_empty() {
        Ok(())
    } else {
        Err(ModelError::Invalid(e))
    }
}

fn community<'a>(ws: &'a Workspace, id: &Id) -> ModelResult<&'a Community> {
    ws.community(id)
        .ok_or_else(|| ModelError::NotFound("That community no longer exists".into()))
}

fn gone(what: &str) -> ModelError {
    ModelError::NotFound(format!("That {what} no longer exists"))
}

/// The record of `items` whose id (`key`) is `id`; `NotFound` naming `what` when there is none.
fn find_by_id<'a, T>(items: &'a mut [T], id: &Id, key: fn(&T) -> &Id, what: &str) -> ModelResult<&'a mut T> {
    items.iter_mut().find(|x| key(x) == id).ok_or_else(|| gone(what))
}

/// Removes the record of `items` whose id (`key`) is `id`; `NotFound` naming `what` when
/// there is none.
fn remove_by_id<T>(items: &mut Vec<T>, id: &Id, key: fn(&T) -> &Id, what: &str) -> ModelResult {
    let n = items.len();
    items.retain(|x| key(x) != id);
    if items.len() == n {
        return Err(gone(what));
    }
    Ok(())
}

// ----- value-creation plans -----

/// The plan form: the period, what the community aspires to in each cycle and for whom,
/// and how each chosen indicator is collected.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlanDraft {
    pub from: String,
    pub to: String,
    pub note: String,
    /// Aspirations with an empty text and no stakeholders are dropped.
    pub aspirations: Vec<Aspiration>,
    pub collection: Vec<Collection>,
}

impl PlanDraft {
    pub fn of(p: &ValuePlan) -> Self {
        PlanDraft {
            from: p.from.to_string(),
            to: p.to.to_string(),
            note: p.note.clone(),
            aspirations: p.aspirations.clone(),
            collection: p.collection.clone(),
        }
    }

    /// The form's problems; `editing` is the plan being changed, if any.
    pub fn problems(&self, ws: &Workspace, c: &Community, editing: Option<&Id>) -> FieldErrors {
        self.check(ws, c, editing).1
    }

    fn check(
        &self,
        ws: &Workspace,
        c: &Community,
        editing: Option<&Id>,
    ) -> (Option<(NaiveDate, NaiveDate)>, FieldErrors) {
        let mut e = Vec::new();
        let from = date(&mut e, "from", &self.from, "start date", None);
        let to = date(&mut e, "to", &self.to, "end date", None);
        let mut period = None;
        if let (Some(f), Some(t)) = (from, to) {
            if t < f {
                e.push(FieldError::new("to", "The end date must not be before the start date"));
            } else if let Some(other) = c
                .evaluation
                .plans
                .iter()
                .find(|p| Some(&p.id) != editing && p.from <= t && f <= p.to)
            {
                e.push(FieldError::new(
                    "from",
                    format!(
                        "The period overlaps the plan for {} to {}; plans cover separate periods",
                        other.from, other.to
                    ),
                ));
            } else {
                period = Some((f, t));
            }
        }
        for (i, a) in self.aspirations.iter().enumerate() {
            let label = ws.catalogues.label(CatalogueKind::ValueCycles, &a.cycle_id);
            if !ws.catalogues.contains(CatalogueKind::ValueCycles, &a.cycle_id) {
                e.push(FieldError::new(
                    "aspirations",
                    format!("'{}' is not a value cycle", a.cycle_id),
                ));
            } else if self.aspirations[..i].iter().any(|x| x.cycle_id == a.cycle_id) {
                e.push(FieldError::new("aspirations", format!("{label} has two aspirations")));
            }
            if a.text.trim().is_empty() && !a.stakeholders.trim().is_empty() {
                e.push(FieldError::new(
                    "aspirations",
                    format!("{label}: say what you aspire to, or clear its stakeholders"),
                ));
            }
            len(
                &mut e,
                "aspirations",
                &a.text,
                LONG_MAX,
                &format!("{label}: the aspiration"),
            );
            len(
                &mut e,
                "aspirations",
                &a.stakeholders,
                SHORT_MAX,
                &format!("{label}: the stakeholders"),
            );
        }
        for (i, col) in self.collection.iter().enumerate() {
            match c.evaluation.indicators.iter().find(|x| x.id == col.indicator_id) {
                None => e.push(FieldError::new(
                    "collection",
                    "An indicator of the plan no longer exists",
                )),
                Some(ind) => {
                    if self.collection[..i].iter().any(|x| x.indicator_id == col.indicator_id) {
                        e.push(FieldError::new("collection", format!("'{}' is listed twice", ind.name)));
                    }
                    len(
                        &mut e,
                        "collection",
                        &col.data_source,
                        SHORT_MAX,
                        &format!("'{}': the data source", ind.name),
                    );
                    len(
                        &mut e,
                        "collection",
                        &col.schedule,
                        SHORT_MAX,
                        &format!("'{}': the schedule", ind.name),
                    );
                }
            }
            if let Some(who) = &col.collector_id {
                if ws.person(who).is_none() {
                    e.push(FieldError::new(
                        "collection",
                        "A collector of the plan is no longer in the workspace",
                    ));
                }
            }
        }
        len(&mut e, "note", &self.note, LONG_MAX, "Note");
        (period, e)
    }

    fn normalised(&self, ws: &Workspace) -> (Vec<Aspiration>, Vec<Collection>) {
        let mut asp: Vec<Aspiration> = self
            .aspirations
            .iter()
            .filter(|a| !a.text.trim().is_empty())
            .map(|a| Aspiration {
                cycle_id: a.cycle_id.clone(),
                text: a.text.trim().to_string(),
                stakeholders: a.stakeholders.trim().to_string(),
            })
            .collect();
        asp.sort_by_key(|a| cycle_rank(&ws.catalogues, &a.cycle_id));
        let col = self
            .collection
            .iter()
            .map(|c| Collection {
                indicator_id: c.indicator_id.clone(),
                data_source: c.data_source.trim().to_string(),
                collector_id: c.collector_id.clone(),
                schedule: c.schedule.trim().to_string(),
            })
            .collect();
        (asp, col)
    }
}

// ----- indicators -----

/// The indicator form.
#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorDraft {
    pub cycle_id: Id,
    pub name: String,
    pub unit: String,
    pub kind: IndicatorKind,
    pub source: String,
    /// The target as typed; empty for none.
    pub target: String,
    pub derived: Option<DerivedMeasure>,
    pub description: String,
}

impl Default for IndicatorDraft {
    fn default() -> Self {
        IndicatorDraft {
            cycle_id: Id::new("immediate"),
            name: String::new(),
            unit: String::new(),
            kind: IndicatorKind::Quantitative,
            source: String::new(),
            target: String::new(),
            derived: None,
            description: String::new(),
        }
    }
}

impl IndicatorDraft {
    pub fn of(i: &Indicator) -> Self {
        IndicatorDraft {
            cycle_id: i.cycle_id.clone(),
            name: i.name.clone(),
            unit: i.unit.clone(),
            kind: i.kind,
            source: i.source.clone(),
            target: i.target.map(|t| super::fmt_number(t.0)).unwrap_or_default(),
            derived: i.derived,
            description: i.description.clone(),
        }
    }

    /// A draft for a measure the workspace computes, with its usual cycle, unit and source.
    pub fn for_measure(m: DerivedMeasure) -> Self {
        IndicatorDraft {
            cycle_id: Id::new(m.suggested_cycle()),
            name: m.label().to_string(),
            unit: m.unit().to_string(),
            kind: IndicatorKind::Quantitative,
            source: "Computed from the workspace".into(),
            target: String::new(),
            derived: Some(m),
            description: m.help().to_string(),
        }
    }

    pub fn problems(&self, ws: &Workspace, c: &Community, editing: Option<&Id>) -> FieldErrors {
        let mut e = Vec::new();
        if !ws.catalogues.contains(CatalogueKind::ValueCycles, &self.cycle_id) {
            e.push(FieldError::new("cycle_id", "Choose a value cycle"));
        }
        required(&mut e, "name", &self.name, "Name");
        let name = self.name.trim().to_lowercase();
        if !name.is_empty()
            && c.evaluation
                .indicators
                .iter()
                .any(|i| Some(&i.id) != editing && i.name.trim().to_lowercase() == name)
        {
            e.push(FieldError::new(
                "name",
                "Another indicator of this community has this name",
            ));
        }
        len(&mut e, "unit", &self.unit, SHORT_MAX, "Unit");
        len(&mut e, "source", &self.source, SHORT_MAX, "Source");
        len(&mut e, "description", &self.description, LONG_MAX, "Description");
        if self.kind == IndicatorKind::Qualitative {
            if !self.target.trim().is_empty() {
                e.push(FieldError::new(
                    "target",
                    "A qualitative indicator has no numeric target",
                ));
            }
            if self.derived.is_some() {
                e.push(FieldError::new("derived", "A computed indicator is quantitative"));
            }
        } else if !self.target.trim().is_empty() {
            if let Err(m) = parse_number(&self.target) {
                e.push(FieldError::new("target", m));
            }
        }
        if let Some(id) = editing {
            let observed: Vec<&Observation> = c
                .evaluation
                .observations
                .iter()
                .filter(|o| &o.indicator_id == id)
                .collect();
            if !observed.is_empty() {
                let n = observed.len();
                let s = if n == 1 { "" } else { "s" };
                if self.derived.is_some() {
                    e.push(FieldError::new(
                        "derived",
                        format!("It has {n} observation{s} entered by hand; a computed indicator has none. Delete them first, or keep it entered by hand"),
                    ));
                } else if self.kind == IndicatorKind::Qualitative && observed.iter().any(|o| o.value.is_some()) {
                    e.push(FieldError::new(
                        "kind",
                        "It has numeric observations; it must stay quantitative",
                    ));
                } else if self.kind == IndicatorKind::Quantitative && observed.iter().any(|o| o.value.is_none()) {
                    e.push(FieldError::new(
                        "kind",
                        "It has observations without a number; it must stay qualitative",
                    ));
                }
            }
        }
        e
    }

    fn apply(&self, i: &mut Indicator) {
        i.cycle_id = self.cycle_id.clone();
        i.name = self.name.trim().to_string();
        i.unit = self.unit.trim().to_string();
        i.kind = self.kind;
        i.source = self.source.trim().to_string();
        i.target = match self.kind {
            IndicatorKind::Quantitative => parse_number(&self.target).ok(),
            IndicatorKind::Qualitative => None,
        };
        i.derived = self.derived;
        i.description = self.description.trim().to_string();
    }
}

// ----- observations -----

/// The observation form: a dated number (quantitative) or text (qualitative).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ObservationDraft {
    pub indicator_id: Id,
    pub on: String,
    pub value: String,
    pub text: String,
    pub source: String,
}

impl ObservationDraft {
    pub fn of(o: &Observation) -> Self {
        ObservationDraft {
            indicator_id: o.indicator_id.clone(),
            on: o.on.to_string(),
            value: o.value.map(|v| super::fmt_number(v.0)).unwrap_or_default(),
            text: o.text.clone(),
            source: o.source.clone(),
        }
    }

    pub fn problems(&self, c: &Community, today: NaiveDate) -> FieldErrors {
        self.check(c, today).1
    }

    fn check(&self, c: &Community, today: NaiveDate) -> (Option<Observation>, FieldErrors) {
        let mut e = Vec::new();
        let ind = c.evaluation.indicators.iter().find(|i| i.id == self.indicator_id);
        let on = date(&mut e, "on", &self.on, "date", Some(today));
        let mut value = None;
        match ind {
            None => e.push(FieldError::new("indicator_id", "Choose an indicator")),
            Some(i) if i.derived.is_some() => e.push(FieldError::new(
                "indicator_id",
                "This indicator is computed from the workspace; its values are not entered by hand",
            )),
            Some(i) if i.kind == IndicatorKind::Quantitative => match parse_number(&self.value) {
                Ok(n) => value = Some(n),
                Err(m) => e.push(FieldError::new("value", m)),
            },
            Some(_) => {
                if self.text.trim().is_empty() {
                    e.push(FieldError::new("text", "Say what was observed"));
                }
            }
        }
        len(&mut e, "text", &self.text, LONG_MAX, "Note");
        len(&mut e, "source", &self.source, SHORT_MAX, "Source");
        let obs = match (on, e.is_empty()) {
            (Some(on), true) => Some(Observation {
                id: Id::new("pending"),
                indicator_id: self.indicator_id.clone(),
                on,
                value,
                text: self.text.trim().to_string(),
                source: self.source.trim().to_string(),
            }),
            _ => None,
        };
        (obs, e)
    }
}

// ----- stories -----

/// The story form: one step per cycle, starting at any cycle.
#[derive(Clone, Debug, PartialEq)]
pub struct StoryDraft {
    pub title: String,
    pub teller_id: Option<Id>,
    pub teller_name: String,
    pub told_on: String,
    pub start_cycle_id: Id,
    /// Steps with an empty text are dropped; the rest are kept in the cycles' order.
    pub steps: Vec<StoryStep>,
    pub status: StoryStatus,
    pub follow_up_on: String,
    pub meeting_ids: Vec<Id>,
    pub repertoire_item_ids: Vec<Id>,
    pub indicator_ids: Vec<Id>,
    pub verification: Verification,
    pub consent: Consent,
}

impl StoryDraft {
    /// A new story's starting values: self-reported and private to the community until the
    /// teller says otherwise.
    pub fn new(start_cycle: &Id, told_on: NaiveDate) -> Self {
        StoryDraft {
            title: String::new(),
            teller_id: None,
            teller_name: String::new(),
            told_on: told_on.to_string(),
            start_cycle_id: start_cycle.clone(),
            steps: Vec::new(),
            status: StoryStatus::Realised,
            follow_up_on: String::new(),
            meeting_ids: Vec::new(),
            repertoire_item_ids: Vec::new(),
            indicator_ids: Vec::new(),
            verification: Verification::SelfReported,
            consent: Consent::Community,
        }
    }

    pub fn of(s: &Story) -> Self {
        StoryDraft {
            title: s.title.clone(),
            teller_id: s.teller_id.clone(),
            teller_name: s.teller_name.clone(),
            told_on: s.told_on.to_string(),
            start_cycle_id: s.start_cycle_id.clone(),
            steps: s.steps.clone(),
            status: s.status,
            follow_up_on: s.follow_up_on.map(|d| d.to_string()).unwrap_or_default(),
            meeting_ids: s.meeting_ids.clone(),
            repertoire_item_ids: s.repertoire_item_ids.clone(),
            indicator_ids: s.indicator_ids.clone(),
            verification: s.verification,
            consent: s.consent,
        }
    }

    /// The text of the step for `cycle`, empty when it has none.
    pub fn step(&self, cycle: &Id) -> String {
        self.steps
            .iter()
            .find(|s| &s.cycle_id == cycle)
            .map(|s| s.text.clone())
            .unwrap_or_default()
    }

    /// Sets the step for `cycle` (an empty text removes it).
    pub fn set_step(&mut self, cycle: &Id, text: String) {
        self.steps.retain(|s| &s.cycle_id != cycle);
        self.steps.push(StoryStep {
            cycle_id: cycle.clone(),
            text,
        });
    }

    pub fn problems(&self, ws: &Workspace, c: &Community, today: NaiveDate) -> FieldErrors {
        self.check(ws, c, today).1
    }

    fn check(
        &self,
        ws: &Workspace,
        c: &Community,
        today: NaiveDate,
    ) -> (Option<(NaiveDate, Option<NaiveDate>)>, FieldErrors) {
        let mut e = Vec::new();
        required(&mut e, "title", &self.title, "Title");
        match &self.teller_id {
            Some(t) if ws.person(t).is_none() => {
                e.push(FieldError::new("teller", "That person is no longer in the workspace"))
            }
            None if self.teller_name.trim().is_empty() => e.push(FieldError::new(
                "teller",
                "Say who tells the story: choose a person or type a name",
            )),
            _ => len(&mut e, "teller", &self.teller_name, SHORT_MAX, "The teller's name"),
        }
        let told = date(&mut e, "told_on", &self.told_on, "date the story was told", Some(today));
        if !ws.catalogues.contains(CatalogueKind::ValueCycles, &self.start_cycle_id) {
            e.push(FieldError::new(
                "start_cycle_id",
                "Choose the cycle the story starts in",
            ));
        } else if self.step(&self.start_cycle_id).trim().is_empty() {
            let label = ws.catalogues.label(CatalogueKind::ValueCycles, &self.start_cycle_id);
            e.push(FieldError::new(
                "steps",
                format!("Tell the first step: the story starts in the cycle “{label}”"),
            ));
        }
        for (i, s) in self.steps.iter().enumerate() {
            if !ws.catalogues.contains(CatalogueKind::ValueCycles, &s.cycle_id) {
                e.push(FieldError::new(
                    "steps",
                    format!("'{}' is not a value cycle", s.cycle_id),
                ));
            } else if self.steps[..i].iter().any(|x| x.cycle_id == s.cycle_id) {
                e.push(FieldError::new("steps", "A cycle is told twice"));
            }
            let label = ws.catalogues.label(CatalogueKind::ValueCycles, &s.cycle_id);
            len(&mut e, "steps", &s.text, LONG_MAX, &format!("The step “{label}”"));
        }
        let mut follow = None;
        match self.status {
            StoryStatus::Aspirational => {
                if let Some(f) = date(&mut e, "follow_up_on", &self.follow_up_on, "follow-up date", None) {
                    if told.is_some_and(|t| f < t) {
                        e.push(FieldError::new(
                            "follow_up_on",
                            "The follow-up date must not be before the story was told",
                        ));
                    } else {
                        follow = Some(f);
                    }
                }
            }
            StoryStatus::Realised => {
                if !self.follow_up_on.trim().is_empty() {
                    follow = date(&mut e, "follow_up_on", &self.follow_up_on, "follow-up date", None);
                }
            }
        }
        let meetings: Vec<&Id> = c.facilitation.meetings.iter().map(|m| &m.id).collect();
        if self.meeting_ids.iter().any(|m| !meetings.contains(&m)) {
            e.push(FieldError::new("meeting_ids", "A linked meeting no longer exists"));
        }
        if self
            .repertoire_item_ids
            .iter()
            .any(|r| !c.practice.iter().any(|p| &p.id == r))
        {
            e.push(FieldError::new(
                "repertoire_item_ids",
                "A linked repertoire item no longer exists",
            ));
        }
        if self
            .indicator_ids
            .iter()
            .any(|r| !c.evaluation.indicators.iter().any(|p| &p.id == r))
        {
            e.push(FieldError::new("indicator_ids", "A linked indicator no longer exists"));
        }
        let out = told.filter(|_| e.is_empty()).map(|t| (t, follow));
        (out, e)
    }

    fn apply(&self, ws: &Workspace, s: &mut Story, told: NaiveDate, follow: Option<NaiveDate>) {
        s.title = self.title.trim().to_string();
        s.teller_id = self.teller_id.clone();
        s.teller_name = if self.teller_id.is_some() {
            String::new()
        } else {
            self.teller_name.trim().to_string()
        };
        s.told_on = told;
        s.start_cycle_id = self.start_cycle_id.clone();
        let mut steps: Vec<StoryStep> = self
            .steps
            .iter()
            .filter(|st| !st.text.trim().is_empty())
            .map(|st| StoryStep {
                cycle_id: st.cycle_id.clone(),
                text: st.text.trim().to_string(),
            })
            .collect();
        steps.sort_by_key(|st| cycle_rank(&ws.catalogues, &st.cycle_id));
        s.steps = steps;
        s.status = self.status;
        s.follow_up_on = follow;
        s.meeting_ids = dedup(&self.meeting_ids);
        s.repertoire_item_ids = dedup(&self.repertoire_item_ids);
        s.indicator_ids = dedup(&self.indicator_ids);
        s.verification = self.verification;
        s.consent = self.consent;
    }
}

// ----- reflections -----

/// The reflection form: what have we achieved, what challenges lie ahead.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReflectionDraft {
    pub on: String,
    pub achieved: String,
    pub challenges: String,
    pub decisions: String,
    pub stage_id: Option<Id>,
}

impl ReflectionDraft {
    pub fn of(r: &Reflection) -> Self {
        ReflectionDraft {
            on: r.on.to_string(),
            achieved: r.achieved.clone(),
            challenges: r.challenges.clone(),
            decisions: r.decisions.clone(),
            stage_id: r.stage_id.clone(),
        }
    }

    pub fn problems(&self, ws: &Workspace, today: NaiveDate) -> FieldErrors {
        self.check(ws, today).1
    }

    fn check(&self, ws: &Workspace, today: NaiveDate) -> (Option<NaiveDate>, FieldErrors) {
        let mut e = Vec::new();
        let on = date(&mut e, "on", &self.on, "date", Some(today));
        if self.achieved.trim().is_empty() && self.challenges.trim().is_empty() {
            e.push(FieldError::new(
                "achieved",
                "Write what the community has achieved, or the challenges ahead",
            ));
        }
        len(&mut e, "achieved", &self.achieved, LONG_MAX, "What was achieved");
        len(&mut e, "challenges", &self.challenges, LONG_MAX, "The challenges");
        len(&mut e, "decisions", &self.decisions, LONG_MAX, "The decisions");
        if let Some(s) = &self.stage_id {
            if !ws.catalogues.contains(CatalogueKind::LifecycleStages, s) {
                e.push(FieldError::new("stage_id", "Choose a lifecycle stage"));
            }
        }
        (on.filter(|_| e.is_empty()), e)
    }
}

impl Workspace {
    // ----- plans -----

    pub fn add_value_plan(&mut self, community: &Id, id: Id, draft: &PlanDraft, now: Timestamp) -> ModelResult {
        let c = community_ref(self, community)?;
        let (period, e) = draft.check(self, c, None);
        invalid(e)?;
        fresh_id(self.id_in_use(&id), &id)?;
        let (aspirations, collection) = draft.normalised(self);
        let (from, to) = period.ok_or_else(|| ModelError::Refused("The period is not valid".into()))?;
        self.with_community(community, now, |c| {
            c.evaluation.plans.push(ValuePlan {
                id,
                from,
                to,
                aspirations,
                collection,
                note: draft.note.trim().to_string(),
                created_at: now,
                updated_at: now,
            });
            c.evaluation.plans.sort_by_key(|p| p.from);
            Ok(())
        })
    }

    pub fn update_value_plan(&mut self, community: &Id, id: &Id, draft: &PlanDraft, now: Timestamp) -> ModelResult {
        let c = community_ref(self, community)?;
        if !c.evaluation.plans.iter().any(|p| &p.id == id) {
            return Err(gone("plan"));
        }
        let (period, e) = draft.check(self, c, Some(id));
        invalid(e)?;
        let (aspirations, collection) = draft.normalised(self);
        let (from, to) = period.ok_or_else(|| ModelError::Refused("The period is not valid".into()))?;
        self.with_community(community, now, |c| {
            let p = find_by_id(&mut c.evaluation.plans, id, |x| &x.id, "plan")?;
            p.from = from;
            p.to = to;
            p.aspirations = aspirations;
            p.collection = collection;
            p.note = draft.note.trim().to_string();
            p.updated_at = now.max(p.created_at);
            c.evaluation.plans.sort_by_key(|p| p.from);
            Ok(())
        })
    }

    pub fn delete_value_plan(&mut self, community: &Id, id: &Id, now: Timestamp) -> ModelResult {
        self.with_community(community, now, |c| {
            remove_by_id(&mut c.evaluation.plans, id, |x| &x.id, "plan")
        })
    }

    // ----- indicators -----

    pub fn add_value_indicator(
        &mut self,
        community: &Id,
        id: Id,
        draft: &IndicatorDraft,
        now: Timestamp,
    ) -> ModelResult {
        let c = community_ref(self, community)?;
        invalid(draft.problems(self, c, None))?;
        fresh_id(self.id_in_use(&id), &id)?;
        self.with_community(community, now, |c| {
            let mut i = Indicator {
                id,
                cycle_id: draft.cycle_id.clone(),
                name: String::new(),
                unit: String::new(),
                kind: draft.kind,
                source: String::new(),
                target: None,
                derived: None,
                description: String::new(),
            };
            draft.apply(&mut i);
            c.evaluation.indicators.push(i);
            Ok(())
        })
    }

    pub fn update_value_indicator(
        &mut self,
        community: &Id,
        id: &Id,
        draft: &IndicatorDraft,
        now: Timestamp,
    ) -> ModelResult {
        let c = community_ref(self, community)?;
        if !c.evaluation.indicators.iter().any(|i| &i.id == id) {
            return Err(gone("indicator"));
        }
        invalid(draft.problems(self, c, Some(id)))?;
        self.with_community(community, now, |c| {
            let i = find_by_id(&mut c.evaluation.indicators, id, |x| &x.id, "indicator")?;
            draft.apply(i);
            Ok(())
        })
    }

    /// Deletes an indicator with its observations, and unlinks it from the plans' collection
    /// and from the stories it gave evidence for.
    pub fn delete_value_indicator(&mut self, community: &Id, id: &Id, now: Timestamp) -> ModelResult {
        self.with_community(community, now, |c| {
            let ev = &mut c.evaluation;
            remove_by_id(&mut ev.indicators, id, |x| &x.id, "indicator")?;
            ev.observations.retain(|o| &o.indicator_id != id);
            for p in &mut ev.plans {
                p.collection.retain(|col| &col.indicator_id != id);
            }
            for s in &mut ev.stories {
                s.indicator_ids.retain(|i| i != id);
            }
            Ok(())
        })
    }

    /// What deleting an indicator takes with it, for the confirmation.
    pub fn value_indicator_usage(&self, community: &Id, id: &Id) -> Vec<String> {
        let Some(c) = self.community(community) else {
            return Vec::new();
        };
        let ev = &c.evaluation;
        let mut out = Vec::new();
        let n = ev.observations.iter().filter(|o| &o.indicator_id == id).count();
        if n > 0 {
            out.push(format!("{n} observation{}", if n == 1 { "" } else { "s" }));
        }
        let p = ev
            .plans
            .iter()
            .filter(|p| p.collection.iter().any(|c| &c.indicator_id == id))
            .count();
        if p > 0 {
            out.push(format!(
                "its place in {p} value-creation plan{}",
                if p == 1 { "" } else { "s" }
            ));
        }
        let s = ev.stories.iter().filter(|s| s.indicator_ids.contains(id)).count();
        if s > 0 {
            out.push(format!("its link from {s} stor{}", if s == 1 { "y" } else { "ies" }));
        }
        out
    }

    // ----- observations -----

    pub fn add_observation(
        &mut self,
        community: &Id,
        id: Id,
        draft: &ObservationDraft,
        today: NaiveDate,
        now: Timestamp,
    ) -> ModelResult {
        let c = community_ref(self, community)?;
        let (obs, e) = draft.check(c, today);
        invalid(e)?;
        fresh_id(self.id_in_use(&id), &id)?;
        let mut obs = obs.ok_or_else(|| ModelError::Refused("The observation is not valid".into()))?;
        obs.id = id;
        self.with_community(community, now, |c| {
            c.evaluation.observations.push(obs);
            Ok(())
        })
    }

    pub fn update_observation(
        &mut self,
        community: &Id,
        id: &Id,
        draft: &ObservationDraft,
        today: NaiveDate,
        now: Timestamp,
    ) -> ModelResult {
        let c = community_ref(self, community)?;
        if !c.evaluation.observations.iter().any(|o| &o.id == id) {
            return Err(gone("observation"));
        }
        let (obs, e) = draft.check(c, today);
        invalid(e)?;
        let mut obs = obs.ok_or_else(|| ModelError::Refused("The observation is not valid".into()))?;
        obs.id = id.clone();
        self.with_community(community, now, |c| {
            let o = find_by_id(&mut c.evaluation.observations, id, |x| &x.id, "observation")?;
            *o = obs;
            Ok(())
        })
    }

    pub fn delete_observation(&mut self, community: &Id, id: &Id, now: Timestamp) -> ModelResult {
        self.with_community(community, now, |c| {
            remove_by_id(&mut c.evaluation.observations, id, |x| &x.id, "observation")
        })
    }

    // ----- stories -----

    pub fn add_story(
        &mut self,
        community: &Id,
        id: Id,
        draft: &StoryDraft,
        today: NaiveDate,
        now: Timestamp,
    ) -> ModelResult {
        let c = community_ref(self, community)?;
        let (dates, e) = draft.check(self, c, today);
        invalid(e)?;
        fresh_id(self.id_in_use(&id), &id)?;
        let (told, follow) = dates.ok_or_else(|| ModelError::Refused("The story is not valid".into()))?;
        let mut s = Story {
            id,
            title: String::new(),
            teller_id: None,
            teller_name: String::new(),
            told_on: told,
            start_cycle_id: draft.start_cycle_id.clone(),
            steps: Vec::new(),
            status: draft.status,
            follow_up_on: None,
            meeting_ids: Vec::new(),
            repertoire_item_ids: Vec::new(),
            indicator_ids: Vec::new(),
            verification: draft.verification,
            consent: draft.consent,
            created_at: now,
            updated_at: now,
        };
        draft.apply(self, &mut s, told, follow);
        self.with_community(community, now, |c| {
            c.evaluation.stories.push(s);
            Ok(())
        })
    }

    pub fn update_story(
        &mut self,
        community: &Id,
        id: &Id,
        draft: &StoryDraft,
        today: NaiveDate,
        now: Timestamp,
    ) -> ModelResult {
        let c = community_ref(self, community)?;
        let Some(old) = c.evaluation.stories.iter().find(|s| &s.id == id) else {
            return Err(gone("story"));
        };
        let (dates, e) = draft.check(self, c, today);
        invalid(e)?;
        let (told, follow) = dates.ok_or_else(|| ModelError::Refused("The story is not valid".into()))?;
        let mut s = old.clone();
        draft.apply(self, &mut s, told, follow);
        s.updated_at = now.max(s.created_at);
        self.with_community(community, now, |c| {
            let slot = find_by_id(&mut c.evaluation.stories, id, |x| &x.id, "story")?;
            *slot = s;
            Ok(())
        })
    }

    pub fn delete_story(&mut self, community: &Id, id: &Id, now: Timestamp) -> ModelResult {
        self.with_community(community, now, |c| {
            remove_by_id(&mut c.evaluation.stories, id, |x| &x.id, "story")
        })
    }

    // ----- reflections -----

    pub fn add_reflection(
        &mut self,
        community: &Id,
        id: Id,
        draft: &ReflectionDraft,
        today: NaiveDate,
        now: Timestamp,
    ) -> ModelResult {
        let (on, e) = draft.check(self, today);
        community_ref(self, community)?;
        invalid(e)?;
        fresh_id(self.id_in_use(&id), &id)?;
        let on = on.ok_or_else(|| ModelError::Refused("The reflection is not valid".into()))?;
        self.with_community(community, now, |c| {
            c.evaluation.reflections.push(Reflection {
                id,
                on,
                achieved: draft.achieved.trim().to_string(),
                challenges: draft.challenges.trim().to_string(),
                decisions: draft.decisions.trim().to_string(),
                stage_id: draft.stage_id.clone(),
                created_at: now,
                updated_at: now,
            });
            c.evaluation.reflections.sort_by_key(|r| r.on);
            Ok(())
        })
    }

    pub fn update_reflection(
        &mut self,
        community: &Id,
        id: &Id,
        draft: &ReflectionDraft,
        today: NaiveDate,
        now: Timestamp,
    ) -> ModelResult {
        let (on, e) = draft.check(self, today);
        community_ref(self, community)?;
        invalid(e)?;
        let on = on.ok_or_else(|| ModelError::Refused("The reflection is not valid".into()))?;
        self.with_community(community, now, |c| {
            let r = find_by_id(&mut c.evaluation.reflections, id, |x| &x.id, "reflection")?;
            r.on = on;
            r.achieved = draft.achieved.trim().to_string();
            r.challenges = draft.challenges.trim().to_string();
            r.decisions = draft.decisions.trim().to_string();
            r.stage_id = draft.stage_id.clone();
            r.updated_at = now.max(r.created_at);
            c.evaluation.reflections.sort_by_key(|r| r.on);
            Ok(())
        })
    }

    pub fn delete_reflection(&mut self, community: &Id, id: &Id, now: Timestamp) -> ModelResult {
        self.with_community(community, now, |c| {
            remove_by_id(&mut c.evaluation.reflections, id, |x| &x.id, "reflection")
        })
    }
}

fn community_ref<'a>(ws: &'a Workspace, id: &Id) -> ModelResult<&'a Community> {
    community(ws, id)
}

/// The latest reflection of a community (by date), for the lifecycle page.
pub fn latest_reflection(c: &Community) -> Option<&Reflection> {
    c.evaluation.reflections.iter().max_by_key(|r| (r.on, r.updated_at))
}
