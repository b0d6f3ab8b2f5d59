//! The portfolio dashboard across all communities and organisations: a sortable, filterable,
//! printable table, and charts of the communities by stage and by health band.

mod chart;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::model::portfolio::{
    count_by_health, count_by_stage, filter_rows, portfolio_rows, sort_rows, HealthBand, PortfolioFilter, PortfolioRow,
    SortKey,
};
use crate::model::roles::PlanState;
use crate::model::roles::{long_date, short_date};
use crate::model::Id;
use crate::state::{today, AppState};
use crate::ui::components::{EmptyState, SelectField, TextField};

use chart::BarChart;

#[component]
pub fn PortfolioSection() -> impl IntoView {
    let state = AppState::expect();
    let organisation = RwSignal::new(String::new());
    let stage = RwSignal::new(String::new());
    let warnings_only = RwSignal::new(false);
    let text = RwSignal::new(String::new());
    let sort = RwSignal::new((SortKey::Name, true));
    let filter = Memo::new(move |_| PortfolioFilter {
        organisation_id: Some(organisation.get()).filter(|o| !o.is_empty()).map(Id),
        stage_id: Some(stage.get()).filter(|s| !s.is_empty()).map(Id),
        warnings_only: warnings_only.get(),
        text: text.get(),
    });
    let all = Memo::new(move |_| state.ws.with(|w| portfolio_rows(w, today())));
    let empty = Memo::new(move |_| all.with(|a| a.is_empty()));
    let shown = Memo::new(move |_| {
        let mut rows = filter_rows(&all.read(), &filter.read());
        let (key, ascending) = sort.get();
        sort_rows(&mut rows, key, ascending);
        rows
    });
    let nothing_shown = Memo::new(move |_| shown.with(|s| s.is_empty()));
    let organisations = Signal::derive(move || {
        state.ws.with(|w| {
            w.organisations
                .iter()
                .map(|o| (o.id.0.clone(), o.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let stages = Signal::derive(move || {
        state.ws.with(|w| {
            w.catalogues
                .lifecycle_stages
                .iter()
                .map(|s| (s.id.0.clone(), s.label.clone()))
                .collect::<Vec<_>>()
        })
    });
    let clear = move || {
        organisation.set(String::new());
        stage.set(String::new());
        warnings_only.set(false);
        text.set(String::new());
    };
    let applied = move || state.ws.with(|w| filter.read().describe(w));
    let by_stage = Signal::derive(move || state.ws.with(|w| count_by_stage(&w.catalogues, &shown.read())));
    let by_health = Signal::derive(move || count_by_health(&shown.read()));
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <div class="portfolio">
            {move || if empty.get() {
                view! {
                    <EmptyState message="No communities yet. The portfolio shows every community with its stage, health, participation, leaders and warnings.">
                        <A href=crate::ui::href("/communities/new") attr:class="btn btn--primary">"New community"</A>
                    </EmptyState>
                }.into_any()
            } else {
                view! {
                    <form class="portfolio-filters no-print" role="search" aria-label="Filter the communities" on:submit=|ev| ev.prevent_default()>
                        <SelectField id="pf-organisation" label="Organisation" value=organisation options=organisations empty="All organisations"/>
                        <SelectField id="pf-stage" label="Stage" value=stage options=stages empty="All stages"/>
                        <TextField id="pf-text" label="Search names, stages, leaders" value=text input_type="search"/>
                        <div class="portfolio-filters__end">
                            <label class="check"><input type="checkbox" prop:checked=move || warnings_only.get() on:change=move |ev| warnings_only.set(event_target_checked(&ev))/>"With warnings only"</label>
                            <button type="button" class="btn btn--small" on:click=move |_| clear() disabled=move || filter.read().is_empty()>"Clear filters"</button>
                        </div>
                    </form>
                    <div class="portfolio-summary">
                        <p data-testid="portfolio-summary">
                            {move || {
                                let (key, asc) = sort.get();
                                let order = match (key, asc) {
                                    (SortKey::Name, true) => "A to Z",
                                    (SortKey::Name, false) => "Z to A",
                                    (_, true) => "lowest first",
                                    (_, false) => "highest first",
                                };
                                format!(
                                    "As of {}: {} of {} communities, sorted by {} ({order}).",
                                    long_date(today()),
                                    shown.with(|s| s.len()),
                                    all.with(|a| a.len()),
                                    key.describes()
                                )
                            }}
                        </p>
                        <p data-testid="portfolio-filters-applied">
                            {move || {
                                let list = applied();
                                if list.is_empty() { "Filters: none.".to_string() } else { format!("Filters: {}.", list.join("; ")) }
                            }}
                        </p>
                        <button type="button" class="btn btn--small no-print" on:click=print>"Print…"</button>
                    </div>
                    {move || if nothing_shown.get() {
                        view! {
                            <EmptyState message="No community matches these filters.">
                                <button type="button" class="btn" on:click=move |_| clear()>"Clear filters"</button>
                            </EmptyState>
                        }.into_any()
                    } else {
                        view! { <PortfolioTable rows=shown sort/> }.into_any()
                    }}
                    <section class="section portfolio-charts" aria-labelledby="charts-h">
                        <h2 id="charts-h">"Communities by stage and by health"</h2>
                        <p class="muted">{move || format!("Of the {} communities shown. Health is the score of each community's last health check.", shown.with(|s| s.len()))}</p>
                        <div class="portfolio-charts__grid">
                            <BarChart id="chart-stage" title="Communities by stage" bars=by_stage kind="stage"/>
                            <BarChart id="chart-health" title="Communities by health band" bars=by_health kind="health"/>
                        </div>
                    </section>
                }.into_any()
            }}
        </div>
    }
}

fn plan_key(s: PlanState) -> &'static str {
    match s {
        PlanState::NoPlan => "none",
        PlanState::NotStarted => "not-started",
        PlanState::InProgress => "in-progress",
        PlanState::Done => "done",
    }
}

/// A column header whose button sorts by its column; the header carries `aria-sort`.
#[component]
fn SortHeader(key: SortKey, sort: RwSignal<(SortKey, bool)>) -> impl IntoView {
    let state_of = move || {
        let (k, asc) = sort.get();
        (k == key).then_some(if asc { "ascending" } else { "descending" })
    };
    let click = move |_| {
        sort.update(|(k, asc)| {
            if *k == key {
                *asc = !*asc;
            } else {
                *k = key;
                *asc = true;
            }
        })
    };
    view! {
        <th scope="col" aria-sort=state_of class=move || if state_of().is_some() { "is-sorted" } else { "" }>
            <button type="button" class="sort-button" on:click=click>
                {key.label()}
                <span class="sort-button__icon" aria-hidden="true">{move || match state_of() {
                    Some("ascending") => "▲",
                    Some(_) => "▼",
                    None => "↕",
                }}</span>
            </button>
            // Paper has no buttons (and Chromium drops them from repeated table headers).
            <span class="sort-label-print" aria-hidden="true">{key.label()}</span>
        </th>
    }
}

#[component]
fn PortfolioTable(rows: Memo<Vec<PortfolioRow>>, sort: RwSignal<(SortKey, bool)>) -> impl IntoView {
    view! {
        <div class="table-wrap portfolio-table-wrap" tabindex="0" role="region" aria-label="Portfolio of communities">
            <table class="data-table portfolio-table" data-testid="portfolio-table">
                <caption class="visually-hidden">"Communities, one per row. Column headers sort the table."</caption>
                <thead><tr>
                    {SortKey::ALL.into_iter().map(|k| view! { <SortHeader key=k sort/> }).collect_view()}
                </tr></thead>
                <tbody>
                    {move || rows.get().into_iter().map(|r| view! { <PortfolioRowView row=r/> }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
/// One community's row. Its links are plain `<a>`: the router handles their clicks all the
/// same, and fifty rows build much faster without a reactive `<A>` each.
fn PortfolioRowView(row: PortfolioRow) -> impl IntoView {
    let id = row.community_id.clone();
    let link = |path: String| crate::ui::href(&path);
    let health = match &row.health {
        Some(h) => match h.score {
            Some(score) => {
                let band = HealthBand::of(Some(score));
                view! {
                    <span class=format!("health health--{}", band.key())><strong>{score}</strong>" / 100"</span>
                    <span class="portfolio-table__sub">{format!("{} · {}", band.label().split(' ').next().unwrap_or_default(), short_date(h.on))}</span>
                }
                .into_any()
            }
            None => view! {
                <span>"Not scored"</span>
                <span class="portfolio-table__sub">{short_date(h.on)}</span>
            }
            .into_any(),
        },
        None => view! {
            <span class="muted">"Not checked"</span>
            <a href=link(format!("/organisation/health/{id}")) class="portfolio-table__sub no-print">"Run a health check"</a>
        }
        .into_any(),
    };
    let spread = &row.spread;
    let total = spread.total.max(1) as f64;
    let segments: Vec<(usize, String, usize, f64)> = spread
        .levels
        .iter()
        .enumerate()
        .filter(|(_, l)| l.count > 0)
        .map(|(i, l)| (i.min(5), l.label.clone(), l.count, l.count as f64 * 100.0 / total))
        .collect();
    let counts: Vec<String> = segments.iter().map(|(_, label, n, _)| format!("{label} {n}")).collect();
    let participation = if spread.total == 0 {
        view! { <span class="muted">"No members"</span> }.into_any()
    } else {
        view! {
            <span class="spread-bar" aria-hidden="true">
                {segments.iter().map(|(i, _, _, pct)| view! {
                    <span class=format!("spread-bar__part spread-bar__part--{i}") style=format!("width: {pct:.1}%")></span>
                }).collect_view()}
            </span>
            <span>{format!(
                "{} member{}{}",
                spread.total,
                if spread.total == 1 { "" } else { "s" },
                spread.engaged_percent.map(|p| format!(" · {p}% core or active")).unwrap_or_default()
            )}</span>
            <span class="portfolio-table__sub">{counts.join(" · ")}</span>
        }
        .into_any()
    };
    let leaders = if row.leaders.is_empty() {
        view! { <span class="muted">"No leaders"</span> }.into_any()
    } else {
        view! {
            <ul class="portfolio-table__list">
                {row.leaders.iter().map(|l| {
                    // Leaders are listed first; a core group member is marked as such.
                    let core_only = !l.leads;
                    view! {
                        <li>
                            {l.name.clone()}
                            {core_only.then(|| view! { <span class="muted">" (core group)"</span> })}
                            <span class=format!("leader-line leader-line--{}", plan_key(l.status.state))>{format!(" — {}", l.status.short_label())}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    let warnings = if row.warnings.is_empty() {
        view! { <span class="muted">"None"</span> }.into_any()
    } else {
        let n = row.warnings.len();
        view! {
            <span class="visually-hidden">{format!("{n} warning{}: ", if n == 1 { "" } else { "s" })}</span>
            <ul class="portfolio-table__list portfolio-table__warnings">
                {row.warnings.iter().map(|w| view! { <li title=w.message.clone()>{w.short.clone()}</li> }).collect_view()}
            </ul>
        }
        .into_any()
    };
    let last = match &row.last_activity {
        Some(a) => view! {
            <span class="nowrap">{short_date(a.on)}</span>
            <span class="portfolio-table__sub">{a.what.clone()}</span>
        }
        .into_any(),
        None => view! { <span class="muted">"Nothing recorded"</span> }.into_any(),
    };
    let orgs = row.organisations.join(", ");
    view! {
        <tr data-testid="portfolio-row" data-community=id.0.clone()>
            <th scope="row">
                <a href=link(format!("/communities/{id}"))>{row.name.clone()}</a>
                {(!orgs.is_empty()).then(|| view! { <span class="portfolio-table__sub">{orgs}</span> })}
                <span class="portfolio-table__links no-print">
                    <a href=link(format!("/organisation/roles?community={id}"))>"Roles"</a>
                    <a href=link(format!("/cultivate/{id}"))>"Cultivate"</a>
                    <a href=link(format!("/organisation/health/{id}"))>"Health"</a>
                </span>
            </th>
            <td data-testid="portfolio-stage"><span class="tag tag--stage">{row.stage.clone()}</span></td>
            <td>{health}</td>
            <td class="portfolio-table__spread">{participation}</td>
            <td>{leaders}</td>
            <td>{warnings}</td>
            <td>{last}</td>
        </tr>
    }
}
