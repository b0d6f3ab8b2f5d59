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
}

impl CatalogueEntry {
    fn new(id: &str, label: &str, description: &str, source: &str) -> Self {
        CatalogueEntry {
            id: Id::new(id),
            label: label.into(),
            description: description.into(),
            source: source.into(),
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
}

impl CatalogueKind {
    pub const ALL: [CatalogueKind; 11] = [
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
    ];

    /// Catalogues that records must choose from, so they may not become empty.
    pub fn required(self) -> bool {
        !matches!(
            self,
            CatalogueKind::Roles
                | CatalogueKind::ValueCycles
                | CatalogueKind::ActivityTypes
                | CatalogueKind::HabitatChecklist
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
        }
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
                assert!(!entry.description.is_empty(), "{} lacks help text", entry.id);
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
    fn kind_keys_round_trip() {
        for kind in CatalogueKind::ALL {
            assert_eq!(CatalogueKind::from_key(kind.key()), Some(kind));
        }
    }
}
