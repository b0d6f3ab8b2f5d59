use leptos::prelude::*;

use crate::model::Problem;

/// Import or load problems, each with its field path.
#[component]
pub fn ProblemList(problems: Vec<Problem>, total: usize) -> impl IntoView {
    let shown = problems.len();
    view! {
        <ol class="problem-list" data-testid="problem-list">
            {problems
                .into_iter()
                .map(|p| {
                    let path = if p.path.is_empty() { "(file)".to_string() } else { p.path };
                    view! {
                        <li>
                            <code class="problem-list__path">{path}</code>
                            ": "
                            {p.reason}
                        </li>
                    }
                })
                .collect_view()}
        </ol>
        {(total > shown).then(|| view! { <p class="muted">{format!("… and {} more problems not listed.", total - shown)}</p> })}
    }
}
