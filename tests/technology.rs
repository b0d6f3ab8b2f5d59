//! Technology (the digital habitat), proved through the public operations of `Workspace`.
//!
//! Every test starts from the sample workspace, works through the operations the Technology
//! page uses (orientation profiles, polarities, tools, decisions, the habitat checklist) and
//! asserts exact values. After every sequence of operations the workspace must still
//! validate clean. The validation tests break exactly one thing and assert the exact
//! problem path and reason.

#![cfg(not(target_arch = "wasm32"))]

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use cultivate::model::sample::sample_workspace;
use cultivate::model::technology::{
    async_path, coverage, AsyncPath, Coverage, Mode, Technology, ToolDraft, IMPORTANCE_MAX,
};
use cultivate::model::*;

// ----- helpers -----

/// Minutes after the sample's own timestamps (2026-01-12 09:00 UTC), so every change is later.
fn t(minutes: i64) -> Timestamp {
    Utc.with_ymd_and_hms(2026, 2, 1, 0, 0, 0).single().expect("valid time") + Duration::minutes(minutes)
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

fn id(s: &str) -> Id {
    Id::new(s)
}

fn ids(v: &[&str]) -> Vec<Id> {
    v.iter().map(|s| id(s)).collect()
}

fn p(path: &str, reason: &str) -> Problem {
    Problem {
        path: path.into(),
        reason: reason.into(),
    }
}

fn fe(field: &'static str, message: &str) -> FieldError {
    FieldError::new(field, message)
}

fn assert_sound(ws: &Workspace) {
    assert_eq!(
        validate_workspace(ws),
        Vec::<Problem>::new(),
        "workspace must validate clean"
    );
}

fn invalid(r: ModelResult) -> Vec<FieldError> {
    match r {
        Err(ModelError::Invalid(errs)) => errs,
        other => panic!("expected ModelError::Invalid, got {other:?}"),
    }
}

fn refused(r: ModelResult) -> String {
    match r {
        Err(ModelError::Refused(m)) => m,
        other => panic!("expected ModelError::Refused, got {other:?}"),
    }
}

fn not_found(r: ModelResult) -> String {
    match r {
        Err(ModelError::NotFound(m)) => m,
        other => panic!("expected ModelError::NotFound, got {other:?}"),
    }
}

const GUILD: &str = "c-reliability"; // communities[0], "Reliability Guild"
const CHAPTER: &str = "c-testing"; // communities[1], "Test Automation Chapter (London)"

fn tech<'a>(ws: &'a Workspace, community: &str) -> &'a Technology {
    &ws.community(&id(community)).expect("community exists").technology
}

/// The sample workspace with no technology recorded anywhere, so the indices in the tests
/// below are the ones these tests create (even if the sample gains technology later).
fn base() -> Workspace {
    let mut ws = sample_workspace();
    // No habitats and no meetings: what uses a technology catalogue entry here is the
    // technology records these tests add.
    for c in &mut ws.communities {
        c.technology = Technology::default();
        c.facilitation = Default::default();
        for story in &mut c.evaluation.stories {
            story.meeting_ids.clear();
        }
    }
    assert_sound(&ws);
    assert_eq!(ws.communities[0].id, id(GUILD));
    assert_eq!(ws.communities[1].id, id(CHAPTER));
    ws
}

#[allow(clippy::too_many_arguments)]
fn tool_draft(
    name: &str,
    category: &str,
    mode: Mode,
    orientations: &[&str],
    activities: &[&str],
    steward: Option<&str>,
) -> ToolDraft {
    ToolDraft {
        name: name.into(),
        category_id: id(category),
        mode,
        orientation_ids: ids(orientations),
        activity_type_ids: ids(activities),
        steward_id: steward.map(id),
        cost: String::new(),
        access_notes: String::new(),
    }
}

fn zoom() -> ToolDraft {
    tool_draft(
        "Zoom",
        "video_meetings",
        Mode::Synchronous,
        &["meetings", "relationships"],
        &["problem_solving"],
        Some("p-amara"),
    )
}

fn slack() -> ToolDraft {
    tool_draft(
        "Slack",
        "chat",
        Mode::Both,
        &["open_ended_conversation", "relationships"],
        &["requests_for_information", "seeking_experience"],
        Some("p-bruno"),
    )
}

fn wiki() -> ToolDraft {
    tool_draft(
        "Confluence",
        "repository",
        Mode::Asynchronous,
        &["content"],
        &["documentation_projects", "reusing_assets"],
        None,
    )
}

/// The Guild's first rating: meetings 4, conversation 3, content 3, expertise 4, relationships 2.
fn guild_ratings() -> Vec<(Id, u8)> {
    vec![
        (id("meetings"), 4),
        (id("open_ended_conversation"), 3),
        (id("content"), 3),
        (id("access_to_expertise"), 4),
        (id("relationships"), 2),
    ]
}

/// `base()` plus a digital habitat for the Guild (communities[0]):
/// profile prof-r1 (2026-02-01, `guild_ratings`); tools tool-zoom (Zoom, steward Amara),
/// tool-slack (Slack, steward Bruno), tool-wiki (Confluence, no steward); decision dec-r1
/// (2026-02-03, about Slack, by Bruno); checklist step name_a_steward done; rhythm at 30.
/// The Chapter (communities[1]) has one tool, tool-t-teams (Teams, video meetings).
fn habitat() -> Workspace {
    let mut ws = base();
    let g = id(GUILD);
    ws.add_orientation_profile(&g, id("prof-r1"), d(2026, 2, 1), &guild_ratings(), "", t(1))
        .unwrap();
    ws.add_tool(&g, id("tool-zoom"), &zoom(), t(2)).unwrap();
    ws.add_tool(&g, id("tool-slack"), &slack(), t(2)).unwrap();
    ws.add_tool(&g, id("tool-wiki"), &wiki(), t(2)).unwrap();
    ws.add_decision(
        &g,
        id("dec-r1"),
        d(2026, 2, 3),
        Some(id("tool-slack")),
        "One channel per service",
        "Fewer places to check",
        Some(id("p-bruno")),
        t(3),
    )
    .unwrap();
    ws.set_checklist_step(&g, &id("name_a_steward"), true, t(4)).unwrap();
    ws.set_polarity(&g, "rhythm", 30, "", t(4)).unwrap();
    ws.add_tool(
        &id(CHAPTER),
        id("tool-t-teams"),
        &tool_draft("Teams", "video_meetings", Mode::Synchronous, &["meetings"], &[], None),
        t(5),
    )
    .unwrap();
    assert_sound(&ws);
    ws
}

fn gaps(c: &[Coverage]) -> Vec<&str> {
    c.iter().filter(|c| c.gap).map(|c| c.orientation_id.as_str()).collect()
}

/// Coverage of the community's tools against its latest profile (the last in date order).
fn current_coverage(ws: &Workspace, community: &str) -> Vec<Coverage> {
    let tech = tech(ws, community);
    coverage(&ws.catalogues, tech.profiles.last(), &tech.tools)
}

fn profile_ids(ws: &Workspace, community: &str) -> Vec<Id> {
    tech(ws, community).profiles.iter().map(|p| p.id.clone()).collect()
}

fn decision_ids(ws: &Workspace, community: &str) -> Vec<Id> {
    tech(ws, community).decisions.iter().map(|d| d.id.clone()).collect()
}

fn tool_ids(ws: &Workspace, community: &str) -> Vec<Id> {
    tech(ws, community).tools.iter().map(|x| x.id.clone()).collect()
}

// ----- gap analysis -----

#[test]
fn rating_orientations_and_adding_tools_flags_the_important_orientation_no_tool_serves() {
    let mut ws = base();
    let g = id(GUILD);
    ws.add_orientation_profile(
        &g,
        id("prof-r1"),
        d(2026, 2, 1),
        &guild_ratings(),
        "  First rating with the core group  ",
        t(1),
    )
    .unwrap();
    let prof = &tech(&ws, GUILD).profiles[0];
    assert_eq!(prof.note, "First rating with the core group", "the note is trimmed");
    assert_eq!(prof.on, d(2026, 2, 1));
    assert_eq!(prof.ratings.len(), 5);
    assert_eq!(ws.communities[0].updated_at, t(1));
    assert_eq!(ws.updated_at, t(1));

    // Rated but no tools yet: every important orientation is a gap.
    assert_eq!(
        gaps(&current_coverage(&ws, GUILD)),
        ["meetings", "open_ended_conversation", "content", "access_to_expertise"],
        "gaps come in catalogue order"
    );

    ws.add_tool(&g, id("tool-zoom"), &zoom(), t(2)).unwrap();
    ws.add_tool(&g, id("tool-slack"), &slack(), t(3)).unwrap();
    ws.add_tool(&g, id("tool-wiki"), &wiki(), t(4)).unwrap();
    assert_eq!(tool_ids(&ws, GUILD), ids(&["tool-zoom", "tool-slack", "tool-wiki"]));

    let cov = current_coverage(&ws, GUILD);
    assert_eq!(cov.len(), 9, "one row per orientation in the catalogue");
    assert_eq!(gaps(&cov), ["access_to_expertise"]);

    let expertise = cov
        .iter()
        .find(|c| c.orientation_id == id("access_to_expertise"))
        .unwrap();
    assert_eq!(
        expertise,
        &Coverage {
            orientation_id: id("access_to_expertise"),
            importance: 4,
            tools: vec![],
            sync_tools: 0,
            async_tools: 0,
            gap: true,
        }
    );
    let relationships = cov.iter().find(|c| c.orientation_id == id("relationships")).unwrap();
    assert_eq!(
        relationships,
        &Coverage {
            orientation_id: id("relationships"),
            importance: 2,
            tools: ids(&["tool-zoom", "tool-slack"]),
            sync_tools: 2,
            async_tools: 1,
            gap: false,
        },
        "Slack (both) counts as live and as asynchronous"
    );
    let projects = cov.iter().find(|c| c.orientation_id == id("projects")).unwrap();
    assert_eq!(
        (projects.importance, projects.tools.len(), projects.gap),
        (0, 0, false),
        "an unrated orientation counts as 0 and is no gap"
    );

    // A directory that serves access to expertise closes the last gap.
    ws.add_tool(
        &g,
        id("tool-directory"),
        &tool_draft(
            "Who knows what",
            "directory",
            Mode::Asynchronous,
            &["access_to_expertise"],
            &["mapping_knowledge"],
            Some("p-farah"),
        ),
        t(5),
    )
    .unwrap();
    let cov = current_coverage(&ws, GUILD);
    assert_eq!(gaps(&cov), Vec::<&str>::new());
    let expertise = cov
        .iter()
        .find(|c| c.orientation_id == id("access_to_expertise"))
        .unwrap();
    assert_eq!(
        (expertise.tools.clone(), expertise.sync_tools, expertise.async_tools),
        (ids(&["tool-directory"]), 0, 1)
    );
    assert_sound(&ws);
}

#[test]
fn removing_the_only_tool_for_an_important_orientation_reopens_the_gap() {
    let mut ws = habitat();
    assert_eq!(gaps(&current_coverage(&ws, GUILD)), ["access_to_expertise"]);
    ws.remove_tool(&id(GUILD), &id("tool-wiki"), t(10)).unwrap();
    assert_eq!(gaps(&current_coverage(&ws, GUILD)), ["content", "access_to_expertise"]);
    assert_sound(&ws);
}

#[test]
fn profiles_are_kept_in_date_order_even_when_added_out_of_order() {
    let mut ws = base();
    let g = id(GUILD);
    ws.add_orientation_profile(&g, id("prof-mar"), d(2026, 3, 1), &[(id("meetings"), 4)], "", t(1))
        .unwrap();
    ws.add_orientation_profile(&g, id("prof-jan"), d(2026, 1, 10), &[(id("content"), 4)], "", t(2))
        .unwrap();
    ws.add_orientation_profile(&g, id("prof-jun"), d(2026, 6, 1), &[(id("projects"), 4)], "", t(3))
        .unwrap();
    ws.add_orientation_profile(&g, id("prof-feb"), d(2026, 2, 1), &[(id("context"), 4)], "", t(4))
        .unwrap();
    // A second profile on the same day follows the first.
    ws.add_orientation_profile(
        &g,
        id("prof-mar-2"),
        d(2026, 3, 1),
        &[(id("relationships"), 4)],
        "",
        t(5),
    )
    .unwrap();
    assert_eq!(
        profile_ids(&ws, GUILD),
        ids(&["prof-jan", "prof-feb", "prof-mar", "prof-mar-2", "prof-jun"])
    );
    let dates: Vec<NaiveDate> = tech(&ws, GUILD).profiles.iter().map(|p| p.on).collect();
    assert_eq!(
        dates,
        vec![
            d(2026, 1, 10),
            d(2026, 2, 1),
            d(2026, 3, 1),
            d(2026, 3, 1),
            d(2026, 6, 1)
        ]
    );
    assert_sound(&ws);
}

#[test]
fn the_latest_profile_is_what_the_gap_analysis_counts() {
    let mut ws = habitat();
    let g = id(GUILD);
    assert_eq!(gaps(&current_coverage(&ws, GUILD)), ["access_to_expertise"]);

    // A later profile: projects became essential, expertise no longer matters.
    ws.add_orientation_profile(
        &g,
        id("prof-r3"),
        d(2026, 6, 1),
        &[(id("meetings"), 4), (id("projects"), 4), (id("access_to_expertise"), 0)],
        "",
        t(10),
    )
    .unwrap();
    assert_eq!(gaps(&current_coverage(&ws, GUILD)), ["projects"]);

    // A profile dated between the two, though added last, does not become the current one.
    ws.add_orientation_profile(&g, id("prof-r2"), d(2026, 4, 1), &[(id("context"), 4)], "", t(11))
        .unwrap();
    assert_eq!(profile_ids(&ws, GUILD), ids(&["prof-r1", "prof-r2", "prof-r3"]));
    assert_eq!(tech(&ws, GUILD).profiles.last().unwrap().id, id("prof-r3"));
    assert_eq!(gaps(&current_coverage(&ws, GUILD)), ["projects"]);

    // Removing the latest makes the middle one current.
    ws.remove_orientation_profile(&g, &id("prof-r3"), t(12)).unwrap();
    assert_eq!(gaps(&current_coverage(&ws, GUILD)), ["context"]);
    assert_eq!(
        not_found(ws.remove_orientation_profile(&g, &id("prof-r3"), t(13))),
        "That profile no longer exists"
    );
    assert_sound(&ws);
}

#[test]
fn without_a_profile_nothing_is_a_gap_even_with_tools() {
    let ws = habitat();
    let teams = tech(&ws, CHAPTER);
    assert!(teams.profiles.is_empty());
    let cov = coverage(&ws.catalogues, None, &teams.tools);
    assert_eq!(gaps(&cov), Vec::<&str>::new());
    assert!(cov.iter().all(|c| c.importance == 0));
    assert_eq!(
        cov[0].tools,
        ids(&["tool-t-teams"]),
        "meetings is still shown as served"
    );
}

#[test]
fn a_rating_above_four_is_refused_on_the_ratings_field() {
    let mut ws = base();
    let before = ws.clone();
    assert_eq!(IMPORTANCE_MAX, 4);
    let errs = invalid(ws.add_orientation_profile(
        &id(GUILD),
        id("prof-x"),
        d(2026, 2, 1),
        &[(id("meetings"), 4), (id("content"), 5)],
        "",
        t(1),
    ));
    assert_eq!(errs, vec![fe("ratings", "Importance goes from 0 to 4")]);
    assert_eq!(ws, before, "a refused profile changes nothing");
    assert!(!ws.id_in_use(&id("prof-x")));
    assert_sound(&ws);
}

#[test]
fn a_rating_of_an_unknown_orientation_is_refused_on_the_ratings_field() {
    let mut ws = base();
    let before = ws.clone();
    let errs = invalid(ws.add_orientation_profile(
        &id(GUILD),
        id("prof-x"),
        d(2026, 2, 1),
        &[(id("meetings"), 4), (id("gossip"), 2)],
        "",
        t(1),
    ));
    assert_eq!(errs, vec![fe("ratings", "No orientation with id 'gossip'")]);
    assert_eq!(ws, before);
    assert_sound(&ws);
}

#[test]
fn duplicate_ratings_for_one_orientation_keep_the_first() {
    let mut ws = base();
    ws.add_orientation_profile(
        &id(GUILD),
        id("prof-r1"),
        d(2026, 2, 1),
        &[(id("meetings"), 4), (id("content"), 1), (id("meetings"), 0)],
        "",
        t(1),
    )
    .unwrap();
    let prof = &tech(&ws, GUILD).profiles[0];
    let ratings: Vec<(Id, u8)> = prof
        .ratings
        .iter()
        .map(|r| (r.orientation_id.clone(), r.importance))
        .collect();
    assert_eq!(ratings, vec![(id("meetings"), 4), (id("content"), 1)]);
    assert_eq!(prof.importance(&id("meetings")), 4);
    assert_eq!(gaps(&current_coverage(&ws, GUILD)), ["meetings"]);
    assert_sound(&ws);
}

#[test]
fn a_profile_for_an_unknown_community_is_not_found() {
    let mut ws = base();
    assert_eq!(
        not_found(ws.add_orientation_profile(
            &id("c-gone"),
            id("prof-x"),
            d(2026, 2, 1),
            &[(id("meetings"), 4)],
            "",
            t(1)
        )),
        "That community no longer exists"
    );
    assert_sound(&ws);
}

// ----- asynchronous path -----

#[test]
fn a_community_with_only_video_meetings_has_no_async_path_until_a_forum_is_added() {
    let mut ws = habitat();
    let c = id(CHAPTER);
    assert_eq!(async_path(&base().communities[1].technology.tools), AsyncPath::Unknown);
    assert_eq!(async_path(&tech(&ws, CHAPTER).tools), AsyncPath::No);

    // A calendar is asynchronous but serves only meetings: still no way to take part.
    ws.add_tool(
        &c,
        id("tool-t-calendar"),
        &tool_draft(
            "Team calendar",
            "calendar",
            Mode::Asynchronous,
            &["meetings"],
            &[],
            None,
        ),
        t(10),
    )
    .unwrap();
    assert_eq!(async_path(&tech(&ws, CHAPTER).tools), AsyncPath::No);

    // A live whiteboard for content is no path for those who missed the session.
    ws.add_tool(
        &c,
        id("tool-t-miro"),
        &tool_draft("Miro", "polls_whiteboards", Mode::Synchronous, &["content"], &[], None),
        t(11),
    )
    .unwrap();
    assert_eq!(async_path(&tech(&ws, CHAPTER).tools), AsyncPath::No);

    ws.add_tool(
        &c,
        id("tool-t-forum"),
        &tool_draft(
            "Discourse",
            "forum",
            Mode::Asynchronous,
            &["open_ended_conversation", "access_to_expertise"],
            &["seeking_experience"],
            Some("p-gus"),
        ),
        t(12),
    )
    .unwrap();
    assert_eq!(
        async_path(&tech(&ws, CHAPTER).tools),
        AsyncPath::Yes(ids(&["tool-t-forum"]))
    );
    assert_sound(&ws);
}

#[test]
fn the_guild_has_an_async_path_through_chat_and_wiki() {
    let ws = habitat();
    assert_eq!(
        async_path(&tech(&ws, GUILD).tools),
        AsyncPath::Yes(ids(&["tool-slack", "tool-wiki"])),
        "Slack (both) and Confluence (asynchronous) count; Zoom (live) does not"
    );
}

// ----- polarities -----

#[test]
fn set_polarity_stores_position_and_note_and_leaves_the_others_in_the_middle() {
    let mut ws = base();
    let g = id(GUILD);
    ws.set_polarity(&g, "interaction", 80, "We write things down after every call.", t(1))
        .unwrap();
    let pol = &tech(&ws, GUILD).polarities;
    assert_eq!(pol.interaction.position, 80);
    assert_eq!(pol.interaction.note, "We write things down after every call.");
    assert_eq!((pol.rhythm.position, pol.rhythm.note.as_str()), (50, ""));
    assert_eq!((pol.identity.position, pol.identity.note.as_str()), (50, ""));
    assert_eq!(ws.communities[0].updated_at, t(1));

    // The bounds themselves are accepted.
    ws.set_polarity(&g, "rhythm", 0, "", t(2)).unwrap();
    ws.set_polarity(&g, "identity", 100, "", t(2)).unwrap();
    let pol = &tech(&ws, GUILD).polarities;
    assert_eq!((pol.rhythm.position, pol.identity.position), (0, 100));

    // Setting it again replaces the note.
    ws.set_polarity(&g, "interaction", 75, "Less now.", t(3)).unwrap();
    assert_eq!(tech(&ws, GUILD).polarities.interaction.note, "Less now.");
    assert_sound(&ws);
}

#[test]
fn set_polarity_refuses_a_position_above_100() {
    let mut ws = base();
    let before = ws.clone();
    let errs = invalid(ws.set_polarity(&id(GUILD), "rhythm", 101, "", t(1)));
    assert_eq!(errs, vec![fe("position", "The position goes from 0 to 100")]);
    assert_eq!(ws, before);
    assert_sound(&ws);
}

#[test]
fn set_polarity_refuses_an_unknown_key() {
    let mut ws = base();
    let before = ws.clone();
    assert_eq!(
        not_found(ws.set_polarity(&id(GUILD), "tempo", 40, "", t(1))),
        "No polarity called tempo"
    );
    assert_eq!(
        not_found(ws.set_polarity(&id(GUILD), "Rhythm", 40, "", t(1))),
        "No polarity called Rhythm",
        "keys are the lower-case field names"
    );
    assert_eq!(ws, before, "the refused change does not stamp the community");
    assert_sound(&ws);
}

// ----- tools -----

#[test]
fn tool_draft_reports_each_problem_on_its_own_field() {
    let ws = base();
    let ok = zoom();
    assert_eq!(ok.problems(&ws), vec![]);

    let mut x = ok.clone();
    x.name = "   ".into();
    assert_eq!(x.problems(&ws), vec![fe("name", "Name is required")]);

    let mut x = ok.clone();
    x.category_id = id("fax");
    assert_eq!(x.problems(&ws), vec![fe("category_id", "Choose a category")]);

    let mut x = ok.clone();
    x.orientation_ids.push(id("gossip"));
    assert_eq!(
        x.problems(&ws),
        vec![fe("orientation_ids", "Choose orientations from the list")]
    );

    let mut x = ok.clone();
    x.activity_type_ids.push(id("lunch"));
    assert_eq!(
        x.problems(&ws),
        vec![fe("activity_type_ids", "Choose activity types from the list")]
    );

    let mut x = ok.clone();
    x.steward_id = Some(id("p-nobody"));
    assert_eq!(x.problems(&ws), vec![fe("steward_id", "Choose a person from the list")]);

    // Everything wrong at once: one message per field, in field order.
    let all = ToolDraft {
        name: String::new(),
        category_id: id("fax"),
        mode: Mode::Both,
        orientation_ids: ids(&["gossip"]),
        activity_type_ids: ids(&["lunch"]),
        steward_id: Some(id("p-nobody")),
        cost: String::new(),
        access_notes: String::new(),
    };
    let fields: Vec<&str> = all.problems(&ws).iter().map(|e| e.field).collect();
    assert_eq!(
        fields,
        [
            "name",
            "category_id",
            "orientation_ids",
            "activity_type_ids",
            "steward_id"
        ]
    );
}

#[test]
fn add_tool_with_a_bad_draft_is_refused_with_the_draft_problems() {
    let mut ws = base();
    let before = ws.clone();
    let mut x = zoom();
    x.category_id = id("fax");
    x.steward_id = Some(id("p-nobody"));
    assert_eq!(
        invalid(ws.add_tool(&id(GUILD), id("tool-x"), &x, t(1))),
        vec![
            fe("category_id", "Choose a category"),
            fe("steward_id", "Choose a person from the list")
        ]
    );
    assert_eq!(ws, before);
    assert_eq!(
        not_found(ws.add_tool(&id("c-gone"), id("tool-x"), &zoom(), t(1))),
        "That community no longer exists"
    );
    assert_eq!(ws, before);
    assert_sound(&ws);
}

#[test]
fn add_tool_trims_the_name_and_cost_and_drops_repeated_choices() {
    let mut ws = base();
    let mut x = slack();
    x.name = "  Slack  ".into();
    x.cost = "  Free plan ".into();
    x.access_notes = "Invite only; #incidents is private.".into();
    x.orientation_ids = ids(&["relationships", "open_ended_conversation", "relationships"]);
    x.activity_type_ids = ids(&["problem_solving", "problem_solving"]);
    ws.add_tool(&id(GUILD), id("tool-slack"), &x, t(1)).unwrap();
    let tool = &tech(&ws, GUILD).tools[0];
    assert_eq!(tool.id, id("tool-slack"));
    assert_eq!(tool.name, "Slack");
    assert_eq!(tool.category_id, id("chat"));
    assert_eq!(tool.mode, Mode::Both);
    assert_eq!(tool.orientation_ids, ids(&["relationships", "open_ended_conversation"]));
    assert_eq!(tool.activity_type_ids, ids(&["problem_solving"]));
    assert_eq!(tool.steward_id, Some(id("p-bruno")));
    assert_eq!(tool.cost, "Free plan");
    assert_eq!(tool.access_notes, "Invite only; #incidents is private.");
    assert_eq!(ToolDraft::of(tool).name, "Slack");
    assert_sound(&ws);
}

#[test]
fn update_tool_replaces_every_field_and_keeps_the_id() {
    let mut ws = habitat();
    let g = id(GUILD);
    let new = ToolDraft {
        name: " Microsoft Teams ".into(),
        category_id: id("social_platform"),
        mode: Mode::Both,
        orientation_ids: ids(&["meetings", "access_to_expertise", "meetings"]),
        activity_type_ids: ids(&["visits"]),
        steward_id: Some(id("p-chen")),
        cost: "Company licence".into(),
        access_notes: "Everyone at Harbour Bank.".into(),
    };
    ws.update_tool(&g, &id("tool-zoom"), &new, t(10)).unwrap();
    assert_eq!(
        tool_ids(&ws, GUILD),
        ids(&["tool-zoom", "tool-slack", "tool-wiki"]),
        "the tool keeps its id and place"
    );
    let tool = &tech(&ws, GUILD).tools[0];
    assert_eq!(tool.name, "Microsoft Teams");
    assert_eq!(tool.category_id, id("social_platform"));
    assert_eq!(tool.mode, Mode::Both);
    assert_eq!(tool.orientation_ids, ids(&["meetings", "access_to_expertise"]));
    assert_eq!(tool.activity_type_ids, ids(&["visits"]));
    assert_eq!(tool.steward_id, Some(id("p-chen")));
    assert_eq!(tool.cost, "Company licence");
    assert_eq!(tool.access_notes, "Everyone at Harbour Bank.");
    assert_eq!(ws.communities[0].updated_at, t(10));

    // Clearing the optional fields clears them.
    let cleared = tool_draft("Teams", "video_meetings", Mode::Synchronous, &[], &[], None);
    ws.update_tool(&g, &id("tool-zoom"), &cleared, t(11)).unwrap();
    let tool = &tech(&ws, GUILD).tools[0];
    assert_eq!(
        (
            tool.orientation_ids.len(),
            tool.activity_type_ids.len(),
            tool.steward_id.clone(),
            tool.cost.as_str()
        ),
        (0, 0, None, "")
    );
    // The expertise gap it briefly closed is open again.
    assert_eq!(gaps(&current_coverage(&ws, GUILD)), ["meetings", "access_to_expertise"]);
    assert_sound(&ws);
}

#[test]
fn update_tool_refuses_a_bad_draft_or_a_tool_of_another_community() {
    let mut ws = habitat();
    let before = ws.clone();
    let mut bad = zoom();
    bad.name = String::new();
    assert_eq!(
        invalid(ws.update_tool(&id(GUILD), &id("tool-zoom"), &bad, t(10))),
        vec![fe("name", "Name is required")]
    );
    assert_eq!(
        not_found(ws.update_tool(&id(GUILD), &id("tool-t-teams"), &zoom(), t(10))),
        "That tool no longer exists"
    );
    assert_eq!(
        not_found(ws.update_tool(&id(GUILD), &id("tool-gone"), &zoom(), t(10))),
        "That tool no longer exists"
    );
    assert_eq!(ws, before);
    assert_sound(&ws);
}

#[test]
fn remove_tool_keeps_decisions_about_it_but_unlinks_them() {
    let mut ws = habitat();
    let g = id(GUILD);
    ws.add_decision(
        &g,
        id("dec-r2"),
        d(2026, 2, 10),
        Some(id("tool-zoom")),
        "Record every call",
        "",
        None,
        t(10),
    )
    .unwrap();
    ws.add_decision(
        &g,
        id("dec-r3"),
        d(2026, 2, 11),
        Some(id("tool-slack")),
        "Archive old channels",
        "",
        Some(id("p-amara")),
        t(10),
    )
    .unwrap();

    ws.remove_tool(&g, &id("tool-slack"), t(11)).unwrap();
    assert_eq!(tool_ids(&ws, GUILD), ids(&["tool-zoom", "tool-wiki"]));
    assert!(!ws.id_in_use(&id("tool-slack")));
    let decisions = &tech(&ws, GUILD).decisions;
    let links: Vec<(Id, Option<Id>, &str)> = decisions
        .iter()
        .map(|d| (d.id.clone(), d.tool_id.clone(), d.what.as_str()))
        .collect();
    assert_eq!(
        links,
        vec![
            (id("dec-r1"), None, "One channel per service"),
            (id("dec-r2"), Some(id("tool-zoom")), "Record every call"),
            (id("dec-r3"), None, "Archive old channels"),
        ]
    );
    assert_eq!(
        decisions[0].by_id,
        Some(id("p-bruno")),
        "the rest of the decision stays"
    );
    assert_eq!(decisions[0].why, "Fewer places to check");
    assert_eq!(ws.communities[0].updated_at, t(11));
    assert_eq!(
        not_found(ws.remove_tool(&g, &id("tool-slack"), t(12))),
        "That tool no longer exists"
    );
    assert_sound(&ws);
}

#[test]
fn technology_record_ids_are_unique_across_the_whole_workspace() {
    // Ids of a profile, a tool of each community and a decision.
    for taken in ["prof-r1", "tool-zoom", "tool-t-teams", "dec-r1"] {
        let mut ws = habitat();
        let before = ws.clone();
        let msg = format!("The id {taken} is already used");
        assert!(ws.id_in_use(&id(taken)));
        assert_eq!(
            refused(ws.add_person(
                id(taken),
                &PersonDraft {
                    name: "Zoe".into(),
                    email: String::new(),
                    organisation_id: None,
                    title: String::new(),
                    notes: String::new(),
                },
                t(10)
            )),
            msg,
            "a person may not take the id of a technology record"
        );
        assert_eq!(
            refused(ws.add_organisation(
                id(taken),
                &OrganisationDraft {
                    name: "Initech".into(),
                    description: String::new()
                },
                t(10)
            )),
            msg
        );
        assert_eq!(
            refused(ws.add_key_issue(&id(CHAPTER), id(taken), "New issue", t(10))),
            msg
        );
        // In either community, whichever technology record holds the id.
        for c in [GUILD, CHAPTER] {
            assert_eq!(refused(ws.add_tool(&id(c), id(taken), &zoom(), t(10))), msg);
            assert_eq!(
                refused(ws.add_orientation_profile(&id(c), id(taken), d(2026, 3, 1), &[], "", t(10))),
                msg
            );
            assert_eq!(
                refused(ws.add_decision(&id(c), id(taken), d(2026, 3, 1), None, "Decided", "", None, t(10))),
                msg
            );
        }
        assert_eq!(ws, before, "a refused add must change nothing (id {taken})");
    }
}

#[test]
fn technology_records_may_not_take_the_id_of_any_other_record() {
    let mut ws = habitat();
    let before = ws.clone();
    let c0 = &ws.communities[0];
    let taken = [
        ws.id.clone(),
        ws.people[0].id.clone(),
        ws.organisations[0].id.clone(),
        c0.id.clone(),
        c0.memberships[0].id.clone(),
        c0.practice[0].id.clone(),
        c0.domain.key_issues[0].id.clone(),
    ];
    assert_eq!(
        taken,
        [
            id("sample-workspace"),
            id("p-amara"),
            id("org-harbour"),
            id(GUILD),
            id("m-r1"),
            id("r-r1"),
            id("ki-r1")
        ]
    );
    for x in taken {
        let msg = format!("The id {x} is already used");
        assert_eq!(refused(ws.add_tool(&id(GUILD), x.clone(), &zoom(), t(10))), msg);
        assert_eq!(
            refused(ws.add_orientation_profile(&id(GUILD), x.clone(), d(2026, 3, 1), &[], "", t(10))),
            msg
        );
        assert_eq!(
            refused(ws.add_decision(&id(GUILD), x.clone(), d(2026, 3, 1), None, "Decided", "", None, t(10))),
            msg
        );
    }
    assert_eq!(
        refused(ws.add_tool(&id(GUILD), id("has space"), &zoom(), t(10))),
        "The new id may hold only letters, digits, '-' and '_'"
    );
    assert_eq!(ws, before);
    assert_sound(&ws);
}

// ----- decisions -----

#[test]
fn decisions_are_kept_in_date_order() {
    let mut ws = habitat();
    let g = id(GUILD);
    // habitat() holds dec-r1 on 2026-02-03.
    ws.add_decision(
        &g,
        id("dec-late"),
        d(2026, 5, 1),
        None,
        "Review the habitat",
        "",
        None,
        t(10),
    )
    .unwrap();
    ws.add_decision(
        &g,
        id("dec-early"),
        d(2026, 1, 20),
        Some(id("tool-zoom")),
        "  Keep the company Zoom  ",
        "  Everyone has it already ",
        Some(id("p-amara")),
        t(11),
    )
    .unwrap();
    ws.add_decision(
        &g,
        id("dec-r1-b"),
        d(2026, 2, 3),
        None,
        "Same day, logged later",
        "",
        None,
        t(12),
    )
    .unwrap();
    assert_eq!(
        decision_ids(&ws, GUILD),
        ids(&["dec-early", "dec-r1", "dec-r1-b", "dec-late"])
    );
    let early = &tech(&ws, GUILD).decisions[0];
    assert_eq!(early.what, "Keep the company Zoom", "what and why are trimmed");
    assert_eq!(early.why, "Everyone has it already");
    assert_eq!(early.tool_id, Some(id("tool-zoom")));
    assert_eq!(early.by_id, Some(id("p-amara")));
    assert_eq!(early.on, d(2026, 1, 20));

    ws.remove_decision(&g, &id("dec-r1"), t(13)).unwrap();
    assert_eq!(decision_ids(&ws, GUILD), ids(&["dec-early", "dec-r1-b", "dec-late"]));
    assert_eq!(
        not_found(ws.remove_decision(&g, &id("dec-r1"), t(14))),
        "That decision no longer exists"
    );
    assert_sound(&ws);
}

#[test]
fn a_decision_without_what_is_refused() {
    let mut ws = habitat();
    let before = ws.clone();
    assert_eq!(
        invalid(ws.add_decision(
            &id(GUILD),
            id("dec-x"),
            d(2026, 3, 1),
            None,
            "   ",
            "Because",
            None,
            t(10)
        )),
        vec![fe("what", "Say what was decided or configured")]
    );
    assert_eq!(ws, before);
    assert_sound(&ws);
}

#[test]
fn a_decision_about_another_communitys_tool_is_refused() {
    let mut ws = habitat();
    let before = ws.clone();
    assert_eq!(
        invalid(ws.add_decision(
            &id(GUILD),
            id("dec-x"),
            d(2026, 3, 1),
            Some(id("tool-t-teams")),
            "Move to Teams",
            "",
            None,
            t(10)
        )),
        vec![fe("tool_id", "Choose one of this community's tools")]
    );
    assert_eq!(
        invalid(ws.add_decision(
            &id(GUILD),
            id("dec-x"),
            d(2026, 3, 1),
            Some(id("tool-gone")),
            "Move",
            "",
            None,
            t(10)
        )),
        vec![fe("tool_id", "Choose one of this community's tools")]
    );
    assert_eq!(ws, before);
    // The Chapter may log it about its own tool.
    ws.add_decision(
        &id(CHAPTER),
        id("dec-t1"),
        d(2026, 3, 1),
        Some(id("tool-t-teams")),
        "Use Teams for the monthly call",
        "",
        Some(id("p-gus")),
        t(11),
    )
    .unwrap();
    assert_eq!(decision_ids(&ws, CHAPTER), ids(&["dec-t1"]));
    assert_sound(&ws);
}

#[test]
fn a_decision_by_an_unknown_person_is_refused() {
    let mut ws = habitat();
    let before = ws.clone();
    assert_eq!(
        invalid(ws.add_decision(
            &id(GUILD),
            id("dec-x"),
            d(2026, 3, 1),
            None,
            "Decided",
            "",
            Some(id("p-nobody")),
            t(10)
        )),
        vec![fe("by_id", "Choose a person from the list")]
    );
    // All problems at once, in field order.
    let fields: Vec<&str> = invalid(ws.add_decision(
        &id(GUILD),
        id("dec-x"),
        d(2026, 3, 1),
        Some(id("tool-gone")),
        "",
        "",
        Some(id("p-nobody")),
        t(10),
    ))
    .iter()
    .map(|e| e.field)
    .collect();
    assert_eq!(fields, ["what", "by_id", "tool_id"]);
    assert_eq!(ws, before);
    assert_sound(&ws);
}

// ----- checklist -----

#[test]
fn ticking_a_checklist_step_twice_keeps_one_entry_and_unticking_removes_it() {
    let mut ws = base();
    let g = id(GUILD);
    ws.set_checklist_step(&g, &id("one_home"), true, t(1)).unwrap();
    ws.set_checklist_step(&g, &id("async_path"), true, t(2)).unwrap();
    ws.set_checklist_step(&g, &id("one_home"), true, t(3)).unwrap();
    assert_eq!(tech(&ws, GUILD).checklist_done, ids(&["one_home", "async_path"]));
    assert_sound(&ws);

    ws.set_checklist_step(&g, &id("one_home"), false, t(4)).unwrap();
    assert_eq!(tech(&ws, GUILD).checklist_done, ids(&["async_path"]));
    // Unticking a step that is not ticked changes nothing but is no error.
    ws.set_checklist_step(&g, &id("few_tools"), false, t(5)).unwrap();
    assert_eq!(tech(&ws, GUILD).checklist_done, ids(&["async_path"]));
    assert_eq!(
        tech(&ws, CHAPTER).checklist_done,
        Vec::<Id>::new(),
        "each community has its own checklist"
    );
    assert_sound(&ws);
}

#[test]
fn ticking_an_unknown_checklist_step_is_refused() {
    let mut ws = base();
    let before = ws.clone();
    assert_eq!(
        not_found(ws.set_checklist_step(&id(GUILD), &id("buy_more_tools"), true, t(1))),
        "That checklist step no longer exists"
    );
    assert_eq!(
        not_found(ws.set_checklist_step(&id(GUILD), &id("buy_more_tools"), false, t(1))),
        "That checklist step no longer exists"
    );
    assert_eq!(ws, before);
    assert_sound(&ws);
}

// ----- people -----

#[test]
fn deleting_a_person_unlinks_the_tools_they_steward_and_the_decisions_they_made() {
    let mut ws = habitat();
    // Bruno stewards Slack and made dec-r1; Amara stewards Zoom.
    ws.delete_person(&id("p-bruno"), t(20)).unwrap();
    assert!(ws.person(&id("p-bruno")).is_none());
    let tech = tech(&ws, GUILD);
    let stewards: Vec<Option<Id>> = tech.tools.iter().map(|x| x.steward_id.clone()).collect();
    assert_eq!(stewards, vec![Some(id("p-amara")), None, None]);
    assert_eq!(tech.decisions.len(), 1, "the decision stays in the log");
    assert_eq!(tech.decisions[0].by_id, None);
    assert_eq!(tech.decisions[0].tool_id, Some(id("tool-slack")));
    assert_eq!(tech.tools[1].name, "Slack", "the tool stays");
    assert_eq!(ws.communities[0].updated_at, t(20));
    assert_sound(&ws);
}

#[test]
fn deleting_a_steward_who_is_no_member_still_unlinks_and_stamps_the_community() {
    let mut ws = habitat();
    ws.add_person(
        id("p-zoe"),
        &PersonDraft {
            name: "Zoe Adler".into(),
            email: String::new(),
            organisation_id: None,
            title: "Platform admin".into(),
            notes: String::new(),
        },
        t(10),
    )
    .unwrap();
    let mut x = wiki();
    x.steward_id = Some(id("p-zoe"));
    ws.update_tool(&id(GUILD), &id("tool-wiki"), &x, t(11)).unwrap();
    ws.add_decision(
        &id(CHAPTER),
        id("dec-t1"),
        d(2026, 3, 1),
        None,
        "Guest access for contractors",
        "",
        Some(id("p-zoe")),
        t(11),
    )
    .unwrap();
    assert_sound(&ws);

    ws.delete_person(&id("p-zoe"), t(20)).unwrap();
    assert_eq!(tech(&ws, GUILD).tools[2].steward_id, None);
    assert_eq!(tech(&ws, CHAPTER).decisions[0].by_id, None);
    assert_eq!(ws.communities[0].updated_at, t(20));
    assert_eq!(ws.communities[1].updated_at, t(20));
    assert_eq!(
        ws.communities[2].updated_at,
        sample_workspace().communities[2].updated_at,
        "a community with nothing of hers is untouched"
    );
    assert_sound(&ws);
}

#[test]
fn person_usage_names_the_tools_a_person_stewards() {
    let mut ws = habitat();
    assert!(
        ws.person_usage(&id("p-bruno"))
            .contains(&"steward of Slack in Reliability Guild".to_string()),
        "got {:?}",
        ws.person_usage(&id("p-bruno"))
    );
    // A steward who is in no community: today the usage is empty, so deleting her
    // looks harmless while it unlinks the tool.
    ws.add_person(
        id("p-zoe"),
        &PersonDraft {
            name: "Zoe Adler".into(),
            email: String::new(),
            organisation_id: None,
            title: String::new(),
            notes: String::new(),
        },
        t(10),
    )
    .unwrap();
    let mut x = wiki();
    x.steward_id = Some(id("p-zoe"));
    ws.update_tool(&id(GUILD), &id("tool-wiki"), &x, t(11)).unwrap();
    assert_eq!(
        ws.person_usage(&id("p-zoe")),
        vec!["steward of Confluence in Reliability Guild".to_string()]
    );
    assert_sound(&ws);
}

#[test]
fn person_usage_lists_memberships_stewardship_and_decisions() {
    let ws = habitat();
    assert_eq!(
        ws.person_usage(&id("p-bruno")),
        vec![
            "member of Reliability Guild".to_string(),
            "steward of Slack in Reliability Guild".to_string(),
            "named in 1 technology decision of Reliability Guild".to_string(),
        ]
    );
}

// ----- catalogues -----

#[test]
fn deleting_a_tool_category_in_use_is_refused_naming_the_tool() {
    let mut ws = habitat();
    let before = ws.clone();
    assert_eq!(
        ws.catalogue_usage(CatalogueKind::ToolCategories, &id("video_meetings")),
        vec![
            "tool Zoom in Reliability Guild".to_string(),
            "tool Teams in Test Automation Chapter (London)".to_string()
        ]
    );
    assert_eq!(
        refused(ws.delete_catalogue_entry(CatalogueKind::ToolCategories, &id("chat"), t(20))),
        "'Chat' is still used by tool Slack in Reliability Guild. Change those first."
    );
    assert_eq!(
        refused(ws.delete_catalogue_entry(CatalogueKind::ToolCategories, &id("video_meetings"), t(20))),
        "'Video meetings' is still used by tool Zoom in Reliability Guild, tool Teams in Test Automation Chapter (London). Change those first."
    );
    assert_eq!(ws, before);
    // Once the tool is gone the category may go.
    ws.remove_tool(&id(GUILD), &id("tool-slack"), t(21)).unwrap();
    ws.delete_catalogue_entry(CatalogueKind::ToolCategories, &id("chat"), t(22))
        .unwrap();
    assert!(!ws.catalogues.contains(CatalogueKind::ToolCategories, &id("chat")));
    assert_sound(&ws);
}

#[test]
fn deleting_an_orientation_rated_in_a_profile_is_refused() {
    let mut ws = habitat();
    let before = ws.clone();
    // Access to expertise is rated in prof-r1 but no tool serves it.
    assert_eq!(
        ws.catalogue_usage(CatalogueKind::Orientations, &id("access_to_expertise")),
        vec!["1 orientation profile of Reliability Guild".to_string()]
    );
    assert_eq!(
        refused(ws.delete_catalogue_entry(CatalogueKind::Orientations, &id("access_to_expertise"), t(20))),
        "'Access to expertise' is still used by 1 orientation profile of Reliability Guild. Change those first."
    );
    // Meetings is served by tools in both communities and rated in the profile.
    assert_eq!(
        ws.catalogue_usage(CatalogueKind::Orientations, &id("meetings")),
        vec![
            "tool Zoom in Reliability Guild".to_string(),
            "1 orientation profile of Reliability Guild".to_string(),
            "tool Teams in Test Automation Chapter (London)".to_string()
        ]
    );
    // A rating of 0 is still a use.
    ws.add_orientation_profile(
        &id(CHAPTER),
        id("prof-t1"),
        d(2026, 3, 1),
        &[(id("context"), 0)],
        "",
        t(21),
    )
    .unwrap();
    assert_eq!(
        refused(ws.delete_catalogue_entry(CatalogueKind::Orientations, &id("context"), t(22))),
        "'Context' is still used by 1 orientation profile of Test Automation Chapter (London). Change those first."
    );
    ws.remove_orientation_profile(&id(CHAPTER), &id("prof-t1"), t(23))
        .unwrap();
    assert_eq!(ws.catalogues, before.catalogues);
    // Unused orientations may go.
    ws.delete_catalogue_entry(CatalogueKind::Orientations, &id("context"), t(24))
        .unwrap();
    assert_eq!(ws.catalogues.orientations.len(), 8);
    assert_eq!(current_coverage(&ws, GUILD).len(), 8);
    assert_sound(&ws);
}

#[test]
fn deleting_an_activity_type_works_when_unused_and_is_refused_when_a_tool_uses_it() {
    let mut ws = habitat();
    assert_eq!(
        refused(ws.delete_catalogue_entry(CatalogueKind::ActivityTypes, &id("problem_solving"), t(20))),
        "'Problem solving' is still used by tool Zoom in Reliability Guild. Change those first."
    );
    assert_eq!(
        ws.catalogue_usage(CatalogueKind::ActivityTypes, &id("visits")),
        Vec::<String>::new()
    );
    ws.delete_catalogue_entry(CatalogueKind::ActivityTypes, &id("visits"), t(21))
        .unwrap();
    assert!(!ws.catalogues.contains(CatalogueKind::ActivityTypes, &id("visits")));
    assert_eq!(ws.catalogues.activity_types.len(), 10);
    assert_eq!(ws.updated_at, t(21));
    assert_sound(&ws);
}

#[test]
fn deleting_a_ticked_checklist_step_is_refused_naming_the_community() {
    let mut ws = habitat();
    assert_eq!(
        refused(ws.delete_catalogue_entry(CatalogueKind::HabitatChecklist, &id("name_a_steward"), t(20))),
        "'Name a technology steward' is still used by the digital habitat checklist of Reliability Guild. Change those first."
    );
    ws.set_checklist_step(&id(GUILD), &id("name_a_steward"), false, t(21))
        .unwrap();
    ws.delete_catalogue_entry(CatalogueKind::HabitatChecklist, &id("name_a_steward"), t(22))
        .unwrap();
    assert_sound(&ws);
}

#[test]
fn the_habitat_checklist_may_be_emptied() {
    let mut ws = base();
    assert!(!CatalogueKind::HabitatChecklist.required());
    assert!(!CatalogueKind::ActivityTypes.required());
    for kind in [CatalogueKind::HabitatChecklist, CatalogueKind::ActivityTypes] {
        let all: Vec<Id> = ws.catalogues.get(kind).iter().map(|e| e.id.clone()).collect();
        for entry in &all {
            ws.delete_catalogue_entry(kind, entry, t(1)).unwrap();
        }
        assert!(ws.catalogues.get(kind).is_empty());
    }
    assert_sound(&ws);
    // With no steps left, nothing can be ticked.
    assert_eq!(
        not_found(ws.set_checklist_step(&id(GUILD), &id("one_home"), true, t(2))),
        "That checklist step no longer exists"
    );
}

#[test]
fn orientations_and_tool_categories_may_not_be_emptied() {
    let mut ws = base();
    for (kind, last_label, noun) in [
        (CatalogueKind::Orientations, "Context", "orientation"),
        (CatalogueKind::ToolCategories, "Community platform", "tool category"),
    ] {
        assert!(kind.required());
        let all: Vec<Id> = ws.catalogues.get(kind).iter().map(|e| e.id.clone()).collect();
        let (last, rest) = all.split_last().unwrap();
        for entry in rest {
            ws.delete_catalogue_entry(kind, entry, t(1)).unwrap();
        }
        assert_eq!(
            refused(ws.delete_catalogue_entry(kind, last, t(2))),
            format!("'{last_label}' is the last {noun}; new records need at least one.")
        );
        assert_eq!(ws.catalogues.get(kind).len(), 1);
    }
    assert_sound(&ws);
}

// ----- validation paths, one rule at a time -----

/// The problems after breaking `habitat()` with `f`.
fn broken(f: impl FnOnce(&mut Workspace)) -> Vec<Problem> {
    let mut ws = habitat();
    f(&mut ws);
    validate_workspace(&ws)
}

const T0: &str = "communities[0].technology";

#[test]
fn validation_flags_an_importance_above_four() {
    assert_eq!(
        broken(|ws| ws.communities[0].technology.profiles[0].ratings[1].importance = 5),
        vec![p(&format!("{T0}.profiles[0].ratings[1].importance"), "must be 0 to 4")]
    );
}

#[test]
fn validation_flags_a_rating_of_an_unknown_orientation() {
    assert_eq!(
        broken(|ws| ws.communities[0].technology.profiles[0].ratings[2].orientation_id = id("gossip")),
        vec![p(
            &format!("{T0}.profiles[0].ratings[2].orientation_id"),
            "no orientation with id 'gossip' in catalogues.orientations"
        )]
    );
}

#[test]
fn validation_flags_a_duplicate_rating() {
    assert_eq!(
        broken(|ws| {
            let ratings = &mut ws.communities[0].technology.profiles[0].ratings;
            let mut again = ratings[0].clone();
            again.importance = 1;
            ratings.push(again);
        }),
        vec![p(
            &format!("{T0}.profiles[0].ratings[5].orientation_id"),
            "rates the same orientation twice"
        )]
    );
}

#[test]
fn validation_flags_a_polarity_position_above_100() {
    assert_eq!(
        broken(|ws| ws.communities[0].technology.polarities.identity.position = 120),
        vec![p(&format!("{T0}.polarities.identity.position"), "must be 0 to 100")]
    );
}

#[test]
fn validation_flags_a_tool_with_an_unknown_category() {
    assert_eq!(
        broken(|ws| ws.communities[0].technology.tools[1].category_id = id("fax")),
        vec![p(
            "communities[0].technology.tools[1].category_id",
            "no tool category with id 'fax' in catalogues.tool_categories"
        )]
    );
}

#[test]
fn validation_flags_a_tool_with_an_unknown_orientation() {
    assert_eq!(
        broken(|ws| ws.communities[0].technology.tools[1].orientation_ids[1] = id("gossip")),
        vec![p(
            &format!("{T0}.tools[1].orientation_ids[1]"),
            "no orientation with id 'gossip' in catalogues.orientations"
        )]
    );
}

#[test]
fn validation_flags_a_tool_with_an_unknown_activity_type() {
    assert_eq!(
        broken(|ws| ws.communities[0].technology.tools[2].activity_type_ids[1] = id("lunch")),
        vec![p(
            &format!("{T0}.tools[2].activity_type_ids[1]"),
            "no activity type with id 'lunch' in catalogues.activity_types"
        )]
    );
}

#[test]
fn validation_flags_a_tool_with_an_unknown_steward() {
    assert_eq!(
        broken(|ws| ws.communities[0].technology.tools[0].steward_id = Some(id("p-nobody"))),
        vec![p(&format!("{T0}.tools[0].steward_id"), "no person with id 'p-nobody'")]
    );
}

#[test]
fn validation_flags_a_decision_with_empty_what() {
    assert_eq!(
        broken(|ws| ws.communities[0].technology.decisions[0].what = "  ".into()),
        vec![p(&format!("{T0}.decisions[0].what"), "must not be empty")]
    );
}

#[test]
fn validation_flags_a_decision_about_a_tool_of_another_community() {
    assert_eq!(
        broken(|ws| ws.communities[0].technology.decisions[0].tool_id = Some(id("tool-t-teams"))),
        vec![p(
            &format!("{T0}.decisions[0].tool_id"),
            "no tool with id 'tool-t-teams' in this community"
        )]
    );
}

#[test]
fn validation_flags_a_decision_by_an_unknown_person() {
    assert_eq!(
        broken(|ws| ws.communities[0].technology.decisions[0].by_id = Some(id("p-nobody"))),
        vec![p(&format!("{T0}.decisions[0].by_id"), "no person with id 'p-nobody'")]
    );
}

#[test]
fn validation_flags_an_unknown_checklist_step() {
    assert_eq!(
        broken(|ws| ws.communities[0].technology.checklist_done.push(id("buy_more_tools"))),
        vec![p(
            &format!("{T0}.checklist_done[1]"),
            "no checklist step with id 'buy_more_tools' in catalogues.habitat_checklist"
        )]
    );
}

#[test]
fn validation_flags_a_technology_record_reusing_another_records_id() {
    assert_eq!(
        broken(|ws| ws.communities[0].technology.tools[2].id = id("p-amara")),
        vec![p(
            &format!("{T0}.tools[2].id"),
            "id 'p-amara' is already used at people[0].id"
        )]
    );
    assert_eq!(
        broken(|ws| ws.communities[1].technology.tools[0].id = id("dec-r1")),
        vec![p(
            "communities[1].technology.tools[0].id",
            "id 'dec-r1' is already used at communities[0].technology.decisions[0].id"
        )]
    );
}

#[test]
fn validation_flags_profiles_out_of_date_order() {
    let mut ws = habitat();
    let g = id(GUILD);
    ws.add_orientation_profile(&g, id("prof-r2"), d(2026, 6, 1), &[(id("projects"), 4)], "", t(10))
        .unwrap();
    assert_sound(&ws);
    // What an imported file may hold: the June profile before the February one.
    ws.communities[0].technology.profiles.swap(0, 1);
    assert_eq!(
        tech(&ws, GUILD).profiles.last().unwrap().on,
        d(2026, 2, 1),
        "the gap analysis would now count the older profile"
    );
    let problems = validate_workspace(&ws);
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, [format!("{T0}.profiles[1].on")], "got {problems:?}");
}

#[test]
fn validation_flags_an_emptied_orientation_or_tool_category_catalogue() {
    let mut ws = base();
    ws.catalogues.orientations.clear();
    ws.catalogues.tool_categories.clear();
    ws.catalogues.habitat_checklist.clear();
    ws.catalogues.activity_types.clear();
    // The meeting formats point at activity types; with none left, they point at nothing.
    for f in &mut ws.catalogues.meeting_formats {
        f.points_to.clear();
    }
    assert_eq!(
        validate_workspace(&ws),
        vec![
            p("catalogues.orientations", "must hold at least one entry"),
            p("catalogues.tool_categories", "must hold at least one entry"),
        ]
    );
}

// ----- the rhythm planner's activities on the asynchronous path -----

fn planned(
    title: &str,
    starts_on: &str,
    repeat: cultivate::model::cultivation::Repeat,
    until: &str,
    live: bool,
) -> cultivate::model::rhythm::ActivityDraft {
    use cultivate::model::cultivation::Mode as ActivityMode;
    cultivate::model::rhythm::ActivityDraft {
        title: title.into(),
        starts_on: starts_on.into(),
        repeat,
        until: until.into(),
        mode: if live {
            ActivityMode::Synchronous
        } else {
            ActivityMode::Asynchronous
        },
        ..cultivate::model::rhythm::ActivityDraft::new(d(2026, 3, 1))
    }
}

#[test]
fn planned_live_sessions_count_against_the_asynchronous_path() {
    use cultivate::model::cultivation::Repeat;
    use cultivate::model::technology::{rhythm_path, RhythmPath};
    let mut ws = habitat();
    for c in &mut ws.communities {
        c.cultivation.activities.clear();
    }
    let c = id(CHAPTER);
    let on = d(2026, 3, 1);
    let path = |ws: &Workspace| {
        let com = ws.community(&c).unwrap();
        rhythm_path(&com.technology.tools, &com.cultivation.activities, on)
    };
    assert_eq!(
        path(&ws),
        RhythmPath {
            planned: 0,
            live: 0,
            any_time_activities: vec![],
            any_time_tools: vec![]
        }
    );

    // Three live sessions and nothing else: the chapter only has Teams, a live tool.
    ws.add_activity(
        &c,
        id("act-clinic"),
        &planned("Clinic", "2026-03-10", Repeat::MonthlyByWeekday, "", true),
        t(10),
    )
    .unwrap();
    ws.add_activity(
        &c,
        id("act-pair"),
        &planned("Pairing", "2026-03-05", Repeat::Fortnightly, "", true),
        t(10),
    )
    .unwrap();
    ws.add_activity(
        &c,
        id("act-visit"),
        &planned("Visit", "2026-05-20", Repeat::Once, "", true),
        t(10),
    )
    .unwrap();
    // An activity that ended before the day asked about does not count.
    ws.add_activity(
        &c,
        id("act-old"),
        &planned("Old thread", "2025-01-06", Repeat::Weekly, "2025-12-29", false),
        t(10),
    )
    .unwrap();
    let p = path(&ws);
    assert_eq!((p.planned, p.live), (3, 3));
    assert!(p.leaves_people_out(), "live sessions with nothing at any time");

    // A planned any-time activity gives those who miss the sessions a way in.
    ws.add_activity(
        &c,
        id("act-digest"),
        &planned("Flaky-test digest", "2026-03-02", Repeat::Weekly, "", false),
        t(11),
    )
    .unwrap();
    assert_eq!(
        path(&ws),
        RhythmPath {
            planned: 4,
            live: 3,
            any_time_activities: vec![id("act-digest")],
            any_time_tools: vec![]
        }
    );
    assert!(!path(&ws).leaves_people_out());

    // So does an asynchronous tool for conversation: both are listed.
    ws.add_tool(
        &c,
        id("tool-t-forum"),
        &tool_draft(
            "Discourse",
            "forum",
            Mode::Asynchronous,
            &["open_ended_conversation"],
            &[],
            None,
        ),
        t(12),
    )
    .unwrap();
    let p = path(&ws);
    assert_eq!(
        (p.any_time_activities, p.any_time_tools),
        (vec![id("act-digest")], vec![id("tool-t-forum")])
    );

    // Without live sessions nobody is left out, whatever the tools.
    for a in ["act-clinic", "act-pair", "act-visit"] {
        ws.delete_activity(&c, &id(a), t(13)).unwrap();
    }
    let p = path(&ws);
    assert_eq!((p.planned, p.live, p.leaves_people_out()), (1, 0, false));
    assert_sound(&ws);
}
