//! The balance of activity types and formats over a chosen period: horizontal bars with a
//! table of the same numbers.

use chrono::{Days, NaiveDate};
use leptos::prelude::*;

use crate::model::meetings::{balance, balance_advice, BalanceRow};
use crate::model::Id;
use crate::state::{today, AppState};
use crate::ui::components::SelectField;

/// The dates a period choice covers, ending today (or around it).
fn window(on: NaiveDate, choice: &str) -> (NaiveDate, NaiveDate) {
    let back = |days: u64| on.checked_sub_days(Days::new(days)).unwrap_or(NaiveDate::MIN);
    match choice {
        "90" => (back(90), on),
        "365" => (back(365), on),
        "all" => (NaiveDate::MIN, NaiveDate::MAX),
        _ => (back(182), on.checked_add_days(Days::new(182)).unwrap_or(on)),
    }
}

#[component]
pub fn BalanceSection(id: Id) -> impl IntoView {
    let state = AppState::expect();
    let choice = RwSignal::new("all".to_string());
    let choices = Signal::derive(|| {
        [
            ("90", "The last 3 months"),
            ("365", "The last 12 months"),
            ("around", "Six months either side of today"),
            ("all", "All meetings"),
        ]
        .iter()
        .map(|(k, l)| (k.to_string(), l.to_string()))
        .collect::<Vec<_>>()
    });
    let data = Memo::new(move |_| {
        let (from, to) = window(today(), &choice.get());
        state.ws.with(|w| w.community(&id).map(|c| balance(w, c, from, to)))
    });
    view! {
        <section class="section" aria-labelledby="balance-h">
            <h2 id="balance-h">"Balance of activities"</h2>
            <p class="muted">"Which activity types the meetings served and which formats they used, so the mix stays varied. A meeting that names no activity type counts the types its formats serve."</p>
            <div class="field-row no-print balance-period">
                <SelectField id="balance-span" label="Period" value=choice options=choices/>
            </div>
            {move || match data.get() {
                None => ().into_any(),
                Some(b) if b.meetings == 0 => view! { <p class="muted" data-testid="balance-empty">"No meetings in this period."</p> }.into_any(),
                Some(b) => {
                    let advice = balance_advice(&b);
                    let used: Vec<BalanceRow> = b.activity_types.iter().filter(|r| r.count > 0).cloned().collect();
                    let max = b.activity_types.iter().map(|r| r.count).max().unwrap_or(1).max(1);
                    view! {
                        <p>{format!("{} meeting{} in the period.", b.meetings, if b.meetings == 1 { "" } else { "s" })}</p>
                        <BarChart rows=b.activity_types.clone() max title="Meetings per activity type" id="balance-types"/>
                        {advice.into_iter().map(|a| view! { <p class="banner banner--info">{a}</p> }).collect_view()}
                        <div class="balance-tables">
                            <div class="table-wrap" tabindex="0" role="region" aria-label="Activity types as a table">
                                <table class="data-table" data-testid="balance-types-table">
                                    <caption>"Activity types served"</caption>
                                    <thead><tr><th scope="col">"Activity type"</th><th scope="col" class="num">"Meetings"</th></tr></thead>
                                    <tbody>
                                        {b.activity_types.into_iter().map(|r| view! {
                                            <tr><th scope="row">{r.label}</th><td class="num">{r.count}</td></tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                            <div class="table-wrap" tabindex="0" role="region" aria-label="Formats as a table">
                                <table class="data-table" data-testid="balance-formats-table">
                                    <caption>"Formats used"</caption>
                                    <thead><tr><th scope="col">"Format"</th><th scope="col" class="num">"Blocks"</th><th scope="col" class="num">"Minutes"</th></tr></thead>
                                    <tbody>
                                        {b.formats.into_iter().map(|r| view! {
                                            <tr><th scope="row">{r.label}</th><td class="num">{r.count}</td><td class="num">{r.minutes}</td></tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                        </div>
                        <span class="visually-hidden">{format!("{} activity types served", used.len())}</span>
                    }.into_any()
                }
            }}
        </section>
    }
}

const LABEL_W: f64 = 300.0;
const BAR_MAX: f64 = 300.0;
const ROW_H: f64 = 24.0;

/// Horizontal bars, one per row, with the count at the end of each.
#[component]
fn BarChart(rows: Vec<BalanceRow>, max: usize, title: &'static str, id: &'static str) -> impl IntoView {
    let height = rows.len() as f64 * ROW_H + 8.0;
    let width = LABEL_W + BAR_MAX + 40.0;
    let desc = rows
        .iter()
        .map(|r| format!("{}: {}", r.label, r.count))
        .collect::<Vec<_>>()
        .join("; ");
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let labelled = format!("{title_id} {desc_id}");
    view! {
        <figure class="chart balance-chart">
            <svg viewBox=format!("0 0 {width} {height}") role="img" aria-labelledby=labelled data-testid="balance-chart">
                <title id=title_id>{title}</title>
                <desc id=desc_id>{format!("{desc}. The table below gives the same numbers.")}</desc>
                {rows.into_iter().enumerate().map(|(i, r)| {
                    let y = 4.0 + i as f64 * ROW_H;
                    let w = if r.count == 0 { 0.0 } else { (r.count as f64 / max as f64 * BAR_MAX).max(3.0) };
                    let class = if r.count == 0 { "balance-bar__label balance-bar__label--none" } else { "balance-bar__label" };
                    view! {
                        <g>
                            <text class=class x=LABEL_W - 8.0 y=y + 16.0 text-anchor="end">{r.label.clone()}</text>
                            <rect class="balance-bar" x=LABEL_W y=y + 4.0 width=w height=ROW_H - 8.0 rx="2"/>
                            <text class="balance-bar__value" x=LABEL_W + w + 6.0 y=y + 16.0>{r.count.to_string()}</text>
                        </g>
                    }
                }).collect_view()}
            </svg>
        </figure>
    }
}
