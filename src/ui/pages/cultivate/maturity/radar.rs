//! A radar chart for maturity assessments.
//!
//! The shared `Spidergram` draws an unscored value as 0 and tells its series apart in the
//! legend by colour alone; maturity needs "not scored" to stay visible as a gap, and a
//! legend that shows each line's pattern and marker. Hence this chart of its own.

use leptos::prelude::*;

/// One assessment on the chart.
#[derive(Clone, Debug, PartialEq)]
pub struct RadarSeries {
    pub label: String,
    /// One value per axis, 0..=max, `None` when not scored.
    pub values: Vec<Option<u8>>,
    /// Dashed line with square markers (the earlier assessment); otherwise a solid line with
    /// round markers.
    pub dashed: bool,
}

const CX: f64 = 320.0;
const CY: f64 = 230.0;
const R: f64 = 165.0;
const LINE: f64 = 15.0;

/// Splits a label into lines of about `width` characters, at spaces.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(l) if l.chars().count() + 1 + word.chars().count() <= width => {
                l.push(' ');
                l.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// The radar chart as an SVG image whose description states every value; callers show the
/// same data as a table too.
#[component]
pub fn RadarChart(
    #[prop(into)] id: String,
    #[prop(into)] title: String,
    axes: Vec<String>,
    series: Vec<RadarSeries>,
    max: u8,
    /// Words for a value, e.g. 3 → "established".
    words: fn(u8) -> &'static str,
) -> impl IntoView {
    let n = axes.len().max(3);
    let max_f = f64::from(max.max(1));
    let point = move |i: usize, v: f64| {
        let angle = -std::f64::consts::FRAC_PI_2 + (i as f64) * std::f64::consts::TAU / n as f64;
        (CX + R * v * angle.cos(), CY + R * v * angle.sin())
    };
    let pts = |list: &[(f64, f64)]| {
        list.iter()
            .map(|(x, y)| format!("{x:.1},{y:.1}"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let rings: Vec<String> = (1..=max)
        .map(|k| pts(&(0..n).map(|i| point(i, f64::from(k) / max_f)).collect::<Vec<_>>()))
        .collect();
    // Scale numbers halfway along the first ring edge, where no point is ever drawn.
    let ring_labels: Vec<(f64, f64, String)> = (1..=max)
        .map(|k| {
            let (x0, y0) = point(0, f64::from(k) / max_f);
            let (x1, y1) = point(1, f64::from(k) / max_f);
            ((x0 + x1) / 2.0 + 3.0, (y0 + y1) / 2.0 - 3.0, k.to_string())
        })
        .collect();
    let spokes: Vec<(f64, f64)> = (0..n).map(|i| point(i, 1.0)).collect();
    let labels: Vec<(f64, f64, &'static str, Vec<String>)> = axes
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let (x, y) = point(i, 1.0);
            let (dx, dy) = (x - CX, y - CY);
            let len = (dx * dx + dy * dy).sqrt().max(1.0);
            let (lx, ly) = (x + dx / len * 14.0, y + dy / len * 14.0);
            let anchor = if dx.abs() < 12.0 {
                "middle"
            } else if dx > 0.0 {
                "start"
            } else {
                "end"
            };
            let lines = wrap(a, 14);
            let height = (lines.len() as f64 - 1.0) * LINE;
            // Above the centre, text grows upwards; below it, downwards; at the sides, centred.
            let top = if dy < -R * 0.5 {
                ly - height
            } else if dy > R * 0.5 {
                ly + 10.0
            } else {
                ly + 4.0 - height / 2.0
            };
            (lx, top, anchor, lines)
        })
        .collect();
    let description = series
        .iter()
        .map(|s| {
            let parts: Vec<String> = axes
                .iter()
                .zip(&s.values)
                .map(|(a, v)| match v {
                    Some(v) => format!("{a} {v} ({})", words(*v)),
                    None => format!("{a} not scored"),
                })
                .collect();
            format!("{}: {}.", s.label, parts.join(", "))
        })
        .collect::<Vec<_>>()
        .join(" ");

    type Drawn = (bool, Option<String>, String, Vec<(f64, f64)>);
    let drawn: Vec<Drawn> = series
        .iter()
        .map(|s| {
            let at: Vec<Option<(f64, f64)>> = (0..n)
                .map(|i| {
                    s.values
                        .get(i)
                        .copied()
                        .flatten()
                        .map(|v| point(i, f64::from(v) / max_f))
                })
                .collect();
            let dots: Vec<(f64, f64)> = at.iter().flatten().copied().collect();
            if at.iter().all(Option::is_some) {
                (s.dashed, Some(pts(&dots)), String::new(), dots)
            } else {
                // Unscored axes leave gaps: only neighbours that are both scored are joined.
                let path = (0..n)
                    .filter_map(|i| match (at[i], at[(i + 1) % n]) {
                        (Some((x1, y1)), Some((x2, y2))) => Some(format!("M{x1:.1},{y1:.1} L{x2:.1},{y2:.1}")),
                        _ => None,
                    })
                    .collect::<Vec<_>>()
                    .join(" ");
                (s.dashed, None, path, dots)
            }
        })
        .collect();
    let legend: Vec<(bool, String)> = series.iter().map(|s| (s.dashed, s.label.clone())).collect();
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let labelled_by = format!("{title_id} {desc_id}");
    let class = |dashed: bool| {
        if dashed {
            "radar__series radar__series--dashed"
        } else {
            "radar__series radar__series--solid"
        }
    };
    view! {
        <figure class="chart radar-figure">
            <svg class="radar" viewBox="-40 0 720 455" role="img" aria-labelledby=labelled_by data-testid="maturity-radar">
                <title id=title_id>{title}</title>
                <desc id=desc_id>{description}</desc>
                {rings.into_iter().map(|p| view! { <polygon class="radar__ring" points=p/> }).collect_view()}
                {spokes.into_iter().map(|(x, y)| view! { <line class="radar__spoke" x1=CX y1=CY x2=x y2=y/> }).collect_view()}
                {ring_labels.into_iter().map(|(x, y, t)| view! { <text class="radar__scale" x=x y=y>{t}</text> }).collect_view()}
                {drawn.into_iter().map(|(dashed, polygon, path, dots)| view! {
                    <g class=class(dashed)>
                        {polygon.map(|p| view! { <polygon points=p/> })}
                        {(!path.is_empty()).then(|| view! { <path d=path/> })}
                        {dots.into_iter().map(|(x, y)| if dashed {
                            view! { <rect x=x - 5.0 y=y - 5.0 width="10" height="10"/> }.into_any()
                        } else {
                            view! { <circle cx=x cy=y r="4.5"/> }.into_any()
                        }).collect_view()}
                    </g>
                }).collect_view()}
                {labels.into_iter().map(|(x, y, anchor, lines)| view! {
                    <text class="radar__label" x=x y=y text-anchor=anchor>
                        {lines.into_iter().enumerate().map(|(k, l)| view! {
                            <tspan x=x dy=if k == 0 { "0" } else { "1.15em" }>{l}</tspan>
                        }).collect_view()}
                    </text>
                }).collect_view()}
            </svg>
            <figcaption class="cluster radar-legend">
                {legend.into_iter().map(|(dashed, label)| view! {
                    <span class="legend">
                        <svg class=class(dashed) width="44" height="14" viewBox="0 0 44 14" aria-hidden="true">
                            <line x1="2" y1="7" x2="42" y2="7"/>
                            {if dashed {
                                view! { <rect x="17" y="2" width="10" height="10"/> }.into_any()
                            } else {
                                view! { <circle cx="22" cy="7" r="4.5"/> }.into_any()
                            }}
                        </svg>
                        {label}
                    </span>
                }).collect_view()}
            </figcaption>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn labels_wrap_at_spaces() {
        assert_eq!(wrap("Organisational connection", 14), ["Organisational", "connection"]);
        assert_eq!(wrap("Domain clarity", 14), ["Domain clarity"]);
        assert!(wrap("", 14).is_empty());
    }
}
