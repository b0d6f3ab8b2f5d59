use chrono::NaiveDate;
use leptos::prelude::*;

use crate::model::technology::{importance_label, IMPORTANCE_MAX};
use crate::model::{CatalogueKind, Id};
use crate::state::{new_id, now, today, AppState};
use crate::ui::components::{ask, SelectField, Series, Spidergram, TextField};

/// Orientation profiles: rate each orientation's importance, keep dated profiles, compare two.
#[component]
pub fn OrientationsSection(id: Id) -> impl IntoView {
    let state = AppState::expect();
    let orientations = state.ws.with_untracked(|w| {
        w.catalogues
            .get(CatalogueKind::Orientations)
            .iter()
            .map(|o| (o.id.clone(), o.label.clone(), o.description.clone()))
            .collect::<Vec<_>>()
    });
    // The form starts from the latest profile, so a new one records what changed.
    let latest = state
        .ws
        .with_untracked(|w| w.community(&id).and_then(|c| c.technology.profiles.last().cloned()));
    let ratings: Vec<(Id, RwSignal<u8>)> = orientations
        .iter()
        .map(|(oid, _, _)| {
            (
                oid.clone(),
                RwSignal::new(latest.as_ref().map(|p| p.importance(oid)).unwrap_or(0)),
            )
        })
        .collect();
    let on = RwSignal::new(today().to_string());
    let note = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    let save = {
        let (id, ratings) = (id.clone(), ratings.clone());
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let Ok(date) = NaiveDate::parse_from_str(&on.get_untracked(), "%Y-%m-%d") else {
                message.set(Some("Enter the date as YYYY-MM-DD".into()));
                return;
            };
            let values: Vec<(Id, u8)> = ratings.iter().map(|(o, v)| (o.clone(), v.get_untracked())).collect();
            match state
                .edit(|ws| ws.add_orientation_profile(&id, new_id(), date, &values, &note.get_untracked(), now()))
            {
                Ok(()) => {
                    note.set(String::new());
                    message.set(Some(format!("Saved the profile of {date}.")));
                }
                Err(e) => message.set(Some(e.to_string())),
            }
        }
    };
    let sliders = ratings
        .iter()
        .zip(&orientations)
        .map(|((oid, value), (_, label, description))| {
            let input_id = format!("orientation-{oid}");
            let hint_id = format!("{input_id}-hint");
            let value = *value;
            view! {
                <div class="field range-field">
                    <label for=input_id.clone()>{label.clone()}</label>
                    <input
                        id=input_id
                        type="range"
                        min="0"
                        max=IMPORTANCE_MAX.to_string()
                        step="1"
                        aria-describedby=hint_id.clone()
                        aria-valuetext=move || format!("{} of {IMPORTANCE_MAX}, {}", value.get(), importance_label(value.get()))
                        prop:value=move || value.get().to_string()
                        on:input=move |ev| value.set(event_target_value(&ev).parse().unwrap_or(0))
                    />
                    <output aria-hidden="true">{move || format!("{} · {}", value.get(), importance_label(value.get()))}</output>
                    <p class="field__hint" id=hint_id>{description.clone()}</p>
                </div>
            }
        })
        .collect_view();

    // Comparing two profiles: by default the latest and the one before it.
    let profiles = {
        let id = id.clone();
        Memo::new(move |_| {
            state.ws.with(|w| {
                w.community(&id)
                    .map(|c| c.technology.profiles.clone())
                    .unwrap_or_default()
            })
        })
    };
    let options = Signal::derive(move || {
        profiles
            .get()
            .iter()
            .map(|p| {
                (
                    p.id.0.clone(),
                    if p.note.is_empty() {
                        p.on.to_string()
                    } else {
                        format!("{} — {}", p.on, p.note)
                    },
                )
            })
            .collect::<Vec<_>>()
    });
    let pick_a = RwSignal::new(String::new());
    let pick_b = RwSignal::new(String::new());
    let chosen = move |pick: RwSignal<String>, back: usize| {
        let list = profiles.get();
        let wanted = pick.get();
        list.iter()
            .find(|p| p.id.0 == wanted)
            .cloned()
            .or_else(|| list.len().checked_sub(back).and_then(|i| list.get(i).cloned()))
    };
    let labels: Vec<String> = orientations.iter().map(|(_, l, _)| l.clone()).collect();
    let ids: Vec<Id> = orientations.iter().map(|(o, _, _)| o.clone()).collect();
    let chart = {
        let (labels, ids) = (labels.clone(), ids.clone());
        move || {
            let a = chosen(pick_a, 1)?;
            let b = chosen(pick_b, 2).filter(|b| b.id != a.id);
            let mut series = vec![Series {
                label: format!("Profile of {}", a.on),
                values: ids.iter().map(|o| a.importance(o)).collect(),
            }];
            if let Some(b) = &b {
                series.push(Series {
                    label: format!("Profile of {}", b.on),
                    values: ids.iter().map(|o| b.importance(o)).collect(),
                });
            }
            let rows: Vec<(String, u8, Option<u8>)> = labels
                .iter()
                .zip(&ids)
                .map(|(l, o)| (l.clone(), a.importance(o), b.as_ref().map(|b| b.importance(o))))
                .collect();
            let (a_on, b_on) = (a.on, b.as_ref().map(|b| b.on));
            Some(view! {
                <Spidergram id="orientations-chart" title="Importance of each orientation" axes=labels.clone() series max=IMPORTANCE_MAX/>
                <div class="table-wrap" tabindex="0" role="region" aria-label="Orientation ratings as a table">
                    <table class="data-table" data-testid="orientation-table">
                        <caption>"The chart as a table: importance from 0 (not important) to 4 (essential)"</caption>
                        <thead><tr>
                            <th scope="col">"Orientation"</th>
                            <th scope="col" class="num">{a_on.to_string()}</th>
                            {b_on.map(|d| view! { <th scope="col" class="num">{d.to_string()}</th><th scope="col" class="num">"Change"</th> })}
                        </tr></thead>
                        <tbody>
                            {rows.into_iter().map(|(l, va, vb)| view! {
                                <tr>
                                    <th scope="row">{l}</th>
                                    <td class="num">{va}</td>
                                    {vb.map(|vb| {
                                        let d = va as i16 - vb as i16;
                                        view! { <td class="num">{vb}</td><td class="num">{if d > 0 { format!("+{d}") } else if d == 0 { "0".into() } else { d.to_string() }}</td> }
                                    })}
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            })
        }
    };
    let history = {
        let id = id.clone();
        move || {
            profiles.get().into_iter().rev().map(|p| {
                let (cid, pid) = (id.clone(), p.id.clone());
                let label = p.on.to_string();
                let remove = move |_| {
                    let (cid, pid) = (cid.clone(), pid.clone());
                    ask(format!("Delete the profile of {label}?"), vec!["The ratings of that date are deleted.".into()], "Delete profile", move || {
                        let _ = state.edit(|ws| ws.remove_orientation_profile(&cid, &pid, now()));
                    });
                };
                view! {
                    <li>
                        <span>{p.on.to_string()}{(!p.note.is_empty()).then(|| format!(" — {}", p.note))}</span>
                        <span class="cluster"><button class="btn btn--small" on:click=remove aria-label=format!("Delete the profile of {}", p.on)>"Delete…"</button></span>
                    </li>
                }
            }).collect_view()
        }
    };
    view! {
        <section class="section" aria-labelledby="orientations-h">
            <h2 id="orientations-h">"Orientations"</h2>
            <p class="muted">"How important is each kind of activity to this community? Rate from 0 (not important) to 4 (essential). Save a dated profile; later profiles show how the community's needs change."</p>
            <form class="form card" on:submit=save aria-label="Rate the orientations">
                <div class="range-grid">{sliders}</div>
                <div class="field-row">
                    <TextField id="profile-on" label="Date of this profile" input_type="date" value=on/>
                    <TextField id="profile-note" label="Note (optional)" value=note/>
                </div>
                {move || message.get().map(|m| view! { <p role="status">{m}</p> })}
                <div class="form-actions"><button class="btn btn--primary" type="submit">"Save profile"</button></div>
            </form>
            {move || (!profiles.get().is_empty()).then(|| view! {
                <h3>"Profiles"</h3>
                <div class="field-row">
                    <SelectField id="compare-a" label="Show" value=pick_a options=options empty="Latest profile"/>
                    <SelectField id="compare-b" label="Compare with" value=pick_b options=options empty="The one before it"/>
                </div>
            })}
            {chart.clone()}
            {move || (!profiles.get().is_empty()).then(|| view! { <ul class="member-list" aria-label="Saved profiles">{history.clone()}</ul> })}
        </section>
    }
}
