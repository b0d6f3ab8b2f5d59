//! A community's page: its domain, its members and its practice.

mod domain_section;
mod follow_ups;
mod member_row;
mod members_section;
mod practice_section;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};

use crate::model::{CatalogueKind, Id};
use crate::state::{now, AppState};
use crate::ui::components::ask;

use super::communities::CommunityForm;
use super::use_title;
use domain_section::DomainSection;
use members_section::MembersSection;
use practice_section::PracticeSection;
pub use follow_ups::FollowUpList;

#[component]
pub fn CommunityPage() -> impl IntoView {
    let state = AppState::expect();
    let params = use_params_map();
    let id = Memo::new(move |_| Id(params.read().get("id").unwrap_or_default()));
    let exists = Memo::new(move |_| state.ws.with(|w| w.community(&id.get()).is_some()));
    use_title(move || {
        state.ws.with(|w| {
            w.community(&id.get())
                .map(|c| c.name.clone())
                .unwrap_or_else(|| "Community not found".into())
        })
    });
    move || {
        if !exists.get() {
            return view! {
                <div class="page-header"><h1>"Community not found"</h1></div>
                <p>"It may have been deleted, or the link is wrong."</p>
                <A href=crate::ui::href("/communities")>"All communities"</A>
            }
            .into_any();
        }
        let id = id.get();
        view! { <CommunityDetail id/> }.into_any()
    }
}

#[component]
fn CommunityDetail(id: Id) -> impl IntoView {
    let state = AppState::expect();
    let navigate = use_navigate();
    let editing = RwSignal::new(false);
    let message = RwSignal::new(None::<String>);
    let cid = id.clone();
    let facts = Memo::new(move |_| {
        state.ws.with(|w| {
            w.community(&cid).map(|c| {
                let orgs: Vec<String> = c.organisation_ids.iter().map(|o| w.organisation_name(o)).collect();
                (
                    c.name.clone(),
                    w.catalogues.label(CatalogueKind::FormationTypes, &c.formation_type_id),
                    w.catalogues
                        .label(CatalogueKind::LifecycleStages, &c.lifecycle_stage_id),
                    orgs,
                )
            })
        })
    });
    let export = {
        let id = id.clone();
        move |_| {
            message.set(Some(match state.export_community(&id) {
                Ok(name) => format!("Exported {name}."),
                Err(e) => format!("The export failed: {e}"),
            }))
        }
    };
    let delete = {
        let id = id.clone();
        move |_| {
            let (name, members, items) = state.ws.with_untracked(|w| {
                w.community(&id)
                    .map(|c| (c.name.clone(), c.memberships.len(), c.practice.len()))
                    .unwrap_or_default()
            });
            let id = id.clone();
            let navigate = navigate.clone();
            ask(
                format!("Delete {name}?"),
                vec![
                    format!("This deletes the community with its {members} memberships and {items} repertoire items. The people stay in the workspace."),
                    "Export the community first if you may want it back.".into(),
                ],
                "Delete community",
                move || {
                    if state.edit(|ws| ws.delete_community(&id, now())).is_ok() {
                        state.notice.set(Some(format!("Deleted the community {name}.")));
                        navigate("/communities", Default::default());
                    }
                },
            );
        }
    };
    let edit_id = id.clone();
    let id_for_link = id.clone();
    view! {
        <div class="page-header">
            <h1>{move || facts.get().map(|f| f.0).unwrap_or_default()}</h1>
            <p class="cluster">
                {move || facts.get().map(|(_, kind, stage, orgs)| view! {
                    <span class="tag">{kind}</span>
                    <span class="tag tag--stage">{format!("Stage: {stage}")}</span>
                    {orgs.into_iter().map(|o| view! { <span class="tag">{o}</span> }).collect_view()}
                })}
            </p>
            <div class="page-actions">
                <button class="btn" on:click=move |_| editing.update(|e| *e = !*e) aria-expanded=move || editing.get().to_string()>"Edit details"</button>
                <A href=crate::ui::href(&format!("/cultivate/{}", id_for_link)) attr:class="btn">"Participation map"</A>
                <A href=crate::ui::href(&format!("/technology/{}", id_for_link)) attr:class="btn">"Digital habitat"</A>
                <button class="btn" on:click=export data-testid="export-community">"Export community"</button>
                <button class="btn btn--danger" on:click=delete>"Delete…"</button>
            </div>
            {move || message.get().map(|m| view! { <p role="status">{m}</p> })}
        </div>
        {move || editing.get().then(|| {
            let id = edit_id.clone();
            view! {
                <section class="card section" aria-label="Edit details">
                    <CommunityForm editing=Some(id) submit_label="Save details" on_saved=move |_| editing.set(false)/>
                </section>
            }
        })}
        <DomainSection id=id.clone()/>
        <MembersSection id=id.clone()/>
        <follow_ups::FollowUpsSection id=id.clone()/>
        <PracticeSection id=id/>
    }
}
