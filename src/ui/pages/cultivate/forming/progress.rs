use leptos::prelude::*;

use crate::model::forming::STEPS;

/// The wizard's steps as an ordered list, the current one marked `aria-current="step"`,
/// the answered ones ticked. With `on_go`, each step is a button that goes there.
#[component]
pub fn Progress(
    current: Signal<usize>,
    filled: Signal<Vec<bool>>,
    #[prop(optional)] on_go: Option<Callback<usize>>,
) -> impl IntoView {
    view! {
        <nav class="wizard-progress no-print" aria-label="Forming steps">
            <ol class="wizard-progress__list">
                {STEPS
                    .iter()
                    .enumerate()
                    .map(|(i, s)| {
                        let is_current = move || current.get() == i;
                        let done = move || filled.with(|f| f.get(i).copied().unwrap_or(false));
                        let aria_current = move || is_current().then_some("step");
                        let inner = view! {
                            <span class="wizard-progress__num" aria-hidden="true">{i + 1}</span>
                            <span class="wizard-progress__title">{s.title}</span>
                            {move || done().then(|| view! {
                                <span class="wizard-progress__done">
                                    <span aria-hidden="true">"✓"</span>
                                    <span class="visually-hidden">" (answered)"</span>
                                </span>
                            })}
                        };
                        let item = match on_go {
                            Some(go) => view! {
                                <button
                                    type="button"
                                    class="wizard-progress__step"
                                    aria-current=aria_current
                                    on:click=move |_| {
                                        if !is_current() {
                                            go.run(i)
                                        }
                                    }
                                >
                                    {inner}
                                </button>
                            }
                            .into_any(),
                            None => view! { <span class="wizard-progress__step" aria-current=aria_current>{inner}</span> }.into_any(),
                        };
                        view! {
                            <li class="wizard-progress__item" class:is-current=is_current class:is-done=done>
                                {item}
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </nav>
    }
}
