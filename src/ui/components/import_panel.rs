use leptos::prelude::*;

use crate::model::Problem;
use crate::state::AppState;
use crate::storage::format::{Document, LoadError};
use crate::storage::import::ImportPlan;

use super::ProblemList;

#[derive(Clone)]
enum Step {
    Idle,
    Reading(String),
    Preview {
        file: String,
        doc: Box<Document>,
        plan: ImportPlan,
    },
    Refused {
        file: String,
        message: String,
        problems: Vec<Problem>,
        total: usize,
    },
    Done(String),
}

/// Import a JSON file, by picker or by drag and drop: parse, migrate, validate everything,
/// preview, then confirm. A bad file changes nothing; a good one replaces the workspace only
/// after a backup, and can be undone.
#[component]
pub fn ImportPanel() -> impl IntoView {
    let state = AppState::expect();
    let step = RwSignal::new(Step::Idle);
    let dragover = RwSignal::new(false);
    let input_ref = NodeRef::<leptos::html::Input>::new();

    let take_file = move |file: web_sys::File| {
        let name = file.name();
        step.set(Step::Reading(name.clone()));
        leptos::task::spawn_local(async move {
            let next = match crate::storage::browser::read_file(&file).await {
                Err(e) => Step::Refused {
                    file: name,
                    message: format!("The file could not be read: {e}"),
                    problems: vec![],
                    total: 0,
                },
                Ok(text) => match state.plan_import(&text) {
                    Ok((doc, plan)) => Step::Preview {
                        file: name,
                        doc: Box::new(doc),
                        plan,
                    },
                    Err(LoadError::Invalid { problems, total }) => Step::Refused {
                        file: name,
                        message: format!(
                            "Nothing was imported: the file has {total} problem{}. Your workspace is unchanged.",
                            if total == 1 { "" } else { "s" }
                        ),
                        problems,
                        total,
                    },
                    Err(e) => Step::Refused {
                        file: name,
                        message: format!("Nothing was imported. {e} Your workspace is unchanged."),
                        problems: vec![],
                        total: 0,
                    },
                },
            };
            step.set(next);
        });
    };
    let take_files = move |files: Option<web_sys::FileList>| {
        let Some(files) = files else { return };
        if files.length() > 1 {
            step.set(Step::Refused {
                file: String::new(),
                message: "Drop one file at a time.".into(),
                problems: vec![],
                total: 0,
            });
            return;
        }
        if let Some(f) = files.get(0) {
            take_file(f);
        }
    };
    let on_pick = move |_| {
        if let Some(input) = input_ref.get() {
            take_files(input.files());
            input.set_value("");
        }
    };
    let confirm = move |_| {
        if let Step::Preview { file, doc, .. } = step.get_untracked() {
            step.set(match state.confirm_import(*doc, &file) {
                Ok(summary) => Step::Done(summary),
                Err(message) => Step::Refused {
                    file,
                    message,
                    problems: vec![],
                    total: 0,
                },
            });
        }
    };

    view! {
        <div
            class="dropzone"
            class:is-dragover=move || dragover.get()
            data-testid="dropzone"
            on:dragover=move |ev: web_sys::DragEvent| {
                ev.prevent_default();
                dragover.set(true);
            }
            on:dragleave=move |_| dragover.set(false)
            on:drop=move |ev: web_sys::DragEvent| {
                ev.prevent_default();
                dragover.set(false);
                take_files(ev.data_transfer().and_then(|d| d.files()));
            }
        >
            <p>"Drop a Cultivate .json file here, or"</p>
            <div class="field">
                <label for="import-file">"Choose a file to import"</label>
                <input id="import-file" type="file" accept=".json,application/json" node_ref=input_ref on:change=on_pick data-testid="import-file"/>
            </div>
        </div>
        {move || match step.get() {
            Step::Idle => ().into_any(),
            Step::Reading(f) => view! { <p role="status">{format!("Reading {f}…")}</p> }.into_any(),
            Step::Done(summary) => view! {
                <div class="banner banner--success" role="status" data-testid="import-done"><p>{summary}</p></div>
            }.into_any(),
            Step::Refused { file, message, problems, total } => view! {
                <div class="banner banner--error" role="alert" data-testid="import-error">
                    <p>{(!file.is_empty()).then(|| view! { <strong>{file}": "</strong> })}{message}</p>
                    {(!problems.is_empty()).then(|| view! { <ProblemList problems total/> })}
                </div>
            }.into_any(),
            Step::Preview { file, plan, .. } => {
                let body = match &plan {
                    ImportPlan::Replace { incoming, incoming_counts, current_counts } => {
                        let current = current_counts.as_ref().map(|c| (state.ws.with_untracked(|w| w.name.clone()), c.describe()));
                        view! {
                            <dl class="preview" data-testid="import-preview">
                                <dt>"File"</dt><dd>{file.clone()}</dd>
                                <dt>"Workspace in the file"</dt><dd>{incoming.name.clone()}</dd>
                                <dt>"It holds"</dt><dd>{incoming_counts.describe()}</dd>
                                {current.map(|(name, counts)| view! {
                                    <dt>"It replaces"</dt>
                                    <dd>{format!("your workspace {name} ({counts}). A backup is made first, and you can undo the import.")}</dd>
                                })}
                            </dl>
                        }.into_any()
                    }
                    ImportPlan::AddCommunity { community, replaces_existing, new_people, new_organisations, new_catalogue_entries, .. } => view! {
                        <dl class="preview" data-testid="import-preview">
                            <dt>"File"</dt><dd>{file.clone()}</dd>
                            <dt>"Community"</dt>
                            <dd>{format!("{community}{}", if *replaces_existing { " — replaces the community with the same id in your workspace" } else { " — added to your workspace" })}</dd>
                            <dt>"Also adds"</dt>
                            <dd>{format!("{new_people} people, {new_organisations} organisations and {new_catalogue_entries} catalogue entries that your workspace does not have yet")}</dd>
                            <dt>"Safety"</dt><dd>"A backup of your workspace is made first, and you can undo."</dd>
                        </dl>
                    }.into_any(),
                };
                view! {
                    <div class="card" data-testid="import-confirm-card">
                        <h3 class="card__title">"Check before importing"</h3>
                        {body}
                        <div class="form-actions">
                            <button class="btn btn--primary" data-testid="import-confirm" on:click=confirm>"Import"</button>
                            <button class="btn" on:click=move |_| step.set(Step::Idle)>"Cancel"</button>
                        </div>
                    </div>
                }.into_any()
            }
        }}
    }
}
