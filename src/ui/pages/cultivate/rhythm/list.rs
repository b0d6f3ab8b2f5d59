use leptos::prelude::*;

use crate::model::cultivation::{Feel, Mode};
use crate::model::rhythm::{date_label, is_over, looks_like_link, next_occurrence, schedule_label};
use crate::model::{CatalogueKind, Id};
use crate::state::{now, today, AppState};
use crate::ui::components::{ask, EmptyState, SafeLink};

use super::{focus_later, FormTarget};

#[derive(Clone, PartialEq)]
struct Row {
    id: Id,
    title: String,
    kind: Option<String>,
    schedule: String,
    next: Option<String>,
    feel: Feel,
    mode: Mode,
    location: String,
}

/// A tag for a feel or a mode, with the same pattern as its bar in the mix chart.
pub fn feel_tag(feel: Feel) -> impl IntoView {
    view! { <span class=format!("tag rhythm-tag rhythm-tag--{}", feel.key())>{feel.label()}</span> }
}

pub fn mode_tag(mode: Mode) -> impl IntoView {
    view! { <span class=format!("tag rhythm-tag rhythm-tag--{}", mode.key())>{mode.short()}</span> }
}

/// The community's activities, soonest first; those that are over come last.
#[component]
pub fn ActivityList(id: Id, form: RwSignal<Option<FormTarget>>) -> impl IntoView {
    let state = AppState::expect();
    let rows = {
        let id = id.clone();
        Memo::new(move |_| {
            let on = today();
            state.ws.with(|w| {
                let Some(c) = w.community(&id) else { return Vec::new() };
                let mut rows: Vec<(Option<chrono::NaiveDateTime>, Row)> = c
                    .cultivation
                    .activities
                    .iter()
                    .map(|a| {
                        let next = next_occurrence(a, on);
                        let next_words = match next {
                            Some(n) => Some(format!("{}, {}", date_label(n.date()), n.format("%H:%M"))),
                            None if is_over(a, on) => None,
                            None => Some("None in the next two months".into()),
                        };
                        (
                            next,
                            Row {
                                id: a.id.clone(),
                                title: a.title.clone(),
                                kind: a
                                    .activity_type_id
                                    .as_ref()
                                    .map(|t| w.catalogues.label(CatalogueKind::ActivityTypes, t)),
                                schedule: schedule_label(a),
                                next: next_words,
                                feel: a.feel,
                                mode: a.mode,
                                location: a.location.clone(),
                            },
                        )
                    })
                    .collect();
                // Soonest first; activities with no next date (over) last, in list order.
                rows.sort_by_key(|(n, _)| (n.is_none(), *n));
                rows.into_iter().map(|(_, r)| r).collect::<Vec<_>>()
            })
        })
    };
    view! {
        <h3 id="activities-h" tabindex="-1">"Activities"</h3>
        {move || {
            let list = rows.get();
            if list.is_empty() {
                return view! {
                    <EmptyState message="No activities planned yet. Start with the community's regular meeting, then add the occasional event that brings something new."/>
                }.into_any();
            }
            let cid = id.clone();
            view! {
                <div class="table-wrap" tabindex="0" role="region" aria-labelledby="activities-h">
                    <table class="data-table rhythm-activities" data-testid="activities-table">
                        <caption class="visually-hidden">"Planned activities, soonest first"</caption>
                        <thead><tr>
                            <th scope="col">"Activity"</th>
                            <th scope="col">"When"</th>
                            <th scope="col">"Where"</th>
                            <th scope="col" class="no-print">"Actions"</th>
                        </tr></thead>
                        <tbody>
                            {list.into_iter().map(|r| {
                                let (edit_id, del_id, cid) = (r.id.clone(), r.id.clone(), cid.clone());
                                let title = r.title.clone();
                                let remove = move |_| {
                                    let (cid, aid) = (cid.clone(), del_id.clone());
                                    ask(
                                        format!("Delete “{title}”?"),
                                        vec![
                                            "It leaves the planner, the calendar below and future exports.".into(),
                                            "Calendars that already imported it keep the event until you delete it there.".into(),
                                        ],
                                        "Delete activity",
                                        move || {
                                            if state.edit(|ws| ws.delete_activity(&cid, &aid, now())).is_ok() {
                                                form.update(|f| {
                                                    if f.as_ref().is_some_and(|t| t.as_ref() == Some(&aid)) {
                                                        *f = None;
                                                    }
                                                });
                                                focus_later("activities-h");
                                            }
                                        },
                                    );
                                };
                                let location = r.location.trim().to_string();
                                let place = if location.is_empty() {
                                    view! { <span class="muted">"—"</span> }.into_any()
                                } else if looks_like_link(&location) {
                                    // The address without its scheme reads better in a narrow column.
                                    let text = location
                                        .split_once("://")
                                        .map(|(_, rest)| rest.trim_end_matches('/').to_string())
                                        .unwrap_or_else(|| location.clone());
                                    view! { <SafeLink href=location text/> }.into_any()
                                } else {
                                    view! { <span>{location}</span> }.into_any()
                                };
                                view! {
                                    <tr>
                                        <th scope="row" class="rhythm-activity">
                                            <span class="rhythm-activity__title">{r.title.clone()}</span>
                                            {r.kind.clone().map(|k| view! { <span class="muted rhythm-kind">{k}</span> })}
                                            <span class="cluster">{feel_tag(r.feel)}{mode_tag(r.mode)}</span>
                                        </th>
                                        <td class="rhythm-when">
                                            <span>{r.schedule.clone()}</span>
                                            {match r.next.clone() {
                                                Some(n) => view! { <span class="rhythm-next"><strong>"Next: "</strong>{n}</span> }.into_any(),
                                                None => view! { <span class="rhythm-next"><span class="tag">"Over"</span></span> }.into_any(),
                                            }}
                                        </td>
                                        <td class="rhythm-where">{place}</td>
                                        <td class="no-print"><div class="cluster">
                                            <button class="btn btn--small" type="button" aria-label=format!("Edit {}", r.title)
                                                on:click=move |_| {
                                                    form.set(Some(Some(edit_id.clone())));
                                                    focus_later("activity-form-h");
                                                }>"Edit"</button>
                                            <button class="btn btn--small" type="button" aria-label=format!("Delete {}", r.title) on:click=remove>"Delete…"</button>
                                        </div></td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }.into_any()
        }}
    }
}
