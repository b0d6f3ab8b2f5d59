use chrono::{Days, Months, NaiveDate};
use leptos::prelude::*;

use crate::model::cultivation::{Feel, Mode};
use crate::model::rhythm::{calendar, date_label, Grouping};
use crate::model::Id;
use crate::state::{today, AppState};
use crate::ui::components::{SelectField, TextField};

use super::list::{feel_tag, mode_tag};

#[derive(Clone, PartialEq)]
struct Item {
    date: NaiveDate,
    when: String,
    title: String,
    feel: Feel,
    mode: Mode,
    location: String,
}

#[derive(Clone, PartialEq)]
struct Block {
    key: NaiveDate,
    heading: String,
    items: Vec<Item>,
}

/// The last day shown for a period choice starting on `from`.
fn window_end(from: NaiveDate, span: &str) -> NaiveDate {
    let end = match span {
        "4w" => from.checked_add_days(Days::new(27)),
        "8w" => from.checked_add_days(Days::new(55)),
        "6m" => from
            .checked_add_months(Months::new(6))
            .and_then(|d| d.checked_sub_days(Days::new(1))),
        _ => from.checked_add_days(Days::new(83)),
    };
    end.unwrap_or(from)
}

/// The coming weeks or months, each with its dated occurrences; empty ones say so.
#[component]
pub fn UpcomingCalendar(id: Id) -> impl IntoView {
    let state = AppState::expect();
    let start = RwSignal::new(today().to_string());
    let span = RwSignal::new("12w".to_string());
    let group = RwSignal::new("week".to_string());
    let spans = Signal::derive(|| {
        [
            ("4w", "4 weeks"),
            ("8w", "8 weeks"),
            ("12w", "12 weeks (a quarter)"),
            ("6m", "6 months"),
        ]
        .iter()
        .map(|(k, l)| (k.to_string(), l.to_string()))
        .collect::<Vec<_>>()
    });
    let groups = Signal::derive(|| {
        vec![
            ("week".to_string(), "Week".to_string()),
            ("month".to_string(), "Month".to_string()),
        ]
    });
    let from = move || NaiveDate::parse_from_str(start.get().trim(), "%Y-%m-%d").ok();
    let start_error = Signal::derive(move || from().is_none().then(|| "Enter a date as YYYY-MM-DD".to_string()));
    let planned = {
        let id = id.clone();
        Memo::new(move |_| {
            state
                .ws
                .with(|w| w.community(&id).is_some_and(|c| !c.cultivation.activities.is_empty()))
        })
    };
    let blocks = Memo::new(move |_| {
        let Some(from) = from() else {
            return (String::new(), Vec::new());
        };
        let to = window_end(from, &span.get());
        let by = if group.get() == "month" {
            Grouping::Month
        } else {
            Grouping::Week
        };
        state.ws.with(|w| {
            let Some(c) = w.community(&id) else {
                return (String::new(), Vec::new());
            };
            let acts = &c.cultivation.activities;
            let blocks = calendar(acts, from, to, by)
                .into_iter()
                .map(|p| Block {
                    key: p.start,
                    heading: match by {
                        Grouping::Week => format!("Week of {}", date_label(p.start)),
                        Grouping::Month => p.start.format("%B %Y").to_string(),
                    },
                    items: p
                        .occurrences
                        .iter()
                        .filter_map(|o| {
                            let a = acts.iter().find(|a| a.id == o.activity_id)?;
                            let span = crate::model::rhythm::time_span_label(a.start_time, a.duration_minutes);
                            Some(Item {
                                date: o.starts.date(),
                                when: format!("{}, {span}", o.starts.format("%a %-d %b")),
                                title: a.title.clone(),
                                feel: a.feel,
                                mode: a.mode,
                                location: a.location.trim().to_string(),
                            })
                        })
                        .collect(),
                })
                .collect();
            (format!("{} to {}", date_label(from), date_label(to)), blocks)
        })
    });
    view! {
        <section class="section" aria-labelledby="upcoming-h">
            <h2 id="upcoming-h">"Upcoming calendar"</h2>
            <p class="muted">"Every dated occurrence in the period. Weeks or months with nothing planned show as gaps."</p>
            <div class="field-row rhythm-period no-print">
                <TextField id="cal-start" label="Starting" input_type="date" value=start error=start_error/>
                <SelectField id="cal-span" label="Show" value=span options=spans/>
                <SelectField id="cal-group" label="Group by" value=group options=groups/>
            </div>
            {move || {
                if !planned.get() {
                    return view! { <p class="muted" data-testid="calendar-empty">"The calendar fills in as activities are planned."</p> }.into_any();
                }
                let (range, blocks) = blocks.get();
                if blocks.is_empty() {
                    return view! { <p class="muted">"Choose a starting date to see the calendar."</p> }.into_any();
                }
                let total: usize = blocks.iter().map(|b| b.items.len()).sum();
                view! {
                    <p data-testid="calendar-range"><strong>{range}</strong>{format!(": {total} occurrence{}.", if total == 1 { "" } else { "s" })}</p>
                    <ol class="rhythm-calendar" data-testid="upcoming-calendar">
                        {blocks.into_iter().map(|b| {
                            let hid = format!("cal-{}", b.key);
                            view! {
                                <li class="rhythm-calendar__period">
                                    <h3 class="rhythm-calendar__heading" id=hid>{b.heading}</h3>
                                    {if b.items.is_empty() {
                                        view! { <p class="muted rhythm-calendar__empty">"Nothing planned."</p> }.into_any()
                                    } else {
                                        view! {
                                            <ul class="rhythm-calendar__items">
                                                {b.items.into_iter().map(|i| view! {
                                                    <li class=format!("rhythm-occurrence rhythm-occurrence--{}", i.feel.key())>
                                                        <time datetime=i.date.to_string()>{i.when}</time>
                                                        <strong class="rhythm-occurrence__title">{i.title}</strong>
                                                        <span class="cluster">{feel_tag(i.feel)}{mode_tag(i.mode)}</span>
                                                        {(!i.location.is_empty()).then(|| view! { <span class="muted rhythm-occurrence__where">{i.location}</span> })}
                                                    </li>
                                                }).collect_view()}
                                            </ul>
                                        }.into_any()
                                    }}
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
        </section>
    }
}
