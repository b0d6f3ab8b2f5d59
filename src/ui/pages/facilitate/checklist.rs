//! The before / during / after checklist of a meeting.

use leptos::prelude::*;

use crate::model::{CatalogueKind, Id};
use crate::state::{now, AppState};

#[component]
pub fn ChecklistSection(c: Id, m: Id) -> impl IntoView {
    let state = AppState::expect();
    let phases = move || {
        state.ws.with(|w| {
            w.catalogues
                .get(CatalogueKind::MeetingPhases)
                .iter()
                .map(|p| {
                    let items: Vec<(Id, String, String)> = w
                        .catalogues
                        .children(CatalogueKind::MeetingChecklist, &p.id)
                        .map(|e| (e.id.clone(), e.label.clone(), e.description.clone()))
                        .collect();
                    (p.id.clone(), p.label.clone(), items)
                })
                .collect::<Vec<_>>()
        })
    };
    let done = {
        let (c, m) = (c.clone(), m.clone());
        Memo::new(move |_| {
            state.ws.with(|w| {
                w.community(&c)
                    .and_then(|x| x.facilitation.meetings.iter().find(|x| x.id == m))
                    .map(|x| x.checklist_done.clone())
                    .unwrap_or_default()
            })
        })
    };
    view! {
        <section class="section" aria-labelledby="checklist-h">
            <h2 id="checklist-h">"Checklist"</h2>
            <p class="muted">{move || { let n = done.with(|d| d.len()); let total: usize = phases().iter().map(|p| p.2.len()).sum(); format!("{n} of {total} done.") }}</p>
            <div class="checklist-phases">
                {
                    let (c, m) = (c.clone(), m.clone());
                    move || phases().into_iter().map(|(pid, label, items)| {
                    let (c, m) = (c.clone(), m.clone());
                    view! {
                        <fieldset class="checkbox-list checklist-phase" data-phase=pid.0.clone()>
                            <legend>{label}</legend>
                            {items.into_iter().map(|(id, l, d)| {
                                let (c, m) = (c.clone(), m.clone());
                                let checked = { let id = id.clone(); move || done.with(|x| x.contains(&id)) };
                                let desc_id = format!("chk-{id}-d");
                                let toggle = move |ev| { let on = event_target_checked(&ev); let _ = state.edit(|ws| ws.set_checklist_item(&c, &m, &id, on, now())); };
                                view! {
                                    <label class="check checklist-item">
                                        <input type="checkbox" prop:checked=checked on:change=toggle aria-describedby=desc_id.clone()/>
                                        <span>{l}<span class="muted checklist-item__help" id=desc_id>{d}</span></span>
                                    </label>
                                }
                            }).collect_view()}
                        </fieldset>
                    }
                }).collect_view()}
            </div>
        </section>
    }
}
