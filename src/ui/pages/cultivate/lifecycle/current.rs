//! The stage ladder, the current stage with its tension, and the cultivation task checklists.

use leptos::prelude::*;

use crate::model::lifecycle::{at_stage_since, last_change_on, tasks_done_of};
use crate::model::{CatalogueKind, Id};
use crate::state::{now, AppState};

/// One rung of the ladder: stage id, label, tasks done, tasks in all.
type Rung = (Id, String, usize, usize);

#[component]
pub fn CurrentStage(id: Id) -> impl IntoView {
    let state = AppState::expect();
    let current = {
        let id = id.clone();
        Memo::new(move |_| {
            state
                .ws
                .with(|w| w.community(&id).map(|c| c.lifecycle_stage_id.clone()))
        })
    };
    let ladder = {
        let id = id.clone();
        Memo::new(move |_| {
            state.ws.with(|w| {
                let Some(c) = w.community(&id) else { return Vec::new() };
                w.catalogues
                    .get(CatalogueKind::LifecycleStages)
                    .iter()
                    .map(|s| {
                        let (done, total) = tasks_done_of(&w.catalogues, c, &s.id);
                        (s.id.clone(), s.label.clone(), done, total)
                    })
                    .collect::<Vec<Rung>>()
            })
        })
    };
    // What the card says about the current stage; rebuilt only when it changes.
    let about = {
        let id = id.clone();
        Memo::new(move |_| {
            state.ws.with(|w| {
                let c = w.community(&id)?;
                let stage = &c.lifecycle_stage_id;
                let entry = w.catalogues.entry(CatalogueKind::LifecycleStages, stage);
                let tensions: Vec<(String, String)> = w
                    .catalogues
                    .children(CatalogueKind::StageTensions, stage)
                    .map(|t| (t.label.clone(), t.description.clone()))
                    .collect();
                let since = match (at_stage_since(c), last_change_on(c)) {
                    (Some(moved), Some(last)) if last > moved => {
                        format!("At this stage since {moved}; confirmed again on {last}.")
                    }
                    (Some(moved), _) => format!("At this stage since {moved}."),
                    (None, Some(last)) => {
                        format!("At this stage since the community was added; confirmed on {last}.")
                    }
                    (None, None) => "Set when the community was added; no change recorded yet.".to_string(),
                };
                Some((
                    entry.map(|e| e.label.clone()).unwrap_or_else(|| stage.to_string()),
                    entry.map(|e| e.description.clone()).unwrap_or_default(),
                    since,
                    tensions,
                ))
            })
        })
    };
    let tasks_of = move |w: &crate::model::Workspace, stage: &Id| {
        w.catalogues
            .children(CatalogueKind::StageTasks, stage)
            .map(|t| (t.id.clone(), t.label.clone(), t.description.clone()))
            .collect::<Vec<_>>()
    };
    let tasks = Memo::new(move |_| {
        let stage = current.get();
        state.ws.with(|w| stage.map(|s| tasks_of(w, &s)).unwrap_or_default())
    });
    let counts = {
        let id = id.clone();
        Memo::new(move |_| {
            state.ws.with(|w| {
                let c = w.community(&id)?;
                Some(tasks_done_of(&w.catalogues, c, &c.lifecycle_stage_id))
            })
        })
    };
    // The other stages with their tasks; equal from one edit to the next unless the stage or
    // the catalogue changes, so ticking a task never rebuilds (and closes) the list.
    let other_stages = Memo::new(move |_| {
        let cur = current.get();
        state.ws.with(|w| {
            w.catalogues
                .get(CatalogueKind::LifecycleStages)
                .iter()
                .filter(|s| Some(&s.id) != cur.as_ref())
                .map(|s| (s.id.clone(), s.label.clone(), tasks_of(w, &s.id)))
                .filter(|(_, _, t)| !t.is_empty())
                .collect::<Vec<_>>()
        })
    });
    let message = RwSignal::new(None::<String>);
    let task_id = id.clone();

    view! {
        <ol class="stage-ladder" aria-label="Lifecycle stages, in order" data-testid="stage-ladder">
            {move || {
                let cur = current.get();
                ladder.get().into_iter().map(|(s, label, done, total)| {
                    let is_current = Some(&s) == cur.as_ref();
                    view! {
                        <li class="stage-ladder__rung" class:stage-ladder__rung--current=is_current aria-current=is_current.then_some("step")>
                            <span class="stage-ladder__name">{label}</span>
                            {if is_current {
                                view! { <span class="tag tag--stage">"Current stage"</span> }.into_any()
                            } else {
                                view! { <span class="stage-ladder__tasks">{(total > 0).then(|| format!("{done} of {total} tasks done"))}</span> }.into_any()
                            }}
                        </li>
                    }
                }).collect_view()
            }}
        </ol>
        {move || about.get().map(|(label, description, since, tensions)| {
            let task_id = task_id.clone();
            view! {
                <div class="card stage-card" data-testid="current-stage">
                    <h3 class="card__title">{format!("Current stage: {label}")}</h3>
                    <p class="muted stage-card__since">{since}</p>
                    {(!description.is_empty()).then(|| view! { <p>{description}</p> })}
                    {tensions.into_iter().map(|(t, d)| view! {
                        <div class="stage-tension">
                            <p class="stage-tension__title"><strong>"Typical tension: "</strong>{t}</p>
                            {(!d.is_empty()).then(|| view! { <p>{d}</p> })}
                        </div>
                    }).collect_view()}
                    <h4 id="stage-tasks-h" class="stage-card__tasks-h">
                        "Cultivation tasks for this stage"
                        <span class="muted stage-card__count">{move || counts.get().map(|(done, total)| format!(" · {done} of {total} done"))}</span>
                    </h4>
                    {move || tasks.with(|t| t.is_empty()).then(|| view! {
                        <p class="muted">"This stage has no cultivation tasks in the catalogue; add some on the Data page."</p>
                    })}
                    <ul class="task-list" aria-labelledby="stage-tasks-h" data-testid="stage-tasks">
                        <For each=move || tasks.get() key=|t| t.0.clone() let:t>
                            <TaskItem community=task_id.clone() task=t.0 label=t.1 description=t.2 message/>
                        </For>
                    </ul>
                    {move || message.get().map(|m| view! { <p class="field__error" role="alert">{m}</p> })}
                </div>
            }
        })}
        {move || (!other_stages.with(|o| o.is_empty())).then(|| {
            let id = id.clone();
            view! {
                <details class="other-tasks no-print">
                    <summary>"Cultivation tasks of the other stages"</summary>
                    <For each=move || other_stages.get() key=|s| s.0.clone() let:s>
                        {
                            let heading = format!("other-tasks-{}", s.0);
                            let id = id.clone();
                            view! {
                                <h4 id=heading.clone()>{s.1}</h4>
                                <ul class="task-list" aria-labelledby=heading>
                                    {s.2.into_iter().map(|t| view! {
                                        <TaskItem community=id.clone() task=t.0 label=t.1 description=t.2 message/>
                                    }).collect_view()}
                                </ul>
                            }
                        }
                    </For>
                </details>
            }
        })}
    }
}

/// One task with its tick, saved at once.
#[component]
fn TaskItem(
    community: Id,
    task: Id,
    label: String,
    description: String,
    message: RwSignal<Option<String>>,
) -> impl IntoView {
    let state = AppState::expect();
    let done = {
        let (community, task) = (community.clone(), task.clone());
        move || {
            state.ws.with(|w| {
                w.community(&community)
                    .is_some_and(|c| c.cultivation.tasks_done.contains(&task))
            })
        }
    };
    let input_id = format!("task-{task}");
    let hint_id = format!("{input_id}-hint");
    let has_hint = !description.is_empty();
    let toggle = move |ev: leptos::ev::Event| {
        let checked = event_target_checked(&ev);
        match state.edit(|ws| ws.set_stage_task(&community, &task, checked, now())) {
            Ok(()) => message.set(None),
            Err(e) => message.set(Some(e.to_string())),
        }
    };
    view! {
        <li class="task">
            <input
                id=input_id.clone()
                type="checkbox"
                aria-describedby=has_hint.then(|| hint_id.clone())
                prop:checked=done
                on:change=toggle
            />
            <div class="task__text">
                <label for=input_id>{label}</label>
                {has_hint.then(|| view! { <p class="field__hint" id=hint_id>{description}</p> })}
            </div>
        </li>
    }
}
