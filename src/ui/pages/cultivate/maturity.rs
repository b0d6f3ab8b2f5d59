//! The maturity soundboard: dimensions scored on their own in dated assessments, two of which
//! are compared on a radar chart and in a table.

mod compare;
mod form;
mod radar;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::model::{CatalogueKind, Id};
use crate::state::{now, AppState};
use crate::ui::components::ask;

/// An assessment in the list: id, date, dimensions scored, note.
type Listed = (Id, chrono::NaiveDate, usize, String);

/// Moves keyboard focus to the element with this id, if it is on the page.
fn focus_by_id(id: &str) {
    if let Some(el) = document().get_element_by_id(id) {
        if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
            let _ = el.focus();
        }
    }
}

#[component]
pub fn MaturitySection(id: Id) -> impl IntoView {
    let state = AppState::expect();
    // The assessment being edited in the form, if any; the form is rebuilt when it changes.
    let editing = RwSignal::new(None::<Id>);
    let listed = {
        let id = id.clone();
        Memo::new(move |_| {
            state.ws.with(|w| {
                let dims = w.catalogues.get(CatalogueKind::MaturityDimensions);
                w.community(&id)
                    .map(|c| {
                        c.cultivation
                            .maturity
                            .iter()
                            .rev()
                            .map(|a| {
                                let scored = a
                                    .scores
                                    .iter()
                                    .filter(|s| dims.iter().any(|d| d.id == s.dimension_id))
                                    .count();
                                (a.id.clone(), a.on, scored, a.note.clone())
                            })
                            .collect::<Vec<Listed>>()
                    })
                    .unwrap_or_default()
            })
        })
    };
    let dimensions = Memo::new(move |_| {
        state
            .ws
            .with(|w| w.catalogues.get(CatalogueKind::MaturityDimensions).len())
    });
    let message = RwSignal::new(None::<String>);
    let form_id = id.clone();
    let list_id = id.clone();
    view! {
        <section class="section maturity" aria-labelledby="maturity-h">
            <h2 id="maturity-h">"Maturity"</h2>
            <p class="muted lifecycle__intro">
                "Maturity is not one level. Like the faders of a sound-mixing board, each dimension is set on its own: a community can have a clear domain and a strong core, yet little visible value or a poor fit with its tools. Score each dimension from 0 (absent) to 4 (strong), or leave it unscored, and compare dated assessments to see how the community develops. (Working dimensions after Wenger-Trayner's maturity 'soundboard'; edit them on the "
                <A href=crate::ui::href("/data")>"Data page"</A>
                ".)"
            </p>
            {move || {
                let editing_id = editing.get();
                let done = Callback::new(move |_| {
                    editing.set(None);
                    // Back to the list the edit started from, for keyboard users.
                    request_animation_frame(|| focus_by_id("assessments-h"));
                });
                view! { <form::AssessmentForm id=form_id.clone() editing=editing_id on_done=done/> }
            }}
            <section class="lifecycle-part" aria-labelledby="assessments-h">
                <h3 id="assessments-h" tabindex="-1">"Assessments"</h3>
                {move || {
                    let list = listed.get();
                    if list.is_empty() {
                        view! { <p class="muted">"No assessment yet. Score the dimensions above and save: the first assessment is the baseline later ones are compared with."</p> }.into_any()
                    } else {
                        let total = dimensions.get();
                        let id = list_id.clone();
                        view! {
                            <div class="table-wrap" tabindex="0" role="region" aria-label="Maturity assessments">
                                <table class="data-table" data-testid="maturity-list">
                                    <caption>"Maturity assessments, newest first"</caption>
                                    <thead><tr>
                                        <th scope="col">"Date"</th>
                                        <th scope="col" class="num">"Dimensions scored"</th>
                                        <th scope="col">"Note"</th>
                                        <th scope="col" class="no-print"><span class="visually-hidden">"Actions"</span></th>
                                    </tr></thead>
                                    <tbody>
                                        {list.into_iter().map(|(aid, on, scored, note)| {
                                            let (cid, del_id, edit_id) = (id.clone(), aid.clone(), aid.clone());
                                            let remove = move |_| {
                                                let (cid, del_id) = (cid.clone(), del_id.clone());
                                                ask(
                                                    format!("Delete the assessment of {on}?"),
                                                    vec!["Its scores are deleted; other assessments stay.".into()],
                                                    "Delete assessment",
                                                    move || match state.edit(|ws| ws.delete_maturity_assessment(&cid, &del_id, now())) {
                                                        Ok(()) => {
                                                            if editing.get_untracked().as_ref() == Some(&del_id) {
                                                                editing.set(None);
                                                            }
                                                            message.set(None);
                                                        }
                                                        Err(e) => message.set(Some(e.to_string())),
                                                    },
                                                );
                                            };
                                            view! {
                                                <tr>
                                                    <th scope="row" class="nowrap">{on.to_string()}</th>
                                                    <td class="num">{format!("{scored} of {total}")}</td>
                                                    <td>{note}</td>
                                                    <td class="no-print">
                                                        <span class="cluster">
                                                            <button type="button" class="btn btn--small" on:click=move |_| editing.set(Some(edit_id.clone()))>
                                                                "Edit"<span class="visually-hidden">{format!(" the assessment of {on}")}</span>
                                                            </button>
                                                            <button type="button" class="btn btn--small" on:click=remove>
                                                                "Delete…"<span class="visually-hidden">{format!(" the assessment of {on}")}</span>
                                                            </button>
                                                        </span>
                                                    </td>
                                                </tr>
                                            }
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                        }.into_any()
                    }
                }}
                {move || message.get().map(|m| view! { <p class="field__error" role="alert">{m}</p> })}
            </section>
            <compare::Comparison id/>
        </section>
    }
}
