//! A community's value-creation matrix for a period: each value cycle against its
//! aspiration, indicators and stories, with the gaps.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::model::evaluation::Consent;
use crate::model::value::{default_period, parse_date, value_matrix, Matrix};
use crate::model::Id;
use crate::state::{today, AppState};

use super::PeriodPicker;

#[component]
pub fn MatrixSection(id: Id) -> impl IntoView {
    let state = AppState::expect();
    let (f, t) = state.ws.with_untracked(|w| {
        w.community(&id).map(|c| default_period(c, today())).unwrap_or((today(), today()))
    });
    let from = RwSignal::new(f.to_string());
    let to = RwSignal::new(t.to_string());
    let cid = id.clone();
    let matrix = Memo::new(move |_| {
        let (Some(f), Some(t)) = (parse_date(&from.get()), parse_date(&to.get())) else { return None };
        if t < f {
            return None;
        }
        state.ws.with(|w| w.community(&cid).map(|c| value_matrix(&w.catalogues, c, f, t, Consent::Community)))
    });
    let base = format!("/evaluate/{id}");
    view! {
        <section class="section" aria-labelledby="matrix-h">
            <h2 id="matrix-h">"Value-creation matrix"</h2>
            <p class="muted">"Each value cycle against what the plan aspires to, the indicators and the stories told in the period. Gaps show where there is no evidence yet. Inside the community every story is shown; the sponsor report applies the stories' consent."</p>
            <PeriodPicker from to idp="matrix"/>
            {move || match matrix.get() {
                None => view! { <p class="field__error" role="alert">"Choose a start date and an end date on or after it."</p> }.into_any(),
                Some(m) => view! { <MatrixTable m base=base.clone()/> }.into_any(),
            }}
        </section>
    }
}

/// The matrix as a table (shared with the report preview).
#[component]
pub(super) fn MatrixTable(
    m: Matrix,
    #[prop(into)] base: String,
    #[prop(optional)] links: Option<bool>,
    /// The table region's name; unique on a page with several matrices.
    #[prop(into, optional)]
    label: Option<String>,
) -> impl IntoView {
    let label = label.unwrap_or_else(|| "Table of the value-creation matrix".into());
    let links = links.unwrap_or(true);
    let evidence = m.cycles_with_evidence();
    let total = m.rows.len();
    let gaps = m.gaps().count();
    view! {
        <p class="matrix-summary" data-testid="matrix-summary">{format!(
            "Evidence in {evidence} of {total} cycles; {gaps} gap{} to look at.",
            if gaps == 1 { "" } else { "s" }
        )}</p>
        <div class="table-wrap" tabindex="0" role="region" aria-label=label>
            <table class="data-table value-matrix" data-testid="value-matrix">
                <thead><tr>
                    <th scope="col">"Cycle"</th>
                    <th scope="col">"Aspiration"</th>
                    <th scope="col">"Indicators"</th>
                    <th scope="col">"Stories"</th>
                    <th scope="col">"Gaps"</th>
                </tr></thead>
                <tbody>
                    {m.rows.into_iter().map(|r| {
                        let label = r.label.clone();
                        let gap_msgs: Vec<String> = r.gaps.iter().map(|g| g.message(&label)).collect();
                        let row_class = if gap_msgs.is_empty() { "" } else { "value-matrix__row--gap" };
                        let base = base.clone();
                        view! {
                            <tr data-cycle=r.cycle_id.to_string() class=row_class>
                                <th scope="row">{r.label.clone()}</th>
                                <td>{match r.aspiration {
                                    Some(a) => view! {
                                        <p>{a.text}</p>
                                        {(!a.stakeholders.is_empty()).then(|| view! { <p class="muted">{format!("For {}", a.stakeholders)}</p> })}
                                    }.into_any(),
                                    None => view! { <span class="muted">"—"</span> }.into_any(),
                                }}</td>
                                <td>{if r.indicators.is_empty() {
                                    view! { <span class="muted">"—"</span> }.into_any()
                                } else {
                                    view! { <ul class="value-matrix__list">{r.indicators.into_iter().map(|i| {
                                        let cls = match i.on_target { Some(true) => "tag tag--ok", Some(false) => "tag tag--gap", None => "" };
                                        let mark = match i.on_target { Some(true) => "on target", Some(false) => "below target", None => "" };
                                        view! {
                                            <li>
                                                <span class="value-matrix__name">{i.name}</span>
                                                {i.derived.then(|| view! { <span class="tag">"computed"</span> })}
                                                <br/><span class="muted">{i.figure}</span>
                                                {(!mark.is_empty()).then(|| view! { " " <span class=cls>{mark}</span> })}
                                                {(i.cited_by > 0).then(|| view! { <br/><span class="muted">{format!("cited by {} stor{}", i.cited_by, if i.cited_by == 1 { "y" } else { "ies" })}</span> })}
                                            </li>
                                        }
                                    }).collect_view()}</ul> }.into_any()
                                }}</td>
                                <td>{if r.stories.is_empty() {
                                    view! { <span class="muted">"—"</span> }.into_any()
                                } else {
                                    view! { <ul class="value-matrix__list">{r.stories.into_iter().map(|s| {
                                        let href = crate::ui::href(&format!("{base}/stories/{}", s.id));
                                        let title = s.title.clone();
                                        view! {
                                            <li>
                                                {if links { view! { <A href=href>{title}</A> }.into_any() } else { view! { <span>{title}</span> }.into_any() }}
                                                {s.starts_here.then(|| view! { " " <span class="tag">"starts here"</span> })}
                                                {s.intended.then(|| view! { " " <span class="tag tag--stage">"intended"</span> })}
                                                {(s.consent == Consent::Community).then(|| view! { " " <span class="tag">"private"</span> })}
                                            </li>
                                        }
                                    }).collect_view()}</ul> }.into_any()
                                }}</td>
                                <td>{if gap_msgs.is_empty() {
                                    view! { <span class="muted">"—"</span> }.into_any()
                                } else {
                                    view! { <ul class="value-matrix__list value-matrix__gaps">{gap_msgs.into_iter().map(|g| view! { <li>{g}</li> }).collect_view()}</ul> }.into_any()
                                }}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
