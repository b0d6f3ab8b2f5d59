use leptos::prelude::*;

use crate::model::Id;

/// One ring of the map: its label and its members (membership id, person's name).
#[derive(Clone, Debug, PartialEq)]
pub struct MapRing {
    pub label: String,
    pub members: Vec<(Id, String)>,
}

/// Concentric rings of participation as SVG, the core at the centre. Each member is a
/// focusable button (Enter or Space selects them, as a click does); the page shows the same
/// data as a list.
#[component]
pub fn ParticipationMap(
    #[prop(into)] title: String,
    rings: Vec<MapRing>,
    /// The selected membership, set when a member is chosen on the map.
    selected: RwSignal<Option<Id>>,
) -> impl IntoView {
    let n = rings.len().max(1) as f64;
    let (cx, cy) = (300.0_f64, 300.0_f64);
    let (inner, outer) = (55.0_f64, 285.0_f64);
    let band = (outer - inner) / n;
    // Ring k spans radius [r0(k), r0(k) + band]; the core is a disc of radius `inner + band`.
    let edge = move |k: usize| inner + band * (k as f64 + 1.0);
    let mut circles = Vec::new();
    let mut labels = Vec::new();
    let mut dots = Vec::new();
    for (k, ring) in rings.iter().enumerate().rev() {
        circles.push((k, edge(k)));
        labels.push((cy - edge(k) + 16.0, ring.label.clone(), ring.members.len()));
        let mid = if k == 0 {
            (inner + band) * 0.55
        } else {
            edge(k) - band / 2.0
        };
        let count = ring.members.len().max(1) as f64;
        for (i, (mid_id, name)) in ring.members.iter().enumerate() {
            // Spread members round the ring, starting a little off the top so that the ring's
            // label stays readable; the centre ring packs them on a smaller circle.
            // Each ring starts at another angle, so lone members of neighbouring rings do not
            // line up; the top is left clear for the ring labels.
            let start = -std::f64::consts::FRAC_PI_2 + 0.7 + (k as f64) * 2.4;
            let mut angle =
                (start + (i as f64) * (std::f64::consts::TAU - 1.4) / count).rem_euclid(std::f64::consts::TAU);
            let top = 3.0 * std::f64::consts::FRAC_PI_2;
            if (angle - top).abs() < 0.45 {
                angle = top + 0.45_f64.copysign(angle - top);
            }
            let (x, y) = if k == 0 && ring.members.len() == 1 {
                (cx, cy + 10.0)
            } else {
                (cx + mid * angle.cos(), cy + mid * angle.sin())
            };
            let first = name
                .split_whitespace()
                .next()
                .unwrap_or(name)
                .chars()
                .take(12)
                .collect::<String>();
            dots.push((mid_id.clone(), name.clone(), ring.label.clone(), x, y, first));
        }
    }
    let description = rings
        .iter()
        .map(|r| {
            format!(
                "{}: {}",
                r.label,
                if r.members.is_empty() {
                    "nobody".to_string()
                } else {
                    r.members.iter().map(|m| m.1.clone()).collect::<Vec<_>>().join(", ")
                }
            )
        })
        .collect::<Vec<_>>()
        .join(". ");
    view! {
        <figure class="chart">
            <svg class="participation-map" viewBox="0 0 600 600" role="group" aria-labelledby="pmap-title" aria-describedby="pmap-desc" data-testid="participation-map">
                <title id="pmap-title">{title}</title>
                <desc id="pmap-desc">{description}</desc>
                {circles.into_iter().map(|(k, r)| view! { <circle class=format!("pmap__ring pmap__ring--{}", k.min(5)) cx=cx cy=cy r=r/> }).collect_view()}
                {labels.into_iter().map(|(y, label, count)| view! { <text class="pmap__ring-label" x=cx y=y text-anchor="middle">{format!("{label} · {count}")}</text> }).collect_view()}
                {dots.into_iter().map(|(mid, name, level, x, y, first)| {
                    let is_selected = { let mid = mid.clone(); move || selected.get().as_ref() == Some(&mid) };
                    let (m1, m2) = (mid.clone(), mid);
                    view! {
                        <g
                            class="pmap__member"
                            class:is-selected=is_selected
                            role="button"
                            tabindex="0"
                            aria-label=format!("{name}, {level}. Choose to move between levels")
                            data-testid="map-member"
                            on:click=move |_| selected.set(Some(m1.clone()))
                            on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                                if ev.key() == "Enter" || ev.key() == " " {
                                    ev.prevent_default();
                                    selected.set(Some(m2.clone()));
                                }
                            }
                        >
                            <circle cx=x cy=y r="9"/>
                            <text x=x y=y + 22.0 text-anchor="middle">{first}</text>
                        </g>
                    }
                }).collect_view()}
            </svg>
        </figure>
    }
}
