//! The forming wizard's steps, and the charter made from its answers.

/// One step of the forming wizard.
pub struct Step {
    /// Stable key, used in the URL (`?step=domain`) and in tests.
    pub key: &'static str,
    pub title: &'static str,
    /// What the step asks for and why, drawn from the guidebook.
    pub help: &'static str,
}

/// The wizard's steps, in order. `Forming::step` indexes into this.
pub const STEPS: [Step; 8] = [
    Step {
        key: "formation",
        title: "Formation type",
        help: "Choose the structure that fits: a community of practice, a local chapter of a wider community, or a practice group working on one part of the practice.",
    },
    Step {
        key: "domain",
        title: "Domain",
        help: "The domain is the area of shared inquiry and its key issues. Say which organisational priorities it serves, and how: that is what makes a sponsor care.",
    },
    Step {
        key: "agenda",
        title: "Learning agenda",
        help: "The topics the community takes charge of developing. Give each an owner, the activities planned and the outputs expected.",
    },
    Step {
        key: "community",
        title: "Community",
        help: "Who is invited, who forms the core group, and who leads first. Find internal leaders before anything else.",
    },
    Step {
        key: "practice",
        title: "Practice",
        help: "What members will share and build together: cases, tools, stories, lessons, documents.",
    },
    Step {
        key: "value",
        title: "Value proposition",
        help: "What members and the organisation get out of it, in the short term and in the long term.",
    },
    Step {
        key: "rhythm",
        title: "Rhythm",
        help: "A regular tempo that suits the community's stage and members' lives. Start simple.",
    },
    Step {
        key: "norms",
        title: "Norms and confidentiality",
        help: "How members treat each other and their time, what stays inside the community, and what can be published.",
    },
];
