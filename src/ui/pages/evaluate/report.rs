//! The sponsor report, for one community or across the portfolio: choose the audience, the
//! period and the stories; read the preview; print it, or download it as Markdown or as a
//! self-contained HTML file. The model applies consent: a story whose teller did not agree
//! to this audience is never in the report, whatever is ticked.

use leptos::prelude::*;

use crate::model::evaluation::Consent;
use crate::model::value::{build_report, default_period, parse_date, render_html, render_markdown, with_unit, ReportOptions, ReportScope, SponsorReport};
use crate::model::Id;
use crate::state::{today, AppState};
use crate::ui::pages::use_title;

use super::chart::SeriesChart;
use super::matrix::MatrixTable;
use super::PeriodPicker;

#[component]
pub fn PortfolioReportPage() -> impl IntoView {
    use_title(|| "Portfolio sponsor report".into());
    view! {
        <div class="page-header">
            <p class="muted no-print"><a href=crate::ui::href("/evaluate")>"Evaluate"</a></p>
            <h1 class="no-print">"Portfolio sponsor report"</h1>
        </div>
        <ReportSection scope=None/>
    }
}

#[component]
pub fn ReportSection(scope: Option<Id>) -> impl IntoView {
    let state = AppState::expect();
    let (f, t) = state.ws.with_untracked(|w| match &scope {
        Some(id) => w.community(id).map(|c| default_period(c, today())).unwrap_or((today(), today())),
        None => {
            let from = w.communities.iter().flat_map(|c| c.evaluation.plans.iter().map(|p| p.from)).min();
            let to = w.communities.iter().flat_map(|c| c.evaluation.plans.iter().map(|p| p.to)).max();
            match (from, to) {
                (Some(a), Some(b)) => (a, b),
                _ => (today() - chrono::Duration::days(364), today()),
            }
        }
    });
    let from = RwSignal::new(f.to_string());
    let to = RwSignal::new(t.to_string());
    let audience = RwSignal::new(Consent::Organisation);
    let reflection = RwSignal::new(true);
    // Stories left out by hand (everything the audience may read is in by default).
    let excluded = RwSignal::new(Vec::<Id>::new());
    let message = RwSignal::new(None::<String>);
    let rscope = match &scope { Some(id) => ReportScope::Community(id.clone()), None => ReportScope::Portfolio };
    let s2 = rscope.clone();
    let report = Memo::new(move |_| {
        let (Some(f), Some(t)) = (parse_date(&from.get()), parse_date(&to.get())) else { return None };
        if t < f {
            return None;
        }
        let ex = excluded.get();
        state.ws.with(|w| {
            // Every story of the period the audience may read, minus those left out.
            let all: Vec<Id> = w.communities.iter().flat_map(|c| c.evaluation.stories.iter().map(|s| s.id.clone())).filter(|s| !ex.contains(s)).collect();
            let opts = ReportOptions { audience: audience.get(), from: f, to: t, story_ids: Some(all), include_reflection: reflection.get() };
            Some(build_report(w, &s2, &opts, today()))
        })
    });
    // The stories of the period, with whether this audience may read them.
    let s3 = scope.clone();
    let candidates = Memo::new(move |_| {
        let (Some(f), Some(t)) = (parse_date(&from.get()), parse_date(&to.get())) else { return Vec::new() };
        let aud = audience.get();
        state.ws.with(|w| {
            w.communities
                .iter()
                .filter(|c| s3.as_ref().is_none_or(|id| &c.id == id))
                .flat_map(|c| {
                    c.evaluation.stories.iter().filter(move |s| s.told_on >= f && s.told_on <= t).map(move |s| {
                        (s.id.clone(), format!("{} ({}, {})", s.title, c.name, s.told_on), s.consent.allows(aud), s.consent.label())
                    })
                })
                .collect::<Vec<_>>()
        })
    });
    let download = move |md: bool| {
        let Some(r) = report.get_untracked() else { return };
        let (name, mime, text) = if md {
            (format!("{}.md", r.file_stem()), "text/markdown;charset=utf-8", render_markdown(&r))
        } else {
            (format!("{}.html", r.file_stem()), "text/html;charset=utf-8", render_html(&r))
        };
        match state.download_text(&name, mime, &text) {
            Ok(()) => message.set(Some(format!("Downloaded {name}."))),
            Err(e) => message.set(Some(format!("The download failed: {e}"))),
        }
    };
    view! {
        <section class="section no-print report-options" aria-labelledby="report-options-h">
            <h2 id="report-options-h">"What the report covers"</h2>
            <fieldset class="report-audience">
                <legend>"Audience"</legend>
                {Consent::ALL.into_iter().map(|c| {
                    let dom = format!("audience-{}", c.key());
                    let dom_for = dom.clone();
                    view! {
                        <label class="check" for=dom_for>
                            <input id=dom type="radio" name="report-audience" prop:checked=move || audience.get() == c on:change=move |_| audience.set(c)/>
                            {c.audience_label()}
                        </label>
                    }
                }).collect_view()}
                <p class="field__hint">"Only stories whose tellers agreed to this audience can be in the report. Stories private to the community stay out of any report shared in the organisation or in public."</p>
            </fieldset>
            <PeriodPicker from to idp="report"/>
            <fieldset class="report-stories">
                <legend>"Stories"</legend>
                {move || {
                    let list = candidates.get();
                    if list.is_empty() {
                        return view! { <p class="muted">"No stories were told in this period."</p> }.into_any();
                    }
                    list.into_iter().map(|(sid, label, allowed, consent)| {
                        let dom = format!("report-story-{sid}");
                        let dom_for = dom.clone();
                        let s1 = sid.clone();
                        view! {
                            <label class="check" for=dom_for class:check--disabled=!allowed>
                                <input id=dom type="checkbox" disabled=!allowed
                                    prop:checked=move || allowed && !excluded.with(|e| e.contains(&s1))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        excluded.update(|e| { e.retain(|x| x != &sid); if !on { e.push(sid.clone()); } });
                                    }/>
                                {label}
                                {(!allowed).then(|| view! { <span class="muted">{format!(" — withheld: {}", consent.to_lowercase())}</span> })}
                            </label>
                        }
                    }).collect_view().into_any()
                }}
            </fieldset>
            <label class="check" for="report-reflection">
                <input id="report-reflection" type="checkbox" prop:checked=move || reflection.get() on:change=move |ev| reflection.set(event_target_checked(&ev))/>
                "Include the latest reflection"
            </label>
            <div class="form-actions">
                <button type="button" class="btn btn--primary" on:click=move |_| download(false)>"Download HTML"</button>
                <button type="button" class="btn" on:click=move |_| download(true)>"Download Markdown"</button>
                <button type="button" class="btn" on:click=move |_| { let _ = window().print(); }>"Print"</button>
            </div>
            {move || message.get().map(|m| view! { <p class="muted" role="status">{m}</p> })}
        </section>
        {move || match report.get() {
            None => view! { <p class="field__error" role="alert">"Choose a start date and an end date on or after it."</p> }.into_any(),
            Some(r) => view! { <ReportView r/> }.into_any(),
        }}
    }
}

/// The report as the page shows and prints it.
#[component]
fn ReportView(r: SponsorReport) -> impl IntoView {
    let (from, to) = (r.from, r.to);
    let portfolio = r.portfolio;
    let cycles = r.cycles.clone();
    view! {
        <article class="sponsor-report" aria-labelledby="report-title" data-testid="sponsor-report">
            <h2 id="report-title" class="sponsor-report__title">{r.title.clone()}</h2>
            <p class="muted">{format!("Period {} to {} · Audience: {} · Prepared on {}", r.from, r.to, r.audience.audience_label(), r.generated_on)}</p>
            {portfolio.then(|| view! {
                <h3>"Portfolio overview"</h3>
                <div class="table-wrap" tabindex="0" role="region" aria-label="Cycles with evidence per community">
                    <table class="data-table">
                        <thead><tr><th scope="col">"Community"</th>{cycles.iter().map(|c| view! { <th scope="col">{c.clone()}</th> }).collect_view()}</tr></thead>
                        <tbody>{r.sections.iter().map(|s| view! {
                            <tr><th scope="row">{s.name.clone()}</th>{s.matrix.rows.iter().map(|m| view! { <td>{if m.has_evidence() { "yes" } else { "—" }}</td> }).collect_view()}</tr>
                        }).collect_view()}</tbody>
                    </table>
                </div>
                {(!r.without_records.is_empty()).then(|| view! { <p class="muted">{format!("No evaluation records yet: {}.", r.without_records.join(", "))}</p> })}
            })}
            {r.sections.into_iter().enumerate().map(|(si, s)| view! {
                <section class="sponsor-report__community">
                    {if portfolio {
                        view! { <h3 class="sponsor-report__community-h">{format!("{} ({})", s.name, s.stage)}</h3> }.into_any()
                    } else {
                        view! { <h3 class="visually-hidden">{s.name.clone()}</h3> }.into_any()
                    }}
                    <h4>"Highlights"</h4>
                    <ul>{s.highlights.iter().map(|h| view! { <li>{h.clone()}</li> }).collect_view()}</ul>
                    <h4>"Value-creation matrix"</h4>
                    <MatrixTable m=s.matrix.clone() base=format!("/evaluate/{}", s.id) links=false label=format!("Value-creation matrix of {}", s.name)/>
                    {(s.withheld_stories > 0).then(|| view! {
                        <p class="report-note" data-testid="withheld-note">{format!(
                            "{} of this period {} not shown: the tellers' consent does not extend to this audience.",
                            if s.withheld_stories == 1 { "1 story".to_string() } else { format!("{} stories", s.withheld_stories) },
                            if s.withheld_stories == 1 { "is" } else { "are" }
                        )}</p>
                    })}
                    {(!s.charts.is_empty()).then(|| view! {
                        <h4>"Indicators"</h4>
                        <div class="report-charts">
                            {s.charts.iter().enumerate().map(|(ci, ch)| view! {
                                <div class="report-chart">
                                    <h5>{ch.name.clone()}<span class="muted">{format!(" · {}", ch.cycle)}</span></h5>
                                    <p>{ch.figure.clone()}{ch.target.map(|t| format!(" · target {}", with_unit(t, &ch.unit)))}</p>
                                    {(!ch.qualitative && !ch.points.is_empty()).then(|| view! {
                                        <SeriesChart dom_id=format!("rc-{si}-{ci}") name=ch.name.clone() unit=ch.unit.clone() points=ch.points.clone() target=ch.target from to summary=ch.figure.clone()/>
                                    })}
                                    {(ch.qualitative && !ch.notes.is_empty()).then(|| view! {
                                        <ul>{ch.notes.iter().map(|(d, t)| view! { <li><strong>{d.to_string()}</strong>": "{t.clone()}</li> }).collect_view()}</ul>
                                    })}
                                </div>
                            }).collect_view()}
                        </div>
                    })}
                    <h4>"Value-creation stories"</h4>
                    {s.stories.is_empty().then(|| view! { <p class="muted">"No stories are selected for this report."</p> })}
                    {s.stories.iter().map(|st| view! {
                        <article class="report-story">
                            <h5>{st.title.clone()}</h5>
                            <p class="muted">{format!("Told by {} on {} · {} · {} · {} · starts in {}", st.teller, st.told_on, st.status.label(), st.verification.label(), st.consent.label(), st.start)}</p>
                            <dl>
                                {st.steps.iter().map(|(c, t)| view! { <dt>{c.clone()}</dt><dd class="pre-line">{t.clone()}</dd> }).collect_view()}
                                {(!st.meetings.is_empty()).then(|| view! { <dt>"Came from"</dt><dd>{st.meetings.join("; ")}</dd> })}
                                {(!st.repertoire.is_empty()).then(|| view! { <dt>"Used"</dt><dd>{st.repertoire.join("; ")}</dd> })}
                                {(!st.indicators.is_empty()).then(|| view! { <dt>"Evidence"</dt><dd>{st.indicators.join("; ")}</dd> })}
                            </dl>
                        </article>
                    }).collect_view()}
                    {(!s.gaps.is_empty()).then(|| view! { <h4>"Gaps"</h4><ul>{s.gaps.iter().map(|g| view! { <li>{g.clone()}</li> }).collect_view()}</ul> })}
                    {(!s.next_steps.is_empty()).then(|| view! { <h4>"Next steps"</h4><ul>{s.next_steps.iter().map(|g| view! { <li>{g.clone()}</li> }).collect_view()}</ul> })}
                    {s.reflection.clone().map(|rf| view! {
                        <h4>{format!("Reflection of {}", rf.on)}</h4>
                        <dl>
                            {(!rf.achieved.is_empty()).then(|| view! { <dt>"What we have achieved"</dt><dd class="pre-line">{rf.achieved.clone()}</dd> })}
                            {(!rf.challenges.is_empty()).then(|| view! { <dt>"Challenges ahead"</dt><dd class="pre-line">{rf.challenges.clone()}</dd> })}
                            {(!rf.decisions.is_empty()).then(|| view! { <dt>"Decisions"</dt><dd class="pre-line">{rf.decisions.clone()}</dd> })}
                        </dl>
                    })}
                </section>
            }).collect_view()}
        </article>
    }
}
