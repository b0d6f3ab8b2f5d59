//! The Evaluate area: each community's evaluation at a glance, the stories due for
//! follow-up across the workspace, and the value cycles with their guiding questions,
//! example indicators and kinds of knowledge capital.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::model::value::stories_due;
use crate::model::{CatalogueKind, Id};
use crate::state::{today, AppState};
use crate::ui::components::EmptyState;
use crate::ui::pages::use_title;

#[derive(Clone, PartialEq)]
struct Card {
    id: Id,
    name: String,
    indicators: usize,
    stories: usize,
    plan: Option<String>,
    reflection: Option<String>,
}

#[component]
pub fn EvaluatePage() -> impl IntoView {
    let state = AppState::expect();
    use_title(|| "Evaluating value creation".into());
    let cards = Memo::new(move |_| {
        state.ws.with(|w| {
            w.communities
                .iter()
                .map(|c| {
                    let ev = &c.evaluation;
                    Card {
                        id: c.id.clone(),
                        name: c.name.clone(),
                        indicators: ev.indicators.len(),
                        stories: ev.stories.len(),
                        plan: ev.plans.iter().max_by_key(|p| p.to).map(|p| format!("Plan {} to {}", p.from, p.to)),
                        reflection: crate::model::value::ops::latest_reflection(c).map(|r| format!("Reflected on {}", r.on)),
                    }
                })
                .collect::<Vec<_>>()
        })
    });
    let due = Memo::new(move |_| state.ws.with(|w| stories_due(w, today(), 14)));
    view! {
        <div class="page-header">
            <h1>"Evaluating value creation"</h1>
            <p class="lede">"For leaders, evaluators and sponsors: plan the value a community aims to create, follow it with indicators and value-creation stories, see the gaps in the matrix, and report to sponsors with the tellers' consent respected."</p>
            <div class="page-actions">
                <A href=crate::ui::href("/evaluate/report") attr:class="btn btn--primary">"Portfolio sponsor report"</A>
            </div>
        </div>
        <section class="section" aria-labelledby="due-h">
            <h2 id="due-h">"Stories due for follow-up"</h2>
            <p class="muted">"Aspirational stories whose intended ending should be checked now or in the next two weeks."</p>
            {move || {
                let list = due.get();
                if list.is_empty() {
                    view! { <p class="empty-state" data-testid="no-stories-due">"No aspirational story is due for follow-up."</p> }.into_any()
                } else {
                    view! {
                        <ul class="due-list" data-testid="stories-due">
                            {list.into_iter().map(|s| {
                                let href = crate::ui::href(&format!("/evaluate/{}/stories/{}", s.community_id, s.story_id));
                                let when = if s.overdue { format!("overdue since {}", s.follow_up_on) } else { format!("due {}", s.follow_up_on) };
                                view! {
                                    <li>
                                        <A href=href>{s.title}</A>
                                        <span class="muted">{format!(" · {} · ", s.community_name)}</span>
                                        <span class=if s.overdue { "tag tag--gap" } else { "tag" }>{when}</span>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
        </section>
        <section class="section" aria-labelledby="eval-communities-h">
            <h2 id="eval-communities-h">"Communities"</h2>
            {move || {
                let cards = cards.get();
                if cards.is_empty() {
                    view! {
                        <EmptyState message="No communities yet.">
                            <A href=crate::ui::href("/communities/new") attr:class="btn btn--primary">"New community"</A>
                        </EmptyState>
                    }.into_any()
                } else {
                    view! {
                        <ul class="card-grid" role="list">
                            {cards.into_iter().map(|c| view! {
                                <li>
                                    <article class="card card--link">
                                        <h3 class="card__title"><A href=crate::ui::href(&format!("/evaluate/{}", c.id))>{c.name}</A></h3>
                                        <p class="card__meta">{format!(
                                            "{} indicator{} · {} stor{}",
                                            c.indicators, if c.indicators == 1 { "" } else { "s" },
                                            c.stories, if c.stories == 1 { "y" } else { "ies" }
                                        )}</p>
                                        <p class="card__meta">{c.plan.unwrap_or_else(|| "No value-creation plan yet".into())}</p>
                                        {c.reflection.map(|r| view! { <p class="card__meta">{r}</p> })}
                                    </article>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
        </section>
        <CyclesGuide/>
    }
}

/// The value cycles with their meaning, guiding questions, example indicators and, for the
/// potential cycle, the kinds of knowledge capital. All of it is editable on the Data page.
#[component]
fn CyclesGuide() -> impl IntoView {
    let state = AppState::expect();
    let cycles = Memo::new(move |_| {
        state.ws.with(|w| {
            let c = &w.catalogues;
            c.get(CatalogueKind::ValueCycles)
                .iter()
                .map(|e| {
                    let kids = |k| c.children(k, &e.id).map(|x| x.label.clone()).collect::<Vec<_>>();
                    (
                        e.id.clone(),
                        e.label.clone(),
                        e.description.clone(),
                        kids(CatalogueKind::CycleQuestions),
                        kids(CatalogueKind::CycleIndicators),
                        c.children(CatalogueKind::KnowledgeCapitals, &e.id)
                            .map(|x| (x.label.clone(), x.description.clone()))
                            .collect::<Vec<_>>(),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="section" aria-labelledby="cycles-h">
            <h2 id="cycles-h">"The value cycles"</h2>
            <p class="muted">
                "Value-creation cycles after the Wenger-Trayner value-creation framework. A story can start in any cycle; not every story reaches every cycle. The cycles, questions, example indicators and kinds of knowledge capital can be edited on the "
                <A href=crate::ui::href("/data")>"Data page"</A>"."
            </p>
            <div class="cycle-guide">
                {move || cycles.get().into_iter().map(|(id, label, desc, questions, examples, capitals)| view! {
                    <details class="cycle-guide__cycle" id=format!("cycle-{id}")>
                        <summary><strong>{label}</strong>" — "{desc}</summary>
                        {(!questions.is_empty()).then(|| view! {
                            <h3 class="cycle-guide__h">"Guiding questions"</h3>
                            <ul>{questions.into_iter().map(|q| view! { <li>{q}</li> }).collect_view()}</ul>
                        })}
                        {(!examples.is_empty()).then(|| view! {
                            <h3 class="cycle-guide__h">"Example indicators"</h3>
                            <ul>{examples.into_iter().map(|q| view! { <li>{q}</li> }).collect_view()}</ul>
                        })}
                        {(!capitals.is_empty()).then(|| view! {
                            <h3 class="cycle-guide__h">"Kinds of knowledge capital"</h3>
                            <dl class="cycle-guide__capitals">{capitals.into_iter().map(|(l, d)| view! { <dt>{l}</dt><dd>{d}</dd> }).collect_view()}</dl>
                        })}
                    </details>
                }).collect_view()}
            </div>
        </section>
    }
}
