//! The chooser's result: the recommended structure, why, what speaks against it, the
//! runner-up and what to do next. This is what prints.

use leptos::prelude::*;

use crate::model::chooser::{in_words, recommend, split_next, Reason};
use crate::model::CatalogueKind;
use crate::state::{today, AppState};

use super::save::ChooserSave;
use super::{Question, Run};
use crate::ui::pages::organisation::readiness::scale::{focus_soon, print_page};

/// The first letter in upper case: "Next: find leaders" reads as a sentence on its own.
fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn reason_items(reasons: Vec<Reason>) -> impl IntoView {
    reasons
        .into_iter()
        .map(|r| {
            view! {
                <li>
                    <span class="chooser-reason__q">{r.question}</span>
                    " "
                    <strong class="chooser-reason__a">{r.answer}</strong>
                </li>
            }
        })
        .collect_view()
}

#[component]
pub fn ChooserResult(questions: Memo<Vec<Question>>, run: Run) -> impl IntoView {
    let state = AppState::expect();
    let rec = Memo::new(move |_| state.ws.with(|w| run.answers.with(|a| recommend(&w.catalogues, a))));
    let asked = move || questions.with(Vec::len);
    let change = move |_| {
        run.step.set(0);
        focus_soon("chooser-q-h");
    };
    let restart = move |_| {
        run.restart();
        focus_soon("chooser-q-h");
    };
    // A result shown from the saved list says whose it is, with its note, for as long as
    // its answers are unchanged.
    let saved = move || {
        let (cid, _) = run.loaded_from.get()?;
        state.ws.with(|w| {
            let c = w.community(&cid)?;
            let choice = c.stewardship.structure_choice.as_ref()?;
            run.answers
                .with(|a| recommend(&w.catalogues, a).is_some_and(|r| r.answers == choice.answers))
                .then(|| (c.name.clone(), choice.on, choice.note.clone()))
        })
    };
    let context = move || match saved() {
        Some((name, on, _)) => format!("Result saved for {name} on {on}"),
        None => format!("Result of {}", today()),
    };
    let saved_note = move || {
        saved().and_then(|(_, _, note)| {
            (!note.is_empty()).then(|| {
                view! {
                    <h3>"Note"</h3>
                    <p class="checks-note">{note}</p>
                }
            })
        })
    };
    let body = move || {
        state.ws.with(|w| {
            let cats = &w.catalogues;
            let Some(r) = rec.get() else {
                return view! {
                    <h2 id="chooser-result-h" tabindex="-1">"No recommendation"</h2>
                    <p>"None of the answers fits a structure of the catalogue. The answers may point to structures that were removed on the Data page; check the structure chooser answers there, or change your answers."</p>
                }
                .into_any();
            };
            let label = |id| cats.label(CatalogueKind::StructureTypes, id);
            let best = r.best();
            let description = cats
                .entry(CatalogueKind::StructureTypes, &best.structure_id)
                .map(|e| (e.description.clone(), e.source.clone()))
                .unwrap_or_default();
            let (summary, next) = split_next(&description.0);
            let (summary, next) = (summary.to_string(), next.map(sentence));
            let n = r.answers.len();
            let reasons = in_words(cats, r.reasons());
            let against = in_words(cats, r.against());
            let runner = r.runner_up().map(|s| {
                let desc = cats
                    .entry(CatalogueKind::StructureTypes, &s.structure_id)
                    .map(|e| split_next(&e.description).0.to_string())
                    .unwrap_or_default();
                (label(&s.structure_id), s.points, desc)
            });
            let close = r.is_close();
            let unanswered = asked().saturating_sub(n);
            let ranking = r
                .ranking
                .iter()
                .map(|s| {
                    let is_best = s.structure_id == best.structure_id;
                    view! {
                        <tr class=if is_best { "is-best" } else { "" }>
                            <th scope="row">{label(&s.structure_id)}{is_best.then_some(" (recommended)")}</th>
                            <td class="num">{s.points}" of "{n}</td>
                        </tr>
                    }
                })
                .collect_view();
            let against_part = if against.is_empty() {
                view! { <p>"Nothing: every answer fits."</p> }.into_any()
            } else {
                view! { <ul class="chooser-reasons chooser-reasons--against">{reason_items(against)}</ul> }.into_any()
            };
            view! {
                <p class="chooser-result__kicker">"Recommended structure"</p>
                <h2 id="chooser-result-h" tabindex="-1" data-testid="chooser-recommendation">{label(&best.structure_id)}</h2>
                <p class="chooser-result__summary">{summary}</p>
                <p class="chooser-result__fit">
                    {format!("It fits {} of your {n} answers.", best.points)}
                    {(unanswered > 0).then(|| format!(" {unanswered} question{} left unanswered.", if unanswered == 1 { " was" } else { "s were" }))}
                </p>
                {close.then(|| {
                    let (rl, rp, _) = runner.clone().unwrap_or_default();
                    view! {
                        <div class="banner banner--warning chooser-close" role="note">
                            <p><strong>"A close call."</strong>{format!(" {rl} fits {rp} of your answers too. Talk it through with the people involved before deciding.")}</p>
                        </div>
                    }
                })}
                <div class="chooser-result__grid">
                    <div class="card">
                        <h3>"Why: the answers that fit"</h3>
                        <ul class="chooser-reasons" data-testid="chooser-reasons">{reason_items(reasons)}</ul>
                    </div>
                    <div class="card">
                        <h3>"What speaks against it"</h3>
                        {against_part}
                    </div>
                </div>
                <div class="card chooser-next">
                    <h3>"What to do next"</h3>
                    <p>{next.unwrap_or_else(|| "The catalogue gives no next step for this structure; add one to its description on the Data page, after “Next:”.".into())}</p>
                </div>
                {runner.map(|(rl, rp, desc)| view! {
                    <h3>"Runner-up"</h3>
                    <p><strong>{rl}</strong>{format!(", which fits {rp} of your {n} answers. ")}{desc}</p>
                })}
                <h3>"How each structure fits your answers"</h3>
                <div class="table-wrap chooser-ranking-wrap" tabindex="0" role="region" aria-label="How each structure fits the answers">
                    <table class="data-table chooser-ranking" data-testid="chooser-ranking">
                        <caption class="visually-hidden">"Each structure with the number of answers that fit it, best first"</caption>
                        <thead><tr><th scope="col">"Structure"</th><th scope="col" class="num">"Answers that fit"</th></tr></thead>
                        <tbody>{ranking}</tbody>
                    </table>
                </div>
                <p class="muted chooser-method">
                    "Each answer counts one point for each structure it fits; a tie goes to the structure that fits the answer to the earlier question."
                    {(!description.1.is_empty()).then(|| view! { " Source of the description: "{description.1.clone()}"." })}
                </p>
            }
            .into_any()
        })
    };
    view! {
        <section class="section chooser-result" aria-labelledby="chooser-result-h" data-testid="chooser-result">
            <p class="chooser-result__context">{context}</p>
            {body}
            {saved_note}
            <div class="cluster chooser-result__actions no-print">
                <button type="button" class="btn" on:click=change>"Change the answers"</button>
                <button type="button" class="btn" on:click=restart>"Start again"</button>
                <button type="button" class="btn" on:click=move |_| print_page()>"Print"</button>
            </div>
        </section>
        <Show when=move || rec.with(Option::is_some)>
            <ChooserSave run/>
        </Show>
    }
}
