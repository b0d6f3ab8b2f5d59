//! A community's health report: one check (by default the latest) with its warnings, the
//! change since another (by default the one before it) as a table, and the risks added,
//! cleared and still present.

use leptos::prelude::*;

use crate::model::organisation::{HealthCheck, SCORE_MAX};
use crate::model::readiness::{compare, compare_health, health_warnings, HealthWarning};
use crate::model::{CatalogueKind, Id};
use crate::state::AppState;
use crate::ui::components::SelectField;

use crate::ui::pages::organisation::readiness::scale::{
    change_text, check_label, chosen_pair, points_change, points_class, print_page, score_meter, score_text,
};

#[component]
pub fn HealthReport(checks: Memo<Vec<HealthCheck>>) -> impl IntoView {
    let state = AppState::expect();
    let pick = RwSignal::new(String::new());
    let against = RwSignal::new(String::new());
    let options = Signal::derive(move || {
        checks.with(|c| {
            c.iter()
                .map(|x| (x.id.0.clone(), check_label(x.on, &x.note)))
                .collect::<Vec<_>>()
        })
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
            let factors = cats.get(CatalogueKind::SuccessFactors);
            let warnings = health_warnings(cats, &list[..=after_i]);
            let warning_items = warnings
                .iter()
                .map(|x| {
                    let class = match x {
                        HealthWarning::Risk(_) => "warning warning--risk",
                        HealthWarning::Slipped { .. } => "warning warning--slipped",
                        HealthWarning::Weak { .. } => "warning warning--weak",
                    };
                    view! { <li class=class>{x.describe(cats)}</li> }
                })
                .collect_view();
            let warnings_part = if warnings.is_empty() {
                view! { <p>"Nothing needs attention: no risk flagged, no factor weak or slipping."</p> }.into_any()
            } else {
                view! { <ul class="warning-list" data-testid="health-warnings">{warning_items}</ul> }.into_any()
            };
            let risk_line = |ids: &[Id]| -> AnyView {
                if ids.is_empty() {
                    view! { <span class="muted">"none"</span> }.into_any()
                } else {
                    let labels: Vec<String> = ids.iter().map(|r| cats.label(CatalogueKind::RiskFactors, r)).collect();
                    view! { <span>{labels.join("; ")}</span> }.into_any()
                }
            };
            let (rows, risks_part, delta_stat) = match &before {
                Some(b) => {
                    let cmp = compare_health(cats, b, &after);
                    let delta = cmp.score_before.zip(cmp.score_after).map(|(x, y)| i16::from(y) - i16::from(x));
                    let risks = view! {
                        <dl class="risk-changes" data-testid="health-risk-changes">
                            <dt>"Flagged since "{b.on.to_string()}</dt>
                            <dd>{risk_line(&cmp.risks_added)}</dd>
                            <dt>"Cleared since "{b.on.to_string()}</dt>
                            <dd>{risk_line(&cmp.risks_cleared)}</dd>
                            <dt>"Still present"</dt>
                            <dd>{risk_line(&cmp.risks_kept)}</dd>
                        </dl>
                    }
                    .into_any();
                    let stat = delta.map(|d| {
                        view! {
                            <li class="stat">
                                <span class=format!("stat__value {}", points_class(d))>{points_change(d)}</span>
                                <span class="stat__label">"Since the check of "{b.on.to_string()}</span>
                            </li>
                        }
                    });
                    (cmp.factors, risks, stat)
                }
                None => {
                    let risks = view! {
                        <dl class="risk-changes">
                            <dt>"Risks present"</dt>
                            <dd>{risk_line(&after.risks)}</dd>
                        </dl>
                    }
                    .into_any();
                    (compare(factors, &[], &after.scores), risks, None)
                }
            };
            let before_on = before.as_ref().map(|b| b.on);
            let (scored, total) = (after.scores.len(), factors.len());
            let overall_label = if scored < total {
                format!("Success factors overall ({scored} of {total} scored)")
            } else {
                "Success factors overall".to_string()
            };
            let table_rows = rows
                .iter()
                .map(|ch| {
                    let label = cats.label(CatalogueKind::SuccessFactors, &ch.area_id);
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
            let caption = match before_on {
                Some(b) => format!("Success factors from 0 (absent) to {SCORE_MAX} (strong): {b} compared with {}", after.on),
                None => format!("Success factors from 0 (absent) to {SCORE_MAX} (strong) on {}", after.on),
            };
            let note = (!after.note.is_empty()).then(|| {
                view! {
                    <h3>"Note"</h3>
                    <p class="checks-note">{after.note.clone()}</p>
                }
            });
            view! {
                <h2 id="health-report-h">"Health on "{after.on.to_string()}</h2>
                <ul class="stat-row checks-stats">
                    <li class="stat">
                        <span class="stat__value">{score_meter(after.score())}</span>
                        <span class="stat__label">{overall_label}</span>
                    </li>
                    {delta_stat}
                    <li class="stat">
                        <span class="stat__value">{after.risks.len()}</span>
                        <span class="stat__label">"Risk factors flagged"</span>
                    </li>
                </ul>
                <h3>"Needs attention"</h3>
                {warnings_part}
                <h3>{if before_on.is_some() { "What changed" } else { "Scores" }}</h3>
                <div class="table-wrap" tabindex="0" role="region" aria-label="Success factor scores">
                    <table class="data-table checks-table" data-testid="health-comparison">
                        <caption>{caption}</caption>
                        <thead>
                            <tr>
                                <th scope="col">"Success factor"</th>
                                {before_on.map(|b| view! { <th scope="col">"Before ("{b.to_string()}")"</th> })}
                                <th scope="col">{if before_on.is_some() { format!("After ({})", after.on) } else { after.on.to_string() }}</th>
                                {before_on.map(|_| view! { <th scope="col">"Change"</th> })}
                            </tr>
                        </thead>
                        <tbody>{table_rows}</tbody>
                    </table>
                </div>
                <h3>"Risk factors"</h3>
                {risks_part}
                {note}
            }
        }))
    };
    view! {
        <section class="section checks-report" aria-labelledby="health-report-h" data-testid="health-report">
            <div class="checks-report__tools no-print">
                <div class="field-row">
                    <SelectField id="health-pick" label="Show the check of" value=pick options=options empty="The latest check"/>
                    <SelectField id="health-against" label="Compare with" value=against options=against_options empty="The check before it"/>
                </div>
                <button type="button" class="btn" on:click=move |_| print_page()>"Print"</button>
            </div>
            {body}
        </section>
    }
}
