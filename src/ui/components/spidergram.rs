use leptos::prelude::*;

/// One profile drawn on a spidergram.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub label: String,
    /// One value per axis, 0..=max.
    pub values: Vec<u8>,
}

/// A radar chart ("spidergram") as SVG. It is an image with a title and a description that
/// states every value; callers also show the same data as a table.
#[component]
pub fn Spidergram(
    #[prop(into)] id: String,
    #[prop(into)] title: String,
    axes: Vec<String>,
    series: Vec<Series>,
    max: u8,
) -> impl IntoView {
    let n = axes.len().max(3);
    let (cx, cy, r) = (240.0_f64, 200.0_f64, 130.0_f64);
    let point = move |i: usize, v: f64| {
        let angle = -std::f64::consts::FRAC_PI_2 + (i as f64) * std::f64::consts::TAU / n as f64;
        (cx + r * v * angle.cos(), cy + r * v * angle.sin())
    };
    let rings: Vec<String> = (1..=max)
        .map(|k| {
            (0..n)
                .map(|i| {
                    let (x, y) = point(i, k as f64 / max as f64);
                    format!("{x:.1},{y:.1}")
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    let spokes: Vec<(f64, f64)> = (0..n).map(|i| point(i, 1.0)).collect();
    let labels: Vec<(f64, f64, &'static str, String)> = axes
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let (x, y) = point(i, 1.17);
            let anchor = if (x - cx).abs() < 20.0 {
                "middle"
            } else if x > cx {
                "start"
            } else {
                "end"
            };
            (x, y + 4.0, anchor, a.clone())
        })
        .collect();
    let description = series
        .iter()
        .map(|s| {
            let parts: Vec<String> = axes.iter().zip(&s.values).map(|(a, v)| format!("{a} {v}")).collect();
            format!("{}: {}.", s.label, parts.join(", "))
        })
        .collect::<Vec<_>>()
        .join(" ");
    type Polygon = (usize, String, Vec<(f64, f64)>);
    let polygons: Vec<Polygon> = series
        .iter()
        .enumerate()
        .map(|(k, s)| {
            let pts: Vec<(f64, f64)> = (0..n)
                .map(|i| point(i, *s.values.get(i).unwrap_or(&0) as f64 / max as f64))
                .collect();
            (
                k,
                pts.iter()
                    .map(|(x, y)| format!("{x:.1},{y:.1}"))
                    .collect::<Vec<_>>()
                    .join(" "),
                pts,
            )
        })
        .collect();
    let legend: Vec<(usize, String)> = series.iter().enumerate().map(|(k, s)| (k, s.label.clone())).collect();
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let labelled_by = format!("{title_id} {desc_id}");
    view! {
        <figure class="chart">
            <svg
                class="spidergram"
                viewBox="-110 0 700 400"
                role="img"
                aria-labelledby=labelled_by
                data-testid="spidergram"
            >
                <title id=title_id>{title.clone()}</title>
                <desc id=desc_id>{description}</desc>
                {rings.into_iter().map(|pts| view! { <polygon class="spidergram__ring" points=pts/> }).collect_view()}
                {spokes.into_iter().map(|(x, y)| view! { <line class="spidergram__spoke" x1=cx y1=cy x2=x y2=y/> }).collect_view()}
                {polygons.into_iter().map(|(k, pts, dots)| view! {
                    <g class=format!("spidergram__series spidergram__series--{k}")>
                        <polygon points=pts/>
                        {dots.into_iter().map(|(x, y)| view! { <circle cx=x cy=y r="3.5"/> }).collect_view()}
                    </g>
                }).collect_view()}
                {labels.into_iter().map(|(x, y, anchor, text)| view! {
                    <text class="spidergram__label" x=x y=y text-anchor=anchor>{text}</text>
                }).collect_view()}
            </svg>
            <figcaption class="cluster">
                {legend.into_iter().map(|(k, l)| view! {
                    <span class="legend"><span class=format!("legend__swatch spidergram__series--{k}") aria-hidden="true"></span>{l}</span>
                }).collect_view()}
            </figcaption>
        </figure>
    }
}
