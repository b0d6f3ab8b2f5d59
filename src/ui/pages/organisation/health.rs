//! The success and risk factors health check: a periodic check of each community against
//! the `success_factors` catalogue, with the `risk_factors` present flagged, kept dated so
//! that the change between two checks shows.

mod form;
mod history;
mod report;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::model::organisation::HealthCheck;
use crate::model::readiness::{health_warnings, score_change, HealthWarning};
use crate::model::{CatalogueKind, Id};
use crate::state::AppState;
use crate::ui::components::EmptyState;

use super::readiness::scale::{points_change, points_class, score_meter};
use form::{HealthForm, HealthFormState};
use history::HealthHistory;
use report::HealthReport;

/// `/organisation/health/:id`: one community's health checks.
#[component]
pub fn HealthSection(id: Id) -> impl IntoView {
    let state = AppState::expect();
    let checks = {
        let id = id.clone();
        Memo::new(move |_| {
            state.ws.with(|w| {
                w.community(&id)
                    .map(|c| c.stewardship.health_checks.clone())
                    .unwrap_or_default()
            })
        })
    };
    let factors = state
        .ws
        .with_untracked(|w| w.catalogues.get(CatalogueKind::SuccessFactors).clone());
    let form = HealthFormState::new(&factors);
    let empty = Memo::new(move |_| checks.with(Vec::is_empty));
    let (id_history, id_form) = (id.clone(), id.clone());
    view! {
        <div class="checks checks--health">
            <p class="lede">"A periodic check against the success factors, with the risk factors flagged. Score it with the leaders and core group, every few months: the change between two checks is what to talk about."</p>
            <Show
                when=move || !empty.get()
                fallback=|| view! {
                    <EmptyState message="No health check yet. Score the success factors and flag the risks below; record a second check later to see what changed."/>
                }
            >
                <HealthReport checks/>
                <HealthHistory id=id_history.clone() checks form/>
            </Show>
            <HealthForm id=id_form checks form/>
        </div>
    }
}

/// What needs attention in a community's latest check, in words.
fn attention(risks: usize, factors: usize) -> String {
    let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    match (risks, factors) {
        (0, 0) => "nothing".into(),
        (r, 0) => plural(r, "risk flagged", "risks flagged"),
        (0, f) => plural(f, "factor weak or slipping", "factors weak or slipping"),
        (r, f) => format!(
            "{}; {}",
            plural(r, "risk flagged", "risks flagged"),
            plural(f, "factor weak or slipping", "factors weak or slipping")
        ),
    }
}

/// One row of the list: what the latest check says.
#[derive(Clone, PartialEq)]
struct Row {
    id: Id,
    name: String,
    checks: usize,
    last: Option<HealthCheck>,
    change: Option<(i16, chrono::NaiveDate)>,
    warnings: usize,
}

/// `/organisation/health`: every community with its last check.
#[component]
pub fn HealthList() -> impl IntoView {
    let state = AppState::expect();
    let rows = Memo::new(move |_| {
        state.ws.with(|w| {
            w.communities
                .iter()
                .map(|c| {
                    let list = &c.stewardship.health_checks;
                    let last = list.last().cloned();
                    let change = match list.as_slice() {
                        [.., before, after] => score_change(&before.scores, &after.scores).map(|d| (d, before.on)),
                        _ => None,
                    };
                    Row {
                        id: c.id.clone(),
                        name: c.name.clone(),
                        checks: list.len(),
                        last,
                        change,
                        // Risks have their own column: count the factors that need attention.
                        warnings: health_warnings(&w.catalogues, list)
                            .iter()
                            .filter(|x| !matches!(x, HealthWarning::Risk(_)))
                            .count(),
                    }
                })
                .collect::<Vec<_>>()
        })
    });
    let body = move || {
        let rows = rows.get();
        if rows.is_empty() {
            return view! {
                <EmptyState message="No communities yet. Add a community first; its health checks are kept here.">
                    <A href=crate::ui::href("/communities/new") attr:class="btn btn--primary">"Add a community"</A>
                </EmptyState>
            }
            .into_any();
        }
        let checked = rows.iter().filter(|r| r.last.is_some()).count();
        let total = rows.len();
        let items = rows
            .into_iter()
            .map(|r| {
                let link = crate::ui::href(&format!("/organisation/health/{}", r.id));
                let name = r.name.clone();
                match r.last {
                    None => view! {
                        <tr>
                            <th scope="row"><A href=link>{name}</A></th>
                            <td colspan="4" class="muted">"No check yet"</td>
                            <td class="num">"0"</td>
                        </tr>
                    }
                    .into_any(),
                    Some(last) => {
                        let change = match r.change {
                            Some((d, since)) => view! {
                                <span class=points_class(d)>{points_change(d)}</span>
                                <span class="muted">" since "{since.to_string()}</span>
                            }
                            .into_any(),
                            None => view! { <span class="muted">"first check"</span> }.into_any(),
                        };
                        view! {
                            <tr>
                                <th scope="row"><A href=link>{name}</A></th>
                                <td class="nowrap-date">{last.on.to_string()}</td>
                                <td>{score_meter(last.score())}</td>
                                <td>{change}</td>
                                <td>{attention(last.risks.len(), r.warnings)}</td>
                                <td class="num">{r.checks}</td>
                            </tr>
                        }
                        .into_any()
                    }
                }
            })
            .collect_view();
        view! {
            <p class="muted">{format!("{checked} of {total} communities have a health check. Open a community to record a check or to compare two.")}</p>
            <div class="table-wrap" tabindex="0" role="region" aria-label="Community health table">
                <table class="data-table" data-testid="health-list">
                    <caption class="visually-hidden">"Each community's latest health check"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Community"</th>
                            <th scope="col">"Last check"</th>
                            <th scope="col">"Health"</th>
                            <th scope="col">"Change"</th>
                            <th scope="col">"Needs attention"</th>
                            <th scope="col" class="num">"Checks"</th>
                        </tr>
                    </thead>
                    <tbody>{items}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! { <section class="section checks" aria-label="Health of each community">{body}</section> }
}
