use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use crate::model::{field_error, CatalogueKind, CommunityDraft, FieldError, Id, ModelError};
use crate::state::{new_id, now, AppState};
use crate::ui::components::{CatalogueSelect, EmptyState, TextField};

use super::use_title;

/// All communities, with their type, stage and size.
#[component]
pub fn CommunitiesPage() -> impl IntoView {
    let state = AppState::expect();
    use_title(|| "Communities".into());
    let rows = move || {
        state.ws.with(|w| {
            w.communities
                .iter()
                .map(|c| {
                    let orgs: Vec<String> = c.organisation_ids.iter().map(|o| w.organisation_name(o)).collect();
                    (
                        c.id.clone(),
                        c.name.clone(),
                        w.catalogues.label(CatalogueKind::FormationTypes, &c.formation_type_id),
                        w.catalogues
                            .label(CatalogueKind::LifecycleStages, &c.lifecycle_stage_id),
                        c.memberships.len(),
                        orgs.join(", "),
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div class="page-header">
            <h1>"Communities"</h1>
            <p class="lede">"Each community has a domain (what it is about), a community (who learns together) and a practice (what members build and share)."</p>
            <div class="page-actions">
                <A href=crate::ui::href("/communities/new") attr:class="btn btn--primary">"New community"</A>
            </div>
        </div>
        {move || {
            let rows = rows();
            if rows.is_empty() {
                view! {
                    <EmptyState message="No communities yet.">
                        <A href=crate::ui::href("/communities/new") attr:class="btn btn--primary">"Create the first community"</A>
                    </EmptyState>
                }.into_any()
            } else {
                view! {
                    <div class="table-wrap" tabindex="0" role="region" aria-label="Scrollable table">
                        <table class="data-table" data-testid="communities-table">
                            <caption class="visually-hidden">"Communities in this workspace"</caption>
                            <thead><tr><th scope="col">"Name"</th><th scope="col">"Type"</th><th scope="col">"Stage"</th><th scope="col">"Organisations"</th><th scope="col" class="num">"Members"</th></tr></thead>
                            <tbody>
                                <For each=move || rows.clone() key=|r| r.clone() let:r>
                                    <tr>
                                        <td><A href=crate::ui::href(&format!("/communities/{}", r.0))>{r.1}</A></td>
                                        <td>{r.2}</td>
                                        <td><span class="tag tag--stage">{r.3}</span></td>
                                        <td>{r.5}</td>
                                        <td class="num">{r.4}</td>
                                    </tr>
                                </For>
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }
        }}
    }
}

/// The form for a community's basic facts, used to create and to edit.
#[component]
pub fn CommunityForm(
    /// `None` to create a new community.
    editing: Option<Id>,
    #[prop(into)] submit_label: String,
    on_saved: impl Fn(Id) + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let state = AppState::expect();
    let initial = state
        .ws
        .with_untracked(|ws| match editing.as_ref().and_then(|id| ws.community(id)) {
            Some(c) => CommunityDraft::of(c),
            None => CommunityDraft::new_in(ws),
        });
    let name = RwSignal::new(initial.name);
    let formation = RwSignal::new(initial.formation_type_id.0);
    let stage = RwSignal::new(initial.lifecycle_stage_id.0);
    let statement = RwSignal::new(initial.domain_statement);
    let orgs = RwSignal::new(initial.organisation_ids);
    let attempted = RwSignal::new(false);
    let draft = move || CommunityDraft {
        name: name.get(),
        formation_type_id: Id(formation.get()),
        lifecycle_stage_id: Id(stage.get()),
        organisation_ids: orgs.get(),
        domain_statement: statement.get(),
    };
    let form_error = RwSignal::new(None::<String>);
    // Inline messages appear after the first attempt and then follow every keystroke.
    let problems = Memo::new(move |_| {
        if attempted.get() {
            state.ws.with(|ws| draft().problems(ws))
        } else {
            Vec::<FieldError>::new()
        }
    });
    let err = move |f: &'static str| Signal::derive(move || field_error(&problems.read(), f));
    let editing_id = editing.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        attempted.set(true);
        let d = draft();
        let result = match &editing_id {
            Some(id) => state.edit(|ws| ws.update_community(id, &d, now())).map(|_| id.clone()),
            None => {
                let id = new_id();
                state.edit(|ws| ws.add_community(id.clone(), &d, now())).map(|_| id)
            }
        };
        match result {
            Ok(id) => on_saved(id),
            Err(ModelError::Invalid(_)) => {}
            Err(e) => form_error.set(Some(e.to_string())),
        }
    };
    let org_options = move || {
        state.ws.with(|w| {
            w.organisations
                .iter()
                .map(|o| (o.id.clone(), o.name.clone()))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <form class="form" on:submit=submit novalidate>
            <TextField id="community-name" label="Name" value=name required=true error=err("name")/>
            <div class="field-row">
                <CatalogueSelect id="community-formation" label="Formation type" kind=CatalogueKind::FormationTypes value=formation error=err("formation_type_id")/>
                <CatalogueSelect id="community-stage" label="Lifecycle stage" kind=CatalogueKind::LifecycleStages value=stage error=err("lifecycle_stage_id")/>
            </div>
            <TextField
                id="community-domain"
                label="Domain statement"
                value=statement
                multiline=true
                hint="What the community is about: the shared concern or passion, and why it matters. Key issues can be added on the community's page."
                error=err("domain_statement")
            />
            <fieldset class="checkbox-list">
                <legend>"Organisations it spans"</legend>
                {move || {
                    let options = org_options();
                    if options.is_empty() {
                        view! { <p class="muted">"No organisations yet. Add them on the People & organisations page; a community can span several."</p> }.into_any()
                    } else {
                        options.into_iter().map(|(id, label)| {
                            let checked = { let id = id.clone(); move || orgs.with(|o| o.contains(&id)) };
                            let toggle = {
                                let id = id.clone();
                                move |_| orgs.update(|o| if let Some(i) = o.iter().position(|x| x == &id) { o.remove(i); } else { o.push(id.clone()); })
                            };
                            view! { <label class="check"><input type="checkbox" prop:checked=checked on:change=toggle/>{label}</label> }
                        }).collect_view().into_any()
                    }
                }}
                {move || err("organisation_ids").get().map(|e| view! { <p class="field__error">{e}</p> })}
            </fieldset>
            {move || form_error.get().map(|e| view! { <p class="field__error" role="alert">{e}</p> })}
            <div class="form-actions">
                <button class="btn btn--primary" type="submit">{submit_label}</button>
            </div>
        </form>
    }
}

#[component]
pub fn NewCommunityPage() -> impl IntoView {
    use_title(|| "New community".into());
    let navigate = use_navigate();
    view! {
        <div class="page-header">
            <h1>"New community"</h1>
            <p class="lede">"Start with the essentials. You can add members, key issues and the practice on the community's page."</p>
        </div>
        <CommunityForm editing=None submit_label="Create community" on_saved=move |id: Id| navigate(&format!("/communities/{id}"), Default::default())/>
    }
}
