//! Default catalogues of the Evaluation chapter: guiding questions and example indicators
//! per value cycle, and the kinds of knowledge capital. Sources are tagged as in
//! `shared/domain/cop-model.md` §7: the question wording is recalled, the example indicators
//! follow the spirit of the 2011 framework report, and the three cycles added after 2011
//! (strategic, enabling, orienting) are the app's paraphrase.

use super::catalogue::CatalogueEntry;

const STORY: &str = "Wenger-Trayner value-creation story template (question wording recalled)";
const STORY_2020: &str = "Cultivate, after the 2020 value-creation framework's added cycles (unverified)";
const INDICATORS: &str =
    "In the spirit of the Wenger-Trayner value-creation framework (2011), not checked line by line";
const CAPITAL: &str = "Wenger-Trayner value-creation framework (2011), knowledge capital";

/// Guiding questions, the steps of a value-creation story: one or two per cycle.
pub fn cycle_questions() -> Vec<CatalogueEntry> {
    let q = CatalogueEntry::under;
    vec![
        q("immediate", "q_immediate_activity", "What activity or interaction did you take part in, and how was it for you?", "The story's first step: the activity itself, and what it was like to take part.", STORY),
        q("immediate", "q_immediate_value", "What happened there that was worth your time: a tip, a connection, inspiration, reassurance?", "Immediate value is in the moment; it matters even when nothing comes of it later.", STORY),
        q("potential", "q_potential_gain", "What did it give you: an idea, a skill, a tool, a document, a connection, confidence?", "Potential value is knowledge capital stored for later: human, social, tangible, reputational or learning capital.", STORY),
        q("potential", "q_potential_capital", "Which kind of capital grew: what you can do, who you know, what you have, how you are seen, how you learn?", "Name the kind of knowledge capital, so that the story can be compared with others.", STORY),
        q("applied", "q_applied_use", "How did you use it? What did you do differently, and where?", "Applied value is a change in practice: the knowledge capital put to work in a specific situation.", STORY),
        q("realized", "q_realized_difference", "What difference did that make to your results, or your organisation's? What evidence is there?", "Realized value is improved performance on what matters to stakeholders; point to the evidence.", STORY),
        q("transformative", "q_transformative_success", "Did it change how you, your team or stakeholders think about success, goals or strategy?", "Transformative value reframes what success means. Not every story reaches it.", STORY),
        q("strategic", "q_strategic_stakeholders", "Who with a stake in this noticed, listened or acted on it: a sponsor, a manager, a policy maker?", "Strategic value is the learning connecting with people who can give it direction and support.", STORY_2020),
        q("enabling", "q_enabling_support", "What support made this possible: facilitation, time, resources, technology?", "Enabling value is the quality of the conditions that make the learning possible.", STORY_2020),
        q("orienting", "q_orienting_landscape", "How did this change your view of the wider landscape: who does what, trends, where you fit?", "Orienting value helps participants find their place among other practices and boundaries.", STORY_2020),
    ]
}

/// Example indicators per cycle (3 to 6 each), with typical data sources in the help text.
pub fn cycle_indicators() -> Vec<CatalogueEntry> {
    let i = |cycle: &str, id: &str, label: &str, source: &str| {
        CatalogueEntry::under(
            cycle,
            id,
            label,
            &format!("Typical data sources: {source}."),
            INDICATORS,
        )
    };
    vec![
        i(
            "immediate",
            "ind_participation",
            "Participation (attendance, frequency)",
            "attendance lists, meeting records",
        ),
        i(
            "immediate",
            "ind_activity",
            "Activity level (posts, meetings held, questions asked and answered)",
            "platform analytics, meeting records",
        ),
        i(
            "immediate",
            "ind_engagement",
            "Quality of engagement (depth of contributions, real cases discussed)",
            "facilitator or critical friends' notes, observation",
        ),
        i(
            "immediate",
            "ind_satisfaction",
            "Perceived value of taking part",
            "post-event pulse surveys",
        ),
        i(
            "immediate",
            "ind_connections",
            "New connections made",
            "post-event surveys, introductions recorded",
        ),
        i(
            "potential",
            "ind_skills",
            "Skills or information gained",
            "self-report surveys and reflection forms",
        ),
        i(
            "potential",
            "ind_perspective",
            "Change in perspective, inspiration or confidence",
            "interviews, reflection forms",
        ),
        i(
            "potential",
            "ind_relationships",
            "New or stronger relationships and trust",
            "social network analysis, surveys",
        ),
        i(
            "potential",
            "ind_artefacts",
            "Artefacts produced (tools, guides, cases) and their quality",
            "repository counts, downloads and ratings",
        ),
        i(
            "potential",
            "ind_reputation",
            "Community reputation (requests from outside, invitations)",
            "records of external requests or citations",
        ),
        i(
            "applied",
            "ind_practice_change",
            "Advice or insight put into practice",
            "value-creation stories, follow-up surveys one to three months after activities",
        ),
        i(
            "applied",
            "ind_innovation",
            "Practice innovations",
            "value-creation stories, project documents",
        ),
        i(
            "applied",
            "ind_reuse",
            "Reuse of community tools and documents",
            "reuse logs, downloads, manager or peer confirmation",
        ),
        i(
            "applied",
            "ind_systems",
            "Changes to systems or procedures",
            "project documents, procedure updates",
        ),
        i(
            "realized",
            "ind_performance",
            "Performance gains (time or cost saved, quality, error rates)",
            "organisational KPIs and dashboards, before and after metrics",
        ),
        i(
            "realized",
            "ind_client",
            "Client or stakeholder satisfaction",
            "client feedback, audit or quality reports",
        ),
        i(
            "realized",
            "ind_org_reputation",
            "Organisational reputation",
            "external recognition, stories linked to effect data",
        ),
        i(
            "transformative",
            "ind_aspirations",
            "The community's aspirations revised",
            "revised charters or learning agendas",
        ),
        i(
            "transformative",
            "ind_criteria",
            "New evaluation criteria or metrics adopted",
            "strategy or policy documents",
        ),
        i(
            "transformative",
            "ind_institutional",
            "Institutional change (policy, structure, strategy)",
            "policy documents, meeting minutes, sponsor interviews",
        ),
        i(
            "strategic",
            "ind_sponsor_engagement",
            "Sponsors' engagement with the community's outputs",
            "sponsor meeting notes, stakeholder interviews",
        ),
        i(
            "strategic",
            "ind_alignment",
            "Alignment of the learning agenda with strategic priorities",
            "strategy documents, the charter's strategic links",
        ),
        i(
            "strategic",
            "ind_decisions",
            "Community input used in decisions",
            "decision records",
        ),
        i(
            "strategic",
            "ind_resources",
            "Resources granted in response",
            "budget or time allocations",
        ),
        i(
            "enabling",
            "ind_facilitation",
            "Quality of facilitation and convening",
            "participant feedback on facilitation",
        ),
        i(
            "enabling",
            "ind_time_budget",
            "Adequacy of time, budget and resources",
            "budget and time records",
        ),
        i(
            "enabling",
            "ind_technology",
            "Technology fit and usability",
            "platform usability surveys, support logs",
        ),
        i(
            "enabling",
            "ind_barriers",
            "Barriers to participation removed",
            "support-team logs, participant feedback",
        ),
        i(
            "orienting",
            "ind_awareness",
            "Awareness of relevant actors and trends",
            "landscape-mapping exercises, reflections",
        ),
        i(
            "orienting",
            "ind_boundaries",
            "Connections across boundaries (other communities, organisations)",
            "external partner lists, boundary-crossing events",
        ),
        i(
            "orienting",
            "ind_benchmarking",
            "Benchmarking against peers",
            "benchmark reports, stories",
        ),
    ]
}

/// The kinds of knowledge capital that potential value is stored as.
pub fn knowledge_capitals() -> Vec<CatalogueEntry> {
    let k = |id: &str, label: &str, desc: &str| CatalogueEntry::under("potential", id, label, desc, CAPITAL);
    vec![
        k(
            "human",
            "Human capital",
            "What members can do and who they are: skills, knowledge, confidence, perspective, inspiration.",
        ),
        k(
            "social",
            "Social capital",
            "Relationships, connections and trust: who members can turn to, and how readily.",
        ),
        k(
            "tangible",
            "Tangible capital",
            "Resources the community produces or collects: documents, tools, cases, templates, links.",
        ),
        k(
            "reputational",
            "Reputational capital",
            "The collective standing of the community, and its members' voice because of it.",
        ),
        k(
            "learning",
            "Learning capital",
            "A changed ability to learn: new ways of reflecting, inquiring and learning together.",
        ),
    ]
}

#[cfg(test)]
mod tests {
    use crate::model::{CatalogueKind, Catalogues};

    #[test]
    fn every_cycle_has_questions_and_example_indicators() {
        let cats = Catalogues::default();
        for cycle in cats.get(CatalogueKind::ValueCycles) {
            assert!(
                cats.children(CatalogueKind::CycleQuestions, &cycle.id).count() >= 1,
                "{}",
                cycle.id
            );
            let n = cats.children(CatalogueKind::CycleIndicators, &cycle.id).count();
            assert!((3..=6).contains(&n), "{} has {n} example indicators", cycle.id);
        }
        let capitals: Vec<_> = cats
            .get(CatalogueKind::KnowledgeCapitals)
            .iter()
            .map(|e| e.id.as_str())
            .collect();
        assert_eq!(capitals, ["human", "social", "tangible", "reputational", "learning"]);
        assert!(cats
            .get(CatalogueKind::KnowledgeCapitals)
            .iter()
            .all(|e| e.parent_id.as_ref().is_some_and(|p| p.as_str() == "potential")));
    }
}
