use leptos::prelude::*;
use leptos_router::components::A;

use crate::model::{CatalogueKind, ModelError};
use crate::state::AppState;
use crate::ui::components::{EmptyState, TextField};

use super::use_title;

/// The workspace overview.
#[component]
pub fn HomePage() -> impl IntoView {
    let state = AppState::expect();
    use_title(move || state.ws.with(|w| w.name.clone()));
    let counts = move || {
        state.ws.with(|w| {
            let members: usize = w.communities.iter().map(|c| c.memberships.len()).sum();
            (w.communities.len(), w.people.len(), w.organisations.len(), members)
        })
    };
    let communities = move || {
        state.ws.with(|w| {
            w.communities
                .iter()
                .map(|c| {
                    (
                        c.id.clone(),
                        c.name.clone(),
                        w.catalogues
                            .label(CatalogueKind::LifecycleStages, &c.lifecycle_stage_id),
                        w.catalogues.label(CatalogueKind::FormationTypes, &c.formation_type_id),
                        c.memberships.len(),
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    let editing = RwSignal::new(false);
    view! {
        <div class="page-header">
            <h1>{move || state.ws.with(|w| w.name.clone())}</h1>
            {move || state.ws.with(|w| (!w.description.is_empty()).then(|| view! { <p class="lede">{w.description.clone()}</p> }))}
            <div class="page-actions">
                <A href=crate::ui::href("/communities/new") attr:class="btn btn--primary">"New community"</A>
                <button class="btn" on:click=move |_| editing.update(|e| *e = !*e) aria-expanded=move || editing.get().to_string()>"Rename workspace"</button>
            </div>
        </div>
        {move || editing.get().then(|| view! { <RenameWorkspace done=move || editing.set(false)/> })}
        <div class="stat-row" data-testid="stats">
            {move || {
                let (c, p, o, m) = counts();
                view! {
                    <div class="stat"><span class="stat__value">{c}</span><span class="stat__label">"communities"</span></div>
                    <div class="stat"><span class="stat__value">{p}</span><span class="stat__label">"people"</span></div>
                    <div class="stat"><span class="stat__value">{o}</span><span class="stat__label">"organisations"</span></div>
                    <div class="stat"><span class="stat__value">{m}</span><span class="stat__label">"memberships"</span></div>
                }
            }}
        </div>
        <section class="section" aria-labelledby="home-communities">
            <h2 id="home-communities">"Communities"</h2>
            {move || {
                let list = communities();
                if list.is_empty() {
                    view! {
                        <EmptyState message="No communities yet. A community of practice starts with a domain people care about and a few people ready to learn together.">
                            <A href=crate::ui::href("/communities/new") attr:class="btn btn--primary">"Create the first community"</A>
                        </EmptyState>
                    }.into_any()
                } else {
                    view! {
                        <div class="card-grid">
                            {list.into_iter().map(|(id, name, stage, kind, members)| view! {
                                <article class="card card--link">
                                    <h3 class="card__title"><A href=crate::ui::href(&format!("/communities/{id}"))>{name}</A></h3>
                                    <p class="card__meta">{format!("{kind} · {members} member{}", if members == 1 { "" } else { "s" })}</p>
                                    <span class="tag tag--stage">{stage}</span>
                                </article>
                            }).collect_view()}
                        </div>
                    }.into_any()
                }
            }}
        </section>
        <section class="section" aria-labelledby="home-areas">
            <h2 id="home-areas">"Work through the guidebook"</h2>
            <div class="card-grid">
                <article class="card card--link"><h3 class="card__title"><A href=crate::ui::href("/introduction")>"Introduction"</A></h3><p>"What a community of practice is, and how it differs from a team or a network."</p></article>
                <article class="card card--link"><h3 class="card__title"><A href=crate::ui::href("/organisation")>"Organisation"</A></h3><p>"Fit, roles, capacity building, success and risk factors, indicators."</p></article>
                <article class="card card--link"><h3 class="card__title"><A href=crate::ui::href("/cultivate")>"Cultivate"</A></h3><p>"Forming a community, its lifecycle, phases and maturity."</p></article>
                <article class="card card--link"><h3 class="card__title"><A href=crate::ui::href("/facilitate")>"Facilitate"</A></h3><p>"Designing and running meetings and activities."</p></article>
                <article class="card card--link"><h3 class="card__title"><A href=crate::ui::href("/technology")>"Technology"</A></h3><p>"The community's digital habitat: tools and their stewardship."</p></article>
                <article class="card card--link"><h3 class="card__title"><A href=crate::ui::href("/evaluate")>"Evaluate"</A></h3><p>"Value-creation cycles, indicators and stories."</p></article>
            </div>
        </section>
    }
}

#[component]
fn RenameWorkspace(done: impl Fn() + Clone + Send + Sync + 'static) -> impl IntoView {
    let state = AppState::expect();
    let (n, d) = state.ws.with_untracked(|w| (w.name.clone(), w.description.clone()));
    let name = RwSignal::new(n);
    let description = RwSignal::new(d);
    let errors = RwSignal::new(Vec::new());
    let done2 = done.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match state.edit(|ws| ws.rename(&name.get_untracked(), &description.get_untracked(), crate::state::now())) {
            Ok(()) => done(),
            Err(ModelError::Invalid(e)) => errors.set(e),
            Err(e) => errors.set(vec![crate::model::FieldError::new("name", e.to_string())]),
        }
    };
    let err = move |f: &'static str| Signal::derive(move || crate::model::field_error(&errors.read(), f));
    view! {
        <form class="form card" on:submit=submit>
            <TextField id="ws-name" label="Workspace name" value=name required=true error=err("name")/>
            <TextField id="ws-description" label="Description" value=description multiline=true error=err("description")/>
            <div class="form-actions">
                <button class="btn btn--primary" type="submit">"Save"</button>
                <button class="btn" type="button" on:click=move |_| done2()>"Cancel"</button>
            </div>
        </form>
    }
}
