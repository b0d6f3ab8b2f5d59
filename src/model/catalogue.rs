//! Catalogues: the guidebook's frameworks as editable data.
//!
//! Each list (formation types, roles, participation levels, lifecycle stages, value cycles,
//! repertoire kinds) ships with defaults written from `shared/domain/cop-model.md`. A
//! workspace may rename, extend or trim them, and they travel inside every exported file.
//! Records point at entries by id, so renaming a label breaks nothing.

use serde::{Deserialize, Serialize};

use super::ids::Id;

/// One entry of a catalogue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CatalogueEntry {
    /// Stable id that records refer to, e.g. `core_group`.
    pub id: Id,
    /// The label shown in the app; free to rename.
    pub label: String,
    /// Help text: what the entry means.
    #[serde(default)]
    pub description: String,
    /// Where the framework comes from, e.g. "Wenger-Trayner levels of participation".
    #[serde(default)]
    pub source: String,
    /// For an entry that belongs to an entry of another catalogue: a cultivation task or a
    /// self-assessment statement belongs to a lifecycle stage. See [`CatalogueKind::parent`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_id: Option<Id>,
    /// Entries of another catalogue this entry points to: a structure chooser answer lists
    /// the structures it fits. See [`CatalogueKind::points_to`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub points_to: Vec<Id>,
    /// For an entry of the `meeting_formats` catalogue only: how the format runs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<FormatSpec>,
}

/// How a learning-activity format runs: the details a facilitator needs to choose it and
/// put it on an agenda. The entry's description holds the format's purpose and its
/// `points_to` the activity types it serves.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FormatSpec {
    /// The steps, in order.
    #[serde(default)]
    pub steps: Vec<String>,
    /// Typical duration in minutes.
    pub minutes: u32,
    /// Group size range: fewest and most participants it suits.
    pub group_min: u32,
    pub group_max: u32,
    /// What it needs online: "breakout rooms, a shared board".
    #[serde(default)]
    pub online_needs: String,
    /// What it needs in person: "a circle of chairs, flipchart".
    #[serde(default)]
    pub in_person_needs: String,
}

impl FormatSpec {
    /// A new format's starting values: 30 minutes for 2 to 30 people.
    pub fn new_default() -> Self {
        FormatSpec { steps: Vec::new(), minutes: 30, group_min: 2, group_max: 30, online_needs: String::new(), in_person_needs: String::new() }
    }
}

impl CatalogueEntry {
    pub(crate) fn new(id: &str, label: &str, description: &str, source: &str) -> Self {
        CatalogueEntry {
            id: Id::new(id),
            label: label.into(),
            description: description.into(),
            source: source.into(),
            parent_id: None,
            points_to: Vec::new(),
            format: None,
        }
    }

    pub(crate) fn option(question: &str, id: &str, label: &str, fits: &[&str]) -> Self {
        CatalogueEntry {
            points_to: fits.iter().map(|f| Id::new(*f)).collect(),
            ..CatalogueEntry::under(question, id, label, "", CHOOSER)
        }
    }

    pub(crate) fn under(parent: &str, id: &str, label: &str, description: &str, source: &str) -> Self {
        CatalogueEntry {
            parent_id: Some(Id::new(parent)),
            ..CatalogueEntry::new(id, label, description, source)
        }
    }
}

/// Which catalogue an entry belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CatalogueKind {
    FormationTypes,
    Roles,
    ParticipationLevels,
    LifecycleStages,
    ValueCycles,
    RepertoireKinds,
    Orientations,
    ToolCategories,
    ActivityTypes,
    HabitatChecklist,
    CultivationPrinciples,
    StageQuestions,
    StageTensions,
    StageTasks,
    TransformationModes,
    MaturityDimensions,
    OnboardingSteps,
    StructureTypes,
    ChooserQuestions,
    ChooserOptions,
    ReadinessAreas,
    ReadinessActions,
    RoleResponsibilities,
    LeadershipGroups,
    CapacitySteps,
    SuccessFactors,
    RiskFactors,
    OrgIndicators,
    MeetingFormats,
    MeetingPhases,
    MeetingChecklist,
    CycleQuestions,
    CycleIndicators,
    KnowledgeCapitals,
}

impl CatalogueKind {
    pub const ALL: [CatalogueKind; 34] = [
        CatalogueKind::FormationTypes,
        CatalogueKind::Roles,
        CatalogueKind::ParticipationLevels,
        CatalogueKind::LifecycleStages,
        CatalogueKind::ValueCycles,
        CatalogueKind::RepertoireKinds,
        CatalogueKind::Orientations,
        CatalogueKind::ToolCategories,
        CatalogueKind::ActivityTypes,
        CatalogueKind::HabitatChecklist,
        CatalogueKind::CultivationPrinciples,
        CatalogueKind::StageQuestions,
        CatalogueKind::StageTensions,
        CatalogueKind::StageTasks,
        CatalogueKind::TransformationModes,
        CatalogueKind::MaturityDimensions,
        CatalogueKind::OnboardingSteps,
        CatalogueKind::StructureTypes,
        CatalogueKind::ChooserQuestions,
        CatalogueKind::ChooserOptions,
        CatalogueKind::ReadinessAreas,
        CatalogueKind::ReadinessActions,
        CatalogueKind::RoleResponsibilities,
        CatalogueKind::LeadershipGroups,
        CatalogueKind::CapacitySteps,
        CatalogueKind::SuccessFactors,
        CatalogueKind::RiskFactors,
        CatalogueKind::OrgIndicators,
        CatalogueKind::MeetingFormats,
        CatalogueKind::MeetingPhases,
        CatalogueKind::MeetingChecklist,
        CatalogueKind::CycleQuestions,
        CatalogueKind::CycleIndicators,
        CatalogueKind::KnowledgeCapitals,
    ];

    /// The catalogue whose entries this one's entries belong to, if any. Such an entry's
    /// `parent_id` must name an entry of the parent catalogue.
    pub fn parent(self) -> Option<CatalogueKind> {
        match self {
            CatalogueKind::StageQuestions | CatalogueKind::StageTensions | CatalogueKind::StageTasks => {
                Some(CatalogueKind::LifecycleStages)
            }
            CatalogueKind::ChooserOptions => Some(CatalogueKind::ChooserQuestions),
            CatalogueKind::ReadinessActions => Some(CatalogueKind::ReadinessAreas),
            CatalogueKind::RoleResponsibilities => Some(CatalogueKind::Roles),
            CatalogueKind::MeetingChecklist => Some(CatalogueKind::MeetingPhases),
            CatalogueKind::CycleQuestions | CatalogueKind::CycleIndicators | CatalogueKind::KnowledgeCapitals => {
                Some(CatalogueKind::ValueCycles)
            }
            _ => None,
        }
    }

    /// The areas [`Self::area`] returns, in the guidebook's order.
    pub const AREAS: [&'static str; 5] = ["Organisation", "Cultivating", "Facilitating", "Technology", "Evaluation"];

    /// The part of the guidebook (and of the app) the catalogue belongs to, for grouping.
    pub fn area(self) -> &'static str {
        use CatalogueKind::*;
        match self {
            FormationTypes | StructureTypes | ChooserQuestions | ChooserOptions | ReadinessAreas | ReadinessActions
            | Roles | RoleResponsibilities | LeadershipGroups | CapacitySteps | SuccessFactors | RiskFactors
            | OrgIndicators => "Organisation",
            ParticipationLevels | LifecycleStages | StageQuestions | StageTensions | StageTasks
            | TransformationModes | MaturityDimensions | OnboardingSteps | CultivationPrinciples
            | RepertoireKinds => "Cultivating",
            ActivityTypes | MeetingFormats | MeetingPhases | MeetingChecklist => "Facilitating",
            Orientations | ToolCategories | HabitatChecklist => "Technology",
            ValueCycles | CycleQuestions | CycleIndicators | KnowledgeCapitals => "Evaluation",
        }
    }

    /// The catalogue whose entries this one's entries may point to (`points_to`), if any.
    pub fn points_to(self) -> Option<CatalogueKind> {
        match self {
            CatalogueKind::ChooserOptions => Some(CatalogueKind::StructureTypes),
            CatalogueKind::MeetingFormats => Some(CatalogueKind::ActivityTypes),
            _ => None,
        }
    }

    /// Catalogues that records must choose from, so they may not become empty.
    pub fn required(self) -> bool {
        !matches!(
            self,
            CatalogueKind::Roles
                | CatalogueKind::ValueCycles
                | CatalogueKind::ActivityTypes
                | CatalogueKind::HabitatChecklist
                | CatalogueKind::StageQuestions
                | CatalogueKind::StageTensions
                | CatalogueKind::StageTasks
                | CatalogueKind::OnboardingSteps
                | CatalogueKind::ChooserQuestions
                | CatalogueKind::ChooserOptions
                | CatalogueKind::ReadinessActions
                | CatalogueKind::RoleResponsibilities
                | CatalogueKind::LeadershipGroups
                | CatalogueKind::CapacitySteps
                | CatalogueKind::RiskFactors
                | CatalogueKind::OrgIndicators
                | CatalogueKind::MeetingFormats
                | CatalogueKind::MeetingPhases
                | CatalogueKind::MeetingChecklist
                | CatalogueKind::CycleQuestions
                | CatalogueKind::CycleIndicators
                | CatalogueKind::KnowledgeCapitals
        )
    }

    /// The field name in the file format, also used in field paths.
    pub fn key(self) -> &'static str {
        match self {
            CatalogueKind::FormationTypes => "formation_types",
            CatalogueKind::Roles => "roles",
            CatalogueKind::ParticipationLevels => "participation_levels",
            CatalogueKind::LifecycleStages => "lifecycle_stages",
            CatalogueKind::ValueCycles => "value_cycles",
            CatalogueKind::RepertoireKinds => "repertoire_kinds",
            CatalogueKind::Orientations => "orientations",
            CatalogueKind::ToolCategories => "tool_categories",
            CatalogueKind::ActivityTypes => "activity_types",
            CatalogueKind::HabitatChecklist => "habitat_checklist",
            CatalogueKind::CultivationPrinciples => "cultivation_principles",
            CatalogueKind::StageQuestions => "stage_questions",
            CatalogueKind::StageTensions => "stage_tensions",
            CatalogueKind::StageTasks => "stage_tasks",
            CatalogueKind::TransformationModes => "transformation_modes",
            CatalogueKind::MaturityDimensions => "maturity_dimensions",
            CatalogueKind::OnboardingSteps => "onboarding_steps",
            CatalogueKind::StructureTypes => "structure_types",
            CatalogueKind::ChooserQuestions => "chooser_questions",
            CatalogueKind::ChooserOptions => "chooser_options",
            CatalogueKind::ReadinessAreas => "readiness_areas",
            CatalogueKind::ReadinessActions => "readiness_actions",
            CatalogueKind::RoleResponsibilities => "role_responsibilities",
            CatalogueKind::LeadershipGroups => "leadership_groups",
            CatalogueKind::CapacitySteps => "capacity_steps",
            CatalogueKind::SuccessFactors => "success_factors",
            CatalogueKind::RiskFactors => "risk_factors",
            CatalogueKind::OrgIndicators => "org_indicators",
            CatalogueKind::MeetingFormats => "meeting_formats",
            CatalogueKind::MeetingPhases => "meeting_phases",
            CatalogueKind::MeetingChecklist => "meeting_checklist",
            CatalogueKind::CycleQuestions => "cycle_questions",
            CatalogueKind::CycleIndicators => "cycle_indicators",
            CatalogueKind::KnowledgeCapitals => "knowledge_capitals",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.key() == key)
    }

    pub fn title(self) -> &'static str {
        match self {
            CatalogueKind::FormationTypes => "Formation types",
            CatalogueKind::Roles => "Roles",
            CatalogueKind::ParticipationLevels => "Participation levels",
            CatalogueKind::LifecycleStages => "Lifecycle stages",
            CatalogueKind::ValueCycles => "Value-creation cycles",
            CatalogueKind::RepertoireKinds => "Repertoire kinds",
            CatalogueKind::Orientations => "Orientations",
            CatalogueKind::ToolCategories => "Tool categories",
            CatalogueKind::ActivityTypes => "Activity types",
            CatalogueKind::HabitatChecklist => "Digital habitat checklist",
            CatalogueKind::CultivationPrinciples => "Cultivation principles",
            CatalogueKind::StageQuestions => "Stage self-assessment statements",
            CatalogueKind::StageTensions => "Stage tensions",
            CatalogueKind::StageTasks => "Cultivation tasks by stage",
            CatalogueKind::TransformationModes => "Transformation modes",
            CatalogueKind::MaturityDimensions => "Maturity dimensions",
            CatalogueKind::OnboardingSteps => "Onboarding steps",
            CatalogueKind::StructureTypes => "Learning and work structures",
            CatalogueKind::ChooserQuestions => "Structure chooser questions",
            CatalogueKind::ChooserOptions => "Structure chooser answers",
            CatalogueKind::ReadinessAreas => "Readiness areas",
            CatalogueKind::ReadinessActions => "Readiness actions",
            CatalogueKind::RoleResponsibilities => "Role responsibilities",
            CatalogueKind::LeadershipGroups => "Leadership groups",
            CatalogueKind::CapacitySteps => "Capacity-building steps",
            CatalogueKind::SuccessFactors => "Success factors",
            CatalogueKind::RiskFactors => "Risk factors",
            CatalogueKind::OrgIndicators => "Indicators of success",
            CatalogueKind::MeetingFormats => "Meeting formats",
            CatalogueKind::MeetingPhases => "Meeting phases",
            CatalogueKind::MeetingChecklist => "Meeting checklist",
            CatalogueKind::CycleQuestions => "Value-cycle questions",
            CatalogueKind::CycleIndicators => "Example indicators by cycle",
            CatalogueKind::KnowledgeCapitals => "Kinds of knowledge capital",
        }
    }

    /// The singular noun, for messages: "role", "participation level".
    pub fn noun(self) -> &'static str {
        match self {
            CatalogueKind::FormationTypes => "formation type",
            CatalogueKind::Roles => "role",
            CatalogueKind::ParticipationLevels => "participation level",
            CatalogueKind::LifecycleStages => "lifecycle stage",
            CatalogueKind::ValueCycles => "value cycle",
            CatalogueKind::RepertoireKinds => "repertoire kind",
            CatalogueKind::Orientations => "orientation",
            CatalogueKind::ToolCategories => "tool category",
            CatalogueKind::ActivityTypes => "activity type",
            CatalogueKind::HabitatChecklist => "checklist step",
            CatalogueKind::CultivationPrinciples => "principle",
            CatalogueKind::StageQuestions => "self-assessment statement",
            CatalogueKind::StageTensions => "tension",
            CatalogueKind::StageTasks => "cultivation task",
            CatalogueKind::TransformationModes => "transformation mode",
            CatalogueKind::MaturityDimensions => "maturity dimension",
            CatalogueKind::OnboardingSteps => "onboarding step",
            CatalogueKind::StructureTypes => "structure",
            CatalogueKind::ChooserQuestions => "chooser question",
            CatalogueKind::ChooserOptions => "chooser answer",
            CatalogueKind::ReadinessAreas => "readiness area",
            CatalogueKind::ReadinessActions => "readiness action",
            CatalogueKind::RoleResponsibilities => "responsibility",
            CatalogueKind::LeadershipGroups => "leadership group",
            CatalogueKind::CapacitySteps => "capacity-building step",
            CatalogueKind::SuccessFactors => "success factor",
            CatalogueKind::RiskFactors => "risk factor",
            CatalogueKind::OrgIndicators => "indicator",
            CatalogueKind::MeetingFormats => "meeting format",
            CatalogueKind::MeetingPhases => "meeting phase",
            CatalogueKind::MeetingChecklist => "checklist item",
            CatalogueKind::CycleQuestions => "guiding question",
            CatalogueKind::CycleIndicators => "example indicator",
            CatalogueKind::KnowledgeCapitals => "kind of knowledge capital",
        }
    }

    pub fn help(self) -> &'static str {
        match self {
            CatalogueKind::FormationTypes => "The ways to set up a learning structure. The guidebook contrasts a community of practice with a local chapter and a practice group.",
            CatalogueKind::Roles => "Roles people take in or around a community: the guidebook's 'ecology of leadership', plus organisational roles.",
            CatalogueKind::ParticipationLevels => "How involved a member is. People move between levels over a community's life; those flows are a sign of health.",
            CatalogueKind::LifecycleStages => "Stages of a community's development, from a loose network with potential to its transformation.",
            CatalogueKind::ValueCycles => "The value-creation framework's cycles, used to plan and evaluate what a community creates.",
            CatalogueKind::RepertoireKinds => "Kinds of thing in a community's practice: the repertoire members build and use.",
            CatalogueKind::Orientations => "What a community's activities are oriented to. Rating their importance shows which tools the community needs (Digital Habitats).",
            CatalogueKind::ToolCategories => "Kinds of tool a community can use, with common examples.",
            CatalogueKind::ActivityTypes => "What communities do together, from problem solving to mapping knowledge.",
            CatalogueKind::HabitatChecklist => "Steps for a community starting its digital habitat.",
            CatalogueKind::CultivationPrinciples => "Seven principles for cultivating communities of practice, as prompts for reflection (Wenger, McDermott & Snyder, 2002).",
            CatalogueKind::StageQuestions => "Statements members rate to suggest a community's lifecycle stage. Each belongs to the stage it describes.",
            CatalogueKind::StageTensions => "The tension typical of each lifecycle stage, which a core group has to hold rather than resolve.",
            CatalogueKind::StageTasks => "What a core group typically does to cultivate the community at each lifecycle stage.",
            CatalogueKind::TransformationModes => "How a community ends or changes at the transformation stage (Wenger, McDermott & Snyder, 2002).",
            CatalogueKind::MaturityDimensions => "Maturity as a soundboard of dimensions, each tuned on its own, rather than one level.",
            CatalogueKind::OnboardingSteps => "A newcomer's path into a community, from welcome to active participation.",
            CatalogueKind::StructureTypes => "The structures the structure chooser can recommend: a community of practice and its variants, and the teams, units and networks it differs from (Wenger & Snyder, 2000).",
            CatalogueKind::ChooserQuestions => "The structure chooser's questions: purpose, who belongs, what holds the group together, lifespan, deliverables and boundaries.",
            CatalogueKind::ChooserOptions => "The answers to each chooser question, each pointing to the structures it fits.",
            CatalogueKind::ReadinessAreas => "What an organisation needs in place for communities to thrive, scored in the readiness check (Wenger-Trayner start-up guidance).",
            CatalogueKind::ReadinessActions => "A suggested action for each readiness area, shown when the area scores low.",
            CatalogueKind::RoleResponsibilities => "The responsibilities checklist of each role.",
            CatalogueKind::LeadershipGroups => "Wenger-Trayner leadership groups: everyone at a meeting joins one and looks after one part of the shared learning.",
            CatalogueKind::CapacitySteps => "Training and peer-support steps in a community leader's development.",
            CatalogueKind::SuccessFactors => "Factors that make communities succeed, scored in the health check (Wenger-Trayner success factors).",
            CatalogueKind::RiskFactors => "Warning signs flagged in the health check.",
            CatalogueKind::OrgIndicators => "Indicators of success at organisation level; some are computed from the workspace, the rest entered by hand.",
            CatalogueKind::MeetingFormats => "Learning-activity formats a meeting block can use (case clinic, peer assist, after-action review…), each with its purpose, steps, duration, group size, needs and the activity types it serves.",
            CatalogueKind::MeetingPhases => "Before, during and after a meeting: the phases the meeting checklist is grouped by.",
            CatalogueKind::MeetingChecklist => "What a facilitator checks before, during and after a meeting. Each item belongs to a phase.",
            CatalogueKind::CycleQuestions => "The guiding questions of each value cycle, used as prompts in value-creation stories and plans.",
            CatalogueKind::CycleIndicators => "Example indicators of each value cycle, offered when a community defines its own indicators.",
            CatalogueKind::KnowledgeCapitals => "The kinds of knowledge capital in the potential value cycle: human, social, tangible, reputational and learning capital.",
        }
    }
}

/// All catalogues of a workspace.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Catalogues {
    pub formation_types: Vec<CatalogueEntry>,
    pub roles: Vec<CatalogueEntry>,
    pub participation_levels: Vec<CatalogueEntry>,
    pub lifecycle_stages: Vec<CatalogueEntry>,
    pub value_cycles: Vec<CatalogueEntry>,
    pub repertoire_kinds: Vec<CatalogueEntry>,
    pub orientations: Vec<CatalogueEntry>,
    pub tool_categories: Vec<CatalogueEntry>,
    pub activity_types: Vec<CatalogueEntry>,
    pub habitat_checklist: Vec<CatalogueEntry>,
    pub cultivation_principles: Vec<CatalogueEntry>,
    pub stage_questions: Vec<CatalogueEntry>,
    pub stage_tensions: Vec<CatalogueEntry>,
    pub stage_tasks: Vec<CatalogueEntry>,
    pub transformation_modes: Vec<CatalogueEntry>,
    pub maturity_dimensions: Vec<CatalogueEntry>,
    pub onboarding_steps: Vec<CatalogueEntry>,
    pub structure_types: Vec<CatalogueEntry>,
    pub chooser_questions: Vec<CatalogueEntry>,
    pub chooser_options: Vec<CatalogueEntry>,
    pub readiness_areas: Vec<CatalogueEntry>,
    pub readiness_actions: Vec<CatalogueEntry>,
    pub role_responsibilities: Vec<CatalogueEntry>,
    pub leadership_groups: Vec<CatalogueEntry>,
    pub capacity_steps: Vec<CatalogueEntry>,
    pub success_factors: Vec<CatalogueEntry>,
    pub risk_factors: Vec<CatalogueEntry>,
    pub org_indicators: Vec<CatalogueEntry>,
    pub meeting_formats: Vec<CatalogueEntry>,
    pub meeting_phases: Vec<CatalogueEntry>,
    pub meeting_checklist: Vec<CatalogueEntry>,
    pub cycle_questions: Vec<CatalogueEntry>,
    pub cycle_indicators: Vec<CatalogueEntry>,
    pub knowledge_capitals: Vec<CatalogueEntry>,
}

impl Catalogues {
    pub fn get(&self, kind: CatalogueKind) -> &Vec<CatalogueEntry> {
        match kind {
            CatalogueKind::FormationTypes => &self.formation_types,
            CatalogueKind::Roles => &self.roles,
            CatalogueKind::ParticipationLevels => &self.participation_levels,
            CatalogueKind::LifecycleStages => &self.lifecycle_stages,
            CatalogueKind::ValueCycles => &self.value_cycles,
            CatalogueKind::RepertoireKinds => &self.repertoire_kinds,
            CatalogueKind::Orientations => &self.orientations,
            CatalogueKind::ToolCategories => &self.tool_categories,
            CatalogueKind::ActivityTypes => &self.activity_types,
            CatalogueKind::HabitatChecklist => &self.habitat_checklist,
            CatalogueKind::CultivationPrinciples => &self.cultivation_principles,
            CatalogueKind::StageQuestions => &self.stage_questions,
            CatalogueKind::StageTensions => &self.stage_tensions,
            CatalogueKind::StageTasks => &self.stage_tasks,
            CatalogueKind::TransformationModes => &self.transformation_modes,
            CatalogueKind::MaturityDimensions => &self.maturity_dimensions,
            CatalogueKind::OnboardingSteps => &self.onboarding_steps,
            CatalogueKind::StructureTypes => &self.structure_types,
            CatalogueKind::ChooserQuestions => &self.chooser_questions,
            CatalogueKind::ChooserOptions => &self.chooser_options,
            CatalogueKind::ReadinessAreas => &self.readiness_areas,
            CatalogueKind::ReadinessActions => &self.readiness_actions,
            CatalogueKind::RoleResponsibilities => &self.role_responsibilities,
            CatalogueKind::LeadershipGroups => &self.leadership_groups,
            CatalogueKind::CapacitySteps => &self.capacity_steps,
            CatalogueKind::SuccessFactors => &self.success_factors,
            CatalogueKind::RiskFactors => &self.risk_factors,
            CatalogueKind::OrgIndicators => &self.org_indicators,
            CatalogueKind::MeetingFormats => &self.meeting_formats,
            CatalogueKind::MeetingPhases => &self.meeting_phases,
            CatalogueKind::MeetingChecklist => &self.meeting_checklist,
            CatalogueKind::CycleQuestions => &self.cycle_questions,
            CatalogueKind::CycleIndicators => &self.cycle_indicators,
            CatalogueKind::KnowledgeCapitals => &self.knowledge_capitals,
        }
    }

    pub fn get_mut(&mut self, kind: CatalogueKind) -> &mut Vec<CatalogueEntry> {
        match kind {
            CatalogueKind::FormationTypes => &mut self.formation_types,
            CatalogueKind::Roles => &mut self.roles,
            CatalogueKind::ParticipationLevels => &mut self.participation_levels,
            CatalogueKind::LifecycleStages => &mut self.lifecycle_stages,
            CatalogueKind::ValueCycles => &mut self.value_cycles,
            CatalogueKind::RepertoireKinds => &mut self.repertoire_kinds,
            CatalogueKind::Orientations => &mut self.orientations,
            CatalogueKind::ToolCategories => &mut self.tool_categories,
            CatalogueKind::ActivityTypes => &mut self.activity_types,
            CatalogueKind::HabitatChecklist => &mut self.habitat_checklist,
            CatalogueKind::CultivationPrinciples => &mut self.cultivation_principles,
            CatalogueKind::StageQuestions => &mut self.stage_questions,
            CatalogueKind::StageTensions => &mut self.stage_tensions,
            CatalogueKind::StageTasks => &mut self.stage_tasks,
            CatalogueKind::TransformationModes => &mut self.transformation_modes,
            CatalogueKind::MaturityDimensions => &mut self.maturity_dimensions,
            CatalogueKind::OnboardingSteps => &mut self.onboarding_steps,
            CatalogueKind::StructureTypes => &mut self.structure_types,
            CatalogueKind::ChooserQuestions => &mut self.chooser_questions,
            CatalogueKind::ChooserOptions => &mut self.chooser_options,
            CatalogueKind::ReadinessAreas => &mut self.readiness_areas,
            CatalogueKind::ReadinessActions => &mut self.readiness_actions,
            CatalogueKind::RoleResponsibilities => &mut self.role_responsibilities,
            CatalogueKind::LeadershipGroups => &mut self.leadership_groups,
            CatalogueKind::CapacitySteps => &mut self.capacity_steps,
            CatalogueKind::SuccessFactors => &mut self.success_factors,
            CatalogueKind::RiskFactors => &mut self.risk_factors,
            CatalogueKind::OrgIndicators => &mut self.org_indicators,
            CatalogueKind::MeetingFormats => &mut self.meeting_formats,
            CatalogueKind::MeetingPhases => &mut self.meeting_phases,
            CatalogueKind::MeetingChecklist => &mut self.meeting_checklist,
            CatalogueKind::CycleQuestions => &mut self.cycle_questions,
            CatalogueKind::CycleIndicators => &mut self.cycle_indicators,
            CatalogueKind::KnowledgeCapitals => &mut self.knowledge_capitals,
        }
    }

    /// The entries of `kind` that belong to `parent`, in catalogue order.
    pub fn children<'a>(
        &'a self,
        kind: CatalogueKind,
        parent: &'a Id,
    ) -> impl Iterator<Item = &'a CatalogueEntry> + 'a {
        self.get(kind)
            .iter()
            .filter(move |e| e.parent_id.as_ref() == Some(parent))
    }

    pub fn entry(&self, kind: CatalogueKind, id: &Id) -> Option<&CatalogueEntry> {
        self.get(kind).iter().find(|e| &e.id == id)
    }

    pub fn contains(&self, kind: CatalogueKind, id: &Id) -> bool {
        self.entry(kind, id).is_some()
    }

    /// The label of an entry, or the raw id when the entry is missing (validation keeps
    /// that from happening in a stored workspace).
    pub fn label(&self, kind: CatalogueKind, id: &Id) -> String {
        self.entry(kind, id)
            .map(|e| e.label.clone())
            .unwrap_or_else(|| id.to_string())
    }

    /// A fresh id for a new entry, derived from its label: `"Buddy"` becomes `buddy`,
    /// `buddy_2` when taken.
    pub fn new_id_for(&self, kind: CatalogueKind, label: &str) -> Id {
        let mut base: String = label
            .trim()
            .to_lowercase()
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
            .collect();
        base = base.split('_').filter(|p| !p.is_empty()).collect::<Vec<_>>().join("_");
        base.truncate(48);
        if base.is_empty() {
            base = "entry".into();
        }
        let mut candidate = base.clone();
        let mut n = 2;
        while self.contains(kind, &Id::new(candidate.clone())) {
            candidate = format!("{base}_{n}");
            n += 1;
        }
        Id::new(candidate)
    }
}

const WT_ROLES: &str = "Wenger-Trayner guidebook, key roles";
const WT_ORG: &str = "Wenger-Trayner, organisational roles";
const WT_LEVELS: &str = "Wenger-Trayner, levels of participation";
const STAGES_2002: &str = "Wenger, McDermott & Snyder (2002), stages of development";
const WT_VALUE: &str = "Wenger-Trayner value-creation framework";
const DH: &str = "Wenger, White & Smith, Digital Habitats (2009)";
const WT_ACTIVITIES: &str = "Wenger-Trayner, what communities of practice do";
const HABITAT: &str = "Cultivate, drawing on Digital Habitats (2009)";

impl Default for Catalogues {
    fn default() -> Self {
        let e = CatalogueEntry::new;
        Catalogues {
            formation_types: vec![
                e("community_of_practice", "Community of practice", "A long-term learning partnership among people who share a concern for something they do and get better at it by interacting regularly.", "Wenger-Trayner guidebook, formation options"),
                e("chapter", "Chapter", "A local version of a wider community, for members in one place, linked back to the whole.", "Wenger-Trayner guidebook, formation options"),
                e("practice_group", "Practice group", "A smaller group working on one part of the practice, led by a practice group leader.", "Wenger-Trayner guidebook, key roles"),
                e("network", "Learning network", "A looser web of connections for passing on information and knowing who's who, without a shared identity around a domain.", "Wenger-Trayner, communities versus networks"),
            ],
            roles: vec![
                e("community_leader", "Community leader", "Runs day-to-day community life: keeps it going, stays in touch with members, checks they are engaged and getting value.", WT_ROLES),
                e("core_group_member", "Core group member", "Dedicated to developing the community and helps the leaders with their tasks.", WT_ROLES),
                e("chapter_leader", "Chapter leader", "Leads a local chapter and links it to the wider community.", WT_ROLES),
                e("practice_group_leader", "Practice group leader", "Leads a practice group, from light facilitation to project management depending on the group.", WT_ROLES),
                e("mentor", "Mentor", "Takes newer members under their wing.", WT_ROLES),
                e("welcome_wagon", "Welcome wagon", "Welcomes newcomers and helps them find their way in.", WT_ROLES),
                e("sponsor", "Sponsor", "A senior person who sees the community's strategic value, gives legitimacy, resources and recognition, and removes barriers without micromanaging.", WT_ORG),
                e("social_learning_team_member", "Social learning team member", "Part of the small team that supports a portfolio of communities: events, onboarding, platform, coaching leaders, evaluation.", WT_ORG),
                e("technology_steward", "Technology steward", "Helps the community choose, configure and use technology that fits how it learns.", "Wenger, White & Smith, Digital Habitats (2009)"),
                e("facilitator", "Facilitator", "Designs and runs meetings and activities so that members learn with and from each other.", WT_ORG),
                e("systems_convener", "Systems convener", "Works across a landscape of practice, forging learning partnerships across boundaries.", "Wenger-Trayner, systems convening"),
            ],
            participation_levels: vec![
                e("core_group", "Core group", "A small group whose passion and engagement energise and nurture the community.", WT_LEVELS),
                e("active", "Active", "Recognised practitioners who help define the community.", WT_LEVELS),
                e("occasional", "Occasional", "Take part when a topic interests them, when they have something to give, or when a related project runs.", WT_LEVELS),
                e("peripheral", "Peripheral", "A lasting connection with less engagement: newcomers or less committed members, who may carry learning elsewhere.", WT_LEVELS),
                e("transactional", "Transactional", "Outsiders who interact now and then to get or give a service or use the community's artefacts, without being members.", WT_LEVELS),
            ],
            lifecycle_stages: vec![
                e("potential", "Potential", "A loose network of people with similar issues discovers common ground; core members emerge.", STAGES_2002),
                e("coalescing", "Coalescing", "Members come together, launch, build trust and relationships, and show early value.", STAGES_2002),
                e("maturing", "Maturing", "The focus shifts from proving value to clarifying focus, role and boundaries; the practice gets more systematic.", STAGES_2002),
                e("stewardship", "Stewardship", "Keeping the community fresh and at the cutting edge over time, through cycles of energy.", STAGES_2002),
                e("transformation", "Transformation", "A natural end or a radical change: it fades, becomes a social club, splits, merges or is institutionalised.", STAGES_2002),
            ],
            value_cycles: vec![
                e("immediate", "Immediate value", "Activities and interactions are worth it in themselves: a useful tip, inspiration, meeting the right person.", WT_VALUE),
                e("potential", "Potential value", "What is produced is stored as knowledge capital for later: human, social, tangible, reputational and learning capital.", WT_VALUE),
                e("applied", "Applied value", "Knowledge capital is adapted and used in a specific situation: a change in practice.", WT_VALUE),
                e("realized", "Realized value", "The change in practice improves performance on what matters to stakeholders.", WT_VALUE),
                e("transformative", "Transformative value", "Learning leads people to rethink how success is defined: strategies, goals, values.", WT_VALUE),
                e("strategic", "Strategic value", "People with a stake in the learning, such as sponsors and policy makers, engage with it and give direction.", WT_VALUE),
                e("enabling", "Enabling value", "The quality of the conditions that make learning possible: facilitation, time, resources, technology.", WT_VALUE),
                e("orienting", "Orienting value", "Learning helps participants find their place in the wider landscape: who does what, trends, boundaries to cross.", WT_VALUE),
            ],
            repertoire_kinds: vec![
                e("tool", "Tool", "A method, template or instrument members use in their work.", "Wenger-Trayner, the practice element"),
                e("case", "Case", "A real situation worked through by the community.", "Wenger-Trayner, the practice element"),
                e("document", "Document", "A guide, write-up, manual or reference.", "Wenger-Trayner, the practice element"),
                e("story", "Story", "An account of experience that others can learn from.", "Wenger-Trayner, the practice element"),
                e("lesson", "Lesson learned", "A way of handling a recurring problem that the community has agreed on.", "Wenger-Trayner, the practice element"),
            ],
            orientations: default_orientations(),
            tool_categories: default_tool_categories(),
            activity_types: default_activity_types(),
            habitat_checklist: default_habitat_checklist(),
            cultivation_principles: default_cultivation_principles(),
            stage_questions: default_stage_questions(),
            stage_tensions: default_stage_tensions(),
            stage_tasks: default_stage_tasks(),
            transformation_modes: default_transformation_modes(),
            maturity_dimensions: default_maturity_dimensions(),
            onboarding_steps: default_onboarding_steps(),
            structure_types: super::org_catalogues::structure_types(),
            chooser_questions: super::org_catalogues::chooser_questions(),
            chooser_options: super::org_catalogues::chooser_options(),
            readiness_areas: super::org_catalogues::readiness_areas(),
            readiness_actions: super::org_catalogues::readiness_actions(),
            role_responsibilities: super::org_catalogues::role_responsibilities(),
            leadership_groups: super::org_catalogues::leadership_groups(),
            capacity_steps: super::org_catalogues::capacity_steps(),
            success_factors: super::org_catalogues::success_factors(),
            risk_factors: super::org_catalogues::risk_factors(),
            org_indicators: super::org_catalogues::org_indicators(),
            meeting_formats: super::facilitation_catalogues::meeting_formats(),
            meeting_phases: super::facilitation_catalogues::meeting_phases(),
            meeting_checklist: super::facilitation_catalogues::meeting_checklist(),
            cycle_questions: super::evaluation_catalogues::cycle_questions(),
            cycle_indicators: super::evaluation_catalogues::cycle_indicators(),
            knowledge_capitals: super::evaluation_catalogues::knowledge_capitals(),
        }
    }
}

/// The Digital Habitats orientations.
pub fn default_orientations() -> Vec<CatalogueEntry> {
    let e = CatalogueEntry::new;
    vec![
        e(
            "meetings",
            "Meetings",
            "Gatherings with an agenda, in person or online.",
            DH,
        ),
        e(
            "open_ended_conversation",
            "Open-ended conversation",
            "Ongoing discussion without a fixed goal: forums, lists, chat.",
            DH,
        ),
        e("projects", "Projects", "Linked tasks aimed at a defined output.", DH),
        e(
            "content",
            "Content",
            "Capturing and publishing what the community knows.",
            DH,
        ),
        e(
            "access_to_expertise",
            "Access to expertise",
            "Learning from experienced practitioners: asking, finding who knows.",
            DH,
        ),
        e("relationships", "Relationships", "Getting to know one another.", DH),
        e(
            "individual_participation",
            "Individual participation",
            "Letting each member shape their own experience of the community.",
            DH,
        ),
        e(
            "community_cultivation",
            "Community cultivation",
            "Recruiting, orienting, supporting and growing membership.",
            DH,
        ),
        e(
            "context",
            "Context",
            "Serving an organisation or the wider world, or staying private.",
            DH,
        ),
    ]
}

/// Common kinds of tool, each with examples.
pub fn default_tool_categories() -> Vec<CatalogueEntry> {
    let e = CatalogueEntry::new;
    vec![
        e(
            "video_meetings",
            "Video meetings",
            "Live calls and webinars, with breakout rooms. Examples: Zoom, Teams, Jitsi.",
            DH,
        ),
        e(
            "chat",
            "Chat",
            "Quick messages in channels or threads. Examples: Slack, Teams chat, Matrix.",
            DH,
        ),
        e(
            "forum",
            "Forum or mailing list",
            "Threaded, searchable discussion over time. Examples: Discourse, Google Groups.",
            DH,
        ),
        e(
            "shared_documents",
            "Shared documents",
            "Documents written together. Examples: Google Docs, Office 365.",
            DH,
        ),
        e(
            "repository",
            "Repository or wiki",
            "A lasting home for the community's knowledge. Examples: Confluence, MediaWiki, SharePoint.",
            DH,
        ),
        e(
            "newsletter",
            "Newsletter or digest",
            "Regular news to members and beyond.",
            DH,
        ),
        e("calendar", "Calendar", "Shared dates and the community's rhythm.", DH),
        e(
            "polls_whiteboards",
            "Polls and whiteboards",
            "Live collaboration in sessions. Examples: Miro, Mentimeter.",
            DH,
        ),
        e("directory", "Member directory", "Who is who, and who knows what.", DH),
        e(
            "social_platform",
            "Community platform",
            "A packaged set of tools for a community. Examples: Circle, Mighty Networks.",
            DH,
        ),
    ]
}

/// What communities do, with a prompt for each.
pub fn default_activity_types() -> Vec<CatalogueEntry> {
    let e = CatalogueEntry::new;
    vec![
        e(
            "problem_solving",
            "Problem solving",
            "“I'm stuck: can we work on this design together?”",
            WT_ACTIVITIES,
        ),
        e(
            "requests_for_information",
            "Requests for information",
            "“Where do I find…?”",
            WT_ACTIVITIES,
        ),
        e(
            "seeking_experience",
            "Seeking experience",
            "“Has anyone dealt with a case like this?”",
            WT_ACTIVITIES,
        ),
        e(
            "reusing_assets",
            "Reusing assets",
            "“I made something similar last year: adapt mine.”",
            WT_ACTIVITIES,
        ),
        e(
            "coordination_and_synergy",
            "Coordination and synergy",
            "“Could we pool our efforts across units?”",
            WT_ACTIVITIES,
        ),
        e(
            "building_an_argument",
            "Building an argument",
            "“How do others do this? It will help me convince my manager.”",
            WT_ACTIVITIES,
        ),
        e(
            "growing_confidence",
            "Growing confidence",
            "“Let me run this past the community before I act.”",
            WT_ACTIVITIES,
        ),
        e(
            "discussing_developments",
            "Discussing developments",
            "“What do you think of the new regulation?”",
            WT_ACTIVITIES,
        ),
        e(
            "documentation_projects",
            "Documentation projects",
            "“We have solved this five times: let's write it up once.”",
            WT_ACTIVITIES,
        ),
        e(
            "visits",
            "Visits",
            "“Can we come and see how you do it?”",
            WT_ACTIVITIES,
        ),
        e(
            "mapping_knowledge",
            "Mapping knowledge and identifying gaps",
            "“Who knows what? What are we missing?”",
            WT_ACTIVITIES,
        ),
    ]
}

/// The seven principles for cultivating communities of practice, each phrased as a prompt.
pub fn default_cultivation_principles() -> Vec<CatalogueEntry> {
    const P2002: &str = "Wenger, McDermott & Snyder (2002), seven principles";
    let e = CatalogueEntry::new;
    vec![
        e("design_for_evolution", "Design for evolution", "Are we starting simple and letting the community's structure grow with it, rather than imposing a design up front? What should we redesign now?", P2002),
        e("inside_outside_dialogue", "Open a dialogue between inside and outside perspectives", "Whose outside view of what is possible have we brought in lately, to go with members' inside knowledge of what matters?", P2002),
        e("different_levels_of_participation", "Invite different levels of participation", "Do core, active and peripheral members all have a legitimate way to take part, and can people move between levels?", P2002),
        e("public_and_private_spaces", "Develop public and private community spaces", "Alongside community-wide events, are there one-to-one and small-group connections?", P2002),
        e("focus_on_value", "Focus on value", "Is the value of taking part explicit and discussed, for members and for the organisation?", P2002),
        e("familiarity_and_excitement", "Combine familiarity and excitement", "Is there a mix of comfortable routine activities and occasional stimulating, novel events?", P2002),
        e("create_rhythm", "Create a rhythm for the community", "Does the tempo of activities suit the community's stage and members' lives?", P2002),
    ]
}

/// Steps for a community starting its digital habitat.
pub fn default_habitat_checklist() -> Vec<CatalogueEntry> {
    let e = CatalogueEntry::new;
    vec![
        e(
            "start_with_what_members_use",
            "Start with what members already use",
            "Before adding anything, list the tools members already know and have access to.",
            HABITAT,
        ),
        e(
            "name_a_steward",
            "Name a technology steward",
            "Someone who looks after the habitat: configures, explains, listens to members.",
            HABITAT,
        ),
        e(
            "one_home",
            "Agree on one home",
            "One place where members know to look first, linked to everything else.",
            HABITAT,
        ),
        e(
            "few_tools",
            "Keep the number of tools small",
            "Each new tool is one more place to check; add one only for an orientation nothing serves.",
            HABITAT,
        ),
        e(
            "access_and_privacy",
            "Make access and privacy clear",
            "Who can join each space, and what stays inside the community.",
            HABITAT,
        ),
        e(
            "async_path",
            "Give an asynchronous path",
            "Members who cannot attend live sessions need a way to take part and catch up.",
            HABITAT,
        ),
        e(
            "review_with_members",
            "Review with members after three months",
            "Ask what helps and what gets in the way, and adjust the configuration.",
            HABITAT,
        ),
    ]
}

const CHOOSER: &str = "Cultivate structure chooser, after Wenger & Snyder (2000) and the Wenger-Trayner FAQ";
const STAGES_GUIDE: &str = "Cultivate, after Wenger, McDermott & Snyder (2002), stages of development";
const TENSIONS: &str =
    "Wenger, McDermott & Snyder (2002) as commonly summarised; tension pairs not verified in the guidebook";

/// Statements that describe each lifecycle stage; members rate how far each is true.
pub fn default_stage_questions() -> Vec<CatalogueEntry> {
    let e = CatalogueEntry::under;
    vec![
        e("potential", "q_potential_common_ground", "We are people with similar issues who have only started to discover common ground.", "True of a loose network that has not yet come together.", STAGES_GUIDE),
        e("potential", "q_potential_no_convener", "Nobody yet convenes the group; a core is only starting to emerge.", "Before launch, leadership is informal.", STAGES_GUIDE),
        e("coalescing", "q_coalescing_launched", "We have launched and meet, but are still building trust and relationships.", "Early meetings, where members size each other up.", STAGES_GUIDE),
        e("coalescing", "q_coalescing_early_value", "We need to show members early value so that they keep coming.", "Attendance depends on each meeting being worth it.", STAGES_GUIDE),
        e("maturing", "q_maturing_gaps", "Members see gaps in what we know, and we are getting systematic about our practice.", "A learning agenda, documentation and projects appear.", STAGES_GUIDE),
        e("maturing", "q_maturing_focus", "We are clarifying our focus, our role in the organisation and our boundaries.", "Questions of who belongs and what is in scope come up.", STAGES_GUIDE),
        e("stewardship", "q_stewardship_fresh", "We have been going for a long time and work at keeping things fresh.", "The community is established; the risk is routine.", STAGES_GUIDE),
        e("stewardship", "q_stewardship_cycles", "Our energy comes in cycles, and we renew our agenda to stay at the cutting edge.", "Renewal is a recurring task.", STAGES_GUIDE),
        e("transformation", "q_transformation_relevance", "The domain matters less to members than it did, or the community is about to end, merge, split or be absorbed into the organisation.", "A natural end or a radical change is near.", STAGES_GUIDE),
        e("transformation", "q_transformation_decline", "Participation has been falling for a long time and attempts to renew it have not worked.", "A sign that the community may be fading.", STAGES_GUIDE),
    ]
}

/// The tension typical of each stage.
pub fn default_stage_tensions() -> Vec<CatalogueEntry> {
    let e = CatalogueEntry::under;
    vec![
        e(
            "potential",
            "discover_imagine",
            "Discover versus imagine",
            "Find what members already share, while imagining what the community could become.",
            TENSIONS,
        ),
        e(
            "coalescing",
            "incubate_deliver",
            "Incubate versus deliver immediate value",
            "Give trust and relationships time to grow, while showing value soon enough to keep people.",
            TENSIONS,
        ),
        e(
            "maturing",
            "focus_expand",
            "Focus versus expand",
            "Sharpen the domain and the practice, while opening to new members and topics.",
            TENSIONS,
        ),
        e(
            "stewardship",
            "ownership_openness",
            "Ownership versus openness",
            "Keep members' sense of ownership, while staying open to new people and ideas.",
            TENSIONS,
        ),
        e(
            "transformation",
            "let_go_live_on",
            "Let go versus live on",
            "Accept that the community's work may be done, while keeping what it built alive elsewhere.",
            TENSIONS,
        ),
    ]
}

/// Cultivation tasks for each stage.
pub fn default_stage_tasks() -> Vec<CatalogueEntry> {
    const LAUNCH: &str = "Wenger-Trayner success factors and launch practices";
    const RENEWAL: &str = "CDC community of practice resource kit, momentum and renewal";
    let e = CatalogueEntry::under;
    vec![
        e(
            "potential",
            "find_internal_leaders",
            "Find internal leaders first",
            "Look for respected practitioners with passion for the domain who are willing to convene.",
            LAUNCH,
        ),
        e(
            "potential",
            "interview_members",
            "Talk to prospective members about their issues",
            "One-to-one conversations show what the domain's key issues are.",
            STAGES_GUIDE,
        ),
        e(
            "potential",
            "define_domain",
            "Write the domain statement and key issues",
            "The shared area of inquiry, in members' own words.",
            STAGES_GUIDE,
        ),
        e(
            "potential",
            "build_core_group",
            "Build a core group",
            "A few people who will share the work of getting started.",
            LAUNCH,
        ),
        e(
            "coalescing",
            "simple_rhythm",
            "Start with a simple rhythm",
            "A regular, modest tempo that members can rely on.",
            LAUNCH,
        ),
        e(
            "coalescing",
            "early_value",
            "Deliver early value",
            "Work on members' real problems so that taking part pays off quickly.",
            STAGES_GUIDE,
        ),
        e(
            "coalescing",
            "model_vulnerability",
            "Have a respected member ask for help on a real case",
            "Modelling vulnerability builds trust.",
            LAUNCH,
        ),
        e(
            "coalescing",
            "connect_one_to_one",
            "Connect members one to one",
            "Introduce people who should know each other, between meetings.",
            STAGES_GUIDE,
        ),
        e(
            "maturing",
            "learning_agenda",
            "Build a learning agenda",
            "Topics with owners, activities and outputs, agreed with members and sponsors.",
            RENEWAL,
        ),
        e(
            "maturing",
            "map_gaps",
            "Map knowledge and identify gaps",
            "What the community knows, and what it is missing.",
            STAGES_GUIDE,
        ),
        e(
            "maturing",
            "onboard_newcomers",
            "Set up onboarding for newcomers",
            "Welcome, a mentor and a first low-risk contribution.",
            STAGES_GUIDE,
        ),
        e(
            "maturing",
            "working_groups",
            "Spin off practice-building projects",
            "Working groups produce templates, tools and guides tied to the agenda.",
            RENEWAL,
        ),
        e(
            "stewardship",
            "renewal_workshop",
            "Hold a renewal workshop",
            "Review what the community has achieved and reset its agenda.",
            RENEWAL,
        ),
        e(
            "stewardship",
            "recruit_under_represented",
            "Recruit from under-represented groups",
            "Bring in people and places the community has not reached.",
            RENEWAL,
        ),
        e(
            "stewardship",
            "outside_voices",
            "Invite outside perspectives",
            "Guest speakers and visits keep the practice at the cutting edge.",
            RENEWAL,
        ),
        e(
            "stewardship",
            "succession",
            "Develop new leaders",
            "Plan succession so that the community does not depend on one person.",
            STAGES_GUIDE,
        ),
        e(
            "transformation",
            "decide_with_members",
            "Decide with members how to end or change",
            "Close, merge, split or institutionalise, openly and together.",
            STAGES_GUIDE,
        ),
        e(
            "transformation",
            "archive_repertoire",
            "Harvest and archive the repertoire",
            "Keep what the community built where others can find it.",
            STAGES_GUIDE,
        ),
        e(
            "transformation",
            "celebrate",
            "Celebrate and tell the community's story",
            "Mark what was achieved and thank the people who did it.",
            STAGES_GUIDE,
        ),
    ]
}

/// How a community ends or changes.
pub fn default_transformation_modes() -> Vec<CatalogueEntry> {
    const MODES: &str = "Wenger, McDermott & Snyder (2002), transformation";
    let e = CatalogueEntry::new;
    vec![
        e(
            "faded_away",
            "Faded away",
            "Members drifted off as the domain mattered less to them.",
            MODES,
        ),
        e(
            "social_club",
            "Became a social club",
            "Members keep meeting for the relationships rather than the practice.",
            MODES,
        ),
        e(
            "split",
            "Split",
            "The community divided into separate communities, each with its own domain.",
            MODES,
        ),
        e("merged", "Merged", "The community joined another community.", MODES),
        e(
            "institutionalised",
            "Institutionalised",
            "The community became a formal unit, centre of excellence or department.",
            MODES,
        ),
    ]
}

/// The maturity soundboard's dimensions.
pub fn default_maturity_dimensions() -> Vec<CatalogueEntry> {
    const SOUNDBOARD: &str =
        "Cultivate's working dimensions, after Wenger-Trayner's maturity 'soundboard' (dimension names not verified)";
    let e = CatalogueEntry::new;
    vec![
        e(
            "domain_clarity",
            "Domain clarity",
            "How clear and strategically relevant the domain and its key issues are.",
            SOUNDBOARD,
        ),
        e(
            "community",
            "Community",
            "Relationships, trust and distributed leadership among members.",
            SOUNDBOARD,
        ),
        e(
            "practice",
            "Practice",
            "The repertoire, the learning agenda and practice-building projects.",
            SOUNDBOARD,
        ),
        e(
            "rhythm",
            "Rhythm",
            "A regular tempo of activities that suits the members.",
            SOUNDBOARD,
        ),
        e(
            "value_visibility",
            "Value visibility",
            "How well the value the community creates is noticed, recorded and shared.",
            SOUNDBOARD,
        ),
        e(
            "organisational_connection",
            "Organisational connection",
            "Sponsorship, recognition and resources from the organisations involved.",
            SOUNDBOARD,
        ),
        e(
            "technology_fit",
            "Technology fit",
            "How well the community's tools fit the way it learns.",
            SOUNDBOARD,
        ),
    ]
}

/// A newcomer's onboarding steps.
pub fn default_onboarding_steps() -> Vec<CatalogueEntry> {
    const ONBOARD: &str = "Wenger-Trayner key roles (welcome wagon, mentor) and levels of participation";
    let e = CatalogueEntry::new;
    vec![
        e(
            "welcomed",
            "Welcomed",
            "Someone from the welcome wagon has greeted the newcomer and shown them around.",
            ONBOARD,
        ),
        e(
            "mentor_matched",
            "Mentor matched",
            "An experienced member has taken the newcomer under their wing.",
            ONBOARD,
        ),
        e(
            "first_contribution",
            "First low-risk contribution",
            "The newcomer has contributed something small: a question, a tip, a short story.",
            ONBOARD,
        ),
        e(
            "peripheral_to_active",
            "Moved from peripheral to active",
            "The newcomer takes part regularly and helps shape the community.",
            ONBOARD,
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_hold_the_guidebook_frameworks() {
        let c = Catalogues::default();
        let ids = |k| {
            c.get(k)
                .iter()
                .map(|e: &CatalogueEntry| e.id.0.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            ids(CatalogueKind::ParticipationLevels),
            ["core_group", "active", "occasional", "peripheral", "transactional"]
        );
        assert_eq!(
            ids(CatalogueKind::LifecycleStages),
            ["potential", "coalescing", "maturing", "stewardship", "transformation"]
        );
        assert_eq!(ids(CatalogueKind::ValueCycles).len(), 8);
        assert_eq!(ids(CatalogueKind::Roles).len(), 11);
        for kind in CatalogueKind::ALL {
            for entry in c.get(kind) {
                // An answer or a responsibility is its own label; everything else explains itself.
                let self_explaining = matches!(
                    kind,
                    CatalogueKind::ChooserOptions | CatalogueKind::RoleResponsibilities
                );
                assert!(
                    self_explaining || !entry.description.is_empty(),
                    "{} lacks help text",
                    entry.id
                );
                assert!(!entry.source.is_empty(), "{} lacks a source", entry.id);
            }
        }
    }

    #[test]
    fn new_ids_are_slugs_and_never_collide() {
        let c = Catalogues::default();
        assert_eq!(c.new_id_for(CatalogueKind::Roles, "Story  Keeper!").0, "story_keeper");
        assert_eq!(c.new_id_for(CatalogueKind::Roles, "Mentor").0, "mentor_2");
        assert_eq!(c.new_id_for(CatalogueKind::Roles, "¿?").0, "entry");
    }

    #[test]
    fn every_catalogue_is_listed_under_a_known_area() {
        for kind in CatalogueKind::ALL {
            assert!(CatalogueKind::AREAS.contains(&kind.area()), "{kind:?}");
        }
    }

    #[test]
    fn kind_keys_round_trip() {
        for kind in CatalogueKind::ALL {
            assert_eq!(CatalogueKind::from_key(kind.key()), Some(kind));
        }
    }
}
