//! A community's indicators: grouped by value cycle, each with its chart (or its dated
//! texts), its observations and a form to add one; the form to define an indicator (from
//! the examples, computed from the workspace, or your own); and the CSV import.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::model::evaluation::{DerivedMeasure, IndicatorKind};
use crate::model::value::{cycle_rank, default_period, parse_date, series, IndicatorDraft, ObservationDraft};
use crate::model::{CatalogueKind, FieldError, Id};
use crate::state::{new_id, now, today, AppState};
use crate::ui::components::{ask, CatalogueSelect, EmptyState, SelectField, TextField};

use super::chart::SeriesChart;
use super::{err, form_errors, GeneralError, PeriodPicker};

#[component]
pub fn IndicatorsSection(id: Id) -> impl IntoView {
    let state = AppState::expect();
    let (f, t) = state.ws.with_untracked(|w| w.community(&id).map(|c| default_period(c, today())).unwrap_or((today(), today())));
    let from = RwSignal::new(f.to_string());
    let to = RwSignal::new(t.to_string());
    let period = Memo::new(move |_| match (parse_date(&from.get()), parse_date(&to.get())) {
        (Some(a), Some(b)) if a <= b => Some((a, b)),
        _ => None,
    });
    let cid = id.clone();
    let ids = Memo::new(move |_| {
        state.ws.with(|w| {
            let Some(c) = w.community(&cid) else { return Vec::new() };
            let mut v: Vec<_> = c.evaluation.indicators.iter().collect();
            v.sort_by_key(|i| cycle_rank(&w.catalogues, &i.cycle_id));
            v.into_iter().map(|i| i.id.clone()).collect::<Vec<_>>()
        })
    });
    let editing = RwSignal::new(None::<Option<Id>>);
    let form_id = id.clone();
    let list_id = id.clone();
    view! {
        <section class="section" aria-labelledby="indicators-h">
            <h2 id="indicators-h">"Indicators"</h2>
            <p class="muted">"Indicators give breadth; stories show how activities led to results. Enter observations by hand, import them from a CSV file, or let the workspace compute them from its records: attendance, active members, repertoire items added, follow-ups done, moves towards the core."</p>
            <PeriodPicker from to idp="indicators"/>
            <div class="page-actions no-print">
                <button type="button" class="btn btn--primary" on:click=move |_| editing.set(Some(None))>"Define an indicator"</button>
            </div>
            {move || editing.get().map(|target| view! { <IndicatorForm community=form_id.clone() target editing/> })}
            {move || {
                let list = ids.get();
                if list.is_empty() {
                    return view! { <EmptyState message="No indicators yet. Define one from the examples of each value cycle, or one the workspace computes."/> }.into_any();
                }
                let Some((f, t)) = period.get() else {
                    return view! { <p class="field__error" role="alert">"Choose a start date and an end date on or after it."</p> }.into_any();
                };
                let cid = list_id.clone();
                view! {
                    <div class="indicator-list">
                        <For each=move || ids.get() key=|i| i.clone() let:iid>
                            <IndicatorCard community=cid.clone() id=iid from=f to=t editing/>
                        </For>
                    </div>
                }.into_any()
            }}
        </section>
        <super::import::ImportSection id=id.clone()/>
    }
}

#[component]
fn IndicatorCard(community: Id, id: Id, from: NaiveDate, to: NaiveDate, editing: RwSignal<Option<Option<Id>>>) -> impl IntoView {
    let state = AppState::expect();
    let (cid, iid) = (community.clone(), id.clone());
    let data = Memo::new(move |_| {
        state.ws.with(|w| {
            let c = w.community(&cid)?;
            let ind = c.evaluation.indicators.iter().find(|i| i.id == iid)?;
            let s = series(&w.catalogues, c, ind, from, to);
            let mut obs: Vec<_> = c.evaluation.observations.iter().filter(|o| o.indicator_id == iid).cloned().collect();
            obs.sort_by_key(|o| std::cmp::Reverse(o.on));
            Some((ind.clone(), w.catalogues.label(CatalogueKind::ValueCycles, &ind.cycle_id), s, obs))
        })
    });
    let dom = format!("ind-{id}");
    move || {
        let Some((ind, cycle, s, obs)) = data.get() else { return ().into_any() };
        let summary = format!(
            "{}: {}{}",
            ind.name,
            s.figure_text(&ind.unit),
            ind.target.map(|t| format!("; target {}", crate::model::value::with_unit(t.0, &ind.unit))).unwrap_or_default()
        );
        let heading_id = format!("{dom}-h");
        let labelled_by = heading_id.clone();
        let edit_id = ind.id.clone();
        let del = {
            let (cid, iid, name) = (community.clone(), ind.id.clone(), ind.name.clone());
            move |_| {
                let usage = state.ws.with_untracked(|w| w.value_indicator_usage(&cid, &iid));
                let mut body = vec![format!("“{name}” will be removed.")];
                if !usage.is_empty() {
                    body.push(format!("This also removes {}.", usage.join(", ")));
                }
                let (cid, iid) = (cid.clone(), iid.clone());
                ask("Delete this indicator?", body, "Delete indicator", move || {
                    let _ = state.edit(|ws| ws.delete_value_indicator(&cid, &iid, now()));
                });
            }
        };
        let qualitative = ind.kind == IndicatorKind::Qualitative;
        view! {
            <article class="card indicator-card" aria-labelledby=labelled_by data-testid="indicator-card">
                <h3 id=heading_id>{ind.name.clone()}</h3>
                <p class="card__meta">
                    <span class="tag">{cycle}</span>" "
                    <span class="tag">{ind.kind.label()}</span>" "
                    {ind.derived.map(|m| view! { <span class="tag tag--ok">{format!("computed: {}", m.label())}</span> })}
                </p>
                {(!ind.description.is_empty()).then(|| view! { <p>{ind.description.clone()}</p> })}
                <p class="muted">{if ind.source.is_empty() { String::new() } else { format!("Source: {}", ind.source) }}</p>
                <p><strong>{s.figure_text(&ind.unit)}</strong>{ind.target.map(|t| format!(" · target {}", crate::model::value::with_unit(t.0, &ind.unit)))}</p>
                {(!qualitative && !s.points.is_empty()).then(|| view! {
                    <SeriesChart dom_id=format!("{dom}-chart") name=ind.name.clone() unit=ind.unit.clone() points=s.points.clone()
                        target=ind.target.map(|t| t.0) from to summary=summary.clone()/>
                })}
                {(qualitative && !s.notes.is_empty()).then(|| view! {
                    <ul class="indicator-notes">{s.notes.iter().map(|(d, t)| view! { <li><strong>{d.to_string()}</strong>": "{t.clone()}</li> }).collect_view()}</ul>
                })}
                {(!s.has_data()).then(|| view! { <p class="muted">"No data in this period."</p> })}
                {ind.derived.is_none().then(|| view! {
                    <ObservationList community=community.clone() indicator=ind.id.clone() obs=obs.clone() qualitative/>
                    <ObservationForm community=community.clone() indicator=ind.id.clone() qualitative name=ind.name.clone()/>
                })}
                <div class="form-actions no-print">
                    <button type="button" class="btn btn--small" on:click=move |_| editing.set(Some(Some(edit_id.clone())))>{format!("Edit {}", ind.name)}</button>
                    <button type="button" class="btn btn--small btn--danger" on:click=del>{format!("Delete {}", ind.name)}</button>
                </div>
            </article>
        }.into_any()
    }
}

#[component]
fn ObservationList(community: Id, indicator: Id, obs: Vec<crate::model::evaluation::Observation>, qualitative: bool) -> impl IntoView {
    let state = AppState::expect();
    if obs.is_empty() {
        return ().into_any();
    }
    let _ = indicator;
    view! {
        <details class="observation-list">
            <summary>{format!("{} observation{} entered or imported", obs.len(), if obs.len() == 1 { "" } else { "s" })}</summary>
            <table class="data-table">
                <thead><tr><th scope="col">"Date"</th>{(!qualitative).then(|| view! { <th scope="col">"Value"</th> })}<th scope="col">"Note"</th><th scope="col">"Source"</th><th scope="col"><span class="visually-hidden">"Actions"</span></th></tr></thead>
                <tbody>
                    {obs.into_iter().map(|o| {
                        let (cid, oid) = (community.clone(), o.id.clone());
                        let label = format!("Delete the observation of {}", o.on);
                        view! {
                            <tr>
                                <td>{o.on.to_string()}</td>
                                {(!qualitative).then(|| view! { <td>{o.value.map(|v| crate::model::value::fmt_number(v.0)).unwrap_or_default()}</td> })}
                                <td>{o.text.clone()}</td>
                                <td>{o.source.clone()}</td>
                                <td><button type="button" class="btn btn--small btn--ghost" aria-label=label
                                    on:click=move |_| { let _ = state.edit(|ws| ws.delete_observation(&cid, &oid, now())); }>"Delete"</button></td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </details>
    }.into_any()
}

#[component]
fn ObservationForm(community: Id, indicator: Id, qualitative: bool, name: String) -> impl IntoView {
    let state = AppState::expect();
    let on = RwSignal::new(today().to_string());
    let value = RwSignal::new(String::new());
    let text = RwSignal::new(String::new());
    let source = RwSignal::new(String::new());
    let errs = RwSignal::new(Vec::<FieldError>::new());
    let idp = format!("obs-{indicator}");
    let add = move |_| {
        let d = ObservationDraft {
            indicator_id: indicator.clone(),
            on: on.get_untracked(),
            value: value.get_untracked(),
            text: text.get_untracked(),
            source: source.get_untracked(),
        };
        match state.edit(|ws| ws.add_observation(&community, new_id(), &d, today(), now())) {
            Ok(()) => {
                errs.set(Vec::new());
                value.set(String::new());
                text.set(String::new());
            }
            Err(e) => errs.set(form_errors(e)),
        }
    };
    view! {
        <fieldset class="observation-form no-print">
            <legend>{format!("Add an observation of {name}")}</legend>
            <div class="field-row">
                <div class="field">
                    <label for=format!("{idp}-on")>"Date"</label>
                    <input id=format!("{idp}-on") type="date" prop:value=move || on.get() on:change=move |ev| on.set(event_target_value(&ev))/>
                    {move || err(errs, "on").get().map(|m| view! { <p class="field__error">{m}</p> })}
                </div>
                {(!qualitative).then(|| view! { <TextField id=format!("{idp}-value") label="Value" value error=err(errs, "value") input_type="text"/> })}
                <TextField id=format!("{idp}-text") label=if qualitative { "What was observed" } else { "Note (optional)" } value=text error=err(errs, "text")/>
                <TextField id=format!("{idp}-source") label="Source (optional)" value=source error=err(errs, "source")/>
            </div>
            <GeneralError errs/>
            <button type="button" class="btn" on:click=add>"Add observation"</button>
        </fieldset>
    }
}

/// Defining or editing an indicator. `target`: None to add, Some(id) to edit.
#[component]
fn IndicatorForm(community: Id, target: Option<Id>, editing: RwSignal<Option<Option<Id>>>) -> impl IntoView {
    let state = AppState::expect();
    let draft = state.ws.with_untracked(|w| {
        target.as_ref().and_then(|t| w.community(&community)?.evaluation.indicators.iter().find(|i| &i.id == t).map(IndicatorDraft::of))
    }).unwrap_or_default();
    let cycle = RwSignal::new(draft.cycle_id.0.clone());
    let name = RwSignal::new(draft.name.clone());
    let unit = RwSignal::new(draft.unit.clone());
    let kind = RwSignal::new(if draft.kind == IndicatorKind::Qualitative { "qualitative".to_string() } else { "quantitative".to_string() });
    let source = RwSignal::new(draft.source.clone());
    let target_v = RwSignal::new(draft.target.clone());
    let derived = RwSignal::new(draft.derived.map(|m| m.key().to_string()).unwrap_or_default());
    let description = RwSignal::new(draft.description.clone());
    let example = RwSignal::new(String::new());
    let errs = RwSignal::new(Vec::<FieldError>::new());
    // Choosing a computed measure fills in its usual name, unit, cycle and help.
    let pick_measure = move |key: String| {
        derived.set(key.clone());
        if let Some(m) = DerivedMeasure::from_key(&key) {
            let d = IndicatorDraft::for_measure(m);
            if name.get_untracked().trim().is_empty() { name.set(d.name); }
            unit.set(d.unit);
            cycle.set(d.cycle_id.0);
            kind.set("quantitative".into());
            source.set(d.source);
            if description.get_untracked().trim().is_empty() { description.set(d.description); }
        }
    };
    let examples = Signal::derive(move || {
        let c = Id(cycle.get());
        state.ws.with(|w| w.catalogues.children(CatalogueKind::CycleIndicators, &c).map(|e| (e.id.0.clone(), e.label.clone())).collect::<Vec<_>>())
    });
    let use_example = move |key: String| {
        example.set(key.clone());
        let c = Id(cycle.get_untracked());
        if let Some(e) = state.ws.with_untracked(|w| w.catalogues.children(CatalogueKind::CycleIndicators, &c).find(|e| e.id.0 == key).cloned()) {
            name.set(e.label);
            description.set(e.description);
        }
    };
    let is_edit = target.is_some();
    let save = move |_| {
        let d = IndicatorDraft {
            cycle_id: Id(cycle.get_untracked()),
            name: name.get_untracked(),
            unit: unit.get_untracked(),
            kind: if kind.get_untracked() == "qualitative" { IndicatorKind::Qualitative } else { IndicatorKind::Quantitative },
            source: source.get_untracked(),
            target: target_v.get_untracked(),
            derived: DerivedMeasure::from_key(&derived.get_untracked()),
            description: description.get_untracked(),
        };
        let r = match &target {
            Some(t) => state.edit(|ws| ws.update_value_indicator(&community, t, &d, now())),
            None => state.edit(|ws| ws.add_value_indicator(&community, new_id(), &d, now())),
        };
        match r {
            Ok(()) => editing.set(None),
            Err(e) => errs.set(form_errors(e)),
        }
    };
    let measures = Signal::derive(|| DerivedMeasure::ALL.iter().map(|m| (m.key().to_string(), m.label().to_string())).collect::<Vec<_>>());
    let kinds = Signal::derive(|| vec![("quantitative".to_string(), "Quantitative (numbers)".to_string()), ("qualitative".to_string(), "Qualitative (descriptions)".to_string())]);
    view! {
        <section class="card indicator-form" aria-labelledby="indicator-form-h">
            <h3 id="indicator-form-h">{if is_edit { "Edit the indicator" } else { "Define an indicator" }}</h3>
            <CatalogueSelect id="ind-cycle" label="Value cycle" kind=CatalogueKind::ValueCycles value=cycle error=err(errs, "cycle_id")/>
            <div class="field-row">
                <div class="field">
                    <label for="ind-derived">"Computed from the workspace"</label>
                    <select id="ind-derived" prop:value=move || derived.get() on:change=move |ev| pick_measure(event_target_value(&ev)) aria-describedby="ind-derived-hint">
                        <option value="">"No: observations are entered or imported"</option>
                        {move || measures.get().into_iter().map(|(k, l)| { let sel = derived.get() == k; view! { <option value=k selected=sel>{l}</option> } }).collect_view()}
                    </select>
                    <p class="field__hint" id="ind-derived-hint">{move || DerivedMeasure::from_key(&derived.get()).map(|m| m.help()).unwrap_or("Choose a measure the workspace counts itself, from meeting records, the repertoire and the level history.")}</p>
                    {move || err(errs, "derived").get().map(|m| view! { <p class="field__error">{m}</p> })}
                </div>
                {move || derived.get().is_empty().then(|| view! {
                    <div class="field">
                        <label for="ind-example">"Start from an example"</label>
                        <select id="ind-example" prop:value=move || example.get() on:change=move |ev| use_example(event_target_value(&ev))>
                            <option value="">"Choose an example of this cycle"</option>
                            {move || examples.get().into_iter().map(|(k, l)| view! { <option value=k>{l}</option> }).collect_view()}
                        </select>
                    </div>
                })}
            </div>
            <TextField id="ind-name" label="Name" value=name required=true error=err(errs, "name")/>
            <div class="field-row">
                <SelectField id="ind-kind" label="Kind" value=kind options=kinds error=err(errs, "kind")/>
                <TextField id="ind-unit" label="Unit" value=unit hint="people, %, days; empty for a qualitative indicator" error=err(errs, "unit")/>
                <TextField id="ind-target" label="Target (optional)" value=target_v error=err(errs, "target")/>
            </div>
            <TextField id="ind-source" label="Source" value=source hint="Where the data comes from: attendance lists, platform analytics, a survey" error=err(errs, "source")/>
            <TextField id="ind-description" label="Description" value=description multiline=true error=err(errs, "description")/>
            <GeneralError errs/>
            <div class="form-actions">
                <button type="button" class="btn btn--primary" on:click=save>"Save indicator"</button>
                <button type="button" class="btn" on:click=move |_| editing.set(None)>"Cancel"</button>
            </div>
        </section>
    }
}
