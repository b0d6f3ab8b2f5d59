//! The readiness report: one check (by default the latest) with its scores, the change
//! since another (by default the one before it), and its weakest areas with what to do.
//! This is what prints.

use leptos::prelude::*;

use crate::model::organisation::{score_percent, ReadinessCheck, SCORE_MAX};
use crate::model::readiness::{compare, score_change, weakest};
use crate::model::{CatalogueKind, Id};
use crate::state::AppState;
use crate::ui::components::SelectField;

use super::scale::{
    change_text, check_label, chosen_pair, points_change, points_class, print_page, score_meter, score_text,
};

/// How many weak areas the report lists (more when several are equally weak).
const WEAKEST: usize = 3;

#[component]
pub fn ReadinessReport(checks: Memo<Vec<ReadinessCheck>>) -> impl IntoView {
    let state = AppState::expect();
    let pick = RwSignal::new(String::new());
    let against = RwSignal::new(String::new());
    let options = Signal::derive(move || {
        let names = state.ws.with(|w| {
            checks.with(|c| {
                c.iter()
                    .map(|x| {
                        let org = x
                            .organisation_id
                            .as_ref()
                            .map(|o| w.organisation_name(o))
                            .unwrap_or_default();
                        let extra = if org.is_empty() { x.by.clone() } else { org };
                        (x.id.0.clone(), check_label(x.on, &extra))
                    })
                    .collect::<Vec<_>>()
            })
        });
        names
    });
    let against_options = Signal::derive(move || {
        let mut o = vec![("none".to_string(), "No comparison".to_string())];
        o.extend(options.get());
        o
    });
    let pair = Memo::new(move |_| {
        let ids: Vec<Id> = checks.with(|c| c.iter().map(|x| x.id.clone()).collect());
        chosen_pair(&ids, &pick.get(), &against.get())
    });
    let body = move || {
        let (before_i, after_i) = pair.get()?;
        let list = checks.get();
        let after = list.get(after_i)?.clone();
        let before = before_i.and_then(|i| list.get(i).cloned());
        Some(state.ws.with(|w| {
            let cats = &w.catalogues;
            let areas = cats.get(CatalogueKind::ReadinessAreas);
            let empty = Vec::new();
            let rows = compare(areas, before.as_ref().map_or(&empty, |b| &b.scores), &after.scores);
            let org = after.organisation_id.as_ref().map(|o| w.organisation_name(o));
            let meta = [org, (!after.by.is_empty()).then(|| format!("scored by {}", after.by))]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" · ");
            let scored = after.scores.len();
            let total = areas.len();
            let delta = before.as_ref().and_then(|b| score_change(&b.scores, &after.scores));
            let weak = weakest(cats, &after, WEAKEST);
            let before_on = before.as_ref().map(|b| b.on);
            let caption = match before_on {
                Some(b) => format!("Scores from 0 (absent) to {SCORE_MAX} (strong): the check of {} compared with {b}", after.on),
                None => format!("Scores from 0 (absent) to {SCORE_MAX} (strong) in the check of {}", after.on),
            };
            let table_rows = rows
                .iter()
                .map(|ch| {
                    let label = cats.label(CatalogueKind::ReadinessAreas, &ch.area_id);
                    view! {
                        <tr>
                            <th scope="row">{label}</th>
                            {before_on.map(|_| view! { <td>{score_text(ch.before)}</td> })}
                            <td>{score_text(ch.after)}</td>
                            {before_on.map(|_| view! { <td>{change_text(ch)}</td> })}
                        </tr>
                    }
                })
                .collect_view();
            let weak_items = weak
                .iter()
                .map(|wa| {
                    let actions = wa
                        .actions
                        .iter()
                        .map(|a| {
                            view! {
                                <li>
                                    <strong>{a.label.clone()}</strong>
                                    {(!a.description.is_empty()).then(|| view! { " "<span>{a.description.clone()}</span> })}
                                </li>
                            }
                        })
                        .collect_view();
                    let no_action = wa.actions.is_empty().then(|| {
                        view! { <li class="muted">"No action suggested in the catalogue yet; add one on the Data page."</li> }
                    });
                    view! {
                        <li class="weak-area">
                            <h4>{wa.area.label.clone()}" — "{wa.score}" "{crate::model::readiness::score_word(wa.score)}</h4>
                            <p class="muted">{wa.area.description.clone()}</p>
                            <ul class="weak-area__actions" aria-label=format!("Suggested actions for {}", wa.area.label)>
                                {actions}
                                {no_action}
                            </ul>
                        </li>
                    }
                })
                .collect_view();
            let weak_part = if weak.is_empty() {
                view! { <p>"No area stands out as weak: none is scored below “mostly”."</p> }.into_any()
            } else {
                view! { <ol class="weak-list" data-testid="readiness-weakest">{weak_items}</ol> }.into_any()
            };
            let note = (!after.note.is_empty()).then(|| {
                view! {
                    <h3>"Note"</h3>
                    <p class="checks-note">{after.note.clone()}</p>
                }
            });
            view! {
                <h2 id="readiness-report-h">"Readiness on "{after.on.to_string()}</h2>
                {(!meta.is_empty()).then(|| view! { <p class="checks-report__meta">{meta}</p> })}
                <ul class="stat-row checks-stats">
                    <li class="stat">
                        <span class="stat__value">{score_meter(score_percent(&after.scores))}</span>
                        <span class="stat__label">"Overall readiness"</span>
                    </li>
                    {before_on.map(|b| {
                        let d = delta.unwrap_or(0);
                        view! {
                            <li class="stat">
                                <span class=format!("stat__value {}", points_class(d))>{points_change(d)}</span>
                                <span class="stat__label">"Since the check of "{b.to_string()}</span>
                            </li>
                        }
                    })}
                    <li class="stat">
                        <span class="stat__value">{scored}" of "{total}</span>
                        <span class="stat__label">"Areas scored"</span>
                    </li>
                </ul>
                <h3 id="readiness-weak-h">"Weakest areas and what to do"</h3>
                {weak_part}
                <h3>"All areas"</h3>
                <div class="table-wrap" tabindex="0" role="region" aria-label="Readiness scores">
                    <table class="data-table checks-table" data-testid="readiness-scores">
                        <caption>{caption}</caption>
                        <thead>
                            <tr>
                                <th scope="col">"Area"</th>
                                {before_on.map(|b| view! { <th scope="col">{b.to_string()}</th> })}
                                <th scope="col">{after.on.to_string()}</th>
                                {before_on.map(|_| view! { <th scope="col">"Change"</th> })}
                            </tr>
                        </thead>
                        <tbody>{table_rows}</tbody>
                    </table>
                </div>
                {note}
            }
        }))
    };
    view! {
        <section class="section checks-report" aria-labelledby="readiness-report-h" data-testid="readiness-report">
            <div class="checks-report__tools no-print">
                <div class="field-row">
                    <SelectField id="readiness-pick" label="Show the check of" value=pick options=options empty="The latest check"/>
                    <SelectField id="readiness-against" label="Compare with" value=against options=against_options empty="The check before it"/>
                </div>
                <button type="button" class="btn" on:click=move |_| print_page()>"Print"</button>
            </div>
            {body}
        </section>
    }
}
