//! A time-series chart of one indicator: SVG with the target line, and a table of the values
//! as its text alternative. The geometry comes from the model (`value::chart`), which the
//! HTML export uses too.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::model::value::chart::{layout, HEIGHT, WIDTH};
use crate::model::value::{with_unit, Point};

#[component]
pub fn SeriesChart(
    #[prop(into)] dom_id: String,
    #[prop(into)] name: String,
    #[prop(into)] unit: String,
    points: Vec<Point>,
    target: Option<f64>,
    from: NaiveDate,
    to: NaiveDate,
    /// A one-line summary read as the chart's description.
    #[prop(into)]
    summary: String,
) -> impl IntoView {
    let l = layout(&points, target, &unit, from, to);
    let (x0, _y0, x1, y1) = l.plot;
    let title_id = format!("{dom_id}-title");
    let desc_id = format!("{dom_id}-desc");
    let labelled = format!("{title_id} {desc_id}");
    let line = (l.points.len() > 1).then(|| l.polyline());
    let rows: Vec<(String, String, String)> = points
        .iter()
        .map(|p| (p.on.format("%-d %b %Y").to_string(), with_unit(p.value, &unit), p.label.clone()))
        .collect();
    let table_label = format!("Values of {name}");
    view! {
        <figure class="value-chart">
            <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-labelledby=labelled class="value-chart__svg">
                <title id=title_id>{format!("{name} over time")}</title>
                <desc id=desc_id.clone()>{summary.clone()}</desc>
                {l.y_ticks.iter().map(|(y, label)| view! {
                    <line class="value-chart__grid" x1=x0 x2=x1 y1=*y y2=*y/>
                    <text class="value-chart__tick" x=x0 - 6.0 y=y + 4.0 text-anchor="end">{label.clone()}</text>
                }).collect_view()}
                <line class="value-chart__axis" x1=x0 x2=x1 y1=y1 y2=y1/>
                {l.x_ticks.iter().enumerate().map(|(i, (x, label))| view! {
                    <text class="value-chart__tick" x=*x y=y1 + 18.0 text-anchor=if i == 0 { "start" } else { "end" }>{label.clone()}</text>
                }).collect_view()}
                {l.target.clone().map(|(ty, label)| view! {
                    <line class="value-chart__target" x1=x0 x2=x1 y1=ty y2=ty/>
                    <text class="value-chart__target-label" x=x1 y=ty - 5.0 text-anchor="end">{label}</text>
                })}
                {line.map(|pts| view! { <polyline class="value-chart__line" points=pts/> })}
                {l.points.iter().map(|(x, y, tip)| view! {
                    <circle class="value-chart__dot" cx=*x cy=*y r="4"><title>{tip.clone()}</title></circle>
                }).collect_view()}
            </svg>
            <figcaption class="muted">{summary}</figcaption>
            <details class="value-chart__values">
                <summary>{format!("Table of the {} value{}", rows.len(), if rows.len() == 1 { "" } else { "s" })}</summary>
                <table class="data-table" aria-label=table_label>
                    <thead><tr><th scope="col">"Date"</th><th scope="col">"Value"</th><th scope="col">"What"</th></tr></thead>
                    <tbody>
                        {rows.into_iter().map(|(d, v, l)| view! { <tr><td>{d}</td><td>{v}</td><td>{l}</td></tr> }).collect_view()}
                    </tbody>
                </table>
            </details>
        </figure>
    }
}
