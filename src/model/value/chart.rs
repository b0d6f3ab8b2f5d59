//! The geometry of a time-series chart: where the points, the axis ticks and the target
//! line go. The app draws it as SVG with Leptos, the HTML report as an SVG string; both use
//! the same numbers, and both come with a table of the values as the text alternative.

use chrono::NaiveDate;

use super::derived::Point;
use super::fmt_number;

pub const WIDTH: f64 = 560.0;
pub const HEIGHT: f64 = 220.0;
const LEFT: f64 = 48.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 14.0;
const BOTTOM: f64 = 30.0;

/// Where everything goes, in SVG user units of a `WIDTH` × `HEIGHT` view box.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartLayout {
    /// The plot area: left, top, right, bottom.
    pub plot: (f64, f64, f64, f64),
    /// Horizontal grid lines: y and the value's label.
    pub y_ticks: Vec<(f64, String)>,
    /// Date labels along the bottom: x and label.
    pub x_ticks: Vec<(f64, String)>,
    /// The points: x, y, and a tooltip ("12 on 3 Mar 2026").
    pub points: Vec<(f64, f64, String)>,
    /// The target line's y and its label, when there is a target.
    pub target: Option<(f64, String)>,
}

impl ChartLayout {
    /// The `points` attribute of the line through the points.
    pub fn polyline(&self) -> String {
        self.points
            .iter()
            .map(|(x, y, _)| format!("{x:.1},{y:.1}"))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// A round step for about four grid lines up to `span`.
fn nice_step(span: f64) -> f64 {
    if span <= 0.0 {
        return 1.0;
    }
    let raw = span / 4.0;
    let mag = 10f64.powf(raw.log10().floor());
    let n = raw / mag;
    let f = if n <= 1.0 {
        1.0
    } else if n <= 2.0 {
        2.0
    } else if n <= 2.5 {
        2.5
    } else if n <= 5.0 {
        5.0
    } else {
        10.0
    };
    f * mag
}

/// Lays out `points` between `from` and `to`, with the target line if there is one. The
/// value axis starts at zero (or below, for negative values) and ends above the highest
/// point or target.
pub fn layout(points: &[Point], target: Option<f64>, unit: &str, from: NaiveDate, to: NaiveDate) -> ChartLayout {
    let (x0, y0, x1, y1) = (LEFT, TOP, WIDTH - RIGHT, HEIGHT - BOTTOM);
    let values = points.iter().map(|p| p.value).chain(target);
    let (mut lo, mut hi) = values.fold((0.0f64, 0.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    if hi - lo <= 0.0 {
        hi = lo + 1.0;
    }
    let step = nice_step(hi - lo);
    lo = (lo / step).floor() * step;
    hi = (hi / step).ceil() * step;
    if hi <= lo {
        hi = lo + step;
    }
    let y = |v: f64| y1 - (v - lo) / (hi - lo) * (y1 - y0);
    let days = (to - from).num_days().max(1) as f64;
    let x = |d: NaiveDate| {
        let t = ((d - from).num_days() as f64 / days).clamp(0.0, 1.0);
        x0 + t * (x1 - x0)
    };
    let mut y_ticks = Vec::new();
    let mut v = lo;
    while v <= hi + step / 2.0 && y_ticks.len() < 12 {
        y_ticks.push((y(v), fmt_number(v)));
        v += step;
    }
    let x_ticks = vec![
        (x0, from.format("%-d %b %Y").to_string()),
        (x1, to.format("%-d %b %Y").to_string()),
    ];
    let u = if unit.trim().is_empty() {
        String::new()
    } else {
        format!(" {}", unit.trim())
    };
    let points = points
        .iter()
        .map(|p| {
            let what = if p.label.trim().is_empty() {
                String::new()
            } else {
                format!(" ({})", p.label.trim())
            };
            (
                x(p.on),
                y(p.value),
                format!("{}{u} on {}{what}", fmt_number(p.value), p.on.format("%-d %b %Y")),
            )
        })
        .collect();
    ChartLayout {
        plot: (x0, y0, x1, y1),
        y_ticks,
        x_ticks,
        points,
        target: target.map(|t| (y(t), format!("Target {}{u}", fmt_number(t)))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    #[test]
    fn points_and_target_fit_the_plot() {
        let pts = vec![
            Point {
                on: d(1, 1),
                value: 4.0,
                label: String::new(),
            },
            Point {
                on: d(6, 30),
                value: 17.0,
                label: "June".into(),
            },
        ];
        let l = layout(&pts, Some(20.0), "people", d(1, 1), d(12, 31));
        let (x0, y0, x1, y1) = l.plot;
        for (x, y, _) in &l.points {
            assert!(*x >= x0 && *x <= x1 && *y >= y0 && *y <= y1);
        }
        let (ty, label) = l.target.clone().unwrap();
        assert!(
            ty >= y0 && ty <= y1 && ty < l.points[1].1,
            "the target is above the highest point"
        );
        assert_eq!(label, "Target 20 people");
        assert_eq!(l.y_ticks.first().unwrap().1, "0");
        assert!(l.points[1].2.contains("17 people on 30 Jun 2026 (June)"));
        assert_eq!(l.polyline().split(' ').count(), 2);
    }

    #[test]
    fn an_empty_or_flat_series_still_has_an_axis() {
        let l = layout(&[], None, "", d(1, 1), d(1, 1));
        assert!(l.y_ticks.len() >= 2);
        assert!(l.points.is_empty() && l.target.is_none());
    }
}
