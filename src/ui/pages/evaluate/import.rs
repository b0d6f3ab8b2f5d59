//! CSV import of observations: choose a file, see what it would import (or every bad row
//! with its line number), then confirm. Nothing is imported while any row is bad.

use leptos::prelude::*;

use crate::model::value::{preview_observations_csv, ImportPreview, RowProblem};
use crate::model::Id;
use crate::state::{new_id, now, today, AppState};

#[derive(Clone)]
enum Step {
    Idle,
    Problems(String, Vec<RowProblem>),
    Ready(String, String, ImportPreview),
    Done(String),
}

#[component]
pub fn ImportSection(id: Id) -> impl IntoView {
    let state = AppState::expect();
    let step = RwSignal::new(Step::Idle);
    let cid = id.clone();
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        input.set_value("");
        let name = file.name();
        let cid = cid.clone();
        leptos::task::spawn_local(async move {
            let next = match crate::state::read_file(&file).await {
                Err(e) => Step::Problems(name, vec![RowProblem { line: 1, message: format!("the file could not be read: {e}") }]),
                Ok(text) => {
                    let r = state.ws.with_untracked(|w| w.community(&cid).map(|c| preview_observations_csv(c, &text, today())));
                    match r {
                        Some(Ok(p)) => Step::Ready(name, text, p),
                        Some(Err(problems)) => Step::Problems(name, problems),
                        None => Step::Idle,
                    }
                }
            };
            step.set(next);
        });
    };
    let cid = id.clone();
    let confirm = move |name: String, text: String| {
        let mut fresh = new_id;
        match state.edit(|ws| ws.import_observations_csv(&cid, &text, &name, today(), &mut fresh, now())) {
            Ok(p) => step.set(Step::Done(format!("Imported {} observation{} from {name}.", p.rows.len(), if p.rows.len() == 1 { "" } else { "s" }))),
            Err(crate::model::ModelError::Invalid(errs)) => step.set(Step::Problems(name, errs.into_iter().map(|e| RowProblem { line: 0, message: e.message }).collect())),
            Err(e) => step.set(Step::Problems(name, vec![RowProblem { line: 0, message: e.to_string() }])),
        }
    };
    view! {
        <section class="section no-print" aria-labelledby="csv-h">
            <h2 id="csv-h">"Import observations from a CSV file"</h2>
            <p class="muted">"For figures exported from elsewhere, such as platform analytics or a survey tool. The first row names the columns: "<code>"indicator"</code>" (its name or id), "<code>"date"</code>" (YYYY-MM-DD) and "<code>"value"</code>", optionally "<code>"note"</code>" and "<code>"source"</code>". Commas or semicolons both work. The import is all or nothing: if any row is wrong, every problem is listed by line and nothing is imported. Rows already recorded are skipped."</p>
            <div class="field">
                <label for="csv-file">"CSV file"</label>
                <input id="csv-file" type="file" accept=".csv,text/csv" data-testid="csv-file" on:change=on_file/>
            </div>
            {move || match step.get() {
                Step::Idle => ().into_any(),
                Step::Done(m) => view! { <p class="notice-ok" role="status" data-testid="csv-done">{m}</p> }.into_any(),
                Step::Problems(name, problems) => {
                    let n = problems.len();
                    view! {
                        <div class="problem-box" role="alert" data-testid="csv-problems">
                            <p><strong>{format!("Nothing was imported from {name}: {n} problem{}.", if n == 1 { "" } else { "s" })}</strong></p>
                            <ul>{problems.into_iter().take(100).map(|p| view! {
                                <li>{if p.line > 0 { format!("Line {}: {}", p.line, p.message) } else { p.message }}</li>
                            }).collect_view()}</ul>
                            {(n > 100).then(|| view! { <p>{format!("…and {} more.", n - 100)}</p> })}
                        </div>
                    }.into_any()
                }
                Step::Ready(name, text, p) => {
                    let per: Vec<String> = p.per_indicator.iter().map(|(n, c)| format!("{n}: {c}")).collect();
                    let confirm = confirm.clone();
                    let (n2, t2) = (name.clone(), text.clone());
                    view! {
                        <div class="card" data-testid="csv-preview">
                            <p><strong>{format!("{name} is ready: {} observation{} to import.", p.rows.len(), if p.rows.len() == 1 { "" } else { "s" })}</strong></p>
                            <ul>{per.into_iter().map(|x| view! { <li>{x}</li> }).collect_view()}</ul>
                            {(!p.already_recorded.is_empty()).then(|| view! { <p class="muted">{format!("{} row{} already recorded will be skipped.", p.already_recorded.len(), if p.already_recorded.len() == 1 { "" } else { "s" })}</p> })}
                            {(!p.ignored_columns.is_empty()).then(|| view! { <p class="muted">{format!("Columns not used: {}.", p.ignored_columns.join(", "))}</p> })}
                            <div class="form-actions">
                                <button type="button" class="btn btn--primary" disabled=p.rows.is_empty() on:click=move |_| confirm(n2.clone(), t2.clone())>"Import"</button>
                                <button type="button" class="btn" on:click=move |_| step.set(Step::Idle)>"Cancel"</button>
                            </div>
                        </div>
                    }.into_any()
                }
            }}
        </section>
    }
}
