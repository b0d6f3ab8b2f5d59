use leptos::prelude::*;

use crate::model::cultivation::CharterSection;
use crate::model::forming::{blocks, is_label, Block};

/// A section this short never splits across printed pages.
const SHORT_SECTION_CHARS: usize = 1_200;

/// The charter as a document: title, version line and sections, each section's text as
/// paragraphs (line breaks kept) and bullet lists.
#[component]
pub fn CharterDocument(
    #[prop(into)] name: Signal<String>,
    #[prop(into)] meta: Signal<String>,
    #[prop(into)] sections: Signal<Vec<CharterSection>>,
    /// The status of what is shown, e.g. "Draft, not saved yet", printed under the title.
    #[prop(into, optional)]
    status: MaybeProp<String>,
) -> impl IntoView {
    view! {
        <article class="charter" aria-labelledby="charter-title" data-testid="charter-document">
            <header class="charter__head">
                <p class="charter__kicker">"Charter"</p>
                <h2 id="charter-title" class="charter__title">{move || name.get()}</h2>
                <p class="charter__meta" data-testid="charter-meta">{move || meta.get()}</p>
                {move || status.get().map(|s| view! { <p class="charter__status">{s}</p> })}
            </header>
            {move || sections.get().into_iter().map(|s| {
                let short = s.body.chars().count() <= SHORT_SECTION_CHARS;
                view! {
                    <section class="charter__section" class:charter__section--short=short>
                        <h3>{s.heading}</h3>
                        {blocks(&s.body).into_iter().map(|b| match b {
                            Block::Paragraph(lines) => {
                                let n = lines.len();
                                view! {
                                    <p>
                                        {lines.into_iter().enumerate().map(|(i, l)| {
                                            let text = if is_label(&l) {
                                                view! { <strong>{l}</strong> }.into_any()
                                            } else {
                                                view! { {l} }.into_any()
                                            };
                                            view! {
                                                {text}
                                                {(i + 1 < n).then(|| view! { <br/> })}
                                            }
                                        }).collect_view()}
                                    </p>
                                }.into_any()
                            }
                            Block::List(items) => view! {
                                <ul>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
                            }.into_any(),
                        }).collect_view()}
                    </section>
                }
            }).collect_view()}
        </article>
    }
}
