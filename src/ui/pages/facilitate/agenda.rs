//! The timed agenda: blocks in running order with their computed start and end, reordered
//! by the Move up / Move down buttons or by drag and drop, and the total checked against
//! the slot.

use leptos::prelude::*;

use crate::model::meetings::{clock_label, schedule, slot_fit, total_minutes, SlotFit};
use crate::model::rhythm::duration_label;
use crate::model::{CatalogueKind, Id};
use crate::state::{now, AppState};
use crate::ui::components::ask;

use super::block_form::BlockForm;

/// One block as the list shows it.
#[derive(Clone, PartialEq)]
struct Row {
    id: Id,
    title: String,
    span: String,
    minutes: u32,
    format: Option<(String, Vec<String>)>,
    facilitator: Option<String>,
    notes: String,
    materials: String,
    past_slot: bool,
}

#[component]
pub fn AgendaEditor(c: Id, m: Id) -> impl IntoView {
    let state = AppState::expect();
    // None: no form; Some(None): adding; Some(Some(id)): editing that block.
    let form = RwSignal::new(None::<Option<Id>>);
    let dragging = RwSignal::new(None::<Id>);
    let message = RwSignal::new(None::<String>);
    let data = {
        let (c, m) = (c.clone(), m.clone());
        Memo::new(move |_| {
            state.ws.with(|w| {
                let mt = w.community(&c)?.facilitation.meetings.iter().find(|x| x.id == m)?;
                let rows: Vec<Row> = mt
                    .blocks
                    .iter()
                    .zip(schedule(mt))
                    .map(|(b, t)| Row {
                        id: b.id.clone(),
                        title: b.title.clone(),
                        span: format!("{}–{}", clock_label(mt, t.starts), clock_label(mt, t.ends)),
                        minutes: b.minutes,
                        format: b.format_id.as_ref().map(|f| {
                            let e = w.catalogues.entry(CatalogueKind::MeetingFormats, f);
                            (
                                w.catalogues.label(CatalogueKind::MeetingFormats, f),
                                e.and_then(|e| e.format.as_ref())
                                    .map(|s| s.steps.clone())
                                    .unwrap_or_default(),
                            )
                        }),
                        facilitator: b.facilitator_id.as_ref().map(|p| w.person_name(p)),
                        notes: b.notes.clone(),
                        materials: b.materials.clone(),
                        past_slot: t.past_slot,
                    })
                    .collect();
                let fit = slot_fit(mt);
                Some((rows, fit, fit.label(mt), total_minutes(mt), mt.run.is_some()))
            })
        })
    };
    let mover = {
        let (c, m) = (c.clone(), m.clone());
        move |id: Id, to: usize, title: String| {
            let r = state.edit(|ws| ws.move_block(&c, &m, &id, to, now()));
            message.set(Some(match r {
                Ok(()) => format!("Moved “{title}” to position {}.", to + 1),
                Err(e) => e.to_string(),
            }));
        }
    };
    let (fc, fm) = (c.clone(), m.clone());
    view! {
        <section class="section agenda" aria-labelledby="agenda-h">
            <h2 id="agenda-h">"Agenda"</h2>
            {move || data.get().map(|(_, fit, label, total, running)| {
                let class = match fit { SlotFit::Over(_) => "banner banner--warning slot-check", _ => "banner banner--info slot-check" };
                view! {
                    <p class=class data-testid="slot-check">
                        <strong>{format!("Total {}. ", duration_label(total))}</strong>{label}
                    </p>
                    {running.then(|| view! { <p class="banner banner--info no-print">"Run mode is on for this meeting. Changes to the agenda apply at once; the running block keeps running."</p> })}
                }
            })}
            <p class="muted no-print">"Reorder with the Move up and Move down buttons, or drag a block by its handle. Start times follow from the meeting's start."</p>
            {
                let mover = mover.clone();
                let (c, m) = (c.clone(), m.clone());
                move || {
                let Some((rows, ..)) = data.get() else { return ().into_any() };
                if rows.is_empty() {
                    return view! { <p class="muted" data-testid="agenda-empty">"No blocks yet. Add one from the format library below."</p> }.into_any();
                }
                let n = rows.len();
                let mover = mover.clone();
                let (c, m) = (c.clone(), m.clone());
                view! {
                    <ol class="agenda-list" data-testid="agenda-list">
                        {rows.into_iter().enumerate().map(|(i, r)| {
                            let id = r.id.clone();
                            let (up, down, drop_to) = (mover.clone(), mover.clone(), mover.clone());
                            let (id_up, id_down, id_drag, id_edit, id_del) = (id.clone(), id.clone(), id.clone(), id.clone(), id.clone());
                            let (t_up, t_down, t_drop) = (r.title.clone(), r.title.clone(), r.title.clone());
                            let (c, m) = (c.clone(), m.clone());
                            let title_del = r.title.clone();
                            let delete = move |_| {
                                let (c, m, id) = (c.clone(), m.clone(), id_del.clone());
                                ask(format!("Remove the block {title_del}?"), vec!["Its notes and materials go with it.".into()], "Remove block", move || {
                                    let _ = state.edit(|ws| ws.remove_block(&c, &m, &id, now()));
                                });
                            };
                            let class = move || {
                                let mut s = String::from("agenda-block");
                                if r.past_slot { s.push_str(" agenda-block--past-slot"); }
                                if dragging.with(|d| d.as_ref() == Some(&id)) { s.push_str(" agenda-block--dragging"); }
                                s
                            };
                            view! {
                                <li class=class
                                    data-testid="agenda-block"
                                    draggable="true"
                                    on:dragstart=move |ev: web_sys::DragEvent| {
                                        if let Some(dt) = ev.data_transfer() { let _ = dt.set_data("text/plain", id_drag.as_str()); dt.set_effect_allowed("move"); }
                                        dragging.set(Some(id_drag.clone()));
                                    }
                                    on:dragend=move |_| dragging.set(None)
                                    on:dragover=move |ev: web_sys::DragEvent| ev.prevent_default()
                                    on:drop=move |ev: web_sys::DragEvent| {
                                        ev.prevent_default();
                                        let from = ev.data_transfer().and_then(|dt| dt.get_data("text/plain").ok()).filter(|s| !s.is_empty());
                                        if let Some(from) = from { if from != r.id.0 { drop_to(Id(from), i, t_drop.clone()); } }
                                        dragging.set(None);
                                    }
                                >
                                    <span class="agenda-block__handle no-print" aria-hidden="true" title="Drag to reorder">"⠿"</span>
                                    <div class="agenda-block__time">
                                        <span class="agenda-block__span">{r.span.clone()}</span>
                                        <span class="muted">{format!("{} min", r.minutes)}</span>
                                    </div>
                                    <div class="agenda-block__body">
                                        <h3 class="agenda-block__title">{r.title.clone()}</h3>
                                        <p class="agenda-block__meta">
                                            {r.format.clone().map(|(f, _)| view! { <span class="tag">{f}</span> })}
                                            {r.facilitator.clone().map(|f| view! { <span class="muted">{format!(" Facilitator: {f}")}</span> })}
                                            {r.past_slot.then(|| view! { <span class="tag tag--gap">"Past the slot"</span> })}
                                        </p>
                                        {(!r.notes.trim().is_empty()).then(|| view! { <p class="agenda-block__notes">{r.notes.clone()}</p> })}
                                        {(!r.materials.trim().is_empty()).then(|| view! { <p class="agenda-block__notes"><em>"Materials: "</em>{r.materials.clone()}</p> })}
                                        {r.format.clone().filter(|(_, s)| !s.is_empty()).map(|(f, steps)| view! {
                                            <details class="agenda-block__steps no-print">
                                                <summary>{format!("Steps of the {f}")}</summary>
                                                <ol>{steps.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ol>
                                            </details>
                                        })}
                                    </div>
                                    <div class="agenda-block__actions no-print">
                                        <button class="btn btn--small" type="button" disabled=i == 0
                                            aria-label=format!("Move up: {}", r.title)
                                            on:click=move |_| up(id_up.clone(), i.saturating_sub(1), t_up.clone())>"↑ Move up"</button>
                                        <button class="btn btn--small" type="button" disabled=i + 1 == n
                                            aria-label=format!("Move down: {}", r.title)
                                            on:click=move |_| down(id_down.clone(), i + 1, t_down.clone())>"↓ Move down"</button>
                                        <button class="btn btn--small" type="button" aria-label=format!("Edit: {}", r.title)
                                            on:click=move |_| { form.set(Some(Some(id_edit.clone()))); super::focus_later("blk-format_id"); }>"Edit"</button>
                                        <button class="btn btn--small btn--ghost" type="button" aria-label=format!("Remove: {}", r.title) on:click=delete>"Remove"</button>
                                    </div>
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
            <p class="visually-hidden" role="status" aria-live="polite">{move || message.get()}</p>
            <div class="no-print">
                {move || match form.get() {
                    None => view! {
                        <button class="btn btn--primary" type="button" data-testid="add-block"
                            on:click=move |_| { form.set(Some(None)); super::focus_later("blk-format_id"); }>"Add a block"</button>
                    }.into_any(),
                    Some(editing) => {
                        let heading = if editing.is_some() { "Edit the block" } else { "Add a block" };
                        view! {
                            <section class="card" aria-label=heading>
                                <h3 class="card__title">{heading}</h3>
                                <BlockForm c=fc.clone() m=fm.clone() editing done=move |_| form.set(None)/>
                            </section>
                        }.into_any()
                    }
                }}
            </div>
        </section>
    }
}
