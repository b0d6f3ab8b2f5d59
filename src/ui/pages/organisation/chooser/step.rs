//! One question of the questionnaire: a radio group, a progress bar, Back and Next.

use leptos::prelude::*;

use super::{Question, Run};
use crate::ui::pages::organisation::readiness::scale::focus_soon;

#[component]
pub fn QuestionStep(questions: Memo<Vec<Question>>, run: Run) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let total = move || questions.with(Vec::len);
    let current = move || {
        let n = run.step.get();
        questions.with(|q| q.get(n).cloned())
    };
    let next = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(q) = current() else { return };
        if run.answer(&q.id).is_none() {
            error.set(Some("Choose the answer that fits best to go on.".into()));
            focus_soon("chooser-first-option");
            return;
        }
        error.set(None);
        run.step.update(|s| *s += 1);
        focus_soon(if run.step.get_untracked() >= total() {
            "chooser-result-h"
        } else {
            "chooser-q-h"
        });
    };
    let back = move |_| {
        error.set(None);
        run.step.update(|s| *s = s.saturating_sub(1));
        focus_soon("chooser-q-h");
    };
    let body = move || {
        let q = current()?;
        let n = run.step.get();
        let total = total();
        let qid = q.id.clone();
        let radios = q
            .options
            .iter()
            .enumerate()
            .map(|(i, (oid, label))| {
                let input_id = if i == 0 {
                    "chooser-first-option".to_string()
                } else {
                    format!("chooser-option-{oid}")
                };
                let for_id = input_id.clone();
                let (q1, q2, o1, o2) = (qid.clone(), qid.clone(), oid.clone(), oid.clone());
                view! {
                    <label class="check chooser-option" for=for_id>
                        <input
                            type="radio"
                            id=input_id
                            name="chooser-answer"
                            value=oid.0.clone()
                            prop:checked=move || run.answer(&q1).as_ref() == Some(&o1)
                            on:change=move |_| {
                                run.choose(&q2, &o2);
                                error.set(None);
                            }
                        />
                        <span>{label.clone()}</span>
                    </label>
                }
            })
            .collect_view();
        let described = move || {
            if error.get().is_some() {
                "chooser-help chooser-error"
            } else {
                "chooser-help"
            }
        };
        let last = n + 1 == total;
        Some(view! {
            <div class="chooser-progress">
                <label for="chooser-progress" id="chooser-progress-label">{format!("Question {} of {total}", n + 1)}</label>
                <progress id="chooser-progress" max=total.to_string() value=(n + 1).to_string()>{format!("{} of {total}", n + 1)}</progress>
            </div>
            <form class="chooser-step" on:submit=next novalidate>
                <fieldset class="chooser-question" role="radiogroup" aria-labelledby="chooser-q-h" aria-describedby=described aria-invalid=move || error.get().map(|_| "true")>
                    <legend><h2 id="chooser-q-h" tabindex="-1">{q.label.clone()}</h2></legend>
                    <p class="field__hint" id="chooser-help">
                        {q.help.clone()}
                        {(!q.source.is_empty()).then(|| view! { <span class="chooser-source">" Source: "{q.source.clone()}"."</span> })}
                    </p>
                    {move || error.get().map(|m| view! { <p class="field__error" id="chooser-error">{m}</p> })}
                    <div class="chooser-options">{radios}</div>
                </fieldset>
                <div class="form-actions">
                    <button type="button" class="btn" on:click=back disabled=n == 0>"Back"</button>
                    <button type="submit" class="btn btn--primary">{if last { "See the result" } else { "Next" }}</button>
                </div>
            </form>
        })
    };
    view! {
        <section class="section chooser-questionnaire" aria-label="Questionnaire">
            {body}
        </section>
    }
}
