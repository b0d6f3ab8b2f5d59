//! Pieces shared by the readiness check and the health check: the 0–4 scale as radio
//! buttons with words, score cells, the change between two checks in words, and the
//! choice of the two checks a report compares.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::model::organisation::{AreaScore, SCORE_MAX};
use crate::model::readiness::{score_word, AreaChange, Direction};
use crate::model::{CatalogueEntry, Id};

/// The scale in one line, for the hints above the fields.
pub const SCALE_HINT: &str =
    "0 absent · 1 weak · 2 partly · 3 mostly · 4 strong. Leave one “not scored” when nobody in the room can judge it.";

/// One catalogue entry's score as it is being entered.
#[derive(Clone)]
pub struct ScoreInput {
    pub entry: CatalogueEntry,
    pub value: RwSignal<Option<u8>>,
}

/// One input per entry, all "not scored".
pub fn score_inputs(entries: &[CatalogueEntry]) -> Vec<ScoreInput> {
    entries
        .iter()
        .map(|e| ScoreInput {
            entry: e.clone(),
            value: RwSignal::new(None),
        })
        .collect()
}

/// The scores entered, in catalogue order.
pub fn scores_of(inputs: &[ScoreInput]) -> Vec<AreaScore> {
    inputs
        .iter()
        .filter_map(|i| {
            i.value.get().map(|score| AreaScore {
                area_id: i.entry.id.clone(),
                score,
            })
        })
        .collect()
}

/// Puts `scores` into the inputs; entries without a score become "not scored".
pub fn load_scores(inputs: &[ScoreInput], scores: &[AreaScore]) {
    for i in inputs {
        i.value
            .set(scores.iter().find(|s| s.area_id == i.entry.id).map(|s| s.score));
    }
}

/// One entry's score: its label as the legend, its help text and source, and the scale
/// as radio buttons with words, plus "Not scored".
#[component]
pub fn ScoreField(#[prop(into)] prefix: String, input: ScoreInput) -> impl IntoView {
    let ScoreInput { entry, value } = input;
    let base = format!("{prefix}-{}", entry.id);
    let help_id = format!("{base}-help");
    let described = help_id.clone();
    let options = (0..=SCORE_MAX)
        .map(|n| {
            let input_id = format!("{base}-{n}");
            let for_id = input_id.clone();
            view! {
                <label class="score-option" for=for_id>
                    <input
                        type="radio"
                        id=input_id
                        name=base.clone()
                        value=n.to_string()
                        prop:checked=move || value.get() == Some(n)
                        on:change=move |_| value.set(Some(n))
                    />
                    <span class="score-option__n">{n}</span>
                    " "
                    <span class="score-option__word">{score_word(n)}</span>
                </label>
            }
        })
        .collect_view();
    let none_id = format!("{base}-none");
    let none_for = none_id.clone();
    let source = (!entry.source.is_empty()).then(|| {
        view! { <span class="score-field__source">" Source: "{entry.source.clone()}"."</span> }
    });
    view! {
        <fieldset class="score-field" aria-describedby=described data-area=entry.id.0.clone()>
            <legend>{entry.label.clone()}</legend>
            <p class="field__hint" id=help_id>{entry.description.clone()}{source}</p>
            <div class="score-scale">
                {options}
                <label class="score-option score-option--none" for=none_for>
                    <input
                        type="radio"
                        id=none_id
                        name=base.clone()
                        value=""
                        prop:checked=move || value.get().is_none()
                        on:change=move |_| value.set(None)
                    />
                    <span class="score-option__word">"not scored"</span>
                </label>
            </div>
        </fieldset>
    }
}

/// A score in a table cell: "3 mostly", or "not scored".
pub fn score_text(score: Option<u8>) -> AnyView {
    match score {
        Some(s) => {
            view! { <span class="score-text">{s}" "<span class="score-text__word">{score_word(s)}</span></span> }
                .into_any()
        }
        None => view! { <span class="muted">"not scored"</span> }.into_any(),
    }
}

/// The change of one area in words, with an arrow that is only decoration.
pub fn change_text(ch: &AreaChange) -> AnyView {
    let (class, arrow) = match ch.direction() {
        Direction::Up(_) => ("change change--up", "▲"),
        Direction::Down(_) => ("change change--down", "▼"),
        Direction::Same => ("change change--same", "="),
        Direction::NewlyScored | Direction::NoLongerScored => ("change change--none", "·"),
    };
    view! {
        <span class=class><span class="change__arrow" aria-hidden="true">{arrow}</span>" "{ch.describe()}</span>
    }
    .into_any()
}

/// A change of the overall score in words: "up 8 points", "down 3 points", "no change".
pub fn points_change(delta: i16) -> String {
    let unit = |n: i16| if n == 1 { "point" } else { "points" };
    match delta {
        0 => "no change".into(),
        d if d > 0 => format!("up {d} {}", unit(d)),
        d => format!("down {} {}", -d, unit(-d)),
    }
}

/// The class of a change of the overall score, for its colour.
pub fn points_class(delta: i16) -> &'static str {
    match delta {
        0 => "change change--same",
        d if d > 0 => "change change--up",
        _ => "change change--down",
    }
}

/// An overall score, 0–100, as a number with a bar (the bar is decoration; the number says it).
pub fn score_meter(percent: Option<u8>) -> AnyView {
    match percent {
        Some(p) => view! {
            <span class="score-meter">
                <span class="score-meter__value">{p}"%"</span>
                <span class="score-meter__bar" aria-hidden="true"><span style=format!("width: {p}%")></span></span>
            </span>
        }
        .into_any(),
        None => view! { <span class="muted">"not scored"</span> }.into_any(),
    }
}

/// Which two checks a report shows, as indexes into the dated list (oldest first): the
/// one picked (default: the latest) and the one to compare it with (default: the one
/// before it). Returned as (earlier, later) so that a change always reads forwards in
/// time; `earlier` is `None` when there is nothing to compare with.
pub fn chosen_pair(ids: &[Id], pick: &str, against: &str) -> Option<(Option<usize>, usize)> {
    let shown = ids.iter().position(|i| i.0 == pick).or(ids.len().checked_sub(1))?;
    let other = match against {
        "none" => None,
        "" => shown.checked_sub(1),
        a => ids
            .iter()
            .position(|i| i.0 == a)
            .filter(|o| *o != shown)
            .or(shown.checked_sub(1)),
    };
    Some(match other {
        Some(o) if o > shown => (Some(shown), o),
        o => (o, shown),
    })
}

/// A check's label in a select: its date, and what else tells it apart.
pub fn check_label(on: NaiveDate, extra: &str) -> String {
    let extra = extra.trim();
    if extra.is_empty() {
        on.to_string()
    } else {
        let short: String = extra.chars().take(60).collect();
        let more = if extra.chars().count() > 60 { "…" } else { "" };
        format!("{on} — {short}{more}")
    }
}

/// Moves keyboard focus to an element once it is on screen (after the next paint).
pub fn focus_soon(dom_id: &'static str) {
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(dom_id) {
            if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                el.scroll_into_view();
                let _ = el.focus();
            }
        }
    });
}

/// Opens the browser's print dialog.
pub fn print_page() {
    let _ = window().print();
}
