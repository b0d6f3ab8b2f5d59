use leptos::prelude::*;

use crate::state::AppState;
use crate::ui::components::{Banners, ImportPanel, Leaf, TextField};

use super::use_title;

/// First run: nothing is stored yet.
#[component]
pub fn WelcomePage() -> impl IntoView {
    let state = AppState::expect();
    use_title(|| "Welcome".into());
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Err(e) = state.start_new(&name.get_untracked()) {
            error.set(Some(e));
        }
    };
    let sample_error = RwSignal::new(None::<String>);
    // A participant who comes back finds the stories they started.
    let participant = state
        .participant_load()
        .ok()
        .flatten()
        .or_else(|| state.participant_in_memory())
        .map(|b| (b.community.name.clone(), b.community.evaluation.stories.len()));
    view! {
        <main id="main" class="welcome">
            <Banners/>
            <h1><Leaf/>"Cultivate"</h1>
            <p class="lede">
                "Form, cultivate, facilitate and evaluate communities of practice, within and across organisations, following the Wenger-Trayner guidebook. "
                "Everything you enter stays in this browser; export a file to share it or keep it safe."
            </p>
                {participant.map(|(community, n)| view! {
                    <section class="card card--wide" aria-labelledby="continue-stories" data-testid="continue-stories">
                        <h2 class="card__title" id="continue-stories">{format!("Your stories for {community}")}</h2>
                        <p>{format!(
                            "You have {n} stor{} in this browser from a story-collection file, not yet discarded. Export them as an answers file for the facilitator.",
                            if n == 1 { "y" } else { "ies" }
                        )}</p>
                        <a class="btn btn--primary" href=crate::ui::href("/participate")>"Continue with my stories"</a>
                    </section>
                })}
                <section class="card" aria-labelledby="new-ws">
                    <h2 class="card__title" id="new-ws">"Start a new workspace"</h2>
                    <p>"A workspace holds your organisations, people and communities. Name it after your programme or network."</p>
                    <form class="form" on:submit=create>
                        <TextField id="workspace-name" label="Workspace name" value=name required=true error=Signal::derive(move || error.get())/>
                        <div class="form-actions">
                            <button class="btn btn--primary" type="submit">"Create workspace"</button>
                        </div>
                    </form>
                </section>
                <section class="card" aria-labelledby="sample-ws">
                    <h2 class="card__title" id="sample-ws">"Explore the sample"</h2>
                    <p>"A made-up workspace with two initiatives: grassroots technology communities inside a bank, and a community of humanitarian negotiators across agencies."</p>
                    <button class="btn" data-testid="load-sample" on:click=move |_| {
                        if let Err(e) = state.start_sample() { sample_error.set(Some(e)); }
                    }>"Open the sample workspace"</button>
                    {move || sample_error.get().map(|e| view! { <p class="field__error">{e}</p> })}
                </section>
                <section class="card card--wide" aria-labelledby="open-file">
                    <h2 class="card__title" id="open-file">"Open a file"</h2>
                    <p>"Continue from a workspace or community someone exported from Cultivate."</p>
                    <ImportPanel/>
                </section>
        </main>
    }
}
