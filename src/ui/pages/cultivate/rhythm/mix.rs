use chrono::{Datelike, Days, Months, NaiveDate};
use leptos::prelude::*;

use crate::model::rhythm::{mix, mix_advice, mix_totals, Counts, MonthMix};
use crate::model::Id;
use crate::state::{today, AppState};
use crate::ui::components::SelectField;

/// The months a period choice covers: from the 1st of the first to the last day of the last.
fn window(on: NaiveDate, choice: &str) -> (NaiveDate, NaiveDate) {
    let this_month = NaiveDate::from_ymd_opt(on.year(), on.month(), 1).unwrap_or(on);
    let (back, months) = match choice {
        "3" => (0, 3),
        "12" => (0, 12),
        "around" => (6, 12),
        _ => (0, 6),
    };
    let from = this_month.checked_sub_months(Months::new(back)).unwrap_or(this_month);
    let to = from
        .checked_add_months(Months::new(months))
        .and_then(|d| d.checked_sub_days(Days::new(1)))
        .unwrap_or(from);
    (from, to)
}

/// A round step for the value axis, so that it has at most five ticks.
fn axis_step(max: usize) -> usize {
    let mut base = 1;
    loop {
        for m in [1, 2, 5] {
            let step = base * m;
            if max.div_ceil(step) <= 5 {
                return step;
            }
        }
        base *= 10;
    }
}

/// The mix of familiar and exciting, live and any-time occurrences per month, as stacked
/// bars with a table of the same numbers.
#[component]
pub fn MixSection(id: Id) -> impl IntoView {
    let state = AppState::expect();
    let choice = RwSignal::new("6".to_string());
    let choices = Signal::derive(|| {
        [
            ("3", "This month and the next 2"),
            ("6", "This month and the next 5"),
            ("12", "This month and the next 11"),
            ("around", "The last 6 months and the next 6"),
        ]
        .iter()
        .map(|(k, l)| (k.to_string(), l.to_string()))
        .collect::<Vec<_>>()
    });
    let data = Memo::new(move |_| {
        let (from, to) = window(today(), &choice.get());
        state.ws.with(|w| {
            w.community(&id)
                .map(|c| mix(&c.cultivation.activities, from, to))
                .unwrap_or_default()
        })
    });
    view! {
        <section class="section" aria-labelledby="mix-h">
            <h2 id="mix-h">"Mix over time"</h2>
            <p class="muted">"How many occurrences fall in each month: on the left of each month, familiar against exciting formats; on the right, live against any-time ones."</p>
            <div class="field-row rhythm-period no-print">
                <SelectField id="mix-span" label="Period" value=choice options=choices/>
            </div>
            {move || {
                let months = data.get();
                let totals = mix_totals(&months);
                if totals.total() == 0 {
                    return view! {
                        <p class="muted" data-testid="mix-empty">"Nothing is planned in this period. The mix appears once activities fall in it."</p>
                    }.into_any();
                }
                let advice = mix_advice(&months);
                view! {
                    <MixChart months=months.clone() totals/>
                    {advice.into_iter().map(|a| view! { <p class="banner banner--info" data-testid="mix-advice">{a}</p> }).collect_view()}
                    <MixTable months totals/>
                }.into_any()
            }}
        </section>
    }
}

const LEFT: f64 = 40.0;
const TOP: f64 = 12.0;
const PLOT_H: f64 = 160.0;
const GROUP_W: f64 = 64.0;
const BAR_W: f64 = 20.0;
const BAR_GAP: f64 = 4.0;

/// One bar segment: its class, fill, the count and what it counts.
struct Segment {
    class: &'static str,
    fill: &'static str,
    count: usize,
    what: &'static str,
}

fn segments(c: &Counts) -> [[Segment; 2]; 2] {
    [
        [
            Segment {
                class: "mix-bar--familiar",
                fill: "",
                count: c.familiar,
                what: "familiar",
            },
            Segment {
                class: "mix-bar--exciting",
                fill: "url(#mix-hatch)",
                count: c.exciting,
                what: "exciting",
            },
        ],
        [
            Segment {
                class: "mix-bar--synchronous",
                fill: "",
                count: c.synchronous,
                what: "live",
            },
            Segment {
                class: "mix-bar--asynchronous",
                fill: "url(#mix-dots)",
                count: c.asynchronous,
                what: "any-time",
            },
        ],
    ]
}

#[component]
fn MixChart(months: Vec<MonthMix>, totals: Counts) -> impl IntoView {
    let n = months.len().max(1);
    let max = months.iter().map(|m| m.counts.total()).max().unwrap_or(0).max(1);
    let step = axis_step(max);
    let top_value = step * max.div_ceil(step);
    let scale = PLOT_H / top_value as f64;
    let width = LEFT + n as f64 * GROUP_W + 12.0;
    let height = TOP + PLOT_H + 44.0;
    let base = TOP + PLOT_H;
    let ticks: Vec<(f64, usize)> = (0..=top_value / step)
        .map(|k| (base - (k * step) as f64 * scale, k * step))
        .collect();
    let range = match (months.first(), months.last()) {
        (Some(a), Some(b)) => format!("{} to {}", a.label(), b.label()),
        _ => String::new(),
    };
    let desc = format!(
        "{range}: {} occurrences, {} familiar and {} exciting; {} live and {} any time. The table below gives the numbers per month.",
        totals.total(),
        totals.familiar,
        totals.exciting,
        totals.synchronous,
        totals.asynchronous
    );
    let bars = months
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let x0 = LEFT + i as f64 * GROUP_W + (GROUP_W - 2.0 * BAR_W - BAR_GAP) / 2.0;
            let label = m.label();
            let rects = segments(&m.counts)
                .into_iter()
                .enumerate()
                .flat_map(|(b, pair)| {
                    let x = x0 + b as f64 * (BAR_W + BAR_GAP);
                    let mut y = base;
                    let label = label.clone();
                    pair.into_iter()
                        .filter(|s| s.count > 0)
                        .map(move |s| {
                            let h = s.count as f64 * scale;
                            y -= h;
                            let tip = format!("{label}: {} {}", s.count, s.what);
                            let fill = (!s.fill.is_empty()).then_some(s.fill);
                            view! {
                                <rect class=format!("mix-bar {}", s.class) x=x y=y width=BAR_W height=h fill=fill>
                                    <title>{tip}</title>
                                </rect>
                            }
                        })
                        .collect::<Vec<_>>()
                })
                .collect_view();
            let cx = LEFT + (i as f64 + 0.5) * GROUP_W;
            let show_year = i == 0 || m.month == 1;
            let month = label.split(' ').next().unwrap_or_default().to_string();
            view! {
                <g class="mix-month">
                    {rects}
                    <text class="mix-axis__label" x=cx y=base + 16.0 text-anchor="middle">{month}</text>
                    {show_year.then(|| view! { <text class="mix-axis__label mix-axis__year" x=cx y=base + 31.0 text-anchor="middle">{m.year.to_string()}</text> })}
                </g>
            }
        })
        .collect_view();
    view! {
        <figure class="chart rhythm-mix">
            <svg
                class="mix-chart"
                viewBox=format!("0 0 {width} {height}")
                style:max-width=format!("{:.0}px", width * 1.5)
                role="img"
                aria-labelledby="mix-chart-title mix-chart-desc"
                data-testid="mix-chart"
            >
                <title id="mix-chart-title">"Mix of activities per month"</title>
                <desc id="mix-chart-desc">{desc}</desc>
                <defs>
                    <pattern id="mix-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                        <rect class="mix-pattern__ground--exciting" width="6" height="6"/>
                        <line class="mix-pattern__ink--exciting" x1="0" y1="0" x2="0" y2="6"/>
                    </pattern>
                    <pattern id="mix-dots" width="5" height="5" patternUnits="userSpaceOnUse">
                        <rect class="mix-pattern__ground--asynchronous" width="5" height="5"/>
                        <circle class="mix-pattern__ink--asynchronous" cx="2.5" cy="2.5" r="1.3"/>
                    </pattern>
                </defs>
                {ticks.into_iter().map(|(y, v)| view! {
                    <g>
                        <line class="mix-axis__grid" x1=LEFT - 4.0 y1=y x2=width - 8.0 y2=y/>
                        <text class="mix-axis__label" x=LEFT - 8.0 y=y + 4.0 text-anchor="end">{v.to_string()}</text>
                    </g>
                }).collect_view()}
                {bars}
            </svg>
            <figcaption class="rhythm-legend">
                <span class="legend"><svg class="legend__swatch" viewBox="0 0 16 12" aria-hidden="true"><rect class="mix-bar mix-bar--familiar" width="16" height="12"/></svg>"Familiar"</span>
                <span class="legend"><svg class="legend__swatch" viewBox="0 0 16 12" aria-hidden="true"><rect class="mix-bar mix-bar--exciting" width="16" height="12" fill="url(#mix-hatch)"/></svg>"Exciting (hatched)"</span>
                <span class="legend"><svg class="legend__swatch" viewBox="0 0 16 12" aria-hidden="true"><rect class="mix-bar mix-bar--synchronous" width="16" height="12"/></svg>"Live"</span>
                <span class="legend"><svg class="legend__swatch" viewBox="0 0 16 12" aria-hidden="true"><rect class="mix-bar mix-bar--asynchronous" width="16" height="12" fill="url(#mix-dots)"/></svg>"Any time (dotted)"</span>
                <span class="muted">"Left bar of each month: feel. Right bar: mode."</span>
            </figcaption>
        </figure>
    }
}

#[component]
fn MixTable(months: Vec<MonthMix>, totals: Counts) -> impl IntoView {
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label="The mix per month as a table">
            <table class="data-table rhythm-mix-table" data-testid="mix-table">
                <caption>"Occurrences per month"</caption>
                <thead><tr>
                    <th scope="col">"Month"</th>
                    <th scope="col" class="num">"Familiar"</th>
                    <th scope="col" class="num">"Exciting"</th>
                    <th scope="col" class="num">"Live"</th>
                    <th scope="col" class="num">"Any time"</th>
                    <th scope="col" class="num">"All"</th>
                </tr></thead>
                <tbody>
                    {months.into_iter().map(|m| {
                        let c = m.counts;
                        view! {
                            <tr>
                                <th scope="row">{m.label()}</th>
                                <td class="num">{c.familiar}</td>
                                <td class="num">{c.exciting}</td>
                                <td class="num">{c.synchronous}</td>
                                <td class="num">{c.asynchronous}</td>
                                <td class="num">{c.total()}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
                <tfoot>
                    <tr>
                        <th scope="row">"Total"</th>
                        <td class="num">{totals.familiar}</td>
                        <td class="num">{totals.exciting}</td>
                        <td class="num">{totals.synchronous}</td>
                        <td class="num">{totals.asynchronous}</td>
                        <td class="num">{totals.total()}</td>
                    </tr>
                </tfoot>
            </table>
        </div>
    }
}
