//! Saving a chooser result: against an existing community (offering, never forcing, to
//! set its formation type to match) or a new community created from it.

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::model::chooser::{formation_for_new, matching_formation, recommend};
use crate::model::limits::{too_long, LONG_MAX};
use crate::model::{field_error, CatalogueKind, CommunityDraft, FieldError, FieldErrors, Id, ModelError};
use crate::state::{new_id, now, today, AppState};
use crate::ui::components::{SelectField, TextField};

use super::Run;

#[component]
pub fn ChooserSave(run: Run) -> impl IntoView {
    let state = AppState::expect();
    let has_communities = state.ws.with_untracked(|w| !w.communities.is_empty());
    let mode = RwSignal::new(if has_communities { "existing" } else { "new" }.to_string());
    // A result reviewed from the saved list starts on its own community.
    let community = RwSignal::new(run.loaded_from.get_untracked().map(|(c, _)| c.0).unwrap_or_default());
    let name = RwSignal::new(String::new());
    let on = RwSignal::new(today().to_string());
    let note = RwSignal::new(String::new());
    let set_formation = RwSignal::new(false);
    let tried = RwSignal::new(false);
    let failure = RwSignal::new(None::<String>);
    let saved = RwSignal::new(None::<(Id, String)>);

    let recommended = Memo::new(move |_| {
        state.ws.with(|w| {
            run.answers
                .with(|a| recommend(&w.catalogues, a).map(|r| r.structure_id().clone()))
        })
    });
    let communities = Signal::derive(move || {
        state.ws.with(|w| {
            w.communities
                .iter()
                .map(|c| (c.id.0.clone(), c.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let problems = move || -> FieldErrors {
        let mut e = Vec::new();
        if NaiveDate::parse_from_str(on.get().trim(), "%Y-%m-%d").is_err() {
            e.push(FieldError::new("on", "Enter the date of the result"));
        }
        if mode.get() == "existing" {
            let c = community.get();
            if c.is_empty() || state.ws.with(|w| w.community(&Id(c)).is_none()) {
                e.push(FieldError::new(
                    "community",
                    "Choose the community to save the result to",
                ));
            }
        } else {
            let n = name.get();
            state.ws.with(|w| {
                let mut d = CommunityDraft::new_in(w);
                d.name = n;
                e.extend(d.problems(w).into_iter().filter(|p| p.field == "name"));
            });
        }
        if let Some(m) = too_long(&note.get(), LONG_MAX) {
            e.push(FieldError::new("note", format!("Note {m}")));
        }
        e
    };
    let errors = Memo::new(move |_| if tried.get() { problems() } else { Vec::new() });
    let err = move |field: &'static str| Signal::derive(move || errors.with(|e| field_error(e, field)));

    // What saving to the chosen existing community would change, in words.
    let existing_info = move || {
        let cid = Id(community.get());
        let rec = recommended.get()?;
        state.ws.with(|w| {
            let c = w.community(&cid)?;
            let cats = &w.catalogues;
            let previous = c.stewardship.structure_choice.as_ref().map(|p| {
                format!(
                    "{} already has a result saved on {} ({}). Saving replaces it.",
                    c.name,
                    p.on,
                    cats.label(CatalogueKind::StructureTypes, &p.recommended_id)
                )
            });
            let current = cats.label(CatalogueKind::FormationTypes, &c.formation_type_id);
            let formation = match matching_formation(cats, &rec) {
                Some(f) if f.id != c.formation_type_id => Some(Ok((current, f.label.clone()))),
                Some(_) => None,
                None => Some(Err(format!(
                    "A {} is not one of the formation types, so {} stays a {}. If the group really is a {}, it may not need to be run as a community at all.",
                    cats.label(CatalogueKind::StructureTypes, &rec).to_lowercase(),
                    c.name,
                    current.to_lowercase(),
                    cats.label(CatalogueKind::StructureTypes, &rec).to_lowercase()
                ))),
            };
            Some((previous, formation))
        })
    };
    let offer_formation = move || matches!(existing_info(), Some((_, Some(Ok(_)))));
    let new_info = move || {
        let rec = recommended.get()?;
        state.ws.with(|w| {
            let cats = &w.catalogues;
            let f = formation_for_new(cats, &rec)?;
            let stage = cats.get(CatalogueKind::LifecycleStages).first()?.label.clone();
            Some(format!(
                "It starts as a {} at the {} stage; change either later on the community’s page.",
                cats.label(CatalogueKind::FormationTypes, &f).to_lowercase(),
                stage.to_lowercase()
            ))
        })
    };

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        failure.set(None);
        saved.set(None);
        if !problems().is_empty() {
            return;
        }
        let Ok(date) = NaiveDate::parse_from_str(on.get_untracked().trim(), "%Y-%m-%d") else {
            return;
        };
        let answers = run.answers.get_untracked();
        let text = note.get_untracked();
        let result = if mode.get_untracked() == "existing" {
            let cid = Id(community.get_untracked());
            let also = set_formation.get_untracked() && offer_formation();
            state
                .edit(|ws| ws.save_structure_choice(&cid, &answers, date, &text, also, now()))
                .map(|_| cid)
        } else {
            let cid = new_id();
            let n = name.get_untracked();
            state
                .edit(|ws| ws.create_community_from_choice(cid.clone(), &n, &answers, date, &text, now()))
                .map(|_| cid)
        };
        match result {
            Ok(cid) => {
                let cname = state
                    .ws
                    .with_untracked(|w| w.community(&cid).map(|c| c.name.clone()).unwrap_or_default());
                run.loaded_from.set(Some((cid.clone(), date)));
                saved.set(Some((cid, cname)));
                tried.set(false);
                name.set(String::new());
                set_formation.set(false);
            }
            Err(ModelError::Invalid(errs)) => failure.set(Some(
                errs.iter().map(|e| e.message.clone()).collect::<Vec<_>>().join("; "),
            )),
            Err(e) => failure.set(Some(e.to_string())),
        }
    };

    let mode_radio = move |value: &'static str, label: &'static str| {
        let input_id = format!("chooser-save-{value}");
        let for_id = input_id.clone();
        view! {
            <label class="check" for=for_id>
                <input
                    type="radio"
                    id=input_id
                    name="chooser-save-mode"
                    value=value
                    prop:checked=move || mode.get() == value
                    on:change=move |_| mode.set(value.to_string())
                />
                <span>{label}</span>
            </label>
        }
    };

    view! {
        <section class="section chooser-save no-print" aria-labelledby="chooser-save-h">
            <h2 id="chooser-save-h">"Save to a community"</h2>
            <p class="muted">"Keep the result with the community it is about, so that sponsors and leaders can see why it was set up the way it was."</p>
            <form class="form checks-form" on:submit=save novalidate aria-labelledby="chooser-save-h">
                <fieldset class="chooser-save__mode">
                    <legend>"Save the result to"</legend>
                    {has_communities.then(|| mode_radio("existing", "An existing community"))}
                    {mode_radio("new", "A new community")}
                </fieldset>
                <Show
                    when=move || mode.get() == "existing"
                    fallback=move || view! {
                        <TextField id="chooser-new-name" label="Name of the new community" value=name required=true error=err("name") hint=new_info().unwrap_or_else(|| "It starts at the first lifecycle stage.".into())/>
                    }
                >
                    <SelectField id="chooser-community" label="Community" value=community options=communities empty="Choose a community" error=err("community")/>
                    {move || existing_info().map(|(previous, formation)| view! {
                        {previous.map(|p| view! { <p class="banner banner--info chooser-replace">{p}</p> })}
                        {match formation {
                            Some(Ok((current, matching))) => view! {
                                <label class="check" for="chooser-set-formation">
                                    <input type="checkbox" id="chooser-set-formation" prop:checked=move || set_formation.get() on:change=move |ev| set_formation.set(event_target_checked(&ev))/>
                                    <span>{format!("Also change its formation type from {current} to {matching}")}</span>
                                </label>
                            }.into_any(),
                            Some(Err(text)) => view! { <p class="muted">{text}</p> }.into_any(),
                            None => ().into_any(),
                        }}
                    })}
                </Show>
                <TextField id="chooser-on" label="Date of the result" input_type="date" value=on required=true error=err("on")/>
                <TextField id="chooser-note" label="Note (optional)" value=note multiline=true hint="Who answered, and what you discussed: why this structure and not the runner-up." error=err("note")/>
                {move || failure.get().map(|m| view! { <p class="field__error" role="alert">{m}</p> })}
                {move || saved.get().map(|(cid, cname)| view! {
                    <div class="banner banner--success" role="status" data-testid="chooser-saved">
                        <p>{format!("Saved the result to {cname}.")}</p>
                        <p class="cluster">
                            <A href=crate::ui::href(&format!("/communities/{cid}"))>{format!("Open {cname}")}</A>
                            <A href=crate::ui::href(&format!("/organisation/health/{cid}"))>"Record a health check"</A>
                        </p>
                    </div>
                })}
                <div class="form-actions">
                    <button type="submit" class="btn btn--primary">"Save result"</button>
                </div>
            </form>
        </section>
    }
}
