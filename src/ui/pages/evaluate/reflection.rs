//! The epilogue's reflection: what have we achieved, what challenges lie ahead, and what it
//! means for the community's stage and renewal. Dated; the latest shows on the lifecycle page.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::model::value::ReflectionDraft;
use crate::model::{CatalogueKind, FieldError, Id};
use crate::state::{new_id, now, today, AppState};
use crate::ui::components::{ask, CatalogueSelect, EmptyState, TextField};

use super::{err, form_errors, GeneralError};

#[component]
pub fn ReflectionSection(id: Id) -> impl IntoView {
    let state = AppState::expect();
    let stage0 = state.ws.with_untracked(|w| w.community(&id).map(|c| c.lifecycle_stage_id.0.clone()).unwrap_or_default());
    let on = RwSignal::new(today().to_string());
    let achieved = RwSignal::new(String::new());
    let challenges = RwSignal::new(String::new());
    let decisions = RwSignal::new(String::new());
    let stage = RwSignal::new(stage0);
    let errs = RwSignal::new(Vec::<FieldError>::new());
    let cid = id.clone();
    let save = move |_| {
        let d = ReflectionDraft {
            on: on.get_untracked(),
            achieved: achieved.get_untracked(),
            challenges: challenges.get_untracked(),
            decisions: decisions.get_untracked(),
            stage_id: Some(stage.get_untracked()).filter(|s| !s.is_empty()).map(Id),
        };
        match state.edit(|ws| ws.add_reflection(&cid, new_id(), &d, today(), now())) {
            Ok(()) => {
                errs.set(Vec::new());
                achieved.set(String::new());
                challenges.set(String::new());
                decisions.set(String::new());
                state.notice.set(Some("Saved the reflection.".into()));
            }
            Err(e) => errs.set(form_errors(e)),
        }
    };
    let lid = id.clone();
    let list = Memo::new(move |_| {
        state.ws.with(|w| {
            let Some(c) = w.community(&lid) else { return Vec::new() };
            let mut v: Vec<_> = c
                .evaluation
                .reflections
                .iter()
                .map(|r| (r.id.clone(), r.on, r.achieved.clone(), r.challenges.clone(), r.decisions.clone(), r.stage_id.as_ref().map(|s| w.catalogues.label(CatalogueKind::LifecycleStages, s))))
                .collect();
            v.reverse();
            v
        })
    });
    let did = id.clone();
    view! {
        <section class="section" aria-labelledby="reflect-h">
            <h2 id="reflect-h">"Reflect: what have we achieved, what challenges lie ahead?"</h2>
            <p class="muted">"A periodic reflection of the community with its core group and sponsors (the guidebook's epilogue). It feeds the lifecycle and renewal decisions: carry on, renew the domain, merge, or close well. The latest reflection shows on the "
                <A href=crate::ui::href(&format!("/cultivate/{id}/lifecycle"))>"stage and maturity page"</A>"."</p>
            <div class="card reflection-form">
                <div class="field">
                    <label for="refl-on">"Date"</label>
                    <input id="refl-on" type="date" prop:value=move || on.get() on:change=move |ev| on.set(event_target_value(&ev))/>
                    {move || err(errs, "on").get().map(|m| view! { <p class="field__error">{m}</p> })}
                </div>
                <TextField id="refl-achieved" label="What have we achieved?" value=achieved multiline=true error=err(errs, "achieved")/>
                <TextField id="refl-challenges" label="What challenges lie ahead?" value=challenges multiline=true error=err(errs, "challenges")/>
                <TextField id="refl-decisions" label="What it means for the community's stage and renewal" value=decisions multiline=true hint="Carry on, renew the domain or the core group, merge, split, institutionalise, close" error=err(errs, "decisions")/>
                <CatalogueSelect id="refl-stage" label="Stage at the time" kind=CatalogueKind::LifecycleStages value=stage error=err(errs, "stage_id")/>
                <GeneralError errs/>
                <button type="button" class="btn btn--primary" on:click=save>"Save reflection"</button>
            </div>
        </section>
        <section class="section" aria-labelledby="reflections-h">
            <h2 id="reflections-h">"Reflections so far"</h2>
            {move || {
                let v = list.get();
                if v.is_empty() {
                    return view! { <EmptyState message="No reflections yet."/> }.into_any();
                }
                view! {
                    <ol class="reflection-list" reversed>
                        {v.into_iter().map(|(rid, on, a, c, d, stage)| {
                            let cid = did.clone();
                            let label = format!("Delete the reflection of {on}");
                            view! {
                                <li class="card">
                                    <h3>{format!("Reflection of {on}")}{stage.map(|s| format!(" · {s}"))}</h3>
                                    {(!a.is_empty()).then(|| view! { <h4>"Achieved"</h4><p class="pre-line">{a}</p> })}
                                    {(!c.is_empty()).then(|| view! { <h4>"Challenges ahead"</h4><p class="pre-line">{c}</p> })}
                                    {(!d.is_empty()).then(|| view! { <h4>"Decisions"</h4><p class="pre-line">{d}</p> })}
                                    <button type="button" class="btn btn--small btn--ghost no-print" aria-label=label on:click=move |_| {
                                        let (cid, rid) = (cid.clone(), rid.clone());
                                        ask("Delete this reflection?", vec![format!("The reflection of {on} will be removed.")], "Delete reflection", move || {
                                            let _ = state.edit(|ws| ws.delete_reflection(&cid, &rid, now()));
                                        });
                                    }>"Delete"</button>
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
        </section>
    }
}

/// The latest reflection, for the lifecycle page: it feeds the stage and renewal decisions.
#[component]
pub fn LatestReflection(id: Id) -> impl IntoView {
    let state = AppState::expect();
    let cid = id.clone();
    let latest = Memo::new(move |_| {
        state.ws.with(|w| {
            w.community(&cid).and_then(crate::model::value::ops::latest_reflection).map(|r| (r.on, r.achieved.clone(), r.challenges.clone(), r.decisions.clone()))
        })
    });
    let href = crate::ui::href(&format!("/evaluate/{id}/reflection"));
    view! {
        <aside class="card latest-reflection" aria-labelledby="latest-reflection-h" data-testid="latest-reflection">
            <h3 id="latest-reflection-h">"Latest reflection"</h3>
            {move || match latest.get() {
                None => view! { <p class="muted">"No reflection yet: what has the community achieved, what challenges lie ahead? Reflect before deciding on the stage or renewal."</p> }.into_any(),
                Some((on, a, c, d)) => view! {
                    <p class="muted">{format!("Reflected on {on}")}</p>
                    {(!a.is_empty()).then(|| view! { <p class="pre-line"><strong>"Achieved: "</strong>{a}</p> })}
                    {(!c.is_empty()).then(|| view! { <p class="pre-line"><strong>"Challenges ahead: "</strong>{c}</p> })}
                    {(!d.is_empty()).then(|| view! { <p class="pre-line"><strong>"Decisions: "</strong>{d}</p> })}
                }.into_any(),
            }}
            <p class="no-print"><A href=href.clone()>"Reflect on what has been achieved"</A></p>
        </aside>
    }
}
