//! Indicators of success per community: computed from the workspace where they can be,
//! entered by hand where they cannot, each with where its value comes from.

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::model::portfolio::{is_computed, readings, IndicatorDraft, IndicatorStatus, ReadingSource};
use crate::model::roles::long_date;
use crate::model::{field_error, CatalogueKind, FieldError, Id, ModelError};
use crate::state::{new_id, now, today, AppState};
use crate::ui::components::{ask, CatalogueSelect, EmptyState, SelectField, TextField};

/// How each computed indicator is worked out, for the explanation at the top.
const HOW: [(&str, &str, &str); 6] = [
    (
        "leadership_depth",
        "the memberships",
        "two or more members hold leading roles (leaders or core group members) and the core group is not empty",
    ),
    (
        "participation_spread",
        "the memberships and their level history",
        "three or more participation levels have members and someone moved between levels in the last 12 months",
    ),
    (
        "rhythm_sustained",
        "the rhythm planner",
        "three or more occurrences are planned in the next three months (about one a month)",
    ),
    (
        "learning_agenda_active",
        "the learning agenda of the forming wizard",
        "at least one topic has an owner",
    ),
    (
        "repertoire_growing",
        "the repertoire",
        "an item was added in the last 12 months",
    ),
    (
        "leaders_trained",
        "the leaders' capacity-building plans",
        "every leader has done at least one step",
    ),
];

#[component]
pub fn IndicatorsSection() -> impl IntoView {
    let state = AppState::expect();
    let communities = Memo::new(move |_| {
        state.ws.with(|w| {
            w.communities
                .iter()
                .map(|c| (c.id.0.clone(), c.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    // The community whose details are shown ("" for all); the first one to begin with.
    let shown = RwSignal::new(communities.with_untracked(|c| c.first().map(|c| c.0.clone()).unwrap_or_default()));
    let visible = Memo::new(move |_| {
        let pick = shown.get();
        let list = communities.get();
        let any = list.iter().any(|(id, _)| *id == pick);
        list.into_iter()
            .filter(|(id, _)| pick.is_empty() || !any || *id == pick)
            .map(|(id, _)| Id(id))
            .collect::<Vec<_>>()
    });
    let how = move || {
        state.ws.with(|w| {
            HOW.iter()
                .filter(|(id, _, _)| w.catalogues.contains(CatalogueKind::OrgIndicators, &Id::new(*id)))
                .map(|(id, from, met)| {
                    (
                        w.catalogues.label(CatalogueKind::OrgIndicators, &Id::new(*id)),
                        *from,
                        *met,
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div class="org-indicators">
            <section class="section" aria-labelledby="how-h">
                <h2 id="how-h">"Where the values come from"</h2>
                <p class="muted">"Six indicators are computed from the workspace whenever the community has the records they need; until then, and for every other indicator, the latest value entered by hand is shown. Indicators are edited on the Data page."</p>
                <details class="indicator-how">
                    <summary>"How the computed indicators are worked out"</summary>
                    <dl class="indicator-how__list">
                        {move || how().into_iter().map(|(label, from, met)| view! {
                            <dt>{label}</dt>
                            <dd>{format!("Computed from {from}. Met when {met}.")}</dd>
                        }).collect_view()}
                    </dl>
                </details>
            </section>
            {move || if communities.with(|c| c.is_empty()) {
                view! {
                    <EmptyState message="No communities yet. Indicators appear here for each community.">
                        <A href=crate::ui::href("/communities/new") attr:class="btn btn--primary">"New community"</A>
                    </EmptyState>
                }.into_any()
            } else {
                view! {
                    <Overview shown/>
                    <section class="section" aria-labelledby="details-h">
                        <h2 id="details-h">"Details"</h2>
                        <div class="community-chooser no-print">
                            <SelectField id="indicator-filter" label="Community" value=shown options=Signal::derive(move || communities.get()) empty="All communities"/>
                        </div>
                        <For each=move || visible.get() key=|c| c.clone() let:cid>
                            <CommunityIndicators id=cid/>
                        </For>
                    </section>
                }.into_any()
            }}
        </div>
    }
}

fn status_class(status: IndicatorStatus) -> &'static str {
    match status {
        IndicatorStatus::Met => "tag tag--ok",
        IndicatorStatus::NotMet => "tag tag--gap",
        IndicatorStatus::Recorded => "tag tag--stage",
        IndicatorStatus::Missing => "tag indicator-missing",
    }
}

/// A community of the overview: id, name, and per indicator its status and a tooltip.
type MatrixRow = (Id, String, Vec<(IndicatorStatus, String)>);

/// Every community against every indicator, status only; a community's name shows its
/// details below.
#[component]
fn Overview(shown: RwSignal<String>) -> impl IntoView {
    let state = AppState::expect();
    let data = Memo::new(move |_| {
        state.ws.with(|w| {
            let heads: Vec<String> = w.catalogues.org_indicators.iter().map(|e| e.label.clone()).collect();
            let rows: Vec<MatrixRow> = w
                .communities
                .iter()
                .map(|c| {
                    let cells = readings(w, c, today())
                        .into_iter()
                        .map(|r| {
                            let title = if r.value.is_empty() {
                                r.source_text()
                            } else {
                                format!("{}: {}", r.value, r.source_text())
                            };
                            (r.status, title)
                        })
                        .collect();
                    (c.id.clone(), c.name.clone(), cells)
                })
                .collect();
            (heads, rows)
        })
    });
    view! {
        <section class="section" aria-labelledby="overview-h">
            <h2 id="overview-h">"Overview"</h2>
            <p class="muted">"Each community against each indicator. Choose a community for its values and where they come from."</p>
            <div class="table-wrap" tabindex="0" role="region" aria-label="Table of indicators by community">
                <table class="data-table indicator-matrix" data-testid="indicator-matrix">
                    <thead><tr>
                        <th scope="col">"Community"</th>
                        {move || data.with(|d| d.0.clone()).into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}
                    </tr></thead>
                    <tbody>
                        {move || data.with(|d| d.1.clone()).into_iter().map(|(cid, name, cells)| {
                            let label = format!("Show the details of {name}");
                            view! {
                                <tr>
                                    <th scope="row">
                                        <button type="button" class="link-button" aria-label=label
                                            on:click=move |_| {
                                                shown.set(cid.0.clone());
                                                if let Some(el) = document().get_element_by_id("details-h") {
                                                    el.scroll_into_view();
                                                }
                                            }>{name}</button>
                                    </th>
                                    {cells.into_iter().map(|(status, title)| view! {
                                        <td><span class=status_class(status) title=title>{status.label()}</span></td>
                                    }).collect_view()}
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

#[derive(Clone, PartialEq)]
struct Row {
    indicator: String,
    description: String,
    value: String,
    status: IndicatorStatus,
    source: String,
    computed: bool,
}

/// One community's indicators, its values entered by hand, and the form to enter one.
#[component]
fn CommunityIndicators(id: Id) -> impl IntoView {
    let state = AppState::expect();
    let name = {
        let id = id.clone();
        Memo::new(move |_| {
            state
                .ws
                .with(|w| w.community(&id).map(|c| c.name.clone()).unwrap_or_default())
        })
    };
    let rows = {
        let id = id.clone();
        Memo::new(move |_| {
            state.ws.with(|w| {
                let Some(c) = w.community(&id) else { return Vec::new() };
                readings(w, c, today())
                    .into_iter()
                    .map(|r| {
                        let entry = w.catalogues.entry(CatalogueKind::OrgIndicators, &r.indicator_id);
                        Row {
                            indicator: entry.map(|e| e.label.clone()).unwrap_or_default(),
                            description: entry.map(|e| e.description.clone()).unwrap_or_default(),
                            computed: matches!(r.source, ReadingSource::Computed(_)),
                            source: r.source_text(),
                            value: r.value,
                            status: r.status,
                        }
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    let manual = {
        let id = id.clone();
        Memo::new(move |_| {
            state.ws.with(|w| {
                let Some(c) = w.community(&id) else { return Vec::new() };
                let mut list: Vec<_> = c
                    .stewardship
                    .indicator_values
                    .iter()
                    .map(|v| {
                        (
                            v.id.clone(),
                            v.on,
                            w.catalogues.label(CatalogueKind::OrgIndicators, &v.indicator_id),
                            v.value.clone(),
                            v.source.clone(),
                        )
                    })
                    .collect();
                list.sort_by_key(|v| std::cmp::Reverse(v.1));
                list
            })
        })
    };
    let heading_id = format!("ind-{id}");
    let table_label = move || format!("Indicators of {}", name.get());
    let href = crate::ui::href(&format!("/communities/{id}"));
    let cid = id.clone();
    let sid = heading_id.clone();
    view! {
        <section class="section indicator-community" aria-labelledby=sid data-testid="indicator-community">
            <h3 id=heading_id class="indicator-community__title"><A href=href>{move || name.get()}</A></h3>
            <div class="table-wrap" tabindex="0" role="region" aria-label=table_label>
                <table class="data-table indicator-table" data-testid="indicator-table">
                    <thead><tr>
                        <th scope="col">"Indicator"</th>
                        <th scope="col">"Value"</th>
                        <th scope="col">"Status"</th>
                        <th scope="col">"Where it comes from"</th>
                    </tr></thead>
                    <tbody>
                        {move || rows.get().into_iter().map(|r| {
                            view! {
                                <tr>
                                    <th scope="row">{r.indicator}<span class="indicator-table__help">{r.description}</span></th>
                                    <td>{if r.value.is_empty() { view! { <span class="muted">"—"</span> }.into_any() } else { r.value.into_any() }}</td>
                                    <td><span class=status_class(r.status)>{r.status.label()}</span></td>
                                    <td class=if r.computed { "indicator-source indicator-source--computed" } else { "indicator-source" }>{r.source}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            {move || {
                let list = manual.get();
                (!list.is_empty()).then(|| {
                    let n = list.len();
                    let cid = cid.clone();
                    view! {
                        <details class="manual-values">
                            <summary>{format!("Values entered by hand ({n})")}</summary>
                            <ul class="member-list">
                                {list.into_iter().map(|(vid, on, indicator, value, source)| {
                                    let cid = cid.clone();
                                    let what = format!("{indicator}: {value}");
                                    let label = format!("Delete the value “{value}” of {indicator} ({})", long_date(on));
                                    let remove = move |_| {
                                        let (cid, vid) = (cid.clone(), vid.clone());
                                        ask(format!("Delete the value of {indicator} entered for {}?", long_date(on)), vec![format!("“{value}” is deleted. An earlier value, if any, is shown again.")], "Delete value", move || {
                                            let _ = state.edit(|ws| ws.delete_indicator_value(&cid, &vid, now()));
                                        });
                                    };
                                    view! {
                                        <li>
                                            <div class="stack">
                                                <strong>{what}</strong>
                                                <span class="muted">{format!("{}{}", long_date(on), if source.is_empty() { String::new() } else { format!(" · {source}") })}</span>
                                            </div>
                                            <button class="btn btn--small no-print" aria-label=label on:click=remove>"Delete…"</button>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        </details>
                    }
                })
            }}
            <details class="card manual-form no-print">
                <summary>{move || format!("Enter a value by hand for {}", name.get())}</summary>
                <ManualValueForm community=id.clone()/>
            </details>
        </section>
    }
}

/// The form for a value entered by hand. The indicator starts on the first one the app does
/// not compute.
#[component]
fn ManualValueForm(community: Id) -> impl IntoView {
    let state = AppState::expect();
    let first_manual = state.ws.with_untracked(|w| {
        let list = &w.catalogues.org_indicators;
        list.iter()
            .find(|e| !is_computed(&e.id))
            .or(list.first())
            .map(|e| e.id.0.clone())
            .unwrap_or_default()
    });
    let indicator = RwSignal::new(first_manual);
    let on = RwSignal::new(today().to_string());
    let value = RwSignal::new(String::new());
    let source = RwSignal::new(String::new());
    let attempted = RwSignal::new(false);
    let date_error = Memo::new(move |_| {
        (attempted.get() && NaiveDate::parse_from_str(&on.get(), "%Y-%m-%d").is_err())
            .then(|| "Enter the date as YYYY-MM-DD".to_string())
    });
    let draft = move || IndicatorDraft {
        indicator_id: Id(indicator.get()),
        on: NaiveDate::parse_from_str(&on.get(), "%Y-%m-%d").unwrap_or_else(|_| today()),
        value: value.get(),
        source: source.get(),
    };
    let problems = Memo::new(move |_| {
        if attempted.get() {
            state.ws.with(|ws| draft().problems(ws, today()))
        } else {
            Vec::<FieldError>::new()
        }
    });
    let err = move |f: &'static str| Signal::derive(move || field_error(&problems.read(), f));
    let date_err = Signal::derive(move || date_error.get().or_else(|| field_error(&problems.read(), "on")));
    let computed_note = move || {
        is_computed(&Id(indicator.get())).then_some(
            "This indicator is computed from the workspace once the community has the records it needs; a value entered by hand is shown until then.",
        )
    };
    let prefix = format!("manual-{community}");
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        attempted.set(true);
        if date_error.get_untracked().is_some() {
            return;
        }
        let d = draft();
        if !state.ws.with_untracked(|ws| d.problems(ws, today())).is_empty() {
            return;
        }
        match state.edit(|ws| ws.add_indicator_value(&community, new_id(), &d, now())) {
            Ok(()) => {
                state.notice.set(Some("Value saved.".into()));
                attempted.set(false);
                value.set(String::new());
                source.set(String::new());
            }
            Err(ModelError::Invalid(_)) => {}
            Err(e) => state.notice.set(Some(e.to_string())),
        }
    };
    view! {
        <form class="form" on:submit=submit novalidate>
            <CatalogueSelect id=format!("{prefix}-indicator") label="Indicator" kind=CatalogueKind::OrgIndicators value=indicator error=err("indicator_id")/>
            {move || computed_note().map(|n| view! { <p class="field__hint">{n}</p> })}
            <TextField id=format!("{prefix}-on") label="Date" input_type="date" value=on error=date_err required=true/>
            <TextField id=format!("{prefix}-value") label="Value" value=value error=err("value") required=true
                hint="As you would say it: “yes”, “12 requests”, “attends every quarter”."/>
            <TextField id=format!("{prefix}-source") label="Source (optional)" value=source error=err("source")
                hint="Where it comes from: “Sponsor's quarterly review”, “Help-desk log”."/>
            <div class="form-actions">
                <button class="btn btn--primary" type="submit">"Save value"</button>
            </div>
        </form>
    }
}
