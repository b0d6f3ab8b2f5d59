//! Migrations: one test per step, golden files of every released format version, and a
//! meta-test that no step goes untested.
#![cfg(not(target_arch = "wasm32"))]

use cultivate::model::cultivation::Cultivation;
use cultivate::model::evaluation::Evaluation;
use cultivate::model::facilitation::Facilitation;
use cultivate::model::organisation::{Programme, Stewardship};
use cultivate::model::technology::Technology;
use cultivate::model::{CatalogueKind, Catalogues};
use cultivate::storage::format::{
    decode_document, encode_workspace, v1_to_v2, v2_to_v3, v3_to_v4, v4_to_v5, v5_to_v6, CommunityBundle, Document, MIGRATIONS,
    SCHEMA_VERSION,
};
use serde_json::{json, Value};

const V1_SAMPLE: &str = include_str!("fixtures/v1-sample.json");
const V1_GENERATED: &str = include_str!("fixtures/v1-generated.json");
const V2_SAMPLE: &str = include_str!("fixtures/v2-sample.json");
const V3_SAMPLE: &str = include_str!("fixtures/v3-sample.json");
const V4_SAMPLE: &str = include_str!("fixtures/v4-sample.json");
const V5_SAMPLE: &str = include_str!("fixtures/v5-sample.json");

fn v3_data(text: &str) -> Value {
    let v: Value = serde_json::from_str(text).unwrap();
    assert_eq!(v["schema_version"], json!(3), "the fixture is a version 3 file");
    v["data"].clone()
}

const V4_CATALOGUES: [CatalogueKind; 17] = [
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
];

#[test]
fn v3_to_v4_covers_every_catalogue_version_3_did_not_have() {
    let before = v3_data(V3_SAMPLE);
    let missing: Vec<CatalogueKind> = CatalogueKind::ALL
        .into_iter()
        .filter(|k| before["catalogues"].get(k.key()).is_none() && !V5_CATALOGUES.contains(k))
        .collect();
    assert_eq!(missing, V4_CATALOGUES.to_vec());
}

#[test]
fn v4_to_v5_covers_every_catalogue_version_4_did_not_have() {
    let before = v4_data(V4_SAMPLE);
    let missing: Vec<CatalogueKind> = CatalogueKind::ALL
        .into_iter()
        .filter(|k| before["catalogues"].get(k.key()).is_none())
        .collect();
    assert_eq!(missing, V5_CATALOGUES.to_vec());
}

#[test]
fn v3_to_v4_adds_the_new_catalogues_and_empty_cultivation_stewardship_and_programme_records() {
    let out = v3_to_v4(v3_data(V3_SAMPLE)).unwrap();
    let defaults = Catalogues::default();
    for kind in V4_CATALOGUES {
        assert_eq!(
            out["catalogues"][kind.key()],
            serde_json::to_value(defaults.get(kind)).unwrap(),
            "{}",
            kind.key()
        );
    }
    assert_eq!(out["catalogues"]["maturity_dimensions"].as_array().unwrap().len(), 7);
    assert_eq!(out["catalogues"]["transformation_modes"].as_array().unwrap().len(), 5);
    let empty = serde_json::to_value(Cultivation::default()).unwrap();
    let communities = out["communities"].as_array().unwrap();
    assert_eq!(communities.len(), 3);
    for c in communities {
        assert_eq!(c["cultivation"], empty);
        assert_eq!(c["stewardship"], serde_json::to_value(Stewardship::default()).unwrap());
        for m in c["memberships"].as_array().unwrap() {
            assert_eq!(m["leadership_group_ids"], json!([]));
        }
    }
    assert_eq!(out["programme"], serde_json::to_value(Programme::default()).unwrap());
    // What version 3 had is kept: stages, principles, catalogues.
    let before = v3_data(V3_SAMPLE);
    for i in 0..3 {
        assert_eq!(
            out["communities"][i]["lifecycle_stage_id"],
            before["communities"][i]["lifecycle_stage_id"]
        );
        assert_eq!(
            out["communities"][i]["principles"],
            before["communities"][i]["principles"]
        );
    }
    assert_eq!(
        out["catalogues"]["lifecycle_stages"],
        before["catalogues"]["lifecycle_stages"]
    );
}

#[test]
fn v3_to_v4_keeps_existing_values_and_migrates_a_one_community_file() {
    let mut data = v3_data(V3_SAMPLE);
    data["catalogues"]["maturity_dimensions"] =
        json!([{ "id": "ours", "label": "Ours", "description": "", "source": "" }]);
    data["communities"][0]["cultivation"] = json!({ "tasks_done": ["x"] });
    let out = v3_to_v4(data).unwrap();
    assert_eq!(
        out["catalogues"]["maturity_dimensions"],
        json!([{ "id": "ours", "label": "Ours", "description": "", "source": "" }])
    );
    assert_eq!(out["communities"][0]["cultivation"], json!({ "tasks_done": ["x"] }));
    let ws = v3_data(V3_SAMPLE);
    let bundle =
        json!({ "community": ws["communities"][1], "people": [], "organisations": [], "catalogues": ws["catalogues"] });
    let out = v3_to_v4(bundle).unwrap();
    assert_eq!(
        out["community"]["cultivation"],
        serde_json::to_value(Cultivation::default()).unwrap()
    );
    assert!(out.get("programme").is_none(), "a one-community file has no programme");
    assert_eq!(out["community"]["memberships"][0]["leadership_group_ids"], json!([]));
    assert!(out["catalogues"]["stage_tasks"].is_array());
    assert!(v3_to_v4(json!({ "catalogues": [] })).is_err());
    assert_eq!(v3_to_v4(json!("text")).unwrap(), json!("text"));
}

#[test]
fn golden_v3_file_imports_migrates_and_round_trips() {
    let Ok(Document::Workspace(env)) = decode_document(V3_SAMPLE) else {
        panic!("v3-sample.json did not import: {:?}", decode_document(V3_SAMPLE).err());
    };
    assert_eq!(env.schema_version, SCHEMA_VERSION);
    assert!(
        env.data.communities.iter().any(|c| !c.principles.is_empty()),
        "the principles reflections survive the upgrade"
    );
    assert!(env
        .data
        .communities
        .iter()
        .all(|c| c.cultivation == Cultivation::default()));
    assert_eq!(env.data.catalogues.stage_tasks, Catalogues::default().stage_tasks);
    let again = encode_workspace(&env.data, env.saved_at, env.revision, true);
    let Ok(Document::Workspace(env2)) = decode_document(&again) else {
        panic!("did not re-import")
    };
    assert_eq!(env2.data, env.data);
}

fn v2_data(text: &str) -> Value {
    let v: Value = serde_json::from_str(text).unwrap();
    assert_eq!(v["schema_version"], json!(2), "the fixture is a version 2 file");
    v["data"].clone()
}

#[test]
fn v2_to_v3_adds_the_cultivation_principles_catalogue_and_empty_reflections() {
    let out = v2_to_v3(v2_data(V2_SAMPLE)).unwrap();
    assert_eq!(
        out["catalogues"]["cultivation_principles"],
        serde_json::to_value(Catalogues::default().cultivation_principles).unwrap()
    );
    assert_eq!(out["catalogues"]["cultivation_principles"].as_array().unwrap().len(), 7);
    for c in out["communities"].as_array().unwrap() {
        assert_eq!(c["principles"], json!([]));
    }
    // Everything version 2 had is kept as it was.
    assert_eq!(
        out["communities"][2]["technology"],
        v2_data(V2_SAMPLE)["communities"][2]["technology"]
    );
}

#[test]
fn v2_to_v3_keeps_existing_values_and_migrates_a_one_community_file() {
    let mut data = v2_data(V2_SAMPLE);
    data["catalogues"]["cultivation_principles"] =
        json!([{ "id": "ours", "label": "Ours", "description": "", "source": "" }]);
    data["communities"][0]["principles"] =
        json!([{ "principle_id": "ours", "reflected": true, "note": "n", "on": "2026-01-01" }]);
    let out = v2_to_v3(data).unwrap();
    assert_eq!(out["catalogues"]["cultivation_principles"][0]["id"], json!("ours"));
    assert_eq!(out["communities"][0]["principles"][0]["note"], json!("n"));
    let ws = v2_data(V2_SAMPLE);
    let bundle =
        json!({ "community": ws["communities"][0], "people": [], "organisations": [], "catalogues": ws["catalogues"] });
    let out = v2_to_v3(bundle).unwrap();
    assert_eq!(out["community"]["principles"], json!([]));
    assert!(v2_to_v3(json!({ "catalogues": 1 })).is_err());
}

#[test]
fn golden_v2_file_imports_migrates_and_round_trips() {
    let Ok(Document::Workspace(env)) = decode_document(V2_SAMPLE) else {
        panic!("v2-sample.json did not import: {:?}", decode_document(V2_SAMPLE).err());
    };
    assert_eq!(env.schema_version, SCHEMA_VERSION);
    assert_eq!(
        env.data.communities[2].technology.tools.len(),
        5,
        "the habitat survives the upgrade"
    );
    assert!(env.data.communities.iter().all(|c| c.principles.is_empty()));
    let again = encode_workspace(&env.data, env.saved_at, env.revision, true);
    let Ok(Document::Workspace(env2)) = decode_document(&again) else {
        panic!("did not re-import")
    };
    assert_eq!(env2.data, env.data);
}

fn v1_data(text: &str) -> Value {
    let v: Value = serde_json::from_str(text).unwrap();
    assert_eq!(v["schema_version"], json!(1), "the fixture is a version 1 file");
    v["data"].clone()
}

#[test]
fn v1_to_v2_adds_the_technology_catalogues_with_their_defaults() {
    let out = v1_to_v2(v1_data(V1_SAMPLE)).unwrap();
    let defaults = Catalogues::default();
    for kind in [
        CatalogueKind::Orientations,
        CatalogueKind::ToolCategories,
        CatalogueKind::ActivityTypes,
        CatalogueKind::HabitatChecklist,
    ] {
        assert_eq!(
            out["catalogues"][kind.key()],
            serde_json::to_value(defaults.get(kind)).unwrap(),
            "{}",
            kind.key()
        );
    }
    assert_eq!(out["catalogues"]["orientations"].as_array().unwrap().len(), 9);
    // The version 1 catalogues are kept as they were.
    assert_eq!(out["catalogues"]["roles"], v1_data(V1_SAMPLE)["catalogues"]["roles"]);
}

#[test]
fn v1_to_v2_gives_every_community_an_empty_digital_habitat() {
    let out = v1_to_v2(v1_data(V1_SAMPLE)).unwrap();
    let communities = out["communities"].as_array().unwrap();
    assert_eq!(communities.len(), 3);
    for c in communities {
        assert_eq!(c["technology"], serde_json::to_value(Technology::default()).unwrap());
    }
}

#[test]
fn v1_to_v2_keeps_customised_catalogues_and_existing_habitats() {
    let mut data = v1_data(V1_SAMPLE);
    data["catalogues"]["orientations"] = json!([{ "id": "ours", "label": "Our own", "description": "", "source": "" }]);
    data["communities"][0]["technology"] = json!({ "tools": [] , "checklist_done": ["x"] });
    let out = v1_to_v2(data).unwrap();
    assert_eq!(out["catalogues"]["orientations"][0]["id"], json!("ours"));
    assert_eq!(out["communities"][0]["technology"]["checklist_done"], json!(["x"]));
}

#[test]
fn v1_to_v2_migrates_a_one_community_file() {
    let ws: Value = v1_data(V1_SAMPLE);
    let bundle =
        json!({ "community": ws["communities"][0], "people": [], "organisations": [], "catalogues": ws["catalogues"] });
    let out = v1_to_v2(bundle).unwrap();
    assert_eq!(
        out["community"]["technology"],
        serde_json::to_value(Technology::default()).unwrap()
    );
    assert!(out["catalogues"]["tool_categories"].is_array());
}

#[test]
fn v1_to_v2_leaves_what_it_cannot_read_for_decoding_to_report() {
    assert_eq!(v1_to_v2(json!([1, 2])).unwrap(), json!([1, 2]));
    assert!(v1_to_v2(json!({ "catalogues": "oops" })).is_err());
}

/// Every released version's golden file imports, migrates to the current version, and
/// re-exports without any further change.
#[test]
fn golden_v1_files_import_migrate_and_round_trip() {
    for (name, text) in [("v1-sample.json", V1_SAMPLE), ("v1-generated.json", V1_GENERATED)] {
        let Ok(Document::Workspace(env)) = decode_document(text) else {
            panic!("{name} did not import: {:?}", decode_document(text).err());
        };
        assert_eq!(env.schema_version, SCHEMA_VERSION, "{name}");
        let ws = env.data;
        let original = v1_data(text);
        assert_eq!(ws.people.len(), original["people"].as_array().unwrap().len(), "{name}");
        assert_eq!(
            ws.communities.len(),
            original["communities"].as_array().unwrap().len(),
            "{name}"
        );
        assert!(
            ws.communities.iter().all(|c| c.technology == Technology::default()),
            "{name}"
        );
        let again = encode_workspace(&ws, env.saved_at, env.revision, true);
        let Ok(Document::Workspace(env2)) = decode_document(&again) else {
            panic!("{name} did not re-import")
        };
        assert_eq!(env2.data, ws, "{name}");
        assert_eq!(
            encode_workspace(&env2.data, env.saved_at, env.revision, true),
            again,
            "{name}: stable bytes"
        );
    }
}

#[test]
fn a_v1_community_file_imports() {
    let ws = v1_data(V1_SAMPLE);
    let file = json!({
        "format": "cultivate-community", "schema_version": 1, "app_version": "0.1.0",
        "saved_at": "2026-01-12T09:00:00Z",
        "data": { "community": ws["communities"][2], "people": ws["people"], "organisations": ws["organisations"], "catalogues": ws["catalogues"] }
    });
    match decode_document(&file.to_string()) {
        Ok(Document::Community(env)) => {
            let b: CommunityBundle = env.data;
            assert_eq!(b.community.name, "Frontline Negotiators' Circle");
            assert_eq!(b.community.technology, Technology::default());
        }
        other => panic!("{other:?}"),
    }
}

/// As in tldraw: a migration step without its own test fails the build. Each step from N
/// must be named `vN_to_vN+1` and appear in this file's tests.
#[test]
fn every_migration_step_has_a_test() {
    let source = include_str!("migrations.rs");
    for step in MIGRATIONS {
        let name = format!("v{}_to_v{}", step.from, step.from + 1);
        let tests = source.matches(&format!("fn {name}_")).count();
        assert!(
            tests >= 1,
            "migration {name} ({}) has no test named {name}_… in tests/migrations.rs",
            step.description
        );
        assert!(!step.description.is_empty());
    }
    assert_eq!(MIGRATIONS.len() as u64, SCHEMA_VERSION - 1);
}

fn v4_data(text: &str) -> Value {
    let v: Value = serde_json::from_str(text).unwrap();
    assert_eq!(v["schema_version"], json!(4), "the fixture is a version 4 file");
    v["data"].clone()
}

const V5_CATALOGUES: [CatalogueKind; 6] = [
    CatalogueKind::MeetingFormats,
    CatalogueKind::MeetingPhases,
    CatalogueKind::MeetingChecklist,
    CatalogueKind::CycleQuestions,
    CatalogueKind::CycleIndicators,
    CatalogueKind::KnowledgeCapitals,
];

#[test]
fn v4_to_v5_adds_six_catalogues_and_empty_facilitation_and_evaluation() {
    let before = v4_data(V4_SAMPLE);
    for kind in V5_CATALOGUES {
        assert!(before["catalogues"].get(kind.key()).is_none(), "v4 has no {}", kind.key());
    }
    let out = v4_to_v5(before.clone()).unwrap();
    let defaults = Catalogues::default();
    for kind in V5_CATALOGUES {
        assert_eq!(
            out["catalogues"][kind.key()],
            serde_json::to_value(defaults.get(kind)).unwrap(),
            "{}",
            kind.key()
        );
    }
    let communities = out["communities"].as_array().unwrap();
    assert_eq!(communities.len(), before["communities"].as_array().unwrap().len());
    for (i, c) in communities.iter().enumerate() {
        assert_eq!(c["facilitation"], serde_json::to_value(Facilitation::default()).unwrap());
        assert_eq!(c["evaluation"], serde_json::to_value(Evaluation::default()).unwrap());
        // Everything version 4 had is kept as it was.
        let mut without = c.clone();
        without.as_object_mut().unwrap().remove("facilitation");
        without.as_object_mut().unwrap().remove("evaluation");
        assert_eq!(without, before["communities"][i], "community {i}");
    }
    for (key, value) in before["catalogues"].as_object().unwrap() {
        assert_eq!(&out["catalogues"][key], value, "catalogue {key} is kept");
    }
    assert_eq!(out["programme"], before["programme"]);
    assert_eq!(out["people"], before["people"]);
}

#[test]
fn v4_to_v5_keeps_existing_values_and_migrates_a_one_community_file() {
    let mut data = v4_data(V4_SAMPLE);
    let ours = json!([{ "id": "ours", "label": "Ours", "description": "", "source": "" }]);
    data["catalogues"]["meeting_phases"] = ours.clone();
    data["communities"][0]["facilitation"] = json!({ "meetings": [] });
    let out = v4_to_v5(data).unwrap();
    assert_eq!(out["catalogues"]["meeting_phases"], ours, "a catalogue already there is kept");
    assert_eq!(out["communities"][0]["facilitation"], json!({ "meetings": [] }));

    let ws = v4_data(V4_SAMPLE);
    let bundle =
        json!({ "community": ws["communities"][1], "people": [], "organisations": [], "catalogues": ws["catalogues"] });
    let out = v4_to_v5(bundle).unwrap();
    assert_eq!(out["community"]["evaluation"], serde_json::to_value(Evaluation::default()).unwrap());
    assert_eq!(out["community"]["facilitation"], serde_json::to_value(Facilitation::default()).unwrap());
    assert!(out["catalogues"]["meeting_formats"].is_array());
    assert!(v4_to_v5(json!({ "catalogues": [] })).is_err());
    assert_eq!(v4_to_v5(json!("text")).unwrap(), json!("text"));
}

#[test]
fn golden_v4_file_imports_migrates_and_round_trips() {
    let Ok(Document::Workspace(env)) = decode_document(V4_SAMPLE) else {
        panic!("v4-sample.json did not import: {:?}", decode_document(V4_SAMPLE).err());
    };
    assert_eq!(env.schema_version, SCHEMA_VERSION);
    assert!(
        env.data.communities.iter().any(|c| !c.cultivation.charters.is_empty()),
        "the cultivation records survive the upgrade"
    );
    assert!(env.data.communities.iter().all(|c| c.facilitation == Facilitation::default()));
    assert_eq!(env.data.catalogues.meeting_formats, Catalogues::default().meeting_formats);
    let again = encode_workspace(&env.data, env.saved_at, env.revision, true);
    let Ok(Document::Workspace(env2)) = decode_document(&again) else {
        panic!("did not re-import")
    };
    assert_eq!(env2.data, env.data);
}

fn v5_data(text: &str) -> Value {
    let v: Value = serde_json::from_str(text).unwrap();
    assert_eq!(v["schema_version"], json!(5), "the fixture is a version 5 file");
    v["data"].clone()
}

#[test]
fn v5_to_v6_keeps_the_data_as_it_is_because_stamps_are_optional() {
    let before = v5_data(V5_SAMPLE);
    assert!(before.get("stamps").is_none());
    assert_eq!(v5_to_v6(before.clone()).unwrap(), before);
    // A one-community file too.
    let file = json!({ "community": before["communities"][0].clone(), "people": [], "organisations": [], "catalogues": before["catalogues"].clone() });
    assert_eq!(v5_to_v6(file.clone()).unwrap(), file);
    assert_eq!(v5_to_v6(json!("text")).unwrap(), json!("text"));
}

#[test]
fn v5_to_v6_refuses_fields_version_5_never_wrote() {
    for key in ["stamps", "piece"] {
        let mut data = v5_data(V5_SAMPLE);
        data[key] = json!({});
        let err = v5_to_v6(data).unwrap_err();
        assert!(err.contains(key), "{err}");
    }
}

#[test]
fn golden_v5_file_imports_migrates_and_round_trips() {
    let Ok(Document::Workspace(env)) = decode_document(V5_SAMPLE) else {
        panic!("v5-sample.json did not import: {:?}", decode_document(V5_SAMPLE).err());
    };
    assert_eq!(env.schema_version, SCHEMA_VERSION);
    assert!(env.data.stamps.is_empty(), "a version 5 file has no stamps");
    assert!(env.data.communities.iter().any(|c| !c.facilitation.meetings.is_empty()));
    assert!(env.data.communities.iter().any(|c| !c.evaluation.stories.is_empty()));
    let again = encode_workspace(&env.data, env.saved_at, env.revision, true);
    let Ok(Document::Workspace(env2)) = decode_document(&again) else {
        panic!("did not re-import")
    };
    assert_eq!(env2.data, env.data);
    // Re-exported, only the envelope's version changes: the data is byte for byte the same.
    let original: Value = serde_json::from_str(V5_SAMPLE).unwrap();
    let exported: Value = serde_json::from_str(&again).unwrap();
    assert_eq!(exported["data"], original["data"]);
}
