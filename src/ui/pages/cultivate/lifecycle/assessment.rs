//! The stage self-assessment: each statement rated from "not at all" to "fully", saved as
//! soon as it is answered.

use leptos::prelude::*;

use crate::model::cultivation::AGREEMENT_MAX;
use crate::model::lifecycle::{answer_for, statement_order, AGREEMENT_LABELS};
use crate::model::{CatalogueKind, Id};
use crate::state::{now, AppState};
use crate::ui::components::ask;

#[component]
pub fn SelfAssessment(id: Id) -> impl IntoView {
    let state = AppState::expect();
    // Statements in their mixed order, numbered; rebuilt only when the catalogue changes.
    let statements = Memo::new(move |_| {
        state.ws.with(|w| {
            statement_order(&w.catalogues)
                .into_iter()
                .enumerate()
                .map(|(i, e)| (e.id.clone(), i + 1, e.label.clone()))
                .collect::<Vec<_>>()
        })
    });
    let progress = {
        let id = id.clone();
        Memo::new(move |_| {
            state.ws.with(|w| {
                let total = w.catalogues.get(CatalogueKind::StageQuestions).len();
                let answered = w
                    .community(&id)
                    .map(|c| {
                        c.cultivation
                            .stage_answers
                            .iter()
                            .filter(|a| w.catalogues.contains(CatalogueKind::StageQuestions, &a.question_id))
                            .count()
                    })
                    .unwrap_or(0);
                (answered, total)
            })
        })
    };
    let message = RwSignal::new(None::<String>);
    let clear_all = {
        let id = id.clone();
        move |_| {
            let id = id.clone();
            ask(
                "Clear every answer?",
                vec!["The self-assessment starts again from nothing. Recorded stages and their history stay as they are.".into()],
                "Clear answers",
                move || match state.edit(|ws| ws.clear_stage_answers(&id, now())) {
                    Ok(()) => message.set(None),
                    Err(e) => message.set(Some(e.to_string())),
                },
            );
        }
    };
    let row_id = id.clone();
    view! {
        <section class="lifecycle-part" aria-labelledby="assess-h">
            <h3 id="assess-h">"Self-assessment"</h3>
            <p class="muted lifecycle__intro">
                "How true is each statement of your community today? Answer together with the core group, or enter the view the group agreed on. Each answer is saved at once. The statements are listed in a mixed order so that they do not steer you towards a stage."
            </p>
            {move || {
                let (answered, total) = progress.get();
                if total == 0 {
                    view! { <p class="muted">"The catalogue has no self-assessment statements; add some on the Data page."</p> }.into_any()
                } else {
                    view! { <p class="muted" data-testid="assessment-progress">{format!("{answered} of {total} statements answered.")}</p> }.into_any()
                }
            }}
            <ol class="statements" data-testid="statements">
                <For each=move || statements.get() key=|s| s.0.clone() let:s>
                    <Statement community=row_id.clone() question=s.0 number=s.1 text=s.2 message/>
                </For>
            </ol>
            {move || message.get().map(|m| view! { <p class="field__error" role="alert">{m}</p> })}
            {move || (progress.get().0 > 0).then(|| view! {
                <p class="no-print"><button type="button" class="btn btn--small" on:click=clear_all.clone()>"Clear all answers…"</button></p>
            })}
        </section>
    }
}

/// One statement as a group of four radio buttons, with a way to take the answer back.
#[component]
fn Statement(
    community: Id,
    question: Id,
    number: usize,
    text: String,
    message: RwSignal<Option<String>>,
) -> impl IntoView {
    let state = AppState::expect();
    let current = {
        let (community, question) = (community.clone(), question.clone());
        Memo::new(move |_| {
            state.ws.with(|w| {
                w.community(&community)
                    .and_then(|c| answer_for(&c.cultivation.stage_answers, &question))
            })
        })
    };
    let save = {
        let (community, question) = (community.clone(), question.clone());
        move |value: Option<u8>| match state.edit(|ws| ws.answer_stage_statement(&community, &question, value, now())) {
            Ok(()) => message.set(None),
            Err(e) => message.set(Some(e.to_string())),
        }
    };
    let name = format!("statement-{question}");
    let options = (0..=AGREEMENT_MAX)
        .map(|v| {
            let save = save.clone();
            let input_id = format!("{name}-{v}");
            let word = AGREEMENT_LABELS[usize::from(v)];
            let label_for = input_id.clone();
            view! {
                <label class="choice" for=label_for>
                    <input
                        id=input_id
                        type="radio"
                        name=name.clone()
                        value=v.to_string()
                        prop:checked=move || current.get() == Some(v)
                        on:change=move |_| save(Some(v))
                    />
                    <span>{capitalise(word)}</span>
                </label>
            }
        })
        .collect_view();
    let clear = move |_| save(None);
    view! {
        <li class="statement">
            <fieldset class="statement__group">
                <legend class="statement__text"><span class="statement__number">{format!("{number}. ")}</span>{text}</legend>
                <div class="choices">
                    {options}
                    {move || current.get().is_some().then(|| view! {
                        <button type="button" class="btn btn--ghost btn--small statement__clear no-print" on:click=clear.clone()>
                            "Clear answer"<span class="visually-hidden">{format!(" to statement {number}")}</span>
                        </button>
                    })}
                </div>
            </fieldset>
        </li>
    }
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
        .unwrap_or_default()
}
