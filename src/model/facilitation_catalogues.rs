//! Default catalogues of the Facilitating chapter: the format library, the meeting phases
//! and the meeting checklist. Sources are tagged as in `shared/domain/cop-model.md` §5:
//! the formats named in the visible part of the Wenger-Trayner deck (case clinics,
//! after-action reviews, models of practice, document sharing) are tagged as such; the
//! other formats are common in community-of-practice work but not verified in the
//! guidebook, and their source says so.

use super::catalogue::{CatalogueEntry, FormatSpec};

const WBG: &str = "Wenger-Trayner, learning-activity formats (WBG slide deck)";
const COMMON: &str = "Common community-of-practice format (not verified in the guidebook)";
const FRAMING: &str = "Wenger-Trayner (2020), Learning to Make a Difference: framing activities";
const DESIGN: &str = "Cultivate meeting design, built on Wenger-Trayner principles";
const LEADERSHIP: &str = "Wenger-Trayner, leadership groups";
const VALUE: &str = "Wenger-Trayner value-creation framework";

/// Online and in-person needs.
type Needs<'a> = (&'a str, &'a str);

#[allow(clippy::too_many_arguments)] // one entry of a data table, read in order
fn format(
    id: &str,
    label: &str,
    purpose: &str,
    source: &str,
    serves: &[&str],
    (minutes, group_min, group_max): (u32, u32, u32),
    steps: &[&str],
    needs: Needs<'_>,
) -> CatalogueEntry {
    CatalogueEntry {
        points_to: serves.iter().map(|s| super::ids::Id::new(*s)).collect(),
        format: Some(FormatSpec {
            steps: steps.iter().map(|s| s.to_string()).collect(),
            minutes,
            group_min,
            group_max,
            online_needs: needs.0.into(),
            in_person_needs: needs.1.into(),
        }),
        ..CatalogueEntry::new(id, label, purpose, source)
    }
}

/// The format library.
pub fn meeting_formats() -> Vec<CatalogueEntry> {
    vec![
        format(
            "case_clinic",
            "Case clinic",
            "A member brings a live problem; peers help them see it afresh and find next steps.",
            WBG,
            &["problem_solving", "seeking_experience", "growing_confidence"],
            (60, 4, 12),
            &[
                "The case giver describes the problem and what they have tried (10 min)",
                "Peers ask clarifying questions only, no advice yet (10 min)",
                "Peers discuss ideas while the case giver listens and takes notes (25 min)",
                "The case giver says what they will try and by when (10 min)",
                "Everyone names one thing they take away for their own work (5 min)",
            ],
            (
                "Video call; the case giver keeps the camera on while peers talk; a shared note for ideas",
                "A quiet room with chairs in a circle; the case giver may turn their back while peers discuss",
            ),
        ),
        format(
            "peer_assist",
            "Peer assist",
            "A team about to start something asks people who have done it before for their experience, before it commits.",
            COMMON,
            &["seeking_experience", "reusing_assets", "growing_confidence"],
            (90, 4, 15),
            &[
                "The host team states what it is about to do and what it wants to learn",
                "Visitors share experience: what worked, what they would do differently",
                "Together, list options and risks; the host team asks questions",
                "The host team says what it will do differently and thanks the visitors",
            ],
            (
                "Video call with screen sharing; documents sent beforehand",
                "A meeting room with a whiteboard; visitors from other teams or sites",
            ),
        ),
        format(
            "after_action_review",
            "After-action review",
            "Right after a project, event or incident, the people involved learn from what happened, without blame.",
            WBG,
            &["documentation_projects", "problem_solving", "discussing_developments"],
            (45, 3, 20),
            &[
                "What did we set out to do?",
                "What actually happened? Build a timeline together",
                "Why was there a difference?",
                "What will we keep, and what will we change next time?",
                "Who writes up the lessons, and where do they go in the repertoire?",
            ],
            (
                "Video call; a shared document or board for the timeline",
                "A room with a long wall or whiteboard for the timeline; sticky notes",
            ),
        ),
        format(
            "fishbowl",
            "Fishbowl",
            "A few people discuss a question in an inner circle while the others listen; chairs rotate so anyone can step in.",
            COMMON,
            &["discussing_developments", "building_an_argument", "mapping_knowledge"],
            (45, 8, 60),
            &[
                "The facilitator frames the question and the rules of the bowl",
                "Four or five people talk in the inner circle; one chair stays empty",
                "Anyone from the outer circle may take the empty chair; someone then leaves",
                "Close with the outer circle: what did you hear that struck you?",
            ],
            (
                "Video call: a few speakers on camera, others muted; 'raise hand' to join the bowl",
                "An inner circle of five chairs inside an outer circle",
            ),
        ),
        format(
            "world_cafe",
            "World café",
            "Small tables talk about questions that matter in rounds, carrying ideas between tables, to surface collective knowledge.",
            COMMON,
            &["mapping_knowledge", "discussing_developments", "coordination_and_synergy"],
            (75, 12, 100),
            &[
                "Explain the café etiquette and the questions",
                "Round 1: four or five people per table on the first question (20 min)",
                "Everyone but a host moves to a new table; the host sums up the last round",
                "Round 2 and 3 on deeper questions (20 min each)",
                "Harvest in plenary: patterns, insights and questions",
            ],
            (
                "Breakout rooms that reshuffle each round; one shared board per room",
                "Small tables with paper tablecloths and markers; a café atmosphere",
            ),
        ),
        format(
            "open_space",
            "Open space",
            "Participants set the agenda themselves: whoever cares about a topic hosts a session on it.",
            COMMON,
            &["mapping_knowledge", "problem_solving", "coordination_and_synergy"],
            (120, 10, 200),
            &[
                "Open the circle and explain the principles and the law of two feet",
                "Anyone posts a topic and a slot on the marketplace wall",
                "Sessions run in parallel; hosts record what was said",
                "Close the circle: each host reports back in a sentence; collect the notes",
            ],
            (
                "Breakout rooms named by topic; a shared board as the marketplace",
                "A large room for the circle, several breakout spaces, a wall for the marketplace",
            ),
        ),
        format(
            "show_and_tell",
            "Show-and-tell",
            "Members show something they made or use, in short lightning talks, so others can see it and reuse it.",
            COMMON,
            &["reusing_assets", "requests_for_information", "growing_confidence"],
            (30, 5, 80),
            &[
                "Each presenter shows their work in five minutes or less",
                "Two minutes of questions after each",
                "Collect links to what was shown for the repertoire",
            ],
            (
                "Video call with screen sharing; a strict timer",
                "A screen or a table to show objects; a visible timer",
            ),
        ),
        format(
            "trios",
            "Trios (case consultation)",
            "Groups of three take turns as case giver, consultant and observer on each other's challenges.",
            COMMON,
            &["problem_solving", "growing_confidence", "seeking_experience"],
            (45, 3, 60),
            &[
                "Form groups of three; agree who starts as case giver",
                "Case giver explains, consultant asks and suggests, observer notes the process (12 min)",
                "The observer reflects back what they noticed (3 min)",
                "Swap roles until each person has had each role",
            ],
            (
                "Breakout rooms of three with a visible timer",
                "Three chairs per group spread around a room",
            ),
        ),
        format(
            "site_visit",
            "Site visit",
            "Members visit where a peer does the work, to see the practice in its real context.",
            COMMON,
            &["visits", "seeking_experience", "reusing_assets"],
            (180, 3, 20),
            &[
                "The host explains what visitors will see and why it matters",
                "Walk through the site or the work in progress",
                "Visitors ask questions on the spot",
                "Debrief: what would we adopt, and what would we adapt?",
            ],
            (
                "A live walk-through on a phone camera, with a second person reading the chat",
                "Travel and access arrangements; safety briefing; a room for the debrief",
            ),
        ),
        format(
            "documentation_sprint",
            "Documentation sprint",
            "A focused session in which members write up what the community knows: a guide, a checklist, a case.",
            COMMON,
            &["documentation_projects", "reusing_assets", "mapping_knowledge"],
            (120, 3, 12),
            &[
                "Agree the outline and who writes which part",
                "Write in pairs, in a shared document",
                "Swap and review another pair's part",
                "Agree what is left and who publishes it in the repertoire",
            ],
            (
                "A shared editor everyone can write in; a call left open for questions",
                "Laptops, power, a screen for the outline",
            ),
        ),
        format(
            "expert_qa",
            "Expert Q&A",
            "An expert, from inside or outside the community, answers members' questions on a topic.",
            COMMON,
            &["requests_for_information", "discussing_developments", "building_an_argument"],
            (60, 5, 200),
            &[
                "Collect questions beforehand and group them",
                "The expert gives a short framing (10 min at most)",
                "Questions from the list, then from the floor",
                "Capture answers and resources for the repertoire",
            ],
            (
                "Webinar or video call with a Q&A or chat moderator",
                "A room with a microphone for questions; someone taking notes",
            ),
        ),
        format(
            "models_of_practice",
            "Models of practice",
            "A member walks through how they actually do a piece of work, step by step, so peers can compare practices.",
            WBG,
            &["seeking_experience", "reusing_assets", "building_an_argument"],
            (45, 4, 30),
            &[
                "The presenter shows their practice on a real example",
                "Peers compare: how do you do this step?",
                "Note the differences that matter and the ones that do not",
            ],
            (
                "Video call with screen sharing of real artefacts",
                "A screen; printouts of the artefacts to annotate",
            ),
        ),
        format(
            "document_sharing",
            "Document sharing and review",
            "Members share a document they wrote and get structured feedback from peers.",
            WBG,
            &["reusing_assets", "documentation_projects", "growing_confidence"],
            (45, 3, 15),
            &[
                "The author says what kind of feedback they need",
                "Peers read silently and annotate (15 min)",
                "Round of feedback: what works, what is unclear, what is missing",
                "The author sums up what they will change",
            ],
            (
                "A shared document with comments; a call",
                "Printed copies and pens",
            ),
        ),
        format(
            "book_club",
            "Book or article club",
            "Members read the same text beforehand and discuss what it means for their practice.",
            COMMON,
            &["discussing_developments", "building_an_argument"],
            (60, 3, 20),
            &[
                "Choose and circulate the reading two weeks ahead",
                "Each person shares one idea that struck them",
                "Discuss: what does it mean for how we work?",
                "Choose the next reading",
            ],
            (
                "Video call; the text on a shared drive",
                "A comfortable room; copies of the text",
            ),
        ),
        format(
            "framing_session",
            "Framing and reframing",
            "The community steps back to agree what it is trying to make a difference to, and how it will know.",
            FRAMING,
            &["mapping_knowledge", "coordination_and_synergy", "building_an_argument"],
            (90, 4, 30),
            &[
                "Each member names the difference they want to make",
                "Cluster the aspirations and name the shared ones",
                "Ask what stands in the way and what would show progress",
                "Agree the learning agenda items that follow",
            ],
            (
                "Video call with a shared board for clustering",
                "A wall and sticky notes for clustering",
            ),
        ),
        format(
            "knowledge_mapping",
            "Knowledge mapping",
            "Members map who knows what and where the gaps are, so that they know whom to ask and what to learn next.",
            COMMON,
            &["mapping_knowledge", "coordination_and_synergy", "requests_for_information"],
            (60, 5, 40),
            &[
                "List the topics of the domain on a grid",
                "Each member marks what they know well and what they want to learn",
                "Spot gaps and pairs: who could help whom?",
                "Turn the biggest gaps into learning agenda items",
            ],
            (
                "A shared spreadsheet or board with the grid",
                "A large printed grid and coloured dots",
            ),
        ),
        format(
            "check_in_and_news",
            "Check-in and news round",
            "A short opening round: each person says how they arrive and one development from their work.",
            COMMON,
            &["discussing_developments", "requests_for_information"],
            (10, 2, 30),
            &[
                "Each person speaks for a minute at most",
                "Note requests and news for later in the meeting",
            ],
            ("Video call, cameras on if people are comfortable", "Chairs in a circle"),
        ),
        format(
            "harvest_and_close",
            "Harvest and close",
            "The closing block: capture insights, resources and questions, agree who will try what by when, and invite value-creation stories.",
            DESIGN,
            &["documentation_projects", "coordination_and_synergy"],
            (15, 2, 60),
            &[
                "Each person names one insight and one thing they will try",
                "Agree follow-ups: who, what, by when",
                "The social reporters confirm where the notes will go",
                "Invite a value-creation story from anyone who used something from an earlier meeting",
            ],
            ("A shared note visible to everyone", "A flipchart for follow-ups"),
        ),
    ]
}

pub fn meeting_phases() -> Vec<CatalogueEntry> {
    vec![
        CatalogueEntry::new(
            "before",
            "Before",
            "Preparing the meeting: purpose, agenda, people and logistics.",
            DESIGN,
        ),
        CatalogueEntry::new(
            "during",
            "During",
            "Running the meeting: opening, timekeeping, room for everyone, harvest.",
            DESIGN,
        ),
        CatalogueEntry::new(
            "after",
            "After",
            "Following the meeting up: record, follow-ups, stories and feedback.",
            DESIGN,
        ),
    ]
}

pub fn meeting_checklist() -> Vec<CatalogueEntry> {
    let e = CatalogueEntry::under;
    vec![
        e(
            "before",
            "purpose_tied_to_agenda",
            "Purpose tied to a learning-agenda topic",
            "The meeting says which learning-agenda topic it serves, so that members see why it matters.",
            DESIGN,
        ),
        e(
            "before",
            "formats_chosen",
            "Formats chosen for the activity types",
            "Each block uses a format that fits what the meeting is for: problem solving, sharing experience, documenting…",
            DESIGN,
        ),
        e(
            "before",
            "room_for_peripheral",
            "Room for peripheral participants",
            "A low-risk way in for newcomers and occasional members: a question round, small groups, a listening role.",
            DESIGN,
        ),
        e(
            "before",
            "leadership_groups_assigned",
            "Leadership groups assigned",
            "Everyone has a process role: agenda activists, community keepers, critical friends, social reporters, value detectives…",
            LEADERSHIP,
        ),
        e(
            "before",
            "invitation_sent",
            "Invitation and agenda sent",
            "Members received the date, place or link, the agenda and anything to read or bring.",
            DESIGN,
        ),
        e(
            "before",
            "logistics_ready",
            "Room, link and materials ready",
            "Booked room or tested call link, breakout rooms, boards, flipcharts; an accessible set-up.",
            DESIGN,
        ),
        e(
            "before",
            "case_givers_briefed",
            "Case givers and presenters briefed",
            "People bringing a case or a demo know their time and what kind of help they will get.",
            DESIGN,
        ),
        e(
            "during",
            "welcome_and_norms",
            "Welcome, introductions and norms",
            "Open by welcoming newcomers and recalling the community's norms and confidentiality.",
            DESIGN,
        ),
        e(
            "during",
            "timekeeping",
            "Time kept, changes agreed",
            "Blocks run to time; when one runs over, the group decides what gives.",
            DESIGN,
        ),
        e(
            "during",
            "every_voice",
            "Every voice heard",
            "Community keepers draw in quiet and absent voices; no one dominates.",
            LEADERSHIP,
        ),
        e(
            "during",
            "harvest_captured",
            "Harvest captured",
            "Insights, resources and questions are noted as they come up (potential value).",
            VALUE,
        ),
        e(
            "during",
            "follow_ups_agreed",
            "Follow-ups agreed",
            "Who will try what, by when (applied value to come).",
            VALUE,
        ),
        e(
            "during",
            "feedback_collected",
            "Feedback on the meeting collected",
            "Critical friends ask what worked and what to change in the design.",
            LEADERSHIP,
        ),
        e(
            "after",
            "record_written",
            "Meeting record written",
            "Attendance, harvest and follow-ups entered while memories are fresh.",
            DESIGN,
        ),
        e(
            "after",
            "notes_shared",
            "Notes and resources shared",
            "Social reporters share the summary; resources go into the repertoire.",
            LEADERSHIP,
        ),
        e(
            "after",
            "follow_ups_checked",
            "Follow-ups checked",
            "Someone asks, before the next meeting, how the follow-ups went.",
            DESIGN,
        ),
        e(
            "after",
            "value_stories_invited",
            "Value-creation stories invited",
            "Value detectives invite stories from members who used something from the meeting.",
            VALUE,
        ),
        e(
            "after",
            "design_reviewed",
            "Design reviewed for next time",
            "The core group adjusts formats and timing from the feedback.",
            DESIGN,
        ),
    ]
}
