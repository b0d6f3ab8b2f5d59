//! Validation of the Evaluation chapter's records: value-creation plans, indicators and
//! observations, stories and reflections. Called from [`super::validate`], which owns the
//! checker and the path conventions.


use super::catalogue::{CatalogueKind, Catalogues};
use super::evaluation::{IndicatorKind, StoryStatus};
use super::ids::Id;
use super::limits::{LONG_MAX, SHORT_MAX};
use super::validate::{Checker, HashSet, Path};
use super::workspace::Community;

pub(super) fn check_evaluation<'a>(
    ck: &mut Checker<'a>,
    cats: &Catalogues,
    p: &Path<'_>,
    c: &'a Community,
    person_ids: &HashSet<&Id>,
) {
    let e = &c.evaluation;
    let p = p.field("evaluation");
    let indicator_ids: HashSet<&Id> = e.indicators.iter().map(|i| &i.id).collect();
    let meeting_ids: HashSet<&Id> = c.facilitation.meetings.iter().map(|m| &m.id).collect();
    let practice_ids: HashSet<&Id> = c.practice.iter().map(|r| &r.id).collect();
    let cycle = |ck: &mut Checker<'a>, path: std::fmt::Arguments<'_>, id: &Id| {
        ck.catalogue_ref(path, cats, CatalogueKind::ValueCycles, id);
    };
    let indicator = |ck: &mut Checker<'a>, path: std::fmt::Arguments<'_>, id: &Id| {
        if !indicator_ids.contains(id) {
            ck.push(path.to_string(), format!("no indicator with id '{id}' in this community"));
        }
    };

    for (i, plan) in e.plans.iter().enumerate() {
        let pp = p.item("plans", i);
        ck.id(format_args!("{pp}.id"), &plan.id);
        if plan.to < plan.from {
            ck.push(format!("{pp}.to"), format!("{} is before the start {}", plan.to, plan.from));
        }
        if plan.updated_at < plan.created_at {
            ck.push(format!("{pp}.updated_at"), "is before created_at");
        }
        for (j, a) in plan.aspirations.iter().enumerate() {
            let ap = pp.item("aspirations", j);
            cycle(ck, format_args!("{ap}.cycle_id"), &a.cycle_id);
            if plan.aspirations[..j].iter().any(|x| x.cycle_id == a.cycle_id) {
                ck.push(format!("{ap}.cycle_id"), "has a second aspiration for the same cycle");
            }
            ck.len(format_args!("{ap}.text"), &a.text, LONG_MAX);
            ck.len(format_args!("{ap}.stakeholders"), &a.stakeholders, SHORT_MAX);
        }
        for (j, col) in plan.collection.iter().enumerate() {
            let cp = pp.item("collection", j);
            indicator(ck, format_args!("{cp}.indicator_id"), &col.indicator_id);
            if plan.collection[..j].iter().any(|x| x.indicator_id == col.indicator_id) {
                ck.push(format!("{cp}.indicator_id"), "lists the same indicator twice");
            }
            ck.len(format_args!("{cp}.data_source"), &col.data_source, SHORT_MAX);
            ck.len(format_args!("{cp}.schedule"), &col.schedule, SHORT_MAX);
            if let Some(who) = &col.collector_id {
                if !person_ids.contains(who) {
                    ck.push(format!("{cp}.collector_id"), format!("no person with id '{who}'"));
                }
            }
        }
        ck.len(format_args!("{pp}.note"), &plan.note, LONG_MAX);
    }

    for (i, ind) in e.indicators.iter().enumerate() {
        let ip = p.item("indicators", i);
        ck.id(format_args!("{ip}.id"), &ind.id);
        cycle(ck, format_args!("{ip}.cycle_id"), &ind.cycle_id);
        ck.name(format_args!("{ip}.name"), &ind.name);
        ck.len(format_args!("{ip}.unit"), &ind.unit, SHORT_MAX);
        ck.len(format_args!("{ip}.source"), &ind.source, SHORT_MAX);
        ck.len(format_args!("{ip}.description"), &ind.description, LONG_MAX);
        if ind.kind == IndicatorKind::Qualitative && ind.target.is_some() {
            ck.push(format!("{ip}.target"), "must be empty for a qualitative indicator");
        }
        if ind.kind == IndicatorKind::Qualitative && ind.derived.is_some() {
            ck.push(format!("{ip}.derived"), "must be empty for a qualitative indicator");
        }
        if let Some(t) = ind.target {
            if !t.0.is_finite() {
                ck.push(format!("{ip}.target"), "must be a number");
            }
        }
    }

    for (i, o) in e.observations.iter().enumerate() {
        let op = p.item("observations", i);
        ck.id(format_args!("{op}.id"), &o.id);
        indicator(ck, format_args!("{op}.indicator_id"), &o.indicator_id);
        let ind = e.indicators.iter().find(|x| x.id == o.indicator_id);
        match (ind.map(|x| (x.kind, x.derived.is_some())), o.value) {
            (Some((_, true)), _) => ck.push(
                format!("{op}.indicator_id"),
                "names a derived indicator, whose values are computed, not observed",
            ),
            (Some((IndicatorKind::Quantitative, _)), None) => {
                ck.push(format!("{op}.value"), "must be a number for a quantitative indicator")
            }
            (Some((IndicatorKind::Qualitative, _)), Some(_)) => {
                ck.push(format!("{op}.value"), "must be empty for a qualitative indicator")
            }
            (Some((IndicatorKind::Qualitative, _)), None) if o.text.trim().is_empty() => {
                ck.push(format!("{op}.text"), "must say what was observed")
            }
            _ => {}
        }
        if let Some(v) = o.value {
            if !v.0.is_finite() {
                ck.push(format!("{op}.value"), "must be a number");
            }
        }
        ck.len(format_args!("{op}.text"), &o.text, LONG_MAX);
        ck.len(format_args!("{op}.source"), &o.source, SHORT_MAX);
    }

    for (i, s) in e.stories.iter().enumerate() {
        let sp = p.item("stories", i);
        ck.id(format_args!("{sp}.id"), &s.id);
        ck.name(format_args!("{sp}.title"), &s.title);
        if let Some(t) = &s.teller_id {
            if !person_ids.contains(t) {
                ck.push(format!("{sp}.teller_id"), format!("no person with id '{t}'"));
            }
        }
        ck.len(format_args!("{sp}.teller_name"), &s.teller_name, SHORT_MAX);
        cycle(ck, format_args!("{sp}.start_cycle_id"), &s.start_cycle_id);
        for (j, st) in s.steps.iter().enumerate() {
            let stp = sp.item("steps", j);
            cycle(ck, format_args!("{stp}.cycle_id"), &st.cycle_id);
            if s.steps[..j].iter().any(|x| x.cycle_id == st.cycle_id) {
                ck.push(format!("{stp}.cycle_id"), "tells the same cycle twice");
            }
            ck.len(format_args!("{stp}.text"), &st.text, LONG_MAX);
        }
        if s.status == StoryStatus::Aspirational && s.follow_up_on.is_none() {
            ck.push(format!("{sp}.follow_up_on"), "must be set for an aspirational story");
        }
        for (j, m) in s.meeting_ids.iter().enumerate() {
            if !meeting_ids.contains(m) {
                ck.push(format!("{sp}.meeting_ids[{j}]"), format!("no meeting with id '{m}' in this community"));
            }
        }
        for (j, r) in s.repertoire_item_ids.iter().enumerate() {
            if !practice_ids.contains(r) {
                ck.push(
                    format!("{sp}.repertoire_item_ids[{j}]"),
                    format!("no repertoire item with id '{r}' in this community"),
                );
            }
        }
        for (j, ind) in s.indicator_ids.iter().enumerate() {
            indicator(ck, format_args!("{sp}.indicator_ids[{j}]"), ind);
        }
        if s.updated_at < s.created_at {
            ck.push(format!("{sp}.updated_at"), "is before created_at");
        }
    }

    for (i, r) in e.reflections.iter().enumerate() {
        let rp = p.item("reflections", i);
        ck.id(format_args!("{rp}.id"), &r.id);
        ck.len(format_args!("{rp}.achieved"), &r.achieved, LONG_MAX);
        ck.len(format_args!("{rp}.challenges"), &r.challenges, LONG_MAX);
        ck.len(format_args!("{rp}.decisions"), &r.decisions, LONG_MAX);
        if let Some(stage) = &r.stage_id {
            ck.catalogue_ref(format_args!("{rp}.stage_id"), cats, CatalogueKind::LifecycleStages, stage);
        }
        if r.updated_at < r.created_at {
            ck.push(format!("{rp}.updated_at"), "is before created_at");
        }
    }
}
