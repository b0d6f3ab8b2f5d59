use chrono::{Duration, NaiveDate};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::model::participation::{flows, quarters, rings, timeline, warnings, Direction};
use crate::model::{CatalogueKind, Id};
use crate::state::{today, AppState};
use crate::ui::components::{EmptyState, LevelForm, MapRing, ParticipationMap, SelectField};

/// The participation map, its list alternative, moves between levels, and their timeline.
#[component]
pub fn ParticipationSection(id: Id) -> impl IntoView {
    let state = AppState::expect();
    let selected = RwSignal::new(None::<Id>);
    let map = {
        let id = id.clone();
        Memo::new(move |_| {
            state.ws.with(|w| {
                let Some(c) = w.community(&id) else { return Vec::new() };
                rings(&w.catalogues, c)
                    .into_iter()
                    .map(|r| MapRing {
                        label: w.catalogues.label(CatalogueKind::ParticipationLevels, &r.level_id),
                        members: r
                            .members
                            .iter()
                            .map(|m| {
                                let person = c
                                    .memberships
                                    .iter()
                                    .find(|x| &x.id == m)
                                    .map(|x| w.person_name(&x.person_id))
                                    .unwrap_or_default();
                                (m.clone(), person)
                            })
                            .collect(),
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    let alerts = {
        let id = id.clone();
        move || {
            state
                .ws
                .with(|w| w.community(&id).map(|c| warnings(&w.catalogues, c)).unwrap_or_default())
        }
    };
    // A memo, so that the move panel (and what is typed in it) is rebuilt only when the
    // chosen member's own data changes, not on every edit.
    let chosen = {
        let id = id.clone();
        Memo::new(move |_| {
            let m = selected.get()?;
            state.ws.with(|w| {
                let c = w.community(&id)?;
                let mem = c.memberships.iter().find(|x| x.id == m)?;
                Some((
                    mem.id.clone(),
                    w.person_name(&mem.person_id),
                    mem.level_id.0.clone(),
                    w.catalogues.label(CatalogueKind::ParticipationLevels, &mem.level_id),
                ))
            })
        })
    };
    // Keyboard users land in the move panel once they choose a member, and back at the map
    // when the panel closes.
    Effect::new(move |previous: Option<Option<Id>>| {
        let current = selected.get();
        let target = match (&previous, &current) {
            (_, Some(m)) if previous.as_ref() != Some(&Some(m.clone())) => Some("move-h"),
            (Some(Some(_)), None) => Some("pmap-h"),
            _ => None,
        };
        if let Some(target) = target {
            request_animation_frame(move || {
                if let Some(el) = document().get_element_by_id(target) {
                    if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                        let _ = el.focus();
                    }
                }
            });
        }
        current
    });
    let cid = id.clone();
    view! {
        <section class="section" aria-labelledby="pmap-h">
            <h2 id="pmap-h" tabindex="-1">"Participation map"</h2>
            <p class="muted">"Members by level of participation, the core group at the centre. Choose a member on the map or in the list to record a move; each move is dated, with an optional reason."</p>
            {move || alerts().into_iter().map(|a| view! { <p class="banner banner--warning" data-testid="participation-warning">{a.message}</p> }).collect_view()}
            {move || {
                let rings = map.get();
                if rings.iter().all(|r| r.members.is_empty()) {
                    let href = crate::ui::href(&format!("/communities/{}", cid));
                    view! {
                        <EmptyState message="No members yet. Add members on the community's page, then come back to see the map.">
                            <A href=href attr:class="btn">"Go to the community"</A>
                        </EmptyState>
                    }.into_any()
                } else {
                    view! {
                        <div class="map-layout">
                            <ParticipationMap title="Participation map" rings=rings.clone() selected/>
                            <div class="stack">
                                <h3>"The map as a list"</h3>
                                <ul class="member-list" data-testid="participation-list">
                                    {rings.into_iter().map(|r| {
                                        let label = r.label.clone();
                                        view! {
                                            <li>
                                                <div class="stack">
                                                    <strong>{format!("{} ({})", r.label, r.members.len())}</strong>
                                                    <span class="cluster">
                                                        {if r.members.is_empty() {
                                                            view! { <span class="muted">"Nobody"</span> }.into_any()
                                                        } else {
                                                            r.members.into_iter().map(|(mid, name)| {
                                                                let aria = format!("Move {name} ({label})");
                                                                view! { <button class="btn btn--small" aria-label=aria on:click=move |_| selected.set(Some(mid.clone()))>{name}</button> }
                                                            }).collect_view().into_any()
                                                        }}
                                                    </span>
                                                </div>
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
                            </div>
                        </div>
                    }.into_any()
                }
            }}
            {
                let id = id.clone();
                move || chosen.get().map(|(mid, name, level, level_label)| {
                    let id = id.clone();
                    view! {
                        <section class="card" aria-labelledby="move-h" data-testid="move-panel">
                            <h3 class="card__title" id="move-h" tabindex="-1">{format!("Move {name}")}</h3>
                            <p class="muted">{format!("Now: {level_label}.")}</p>
                            <LevelForm community=id membership=mid current=level done=move || selected.set(None)/>
                        </section>
                    }
                })
            }
        </section>
        <Timeline id/>
    }
}

#[component]
fn Timeline(id: Id) -> impl IntoView {
    let state = AppState::expect();
    let period = RwSignal::new("365".to_string());
    let periods = Signal::derive(|| {
        vec![
            ("90".to_string(), "The last 3 months".to_string()),
            ("365".to_string(), "The last 12 months".to_string()),
            ("all".to_string(), "All time".to_string()),
        ]
    });
    let range = move || {
        let to = today();
        let from = match period.get().as_str() {
            "all" => NaiveDate::MIN,
            days => to - Duration::days(days.parse().unwrap_or(365)),
        };
        (from, to)
    };
    let data = {
        let id = id.clone();
        Memo::new(move |_| {
            let (from, to) = range();
            state.ws.with(|w| {
                let Some(c) = w.community(&id) else {
                    return (Vec::new(), Vec::new(), Vec::new());
                };
                let level = |l: &Id| w.catalogues.label(CatalogueKind::ParticipationLevels, l);
                let flows: Vec<(String, String, usize)> = flows(&w.catalogues, c, from, to)
                    .into_iter()
                    .map(|f| {
                        (
                            f.from_level_id.as_ref().map(level).unwrap_or_else(|| "Joined".into()),
                            level(&f.to_level_id),
                            f.count,
                        )
                    })
                    .collect();
                let moves: Vec<(NaiveDate, String, String, Direction)> = timeline(&w.catalogues, c)
                    .into_iter()
                    .filter(|m| m.on >= from && m.on <= to)
                    .map(|m| {
                        let who = w.person_name(&m.person_id);
                        let what = match &m.from_level_id {
                            None => format!("{who} joined as {}", level(&m.to_level_id)),
                            Some(f) => format!("{who}: {} → {}", level(f), level(&m.to_level_id)),
                        };
                        let what = if m.reason.is_empty() || m.from_level_id.is_none() {
                            what
                        } else {
                            format!("{what} ({})", m.reason)
                        };
                        (m.on, what, String::new(), m.direction)
                    })
                    .collect();
                let q = quarters(&w.catalogues, c)
                    .into_iter()
                    .map(|q| (q.label, q.joined, q.inward, q.outward))
                    .collect::<Vec<_>>();
                (flows, moves, q)
            })
        })
    };
    view! {
        <section class="section" aria-labelledby="flows-h">
            <h2 id="flows-h">"Flows between levels"</h2>
            <SelectField id="flow-period" label="Period" value=period options=periods/>
            {move || {
                let (flows, moves, q) = data.get();
                view! {
                    {if flows.is_empty() {
                        view! { <p class="muted">"No joins or moves in this period."</p> }.into_any()
                    } else {
                        view! {
                            <div class="table-wrap" tabindex="0" role="region" aria-label="Table of flows between levels">
                                <table class="data-table" data-testid="flows-table">
                                    <caption>"Moves between levels in the period, most frequent first"</caption>
                                    <thead><tr><th scope="col">"From"</th><th scope="col">"To"</th><th scope="col" class="num">"People"</th></tr></thead>
                                    <tbody>
                                        {flows.into_iter().map(|(f, t, n)| view! { <tr><td>{f}</td><td>{t}</td><td class="num">{n}</td></tr> }).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                        }.into_any()
                    }}
                    <h3>"Timeline"</h3>
                    <ol class="timeline" data-testid="participation-timeline">
                        {moves.into_iter().map(|(on, what, _, dir)| {
                            let (mark, class) = match dir {
                                Direction::Inward => ("↑ towards the core", "flow-in"),
                                Direction::Outward => ("↓ away from the core", "flow-out"),
                                // "… joined as Occasional" says it already.
                                Direction::Joined | Direction::Unknown => ("", "muted"),
                            };
                            view! { <li><time datetime=on.to_string()>{on.to_string()}</time>" "{what}{(!mark.is_empty()).then(|| view! { " "<span class=class>{mark}</span> })}</li> }
                        }).collect_view()}
                    </ol>
                    {(!q.is_empty()).then(|| view! {
                        <div class="table-wrap" tabindex="0" role="region" aria-label="Joins and moves per quarter">
                            <table class="data-table" data-testid="quarters-table">
                                <caption>"Joins and moves per quarter, all time"</caption>
                                <thead><tr><th scope="col">"Quarter"</th><th scope="col" class="num">"Joined"</th><th scope="col" class="num">"Towards the core"</th><th scope="col" class="num">"Away from the core"</th></tr></thead>
                                <tbody>{q.into_iter().map(|(l, j, i, o)| view! { <tr><th scope="row">{l}</th><td class="num">{j}</td><td class="num">{i}</td><td class="num">{o}</td></tr> }).collect_view()}</tbody>
                            </table>
                        </div>
                    })}
                }
            }}
        </section>
    }
}
