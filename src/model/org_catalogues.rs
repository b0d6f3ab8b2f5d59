//! Default catalogues of the organisational perspective (guidebook chapters 1 and 2), written
//! from `shared/domain/cop-model.md` §2–§3. Like every catalogue they are data: a workspace
//! may rename, extend or trim them, and they travel in its files.

use super::catalogue::CatalogueEntry;

const SNYDER: &str = "Wenger & Snyder (2000), communities of practice compared";
const WT_FAQ: &str = "Wenger-Trayner FAQ: teams, networks and communities";
const START_UP: &str = "Wenger-Trayner quick start-up guide, organisational steps";
const WT_ROLES: &str = "Wenger-Trayner guidebook, key roles";
const WT_ORG: &str = "Wenger-Trayner, organisational roles";
const GROUPS: &str = "Wenger-Trayner, leadership groups";
const SUCCESS: &str = "Wenger-Trayner, key success and failure factors";
const RISKS: &str =
    "Cultivate risk checklist, the inverse of the Wenger-Trayner success factors (not verified in the guidebook)";
const INDICATORS: &str =
    "Cultivate indicators, suggested for the guidebook's 'indicators of success' (content not verified)";
const CAPACITY: &str = "Cultivate leader development path, after Wenger-Trayner leadership programmes";

pub fn structure_types() -> Vec<CatalogueEntry> {
    let e = CatalogueEntry::new;
    vec![
        e("community_of_practice", "Community of practice", "A learning partnership of people who share a concern for something they do. It builds members' capability, holds together through passion for the domain, and lasts while the learning value lasts. Next: find internal leaders, build a core group, and write the domain and key issues.", SNYDER),
        e("chapter", "Chapter of a community", "A local version of a wider community, for members in one place, linked back to the whole. Next: agree with the wider community how the chapter links back, and name a chapter leader.", "Wenger-Trayner guidebook, formation options"),
        e("practice_group", "Practice group", "A smaller group inside a community working on one part of the practice, often producing something. Next: tie it to the learning agenda and name a practice group leader.", WT_ROLES),
        e("project_team", "Project team", "People assigned to accomplish a specific task, held together by milestones and goals, until the project ends. Next: name a project lead and set milestones; invite a community to review the results.", SNYDER),
        e("task_force", "Task force", "A team pulled together, often from representatives, to tackle one broad problem and report. Next: set its mandate and end date; feed what it learns back into the relevant communities.", WT_FAQ),
        e("work_unit", "Formal work unit", "Everyone reporting to a manager, delivering a product or service, until the next reorganisation. Next: use the existing line structure; a community may still connect people across units.", SNYDER),
        e("network", "Informal network", "Friends and acquaintances who pass on information and know who's who, for as long as they keep connecting. Next: keep it light, with a directory and a channel; watch for a shared domain emerging.", SNYDER),
    ]
}

pub fn chooser_questions() -> Vec<CatalogueEntry> {
    let e = CatalogueEntry::new;
    vec![
        e(
            "purpose",
            "What is the group's main purpose?",
            "Structures differ first in what they are for.",
            SNYDER,
        ),
        e(
            "membership",
            "Who belongs?",
            "Self-selection, assignment and reporting lines make different groups.",
            SNYDER,
        ),
        e(
            "glue",
            "What holds the group together?",
            "Passion and identification, a task, job requirements, or mutual need.",
            SNYDER,
        ),
        e(
            "lifespan",
            "How long will it last?",
            "Communities last while the learning value does; teams until the task ends.",
            SNYDER,
        ),
        e(
            "deliverables",
            "Must it deliver something specific?",
            "If the organisation needs a deliverable, a team is usually the answer.",
            "Knoco (Nick Milton), when a community of practice is not the answer",
        ),
        e(
            "boundaries",
            "How clear are its boundaries?",
            "Communities have fuzzy boundaries, teams clear ones, networks none to speak of.",
            "Hindawi (2022) extended comparison table",
        ),
        e(
            "location",
            "Where does the knowledge sit?",
            "If it sits in one place and one department, the existing unit may already cover it.",
            "Knoco (Nick Milton), when a community of practice is not the answer",
        ),
    ]
}

pub fn chooser_options() -> Vec<CatalogueEntry> {
    let o = CatalogueEntry::option;
    vec![
        o(
            "purpose",
            "purpose_capability",
            "Build members' capability; create and exchange knowledge",
            &["community_of_practice", "chapter", "practice_group"],
        ),
        o(
            "purpose",
            "purpose_task",
            "Accomplish a specific task",
            &["project_team", "task_force"],
        ),
        o(
            "purpose",
            "purpose_product",
            "Deliver a product or service",
            &["work_unit"],
        ),
        o(
            "purpose",
            "purpose_information",
            "Pass on information and know who's who",
            &["network"],
        ),
        o(
            "membership",
            "membership_self",
            "People who choose to take part",
            &["community_of_practice", "network", "practice_group"],
        ),
        o(
            "membership",
            "membership_local",
            "People in one place, part of a wider group",
            &["chapter"],
        ),
        o(
            "membership",
            "membership_assigned",
            "People assigned or representing their units",
            &["project_team", "task_force"],
        ),
        o(
            "membership",
            "membership_reporting",
            "Everyone who reports to one manager",
            &["work_unit"],
        ),
        o(
            "glue",
            "glue_passion",
            "Passion for and identification with a domain",
            &["community_of_practice", "chapter", "practice_group"],
        ),
        o(
            "glue",
            "glue_task",
            "Milestones and goals of a task",
            &["project_team", "task_force"],
        ),
        o("glue", "glue_job", "Job requirements and shared goals", &["work_unit"]),
        o("glue", "glue_need", "Mutual need", &["network"]),
        o(
            "lifespan",
            "lifespan_learning",
            "As long as members find learning value",
            &["community_of_practice", "chapter"],
        ),
        o(
            "lifespan",
            "lifespan_task",
            "Until a task or project is done",
            &["project_team", "task_force", "practice_group"],
        ),
        o(
            "lifespan",
            "lifespan_reorganisation",
            "Until the next reorganisation",
            &["work_unit"],
        ),
        o(
            "lifespan",
            "lifespan_open",
            "As long as people keep connecting",
            &["network"],
        ),
        o(
            "deliverables",
            "deliverables_capability",
            "No: it builds a capability",
            &["community_of_practice", "chapter", "network"],
        ),
        o(
            "deliverables",
            "deliverables_some",
            "Some: a guide or tool now and then, chosen by members",
            &["practice_group", "community_of_practice"],
        ),
        o(
            "deliverables",
            "deliverables_yes",
            "Yes: a defined result by a date",
            &["project_team", "task_force"],
        ),
        o(
            "deliverables",
            "deliverables_ongoing",
            "Yes: an ongoing product or service",
            &["work_unit"],
        ),
        o(
            "boundaries",
            "boundaries_fuzzy",
            "Fuzzy: people join and drift at the edges",
            &["community_of_practice", "chapter", "practice_group"],
        ),
        o(
            "boundaries",
            "boundaries_clear",
            "Clear: everyone knows who is in",
            &["project_team", "task_force", "work_unit"],
        ),
        o("boundaries", "boundaries_none", "Hardly any", &["network"]),
        o(
            "location",
            "location_spread",
            "Spread across sites, units or organisations",
            &["community_of_practice", "network", "task_force"],
        ),
        o(
            "location",
            "location_one_site",
            "In one site, with a wider group elsewhere",
            &["chapter"],
        ),
        o(
            "location",
            "location_one_unit",
            "In one place and one department",
            &["work_unit", "project_team"],
        ),
    ]
}

pub fn readiness_areas() -> Vec<CatalogueEntry> {
    let e = CatalogueEntry::new;
    vec![
        e("strategic_context", "Strategic context", "There is a stated value proposition: the critical business problems communities address, and why knowledge needs leveraging.", START_UP),
        e("culture_of_sharing", "Culture of sharing", "People share what they know rather than treating knowledge as power; the culture is not so individualistic or short-term that it works against communities.", "Wenger-Trayner FAQ: culture, 'knowledge is power'"),
        e("protected_time", "Protected time", "Members and leaders have time for community work, agreed with their managers.", "Wenger-Trayner success factors: time"),
        e("sponsorship", "Sponsorship", "A senior sponsor sees the strategic value, gives legitimacy and resources, and removes barriers without micromanaging.", WT_ORG),
        e("expectations", "Expectations", "Expectations of value are high enough to energise but do not turn the community into another team with deliverables.", "Wenger-Trayner FAQ: tasks and expectations"),
        e("recognition_careers", "Recognition and careers", "Community work counts in recognition, performance reviews and careers.", START_UP),
        e("support", "Support", "Light-touch support is available: coaching for leaders, logistics, a social learning team, technology that fits.", START_UP),
    ]
}

pub fn readiness_actions() -> Vec<CatalogueEntry> {
    let e = CatalogueEntry::under;
    vec![
        e("strategic_context", "act_strategic_context", "Write a one-page value proposition with the sponsor", "Name two or three critical business problems and the capability communities would build.", START_UP),
        e("culture_of_sharing", "act_culture", "Start where sharing already happens", "Don't wait for the culture to change: begin with a domain people already help each other on, and make generous contributors visible.", "Wenger-Trayner FAQ: culture"),
        e("protected_time", "act_time", "Agree protected time with line managers", "For example two hours a month for members and a day a month for leaders, written into objectives.", "Wenger-Trayner success factors: time"),
        e("sponsorship", "act_sponsorship", "Find a sponsor and agree what they commit", "Time, budget, recognition and an escalation path — and no micromanagement.", WT_ORG),
        e("expectations", "act_expectations", "Hold an expectations conversation", "Sponsors and leaders agree what value to look for, and what the community is not expected to deliver.", "Wenger-Trayner FAQ: tasks and expectations"),
        e("recognition_careers", "act_recognition", "Put community work into reviews and careers", "Ask HR to recognise leadership and contributions in performance reviews.", START_UP),
        e("support", "act_support", "Set up a small social learning team", "Coaching for leaders, events, onboarding and evaluation across the communities.", START_UP),
    ]
}

pub fn role_responsibilities() -> Vec<CatalogueEntry> {
    let e = CatalogueEntry::under;
    vec![
        e(
            "community_leader",
            "leader_rhythm",
            "Keep the rhythm of activities going",
            "",
            WT_ROLES,
        ),
        e(
            "community_leader",
            "leader_connect",
            "Stay in touch with members and check they get value",
            "",
            WT_ROLES,
        ),
        e(
            "community_leader",
            "leader_core",
            "Share the work with a core group",
            "",
            WT_ROLES,
        ),
        e(
            "community_leader",
            "leader_sponsor",
            "Keep the sponsor informed",
            "",
            WT_ORG,
        ),
        e(
            "core_group_member",
            "core_help",
            "Help the leaders with their tasks",
            "",
            WT_ROLES,
        ),
        e(
            "core_group_member",
            "core_develop",
            "Develop the community: agenda, activities, newcomers",
            "",
            WT_ROLES,
        ),
        e(
            "chapter_leader",
            "chapter_local",
            "Run the chapter's local activities",
            "",
            WT_ROLES,
        ),
        e(
            "chapter_leader",
            "chapter_link",
            "Link the chapter to the wider community",
            "",
            WT_ROLES,
        ),
        e(
            "practice_group_leader",
            "pg_lead",
            "Lead the group's work, from light facilitation to project management",
            "",
            WT_ROLES,
        ),
        e(
            "practice_group_leader",
            "pg_report",
            "Bring the group's results back to the community",
            "",
            WT_ROLES,
        ),
        e(
            "mentor",
            "mentor_newcomers",
            "Take newer members under your wing",
            "",
            WT_ROLES,
        ),
        e(
            "welcome_wagon",
            "welcome_greet",
            "Greet newcomers and show them around",
            "",
            WT_ROLES,
        ),
        e(
            "welcome_wagon",
            "welcome_first_step",
            "Help each newcomer find a first low-risk contribution",
            "",
            WT_ROLES,
        ),
        e(
            "sponsor",
            "sponsor_legitimacy",
            "Give legitimacy, resources and recognition",
            "",
            WT_ORG,
        ),
        e(
            "sponsor",
            "sponsor_barriers",
            "Remove barriers without micromanaging",
            "",
            WT_ORG,
        ),
        e(
            "social_learning_team_member",
            "slt_support",
            "Support leaders: coaching, events, onboarding, platform",
            "",
            WT_ORG,
        ),
        e(
            "social_learning_team_member",
            "slt_evaluate",
            "Run evaluation across the portfolio",
            "",
            WT_ORG,
        ),
        e(
            "technology_steward",
            "steward_configure",
            "Choose and configure tools that fit how the community learns",
            "",
            "Wenger, White & Smith, Digital Habitats (2009)",
        ),
        e(
            "facilitator",
            "facilitator_design",
            "Design and run meetings so members learn with and from each other",
            "",
            WT_ORG,
        ),
        e(
            "systems_convener",
            "convener_partnerships",
            "Forge learning partnerships across boundaries",
            "",
            "Wenger-Trayner, systems convening",
        ),
    ]
}

pub fn leadership_groups() -> Vec<CatalogueEntry> {
    let e = CatalogueEntry::new;
    vec![
        e(
            "agenda_activists",
            "Agenda activists",
            "Push the learning agenda forward: surface and prioritise issues, plan activities.",
            GROUPS,
        ),
        e(
            "community_keepers",
            "Community keepers",
            "Weave the social fabric; bring in diverse and absent voices.",
            GROUPS,
        ),
        e(
            "critical_friends",
            "Critical friends",
            "Reflect on the process; collect feedback and feed it into redesign.",
            GROUPS,
        ),
        e(
            "social_reporters",
            "Social reporters",
            "Build shared memory: capture stories, photos and summaries.",
            GROUPS,
        ),
        e(
            "external_messengers",
            "External messengers",
            "Communicate with outside audiences.",
            GROUPS,
        ),
        e(
            "value_detectives",
            "Value detectives",
            "Make value creation visible: collect value-creation stories and indicators.",
            GROUPS,
        ),
        e(
            "organisational_brokers",
            "Organisational brokers",
            "Connect with organisational stakeholders.",
            GROUPS,
        ),
    ]
}

pub fn capacity_steps() -> Vec<CatalogueEntry> {
    let e = CatalogueEntry::new;
    vec![
        e(
            "orientation",
            "Leader orientation",
            "What a community of practice is, the leader's role, and the support available.",
            CAPACITY,
        ),
        e(
            "facilitation",
            "Facilitation skills",
            "Designing and running meetings where members learn from each other.",
            CAPACITY,
        ),
        e(
            "cultivation",
            "Cultivating a community",
            "Stages of development, participation levels, rhythm and the core group.",
            CAPACITY,
        ),
        e(
            "value_creation",
            "Value-creation stories and indicators",
            "Planning for value and collecting evidence of it.",
            "Wenger-Trayner value-creation framework",
        ),
        e(
            "digital_habitat",
            "Digital habitat",
            "Choosing and stewarding technology with the community.",
            "Wenger, White & Smith, Digital Habitats (2009)",
        ),
        e(
            "peer_group",
            "Leaders' peer group",
            "Regular peer support with leaders of other communities.",
            CAPACITY,
        ),
        e(
            "coaching",
            "Coaching conversation",
            "A one-to-one with the social learning team about the community's challenges.",
            CAPACITY,
        ),
    ]
}

pub fn success_factors() -> Vec<CatalogueEntry> {
    let e = CatalogueEntry::new;
    vec![
        e(
            "passion_for_domain",
            "Passion for the domain",
            "Members feel strongly connected to the domain: its interest, its challenges or its place in their job.",
            SUCCESS,
        ),
        e(
            "internal_leadership",
            "Internal leadership",
            "Those nurturing the community have dedication, skill and legitimacy.",
            SUCCESS,
        ),
        e(
            "energised_core_group",
            "Energised core group",
            "Committed members around the leader; depending on one or two people does not last.",
            SUCCESS,
        ),
        e(
            "focus_on_practice",
            "Focus on practice",
            "Interactions tackle how things really are, not formal knowledge alone.",
            SUCCESS,
        ),
        e(
            "trust",
            "Trust",
            "Enough trust to talk about real practice, including what goes wrong.",
            SUCCESS,
        ),
        e(
            "rhythm",
            "Rhythm",
            "A sustainable rhythm of activities that members can rely on.",
            SUCCESS,
        ),
        e(
            "value_for_time",
            "Value for time",
            "Taking part is worth the time it takes.",
            "Wenger-Trayner, top three success factors",
        ),
        e(
            "recognition",
            "Recognition",
            "Contributions are recognised by peers and the organisation.",
            SUCCESS,
        ),
        e(
            "organisational_voice",
            "Organisational voice",
            "The community has a voice and influence in the organisation.",
            SUCCESS,
        ),
        e(
            "connection_to_field",
            "Connection to a broader field",
            "Members bring in outside expertise and other communities.",
            SUCCESS,
        ),
    ]
}

pub fn risk_factors() -> Vec<CatalogueEntry> {
    let e = CatalogueEntry::new;
    vec![
        e(
            "vague_domain",
            "Domain too vague or too broad",
            "Members cannot say what the community is about.",
            RISKS,
        ),
        e(
            "single_leader",
            "No leader, or only one",
            "The community depends on one person.",
            RISKS,
        ),
        e(
            "burnout",
            "Leader or core group burnout",
            "The people holding the space are exhausted.",
            RISKS,
        ),
        e(
            "no_time",
            "No protected time",
            "Members take part only in their own time.",
            RISKS,
        ),
        e(
            "sponsor_absent_or_controlling",
            "Sponsor absent or over-controlling",
            "Either no support, or the community is being turned into a team with deliverables.",
            RISKS,
        ),
        e(
            "polite_presentations",
            "Polite presentations only",
            "Discussion stays at formal knowledge; nobody brings real problems.",
            RISKS,
        ),
        e(
            "low_trust",
            "Low trust",
            "People do not feel safe to admit what they do not know.",
            RISKS,
        ),
        e(
            "status_imbalance",
            "Imbalance by status, location or language",
            "Participation follows hierarchy, headquarters versus field, or language, rather than interest.",
            "Wenger-Trayner, levels of participation FAQ",
        ),
        e(
            "technology_first",
            "Technology first",
            "A platform was launched before the community had a reason to use it.",
            RISKS,
        ),
        e(
            "evaluation_as_hoop",
            "Evaluation as a hoop",
            "Evaluation is done for reporting, not for learning.",
            "Wenger-Trayner value-creation framework",
        ),
        e(
            "insularity",
            "Insularity",
            "The community looks only inward; groupthink.",
            RISKS,
        ),
    ]
}

pub fn org_indicators() -> Vec<CatalogueEntry> {
    let e = CatalogueEntry::new;
    vec![
        e("leadership_depth", "Core group with more than one leader", "Computed: more than one member holds a leader role, and the core group is not empty.", INDICATORS),
        e("participation_spread", "Spread of participation levels", "Computed: how many participation levels have members, and whether anyone moved between levels in the last year.", INDICATORS),
        e("rhythm_sustained", "Rhythm sustained", "Computed: planned activities in the rhythm planner over the coming quarter.", INDICATORS),
        e("learning_agenda_active", "Active learning agenda", "Computed: topics on the learning agenda with an owner.", INDICATORS),
        e("repertoire_growing", "Repertoire growing", "Computed: repertoire items added in the last twelve months.", INDICATORS),
        e("leaders_trained", "Leaders trained", "Computed: the community's leaders who have done at least one capacity-building step.", INDICATORS),
        e("sponsor_engagement", "Sponsor engagement", "Entered by hand: the sponsor attends, asks for input and gives resources.", INDICATORS),
        e("outside_requests", "Requests from outside", "Entered by hand: requests for the community's help arriving from outside it.", INDICATORS),
    ]
}
