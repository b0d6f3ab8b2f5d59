//! Validation of the Facilitating chapter's records: meeting formats and meetings.
//! Called from [`super::validate`], which owns the checker and the path conventions.

use std::fmt::Display;

use super::catalogue::{CatalogueKind, Catalogues, FormatSpec};
use super::facilitation::{BLOCK_MINUTES_MAX, SLOT_MINUTES_MAX};
use super::ids::Id;
use super::limits::{LONG_MAX, NAME_MAX, SHORT_MAX};
use super::validate::{Checker, HashSet, Path};
use super::workspace::Community;

/// A meeting format's details: a duration and a group size range that make sense.
pub(super) fn check_format_spec(ck: &mut Checker<'_>, p: &str, f: &FormatSpec) {
    if f.minutes == 0 || f.minutes > BLOCK_MINUTES_MAX {
        ck.push(format!("{p}.minutes"), format!("must be 1 to {BLOCK_MINUTES_MAX}"));
    }
    if f.group_min == 0 {
        ck.push(format!("{p}.group_min"), "must be at least 1");
    }
    if f.group_max < f.group_min {
        ck.push(format!("{p}.group_max"), format!("must be at least group_min ({})", f.group_min));
    }
    for (i, step) in f.steps.iter().enumerate() {
        if step.trim().is_empty() {
            ck.push(format!("{p}.steps[{i}]"), "must not be empty");
        }
        ck.len(format_args!("{p}.steps[{i}]"), step, SHORT_MAX);
    }
    ck.len(format_args!("{p}.online_needs"), &f.online_needs, SHORT_MAX);
    ck.len(format_args!("{p}.in_person_needs"), &f.in_person_needs, SHORT_MAX);
}

/// A community's meetings: ids unique, every reference resolves, times in range, the run
/// state points at a block, the record's people exist.
pub(super) fn check_facilitation<'a>(
    ck: &mut Checker<'a>,
    cats: &Catalogues,
    p: &Path<'_>,
    c: &'a Community,
    person_ids: &HashSet<&Id>,
) {
    let p = p.field("facilitation");
    let topic_ids: HashSet<&Id> = c.cultivation.forming.agenda.iter().map(|t| &t.id).collect();
    let practice_ids: HashSet<&Id> = c.practice.iter().map(|r| &r.id).collect();
    let person = |ck: &mut Checker<'a>, path: &dyn Display, id: &Id| {
        if !person_ids.contains(id) {
            ck.push(path.to_string(), format!("no person with id '{id}'"));
        }
    };
    for (i, m) in c.facilitation.meetings.iter().enumerate() {
        let mp = p.item("meetings", i);
        ck.id(format_args!("{mp}.id"), &m.id);
        ck.name(format_args!("{mp}.title"), &m.title);
        ck.len(format_args!("{mp}.purpose"), &m.purpose, LONG_MAX);
        ck.len(format_args!("{mp}.location"), &m.location, SHORT_MAX);
        if m.slot_minutes == 0 || m.slot_minutes > SLOT_MINUTES_MAX {
            ck.push(format!("{mp}.slot_minutes"), format!("must be 1 to {SLOT_MINUTES_MAX}"));
        }
        if m.updated_at < m.created_at {
            ck.push(format!("{mp}.updated_at"), "is before created_at");
        }
        for (j, t) in m.agenda_topic_ids.iter().enumerate() {
            if !topic_ids.contains(t) {
                ck.push(
                    format!("{mp}.agenda_topic_ids[{j}]"),
                    format!("no learning-agenda topic with id '{t}' in this community"),
                );
            }
            if m.agenda_topic_ids[..j].contains(t) {
                ck.push(format!("{mp}.agenda_topic_ids[{j}]"), "lists the same topic twice");
            }
        }
        for (j, a) in m.activity_type_ids.iter().enumerate() {
            ck.catalogue_ref(format_args!("{mp}.activity_type_ids[{j}]"), cats, CatalogueKind::ActivityTypes, a);
            if m.activity_type_ids[..j].contains(a) {
                ck.push(format!("{mp}.activity_type_ids[{j}]"), "lists the same activity type twice");
            }
        }
        for (j, b) in m.blocks.iter().enumerate() {
            let bp = mp.item("blocks", j);
            ck.id(format_args!("{bp}.id"), &b.id);
            ck.name(format_args!("{bp}.title"), &b.title);
            if let Some(f) = &b.format_id {
                ck.catalogue_ref(format_args!("{bp}.format_id"), cats, CatalogueKind::MeetingFormats, f);
            }
            if b.minutes == 0 || b.minutes > BLOCK_MINUTES_MAX {
                ck.push(format!("{bp}.minutes"), format!("must be 1 to {BLOCK_MINUTES_MAX}"));
            }
            if let Some(f) = &b.facilitator_id {
                person(ck, &format_args!("{bp}.facilitator_id"), f);
            }
            ck.len(format_args!("{bp}.notes"), &b.notes, LONG_MAX);
            ck.len(format_args!("{bp}.materials"), &b.materials, LONG_MAX);
        }
        for (j, r) in m.roles.iter().enumerate() {
            let rp = mp.item("roles", j);
            person(ck, &format_args!("{rp}.person_id"), &r.person_id);
            ck.catalogue_ref(
                format_args!("{rp}.leadership_group_id"),
                cats,
                CatalogueKind::LeadershipGroups,
                &r.leadership_group_id,
            );
            if m.roles[..j].iter().any(|x| x.person_id == r.person_id && x.leadership_group_id == r.leadership_group_id) {
                ck.push(rp.to_string(), "assigns the same person to the same group twice");
            }
        }
        for (j, d) in m.checklist_done.iter().enumerate() {
            ck.catalogue_ref(format_args!("{mp}.checklist_done[{j}]"), cats, CatalogueKind::MeetingChecklist, d);
            if m.checklist_done[..j].contains(d) {
                ck.push(format!("{mp}.checklist_done[{j}]"), "ticks the same item twice");
            }
        }
        if let Some(run) = &m.run {
            let rp = mp.field("run");
            if run.block_index as usize >= m.blocks.len() {
                ck.push(
                    format!("{rp}.block_index"),
                    format!("is {} but the agenda has {} blocks", run.block_index, m.blocks.len()),
                );
            }
            if let Some(at) = run.paused_at {
                if at < run.block_started_at {
                    ck.push(format!("{rp}.paused_at"), "is before block_started_at");
                }
            }
        }
        if let Some(rec) = &m.record {
            let rp = mp.field("record");
            for (j, a) in rec.attendee_ids.iter().enumerate() {
                person(ck, &format_args!("{rp}.attendee_ids[{j}]"), a);
                if rec.attendee_ids[..j].contains(a) {
                    ck.push(format!("{rp}.attendee_ids[{j}]"), "lists the same person twice");
                }
            }
            for (j, g) in rec.guests.iter().enumerate() {
                if g.trim().is_empty() {
                    ck.push(format!("{rp}.guests[{j}]"), "must not be empty");
                }
                ck.len(format_args!("{rp}.guests[{j}]"), g, NAME_MAX);
            }
            for (j, h) in rec.harvest.iter().enumerate() {
                let hp = rp.item("harvest", j);
                ck.id(format_args!("{hp}.id"), &h.id);
                if h.text.trim().is_empty() {
                    ck.push(format!("{hp}.text"), "must not be empty");
                }
                ck.len(format_args!("{hp}.text"), &h.text, LONG_MAX);
                if let Some(r) = &h.repertoire_item_id {
                    if !practice_ids.contains(r) {
                        ck.push(
                            format!("{hp}.repertoire_item_id"),
                            format!("no repertoire item with id '{r}' in this community"),
                        );
                    }
                }
            }
            for (j, f) in rec.follow_ups.iter().enumerate() {
                let fp = rp.item("follow_ups", j);
                ck.id(format_args!("{fp}.id"), &f.id);
                if f.what.trim().is_empty() {
                    ck.push(format!("{fp}.what"), "must not be empty");
                }
                ck.len(format_args!("{fp}.what"), &f.what, SHORT_MAX);
                if let Some(who) = &f.person_id {
                    person(ck, &format_args!("{fp}.person_id"), who);
                }
            }
            ck.len(format_args!("{rp}.notes"), &rec.notes, LONG_MAX);
        }
    }
}
