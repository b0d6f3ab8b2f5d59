//! The structure chooser: is it a community of practice? A guided questionnaire, one
//! question per step, that recommends a structure with the reasons drawn from the answers,
//! the runner-up and what to do next. The result can be saved against a community (an
//! existing one or a new one) and printed.
//!
//! The answers in progress live in this component only: it is a short questionnaire, and
//! the saved result is what lasts.

mod result;
mod save;
mod saved;
mod step;

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::model::chooser::{options, questions};
use crate::model::organisation::ChooserAnswer;
use crate::model::Id;
use crate::state::AppState;
use crate::ui::components::EmptyState;

use result::ChooserResult;
use saved::SavedResults;
use step::QuestionStep;

/// A question as the questionnaire shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    pub id: Id,
    pub label: String,
    pub help: String,
    pub source: String,
    /// (answer id, label), in catalogue order.
    pub options: Vec<(Id, String)>,
}

/// The state of one run through the questionnaire.
#[derive(Clone, Copy)]
pub struct Run {
    pub answers: RwSignal<Vec<ChooserAnswer>>,
    /// The question shown (0-based); the number of questions means "the result".
    pub step: RwSignal<usize>,
    /// When the answers were loaded from a saved result: whose, and of when.
    pub loaded_from: RwSignal<Option<(Id, NaiveDate)>>,
}

impl Run {
    /// The option chosen for a question.
    pub fn answer(&self, question: &Id) -> Option<Id> {
        self.answers.with(|a| {
            a.iter()
                .find(|x| &x.question_id == question)
                .map(|x| x.option_id.clone())
        })
    }

    /// Chooses an answer, replacing any earlier one to the same question.
    pub fn choose(&self, question: &Id, option: &Id) {
        self.answers.update(|a| {
            a.retain(|x| &x.question_id != question);
            a.push(ChooserAnswer {
                question_id: question.clone(),
                option_id: option.clone(),
            });
        });
    }

    /// Back to the first question with nothing answered.
    pub fn restart(&self) {
        self.answers.set(Vec::new());
        self.loaded_from.set(None);
        self.step.set(0);
    }
}

#[component]
pub fn ChooserSection() -> impl IntoView {
    let state = AppState::expect();
    let qs = Memo::new(move |_| {
        state.ws.with(|w| {
            let cats = &w.catalogues;
            questions(cats)
                .into_iter()
                .map(|q| Question {
                    id: q.id.clone(),
                    label: q.label.clone(),
                    help: q.description.clone(),
                    source: q.source.clone(),
                    options: options(cats, &q.id)
                        .into_iter()
                        .map(|o| (o.id.clone(), o.label.clone()))
                        .collect(),
                })
                .collect::<Vec<_>>()
        })
    });
    let run = Run {
        answers: RwSignal::new(Vec::new()),
        step: RwSignal::new(0),
        loaded_from: RwSignal::new(None),
    };
    let at_result = Memo::new(move |_| run.step.get() >= qs.with(Vec::len));
    let no_questions = Memo::new(move |_| qs.with(Vec::is_empty));
    view! {
        <div class="checks chooser">
            <Show
                when=move || !no_questions.get()
                fallback=|| view! {
                    <EmptyState message="The chooser has no questions with answers. Add questions and their answers to the structure chooser catalogues on the Data page."/>
                }
            >
                <Show when=move || at_result.get() fallback=move || view! { <QuestionStep questions=qs run/> }>
                    <ChooserResult questions=qs run/>
                </Show>
            </Show>
            <SavedResults run questions=qs/>
        </div>
    }
}
