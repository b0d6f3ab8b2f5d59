//! The file format: envelope, decoding with full problem lists, migrations, round trips.

#![cfg(not(target_arch = "wasm32"))]

use chrono::{DateTime, TimeZone, Utc};
use cultivate::model::generate::{generate, Sizes};
use cultivate::model::sample::sample_workspace;
use cultivate::model::{Id, Problem, Workspace};
use cultivate::storage::backups::{add_and_prune, parse_index, BackupInfo, KEEP_BACKUPS};
use cultivate::storage::format::*;
use serde_json::{json, Value};

// ----- helpers -----

fn saved() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 2, 3, 4, 5, 6).single().expect("valid time")
}

fn p(path: &str, reason: &str) -> Problem {
    Problem {
        path: path.into(),
        reason: reason.into(),
    }
}

/// The sample workspace as an envelope `Value`, ready to be broken.
fn sample_doc() -> Value {
    serde_json::from_str(&encode_workspace(&sample_workspace(), saved(), 3, false)).expect("encoded JSON parses")
}

/// An empty workspace as an envelope `Value`.
fn empty_doc() -> Value {
    let ws = Workspace::new(Id::new("w"), "Empty", saved());
    serde_json::from_str(&encode_workspace(&ws, saved(), 1, false)).expect("encoded JSON parses")
}

fn decode(v: &Value) -> Result<Document, LoadError> {
    decode_document(&v.to_string())
}

/// The problems of a document that must be refused as invalid.
fn invalid(v: &Value) -> (Vec<Problem>, usize) {
    match decode(v) {
        Err(LoadError::Invalid { problems, total }) => (problems, total),
        other => panic!("expected LoadError::Invalid, got {other:?}"),
    }
}

fn paths(problems: &[Problem]) -> Vec<&str> {
    problems.iter().map(|p| p.path.as_str()).collect()
}

fn obj(v: &mut Value) -> &mut serde_json::Map<String, Value> {
    v.as_object_mut().expect("an object")
}

fn bundle_doc(community: &str) -> (CommunityBundle, Value) {
    let ws = sample_workspace();
    let bundle = CommunityBundle::of(&ws, &Id::new(community)).expect("community exists");
    let v = serde_json::from_str(&encode_community(&bundle, saved())).expect("encoded JSON parses");
    (bundle, v)
}

// ----- round trips -----

/// Exported files are indented two spaces a level, exactly as `serde_json::to_string_pretty`
/// writes them (the app uses its own faster formatter for it).
#[test]
fn exported_text_is_serde_jsons_pretty_print() {
    let sizes = Sizes {
        organisations: 2,
        people: 40,
        communities: 4,
        memberships_per_person: 2,
        meetings: 12,
        stories: 6,
    };
    let generated = generate(3, sizes);
    for ws in [sample_workspace(), generated] {
        let text = encode_workspace(&ws, saved(), 7, true);
        let reference = serde_json::to_string_pretty(&workspace_envelope(&ws, saved(), 7));
        assert_eq!(text, reference.unwrap());
        assert!(text.starts_with("{\n  \"format\": \"cultivate-workspace\",\n"));
    }
    let (bundle, _) = bundle_doc("c-negotiators");
    let env = Envelope {
        format: FORMAT_COMMUNITY.to_string(),
        schema_version: SCHEMA_VERSION,
        app_version: APP_VERSION.to_string(),
        saved_at: saved(),
        revision: 0,
        data: &bundle,
    };
    assert_eq!(
        encode_community(&bundle, saved()),
        serde_json::to_string_pretty(&env).unwrap()
    );
}

#[test]
fn workspace_round_trips_pretty_and_compact() {
    let ws = sample_workspace();
    for pretty in [true, false] {
        let text = encode_workspace(&ws, saved(), 42, pretty);
        assert_eq!(text.contains('\n'), pretty);
        match decode_document(&text) {
            Ok(Document::Workspace(env)) => {
                assert_eq!(env.format, FORMAT_WORKSPACE);
                assert_eq!(env.schema_version, SCHEMA_VERSION);
                assert_eq!(env.app_version, APP_VERSION);
                assert_eq!(env.saved_at, saved());
                assert_eq!(env.revision, 42);
                assert_eq!(env.data, ws);
            }
            other => panic!("expected a workspace document, got {other:?}"),
        }
    }
}

#[test]
fn envelope_fields_come_first_in_a_fixed_order() {
    let text = encode_workspace(&sample_workspace(), saved(), 7, false);
    let head = format!(
        "{{\"format\":\"cultivate-workspace\",\"schema_version\":{SCHEMA_VERSION},\"app_version\":\"{APP_VERSION}\",\"saved_at\":\"2026-02-03T04:05:06Z\",\"revision\":7,\"data\":{{\"id\":\"sample-workspace\","
    );
    assert!(text.starts_with(&head), "{}", &text[..200]);
}

#[test]
fn generated_workspace_round_trips() {
    let ws = generate(
        11,
        Sizes {
            organisations: 4,
            people: 300,
            communities: 12,
            memberships_per_person: 3,
            meetings: 60,
            stories: 24,
        },
    );
    let text = encode_workspace(&ws, saved(), 1, false);
    match decode_document(&text) {
        Ok(Document::Workspace(env)) => assert_eq!(env.data, ws),
        other => panic!("expected a workspace document, got {:?}", other.err()),
    }
}

#[test]
fn hostile_text_round_trips_unchanged() {
    let mut ws = sample_workspace();
    ws.people[0].name = "<script>alert(\"x\")</script> O'Brien \\ \u{202e}".into();
    ws.people[0].notes = "line\nbreak\ttab \u{0} nul \u{1F600} ก ñ \"quoted\" </textarea>".into();
    ws.communities[0].domain.statement = "{\"format\":\"cultivate-workspace\"}".into();
    let text = encode_workspace(&ws, saved(), 0, true);
    match decode_document(&text) {
        Ok(Document::Workspace(env)) => assert_eq!(env.data, ws),
        other => panic!("expected a workspace document, got {other:?}"),
    }
}

#[test]
fn an_older_app_version_and_missing_revision_still_load() {
    let mut v = sample_doc();
    v["app_version"] = json!("0.0.1");
    obj(&mut v).remove("revision");
    match decode(&v) {
        Ok(Document::Workspace(env)) => {
            assert_eq!(env.app_version, "0.0.1");
            assert_eq!(env.revision, 0);
        }
        other => panic!("expected a workspace document, got {other:?}"),
    }
}

#[test]
fn community_bundle_holds_the_people_and_organisations_it_refers_to() {
    let (bundle, _) = bundle_doc("c-negotiators");
    let people: Vec<&str> = bundle.people.iter().map(|p| p.id.as_str()).collect();
    let orgs: Vec<&str> = bundle.organisations.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(people, ["p-hana", "p-ivan", "p-joy", "p-kofi", "p-lena"]);
    assert_eq!(orgs, ["org-relief", "org-medaid", "org-foodnet"]);
    assert_eq!(bundle.community.id.as_str(), "c-negotiators");
    assert_eq!(bundle.catalogues, sample_workspace().catalogues);
    assert_eq!(CommunityBundle::of(&sample_workspace(), &Id::new("c-ghost")), None);
}

#[test]
fn community_bundle_round_trips() {
    for community in ["c-reliability", "c-testing", "c-negotiators"] {
        let (bundle, v) = bundle_doc(community);
        assert_eq!(v["format"], json!(FORMAT_COMMUNITY));
        match decode(&v) {
            Ok(Document::Community(env)) => {
                assert_eq!(env.format, FORMAT_COMMUNITY);
                assert_eq!(env.saved_at, saved());
                assert_eq!(env.revision, 0);
                assert_eq!(env.data, bundle);
            }
            other => panic!("expected a community document for {community}, got {other:?}"),
        }
    }
}

#[test]
fn community_bundle_problems_are_reported_under_community() {
    let (_, mut v) = bundle_doc("c-negotiators");
    // Drop Hana (people[0]); her membership (memberships[1]) now dangles.
    v["data"]["people"].as_array_mut().unwrap().remove(0);
    v["data"]["community"]["practice"][0]["link"] = json!("javascript:alert(1)");
    let (problems, total) = invalid(&v);
    assert_eq!(
        problems,
        vec![
            p("community.memberships[1].person_id", "no person with id 'p-hana'"),
            p(
                "community.practice[0].link",
                "uses the 'javascript:' scheme; only http, https and mailto links are allowed"
            ),
            // Hana also stewards two of the sample's tools and made one of its decisions.
            p("community.technology.tools[1].steward_id", "no person with id 'p-hana'"),
            p("community.technology.tools[2].steward_id", "no person with id 'p-hana'"),
            p("community.technology.decisions[0].by_id", "no person with id 'p-hana'"),
        ]
    );
    assert_eq!(total, 5);
}

#[test]
fn community_bundle_reports_unknown_and_missing_fields() {
    let (_, mut v) = bundle_doc("c-testing");
    obj(&mut v["data"]).remove("organisations");
    v["data"]["extra"] = json!(true);
    v["data"]["community"]["memberships"][0]["level_id"] = json!(3);
    let (problems, _) = invalid(&v);
    assert_eq!(
        problems,
        vec![
            p("extra", "is not a field of a community file"),
            p(
                "community.memberships[0].level_id",
                "wrong type: integer `3`, expected text"
            ),
            p("organisations", "missing field `organisations`"),
        ]
    );
}

#[test]
fn community_bundle_with_a_long_valid_community_id_round_trips() {
    // A 60-character community id is valid (ID_MAX is 64), but `bundle-` + 60 is 67, so
    // import reports `id: id is longer than 64 characters` for a file export just wrote.
    let mut ws = sample_workspace();
    let long = "c".repeat(60);
    ws.communities[1].id = Id::new(long.clone());
    assert_eq!(cultivate::model::validate_workspace(&ws), vec![]);
    let bundle = CommunityBundle::of(&ws, &Id::new(long)).unwrap();
    let text = encode_community(&bundle, saved());
    assert!(
        matches!(decode_document(&text), Ok(Document::Community(_))),
        "{:?}",
        decode_document(&text).err()
    );
}

#[test]
fn community_bundle_whose_person_id_looks_like_the_bundle_id_round_trips() {
    let mut ws = sample_workspace();
    let i = ws.people.iter().position(|p| p.id.as_str() == "p-gus").unwrap();
    ws.people[i].id = Id::new("bundle-c-testing");
    ws.communities[1].memberships[0].person_id = Id::new("bundle-c-testing");
    assert_eq!(cultivate::model::validate_workspace(&ws), vec![]);
    let bundle = CommunityBundle::of(&ws, &Id::new("c-testing")).unwrap();
    let text = encode_community(&bundle, saved());
    assert!(
        matches!(decode_document(&text), Ok(Document::Community(_))),
        "{:?}",
        decode_document(&text).err()
    );
}

// ----- not JSON, not Cultivate -----

#[test]
fn not_json_is_reported_with_line_and_column() {
    assert_eq!(
        decode_document("{ not json"),
        Err(LoadError::NotJson("key must be text (line 1, column 3)".into()))
    );
    let e = decode_document("{\n  \"format\": \n}").unwrap_err();
    assert_eq!(e, LoadError::NotJson("expected value (line 3, column 1)".into()));
    assert_eq!(
        e.to_string(),
        "This is not valid JSON: expected value (line 3, column 1)."
    );
    assert!(matches!(decode_document(""), Err(LoadError::NotJson(m)) if m.contains("line 1")));
}

#[test]
fn deeply_nested_json_is_refused_without_crashing() {
    let deep = "[".repeat(10_000);
    match decode_document(&deep) {
        Err(LoadError::NotJson(m)) => assert!(m.contains("recursion limit"), "{m}"),
        other => panic!("expected NotJson, got {other:?}"),
    }
}

#[test]
fn json_that_is_not_an_object_is_not_cultivate() {
    assert_eq!(
        decode_document("[1, 2]"),
        Err(LoadError::NotCultivate("it holds a list, not an object".into()))
    );
    assert_eq!(
        decode_document("\"text\""),
        Err(LoadError::NotCultivate("it holds text, not an object".into()))
    );
    assert_eq!(
        decode_document("null"),
        Err(LoadError::NotCultivate("it holds null, not an object".into()))
    );
}

#[test]
fn wrong_or_missing_format_is_not_cultivate() {
    let mut v = sample_doc();
    v["format"] = json!("some-other-app");
    let e = decode(&v).unwrap_err();
    assert_eq!(
        e,
        LoadError::NotCultivate(
            "its format is 'some-other-app', expected 'cultivate-workspace' or 'cultivate-community'".into()
        )
    );
    assert!(e.to_string().starts_with("This is not a Cultivate file: "));

    let no_format = LoadError::NotCultivate("it has no \"format\": \"cultivate-workspace\" field".into());
    obj(&mut v).remove("format");
    assert_eq!(decode(&v), Err(no_format.clone()));
    v["format"] = json!(1);
    assert_eq!(decode(&v), Err(no_format.clone()));
    assert_eq!(decode_document("{}"), Err(no_format));
}

#[test]
fn a_workspace_labelled_as_a_community_file_is_refused() {
    let mut v = sample_doc();
    v["format"] = json!(FORMAT_COMMUNITY);
    let (problems, _) = invalid(&v);
    assert!(paths(&problems).contains(&"community"), "{problems:?}");
    assert!(paths(&problems).contains(&"name"), "{problems:?}");
}

// ----- versions -----

#[test]
fn newer_schema_version_is_refused() {
    let mut v = sample_doc();
    v["schema_version"] = json!(SCHEMA_VERSION + 1);
    let e = decode(&v).unwrap_err();
    assert_eq!(
        e,
        LoadError::NewerVersion {
            found: SCHEMA_VERSION + 1,
            supported: SCHEMA_VERSION
        }
    );
    assert!(e.to_string().contains("newer version"), "{e}");
    // Even when the rest of the file is unreadable to this version.
    let v = json!({ "format": "cultivate-workspace", "schema_version": 99, "data": "whatever" });
    assert_eq!(
        decode(&v),
        Err(LoadError::NewerVersion {
            found: 99,
            supported: SCHEMA_VERSION
        })
    );
}

#[test]
fn schema_version_zero_is_refused() {
    let mut v = sample_doc();
    v["schema_version"] = json!(0);
    assert!(
        matches!(
            decode(&v),
            Err(LoadError::Invalid { .. }) | Err(LoadError::NotCultivate(_))
        ),
        "{:?}",
        decode(&v)
    );
}

#[test]
fn schema_version_zero_is_refused_with_a_reason() {
    let mut v = sample_doc();
    v["schema_version"] = json!(0);
    let e = decode(&v).unwrap_err();
    assert!(e.to_string().contains("schema_version"), "{e:?}: {e}");
}

#[test]
fn schema_version_that_is_not_a_whole_number_is_reported() {
    for bad in [json!("1"), json!(-1), json!(1.5), json!(null)] {
        let mut v = sample_doc();
        v["schema_version"] = bad.clone();
        assert_eq!(
            invalid(&v),
            (vec![p("schema_version", "must be a whole number such as 1")], 1),
            "{bad}"
        );
    }
}

// ----- the envelope -----

#[test]
fn missing_data_is_reported() {
    let mut v = sample_doc();
    obj(&mut v).remove("data");
    assert_eq!(invalid(&v), (vec![p("data", "missing field `data`")], 1));
}

#[test]
fn unknown_envelope_field_is_reported_with_its_path() {
    let mut v = sample_doc();
    v["comment"] = json!("hand-edited");
    assert_eq!(
        invalid(&v),
        (vec![p("comment", "is not a field of a Cultivate file")], 1)
    );
}

#[test]
fn envelope_problems_are_all_reported_together() {
    let mut v = sample_doc();
    obj(&mut v).remove("app_version");
    v["saved_at"] = json!("yesterday");
    v["revision"] = json!(-3);
    v["extra"] = json!(1);
    let (problems, total) = invalid(&v);
    assert_eq!(paths(&problems), ["app_version", "saved_at", "revision", "extra"]);
    assert_eq!(total, 4);
}

#[test]
fn missing_saved_at_is_reported() {
    let mut v = sample_doc();
    obj(&mut v).remove("saved_at");
    assert_eq!(invalid(&v), (vec![p("saved_at", "missing field `saved_at`")], 1));
}

#[test]
fn data_that_is_not_an_object_is_reported() {
    let mut v = sample_doc();
    v["data"] = json!([]);
    let (problems, total) = invalid(&v);
    assert_eq!(total, 1);
    assert!(
        problems[0].reason.ends_with("must be an object, not a list"),
        "{problems:?}"
    );
}

// ----- records -----

#[test]
fn wrong_type_is_reported_at_the_field() {
    let mut v = sample_doc();
    v["data"]["people"][1]["name"] = json!(5);
    assert_eq!(
        invalid(&v),
        (vec![p("people[1].name", "wrong type: integer `5`, expected text")], 1)
    );
}

#[test]
fn unknown_record_field_is_reported_at_its_path() {
    let mut v = sample_doc();
    v["data"]["people"][0]["nickname"] = json!("Am");
    v["data"]["catalogues"]["roles"][2]["colour"] = json!("red");
    let (problems, _) = invalid(&v);
    assert_eq!(paths(&problems), ["catalogues.roles[2].colour", "people[0].nickname"]);
    assert!(
        problems[1].reason.starts_with("unknown field `nickname`"),
        "{}",
        problems[1].reason
    );
}

#[test]
fn a_list_that_is_not_a_list_is_reported() {
    let mut v = empty_doc();
    v["data"]["organisations"] = json!({ "id": "o1" });
    let (problems, _) = invalid(&v);
    assert_eq!(problems, vec![p("organisations", "must be a list, not an object")]);
}

#[test]
fn missing_field_deep_in_a_record_is_reported_at_the_field() {
    let mut v = sample_doc();
    obj(&mut v["data"]["communities"][2]["memberships"][2]["history"][1]).remove("on");
    assert_eq!(
        invalid(&v),
        (
            vec![p("communities[2].memberships[2].history[1].on", "missing field `on`")],
            1
        )
    );
    let mut v = sample_doc();
    obj(&mut v["data"]).remove("catalogues");
    assert_eq!(invalid(&v), (vec![p("catalogues", "missing field `catalogues`")], 1));
}

#[test]
fn missing_field_of_a_record_is_reported_at_the_field() {
    let mut v = sample_doc();
    obj(&mut v["data"]["people"][0]).remove("created_at");
    assert_eq!(
        invalid(&v),
        (vec![p("people[0].created_at", "missing field `created_at`")], 1)
    );

    let mut v = sample_doc();
    obj(&mut v["data"]["communities"][0]["memberships"][3]).remove("joined_on");
    assert_eq!(
        invalid(&v),
        (
            vec![p(
                "communities[0].memberships[3].joined_on",
                "missing field `joined_on`"
            )],
            1
        )
    );

    let mut v = empty_doc();
    obj(&mut v["data"]).remove("people");
    assert_eq!(invalid(&v), (vec![p("people", "missing field `people`")], 1));
}

#[test]
fn several_broken_records_are_all_reported() {
    let mut v = sample_doc();
    v["data"]["people"][1]["name"] = json!(5);
    v["data"]["organisations"][2]["created_at"] = json!("last tuesday");
    v["data"]["communities"][0]["memberships"][2]["joined_on"] = json!(20250101);
    v["data"]["communities"][2]["practice"][0]["kind_id"] = json!(["tool"]);
    v["data"]["catalogues"]["lifecycle_stages"][4]["label"] = json!(null);
    let (problems, total) = invalid(&v);
    assert_eq!(
        paths(&problems),
        [
            "catalogues.lifecycle_stages[4].label",
            "organisations[2].created_at",
            "people[1].name",
            "communities[0].memberships[2].joined_on",
            "communities[2].practice[0].kind_id",
        ]
    );
    assert_eq!(total, 5);
}

#[test]
fn several_broken_invariants_are_all_reported() {
    let mut v = sample_doc();
    v["data"]["communities"][0]["memberships"][2]["person_id"] = json!("p-ghost");
    v["data"]["communities"][0]["practice"][0]["link"] = json!("javascript:alert(1)");
    v["data"]["people"][3]["organisation_id"] = json!("org-ghost");
    let (problems, total) = invalid(&v);
    assert_eq!(
        problems,
        vec![
            p("people[3].organisation_id", "no organisation with id 'org-ghost'"),
            p("communities[0].memberships[2].person_id", "no person with id 'p-ghost'"),
            p(
                "communities[0].practice[0].link",
                "uses the 'javascript:' scheme; only http, https and mailto links are allowed"
            ),
        ]
    );
    assert_eq!(total, 3);
}

#[test]
fn broken_records_and_broken_invariants_are_reported_together() {
    let mut v = sample_doc();
    v["data"]["people"][1]["name"] = json!(5);
    v["data"]["communities"][0]["memberships"][2]["person_id"] = json!("p-ghost");
    v["data"]["communities"][0]["practice"][0]["link"] = json!("javascript:alert(1)");
    let (problems, total) = invalid(&v);
    let found = paths(&problems);
    for path in [
        "people[1].name",
        "communities[0].memberships[2].person_id",
        "communities[0].practice[0].link",
    ] {
        assert!(found.contains(&path), "{path} missing from {found:?}");
    }
    assert_eq!(total, problems.len());
}

#[test]
fn problem_list_is_capped_but_the_total_is_counted() {
    // 200 people without a name: each fails validation.
    let mut v = empty_doc();
    let people: Vec<Value> = (0..200)
        .map(|i| json!({ "id": format!("p{i}"), "name": "", "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z" }))
        .collect();
    v["data"]["people"] = Value::Array(people);
    let (problems, total) = invalid(&v);
    assert_eq!(total, 200);
    assert_eq!(problems.len(), PROBLEM_CAP);
    assert_eq!(PROBLEM_CAP, 50);
    assert_eq!(problems[0], p("people[0].name", "must not be empty"));
    assert_eq!(
        problems[PROBLEM_CAP - 1].path,
        format!("people[{}].name", PROBLEM_CAP - 1)
    );
    let e = LoadError::Invalid { problems, total };
    assert_eq!(
        e.to_string(),
        "This file has 200 problems, starting with people[0].name: must not be empty."
    );
}

#[test]
fn problem_cap_applies_to_decoding_problems_too() {
    let mut v = empty_doc();
    let people: Vec<Value> = (0..200)
        .map(|i| json!({ "id": format!("p{i}"), "name": i, "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z" }))
        .collect();
    v["data"]["people"] = Value::Array(people);
    let (problems, total) = invalid(&v);
    assert_eq!((problems.len(), total), (PROBLEM_CAP, 200));
    assert_eq!(
        problems[7],
        p("people[7].name", "wrong type: integer `7`, expected text")
    );
}

#[test]
fn load_error_messages_read_as_sentences() {
    assert_eq!(
        LoadError::Invalid {
            problems: vec![p("name", "must not be empty")],
            total: 1
        }
        .to_string(),
        "This file has 1 problem, starting with name: must not be empty."
    );
    assert_eq!(
        LoadError::Migration {
            from: 1,
            reason: "no people list".into()
        }
        .to_string(),
        "This file could not be upgraded from format version 1: no people list."
    );
    assert_eq!(
        LoadError::NewerVersion { found: 3, supported: 1 }.to_string(),
        "This file was written by a newer version of Cultivate (format version 3); this version reads up to 1. Open it with the newer version, or update this one."
    );
}

// ----- migrations -----

#[test]
fn migration_chain_is_complete() {
    if MIGRATIONS.is_empty() {
        assert_eq!(
            SCHEMA_VERSION, 1,
            "with no migration steps the schema must still be version 1"
        );
        return;
    }
    for (i, step) in MIGRATIONS.iter().enumerate() {
        assert_eq!(
            step.from,
            i as u64 + 1,
            "step {i} ({}) must migrate from version {}",
            step.description,
            i + 1
        );
        assert!(!step.description.trim().is_empty(), "step {i} needs a description");
    }
    assert_eq!(MIGRATIONS.last().map(|m| m.from + 1), Some(SCHEMA_VERSION));
}

#[test]
fn migrate_refuses_a_version_newer_than_this_build() {
    let data = json!({ "anything": true });
    assert_eq!(
        migrate(data.clone(), SCHEMA_VERSION + 1),
        Err(LoadError::NewerVersion {
            found: SCHEMA_VERSION + 1,
            supported: SCHEMA_VERSION
        })
    );
    assert_eq!(
        migrate(data.clone(), u64::MAX),
        Err(LoadError::NewerVersion {
            found: u64::MAX,
            supported: SCHEMA_VERSION
        })
    );
    assert!(matches!(migrate(data.clone(), 0), Err(LoadError::NotCultivate(_))));
}

#[test]
fn migrating_current_data_changes_nothing() {
    let data = sample_doc()["data"].clone();
    assert_eq!(migrate(data.clone(), SCHEMA_VERSION), Ok(data));
}

// ----- backups -----

fn backup(key: &str, minute: u32) -> BackupInfo {
    BackupInfo {
        key: key.into(),
        label: format!("Before {key}"),
        created_at: Utc.with_ymd_and_hms(2026, 1, 1, 0, minute, 0).single().unwrap(),
        workspace_name: "W".into(),
        chars: 1,
    }
}

#[test]
fn backups_keep_the_newest_and_replace_a_reused_key() {
    let mut index = Vec::new();
    for (i, key) in ["a", "b", "c", "d", "e"].into_iter().enumerate() {
        let (kept, dropped) = add_and_prune(index, backup(key, i as u32));
        assert!(dropped.is_empty());
        index = kept;
    }
    // Re-adding "a" (newest now) replaces the old "a" and drops nothing.
    let (index, dropped) = add_and_prune(index, backup("a", 30));
    assert_eq!(
        index.iter().map(|b| b.key.as_str()).collect::<Vec<_>>(),
        ["a", "e", "d", "c", "b"]
    );
    assert!(dropped.is_empty());
    let (index, dropped) = add_and_prune(index, backup("f", 31));
    assert_eq!(index.len(), KEEP_BACKUPS);
    assert_eq!(dropped.iter().map(|b| b.key.as_str()).collect::<Vec<_>>(), ["b"]);
    // Same time: ordered by key, descending, so the order is stable.
    let (index, _) = add_and_prune(Vec::new(), backup("x", 5));
    let (index, _) = add_and_prune(index, backup("y", 5));
    assert_eq!(index.iter().map(|b| b.key.as_str()).collect::<Vec<_>>(), ["y", "x"]);
}

#[test]
fn a_damaged_backup_index_reads_as_empty() {
    assert_eq!(parse_index(Some("[{\"key\": 1}]")), vec![]);
    assert_eq!(parse_index(Some("")), vec![]);
    let raw = serde_json::to_string(&vec![backup("k", 1)]).unwrap();
    assert_eq!(parse_index(Some(&raw)), vec![backup("k", 1)]);
}

/// A sound file of the current version is read straight into the types; it must give exactly
/// what the careful, field-by-field path gives, stamps included.
#[test]
fn the_direct_read_and_the_careful_read_agree_on_sound_files() {
    let mut stamped = sample_workspace();
    let before = stamped.clone();
    stamped.people[0].name = "Renamed".into();
    let at = stamped.updated_at;
    cultivate::model::merge::stamp_changes(&before, &mut stamped, "dev-a", at);
    assert_eq!(stamped.stamps.len(), 1);
    let sizes = Sizes {
        organisations: 2,
        people: 30,
        communities: 3,
        memberships_per_person: 2,
        meetings: 10,
        stories: 5,
    };
    for ws in [sample_workspace(), stamped, generate(3, sizes)] {
        for pretty in [true, false] {
            let text = encode_workspace(&ws, ws.updated_at, 4, pretty);
            let direct = decode_document(&text).unwrap();
            let careful = decode_document_carefully(&text).unwrap();
            assert_eq!(direct, careful);
            let Document::Workspace(env) = direct else { panic!("a workspace") };
            assert_eq!(env.data, ws);
        }
    }
    // A problem anywhere sends the file down the careful path, which names it.
    let mut broken: Value = serde_json::from_str(&encode_workspace(&sample_workspace(), sample_workspace().updated_at, 1, false)).unwrap();
    broken["data"]["people"][0]["organisation_id"] = json!("org-nowhere");
    let Err(LoadError::Invalid { problems, .. }) = decode_document(&broken.to_string()) else {
        panic!("refused")
    };
    assert_eq!(problems[0].path, "people[0].organisation_id");
}
