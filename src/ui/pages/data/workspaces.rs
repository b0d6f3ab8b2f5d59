use leptos::prelude::*;

use crate::state::AppState;
use crate::ui::components::{ask, TextField};
use crate::ui::local_datetime;

/// What happens to the open workspace when another one is opened.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Keep {
    /// Parked and listed, to switch back to.
    Alongside,
    /// Backed up, then replaced.
    Replace,
}

/// Several workspaces in this browser: the open one, the parked ones (switch, download,
/// delete), and opening the sample or starting over, alongside or in place.
#[component]
pub fn WorkspacesSection() -> impl IntoView {
    let state = AppState::expect();
    let message = RwSignal::new(None::<String>);
    let keep = RwSignal::new(Keep::Alongside);
    let new_name = RwSignal::new(String::new());
    let name_error = RwSignal::new(None::<String>);
    let current = move || state.ws.with(|w| w.name.clone());
    let report = move |r: Result<(), String>| message.set(r.err());

    let open_sample = move |_| {
        message.set(None);
        let name = current();
        match keep.get_untracked() {
            Keep::Alongside => ask(
                "Open the sample workspace?",
                vec![format!(
                    "“{name}” is kept under Workspaces on this page, and you can switch back to it at any time."
                )],
                "Open the sample",
                move || report(state.open_sample_alongside()),
            ),
            Keep::Replace => ask(
                format!("Replace “{name}” with the sample?"),
                vec![
                    format!("Everything in “{name}” is replaced by the sample workspace."),
                    "It is backed up first: undo on this page, or restore it from Backups.".into(),
                ],
                "Replace with the sample",
                move || report(state.replace_with_sample()),
            ),
        }
    };

    let start_over = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        message.set(None);
        let fresh = new_name.get_untracked().trim().to_string();
        if fresh.is_empty() {
            name_error.set(Some("Give the new workspace a name".into()));
            return;
        }
        name_error.set(None);
        let name = current();
        let done = move |r: Result<(), String>| {
            if r.is_ok() {
                new_name.set(String::new());
            }
            report(r);
        };
        match keep.get_untracked() {
            Keep::Alongside => {
                let f = fresh.clone();
                ask(
                    format!("Start a new workspace “{fresh}”?"),
                    vec![format!(
                        "“{name}” is kept under Workspaces on this page, and you can switch back to it at any time."
                    )],
                    "Start the new workspace",
                    move || done(state.start_new_alongside(&f)),
                )
            }
            Keep::Replace => {
                let f = fresh.clone();
                ask(
                    "Start over?",
                    vec![
                        format!("Everything in “{name}” is replaced by an empty workspace “{fresh}”."),
                        "It is backed up first: undo on this page, or restore it from Backups.".into(),
                    ],
                    "Start over",
                    move || done(state.start_over(&f)),
                )
            }
        }
    };

    let choice = move |value: Keep, id: &'static str, title: &'static str, help: &'static str| {
        view! {
            <label class="check" for=id>
                <input id=id type="radio" name="ws-keep"
                    prop:checked=move || keep.get() == value
                    on:change=move |_| keep.set(value)/>
                <span><strong>{title}</strong><br/><span class="muted">{help}</span></span>
            </label>
        }
    };

    view! {
        <section class="section" aria-labelledby="workspaces-h">
            <h2 id="workspaces-h">"Workspaces"</h2>
            <p>"Keep several workspaces in this browser: your own, the sample to try things in, one per workshop. One is open at a time; the others wait here until you switch to them."</p>
            <p data-testid="open-workspace">
                "Open now: " <strong>{current}</strong>
                {move || state.ws.with(|w| w.is_sample).then(|| view! { " " <span class="tag tag--sample">"Sample data"</span> })}
            </p>
            {move || match state.parked_workspaces() {
                Err(e) => view! { <p class="field__error" role="alert">{format!("The other workspaces cannot be listed: {e}")}</p> }.into_any(),
                Ok(list) if list.is_empty() => view! { <p class="muted" data-testid="no-parked">"No other workspaces in this browser."</p> }.into_any(),
                Ok(list) => view! {
                    <div class="table-wrap" tabindex="0" role="region" aria-label="Other workspaces (scrollable table)">
                        <table class="data-table" data-testid="parked-table">
                            <caption class="visually-hidden">"Other workspaces in this browser"</caption>
                            <thead><tr>
                                <th scope="col">"Workspace"</th>
                                <th scope="col" class="num">"Communities"</th>
                                <th scope="col">"Kept since"</th>
                                <th scope="col" class="num">"Size"</th>
                                <th scope="col">"Actions"</th>
                            </tr></thead>
                            <tbody>
                                {list.into_iter().map(|p| {
                                    let (k1, k2, k3) = (p.key.clone(), p.key.clone(), p.key.clone());
                                    let (n1, n2) = (p.name.clone(), p.name.clone());
                                    let switch = move |_| {
                                        message.set(None);
                                        report(state.switch_workspace(&k1));
                                    };
                                    let download = move |_| {
                                        message.set(None);
                                        report(state.download_parked(&k2, &n1).map_err(|e| e.to_string()));
                                    };
                                    let delete = move |_| {
                                        message.set(None);
                                        let key = k3.clone();
                                        ask(
                                            format!("Delete the workspace “{n2}”?"),
                                            vec!["It is backed up first, under Backups on this page (the newest five backups are kept). Download it if you want a file of it.".into()],
                                            "Delete workspace",
                                            move || report(state.delete_parked(&key)),
                                        );
                                    };
                                    view! {
                                        <tr data-testid="parked-row">
                                            <th scope="row">
                                                {p.name.clone()}
                                                {p.is_sample.then(|| view! { " " <span class="tag tag--sample">"Sample"</span> })}
                                            </th>
                                            <td class="num">{p.communities}</td>
                                            <td>{local_datetime(p.parked_at)}</td>
                                            <td class="num">{format!("{} KB", p.chars.div_ceil(1000))}</td>
                                            <td><div class="cluster">
                                                <button class="btn btn--small" data-testid="switch-workspace" on:click=switch>
                                                    "Switch to" <span class="visually-hidden">{format!(" {}", p.name)}</span>
                                                </button>
                                                <button class="btn btn--small" on:click=download>
                                                    "Download" <span class="visually-hidden">{format!(" {}", p.name)}</span>
                                                </button>
                                                <button class="btn btn--small btn--danger" on:click=delete>
                                                    "Delete…" <span class="visually-hidden">{format!(" {}", p.name)}</span>
                                                </button>
                                            </div></td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any(),
            }}

            <h3 id="ws-new-h">"Open the sample, or start over"</h3>
            <div class="workspace-new">
                <fieldset class="field">
                    <legend>{move || format!("What happens to “{}”", current())}</legend>
                    {choice(Keep::Alongside, "ws-keep-alongside", "Keep it alongside", "It is listed above, and you can switch back to it at any time.")}
                    {choice(Keep::Replace, "ws-keep-replace", "Replace it", "It is backed up first; undo on this page, or restore the backup.")}
                </fieldset>
                <div class="workspace-new__actions">
                    <div>
                        <button class="btn" data-testid="open-sample" on:click=open_sample>"Open the sample workspace…"</button>
                        <p class="field__hint">"Example communities of both initiatives, to explore and try things in."</p>
                    </div>
                    <form class="workspace-new__form" on:submit=start_over novalidate=true>
                        <TextField id="ws-new-name" label="Name of the new, empty workspace" value=new_name error=name_error autocomplete="off"/>
                        <button class="btn" type="submit" data-testid="start-over">"Start a new workspace…"</button>
                    </form>
                </div>
            </div>
            {move || message.get().map(|m| view! { <p role="alert" class="field__error" data-testid="workspaces-error">{m}</p> })}
        </section>
    }
}
