//! Two maturity assessments side by side: a radar chart and the same data as a table.

use leptos::prelude::*;

use crate::model::cultivation::{MaturityAssessment, MATURITY_MAX};
use crate::model::lifecycle::{change_text, compare, maturity_label};
use crate::model::{CatalogueKind, Id};
use crate::state::AppState;
use crate::ui::components::SelectField;

use super::radar::{RadarChart, RadarSeries};

#[component]
pub fn Comparison(id: Id) -> impl IntoView {
    let state = AppState::expect();
    let assessments = Memo::new(move |_| {
        state.ws.with(|w| {
            w.community(&id)
                .map(|c| c.cultivation.maturity.clone())
                .unwrap_or_default()
        })
    });
    let options = Signal::derive(move || {
        let list = assessments.get();
        list.iter()
            .enumerate()
            .rev()
            .map(|(i, a)| {
                // Two on one day are told apart by their place in the day.
                let same_day = list.iter().filter(|x| x.on == a.on).count();
                let nth = list[..i].iter().filter(|x| x.on == a.on).count() + 1;
                let mut text = a.on.to_string();
                if same_day > 1 {
                    text.push_str(&format!(" (#{nth})"));
                }
                if !a.note.is_empty() {
                    let short: String = a.note.chars().take(40).collect();
                    text.push_str(&format!(
                        " — {short}{}",
                        if a.note.chars().count() > 40 { "…" } else { "" }
                    ));
                }
                (a.id.0.clone(), text)
            })
            .collect::<Vec<_>>()
    });
    // 0, 1 or 2 (for two or more), so that the pickers are rebuilt only when that changes.
    let count = Memo::new(move |_| assessments.with(|l| l.len().min(2)));
    // Empty means the default: the latest and the one before it.
    let pick_a = RwSignal::new(String::new());
    let pick_b = RwSignal::new(String::new());
    let chosen = move |pick: RwSignal<String>, back: usize| -> Option<MaturityAssessment> {
        let list = assessments.get();
        let wanted = pick.get();
        list.iter()
            .find(|a| a.id.0 == wanted)
            .cloned()
            .or_else(|| list.len().checked_sub(back).and_then(|i| list.get(i).cloned()))
    };
    let pair = move || {
        let a = chosen(pick_a, 1)?;
        let b = chosen(pick_b, 2).filter(|b| b.id != a.id);
        let list = assessments.get();
        let place = |x: &MaturityAssessment| list.iter().position(|y| y.id == x.id).unwrap_or(0);
        // Always earlier → later, whichever select holds which.
        Some(match b {
            Some(b) if place(&b) > place(&a) => (Some(a), b),
            Some(b) => (Some(b), a),
            None => (None, a),
        })
    };
    let view_pair = move || {
        let (before, after) = pair()?;
        let (deltas, axes, dims) = state.ws.with(|w| {
            let cats = &w.catalogues;
            let deltas = compare(cats, before.as_ref().unwrap_or(&after), &after);
            let dims: Vec<Id> = cats
                .get(CatalogueKind::MaturityDimensions)
                .iter()
                .map(|d| d.id.clone())
                .collect();
            let axes = deltas
                .iter()
                .filter(|d| dims.contains(&d.dimension_id))
                .map(|d| d.label.clone())
                .collect::<Vec<_>>();
            (deltas, axes, dims)
        });
        let name = |a: &MaturityAssessment| format!("Assessment of {}", a.on);
        let mut series = Vec::new();
        if let Some(b) = &before {
            series.push(RadarSeries {
                label: format!("{} (earlier)", name(b)),
                values: dims.iter().map(|d| b.score(d)).collect(),
                dashed: true,
            });
        }
        series.push(RadarSeries {
            label: if before.is_some() {
                format!("{} (later)", name(&after))
            } else {
                name(&after)
            },
            values: dims.iter().map(|d| after.score(d)).collect(),
            dashed: false,
        });
        let summary = before.as_ref().map(|_| {
            let count = |f: fn(i8) -> bool| deltas.iter().filter(|d| d.change.is_some_and(f)).count();
            let (up, down, same) = (count(|c| c > 0), count(|c| c < 0), count(|c| c == 0));
            let open = deltas.iter().filter(|d| d.change.is_none()).count();
            let mut parts = vec![
                format!("{up} stronger"),
                format!("{down} weaker"),
                format!("{same} unchanged"),
            ];
            if open > 0 {
                parts.push(format!("{open} not scored in one or both"));
            }
            format!(
                "From {} to {}, of {} dimensions: {}.",
                before.as_ref().map(|b| b.on.to_string()).unwrap_or_default(),
                after.on,
                deltas.len(),
                parts.join(", ")
            )
        });
        let cell = |v: Option<u8>| {
            v.map(|v| format!("{v} · {}", maturity_label(v)))
                .unwrap_or_else(|| "not scored".into())
        };
        let before_on = before.as_ref().map(|b| b.on);
        Some(view! {
            {summary.map(|s| view! { <p data-testid="maturity-summary">{s}</p> })}
            <div class="radar-layout">
                <RadarChart
                    id="maturity-chart"
                    title=if before.is_some() { "Maturity: two assessments compared" } else { "Maturity: the latest assessment" }
                    axes
                    series
                    max=MATURITY_MAX
                    words=maturity_label
                />
                <div class="table-wrap" tabindex="0" role="region" aria-label="Maturity comparison as a table">
                    <table class="data-table maturity-table" data-testid="maturity-comparison">
                        <caption>{format!("The chart as a table: scores from 0 (absent) to {MATURITY_MAX} (strong)")}</caption>
                        <thead><tr>
                            <th scope="col">"Dimension"</th>
                            {before_on.map(|d| view! { <th scope="col">{d.to_string()}</th> })}
                            <th scope="col">{after.on.to_string()}</th>
                            {before_on.map(|_| view! { <th scope="col" class="num">"Change"</th> })}
                        </tr></thead>
                        <tbody>
                            {deltas.into_iter().map(|d| {
                                let direction = match d.change {
                                    Some(c) if c > 0 => "up",
                                    Some(c) if c < 0 => "down",
                                    _ => "",
                                };
                                view! {
                                    <tr>
                                        <th scope="row">{d.label}</th>
                                        {before_on.map(|_| view! { <td>{cell(d.before)}</td> })}
                                        <td>{cell(d.after)}</td>
                                        {before_on.map(|_| view! { <td class=format!("num change change--{}", if direction.is_empty() { "none" } else { direction })>{change_text(d.change)}</td> })}
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </div>
        })
    };
    view! {
        <section class="lifecycle-part" aria-labelledby="compare-h">
            <h3 id="compare-h">"Compare two assessments"</h3>
            {move || match count.get() {
                0 => view! { <p class="muted">"The chart appears once there is an assessment."</p> }.into_any(),
                1 => view! { <p class="muted">"Only one assessment so far: record another later to see what changed."</p> }.into_any(),
                _ => view! {
                    <div class="field-row no-print compare-picks">
                        <SelectField id="maturity-a" label="Assessment" value=pick_a options=options empty="The latest"/>
                        <SelectField id="maturity-b" label="Compared with" value=pick_b options=options empty="The one before it"/>
                    </div>
                    <p class="muted no-print">"The earlier of the two is drawn dashed with square points, the later solid with round points; changes read from earlier to later."</p>
                }.into_any(),
            }}
            {view_pair}
        </section>
    }
}
