//! A horizontal bar chart in SVG, with the same numbers as a table next to it.

use leptos::prelude::*;

use crate::model::portfolio::Bar;

const ROW: f64 = 30.0;
const LABEL_W: f64 = 150.0;
const BAR_W: f64 = 200.0;
const WIDTH: f64 = LABEL_W + BAR_W + 40.0;

/// Bars of `bars`, one per row, longest = the largest count. `kind` names the CSS modifier
/// for the bars' colours (`bar--{kind}-{key}`).
#[component]
pub fn BarChart(
    #[prop(into)] id: String,
    #[prop(into)] title: String,
    #[prop(into)] bars: Signal<Vec<Bar>>,
    kind: &'static str,
) -> impl IntoView {
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let table_caption = title.clone();
    let title = StoredValue::new(title);
    let height = move || bars.with(|b| b.len() as f64 * ROW + 8.0);
    let description = move || {
        bars.with(|b| {
            b.iter()
                .map(|x| format!("{}: {}", x.label, x.count))
                .collect::<Vec<_>>()
                .join("; ")
        })
    };
    let (t1, d1) = (title_id.clone(), desc_id.clone());
    view! {
        <figure class="bar-chart" data-testid=id.clone()>
            <figcaption id=title_id.clone() class="bar-chart__title">{title.get_value()}</figcaption>
            <div class="bar-chart__body">
                <svg
                    class="bar-chart__svg"
                    role="img"
                    aria-labelledby=move || format!("{t1} {d1}")
                    viewBox=move || format!("0 0 {WIDTH} {}", height())
                    preserveAspectRatio="xMinYMin meet"
                >
                    <desc id=desc_id>{description}</desc>
                    {move || {
                        let list = bars.get();
                        let max = list.iter().map(|b| b.count).max().unwrap_or(0).max(1) as f64;
                        list.into_iter().enumerate().map(|(i, b)| {
                            let y = i as f64 * ROW + 4.0;
                            let w = if b.count == 0 { 0.0 } else { (b.count as f64 / max * BAR_W).max(3.0) };
                            let class = format!("bar bar--{kind} bar--{kind}-{}", b.key);
                            view! {
                                <g>
                                    <text class="bar-chart__label" x=LABEL_W - 8.0 y=y + ROW / 2.0 text-anchor="end" dominant-baseline="middle">{b.label.clone()}</text>
                                    <rect class=class x=LABEL_W y=y + 4.0 width=w height=ROW - 10.0 rx="3"></rect>
                                    <text class="bar-chart__count" x=LABEL_W + w + 6.0 y=y + ROW / 2.0 dominant-baseline="middle">{b.count}</text>
                                </g>
                            }
                        }).collect_view()
                    }}
                </svg>
            </div>
            <details class="bar-chart__alt">
                <summary>{format!("{} as a table", title.get_value())}</summary>
                <table class="data-table bar-chart__table">
                    <caption class="visually-hidden">{table_caption}</caption>
                    <thead><tr><th scope="col">{if kind == "stage" { "Stage" } else { "Health" }}</th><th scope="col" class="num">"Communities"</th></tr></thead>
                    <tbody>
                        {move || bars.get().into_iter().map(|b| view! {
                            <tr><th scope="row">{b.label}</th><td class="num">{b.count}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </details>
        </figure>
    }
}
