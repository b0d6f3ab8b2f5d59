//! The value-creation plan (prospective): for a period, what the community aspires to create
//! in each value cycle and for whom, the chosen indicators, their data sources, who collects
//! them and when.

use leptos::prelude::*;

use crate::model::evaluation::{Aspiration, Collection};
use crate::model::value::{cycle_rank, PlanDraft};
use crate::model::{CatalogueKind, FieldError, Id};
use crate::state::{new_id, now, today, AppState};
use crate::ui::components::{ask, TextField};

use super::{all_errors, err, form_errors, GeneralError};

#[derive(Clone)]
struct AspRow {
    cycle: Id,
    label: String,
    help: String,
    text: RwSignal<String>,
    who: RwSignal<String>,
}

#[derive(Clone)]
struct ColRow {
    indicator: Id,
    name: String,
    chosen: RwSignal<bool>,
    source: RwSignal<String>,
    collector: RwSignal<String>,
    schedule: RwSignal<String>,
}

#[component]
pub fn PlanSection(id: Id) -> impl IntoView {
    let state = AppState::expect();
    let cid = id.clone();
    let plans = Memo::new(move |_| {
        state.ws.with(|w| {
            w.community(&cid)
                .map(|c| c.evaluation.plans.iter().map(|p| (p.id.clone(), format!("{} to {}", p.from, p.to))).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    // The plan shown: the latest one to begin with, or a new one ("").
    let chosen = RwSignal::new(plans.with_untracked(|p| p.last().map(|x| x.0 .0.clone()).unwrap_or_default()));
    let fid = id.clone();
    view! {
        <section class="section" aria-labelledby="plan-h">
            <h2 id="plan-h">"Value-creation plan"</h2>
            <p class="muted">"Use the value cycles prospectively: at the start of a period, say what the community aspires to create in each cycle and for whom, choose the indicators that will show it, and agree who collects them and when. At the end, compare with the matrix and plan the next period. Each plan covers its own period."</p>
            <div class="field no-print">
                <label for="plan-pick">"Plan"</label>
                <select id="plan-pick" prop:value=move || chosen.get() on:change=move |ev| chosen.set(event_target_value(&ev))>
                    {move || plans.get().into_iter().map(|(pid, label)| { let sel = chosen.get() == pid.0; view! { <option value=pid.0 selected=sel>{label}</option> } }).collect_view()}
                    <option value="">"New plan…"</option>
                </select>
            </div>
            {move || { let pick = chosen.get(); view! { <PlanForm community=fid.clone() plan=Some(pick).filter(|p| !p.is_empty()).map(Id) chosen/> } }}
        </section>
    }
}

#[component]
fn PlanForm(community: Id, plan: Option<Id>, chosen: RwSignal<String>) -> impl IntoView {
    let state = AppState::expect();
    let (draft, asp_rows, col_rows, people) = state.ws.with_untracked(|w| {
        let c = w.community(&community);
        let existing = plan.as_ref().and_then(|p| c?.evaluation.plans.iter().find(|x| &x.id == p));
        let draft = existing.map(PlanDraft::of).unwrap_or_else(|| {
            let y = today().format("%Y").to_string();
            PlanDraft { from: format!("{y}-01-01"), to: format!("{y}-12-31"), ..Default::default() }
        });
        let cats = &w.catalogues;
        let asp_rows: Vec<AspRow> = cats
            .get(CatalogueKind::ValueCycles)
            .iter()
            .map(|e| {
                let a = draft.aspirations.iter().find(|a| a.cycle_id == e.id);
                AspRow {
                    cycle: e.id.clone(),
                    label: e.label.clone(),
                    help: e.description.clone(),
                    text: RwSignal::new(a.map(|a| a.text.clone()).unwrap_or_default()),
                    who: RwSignal::new(a.map(|a| a.stakeholders.clone()).unwrap_or_default()),
                }
            })
            .collect();
        let mut inds: Vec<_> = c.map(|c| c.evaluation.indicators.iter().collect::<Vec<_>>()).unwrap_or_default();
        inds.sort_by_key(|i| cycle_rank(cats, &i.cycle_id));
        let col_rows: Vec<ColRow> = inds
            .into_iter()
            .map(|i| {
                let col = draft.collection.iter().find(|x| x.indicator_id == i.id);
                ColRow {
                    indicator: i.id.clone(),
                    name: format!("{} ({})", i.name, cats.label(CatalogueKind::ValueCycles, &i.cycle_id)),
                    chosen: RwSignal::new(col.is_some()),
                    source: RwSignal::new(col.map(|c| c.data_source.clone()).unwrap_or_else(|| i.source.clone())),
                    collector: RwSignal::new(col.and_then(|c| c.collector_id.as_ref()).map(|p| p.0.clone()).unwrap_or_default()),
                    schedule: RwSignal::new(col.map(|c| c.schedule.clone()).unwrap_or_default()),
                }
            })
            .collect();
        let mut people: Vec<(String, String)> = w.people.iter().map(|p| (p.id.0.clone(), p.name.clone())).collect();
        people.sort_by(|a, b| a.1.cmp(&b.1));
        (draft, asp_rows, col_rows, people)
    });
    let from = RwSignal::new(draft.from.clone());
    let to = RwSignal::new(draft.to.clone());
    let note = RwSignal::new(draft.note.clone());
    let errs = RwSignal::new(Vec::<FieldError>::new());
    let saved = RwSignal::new(None::<String>);
    let (a2, c2) = (asp_rows.clone(), col_rows.clone());
    let cid = community.clone();
    let pid = plan.clone();
    let save = move |_| {
        let d = PlanDraft {
            from: from.get_untracked(),
            to: to.get_untracked(),
            note: note.get_untracked(),
            aspirations: a2.iter().map(|r| Aspiration { cycle_id: r.cycle.clone(), text: r.text.get_untracked(), stakeholders: r.who.get_untracked() }).collect(),
            collection: c2
                .iter()
                .filter(|r| r.chosen.get_untracked())
                .map(|r| Collection {
                    indicator_id: r.indicator.clone(),
                    data_source: r.source.get_untracked(),
                    collector_id: Some(r.collector.get_untracked()).filter(|s| !s.is_empty()).map(Id),
                    schedule: r.schedule.get_untracked(),
                })
                .collect(),
        };
        let r = match &pid {
            Some(p) => state.edit(|ws| ws.update_value_plan(&cid, p, &d, now())).map(|_| None),
            None => {
                let nid = new_id();
                state.edit(|ws| ws.add_value_plan(&cid, nid.clone(), &d, now())).map(|_| Some(nid))
            }
        };
        match r {
            Ok(created) => {
                errs.set(Vec::new());
                saved.set(Some("Saved the plan.".into()));
                if let Some(nid) = created {
                    state.notice.set(Some("Saved the plan.".into()));
                    chosen.set(nid.0);
                }
            }
            Err(e) => errs.set(form_errors(e)),
        }
    };
    let del = {
        let (cid, pid) = (community.clone(), plan.clone());
        move |_| {
            let Some(p) = pid.clone() else { return };
            let cid = cid.clone();
            ask("Delete this plan?", vec!["The plan's aspirations and collection schedule will be removed. Indicators and their observations stay.".into()], "Delete plan", move || {
                if state.edit(|ws| ws.delete_value_plan(&cid, &p, now())).is_ok() {
                    chosen.set(String::new());
                }
            });
        }
    };
    let people = Signal::derive(move || people.clone());
    let has_plan = plan.is_some();
    view! {
        <div class="plan-form">
            <fieldset class="period-picker">
                <legend>"Period"</legend>
                <div class="field">
                    <label for="plan-from">"From"</label>
                    <input id="plan-from" type="date" prop:value=move || from.get() on:change=move |ev| from.set(event_target_value(&ev))/>
                    {move || err(errs, "from").get().map(|m| view! { <p class="field__error">{m}</p> })}
                </div>
                <div class="field">
                    <label for="plan-to">"To"</label>
                    <input id="plan-to" type="date" prop:value=move || to.get() on:change=move |ev| to.set(event_target_value(&ev))/>
                    {move || err(errs, "to").get().map(|m| view! { <p class="field__error">{m}</p> })}
                </div>
            </fieldset>
            <h3>"Aspirations per cycle"</h3>
            {move || all_errors(errs, "aspirations").into_iter().map(|m| view! { <p class="field__error">{m}</p> }).collect_view()}
            <div class="table-wrap" tabindex="0" role="region" aria-label="Aspirations per cycle">
                <table class="data-table plan-table">
                    <thead><tr><th scope="col">"Cycle"</th><th scope="col">"What we aspire to create"</th><th scope="col">"For which stakeholders"</th></tr></thead>
                    <tbody>
                        {asp_rows.into_iter().map(|r| {
                            let (t, w) = (r.text, r.who);
                            let (tid, wid) = (format!("asp-{}", r.cycle), format!("asp-{}-who", r.cycle));
                            view! {
                                <tr>
                                    <th scope="row" title=r.help.clone()>{r.label.clone()}</th>
                                    <td><textarea id=tid rows="2" aria-label=format!("Aspiration: {}", r.label) prop:value=move || t.get() on:input=move |ev| t.set(event_target_value(&ev))></textarea></td>
                                    <td><input id=wid type="text" aria-label=format!("Stakeholders: {}", r.label) prop:value=move || w.get() on:input=move |ev| w.set(event_target_value(&ev))/></td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <h3>"Indicators, data sources, collectors and schedule"</h3>
            {move || all_errors(errs, "collection").into_iter().map(|m| view! { <p class="field__error">{m}</p> }).collect_view()}
            {if col_rows.is_empty() {
                view! { <p class="muted">"No indicators yet: define them on the Indicators tab, then choose them here."</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap" tabindex="0" role="region" aria-label="Indicators of the plan">
                        <table class="data-table plan-table">
                            <thead><tr><th scope="col">"Indicator"</th><th scope="col">"Data source"</th><th scope="col">"Who collects it"</th><th scope="col">"When"</th></tr></thead>
                            <tbody>
                                {col_rows.into_iter().map(|r| {
                                    let (ch, s, c, sc) = (r.chosen, r.source, r.collector, r.schedule);
                                    let dom = format!("col-{}", r.indicator);
                                    let dom_for = dom.clone();
                                    let name = r.name.clone();
                                    view! {
                                        <tr>
                                            <th scope="row"><label class="check" for=dom_for>
                                                <input id=dom type="checkbox" prop:checked=move || ch.get() on:change=move |ev| ch.set(event_target_checked(&ev))/>{r.name.clone()}
                                            </label></th>
                                            <td><input type="text" aria-label=format!("Data source: {name}") prop:value=move || s.get() on:input=move |ev| s.set(event_target_value(&ev))/></td>
                                            <td><select aria-label=format!("Collector: {name}") prop:value=move || c.get() on:change=move |ev| c.set(event_target_value(&ev))>
                                                <option value="">"Not named"</option>
                                                {move || people.get().into_iter().map(|(v, l)| { let sel = c.get() == v; view! { <option value=v selected=sel>{l}</option> } }).collect_view()}
                                            </select></td>
                                            <td><input type="text" aria-label=format!("Schedule: {name}") prop:value=move || sc.get() on:input=move |ev| sc.set(event_target_value(&ev))/></td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
            <TextField id="plan-note" label="Note" value=note multiline=true error=err(errs, "note")/>
            <GeneralError errs/>
            <div class="form-actions no-print">
                <button type="button" class="btn btn--primary" on:click=save>{if has_plan { "Save plan" } else { "Create plan" }}</button>
                {has_plan.then(|| view! { <button type="button" class="btn btn--danger" on:click=del.clone()>"Delete plan"</button> })}
                {move || saved.get().map(|m| view! { <p class="muted" role="status">{m}</p> })}
            </div>
        </div>
    }
}
