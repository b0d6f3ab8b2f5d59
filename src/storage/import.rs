//! Import planning: what a decoded file will do to the current workspace, before the user
//! confirms. Pure, so it is tested natively.

use crate::model::{validate_workspace, CatalogueKind, Community, Id, Problem, Timestamp, Workspace};

use super::format::{CommunityBundle, Document};

/// Counts shown in an import preview.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub organisations: usize,
    pub people: usize,
    pub communities: usize,
    pub memberships: usize,
    pub repertoire: usize,
}

impl Counts {
    pub fn of(ws: &Workspace) -> Self {
        Counts {
            organisations: ws.organisations.len(),
            people: ws.people.len(),
            communities: ws.communities.len(),
            memberships: ws.communities.iter().map(|c| c.memberships.len()).sum(),
            repertoire: ws.communities.iter().map(|c| c.practice.len()).sum(),
        }
    }

    pub fn describe(&self) -> String {
        format!(
            "{} communities, {} people, {} organisations, {} memberships, {} repertoire items",
            self.communities, self.people, self.organisations, self.memberships, self.repertoire
        )
    }
}

/// What confirming an import will do.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportPlan {
    /// Replace the whole workspace with the file's.
    Replace {
        incoming: Box<Workspace>,
        incoming_counts: Counts,
        current_counts: Option<Counts>,
    },
    /// Add (or replace) one community, with the people, organisations and catalogue entries
    /// it needs that the workspace lacks. `result` is the workspace afterwards.
    AddCommunity {
        result: Box<Workspace>,
        community: String,
        replaces_existing: bool,
        new_people: usize,
        new_organisations: usize,
        new_catalogue_entries: usize,
    },
}

/// Adds a one-community file to `ws`. People and organisations already present (same id)
/// are kept as they are; missing ones are added, as are missing catalogue entries. A
/// community with the same id is replaced. The result is validated as a whole.
pub fn add_community(ws: &Workspace, bundle: &CommunityBundle, now: Timestamp) -> Result<ImportPlan, Vec<Problem>> {
    let mut out = ws.clone();
    let mut new_people = 0;
    let mut new_organisations = 0;
    let mut new_catalogue_entries = 0;
    for o in &bundle.organisations {
        if out.organisation(&o.id).is_none() {
            out.organisations.push(o.clone());
            new_organisations += 1;
        }
    }
    for p in &bundle.people {
        if out.person(&p.id).is_none() {
            out.people.push(p.clone());
            new_people += 1;
        }
    }
    // Only the entries the community uses: entries the user removed from their own catalogues
    // on purpose do not come back with every file from someone who kept the defaults.
    let mut wanted = referenced_entries(&bundle.community);
    // An entry that belongs to another (a stage's task) brings its parent along.
    let parents: Vec<(CatalogueKind, Id)> = wanted
        .iter()
        .filter_map(|(kind, id)| {
            let parent = kind.parent()?;
            let pid = bundle.catalogues.entry(*kind, id)?.parent_id.clone()?;
            Some((parent, pid))
        })
        .collect();
    wanted.extend(parents);
    for (kind, id) in wanted {
        if !out.catalogues.contains(kind, &id) {
            if let Some(e) = bundle.catalogues.entry(kind, &id) {
                out.catalogues.get_mut(kind).push(e.clone());
                new_catalogue_entries += 1;
            }
        }
    }
    let replaces_existing = out.community(&bundle.community.id).is_some();
    out.communities.retain(|c| c.id != bundle.community.id);
    out.communities.push(bundle.community.clone());
    if now > out.updated_at {
        out.updated_at = now;
    }
    let problems = validate_workspace(&out);
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(ImportPlan::AddCommunity {
        community: bundle.community.name.clone(),
        result: Box::new(out),
        replaces_existing,
        new_people,
        new_organisations,
        new_catalogue_entries,
    })
}

/// Every catalogue entry a community refers to, without repeats.
pub fn referenced_entries(c: &Community) -> Vec<(CatalogueKind, Id)> {
    let mut out: Vec<(CatalogueKind, Id)> = Vec::new();
    let mut add = |kind: CatalogueKind, id: &Id| {
        if !out.iter().any(|(k, i)| *k == kind && i == id) {
            out.push((kind, id.clone()));
        }
    };
    add(CatalogueKind::FormationTypes, &c.formation_type_id);
    add(CatalogueKind::LifecycleStages, &c.lifecycle_stage_id);
    for m in &c.memberships {
        add(CatalogueKind::ParticipationLevels, &m.level_id);
        for r in &m.role_ids {
            add(CatalogueKind::Roles, r);
        }
        for h in &m.history {
            add(CatalogueKind::ParticipationLevels, &h.to_level_id);
            if let Some(f) = &h.from_level_id {
                add(CatalogueKind::ParticipationLevels, f);
            }
        }
    }
    for r in &c.practice {
        add(CatalogueKind::RepertoireKinds, &r.kind_id);
    }
    let t = &c.technology;
    for p in &t.profiles {
        for r in &p.ratings {
            add(CatalogueKind::Orientations, &r.orientation_id);
        }
    }
    for tool in &t.tools {
        add(CatalogueKind::ToolCategories, &tool.category_id);
        for o in &tool.orientation_ids {
            add(CatalogueKind::Orientations, o);
        }
        for a in &tool.activity_type_ids {
            add(CatalogueKind::ActivityTypes, a);
        }
    }
    for step in &t.checklist_done {
        add(CatalogueKind::HabitatChecklist, step);
    }
    for r in &c.principles {
        add(CatalogueKind::CultivationPrinciples, &r.principle_id);
    }
    let k = &c.cultivation;
    for a in &k.stage_answers {
        add(CatalogueKind::StageQuestions, &a.question_id);
    }
    for h in &k.stage_history {
        add(CatalogueKind::LifecycleStages, &h.to_stage_id);
        for id in [&h.from_stage_id, &h.suggested_stage_id].into_iter().flatten() {
            add(CatalogueKind::LifecycleStages, id);
        }
    }
    for t in &k.tasks_done {
        add(CatalogueKind::StageTasks, t);
    }
    if let Some(t) = &k.transformation {
        add(CatalogueKind::TransformationModes, &t.mode_id);
    }
    for a in &k.maturity {
        for s in &a.scores {
            add(CatalogueKind::MaturityDimensions, &s.dimension_id);
        }
    }
    for t in &k.onboarding {
        add(CatalogueKind::OnboardingSteps, &t.step_id);
    }
    for a in &k.activities {
        if let Some(t) = &a.activity_type_id {
            add(CatalogueKind::ActivityTypes, t);
        }
    }
    for m in &c.memberships {
        for g in &m.leadership_group_ids {
            add(CatalogueKind::LeadershipGroups, g);
        }
    }
    let st = &c.stewardship;
    if let Some(choice) = &st.structure_choice {
        add(CatalogueKind::StructureTypes, &choice.recommended_id);
        for a in &choice.answers {
            add(CatalogueKind::ChooserQuestions, &a.question_id);
            add(CatalogueKind::ChooserOptions, &a.option_id);
        }
    }
    for h in &st.health_checks {
        for s in &h.scores {
            add(CatalogueKind::SuccessFactors, &s.area_id);
        }
        for r in &h.risks {
            add(CatalogueKind::RiskFactors, r);
        }
    }
    for v in &st.indicator_values {
        add(CatalogueKind::OrgIndicators, &v.indicator_id);
    }
    out
}

/// The plan for a decoded document against the current workspace (if any).
pub fn plan(doc: Document, current: Option<&Workspace>, now: Timestamp) -> Result<ImportPlan, Vec<Problem>> {
    match doc {
        Document::Workspace(env) => Ok(ImportPlan::Replace {
            incoming_counts: Counts::of(&env.data),
            current_counts: current.map(Counts::of),
            incoming: Box::new(env.data),
        }),
        Document::Community(env) => match current {
            Some(ws) => add_community(ws, &env.data, now),
            // With no workspace yet, the community file becomes one.
            None => {
                let ws = env.data.as_workspace(now);
                Ok(ImportPlan::Replace {
                    incoming_counts: Counts::of(&ws),
                    incoming: Box::new(ws),
                    current_counts: None,
                })
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::sample::sample_workspace;
    use crate::storage::format::CommunityBundle;

    #[test]
    fn a_community_file_brings_back_only_the_catalogue_entries_it_uses() {
        let source = sample_workspace();
        let bundle = CommunityBundle::of(&source, &Id::new("c-testing")).unwrap();
        let mut target = sample_workspace();
        // Only the sample's first and third communities stay, so the trimmed roles are unused.
        target
            .communities
            .retain(|c| c.id.as_str() == "c-reliability" || c.id.as_str() == "c-negotiators");
        // The user trimmed two roles they do not use, one of which the community uses.
        for role in ["systems_convener", "welcome_wagon"] {
            let at = target.updated_at;
            target
                .delete_catalogue_entry(CatalogueKind::Roles, &Id::new(role), at)
                .unwrap();
        }
        let ImportPlan::AddCommunity {
            result,
            new_catalogue_entries,
            ..
        } = add_community(&target, &bundle, target.updated_at).unwrap()
        else {
            panic!("expected an added community");
        };
        assert_eq!(new_catalogue_entries, 1, "welcome_wagon is used by Emil's membership");
        assert!(result
            .catalogues
            .contains(CatalogueKind::Roles, &Id::new("welcome_wagon")));
        assert!(
            !result
                .catalogues
                .contains(CatalogueKind::Roles, &Id::new("systems_convener")),
            "an unused entry stays deleted"
        );
        assert_eq!(validate_workspace(&result), vec![]);
    }

    #[test]
    fn referenced_entries_cover_every_kind_a_community_uses() {
        let ws = sample_workspace();
        let refs = referenced_entries(&ws.communities[2]);
        for (kind, id) in [
            (CatalogueKind::FormationTypes, "community_of_practice"),
            (CatalogueKind::LifecycleStages, "stewardship"),
            (CatalogueKind::ParticipationLevels, "peripheral"),
            (CatalogueKind::Roles, "mentor"),
            (CatalogueKind::RepertoireKinds, "document"),
            (CatalogueKind::Orientations, "context"),
            (CatalogueKind::ToolCategories, "newsletter"),
            (CatalogueKind::HabitatChecklist, "async_path"),
        ] {
            assert!(refs.contains(&(kind, Id::new(id))), "{kind:?} {id}");
        }
        let mut dedup = refs.clone();
        dedup.dedup();
        assert_eq!(dedup.len(), refs.len());
    }
}
