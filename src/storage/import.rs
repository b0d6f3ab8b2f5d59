//! Import planning: what a decoded file will do to the current workspace, before the user
//! confirms. Pure, so it is tested natively.

use crate::model::{CatalogueKind, Community, Id, Problem, Timestamp, Workspace};

use crate::model::merge::{MergeError, MergePlan};
use crate::model::words::group_digits;

use super::format::{CommunityBundle, Document, PieceKind};
use super::pieces::{plan_merge_files, FileSource};

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
        let count =
            |n: usize, one: &str, many: &str| format!("{} {}", group_digits(n), if n == 1 { one } else { many });
        [
            count(self.communities, "community", "communities"),
            count(self.people, "person", "people"),
            count(self.organisations, "organisation", "organisations"),
            count(self.memberships, "membership", "memberships"),
            count(self.repertoire, "repertoire item", "repertoire items"),
        ]
        .join(", ")
    }
}

/// What confirming an import will do.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportPlan {
    /// Replace the whole workspace with the file's (a workspace file can also be merged:
    /// see [`merge_files`]).
    Replace {
        incoming: Box<Workspace>,
        incoming_counts: Counts,
        current_counts: Option<Counts>,
    },
    /// Merge a piece (a community, a meeting, stories, a participant's answers) into the
    /// workspace: what it adds, updates and where both sides changed the same record.
    /// `file` is the piece as read, which the merge review plans again as the user decides.
    Merge {
        plan: Box<MergePlan>,
        what: String,
        file: Box<Document>,
    },
    /// A story-collection file: a participant answers it; it does not go into a workspace.
    Collection { bundle: Box<CommunityBundle> },
}

/// Plans merging decoded files into `ws`, in the order given. The merged workspace with
/// every conflict kept as it is must be valid; its problems are reported otherwise.
pub fn merge_files(ws: &Workspace, files: &[(String, Document)], now: Timestamp) -> Result<MergePlan, Vec<Problem>> {
    let sources: Vec<(String, FileSource)> = files
        .iter()
        .map(|(name, doc)| {
            let source = match doc {
                Document::Workspace(env) => FileSource::Workspace(Box::new(env.data.clone())),
                Document::Community(env) => FileSource::Piece(Box::new(env.data.clone()), env.saved_at),
            };
            (name.clone(), source)
        })
        .collect();
    let plan = plan_merge_files(ws, &sources).map_err(|reason| {
        vec![Problem {
            path: String::new(),
            reason,
        }]
    })?;
    match plan.resolve(&[], "check", now) {
        Ok(_) => Ok(plan),
        Err(MergeError::Invalid(problems)) => Err(problems),
        Err(MergeError::Shape(reason)) => Err(vec![Problem {
            path: String::new(),
            reason,
        }]),
    }
}

/// "the community X", "the meeting Y of X", "stories of X"…
pub fn describe_piece(bundle: &CommunityBundle) -> String {
    let c = &bundle.community.name;
    match &bundle.piece {
        None => format!("the community {c}"),
        Some(p) => match p.kind {
            PieceKind::Community => format!("the community {c}"),
            PieceKind::Meeting => format!("the meeting {} of {c}", p.title),
            PieceKind::Stories => format!("the value-creation stories of {c}"),
            PieceKind::Collection => format!("a story-collection file for {c}"),
            PieceKind::Answers => p.title.clone(),
        },
    }
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

/// The plan for a decoded document, read from the file `file`, against the current workspace
/// (if any).
pub fn plan(
    doc: Document,
    file: &str,
    current: Option<&Workspace>,
    now: Timestamp,
) -> Result<ImportPlan, Vec<Problem>> {
    match doc {
        Document::Workspace(env) => Ok(ImportPlan::Replace {
            incoming_counts: Counts::of(&env.data),
            current_counts: current.map(Counts::of),
            incoming: Box::new(env.data),
        }),
        Document::Community(env) if env.data.piece.as_ref().is_some_and(|p| p.kind == PieceKind::Collection) => {
            Ok(ImportPlan::Collection {
                bundle: Box::new(env.data),
            })
        }
        Document::Community(env) => match current {
            Some(ws) => {
                let what = describe_piece(&env.data);
                let files = [(file.to_string(), Document::Community(env))];
                let plan = merge_files(ws, &files, now)?;
                let [(_, doc)] = files;
                Ok(ImportPlan::Merge {
                    plan: Box::new(plan),
                    what,
                    file: Box::new(doc),
                })
            }
            // With no workspace yet, the community file becomes one.
            None => {
                let mut ws = env.data.as_workspace(now);
                ws.stamps = env.data.stamps.clone();
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
    use crate::model::validate_workspace;
    use crate::storage::format::CommunityBundle;

    #[test]
    fn preview_counts_group_thousands() {
        let counts = Counts {
            organisations: 88,
            people: 17_500,
            communities: 438,
            memberships: 35_000,
            repertoire: 1,
        };
        assert_eq!(
            counts.describe(),
            "438 communities, 17,500 people, 88 organisations, 35,000 memberships, 1 repertoire item"
        );
    }

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
        let doc = Document::Community(crate::storage::format::Envelope {
            format: crate::storage::format::FORMAT_COMMUNITY.into(),
            schema_version: crate::storage::format::SCHEMA_VERSION,
            app_version: String::new(),
            saved_at: target.updated_at,
            revision: 0,
            data: bundle,
        });
        let ImportPlan::Merge { plan, what, .. } = plan(doc, "testing.json", Some(&target), target.updated_at).unwrap()
        else {
            panic!("expected a merge");
        };
        assert_eq!(what, "the community Test Automation Chapter (London)");
        let added_entries = plan
            .added
            .iter()
            .filter(|r| r.kind.ends_with("catalogue entry"))
            .count();
        let result = plan.resolve(&[], "test", target.updated_at).unwrap();
        assert_eq!(added_entries, 1, "welcome_wagon is used by Emil's membership");
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
