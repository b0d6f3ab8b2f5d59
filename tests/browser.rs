//! Browser tests: real localStorage in headless Chromium (wasm-bindgen-test).
//! Run with `cargo test --target wasm32-unknown-unknown --test browser` (scripts/test does).
#![cfg(target_arch = "wasm32")]

use cultivate::model::sample::sample_workspace;
use cultivate::model::{Id, PersonDraft};
use cultivate::state::{AppState, Phase, SaveStatus};
use cultivate::storage::browser::{self, Loaded, StorageError, KEY_WORKSPACE};
use cultivate::storage::format::{encode_workspace, LoadError};
use cultivate::storage::import::ImportPlan;
use leptos::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn reset() {
    storage().clear().unwrap();
}

fn now() -> cultivate::model::Timestamp {
    cultivate::state::now()
}

#[wasm_bindgen_test]
fn saved_workspace_loads_back_equal() {
    reset();
    let ws = sample_workspace();
    browser::save_workspace(&ws, 7, now()).unwrap();
    match browser::load_workspace().unwrap() {
        Loaded::Workspace { ws: loaded, revision } => {
            assert_eq!(*loaded, ws);
            assert_eq!(revision, 7);
        }
        other => panic!("expected a workspace, got {other:?}"),
    }
    assert_eq!(browser::stored_revision().unwrap(), browser::StoredRevision::At(7));
}

#[wasm_bindgen_test]
fn nothing_stored_loads_as_nothing() {
    reset();
    assert_eq!(browser::load_workspace().unwrap(), Loaded::Nothing);
}

#[wasm_bindgen_test]
fn corrupt_value_is_reported_and_left_byte_for_byte() {
    reset();
    let raw = r#"{"format":"cultivate-workspace","schema_version":1, "data": {"#;
    storage().set_item(KEY_WORKSPACE, raw).unwrap();
    match browser::load_workspace().unwrap() {
        Loaded::Unreadable { raw: got, error } => {
            assert_eq!(got, raw);
            assert!(matches!(error, LoadError::NotJson(_)), "{error:?}");
        }
        other => panic!("expected unreadable, got {other:?}"),
    }
    assert_eq!(storage().get_item(KEY_WORKSPACE).unwrap().as_deref(), Some(raw));
}

#[wasm_bindgen_test]
fn app_state_never_overwrites_a_corrupt_value_and_sets_it_aside_before_starting_new() {
    reset();
    let raw = "not json at all {";
    storage().set_item(KEY_WORKSPACE, raw).unwrap();
    let owner = Owner::new();
    owner.with(|| {
        let state = AppState::init();
        assert!(matches!(state.phase.get_untracked(), Phase::Recovery(ref i) if i.raw == raw));
        // A flush (as on pagehide) must not write anything while recovering.
        state.flush();
        assert_eq!(storage().get_item(KEY_WORKSPACE).unwrap().as_deref(), Some(raw));
        // Only an explicit new start replaces it, and the raw value is kept first.
        state.start_new("Fresh start").unwrap();
        assert!(matches!(state.phase.get_untracked(), Phase::Ready));
        let copies = browser::recovery_copies().unwrap();
        assert_eq!(copies.len(), 1);
        assert_eq!(browser::read_raw(&copies[0].key).unwrap().as_deref(), Some(raw));
        match browser::load_workspace().unwrap() {
            Loaded::Workspace { ws, .. } => assert_eq!(ws.name, "Fresh start"),
            other => panic!("expected the new workspace, got {other:?}"),
        }
    });
    owner.unset();
}

#[wasm_bindgen_test]
fn newer_version_is_refused_and_kept() {
    reset();
    let current = cultivate::storage::format::SCHEMA_VERSION;
    let text = encode_workspace(&sample_workspace(), now(), 1, false).replacen(
        &format!("\"schema_version\":{current}"),
        &format!("\"schema_version\":{}", current + 1),
        1,
    );
    assert!(text.contains(&format!("\"schema_version\":{}", current + 1)));
    storage().set_item(KEY_WORKSPACE, &text).unwrap();
    let owner = Owner::new();
    owner.with(|| {
        let state = AppState::init();
        match state.phase.get_untracked() {
            Phase::Recovery(info) => {
                assert!(info.newer);
                assert!(info.reason.contains("newer version"), "{}", info.reason);
            }
            other => panic!("expected recovery, got {other:?}"),
        }
        state.flush();
    });
    owner.unset();
    assert_eq!(storage().get_item(KEY_WORKSPACE).unwrap(), Some(text));
}

/// Fills localStorage until it refuses more, and returns the keys used.
fn fill_storage() -> Vec<String> {
    let s = storage();
    let mut keys = Vec::new();
    let mut chunk = "x".repeat(1 << 20);
    let mut i = 0;
    while chunk.len() >= 16 {
        let key = format!("padding.{i}");
        if s.set_item(&key, &chunk).is_ok() {
            keys.push(key);
            i += 1;
        } else {
            chunk.truncate(chunk.len() / 2);
        }
    }
    keys
}

#[wasm_bindgen_test]
fn quota_error_reaches_the_save_status_and_work_stays_in_memory() {
    reset();
    browser::save_workspace(&sample_workspace(), 1, now()).unwrap();
    let owner = Owner::new();
    owner.with(|| {
        let state = AppState::init();
        assert!(matches!(state.phase.get_untracked(), Phase::Ready));
        let padding = fill_storage();
        let draft = PersonDraft {
            name: "Quota Tester".into(),
            notes: "n".repeat(5_000),
            ..Default::default()
        };
        state
            .edit(|ws| ws.add_person(Id::new("quota-person"), &draft, now()))
            .unwrap();
        state.flush();
        match state.save.get_untracked() {
            SaveStatus::Failed(msg) => assert!(msg.contains("storage is full"), "{msg}"),
            other => panic!("expected a failed save, got {other:?}"),
        }
        // The edit is still in memory, and the stored copy is the old one.
        assert!(state
            .ws
            .with_untracked(|w| w.person(&Id::new("quota-person")).is_some()));
        match browser::load_workspace().unwrap() {
            Loaded::Workspace { ws, .. } => assert!(ws.person(&Id::new("quota-person")).is_none()),
            other => panic!("expected the old workspace, got {other:?}"),
        }
        // After making room, trying again saves it.
        for k in padding {
            storage().remove_item(&k).unwrap();
        }
        state.retry_save();
        assert!(
            matches!(state.save.get_untracked(), SaveStatus::Saved(Some(_))),
            "{:?}",
            state.save.get_untracked()
        );
    });
    owner.unset();
    match browser::load_workspace().unwrap() {
        Loaded::Workspace { ws, .. } => assert!(ws.person(&Id::new("quota-person")).is_some()),
        other => panic!("expected the saved workspace, got {other:?}"),
    }
}

#[wasm_bindgen_test]
fn backups_keep_the_newest_five_and_restore() {
    reset();
    let mut ws = sample_workspace();
    let base = now();
    for i in 0..7 {
        ws.name = format!("Version {i}");
        browser::create_backup(&ws, &format!("backup {i}"), base + chrono::Duration::seconds(i)).unwrap();
    }
    let list = browser::backups().unwrap();
    let labels: Vec<_> = list.iter().map(|b| b.label.as_str()).collect();
    assert_eq!(labels, ["backup 6", "backup 5", "backup 4", "backup 3", "backup 2"]);
    match browser::read_backup(&list[4].key).unwrap() {
        Ok(restored) => assert_eq!(restored.name, "Version 2"),
        Err(e) => panic!("backup unreadable: {e}"),
    }
}

#[wasm_bindgen_test]
fn a_stale_tab_does_not_overwrite_a_newer_save() {
    reset();
    browser::save_workspace(&sample_workspace(), 1, now()).unwrap();
    let owner = Owner::new();
    owner.with(|| {
        let state = AppState::init();
        // Another tab saves revision 2 behind this tab's back.
        let mut other = sample_workspace();
        other.name = "Saved by another tab".into();
        browser::save_workspace(&other, 2, now()).unwrap();
        let draft = PersonDraft {
            name: "Stale edit".into(),
            ..Default::default()
        };
        state.edit(|ws| ws.add_person(Id::new("stale"), &draft, now())).unwrap();
        state.flush();
        assert!(state.conflict.get_untracked().is_some(), "the conflict is shown");
        match browser::load_workspace().unwrap() {
            Loaded::Workspace { ws, revision } => {
                assert_eq!(ws.name, "Saved by another tab");
                assert_eq!(revision, 2);
            }
            other => panic!("{other:?}"),
        }
        // Keeping this tab's version backs the other one up first.
        state.keep_this_tab_version().unwrap();
        let backups = browser::backups().unwrap();
        assert_eq!(backups.len(), 1);
        assert_eq!(backups[0].workspace_name, "Saved by another tab");
        match browser::load_workspace().unwrap() {
            Loaded::Workspace { ws, revision } => {
                assert!(ws.person(&Id::new("stale")).is_some());
                assert_eq!(revision, 3);
            }
            other => panic!("{other:?}"),
        }
    });
    owner.unset();
}

#[wasm_bindgen_test]
fn storage_errors_read_as_advice() {
    let msg = StorageError::QuotaExceeded.to_string();
    assert!(msg.contains("export it now"), "{msg}");
}

#[wasm_bindgen_test]
fn a_workspace_stored_in_an_older_format_is_upgraded_on_the_first_save_and_its_original_kept() {
    reset();
    let v1 = include_str!("fixtures/v1-sample.json");
    storage().set_item(KEY_WORKSPACE, v1).unwrap();
    let owner = Owner::new();
    owner.with(|| {
        let state = AppState::init();
        assert!(
            matches!(state.phase.get_untracked(), Phase::Ready),
            "a version 1 workspace opens"
        );
        // Loading alone writes nothing.
        assert_eq!(storage().get_item(KEY_WORKSPACE).unwrap().as_deref(), Some(v1));
        let draft = PersonDraft {
            name: "After upgrade".into(),
            ..Default::default()
        };
        state
            .edit(|ws| ws.add_person(Id::new("after-upgrade"), &draft, now()))
            .unwrap();
        state.flush();
        assert!(
            matches!(state.save.get_untracked(), SaveStatus::Saved(Some(_))),
            "{:?}",
            state.save.get_untracked()
        );
        assert!(state.conflict.get_untracked().is_none());
    });
    owner.unset();
    match browser::load_workspace().unwrap() {
        Loaded::Workspace { ws, revision } => {
            assert!(ws.person(&Id::new("after-upgrade")).is_some());
            assert_eq!(revision, 2, "the fixture was saved as revision 1");
        }
        other => panic!("{other:?}"),
    }
    let stored = storage().get_item(KEY_WORKSPACE).unwrap().unwrap();
    assert!(stored.contains(&format!(
        "\"schema_version\":{}",
        cultivate::storage::format::SCHEMA_VERSION
    )));
    let copies = browser::recovery_copies().unwrap();
    assert_eq!(copies.len(), 1, "the version 1 original is kept");
    assert_eq!(browser::read_raw(&copies[0].key).unwrap().as_deref(), Some(v1));
}

#[wasm_bindgen_test]
fn new_ids_are_unique_valid_uuids() {
    let a = cultivate::state::new_id();
    let b = cultivate::state::new_id();
    assert_ne!(a, b);
    for id in [&a, &b] {
        assert_eq!(cultivate::model::Id::check(id.as_str()), None, "{id}");
        assert_eq!(id.as_str().len(), 36, "{id}");
        assert_eq!(id.as_str().as_bytes()[14], b'4', "version 4: {id}");
    }
    let formatted = cultivate::state::uuid_v4([0xff; 16]);
    assert_eq!(formatted, "ffffffff-ffff-4fff-bfff-ffffffffffff");
}

#[wasm_bindgen_test]
fn a_refused_edit_leaves_nothing_half_done() {
    reset();
    browser::save_workspace(&sample_workspace(), 1, now()).unwrap();
    let owner = Owner::new();
    owner.with(|| {
        let state = AppState::init();
        let before = state.ws.get_untracked();
        let c = Id::new("c-negotiators");
        let result = state.edit(|ws| {
            ws.set_polarity(&c, "rhythm", 10, "ok", now())?;
            ws.set_polarity(&c, "interaction", 10, &"x".repeat(20_001), now())
        });
        assert!(result.is_err());
        assert_eq!(state.ws.get_untracked(), before, "the first change was not kept either");
    });
    owner.unset();
}

#[wasm_bindgen_test]
fn a_merge_reviewed_before_an_edit_is_planned_again_so_the_edit_survives() {
    reset();
    browser::save_workspace(&sample_workspace(), 1, now()).unwrap();
    let owner = Owner::new();
    owner.with(|| {
        let state = AppState::init();
        let bundle =
            cultivate::storage::format::CommunityBundle::of(&sample_workspace(), &Id::new("c-testing")).unwrap();
        let text = cultivate::storage::format::encode_community(&bundle, now());
        let doc = state.decode(&text).unwrap();
        let files = vec![("testing.json".to_string(), doc)];
        let seen = state.plan_merge(&files).unwrap();
        // While the review is open, the user adds a role.
        let added = state
            .edit(|ws| ws.add_catalogue_entry(cultivate::model::CatalogueKind::Roles, "Storyteller", "", "", now()))
            .unwrap();
        let err = state.confirm_merge(&files, &seen, &[]).unwrap_err();
        assert!(err.contains("changed while you were reviewing"), "{err}");
        assert_eq!(browser::backups().unwrap().len(), 0, "nothing was done");
        let again = state.plan_merge(&files).unwrap();
        state.confirm_merge(&files, &again, &[]).unwrap();
        assert!(
            state
                .ws
                .with_untracked(|w| w.catalogues.contains(cultivate::model::CatalogueKind::Roles, &added)),
            "the role added during the review is still there"
        );
        assert_eq!(browser::backups().unwrap().len(), 1, "the merge made a backup first");
    });
    owner.unset();
}

#[wasm_bindgen_test]
fn an_edit_stamps_the_changed_record_with_this_browsers_device() {
    reset();
    browser::save_workspace(&sample_workspace(), 1, now()).unwrap();
    let owner = Owner::new();
    owner.with(|| {
        let state = AppState::init();
        assert_eq!(storage().get_item(browser::KEY_DEVICE).unwrap(), None, "nothing is written before a change");
        let person = state.ws.with_untracked(|w| w.people[0].clone());
        state
            .edit(|ws| {
                ws.people[0].notes = "Changed here".into();
                Ok(())
            })
            .unwrap();
        let stored = storage().get_item(browser::KEY_DEVICE).unwrap().expect("a device id is stored");
        // A setting, kept through gloo-storage as JSON text.
        let device: String = serde_json::from_str(&stored).expect("the device id is stored as a JSON string");
        let stamp = state
            .ws
            .with_untracked(|w| w.stamps.get(&format!("people/{}", person.id.as_str())).cloned())
            .expect("the person is stamped");
        assert_eq!(stamp.v.get(&device), Some(&1));
        assert_eq!(state.ws.with_untracked(|w| w.stamps.len()), 1, "only that record");
    });
    owner.unset();
}

#[wasm_bindgen_test]
fn an_import_that_cannot_back_up_first_changes_nothing_and_says_why() {
    reset();
    browser::save_workspace(&sample_workspace(), 1, now()).unwrap();
    let stored_before = storage().get_item(KEY_WORKSPACE).unwrap();
    let owner = Owner::new();
    owner.with(|| {
        let state = AppState::init();
        let mut other = sample_workspace();
        other.name = "From a file".into();
        let text = encode_workspace(&other, now(), 1, true);
        let ImportPlan::Replace { incoming, .. } = state.plan_import("big.json", &text).unwrap() else {
            panic!("a workspace file replaces the workspace");
        };
        let padding = fill_storage();
        let err = state.confirm_import(*incoming, "big.json").unwrap_err();
        assert!(err.contains("too full to back up the current workspace first"), "{err}");
        assert_eq!(
            state.ws.with_untracked(|w| w.name.clone()),
            "Sample: two learning initiatives"
        );
        for k in padding {
            storage().remove_item(&k).unwrap();
        }
    });
    owner.unset();
    assert_eq!(
        storage().get_item(KEY_WORKSPACE).unwrap(),
        stored_before,
        "stored data unchanged"
    );
    assert!(browser::backups().unwrap().is_empty());
}

#[wasm_bindgen_test]
async fn a_picked_file_is_read_as_utf8_without_its_byte_order_mark() {
    let file = |bytes: &[u8]| {
        let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
        web_sys::File::new_with_u8_array_sequence(&parts, "picked.json").unwrap()
    };
    let text = "{\"name\": \"Café ☕ 学习\"}";
    let plain = browser::read_file(&file(text.as_bytes())).await.unwrap();
    assert_eq!(plain, text);
    let with_bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
    assert_eq!(browser::read_file(&file(&with_bom)).await.unwrap(), text);
    // A byte that is not UTF-8 becomes U+FFFD, as File.text() reads it.
    assert_eq!(browser::read_file(&file(b"{\"a\": \"\xFF\"}")).await.unwrap(), "{\"a\": \"\u{FFFD}\"}");
}
