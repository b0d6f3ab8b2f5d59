use leptos::prelude::*;

use crate::model::merge::MergePlan;
use crate::model::Problem;
use crate::state::AppState;
use crate::storage::format::{CommunityBundle, Document, LoadError};
use crate::storage::import::ImportPlan;

use super::{MergeReview, ProblemList};

#[derive(Clone)]
enum Step {
    Idle,
    Reading(String),
    /// A workspace file, checked, waiting for the user to replace or merge. The plan holds
    /// the file's records: the view borrows them and confirming takes them out, so a large
    /// workspace is never copied.
    Preview { file: String, plan: ImportPlan },
    Refused {
        file: String,
        message: String,
        problems: Vec<Problem>,
        total: usize,
    },
    /// Reviewing a merge of one or more files.
    Merge {
        files: Vec<(String, Document)>,
        plan: Box<MergePlan>,
        what: String,
    },
    /// A story-collection file, for a participant to answer.
    Collection { file: String, bundle: Box<CommunityBundle> },
    /// Done, with its summary and the workspace replacement it made (see
    /// `AppState::replaced`).
    Done(String, u64),
}

fn refused(file: String, e: LoadError) -> Step {
    match e {
        LoadError::Invalid { problems, total } => Step::Refused {
            file,
            message: format!(
                "Nothing was imported: the file has {total} problem{}. Your workspace is unchanged.",
                if total == 1 { "" } else { "s" }
            ),
            problems,
            total,
        },
        e => Step::Refused {
            file,
            message: format!("Nothing was imported. {e} Your workspace is unchanged."),
            problems: vec![],
            total: 0,
        },
    }
}

fn merge_step(state: AppState, files: Vec<(String, Document)>, what: String) -> Step {
    match state.plan_merge(&files) {
        Ok(plan) => Step::Merge {
            files,
            plan: Box::new(plan),
            what,
        },
        Err(LoadError::Invalid { problems, total }) => Step::Refused {
            file: String::new(),
            message: format!(
                "Nothing was merged: the merged workspace would have {total} problem{}. Your workspace is unchanged.",
                if total == 1 { "" } else { "s" }
            ),
            problems,
            total,
        },
        Err(e) => Step::Refused {
            file: String::new(),
            message: format!("Nothing was merged. {e} Your workspace is unchanged."),
            problems: vec![],
            total: 0,
        },
    }
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
            let next = match crate::state::read_file(&file).await {
                Err(e) => Step::Refused {
                    file: name,
                    message: format!("The file could not be read: {e}"),
                    problems: vec![],
                    total: 0,
                },
                Ok(text) => match state.plan_import(&name, &text) {
                    Ok(ImportPlan::Collection { bundle }) => Step::Collection { file: name, bundle },
                    Ok(ImportPlan::Merge { plan, what, file }) => Step::Merge {
                        files: vec![(name, *file)],
                        plan,
                        what,
                    },
                    Ok(plan) => Step::Preview { file: name, plan },
                    Err(e) => refused(name, e),
                },
            };
            step.set(next);
        });
    };
    // Several files at once are merged in one step (a facilitator collecting participants'
    // answers); every file is read and checked before anything is planned.
    let take_many = move |list: Vec<web_sys::File>| {
        step.set(Step::Reading(format!("{} files", list.len())));
        leptos::task::spawn_local(async move {
            let mut docs = Vec::new();
            for file in list {
                let name = file.name();
                let text = match crate::state::read_file(&file).await {
                    Ok(t) => t,
                    Err(e) => {
                        step.set(Step::Refused {
                            file: name,
                            message: format!("The file could not be read: {e}. Nothing was merged."),
                            problems: vec![],
                            total: 0,
                        });
                        return;
                    }
                };
                match state.decode(&text) {
                    Ok(doc) => docs.push((name, doc)),
                    Err(e) => {
                        step.set(refused(name, e));
                        return;
                    }
                }
            }
            let what = format!("{} files", docs.len());
            step.set(merge_step(state, docs, what));
        });
    };
    let take_files = move |files: Option<web_sys::FileList>| {
        let Some(files) = files else { return };
        let list: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
        match list.as_slice() {
            [] => {}
            [only] => take_file(only.clone()),
            _ if !state.is_ready() => step.set(Step::Refused {
                file: String::new(),
                message: "Several files can only be merged into a workspace. Start or import a workspace first, then drop them again.".into(),
                problems: vec![],
                total: 0,
            }),
            _ => take_many(list),
        }
    };
    let on_pick = move |_| {
        if let Some(input) = input_ref.get() {
            take_files(input.files());
            input.set_value("");
        }
    };
    // Takes the previewed workspace file out of the step (no copy), leaving `Idle` until
    // the next step is set.
    let take_preview = move || {
        step.try_update_untracked(|s| match std::mem::replace(s, Step::Idle) {
            Step::Preview {
                file,
                plan: ImportPlan::Replace { incoming, .. },
            } => Some((file, incoming)),
            other => {
                *s = other;
                None
            }
        })
        .flatten()
    };
    let confirm = move |_| {
        if let Some((file, incoming)) = take_preview() {
            step.set(match state.confirm_import(*incoming, &file) {
                Ok(summary) => Step::Done(summary, state.replaced.get_untracked()),
                Err(message) => Step::Refused {
                    file,
                    message,
                    problems: vec![],
                    total: 0,
                },
            });
        }
    };

    let merge_instead = move |_| {
        if let Some((file, incoming)) = take_preview() {
            let what = format!("the workspace in {file}");
            step.set(merge_step(state, vec![(file, Document::of_workspace(*incoming))], what));
        }
    };
    let finish = Callback::new(move |result: Result<String, String>| {
        step.set(match result {
            Ok(summary) => Step::Done(summary, state.replaced.get_untracked()),
            Err(message) => Step::Refused {
                file: String::new(),
                message,
                problems: vec![],
                total: 0,
            },
        })
    });
    let cancel = Callback::new(move |()| step.set(Step::Idle));
    let answer = move |bundle: CommunityBundle| match state.participant_start(&bundle) {
        Ok(()) => {
            let navigate = leptos_router::hooks::use_navigate();
            navigate(&crate::ui::href("/participate"), Default::default());
        }
        Err(message) => step.set(Step::Refused {
            file: String::new(),
            message,
            problems: vec![],
            total: 0,
        }),
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
            <p>"Drop a Cultivate .json file here (or several, to merge them all at once), or"</p>
            <div class="field">
                <label for="import-file">"Choose files to import or merge"</label>
                <input id="import-file" type="file" multiple accept=".json,application/json" node_ref=input_ref on:change=on_pick data-testid="import-file"/>
            </div>
        </div>
        {move || step.with(|s| match s {
            Step::Idle => ().into_any(),
            Step::Reading(f) => view! { <p role="status">{format!("Reading {f}…")}</p> }.into_any(),
            // Only until the workspace is replaced again (an undo, say): then it is no longer
            // what the page shows.
            Step::Done(summary, at) => (state.replaced.get() == *at).then(|| view! {
                <div class="banner banner--success" role="status" data-testid="import-done"><p>{summary.clone()}</p></div>
            }).into_any(),
            Step::Refused { file, message, problems, total } => view! {
                <div class="banner banner--error" role="alert" data-testid="import-error">
                    <p>{(!file.is_empty()).then(|| view! { <strong>{file.clone()}": "</strong> })}{message.clone()}</p>
                    {(!problems.is_empty()).then(|| view! { <ProblemList problems=problems.clone() total=*total/> })}
                </div>
            }.into_any(),
            Step::Merge { files, plan, what } => view! {
                <MergeReview files=files.clone() plan=(**plan).clone() what=what.clone() on_finish=finish on_cancel=cancel/>
            }.into_any(),
            Step::Collection { file, bundle } => {
                let prompt = bundle.piece.as_ref().map(|p| p.prompt.clone()).unwrap_or_default();
                let community = bundle.community.name.clone();
                let (file, bundle) = (file.clone(), bundle.clone());
                view! {
                    <div class="card" data-testid="collection-card">
                        <h3 class="card__title">{format!("Stories for {community}")}</h3>
                        <p>{format!("{file} is a story-collection file. Write your value-creation stories with it, then send the answers file back to the facilitator. It does not change your workspace.")}</p>
                        {(!prompt.is_empty()).then(|| view! { <blockquote class="prompt">{prompt}</blockquote> })}
                        <div class="form-actions">
                            <button class="btn btn--primary" data-testid="collection-open" on:click=move |_| answer((*bundle).clone())>"Write my stories"</button>
                            <button class="btn" on:click=move |_| step.set(Step::Idle)>"Cancel"</button>
                        </div>
                    </div>
                }.into_any()
            }
            Step::Preview { file, plan } => {
                let body = match plan {
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
                    ImportPlan::Merge { .. } | ImportPlan::Collection { .. } => ().into_any(),
                };
                let can_merge = state.is_ready();
                view! {
                    <div class="card" data-testid="import-confirm-card">
                        <h3 class="card__title">"Check before importing"</h3>
                        {body}
                        <div class="form-actions">
                            <button class="btn btn--primary" data-testid="import-confirm" on:click=confirm>
                                {if can_merge { "Replace my workspace" } else { "Import" }}
                            </button>
                            {can_merge.then(|| view! {
                                <button class="btn" data-testid="import-merge" on:click=merge_instead>"Merge into my workspace"</button>
                            })}
                            <button class="btn" on:click=move |_| step.set(Step::Idle)>"Cancel"</button>
                        </div>
                    </div>
                }.into_any()
            }
        })}
    }
}
