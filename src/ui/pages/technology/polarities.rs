use leptos::prelude::*;

use crate::model::technology::POLARITIES;
use crate::model::Id;
use crate::state::{now, AppState};
use crate::ui::components::TextField;

/// The three polarities technology has to balance, each with a note.
#[component]
pub fn PolaritiesSection(id: Id) -> impl IntoView {
    let state = AppState::expect();
    let current = state.ws.with_untracked(|w| {
        w.community(&id)
            .map(|c| c.technology.polarities.clone())
            .unwrap_or_default()
    });
    let fields: Vec<(&'static str, RwSignal<u8>, RwSignal<String>)> = POLARITIES
        .iter()
        .map(|(key, ..)| {
            let p = current
                .get(key)
                .map(|p| (p.position, p.note.clone()))
                .unwrap_or((50, String::new()));
            (*key, RwSignal::new(p.0), RwSignal::new(p.1))
        })
        .collect();
    let message = RwSignal::new(None::<String>);
    let save = {
        let (id, fields) = (id.clone(), fields.clone());
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let result = state.edit(|ws| {
                for (key, pos, note) in &fields {
                    ws.set_polarity(&id, key, pos.get_untracked(), &note.get_untracked(), now())?;
                }
                Ok(())
            });
            message.set(Some(match result {
                Ok(()) => "Saved the polarities.".into(),
                Err(e) => e.to_string(),
            }));
        }
    };
    let rows = fields
        .iter()
        .zip(POLARITIES.iter())
        .map(|((key, pos, note), (_, title, left, right, about))| {
            let input_id = format!("polarity-{key}");
            let (left, right) = (*left, *right);
            let describe = move |v: u8| match v {
                0..=20 => format!("strongly towards {}", left.to_lowercase()),
                21..=40 => format!("towards {}", left.to_lowercase()),
                41..=59 => "balanced".to_string(),
                60..=79 => format!("towards {}", right.to_lowercase()),
                _ => format!("strongly towards {}", right.to_lowercase()),
            };
            let pos = *pos;
            view! {
                <fieldset class="checkbox-list">
                    <legend>{*title}</legend>
                    <p class="field__hint">{*about}</p>
                    <div class="field range-field">
                        <label for=input_id.clone()>{format!("{title}: from {left} to {right}")}</label>
                        <input
                            id=input_id.clone()
                            type="range"
                            min="0"
                            max="100"
                            step="5"
                            aria-valuetext=move || format!("{} of 100, {}", pos.get(), describe(pos.get()))
                            prop:value=move || pos.get().to_string()
                            on:input=move |ev| pos.set(event_target_value(&ev).parse().unwrap_or(50))
                        />
                        <div class="poles" aria-hidden="true"><span>{left}</span><span>{move || describe(pos.get())}</span><span>{right}</span></div>
                    </div>
                    <TextField id=format!("{input_id}-note") label=format!("How the community handles the {} tension", title.to_lowercase()) value=*note multiline=true/>
                </fieldset>
            }
        })
        .collect_view();
    view! {
        <section class="section" aria-labelledby="polarities-h">
            <h2 id="polarities-h">"Polarities"</h2>
            <p class="muted">"Technology for a community has to balance three tensions. Neither pole is better: say where the community wants to be, and how it handles the pull of the other side."</p>
            <form class="form card" on:submit=save aria-label="Polarities">
                {rows}
                {move || message.get().map(|m| view! { <p role="status">{m}</p> })}
                <div class="form-actions"><button class="btn btn--primary" type="submit">"Save polarities"</button></div>
            </form>
        </section>
    }
}
